"""Support for the research notebooks (``notebooks/``): a reproducible demo project,
display settings and the study decisions several notebooks share.

Every notebook builds the demo study afresh in a temporary folder (:func:`demo_project`),
so run ids, counts, tables and figures are the same on every execution, and nothing a
notebook changes leaks into another one. The only slow step, embedding the 487
statements, is served from a shared cache folder (:func:`cache_folder`): the vectors are
computed once for the whole corpus in document order and stored under a key of the
corpus texts, so every notebook — and every reviewer with a cold cache — works on the
same vectors (USE's batching changes vectors by ~1e-7; a cache filled piecemeal would not
be reproducible).

The study decisions that the notebooks after ``04_bedarfe`` build on — the resolution of
the need clustering, the researchers' names for the clusters, the draft recommendations
and the simulated feedback round — live here once, so that every notebook uses the same
ones. ``04_bedarfe`` and ``06_empfehlungen`` explain and justify them. ``08_monitoring``
adds the demo's follow-up wave: its embeddings go through the same cache under the key of
the grown corpus (:func:`share_embeddings`), and the recommendations follow their evidence
into the need run over both waves (:func:`relink_needs`).
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from studie_empfehlungen import (  # noqa: F401 (the notebooks use them as nb.…)
    AUTHOR,
    RECOMMENDATIONS,
    RecommendationSpec,
    add_recommendations,
    recommendation_specs,
)

from workbench.core.domain import WorkbenchError
from workbench.store import CITYWIDE

if TYPE_CHECKING:
    from workbench.analysis.needs import NeedParams
    from workbench.project import Project
    from workbench.synthesis.profiles import Profiles

CACHE_ENV = "WORKBENCH_NOTEBOOK_CACHE"
ROOT = Path(__file__).resolve().parent.parent
# JupyterLab renders the plotly mimetype (offline, also in untrusted notebooks); nbviewer,
# VS Code and classic Jupyter render the HTML, which loads plotly.js from its CDN instead
# of embedding 4.6 MB of JavaScript in every notebook (see REVIEWING.md).
PLOTLY_RENDERERS = "plotly_mimetype+notebook_connected"
TEMPLATE = "werkbank"


# -- display -----------------------------------------------------------------------------
def setup_display() -> None:
    """Plotly renderers and a lean template; pandas options for readable, stable tables."""
    import plotly.graph_objects as go
    import plotly.io as pio

    axis = {"gridcolor": "#e5e5e5", "zerolinecolor": "#cccccc", "automargin": True}
    pio.templates[TEMPLATE] = go.layout.Template(
        layout={
            "font": {"family": "Arial, sans-serif", "size": 13, "color": "#222222"},
            "colorway": [
                "#2a6f97", "#e76f51", "#2a9d8f", "#e9c46a", "#6d597a",
                "#8ab17d", "#b56576", "#264653", "#f4a261", "#7f7f7f",
            ],
            "paper_bgcolor": "white",
            "plot_bgcolor": "white",
            "xaxis": axis,
            "yaxis": axis,
            "margin": {"t": 60, "r": 20, "b": 40, "l": 20},
            "hoverlabel": {"align": "left"},
        }
    )  # fmt: skip
    pio.templates.default = TEMPLATE
    pio.renderers.default = PLOTLY_RENDERERS
    pd.set_option("display.max_rows", 80)
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.max_colwidth", 160)
    pd.set_option("display.width", 160)
    pd.set_option("display.precision", 3)


def heatmap(table: pd.DataFrame, title: str, value: str = "Aussagen", digits: int = 0):
    """A labelled heatmap of a table (rows × columns), cells annotated, rows top-down."""
    import plotly.graph_objects as go

    z = table.to_numpy(dtype=float)
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=[str(c) for c in table.columns],
            y=[str(i) for i in table.index],
            colorscale="Blues",
            texttemplate=f"%{{z:.{digits}f}}",
            hovertemplate=f"%{{y}}<br>%{{x}}<br>{value}: %{{z:.{digits}f}}<extra></extra>",
            colorbar={"title": {"text": value}},
        )
    )
    figure.update_layout(
        title={"text": title},
        yaxis={"autorange": "reversed"},
        height=max(320, 28 * len(table) + 160),
    )
    return figure


# -- the demo project ----------------------------------------------------------------------
def cache_folder() -> Path:
    """The shared embedding cache of the notebooks (``WORKBENCH_NOTEBOOK_CACHE``)."""
    return Path(os.environ.get(CACHE_ENV) or ROOT / "build" / "notebook-cache")


def corpus_key(project: Project) -> str:
    """A short hash of the project's statements (ids, texts, order): the cache key."""
    digest = hashlib.sha256()
    for segment_id, text in project.segments()[["segment_id", "text"]].itertuples(index=False):
        digest.update(f"{segment_id}\x1f{text}\x1e".encode())
    return digest.hexdigest()[:16]


