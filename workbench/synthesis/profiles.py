"""Sozialraum profiles: each district's qualitative findings beside its indicators.

A :class:`DistrictProfile` holds, for one district, the need clusters its statements fall
into (with its own quotes), the coded resources, challenges, gaps, reasons and needs
(quotes with source), its share of each topic and its indicators beside the city value.
:class:`Profiles` holds all of them plus the cross-district matrix of needs × districts,
which separates cross-cutting from district-specific needs.

Everything is data (frozen dataclasses of DataFrames) so that notebooks, the Voilà apps
and :mod:`workbench.synthesis.reports` show the same thing. Parts that need an analysis run that
does not exist yet (need clusters, topics) come back empty, with a note saying which
command produces them. Texts are the stored, pseudonymised ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from workbench.analysis.need_scope import CROSS_CUTTING_MIN
from workbench.coding.agreement import dimension_codes
from workbench.coding.code_analysis import quotes as coded_quotes
from workbench.coding.codebook import SEPARATOR
from workbench.core.domain import WorkbenchError
from workbench.core.formatting import plural
from workbench.store import CITYWIDE
from workbench.synthesis import indicator_tables as indicators_
from workbench.synthesis.citywide import CityWords, city_words, placed
from workbench.synthesis.workshop_names import file_named, named_sources

if TYPE_CHECKING:
    from workbench.project import Project

# The analytic dimensions of the codebook (top-level codes) and their plural labels.
DIMENSIONS: dict[str, str] = {
    "Bedarf": "Bedarfe",
    "Ressource": "Ressourcen",
    "Herausforderung": "Herausforderungen",
    "Leerstelle": "Leerstellen",
    "Begründung": "Begründungen",
}

NEED_COLUMNS = {
    "cluster": "int64",
    "label": "string",
    "scope": "string",
    "segments": "int64",  # this district's statements in the cluster
    "cluster_size": "int64",
    "n_districts": "int64",
    "districts": "object",
}
NEED_QUOTE_COLUMNS = {
    "cluster": "int64",
    "label": "string",
    "segment_id": "int64",
    "quote": "string",
    "representative": "bool",  # one of the cluster's three representative quotes
    "workshop": "string",
    "document": "string",
    "source_id": "string",
    "speaker_role": "string",  # missing: <NA> (shown as "ohne Rolle")
}
FINDING_COLUMNS = {
    "dimension": "string",
    "code": "string",
    "quote": "string",
    "coders": "string",
    "n_coders": "int64",
    "workshop": "string",
    "document": "string",
    "source_id": "string",
    "segment_id": "int64",
    "speaker_role": "string",
}
TOPIC_COLUMNS = {
    "topic": "string",
    "label": "string",
    "segments": "int64",
    "share": "float64",  # of the district's statements
    "share_all": "float64",  # of all statements
}
MATRIX_FIXED = ["cluster", "label", "scope", "n_districts", "size"]
NO_INDICATORS = "Noch keine Indikatoren: workbench indicators --import DATEI."
PUBLIC_NO_INDICATORS = "Noch keine Indikatoren."  # the public site's twin: no command
NO_CITY_INDICATORS = (
    "Keine Werte für die Gesamtstadt importiert: ohne sie gibt es keinen Vergleich "
    "(ein Mittelwert der Sozialräume ist kein Ersatz)."
)
NO_DISTRICT_INDICATORS = "Für {district} sind keine Indikatoren importiert."


def place(district: str) -> str:
    """The district as it stands in a sentence: "der Gesamtstadt" needs its article.

    >>> f"Aus {place('Gesamtstadt')}", f"Aus {place('Bürrig')}"
    ('Aus der Gesamtstadt', 'Aus Bürrig')
    """
    return "der Gesamtstadt" if district == CITYWIDE else district


def _empty(columns: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(columns=list(columns)).astype(columns)


@dataclass(frozen=True)
class DistrictProfile:
    """What the study found in one Sozialraum (or, for ``Gesamtstadt``, city-wide)."""

    district: str
    segments: int
    workshops: tuple[str, ...]
    needs: pd.DataFrame  # NEED_COLUMNS, most statements first
    need_quotes: pd.DataFrame  # NEED_QUOTE_COLUMNS, this district's statements only
    findings: pd.DataFrame  # FINDING_COLUMNS, by dimension; agreed-on quotes first
    topics: pd.DataFrame  # TOPIC_COLUMNS, largest share first
    indicators: pd.DataFrame  # workbench.synthesis.indicator_tables.COMPARISON_COLUMNS
    notes: tuple[str, ...] = ()
    public_notes: tuple[str, ...] = ()  # the same notes for the public site (no command)
    coded: bool = True  # anything in the project coded (False: findings not yet analysed)
    clustered: bool = True  # a need run was read (False: needs not yet analysed)
    file_workshops: tuple[str, ...] = ()  # of workshops: named only after a file

    def statements_line(self, colon: bool = False) -> str:
        """ "697 Aussagen", "79 Aussagen aus Quartiersworkshop Manfort" (``colon``: "aus:"):
        workshops named only after a file are left out (:mod:`~.workshop_names`)."""
        count = plural(self.segments, "Aussage", "Aussagen")
        named = named_sources(self.workshops, self.file_workshops)
        return f"{count} aus{':' if colon else ''} {named}" if named else count

    def placed(self, preposition: str) -> str:
        """The profile after ``preposition`` in a sentence: "in Manfort", "aus der
        Gesamtstadt", a survey's statements "ohne Sozialraum" (:func:`~.citywide.placed`)."""
        return placed(preposition, self.district, self.workshops)

    def quotes(self, dimension: str, limit: int | None = None) -> pd.DataFrame:
        """Quotes of one dimension (``Ressource`` …), optionally the first ``limit``."""
        if dimension not in DIMENSIONS:
            raise WorkbenchError(
                f"Unbekannte Dimension '{dimension}'. Möglich: {', '.join(DIMENSIONS)}."
            )
        table = self.findings[self.findings["dimension"] == dimension]
        return (table if limit is None else table.head(limit)).reset_index(drop=True)


