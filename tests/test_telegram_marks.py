"""Telegram exports (JSON and HTML) with direction marks around and inside names.

A sender written between isolates ("\u2068Anna Schmidt\u2069", a name in another script, or
as Telegram's right-to-left interface writes it) is the same person as the sender without
them: one entry in the key, written without the marks. A message's text keeps its marks
(a right-to-left line needs its U+200F to show its punctuation in place), and a name in it
is replaced across them.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from tests.conftest import stored_text
from tests.test_telegram_html import FOOT, HEAD, _message
from workbench import Project

LRM, RLM, FSI, PDI = "\u200e", "\u200f", "\u2068", "\u2069"
ARABIC = "ياسمين حداد"  # Yasmin Haddad
RTL = f"{RLM}مرحبا، نحتاج Park Licht{RLM}!"
MESSAGES = [  # (sender as written, text)
    (f"{FSI}Anna Schmidt{PDI}", "Wer kommt am Samstag?"),
    (f"Ben{LRM} Berg", f"Danke {FSI}Anna Schmidt{PDI}, gut."),
    ("Anna Schmidt", f"Frau {LRM}Kowalczyk{LRM} bringt Bänke."),
    (f"{FSI}{ARABIC}{PDI}", RTL),
    ("Ben Berg", "Bis Samstag."),
]


def _json(path: Path) -> Path:
    messages = [
        {
            "id": i,
            "type": "message",
            "date": f"2021-03-12T18:0{i}:00",
            "from": who,
            "from_id": f"user{i}",
            "text": text,
        }
        for i, (who, text) in enumerate(MESSAGES, start=1)
    ]
    export = {"name": "Nachbarschaft", "type": "private_supergroup", "id": 1, "messages": messages}
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    return path


def _html(path: Path) -> Path:
    body = "".join(
        _message(
            i,
            f"12.03.2021 18:0{i}:00",
            f'<div class="text">{html.escape(text)}</div>\n',
            html.escape(who),
        )
        for i, (who, text) in enumerate(MESSAGES, start=1)
    )
    path.write_text(HEAD + body + FOOT, encoding="utf-8")
    return path


@pytest.mark.parametrize("write", [_json, _html], ids=["json", "html"])
def test_marked_telegram_senders_are_one_person_each(
    project: Project, tmp_path: Path, write: object
) -> None:
    path = write(tmp_path / ("result.json" if write is _json else "messages.html"))
    project.import_files([path], district="Manfort")
    rows = project.segments()
    speakers = [a["speaker"] for a in rows["attributes"]]
    anna, ben, _, yasmin, _ = speakers
    assert speakers == [anna, ben, anna, yasmin, ben] and len({anna, ben, yasmin}) == 3
    key = list(project.pseudonym_key()["original"])
    assert sorted(key) == sorted(["Anna Schmidt", "Ben Berg", ARABIC, "Frau Kowalczyk"])
    texts = list(rows["text"])
    assert texts[1] == f"Danke {FSI}{anna}{PDI}, gut."  # the mention, across its isolates
    assert texts[2].startswith("[Person ") and "Kowalczyk" not in texts[2]
    assert texts[3] == RTL  # the right-to-left line keeps its marks
    stored = stored_text(project)
    for clear in ("Schmidt", "Berg", "Kowalczyk", "حداد"):
        assert clear not in stored
