"""The four stakeholder apps on real, incomplete projects, built in Python (no browser).

Each test builds a small project with ``workbench init``/``import`` (CSV written here),
runs ``needs``/``topics``/``tokens``/``forget`` with the TF-IDF backend (seconds), builds
the apps as their notebooks do and reads every text of every widget, recursively: a
German page or message, no traceback, no "nan"/"None", no raw name, ``<script>`` escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import escape as html_escape
from pathlib import Path
from urllib.parse import quote

import ipywidgets as w
import pandas as pd
import pytest

import widgets.coding_panel
from tests.sparse_data import FORBIDDEN
from widgets.app_support import GENERIC_ERROR
from widgets.coding_panel import CodingPanel, coding_app
from widgets.feedback import item_html, participant_app
from widgets.feedback_texts import QUOTE_CHARS, SHORTENED
from widgets.profile_view import profile_app
from widgets.topic_map import topic_map_app
from workbench import Project
from workbench.cli.main import main
from workbench.participation.feedback import Item

SCRIPT = "<script>alert(1)</script>"
TEXTS = [
    "Frau Kowalski sagt, der Bus fährt abends viel zu selten.",
    f"Es fehlt ein Jugendtreff im Viertel. {SCRIPT}",
    "Die Bibliothek ist ein guter Treffpunkt für Familien.",
    "Mehr Bänke im Park wären schön.",
    "Der Spielplatz ist kaputt und dreckig.",
    "Ältere Menschen sind oft einsam.",
    "Das Quartiersbüro hilft sehr bei Anträgen.",
    "Wir brauchen mehr Kitaplätze.",
]
TWO = ("Manfort", "Opladen")
ODD = "Bergisch Neukirchen-Süd"  # umlaut, space, hyphen
APPS = (profile_app, topic_map_app, participant_app, coding_app)


@pytest.fixture(autouse=True)
def no_suggestions(monkeypatch: pytest.MonkeyPatch) -> None:
    """The coding app without model suggestions (they would compute embeddings)."""
    monkeypatch.setattr(widgets.coding_panel, "_suggest", lambda project: None)


def run(capsys: pytest.CaptureFixture[str], project: Path | None, *argv: object) -> str:
    """``workbench [--project P] ARGV…`` in this process; must succeed; its stdout."""
    capsys.readouterr()
    args = (["--project", str(project)] if project else []) + [str(a) for a in argv]
    code = main(args)
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def make_project(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    texts: list[str],
    districts: tuple[str, ...] = (),
    declared: tuple[str, ...] = (),
) -> Path:
    """A project whose statements go round ``districts`` (none: all city-wide)."""
    folder = tmp_path / "projekt"
    named = declared or districts
    run(capsys, None, "init", folder, *(["--districts", ",".join(named)] if named else []))
    rows = [
        (str(i), t, *([districts[i % len(districts)]] if districts else []))
        for i, t in enumerate(texts)
    ]
    columns = ["ID", "Text", *(["Sozialraum"] if districts else [])]
    source = tmp_path / "aussagen.csv"
    pd.DataFrame(rows, columns=columns).to_csv(source, sep=";", index=False)
    extra = ["--district-column", "Sozialraum"] if districts else []
    run(capsys, folder, "import", source, "--text-column", "Text", "--id-column", "ID", *extra)
    return folder


def analyse(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    """``needs --segments all`` and ``topics``, both with the TF-IDF backend."""
    run(capsys, folder, "needs", "--segments", "all", "--backend", "tfidf")
    run(capsys, folder, "topics", "--backend", "tfidf")


def token(capsys: pytest.CaptureFixture[str], folder: Path, district: str | None = None) -> str:
    """One new participation token (for ``district``)."""
    out = folder.parent / "codes.csv"
    where = ["--district", district] if district else []
    run(capsys, folder, "tokens", "--n", "1", "--out", out, *where)
    return str(pd.read_csv(out, sep=";")["token"].iloc[0])


def widgets_below(widget: w.Widget) -> Iterator[w.Widget]:
    """``widget`` and all its descendants."""
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from widgets_below(child)


def html_values(widget: w.Widget) -> list[str]:
    """The values of every HTML/Label widget below ``widget`` (rendered as HTML)."""
    return [x.value for x in widgets_below(widget) if isinstance(x, w.HTML | w.Label)]


def all_text(widget: w.Widget) -> str:
    """Every string a person can see: HTML values, descriptions, option labels."""
    found = html_values(widget)
    for x in widgets_below(widget):
        found += [getattr(x, a) for a in ("description", "placeholder", "tooltip")
                  if isinstance(getattr(x, a, None), str)]  # fmt: skip
        found += [str(o[0] if isinstance(o, tuple) else o) for o in getattr(x, "options", ())]
    return "\n".join(found)


def check_page(widget: w.Widget) -> str:
    """What every app page must satisfy; returns its HTML text (styles removed)."""
    text = all_text(widget)
    assert "Kowalski" not in text
    html = re.sub(r"<style>.*?</style>", "", "\n".join(html_values(widget)), flags=re.S)
    assert "<script" not in html
    assert "Traceback" not in text and GENERIC_ERROR not in text
    assert not FORBIDDEN.findall(html), FORBIDDEN.findall(html)[:5]
    return html


def apps(folder: Path, query: str = "") -> list[w.Widget]:
    """The four apps as their notebooks build them, for ``?query``."""
    env = {"WORKBENCH_PROJECT": str(folder), "QUERY_STRING": query}
    return [app(env) for app in APPS]


def test_a_city_wide_project_without_runs_shows_german_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No districts, no need or topic run, no codebook: messages instead of pages."""
    folder = make_project(tmp_path, capsys, TEXTS)
    profile, topics, form, coding = (check_page(a) for a in apps(folder, "coder=Anna"))
    assert "noch keine Sozialräume angelegt" in profile
    # stakeholders read what is missing, not the team's command ("workbench needs")
    assert "Die genannten Bedarfe sind noch nicht ausgewertet." in profile
    assert "Die Themen sind noch nicht ausgewertet." in profile
    assert "workbench" not in profile
    assert "Themenlandkarte ist noch nicht berechnet" in topics
    assert "noch keine Bedarfe zum Bewerten" in form
    assert "Noch keine Codes" in coding


