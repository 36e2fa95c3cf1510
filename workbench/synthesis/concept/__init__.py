"""The Sozialraumkonzept: the researchers' prose, assembled with the study's findings and checked.

The concept has two pillars — participation as a standing instrument, and a
Quartiersmanagement per district as the intermediary between residents, professional and
volunteer actors and the city — and, for each district, its cross-cutting and specific
needs, the resources named in its workshops, the actors responsible, the recommendations
with their evidence trail and the indicators to watch.

- :mod:`.text` reads the researchers' prose (a small Markdown file, ``docs/sozialraumkonzept.md``);
- :mod:`.model` assembles the concept from the project and checks every link
  (:func:`build_concept`; broken or missing links become :class:`ConceptWarning`);
- :mod:`.outline` lays it out in the report's blocks;
- :mod:`.render` writes HTML and DOCX (:func:`write_concept`) and gives the concept as a
  chapter of the city-wide report (:func:`concept_chapter`, :func:`with_chapter`).
"""

from __future__ import annotations

from workbench.synthesis.concept.model import (
    NO_NEED_RUN,
    NO_RECOMMENDATIONS,
    Concept,
    ConceptWarning,
    DistrictPart,
    MissingStatement,
    NeedLink,
    Pillar,
    RecommendationEntry,
    Statement,
    build_concept,
    find_statement,
)
from workbench.synthesis.concept.outline import CaptionedTable, concept_outline, quote_source
from workbench.synthesis.concept.render import (
    CONCEPT_FORMATS,
    WrittenConcept,
    concept_chapter,
    render_concept,
    with_chapter,
    write_concept,
)
from workbench.synthesis.concept.text import (
    NEIGHBOURHOOD_MANAGEMENT,
    PARTICIPATION,
    PILLAR_TITLES,
    ConceptText,
    Section,
    parse_concept_text,
    read_concept_text,
)

__all__ = [
    "CONCEPT_FORMATS",
    "NEIGHBOURHOOD_MANAGEMENT",
    "NO_NEED_RUN",
    "NO_RECOMMENDATIONS",
    "PARTICIPATION",
    "PILLAR_TITLES",
    "CaptionedTable",
    "Concept",
    "ConceptText",
    "ConceptWarning",
    "DistrictPart",
    "MissingStatement",
    "NeedLink",
    "Pillar",
    "RecommendationEntry",
    "Section",
    "Statement",
    "WrittenConcept",
    "build_concept",
    "concept_chapter",
    "concept_outline",
    "find_statement",
    "parse_concept_text",
    "quote_source",
    "read_concept_text",
    "render_concept",
    "with_chapter",
    "write_concept",
]