def _copy_files(source: Path, target: Path) -> None:
    """Copy the ``.npz`` files of ``source`` into ``target`` (atomically per file)."""
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.npz")):
        tmp = target / f".{path.name}.{os.getpid()}.tmp"
        shutil.copyfile(path, tmp)
        os.replace(tmp, target / path.name)


PROJECT_PREFIX = "werkbank-notebook-"


def _close(project: Project, folder: Path) -> None:
    project.close()
    shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_stale_projects(parent: Path) -> None:
    """Remove demo projects of kernels that are gone.

    Kernels are often killed rather than shut down (nbval, nbconvert), so the ``atexit``
    clean-up does not always run; each folder name carries the kernel's process id.
    """
    for folder in parent.glob(f"{PROJECT_PREFIX}*-*"):
        pid = folder.name.removeprefix(PROJECT_PREFIX).split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def demo_project(analyse: bool = False) -> Project:
    """The demo study, built afresh in a temporary folder (removed when Python exits, or
    by the next call once the process that built it is gone).

    The embeddings come from the shared cache if it holds this corpus, else they are
    computed for the whole corpus and stored there. With ``analyse`` the default need
    and topic runs are stored too (as ``workbench demo --analyse`` does).
    """
    from workbench.demo import analyse_demo, build_demo

    _remove_stale_projects(Path(tempfile.gettempdir()))
    folder = Path(tempfile.mkdtemp(prefix=f"{PROJECT_PREFIX}{os.getpid()}-"))
    project = build_demo(folder / "projekt")
    atexit.register(_close, project, folder)
    share_embeddings(project)
    if analyse:
        analyse_demo(project, progress=False)
    return project


def share_embeddings(project: Project) -> None:
    """Embed the project's statements through the shared cache, under the key of its corpus.

    If the cache holds this corpus, its vectors are copied into the project; otherwise the
    missing statements are embedded and the result is stored for the next run. After the
    follow-up wave (08) the corpus has a key of its own; its new statements are embedded
    after the first wave's, in one go, so every run — warm or cold — uses the same vectors.
    """
    from workbench.analysis.embeddings import project_embeddings

    shared = cache_folder() / corpus_key(project)
    own = project.cache_dir / "embeddings"
    if shared.is_dir():
        _copy_files(shared, own)
    project_embeddings(project, progress=False)
    if not shared.is_dir() or {p.name for p in own.glob("*.npz")} - {
        p.name for p in shared.glob("*.npz")
    }:
        _copy_files(own, shared)


def warm_cache() -> Path:
    """Fill the shared embedding cache (``make lab`` does this); return its folder."""
    project = demo_project()
    return cache_folder() / corpus_key(project)


def segment_ids(project: Project) -> pd.Series:
    """Segment id by (document file name, source id): how statements are cited."""
    table = project.segments()
    return table.set_index(["document", "source_id"])["segment_id"].astype(int)


# -- the need clusters of record (justified in 04_bedarfe) -----------------------------------
NEED_CLUSTERS: int | None = None  # the number the clustering chooses (modularity), see 04
# One statement per cluster (document, source id) → the researchers' name for the cluster
# that contains it. Named by a member rather than a number, so a name follows its content.
NEED_LABELS: dict[tuple[str, str], str] = {
    ("gesamtstadt_protokoll.md", "42"): "Quartiersmanagement, Beteiligung und Vernetzung",
    ("steinbuechel_karten.csv", "SB-K39"): "Forderungen von den Kartenwänden (gemischt)",
    ("manfort_protokoll.md", "14"): "Beratung, Sprachmittlung und Versorgung vor Ort",
    ("steinbuechel_protokoll.docx", "33"): "Orte und Angebote für Kinder, Jugendliche, Familien",
    ("gesamtstadt_protokoll.md", "43"): "Digitale Ausstattung und Lernunterstützung",
    ("alkenrath_protokoll.docx", "60"): "Ältere erreichen: Kontakt, Fahrdienste, Aufsuchen",
}


def cluster_of(project: Project, document: str, source_id: str) -> int:
    """The cluster of the latest need run that holds the statement (document, source id)."""
    from workbench.analysis import needs

    table = needs.assignments(project).set_index(["document", "source_id"])["cluster"]
    if (document, source_id) not in table.index:
        raise WorkbenchError(f"Aussage {source_id} in {document} ist in keinem Bedarfscluster.")
    return int(table[(document, source_id)])


