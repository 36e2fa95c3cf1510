"""A name learned by a later import also leaves what else of the project reports, the
Sozialraum site, the apps and exports show: workshop names, attributes, code
descriptions, recommendations, the team's cluster names and the participants' comments
(stored before the key knew the name)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.test_learned_across import _protocol
from workbench import Project
from workbench.analysis.need_edits import rename_cluster
from workbench.analysis.needs import NeedParams, run_needs
from workbench.cli.main import main
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.participation import feedback
from workbench.store import Code, Segment, Workshop
from workbench.store.analysis_tables import NeedEdit, NeedRun
from workbench.store.participation_tables import FeedbackAnswer, FeedbackItem
from workbench.store.synthesis_tables import Recommendation, RecommendationStatus

SAID = "Becker hat recht"  # alone no name: the key finds it once "Herr Jens Becker" is in it


def _cli(project: Project, *args: str) -> None:
    assert main(["--project", str(project.path), *args]) == 0


def _stored(project: Project) -> list[str]:
    """Every text of the places this file is about, as stored."""
    with project.session() as session:
        texts = [w.name for w in session.query(Workshop)]
        texts += [json.dumps(s.attributes, ensure_ascii=False) for s in session.query(Segment)]
        for code in session.query(Code):
            texts += [code.description or "", code.example or ""]
        for r in session.query(Recommendation):
            texts += [r.title, r.text, *r.actors]
        texts += [f"{s.actor} {s.note}" for s in session.query(RecommendationStatus)]
        texts += [json.dumps(e.payload, ensure_ascii=False) for e in session.query(NeedEdit)]
        texts += [json.dumps(r.clusters, ensure_ascii=False) for r in session.query(NeedRun)]
        texts += [f"{i.label} {i.text}" for i in session.query(FeedbackItem)]
        texts += [a.comment for a in session.query(FeedbackAnswer)]
    return texts


@pytest.mark.backends
def test_researchers_texts_and_the_workshop_name_lose_a_name_learned_later(
    project: Project, tmp_path: Path
) -> None:
    items = [f"Der Spielplatz {i} ist kaputt." for i in range(6)]
    items += [f"Der Bus Linie {i} fährt zu selten." for i in range(6)]
    a = _protocol(tmp_path / "a.md", SAID, *items)  # the workshop's name
    _cli(project, "import", str(a))
    codebook = tmp_path / "cb.yaml"
    codebook.write_text(
        f"codes:\n  - name: Bedarf\n    description: {SAID}, Bedarfe.\n    example: {SAID}.\n",
        encoding="utf-8",
    )
    _cli(project, "codebook", "import", str(codebook))
    run_needs(project, NeedParams(segments="all", backend="tfidf"), progress=False)
    rename_cluster(project, 0, f"{SAID}: Spielplätze")
    _cli(project, "recommend", "add", "--title", f"{SAID} (Titel)", "--actor", SAID, f"{SAID}.")
    (token,) = feedback.issue_tokens(project, 1, district="Manfort")
    with project.session() as session:
        card = session.query(FeedbackItem).filter_by(kind="recommendation").one().id
    feedback.save_answer(project, token, card, "trifft zu", 1, f"{SAID}, finde ich.")
    _cli(project, "recommend", "status", "--date", "2021-05-01", "--by", SAID, "--note",
         f"{SAID}, sagt die Notiz.", "1", "abgestimmt")  # fmt: skip
    assert any("Becker" in text for text in _stored(project))  # stored as typed
    b = _protocol(tmp_path / "b.md", "Forum B", "Herr Jens Becker kommt.")
    _cli(project, "import", str(b))
    stored = _stored(project)
    assert not [text for text in stored if "Becker" in text]
    assert "[Person 1] hat recht" in stored  # the workshop: only the name replaced
    assert "[Person 1] hat recht (Titel)" in stored
    assert "[Person 1] hat recht, sagt die Notiz." in " ".join(stored)
    assert "[Person 1] hat recht, finde ich." in stored  # a participant's comment
    with project.session() as session:
        (run,) = [
            r for r in session.query(NeedRun) if r.id == max(x.id for x in session.query(NeedRun))
        ]
        assert "[Person 1] hat recht: Spielplätze" in [c["label"] for c in run.clusters]
    out = tmp_path / "out.csv"
    _cli(project, "export", "--format", "csv", str(out))
    assert "Becker" not in out.read_text(encoding="utf-8")


@pytest.mark.backends
def test_a_surveys_attribute_loses_a_name_learned_later(project: Project, tmp_path: Path) -> None:
    survey = tmp_path / "umfrage.csv"
    with survey.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["Text", "Sozialraum", "Hinweis"])
        writer.writerow(["Der Spielplatz ist kaputt.", "Manfort", f"{SAID}."])
        writer.writerow(["Der Bus fährt selten.", "Manfort", "kein Hinweis"])
    _cli(project, "import", str(survey), "--workshop", "Umfrage")
    assert any(f"{SAID}." in text for text in _stored(project))
    b = _protocol(tmp_path / "b.md", "Forum B", "Herr Jens Becker kommt.")
    _cli(project, "import", str(b))
    with project.session() as session:
        hints = sorted(s.attributes.get("Hinweis", "") for s in session.query(Segment))
    assert hints == ["", "[Person 1] hat recht.", "kein Hinweis"]


@pytest.mark.backends
def test_a_category_that_is_also_a_learned_surname_stays(project: Project, tmp_path: Path) -> None:
    survey = tmp_path / "umfrage.csv"
    with survey.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["Text", "Sozialraum", "Beruf", "Jahreszeit", "Hinweis"])
        writer.writerow(["Der Spielplatz ist kaputt.", "Manfort", "Bauer", "Winter", "Becker"])
        writer.writerow(["Der Bus fährt selten.", "Manfort", "Koch", "Sommer", "kein Hinweis"])
    _cli(project, "import", str(survey), "--workshop", "Umfrage")
    b = _protocol(
        tmp_path / "b.md",
        "Forum B",
        "Herr Uwe Bauer kommt.",
        "Frau Ute Winter kommt.",
        "Herr Jens Becker kommt.",
    )
    _cli(project, "import", str(b))
    with project.session() as session:
        rows = [s.attributes for s in session.query(Segment).order_by(Segment.id) if s.attributes]
    # read as the import reads a category with this key: a profession, a season stay
    assert [(r["Beruf"], r["Jahreszeit"]) for r in rows] == [
        ("Bauer", "Winter"),
        ("Koch", "Sommer"),
    ]
    assert rows[0]["Hinweis"].startswith("[Person ")  # the learned name alone still goes


def test_a_value_repeated_in_many_rows_is_read_once(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    survey = tmp_path / "umfrage.csv"
    with survey.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["Text", "Sozialraum", "Jahreszeit", "Hinweis"])
        for i in range(80):
            writer.writerow([f"Der Spielplatz {i} ist kaputt.", "Manfort", "Winter", f"{SAID}."])
    _cli(project, "import", str(survey), "--workshop", "Umfrage")
    calls = []
    read = Pseudonymiser.pseudonymise

    def counted(self: Pseudonymiser, text: str, *args: object, **kwargs: object) -> object:
        calls.append(text)
        return read(self, text, *args, **kwargs)

    monkeypatch.setattr(Pseudonymiser, "pseudonymise", counted)
    b = _protocol(tmp_path / "b.md", "Forum B", "Frau Ute Winter kommt.", "Herr Jens Becker kommt.")
    _cli(project, "import", str(b))
    assert calls.count(f"{SAID}.") == 1 and calls.count("Winter") <= 1  # not once a row
    with project.session() as session:
        rows = [s.attributes for s in session.query(Segment) if s.attributes]
    assert {(r["Jahreszeit"], r["Hinweis"]) for r in rows} == {("Winter", "[Person 2] hat recht.")}
