"""Telegram Desktop's HTML export: read as its JSON export is read, across all its pages."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import stored_text
from workbench import Project
from workbench.ingest import expand_paths, parse_file

HEAD = '<!DOCTYPE html>\n<html><head><meta charset="utf-8"/></head><body>\n<div class="page_wrap">'
HEAD += '<div class="page_header"><div class="text bold">Nachbarschaft Manfort</div></div>'
HEAD += '<div class="page_body chat_page"><div class="history">\n'
FOOT = "</div></div></div></body></html>\n"


def _service(id_: str, text: str) -> str:
    body = f'<div class="body details">\n{text}\n</div>'
    return f'<div class="message service" id="message{id_}">{body}</div>\n'


def _message(id_: int, when: str, body: str, sender: str | None = None) -> str:
    joined = " joined" if sender is None else ""
    name = f'<div class="from_name">\n{sender} \n</div>\n' if sender else ""
    return (
        f'<div class="message default clearfix{joined}" id="message{id_}">\n'
        '<div class="pull_left userpic_wrap"><div class="userpic"><div class="initials">A'
        '</div></div></div>\n<div class="body">\n'
        f'<div class="pull_right date details" title="{when} UTC+01:00">\n18:02\n</div>\n'
        f"{name}{body}</div></div>\n"
    )


PAGE_1 = (
    HEAD
    + _service("-1", "12 March 2021")
    + _service("1", "Anna Schmidt invited Bernd Kowalczyk")
    + _message(
        2,
        "12.03.2021 18:02:11",
        '<div class="text">\nWer kommt zum Aufr&auml;umen?<br>Bernd Kowalczyk bringt'
        " <strong>Handschuhe</strong>.\n</div>\n",
        "Anna Schmidt",
    )
    + _message(3, "12.03.2021 18:03:00", '<div class="text">Licht fehlt am Spielplatz.</div>\n')
    + _message(
        4,
        "12.03.2021 18:04:00",
        '<div class="reply_to details">In reply to <a href="#go_to_message2" '
        'onclick="return GoToMessage(2)">this message</a></div>\n'
        '<div class="text">Ich komme!</div>\n',
        "Peter Wagner",
    )
    + _message(
        5,
        "12.03.2021 18:05:00",
        '<div class="media_wrap clearfix"><a class="media clearfix pull_left block_link '
        'media_location" href="https://maps.google.com/maps?q=51.031200,7.001100">'
        '<div class="body"><div class="title bold">Location</div><div class="status details">'
        "51.031200, 7.001100</div></div></a></div>\n",
    )
    + _message(
        6,
        "12.03.2021 18:06:00",
        '<div class="media_wrap clearfix"><div class="media clearfix pull_left media_contact">'
        '<div class="body"><div class="title bold">Carla Wei&szlig;</div>'
        '<div class="status details">+49 171 2345678</div></div></div></div>\n',
    )
    + _message(
        7,
        "12.03.2021 18:07:00",
        '<div class="forwarded body"><div class="from_name">Stadt Leverkusen<span '
        'class="date details"> 11.03.2021 10:00:00</span></div>\n'
        '<div class="text">Sperrm&uuml;ll kommt am Montag.</div></div>\n',
    )
    + FOOT
)
PAGE_2 = (
    HEAD
    + _message(8, "13.03.2021 09:00:00", '<div class="text">Und M&uuml;lleimer.</div>\n')
    + _message(
        9,
        "13.03.2021 09:15:00",
        '<div class="text">Danke, Anna Schmidt!</div>\n',
        "Bernd Kowalczyk",
    )
    + FOOT
)


def _json_message(id_: int, when: str, sender: str, text: str, **more: object) -> dict:
    return {
        "id": id_,
        "type": "message",
        "date": when,
        "from": sender,
        "from_id": f"user{id_}",
        "text": text,
        **more,
    }


JSON_EXPORT = {
    "name": "Nachbarschaft Manfort",
    "messages": [
        {
            "id": 1,
            "type": "service",
            "date": "2021-03-12T17:55:00",
            "actor": "Anna Schmidt",
            "action": "invite_members",
            "members": ["Bernd Kowalczyk"],
            "text": "",
        },
        _json_message(
            2,
            "2021-03-12T18:02:11",
            "Anna Schmidt",
            [
                "Wer kommt zum Aufräumen?\nBernd Kowalczyk bringt ",
                {"type": "bold", "text": "Handschuhe"},
                ".",
            ],
        ),
        _json_message(3, "2021-03-12T18:03:00", "Anna Schmidt", "Licht fehlt am Spielplatz."),
        _json_message(
            4, "2021-03-12T18:04:00", "Peter Wagner", "Ich komme!", reply_to_message_id=2
        ),
        _json_message(
            5,
            "2021-03-12T18:05:00",
            "Peter Wagner",
            "",
            location_information={"latitude": 51.0312, "longitude": 7.0011},
        ),
        _json_message(
            6,
            "2021-03-12T18:06:00",
            "Peter Wagner",
            "",
            contact_information={"phone_number": "+49 171 2345678"},
        ),
        _json_message(
            7,
            "2021-03-12T18:07:00",
            "Peter Wagner",
            "Sperrmüll kommt am Montag.",
            forwarded_from="Stadt Leverkusen",
        ),
        _json_message(8, "2021-03-13T09:00:00", "Peter Wagner", "Und Mülleimer."),
        _json_message(9, "2021-03-13T09:15:00", "Bernd Kowalczyk", "Danke, Anna Schmidt!"),
    ],
}


def _export(tmp_path: Path) -> Path:
    folder = tmp_path / "ChatExport_2021-03-13"
    (folder / "photos").mkdir(parents=True)
    (folder / "messages.html").write_text(PAGE_1, encoding="utf-8")
    (folder / "messages2.html").write_text(PAGE_2, encoding="utf-8")
    return folder


def _rows(project: Project) -> list[tuple[str, dict]]:
    segments = project.segments()
    return list(zip(segments["text"], segments["attributes"], strict=True))


def test_html_export_gives_the_statements_of_the_json_export(
    project: Project, tmp_path: Path
) -> None:
    html = project.import_files([_export(tmp_path) / "messages.html"], district="Manfort")[0]
    from_html = _rows(project)
    other = Project.create(tmp_path / "json", districts=["Manfort"])
    try:
        path = tmp_path / "result.json"
        path.write_text(json.dumps(JSON_EXPORT, ensure_ascii=False), encoding="utf-8")
        as_json = other.import_files([path], district="Manfort")[0]
        assert from_html == _rows(other)
    finally:
        other.close()
    texts = [t for t, _ in from_html]
    assert texts[0].endswith("bringt Handschuhe.") and texts[-1].startswith("Danke, [Person")
    assert len(texts) == 6 and from_html[2][1]["reply_to"] == "2"
    assert from_html[3][1]["forwarded"] is True
    # the joined messages are their sender's, also across pages
    speakers = [a["speaker"] for _, a in from_html]
    assert speakers[0] == speakers[1] and speakers[2] == speakers[3] == speakers[4]
    assert html.notices == as_json.notices


def test_html_export_stores_no_name_number_or_coordinates(project: Project, tmp_path: Path) -> None:
    project.import_files(expand_paths([_export(tmp_path)]), district="Manfort")
    stored = stored_text(project)
    for clear in ("Schmidt", "Kowalczyk", "Wagner", "Carla", "2345678", "51.03", "7.0011"):
        assert clear not in stored
    assert "Leverkusen" not in stored  # a forward's original sender is no statement


def test_folder_and_later_page_read_the_whole_chat_once(tmp_path: Path) -> None:
    folder = _export(tmp_path)
    assert expand_paths([folder]) == [folder / "messages.html"]
    whole = parse_file(folder / "messages.html")
    assert parse_file(folder / "messages2.html").sha256 == whole.sha256
    assert [s.source_id for s in whole.segments] == ["2", "3", "4", "7", "8", "9"]