def name_clusters(
    project: Project, labels: Mapping[tuple[str, str], str] = NEED_LABELS, author: str = AUTHOR
) -> int:
    """Name the clusters of the latest need run by the statements they hold; return the run.

    Each name is stored as a rename edit (as :func:`workbench.analysis.need_edits.rename_cluster` does,
    so it survives re-runs), all in one transaction, followed by one re-run instead of one
    per name.
    """
    from workbench.analysis import needs

    table = needs.assignments(project)
    members = table.groupby("cluster")["segment_id"].apply(lambda s: sorted(int(i) for i in s))
    edits = []
    for (document, source_id), label in labels.items():
        cluster = cluster_of(project, document, source_id)
        edits.append({"members": members[cluster], "label": label.strip()})
    params = needs.NeedParams(**json.loads(needs.runs(project)["params"].iloc[-1]))
    with project.transaction() as session:
        session.add_all(needs.NeedEdit(op="rename", payload=e, author=author) for e in edits)
    return needs.run_needs(project, params, progress=False)


def need_stability(
    project: Project, ks: Iterable[int], seeds: Iterable[int], params: NeedParams | None = None
) -> pd.DataFrame:
    """How much the need clustering depends on the seed, for each number of clusters.

    For every ``k`` the needs are clustered once per seed (exactly as
    :func:`workbench.analysis.needs.run_needs` does, nothing is stored); the table gives the mean
    and the lowest adjusted Rand index over all pairs of seeds (1: identical partitions,
    0: agreement by chance). BLAS and OpenMP run single-threaded here: for many small fits
    that is much faster on a busy machine (idle worker threads spin), and the check does
    not depend on the number of cores.
    """
    from itertools import combinations

    from sklearn.metrics import adjusted_rand_score

    from workbench.analysis.blas_threads import one_blas_thread
    from workbench.analysis.clustering import make_clusterer
    from workbench.analysis.embeddings import project_embeddings
    from workbench.analysis.needs import NeedParams, select_statements

    params = params or NeedParams()
    seeds = list(seeds)
    segments, vectors = project_embeddings(project, params.backend, progress=False)
    wanted = select_statements(project, params, segments)["segment_id"]
    x = vectors[segments["segment_id"].isin(wanted).to_numpy()]
    rows = []
    for k in ks:
        with one_blas_thread():  # also from a background thread
            labels = [
                make_clusterer(
                    params.method,
                    n_clusters=k,
                    n_neighbors=params.n_neighbors,
                    min_clusters=params.min_clusters,
                    max_clusters=params.max_clusters,
                    seed=seed,
                )
                .fit(x)
                .labels_
                for seed in seeds
            ]
        scores = [adjusted_rand_score(a, b) for a, b in combinations(labels, 2)]
        rows.append({"k": k, "mean_ari": float(np.mean(scores)), "min_ari": float(np.min(scores))})
    return pd.DataFrame(rows).set_index("k").round(3)


def need_resolution(project: Project, seed: int = 42) -> pd.DataFrame:
    """Modularity of the need clustering for every k the method tries (nothing is stored).

    The clustering chooses the k with the highest modularity: the most links of the
    statements' nearest-neighbour graph inside clusters, against what the number of
    links alone would give (see :mod:`workbench.analysis.spectral`).
    """
    from workbench.analysis.embeddings import project_embeddings
    from workbench.analysis.needs import NeedParams, select_statements
    from workbench.analysis.spectral import SpectralClusterer

    params = NeedParams(seed=seed)
    segments, vectors = project_embeddings(project, params.backend, progress=False)
    wanted = select_statements(project, params, segments)["segment_id"]
    model = SpectralClusterer(
        n_neighbors=params.n_neighbors,
        min_clusters=params.min_clusters,
        max_clusters=params.max_clusters,
        random_state=seed,
    ).fit(vectors[segments["segment_id"].isin(wanted).to_numpy()])
    table = pd.Series(model.modularity_, name="modularity").rename_axis("k").to_frame()
    return table.assign(chosen=table.index == model.n_clusters_)


def study_needs(project: Project, seed: int) -> int:
    """The need clusters of record (``NEED_CLUSTERS``: None = chosen by the method), named;
    return the run id."""
    from workbench.analysis import needs

    needs.run_needs(project, needs.NeedParams(n_clusters=NEED_CLUSTERS, seed=seed), progress=False)
    return name_clusters(project)


