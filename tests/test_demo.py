"""The demo study: what `workbench demo` builds, and that it is pseudonymised."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.core.textio import decode, read_source
from workbench.demo import DEMO_DISTRICTS, build_demo
from workbench.ingest import parse_file

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_demo_project_has_the_promised_shape(demo_project: Project) -> None:
    status = demo_project.status()
    assert status["workshops"] == 6
    assert set(demo_project.districts()["district"]) == {*DEMO_DISTRICTS, "Gesamtstadt"}
    assert status["segments"] >= 450
    assert status["codes"] >= 17
    segments = demo_project.segments()
    per_district = segments[segments["district"] != "Gesamtstadt"].groupby("workshop").size()
    assert len(per_district) == 5 and per_district.min() >= 60
    assert {"markdown", "docx", "csv"} <= set(demo_project.documents()["importer"])
    codings = demo_project.codings()
    by_a = set(codings.loc[codings["coder"] == "A", "segment_id"])
    by_b = set(codings.loc[codings["coder"] == "B", "segment_id"])
    assert by_a == set(segments["segment_id"])  # every segment coded by coder A
    assert len(by_b) >= 0.3 * len(segments)
    assert {
        "Herausforderungen und Bedarfe",
        "Ressourcen und Möglichkeiten",
        "Entwicklung, Vernetzung und Stärkung",
    } <= set(segments["question"])


def test_demo_is_idempotent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", str(tmp_path / "d")]) == 0
    first = Project.open(tmp_path / "d").status()
    assert main(["demo", str(tmp_path / "d")]) == 0
    assert Project.open(tmp_path / "d").status() == first
    assert "Project.open(" in capsys.readouterr().out


def test_the_demo_recommendations_carry_their_evidence(tmp_path: Path) -> None:
    """`make demo` (demo --welle2): every draft recommendation rests on its statements, the
    follow-up wave's status steps find them, and analysed they reach their need clusters."""
    from workbench.analysis import needs
    from workbench.analysis.needs import NeedParams
    from workbench.demo import demo_recommendations
    from workbench.synthesis import recommendations as rec
    from workbench.synthesis.recommendation_status import status_history

    assert main(["demo", str(tmp_path / "d"), "--welle2"]) == 0
    specs = demo_recommendations()
    with Project.open(tmp_path / "d") as project:
        stored = rec.recommendations(project)
        assert stored["title"].tolist() == [s.title for s in specs]  # once each, in order
        assert stored["evidence"].tolist() == [len(s.evidence) for s in specs]
        cited = rec.evidence(project)
        assert set(zip(cited["document"], cited["source_id"], strict=True)) == {
            ref for s in specs for ref in s.evidence
        }
        steps = status_history(project)
        assert not steps.empty and set(steps["recommendation_id"]) <= set(
            stored["recommendation_id"]
        )
        assert (stored["needs"] == 0).all()  # no need run yet
        needs.run_needs(project, NeedParams(backend="tfidf"), progress=False)
        assert rec.follow_evidence(project).empty  # every chain complete
        assert (rec.recommendations(project)["needs"] > 0).all()


def test_cp1252_card_export_keeps_umlauts(demo_project: Project) -> None:
    raw = read_source(CORPUS / "demo" / "wiesdorf_karten.csv")
    with pytest.raises(UnicodeDecodeError):
        raw.data.decode("utf-8")  # really cp1252
    texts = demo_project.segments().query("document == 'wiesdorf_karten.csv'")["text"]
    joined = " ".join(texts)
    assert re.search("[äöüß]", joined) and "\ufffd" not in joined
    assert decode(raw).count("ß") > 0


def _planted() -> list[str]:
    """Names from the participant lists, and e-mails and phone numbers in the sources."""
    names: set[str] = set()
    raw_text = ""
    for path in sorted((CORPUS / "demo").iterdir()):
        if path.suffix in (".md", ".docx"):
            doc = parse_file(path)
            names.update(doc.names)
            raw_text += " ".join(s.text for s in doc.segments)
        elif path.name.endswith("_karten.csv"):
            raw_text += decode(read_source(path))
    emails = re.findall(r"[\w.+-]+@[\w-]+\.[a-z]+", raw_text)
    phones = re.findall(r"\b0\d{3,4}[ /-]?\d[\d -]{4,}\d", raw_text)
    assert emails and phones and len(names) > 10
    surnames = {n.split()[-1] for n in names}
    return sorted(names | surnames | set(emails) | set(phones))


def test_planted_personal_data_never_reaches_pseudonymised_output(
    demo_project: Project, tmp_path: Path
) -> None:
    planted = _planted()
    out = tmp_path / "export.csv"
    assert (
        main(
            [
                "--project",
                str(demo_project.path),
                "export",
                "--format",
                "csv",
                "--pseudonymised",
                str(out),
            ]
        )
        == 0
    )
    exported = out.read_text(encoding="utf-8")
    stored = " ".join(demo_project.segments()["text"])
    for item in planted:
        assert not re.search(rf"(?<!\w){re.escape(item)}(?!\w)", exported), item
        assert not re.search(rf"(?<!\w){re.escape(item)}(?!\w)", stored), item
    # …while the researcher's key restores them
    key = demo_project.pseudonym_key()
    assert set(key["kind"]) == {"person", "email", "phone", "address"}
    originals = " ".join(demo_project.original_texts().values())
    contacts = [item for item in planted if "@" in item or item[0].isdigit()]
    assert contacts and all(item in originals for item in contacts)


def test_html_in_a_statement_is_stored_as_plain_text(demo_project: Project) -> None:
    segments = demo_project.segments()
    card = segments[segments["source_id"] == "MF-K28"]["text"].item()
    assert "<script>" in card  # kept verbatim; escaping is the job of every view


def test_demo_status_json_keys(demo_project: Project, capsys) -> None:
    assert main(["--project", str(demo_project.path), "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert set(status) == {
        "workshops",
        "districts",
        "documents",
        "segments",
        "codes",
        "codings",
    }


def test_build_demo_into_new_folder_returns_open_project(tmp_path: Path) -> None:
    with build_demo(tmp_path / "neu") as project:
        assert project.status()["documents"] == 10


def test_the_demo_is_not_mixed_into_a_study_of_its_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`workbench demo meine-studie` would add 487 fictional statements, 24 codes and the
    demo districts to the team's real study; it stops, says why and changes nothing."""
    own = tmp_path / "meine-studie"
    assert main(["init", str(own), "--districts", "Bürrig"]) == 0
    notes = tmp_path / "notizen_buerrig.txt"
    notes.write_text("Es fehlt ein Treffpunkt.\n\nDer Bus fährt selten.\n", encoding="utf-8")
    assert main(["--project", str(own), "import", str(notes)]) == 0
    before = Project.open(own).status()
    capsys.readouterr()
    assert main(["demo", str(own)]) == 2
    err = capsys.readouterr().err
    assert "eigenes Projekt (1 Dokument außerhalb der Demo-Studie: notizen_buerrig.txt)" in err
    assert "workbench demo demo-projekt" in err and "Traceback" not in err
    with Project.open(own) as project:
        assert project.status() == before
        assert set(project.districts()["district"]) == {"Bürrig", "Gesamtstadt"}
    # an empty project (just `workbench init`) is the demo's to fill
    assert main(["init", str(tmp_path / "leer")]) == 0
    assert main(["demo", str(tmp_path / "leer")]) == 0
