"""An untitled recommendation is named in listings as its rating card names it.

Since session 47 an untitled draft's card label is its text on one line (``line_label``).
``recommend list`` still showed the text as stored: its line breaks as ⏎ and an escape
sequence as ⏎ and letters ("Treff⏎[31möffnen"); ``recommend history`` named it
"Empfehlung 1: Empfehlung 1"; the concept's heading kept the sequence. Ordinary texts
and titles stay as written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.feedback_data import _import, store_need_run
from widgets.monitoring_view import city_history_html, district_history_html
from workbench import Project
from workbench.cli.main import main
from workbench.participation.items import draft_recommendations
from workbench.synthesis import recommendation_chain as rec_chain
from workbench.synthesis.monitoring import read_monitoring

# (typed text, title or ""), the label the card and the listings show
CASES = [
    (("Lernräume öffnen.\n\nAuch samstags.", ""), "Lernräume öffnen. Auch samstags."),
    (("Treff\x1b[31möffnen am Markt", ""), "Treff öffnen am Markt"),
    (("Beratung  vor Ort [2x]", ""), "Beratung  vor Ort [2x]"),  # ordinary: byte for byte
    (("Busse\nöfter", "Mobilität"), "Mobilität"),
]


@pytest.fixture
def recommended(project: Project, tmp_path: Path) -> Path:
    """The project with a need run and the recommendations of :data:`CASES`, each with a
    status step; closed, so the command line opens it."""
    ids = _import(project, tmp_path)
    store_need_run(project, [("Treffpunkte", ids[:1])])
    folder = tmp_path / "projekt"
    project.close()
    for number, ((text, title), _) in enumerate(CASES, start=1):
        add = ["--project", str(folder), "recommend", "add", text]
        assert main([*add, *(["--title", title] if title else [])]) == 0
        step = ["--project", str(folder), "recommend", "status", str(number), "Entwurf"]
        assert main([*step, "--date", "2025-01-02", "--by", "Team"]) == 0
    return folder


def test_list_and_history_show_the_cards_label(
    recommended: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Project.open(recommended) as project:
        cards = [item["label"] for item in draft_recommendations(project)]
    assert cards == [label for _, label in CASES]
    capsys.readouterr()
    assert main(["--project", str(recommended), "recommend", "list"]) == 0
    heads = [line for line in capsys.readouterr().out.splitlines() if "[Entwurf]" in line]
    assert [head.split("] ", 1)[1] for head in heads] == cards
    assert main(["--project", str(recommended), "recommend", "history"]) == 0
    named = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Empf")]
    assert named == [f"Empfehlung {n}: {c} (Gesamtstadt)" for n, c in enumerate(cards, 1)]


def test_the_concepts_heading_names_it_on_one_line(recommended: Path) -> None:
    out = recommended / "konzept.html"
    assert main(["--project", str(recommended), "konzept", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Empfehlung 2: Treff öffnen am Markt" in page
    assert "Empfehlung 1: Lernräume öffnen. Auch samstags." in page
    assert "\x1b" not in page.split("Empfehlung 2:", 1)[1].split("<", 1)[0]


def test_the_chain_check_names_it_on_one_line(recommended: Path) -> None:
    """``check_provenance`` (notebook 06) named an untitled one by its first 60 characters
    as stored, line breaks and escape sequences included."""
    with Project.open(recommended) as project:
        problems = rec_chain.check_provenance(project)
    titles = problems.drop_duplicates("recommendation_id")["title"].tolist()
    assert titles == [label for _, label in CASES]  # none linked yet: each has a problem


def test_the_report_names_it_on_one_line(recommended: Path) -> None:
    """The report's recommendation headings and status overview kept an escape sequence's
    letters ("[31m") in an untitled one's name."""
    out = recommended / "bericht.html"
    assert main(["--project", str(recommended), "report", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Empfehlung 2: Treff öffnen am Markt" in page
    assert "Treff[31m" not in page and "Treff\x1b" not in page  # nor in the overview


def test_the_monitoring_view_names_it_on_one_line(recommended: Path) -> None:
    """The profile app's status tables showed an untitled one's text as stored."""
    with Project.open(recommended) as project:
        found = read_monitoring(project)
    city = city_history_html(found)
    assert "2: Treff öffnen am Markt" in city and "Lernräume öffnen. Auch samstags." in city
    district = district_history_html(found, "Manfort")
    assert "Empfehlung 2: Treff öffnen am Markt (gesamtstädtisch)" in district
    assert "Treff[31m" not in city + district and "\x1b" not in city + district
