"""Reports (sweep): out-of-date analyses, workshops of several districts, long quotes."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import docx
import openpyxl
import pytest

from tests.feedback_data import store_need_run
from widgets.profile_view_html import matrix_html
from workbench import Project
from workbench.analysis import needs
from workbench.analysis.needs import NeedParams, corpus_hash
from workbench.cli.main import main
from workbench.core.formatting import local_date
from workbench.ingest.table import TableMapping
from workbench.store import NeedRun, TopicAssignment, TopicRun
from workbench.store.district_changes import DistrictChange
from workbench.synthesis.profiles import build_profiles
from workbench.synthesis.reports import collect, render
from workbench.synthesis.reports.model import (
    QUOTE_LIMIT,
    Quote,
    Table,
    latest_stale_notes,
    stale_notes,
    stale_pairs,
)
from workbench.synthesis.reports.outline import build_report

MAPPING = TableMapping(text_column="Text", id_column="ID", district_column="Sozialraum")
WHEN = datetime(2026, 3, 4, 5, 6, tzinfo=UTC)
CARDS = [
    ("1", "Ein Jugendtreff am Abend fehlt im Viertel", "Manfort"),
    ("2", "Der Jugendtreff hat abends geschlossen", "Opladen"),
    ("3", "Mehr Bänke und Schatten auf dem Marktplatz", "Manfort"),
    ("4", "Bänke am Marktplatz fehlen, es gibt keinen Schatten", "Opladen"),
    ("5", "Der Bus fährt abends zu selten", "Manfort"),
    ("6", "Abends fährt kaum ein Bus nach Opladen", "Opladen"),
]


def import_cards(project: Project, path: Path, rows: list[tuple[str, str, str]]) -> None:
    """Import a card table ``ID;Text;Sozialraum`` as one workshop."""
    lines = ["ID;Text;Sozialraum", *(";".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    project.import_files([path], MAPPING)


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def xlsx_text(data: bytes) -> str:
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = (c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row)
    return "\n".join(str(v) for v in cells if v is not None)


def every_format(project: Project) -> dict[str, str]:
    """The city-wide report's text in HTML, DOCX and XLSX."""
    return {
        "html": render(project, "html", generated_at=WHEN).decode("utf-8"),
        "docx": docx_text(render(project, "docx", generated_at=WHEN)),
        "xlsx": xlsx_text(render(project, "xlsx", generated_at=WHEN)),
    }


def _created(project: Project, run_id: int) -> datetime:
    """When the need run was stored (UTC): its day, not the test's clock, which may have
    passed midnight since (a run at 23:59:59 is "vom" the day before)."""
    with project.session() as session:
        moment = session.get(NeedRun, run_id).created_at
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