def test_districts_with_odd_names_and_without_statements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A district name with umlaut, space and hyphen, one district without statements,
    a stale run (a statement imported after it), and all statements of one district
    forgotten: every app still shows a sensible German page."""
    folder = make_project(tmp_path, capsys, TEXTS, ("Manfort", ODD), ("Manfort", ODD, "Leer"))
    analyse(capsys, folder)
    for district in (ODD, "Leer"):
        query = f"district={quote(district)}&coder=Anna&token={token(capsys, folder, district)}"
        profile, _, form, _ = (check_page(a) for a in apps(folder, query))
        assert f"Sozialraumprofil {district}" in profile
        assert f"Für: {district}" in form
    assert "Aus Leer liegen keine Aussagen vor." in profile
    late = tmp_path / "spaet.csv"
    row = pd.DataFrame([("x1", "Der Markt ist zu laut", "Manfort")], columns=["ID", "Text", "S"])
    row.to_csv(late, sep=";", index=False)
    run(capsys, folder, "import", late, "--text-column", "Text", "--id-column", "ID",
        "--district-column", "S")  # fmt: skip
    profile, topics, *_ = (check_page(a) for a in apps(folder, "district=Manfort&coder=Anna"))
    # the run is older than the statements: the profile and topic-map apps say so, as the
    # reports and the site do; in the site's words: stakeholders cannot rerun an analysis,
    # the run number and the command are the team's (the CLI and the report name them)
    for page in (profile, topics):
        assert "berücksichtigt 1 neue Aussage noch nicht." in page
        assert "workbench" not in page and "(Lauf " not in page
    with Project.open(folder) as project:
        segments = project.segments()
    gone = segments.loc[segments["district"] == ODD, "segment_id"].astype(int).tolist()
    run(capsys, folder, "forget", "--statement", *gone)
    query = f"district={quote(ODD)}&coder=Anna&token={token(capsys, folder, ODD)}"
    profile = check_page(apps(folder, query)[0])
    assert f"Aus {ODD} liegen keine Aussagen vor." in profile


def test_one_district_and_city_wide_runs_over_all_statements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One district, and a city-wide project with ``needs --segments all``: the pages
    show the needs and topics, the script statement as text."""
    for name, districts in (("eins", ("Manfort",)), ("stadt", ())):
        folder = make_project(tmp_path / name, capsys, TEXTS, districts)
        analyse(capsys, folder)
        query = f"district=Manfort&coder=Anna&token={token(capsys, folder)}"
        profile, topics, form, coding = (check_page(a) for a in apps(folder, query))
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in profile + topics
        assert "Prioritätspunkten frei" in form and "Kodiert als: <b>Anna</b>" in coding


