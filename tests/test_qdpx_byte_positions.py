"""REFI-QDA positions counted in UTF-8 bytes of the source file (not the standard's
characters, but what a tool writes that counts the bytes of the text it stored): each
umlaut before a selection counts one more, so the codings slid off their words or left
the text. Such a file is recognised by its selections, like the UTF-16 question of
decision 006; files in characters stay as they were."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from workbench import Project
from workbench.exchange.qdpx import import_qdpx

NS = "urn:QDA-XML:project:1.0"
TEXT = (
    "Grüße aus Manfort. Ältere Menschen müssen öfter zum Arzt, die Busse fahren zu selten.\n"
    "Für Jugendliche gibt es überhaupt keine Räume, die Straße ist ihr Treffpunkt.\n"
    "Die Spielplätze sind schön.\n"
)
WORDS = ["Busse fahren zu selten", "Straße ist ihr Treffpunkt", "Spielplätze sind schön"]


def _qdpx(out: Path, words: list[str], unit: str, text: str = TEXT) -> Path:
    """Selections on ``words`` in ``text``, their positions in UTF-8 bytes or in characters."""
    selections = ""
    for number, part in enumerate(words):
        start = text.index(part)
        if unit == "bytes":
            start, end = len(text[:start].encode()), len(text[:start].encode()) + len(part.encode())
        else:
            end = start + len(part)
        selections += (
            f'<PlainTextSelection guid="P{number}" startPosition="{start}" endPosition="{end}" '
            f'creatingUser="U1"><Coding guid="G{number}" creatingUser="U1">'
            f'<CodeRef targetGUID="C1"/></Coding></PlainTextSelection>'
        )
    qde = (
        f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{NS}" origin="Transkripte 1.2" '
        'name="Forum"><Users><User guid="U1" name="Ana"/></Users><CodeBook><Codes>'
        '<Code guid="C1" name="Bedarf" isCodable="true"/></Codes></CodeBook><Sources>'
        f'<TextSource guid="S1" name="Forum Manfort" plainTextPath="internal://S1.txt">'
        f"{selections}</TextSource></Sources></Project>"
    )
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("project.qde", qde.encode("utf-8"))
        archive.writestr("Sources/S1.txt", text.encode("utf-8"))
    return out


@pytest.mark.parametrize("words", [WORDS, WORDS[:2]], ids=["one-leaves-the-text", "all-inside"])
def test_codings_counted_in_bytes_land_on_their_words(
    project: Project, tmp_path: Path, words: list[str]
) -> None:
    """Before: with all three selections the last lay behind the text's end (the import
    stopped, "liegt nicht im Text"); with the first two, both codings slid silently, the
    first across two paragraphs ("hren zu selten." / "Für")."""
    result = import_qdpx(project, _qdpx(tmp_path / "forum.qdpx", words, "bytes"))
    assert sorted(q.quote for q in project.quotes().itertuples()) == sorted(words)
    assert [n for n in result.notices if "als UTF-8-Bytes gelesen" in n]


def test_codings_counted_in_characters_stay_as_they_are(project: Project, tmp_path: Path) -> None:
    """The standard's counting: read as before, no notice about bytes."""
    result = import_qdpx(project, _qdpx(tmp_path / "forum.qdpx", WORDS, "characters"))
    assert sorted(q.quote for q in project.quotes().itertuples()) == sorted(WORDS)
    assert not [n for n in result.notices if "UTF-8-Bytes" in n]


def test_bytes_of_a_text_with_windows_line_breaks(project: Project, tmp_path: Path) -> None:
    """A byte-counting tool counts a Windows line break as the two bytes it is. Before,
    whether a break counts one character or two was decided in characters alone: there the
    positions behind the umlauts left the text either way, one per break won by chance, and
    read so the last selection lay behind the text's end (the import stopped, "liegt nicht
    im Text"; schema fuzz seeds 169, 191 and 212)."""
    text = TEXT.replace("\n", "\r\n")
    archive = _qdpx(tmp_path / "forum.qdpx", WORDS, "bytes", text)
    result = import_qdpx(project, archive)
    assert sorted(q.quote for q in project.quotes().itertuples()) == sorted(WORDS)
    assert [n for n in result.notices if "als UTF-8-Bytes gelesen" in n]
    assert not [n for n in result.notices if "Windows-Zeilenumbruch" in n]
