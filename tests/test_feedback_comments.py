"""Participants' comments are pseudonymised when stored (workbench/participation/comments.py).

Through the form over HTTP (as tests/test_formular.py), through the app's Python model and
through ``save_answer``; what researchers read (``feedback_comments``, ``feedback_answers``)
and what ``forget --token`` removes.
"""

from __future__ import annotations

import doctest
import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.feedback_data import answer, fields, items, knowing_kaya, rated_project, stored
from tests.formular_http import Client, serving
from widgets.feedback import SAVED, participant_app
from widgets.formular import make_app
from workbench import Project
from workbench.core.domain import WorkbenchError
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.participation import comments, feedback
from workbench.participation.tokens import hash_token
from workbench.store import FeedbackAnswer, FeedbackToken, Meta
from workbench.store.erasure import forget

NAMED = (
    "Dragan Petrović vom Jugendzentrum (0171 2345678, dragan.p@example.org) sagt, "
    "Frau Kaya kümmert sich. Er wohnt Hauptstraße 12."
)
GUESSED = "[Person]"  # a guessed name: no number, no key entry
RAW = ("Petrović", "Dragan", "Kaya", "2345678", "example.org", "Hauptstraße")


@pytest.fixture
def rated(project: Project, tmp_path: Path) -> Project:
    """The feedback test project, whose key knows Frau Kaya from a protocol."""
    return knowing_kaya(rated_project(project, tmp_path), tmp_path)


@pytest.fixture
def token(rated: Project) -> str:
    return feedback.issue_tokens(rated, 1, district="Manfort")[0]


def person(project: Project, original: str) -> str:
    """The placeholder the key gives a person (by a part of their name)."""
    key = project.pseudonym_key()
    return key[key["original"].str.contains(original)]["placeholder"].iloc[0]


def stored_comments(project: Project) -> list[str]:
    with project.session() as session:
        return list(session.scalars(select(FeedbackAnswer.comment).order_by(FeedbackAnswer.id)))


def assert_no_raw(text: str) -> None:
    for raw in RAW:
        assert raw not in text, raw


@pytest.mark.backends
def test_a_comment_is_stored_pseudonymised_with_the_projects_key(
    rated: Project, token: str
) -> None:
    kaya = person(rated, "Kaya")
    first = items(rated, token)[0]
    saved = feedback.save_answer(rated, token, first, "agree", 0, NAMED)

    [comment] = stored_comments(rated)
    assert_no_raw(comment)
    assert saved.comment == comment  # the caller shows what is kept
    assert f"{kaya} kümmert sich" in comment  # known from the protocol: her number
    assert "[Telefon]" in comment and "[E-Mail]" in comment and "[Adresse]" in comment
    petrovic = person(rated, "Petrović")  # a new person enters the key
    assert comment.startswith(f"{petrovic} vom Jugendzentrum")
    assert petrovic != kaya

    other = feedback.issue_tokens(rated, 1, district="Opladen")[0]
    feedback.save_answer(rated, other, first, None, 0, "Herr Petrović hat recht.")
    assert stored_comments(rated)[1] == f"{petrovic} hat recht."  # the same person

    table = feedback.feedback_comments(rated)
    assert len(table) == 2
    for shown in [*table["comment"], *feedback.feedback_answers(rated)["comment"]]:
        assert_no_raw(shown)


def test_the_form_stores_and_shows_only_the_pseudonymised_comment(
    rated: Project, token: str
) -> None:
    a, b, _ = items(rated, token)
    with serving(make_app(rated.path)) as client:
        response = client.send(token, fields(answer(a, "agree", "1", NAMED)))
        assert response.status == 303
        [comment] = stored_comments(rated)
        assert_no_raw(comment)
        page = client.request("GET", f"/{response.headers['Location']}")
        assert page.status == 200
        assert_no_raw(page.body)
        # sending the page again as shown changes nothing
        shown = re.search(rf'name="kommentar-{a}"[^>]*>\n(.*?)</textarea>', page.body, re.S)
        assert shown is not None
        again = client.send(token, fields(answer(a, "agree", "1", _unescape(shown.group(1)))))
        assert again.status == 303
        assert stored_comments(rated) == [comment]

        # the length is counted as typed: 2,000 characters with short names are accepted,
        # though the stored text is longer; the saved page can be sent again
        typed = ("Ali und Ben. " * 154)[:2000].strip()
        shown_comments = _saved_after(client, token, fields(answer(b, "unsure", "0", typed)))
        assert len(typed) <= feedback.MAX_COMMENT < len(stored(rated, token)[b].comment)
        changed = fields(answer(b, "agree", "0", shown_comments[b]))
        assert client.send(token, changed).status == 303
        assert stored(rated, token)[b].rating == "agree"


