"""A coder's name follows the label rule (decision 017): a terminal's escape sequence goes
whole, not only its ESC ("Lea␛[31m" was stored "Lea[31m"), a lone U+009B and the other C1
controls go too (it was kept). Names without control characters stay as typed. Names an
older version stored so are still found by ``undo --coder`` and ``coders rename``.

The blind set is generated: ordinary names (must stay, brackets and digits included) and
the same names with a sequence or C1 control put in at the start, the end, inside a word
and between two words; the expected name is built from the parts, not by the rule.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from tests.coding_data import cards_project
from workbench import Project
from workbench.cli.main import main
from workbench.coding.records import check_coder
from workbench.store import Coding, CodingAction

ORDINARY = [
    "Lea",
    "Anna Becker",
    "Jürgen Müller-Lüdenscheidt",
    "Kim (Hiwi)",
    "Team [31m]",
    "Kita [31 Plätze]",
    "Zone 3[a]",
    "Ayşe  Yılmaz",
    "R2-D2",
    "ƒ",
    "Ünal",
    "A.B.",
    "lea_2021",
    "Lena [alt]",
    "Kim[31m",
]
SEQUENCES = [
    "\x1b[31m",
    "\x1b[0m",
    "\x1b[1;33m",
    "\x1b[2J",
    "\x1b[?25l",
    "\x1b]0;Titel\x07",
    "\x1b]2;x\x1b\\",
]
ALONE = ["\x9b", "\x80", "\x9f"]  # a C1 control alone: left out, no space


def blind_set() -> list[tuple[str, str]]:
    """(typed, stored) pairs: every ordinary name stays; with a sequence or C1 control."""
    cases = [(name, name) for name in ORDINARY]
    for name in ("Lea", "Anna Becker", "Kim (Hiwi)"):
        for seq in SEQUENCES + ALONE:
            cases += [(seq + name, name), (name + seq, name)]
            cut = len(name) // 2 if " " not in name else name.index(" ")
            head, tail = name[:cut], name[cut:]
            if seq in ALONE or " " in name:  # inside a word a C1 goes; a sequence: a space
                cases.append((head + seq + tail, name))
            else:
                cases.append((head + seq + tail, f"{head} {tail}"))
        cases.append((f"Werkstatt{SEQUENCES[0]}{name}", f"Werkstatt {name}"))
    return cases


def test_the_blind_set_of_coder_names_follows_the_label_rule() -> None:
    cases = blind_set()
    stays = [(t, e) for t, e in cases if t == e]
    changes = [(t, e) for t, e in cases if t != e]
    assert len(stays) == len(ORDINARY) and len(changes) == 3 * (10 * 3 + 1)
    assert [t for t, e in stays if check_coder(t) != e] == []  # must stay
    assert [(t, check_coder(t)) for t, e in changes if check_coder(t) != e] == []


def test_names_stored_by_an_older_version_are_still_found(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, "Lea␛[31m" was stored "Lea[31m" and "Ben›" (U+009B) as typed: the team finds
    them by what they typed then, by the name as it reads, and renames them to it."""
    ids = cards_project(project, tmp_path)
    for card, coder in (("K1", "Lea"), ("K2", "Lea"), ("K3", "Ben"), ("K4", "Ben")):
        project.code_segment(ids[card], "Bedarf", coder)
    with project.transaction() as s:  # as an older version stored them
        for model in (Coding, CodingAction):
            s.execute(update(model).where(model.coder == "Lea").values(coder="Lea[31m"))
            s.execute(update(model).where(model.coder == "Ben").values(coder="Ben\x9b"))
    base = ["--project", str(project.path)]

    assert main([*base, "undo", "--coder", "Lea\x1b[31m"]) == 0  # typed as back then
    assert "1 Schritt(e) von Lea[31m rückgängig gemacht." in capsys.readouterr().out
    assert main([*base, "undo", "--coder", "Ben"]) == 0  # as it reads: "Ben›" minus the ›
    assert "rückgängig gemacht" in capsys.readouterr().out
    assert project.undo_steps("Ben\x9b") != []  # the API takes the stored spelling

    # a new coding of Ben goes to the stored Ben, not to a twin "Ben"
    assert main([*base, "code", str(ids["K5"]), "Bedarf", "--coder", "Ben\x9b"]) == 0
    assert sorted(set(project.codings()["coder"])) == ["Ben\x9b", "Lea[31m"]

    assert main([*base, "coders", "rename", "Ben\x9b", "Ben\x9b\x1b[1m"]) == 0
    out = capsys.readouterr().out
    assert "heißt jetzt 'Ben'" in out
    assert main([*base, "coders", "rename", "Lea\x1b[31m", "Lea"]) == 0
    assert sorted(set(project.codings()["coder"])) == ["Ben", "Lea"]
    assert project.undo_steps("Ben") != []  # her steps went with her name

    # a new coder's name is stored by the rule
    project.code_segment(ids["K6"], "Bedarf", "Kim\x1b[31m (Hiwi)\x9b")
    assert "Kim (Hiwi)" in set(project.codings()["coder"])
