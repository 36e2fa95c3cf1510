"""The report's section on recommendations: each with its needs, evidence and chain check.

Part of the outline (:mod:`workbench.synthesis.reports.outline`): a recommendation answers
need clusters and rests on statements (Empfehlung → Bedarfscluster → Aussage → Dokument →
Workshop); a broken link of that chain is listed under it.
"""

from __future__ import annotations

from workbench.core.formatting import MISSING, text_or
from workbench.store import CITYWIDE
from workbench.synthesis.recommendation_chain import (
    problem_text,
    public_problem_text,
    recommendation_label,
    recommendation_title,
)
from workbench.synthesis.reports.model import (
    Bullets,
    OutlineBuilder,
    ReportData,
    cluster_tag,
    none_for_district,
    plural,
    quote,
    relevant,
    short,
)
from workbench.synthesis.reports.monitoring import PUBLIC_NO_RECOMMENDATIONS

NO_RECOMMENDATIONS = "Noch keine Empfehlungen: workbench recommend add TEXT."
NOT_OWN_EVIDENCE = "Keine eigenen Belege; typische Aussagen der verknüpften Bedarfe:"


def recommendation_section(out: OutlineBuilder, data: ReportData, max_quotes: int) -> None:
    """Each recommendation (of the district, if any) with its needs, evidence and check."""
    out.heading(2, "Empfehlungen")
    recs = [r for r in data.chain["recommendations"] if relevant(data, r)]
    if not recs:
        none = PUBLIC_NO_RECOMMENDATIONS if data.public else NO_RECOMMENDATIONS
        out.text(none_for_district(data) or none, "note")
        return
    need = "Bedarf" if data.public else "Bedarfscluster"  # the analysis's word: the team's
    out.text(
        "Zu jeder Empfehlung die Bedarfe, auf die sie antwortet, und die Aussagen, auf die "
        f"sie sich stützt (Empfehlung → {need} → Aussage → Dokument → Workshop)."
    )
    for rec in recs:
        out.heading(
            3, f"Empfehlung {rec['id']}: {short(recommendation_label(rec['title'], rec['text']))}"
        )
        if recommendation_title(rec["title"]):  # else the heading shows the text
            out.text(rec["text"])
        scope = "gesamtstädtisch" if rec["scope"] == CITYWIDE else rec["scope"]
        actors = ", ".join(rec["actors"]) or MISSING
        out.text(
            f"Geltungsbereich: {scope} · Adressiert an: {actors} · "
            f"Status: {text_or(rec['status'])}",
            "meta",
        )
        items = []
        for need in rec["needs"]:
            current = need["current"]
            if current:
                size = plural(len(current["segments"]), "Aussage", "Aussagen")
                scope = current["scope"] if data.profiles.scope_decided else ""
                about = (scope, cluster_tag(data, current["cluster"]), size)
                items.append(f"Bedarf „{current['label']}“ ({', '.join(filter(None, about))})")
            else:  # "Lauf" is the team's word for a run of the analysis
                gone = "in der aktuellen Bedarfsanalyse" if data.public else "im aktuellen Lauf"
                items.append(f"Bedarf „{need['linked']['label']}“ ({gone} nicht mehr vorhanden)")
        if items:
            out.add(Bullets(tuple(items)))
        cited = [e["segment_id"] for e in rec["evidence"] if e["exists"]]
        typical = not cited  # no own evidence: the linked clusters' representative quotes
        if typical:
            cited = [q for n in rec["needs"] if n["current"] for q in n["current"]["quotes"]]
        shown = [s for s in dict.fromkeys(cited) if s in data.segments.index][:max_quotes]
        if typical and shown:  # said, so that nobody takes them for its evidence
            out.text(NOT_OWN_EVIDENCE, "note")
        for segment_id in shown:
            out.add(quote(data, segment_id))
        for note in rec.get("notes", ()):
            out.text(f"Prüfhinweis: {note}.", "note")
        if rec["problems"]:
            out.text("Nachweiskette unterbrochen:", "note")
            said = public_problem_text if data.public else problem_text  # no team's ids
            out.add(
                Bullets(tuple(said(p["link"], p["target"], p["problem"]) for p in rec["problems"]))
            )
        else:
            out.text("Nachweiskette vollständig.", "meta")