@dataclass(frozen=True)
class Profiles:
    """All district profiles, the city-wide one and the needs × districts matrix."""

    city: DistrictProfile
    districts: tuple[DistrictProfile, ...]
    need_matrix: pd.DataFrame  # MATRIX_FIXED + one count column per district
    indicators: pd.DataFrame  # every district beside the city (COMPARISON_COLUMNS)
    need_run: int | None = None
    topic_run: int | None = None
    notes: tuple[str, ...] = field(default=())
    public_notes: tuple[str, ...] = field(default=())  # the notes for the public site
    need_focus: dict[int, tuple[str, ...]] = field(default_factory=dict)  # clusters with one
    cross_cutting_min: int = CROSS_CUTTING_MIN  # the need run's rule (analysis.need_scope)
    need_question: str | None = None  # the run clustered only answers under such questions

    @property
    def names(self) -> tuple[str, ...]:
        """The districts' names (without the city)."""
        return tuple(p.district for p in self.districts)

    def profile(self, district: str) -> DistrictProfile:
        """The profile of ``district`` (``Gesamtstadt`` gives the city-wide one)."""
        known = {p.district: p for p in (self.city, *self.districts)}
        return known[indicators_.check_district(district, list(known))]

    @property
    def city_words(self) -> CityWords:
        """What the statements without a Sozialraum are called: a kick-off workshop, a
        city-wide one or "ohne Sozialraum" (:mod:`workbench.synthesis.citywide`)."""
        return city_words(self.city.workshops)

    def focus(self, cluster: int) -> tuple[str, ...]:
        """The districts a need cluster is concentrated in (its focus), strongest first."""
        return self.need_focus.get(int(cluster), ())

    @property
    def compared(self) -> tuple[str, ...]:
        """The districts (not the city) with statements in the need run."""
        matrix = self.need_matrix
        return tuple(d for d in self.names if d in matrix and matrix[d].astype("int64").sum())

    @property
    def scope_decided(self) -> bool:
        """Whether the need run's scopes say anything: only if it compares at least two
        districts (with one, every need is "sozialraumspezifisch"; with none, every
        need is "ohne Sozialraum"). Otherwise apps and reports show no scope."""
        return len(self.compared) >= 2

    def scope_rule(self, readers: bool = False) -> str:
        """The rule that decided cross-cutting or district-specific, in words (for
        ``readers`` of the public site without the statistical test's name); why there
        is none for a run of fewer than two districts."""
        from workbench.analysis.need_scope import no_comparison_text, rule_text

        if not self.scope_decided:
            return no_comparison_text(self.compared)
        return rule_text(self.cross_cutting_min, readers, self.city_words.uncounted)

    def _of_scope(self, scope: str) -> pd.DataFrame:
        return self.need_matrix[self.need_matrix["scope"] == scope].reset_index(drop=True)

    def cross_cutting(self) -> pd.DataFrame:
        """Rows of the need matrix raised in many districts (scope ``übergreifend``)."""
        from workbench.analysis.needs import CROSS_CUTTING

        return self._of_scope(CROSS_CUTTING)

    def district_specific(self) -> pd.DataFrame:
        """Rows of the need matrix raised in few districts (``sozialraumspezifisch``)."""
        from workbench.analysis.needs import DISTRICT_SPECIFIC

        return self._of_scope(DISTRICT_SPECIFIC)

    def without_district(self) -> pd.DataFrame:
        """Rows of the need matrix none of whose statements names a district."""
        from workbench.analysis.needs import NO_DISTRICT

        return self._of_scope(NO_DISTRICT)


