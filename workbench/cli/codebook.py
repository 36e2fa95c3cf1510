"""The codebook commands of the CLI: list, add, set, rename, move, merge, delete, export,
import (registered with the coding commands in :mod:`workbench.cli.coding`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.common import notice, show_line
from workbench.core.endings import output_format
from workbench.core.errors import InputError


def _project(args: argparse.Namespace):
    from workbench.cli.common import open_project

    return open_project(args)


def _typed(path: str) -> str:
    """A code path as the codebook stores it (one line: ``'Bedarf/Neu\\nZeile'`` is
    ``'Bedarf/Neu Zeile'``), for messages that name it after the change."""
    from workbench.coding.records import check_path

    return check_path(path)


# -- codebook ---------------------------------------------------------------------------
def cmd_codebook_list(args: argparse.Namespace) -> int:
    """workbench codebook list."""
    codebook = _project(args).codebook()
    if not codebook:  # nothing printed looked like a failure: say what comes next
        print(
            "Noch keine Codes (workbench codebook import DATEI oder workbench codebook add PFAD)."
        )
    for spec in codebook:
        depth = spec.path.count("/")
        colour = f"  {spec.colour}" if spec.colour else ""
        category = "" if spec.codable else "  (Kategorie, nicht kodierbar)"
        show_line(f"{'  ' * depth}{spec.name}{colour}{category}")
    return 0


def cmd_codebook_add(args: argparse.Namespace) -> int:
    """workbench codebook add PATH."""
    _project(args).add_code(
        args.path,
        description=args.description or "",
        example=args.example or "",
        colour=args.colour,
    )
    show_line(f"Code '{_typed(args.path)}' angelegt.")
    return 0


def cmd_codebook_set(args: argparse.Namespace) -> int:
    """workbench codebook set PATH [--description …] [--example …] [--colour …]."""
    if args.description is None and args.example is None and args.colour is None:
        raise InputError("Nichts zu ändern: --description, --example oder --colour angeben.")
    _project(args).update_code(
        args.path, description=args.description, example=args.example, colour=args.colour
    )
    show_line(f"Code '{_typed(args.path)}' geändert.")
    return 0


def _need_code_note(old: str, new: str) -> str | None:
    """A hint when a code leaves 'Bedarf' (or its subcodes): the need analysis reads them."""
    from workbench.analysis.needs import NEED_CODE
    from workbench.core.domain import SEPARATOR

    def is_need(path: str) -> bool:
        return path == NEED_CODE or path.startswith(NEED_CODE + SEPARATOR)

    if not is_need(old.strip()) or is_need(new):
        return None
    return (
        f"Die Bedarfsanalyse (workbench needs) wählt die Aussagen mit dem Code '{NEED_CODE}' "
        f"und seinen Untercodes; die Kodierungen von '{new}' zählen nicht mehr dazu. Ohne "
        f"diesen Code: workbench needs --segments all oder --question TEXT."
    )


def cmd_codebook_rename(args: argparse.Namespace) -> int:
    """workbench codebook rename PATH NEW_NAME."""
    new_path = _project(args).rename_code(args.path, args.new_name)
    show_line(
        f"Code '{_typed(args.path)}' heißt jetzt '{new_path}' (Kodierungen bleiben erhalten)."
    )
    if note := _need_code_note(args.path, new_path):
        notice(note, "  Hinweis: ")
    return 0


def cmd_codebook_move(args: argparse.Namespace) -> int:
    """workbench codebook move PATH (--under PARENT | --top)."""
    new_path = _project(args).move_code(args.path, None if args.top else args.under)
    parent = new_path.rsplit("/", 1)[0] if "/" in new_path else None
    where = f"unter '{parent}'" if parent else "auf der obersten Ebene"
    show_line(
        f"Code '{_typed(args.path)}' liegt jetzt {where}: '{new_path}' (Kodierungen bleiben "
        "erhalten)."
    )
    if note := _need_code_note(args.path, new_path):
        notice(note, "  Hinweis: ")
    return 0


def cmd_codebook_merge(args: argparse.Namespace) -> int:
    """workbench codebook merge PATH INTO."""
    from workbench.core.formatting import plural

    done = _project(args).merge_code(args.path, args.into)
    moved = [plural(done.codings, "Kodierung", "Kodierungen")]
    moved += [plural(done.memos, "Memo", "Memos")] if done.memos else []
    moved += [plural(done.resolutions, "Klärung", "Klärungen")] if done.resolutions else []
    listed = " und ".join([", ".join(moved[:-1]), moved[-1]] if len(moved) > 1 else moved)
    twice = (
        f"; {plural(done.duplicates, 'Kodierung', 'Kodierungen')} "
        f"{'hatte' if done.duplicates == 1 else 'hatten'} beide Codes (dieselbe Person, "
        "dieselbe Stelle) und steh" + ("t" if done.duplicates == 1 else "en") + " jetzt einmal da"
        if done.duplicates
        else ""
    )
    show_line(
        f"Code '{done.source}' mit '{done.target}' zusammengeführt: {listed} "
        f"übernommen{twice}. '{done.source}' ist gelöscht; kommt er mit einer älteren "
        f"REFI-QDA-Datei zurück, gehört er zu '{done.target}'."
    )
    if done.subcodes:
        subcodes = ", ".join(done.subcodes)
        show_line(f"  Seine Untercodes liegen jetzt unter '{done.target}': {subcodes}.")
    if note := _need_code_note(done.source, done.target):
        notice(note, "  Hinweis: ")
    return 0


def cmd_codebook_delete(args: argparse.Namespace) -> int:
    """workbench codebook delete PATH [--force]."""
    from workbench.core.formatting import plural

    project = _project(args)
    removed, memos, merged = project.remove_code(args.path, force=args.force)
    extra = [plural(removed, "Kodierung", "Kodierungen")] if removed else []
    extra += [plural(memos, "Memo", "Memos")] if memos else []
    also = f", {' und '.join(extra)}" if extra else ""
    show_line(f"Code '{_typed(args.path)}' mit Untercodes{also} gelöscht.")
    if merged:  # their GUIDs named it in a REFI-QDA import: now deleted codes' (decision 026)
        show_line(
            f"Verworfen: die REFI-QDA-GUID von {plural(merged, 'Code', 'Codes')}, "
            f"{'der' if merged == 1 else 'die'} in ihn zusammengeführt "
            f"{'wurde' if merged == 1 else 'wurden'}. Eine MAXQDA- oder ATLAS.ti-Datei aus "
            "einem Export von vor dem Zusammenführen bringt "
            f"{'ihn' if merged == 1 else 'sie'} beim Import nicht zurück, wie den gelöschten "
            "Code selbst (zurückholen: workbench import DATEI --restore-deleted-codes)."
        )
    return 0


def cmd_codebook_export(args: argparse.Namespace) -> int:
    """workbench codebook export [--format yaml|qdc] OUT (without: from the ending)."""
    from workbench.cli.common import said_to
    from workbench.core.formatting import plural

    args.format = output_format(  # XML under .yaml (or YAML under .qdc) reimports as broken
        args.out,
        args.format,
        {".yaml": "yaml", ".yml": "yaml", ".qdc": "qdc"},
        what={f: f"ein Codebuch im Format {f}" for f in ("yaml", "qdc")},
        notes={".qdpx": "Ein REFI-QDA-Projekt .qdpx schreibt workbench export --format qdpx."},
    )
    n = _project(args).export_codebook(args.out, args.format)
    show_line(
        f"{plural(n, 'Code', 'Codes')} nach "
        f"{'der Standardausgabe' if args.out == '-' else args.out} exportiert ({args.format}).",
        file=said_to(args.out),
    )
    return 0


def cmd_codebook_import(args: argparse.Namespace) -> int:
    """workbench codebook import FILE (descriptions and examples pseudonymised)."""
    from workbench.core.formatting import plural

    notices: list[str] = []
    project = _project(args)
    before = {spec.path: spec for spec in project.codebook()}
    n = project.import_codebook(args.file, notices, args.restore_deleted_codes)
    after = project.codebook()
    added = sum(spec.path not in before for spec in after)
    changed = sum(spec.path in before and spec != before[spec.path] for spec in after)
    name = Path(args.file).name
    if n == 0:  # an empty codebook (a new QualCoder project's export): nothing "gibt es"
        show_line(f"Codebuch unverändert: {name} enthält keine Codes.")
    elif not (added or changed):  # the same file again: "übernommen" would suggest a change
        listed = "Den Code" if n == 1 else f"Alle {n} Codes"
        show_line(f"Codebuch unverändert: {listed} aus {name} gibt es schon so.")
    else:
        show_line(
            f"{plural(n, 'Code', 'Codes')} aus {name} übernommen ({added} neu, {changed} geändert)."
        )
    for line in notices:
        notice(line, "  Hinweis: ")
    return 0
