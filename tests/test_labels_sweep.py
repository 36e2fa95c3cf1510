"""Labels on data the workbench was not tuned on: placeholders, emoji, dangling cuts, and
the progress output of ``workbench topics`` (defects of the analysis sweep)."""

from __future__ import annotations

import hashlib
import io
import sys
from pathlib import Path

import numpy as np
import pytest

from workbench import Project
from workbench.analysis import labels, stopwords, topics
from workbench.ingest.table import TableMapping

DANGLING = {"unter", "an", "mit", "der", "die", "das", "im", "am", "für", "von", "zu", "und"}


def _last_word(label: str) -> str:
    return label.rstrip(" …").split()[-1].casefold()


def _carries_words(label: str) -> bool:
    """A resident-readable label: content words, or the documented wordless fallback."""
    return bool(stopwords.tokenize(label)) or label.startswith(labels.NO_WORDS)


# -- placeholders ---------------------------------------------------------------------------
def test_a_phrase_of_placeholders_only_is_no_label() -> None:
    central = ["[Person 3], Tel. [Telefon]", "Spielplatz"]
    assert labels.content_words(central[0]) == []  # "Tel." beside a phone number is none
    label, _ = labels.label_and_source(central, ["tel", "spielplatz"], set())
    assert label == "Spielplatz"


def test_a_cluster_of_placeholders_gets_a_readable_wordless_label() -> None:
    label, source = labels.label_and_source(["[Person 2]", "[E-Mail]"], [], set())
    assert label == "Ohne Wortinhalt (nur Platzhalter: Person, E-Mail)" and source is None
    other, _ = labels.label_and_source(["[Person 1], [Telefon]"], [], {label})
    assert other and "[" not in other and other != label
    # a phrase with a content word beside placeholders is still a label
    kontakt, _ = labels.label_and_source(["Kontakt: [Person 4], [Adresse]"], ["kontakt"], set())
    assert kontakt == "Kontakt: [Person 4], [Adresse]"


def test_keywords_fall_back_without_placeholder_or_empty_parts() -> None:
    label, _ = labels.label_and_source(["[Person 3]", "Bänke"], ["person", "bänke", ""], set())
    assert label == "Bänke"  # "person" of a placeholder is not looked up in the texts
    words = ["spielplatz treffpunkt", "spielplatz", "treffpunkt", "", ""]
    label, _ = labels.label_and_source(["Spielplatz", "Treffpunkt"], words, set())
    assert label == "Spielplatz · Treffpunkt"


# -- dangling ends --------------------------------------------------------------------------
def test_shorten_never_ends_on_a_preposition_or_article() -> None:
    text = "Beratung vor Ort im Quartiersbüro einmal pro Woche mit der Stadt anbieten"
    for limit in range(12, len(text)):
        cut = labels.shorten(text, limit)
        assert len(cut) <= limit and _last_word(cut) not in DANGLING, (limit, cut)


def test_a_clause_cut_before_a_placeholder_does_not_dangle() -> None:
    text = (
        "Ruf mich an unter [Telefon], dann erkläre ich gern, wie die Anmeldung für den "
        "Mittagstisch im Stadtteil funktioniert."
    )
    label = labels.readable_label([text], ["anmeldung", "mittagstisch"], set())
    assert label == "Anmeldung für den Mittagstisch"
    alone = "Ruf mich an unter [Telefon], dann reden wir über alles weitere in aller Ruhe."
    label = labels.readable_label([alone], [], set())
    assert _last_word(label) not in DANGLING and not labels.fragmentary(label), label
    assert "[" not in label


# -- emoji ----------------------------------------------------------------------------------
def test_emoji_statements_get_no_separator_only_label() -> None:
    central = ["👍", "😡😡😡", "🚌🚌"]
    label, source = labels.label_and_source(central, ["", "", ""], set())
    assert label == "Ohne Wortinhalt: 👍" and source == 0
    second, source = labels.label_and_source(central, [], {label})
    assert second == "Ohne Wortinhalt: 😡😡😡" and source == 1
    label, _ = labels.label_and_source(["Bänke", "?"], ["bänke", "", ""], set())
    assert label == "Bänke"


