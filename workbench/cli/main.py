"""The ``workbench`` command's parser and entry point; each stage adds its subcommands."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli import admin_commands as cli_admin
from workbench.cli import analysis as cli_analysis
from workbench.cli import coding as cli_coding
from workbench.cli import concept as cli_concept
from workbench.cli import export as cli_export
from workbench.cli import feedback as cli_feedback
from workbench.cli import geo as cli_geo
from workbench.cli import memos as cli_memos
from workbench.cli import monitoring as cli_monitoring
from workbench.cli import privacy as cli_privacy
from workbench.cli import suggest as cli_suggest
from workbench.cli import synthesis as cli_synthesis
from workbench.cli.common import (
    EXIT_ERROR,
    EXIT_PIPE,
    ShownStream,
    closing_projects,
    database_reason,
    district_twins_said,
    open_project,
    show_line,
)
from workbench.cli.import_command import cmd_import
from workbench.core.errors import WorkbenchError, message_lines, one_line
from workbench.core.german import install as install_german

if TYPE_CHECKING:
    from workbench.store.district_changes import DistrictChange

# Building the parser loads no stage (pandas, SQLAlchemy, the importers, …): each command
# imports what it needs when it runs, so `--help` and a mistyped option answer at once
# (tests/test_cli_startup.py).


def _comma_list(values: Sequence[str]) -> list[str]:
    """The district names of options as typed ("Opladen,Süd-Ost"): split at commas,
    stripped, blanks left out (``init --districts``, ``districts --add``).

    >>> _comma_list(["Opladen, Süd-Ost", "Manfort,"])
    ['Opladen', 'Süd-Ost', 'Manfort']
    """
    return [d.strip() for value in values for d in value.split(",") if d.strip()]


def cmd_init(args: argparse.Namespace) -> int:
    """workbench init DIR."""
    from workbench.project import Project

    districts = _comma_list([args.districts or ""])
    project = Project.create(args.dir, db_url=args.db, districts=districts)
    show_line(f"Projekt angelegt: {project.path}")
    show_line(f"Weiter mit: workbench --project {project.path} import DATEI …")
    return 0


def cmd_districts(args: argparse.Namespace) -> int:
    """workbench districts [--add NAME … | --rename ALT NEU | --merge QUELLE --into ZIEL]."""
    if (args.merge is None) != (args.into is None):
        raise WorkbenchError("--merge QUELLE und --into ZIEL gehören zusammen.")
    if sum(bool(a) for a in (args.add, args.rename, args.merge)) > 1:
        raise WorkbenchError("Bitte nur eines: --add, --rename oder --merge … --into ….")
    project = open_project(args)
    if args.add:  # "--add Opladen,Süd-Ost" as `init --districts` reads it: two districts
        project.add_districts(_comma_list(args.add))
    if args.rename:
        change = project.rename_district(*args.rename)
        show_line(f"Sozialraum '{change.source}' heißt jetzt '{change.target}'.")
    if args.merge:
        change = project.merge_districts(args.merge, args.into)
        show_line(_merged_text(change))
    for row in project.districts().itertuples():
        show_line(f"{row.district}{' (gesamtstädtisch)' if row.is_citywide else ''}")
    district_twins_said(project)
    return 0


def _merged_text(change: DistrictChange) -> str:
    """What a merge moved, in German (only what there was)."""
    from workbench.core.formatting import plural

    words = {
        "workshops": ("Workshop", "Workshops"),
        "statements": ("Aussage", "Aussagen"),
        "indicators": ("Indikatorwert", "Indikatorwerte"),
        "recommendations": ("Empfehlung", "Empfehlungen"),
        "tokens": ("Zugangscode", "Zugangscodes"),
    }
    moved = [plural(change.moved[k], *w) for k, w in words.items() if change.moved.get(k)]
    if moved:
        said = f": {', '.join(moved)} übernommen."
    else:  # values left out for the target's own years: it had something
        said = " (nichts übernommen)." if change.dropped else " (er hatte noch nichts)."
    lines = [f"Sozialraum '{change.source}' mit '{change.target}' zusammengelegt{said}"]
    if change.dropped:
        lines.append(
            f"  Nicht übernommen, weil '{change.target}' für dasselbe Jahr einen eigenen Wert "
            f"hat: {', '.join(change.dropped)}. Werte des zusammengelegten Sozialraums "
            "importieren (sie ersetzen die alten): workbench indicators --import DATEI"
        )
    if change.moved.get("statements"):
        lines.append(
            "  Bedarfs- und Themenanalysen von vorher sind damit veraltet: workbench needs "
            "bzw. workbench topics erneut ausführen."
        )
    lines.append(f"  '{change.source}' ist entfernt; der Wellenvergleich nennt die Zusammenlegung.")
    return "\n".join(lines)


def cmd_status(args: argparse.Namespace) -> int:
    """workbench status [--json]."""
    project = open_project(args)
    status = project.status()
    if args.json:
        print(json.dumps(status, sort_keys=True))
        return 0
    labels = {
        "workshops": "Workshops",
        "districts": "Sozialräume (inkl. Gesamtstadt)",
        "documents": "Dokumente",
        "segments": "Aussagen",
        "codes": "Codes",
        "codings": "Kodierungen",
    }
    for key, label in labels.items():
        show_line(f"{label:<34}{status[key]:>8}")
        if key == "segments":
            for line in cli_monitoring.wave_lines(project):
                show_line(line)
    district_twins_said(project)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """workbench demo [DIR]."""
    from workbench.demo import add_demo_recommendations, add_follow_up, analyse_demo, build_demo
    from workbench.synthesis.recommendations import follow_evidence

    project = build_demo(args.dir, analyse=args.analyse and not args.welle2)
    # the draft recommendations with their evidence (and their need clusters, if analysed);
    # before the follow-up wave, whose status steps find them by their titles
    add_demo_recommendations(project)
    if args.welle2:
        add_follow_up(project, analyse=args.analyse)
        if args.analyse:
            analyse_demo(project)
            follow_evidence(project)  # into the need run over both waves
    status = project.status()
    show_line(
        f"Demo-Projekt in {project.path}: {status['workshops']} Workshops, "
        f"{status['segments']} Aussagen, {status['codes']} Codes, {status['codings']} Kodierungen."
    )
    print(f"Öffnen in Python:  from workbench import Project; Project.open({str(project.path)!r})")
    show_line(f"Auf der Kommandozeile:  workbench --project {project.path} status")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with all subcommands."""
    install_german()  # usage lines, headings and argparse's error messages in German
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Sozialraum-Werkbank: qualitative, partizipative Sozialraumanalyse.",
    )
    parser.add_argument(
        "--project", metavar="DIR", help="Projektordner (sonst Umgebungsvariable WORKBENCH_PROJECT)"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="BEFEHL")

    p = sub.add_parser("init", help="neues Projekt anlegen")
    p.add_argument("dir", metavar="DIR", help="Projektordner")
    p.add_argument("--db", metavar="URL", help="SQLAlchemy-URL statt SQLite im Projektordner")
    p.add_argument("--districts", metavar="A,B", help="Sozialräume, kommagetrennt")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser(
        "districts",
        help="Sozialräume anzeigen, ergänzen, umbenennen oder zusammenlegen",
        description="Ohne Option: die Sozialräume des Projekts. --rename ändert einen Namen "
        "überall (Workshops, Aussagen, Indikatoren, Empfehlungen, Zugangscodes, Analysen, "
        "Grenzen); --merge legt einen Sozialraum mit einem anderen zusammen (alles geht an "
        "den Ziel-Sozialraum, die Quelle wird entfernt). Beides in einer Transaktion; Namen "
        "dürfen in anderer Groß-/Kleinschreibung und mit ausgeschriebenen Umlauten stehen.",
    )
    p.add_argument(
        "--add", nargs="+", action="extend", metavar="NAME", help="Sozialraum ergänzen (auch A,B)"
    )
    p.add_argument("--rename", nargs=2, metavar=("ALT", "NEU"), help="Sozialraum umbenennen")
    p.add_argument("--merge", metavar="QUELLE", help="Sozialraum, der aufgeht (mit --into)")
    p.add_argument("--into", metavar="ZIEL", help="Sozialraum, der bleibt")
    p.set_defaults(func=cmd_districts)

    p = sub.add_parser(
        "import",
        help="Protokolle (.md, .txt, .docx, .odt, .pdf, .rtf), Chats und Transkripte (.txt, "
        ".vtt, .srt, .sbv), Tabellen (.csv, .xlsx, .ods, .json), REFI-QDA-Projekte (.qdpx, "
        ".qde), Ordner",
        description="Importiert alle Dateien in einer Transaktion: alle oder keine. "
        "Für Tabellen sagen die --*-column-Optionen, welche Spalte was enthält; "
        "alle übrigen Spalten werden als Attribute übernommen. Dateitypen: Protokolle "
        ".md, .markdown, .txt, .docx, .odt, .pdf, .rtf; Chats und Transkripte .txt, .vtt, "
        ".srt, .sbv, WhatsApp-Export mit Medien .zip, Telegram-HTML-Export messages.html; "
        "Tabellen .csv, .tsv, .xlsx, .xlsm, .ods, .json, .geojson, .jsonl, .ndjson; "
        "REFI-QDA .qdpx, .qde.",
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="Dateien oder Ordner (deren Dateien, ohne Unterordner)",
    )
    p.add_argument(
        "--text-column",
        metavar="SPALTE",
        action="append",
        help="Spalte: Text der Aussage (sonst erkannt: Text, Beitrag, Aussage, Inhalt, body …); "
        "mehrmals für Umfragen mit mehreren offenen Fragen (je Antwort eine Aussage, "
        "Leitfrage = Spaltenkopf)",
    )
    for flag, what in [
        ("title", "Titel des Beitrags, kommt vor den Text (sonst erkannt: Titel, title …)"),
        ("id", "ID der Aussage in der Quelle"),
        ("district", "Sozialraum"),
        ("workshop", "Workshop"),
        ("question", "Leitfrage"),
        ("role", "Rolle der sprechenden Person"),
        ("code", "vorhandene Codes (mehrere mit ';' getrennt oder je Zeile der Zelle)"),
    ]:
        p.add_argument(f"--{flag}-column", metavar="SPALTE", help=f"Spalte: {what}")
    p.add_argument(
        "--no-title", action="store_true", help="keine Titelspalte suchen: nur der Text zählt"
    )
    p.add_argument(
        "--include-rejected",
        action="store_true",
        help="auch Beiträge übernehmen, die die Moderation abgelehnt hat (Pol.is: moderated = -1)",
    )
    p.add_argument(
        "--allow-duplicates",
        action="store_true",
        help="auch Dateien importieren, deren Beiträge schon im Projekt oder in einer anderen "
        "Datei des Imports stehen (sonst ausgelassen: das Protokoll als DOCX und als PDF)",
    )
    p.add_argument(
        "--include-direct-messages",
        action="store_true",
        help="Zoom-/Webex-Chats: auch Direktnachrichten an eine Person übernehmen (sonst "
        "ausgelassen und nur gezählt: privat, kein Beitrag zum Workshop)",
    )
    p.add_argument(
        "--code-columns",
        metavar="A,B",
        help="je Code eine Spalte, ein Kreuz wo er zutrifft (x, ja, 1, ✓, wahr/true, Zahl als "
        "Gewicht; leer, 0, nein: nicht); Spaltenkopf = Code ('Bedarfe\\Wohnen' ein Untercode); "
        "'A..B': die Spalten von A bis B, 'A..': von A bis zur letzten",
    )
    p.add_argument(
        "--coder", metavar="NAME", help="wer die Codes der --code-column(s) vergeben hat"
    )
    p.add_argument(
        "--attribute-columns", metavar="A,B", help="nur diese Spalten als Attribute (sonst alle)"
    )
    p.add_argument(
        "--sheet",
        metavar="NAME",
        help="Tabellenblatt (XLSX, ODS), sonst alle mit Aussagen; bei JSON eine Liste von "
        "Objekten darin, z. B. comments",
    )
    p.add_argument(
        "--district",
        metavar="NAME",
        help="Sozialraum für die ganze Datei ({stem}, {parent} möglich)",
    )
    p.add_argument(
        "--workshop", metavar="NAME", help="Workshop für die ganze Datei ({stem}, {parent} möglich)"
    )
    p.add_argument(
        "--names",
        metavar="DATEI",
        help="Namensliste zur Pseudonymisierung: eine Person je Zeile oder eine Tabelle "
        "(CSV, XLSX, ODS) mit Spalten wie Vorname, Nachname oder Name",
    )
    p.add_argument(
        "--roles",
        metavar="DATEI",
        help="Chats/Transkripte: Tabelle Person,Rolle (CSV, XLSX, ODS; wird nicht "
        "gespeichert, enthält Namen)",
    )
    p.add_argument(
        "--wave",
        metavar="BEZEICHNUNG",
        help="Welle der neuen Workshops, z. B. 'Folgebefragung 2022' (sonst die erste Welle)",
    )
    p.add_argument(
        "--add-districts",
        action="store_true",
        help="unbekannte Sozialräume (Spalte, Fälle eines .qdpx, --district) neu anlegen",
    )
    p.add_argument(
        "--restore-deleted-codes",
        action="store_true",
        help="hier gelöschte Codes zurückholen (sonst ausgelassen und genannt): REFI-QDA mit "
        "ihrer GUID, ihren Kodierungen und Memos; eine Tabelle mit Codespalte unter dem Pfad, "
        "mit dem sie angelegt wurden, mit ihren Kodierungen (auch auf die Aussagen einer schon "
        "importierten Tabelle)",
    )
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("status", help="Umfang des Projekts")
    p.add_argument("--json", action="store_true", help="als JSON ausgeben")
    p.set_defaults(func=cmd_status)

    cli_export.add_command(sub)

    p = sub.add_parser("demo", help="Demo-Studie als Projekt aufbauen (idempotent)")
    p.add_argument(
        "dir", metavar="DIR", nargs="?", default="demo-projekt",
        help="neuer Ordner oder ein Demo-Projekt, nie ein eigenes (Standard demo-projekt)",
    )  # fmt: skip
    p.add_argument(
        "--analyse", action="store_true", help="Bedarfscluster und Themen gleich mitberechnen"
    )
    p.add_argument(
        "--welle2",
        action="store_true",
        help="mit Folgebefragung 2022, Indikatoren 2022 und Statusverlauf der Empfehlungen",
    )
    p.set_defaults(func=cmd_demo)

    for module in (
        cli_coding,
        cli_memos,
        cli_analysis,
        cli_feedback,
        cli_synthesis,
        cli_suggest,
        cli_admin,
        cli_privacy,
        cli_geo,
        cli_concept,
        cli_monitoring,
    ):
        module.add_commands(sub)
    return parser