def _saved_after(client: Client, token: str, sent: dict[str, str]) -> dict[int, str]:
    """POST, then read the comments the saved page shows (item id → text)."""
    response = client.send(token, sent)
    assert response.status == 303, response.body
    page = client.request("GET", f"/{response.headers['Location']}")
    return {
        int(m.group(1)): _unescape(m.group(2))
        for m in re.finditer(r'name="kommentar-(\d+)"[^>]*>\n(.*?)</textarea>', page.body, re.S)
    }


def _unescape(text: str) -> str:
    return html.unescape(text)


def test_the_app_stores_the_pseudonymised_comment_and_shows_it(rated: Project, token: str) -> None:
    environ = {"WORKBENCH_PROJECT": str(rated.path), "QUERY_STRING": f"token={token}"}
    app = participant_app(environ)
    card = next(c for c in app.children if "sw-item" in c._dom_classes)
    field = card.children[3]
    field.value = NAMED  # the field is left: stored
    [comment] = stored_comments(rated)
    assert_no_raw(comment)
    assert field.value == comment  # the participant sees what is kept
    assert SAVED in [w.value for w in card.children[4].children if hasattr(w, "value")]
    card.children[1].children[1].value = "agree"  # a rating later keeps the comment
    assert stored_comments(rated) == [comment]