class _FakeEmbedder:
    """Deterministic vectors per text (no model): enough for BERTopic's word embeddings."""

    name = "fake"
    version = "1"
    cacheable = False

    def embed(self, texts: list[str]) -> np.ndarray:
        rows = []
        for text in texts:
            seed = int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)
            rows.append(np.random.default_rng(seed).normal(size=16))
        vectors = np.array(rows, dtype=np.float32).reshape(len(texts), 16)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@pytest.mark.slow
def test_topic_labels_and_keywords_of_emoji_and_placeholders() -> None:
    texts = ["👍", "😡😡😡", "Spielplatz", "Bänke", "?", "🚌🚌", "Treffpunkt", "ok"]
    texts += ["[Person 1], [Telefon]", "[E-Mail]", "[Person 3], Tel. [Telefon]"]
    embedder = _FakeEmbedder()
    vectors = embedder.embed(texts)
    _, _, described = topics.fit_topics(texts, vectors, topics.TopicParams(), embedder)
    for topic in described:
        assert topic["label"].strip(" ·") and "·  ·" not in topic["label"], topic
        assert _carries_words(topic["label"]), topic
        assert all(w.strip() for w in topic["keywords"]), topic["keywords"]
        assert not {"person", "telefon", "e-mail"} & set(topic["keywords"])
    _, _, (small,) = topics.fit_topics(
        ["[Person 2]", "👍"], vectors[:2], topics.TopicParams(), embedder
    )
    assert _carries_words(small["label"]) and "[" not in small["label"], small


@pytest.mark.parametrize(
    "texts",
    [
        ["👍", "😡😡😡", "?", "🚌🚌", "!!", "👍👍"],  # no word at all: empty vocabulary
        ["👍 Spielplatz", "😡", "?", "🚌", "Spielplatz!", "👍👍"],  # one word only
    ],
)
def test_topics_of_statements_with_fewer_than_two_words_are_one_topic(texts: list[str]) -> None:
    """BERTopic's c-TF-IDF needs two words (it raised "empty vocabulary" / a TypeError):
    such statements are one topic with a readable label."""
    embedder = _FakeEmbedder()
    found, probability, (only,) = topics.fit_topics(
        texts, embedder.embed(texts), topics.TopicParams(), embedder
    )
    assert set(found.tolist()) == {0} and len(probability) == len(texts)
    assert only["size"] == len(texts) and _carries_words(only["label"]), only


# -- progress -------------------------------------------------------------------------------
class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _small_project(folder: Path) -> Project:
    project = Project.create(folder / "projekt", districts=["Manfort", "Opladen"])
    rows = ["Mehr Bänke im Park,Manfort", "Der Bus fährt zu selten,Opladen"]
    source = folder / "karten.csv"
    source.write_text("Text,Sozialraum\n" + "\n".join(rows) + "\n", encoding="utf-8")
    project.import_files([source], TableMapping(text_column="Text", district_column="Sozialraum"))
    return project


def test_topics_shows_no_progress_bar_for_a_single_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One model over all statements: a 0/1 → 1/1 bar says nothing; per district one bar
    of the workbench's own, in German, and only on a terminal."""
    from workbench.analysis import embeddings

    embedder = _FakeEmbedder()
    monkeypatch.setattr(embeddings, "get_embedder", lambda spec: embedder)
    monkeypatch.setattr(
        embeddings,
        "project_embeddings",
        lambda project, emb, progress=True: (
            (s := project.segments()),
            emb.embed(s["text"].tolist()),
        ),
    )
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with _small_project(tmp_path) as project:
        topics.run_topics(project, topics.TopicParams(by="all"))
        assert terminal.getvalue() == ""
        topics.run_topics(project, topics.TopicParams(by="district"))
        assert "Themenmodelle" in terminal.getvalue() and "it/s" not in terminal.getvalue()
        monkeypatch.setattr(sys, "stderr", io.StringIO())  # a log file: no bar at all
        topics.run_topics(project, topics.TopicParams(by="district"))
        assert sys.stderr.getvalue() == ""
