"""``workbench konzept``: the Sozialraumkonzept as HTML or DOCX, with its check's warnings."""

from __future__ import annotations

import argparse

from workbench.cli.common import open_project, output_path, show_line

EXIT_WARNINGS = 1  # with --strict: the concept was written, but links are broken or missing


def _max_quotes(value: str) -> int | None:
    """``N`` (≥ 0) or ``alle``."""
    if value.strip().lower() == "alle":
        return None
    if not value.strip().isdigit():
        raise argparse.ArgumentTypeError(f"'{value}' ist weder eine Zahl ≥ 0 noch „alle“.")
    return int(value)


def cmd_concept(args: argparse.Namespace) -> int:
    """workbench konzept --out DATEI.html|DATEI.docx [--text DATEI] [--max-quotes N] [--strict]."""
    from workbench.core.formatting import plural
    from workbench.synthesis.concept import write_concept

    written = write_concept(
        open_project(args), args.out, text=args.text, max_quotes=args.max_quotes
    )
    concept = written.concept
    fmt = written.path.suffix.lstrip(".").upper()
    show_line(
        f"Sozialraumkonzept ({fmt}) → {written.path}: "
        f"{plural(len(concept.districts), 'Sozialraum', 'Sozialräume')}, "
        f"{plural(len(concept.recommendations), 'Empfehlung', 'Empfehlungen')}, "
        f"Bedarfslauf {concept.need_run}."
    )
    if not concept.warnings:
        print("Alle Verweise und Nachweisketten sind vollständig.")
        return 0
    n = len(concept.warnings)
    show_line(f"{n} {'Prüfhinweis' if n == 1 else 'Prüfhinweise'} (stehen auch im Dokument):")
    for warning in concept.warnings:
        show_line(f"  - {warning}")
    return EXIT_WARNINGS if args.strict else 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register ``konzept``."""
    p = sub.add_parser(
        "konzept",
        help="Sozialraumkonzept (Beteiligung, Quartiersmanagement je Sozialraum) als HTML/DOCX",
        description="Setzt den Text der Forschenden (--text, Markdown: Einleitung, "
        "„## Säule 1: …“, „## Säule 2: …“, „## Sozialraum: NAME“; Aufbau in "
        "docs/sozialraumkonzept.md) mit dem zusammen, was die Studie gefunden hat: je "
        "Sozialraum übergreifende und spezifische Bedarfe (letzter Bedarfslauf), kodierte "
        "Ressourcen, verantwortliche Akteure, Empfehlungen mit Nachweiskette und "
        "Indikatoren neben der Gesamtstadt. Prüft jeden Verweis; was fehlt oder nicht "
        "aufgeht, steht als Prüfhinweis im Dokument und in der Ausgabe. Braucht einen "
        "Bedarfslauf (workbench needs) und Empfehlungen (workbench recommend add).",
    )
    p.add_argument(
        "--out",
        required=True,
        type=output_path,
        metavar="DATEI",
        help="Zieldatei: .html oder .docx",
    )
    p.add_argument("--text", metavar="DATEI", help="Konzepttext der Forschenden (Markdown)")
    p.add_argument(
        "--max-quotes", type=_max_quotes, default=5, metavar="N",
        help="Ressourcen-Zitate je Sozialraum (Standard 5; „alle“ für alle)",
    )  # fmt: skip
    p.add_argument("--strict", action="store_true", help="Exit-Code 1, wenn es Prüfhinweise gibt")
    p.set_defaults(func=cmd_concept)