def test_a_need_named_in_two_districts_does_not_read_as_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A need from two districts (still "sozialraumspezifisch": cross-cutting starts at
    three) read "in einem Stadtteil genannt" above "Genannt in: Manfort, Opladen"."""
    item = Item(1, "need", "Bus", scope="sozialraumspezifisch", districts=("Manfort", "Opladen"))
    assert "in einem Stadtteil" not in item_html(item)
    assert "in 2 Stadtteilen genannt" in item_html(item)
    texts = ["Der Bus fährt zu selten", "Der Bus fährt abends zu selten", "Kita fehlt"]
    folder = make_project(tmp_path, capsys, texts, TWO, (*TWO, "Leer"))
    run(capsys, folder, "needs", "--segments", "all", "--backend", "tfidf", "--n-clusters", "2")
    form = apps(folder, f"token={token(capsys, folder, 'Leer')}")[2]
    check_page(form)
    cards = [v for v in html_values(form) if "Genannt in: Manfort, Opladen" in v]
    assert cards and all("in einem Stadtteil genannt" not in c for c in cards)


def test_very_long_statements_are_shortened_where_they_are_quoted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Statements of 20,000 characters: the profile, the map's quotes and the form's
    examples showed them in full (a page of 20,000 characters per quote), and the coding
    panel showed the neighbours in full above the statement to code."""
    long = [("Der Bus fährt zu selten und " * 800)[:20000],
            ("Mehr Bänke im Park " * 1100)[:20000], "Kita fehlt", "Kitaplätze fehlen"]  # fmt: skip
    folder = make_project(tmp_path, capsys, long, ("Manfort", "Opladen"))
    analyse(capsys, folder)
    query = f"district=Manfort&coder=Anna&token={token(capsys, folder, 'Manfort')}"
    profile, topics, form, coding = apps(folder, query)
    for page in (profile, topics, form):
        html = check_page(page)
        assert SHORTENED in html
        assert max(len(v) for v in html_values(page)) < 4 * QUOTE_CHARS + 3000
    check_page(coding)
    assert isinstance(coding, CodingPanel)
    coding.key_catcher.press("j")  # the second statement: both neighbours are long
    context = coding.context.value
    assert context.count("Der Bus fährt zu selten und") < 100 and SHORTENED in context
    assert "Mehr Bänke im Park " * 1000 in context  # the statement to code: in full


def test_placeholder_only_statements_and_a_token_for_a_district_without_needs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Need clusters whose label comes from a statement that is only a placeholder, and
    a token for a district without statements: German labels, no name."""
    texts = ["Frau Kowalski", "Frau Kowalski sagt", "Mehr Bänke im Park", "Bänke fehlen"]
    folder = make_project(tmp_path, capsys, texts, TWO, (*TWO, "Leer"))
    analyse(capsys, folder)
    query = f"district=Manfort&coder=Anna&token={token(capsys, folder, 'Leer')}"
    profile, topics, form, _ = (check_page(a) for a in apps(folder, query))
    assert "Ohne Wortinhalt" in profile + topics + form
    assert "Für: Leer" in form
    # the ballot holds other districts' needs: the page says why (app and HTML form)
    assert "Aus Leer nennen die Workshops keine eigenen Bedarfe." in form
    assert "Aus Manfort nennen" not in check_page(
        apps(folder, f"token={token(capsys, folder, 'Manfort')}")[2]
    )


def test_the_html_form_describes_needs_like_the_app() -> None:
    """The kernel-less form (bursts) says "in 2 Stadtteilen genannt" for a need from two
    districts, as the app's card does, and shortens a 20,000-character quote."""
    from widgets.formular_page import _describe
    from workbench.participation.ballots import Item

    item = Item(
        1,
        "need",
        "Treffpunkte",
        scope="sozialraumspezifisch",
        districts=("Manfort", "Opladen"),
        quotes=("Wort " * 4000,),
    )
    described = _describe(item)
    assert "in 2 Stadtteilen genannt" in described and "in einem Stadtteil" not in described
    assert "(gekürzt)" in described and len(described) < 2000


def test_the_html_form_says_when_a_district_has_no_needs_of_its_own() -> None:
    """The kernel-less form says the same sentence as the app for a district token."""
    from widgets.formular_page import form_page
    from workbench.participation.ballots import Ballot
    from workbench.participation.ballots import Item as BallotItem

    need = BallotItem(1, "need", "Treffpunkte", scope="sozialraumspezifisch", districts=TWO)
    page = form_page(Ballot(1, 5, (need,), district="Leer"), "code")
    assert "Aus Leer nennen die Workshops keine eigenen Bedarfe." in page
    assert "Aus Manfort" not in form_page(Ballot(1, 5, (need,), district="Manfort"), "code")


