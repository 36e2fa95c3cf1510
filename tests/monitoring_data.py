"""A small study over time with known truth, built without embeddings (for the monitoring
chapter and view).

``two_waves(folder)`` creates a project with two waves of cards ("2020/21", "2022"), a
need run over both written directly (:func:`tests.feedback_data.store_need_run`),
indicators for 2019 and 2022 (with a district of one year, an indicator of one year and a
long unit), and two recommendations, one with a dated status history:

- Manfort: Energiekosten neu (0 → 3), Treffpunkt anhaltend (3 → 2), Leihgeräte nicht mehr
  genannt (2 → 0), Sprachmittler vereinzelt (1 → 0);
- Wiesdorf: Treffpunkt anhaltend (1 → 1), Energiekosten and Leihgeräte vereinzelt;
- Opladen and the city-wide cards: nothing in 2022, so "nicht erhoben".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.feedback_data import store_need_run
from tests.sparse_data import card_wall, no_statements, partial
from workbench import Project
from workbench.analysis import waves
from workbench.ingest.table import TableMapping
from workbench.store import waves as store_waves
from workbench.synthesis import monitoring
from workbench.synthesis import recommendations as rec
from workbench.synthesis.indicators import import_indicators
from workbench.synthesis.profiles import NO_INDICATORS
from workbench.synthesis.recommendation_status import record_status

DISTRICTS = ["Manfort", "Opladen", "Wiesdorf"]
EARLIER, LATER = "2020/21", "2022"
LABELS = {"T": "Treffpunkt", "E": "Energiekosten", "G": "Leihgeräte", "S": "Sprachmittler"}
# (card id, Sozialraum — empty: city-wide —, need key — empty: no need)
WAVE_A = [
    *[(f"A-MT{i}", "Manfort", "T") for i in range(3)],
    *[(f"A-MG{i}", "Manfort", "G") for i in range(2)],
    ("A-MS0", "Manfort", "S"),
    ("A-WT0", "Wiesdorf", "T"),
    ("A-WG0", "Wiesdorf", "G"),
    *[(f"A-OT{i}", "Opladen", "T") for i in range(2)],
    ("A-GT0", "", "T"),
]
WAVE_B = [
    *[(f"B-MT{i}", "Manfort", "T") for i in range(2)],
    *[(f"B-ME{i}", "Manfort", "E") for i in range(3)],
    ("B-WT0", "Wiesdorf", "T"),
    ("B-WE0", "Wiesdorf", "E"),
    ("B-MX0", "Manfort", ""),
]
TEXTS = {"T": "Es fehlt ein Treffpunkt", "E": "Die Stromkosten sind zu hoch",
         "G": "Leihgeräte ohne Internet helfen nicht", "S": "Wir brauchen Sprachmittler",
         "": "Das Bürgerhaus ist abends offen"}  # fmt: skip
LONG_UNIT = "Index (Gesamtstadt = 100; höher = stärker belastet)"
INDICATORS = f"""district,indicator,year,value,unit,source
Gesamtstadt,SGB-II-Quote,2019,10.9,%,Test
Gesamtstadt,SGB-II-Quote,2022,11.3,%,Test
Manfort,SGB-II-Quote,2019,13.9,%,Test
Manfort,SGB-II-Quote,2022,14.6,%,Test
Wiesdorf,SGB-II-Quote,2022,18.9,%,Test
Gesamtstadt,Lebenslagenindex,2019,100,"{LONG_UNIT}",Test
Gesamtstadt,Lebenslagenindex,2022,100,"{LONG_UNIT}",Test
Opladen,Lebenslagenindex,2019,104,"{LONG_UNIT}",Test
Opladen,Lebenslagenindex,2022,103,"{LONG_UNIT}",Test
Gesamtstadt,Einwohner,2019,163000,Personen,Test
"""
STEPS = [  # (status, date, actor, note) of the first recommendation
    ("abgestimmt", "2021-09-23", "Sozialausschuss", "Grundsatzbeschluss"),
    ("in Umsetzung", "2022-04-01", "Verwaltung, Fachbereich Soziales", ""),
]


def _cards(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    lines = ["ID;Text;Sozialraum", *(f"{i};{TEXTS[key]} ({i});{d}" for i, d, key in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def two_waves(folder: Path) -> Project:
    """The project described in the module docstring, open."""
    folder.mkdir(parents=True, exist_ok=True)
    project = Project.create(folder / "projekt", districts=DISTRICTS)
    mapping = TableMapping(text_column="Text", id_column="ID", district_column="Sozialraum")
    for name, rows, wave in (("welle_a", WAVE_A, None), ("welle_b", WAVE_B, LATER)):
        project.import_files([_cards(folder / f"{name}.csv", rows)], mapping, wave=wave)
    waves.rename_wave(project, store_waves.DEFAULT_WAVE, EARLIER)
    segments = project.segments()
    ids = dict(zip(segments["source_id"], segments["segment_id"], strict=True))
    store_need_run(
        project,
        [(label, sorted(int(ids[i]) for i, _, k in WAVE_A + WAVE_B if k == key))
         for key, label in LABELS.items()],
    )  # fmt: skip
    path = folder / "indikatoren.csv"
    path.write_text(INDICATORS, encoding="utf-8")
    import_indicators(project, path)
    first = rec.add_recommendation(
        project, "Quartiersmanagement verstetigen", actors=["Verwaltung"], title="QM verstetigen"
    )
    for status, day, actor, note in STEPS:
        record_status(project, first, status, day, actor, note)
    rec.add_recommendation(project, "Jugendtreff öffnen", scope="Manfort")
    return project


# Sparse projects and the sentences that say what is missing (report chapter and app alike).
SPARSE_PROJECTS = [
    pytest.param(
        lambda f: card_wall(f, needs=False),
        [monitoring.ONE_WAVE.format(wave="Welle 1"), NO_INDICATORS, monitoring.NO_RECOMMENDATIONS],
        id="karten",
    ),
    pytest.param(
        no_statements,
        [monitoring.NO_WAVE, NO_INDICATORS, monitoring.NO_RECOMMENDATIONS],
        id="leer",
    ),
    pytest.param(
        partial,
        [
            monitoring.ONE_WAVE.format(wave="Welle 1"),
            monitoring.ONE_INDICATOR_YEAR.format(year=2024),
            monitoring.NO_HISTORY,
        ],
        id="teilweise",
    ),
]
