"""CLI command of assisted coding: ``workbench suggest`` (suggestions as CSV, nothing stored)."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.common import output_path, show_line
from workbench.core.fileio import write_csv

CSV_COLUMNS = ("segment_id", "document", "source_id", "code", "confidence")


def cmd_suggest(args: argparse.Namespace) -> int:
    """workbench suggest [--codebook FILE] [--min-confidence X] [--coder NAME] --out CSV."""
    from workbench.analysis.suggest import no_suggestions_reason, suggest
    from workbench.cli.common import open_project, said_to

    codes = [c.strip() for c in args.codes.split(",") if c.strip()] if args.codes else None
    project = open_project(args)
    table = suggest(
        project,
        codes=codes,
        min_confidence=args.min_confidence,
        coder=args.coder,
        backend=args.backend,
        codebook=args.codebook,
    )
    out = Path(args.out)
    # the file beside the id in it: exports and protocols each count their rows from 1
    documents = project.segments()[["segment_id", "document"]]
    table = table.merge(documents, on="segment_id", how="left")[list(CSV_COLUMNS)]
    write_csv(table, out, float_format="%.4f")
    segments = table["segment_id"].nunique()
    if table.empty:
        reason = no_suggestions_reason(
            project, codes, args.min_confidence, args.coder, args.codebook
        )
        show_line(f"Keine Vorschläge → {out} (nur die Kopfzeile): {reason}", file=said_to(out))
        return 0
    show_line(
        f"{len(table)} Vorschläge für {segments} Aussagen → {out} "
        "(nichts gespeichert: Vorschläge werden erst zu Kodierungen, wenn jemand sie annimmt).",
        file=said_to(out),
    )
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register suggest."""
    p = sub.add_parser(
        "suggest",
        help="Codes für unkodierte Aussagen vorschlagen (CSV; nichts wird gespeichert)",
        description=f"Schreibt {','.join(CSV_COLUMNS)}, eine Zeile je Vorschlag (Datei und "
        "ID darin führen zur Zeile der Quelle zurück). "
        "Grundlage: Beschreibungen und Beispiele des Codebuchs und die schon kodierten "
        "Aussagen (few-shot), auf den zwischengespeicherten Einbettungen.",
    )
    p.add_argument("--out", required=True, type=output_path, metavar="CSV", help="Ausgabedatei")
    p.add_argument(
        "--codebook",
        metavar="DATEI",
        help="Beschreibungen und Beispiele aus diesem Codebuch (.yaml, .yml, .qdc) "
        "statt aus dem Projekt",
    )
    p.add_argument(
        "--min-confidence",
        type=float,
        default=0.5,
        metavar="X",
        help="nur Vorschläge mit Konfidenz ≥ X (0–1; Standard 0.5 = je Code kalibrierte Schwelle)",
    )
    p.add_argument(
        "--coder",
        metavar="NAME",
        help="für Aussagen, die diese Person noch nicht kodiert hat (Beispiele: nur ihre "
        "Kodierungen); sonst für Aussagen, die niemand kodiert hat",
    )
    p.add_argument("--codes", metavar="A,B", help="nur diese Codes (Pfade, kommagetrennt)")
    p.add_argument(
        "--backend",
        default="use",
        metavar="VERFAHREN",
        help="use | tfidf | sentence-transformers:<modell>",
    )
    p.set_defaults(func=cmd_suggest)
