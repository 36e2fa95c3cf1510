"""A label's terminal escape sequence drops whole, as a file name's does (decision 017/019).

``line_label`` left "[31m" of "Werkstatt␛[31mAnna Schmidt" in a stored workshop name, role
or question: glued to the name, the pseudonymisation did not find "Anna Schmidt" (the
stored name read "Werkstatt[31mAnna [Person 1]"), nor "Frau Kowalski". Blind set:
labels with ESC "[" (CSI) and ESC "]" (OSC) sequences and the result expected, and
must-stay ordinary labels with brackets, which no rule may touch.
"""

from __future__ import annotations

import pytest

from workbench.core.typed_text import file_label, line_label, one_line_name
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.thing_names import pseudonymise_name

HOSTILE = [
    ("Kind\x1b[31m", "Kind"),
    ("Werkstatt\x1b[31mAnna Schmidt", "Werkstatt Anna Schmidt"),
    ("\x1b[1mQuartiersworkshop\x1b[0m Manfort", "Quartiersworkshop Manfort"),
    ("Treffen\x1b]0;Fenstertitel\x07 Opladen", "Treffen Opladen"),
    ("Treffen\x1b]8;;https://x.invalid\x1b\\Link\x1b]8;;\x1b\\", "Treffen Link"),
    ("Zwei\x1b[2J\x1b[HRunde", "Zwei Runde"),
    ("Moderation\x1b[38;5;196m", "Moderation"),
]
MUST_STAY = [
    "Treffpunkt [alt]",
    "Kita [31 Plätze]",
    "Zone 3[a]",
    "Runde [2J]",
    "Quartier [m]",
    "[1] Auftakt",
    "Workshop ]0; Notiz",
    "Bedarf [31m²]",
    " Ressourcen  und Möglichkeiten ",
    "Wohnen (Mieten]",
]


@pytest.mark.parametrize(("label", "expected"), HOSTILE)
def test_a_labels_escape_sequence_drops_whole(label: str, expected: str) -> None:
    assert line_label(label) == expected
    assert one_line_name(label) == expected  # a code's name: the same rule
    assert file_label(label) == expected


def test_a_lone_c1_csi_is_only_left_out() -> None:
    """U+009B in a name is mostly Windows-1252 "›" read as Latin-1: left out alone."""
    assert line_label("Wohn\x9ben") == one_line_name("Wohn\x9ben") == "Wohnen"


@pytest.mark.parametrize("label", MUST_STAY)
def test_ordinary_labels_with_brackets_stay(label: str) -> None:
    assert line_label(label) == label
    assert file_label(label) == label


@pytest.mark.parametrize(
    ("label", "kept"),
    [("Werkstatt\x1b[31mAnna Schmidt", "Werkstatt [Person 1]"),
     ("Runde\x1b[0mHannelore Wischnewski", "Runde [Person 1]")],
)  # fmt: skip
def test_a_listed_name_behind_a_sequence_is_pseudonymised(label: str, kept: str) -> None:
    names = ["Anna Schmidt", "Hannelore Wischnewski"]
    assert pseudonymise_name(Pseudonymiser(), line_label(label), names) == kept
