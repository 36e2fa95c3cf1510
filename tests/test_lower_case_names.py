"""Names typed all in lower case, as in chats and quick notes ("hab gestern mit anna
schmidt gesprochen", "danke an klaus und petra", "@anna schmidt …"): replaced where a first
name and a surname stand together or a strong cue names a first name; ordinary lower-case
German and English stay ("die farbe rosa", "frank und frei", "will do")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.ingest.lower_view import LowerView
from workbench.ingest.pseudonymise import Pseudonymiser

PERSON = re.compile(r"\[Person \d+\]")

CHANGE = [
    ("hab gestern mit anna schmidt gesprochen", ["anna", "schmidt"]),
    ("frag mal thomas müller vom jugendamt", ["thomas", "müller"]),
    ("hallo zusammen, hier ist jürgen weber", ["jürgen", "weber"]),
    ("danke an klaus und petra", ["klaus", "petra"]),
    ("ich bin die sabine, wohne in manfort", ["sabine"]),
    ("@anna schmidt kannst du das schicken?", ["anna", "schmidt"]),
    ("hallo sabine", ["sabine"]),
    ("hi tom 👋", ["tom"]),
    ("moin jens, danke für die infos", ["jens"]),
    ("grüße an petra!", ["petra"]),
    ("hab heute mit karin telefoniert", ["karin"]),
    ("hallo leute, ich bin der kevin aus opladen", ["kevin"]),
    ("sag elif öztürk bescheid wegen samstag", ["elif", "öztürk"]),
    ("frau anna schmidt kommt auch", ["anna", "schmidt"]),
]

STAY = [
    "die farbe rosa gefällt mir",
    "ganz ernst gemeint",
    "frank und frei gesagt",
    "klein aber fein",
    "wir fahren mit der bahn",
    "das kostet ein paar euro",
    "der bauer auf dem markt hat eier",
    "koch mal kaffee",
    "will do",
    "mark as read",
    "i hope taylor comes",
    "hallo zusammen",
    "danke an alle",
    "ich bin der meinung, dass es reicht",
    "ich bin die neue hier",
    "hallo mark",
    "ist anna klein?",
    "hat jens lange gewartet?",
    "wir treffen uns am konrad adenauer platz",
    "die karl marx straße ist gesperrt",
    "in der anne frank schule",
    "die sophie scholl gesamtschule",
    "friedrich ebert str. 5",
    "beim jugendamt in wiesdorf",
]


def _clear(out: str, words: list[str]) -> list[str]:
    return [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", out)]


@pytest.mark.parametrize(("text", "words"), CHANGE)
def test_a_name_in_lower_case_is_replaced(text: str, words: list[str]) -> None:
    out = Pseudonymiser().pseudonymise(text)[0]
    assert _clear(out, words) == [] and PERSON.search(out), out


@pytest.mark.parametrize("text", STAY)
def test_ordinary_lower_case_words_stay(text: str) -> None:
    assert Pseudonymiser().pseudonymise(text)[0] == text


def test_the_view_keeps_every_position() -> None:
    view = LowerView.of("danke an klaus und petra!")
    assert view is not None and view.text == "danke an Klaus und Petra!"
    assert LowerView.of("die farbe rosa, ganz ernst gemeint") is None


def test_the_same_person_in_lower_case_and_as_written() -> None:
    pseudonymiser = Pseudonymiser()
    first = pseudonymiser.pseudonymise("Anna Schmidt hat den Schlüssel.")[0]
    second = pseudonymiser.pseudonymise("hab anna schmidt gefragt")[0]
    assert PERSON.search(first).group() in second and "schmidt" not in second


WHATSAPP = """\
12.03.21, 18:02 - Anna Schmidt: hallo zusammen, wer kommt samstag zum aufräumen?
12.03.21, 18:03 - Peter Wagner: hab gestern mit thomas müller vom jugendamt gesprochen
12.03.21, 18:04 - Peter Wagner: danke an klaus und petra für die fotos!
12.03.21, 18:05 - Ayşe Demir: ich bin die sabine, wohne in manfort. die farbe rosa ist schön
12.03.21, 18:06 - Anna Schmidt: @jürgen weber kannst du das schicken? ganz ernst gemeint
"""


def test_whatsapp_export_in_lower_case(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat mit Nachbarschaft.txt"
    path.write_text(WHATSAPP, encoding="utf-8")
    project.import_files([path], district="Manfort")
    texts = list(project.segments()["text"])
    stored = stored_text(project)
    for name in ("thomas", "müller", "klaus", "petra", "sabine", "jürgen", "weber"):
        assert not re.search(rf"(?<!\w){name}(?!\w)", stored, re.IGNORECASE), name
    assert "die farbe rosa ist schön" in texts[3] and texts[4].endswith("ganz ernst gemeint")
    assert texts[0] == "hallo zusammen, wer kommt samstag zum aufräumen?"


ZOOM = (
    "00:01:02\tAnna Schmidt:\tguten morgen in die runde!\n"
    "00:01:30\tBen Müller:\thier ist jürgen weber vom quartiersbüro, der bus fährt nicht\n"
    "00:01:44\tBen Müller:\thab anna schmidt schon gefragt, will do\n"
    "00:02:05\tAnna Schmidt:\tmark as read, danke an petra\n"
)


def test_zoom_chat_in_lower_case(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "zoom_chat_manfort.txt"
    path.write_text(ZOOM, encoding="utf-8")
    project.import_files([path], district="Manfort")
    segments = project.segments()
    texts, speakers = list(segments["text"]), [a["speaker"] for a in segments["attributes"]]
    stored = stored_text(project)
    for name in ("jürgen", "weber", "petra", "schmidt"):
        assert not re.search(rf"(?<!\w){name}(?!\w)", stored, re.IGNORECASE), name
    # the speaker Anna Schmidt named in lower case is the same person
    assert texts[2] == f"hab {speakers[0]} schon gefragt, will do"
    assert texts[3].startswith("mark as read, danke an [Person ")
