"""Small coding fixtures shared by the coding, agreement and code-analysis tests."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from sqlalchemy import select

from workbench import Project
from workbench.coding.codebook import CodeSpec
from workbench.ingest import TableMapping
from workbench.store import Coding

# Six cards in three districts; K1 names a participant (pseudonymised on import).
CARDS = (
    "Karte;Text;Sozialraum;Workshop\n"
    "K1;Frau Schmidt sagt: kein WLAN im Jugendzentrum;Manfort;WS Manfort\n"
    "K2;Tablets für alle Kinder;Manfort;WS Manfort\n"
    "K3;Kirchengemeinde hilft mit Lebensmitteln;Wiesdorf;WS Wiesdorf\n"
    "K4;Wohnungen feucht und zu teuer;Wiesdorf;WS Wiesdorf\n"
    "K5;Kein Treffpunkt für Ältere;Opladen;WS Opladen\n"
    "K6;Nachbarschaftshilfe trägt;Opladen;WS Opladen\n"
)
CARD_MAPPING = TableMapping(
    text_column="Text", id_column="Karte", district_column="Sozialraum", workshop_column="Workshop"
)
CODEBOOK = [
    CodeSpec("Ressource", "Was trägt", "Kirchengemeinde hilft", "#2a9d8f"),
    CodeSpec("Herausforderung", "Was belastet", "", "#e76f51"),
    CodeSpec("Bedarf", "Was gebraucht wird", "Tablets für alle", "#264653"),
    CodeSpec("Themen", "Inhaltliche Themen"),
    CodeSpec("Themen/Digitale Teilhabe", "WLAN, Geräte", "kein WLAN", "#457b9d"),
    CodeSpec("Themen/Wohnen", "Wohnung, Miete"),
]


def cards_project(project: Project, tmp_path: Path) -> dict[str, int]:
    """Import the six cards and the codebook into ``project``; return segment ids by card."""
    path = tmp_path / "karten.csv"
    path.write_text(CARDS, encoding="utf-8")
    project.import_files([path], mapping=CARD_MAPPING, names=["Frau Schmidt"])
    project.import_codes(CODEBOOK)
    segments = project.segments()
    return dict(zip(segments["source_id"], segments["segment_id"].astype(int), strict=True))


def _state(project: Project) -> pd.DataFrame:
    """Every stored coding, with its id, time and origin (what undo must restore)."""
    with project.session() as s:
        rows = [
            (c.id, c.segment_id, c.code_id, c.coder, c.start, c.end, c.created_at, c.origin)
            for c in s.scalars(select(Coding).order_by(Coding.id))
        ]
    columns = ["id", "seg", "code", "coder", "start", "end", "at", "origin"]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def _pairs(project: Project) -> list[tuple[str, str, str]]:
    c = project.codings()
    return sorted(zip(c["source_id"], c["code"], c["coder"], strict=True))