# -- defect 2: an analysis older than the statements ---------------------------------------
def test_reports_say_the_need_analysis_is_out_of_date(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_cards(project, tmp_path / "auftakt.csv", CARDS)
    params = NeedParams(segments="all", backend="tfidf", n_clusters=2)
    run_id = needs.run_needs(project, params, progress=False)
    fresh = every_format(project)
    assert not any("veraltet" in text for text in fresh.values())

    import_cards(project, tmp_path / "nachtrag.csv", [("7", "Ein Bolzplatz fehlt", "Manfort")])
    day = f"{_created(project, run_id).astimezone(ZoneInfo('Europe/Berlin')):%d.%m.%Y}"
    expected = (
        f"Die Bedarfsanalyse (Lauf {run_id} vom {day}) ist veraltet und berücksichtigt "
        "1 neue Aussage nicht – „workbench needs --segments all --backend tfidf“ erneut ausführen."
    )
    for fmt, text in every_format(project).items():
        assert expected in text, fmt
    assert latest_stale_notes(project) == (expected,)
    # the command line warns as well
    assert (
        main(
            ["--project", str(project.path), "report", "--format", "html", str(tmp_path / "b.html")]
        )
        == 0
    )
    assert f"Warnung: {expected}" in capsys.readouterr().err
    # also in a district's profile
    profile = docx_text(render(project, "docx", district="Manfort", generated_at=WHEN))
    assert expected in profile
    # running the analysis again makes the note go away
    needs.run_needs(project, params, progress=False)
    assert "veraltet" not in render(project, "html", generated_at=WHEN).decode("utf-8")


def test_a_need_run_over_one_question_is_out_of_date_only_for_its_answers(
    project: Project, tmp_path: Path
) -> None:
    """A run of `needs --question fehlt` compared with all statements was always "out of
    date" and asked to re-run with --segments all; now only new answers under its question
    count, and the note gives the run's own options."""
    asked = TableMapping(text_column="Text", district_column="Sozialraum", question_column="Frage")

    def answers(name: str, rows: list[tuple[str, str]]) -> None:
        path = tmp_path / name
        lines = ["Frage;Text;Sozialraum", *(f"{q};{t};Manfort" for q, t in rows)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        project.import_files([path], asked)

    answers(
        "umfrage.csv", [("Was fehlt?", t) for _, t, _ in CARDS] + [("Was ist gut?", "Der Park")]
    )
    params = NeedParams(question="fehlt", segments="all", backend="tfidf", n_clusters=2)
    run_id = needs.run_needs(project, params, progress=False)
    assert latest_stale_notes(project) == ()
    # the profile app says which answers were clustered, as the report does
    profiles = build_profiles(project)
    assert profiles.need_question == "fehlt"
    assert "nur die Antworten unter Leitfragen mit „fehlt“" in matrix_html(profiles)
    answers("lob.csv", [("Was ist gut?", "Die Bibliothek")])
    assert latest_stale_notes(project) == ()
    answers("nachtrag.csv", [("Was fehlt?", "Ein Bolzplatz")])
    (note,) = latest_stale_notes(project)
    assert note.startswith(f"Die Bedarfsanalyse (Lauf {run_id} vom ")
    assert note.endswith(
        "berücksichtigt 1 neue Aussage nicht – „workbench needs --question fehlt --backend "
        "tfidf“ erneut ausführen."
    )


def test_a_run_of_coded_needs_says_a_changed_coding_not_only_a_deleted_statement(
    project: Project, tmp_path: Path
) -> None:
    """Nothing was deleted, one Bedarf coding was taken back and one added: the report
    said "1 neue Aussage und 1 seither gelöschte oder geänderte Aussage", and the team
    looked for lost data. A run of all statements keeps the short words."""
    import_cards(project, tmp_path / "auftakt.csv", CARDS)
    project.add_code("Bedarf")
    ids = [int(i) for i in project.segments()["segment_id"]]
    for segment in ids[:5]:
        project.code_segment(segment, "Bedarf", "A")
    params = NeedParams(backend="tfidf", n_clusters=2)
    run_id = needs.run_needs(project, params, progress=False)
    project.uncode_segment(ids[0], "Bedarf", "A")
    project.code_segment(ids[5], "Bedarf", "A")
    (note,) = latest_stale_notes(project)
    day = local_date(_created(project, run_id))
    assert note.startswith(
        f"Die Bedarfsanalyse (Lauf {run_id} vom {day}) ist veraltet "
        "und berücksichtigt 1 neue oder neu als Bedarf kodierte Aussage und 1 seither "
        "gelöschte, nicht mehr als Bedarf kodierte oder geänderte Aussage nicht"
    )
    needs.run_needs(project, NeedParams(segments="all", backend="tfidf", n_clusters=2), False)
    import_cards(project, tmp_path / "nachtrag.csv", [("7", "Ein Bolzplatz fehlt", "Manfort")])
    assert "berücksichtigt 1 neue Aussage nicht" in latest_stale_notes(project)[0]


def test_the_day_of_a_run_is_the_readers_day_like_the_generated_line(
    project: Project, tmp_path: Path
) -> None:
    """A run made at 00:04 in Berlin (23:04 UTC) was "vom 05.12.2026" beneath "Erstellt am
    06.12.2026, 00:12 Uhr"; the day of a Sozialraum's merge likewise."""
    import_cards(project, tmp_path / "auftakt.csv", CARDS)
    params = NeedParams(segments="all", backend="tfidf", n_clusters=2)
    run_id = needs.run_needs(project, params, progress=False)
    with project.transaction() as session:
        session.get(NeedRun, run_id).created_at = datetime(2026, 12, 5, 23, 4, tzinfo=UTC)
    import_cards(project, tmp_path / "nachtrag.csv", [("7", "Ein Bolzplatz fehlt", "Manfort")])
    (note,) = latest_stale_notes(project)
    assert note.startswith(f"Die Bedarfsanalyse (Lauf {run_id} vom 06.12.2026) ist veraltet")
    ((_, public),) = stale_pairs(project, run_id, None)
    assert public.startswith("Die Bedarfsanalyse vom 06.12.2026 berücksichtigt")
    merged = DistrictChange("merge", "Steinbuechel", "Steinbüchel", "2026-12-05T23:04:00+00:00")
    assert merged.day == "06.12.2026"


def test_stale_topic_run_and_deleted_statements(project: Project, tmp_path: Path) -> None:
    import_cards(project, tmp_path / "auftakt.csv", CARDS)
    segments = project.segments()
    with project.transaction() as session:
        run = TopicRun(
            params={"by": "district"},
            corpus_hash=corpus_hash(segments),
            versions={},
            topics=[],
        )
        session.add(run)
        session.flush()
        topic_run = run.id
        session.add_all(
            TopicAssignment(run_id=run.id, segment_id=int(s), group="g", topic="t", probability=1)
            for s in segments["segment_id"]
        )
    assert stale_notes(project, None, topic_run) == ()
    (note,) = stale_notes(project, None, topic_run, segments.iloc[:-1])  # one deleted since
    assert note.startswith(f"Die Themenanalyse (Lauf {topic_run} vom ")
    assert note.endswith(
        "ist veraltet und berücksichtigt 1 seither gelöschte oder geänderte Aussage nicht – "
        "„workbench topics --by district“ erneut ausführen."
    )
    changed = segments.assign(text=segments["text"] + " (korrigiert)")
    (note,) = stale_notes(project, None, topic_run, changed)
    assert "berücksichtigt seither geänderte Aussagen nicht" in note


# -- defect 3: one workshop, several districts ------------------------------------------------
def test_overview_names_every_district_of_a_workshop(project: Project, tmp_path: Path) -> None:
    import_cards(project, tmp_path / "stadtteilkonferenz.csv", CARDS[:4])
    import_cards(project, tmp_path / "manfort.csv", [("9", "Es fehlt ein Café", "Manfort")])
    report = build_report(collect(project))
    overview = next(b for b in report.blocks if isinstance(b, Table) and "Format" in b.columns)
    assert overview.columns[0] == "Quelle"  # card walls and surveys: no workshop held
    districts = {row[0]: row[1] for row in overview.rows}
    assert districts == {
        "stadtteilkonferenz.csv": "mehrere Sozialräume: Manfort, Opladen",
        "manfort.csv": "Manfort",
    }


def test_a_survey_with_empty_district_fields_is_no_citywide_workshop(
    project: Project, tmp_path: Path
) -> None:
    """Some left the survey's district field empty: their answers are stored under the
    city, but the overview (report and public site) says "ohne Sozialraum", as the rest
    of the report does, not that the survey was held for the city as a whole."""
    import_cards(project, tmp_path / "umfrage.csv", [*CARDS[:3], ("7", "Mehr Licht", "")])
    report = build_report(collect(project))
    overview = next(b for b in report.blocks if isinstance(b, Table) and "Format" in b.columns)
    assert overview.columns[0] == "Quelle"  # card walls and surveys: no workshop held
    assert dict(row[:2] for row in overview.rows) == {
        "umfrage.csv": "mehrere Sozialräume: Manfort, Opladen, ohne Sozialraum"
    }


# -- defect 4: very long statements -------------------------------------------------------------
def test_long_quotes_are_shortened_with_their_id(project: Project, tmp_path: Path) -> None:
    sentence = "Die Busverbindung nach Opladen ist abends zu schlecht und zu teuer. "
    long_text = (sentence * 60).strip()  # about 4,000 characters, a pasted protocol
    import_cards(project, tmp_path / "lang.csv", [("L1", long_text, "Opladen"), *CARDS[:3]])
    segments = project.segments()
    long_id = int(segments.loc[segments["source_id"] == "L1", "segment_id"].item())
    store_need_run(project, [("Busverbindung", sorted(segments["segment_id"].astype(int)))])
    shortened = f"[gekürzt; vollständiger Text: Aussage-ID {long_id} im Export]"
    for fmt, text in every_format(project).items():
        assert long_text not in text, fmt
        assert shortened in text, fmt
        assert sentence.strip()[:40] in text, fmt
    quotes = [b for b in build_report(collect(project)).blocks if isinstance(b, Quote)]
    long_quote = next(q for q in quotes if q.segment_id == long_id)
    assert long_quote.text == long_text  # the block keeps the text, renderers shorten
    shown = long_quote.shown
    assert len(shown) < QUOTE_LIMIT + 80
    assert shown.split(" … ")[0].endswith("teuer.")  # a word boundary
    # the short ones stay whole, and the export keeps the full text
    assert any(q.shown == CARDS[0][1] for q in quotes)
    out = tmp_path / "export.csv"
    from workbench.cli.main import main

    assert main(["--project", str(project.path), "export", "--format", "csv", str(out)]) == 0
    assert long_text in out.read_text(encoding="utf-8")
