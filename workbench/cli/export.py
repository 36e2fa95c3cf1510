"""workbench export: the statements with codes as a table (CSV, XLSX) or a REFI-QDA project."""

from __future__ import annotations

import argparse
import sys

from workbench.cli.common import open_project, output_path, show_line
from workbench.core.endings import output_format
from workbench.core.errors import WorkbenchError
from workbench.core.fileio import writes_to_stdout

EXPORT_FORMATS = ("csv", "xlsx", "qdpx")


def export_format(out: str, given: str | None) -> str:
    """The format of an export to ``out``: ``--format`` if given, else the file's ending
    (".csv", ".xlsx", ".qdpx"; "-": CSV); raises with a German message if the ending
    names another format, none or an unknown one (see :func:`output_format`)."""
    if out == "-" and given is None:
        return "csv"
    return output_format(out, given, {f".{f}": f for f in EXPORT_FORMATS})


def cmd_export(args: argparse.Namespace) -> int:
    """workbench export [--format csv|xlsx|qdpx] [--originals] OUT: pseudonymised unless
    ``--originals`` asks for the texts as imported (for the research team only)."""
    if args.originals and args.pseudonymised:
        raise WorkbenchError(
            "--originals und --pseudonymised schließen sich aus (ohne Angabe wird "
            "pseudonymisiert exportiert)."
        )
    args.format = export_format(args.out, args.format)
    if args.qualcoder and args.format != "qdpx":
        raise WorkbenchError(
            "--qualcoder gilt nur für --format qdpx (es betrifft die Textpositionen eines "
            "REFI-QDA-Projekts)."
        )
    if args.format == "qdpx":
        if args.out == "-":
            raise WorkbenchError("Auf die Standardausgabe (-) geht nur --format csv.")
        from workbench.cli.qdpx import export_qdpx_command

        return export_qdpx_command(open_project(args), args)
    n = open_project(args).export_table(args.out, args.format, pseudonymised=not args.originals)
    show_line(
        f"{n} Aussagen nach {'der Standardausgabe' if args.out == '-' else args.out} exportiert"
        + (
            " – ORIGINALTEXTE mit Namen und Kontaktdaten: nur für die Forschungsgruppe, "
            "nicht weitergeben."
            if args.originals
            else " (pseudonymisiert)."
        ),
        file=sys.stderr if writes_to_stdout(args.out) else sys.stdout,
    )
    return 0


def add_command(sub: argparse._SubParsersAction) -> None:
    """Add ``export`` to the subcommands."""
    p = sub.add_parser(
        "export", help="Aussagen mit Codes als Tabelle oder REFI-QDA-Projekt (.qdpx) exportieren"
    )
    p.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        help="Tabelle (csv, xlsx) oder REFI-QDA-Projekt für MAXQDA, NVivo, ATLAS.ti (qdpx); "
        "ohne Angabe nach der Endung von OUT",
    )
    p.add_argument(
        "--pseudonymised",
        action="store_true",
        help="pseudonymisierte Texte (die Voreinstellung; für Skripte, die es ausdrücklich sagen)",
    )
    p.add_argument(
        "--originals",
        action="store_true",
        help="Originaltexte mit Namen und Kontaktdaten, nur für die Forschungsgruppe "
        "(sonst immer pseudonymisiert)",
    )
    p.add_argument(
        "--qualcoder",
        action="store_true",
        help="qdpx für QualCoder: Textpositionen in Unicode-Zeichen, wie QualCoder sie liest "
        "(sonst UTF-16 wie MAXQDA, NVivo, ATLAS.ti; verschieden erst hinter Emojis)",
    )
    p.add_argument(
        "out",
        type=output_path,
        metavar="OUT",
        help="Zieldatei (.csv, .xlsx oder .qdpx wie --format)",
    )
    p.set_defaults(func=cmd_export)
