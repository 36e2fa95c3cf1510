"""Words for a facility, a service or a group that are no surname: a compound whose last
part names a place people meet or a service ("Stadtteilbüro", "Skatepark", "Jugendzentrum",
"Volkshochschule"), and the services met as "von der Post", "zu Hause" (pure)."""

from __future__ import annotations

# The last parts of such compounds, folded. Left out: parts that end German surnames
# too ("-haus": Neuhaus, "-hof": Kirchhof, "-garten": Baumgarten, "-heim", "-berg",
# "-feld", "-mann"), so "Lea Steinhaus" stays a name.
_HEADS = (
    "buro", "park", "zentrum", "treff", "cafe", "verein", "fest", "markt", "kurs", "hilfe",
    "chor", "beirat", "kammer", "borse", "bucherei", "gruppe", "schule", "kasse", "amt",
    "verwaltung", "versicherung", "werkstatt", "bibliothek", "center", "projekt", "theater",
    "kino", "initiative", "genossenschaft", "gesellschaft", "behorde", "agentur", "kita",
)  # fmt: skip
# The last part follows a first part of three letters or more ("Nähkurs", not "Samt").
_SHORTEST_FIRST = 3
# Services and places after "von der", "vom", "zu": "die Frau von der Post", "Herr zu Hause".
_SERVICES = frozenset(
    "post bank hause zuhause stadt polizei kirche schule gemeinde kita tafel zeitung "
    "apotheke arbeit uni caritas diakonie awo feuerwehr presse verwaltung sparkasse".split()
)


def facility_compound(folded: str) -> bool:
    """Whether the folded word is a compound naming a facility, a service or a group
    ("stadtteilburo", "skatepark", "nachbarschaftstreff"), whose last part is one of them."""
    return any(
        folded.endswith(head) and len(folded) - len(head) >= _SHORTEST_FIRST for head in _HEADS
    )


def service_word(folded: str) -> bool:
    """Whether the folded word after a particle names a service or a facility, not the
    rest of a surname ("von der Post", "von der Volkshochschule", "zu Hause"; not "von der
    Heide", "von der Leyen")."""
    return folded in _SERVICES or facility_compound(folded)
