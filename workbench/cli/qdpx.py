"""REFI-QDA commands: ``workbench export --format qdpx`` and ``workbench import FILE.qdpx``.

``cli.import_command`` and ``cli.export`` route to these two functions (``import`` by the
``.qdpx``/``.qde`` suffix, ``export`` by the format); the work is in :mod:`workbench.exchange`.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from workbench.cli.common import notice, show_line
from workbench.core.errors import InputError, control_shown
from workbench.core.fileio import writes_to_stdout

if TYPE_CHECKING:
    from workbench.project import Project

TABLE_OPTIONS = (
    "text_column",
    "title_column",
    "no_title",
    "include_rejected",
    "id_column",
    "district_column",
    "workshop_column",
    "question_column",
    "role_column",
    "code_column",
    "code_columns",
    "attribute_columns",
    "sheet",
)


def import_qdpx_command(project: Project, args: argparse.Namespace) -> int:
    """workbench import FILE.qdpx… [--coder NAME] [--district NAME] [--add-districts]."""
    from workbench.coding.code_index import FIELDS_CHANGED
    from workbench.core.formatting import plural
    from workbench.exchange.qdpx import SUFFIXES, import_qdpx_files
    from workbench.ingest.name_file import read_names
    from workbench.ingest.project_writer import REMOVED_ELSEWHERE

    others = [p for p in args.paths if not str(p).lower().endswith(SUFFIXES)]
    if others:
        raise InputError(
            "REFI-QDA-Projekte (.qdpx, .qde) bitte getrennt von anderen Dateien importieren: "
            + ", ".join(str(p) for p in others)
        )
    used = [f"--{o.replace('_', '-')}" for o in TABLE_OPTIONS if getattr(args, o, None)]
    if used:
        raise InputError(f"{', '.join(used)} gilt nur für Tabellen, nicht für .qdpx.")
    names = read_names(args.names) if args.names else []  # each also as repaired (027)
    results = import_qdpx_files(
        project,
        args.paths,
        coder=args.coder,
        district=args.district,
        workshop=args.workshop,
        names=[n for n in names if n],
        add_districts=args.add_districts,
        restore_deleted=args.restore_deleted_codes,
    )
    for r in results:
        shown = control_shown(r.filename)  # no ESC or line break of a file name to the terminal
        added = r.documents or r.codes or r.codings or r.memos or r.indicators
        if not added and r.existing:
            codebook = any(n.startswith(FIELDS_CHANGED) for n in r.notices)
            done = "nur Codes geändert (siehe Hinweis)" if codebook else "nichts geändert"
            if any(n.startswith(REMOVED_ELSEWHERE) for n in r.notices):
                show_line(f"{shown}: bereits importiert, {done}; der Datei fehlt, was hier ist")
            else:
                show_line(f"{shown}: bereits importiert (gleicher Inhalt), {done}")
        elif not added:
            show_line(
                f"{shown}: nichts übernommen – keine Textquelle mit Text, keine neuen "
                "Codes, Memos oder Indikatorwerte"
            )
        else:
            show_line(
                f"{shown}: {plural(r.documents, 'Dokument', 'Dokumente')} mit "
                f"{plural(r.segments, 'Aussage', 'Aussagen')} neu"
                f"{f', {r.existing} schon vorhanden' if r.existing else ''}; "
                f"{plural(r.codes, 'Code', 'Codes')}, "
                f"{plural(r.codings, 'Kodierung', 'Kodierungen')}, "
                f"{plural(r.memos, 'Memo', 'Memos')}, "
                f"{plural(r.indicators, 'Indikatorwert', 'Indikatorwerte')} übernommen"
            )
        for line in r.notices:
            notice(line, "  Hinweis: ")
    return 0


def export_qdpx_command(project: Project, args: argparse.Namespace) -> int:
    """workbench export --format qdpx [--originals] [--qualcoder] OUT."""
    from workbench.core.formatting import plural
    from workbench.exchange.qdpx import export_qdpx

    qualcoder = args.qualcoder
    result = export_qdpx(project, args.out, pseudonymised=not args.originals, qualcoder=qualcoder)
    where = sys.stderr if writes_to_stdout(args.out) else sys.stdout  # not into the zip
    show_line(
        f"REFI-QDA-Projekt {args.out}"
        + (" für QualCoder (Textpositionen in Unicode-Zeichen)" if qualcoder else "")
        + f": {plural(result.documents, 'Dokument', 'Dokumente')}, "
        f"{plural(result.segments, 'Aussage', 'Aussagen')}, "
        f"{plural(result.codes, 'Code', 'Codes')}, "
        f"{plural(result.codings, 'Kodierung', 'Kodierungen')}, "
        f"{plural(result.memos, 'Memo', 'Memos')}, "
        f"{plural(result.cases, 'Sozialraum', 'Sozialräume')} als Fälle"
        + (
            " (pseudonymisiert)."
            if result.pseudonymised
            else " (ORIGINALTEXTE, nicht weitergeben)."
        ),
        file=where,
    )
    for line in result.notices:
        notice(line, "  Hinweis: ", where)
    return 0
