"""Real projects are not the demo: the analysis → synthesis path on incomplete projects.

Each test builds a small project with ``workbench init``/``import`` (CSV written here),
runs the commands a user runs (``needs``, ``topics``, ``report``, ``publish``,
``monitoring``) with the TF-IDF backend or a tiny fake embedder, so it takes seconds, and
checks what the user sees: exit code 0 or a German message with exit code 2, no
traceback, numbers that add up, no raw names.
"""

from __future__ import annotations

import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from workbench.cli.main import main
from workbench.core.domain import WorkbenchError

TEXTS = [
    "Frau Kowalski sagt, der Bus fährt abends viel zu selten.",
    "Es fehlt ein Jugendtreff im Viertel.",
    "Die Bibliothek ist ein guter Treffpunkt für Familien.",
    "Mehr Bänke im Park wären schön.",
    "Der Spielplatz ist kaputt und dreckig.",
    "Ältere Menschen sind oft einsam.",
    "Das Quartiersbüro hilft sehr bei Anträgen.",
    "Wir brauchen mehr Kitaplätze.",
    "Die Straßen sind abends schlecht beleuchtet.",
    "Ein Café als Begegnungsort fehlt.",
    "Radwege sind lückenhaft und gefährlich.",
    "Die Schule braucht bessere digitale Ausstattung.",
]


def run(capsys: pytest.CaptureFixture[str], project: Path | None, *argv: object):
    """``workbench [--project P] ARGV…`` in this process: (exit code, stdout, stderr)."""
    capsys.readouterr()
    args = (["--project", str(project)] if project else []) + [str(a) for a in argv]
    code = main(args)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _csv(path: Path, rows: list[tuple[str, ...]]) -> Path:
    pd.DataFrame(rows[1:], columns=list(rows[0])).to_csv(path, sep=";", index=False)
    return path


def _project(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    texts: list[str],
    districts: tuple[str, ...] = ("Manfort", "Opladen"),
    name: str = "projekt",
) -> Path:
    """A project whose statements (ids 0, 1, …) go round the districts in turn."""
    folder = tmp_path / name
    assert run(capsys, None, "init", folder, "--districts", ",".join(districts))[0] == 0
    rows = [("ID", "Text", "Sozialraum")]
    rows += [(str(i), t, districts[i % len(districts)]) for i, t in enumerate(texts)]
    source = _csv(tmp_path / f"{name}.csv", rows)
    code, _, err = run(
        capsys, folder, "import", source, "--text-column", "Text", "--id-column", "ID",
        "--district-column", "Sozialraum",
    )  # fmt: skip
    assert code == 0, err
    return folder


