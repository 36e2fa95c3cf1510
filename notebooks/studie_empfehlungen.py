"""The demo study's draft recommendations (developed and justified in ``06_empfehlungen``):
each with the statements it rests on, stored and linked to the need clusters holding them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import pandas as pd

from workbench.demo import (
    RECOMMENDATION_AUTHOR,
    RecommendationSpec,
    add_demo_recommendations,
    demo_recommendations,
)

if TYPE_CHECKING:
    from workbench.project import Project

AUTHOR = RECOMMENDATION_AUTHOR

# The draft recommendations (developed in 06_empfehlungen), stored as data in
# corpus/empfehlungen.yaml: `workbench demo` creates them too.
RECOMMENDATIONS: tuple[RecommendationSpec, ...] = demo_recommendations()


def add_recommendations(
    project: Project,
    specs: Sequence[RecommendationSpec] = RECOMMENDATIONS,
    author: str = AUTHOR,
) -> pd.DataFrame:
    """Store the recommendations with their evidence and link each to the need clusters
    (latest run) that hold its evidence; return the recommendations table."""
    from workbench.synthesis import recommendations as rec

    add_demo_recommendations(project, specs, author)
    return rec.recommendations(project)


def recommendation_specs(specs: Iterable[RecommendationSpec] = RECOMMENDATIONS) -> pd.DataFrame:
    """The recommendation specs as a table (one row each, evidence as citations)."""
    return pd.DataFrame(
        [
            {
                "Titel": s.title,
                "Geltungsbereich": s.scope,
                "Akteure": ", ".join(s.actors),
                "Belege": "; ".join(f"{d} {i}" for d, i in s.evidence),
            }
            for s in specs
        ]
    )
