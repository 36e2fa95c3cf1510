"""``workbench import``: files, folders and REFI-QDA projects into the project, with the
notices on options not applied and on the first wave."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from workbench.cli import coding as cli_coding
from workbench.cli.common import notice, open_project, show_line
from workbench.core.errors import WorkbenchError, control_shown

if TYPE_CHECKING:
    from workbench.project import Project


def cmd_import(args: argparse.Namespace) -> int:
    """workbench import PATH…."""
    from workbench.core.formatting import plural
    from workbench.ingest.dispatch import expand_paths
    from workbench.ingest.name_file import read_names, read_role_file
    from workbench.ingest.same_content import SKIPPED
    from workbench.ingest.table import TableMapping

    project = open_project(args)
    if args.coder:  # "anna" codes as Anna, as with workbench code
        args.coder = cli_coding.known_coder_of(project, args.coder)[0]
    left_out: list[str] = []
    args.paths = expand_paths(args.paths, left_out)  # a folder: the files in it
    if any(str(p).lower().endswith((".qdpx", ".qde")) for p in args.paths):
        from workbench.cli.qdpx import import_qdpx_command

        if args.wave:
            raise WorkbenchError(
                "--wave gilt für Protokolle und Tabellen; REFI-QDA-Projekte kommen in die "
                "erste Welle."
            )

        return import_qdpx_command(project, args)
    tables = (".csv", ".tsv", ".xlsx", ".xlsm", ".ods", ".json", ".jsonl", ".ndjson")
    if args.restore_deleted_codes and not any(str(p).lower().endswith(tables) for p in args.paths):
        from workbench.coding.deleted_codes import RESTORE_ONLY

        raise WorkbenchError(RESTORE_ONLY)
    sheeted = (".xlsx", ".xlsm", ".ods", ".json", ".geojson", ".jsonl", ".ndjson")
    if args.sheet and not any(str(p).lower().endswith(sheeted) for p in args.paths):
        raise WorkbenchError(
            "--sheet wählt ein Tabellenblatt (XLSX, ODS) oder eine Liste in JSON; keine der "
            "Dateien hat eines."
        )
    attributes = None
    if args.attribute_columns is not None:
        attributes = tuple(c.strip() for c in args.attribute_columns.split(",") if c.strip())
    mapping = TableMapping(
        text_column=args.text_column[0] if args.text_column else None,
        more_text_columns=tuple(args.text_column[1:]) if args.text_column else (),
        title_column=args.title_column,
        no_title=args.no_title,
        include_rejected=args.include_rejected,
        id_column=args.id_column,
        district_column=args.district_column,
        workshop_column=args.workshop_column,
        question_column=args.question_column,
        role_column=args.role_column,
        code_column=args.code_column,
        code_columns=_code_columns(args.code_columns),
        coder=args.coder,
        attribute_columns=attributes,
        sheet=args.sheet,
    )
    names = read_names(args.names) if args.names else []  # each also as repaired (027)
    roles = read_role_file(args.roles) if args.roles else None
    before = set(project.workshops()["workshop_id"])
    results = project.import_files(
        args.paths,
        mapping=mapping,
        district=args.district,
        workshop=args.workshop,
        names=names,
        roles=roles,
        wave=args.wave,
        add_districts=args.add_districts,
        allow_duplicates=args.allow_duplicates,
        direct_messages=args.include_direct_messages,
        restore_deleted=args.restore_deleted_codes,
    )
    again: list[str] = []  # files the project holds already: this call's options not applied
    for r in results:
        if r.status not in ("importiert", SKIPPED) and not r.codings:
            again.append(r.filename)
        shown = control_shown(r.filename)  # "karten⏎zwei.csv": no ESC or break to the terminal
        extra = f", {plural(r.codings, 'Kodierung', 'Kodierungen')}" if r.codings else ""
        skipped = (
            f", {plural(r.skipped_rows, 'leere Zeile', 'leere Zeilen')} übersprungen"
            if r.skipped_rows
            else ""
        )
        if r.status == "importiert":
            count = plural(r.segments, "Aussage", "Aussagen")
            show_line(f"{shown}: {count} importiert{extra}{skipped}")
        elif r.status == SKIPPED:
            notice(r.notices[0], f"{shown}: ")
            continue
        elif r.codings:  # --restore-deleted-codes: a deleted code's codings back
            back = plural(r.codings, "Kodierung", "Kodierungen")
            show_line(f"{shown}: bereits importiert (gleicher Inhalt), {back} zurückgeholt")
        else:
            show_line(f"{shown}: bereits importiert (gleicher Inhalt), nichts geändert")
        for line in r.notices:
            notice(line, "  Hinweis: ")
    for line in left_out:
        notice(line)
    print(*_unapplied_notice(args, again, project), sep="", end="")
    if not args.wave:
        for line in _first_wave_notice(project, before):  # workshop and wave names shown
            show_line(line.rstrip("\n"))
    return 0


def _code_columns(given: str | None) -> tuple[str, ...]:
    """The columns of --code-columns ("Ressource,Bedarf", "Ressource..Bedarf")."""
    if given is None:
        return ()
    columns = tuple(c.strip() for c in given.split(",") if c.strip())
    if not columns:
        raise WorkbenchError("--code-columns nennt keine Spalte (z. B. 'Ressource,Bedarf').")
    return columns


# The options of `workbench import` that shape what a file's import stores (--wave is
# answered by its own notice, see ingest.import_waves; --sheet picks another document;
# --include-direct-messages by the file's own notice of the messages left out).
_SHAPING_OPTIONS = (
    "roles", "names", "district", "workshop", "text_column", "title_column", "id_column",
    "district_column", "workshop_column", "question_column", "role_column", "code_column",
    "code_columns", "coder", "attribute_columns", "no_title", "include_rejected",
    "allow_duplicates", "add_districts",
)  # fmt: skip


def _unapplied_notice(args: argparse.Namespace, again: list[str], project: Project) -> list[str]:
    """A line saying that the options given act only on files imported for the first time:
    for the ``again`` files the project held already, their first import stands; a
    --district or --workshop their first import had as well is no other option."""
    same = _same_place(project, again, args.district, args.workshop) if again else set()
    given = [
        "--" + option.replace("_", "-")
        for option in _SHAPING_OPTIONS
        if getattr(args, option, None) not in (None, False) and option not in same
    ]
    if not again or not given:
        return []
    files = (
        "die schon importierte Datei"
        if len(again) == 1
        else f"die {len(again)} schon importierten Dateien"
    )
    return [
        f"Hinweis: Die Optionen dieses Aufrufs ({', '.join(given)}) wirken nur auf Dateien, "
        f"die zum ersten Mal importiert werden; für {files} gilt der erste Import, wie er war "
        "(auch nach workbench forget: gelöschte Aussagen kämen sonst zurück). Dieselbe Datei "
        "mit anderen Optionen: nur in ein neues Projekt (workbench init).\n"
    ]


def _same_place(
    project: Project, filenames: list[str], district: str | None, workshop: str | None
) -> set[str]:
    """Which of the options "district" and "workshop" name what the stored documents of
    ``filenames`` have already (a renamed copy of a file is not found: not the same)."""
    from workbench.store.workshop_keys import typed_workshop

    documents = project.documents()
    stored = documents[documents["filename"].isin(filenames)]
    if set(stored["filename"]) != set(filenames):
        return set()
    forms = {  # a long workshop name is stored shortened (long_names)
        "district": (district,),
        "workshop": typed_workshop(workshop) if workshop is not None else (),
    }
    return {
        option
        for option, value in (("district", district), ("workshop", workshop))
        if value is not None and stored[option].isin(forms[option]).all()
    }


def _first_wave_notice(project: Project, before: set[int]) -> list[str]:
    """A line naming the workshops an import without --wave put into the first wave of a
    project with several: a later survey belongs in its own wave (nothing said else)."""
    workshops = project.workshops()
    new = list(workshops[~workshops["workshop_id"].isin(before)]["workshop"])
    if not new or workshops["wave"].nunique() < 2:
        return []
    from workbench.analysis.waves import waves

    labels = list(waves(project)["wave"])
    one = len(new) == 1
    return [
        f"Hinweis: Ohne --wave kam{'' if one else 'en'} "
        f"{'der neue Workshop' if one else 'die neuen Workshops'} "
        + ", ".join(f"'{w}'" for w in new)
        + f" in die erste Welle '{labels[0]}' (das Projekt hat {len(labels)} Wellen, die "
        f"jüngste '{labels[-1]}'). {'Gehört er' if one else 'Gehören sie'} in eine andere: "
        f"workbench waves --move '{new[0] if one else 'WORKSHOP'}' WELLE\n"
    ]