# -- inputs, read once ------------------------------------------------------------------
@dataclass(frozen=True)
class _Inputs:
    segments: pd.DataFrame
    districts: list[str]  # every declared one, the city first
    quotes: pd.DataFrame
    clusters: pd.DataFrame | None
    need_assignments: pd.DataFrame | None
    topic_assignments: pd.DataFrame | None
    indicators: pd.DataFrame
    need_run: int | None
    topic_run: int | None
    notes: tuple[str, ...]
    public_notes: tuple[str, ...]
    cross_cutting_min: int = CROSS_CUTTING_MIN
    need_question: str | None = None
    renamed: dict[str, str] = field(default_factory=dict)  # "Lücke": "Leerstelle"


def _focus(clusters: pd.DataFrame | None) -> dict[int, tuple[str, ...]]:
    """The focus districts of the clusters that have one (runs before the rule: none)."""
    if clusters is None:
        return {}
    return {
        int(c.cluster): tuple(c.focus_districts)
        for c in clusters.itertuples()
        if isinstance(c.focus_districts, list | tuple) and len(c.focus_districts)
    }


def _today(clusters: pd.DataFrame, assignments: pd.DataFrame) -> pd.DataFrame:
    """Clusters sized by today's statements, not the run's: after `workbench forget` fewer
    may be left, and a cluster whose statements were all erased has nothing to show."""
    sizes = assignments.groupby("cluster")["segment_id"].nunique()
    kept = clusters[clusters["cluster"].isin(sizes.index)]
    return kept.assign(size=kept["cluster"].map(sizes).astype(int))


def _read(
    project: Project, need_run: int | None, topic_run: int | None, coder: str | None
) -> _Inputs:
    from workbench.analysis import need_clusters, needs, topics
    from workbench.analysis.need_clusters import PUBLIC_NO_NEED_RUN

    notes: list[str] = []
    public: list[str] = []  # each note as the public site says it
    cross_min, question = CROSS_CUTTING_MIN, None
    segments = project.segments()
    try:
        with project.session() as session:  # the run reports and apps follow by default
            run = need_clusters.need_run(session, need_run)
            run_id, params = run.id, needs.NeedParams.from_stored(run.params)
        need_assignments = needs.assignments(project, run_id)
        clusters = _today(needs.clusters(project, run_id), need_assignments)
        need_run, cross_min, question = run_id, params.cross_cutting_min, params.question
    except WorkbenchError as err:
        if need_run is not None:
            raise
        clusters = need_assignments = None
        notes.append(str(err))
        public.append(PUBLIC_NO_NEED_RUN)
    try:
        topic_assignments = topics.assignments(project, topic_run)
        topic_run = (
            topic_run if topic_run is not None else int(topics.runs(project)["run_id"].max())
        )
    except WorkbenchError as err:
        if topic_run is not None:
            raise
        topic_assignments = None
        notes.append(str(err))
        public.append(topics.PUBLIC_NO_TOPIC_RUN)
    table = indicators_.indicators(project)
    if table.empty:
        notes.append(NO_INDICATORS)
        public.append(PUBLIC_NO_INDICATORS)
    elif not (table["district"] == CITYWIDE).any():
        notes.append(NO_CITY_INDICATORS)
        public.append(NO_CITY_INDICATORS)
    districts = list(project.districts()["district"])  # the city first, then A–Z
    quotes = coded_quotes(project, coder=coder) if len(segments) else None
    guids = {p: g for p, g in project.code_guids().items() if SEPARATOR not in p}
    renamed = {p: d for d, p in dimension_codes(guids, guids).items() if p != d}
    return _Inputs(
        segments=segments,
        districts=districts,
        quotes=quotes,
        clusters=clusters,
        need_assignments=need_assignments,
        topic_assignments=topic_assignments,
        indicators=table,
        need_run=need_run if clusters is not None else None,
        topic_run=topic_run if topic_assignments is not None else None,
        notes=tuple(notes),
        public_notes=tuple(public),
        cross_cutting_min=cross_min,
        need_question=question if clusters is not None else None,
        renamed=renamed,
    )


