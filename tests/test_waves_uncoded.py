"""A wave imported but not coded yet: its needs are "nicht erhoben", not "nicht mehr genannt".

A need run of coded needs (the default) sees only what the team coded. A Sozialraum whose
statements of a wave are all still uncoded was asked, but nobody has read what it said:
the comparison, the report and the profile app say so instead of declaring its needs gone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.feedback_data import store_need_run
from tests.test_reports_sparse import html_parts
from widgets.monitoring_view import district_needs_html
from workbench import Project
from workbench.analysis import waves
from workbench.cli.main import main
from workbench.ingest.table import TableMapping
from workbench.synthesis.monitoring import read_monitoring

MAPPING = TableMapping(
    text_column="Text",
    id_column="ID",
    district_column="Sozialraum",
    code_column="Code",
    coder="Team",
)
FIRST = [
    ("A1", "Kinder ohne Laptop verpassen den Unterricht", "Manfort"),
    ("A2", "Familien ohne WLAN können nicht lernen", "Manfort"),
    ("A3", "Leihgeräte ohne Internetzugang nützen nichts", "Manfort"),
    ("A4", "Kinder ohne Laptop in Wiesdorf", "Wiesdorf"),
    ("A5", "WLAN fehlt in den Wohnungen in Wiesdorf", "Wiesdorf"),
]
SECOND = [
    ("B1", "Wiesdorf braucht weiter WLAN für Schulkinder", "Wiesdorf"),
    ("B2", "Laptops fehlen in Wiesdorf noch immer", "Wiesdorf"),
]


def _cards(path: Path, rows: list[tuple[str, str, str]], code: str) -> Path:
    lines = ["ID;Text;Sozialraum;Code", *(f"{i};{t};{d};{code}" for i, t, d in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def study(project: Project, tmp_path: Path) -> Project:
    """2021 coded; 2023: Wiesdorf's cards coded, Manfort's protocol imported, not coded."""
    first = _cards(tmp_path / "karten_2021.csv", FIRST, "Bedarf")
    project.import_files([first], MAPPING, wave="2021")
    second = _cards(tmp_path / "karten_2023.csv", SECOND, "Bedarf")
    project.import_files([second], MAPPING, wave="2023")
    protocol = tmp_path / "manfort_2023.md"
    protocol.write_text(
        "---\nworkshop: Folgeworkshop Manfort\ndistrict: Manfort\n---\n\n# Folgeworkshop\n\n"
        "## Was fehlt?\n\n- Das WLAN fehlt zu Hause weiterhin.\n- Laptops sind kaputt.\n",
        encoding="utf-8",
    )
    project.import_files([protocol], wave="2023")
    segments = project.segments()
    coded = sorted(segments.loc[segments["source_id"].str.match(r"[AB]\d"), "segment_id"])
    store_need_run(project, [("Digitale Teilhabe", [int(s) for s in coded])])
    return project


def test_an_uncoded_wave_of_a_district_is_not_surveyed_rather_than_gone(
    study: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    result = waves.need_comparison(study)
    found = {r.district: (r.earlier, r.later, r.status) for r in result.table.itertuples()}
    assert found == {
        "Manfort": (3, 0, waves.NOT_SURVEYED),  # was: "nicht mehr genannt"
        "Wiesdorf": (2, 2, waves.PERSISTING),
    }
    assert result.uncoded == {"Manfort": ("2023",)}
    note = "In der Welle '2023' ist noch keine der 2 Aussagen aus Manfort kodiert"
    assert any(n.startswith(note) for n in result.notes)
    assert any("aus Manfort sind noch nicht ausgewertet" in n for n in result.reader_notes)

    assert main(["--project", str(study.path), "monitoring", "needs"]) == 0
    out = capsys.readouterr().out
    assert (
        "nicht erhoben: in der Welle '2023' noch nichts kodiert (1 Bedarf nicht verglichen)" in out
    )
    assert "  nicht mehr genannt" not in out

    texts, _ = html_parts(district_needs_html(read_monitoring(study), "Manfort").encode())
    assert any(
        t.startswith("Nicht erhoben: In der Welle „2023“ sind die Aussagen aus Manfort noch")
        for t in texts
    )


def test_coding_the_wave_makes_it_count(study: Project) -> None:
    """Once the protocol is coded (even with another code), the district was read."""
    segments = study.segments()
    protocol = segments[segments["document"] == "manfort_2023.md"]["segment_id"]
    p = ["--project", str(study.path)]
    assert main([*p, "codebook", "add", "Ressource"]) == 0
    assert main([*p, "code", "--coder", "Team", str(protocol.iloc[0]), "Ressource"]) == 0
    found = {r.district: r.status for r in waves.need_comparison(study).table.itertuples()}
    assert found["Manfort"] == waves.GONE


def test_a_single_uncoded_statement_is_named_in_the_singular(
    project: Project, tmp_path: Path
) -> None:
    """One uncoded statement read "ist noch keine der 1 Aussage aus Manfort kodiert"."""
    first = _cards(tmp_path / "karten_2021.csv", FIRST, "Bedarf")
    project.import_files([first], MAPPING, wave="2021")
    second = _cards(tmp_path / "karten_2023.csv", SECOND, "Bedarf")
    project.import_files([second], MAPPING, wave="2023")
    protocol = tmp_path / "manfort_2023.md"
    protocol.write_text(
        "---\nworkshop: Folgeworkshop Manfort\ndistrict: Manfort\n---\n\n# Folgeworkshop\n\n"
        "## Was fehlt?\n\n- Das WLAN fehlt zu Hause weiterhin.\n",
        encoding="utf-8",
    )
    project.import_files([protocol], wave="2023")
    segments = project.segments()
    coded = sorted(segments.loc[segments["source_id"].str.match(r"[AB]\d"), "segment_id"])
    store_need_run(project, [("Digitale Teilhabe", [int(s) for s in coded])])

    result = waves.need_comparison(project)

    assert not any("der 1 Aussage" in n for n in result.notes)
    note = "In der Welle '2023' ist die einzige Aussage aus Manfort noch nicht kodiert: Ihre"
    assert any(n.startswith(note) for n in result.notes), result.notes
    said = "Die Aussage der Welle '2023' aus Manfort ist noch nicht ausgewertet."
    assert said in result.reader_notes