class _FakeEmbedder:
    """Deterministic vectors from the text's hash: no model, any number of texts."""

    name = "fake"
    version = "1"
    cacheable = False

    def embed(self, texts: list[str]) -> np.ndarray:
        """One unit vector per text."""
        rows = [np.random.default_rng(abs(hash(t)) % 2**32).normal(size=16) for t in texts]
        matrix = np.array(rows, dtype=np.float32).reshape(len(texts), 16)
        return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def test_topics_with_the_tfidf_backend(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`topics --backend tfidf` (the CLI's light backend) models topics instead of failing
    with a dimension mismatch of KeyBERT's word vectors (an English traceback)."""
    folder = _project(tmp_path, capsys, TEXTS)
    out_csv = tmp_path / "themen.csv"
    code, out, err = run(capsys, folder, "topics", "--backend", "tfidf", "--out", out_csv)
    assert code == 0, err
    table = pd.read_csv(out_csv)
    assert len(table) == len(TEXTS)
    assert table["topic_label"].notna().all()
    assert "Themenlauf" in out


def test_identical_statements_get_a_map_layout() -> None:
    """All statements alike (same vector): the map puts them on one point; t-SNE's PCA
    start divided by zero and crashed the process (segmentation fault)."""
    code = (
        "import numpy as np\n"
        "from workbench.analysis.topics import layout\n"
        "xy = layout(np.tile(np.array([[1.0, 5.551115e-17]], dtype=np.float32), (8, 1)), 42)\n"
        "assert xy.shape == (8, 2) and np.isfinite(xy).all(), xy\n"
        "xy = layout(np.array([[1, 0, 0]] * 6 + [[0, 1, 0]] * 3, dtype=np.float32), 42)\n"
        "assert xy.shape == (9, 2) and np.isfinite(xy).all(), xy\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]


def test_identical_statements_through_needs_and_topics(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Eight times the same card: one need cluster and one topic, no English warning."""
    folder = _project(tmp_path, capsys, ["Der Bus fährt zu selten"] * 8)
    code, _, err = run(capsys, folder, "needs", "--segments", "all", "--backend", "tfidf",
                       "--out", tmp_path / "b.csv")  # fmt: skip
    assert code == 0, err
    assert "RuntimeWarning" not in err
    code, _, err = run(capsys, folder, "topics", "--backend", "tfidf", "--out", tmp_path / "t.csv")
    assert code == 0, err


def test_tfidf_without_any_word_names_the_problem_in_german(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Statements that are only emoji or placeholders: exit code 2 with a German sentence
    (and the backend that copes), not scikit-learn's "empty vocabulary" traceback."""
    from workbench.analysis.embeddings import TfidfEmbedder

    with pytest.raises(WorkbenchError, match="Emoji und Platzhalter"):
        TfidfEmbedder().embed(["👍", "😀😀", "[Person 1]", "❤️"])
    folder = _project(tmp_path, capsys, ["👍", "😀😀", "[Person 1]", "❤️", "👍👍"])
    for command in (("needs", "--segments", "all"), ("topics",)):
        code, _, err = run(capsys, folder, *command, "--backend", "tfidf")
        assert code == 2
        assert err.startswith("Fehler: Zu wenige Texte oder Wörter")
        assert "--backend use" in err


def test_tfidf_of_identical_texts_warns_nobody() -> None:
    """The SVD of identical texts has no variance to explain; the user sees no warning."""
    from workbench.analysis.embeddings import TfidfEmbedder

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        vectors = TfidfEmbedder().embed(["Der Bus fährt zu selten"] * 6)
    assert np.isfinite(vectors).all()
    assert not [w for w in caught if issubclass(w.category, RuntimeWarning)]


def test_run_summaries_count_in_german(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One statement: "1 Cluster über 1 Aussage", "1 Thema, 1 Aussage" (not "1 Aussagen",
    "1 Themen")."""
    from workbench.analysis import embeddings

    monkeypatch.setattr(embeddings, "get_embedder", lambda spec: _FakeEmbedder())
    folder = _project(tmp_path, capsys, ["Es fehlt ein Treffpunkt für Ältere"])
    code, out, err = run(capsys, folder, "needs", "--segments", "all", "--out", tmp_path / "b.csv")
    assert code == 0, err
    assert "1 Cluster über 1 Aussage →" in out
    code, out, err = run(capsys, folder, "topics", "--out", tmp_path / "t.csv")
    assert code == 0, err
    assert "1 Thema, 1 Aussage →" in out


def test_monitoring_without_any_wave_reads_as_german(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A project without statements: the sentence names what to do (it said "das Projekt
    hat nur noch keine Welle")."""
    folder = tmp_path / "leer"
    run(capsys, None, "init", folder, "--districts", "Manfort")
    code, _, err = run(capsys, folder, "monitoring", "needs")
    assert code == 2
    assert "nur noch keine" not in err
    assert "das Projekt hat noch keine" in err and "workbench import DATEI" in err


def test_an_emptied_second_wave_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Wave 2 whose only statement was erased: the comparison says the wave has no
    statements, instead of only "nicht erhoben" per district."""
    folder = _project(tmp_path, capsys, TEXTS)
    rows = [("ID", "Text", "Sozialraum"), ("x1", "Nur eine Aussage in Welle zwei", "Manfort")]
    code, _, err = run(
        capsys, folder, "import", _csv(tmp_path / "w2.csv", rows), "--text-column", "Text",
        "--id-column", "ID", "--district-column", "Sozialraum", "--wave", "Folge 2025",
    )  # fmt: skip
    assert code == 0, err
    assert run(capsys, folder, "forget", "--source", "x1")[0] == 0
    assert run(capsys, folder, "needs", "--segments", "all", "--backend", "tfidf")[0] == 0
    code, out, err = run(capsys, folder, "monitoring", "needs")
    assert code == 0, err
    assert "Hinweis: Die Welle 'Folge 2025' hat keine Aussagen (mehr)" in out


def _html_text(path: Path) -> str:
    import html
    import re

    text = re.sub(
        r"<script.*?</script>|<style.*?</style>", " ", path.read_text("utf-8"), flags=re.S
    )
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def test_report_says_which_statements_the_needs_cluster(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A need run over all statements (uncoded survey): the report must not claim the
    clusters hold "die als Bedarf kodierten Aussagen"."""
    folder = _project(tmp_path, capsys, TEXTS)
    assert run(capsys, folder, "needs", "--segments", "all", "--backend", "tfidf")[0] == 0
    code, _, err = run(capsys, folder, "report", "--format", "html", tmp_path / "b.html")
    assert code == 0, err
    text = _html_text(tmp_path / "b.html")
    assert "Bedarfscluster fassen alle Aussagen (nicht nur die als Bedarf kodierten)" in text
    assert "fassen die als Bedarf kodierten" not in text


def test_topic_map_page_shortens_long_quotes_and_counts_in_german() -> None:
    """The published topic map showed a 20,000-character statement in full (reports cut
    at 400) and said "Weitere 1 Aussagen"."""
    from workbench.analysis.topic_map import MapData
    from workbench.synthesis.site.topic_map import topic_html

    long = "Der Bus fährt zu selten und die Wege sind weit. " * 420
    statements = pd.DataFrame(
        {
            "segment_id": [1, 2, 3, 4],
            "text": [long, "Mehr Busse", "Busse abends", "Ein Bus am Sonntag"],
            "topic": ["0"] * 4,
            "probability": [0.9, 0.8, 0.7, 0.6],
            "district": ["Manfort"] * 4,
            "document": ["karten.csv"] * 4,
            "source_id": ["1", "2", "3", "4"],
        }
    )
    data = MapData(statements=statements, topics=pd.DataFrame(), districts=("Manfort",),
                   topic_run=1, need_run=None)  # fmt: skip
    page = topic_html(data, "0", "Bus", ["bus"], 4)
    assert len(page) < 3000
    assert "[gekürzt; vollständiger Text: Aussage-ID 1 im Export]" in page
    assert "Weitere 1 Aussagen" not in page
    assert "Eine weitere Aussage dieses Themas" in page


def test_stale_runs_are_named_on_the_topic_map_and_by_publish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Statements imported after the analysis: every page of the site (the topic map too)
    and the terminal say the runs are stale, as `workbench report` does."""
    folder = _project(tmp_path, capsys, TEXTS[:8])
    assert run(capsys, folder, "needs", "--segments", "all", "--backend", "tfidf")[0] == 0
    assert run(capsys, folder, "topics", "--backend", "tfidf")[0] == 0
    rows = [
        ("ID", "Text", "Sozialraum"),
        *((f"n{i}", t, "Manfort") for i, t in enumerate(TEXTS[8:])),
    ]
    run(capsys, folder, "import", _csv(tmp_path / "neu.csv", rows), "--text-column", "Text",
        "--id-column", "ID", "--district-column", "Sozialraum")  # fmt: skip
    code, _, err = run(capsys, folder, "publish", "--out", tmp_path / "seite")
    assert code == 0, err
    assert "Warnung: Die Themenanalyse" in err and "veraltet" in err
    page = _html_text(tmp_path / "seite" / "themenlandkarte.html")
    assert "Die Themenanalyse vom" in page and "4 neue Aussagen noch nicht" in page
    assert "Lauf" not in page  # the public site names no run (the terminal does)


def test_forgotten_statements_leave_the_need_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After `forget` removed every statement of one district, a need's size in the report
    is the statements left (it was the run's old size: "4 Aussagen" above a row of 2)."""
    from workbench import Project
    from workbench.synthesis.profiles import build_profiles

    districts = ("Manfort", "Opladen", "Alt-Steinbüchel")
    folder = _project(tmp_path, capsys, TEXTS, districts)
    assert run(capsys, folder, "needs", "--segments", "all", "--backend", "tfidf")[0] == 0
    for source in ("2", "5", "8", "11"):  # every statement of Alt-Steinbüchel
        assert run(capsys, folder, "forget", "--source", source)[0] == 0
    project = Project.open(folder)
    try:
        matrix = build_profiles(project).need_matrix
    finally:
        project.close()
    assert (matrix["Alt-Steinbüchel"] == 0).all()
    assert (matrix["size"] == matrix[["Gesamtstadt", *districts]].sum(axis=1)).all()
    assert matrix["size"].sum() == len(TEXTS) - 4
    code, _, err = run(capsys, folder, "report", "--format", "html", tmp_path / "b.html")
    assert code == 0, err


def _texts(folder: Path) -> dict[str, str]:
    """Every output file's text (HTML, DOCX, XLSX, CSV, QDPX) by its name."""
    out = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if "assets" in path.parts:
            continue
        if path.suffix in (".docx", ".xlsx", ".qdpx"):
            with zipfile.ZipFile(path) as z:
                out[path.name] = " ".join(
                    z.read(n).decode("utf-8", "replace") for n in z.namelist()
                    if n.endswith((".xml", ".qde", ".txt"))
                )  # fmt: skip
        else:
            out[path.name] = path.read_text("utf-8", errors="replace")
    return out


def test_no_raw_name_in_any_output_of_a_city_wide_survey(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plain survey CSV (one text column: no district, workshop, date or question) naming
    "Frau Kowalski": every report, profile, page and pseudonymised export works and
    none of them holds the name."""
    folder = tmp_path / "umfrage"
    run(capsys, None, "init", folder)
    source = tmp_path / "umfrage.csv"
    pd.DataFrame({"Text": TEXTS}).to_csv(source, index=False)
    assert run(capsys, folder, "import", source, "--text-column", "Text")[0] == 0
    assert run(capsys, folder, "needs", "--segments", "all", "--backend", "tfidf")[0] == 0
    assert run(capsys, folder, "topics", "--backend", "tfidf")[0] == 0
    out = tmp_path / "aus"
    commands = [
        *(("report", "--format", f, out / f"bericht.{f}") for f in ("html", "docx", "xlsx")),
        ("report", "--format", "html", "--district", "Gesamtstadt", out / "profil.html"),
        ("publish", "--out", out / "seite"),
        *(("export", "--format", f, "--pseudonymised", out / f"p.{f}")
          for f in ("csv", "xlsx", "qdpx")),
    ]  # fmt: skip
    out.mkdir()
    for command in commands:
        code, _, err = run(capsys, folder, *command)
        assert code == 0, (command, err)
    texts = _texts(out)
    assert len(texts) >= 10
    assert not [name for name, text in texts.items() if "Kowalski" in text]
    assert "[Person 1] sagt" in texts["bericht.html"]