# -- qualitative findings beside the indicators (05_indikatoren) ----------------------------
OVERVIEW_INDICATORS = (
    "Lebenslagenindex",
    "SGB-II-Quote",
    "Sozialgeld-Quote unter 15 Jahren",
    "Anteil über 65 Jahre",
)


def profile_overview(
    profiles: Profiles, indicators: Sequence[str] = OVERVIEW_INDICATORS
) -> pd.DataFrame:
    """One row per district: indicator values beside the coded findings and needs.

    Columns: the given indicators (district values), the district's statements, the
    statements per analytic dimension (coded by anyone) with their share, and the need
    cluster with most of the district's need statements.
    """
    from workbench.synthesis.profiles import DIMENSIONS

    rows = []
    for profile in profiles.districts:
        values = profile.indicators.set_index("indicator")["value"]
        row: dict[str, object] = {"Sozialraum": profile.district}
        row.update({name: values.get(name) for name in indicators})
        row["Aussagen"] = profile.segments
        counts = profile.findings.groupby("dimension")["segment_id"].nunique()
        for dimension, plural in DIMENSIONS.items():
            row[plural] = int(counts.get(dimension, 0))
        row["Anteil Herausforderungen"] = row["Herausforderungen"] / max(profile.segments, 1)
        row["Anteil Leerstellen"] = row["Leerstellen"] / max(profile.segments, 1)
        row["häufigster Bedarf"] = profile.needs["label"].iloc[0] if len(profile.needs) else ""
        rows.append(row)
    return pd.DataFrame(rows).set_index("Sozialraum")


# -- a simulated feedback round (07_rueckmeldungen) ------------------------------------------
COMMENTS = {
    "agree": ("Deckt sich mit dem, was wir im Stadtteil erleben.", "Das ist bei uns dringend."),
    "disagree": ("Bei uns stellt sich das anders dar.", "Das sehe ich nicht als Bedarf hier."),
    "unsure": ("Dazu kann ich aus meiner Arbeit nichts sagen.",),
}


def _probabilities(relevant: bool) -> list[float]:
    """P(agree, disagree, unsure) of a simulated participant."""
    return [0.8, 0.08, 0.12] if relevant else [0.4, 0.3, 0.3]


def simulate_feedback(
    project: Project,
    per_group: int = 4,
    seed: int = 42,
    groups: Sequence[str] | None = None,
) -> dict[str, int]:
    """A simulated member-checking round of the demo study — never use it on real data.

    For every group (default: the five districts and the city-wide workshop) ``per_group``
    tokens are issued; each simulated participant rates every item and spends the whole
    point budget. An item is *relevant* to a participant if it concerns their district
    (a need raised there, a recommendation for it) or the whole city. Ratings on relevant
    items are "trifft zu" with probability 0.8 ("trifft nicht zu" 0.08, "weiß nicht"
    0.12), on others 0.4/0.3/0.3. Points go in portions of 5, 3 and 2 to three items drawn
    with weight 3 for relevant items and 1 otherwise. About one answer in eight carries
    one of a few stock comments. All draws come from one generator seeded with ``seed``
    in a fixed order (groups, tokens, items), so the round is the same on every run;
    the tokens themselves are random and never shown.
    """
    from workbench.demo import DEMO_DISTRICTS
    from workbench.participation import feedback

    rng = np.random.default_rng(seed)
    ratings = ("agree", "disagree", "unsure")
    for group in groups or (*DEMO_DISTRICTS, CITYWIDE):
        for token in feedback.issue_tokens(project, per_group, district=group):
            ballot = feedback.open_ballot(project, token)
            relevant = [
                group == CITYWIDE or group in item.districts or item.scope == "gesamtstädtisch"
                for item in ballot.items
            ]
            weights = np.array([3.0 if r else 1.0 for r in relevant])
            chosen = rng.choice(len(ballot.items), size=3, replace=False, p=weights / weights.sum())
            points = dict(zip(chosen.tolist(), (5, 3, 2), strict=True))
            for i, item in enumerate(ballot.items):
                rating = ratings[rng.choice(3, p=_probabilities(relevant[i]))]
                comment = ""
                if rng.random() < 0.125:
                    options = COMMENTS[rating]
                    comment = options[int(rng.integers(len(options)))]
                feedback.save_answer(
                    project, token, item.item_id, rating, points.get(i, 0), comment
                )
    return feedback.feedback_status(project)


# -- the study over time (08_monitoring) -------------------------------------------------------


# The follow-up study's helpers (08_monitoring) live beside this module.
from studie_folge import html_section, relink_needs  # noqa: E402, F401
