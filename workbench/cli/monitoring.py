"""CLI for monitoring over time: waves, needs across waves, indicator series, status history.

``workbench waves`` lists (and renames) the study's waves, ``workbench monitoring needs``
compares the need clusters of two waves per Sozialraum, ``workbench monitoring
indicators`` shows each indicator's values by year beside the city, and ``workbench
recommend status|history`` (registered with ``recommend``) records and lists the dated
status steps of recommendations; ``recommend pseudonymise`` stores the actors, authors and
steps an earlier release kept as typed pseudonymised, and the need clusters' edits'
authors who are participants as their placeholders.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from workbench.cli.common import (
    district_option,
    notice,
    open_project,
    output_path,
    said_to,
    show_line,
)
from workbench.core.fileio import write_csv

if TYPE_CHECKING:
    import pandas as pd

    from workbench.project import Project


def cmd_waves(args: argparse.Namespace) -> int:
    """workbench waves [--rename ALT NEU | --order WELLE … | --move WORKSHOP WELLE]."""
    from workbench.analysis import waves
    from workbench.core.formatting import plural
    from workbench.synthesis.workshop_names import project_held, wave_sources

    project = open_project(args)
    if args.rename:
        label = waves.rename_wave(project, *args.rename)
        show_line(f"Welle '{args.rename[0]}' heißt jetzt '{label}'.")
    if args.order:
        waves.reorder_waves(project, args.order)
        print("Reihenfolge der Wellen geändert (die früheste zuerst).")
    if args.move:
        moved = waves.move_workshop(project, *args.move)
        show_line(f"Workshop '{moved.workshop}' gehört jetzt zur Welle '{moved.after}' "
              f"(bisher '{moved.before}').")  # fmt: skip
        if moved.removed:
            show_line(
                f"Die Welle '{moved.before}' hatte keinen weiteren Workshop und ist entfernt."
            )
        if moved.created:
            show_line(f"Neue Welle '{moved.after}' als letzte angelegt. War sie früher: "
                  "workbench waves --order ÄLTESTE … JÜNGSTE")  # fmt: skip
    table = waves.waves(project)
    if table.empty:
        print("Noch keine Welle: sie entsteht mit dem ersten Import (workbench import …).")
    held = project_held(project)  # a survey or card wall is a source, not a workshop
    listed = project.workshops()
    sources = wave_sources(listed.assign(held=listed["workshop"].map(held)))
    for w in table.itertuples():
        workshops = sources.get(w.wave, plural(0, "Workshop", "Workshops"))
        statements = plural(int(w.segments), "Aussage", "Aussagen")
        show_line(f"{w.position:>2}. {w.wave}: {workshops}, {statements} "
              f"({', '.join(w.districts) or 'keine'})")  # fmt: skip
    return 0


def wave_lines(project: Project) -> list[str]:
    """Statements per wave for ``workbench status`` (empty with a single wave)."""
    from workbench.analysis import waves

    table = waves.waves(project)
    if len(table) < 2:
        return []
    return [f"  davon {w.wave:<26}{w.segments:>8}" for w in table.itertuples()]


def _ids(ids: tuple[int, ...]) -> str:
    return " ".join(str(i) for i in ids)


def _no_needs_here(name: str, surveyed: dict[str, list[str]], earlier: str, later: str) -> str:
    """Why one Sozialraum has no row: the waves it has statements in, or none at all."""
    from workbench.core.formatting import MISSING_DISTRICT

    where = "ohne Sozialraum" if name == MISSING_DISTRICT else f"aus {name}"
    found = [wave for wave, districts in surveyed.items() if name in districts]
    head = f"Keine Bedarfe {where} in den Wellen '{earlier}' und '{later}'"
    if not found:
        return f"{head}: Es gibt noch keine Aussagen {where}."
    listed = ("der Welle " if len(found) == 1 else "den Wellen ") + ", ".join(
        f"'{w}'" for w in found
    )
    if set(found) & {earlier, later}:
        return f"{head} (Aussagen {where} in {listed})."
    return (
        f"{head}: Aussagen {where} gibt es nur in {listed} "
        "(andere Wellen vergleichen: --earlier WELLE --later WELLE)."
    )


def cmd_monitoring_needs(args: argparse.Namespace) -> int:
    """workbench monitoring needs [--run N] [--earlier W] [--later W] [--min N] …."""
    from workbench.analysis import waves
    from workbench.core.formatting import MISSING_DISTRICT, plural
    from workbench.store import CITYWIDE

    project = open_project(args)
    result = waves.need_comparison(
        project, run_id=args.run, earlier=args.earlier, later=args.later, min_count=args.min
    )
    table = result.table
    if args.district:
        from workbench.synthesis.indicator_tables import check_district

        district = district_option(project, args.district)  # "Opladen": since merged
        if district != MISSING_DISTRICT:
            district = check_district(district, list(project.districts()["district"]))
        # the city-wide statements are the comparison's row "ohne Sozialraum"
        district = MISSING_DISTRICT if district == CITYWIDE else district
        table = result.district(district)
    if args.out:
        out = table.assign(
            per_wave=table["per_wave"].map(lambda d: "; ".join(f"{k}: {v}" for k, v in d.items())),
            earlier_ids=table["earlier_ids"].map(_ids),
            later_ids=table["later_ids"].map(_ids),
        ).rename(columns={"earlier": result.earlier, "later": result.later})
        write_csv(out, args.out)
        show_line(f"{len(table)} Zeilen (Bedarf × Sozialraum) → {args.out}", file=said_to(args.out))
        return 0
    show_line(f"Bedarfe im Vergleich: {result.earlier} → {result.later} (Bedarfslauf "
          f"{result.run_id}; neu/nicht mehr genannt ab {result.min_count} Aussagen)")  # fmt: skip
    for note in result.notes:
        notice(note, "Hinweis: ")
    listed = waves.waves(project)
    surveyed = dict(zip(listed["wave"], listed["districts"], strict=True))
    if table.empty and args.district:
        show_line(_no_needs_here(district, surveyed, result.earlier, result.later))
    elif table.empty:
        print("Keine Bedarfe in diesen Wellen.")
    for district, rows in table.groupby("district", sort=False):
        show_line(f"\n{district}")
        if (rows["status"] == waves.NOT_SURVEYED).all():
            absent = [w for w in (result.earlier, result.later) if district not in surveyed[w]]
            uncoded = result.uncoded.get(district, ())
            compared = plural(len(rows), "Bedarf", "Bedarfe")
            why = [f"in der Welle '{' und '.join(absent)}' keine Aussagen von hier"] * bool(absent)
            why += [f"in der Welle '{' und '.join(uncoded)}' noch nichts kodiert"] * bool(uncoded)
            show_line(f"  nicht erhoben: {'; '.join(why)} ({compared} nicht verglichen)")
            continue
        for r in rows.itertuples():
            show_line(f"  {r.status:<19}{r.earlier:>3} → {r.later:<3}  {r.label}")
    return 0


def _series_block(rows: pd.DataFrame, years: list[int]) -> list[str]:
    """One indicator's rows as aligned lines (values per year, change, city's change)."""
    import pandas as pd

    from workbench.core.formatting import format_number, signs_note, value_places
    from workbench.synthesis.monitoring import change_text

    unit = str(rows["unit"].iloc[-1] or "").strip()  # a table's column may name none
    head = "".join(f"{y:>10}" for y in years)
    trend = len(years) > 1  # one year only: no change column (years_note says why)
    wide = max(18, *(len(d) + 1 for d in rows["district"]))  # "Überruhr-Holthausen" too
    lines = [
        f"{rows['indicator'].iloc[0]} ({unit})" if unit else str(rows["indicator"].iloc[0]),
        f"  {'Sozialraum':<{wide}}{head}{'   Veränderung' if trend else ''}",
    ]
    places = value_places(*(v for values in rows["values"] for v in values))  # 9,0 beside 9,5
    shown = []  # every number shown: "." for a year without a value needs the legend
    for r in rows.itertuples():
        by_year = dict(zip(r.years, r.values, strict=True))
        shown += [format_number(by_year.get(y), places) for y in years]
        cells = "".join(f"{cell:>10}" for cell in shown[-len(years) :])
        if not trend:
            lines.append(f"  {r.district:<{wide}}{cells}")
            continue
        change = change_text(r.change, r.unit)
        if pd.isna(r.change) and r.note:  # no change to show: the note says why
            change = str(r.note)
        elif not r.is_citywide and not pd.isna(r.city_change):
            change += f" (Gesamtstadt {change_text(r.city_change, r.unit)})"
        elif r.note:
            change += f" ({r.note})"
        lines.append(f"  {r.district:<{wide}}{cells}   {change}")
    return lines + ([f"  {signs}"] if (signs := signs_note(shown)) else [])


def cmd_monitoring_indicators(args: argparse.Namespace) -> int:
    """workbench monitoring indicators [--indicator NAME] [--district NAME] [--out CSV]."""
    from workbench.core.formatting import plural, yes_no
    from workbench.synthesis import monitoring

    project = open_project(args)
    district = district_option(project, args.district)  # "Opladen": since merged
    table = monitoring.indicator_series(project, indicator=args.indicator, district=district)
    notes = monitoring.merged_series_notes(project, table)
    merged = [note for _, note in notes]
    if args.out:
        out = table.assign(
            # the file says it too: a series across a merge compares two areas
            note=[monitoring.series_row_note(r, notes) for r in table.itertuples()],
            years=table["years"].map(lambda t: " ".join(str(y) for y in t)),
            # every digit: ":g" kept six ("1.08483e+06" for 1.084.831 residents)
            values=table["values"].map(lambda t: " ".join(f"{v:.15g}" for v in t)),
            is_citywide=table["is_citywide"].map(yes_no),  # ja/nein, not True/False
            illustrative=table["illustrative"].map(yes_no),
        )
        write_csv(out, args.out)
        show_line(
            f"{plural(len(table), 'Zeitreihe', 'Zeitreihen')} → {args.out}", file=said_to(args.out)
        )
        for note in merged:
            notice(note, "Hinweis: ", said_to(args.out))
        return 0
    years = sorted({y for t in table["years"] for y in t})
    show_line(monitoring.years_note(years))
    for note in merged:  # a series across a merge compares two areas
        notice(note, "Hinweis: ")
    for _, rows in table.groupby("indicator", sort=False):
        print()
        show_line("\n".join(_series_block(rows, years)))
    if table["illustrative"].any():
        print("\nIllustrative Werte (Demo) sind keine amtlichen Zahlen.")
    return 0


def recommend_status(project: Project, args: argparse.Namespace) -> int:
    """``workbench recommend status ID STATUS --date … --by …`` and ``… history [ID]``."""
    # history reads only: the pseudonymiser (workbench.ingest) loads for status, pseudonymise
    from workbench.synthesis.recommendation_tables import (
        recommendation_label,
        recommendations,
        status_history,
    )

    if args.action == "pseudonymise":
        return _pseudonymise(project, args.dry_run)
    if args.action == "status":
        from workbench.synthesis import recommendation_status as history

        known = set(history.status_history(project, args.id)["entry_id"])
        entry = history.record_status(
            project, args.id, args.status, args.date, args.by, args.note or ""
        )
        steps = history.status_history(project, args.id)
        # as stored, like ``history`` shows it ("01.12.2025" → 2025-12-01, "Umgesetzt" →
        # umgesetzt); the same step again keeps who was named first
        step = steps[steps["entry_id"] == entry].iloc[0]
        said = f"{step['status']} am {step['date']} ({step['actor']})"
        if entry in known:
            show_line(f"Empfehlung {args.id}: {said} stand schon im Verlauf; nichts geändert.")
        else:
            show_line(f"Empfehlung {args.id}: {said}.")
        return 0
    table = status_history(project, args.id)
    if table.empty:
        print("Noch kein Statusverlauf (workbench recommend status NR STATUS --date … --by …).")
        return 0
    listed = recommendations(project)  # named as the rating card names it: untitled, its text
    texts = dict(zip(listed["recommendation_id"], listed["text"], strict=True))
    for rec_id, rows in table.groupby("recommendation_id", sort=False):
        title = recommendation_label(rows["title"].iloc[0], texts[rec_id])
        show_line(f"Empfehlung {rec_id}: {title} ({rows['scope'].iloc[0]})")
        for r in rows.itertuples():
            note = f" – {r.note}" if r.note else ""
            show_line(f"  {r.date}  {r.status:<15} {r.actor}{note}")
    return 0


def _pseudonymise(project: Project, dry_run: bool) -> int:
    """``workbench recommend pseudonymise [--dry-run]``: recommendations and need clusters'
    edits an earlier release stored with names as typed; says their numbers, never names."""
    from workbench.analysis.need_edits import pseudonymise_authors
    from workbench.synthesis import recommendation_status as history

    changed = history.pseudonymise_stored(project, dry_run=dry_run)
    edits = pseudonymise_authors(project, dry_run=dry_run)
    if not changed and not edits:
        print(
            "Akteure, Autor*innen und Statusverlauf aller Empfehlungen und die Autor*innen "
            "der Änderungen an Bedarfsclustern sind schon pseudonymisiert."
        )
        return 0
    ids, edit_ids = " ".join(map(str, changed)), " ".join(map(str, edits))
    if dry_run:
        if changed:
            show_line(
                f"{len(changed)} Empfehlung(en) mit Namen in Akteuren, Autor*in oder "
                f"Statusverlauf (Nummer {ids}); nichts geändert (ohne --dry-run ersetzen)."
            )
        if edits:
            show_line(
                f"{len(edits)} Änderung(en) an Bedarfsclustern mit einer Teilnehmenden als "
                f"Autor*in (Nummer {edit_ids}); nichts geändert (ohne --dry-run ersetzen)."
            )
        return 0
    if changed:
        show_line(
            f"{len(changed)} Empfehlung(en) pseudonymisiert (Akteure, Autor*in, Statusverlauf; "
            f"Nummer {ids})."
        )
    if edits:
        show_line(
            f"{len(edits)} Änderung(en) an Bedarfsclustern pseudonymisiert (Autor*in; "
            f"Nummer {edit_ids})."
        )
    return 0


def add_recommend_actions(actions: argparse._SubParsersAction) -> None:
    """The ``status`` and ``history`` actions of ``workbench recommend``."""
    from workbench.synthesis.recommendation_terms import STATUSES

    s = actions.add_parser(
        "status",
        help="Statusschritt mit Datum und Verantwortlichen festhalten",
        description=f"Status: {', '.join(STATUSES)}. Der aktuelle Status der Empfehlung "
        "ist der ihres jüngsten Schritts.",
    )
    s.add_argument(
        "id", type=int, metavar="NR", help="Nummer der Empfehlung (zeigt workbench recommend list)"
    )
    s.add_argument("status", metavar="STATUS", help=" | ".join(STATUSES))
    s.add_argument("--date", required=True, metavar="JJJJ-MM-TT", help="Datum des Schritts")
    s.add_argument("--by", required=True, metavar="AKTEUR", help="wer verantwortlich ist")
    s.add_argument("--note", metavar="TEXT", help="kurze Notiz (z. B. Beschluss, Grund)")
    d = actions.add_parser(
        "pseudonymise",
        help="Akteure, Autor*innen und Statusverlauf, die eine frühere Fassung im Klartext "
        "speicherte, pseudonymisieren",
        description="Frühere Fassungen speicherten Akteure und Verantwortliche und Notizen "
        "des Statusverlaufs, wie sie getippt wurden („Frau Anna Becker (Jugendamt)“), und "
        "Teilnehmende als Autor*in einer Empfehlung oder einer Änderung der Bedarfscluster "
        "(cluster rename/merge/split --author) mit ihrem Namen. Dieser Befehl speichert sie "
        "pseudonymisiert, wie neue Einträge; er nennt die Nummern der geänderten Empfehlungen "
        "und Änderungen, nie die Namen.",
    )
    d.add_argument("--dry-run", action="store_true", help="nur nennen, nichts ändern")
    h = actions.add_parser("history", help="Statusverlauf der Empfehlungen anzeigen")
    h.add_argument("id", type=int, nargs="?", metavar="NR", help="nur diese Empfehlung")


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register ``waves`` and ``monitoring``."""
    p = sub.add_parser(
        "waves",
        help="Wellen der Studie anzeigen, umbenennen, ordnen, Workshops verschieben",
        description="Jeder Workshop gehört zu einer Welle (Import mit --wave BEZEICHNUNG; "
        "ohne Angabe die erste Welle). Die Reihenfolge ist die des ersten Imports; wer eine "
        "frühere Welle später importiert, stellt sie mit --order richtig.",
    )
    group = p.add_mutually_exclusive_group()
    group.add_argument("--rename", nargs=2, metavar=("ALT", "NEU"), help="Welle umbenennen")
    group.add_argument(
        "--order",
        nargs="+",
        metavar="WELLE",
        help="alle Wellen in zeitlicher Reihenfolge, die früheste zuerst "
        '(z. B. --order "Erhebung 2021" "Folgebefragung 2022")',
    )
    group.add_argument(
        "--move",
        nargs=2,
        metavar=("WORKSHOP", "WELLE"),
        help="Workshop in eine andere Welle setzen (ohne --wave importiert, kam er in die "
        "erste; eine neue Welle wird als letzte angelegt)",
    )
    p.set_defaults(func=cmd_waves)

    p = sub.add_parser(
        "monitoring",
        help="Verlauf: Bedarfe über Wellen, Indikatoren über Jahre",
        description="needs: Bedarfscluster des maßgeblichen Laufs je Sozialraum zwischen zwei "
        "Wellen (neu, anhaltend, nicht mehr genannt, vereinzelt, nicht erhoben). "
        "indicators: Werte je Jahr und Veränderung neben der Gesamtstadt.",
    )
    views = p.add_subparsers(dest="view", required=True, metavar="ANSICHT")
    n = views.add_parser("needs", help="Bedarfe zwischen zwei Wellen vergleichen")
    n.add_argument("--run", type=int, metavar="LAUF", help="Bedarfslauf (sonst der maßgebliche)")
    n.add_argument("--earlier", metavar="WELLE", help="frühere Welle (Standard: die vorletzte)")
    n.add_argument("--later", metavar="WELLE", help="spätere Welle (Standard: die letzte)")
    n.add_argument("--min", type=int, default=2, metavar="N",
                   help="Mindestzahl Aussagen für neu/nicht mehr genannt (Standard 2)")  # fmt: skip
    n.add_argument("--district", metavar="NAME", help="nur dieser Sozialraum")
    n.add_argument(
        "--out", type=output_path, metavar="CSV", help="Tabelle als CSV statt Textausgabe"
    )
    n.set_defaults(func=cmd_monitoring_needs)
    i = views.add_parser("indicators", help="Indikatoren je Jahr und ihre Veränderung")
    i.add_argument("--indicator", metavar="NAME", help="nur dieser Indikator")
    i.add_argument("--district", metavar="NAME", help="nur dieser Sozialraum (und die Gesamtstadt)")
    i.add_argument(
        "--out", type=output_path, metavar="CSV", help="Tabelle als CSV statt Textausgabe"
    )
    i.set_defaults(func=cmd_monitoring_indicators)