def test_after_forget_the_topic_map_counts_todays_statements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The topic list and the map's words counted a topic's statements as the run did:
    after ``forget`` a topic read "(2)" above one statement, and a topic whose statements
    were all erased stayed in the app and on the site, named by their words (since forget
    takes such a topic out of its run, the run no longer holds it either)."""
    from workbench.analysis import topics
    from workbench.analysis.topic_map import map_data, topic_table
    from workbench.synthesis.site import publish

    folder = make_project(tmp_path, capsys, TEXTS, TWO)
    analyse(capsys, folder)
    with Project.open(folder) as project:
        before = map_data(project)
        named = topic_table(topics.topics(project, before.topic_run)).set_index("topic")
    members = before.statements.groupby("topic")["segment_id"].apply(list)
    emptied = str(before.topics["topic"].iloc[-1])  # all of its statements go
    shrunk = next(t for t in before.topics["topic"] if t != emptied and len(members[t]) > 1)
    gone = [*members[emptied], members[shrunk][0]]
    run(capsys, folder, "forget", "--statement", *gone)
    with Project.open(folder) as project:
        after = map_data(project)
        stored = topic_table(topics.topics(project, after.topic_run)).set_index("topic")
        site = publish(project, tmp_path / "seite").folder
    sizes = dict(zip(after.topics["topic"], after.topics["size"], strict=True))
    assert emptied not in sizes
    assert sizes == after.statements.groupby("topic")["segment_id"].nunique().to_dict()
    assert emptied not in stored.index  # forget took it out of its run
    label = named.loc[emptied, "label"]  # as the run named it before the erasure
    page = check_page(apps(folder)[1])
    listed = next(x for x in widgets_below(apps(folder)[1]) if isinstance(x, w.Select))
    options = {key: str(name) for name, key in listed.options}  # (label (n), topic)
    assert emptied not in options and options[shrunk].endswith(f" ({sizes[shrunk]})")
    assert f"in {len(sizes)} Themen" in page
    assert html_escape(label) not in (site / "themenlandkarte.html").read_text(encoding="utf-8")


def test_a_need_whose_statements_were_all_forgotten_is_no_longer_on_the_ballot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After ``forget`` of all statements of a need, the app and the form still asked
    participants to rate it: a card titled "Bedarf" without a single example. A token that
    already gave it points keeps it (the points count against its budget)."""
    from sqlalchemy import select

    from workbench.analysis import needs
    from workbench.participation.ballots import open_ballot, save_answer
    from workbench.store import FeedbackItem

    folder = make_project(tmp_path, capsys, TEXTS, TWO)
    run(capsys, folder, "needs", "--segments", "all", "--backend", "tfidf")
    fresh, answered = token(capsys, folder), token(capsys, folder)
    with Project.open(folder) as project:
        members = needs.assignments(project).groupby("cluster")["segment_id"].apply(list)
        target = int(members.index[-1])
        with project.session() as session:
            item = next(
                i.id
                for i in session.scalars(select(FeedbackItem))
                if i.kind == "need" and i.source.get("cluster") == target
            )
        before = [i.item_id for i in open_ballot(project, fresh).items]
        save_answer(project, answered, item, rating="trifft zu", points=2)
    run(capsys, folder, "forget", "--statement", *members[target])
    with Project.open(folder) as project:
        shown = [i.item_id for i in open_ballot(project, fresh).items]
        kept = open_ballot(project, answered)
    assert item in before and shown == [i for i in before if i != item]
    assert item in [i.item_id for i in kept.items] and kept.points_used == 2
    form = check_page(apps(folder, f"token={fresh}")[2])  # the app shows the same cards
    assert form.count("<span class='sw-badge'>Bedarf</span>") == len(shown)  # needs only


def test_a_district_profile_without_a_need_run_says_so_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without a need run a district's profile said "Die genannten Bedarfe sind noch nicht
    ausgewertet." twice: among the notes under its title and in its needs section."""
    from workbench.analysis.need_clusters import PUBLIC_NO_NEED_RUN

    folder = make_project(tmp_path, capsys, TEXTS, TWO)
    profile = check_page(profile_app({"WORKBENCH_PROJECT": str(folder),
                                      "QUERY_STRING": "district=Manfort"}).view)  # fmt: skip
    assert profile.count(PUBLIC_NO_NEED_RUN) == 1
    assert f"<h3>Bedarfe</h3><p class='sw-empty'>{PUBLIC_NO_NEED_RUN}</p>" in profile
