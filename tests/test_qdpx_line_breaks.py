"""REFI-QDA positions in texts with Windows line breaks: a file that counts "\\r\\n" as one
character (as ATLAS.ti does, and tools whose text model keeps one character per break)
is recognised by its selections, like the UTF-16 question of decision 006."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from workbench import Project
from workbench.exchange.qdpx import import_qdpx

NS = "urn:QDA-XML:project:1.0"
TEXT = (
    "Protokoll Stadtteilforum\r\n"
    "Teilnehmende: 12\r\n"
    "Die Busse fahren abends zu selten.\r\n"
    "Es fehlt ein Treffpunkt für Jugendliche 🙂.\r\n"
    "Der Park ist gut gepflegt.\r\n"
)
WORDS = ["Busse fahren abends", "Treffpunkt für Jugendliche", "Park ist gut gepflegt."]


def _qdpx(out: Path, one_per_break: bool, origin: str = "NVivo 14.24.0") -> Path:
    """Selections on WORDS, in UTF-16 code units, counting a line break as one or two."""
    counted = TEXT.replace("\r\n", "\n") if one_per_break else TEXT
    selections = ""
    for number, words in enumerate(WORDS):
        start = len(counted[: counted.index(words)].encode("utf-16-le")) // 2
        end = start + len(words.encode("utf-16-le")) // 2
        selections += (
            f'<PlainTextSelection guid="P{number}" startPosition="{start}" endPosition="{end}" '
            f'creatingUser="U1"><Coding guid="G{number}" creatingUser="U1">'
            f'<CodeRef targetGUID="C1"/></Coding></PlainTextSelection>'
        )
    qde = (
        f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{NS}" origin="{origin}" '
        'name="Forum"><Users><User guid="U1" name="Ana"/></Users><CodeBook><Codes>'
        '<Code guid="C1" name="Thema" isCodable="true"/></Codes></CodeBook><Sources>'
        f'<TextSource guid="S1" name="Forum" plainTextPath="internal://S1.txt">{selections}'
        "</TextSource></Sources></Project>"
    )
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("project.qde", qde.encode("utf-8"))
        archive.writestr("Sources/S1.txt", TEXT.encode("utf-8"))
    return out


@pytest.mark.parametrize("one_per_break", [True, False])
def test_codings_land_on_their_words_however_line_breaks_are_counted(
    project: Project, tmp_path: Path, one_per_break: bool
) -> None:
    """Before, a file counting "\\r\\n" as one character was read as two: every coding
    slid one character further per line break ("sse fahren abends z")."""
    result = import_qdpx(project, _qdpx(tmp_path / "forum.qdpx", one_per_break))
    assert sorted(q.quote for q in project.quotes().itertuples()) == sorted(WORDS)
    notices = [n for n in result.notices if "Windows-Zeilenumbruch" in n]
    assert len(notices) == int(one_per_break)
    if one_per_break:
        assert "TextSource Nr. 1 (GUID S1)" in notices[0] and "Forum" not in notices[0]
        assert "zählt als ein Zeichen" in notices[0]


def test_a_qualcoder_file_counting_one_per_break_and_code_points(
    project: Project, tmp_path: Path
) -> None:
    """Both conventions at once: code points (no UTF-16) and one character per break."""
    archive = _qdpx(tmp_path / "forum.qdpx", True, origin="QualCoder 3.5")
    qde = zipfile.ZipFile(archive).read("project.qde").decode("utf-8")
    counted = TEXT.replace("\r\n", "\n")
    start = counted.index("Park")  # behind the emoji: one code point, two UTF-16 units
    qde = qde.replace(f'startPosition="{start + 1}"', f'startPosition="{start}"')
    qde = qde.replace(f'endPosition="{start + 1 + 22}"', f'endPosition="{start + 22}"')
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("project.qde", qde.encode("utf-8"))
        out.writestr("Sources/S1.txt", TEXT.encode("utf-8"))
    import_qdpx(project, archive)
    assert sorted(q.quote for q in project.quotes().itertuples()) == sorted(WORDS)


def test_qualcoder_maxqda_line_endings_written_on_windows(project: Project, tmp_path: Path) -> None:
    """QualCoder's export option "MAXQDA line endings" turns each "\\n" into "\\r\\n" and
    Windows writes that as "\\r\\r\\n"; its positions still count one character per break
    (code points of the "\\n" text). Before, the codings slid one character per line
    ("Busse fahren abend", "reffpunkt für Jugendliche 🙂", "k ist gut gepflegt.\\r")."""
    counted = TEXT.replace("\r\n", "\n")
    written = counted.replace("\n", "\r\r\n")
    selections = "".join(
        f'<PlainTextSelection guid="{uuid}" startPosition="{counted.index(words)}" '
        f'endPosition="{counted.index(words) + len(words)}" name="{words}" creatingUser="{user}" '
        f'creationDateTime="2024-03-05T10:11:12Z">\n<Coding guid="{uuid}0" creatingUser="{user}" >'
        f'\n<CodeRef targetGUID="3c1f9810-3207-47de-ae75-32aede1e4730" />\n</Coding>\n'
        "</PlainTextSelection>\n"
        for uuid, words, user in zip(("a1", "a2", "a3"), WORDS, ("u1", "u2", "u1"), strict=True)
    )
    qde = (
        '<?xml version="1.0" encoding="utf-8"?>\r\n<Project xmlns:xsd="http://www.w3.org/2001/'
        'XMLSchema" name="Forum.qda" origin="QualCoder 3.7" '
        'creationDateTime="2024-03-01T09:00:00Z" '
        f'xmlns="{NS}">\r\n<Users>\r\n<User guid="u1" name="colin" />\r\n'
        '<User guid="u2" name="ana" />\r\n</Users>\r\n<CodeBook>\r\n<Codes>\r\n'
        '<Code guid="3c1f9810-3207-47de-ae75-32aede1e4730" name="Thema" isCodable="true" '
        'color="#EB7333" />\r\n</Codes>\r\n</CodeBook>\r\n<Sources>\r\n'
        '<TextSource plainTextPath="internal://b7.txt" creatingUser="u1" '
        f'creationDateTime="2024-03-01T09:00:00Z" guid="s1" name="Forum.txt">\r\n{selections}'
        "</TextSource>\r\n</Sources>\r\n</Project>"
    )
    archive = tmp_path / "forum.qdpx"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("project.qde", qde.encode("utf-8"))
        out.writestr("sources/b7.txt", written.encode("utf-8-sig"))
    result = import_qdpx(project, archive)
    assert sorted(q.quote for q in project.quotes().itertuples()) == sorted(WORDS)
    assert any("zählt als ein Zeichen" in n for n in result.notices)
    assert project.segments()["text"].tolist()[2] == "Die Busse fahren abends zu selten."
