"""What a recommendation's evidence is, and that report, `recommend check` and konzept say
the same about it: a recommendation without statements of its own, one that cites another
district's statements."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.synthesis_data import legacy_districts
from workbench import Project
from workbench.analysis.needs import NeedParams, run_needs
from workbench.cli.main import main
from workbench.synthesis import recommendations as rec
from workbench.synthesis.concept import build_concept
from workbench.synthesis.reports import render

PROTOCOLS = {
    "buerrig.md": ("Bürrig", [
        "Wir brauchen mehr Plätze in der Tagespflege für Ältere.",
        "Die Seniorinnen und Senioren brauchen Begleitung zu Arztterminen.",
        "Es braucht einen Jugendtreff mit offenen Zeiten am Abend.",
        "Die Jugendlichen haben am Abend keinen Ort und sind auf der Straße.",
    ]),
    "luetzenkirchen.md": ("Lützenkirchen", [
        "Ältere Menschen brauchen mehr Plätze in der Tagespflege.",
        "Der Stadtteil braucht eine bessere Busverbindung in die Innenstadt.",
    ]),
    "quettingen.md": ("Quettingen", [
        "Die Busse fahren abends nur stündlich in die Innenstadt.",
        "Für Jugendliche fehlt ein offener Treff am Abend.",
    ]),
}  # fmt: skip


@pytest.fixture
def quarters(tmp_path: Path) -> Project:
    """Three districts with a few protocol statements each, clustered as needs."""
    project = Project.create(tmp_path / "p", districts=["Bürrig", "Lützenkirchen", "Quettingen"])
    files = []
    for name, (district, lines) in PROTOCOLS.items():
        path = tmp_path / name
        items = "\n".join(f"- {line}" for line in lines)
        path.write_text(
            f"---\nworkshop: Workshop {district}\ndistrict: {district}\ndate: 2021-03-03\n---\n\n"
            f"## Bedarfe\n\n{items}\n",
            encoding="utf-8",
        )
        files.append(path)
    project.import_files(files)
    run_needs(project, NeedParams(segments="all"), progress=False)
    yield project
    project.close()


def _cluster_of(project: Project, document: str, source_id: str) -> int:
    from workbench.analysis import needs

    table = needs.assignments(project)
    hit = table[(table["document"] == document) & (table["source_id"] == source_id)]
    return int(hit["cluster"].iloc[0])


def _report_text(project: Project, district: str | None = None) -> str:
    page = render(project, "html", district=district).decode("utf-8")
    page = re.sub(r"<script.*?</script>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_a_recommendation_whose_only_evidence_was_forgotten_is_not_complete(
    quarters: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--project", str(quarters.path)]
    new = rec.add_recommendation(quarters, "Tagespflege ausbauen", scope="Bürrig",
                                 actors=["Verwaltung"])  # fmt: skip
    rec.link_need(quarters, new, _cluster_of(quarters, "buerrig.md", "1"))
    rec.link_evidence(quarters, new, [("buerrig.md", "1")])
    assert main([*base, "recommend", "check"]) == 0
    assert "Nachweiskette vollständig." in _report_text(quarters)
    capsys.readouterr()
    assert main([*base, "forget", "--source", "1", "--document", "buerrig.md"]) == 0
    capsys.readouterr()

    # recommend check: the chain is not complete without a statement of its own
    assert main([*base, "recommend", "check"]) == 1
    out = capsys.readouterr().out
    assert f"Empfehlung {new}: hat keine Belege" in out
    # the report says what the quotes it shows are, and that the chain is not complete
    text = _report_text(quarters)
    section = text.split(f"Empfehlung {new}: Tagespflege ausbauen", 1)[1]
    assert "Keine eigenen Belege; typische Aussagen der verknüpften Bedarfe:" in section
    assert "Nachweiskette vollständig" not in section
    assert "Nachweiskette unterbrochen: hat keine Belege" in section
    # konzept says it once, as the chain's problem, and does not call the chain complete
    concept = build_concept(quarters)
    mine = [w.message for w in concept.warnings if w.where.startswith(f"Empfehlung {new}")]
    assert len([m for m in mine if "keine Belege" in m]) == 1
    assert not rec.chain(quarters)["recommendations"][0]["complete"]


def test_a_district_recommendation_citing_another_district_gets_a_hint(
    quarters: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--project", str(quarters.path)]
    bus = _cluster_of(quarters, "luetzenkirchen.md", "2")
    new = rec.add_recommendation(quarters, "Busse abends öfter", scope="Quettingen",
                                 actors=["Verkehrsbetrieb"])  # fmt: skip
    rec.link_need(quarters, new, bus)
    rec.link_evidence(quarters, new, [("quettingen.md", "1"), ("luetzenkirchen.md", "2")])
    city = rec.add_recommendation(quarters, "Busnetz der Stadt", actors=["Verkehrsbetrieb"])
    rec.link_need(quarters, city, bus)  # city-wide: statements of any district are its own
    rec.link_evidence(quarters, city, [("luetzenkirchen.md", "2"), ("quettingen.md", "1")])
    hint = "Beleg luetzenkirchen.md:2 stammt aus Lützenkirchen, die Empfehlung gilt für Quettingen"

    # a hint, not a broken chain: check still exits 0 and says so
    assert main([*base, "recommend", "check"]) == 0
    out = capsys.readouterr().out
    assert "Alle Nachweisketten sind vollständig." in out
    assert f"Prüfhinweis: Empfehlung {new}: {hint}." in out
    assert out.count("Prüfhinweis") == 1  # not for the city-wide one, nor Quettingen's own
    concept = build_concept(quarters)
    assert [
        (w.where.split(":")[0], w.message) for w in concept.warnings if "stammt" in w.message
    ] == [(f"Empfehlung {new}", f"{hint}.")]
    section = _report_text(quarters).split(f"Empfehlung {new}: Busse abends öfter", 1)[1]
    assert f"Prüfhinweis: {hint}." in section.split(f"Empfehlung {city}:")[0]


def _dissolve(project: Project, linked: set[int]) -> None:
    """A need run with one cluster of the statements outside ``linked`` (that cluster is gone)."""
    from workbench.analysis import needs

    members = sorted(int(s) for s in project.segments()["segment_id"] if int(s) not in linked)
    with project.transaction() as session:
        run = needs.NeedRun(params={}, corpus_hash="test", versions={}, clusters=[
            {"cluster": 0, "label": "Alles", "keywords": [], "size": len(members),
             "districts": [], "n_districts": 0, "scope": needs.DISTRICT_SPECIFIC, "quotes": [],
             "quote_segment_ids": members[:1]},
        ])  # fmt: skip
        session.add(run)
        session.flush()
        session.add_all(
            needs.NeedAssignment(run_id=run.id, segment_id=m, cluster=0) for m in members
        )


def test_the_public_site_names_no_run_cluster_or_command(quarters: Project) -> None:
    from workbench.synthesis.site import build_site

    new = rec.add_recommendation(quarters, "Tagespflege ausbauen", scope="Bürrig")
    first = int(quarters.segments()["segment_id"].min())
    rec.link_need(quarters, new, _cluster_of(quarters, "buerrig.md", "1"))
    rec.link_evidence(quarters, new, [first])  # the statement outside the new run's cluster
    link = rec.need_links(quarters).iloc[0]
    label = link["linked_label"]
    _dissolve(quarters, {int(m) for m in link["members"]})
    rec.unlink(quarters, new, segment_id=first)  # and no evidence
    team = _report_text(quarters)
    assert "(Lauf 1, Cluster" in team and f"recommend link {new}" in team  # the team's handles
    files, _ = build_site(quarters)
    pages = [c.decode("utf-8") for n, c in files.items() if n.endswith(".html")]
    pages = [p for p in pages if f"Empfehlung {new}: Tagespflege" in p]
    assert len(pages) == 2  # the report and Bürrig's profile
    for page in pages:  # the recommendation's part: up to the next heading
        part = re.split(r"<h[1-3][ >]", page.split(f"Empfehlung {new}: Tagespflege", 1)[1])[0]
        section = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", part)).split())
        assert "Nachweiskette unterbrochen:" in section
        assert f"Bedarf „{label}“: in der aktuellen Bedarfsanalyse nicht mehr vorhanden" in section
        assert "hat keine Belege" in section
        assert not re.search(r"Lauf \d|Cluster \d", section)
        # the needs it answers: no "Lauf", the team's word for a run
        assert f"Bedarf „{label}“ (in der aktuellen Bedarfsanalyse nicht mehr" in section
        assert not re.search(r"\bLauf\b", section), section
        assert "workbench" not in section


def test_districts_on_the_command_line_may_be_typed_without_umlauts(
    quarters: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--project", str(quarters.path)]
    assert main([*base, "recommend", "add", "Busse öfter", "--scope", "luetzenkirchen"]) == 0
    assert main([*base, "recommend", "edit", "1", "--scope", "BÜRRIG"]) == 0
    assert rec.recommendations(quarters)["scope"].tolist() == ["Bürrig"]
    out = tmp_path / "profil.html"
    assert main([*base, "report", "--format", "html", "--district", "buerrig", str(out)]) == 0
    assert "Sozialraumprofil Bürrig (html)" in capsys.readouterr().out
    assert "<h1" in out.read_text(encoding="utf-8") and "Bürrig" in out.read_text(encoding="utf-8")
    values = tmp_path / "indikatoren.csv"
    values.write_text(
        "district;indicator;year;value;unit;source\nGesamtstadt;Quote;2021;5,5;%;Amt\n"
        "luetzenkirchen;Quote;2021;4,1;%;Amt\nBUERRIG;Quote;2021;6,1;%;Amt\n",
        encoding="utf-8",
    )
    assert main([*base, "indicators", "--import", str(values), "--district", "buerrig"]) == 0
    shown = capsys.readouterr().out
    assert "Bürrig,Quote,2021,6.1" in shown and "Lützenkirchen" not in shown
    # typos stay errors; a name that fits two districts names both
    assert main([*base, "report", "--format", "html", "--district", "Bürig", str(out)]) == 2
    assert "Unbekannter Sozialraum 'Bürig'" in capsys.readouterr().err
    legacy_districts(quarters, ["Straße", "Strasse"])
    assert main([*base, "recommend", "add", "Ampel", "--scope", "STRASSE"]) == 2
    assert "mehrdeutig: Strasse, Straße" in capsys.readouterr().err
    assert main([*base, "recommend", "add", "Ampel", "--scope", "Straße"]) == 0  # exact wins


def test_import_and_tokens_accept_a_district_typed_without_umlauts(
    quarters: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`import --district luetzenkirchen` and `tokens --district buerrig` name the stored
    districts as report, recommend and indicators do; a typo keeps the import's suggestion,
    an ambiguous name lists the candidates, and nothing is written for either."""
    from workbench.participation import feedback

    base = ["--project", str(quarters.path)]
    cards = tmp_path / "karten.csv"
    cards.write_text("Text\nDer Spielplatz am Bach fehlt\n", encoding="utf-8")
    before = len(quarters.segments())
    assert main([*base, "import", "--district", "Lützenkirchn", str(cards)]) == 2
    assert "gemeint: Lützenkirchen?" in capsys.readouterr().err
    legacy_districts(quarters, ["Straße", "Strasse"])
    assert main([*base, "import", "--district", "STRASSE", str(cards)]) == 2
    assert "mehrdeutig: Strasse, Straße" in capsys.readouterr().err
    assert len(quarters.segments()) == before
    assert main([*base, "import", "--district", "luetzenkirchen", str(cards)]) == 0
    segments = quarters.segments()
    assert segments.loc[segments["text"].str.contains("Bach"), "district"].tolist() == [
        "Lützenkirchen"
    ]
    assert "luetzenkirchen" not in list(quarters.districts()["district"])
    codes = tmp_path / "codes.csv"
    assert main([*base, "tokens", "--n", "1", "--district", "BUERRIG", "--out", str(codes)]) == 0
    assert "(Bürrig)" in capsys.readouterr().out
    token = codes.read_text(encoding="utf-8-sig").splitlines()[1].split(";")[0]
    assert feedback.open_ballot(quarters, token).district == "Bürrig"
    assert main([*base, "tokens", "--n", "1", "--district", "Bürig", "--out", str(codes)]) == 2
    assert "Unbekannter Sozialraum 'Bürig'" in capsys.readouterr().err


