"""A PDF protocol's line that starts with the day of a date ("12. März", "3. Oktober") is
no numbered list item: the day stays in the statement, and a sentence wrapped before the
date goes on over it. Before, "12. März: das Stadtteilfest …" was stored as "März: das
Stadtteilfest …", and "… wie jedes Jahr am" + "3. Oktober statt." were two statements."""

from __future__ import annotations

from pathlib import Path

from tests.test_pdf_protocol import pdf_bytes
from workbench.ingest import parse_file


def test_the_day_of_a_date_at_a_line_start_stays_in_the_statement(tmp_path: Path) -> None:
    lines = [
        "Protokoll Stadtteilworkshop Manfort",
        "Datum: 12.03.2021",
        "Sozialraum: Manfort",
        "",
        "Was gibt es schon?",
        "Der Sportverein hat eine große Halle, die am Wochenende leider meistens leer",
        "steht.",
        "",
        "12. März: das Stadtteilfest auf dem Marktplatz war wieder sehr gut besucht.",
        "",
        "Das Fest der Kulturen im Bürgerpark findet wie jedes Jahr am Feiertag, dem",
        "3. Oktober statt.",
        "",
        "Was fehlt?",
        "1. Mehr Bänke am Rhein.",
        "2. Ein Treffpunkt für Jugendliche mit WLAN.",
    ]
    path = tmp_path / "termine.pdf"
    path.write_bytes(pdf_bytes([lines]))
    assert [(s.question, s.text) for s in parse_file(path).segments] == [
        (
            "Was gibt es schon?",
            "Der Sportverein hat eine große Halle, die am Wochenende leider meistens leer steht.",
        ),
        (
            "Was gibt es schon?",
            "12. März: das Stadtteilfest auf dem Marktplatz war wieder sehr gut besucht.",
        ),
        (
            "Was gibt es schon?",
            "Das Fest der Kulturen im Bürgerpark findet wie jedes Jahr am Feiertag, dem "
            "3. Oktober statt.",
        ),
        ("Was fehlt?", "Mehr Bänke am Rhein."),  # a numbered list: without its numbers
        ("Was fehlt?", "Ein Treffpunkt für Jugendliche mit WLAN."),
    ]
