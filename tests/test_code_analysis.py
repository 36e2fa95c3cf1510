"""Code analysis: frequencies by district, co-occurrence, heatmap, quotes with sources."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import pytest

from tests.coding_data import cards_project
from workbench import InputError, Project
from workbench.coding.code_analysis import co_occurrence, code_frequencies, quotes
from workbench.coding.figures import code_district_heatmap
from workbench.core.domain import TABLES


@pytest.fixture
def coded(project: Project, tmp_path: Path) -> Project:
    """The six cards coded by A and B (B only partly)."""
    ids = cards_project(project, tmp_path)
    for card, code in [
        ("K1", "Herausforderung"),
        ("K1", "Themen/Digitale Teilhabe"),
        ("K2", "Bedarf"),
        ("K2", "Themen/Digitale Teilhabe"),
        ("K3", "Ressource"),
        ("K4", "Herausforderung"),
        ("K4", "Themen/Wohnen"),
        ("K6", "Ressource"),
    ]:
        project.code_segment(ids[card], code, "A")
    project.code_segment(ids["K1"], "Themen/Digitale Teilhabe", "B", start=17, end=26)
    project.code_segment(ids["K1"], "Themen/Digitale Teilhabe", "B", start=0, end=10)
    project.code_segment(ids["K5"], "Herausforderung", "B")
    return project


def test_frequencies_count_segments_per_code_and_district(coded: Project) -> None:
    table = code_frequencies(coded)
    assert list(table.columns) == list(TABLES["code_frequencies"])
    # Every code × every district with segments, in codebook and district order.
    assert table["district"].unique().tolist() == ["Manfort", "Opladen", "Wiesdorf"]
    assert len(table) == 6 * 3
    counts = table.set_index(["code", "district"])["segments"]
    assert counts["Themen/Digitale Teilhabe", "Manfort"] == 2  # K1 (A and B, two spans), K2
    assert counts["Herausforderung", "Opladen"] == 1  # B's coding counts without a coder
    assert counts["Themen/Wohnen", "Manfort"] == 0
    share = table.set_index(["code", "district"])["share"]
    assert share["Ressource", "Wiesdorf"] == pytest.approx(1 / 2)
    only_a = code_frequencies(coded, coder="A").set_index(["code", "district"])["segments"]
    assert only_a["Herausforderung", "Opladen"] == 0
    with pytest.raises(InputError, match=r"Keine Kodierungen von 'Z'\. Kodiert haben: A, B"):
        code_frequencies(coded, coder="Z")


def test_co_occurrence_matrix(coded: Project) -> None:
    matrix = co_occurrence(coded)
    codes = ["Bedarf", "Herausforderung", "Ressource", "Themen/Digitale Teilhabe", "Themen/Wohnen"]
    assert matrix.index.tolist() == codes
    assert matrix.columns.tolist() == codes
    assert (matrix.to_numpy() == matrix.to_numpy().T).all()
    assert matrix.loc["Herausforderung", "Themen/Digitale Teilhabe"] == 1  # K1
    assert matrix.loc["Herausforderung", "Themen/Wohnen"] == 1  # K4
    assert matrix.loc["Bedarf", "Ressource"] == 0
    frequencies = code_frequencies(coded).groupby("code")["segments"].sum()
    assert np.diag(matrix).tolist() == [int(frequencies[c]) for c in codes]
    only_b = co_occurrence(coded, coder="B")
    assert only_b.index.tolist() == ["Herausforderung", "Themen/Digitale Teilhabe"]
    assert only_b.to_numpy().tolist() == [[1, 0], [0, 1]]


def test_heatmap_is_a_german_plotly_figure(coded: Project) -> None:
    figure = code_district_heatmap(coded)
    assert isinstance(figure, go.Figure)
    assert figure.layout.xaxis.title.text == "Sozialraum"
    assert figure.layout.yaxis.title.text == "Code"
    assert figure.layout.title.text == "Codes nach Sozialraum"
    heatmap = figure.data[0]
    assert list(heatmap.x) == ["Manfort", "Opladen", "Wiesdorf"]
    assert heatmap.y[0] == "Bedarf"
    z = np.asarray(heatmap.z)
    assert z[list(heatmap.y).index("Ressource"), 2] == pytest.approx(50.0)
    counts = code_district_heatmap(coded, coder="A", value="segments")
    assert counts.layout.title.text == "Codes nach Sozialraum (Kodierer*in A)"
    assert np.asarray(counts.data[0].z).sum() == 8
    with pytest.raises(InputError, match="share oder segments"):
        code_district_heatmap(coded, value="prozent")


def test_quotes_with_source_and_only_pseudonymised_text(coded: Project) -> None:
    table = quotes(coded, "Themen")
    assert list(table.columns) == list(TABLES["quotes"])
    assert table[["source_id", "quote", "coders"]].values.tolist() == [
        ["K1", "[Person 1]", "B"],
        ["K1", "[Person 1] sagt: kein WLAN im Jugendzentrum", "A"],
        ["K1", "kein WLAN", "B"],
        ["K2", "Tablets für alle Kinder", "A"],
        ["K4", "Wohnungen feucht und zu teuer", "A"],
    ]
    assert set(zip(table["district"], table["workshop"], table["document"], strict=True)) == {
        ("Manfort", "WS Manfort", "karten.csv"),
        ("Wiesdorf", "WS Wiesdorf", "karten.csv"),
    }
    assert not table["quote"].str.contains("Schmidt").any()
    assert quotes(coded, "Themen", subcodes=False).empty
    assert quotes(coded, "Themen/Wohnen", coder="B").empty
    both = quotes(coded, "Herausforderung")
    assert both[["source_id", "coders"]].values.tolist() == [
        ["K1", "A"],
        ["K5", "B"],
        ["K4", "A"],
    ]  # sorted by district: Manfort, Opladen, Wiesdorf
    with pytest.raises(InputError, match="Code 'Gibtsnicht' steht nicht im Codebuch"):
        quotes(coded, "Gibtsnicht")
    # Without a code: every coded passage (identical spans of A and B would be one row).
    everything = coded.quotes()
    spans = ["segment_id", "code", "start", "end"]
    assert len(everything) == len(coded.codings().drop_duplicates(spans)) == 11
    assert everything.equals(quotes(coded))


def test_demo_frequencies_and_quotes_agree(demo_project: Project) -> None:
    frequencies = code_frequencies(demo_project)
    codings = demo_project.codings()
    per_code = codings.groupby("code")["segment_id"].nunique()
    summed = frequencies.groupby("code")["segments"].sum()
    assert {c: int(summed[c]) for c in per_code.index} == per_code.astype(int).to_dict()
    assert frequencies.equals(code_frequencies(demo_project))  # deterministic
    bedarf = quotes(demo_project, "Bedarf")
    assert len(bedarf) == len(codings[codings["code"] == "Bedarf"].drop_duplicates("segment_id"))
    assert (bedarf["coders"].isin(["A", "B", "A, B"])).all()
    assert co_occurrence(demo_project).loc["Bedarf", "Bedarf"] == per_code["Bedarf"]
