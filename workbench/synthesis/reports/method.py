"""The report's closing section "Methodik und Herkunft": where the statements come from,
what counts as a finding, and how each need or topic run grouped them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workbench.synthesis.reports.model import Bullets, OutlineBuilder, ReportData, params_text

PUBLIC_RUN_NAMES = {"Bedarfslauf": "Bedarfsanalyse", "Themenlauf": "Themenanalyse"}
PUBLIC_SETTINGS = (
    "Die genauen Einstellungen hält das Projektteam fest: mit ihnen lässt sich jede "
    "Auswertung wiederholen."
)


def need_selection(params: Mapping[str, Any]) -> str:
    """Which statements a need run clustered, as its parameters say: those coded "Bedarf"
    or (``--segments all``) every statement, of them those under a guiding ``question``.

    >>> need_selection({"segments": "needs"}), need_selection({"segments": "all"})
    ('die als Bedarf kodierten Aussagen', 'alle Aussagen (nicht nur die als Bedarf kodierten)')
    >>> need_selection({"segments": "all", "question": "fehlt"})
    'die Antworten unter Leitfragen mit „fehlt“'
    """
    question = params.get("question")
    if question:
        coded = "" if params.get("segments") == "all" else ", als Bedarf kodiert,"
        return f"die Antworten{coded} unter Leitfragen mit „{question}“"
    if params.get("segments") == "all":
        return "alle Aussagen (nicht nur die als Bedarf kodierten)"
    return "die als Bedarf kodierten Aussagen"


def statement_sources(data: ReportData) -> str:
    """Where the statements come from, after "Aussagen:": the workshops' protocols and
    card walls, or the files imported without a workshop (a survey, a Pol.is export, a
    chat), or both (``held``: :func:`~workbench.synthesis.workshop_names.is_held`)."""
    held = int(data.workshops["held"].sum())
    if held == len(data.workshops):
        return "Protokolle und Kartenwände der Workshops"
    if not held:
        return "die importierten Dateien (Umfragen, Kartenwände, Chats o. Ä., ohne Workshop)"
    return "Protokolle und Kartenwände der Workshops sowie weitere importierte Dateien"


def method_section(out: OutlineBuilder, data: ReportData) -> None:
    """The section "Methodik und Herkunft" of a report or profile."""
    out.heading(2, "Methodik und Herkunft")
    items = [
        f"Aussagen: {statement_sources(data)}, beim Import pseudonymisiert.",
        "Befunde: Aussagen, die mit den Dimensionen Ressource, Herausforderung, Leerstelle, "
        "Begründung und Bedarf kodiert sind; Beispiele, bei denen die Kodierenden "
        "übereinstimmen, stehen vorn.",
        "Fehlende Angaben sind benannt: „ohne Datum“, „ohne Sozialraum“; Rollen, wo bekannt.",
    ]
    for name, info in data.runs.items():
        if data.public:  # readers: how it was grouped; the settings are the team's
            items.append(
                f"{PUBLIC_RUN_NAMES.get(name, name)}: {public_method(name, info['params'])}"
            )
        else:
            items.append(f"{name} {info['run']}: {params_text(info['params'])}")
    if data.public and data.runs:
        items.append(PUBLIC_SETTINGS)
    out.add(Bullets(tuple(items)))


def public_method(name: str, params: Mapping[str, Any]) -> str:
    """How a need run ("Bedarfslauf") or topic run grouped the statements, in words for the
    public site (its settings are the team's: :func:`params_text` in the team's report).

    >>> public_method("Bedarfslauf", {"segments": "needs", "cross_cutting_min": 3})[:62]
    'Die als Bedarf kodierten Aussagen sind computergestützt nach i'
    >>> public_method("Themenlauf", {"by": "district", "max_topics": 20})[:32]
    'Alle Aussagen sind je Sozialraum'
    """
    if name == "Bedarfslauf":
        grouped, kind = f"{need_selection(params)} sind", "Bedarfen"
    else:
        per = {"district": " je Sozialraum", "question": " je Leitfrage"}.get(params.get("by"))
        grouped, kind = f"alle Aussagen sind{per or ''}", "Themen"
    return (  # a sentence of its own after the colon
        f"{grouped[:1].upper()}{grouped[1:]} computergestützt nach inhaltlicher Ähnlichkeit "
        f"zu {kind} gruppiert, benannt mit einer Wendung aus ihren Aussagen oder vom Projektteam."
    )
