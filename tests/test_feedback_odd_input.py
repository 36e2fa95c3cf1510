"""Odd input on the participation paths: a German refusal or a saved answer, never a crash.

Found by fuzzing ``save_answer``/``open_ballot`` and the participant app (session 42):

- half a character — a lone UTF-16 surrogate, as JSON brings it from a browser's text
  field into the Voilà app ("\\ud83d": an emoji cut by a length limit) — reached the
  database, which refused it with a UnicodeEncodeError: the comment never saved, the
  app said "Speichern hat nicht geklappt" at every try;
- a token of such characters, or no string at all, failed to be hashed instead of being
  an invalid token;
- an item id beyond the database's integers (OverflowError) or no number (ValueError),
  a rating that is no string (AttributeError).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.feedback_data import count, items, knowing_kaya, rated_project, stored
from widgets.feedback import participant_app
from workbench import Project
from workbench.core.domain import InputError
from workbench.participation import feedback
from workbench.participation.feedback import InvalidToken
from workbench.store import FeedbackAnswer


@pytest.fixture
def rated(project: Project, tmp_path: Path) -> Project:
    """The feedback test project, whose key knows Frau Kaya from a protocol."""
    return knowing_kaya(rated_project(project, tmp_path), tmp_path)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Toll \ud83d", "Toll \ufffd"),  # an emoji's first half
        ("\udc4d gut", "\ufffd gut"),  # its second half
        ("Daumen \ud83d\udc4d", "Daumen 👍"),  # both halves: the character
        ("\ud800" * 3, "\ufffd" * 3),
    ],
)
def test_a_comment_with_half_a_character_is_saved(rated: Project, typed: str, kept: str) -> None:
    [token] = feedback.issue_tokens(rated, 1, district="Manfort")
    item = items(rated, token)[0]
    answer = feedback.save_answer(rated, token, item, "agree", 2, typed)
    assert answer.comment == kept
    assert stored(rated, token)[item] == feedback.Answer(item, "agree", 2, kept)
    assert feedback.feedback_comments(rated)["comment"].tolist() == [kept]


def test_a_name_beside_half_a_character_is_still_pseudonymised(rated: Project) -> None:
    [token] = feedback.issue_tokens(rated, 1, district="Manfort")
    item = items(rated, token)[0]
    comment = feedback.save_answer(rated, token, item, None, 0, "Frau Kaya \ud83d hilft").comment
    assert "Kaya" not in comment
    assert comment.endswith(" \ufffd hilft") and comment.startswith("[Person ")


def test_the_app_saves_a_comment_with_half_a_character(rated: Project) -> None:
    [token] = feedback.issue_tokens(rated, 1, district="Manfort")
    environ = {"WORKBENCH_PROJECT": str(rated.path), "QUERY_STRING": f"token={token}"}
    app = participant_app(environ)
    card = next(c for c in app.children if "sw-item" in c._dom_classes)
    comment, status = card.children[3], card.children[4].children[1]
    comment.value = "Frau Kaya kommt \ud83d"  # as the widget's JSON brings it
    assert status.value == "✓ gespeichert"
    assert comment.value.endswith(" kommt \ufffd") and "Kaya" not in comment.value
    item = items(rated, token)[0]
    assert stored(rated, token)[item].comment == comment.value


@pytest.mark.parametrize("token", ["\ud800" * 22, "A" * 21 + "\udfff", 12345, b"A" * 22])
def test_a_token_of_half_characters_or_no_text_is_invalid(rated: Project, token: object) -> None:
    [valid] = feedback.issue_tokens(rated, 1, district="Manfort")
    item = items(rated, valid)[0]
    with pytest.raises(InvalidToken, match="Zugangscode ist ungültig"):
        feedback.open_ballot(rated, token)  # type: ignore[arg-type]
    with pytest.raises(InvalidToken, match="Zugangscode ist ungültig"):
        feedback.save_answer(rated, token, item, "agree")  # type: ignore[arg-type]
    assert count(rated, FeedbackAnswer) == 0


@pytest.mark.parametrize("item_id", [2**63, 10**30, "abc", None, float("inf"), True])
def test_an_item_id_that_cannot_be_one_is_refused(rated: Project, item_id: object) -> None:
    [token] = feedback.issue_tokens(rated, 1, district="Manfort")
    with pytest.raises(InputError, match="Diesen Punkt gibt es in Ihrer Befragung nicht"):
        feedback.save_answer(rated, token, item_id, "agree", 1, "Text")  # type: ignore[arg-type]
    assert count(rated, FeedbackAnswer) == 0


@pytest.mark.parametrize("rating", [5, ["agree"], b"agree"])
def test_a_rating_that_is_no_text_is_refused(rated: Project, rating: object) -> None:
    [token] = feedback.issue_tokens(rated, 1, district="Manfort")
    item = items(rated, token)[0]
    with pytest.raises(InputError, match="Unbekannte Bewertung"):
        feedback.save_answer(rated, token, item, rating, 1)  # type: ignore[arg-type]
    assert count(rated, FeedbackAnswer) == 0


@pytest.mark.parametrize("separator", ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f"])
def test_a_name_after_a_control_that_separates_words_is_pseudonymised(
    rated: Project, separator: str
) -> None:
    """A form feed or unit separator between words was deleted: "DankeKaya" stayed in clear."""
    [token] = feedback.issue_tokens(rated, 1, district="Manfort")
    item = items(rated, token)[0]
    typed = f"Danke{separator}an{separator}Frau{separator}Kaya!"
    comment = feedback.save_answer(rated, token, item, None, 0, typed).comment
    assert "Kaya" not in comment
    assert comment.startswith("Danke an [Person ") and comment.endswith("]!")
