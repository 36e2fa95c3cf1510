"""Studies that are not the Leverkusen shape: no kick-off workshop, no districts, one district.

The demo has a city-wide kick-off ("Auftaktworkshop Gesamtstadt") beside five district
workshops. An online consultation has no districts, a city-wide survey no workshop, and a
study of one neighbourhood one district. Apps, reports, the public site and the concept
must say what the study is, not call every statement without a district the kick-off's.
"""

from __future__ import annotations

import doctest
import html
import io
import re
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest

import workbench.synthesis.citywide
from widgets.profile_view import ProfileView
from workbench import Project
from workbench.analysis.needs import NeedParams, run_needs
from workbench.cli.main import main
from workbench.ingest.table import TableMapping
from workbench.store import CITYWIDE
from workbench.synthesis.concept import write_concept
from workbench.synthesis.profiles import Profiles, build_profiles
from workbench.synthesis.recommendations import add_recommendation
from workbench.synthesis.reports import render
from workbench.synthesis.site import publish

WHEN = datetime(2026, 3, 4, 5, 6, tzinfo=UTC)
NEEDS = (
    "Mehr sichere Radwege in der Innenstadt",
    "Die Radwege sind zu schmal und gefährlich",
    "Fahrradparkplätze am Bahnhof fehlen",
    "Es fehlt ein Jugendzentrum",
    "Jugendliche haben abends keinen Treffpunkt",
    "Der Jugendtreff schließt zu früh",
    "Busse fahren abends zu selten",
    "Der Bus ist zu teuer für Familien",
    "Nachtbus am Wochenende einführen",
    "Mehr Bäume in den Straßen pflanzen",
    "Die Parks besser pflegen",
    "Schattige Plätze im Sommer fehlen",
)
DISTRICTS = ("Manfort", "Opladen", "Wiesdorf")


def text_of(page: str) -> str:
    """The visible text of an HTML page (scripts and styles dropped), squashed."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return " ".join(" ".join([p.text for p in document.paragraphs] + cells).split())


def app_text(profiles: Profiles) -> str:
    """What the Sozialraumprofil app shows: the overview and every district's profile."""
    view = ProfileView(profiles)
    shown = []
    for district in (CITYWIDE, *profiles.names):
        view.district.value = district
        widgets = (view.heading, *view.sections, *view.city_sections)
        shown.append("".join(w.value for w in widgets))
    return text_of(" ".join(shown))


