"""Assisted coding: suggestions for uncoded segments, never stored; accepting; the CLI."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import func, select

from tests.coding_data import CARD_MAPPING, cards_project
from workbench import InputError, Project
from workbench.analysis.embeddings import UseEmbedder
from workbench.analysis.suggest import (
    COLUMNS,
    ORIGIN,
    accept_suggestion,
    code_confidences,
    f1_threshold,
    no_suggestions_reason,
    suggest,
)
from workbench.cli.main import main
from workbench.store import Coding, CodingAction


@pytest.fixture(scope="module")
def use() -> UseEmbedder:
    """One USE model for the module (loading it takes a second or two)."""
    return UseEmbedder()


@pytest.fixture
def cards(project: Project, tmp_path: Path) -> dict[str, int]:
    """Six cards and a small codebook (see tests/coding_data.py); segment ids by card."""
    return cards_project(project, tmp_path)


def _stored(project: Project) -> tuple[int, int]:
    with project.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Coding)),
            s.scalar(select(func.count()).select_from(CodingAction)),
        )


# -- the method on arrays ------------------------------------------------------------------
def _noisy(direction: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    return direction + 0.25 * rng.standard_normal((n, len(direction)))


def test_right_code_wins_on_synthetic_vectors() -> None:
    rng = np.random.default_rng(0)
    axes = np.eye(8)
    # Codes 0–2 have three coded examples each along their axis; code 3 has none, only
    # its codebook text (axis 3); code 4 has neither and can never be suggested.
    examples = np.vstack([_noisy(axes[c], 3, rng) for c in range(3)] + [_noisy(axes[5], 3, rng)])
    labels = np.zeros((12, 5), dtype=bool)
    for c in range(3):
        labels[3 * c : 3 * c + 3, c] = True
    code_vectors = np.vstack([axes[0], axes[1], axes[2], axes[3], np.zeros(8)])
    queries = np.vstack([_noisy(axes[c], 1, rng) for c in (0, 1, 2, 3, 5)])

    confidence = code_confidences(queries, examples, labels, code_vectors)

    assert confidence.shape == (5, 5)
    for row, code in enumerate([0, 1, 2, 3]):
        assert confidence[row].argmax() == code
        assert confidence[row, code] >= 0.5
    assert confidence[:3, :3][~np.eye(3, dtype=bool)].max() < 0.5  # no wrong coded code
    assert confidence[4].max() < 0.5  # like the uncoded examples: no code
    assert (confidence[:, 4] == 0).all()
    np.testing.assert_array_equal(
        confidence, code_confidences(queries, examples, labels, code_vectors)
    )


def test_several_codes_for_one_segment() -> None:
    rng = np.random.default_rng(1)
    axes = np.eye(6)
    both = (axes[0] + axes[1]) / np.sqrt(2)
    examples = np.vstack([_noisy(axes[0], 4, rng), _noisy(axes[1], 4, rng), _noisy(both, 2, rng)])
    labels = np.array([[1, 0]] * 4 + [[0, 1]] * 4 + [[1, 1]] * 2, dtype=bool)
    confidence = code_confidences(both[None], examples, labels, np.zeros((2, 6)))
    assert (confidence >= 0.5).all()


def test_f1_threshold_cuts_between_scores() -> None:
    assert f1_threshold(np.array([0.9, 0.8, 0.3, 0.1]), np.array([1, 1, 0, 0])) == pytest.approx(
        0.55
    )
    # ties are never split; everything positive keeps everything
    assert f1_threshold(np.array([0.5, 0.5, 0.2]), np.array([1, 0, 0])) == pytest.approx(0.35)
    assert f1_threshold(np.array([0.4, 0.2]), np.array([1, 1])) == pytest.approx(0.2)


# -- suggestions in a project -----------------------------------------------------------
def test_only_uncoded_segments_and_nothing_stored(
    project: Project, cards: dict[str, int], use: UseEmbedder
) -> None:
    project.code_segment(cards["K1"], "Themen/Digitale Teilhabe", "A")
    project.code_segment(cards["K4"], "Themen/Wohnen", "B")
    before = _stored(project)

    table = suggest(project, min_confidence=0.0, backend=use)

    assert _stored(project) == before
    assert list(table.columns) == list(COLUMNS)
    assert table.dtypes.astype(str).to_dict() == COLUMNS
    uncoded = {cards[k] for k in ("K2", "K3", "K5", "K6")}
    assert set(table["segment_id"]) == uncoded
    # every code that has a description or codings; not the pure grouping code "Themen"
    assert set(table["code"]) == {
        "Bedarf",
        "Herausforderung",
        "Ressource",
        "Themen/Digitale Teilhabe",
        "Themen/Wohnen",
    }
    assert len(table) == 4 * 5
    order = table.sort_values(["segment_id", "confidence"], ascending=[True, False])
    pd.testing.assert_frame_equal(table, order.reset_index(drop=True))
    assert table["confidence"].between(0, 1).all()


def test_coder_gets_suggestions_for_what_they_have_not_coded(
    project: Project, cards: dict[str, int], use: UseEmbedder
) -> None:
    project.code_segment(cards["K1"], "Themen/Digitale Teilhabe", "A")
    project.code_segment(cards["K2"], "Bedarf", "B")
    table = suggest(project, min_confidence=0.0, coder="B", backend=use)
    assert set(table["segment_id"]) == {cards[k] for k in ("K1", "K3", "K4", "K5", "K6")}
    assert set(suggest(project, min_confidence=0.0, backend=use)["segment_id"]) == {
        cards[k] for k in ("K3", "K4", "K5", "K6")
    }


def test_codebook_text_finds_the_right_theme(
    project: Project, cards: dict[str, int], use: UseEmbedder
) -> None:
    table = suggest(project, codes=["Themen/Digitale Teilhabe", "Themen/Wohnen"], backend=use)
    best = table.groupby("segment_id")["code"].first()
    assert best[cards["K1"]] == "Themen/Digitale Teilhabe"  # "kein WLAN im Jugendzentrum"
    assert best[cards["K4"]] == "Themen/Wohnen"  # "Wohnungen feucht und zu teuer"


def test_min_confidence_filters(project: Project, cards: dict[str, int], use: UseEmbedder) -> None:
    project.code_segment(cards["K4"], "Themen/Wohnen", "A")
    every = suggest(project, min_confidence=0.0, backend=use)
    default = suggest(project, backend=use)
    strict = suggest(project, min_confidence=0.9, backend=use)
    assert len(strict) <= len(default) < len(every)
    assert (default["confidence"] >= 0.5).all() and (strict["confidence"] >= 0.9).all()
    keys = ["segment_id", "code"]
    expected = every[every["confidence"] >= 0.5].reset_index(drop=True)
    pd.testing.assert_frame_equal(default[keys], expected[keys])
    with pytest.raises(InputError, match="zwischen 0 und 1"):
        suggest(project, min_confidence=1.5, backend=use)
    with pytest.raises(InputError, match="steht nicht im Codebuch"):
        suggest(project, codes=["Gibt es nicht"], backend=use)


def test_accepting_stores_coder_origin_and_acceptor(
    project: Project, cards: dict[str, int], use: UseEmbedder
) -> None:
    table = suggest(project, backend=use)
    row = table.iloc[0]
    record = accept_suggestion(project, int(row["segment_id"]), row["code"], "C")
    assert (record.segment_id, record.code, record.coder) == (row["segment_id"], row["code"], "C")
    with project.session() as s:
        stored = s.get(Coding, record.coding_id)
        assert (stored.coder, stored.origin, stored.accepted_by) == ("C", ORIGIN, "C")
        assert (stored.start, stored.end) == (record.start, record.end)
    assert int(row["segment_id"]) not in set(suggest(project, backend=use)["segment_id"])
    assert project.undo("C") == 1  # an accepted suggestion is an ordinary coding action


def test_demo_suggestions_agree_with_the_other_coder(demo_project: Project) -> None:
    """Coder B's codings as examples; B's uncoded segments scored against coder A."""
    table = suggest(demo_project, coder="B")
    codings = demo_project.codings()
    a = codings[codings["coder"] == "A"]
    b_segments = set(codings.loc[codings["coder"] == "B", "segment_id"])
    assert b_segments.isdisjoint(table["segment_id"])
    truth = set(zip(a["segment_id"], a["code"], strict=True))
    truth = {(s, c) for s, c in truth if s not in b_segments and c in set(table["code"])}
    guess = set(zip(table["segment_id"], table["code"], strict=True))
    precision, recall = len(truth & guess) / len(guess), len(truth & guess) / len(truth)
    assert 2 * precision * recall / (precision + recall) > 0.4


# -- the CLI ----------------------------------------------------------------------------
def test_cli_writes_csv_that_joins_back_by_document_and_source_id(
    project: Project, cards: dict[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Like needs and topics: a second export that counts its rows from 1 shares the ids of
    the first, so the file names which row of which source a suggestion is for."""
    project.code_segment(cards["K1"], "Themen/Digitale Teilhabe", "A")
    second = tmp_path / "karten_nachtreffen.csv"  # a second wall, numbered K2, K3 again
    second.write_text(
        "Karte;Text;Sozialraum;Workshop\n"
        "K2;Das WLAN im Jugendtreff fehlt seit Monaten;Manfort;Nachtreffen\n"
        "K3;Laptops zum Ausleihen für Schüler;Manfort;Nachtreffen\n",
        encoding="utf-8",
    )
    project.import_files([second], mapping=CARD_MAPPING)
    out = tmp_path / "vorschlaege.csv"
    argv = ["--project", str(project.path), "suggest", "--out", str(out)]
    assert main([*argv, "--min-confidence", "0"]) == 0
    assert "nichts gespeichert" in capsys.readouterr().out
    table = pd.read_csv(out, dtype={"source_id": str})
    assert list(table.columns) == ["segment_id", "document", "source_id", "code", "confidence"]
    assert {"karten_nachtreffen.csv", "karten.csv"} <= set(table["document"])
    keys = ["document", "source_id"]
    joined = table.merge(project.segments(), on=keys, suffixes=("", "_seg"))
    assert len(joined) == len(table)
    assert (joined["segment_id"] == joined["segment_id_seg"]).all()
    assert "K1" not in set(table["source_id"])

    assert main([*argv, "--min-confidence", "0.9", "--coder", "A"]) == 0
    strict = pd.read_csv(out)
    assert (strict["confidence"] >= 0.9).all()


