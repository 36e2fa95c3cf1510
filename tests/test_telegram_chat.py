"""Telegram Desktop's JSON export: one statement per message, not a table of objects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.core.domain import InputError


def _message(id_: int, sender: str, text: object, **more: object) -> dict:
    return {
        "id": id_,
        "type": "message",
        "date": f"2021-03-12T18:0{id_}:00",
        "from": sender,
        "from_id": f"user{id_}0{id_}",
        "text": text,
        **more,
    }


EXPORT = {
    "name": "Nachbarschaft Manfort",
    "type": "private_supergroup",
    "id": 1234567890,
    "messages": [
        {
            "id": 1,
            "type": "service",
            "date": "2021-03-12T17:55:00",
            "actor": "Anna Schmidt",
            "actor_id": "user111",
            "action": "invite_members",
            "members": ["Bernd Kowalczyk"],
            "text": "",
        },
        _message(2, "Anna Schmidt", "Wer kommt am Samstag zum Aufräumen?"),
        _message(
            3,
            "Herr Yılmaz",
            ["Danke ", {"type": "bold", "text": "Anna"}, ", der Spielplatz ist abends dunkel."],
            reply_to_message_id=2,
        ),
        _message(4, "Peter Wagner", "", photo="photos/photo_1@12-03-2021_18-04-00.jpg"),
        _message(
            5, "Peter Wagner", "", location_information={"latitude": 51.0312, "longitude": 7.0011}
        ),
        _message(
            6,
            "Peter Wagner",
            "",
            poll={
                "question": "Nächstes Treffen?",
                "answers": [{"text": "Dienstag", "voters": 3}, {"text": "Donnerstag", "voters": 1}],
            },
        ),
        _message(7, "Peter Wagner", "Bernd bringt die Bänke mit."),
    ],
}


def test_telegram_export_is_one_statement_per_message(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text(json.dumps(EXPORT, ensure_ascii=False), encoding="utf-8")
    result = project.import_files([path], district="Manfort")[0]
    segments = project.segments()
    rows = [{"text": t, **a} for t, a in zip(segments["text"], segments["attributes"], strict=True)]
    anna, yilmaz, peter = rows[0]["speaker"], rows[1]["speaker"], rows[2]["speaker"]
    assert [r["text"] for r in rows] == [
        "Wer kommt am Samstag zum Aufräumen?",
        f"Danke {anna}, der Spielplatz ist abends dunkel.",
        "Nächstes Treffen?",
        rows[3]["text"],
    ]
    assert rows[3]["text"].endswith("] bringt die Bänke mit.")  # Bernd, who was only added
    assert len({anna, yilmaz, peter}) == 3
    assert list(segments["source_id"]) == ["2", "3", "6", "7"]
    assert rows[1]["reply_to"] == "2"
    assert rows[2]["poll"] == "Dienstag (3 Stimmen); Donnerstag (1 Stimme)"
    assert (rows[0]["date"], rows[0]["time"]) == ("2021-03-12", "18:02:00")
    stored = stored_text(project)
    for clear in ("Schmidt", "Yılmaz", "Bernd", "user2", "51.0312", "photo_1", "service"):
        assert clear not in stored
    notices = " ".join(result.notices)
    assert "1 geteilter Standort nicht übernommen" in notices


def test_a_message_dated_on_a_day_that_does_not_exist_stops_the_import(
    project: Project, tmp_path: Path
) -> None:
    """An export edited by hand ("2021-02-31T…") is named like a cut-off date, not stored."""
    export = {**EXPORT, "messages": [_message(2, "Anna Schmidt", "Wer kommt?")]}
    export["messages"][0]["date"] = "2021-02-31T18:02:00"
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match=r"Nachricht 1: Datum '2021-02-31T18:02:00' ist ungültig"):
        project.import_files([path], district="Manfort")
    assert project.segments().empty


def test_the_export_of_a_whole_account_is_refused_with_what_to_export(
    project: Project, tmp_path: Path
) -> None:
    """ "Export Telegram data" writes every chat, the contacts and the account's own data into
    one result.json: not a group's chat, and not to be read as a table of contacts."""
    account = {
        "about": "Here is the data you requested.",
        "personal_information": {"first_name": "Max", "phone_number": "+49 171 1111111"},
        "contacts": {
            "about": "",
            "list": [{"first_name": "Anna", "last_name": "Schmidt", "phone_number": "+49 1"}],
        },
        "chats": {"about": "", "list": [EXPORT]},
    }
    path = tmp_path / "result.json"
    path.write_text(json.dumps(account, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match=r"Export eines ganzen Telegram-Kontos.*Chatverlauf exp"):
        project.import_files([path], district="Manfort")
    assert project.segments().empty
