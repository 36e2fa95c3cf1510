"""Several details on one line, as Word templates set them ("Datum: 12.03.2021 | Ort:
Bürgerhaus | Protokoll: Jonas Becker", "Moderation: …, Protokoll: …", a tab between them):
each is read. Before, the whole rest of the line was the first detail's value: the date
'12.03.2021 | Ort: …' stopped the import ("Datum … nicht erkannt"), and
"Moderation: Okke Wübbenhorst | Protokoll: Jonas Becker" put no name on the list, so both
stayed in clear in the statements."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.test_pdf_protocol import pdf_bytes
from workbench.ingest import parse_file

STATEMENT = "Wübbenhorst schlägt einen Treffpunkt am Markt vor, Becker auch."
LINES = [
    "Datum: 12.03.2021 | Ort: Bürgerhaus | Sozialraum: Manfort",
    "Moderation: Okke Wübbenhorst | Protokoll: Jonas Becker",
]


def _write(path: Path, lines: list[str]) -> Path:
    title, question = "Stadtteilworkshop Manfort", "Was fehlt im Quartier?"
    if path.suffix == ".docx":
        document = docx.Document()
        document.add_paragraph(title, style="Title")
        for line in lines:
            document.add_paragraph(line)
        document.add_paragraph(question, style="Heading 1")
        document.add_paragraph(STATEMENT)
        document.save(path)
    elif path.suffix == ".md":
        path.write_text("\n".join([f"# {title}", *lines, "", f"## {question}", "", STATEMENT]))
    else:
        path.write_bytes(pdf_bytes([[title, *lines, "", question, STATEMENT]]))
    return path


@pytest.mark.parametrize("suffix", [".docx", ".md", ".pdf"])
@pytest.mark.parametrize("tab", [False, True], ids=["bar", "tab"])
def test_every_detail_of_a_line_of_several_is_read(tmp_path: Path, suffix: str, tab: bool) -> None:
    lines = [line.replace(" | ", "\t") for line in LINES] if tab else LINES
    parsed = parse_file(_write(tmp_path / f"kopf{suffix}", lines))
    assert (str(parsed.date), parsed.district) == ("2021-03-12", "Manfort")
    assert parsed.names == ("Okke Wübbenhorst", "Jonas Becker")
    assert [s.text for s in parsed.segments] == [STATEMENT]