def test_cli_with_codebook_file(
    project: Project, cards: dict[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    codebook = tmp_path / "themen.yaml"
    codebook.write_text(
        "codes:\n"
        "  - name: Themen\n"
        "    children:\n"
        "      - name: Wohnen\n"
        "        description: Wohnungen, Mieten, Feuchtigkeit und Zustand der Häuser\n"
        "        example: Schimmel im Bad, Vermieter reagiert nicht\n"
        "      - name: Digitale Teilhabe\n"
        "        description: Internet, WLAN, Laptops und Tablets\n",
        encoding="utf-8",
    )
    out = tmp_path / "vorschlaege.csv"
    argv = ["--project", str(project.path), "suggest", "--out", str(out)]
    assert main([*argv, "--codebook", str(codebook), "--min-confidence", "0"]) == 0
    table = pd.read_csv(out)
    assert set(table["code"]) == {"Themen/Wohnen", "Themen/Digitale Teilhabe"}
    best = table.groupby("source_id")["code"].first()
    assert best["K4"] == "Themen/Wohnen"

    qdc = tmp_path / "codebuch.qdc"
    project.export_codebook(qdc, "qdc")
    assert main([*argv, "--codebook", str(qdc), "--codes", "Bedarf,Ressource"]) == 0
    assert set(pd.read_csv(out)["code"]) <= {"Bedarf", "Ressource"}
    capsys.readouterr()

    assert main([*argv, "--codebook", str(tmp_path / "fehlt.yaml")]) == 2
    assert main([*argv, "--min-confidence", "2"]) == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 2 and all(line.startswith("Fehler: ") for line in errors)


def test_nothing_to_suggest(project: Project, tmp_path: Path, use: UseEmbedder) -> None:
    assert suggest(project, backend=use).empty  # no segments, no codes
    project.add_code("Bedarf", description="Was gebraucht wird")
    assert suggest(project, backend=use).empty  # a codebook, but no segments
    cards_project(project, tmp_path)
    project.add_code("Ohne Text")  # no description, no example, no codings: never suggested
    table = suggest(project, min_confidence=0, backend=use)
    assert "Ohne Text" not in set(table["code"])
    assert list(table.columns) == list(COLUMNS)


def test_corpus_fitted_backend_embeds_codebook_texts_with_the_segments(
    project: Project, cards: dict[str, int]
) -> None:
    table = suggest(project, min_confidence=0, backend="tfidf")  # TF-IDF: not cacheable
    assert set(table["segment_id"]) == set(cards.values())
    assert not (project.cache_dir / "embeddings").exists()


def test_cli_says_why_there_is_nothing_to_suggest(
    project: Project, cards: dict[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "vorschlaege.csv"
    argv = ["--project", str(project.path), "suggest", "--out", str(out), "--backend", "tfidf"]
    for segment in cards.values():
        project.code_segment(segment, "Bedarf", "A")
    assert main(argv) == 0
    said = capsys.readouterr().out
    assert said.startswith("Keine Vorschläge")
    assert "Alle 6 Aussagen sind schon kodiert" in said
    assert pd.read_csv(out).empty
    assert main([*argv, "--coder", "B", "--min-confidence", "0"]) == 0  # B has coded none
    assert "Keine Vorschläge" not in capsys.readouterr().out
    assert main([*argv, "--coder", "A"]) == 0
    assert "Alle 6 Aussagen sind von A schon kodiert" in capsys.readouterr().out


def test_no_suggestions_reason_names_the_cause(project: Project, tmp_path: Path) -> None:
    assert "noch keine Aussagen" in no_suggestions_reason(project)
    cards_project(project, tmp_path)
    assert no_suggestions_reason(project, codes=["Bedarf"], min_confidence=0.99) == (
        "6 unkodierte Aussagen, aber kein Code erreicht die Mindestkonfidenz 0.99 "
        "(--min-confidence kleiner wählen)."
    )
    assert "Kein Code zum Vorschlagen" in no_suggestions_reason(project, codebook=[])