def _cards(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    lines = ["Text;Sozialraum;Workshop", *(";".join(r) for r in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _study(folder: Path, city_workshop: str) -> Project:
    """Three districts' workshops and city-wide statements from ``city_workshop``."""
    project = Project.create(folder / "projekt", districts=list(DISTRICTS))
    rows = [(t, DISTRICTS[i % 3], f"Workshop {DISTRICTS[i % 3]}") for i, t in enumerate(NEEDS)]
    rows += [(t, "Gesamtstadt", city_workshop) for t in NEEDS[::2]]
    mapping = TableMapping(
        text_column="Text", district_column="Sozialraum", workshop_column="Workshop"
    )
    project.import_files([_cards(folder / "karten.csv", rows)], mapping)
    run_needs(project, NeedParams(segments="all", backend="tfidf"), progress=False)
    add_recommendation(project, "Radwege ausbauen", actors=["Verwaltung"])  # for the concept
    return project


@pytest.fixture(scope="module")
def kickoff(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The demo's shape: the city-wide statements come from a kick-off workshop."""
    project = _study(tmp_path_factory.mktemp("auftakt"), "Auftaktworkshop Gesamtstadt")
    yield project
    project.close()


@pytest.fixture(scope="module")
def survey(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """District workshops and a city-wide survey: no kick-off workshop at all."""
    project = _study(tmp_path_factory.mktemp("umfrage"), "Bürgerbefragung 2024")
    yield project
    project.close()


@pytest.fixture(scope="module")
def online(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An online consultation exported from Pol.is: no districts, no workshop."""
    folder = tmp_path_factory.mktemp("polis")
    comments = folder / "comments.csv"
    lines = ["timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body"]
    lines += [f"{1651744336822 + i},x,{i},{i % 5},3,1,1,{t}" for i, t in enumerate(NEEDS)]
    comments.write_text("\n".join(lines) + "\n", encoding="utf-8")
    project = folder / "projekt"
    assert main(["init", str(project)]) == 0
    assert main(["--project", str(project), "import", str(comments)]) == 0
    with Project.open(project) as opened:
        run_needs(opened, NeedParams(segments="all", backend="tfidf"), progress=False)
        add_recommendation(opened, "Radwege ausbauen", actors=["Verwaltung"])
    return project


def test_doctests() -> None:
    assert doctest.testmod(workbench.synthesis.citywide).failed == 0


def test_a_kickoff_workshop_keeps_its_name_everywhere(kickoff: Project, tmp_path: Path) -> None:
    profiles = build_profiles(kickoff)
    shown = app_text(profiles)
    assert "Gesamtstadt (Auftakt)" in shown  # the column of the needs × districts matrix
    assert "Bedarfe aus dem gesamtstädtischen Auftaktworkshop" in shown
    assert re.search(r"\d+ Aussagen? aus dem Auftaktworkshop", shown)
    assert "Aussagen des gesamtstädtischen Workshops zählen dabei nicht." in shown
    report = text_of(render(kickoff, "html", generated_at=WHEN).decode("utf-8"))
    assert "Gesamtstadt (Auftaktworkshop)" in report
    publish(kickoff, tmp_path / "seite", generated_at=WHEN)
    assert "Gesamtstadt (Auftaktworkshop)" in text_of(
        (tmp_path / "seite" / "index.html").read_text(encoding="utf-8")
    )


def test_a_survey_without_kickoff_is_not_called_one(survey: Project, tmp_path: Path) -> None:
    """City-wide survey answers are "ohne Sozialraum", not the kick-off's statements."""
    profiles = build_profiles(survey)
    shown = app_text(profiles)
    assert "Auftakt" not in shown
    assert "Gesamtstadt (ohne Sozialraum)" not in shown  # the matrix column: "ohne Sozialraum"
    assert "Bedarfe aus den Aussagen ohne Sozialraum" in shown
    assert re.search(r"\d+ Aussagen? ohne Sozialraum", shown)
    assert "Aussagen ohne Sozialraum zählen dabei nicht." in shown
    assert "gesamtstädtischen Workshops" not in shown
    for fmt, read in (("html", lambda b: text_of(b.decode("utf-8"))), ("docx", docx_text)):
        report = read(render(survey, fmt, generated_at=WHEN))
        assert "Auftakt" not in report, fmt
        assert "Gesamtstadt (Aussagen ohne Sozialraum)" in report, fmt
        assert "Aussagen ohne Sozialraum zählen dabei nicht." in report, fmt
    publish(survey, tmp_path / "seite", generated_at=WHEN)
    for page in sorted((tmp_path / "seite").glob("*.html")):
        assert "Auftakt" not in text_of(page.read_text(encoding="utf-8")), page.name
    index = text_of((tmp_path / "seite" / "index.html").read_text(encoding="utf-8"))
    assert "Gesamtstadt (Aussagen ohne Sozialraum)" in index


def test_an_online_consultation_without_districts(online: Path, tmp_path: Path) -> None:
    """Pol.is: every statement lacks a district; none is called the kick-off's."""
    out = tmp_path / "bericht.html"
    assert main(["--project", str(online), "report", "--format", "html", str(out)]) == 0
    assert main(["--project", str(online), "publish", "--out", str(tmp_path / "seite")]) == 0
    pages = [out, *sorted((tmp_path / "seite").glob("*.html"))]
    for page in pages:
        assert "Auftakt" not in text_of(page.read_text(encoding="utf-8")), page.name
    with Project.open(online) as project:
        shown = app_text(build_profiles(project))
    assert "Auftakt" not in shown
    assert re.search(r"\d+ Aussagen? ohne Sozialraum", shown)


@pytest.fixture(scope="module")
def neighbourhood(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A study of one neighbourhood (Ottensen): every statement from one district."""
    folder = tmp_path_factory.mktemp("ottensen")
    project = Project.create(folder / "projekt", districts=["Ottensen"])
    rows = [(t, "Ottensen", "Beteiligung Ottensen") for t in NEEDS]
    mapping = TableMapping(
        text_column="Text", district_column="Sozialraum", workshop_column="Workshop"
    )
    project.import_files([_cards(folder / "beitraege.csv", rows)], mapping)
    run_needs(project, NeedParams(segments="all", backend="tfidf"), progress=False)
    add_recommendation(project, "Radwege ausbauen", scope="Ottensen", actors=["Bezirksamt"])
    yield project
    project.close()


WHY = "lässt sich nur im Vergleich von mindestens zwei Sozialräumen sagen"


def _without_why(text: str) -> str:
    return text.replace("Ob ein Bedarf sozialraumspezifisch oder übergreifend ist", "")


def test_one_district_shows_no_scope_and_says_why(neighbourhood: Project, tmp_path: Path) -> None:
    """With one district every need was "sozialraumspezifisch": no information. Neither
    the label nor the rule is shown; a sentence says why."""
    profiles = build_profiles(neighbourhood)
    assert len(profiles.need_matrix) > 1 and profiles.compared == ("Ottensen",)
    shown = app_text(profiles)
    assert f"{WHY}; hier stammen alle Aussagen mit Sozialraum aus Ottensen." in shown
    assert "sozialraumspezifisch" not in _without_why(shown)
    assert "gehäuft" not in shown and "Übergreifende Bedarfe" not in shown
    assert f"Bedarfe ({len(profiles.need_matrix)})" in shown  # one list of every need
    for fmt, read in (("html", lambda b: text_of(b.decode("utf-8"))), ("docx", docx_text)):
        report = read(render(neighbourhood, fmt, generated_at=WHEN))
        assert WHY in report, fmt
        assert "sozialraumspezifisch" not in _without_why(report).casefold(), fmt
        assert "Reichweite" not in report and "gehäuft" not in report, fmt
        assert "Die Bedarfe im Einzelnen" in report, fmt
        for label in profiles.need_matrix["label"]:
            assert str(label) in report, (fmt, label)
    publish(neighbourhood, tmp_path / "seite", generated_at=WHEN)
    for page in sorted((tmp_path / "seite").glob("*.html")):
        text = text_of(page.read_text(encoding="utf-8"))
        assert "sozialraumspezifisch" not in _without_why(text).casefold(), page.name


def test_no_district_shows_no_scope_and_says_why(online: Path) -> None:
    with Project.open(online) as project:
        profiles = build_profiles(project)
        report = text_of(render(project, "html", generated_at=WHEN).decode("utf-8"))
    shown = app_text(profiles)
    for text in (shown, report):
        assert f"{WHY}; hier nennt keine der Aussagen einen Sozialraum." in text
        assert "Sozialraumspezifische Bedarfe" not in text
        assert "gehäuft" not in text


def test_two_or_more_districts_keep_the_scope_and_its_rule(kickoff: Project) -> None:
    profiles = build_profiles(kickoff)
    assert profiles.scope_decided and profiles.compared == DISTRICTS
    shown = app_text(profiles)
    assert "„Sozialraumspezifisch“ heißt: in einem Sozialraum gehäuft genannt" in shown
    assert "Übergreifende Bedarfe (" in shown and WHY not in shown
    report = text_of(render(kickoff, "html", generated_at=WHEN).decode("utf-8"))
    assert "Reichweite" in report and "Sozialraumspezifische Bedarfe" in report


def concept_texts(project: Project, folder: Path) -> dict[str, str]:
    """The Sozialraumkonzept as HTML and DOCX, each as its text."""
    html_file = write_concept(project, folder / "konzept.html", generated_at=WHEN).path
    docx_file = write_concept(project, folder / "konzept.docx", generated_at=WHEN).path
    return {
        "html": text_of(html_file.read_text(encoding="utf-8")),
        "docx": docx_text(docx_file.read_bytes()),
    }


def test_the_concept_of_one_district_lists_its_needs_without_a_scope(
    neighbourhood: Project, tmp_path: Path
) -> None:
    labels = [str(label) for label in build_profiles(neighbourhood).need_matrix["label"]]
    for fmt, text in concept_texts(neighbourhood, tmp_path).items():
        assert f"{WHY}; hier stammen alle Aussagen mit Sozialraum aus Ottensen." in text, fmt
        assert "sozialraumspezifisch" not in _without_why(text).casefold(), fmt
        assert "Schwerpunkt" not in text and "übergreifenden Bedarfe" not in text, fmt
        assert "Bedarfe: Ottensen" in text, fmt  # one table of every need of the district
        for label in labels:
            assert label in text, (fmt, label)


def test_the_concept_of_a_study_without_districts_lists_its_needs(
    online: Path, tmp_path: Path
) -> None:
    """Pol.is: every need is one without a district; the concept used to list none."""
    with Project.open(online) as project:
        labels = [str(label) for label in build_profiles(project).need_matrix["label"]]
        texts = concept_texts(project, tmp_path)
    for fmt, text in texts.items():
        assert f"{WHY}; hier nennt keine der Aussagen einen Sozialraum." in text, fmt
        assert "Bedarfe ohne Sozialraum" in text, fmt
        assert "Ressourcen aus den Aussagen ohne Sozialraum" in text, fmt
        assert "gesamtstädtischen Workshop" not in text and "Auftakt" not in text, fmt
        assert "kein Bedarf übergreifend" not in text, fmt
        for label in labels:
            assert label in text, (fmt, label)


def test_the_concept_of_a_kickoff_study_keeps_its_words(kickoff: Project, tmp_path: Path) -> None:
    for fmt, text in concept_texts(kickoff, tmp_path).items():
        assert "Gesamtstadt: übergreifende Bedarfe und Ressourcen" in text, fmt
        assert "Ressourcen aus dem gesamtstädtischen Workshop" in text, fmt
        assert "„Übergreifend“ heißt in mehreren Sozialräumen genannt" in text, fmt


def test_the_needs_command_says_when_its_scope_column_decides_nothing(
    online: Path, kickoff: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["needs", "--segments", "all", "--backend", "tfidf", "--out"]
    assert main(["--project", str(online), *args, str(tmp_path / "a.csv")]) == 0
    err = capsys.readouterr().err
    assert f"Hinweis: Ob ein Bedarf sozialraumspezifisch oder übergreifend ist, {WHY}" in err
    assert main(["--project", str(kickoff.path), *args, str(tmp_path / "b.csv")]) == 0
    assert WHY not in capsys.readouterr().err  # three districts: the column means something