def test_the_pseudonymiser_is_built_once_and_again_when_the_name_list_changes(
    rated: Project, token: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = []
    of_project = Pseudonymiser.of_project.__func__

    def counted(cls: type[Pseudonymiser], session: object) -> Pseudonymiser:
        built.append(1)
        return of_project(cls, session)

    monkeypatch.setattr(Pseudonymiser, "of_project", classmethod(counted))
    first = items(rated, token)[0]
    for n in range(5):
        feedback.save_answer(rated, token, first, None, n, "Mit Okke Tjaden reden.")
    assert len(built) == 1
    assert stored_comments(rated) == [f"Mit {GUESSED} reden."]  # guessed: not in the key yet

    listed = tmp_path / "Liste.md"
    listed.write_text(
        "---\nworkshop: Runde Opladen\ndistrict: Opladen\nparticipants: [Okke Tjaden]\n---\n"
        "## Bedarfe\n- Mehr Bänke am Markt\n",
        encoding="utf-8",
    )
    rated.import_files([listed])
    built.clear()
    feedback.save_answer(rated, token, first, None, 0, "Mit Okke Tjaden reden!")
    assert len(built) == 1  # the name list changed: built anew
    assert stored_comments(rated) == [f"Mit {person(rated, 'Tjaden')} reden!"]


@pytest.mark.backends
def test_forget_token_removes_a_person_only_its_comments_named(rated: Project, token: str) -> None:
    first = items(rated, token)[0]
    feedback.save_answer(rated, token, first, None, 0, NAMED)
    other = feedback.issue_tokens(rated, 1, district="Opladen")[0]
    feedback.save_answer(rated, other, first, None, 0, "Frau Kaya hilft gern.")
    report = forget(rated, token=token)
    assert report.counts["answers"] == 1 and report.counts["key_entries"] >= 1
    originals = " ".join(rated.pseudonym_key()["original"])
    assert "Petrović" not in originals  # named only in the forgotten comment
    assert "Kaya" in originals  # a statement and another comment still name her
    assert stored_comments(rated) == [f"{person(rated, 'Kaya')} hilft gern."]


@pytest.mark.backends
def test_forget_token_keeps_the_participant_list_of_a_person_its_comment_named(
    rated: Project, token: str, tmp_path: Path
) -> None:
    """A participant names a workshop attendee in a comment and is then forgotten: the
    key entry the comment made goes, but the attendee stays on the workshop's list, so a
    later protocol of that workshop still replaces her name (the list was deleted with
    the entry, and 'Tjaden' stood in clear in the next import)."""
    protocol = tmp_path / "Runde.md"
    protocol.write_text(
        "---\nworkshop: Quartiersworkshop Manfort\ndistrict: Manfort\nparticipants:\n"
        "  - Okke Tjaden\n---\n## Ressourcen\n- Der Jugendtreff ist gut besucht\n",
        encoding="utf-8",
    )
    rated.import_files([protocol])
    feedback.save_answer(rated, token, items(rated, token)[0], None, 0, "Okke Tjaden hat recht")
    report = forget(rated, token=token)
    assert report.counts["listed_names"] == 0
    assert "Tjaden" not in " ".join(rated.pseudonym_key()["original"])
    later = tmp_path / "Runde2.md"
    later.write_text(
        "---\nworkshop: Quartiersworkshop Manfort\ndistrict: Manfort\n---\n"
        "## Ressourcen\n- Mit Tjaden den Raum im Treff abstimmen\n",
        encoding="utf-8",
    )
    rated.import_files([later])
    [text] = [t for t in rated.segments()["text"] if "Raum im Treff" in t]
    assert "Tjaden" not in text


def test_forgetting_statements_keeps_a_person_a_comment_still_names(
    rated: Project, token: str
) -> None:
    first = items(rated, token)[0]
    feedback.save_answer(rated, token, first, None, 0, "Frau Kaya hilft gern.")
    kaya = person(rated, "Kaya")
    segments = rated.segments()
    [statement] = segments[segments["text"].str.contains(kaya, regex=False)]["segment_id"]
    forget(rated, statements=(int(statement),))
    assert person(rated, "Kaya") == kaya  # the comment still uses her entry


def _store_raw(project: Project, token: str, item: int, comment: str) -> None:
    """A comment as an older Werkbank stored it: as typed."""
    feedback.save_answer(project, token, item, "agree", 0, "")
    with project.transaction() as session:
        mine = select(FeedbackToken.id).where(FeedbackToken.token_hash == hash_token(token))
        row = session.scalar(
            select(FeedbackAnswer).where(
                FeedbackAnswer.item_id == item, FeedbackAnswer.token_id == mine.scalar_subquery()
            )
        )
        row.comment = comment
        mark = session.get(Meta, comments.COMMENTS_DONE)
        if mark is not None:
            session.delete(mark)


def test_comments_an_older_werkbank_stored_as_typed_are_pseudonymised_once(
    rated: Project, token: str
) -> None:
    _store_raw(rated, token, items(rated, token)[0], NAMED)
    table = feedback.feedback_comments(rated)
    [shown] = table["comment"]
    assert_no_raw(shown)
    assert stored_comments(rated) == [shown]  # rewritten in place, the key has the person
    assert shown.startswith(f"{person(rated, 'Petrović')} vom")
    assert feedback.feedback_comments(rated)["comment"].tolist() == [shown]


def test_a_read_only_project_shows_old_comments_pseudonymised(
    rated: Project, token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store_raw(rated, token, items(rated, token)[0], NAMED)

    def read_only(*args: object, **kwargs: object) -> Iterator[None]:
        raise WorkbenchError("Die Projektdatenbank ist schreibgeschützt.")

    monkeypatch.setattr(type(rated), "transaction", read_only)
    [shown] = feedback.feedback_comments(rated)["comment"]
    assert_no_raw(shown)
    assert stored_comments(rated) == [NAMED]  # nothing written


def test_doctests() -> None:
    assert doctest.testmod(comments).failed == 0


def test_a_dash_in_the_comment_field_is_no_comment(rated: Project, token: str) -> None:
    a, b, c = items(rated, token)
    feedback.save_answer(rated, token, a, None, 0, "-")  # only a dash: nothing answered
    feedback.save_answer(rated, token, b, "agree", 0, " – ")
    feedback.save_answer(rated, token, c, "unsure", 0, "?")  # a question says something
    assert stored(rated, token) == {
        b: feedback.Answer(b, "agree", 0, ""),
        c: feedback.Answer(c, "unsure", 0, "?"),
    }
    other = feedback.issue_tokens(rated, 1, district="Opladen")[0]
    _store_raw(rated, other, b, "/")  # stored so by an older Werkbank
    summary = feedback.feedback_summary(rated).set_index("item_id")
    assert summary.loc[a, "participants"] == 0
    assert summary.loc[[a, b, c], "comments"].tolist() == [0, 0, 1]
    assert feedback.feedback_comments(rated)["comment"].tolist() == ["?"]


def test_a_name_a_comment_only_guesses_gets_no_number_and_stays_out_of_the_key(
    rated: Project, token: str
) -> None:
    """A comment "Jannik statt Beton" became "[Person 5] statt Beton" and "Jannik" entered
    the key as a person: the comment's word then stood for a person in every later
    import, under the same number. A guessed name is replaced in the comment only; a
    known person keeps their number however the comment writes them, a sure new one
    enters the key."""
    a, b, c = items(rated, token)
    key = rated.pseudonym_key()
    kaya = person(rated, "Kaya")
    feedback.save_answer(rated, token, a, None, 0, "Jannik statt Beton")
    feedback.save_answer(rated, token, b, None, 0, "Sagt Jasmin. Danke an Kaya!")
    assert stored_comments(rated) == [
        f"{GUESSED} statt Beton",
        f"Sagt {GUESSED}. Danke an {kaya}!",
    ]
    assert rated.pseudonym_key().equals(key)  # nothing entered the key

    feedback.save_answer(rated, token, c, None, 0, "Frau Rosen hilft. Rosen kommt auch!")
    rosen = person(rated, "Rosen")  # named for sure: a person of the key
    assert stored_comments(rated)[2] == f"{rosen} hilft. {rosen} kommt auch!"

    other = feedback.issue_tokens(rated, 1, district="Opladen")[0]
    _store_raw(rated, other, a, "Danke an Jasmin am Zaun")  # stored so by an older Werkbank
    assert f"Danke an {GUESSED} am Zaun" in feedback.feedback_comments(rated)["comment"].tolist()
    assert "Jasmin" not in " ".join(rated.pseudonym_key()["original"])
