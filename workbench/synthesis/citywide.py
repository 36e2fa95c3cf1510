"""What the statements without a Sozialraum are called in apps, reports and the site.

The workbench was modelled on a study with a city-wide kick-off workshop
("Auftaktworkshop Gesamtstadt" in the demo) beside district workshops. Many studies have
none: an online consultation (Pol.is, Decidim) without districts, a city-wide survey, a
study of one neighbourhood. Their statements without a Sozialraum are stored under
``Gesamtstadt`` alike, so the words are decided here, once, from the names of the
workshops those statements come from:

- every one is named a kick-off ("Auftakt…", "Kick-off") → "Auftaktworkshop";
- every one is named city-wide ("… Gesamtstadt", "gesamtstädtisch", "stadtweit") or a
  kick-off → "gesamtstädtischer Workshop";
- otherwise (a survey, a Pol.is export, a file without a district) → "ohne Sozialraum".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.store import CITYWIDE

if TYPE_CHECKING:
    import pandas as pd

    from workbench.analysis.topic_map import MapData

_KICKOFF = re.compile(r"auftakt|kick[\s-]?off", re.IGNORECASE)
_CITYWIDE = re.compile(r"gesamtstadt|gesamtstädt|stadtweit", re.IGNORECASE)


@dataclass(frozen=True)
class CityWords:
    """The words for the statements without a Sozialraum, as one study has them."""

    heading: str  # the city-wide profile's title
    column: str  # its column beside the districts (needs × districts)
    origin: str  # after "12 Aussagen": where they come from
    source: str  # after "aus": the kick-off, the city-wide workshop, the statements
    uncounted: str  # the rule's last sentence: what does not count for the scope
    needs_title: str  # the app's list of their needs
    resources_title: str  # the concept's list of their resources

    def none_found(self, what: str) -> str:
        """A sentence that no ``what`` (e.g. "Bedarfe") were found among them.

        >>> city_words(["comments"]).none_found("Bedarfe")
        'Unter den Aussagen ohne Sozialraum sind keine Bedarfe erfasst.'
        """
        if self.source.startswith("den Aussagen"):
            return f"Unter {self.source} sind keine {what} erfasst."
        return f"Aus {self.source} sind keine {what} erfasst."


KICKOFF_WORDS = CityWords(
    heading="Gesamtstadt (Auftaktworkshop)",
    column="Gesamtstadt (Auftakt)",
    origin="aus dem Auftaktworkshop",
    source="dem Auftaktworkshop",
    uncounted="Aussagen des gesamtstädtischen Workshops zählen dabei nicht.",
    needs_title="Bedarfe aus dem gesamtstädtischen Auftaktworkshop",
    resources_title="Ressourcen aus dem gesamtstädtischen Workshop",
)
WORKSHOP_WORDS = CityWords(
    heading="Gesamtstadt (gesamtstädtischer Workshop)",
    column="Gesamtstadt (Workshop)",
    origin="aus dem gesamtstädtischen Workshop",
    source="dem gesamtstädtischen Workshop",
    uncounted="Aussagen des gesamtstädtischen Workshops zählen dabei nicht.",
    needs_title="Bedarfe aus dem gesamtstädtischen Workshop",
    resources_title="Ressourcen aus dem gesamtstädtischen Workshop",
)
UNPLACED_WORDS = CityWords(
    heading="Gesamtstadt (Aussagen ohne Sozialraum)",
    column="ohne Sozialraum",
    origin="ohne Sozialraum",
    source="den Aussagen ohne Sozialraum",
    uncounted="Aussagen ohne Sozialraum zählen dabei nicht.",
    needs_title="Bedarfe aus den Aussagen ohne Sozialraum",
    resources_title="Ressourcen aus den Aussagen ohne Sozialraum",
)


def city_words(workshops: Iterable[str]) -> CityWords:
    """The words for the statements without a Sozialraum, from their workshops' names.

    >>> city_words(["Auftaktworkshop Gesamtstadt"]).heading
    'Gesamtstadt (Auftaktworkshop)'
    >>> city_words(["Stadtkonferenz Gesamtstadt"]).origin
    'aus dem gesamtstädtischen Workshop'
    >>> city_words(["comments", "Auftaktworkshop"]).heading
    'Gesamtstadt (Aussagen ohne Sozialraum)'
    """
    names = [str(w) for w in workshops]
    if names and all(_KICKOFF.search(n) for n in names):
        return KICKOFF_WORDS
    if names and all(_KICKOFF.search(n) or _CITYWIDE.search(n) for n in names):
        return WORKSHOP_WORDS
    return UNPLACED_WORDS


def place_name(district: str, workshops: Iterable[str]) -> str:
    """A district as a column or menu entry beside the others names it: the statements
    under Gesamtstadt from a city-wide workshop are "Gesamtstadt", any others (a survey,
    a Pol.is export) "ohne Sozialraum" (``workshops``: those of the Gesamtstadt's).

    >>> place_name("Gesamtstadt", ["Umfrage"]), place_name("Gesamtstadt", ["Auftakt"])
    ('ohne Sozialraum', 'Gesamtstadt')
    >>> place_name("Manfort", ["Umfrage"])
    'Manfort'
    """
    if district == CITYWIDE and city_words(workshops) is UNPLACED_WORDS:
        return UNPLACED_WORDS.origin
    return district


def statements_from(district: str, workshops: Iterable[str]) -> str:
    """After "Aussagen": where they come from ("aus Manfort", "ohne Sozialraum").

    >>> statements_from("Gesamtstadt", ["comments"]), statements_from("Opladen", [])
    ('ohne Sozialraum', 'aus Opladen')
    """
    name = place_name(district, workshops)
    return name if name == UNPLACED_WORDS.origin else f"aus {name}"


def named_places(data: MapData, statements: pd.DataFrame) -> pd.DataFrame:
    """``statements`` of the topic map with each district as :func:`place_name` says it
    (their map points name it)."""
    city = data.city_workshops
    return statements.assign(district=[place_name(d, city) for d in statements["district"]])


def city_heading(workshops: Iterable[str]) -> str:
    """The city-wide profile's name: with where its statements come from if it has any
    (a study without them, e.g. district workshops only, has its indicators there).

    >>> city_heading(["Auftaktworkshop Gesamtstadt"]), city_heading([])
    ('Gesamtstadt (Auftaktworkshop)', 'Gesamtstadt')
    >>> city_heading(["Umfrage 2024"])
    'Gesamtstadt (Aussagen ohne Sozialraum)'
    """
    names = list(workshops)
    return city_words(names).heading if names else CITYWIDE


def menu_name(district: str, workshops: Iterable[str]) -> str:
    """A profile as a menu entry, chart bar or table cell beside the districts: the
    :func:`place_name` of its statements; the city without statements of its own (its
    indicators only) stays "Gesamtstadt".

    >>> menu_name("Gesamtstadt", ["umfrage"]), menu_name("Gesamtstadt", [])
    ('ohne Sozialraum', 'Gesamtstadt')
    """
    names = list(workshops)
    return place_name(district, names) if names else district


def column_name(district: str, workshops: Iterable[str]) -> str:
    """A place as a column, bar or series beside the districts, where statements are
    counted (the needs × districts matrix of the app, the report and the XLSX; the report's
    charts): the city's statements say where they come from ("Gesamtstadt (Auftakt)", "ohne
    Sozialraum"), not "Gesamtstadt" alone, which reads like the city's total; the city
    without statements of its own stays "Gesamtstadt" (docs/decisions/015-citywide-wording.md).

    >>> column_name("Gesamtstadt", ["Auftaktworkshop"]), column_name("Gesamtstadt", ["umfrage"])
    ('Gesamtstadt (Auftakt)', 'ohne Sozialraum')
    >>> column_name("Gesamtstadt", []), column_name("Manfort", ["umfrage"])
    ('Gesamtstadt', 'Manfort')
    """
    names = list(workshops)
    if district != CITYWIDE or not names:
        return district
    return city_words(names).column


def placed(preposition: str, district: str, workshops: Iterable[str]) -> str:
    """A district after ``preposition`` in a sentence or chart title ("in Manfort", "aus
    der Gesamtstadt"); the statements under Gesamtstadt that :func:`menu_name` calls "ohne
    Sozialraum" (a survey's) are that, without the preposition.

    >>> placed("in", "Opladen", []), placed("aus", "Gesamtstadt", ["Auftakt"])
    ('in Opladen', 'aus der Gesamtstadt')
    >>> f"Keine Themen {placed('aus', 'Gesamtstadt', ['umfrage'])}."
    'Keine Themen ohne Sozialraum.'
    """
    name = menu_name(district, workshops)
    if name == UNPLACED_WORDS.origin:
        return name
    return f"{preposition} {'der Gesamtstadt' if district == CITYWIDE else district}"


def profile_name(district: str, workshops: Iterable[str]) -> str:
    """A profile's name in its title: a district's own, the city's :func:`city_heading`
    (``workshops``: those of the Gesamtstadt's statements).

    >>> profile_name("Gesamtstadt", ["umfrage"]), profile_name("Opladen", ["umfrage"])
    ('Gesamtstadt (Aussagen ohne Sozialraum)', 'Opladen')
    """
    return city_heading(workshops) if district == CITYWIDE else district
