"""Text files a mutation fuzz of the importers broke: every one ends in an import or in one
German line with exit code 2 that names the file, no traceback, nothing written."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.transcript_files import import_into, write_file
from workbench import Project
from workbench.ingest.markdown_inline import plain_markdown

PROTOCOL_BODY = "# Herausforderungen\n\n- Der Spielplatz an der Bergstraße ist gesperrt.\n"


def _nothing_written(project: Project) -> bool:
    """Whether the project still holds no statement and no workshop."""
    return project.segments().empty and project.workshops().empty


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_a_front_matter_date_that_does_not_exist_stops_the_import_with_a_german_message(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    """YAML reads ``2021-02-31`` as a date and Python's ``datetime`` refused it with a
    ValueError and a traceback (exit 1); it stops like ``Datum: 31.02.2021`` in the text."""
    path = write_file(tmp_path, f"p{suffix}", f"---\ndate: 2021-02-31\n---\n{PROTOCOL_BODY}")
    assert import_into(project, path) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fehler:") and "Traceback" not in err
    assert "p" + suffix in err and "2021-02-31" in err and "gibt es nicht" in err
    assert _nothing_written(project)


def test_a_front_matter_time_with_an_offset_beyond_a_day_keeps_its_date(
    project: Project, tmp_path: Path
) -> None:
    """``+25:00`` is no time zone (ValueError in YAML's reader): the date before it counts."""
    text = f"---\ndate: 2021-03-12T18:00:00+25:00\n---\n{PROTOCOL_BODY}"
    assert import_into(project, write_file(tmp_path, "p.md", text)) == 0
    assert list(project.workshops()["date"].astype(str)) == ["2021-03-12"]
    assert list(project.segments()["text"]) == ["Der Spielplatz an der Bergstraße ist gesperrt."]


def test_a_valid_front_matter_date_is_still_read(project: Project, tmp_path: Path) -> None:
    """The loader that keeps impossible dates as text reads real ones as before."""
    text = f"---\ndate: 2021-03-12\ntitle: Quartiersworkshop Manfort\n---\n{PROTOCOL_BODY}"
    assert import_into(project, write_file(tmp_path, "p.md", text)) == 0
    assert list(project.workshops()["date"].astype(str)) == ["2021-03-12"]


@pytest.mark.parametrize("unit", ["**a ", "*a ", "__a ", "_a ", "==a ", "~~a ", "[", "!["])
def test_a_long_line_of_unclosed_marks_takes_linear_time(unit: str) -> None:
    """Each unclosed "**" (or "[" before a far "]") searched on to the line's end: 16,000
    characters took 7 s, 32,000 took 26 s (24,000 of "[" and "]" 6 s); now a fraction of a
    second, text unchanged."""
    brackets = unit.endswith("[")
    line = unit * 12000 + "]" * 12000 if brackets else unit * 4000
    start = time.perf_counter()
    plain = plain_markdown(line)
    assert time.perf_counter() - start < 2
    assert plain == " ".join(line.split())


def test_marks_that_close_are_still_removed_around_unclosed_ones() -> None:
    """Only the unclosed marks behind a line's last closing one are skipped; the rest reads
    as before (emphasis, struck text, links, images)."""
    text = "**fett** und ~~weg~~ [Plan](https://x.de) ![Foto 1](x.jpg) *kursiv* " * 3
    read = "fett und Plan (Bild: Foto 1) kursiv " * 3
    assert plain_markdown(text + "**offen ~~auch") == read + "**offen ~~auch"
    assert plain_markdown("Bürger*innen, 5 * 3, snake_case, **a\nb** und _c_") == (
        "Bürger*innen, 5 * 3, snake_case, **a\nb** und c"
    )


def test_a_protocol_with_a_long_line_of_marks_imports_in_reasonable_time(
    project: Project, tmp_path: Path
) -> None:
    """The import of a pad's note with a 24,000-character line of "**a " took 15 s more."""
    text = f"# Herausforderungen\n\n{'**a ' * 6000}\n\nDer Spielplatz ist gesperrt.\n"
    start = time.perf_counter()
    assert import_into(project, write_file(tmp_path, "notizen.md", text)) == 0
    assert time.perf_counter() - start < 10
    assert list(project.segments()["text"])[-1] == "Der Spielplatz ist gesperrt."
