"""`monitoring needs --district` for a Sozialraum without rows in the compared waves says
which waves hold its statements (it said "Keine Bedarfe in diesen Wellen." alone, as if
the Sozialraum had never been asked)."""

from __future__ import annotations

from pathlib import Path

from tests.test_waves import MAPPING, constructed, write_cards
from workbench import Project
from workbench.cli.main import main


def test_needs_of_a_district_only_an_earlier_wave_has(
    project: Project, tmp_path: Path, capsys
) -> None:
    folder = str(project.path)
    constructed(project, tmp_path)
    third = write_cards(tmp_path / "welle_c.csv", [("C1", "Aussage C1", "Manfort")])
    project.import_files([third], MAPPING, wave="2024")  # compared: 2022 → 2024
    assert main(["--project", folder, "monitoring", "needs", "--district", "Opladen"]) == 0
    out = capsys.readouterr().out
    assert "Keine Bedarfe in diesen Wellen." not in out
    assert (
        "Keine Bedarfe aus Opladen in den Wellen '2022' und '2024': Aussagen aus Opladen gibt "
        "es nur in der Welle '2020/21' (andere Wellen vergleichen: --earlier WELLE --later "
        "WELLE)." in out
    )
    assert main(["--project", folder, "monitoring", "needs", "--district", "Alkenrath"]) == 0
    out = capsys.readouterr().out
    assert "Es gibt noch keine Aussagen aus Alkenrath." in out
