"""Marked page areas of a PDF (``<PDFSelection>`` with the covered text as their own
``<Representation>``) are placed on their text in the PDF's text version, or named as
skipped: found in the schema fuzz (``benchmarks/qdpx_schema_fuzz.py``, the areas of
``tests/qdpx_fuzz_media.py``)."""

from __future__ import annotations

from pathlib import Path

from tests.test_qdpx_fidelity import ANA, CODE, NS, OTHER_CODE, _qdpx
from workbench import Project
from workbench.exchange.qdpx import import_qdpx

PDF = "D1000000-0000-4000-8000-000000000001"
# Two paragraphs, as a PDF's text version: "eine Bank" in both, a word hyphenated at a line's end.
PDF_TEXT = (
    "Am Markt fehlt eine Bank im Schatten, sagen die Älteren aus dem Jugend-\n"
    "zentrum und vom Seniorenbeirat.\n"
    "\n"
    "Am Spielplatz steht eine Bank, aber die Beleuchtung fehlt am Abend ganz.\n"
)


def _area(n: int, text: str, code: str, page: int = 1) -> str:
    return f"""
      <PDFSelection guid="E1000000-0000-4000-8000-00000000001{n}" page="{page}" firstX="72"
          firstY="{72 + 100 * n}" secondX="540" secondY="{90 + 100 * n}" creatingUser="{ANA}">
        <Representation guid="E1000000-0000-4000-8000-00000000002{n}">
          <PlainTextContent>{text}</PlainTextContent>
        </Representation>
        <Coding guid="E1000000-0000-4000-8000-00000000003{n}" creatingUser="{ANA}">
          <CodeRef targetGUID="{code}"/></Coding>
      </PDFSelection>"""


def _import(project: Project, tmp_path: Path, *areas: str):
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="Manfort" origin="MAXQDA 2022">
  <Users><User guid="{ANA}" name="Ana"/></Users>
  <CodeBook><Codes>
    <Code guid="{CODE}" name="Bedarf" isCodable="true"/>
    <Code guid="{OTHER_CODE}" name="Ressource" isCodable="true"/>
  </Codes></CodeBook>
  <Sources>
    <PDFSource guid="{PDF}" name="Konferenz.pdf" path="internal://k.pdf">{"".join(areas)}
      <Representation guid="D1000000-0000-4000-8000-000000000011"
          plainTextPath="internal://k.txt"/>
    </PDFSource>
  </Sources>
