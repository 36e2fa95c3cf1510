"""C1 control characters (U+0080–U+009F) typed into a recommendation, a memo or a comment.

Typed text lost C0 controls and direction marks, but kept the C1 block: a lone CSI
U+009B, NEL U+0085 or DCS U+0090 (pasted from a terminal or from text read with the wrong
encoding) stayed in a recommendation's text, a memo and an app comment, and came out in
every report and export; names and titles lost them already (decision 017). Now typed
text has NEL as a line break and leaves the others out (``core.typed_text.typed_text``);
``memos edit`` applies the typed-text rule at all (it stored ESC and overrides too).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.c1_blind_set import MUST_STAY, cases
from tests.feedback_data import items, rated_project, stored
from widgets.coding_panel import CodingPanel
from workbench import Project
from workbench.coding.memos import edit_memo
from workbench.core.typed_text import typed_text
from workbench.participation import feedback
from workbench.synthesis.recommendation_tables import recommendations
from workbench.synthesis.recommendations import add_recommendation, update_recommendation

C1 = tuple(chr(c) for c in range(0x80, 0xA0))


def _no_c1(text: str) -> None:
    assert not any(c in text for c in C1), repr(text)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "p", districts=["Manfort"])
    yield project
    project.close()


def test_the_blind_set_keeps_nel_as_a_line_break_and_leaves_out_the_other_c1() -> None:
    generated = cases()
    assert len(generated) >= 100
    wrong = [(text, typed_text(text), want) for text, want in generated if typed_text(text) != want]
    assert wrong == []
    assert [t for t in MUST_STAY if typed_text(t) != t] == []  # umlauts, emoji, RTL, breaks


def test_a_recommendation_text_is_stored_without_c1_controls(project: Project) -> None:
    rid = add_recommendation(project, "Treff\x9b öffnen\x85ab 18 Uhr\x90", title="Treff")
    assert (
        recommendations(project).set_index("recommendation_id").loc[rid, "text"]
        == "Treff öffnen\nab 18 Uhr"
    )
    update_recommendation(project, rid, text="Längere\x9d Öffnungszeiten\x9c\x85für alle")
    text = recommendations(project).set_index("recommendation_id").loc[rid, "text"]
    assert text == "Längere Öffnungszeiten\nfür alle"


def test_a_memo_is_stored_without_c1_controls_also_when_edited(project: Project) -> None:
    memo = project.add_memo("Nachfragen\x85beim Träger\x9b", "Anna")
    assert project.memos()["text"].tolist() == ["Nachfragen\nbeim Träger"]
    # `memos edit` stored what was typed: ESC, NUL, an override, C1
    edit_memo(project, memo, "Neu\u202e\x1b\x00 geschrieben\x90\x85zweite Zeile\r\n")
    assert project.memos()["text"].tolist() == ["Neu geschrieben\nzweite Zeile"]
    with pytest.raises(Exception, match="Das Memo ist leer"):
        edit_memo(project, memo, "\x9b\u202e")  # nothing visible: no memo, as on adding
    assert project.memos()["text"].tolist() == ["Neu geschrieben\nzweite Zeile"]


def test_a_memo_leaves_out_a_terminal_sequence_whole(
    project: Project,
) -> None:
    # only the ESC went: "[31m" stood in the memo (a recommendation left the sequence out)
    memo = project.add_memo("Rückruf \x1b[31mdringend\x1b[0m.", "Anna")
    assert project.memos()["text"].tolist() == ["Rückruf dringend."]
    edit_memo(project, memo, "Kita\x1b[1m [alt]")
    assert project.memos()["text"].tolist() == ["Kita [alt]"]


def test_the_coding_app_shows_a_memo_as_stored(tmp_path: Path) -> None:
    with rated_project(
        Project.create(tmp_path / "p", districts=["Manfort", "Opladen"]), tmp_path
    ) as p:
        panel = CodingPanel(p, coder="Anna", co_researcher=True)
        panel.memo_field.value = "Nachfragen\x85beim\u202e Träger\x9b "
        panel.memo_button.click()
        assert p.memos()["text"].tolist() == ["Nachfragen\nbeim Träger"]
        shown = [text for memos in panel.model.memos_.values() for _, text in memos]
        assert shown == ["Nachfragen\nbeim Träger"]  # not what was typed


def test_a_comment_in_the_app_is_stored_without_c1_controls(tmp_path: Path) -> None:
    with rated_project(
        Project.create(tmp_path / "p", districts=["Manfort", "Opladen"]), tmp_path
    ) as p:
        [token] = feedback.issue_tokens(p, 1, district="Manfort")
        item = items(p, token)[0]
        saved = feedback.save_answer(p, token, item, "agree", 0, "Mehr\x9b Licht\x85im Park\x80")
        assert saved.comment == "Mehr Licht\nim Park"
        _no_c1(stored(p, token)[item].comment)
