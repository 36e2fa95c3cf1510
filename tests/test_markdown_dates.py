"""A Markdown or text protocol's line that starts with the day of a date ("12. März",
"3. Oktober") is no numbered list item: the day stays in the statement, and a sentence
wrapped before the date goes on over it (as in PDF protocols, tests/test_pdf_dates.py).
Before, "12. März: das Stadtteilfest …" was stored as "März: das Stadtteilfest …"."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.ingest import parse_file

PROTOCOL = """# Stadtteilworkshop Manfort

Datum: 12.03.2021

## Was gibt es schon?

12. März: das Stadtteilfest auf dem Marktplatz war wieder sehr gut besucht.

Das Fest der Kulturen im Bürgerpark findet wie jedes Jahr am Feiertag, dem
3. Oktober statt.

- Der Flohmarkt ist am
  1. Mai.

Termine:
5. Juni: Putzaktion
7. Sept. Nachbarschaftsfest

## Was fehlt?

1. Mehr Bänke am Rhein.
2) Ein Treffpunkt für Jugendliche.
"""


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_the_day_of_a_date_at_a_line_start_stays_in_the_statement(
    tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"termine{suffix}"
    path.write_text(PROTOCOL, encoding="utf-8")
    assert [(s.question, s.text) for s in parse_file(path).segments] == [
        (
            "Was gibt es schon?",
            "12. März: das Stadtteilfest auf dem Marktplatz war wieder sehr gut besucht.",
        ),
        (
            "Was gibt es schon?",
            "Das Fest der Kulturen im Bürgerpark findet wie jedes Jahr am Feiertag, dem "
            "3. Oktober statt.",
        ),
        ("Was gibt es schon?", "Der Flohmarkt ist am 1. Mai."),
        ("Was gibt es schon?", "Termine:"),
        ("Was gibt es schon?", "5. Juni: Putzaktion"),
        ("Was gibt es schon?", "7. Sept. Nachbarschaftsfest"),
        ("Was fehlt?", "Mehr Bänke am Rhein."),
        ("Was fehlt?", "Ein Treffpunkt für Jugendliche."),
    ]