</Project>"""
    result = import_qdpx(project, _qdpx(tmp_path / "k.qdpx", qde, {"Sources/k.txt": PDF_TEXT}))
    places = {(q.code, q.quote, int(q.segment_id)) for q in project.quotes().itertuples()}
    order = list(project.segments().sort_values("position")["segment_id"])
    return result, {(code, quote, order.index(s)) for code, quote, s in places}


def test_an_area_whose_text_is_there_twice_is_named_not_placed_on_the_other(
    project: Project, tmp_path: Path
) -> None:
    # Made in this order: first on the playground's bench (2nd paragraph), then the
    # market's; their own texts are the same words, only the coordinates differ.
    result, places = _import(
        project,
        tmp_path,
        _area(1, "eine Bank", CODE),
        _area(2, "eine Bank im Schatten", OTHER_CODE),
    )
    assert ("Bedarf", "eine Bank", 0) not in places  # the other paragraph's bench
    assert places == {("Ressource", "eine Bank im Schatten", 0)}
    # named on its own: where it is, which code it had and why, to code it by hand
    assert result.notices[:2] == (
        "PDFSource Nr. 1 (GUID D1000000…): die Textfassung des Herstellers importiert.",
        "PDFSource Nr. 1 (GUID D1000000…): 1 markierter Seitenbereich nicht übernommen — "
        "Text kommt im PDF mehrfach vor, welche Stelle gemeint ist, sagen nur die "
        "Koordinaten: Seite 2, Code 'Bedarf'. Seiten gezählt ab 1, wenn die Datei ab 0 zählt "
        "wie ATLAS.ti; REFI-QDA legt das nicht fest — zählt das andere Programm ab 1, ist es "
        "jeweils die Seite davor. Bitte im Dokument suchen und von Hand kodieren "
        "(workbench code AUSSAGE CODE).",
    )


def test_the_page_of_an_area_says_how_the_file_counts_pages(
    project: Project, tmp_path: Path
) -> None:
    # REFI-QDA's schema makes `page` a bare integer and does not say where it starts; a PDF
    # with an area on page="0" counts from 0 for sure (ATLAS.ti does): then "Seite 3" is
    # certain. Without a page 0 the notice says on what the page number rests.
    result, _ = _import(
        project,
        tmp_path,
        _area(1, "eine Bank", CODE, page=2),
        _area(2, "Beleuchtung fehlt am Abend", OTHER_CODE, page=0),
    )
    [twice] = [n for n in result.notices if "mehrfach vor" in n]
    assert "Seite 3, Code 'Bedarf'. Seiten gezählt ab 1 (die Datei zählt ab 0: sie hat eine " in (
        twice
    )
    assert "Seite davor" not in twice


def test_areas_there_twice_and_areas_without_text_are_told_apart(
    project: Project, tmp_path: Path
) -> None:
    # An area with only coordinates stays in the count; one whose text stands twice is
    # named by page (REFI-QDA counts from 0: ATLAS.ti's first page is page="0") and codes.
    bare = _area(3, "", CODE).replace("<PlainTextContent></PlainTextContent>", "")
    twice = _area(4, "eine Bank", OTHER_CODE, page=0).replace(
        "</PDFSelection>",
        f'<Coding guid="E1000000-0000-4000-8000-000000000040" creatingUser="{ANA}">'
        f'<CodeRef targetGUID="{CODE}"/></Coding></PDFSelection>',
    )
    result, places = _import(project, tmp_path, bare, twice, _area(5, "eine Bank", CODE, 6))
    assert places == set()
    assert result.notices[0].endswith(
        "importiert; 1 markierte Stelle und 1 Kodierung ohne Textstelle (Seitenbereich, "
        "Zeitabschnitt) übersprungen."
    )
    assert (
        "2 markierte Seitenbereiche nicht übernommen — Text kommt im PDF mehrfach vor"
        in (result.notices[1])
    )
    assert "Seite 1, Codes 'Ressource', 'Bedarf'; Seite 7, Code 'Bedarf'." in result.notices[1]
    assert "eine Bank" not in "".join(result.notices)  # no participant's text in a notice


def test_an_area_over_a_hyphenated_word_joined_again_is_found(
    project: Project, tmp_path: Path
) -> None:
    # The vendor's text of the area joins "Jugend-" and "zentrum" at the line's end again.
    result, places = _import(
        project, tmp_path, _area(1, "aus dem Jugendzentrum und vom Seniorenbeirat", CODE)
    )
    assert places == {("Bedarf", "aus dem Jugend-\nzentrum und vom Seniorenbeirat", 0)}
    assert "übersprungen" not in result.notices[0]


def test_areas_without_line_breaks_or_with_spaces_are_found_once_each(
    project: Project, tmp_path: Path
) -> None:
    # Guard: a text that stands there once is found however the vendor wrote its breaks.
    _, places = _import(
        project,
        tmp_path,
        _area(1, "Schatten,sagendieÄlterenausdemJugend-zentrum", CODE),
        _area(2, "steht eine Bank, aber die Beleuchtung", OTHER_CODE),
    )
    assert places == {
        ("Bedarf", "Schatten, sagen die Älteren aus dem Jugend-\nzentrum", 0),
        ("Ressource", "steht eine Bank, aber die Beleuchtung", 1),
    }
