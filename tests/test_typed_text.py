"""Control characters and direction overrides typed into the apps and the form.

They were stored as typed: a comment "Anna <U+202E>Becker" read "Anna rekceB" in every
export and report, a NUL broke the XML exports, a code name with an override looked like
another code. What people type is now kept without them (tab and line breaks stay;
Windows line ends become line feeds).
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from tests.feedback_data import answer, fields, items, rated_project, stored
from tests.formular_http import serving
from widgets.coding_panel import CodingPanel
from widgets.formular import make_app
from workbench import Project
from workbench.participation import feedback

OVERRIDE, ISOLATE, MARK = "\u202e", "\u2067", "\u200f"
INVISIBLE = ("\x00", "\x07", "\x1b", "\x7f", "\r", OVERRIDE, ISOLATE, MARK, "\u202a")


def _clean(text: str) -> None:
    for char in INVISIBLE:
        assert char not in text, repr(char)


@pytest.fixture
def rated(tmp_path: Path) -> Project:
    project = rated_project(
        Project.create(tmp_path / "p", districts=["Manfort", "Opladen"]), tmp_path
    )
    yield project
    project.close()


def test_a_comment_in_the_app_is_stored_without_control_characters(rated: Project) -> None:
    [token] = feedback.issue_tokens(rated, 1, district="Manfort")
    item = items(rated, token)[0]
    typed = f"Der Bus{OVERRIDE} fährt\x00 zu selten\r\nzweite\x1b Zeile\t{MARK}gut"
    saved = feedback.save_answer(rated, token, item, "agree", 0, typed)
    assert saved.comment == "Der Bus fährt zu selten\nzweite Zeile\tgut"
    assert stored(rated, token)[item].comment == saved.comment
    only_marks = feedback.save_answer(rated, token, items(rated, token)[1], None, 0, OVERRIDE)
    assert only_marks.comment == "" and items(rated, token)[1] not in stored(rated, token)


def test_a_comment_sent_with_the_form_is_stored_without_control_characters(
    rated: Project,
) -> None:
    [token] = feedback.issue_tokens(rated, 1, district="Manfort")
    item = items(rated, token)[0]
    with serving(make_app(rated.path)) as client:
        # (tornado itself turns C0 controls into spaces; not the overrides, not DEL)
        sent = fields(answer(item, "agree", "0", f"Mehr{OVERRIDE} Licht{MARK}\x7f\r\nim Park"))
        assert client.send(token, sent).status == 303
        page = html.unescape(client.page(token, gespeichert="1").body)
    assert stored(rated, token)[item].comment == "Mehr Licht\nim Park"
    _clean(page)


def test_names_codes_and_memos_typed_into_the_coding_app_are_stored_without_them(
    rated: Project,
) -> None:
    rated.add_code("Ressource")
    panel = CodingPanel(rated, coder=f"Anna{OVERRIDE}\x00", co_researcher=True)
    assert panel.model.coder == "Anna"
    panel.new_code_name.value = f"Treff{OVERRIDE}punkt\x1b"
    panel.new_code_description.value = f"Orte{ISOLATE}, an denen\r\nman sich trifft"
    panel.new_code_button.click()
    panel.memo_field.value = f"Nachfragen{MARK}\x00 beim Träger"
    panel.memo_button.click()
    codes = rated.codes().set_index("path")
    assert "Treffpunkt" in codes.index
    assert codes.loc["Treffpunkt", "description"] == "Orte, an denen\nman sich trifft"
    memos = rated.memos()
    assert memos["text"].tolist() == ["Nachfragen beim Träger"]
    assert memos["author"].tolist() == ["Anna"]
    assert set(rated.codings()["coder"]) == {"Anna"}
    for value in (*codes.index, *codes["description"], *memos["text"]):
        _clean(str(value))


def test_half_a_character_typed_into_the_coding_app_is_stored_as_a_replacement(
    rated: Project,
) -> None:
    # a lone surrogate (an emoji cut in the browser, as the widgets' JSON brings it): no
    # database stores it, the code and the memo were lost
    panel = CodingPanel(rated, coder="Anna\ud83d", co_researcher=True)
    assert panel.model.coder == "Anna\ufffd"
    panel.new_code_name.value = "Treffpunkt \ud83d"
    panel.new_code_button.click()
    panel.memo_field.value = "Nachfragen \udc4d beim Träger \ud83d\udc4d"
    panel.memo_button.click()
    assert "Treffpunkt \ufffd" in set(rated.codes()["path"])
    assert rated.memos()["text"].tolist() == ["Nachfragen \ufffd beim Träger 👍"]
