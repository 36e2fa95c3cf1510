"""The real corpora in ../shared/corpora import completely and keep their metadata."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main

pytestmark = pytest.mark.corpora

OTTENSEN_THEMES = [
    "motorized transport",
    "non-motorized transport",
    "cycling",
    "walking",
    "scooters",
    "public transport (local)",
    "public transport (long-distance)",
    "commercial transport",
    "stationary traffic (parking)",
    "moving traffic",
    "inter- and multimodality",
    "new services",
]


def test_ottensen_imports_697_segments_with_12_theme_attributes(
    corpora: Path, tmp_path: Path
) -> None:
    path = corpora / "cimt-ottensen-thematic" / "dataset-Ottensen-thematic-d1a.csv"
    project = Project.create(tmp_path / "p", districts=["Ottensen"])
    [result] = project.import_files(
        [path],
        mapping=_mapping(text_column="text", id_column="document_id"),
        district="Ottensen",
        workshop="Ottensen macht Platz",
    )
    assert result.segments == 697
    segments = project.segments()
    assert len(segments) == 697 and segments["source_id"].is_unique
    first = segments.set_index("source_id").loc["Ott262"]
    # The platform's title column is found and put before the text: one contribution.
    assert first["text"].startswith("Alma Wartenberg Platz aufwerten. Der Alma Wartenberg Platz")
    assert "\n" in first["text"]  # multi-line quoted field kept whole
    assert "title" not in first["attributes"]
    assert set(OTTENSEN_THEMES) <= set(first["attributes"])
    assert first["attributes"]["cycling"] == 1 and first["attributes"]["walking"] == 0
    assert sum(a["cycling"] for a in segments["attributes"]) > 50


def test_polis_five_conversations_import_their_2811_accepted_comments(
    corpora: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The five exports as they come: the 2,953 comments the moderation rejected
    (``moderated`` = -1) are left out and counted, the 2,811 accepted ones are statements
    (the corpus of benchmarks/clustering_quality.py); ``--include-rejected`` takes all."""
    import json

    files = sorted(str(p) for p in (corpora / "polis-klimarat-at").glob("*/comments.csv"))
    assert len(files) == 5
    project_dir = tmp_path / "p"
    assert main(["init", str(project_dir)]) == 0
    args = [
        "--project",
        str(project_dir),
        "import",
        *files,
        "--text-column",
        "comment-body",
        "--id-column",
        "comment-id",
        "--workshop",
        "{parent}",
    ]
    assert main(args) == 0
    out = capsys.readouterr().out
    rejected = [int(n) for n in re.findall(r"(\d+) Zeilen von der Moderation abgelehnt", out)]
    assert sorted(rejected) == [245, 298, 524, 651, 1235] and "--include-rejected" in out
    assert main(["--project", str(project_dir), "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert status["segments"] == 2811
    assert status["workshops"] == 5
    attributes = Project.open(project_dir).segments()["attributes"]
    assert all({"moderated", "agrees", "disagrees"} <= set(a) for a in attributes)
    assert {a["moderated"] for a in attributes} == {1}
    # importing again changes nothing
    assert main(args) == 0
    assert Project.open(project_dir).status()["segments"] == 2811

    # --include-rejected takes them all; shown on the smallest conversation (277 accepted,
    # 245 rejected; all five: 5,760, as four rejected ones are only "k.a.", ".", "-")
    every = tmp_path / "alle"
    smallest = next(f for f in files if "5twd2jsnkf" in f)
    assert main(["init", str(every)]) == 0
    flags = args[3 + len(files) :]  # --text-column … --workshop {parent}
    assert main(["--project", str(every), "import", smallest, *flags, "--include-rejected"]) == 0
    segments = Project.open(every).segments()
    assert len(segments) == 522
    assert {a["moderated"] for a in segments["attributes"]} == {-1, 1}


def test_need_clusters_of_ottensen_agree_with_its_human_coding(
    corpora: Path, tmp_path: Path
) -> None:
    """The path a planning team takes on a corpus without districts: import, embed,
    ``needs --segments all``. The clusters agree with the 12 human-coded themes (NMI
    against their label powerset, as in benchmarks/clustering_quality.py) at least as far
    as issue 14 asks (0.28), another seed gives the same clusters, every statement is
    assigned, every label is a whole phrase from its own statements, and no cluster is
    called district-specific when no statement names a district."""
    import numpy as np
    import pandas as pd
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    from workbench.analysis import labels
    from workbench.analysis.needs import NO_DISTRICT
    from workbench.ingest.table import with_title

    path = corpora / "cimt-ottensen-thematic" / "dataset-Ottensen-thematic-d1a.csv"
    p = ["--project", str(tmp_path / "p")]
    assert main(["init", str(tmp_path / "p")]) == 0
    imported = ["import", str(path), "--text-column", "text", "--id-column", "document_id"]
    assert main([*p, *imported, "--workshop", "Ottensen macht Platz"]) == 0
    assert main([*p, "embed"]) == 0
    runs = []
    for seed in ("42", "7"):
        out = tmp_path / f"bedarfe_{seed}.csv"
        assert main([*p, "needs", "--segments", "all", "--seed", seed, "--out", str(out)]) == 0
        runs.append(pd.read_csv(out, dtype={"source_id": str}).set_index("source_id"))
    first, second = runs
    coded = pd.read_csv(path, dtype={"document_id": str}).set_index("document_id")
    themes = coded[OTTENSEN_THEMES].loc[first.index].to_numpy(dtype=int)
    assert len(first) == 697 and first["cluster"].notna().all()
    labelled = themes.sum(axis=1) > 0
    powerset = np.unique(themes, axis=0, return_inverse=True)[1].ravel()
    nmi = normalized_mutual_info_score(powerset[labelled], first["cluster"][labelled])
    assert nmi >= 0.28, f"NMI {nmi:.3f}"
    ari = adjusted_rand_score(first["cluster"], second.loc[first.index, "cluster"])
    assert ari >= 0.85
    assert set(first["scope"]) == {NO_DISTRICT}
    texts = pd.Series(map(with_title, coded["title"], coded["text"]), coded.index)
    texts = texts.fillna("").map(labels.normalise)
    for cluster, group in first.groupby("cluster"):
        (label,) = set(group["cluster_label"])
        assert len(label) <= labels.MAX_CHARS and " · " not in label
        assert not labels.fragmentary(label), label
        own = " ".join(texts.loc[group.index])
        assert labels.normalise(label.rstrip("…")) in own, (cluster, label)


def _mapping(**kwargs):
    from workbench.ingest import TableMapping

    return TableMapping(**kwargs)


def test_polis_export_folders_import_without_any_flag(corpora: Path, tmp_path: Path) -> None:
    """The five conversations' folders as exported (comments, summary, vote tables): the
    accepted comments of each under its topic, the vote tables and summaries left out."""
    folders = sorted(str(p) for p in (corpora / "polis-klimarat-at").glob("austria-climate.*"))
    project_dir = tmp_path / "p"
    assert main(["init", str(project_dir)]) == 0
    assert main(["--project", str(project_dir), "import", *folders]) == 0
    segments = Project.open(project_dir).segments()
    assert len(segments) == 2811
    assert set(segments["workshop"]) == {
        "Energie", "Produktion und Konsum", "Mobilität", "Wohnen", "Ernährung und Landnutzung",
    }  # fmt: skip
    assert segments["source_id"].str.fullmatch(r"\d+").all()  # Pol.is' comment-id


def test_ottensen_imports_without_flags_with_its_document_ids(
    corpora: Path, tmp_path: Path
) -> None:
    path = corpora / "cimt-ottensen-thematic" / "dataset-Ottensen-thematic-d1a.csv"
    project = Project.create(tmp_path / "p", districts=["Ottensen"])
    [result] = project.import_files([path])
    assert result.segments == 697
    assert project.segments()["source_id"].str.fullmatch(r"Ott\d+").all()


def test_dataset_folders_import_without_their_readme_and_terms(
    corpora: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A dataset's folder as downloaded: its contributions, not its README, provenance
    notes or terms of use (they were three protocols of 47 statements)."""
    project_dir = tmp_path / "p"
    assert main(["init", str(project_dir)]) == 0
    for folder in ("cimt-ottensen-thematic", "zoom-meeting-en"):
        assert main(["--project", str(project_dir), "import", str(corpora / folder)]) == 0
    out = capsys.readouterr().out
    assert "TERMS-OF-USE.txt (Nutzungsbedingungen)" in out
    assert "README.cimt-thematic-categorization-dataset.md (Beschreibung)" in out
    documents = set(Project.open(project_dir).segments()["document"])
    assert len(Project.open(project_dir).segments()) == 697 + 66 + 5 + 87
    assert not any(re.match(r"(?i)readme|provenance|terms", d) for d in documents)
