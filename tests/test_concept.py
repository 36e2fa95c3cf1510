"""The Sozialraumkonzept: researchers' prose assembled with the study's findings and checked.

On a copy of the analysed demo with the study's recommendations (notebooks/studie.py) and
one planted statement that names a person: both formats render, every quote is a stored,
pseudonymised statement with its reference, no name leaks, broken references are listed,
and sparse projects get one German sentence naming the command that helps.
"""

from __future__ import annotations

import doctest
import html
import io
import itertools
import re
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
import studie
from sqlalchemy import delete

import workbench.synthesis.concept.outline as concept_outline_module
import workbench.synthesis.concept.text as concept_text_module
from tests.sparse_data import FORBIDDEN, card_wall
from tests.synthesis_data import demo_copy
from workbench import Project
from workbench.analysis.needs import NeedParams, run_needs
from workbench.cli.main import main
from workbench.core.formatting import is_missing
from workbench.ingest.table import TableMapping
from workbench.synthesis import recommendations as rec
from workbench.synthesis.concept import (
    NO_NEED_RUN,
    NO_RECOMMENDATIONS,
    build_concept,
    concept_chapter,
    parse_concept_text,
    read_concept_text,
    render_concept,
    with_chapter,
    write_concept,
)
from workbench.synthesis.reports import build_report, collect, render_html

ROOT = Path(__file__).resolve().parent.parent
STARTER = ROOT / "corpus" / "sozialraumkonzept.md"
WHEN = datetime(2026, 3, 4, 5, 6, tzinfo=UTC)
DISTRICTS = ("Alkenrath", "Manfort", "Opladen", "Steinbüchel", "Wiesdorf")
PLANTED = "Hannelore Wischnewski"
PLANTED_CARD = f"{PLANTED} vom Kleingartenverein öffnet ihren Garten für die Kinder der Siedlung."


def _studied(factory: pytest.TempPathFactory, folder: Path) -> Project:
    """The analysed demo, a planted resource card naming a person, the study's recommendations."""
    project = demo_copy(factory, folder / "projekt")
    cards = folder / "manfort_nachtrag.csv"
    cards.write_text(f"Karten-ID;Text\nMF-N1;{PLANTED_CARD}\n", encoding="utf-8")
    project.import_files(
        [cards], TableMapping(text_column="Text", id_column="Karten-ID"),
        district="Manfort", workshop="Nachtreffen Manfort", names=[PLANTED],
    )  # fmt: skip
    codings = folder / "nachtrag_kodierungen.csv"
    codings.write_text(
        "document,source_id,coder,code\nmanfort_nachtrag.csv,MF-N1,A,Ressource\n", encoding="utf-8"
    )
    project.import_codings(codings)
    studie.add_recommendations(project)
    return project