# -- pure parts ------------------------------------------------------------------------
def _needs(inputs: _Inputs, district: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    if inputs.clusters is None or inputs.need_assignments is None:
        return _empty(NEED_COLUMNS), _empty(NEED_QUOTE_COLUMNS)
    own = inputs.need_assignments[inputs.need_assignments["district"] == district]
    counts = own.groupby("cluster")["segment_id"].nunique()
    rows = [
        {
            "cluster": int(c.cluster),
            "label": c.label,
            "scope": c.scope,
            "segments": int(counts[c.cluster]),
            "cluster_size": int(c.size),
            "n_districts": int(c.n_districts),
            "districts": tuple(c.districts),
        }
        for c in inputs.clusters.itertuples()
        if c.cluster in counts.index
    ]
    rows.sort(key=lambda r: (-r["segments"], r["cluster"]))
    needs = pd.DataFrame(rows, columns=list(NEED_COLUMNS)).astype(NEED_COLUMNS)

    representative = {
        int(s) for ids in inputs.clusters["quote_segment_ids"] for s in ids
    }  # fmt: skip
    labels = dict(zip(inputs.clusters["cluster"], inputs.clusters["label"], strict=True))
    order = {c: i for i, c in enumerate(needs["cluster"])}
    # One lookup table instead of a DataFrame row access per quote (that took seconds).
    mine = inputs.segments[inputs.segments["segment_id"].isin(own["segment_id"])]
    by_id = {int(seg.segment_id): seg for seg in mine.itertuples(index=False)}
    quote_rows = []
    for r in own.itertuples():
        seg = by_id[int(r.segment_id)]
        quote_rows.append(
            {
                "cluster": int(r.cluster),
                "label": labels[r.cluster],
                "segment_id": int(r.segment_id),
                "quote": seg.text,
                "representative": int(r.segment_id) in representative,
                "workshop": seg.workshop,
                "document": seg.document,
                "source_id": seg.source_id,
                "speaker_role": seg.speaker_role,
                "_order": (
                    order[r.cluster],
                    int(r.segment_id) not in representative,
                    int(seg.document_id),
                    int(seg.position),
                ),
            }
        )
    quote_rows.sort(key=lambda r: r["_order"])
    need_quotes = pd.DataFrame(
        [{k: v for k, v in r.items() if k != "_order"} for r in quote_rows],
        columns=list(NEED_QUOTE_COLUMNS),
    ).astype(NEED_QUOTE_COLUMNS)
    return needs, need_quotes


def _findings(inputs: _Inputs, district: str) -> pd.DataFrame:
    if inputs.quotes is None:
        return _empty(FINDING_COLUMNS)
    table = inputs.quotes[inputs.quotes["district"] == district].copy()
    top = table["code"].str.split(SEPARATOR).str[0]  # a renamed dimension code stays one
    table["dimension"] = top.map(lambda code: inputs.renamed.get(code, code))
    table = table[table["dimension"].isin(list(DIMENSIONS))]
    table["n_coders"] = table["coders"].str.split(", ").str.len().astype("int64")
    roles = inputs.segments.set_index("segment_id")["speaker_role"]
    table["speaker_role"] = table["segment_id"].map(roles)
    table["_dimension"] = table["dimension"].map(list(DIMENSIONS).index)
    table["_order"] = range(len(table))  # the quotes' own order: workshop, document, position
    table = table.sort_values(
        ["_dimension", "n_coders", "_order"], ascending=[True, False, True], kind="stable"
    )
    return table[list(FINDING_COLUMNS)].reset_index(drop=True).astype(FINDING_COLUMNS)


def _topics(inputs: _Inputs, district: str) -> pd.DataFrame:
    if inputs.topic_assignments is None:
        return _empty(TOPIC_COLUMNS)
    table = inputs.topic_assignments.merge(
        inputs.segments[["segment_id", "district"]], on="segment_id"
    )
    total = table.groupby(["topic", "topic_label"])["segment_id"].nunique()
    own = table[table["district"] == district]
    counts = own.groupby(["topic", "topic_label"])["segment_id"].nunique()
    n_own, n_all = own["segment_id"].nunique(), table["segment_id"].nunique()
    rows = [
        {
            "topic": topic,
            "label": label,
            "segments": int(n),
            "share": n / n_own,
            "share_all": total[(topic, label)] / n_all,
        }
        for (topic, label), n in counts.items()
    ]
    rows.sort(key=lambda r: (-r["segments"], r["topic"]))
    return pd.DataFrame(rows, columns=list(TOPIC_COLUMNS)).astype(TOPIC_COLUMNS)


def city_indicators(table: pd.DataFrame) -> pd.DataFrame:
    """The city's own values of ``table`` (columns of :func:`indicators.indicators`) in the
    comparison layout (index 100, no difference)."""
    city = table[table["district"] == CITYWIDE]
    rows = [
        {
            "district": CITYWIDE,
            "indicator": r.indicator,
            "year": r.year,
            "value": r.value,
            "unit": r.unit,
            "city_value": r.value,
            "city_unit": r.unit,
            "difference": 0.0,
            "index": 100.0,
            "source": r.source,
            "illustrative": r.illustrative,
            "note": "",
        }
        for r in city.itertuples()
    ]
    columns = indicators_.COMPARISON_COLUMNS
    result = pd.DataFrame(rows, columns=list(columns)).astype(columns)
    return result.sort_values(["indicator", "year"]).reset_index(drop=True)


def _profile(inputs: _Inputs, comparison: pd.DataFrame, district: str) -> DistrictProfile:
    own = inputs.segments[inputs.segments["district"] == district]
    needs, need_quotes = _needs(inputs, district)
    own_notes = []  # said alike to the team and on the public site
    if own.empty:
        own_notes.append(f"Aus {place(district)} liegen keine Aussagen vor.")
    if district == CITYWIDE:
        table = city_indicators(inputs.indicators)
    else:
        table = comparison[comparison["district"] == district].reset_index(drop=True)
        if table.empty and not inputs.indicators.empty:
            own_notes.append(NO_DISTRICT_INDICATORS.format(district=district))
    return DistrictProfile(
        district=district,
        segments=int(own["segment_id"].nunique()),
        workshops=tuple(sorted(set(own["workshop"]))),
        file_workshops=file_named(own),
        needs=needs,
        need_quotes=need_quotes,
        findings=_findings(inputs, district),
        topics=_topics(inputs, district),
        indicators=table,
        notes=(*inputs.notes, *own_notes),
        public_notes=(*inputs.public_notes, *own_notes),
        coded=inputs.quotes is not None and not inputs.quotes.empty,
        clustered=inputs.clusters is not None,
    )


def _matrix(inputs: _Inputs) -> pd.DataFrame:
    districts = inputs.districts
    if inputs.clusters is None or inputs.need_assignments is None:
        return pd.DataFrame(columns=[*MATRIX_FIXED, *districts])
    from workbench.analysis.needs import CROSS_CUTTING

    counts = inputs.need_assignments.groupby(["cluster", "district"])["segment_id"].nunique()
    rows = []
    for c in inputs.clusters.itertuples():
        row = {
            "cluster": int(c.cluster),
            "label": c.label,
            "scope": c.scope,
            "n_districts": int(c.n_districts),
            "size": int(c.size),
        }
        row.update({d: int(counts.get((c.cluster, d), 0)) for d in districts})
        rows.append(row)
    rows.sort(
        key=lambda r: (r["scope"] != CROSS_CUTTING, -r["n_districts"], -r["size"], r["cluster"])
    )
    table = pd.DataFrame(rows, columns=[*MATRIX_FIXED, *districts])
    return table.astype({"label": "string", "scope": "string"}).reset_index(drop=True)


# -- the stage -------------------------------------------------------------------------
def build_profiles(
    project: Project,
    need_run: int | None = None,
    topic_run: int | None = None,
    coder: str | None = None,
) -> Profiles:
    """Profiles of every district and the city, from the given (default: latest) runs.

    ``coder`` limits the coded findings to one coder's codings (default: anyone's).
    """
    inputs = _read(project, need_run, topic_run, coder)
    comparison = indicators_.compare_to_city(inputs.indicators)
    return Profiles(
        city=_profile(inputs, comparison, CITYWIDE),
        districts=tuple(_profile(inputs, comparison, d) for d in inputs.districts if d != CITYWIDE),
        need_matrix=_matrix(inputs),
        indicators=comparison,
        need_run=inputs.need_run,
        topic_run=inputs.topic_run,
        notes=inputs.notes,
        public_notes=inputs.public_notes,
        need_focus=_focus(inputs.clusters),
        cross_cutting_min=inputs.cross_cutting_min,
        need_question=inputs.need_question,
    )


def district_profile(
    project: Project,
    district: str,
    need_run: int | None = None,
    topic_run: int | None = None,
    coder: str | None = None,
) -> DistrictProfile:
    """The profile of one district (``Gesamtstadt``: the city-wide workshop and values)."""
    district = indicators_.check_district(district, list(project.districts()["district"]))
    inputs = _read(project, need_run, topic_run, coder)
    comparison = indicators_.compare_to_city(inputs.indicators)
    return _profile(inputs, comparison, district)
