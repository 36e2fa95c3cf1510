"""Below "Frage: …?" / "Antwort:", one sentence wrapped over short lines ("Viele wünschen
sich mehr" / "Bänke und eine bessere" / "Beleuchtung am Abend.") was cut into one statement
per line, each a broken piece of the sentence. Wrapped prose is one statement now, under
its question without the labels; cards one per line stay one statement each."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcript_files import import_into
from workbench import Project

WRAPPED = [
    ["Viele wünschen sich mehr", "Bänke und eine bessere", "Beleuchtung am Abend."],
    [
        "Es kamen rund vierzig Leute, vor allem",
        "Familien aus dem Quartier, aber kaum",
        "Jugendliche.",
    ],
    ["Es fehlt ein Ort für Jugendliche", "am Abend und vor allem", "im Winter."],
]
CARDS = [
    ["Mehr Bänke", "Bessere Busse", "Endlich Licht am Bahnhof!"],
    ["Sauberkeit im Park", "Ruhe nachts", "Mehr Grün."],
    ["Der Park ist zu dunkel.", "Die Busse fahren selten."],
]


def _stored(project: Project, path: Path, lines: list[str]) -> list[tuple[str, str]]:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert import_into(project, path) == 0
    stored = project.segments().sort_values("position")
    return list(zip(stored["text"], stored["question"], strict=True))


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@pytest.mark.parametrize("prose", WRAPPED, ids=lambda prose: prose[0])
def test_wrapped_prose_below_an_answer_label_is_one_statement(
    project: Project, tmp_path: Path, prose: list[str], suffix: str
) -> None:
    lines = ["Frage: Was läuft gut?", "Antwort:", "Die Nachbarschaftshilfe", "Das Stadtteilfest"]
    lines += ["Frage: Was wurde gesagt?", "Antwort:", *prose]
    assert _stored(project, tmp_path / f"runde{suffix}", lines) == [
        ("Die Nachbarschaftshilfe", "Was läuft gut?"),
        ("Das Stadtteilfest", "Was läuft gut?"),
        (" ".join(prose), "Was wurde gesagt?"),
    ]


@pytest.mark.parametrize("cards", CARDS, ids=lambda cards: cards[0])
def test_cards_below_an_answer_label_stay_one_statement_each(
    project: Project, tmp_path: Path, cards: list[str]
) -> None:
    lines = ["Frage: Was fehlt im Quartier?", "Antwort:", *cards]
    assert _stored(project, tmp_path / "runde.txt", lines) == [
        (card, "Was fehlt im Quartier?") for card in cards
    ]
