"""A long REFI-QDA source (an interview transcript of thousands of paragraphs, coded in
hundreds of places): each coding is placed by the statements around it, not by reading
all statements of the source once per coding (which made 40,000 paragraphs with 2,000
codings take minutes). See benchmarks/qdpx_import.py for the times."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.core import progress
from workbench.exchange.qdpx import import_qdpx
from workbench.ingest.offsets import OffsetMap
from workbench.store import Segment

NS = "urn:QDA-XML:project:1.0"
PARAGRAPHS = 300
EVERY = 15  # a coding on every 15th paragraph: 20 codings


def _long_qdpx(out: Path, paragraphs: int = PARAGRAPHS) -> Path:
    """Lines with an emoji each (UTF-16 positions), "fehlt eine Bank" coded in some."""
    lines = [
        f"Absatz {k}: Am Platz {k} fehlt eine Bank 🪑 und Schatten." for k in range(paragraphs)
    ]
    text = "\n".join(lines)
    selections, offset = "", 0
    for k, line in enumerate(lines):
        if k % EVERY == 0:
            start = len(text[: offset + line.index("fehlt")].encode("utf-16-le")) // 2
            selections += (
                f'<PlainTextSelection guid="P{k}" startPosition="{start}" '
                f'endPosition="{start + len("fehlt eine Bank")}" creatingUser="U1">'
                f'<Coding guid="G{k}" creatingUser="U1"><CodeRef targetGUID="C1"/></Coding>'
                "</PlainTextSelection>"
            )
        offset += len(line) + 1
    qde = (
        f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{NS}" origin="MAXQDA 2022" '
        'name="Lang"><Users><User guid="U1" name="KB"/></Users><CodeBook><Codes>'
        '<Code guid="C1" name="Bedarf" isCodable="true"/></Codes></CodeBook><Sources>'
        f'<TextSource guid="S1" name="Gross" plainTextPath="internal://S1.txt">{selections}'
        "</TextSource></Sources></Project>"
    )
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("project.qde", qde.encode("utf-8"))
        archive.writestr("Sources/S1.txt", text.encode("utf-8"))
    return out


class _Counted:
    """A mapped attribute that counts how often a segment's value is read."""

    def __init__(self, attribute: Any):
        self.attribute, self.reads = attribute, 0

    def __get__(self, instance: Any, owner: type) -> Any:
        if instance is not None:
            self.reads += 1
        return self.attribute.__get__(instance, owner)

    def __set__(self, instance: Any, value: Any) -> None:
        self.attribute.__set__(instance, value)


def test_a_long_source_places_each_coding_without_reading_all_statements(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, every coding read the bounds of every statement of its source: 20 codings
    of 300 paragraphs read them 12,000 times (2,000 codings of 40,000 paragraphs: 160
    million times, minutes of an import); now each statement's bounds are read once and
    a coding looks at the statements it covers."""
    start, end = _Counted(Segment.start), _Counted(Segment.end)
    monkeypatch.setattr(Segment, "start", start)
    monkeypatch.setattr(Segment, "end", end)
    import_qdpx(project, _long_qdpx(tmp_path / "lang.qdpx"))
    monkeypatch.undo()
    quotes = project.quotes()
    assert len(project.segments()) == PARAGRAPHS
    assert list(quotes.quote) == ["fehlt eine Bank"] * (PARAGRAPHS // EVERY)
    assert start.reads + end.reads <= 4 * PARAGRAPHS


class _Edit(tuple):  # type: ignore[type-arg]
    """A replacement (old start, old end, new start, new end) that counts its readings."""

    read = 0

    def __iter__(self) -> Any:
        _Edit.read += 1
        return super().__iter__()


def test_offsets_of_a_long_text_look_only_at_the_replacement_before_them() -> None:
    """A transcript with a name in every paragraph: each of its codings' positions went
    through all replacements before it (thousands × thousands); now through the one
    right before it, with the same result."""
    edits = [_Edit((10 * k + 2, 10 * k + 6, 12 * k + 2, 12 * k + 8)) for k in range(2000)]
    shift = OffsetMap(edits)
    _Edit.read = 0
    positions = range(0, 20000, 97)
    mapped = [(shift.start(p), shift.end(p)) for p in positions]
    assert _Edit.read <= 2 * len(positions)
    # the same as counting the replacements before: inside one, its placeholder's edge
    for p, (first, last) in zip(positions, mapped, strict=True):
        k, rest = divmod(p, 10)
        if 2 < rest < 6:
            assert (first, last) == (12 * k + 2, 12 * k + 8)
        else:
            done = k + (rest >= 6)  # replacements wholly before p, each 2 longer
            assert first == last == p + 2 * done


@pytest.mark.parametrize("paragraphs", [40, 39])
def test_a_long_source_shows_its_progress_on_a_terminal(
    project: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    paragraphs: int,
) -> None:
    """A transcript of 40,000 paragraphs ran minutes without a sign of life (a table of
    as many rows shows a bar); a short source stays quiet. Here 40 count as many."""
    monkeypatch.setattr(progress, "progress_shown", lambda wanted=True: wanted)
    monkeypatch.setattr(progress, "MANY_STATEMENTS", 40)
    path = _long_qdpx(tmp_path / "lang.qdpx", paragraphs)
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    captured = capsys.readouterr()
    assert f"{paragraphs} Aussagen neu" in captured.out
    shown = "Texte pseudonymisieren" in captured.err
    assert shown == (paragraphs >= 40)
    assert "40/40" in captured.err or paragraphs < 40