def _check_output_file(args: argparse.Namespace) -> None:
    """Stop an output file written like a folder that is not there (``--out berichte/``):
    it became a file "berichte" without an ending (publish and backup take folders)."""
    if args.command in ("publish", "backup"):
        return
    for option in ("out", "csv"):
        value = getattr(args, option, None)
        if isinstance(value, str) and value.endswith(("/", os.sep)) and not Path(value).is_dir():
            raise WorkbenchError(
                f"{value}: endet auf „/“, meint also einen Ordner, den es nicht gibt. Hier "
                f"entsteht eine Datei: bitte mit Dateinamen angeben, z. B. {value}DATEINAME."
            )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; expected errors print one message and exit with status 2, a reader that
    stopped early (``workbench … | head``) ends it quietly with status 141, as SIGPIPE ends
    a Unix tool (Python's recipe: stdout to /dev/null, so the exit flushes nothing)."""
    try:
        try:
            with contextlib.redirect_stderr(ShownStream(sys.stderr)):  # no ESC of a label
                return _run(argv)
        finally:  # output waits in the buffer (a pipe): a closed reader shows up here, not
            sys.stdout.flush()  # at exit as "Exception ignored … BrokenPipeError" (status 120)
    except BrokenPipeError:  # `workbench status | head -1`: the reader stopped, so do we
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # what is left in the buffer goes nowhere
        return EXIT_PIPE


def _run(argv: Sequence[str] | None) -> int:
    """Parse ``argv`` and run its command; expected errors as one German line (status 2)."""
    args = build_parser().parse_args(argv)
    try:
        _check_output_file(args)
        with closing_projects():
            return args.func(args)
    except WorkbenchError as err:
        print("Fehler: " + "\n".join(message_lines(err)), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # an OSError, but no error of the user's: main() ends quietly
        raise
    except OSError as err:  # a file or folder named on the command line: no traceback
        from workbench.core.fileio import describe_os_error

        print(f"Fehler: {one_line(describe_os_error(err))}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as err:  # a DBAPIError: e.g. the server went away, a role may only read
        from sqlalchemy.exc import DBAPIError

        reason = database_reason(err) if isinstance(err, DBAPIError) else None
        if reason is None:
            raise
        print(f"Fehler: {one_line(reason)}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