@pytest.fixture(scope="module")
def studied(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = _studied(tmp_path_factory, tmp_path_factory.mktemp("konzept"))
    yield project
    project.close()


@pytest.fixture(scope="module")
def outputs(studied: Project) -> dict[str, bytes]:
    concept = build_concept(studied, read_concept_text(STARTER))
    return {fmt: render_concept(concept, fmt, WHEN, max_quotes=None) for fmt in ("html", "docx")}


def page_text(document: str) -> str:
    """What a reader sees of an HTML page (tags removed, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", " ", document.split("<body>", 1)[1]))


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def html_quotes(document: str) -> list[tuple[str, str]]:
    found = re.findall(
        r'<blockquote class="wb-quote"><p>(.*?)</p><footer>(.*?)</footer></blockquote>',
        document,
        flags=re.S,
    )
    return [(html.unescape(t), html.unescape(s)) for t, s in found]


def docx_quotes(data: bytes) -> list[tuple[str, str]]:
    paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    return [
        (p.text, paragraphs[i + 1].text.removeprefix("— "))
        for i, p in enumerate(paragraphs)
        if p.style.name == "Quote"
    ]


def _without_generated(page: str) -> str:
    return "\n".join(line for line in page.split("\n") if "Erstellt am" not in line)


def assert_traceable(quotes: list[tuple[str, str]], project: Project) -> None:
    """Each quote is a statement's stored text, and its source line names that statement."""
    segments = project.segments().set_index("segment_id")
    for text, source in quotes:
        number = re.search(r"\(Nr\. (\d+)\)", source)
        assert number, source
        segment = segments.loc[int(number.group(1))]
        assert text == segment["text"]
        trail = f"{segment['document']}, Aussage {segment['source_id']} (Nr. {number.group(1)})"
        trail += f" · {segment['workshop']}"  # a role only where there is one
        role = segment["speaker_role"]
        assert source == (trail if is_missing(role) else f"{trail} · Rolle: {role}"), source


def test_doctests() -> None:
    for module in (concept_text_module, concept_outline_module):
        assert doctest.testmod(module).failed == 0


def test_the_prose_file_is_read_into_its_parts() -> None:
    text = parse_concept_text(
        "<!-- Kommentar\nüber zwei Zeilen -->\n# Konzept\nErster Satz\nzweiter Satz.\n\n"
        "Empfehlung: 1\n"
        "## Säule 1: Beteiligung\n- eins\n  weiter\n- zwei\nText.\n### Unter\n"
        "Aussage: a.md:3\nEmpfehlung: „Titel A“\n"
        "## Säule 1: noch einmal\n"
        "## Sozialraum: manfort\nZu Manfort.\nEmpfehlung: 4\n"
        "# Zweiter Titel\n## Ausblick\nSpäter.\n",
        "k.md",
    )
    assert text.title == "Konzept"
    assert [i.text for i in text.introduction.items] == ["Erster Satz zweiter Satz."]
    pillar = text.pillars[1]
    assert pillar.heading == "Säule 1: Beteiligung"
    assert [(i.kind, i.items or i.text) for i in pillar.items] == [
        ("bullets", ("eins weiter", "zwei")), ("paragraph", "Text."),
        ("subheading", "Unter"), ("quote", "a.md:3"),
    ]  # fmt: skip
    assert [(r.ref, r.line) for r in pillar.recommendations] == [("„Titel A“", 15)]
    assert 2 not in text.pillars
    assert [r.ref for r in text.districts["manfort"].recommendations] == ["4"]
    assert [s.heading for s in text.sections] == ["Säule 1: noch einmal", "Ausblick"]
    lines = [line for line, _ in text.problems]
    assert lines == [20, 7, 16]  # the second title, the intro's reference, the second pillar 1
    assert "Säule 1 steht zweimal" in text.problems[2][1]
    assert "Zweiter Titel" in [i.text for i in text.districts["manfort"].items][1]


def test_both_formats_render_with_every_part(studied: Project, outputs: dict[str, bytes]) -> None:
    concept = build_concept(studied, read_concept_text(STARTER))
    assert [str(w) for w in concept.warnings] == []  # the starter text's references all hold
    page = outputs["html"].decode("utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="de">')
    assert "<script" not in page and not re.search(r"(src|href)=\"(https?:)?//", page)
    headings = re.findall(r'<h([1-6]) id="([^"]+)">(.*?)</h\1>', page)
    levels = [int(level) for level, _, _ in headings]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
    assert len({anchor for _, anchor, _ in headings}) == len(headings)
    titles = [html.unescape(t) for level, _, t in headings if level == "2"]
    assert titles[:4] == ["Prüfhinweise", "Einleitung",
                          "Säule 1: Beteiligung als ständiges Instrument",
                          "Säule 2: Quartiersmanagement je Sozialraum"]  # fmt: skip
    assert titles[-1] == "Herkunft und Prüfung" and "Ausblick" in titles
    for district in DISTRICTS:
        assert ("3", district) in {(level, html.unescape(t)) for level, _, t in headings}
    tables = re.findall(r'<table class="wb-table">(.*?)</table>', page, flags=re.S)
    assert len(tables) >= 3 * len(DISTRICTS)
    assert all(t.startswith("<caption>") and '<th scope="col">' in t for t in tables)
    assert "<th>" not in page
    shown = page_text(page)
    for words in ("Empfehlung 1: Beteiligung als ständiges Instrument",
                  "Empfehlung 2: Quartiersmanagement als vermittelnde Instanz",
                  "Verantwortliche Akteure in Steinbüchel", "Lebenslagenindex",
                  "Nachweiskette vollständig"):  # fmt: skip
        assert words in shown, words
    assert not FORBIDDEN.search(shown)
    later = datetime(2027, 8, 9, 10, 11, tzinfo=UTC)
    again = render_concept(concept, "html", later, max_quotes=None).decode("utf-8")
    assert again != page and _without_generated(again) == _without_generated(page)

    document = docx.Document(io.BytesIO(outputs["docx"]))
    heads = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert heads[0] == "Sozialraumkonzept Leverkusen"
    assert "Säule 2: Quartiersmanagement je Sozialraum" in heads
    assert all(d in heads for d in DISTRICTS)
    written = docx_text(outputs["docx"])
    assert "Verantwortliche Akteure in Steinbüchel" in written  # a table caption
    assert not FORBIDDEN.search(written)


def test_every_quote_is_a_pseudonymised_statement_with_its_reference(
    studied: Project, outputs: dict[str, bytes]
) -> None:
    in_html = html_quotes(outputs["html"].decode("utf-8"))
    in_docx = docx_quotes(outputs["docx"])
    assert len(in_html) >= 100  # prose quotes, evidence, every resource (max_quotes=None)
    assert in_docx == in_html
    assert_traceable(in_html, studied)
    texts = {t for t, _ in in_html}
    planted = studied.segments().query("document == 'manfort_nachtrag.csv'")["text"].iloc[0]
    assert planted in texts and PLANTED not in planted  # the resource, pseudonymised


def test_no_planted_name_appears(studied: Project, outputs: dict[str, bytes]) -> None:
    originals = {o for o in studied.pseudonym_key()["original"] if len(o.strip()) >= 3}
    assert PLANTED in originals and len(originals) >= 20
    for shown in (page_text(outputs["html"].decode("utf-8")), docx_text(outputs["docx"])):
        leaks = [o for o in originals if re.search(rf"(?<!\w){re.escape(o)}(?!\w)", shown)]
        assert leaks == []
        assert "Wischnewski" not in shown


def test_broken_references_are_listed_in_the_document_and_the_output(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    from workbench.store import Coding, NeedAssignment, PseudonymSpan, Segment, TopicAssignment

    project = _studied(tmp_path_factory, tmp_path)
    recs = rec.recommendations(project)
    steinbuechel = int(recs.loc[recs["scope"] == "Steinbüchel", "recommendation_id"].iloc[0])
    evidence = rec.evidence(project)
    evidence = evidence[evidence["recommendation_id"] == steinbuechel]
    gone = evidence.iloc[0]
    with project.transaction() as session:  # the statement is deleted, the link stays
        for model in (Coding, PseudonymSpan, TopicAssignment, NeedAssignment):
            session.execute(delete(model).where(model.segment_id == int(gone.segment_id)))
        session.execute(delete(Segment).where(Segment.id == int(gone.segment_id)))
    project.close()
    prose = tmp_path / "konzept.md"
    prose.write_text(
        STARTER.read_text(encoding="utf-8")
        + "\n## Sozialraum: Atlantis\nGibt es nicht.\n"
        + "\n## Sozialraum: Opladen\n",  # a second Opladen section
        encoding="utf-8",
    )
    text = prose.read_text(encoding="utf-8").replace(
        "Empfehlung: Quartiersmanagement als vermittelnde Instanz",
        "Empfehlung: Quartiersmanagement als vermittelnde Instanz\nEmpfehlung: 99\n"
        "Empfehlung: Eine Empfehlung, die es nicht gibt\nAussage: manfort_karten.csv:MF-X99",
    )
    prose.write_text(text, encoding="utf-8")
    out = tmp_path / "konzept.html"
    base = ["--project", str(tmp_path / "projekt"), "konzept", "--out", str(out),
            "--text", str(prose)]  # fmt: skip
    assert main(base) == 0
    printed = capsys.readouterr().out
    assert main([*base, "--strict"]) == 1
    expected = [
        "Empfehlung 99 gibt es nicht",
        "eine Empfehlung mit dem Titel „Eine Empfehlung, die es nicht gibt“ gibt es nicht",
        "Aussage „manfort_karten.csv:MF-X99“ gibt es nicht",
        "Sozialraum „Atlantis“ gibt es nicht",
        "Sozialraum Opladen steht zweimal",
        f"{gone.document} {gone.source_id} (id {gone.segment_id}): Aussage gelöscht",
    ]
    shown = page_text(out.read_text(encoding="utf-8"))
    for message in expected:
        assert message in printed, message
        assert message in shown, message
    assert "Zeile" in printed and "konzept.md" in printed
    # At their place, too: the missing evidence and the unknown statement are not dropped.
    missing = f"Beleg fehlt: {gone.document}, Aussage {gone.source_id} (Nr. {gone.segment_id})"
    assert missing in shown
    assert "Zitierte Aussage fehlt: manfort_karten.csv:MF-X99" in shown
    saeule_2 = shown.split("Säule 2: Quartiersmanagement je Sozialraum")[-1]
    assert "Im Konzepttext genannt, aber nicht gefunden:" in saeule_2.split("Gesamtstadt:")[0]
    assert "Gibt es nicht." in shown  # the unknown district's prose is kept


def test_a_recommendation_named_by_a_title_that_names_a_person_is_found(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    """A title naming someone is stored with a placeholder ("Gärten öffnen mit [Person 3]");
    the concept text naming it as typed said "eine Empfehlung mit dem Titel … gibt es
    nicht" (by number it was found). Now the typed title is pseudonymised like the stored
    one to find it, the key left as it is."""
    from workbench.store import Pseudonym

    project = _studied(tmp_path_factory, tmp_path)
    title = f"Gärten öffnen mit {PLANTED}"
    number = rec.add_recommendation(project, "Die Gärten der Siedlung öffnen.", title=title)
    stored = rec.recommendations(project).set_index("recommendation_id").loc[number, "title"]
    assert PLANTED not in stored
    with project.session() as s:
        key = s.query(Pseudonym).count()
    unknown = "Gärten öffnen mit Frau Quirina Zabelberg"
    prose = STARTER.read_text(encoding="utf-8").replace(
        "Empfehlung: Beteiligung als ständiges Instrument",
        f"Empfehlung: Beteiligung als ständiges Instrument\nEmpfehlung: {title}\n"
        f"Empfehlung: {unknown}",
    )
    concept = build_concept(project, parse_concept_text(prose, "konzept.md"))
    (participation,) = [p for p in concept.pillars if p.number == 1]
    assert number in participation.recommendations
    assert [w.message for w in concept.warnings if "Titel" in w.message] == [
        f"eine Empfehlung mit dem Titel „{unknown}“ gibt es nicht."
    ]
    with project.session() as s:
        assert s.query(Pseudonym).count() == key  # the check stored no one
    project.close()


def test_the_concept_is_a_chapter_of_the_city_wide_report(studied: Project) -> None:
    report = build_report(collect(studied))
    chapter = concept_chapter(studied, STARTER)
    combined = with_chapter(report, chapter)
    page = render_html(combined, WHEN, include_plotlyjs=False).decode("utf-8")
    headings = re.findall(r'<h([1-6]) id="([^"]+)">(.*?)</h\1>', page)
    anchors = [a for _, a, _ in headings]
    assert len(anchors) == len(set(anchors))
    position = anchors.index("sec-konzept-titel")
    assert headings[position][0] == "2"
    assert headings[position + 1][2] == "Prüfhinweise" and headings[position + 1][0] == "3"
    assert html.unescape(headings[-1][2]) == "Methodik und Herkunft"
    assert page.count(">Erstellt am") == 1
    levels = [int(level) for level, _, _ in headings]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))


def test_the_report_command_adds_the_chapter_on_request(studied: Project, tmp_path: Path) -> None:
    project = ["--project", str(studied.path)]
    for with_concept in (False, True):
        out = tmp_path / f"bericht-{with_concept}.docx"
        extra = ["--konzept", str(STARTER)] if with_concept else []
        assert main([*project, "report", "--format", "docx", *extra, str(out)]) == 0
        headings = [
            p.text for p in docx.Document(str(out)).paragraphs if p.style.name.startswith("Heading")
        ]
        assert any(h.startswith("Sozialraumkonzept") for h in headings) is with_concept
        assert headings[-1] == "Methodik und Herkunft"


def test_a_sparse_project_gets_one_german_sentence(tmp_path: Path, capsys) -> None:
    for name in ("ohne", "mit"):
        (tmp_path / name).mkdir()
    bare = card_wall(tmp_path / "ohne", needs=False)
    bare.close()
    out = tmp_path / "k.docx"
    assert main(["--project", str(bare.path), "konzept", "--out", str(out)]) == 2
    error = capsys.readouterr().err.strip()
    assert error == f"Fehler: {NO_NEED_RUN}" and "workbench needs" in error
    assert not out.exists()

    cards = card_wall(tmp_path / "mit")
    assert main(["--project", str(cards.path), "konzept", "--out", str(out)]) == 2
    error = capsys.readouterr().err.strip()
    assert error == f"Fehler: {NO_RECOMMENDATIONS}" and "workbench recommend add" in error
    chapter = concept_chapter(cards)  # the report still renders: the chapter says what is missing
    assert [getattr(b, "text", "") for b in chapter] == ["Sozialraumkonzept", NO_RECOMMENDATIONS]

    rec.add_recommendation(cards, "Mehr Bänke aufstellen")  # no title, actors or evidence
    for fmt in ("html", "docx"):
        written = write_concept(cards, tmp_path / f"k.{fmt}", generated_at=WHEN)
        data = written.path.read_bytes()
        shown = page_text(data.decode("utf-8")) if fmt == "html" else docx_text(data)
        assert not FORBIDDEN.search(shown), FORBIDDEN.search(shown)
        for words in (
            "keine Akteure benannt",
            "Keine Belege verknüpft",
            "Das Projekt hat keine Sozialräume",
            "Konzepttext: nicht angegeben",
            "nennt keine verantwortlichen Akteure",
            "mit keinem Bedarfscluster",
        ):
            assert words in shown, (fmt, words)
    cards.close()


def test_a_study_without_a_kickoff_and_a_district_typed_without_umlauts(tmp_path: Path) -> None:
    """No city-wide statements: not "keine Ressourcen kodiert" as if coding were missing."""
    project = Project.create(tmp_path / "quartiere", districts=["Rheindorf-Nord", "Bürrig"])
    cards = tmp_path / "karten.csv"
    cards.write_text(
        "Text,Sozialraum\nMehr Bänke im Park,Bürrig\nDer Jugendtreff fehlt,Rheindorf-Nord\n"
        "Der Bus fährt zu selten,Bürrig\nDer Jugendtreff ist abends zu,Rheindorf-Nord\n",
        encoding="utf-8",
    )
    project.import_files([cards], TableMapping(text_column="Text", district_column="Sozialraum"))
    run_needs(project, NeedParams(segments="all"), progress=False)
    rec.add_recommendation(project, "Einen Jugendtreff öffnen", scope="Rheindorf-Nord")
    text = tmp_path / "konzept.md"  # a district typed without its umlaut is that district
    text.write_text(
        "# Konzept\n\nEinleitung.\n\n## Säule 1: Beteiligung\n\nText.\n\n"
        "## Säule 2: Quartiersmanagement\n\nEmpfehlung: 1\n\n"
        "## Sozialraum: Buerrig\n\nDer Text zu Bürrig.\n\n"
        "## Sozialraum: bürrig\n\nNoch einmal.\n",
        encoding="utf-8",
    )
    written = write_concept(project, tmp_path / "k.html", text, generated_at=WHEN)
    shown = page_text(written.path.read_text(encoding="utf-8"))
    project.close()
    assert "Aus der Gesamtstadt liegen keine Aussagen vor." in shown
    assert "In der Gesamtstadt sind keine Ressourcen kodiert" not in shown
    messages = [w.message for w in written.concept.warnings]
    assert not [m for m in messages if "gibt es nicht" in m], messages
    assert "Sozialraum Bürrig steht zweimal im Text." in messages
    section = shown[shown.index("Der Text zu Bürrig.") - 200 : shown.index("Der Text zu Bürrig.")]
    assert "Bürrig" in section and "hat keinen Abschnitt" not in section


def test_the_command_counts_one_district_and_one_recommendation_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """A study of one Sozialraum with one recommendation: "1 Sozialräume, 1 Empfehlungen"."""
    project = Project.create(tmp_path / "eins", districts=["Bürrig"])
    cards = tmp_path / "karten.csv"
    cards.write_text(
        "Text\nMehr Bänke im Park\nDer Bus fährt zu selten\nDie Kita fehlt\n", encoding="utf-8"
    )
    project.import_files([cards], TableMapping(text_column="Text"), district="Bürrig")
    run_needs(project, NeedParams(segments="all", backend="tfidf"), progress=False)
    rec.add_recommendation(project, "Mehr Bänke aufstellen", scope="Bürrig")
    project.close()
    out = tmp_path / "k.html"
    assert main(["--project", str(project.path), "konzept", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert f"{out}: 1 Sozialraum, 1 Empfehlung, Bedarfslauf 1." in said


def test_a_concept_without_quotes_ends_its_sentences(studied: Project) -> None:
    """--max-quotes 0: „… als Ressource kodiert.“, not „…; 0 davon als Beispiel:“."""
    concept = build_concept(studied, read_concept_text(STARTER))
    text = page_text(render_concept(concept, "html", WHEN, max_quotes=0).decode("utf-8"))
    assert "0 davon als Beispiel" not in text
    assert re.search(r"\d+ Aussagen als Ressource kodiert\.", text)


def test_bad_output_names_are_refused(studied: Project, tmp_path: Path, capsys) -> None:
    folder = str(studied.path)
    assert main(["--project", folder, "konzept", "--out", str(tmp_path / "k.pdf")]) == 2
    assert ".html oder .docx" in capsys.readouterr().err
    missing = tmp_path / "fehlt.md"
    args = ["--project", folder, "konzept", "--out", str(tmp_path / "k.html"), "--text"]
    assert main([*args, str(missing)]) == 2
    assert "fehlt.md" in capsys.readouterr().err
