"""Words broken at a PDF line's end with a hyphen: a number's compound keeps its hyphen
("14-" + "jährigen" is "14-jährigen", not "14- jährigen"), and a hyphen that stands for a
word left out keeps its space also before "bis" ("Grund-" + "bis Oberschule", not
"Grundbis Oberschule"), as before "und" and "oder"; a word hyphenated by the layout is
whole again ("Stadtteil-" + "konferenz", "Bürger-" + "innen")."""

from __future__ import annotations

from pathlib import Path

from tests.test_pdf_protocol import pdf_bytes
from workbench.ingest import parse_file


def test_hyphens_at_line_ends_are_read_as_the_words_meant(tmp_path: Path) -> None:
    lines = [
        "Protokoll Stadtteilworkshop Manfort",
        "Datum: 12.03.2021",
        "Sozialraum: Manfort",
        "",
        "Was fehlt im Quartier?",
        "Für die Jugendlichen im Viertel, vor allem die 12- bis 14-",
        "jährigen, gibt es keinen Treffpunkt, sagen die Schülerinnen der Grund-",
        "bis Oberschulen am Rand des Quartiers, und die gesamte Stadtteil-",
        "konferenz sucht nun gemeinsam mit den engagierten Bürger-",
        "innen einen passenden Raum für ein neues, offenes Kinder-",
        "und Jugendhaus, vielleicht in einer leer stehenden 3-",
        "Zimmer-Wohnung direkt am Marktplatz.",
    ]
    path = tmp_path / "trennung.pdf"
    path.write_bytes(pdf_bytes([lines]))
    assert [s.text for s in parse_file(path).segments] == [
        "Für die Jugendlichen im Viertel, vor allem die 12- bis 14-jährigen, gibt es keinen "
        "Treffpunkt, sagen die Schülerinnen der Grund- bis Oberschulen am Rand des Quartiers, "
        "und die gesamte Stadtteilkonferenz sucht nun gemeinsam mit den engagierten "
        "Bürgerinnen einen passenden Raum für ein neues, offenes Kinder- und Jugendhaus, "
        "vielleicht in einer leer stehenden 3-Zimmer-Wohnung direkt am Marktplatz."
    ]