def test_evidence_named_by_a_file_name_two_documents_share_is_not_guessed(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two breakout rooms' protokoll.md both have a statement 1: 'protokoll.md:1' names
    neither for sure; the link is refused with both numbers instead of taking the first."""
    for room, wish in (("raum1", "Bänke am Markt fehlen"), ("raum2", "Ein Bus am Abend fehlt")):
        (tmp_path / room).mkdir()
        (tmp_path / room / "protokoll.md").write_text(
            f"---\nworkshop: Auftakt\ndistrict: Manfort\n---\n\n# Auftakt\n\n## Was fehlt?\n\n"
            f"- {wish}\n",
            encoding="utf-8",
        )
    p = ["--project", str(project.path)]
    for room in ("raum1", "raum2"):
        assert main([*p, "import", str(tmp_path / room / "protokoll.md")]) == 0
    segments = project.segments()
    assert list(segments["source_id"]) == ["1", "1"]
    assert main([*p, "recommend", "add", "Bänke und Bus"]) == 0
    capsys.readouterr()
    assert main([*p, "recommend", "link", "1", "--segment", "protokoll.md:1"]) == 2
    err = capsys.readouterr().err
    numbers = ", ".join(str(i) for i in sorted(segments["segment_id"]))
    assert f"in mehreren Dokumenten namens protokoll.md (Nummern {numbers})" in err
    assert (
        main([*p, "recommend", "link", "1", "--segment", str(segments["segment_id"].iloc[1])]) == 0
    )
