"""English in a meeting (a Zoom transcript of an international call): "I'm", "I'll",
"We've" are written with an apostrophe like "O'Brien" but are never a person; the key
must not learn them, and names beside them are still replaced.

Every test here failed on the code before the fix it covers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.ingest import parse_file
from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    "text",
    [
        "Yes, yes, so I'll make those changes this week.",
        "State, so I'm planning to launch with half a million validators.",
        "Yes, so I’ll make those changes.",  # typographic apostrophe
        "Okay, so We've merged it and I'd say it works.",
        "Right, so You're next, and That's fine.",
    ],
)
def test_english_contractions_are_no_persons(text: str) -> None:
    p = Pseudonymiser()
    assert p.pseudonymise(text)[0] == text
    assert not [k for k in p.known if k[0] == "person"]


def test_names_beside_contractions_are_still_replaced() -> None:
    p = Pseudonymiser()
    out = p.pseudonymise(
        "Frau Anna Sommer sagt, so I'll ask Herr O'Brien, and Kemal Yilmaz meint, I'm in."
    )[0]
    assert "I'll ask" in out and "I'm in" in out
    assert "Sommer" not in out and "O'Brien" not in out and "Yilmaz" not in out
    assert {k[1] for k in p.known if k[0] == "person"} == {"sommer", "o'brien", "yilmaz"}


def test_an_english_zoom_transcript_keeps_i_will(tmp_path: Path) -> None:
    """A WebVTT transcript as Zoom saves it: the statements keep "I'll" and "I'm"."""
    path = tmp_path / "transcript.vtt"
    path.write_text(
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nMaria Silva: Yes, yes, so I'll make "
        "those changes.\n\n2\n00:00:05.000 --> 00:00:09.000\nStefan Berger: State, so I'm "
        "planning to launch.\n",
        encoding="utf-8",
    )
    doc = parse_file(path)
    p = Pseudonymiser()
    said = [p.pseudonymise(s.text)[0] for s in doc.segments]
    assert said == ["Yes, yes, so I'll make those changes.", "State, so I'm planning to launch."]
