"""CLI commands of the synthesis stage: indicators, recommend, report, publish."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from workbench.cli.common import (
    check_ending,
    district_option,
    notice,
    open_project,
    output_path,
    said_to,
    show_line,
)
from workbench.cli.monitoring import add_recommend_actions, recommend_status
from workbench.core.errors import InputError
from workbench.core.fileio import write_csv
from workbench.synthesis.recommendation_terms import ACTORS, STATUSES

if TYPE_CHECKING:
    from workbench.project import Project

RECOMMENDATION_NR = "Nummer der Empfehlung (zeigt workbench recommend list)"
EXIT_BROKEN = 1  # `recommend check` found broken chains (errors exit with 2)


def cmd_indicators(args: argparse.Namespace) -> int:
    """workbench indicators [--import FILE] [--district NAME] [--out CSV]."""
    from workbench.core.formatting import plural, yes_no
    from workbench.store import CITYWIDE
    from workbench.synthesis import indicator_tables as indicators  # the reading side
    from workbench.synthesis.monitoring import years_note
    from workbench.synthesis.profiles import city_indicators

    project = open_project(args)
    args.district = district_option(project, args.district)  # "Opladen": since merged
    if args.delete is not None:
        return _delete_indicator(project, args)
    if args.year is not None:
        raise InputError("--year gilt nur mit --delete INDIKATOR.")
    if args.import_file:  # the import reads files as the importers do: only it loads them
        from workbench.synthesis.indicators import import_indicators

        result = import_indicators(
            project, args.import_file, sheet=args.sheet, skip_unknown=args.skip_unknown
        )
        show_line(
            f"{result.filename}: {plural(result.rows, 'Wert', 'Werte')} – {result.added} neu, "
            f"{result.updated} geändert, {result.unchanged} unverändert."
        )
        for sentence in result.gaps:
            show_line(sentence)
        for line in result.notices:
            notice(line, "Hinweis: ")
        if not (args.out or args.district):
            return 0
    if args.district is not None:
        args.district = indicators.check_district(args.district, project.districts()["district"])
    if args.district == CITYWIDE:  # the city's own values, the reference of every comparison
        table = city_indicators(indicators.indicators(project))
    else:
        table = indicators.comparison(project, args.district)
    empty = None  # a bare CSV header would look like a failure: say why there is nothing
    if table.empty and (args.district is None or indicators.indicators(project).empty):
        empty = years_note([])
    elif table.empty:
        named = indicators.check_district(args.district, list(project.districts()["district"]))
        empty = f"Keine Indikatoren für {named} importiert (workbench indicators --import DATEI)."
    if args.out is None and empty is not None:
        show_line(empty)
    else:  # flags as ja/nein, as the import reads them (not Python's True/False)
        write_csv(table.assign(illustrative=table["illustrative"].map(yes_no)), args.out)
    if args.out is not None:
        counted = plural(len(table), "Vergleichswert", "Vergleichswerte")
        show_line(f"{counted} → {args.out}", file=said_to(args.out))
        if empty is not None:
            show_line(empty, file=said_to(args.out))
    return 0


def _delete_indicator(project: Project, args: argparse.Namespace) -> int:
    """indicators --delete INDIKATOR [--district NAME] [--year JAHR]: say each value gone."""
    from workbench.core.formatting import plural
    from workbench.synthesis.indicator_delete import delete_indicator

    if args.import_file or args.out:
        raise InputError("--delete geht nicht zusammen mit --import oder --out.")
    lines = delete_indicator(project, args.delete, args.district, args.year)
    show_line("\n".join(lines))
    show_line(f"{plural(len(lines), 'Wert', 'Werte')} gelöscht.")
    return 0


def _segment_ref(text: str) -> int | tuple[str, str]:
    """``123`` (segment id) or ``DOKUMENT:AUSSAGE`` (file name and source id)."""
    if text.isdigit():
        return int(text)
    document, sep, source_id = text.rpartition(":")
    if not sep or not document or not source_id:
        raise InputError(f"Beleg '{text}': erwartet Aussage-Nummer oder DOKUMENT:AUSSAGE.")
    return document, source_id


NO_RECOMMENDATIONS = "Noch keine Empfehlungen (workbench recommend add TEXT)."
COMPLETE = "Alle Nachweisketten sind vollständig."


def next_step(number: int, problem: str, run_id: int | None) -> str:
    """A problem of recommendation ``number`` itself as ``recommend check`` and ``list`` say
    it: one without need links and no cluster holding its evidence (the check's plain
    sentence) gets the command that links it into the need run ``run_id``, after
    ``workbench needs`` if there is none yet; every other problem names its command."""
    from workbench.synthesis.recommendation_chain import NO_NEED_LINK

    if problem != NO_NEED_LINK:
        return problem
    if run_id is None:
        link = f"workbench recommend link {number} --cluster N"
        return f"{problem} (noch keine Bedarfscluster: workbench needs, dann {link})"
    return f"{problem} (verknüpfen: workbench recommend link {number} --run {run_id} --cluster N)"


def _reference_run_id(project: Project) -> int | None:
    """The number of the need run recommendations link into (None: no need run yet)."""
    from workbench.analysis.need_clusters import reference_run

    with project.session() as session:
        run = reference_run(session)
        return None if run is None else run.id


def _missing_links(project: Project) -> dict[int, list[str]]:
    """Per recommendation, what ``recommend check`` says it lacks itself (need links,
    evidence), with the next step: the lines ``recommend list`` adds to "0 Bedarfe"."""
    from workbench.synthesis.recommendation_chain import LINK_RECOMMENDATION, check_provenance

    problems = check_provenance(project)
    own = problems[problems["link"] == LINK_RECOMMENDATION]
    run_id = _reference_run_id(project) if not own.empty else None
    result: dict[int, list[str]] = {}
    for p in own.itertuples():
        number = int(p.recommendation_id)
        result.setdefault(number, []).append(next_step(number, p.problem, run_id))
    return result


def _recommend_list(project: Project, args: argparse.Namespace) -> int:
    """recommend list [--json]: each recommendation with its needs and evidence."""
    import pandas as pd

    from workbench.core.formatting import plural
    from workbench.synthesis import recommendation_tables as rec

    table = rec.recommendations(project)
    if args.json:
        records = table.assign(actors=table["actors"].map(list)).to_dict("records")
        print(json.dumps(records, ensure_ascii=False, sort_keys=True, indent=2))
        return 0
    if table.empty:
        show_line(NO_RECOMMENDATIONS)
    links = rec.need_links(project) if not table.empty else None
    cited = rec.evidence(project) if not table.empty else None
    missing = _missing_links(project) if not table.empty else {}
    for r in table.itertuples():
        head = rec.recommendation_label(r.title, r.text)  # as the rating card names it
        show_line(f"{r.recommendation_id:>3}  [{r.status}] {head}")
        show_line(
            f"     {r.scope} · {', '.join(r.actors) or '–'} · "
            f"{plural(r.needs, 'Bedarf', 'Bedarfe')}, {plural(r.evidence, 'Beleg', 'Belege')}"
        )
        for line in missing.get(r.recommendation_id, ()):  # "0 Bedarfe": what to do next
            notice(line, "     Hinweis: ")
        for n in links[links["recommendation_id"] == r.recommendation_id].itertuples():
            gone = pd.isna(n.cluster)  # the cluster is no longer in the latest run
            label, now = (n.linked_label, "nicht mehr im Lauf") if gone else (n.label, "")
            now = now or f"Cluster {n.cluster}"
            show_line(f"     Bedarf (Verknüpfung {n.link_id}): „{label}“ – {now}")
        for e in cited[cited["recommendation_id"] == r.recommendation_id].itertuples():
            show_line(f"     Beleg: {e.document}:{e.source_id} (Aussage-Nr. {e.segment_id})")
    return 0


def cmd_recommend(args: argparse.Namespace) -> int:
    """workbench recommend add|edit|list|link|unlink|check|export …."""
    from workbench.core.formatting import plural

    project = open_project(args)
    action = args.action
    if action in ("status", "history", "pseudonymise"):
        return recommend_status(project, args)
    if action == "list":  # reads only: without the pseudonymiser the other actions load
        return _recommend_list(project, args)
    from workbench.synthesis import recommendations as rec

    if action == "add":
        new = rec.add_recommendation(
            project, args.text, scope=district_option(project, args.scope),
            actors=args.actor or (),
            status=args.status, title=args.title or "", author=args.author,
        )  # fmt: skip
        show_line(f"Empfehlung {new} angelegt.")
        show_line(f"Verknüpfen mit: workbench recommend link {new} --cluster N --segment DOK:ID")
    elif action == "edit":
        fields = (args.text, args.title, args.scope, args.actor, args.status)
        if all(value is None for value in fields):
            raise InputError(
                "Nichts zu ändern: --text, --title, --scope, --actor oder --status angeben."
            )
        rec.update_recommendation(
            project, args.id, text=args.text, title=args.title,
            scope=district_option(project, args.scope), actors=args.actor, status=args.status,
        )  # fmt: skip
        show_line(f"Empfehlung {args.id} geändert.")
    elif action == "link":
        if not args.cluster and not args.segment:
            raise InputError("Nichts zu verknüpfen: --cluster N und/oder --segment DOK:ID.")
        for cluster in args.cluster or ():
            rec.link_need(project, args.id, cluster, run_id=args.run)
        added = rec.link_evidence(project, args.id, [_segment_ref(s) for s in args.segment or ()])
        show_line(
            f"Empfehlung {args.id}: {len(args.cluster or ())} Bedarfscluster, "
            f"{plural(added, 'neuer Beleg', 'neue Belege')} verknüpft."
        )
    elif action == "unlink":
        if args.need is None and args.segment is None:
            raise InputError("Was lösen? --need VERKNÜPFUNG oder --segment BELEG.")
        segment = None if args.segment is None else _segment_ref(args.segment)
        rec.unlink(project, args.id, need_link=args.need, segment_id=segment)
        show_line(f"Verknüpfung von Empfehlung {args.id} gelöst.")
    elif action == "check":
        from workbench.synthesis.recommendation_chain import LINK_RECOMMENDATION

        problems = rec.check_provenance(project)
        run_id = _reference_run_id(project)
        if problems.empty:  # nothing to check is no complete chain
            show_line(NO_RECOMMENDATIONS if rec.recommendations(project).empty else COMPLETE)
        for p in problems.itertuples():
            line = rec.problem_text(p.link, p.target, p.problem)
            if p.link == LINK_RECOMMENDATION:
                line = next_step(int(p.recommendation_id), line, run_id)
            show_line(f"Empfehlung {p.recommendation_id}: {line}")
        for number, note in rec.provenance_notes(project):  # hints, not broken links
            show_line(f"Prüfhinweis: Empfehlung {number}: {note}.")
        return 0 if problems.empty else EXIT_BROKEN
    elif action == "export":
        check_ending(args.out, ".json", "JSON")
        if args.out == "-":
            sys.stdout.write(
                json.dumps(rec.chain(project), sort_keys=True, indent=2, ensure_ascii=False) + "\n"
            )
            return 0
        n = rec.export_chain(project, args.out)
        chains = "Nachweiskette" if n == 1 else "Nachweisketten"
        show_line(
            f"{chains} von {plural(n, 'Empfehlung', 'Empfehlungen')} → {args.out}",
            file=said_to(args.out),
        )
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """workbench report [--format html|docx|xlsx] [--district NAME] OUT."""
    from workbench.synthesis.reports import write_report
    from workbench.synthesis.reports.model import latest_stale_notes

    project = open_project(args)
    if args.district:  # named as stored ("buerrig" is Bürrig), also in the line below
        from workbench.synthesis.indicator_tables import check_district

        args.district = check_district(
            district_option(project, args.district), list(project.districts()["district"])
        )
    out = write_report(
        project, args.out, args.format, district=args.district,
        max_quotes=args.max_quotes, concept_text=args.konzept,
    )  # fmt: skip
    for note in latest_stale_notes(project):
        print(f"Warnung: {note}", file=sys.stderr)
    if args.konzept and args.district:
        print(
            "Hinweis: Das Sozialraumkonzept ist ein Kapitel des Gesamtberichts, "
            "nicht eines Sozialraumprofils.",
            file=said_to(args.out),
        )
    what = f"Sozialraumprofil {args.district}" if args.district else "Gesamtbericht"
    suffix = out.suffix.lstrip(".").lower()
    fmt = args.format or ("html" if suffix == "htm" else suffix)  # as the ending decided
    show_line(f"{what} ({fmt}) → {out}", file=said_to(args.out))
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    """workbench publish --out DIR [--max-quotes N]."""
    from workbench.synthesis.reports.model import latest_stale_notes
    from workbench.synthesis.site import publish

    project = open_project(args)
    site = publish(project, args.out, max_quotes=args.max_quotes)
    for note in latest_stale_notes(project):  # as for `workbench report`: the pages say it too
        print(f"Warnung: {note}", file=sys.stderr)
    show_line(f"Sozialraum-Seite: {len(site.pages)} Seiten → {site.folder}")
    show_line(f"Startseite: {site.index} (funktioniert offline, auch vom USB-Stick)")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register indicators, recommend, report and publish."""
    p = sub.add_parser(
        "indicators",
        help="Sozialindikatoren importieren und mit der Gesamtstadt vergleichen",
        description="Importiert CSV/XLSX/ODS mit den Spalten district, indicator, year, value, "
        "unit, source (optional illustrative; Titelzeilen darüber werden übergangen; statt "
        "year und value auch je Jahr eine Spalte: 2019, 2020 …; oder je Sozialraum eine Zeile "
        "und je Indikator eine Spalte: „Einwohner“, „SGB-II-Quote %“, das Jahr in einer Spalte "
        "Jahr, im Spaltenkopf oder als Stichtag über der Tabelle) in einer "
        "Transaktion; erneuter Import "
        "aktualisiert statt zu verdoppeln. Zahlen wie in der Statistik: 163.729 oder 13,9 "
        "(das Dezimalzeichen der Spalte entscheidet, Mehrdeutiges wird abgelehnt), als Prozent "
        "formatierte Excel- und LibreOffice-Zellen wie angezeigt (0,139 als 13,9 %); Zeilen mit "
        "„.“, „x“, „/“, „…“ statt eines Werts werden genannt und übergangen, „–“ ist 0 "
        "(genau null nach DIN 55301; eine Zeichenerklärung in der Datei geht vor), „12,3 p“ "
        "oder „(12,3)“ ist 12,3 (das Kennzeichen wird genannt); die Zeile der "
        "Gesamtstadt darf auch „Stadt gesamt“ oder „Insgesamt“ heißen. Jahr: 2020, ein "
        "Stichtag (31.12.2020) oder ein Schuljahr (2020/21 zählt als 2020). Ausgabe: jeder Wert "
        "neben dem Wert der Gesamtstadt mit Differenz und Index (Gesamtstadt = 100; ohne "
        "Gesamtstadt-Zeile kein Vergleich, kein Ersatzwert); Anzahlen (Einheit Personen, "
        "Anzahl, absolut, Haushalte …) stehen ohne Index und Differenz neben ihr.",
    )
    p.add_argument("--import", dest="import_file", metavar="DATEI", help="Datei importieren")
    p.add_argument("--sheet", metavar="NAME", help="Tabellenblatt (XLSX, ODS), sonst das erste")
    p.add_argument(
        "--skip-unknown",
        action="store_true",
        help="Zeilen von Sozialräumen, die das Projekt nicht hat, übergehen und nennen (eine "
        "Tabelle aller Stadtteile); ein Name, der wie ein Sozialraum des Projekts aussieht, "
        "bleibt ein Fehler",
    )
    p.add_argument("--district", metavar="NAME", help="nur dieser Sozialraum")
    p.add_argument(
        "--out", type=output_path, metavar="CSV", help="Vergleich als CSV (sonst Standardausgabe)"
    )
    p.add_argument(
        "--delete",
        metavar="INDIKATOR",
        help="gespeicherte Werte dieses Indikators löschen (ein falscher Wert, ein falsch "
        "geschriebener Name): mit --district nur dieses Sozialraums, mit --year nur dieses "
        "Jahres; die Ausgabe nennt jeden gelöschten Wert",
    )
    p.add_argument("--year", type=int, metavar="JAHR", help="mit --delete: nur dieses Jahr")
    p.set_defaults(func=cmd_indicators)

    p = sub.add_parser(
        "recommend",
        help="Empfehlungen anlegen, mit Bedarfen und Belegen verknüpfen, Nachweise prüfen",
        description="Kette: Empfehlung → Bedarfscluster → Aussage → Dokument → Workshop. "
        "Ein Bedarfscluster wird über seine Aussagen verknüpft und in späteren Läufen "
        "wiedergefunden: als der Cluster, der mindestens die Hälfte der verknüpften Aussagen "
        "enthält (der mit den meisten, auch wenn er gewachsen ist).",
    )
    actions = p.add_subparsers(dest="action", required=True, metavar="AKTION")
    a = actions.add_parser("add", help="Empfehlung anlegen")
    a.add_argument("text", metavar="TEXT", help="Text der Empfehlung")
    a.add_argument("--title", metavar="TITEL", help="kurzer Titel")
    a.add_argument("--scope", metavar="SOZIALRAUM", help="Sozialraum (Standard: Gesamtstadt)")
    a.add_argument(
        "--actor", action="append", metavar="AKTEUR",
        help=f"adressierter Akteur, mehrfach möglich (z. B. {', '.join(ACTORS[:3])})",
    )  # fmt: skip
    a.add_argument(
        "--status", default=STATUSES[0], choices=STATUSES, help=f"Stand (Standard {STATUSES[0]})"
    )
    a.add_argument("--author", default="", metavar="NAME", help="wer die Empfehlung formuliert")
    e = actions.add_parser("edit", help="Empfehlung ändern (nur angegebene Felder)")
    e.add_argument("id", type=int, metavar="NR", help=RECOMMENDATION_NR)
    e.add_argument("--text", metavar="TEXT", help="neuer Text")
    e.add_argument("--title", metavar="TITEL", help="neuer Titel")
    e.add_argument("--scope", metavar="SOZIALRAUM", help="neuer Sozialraum")
    e.add_argument("--actor", action="append", metavar="AKTEUR", help="ersetzt alle Akteure")
    e.add_argument("--status", choices=STATUSES, help="neuer Stand")
    ls = actions.add_parser("list", help="Empfehlungen anzeigen")
    ls.add_argument("--json", action="store_true", help="als JSON ausgeben")
    k = actions.add_parser("link", help="mit Bedarfsclustern und Belegen verknüpfen")
    k.add_argument("id", type=int, metavar="NR", help=RECOMMENDATION_NR)
    k.add_argument(
        "--cluster", type=int, action="append", metavar="N", help="Cluster des maßgeblichen Laufs"
    )
    k.add_argument("--run", type=int, metavar="LAUF", help="Bedarfslauf (sonst der maßgebliche)")
    k.add_argument(
        "--segment", action="append", metavar="BELEG",
        help="Aussage als Nummer oder DOKUMENT:AUSSAGE (z. B. manfort_karten.csv:MF-K17)",
    )  # fmt: skip
    u = actions.add_parser("unlink", help="Verknüpfung lösen")
    u.add_argument("id", type=int, metavar="NR", help=RECOMMENDATION_NR)
    u.add_argument(
        "--need", type=int, metavar="VERKNÜPFUNG",
        help="Nummer der Bedarfsverknüpfung (zeigt workbench recommend list)",
    )  # fmt: skip
    u.add_argument(
        "--segment", metavar="BELEG",
        help="Beleg als Aussage-Nummer oder DOKUMENT:AUSSAGE, wie bei link",
    )  # fmt: skip
    actions.add_parser(
        "check", help="Nachweisketten prüfen (Exit-Code 1, wenn eine unterbrochen ist)"
    )
    x = actions.add_parser("export", help="Nachweisketten als JSON schreiben")
    x.add_argument(
        "out", type=output_path, metavar="OUT", help="JSON-Datei oder - für die Standardausgabe"
    )
    add_recommend_actions(actions)
    p.set_defaults(func=cmd_recommend)

    p = sub.add_parser(
        "report",
        help="Bericht (Gesamtstadt oder ein Sozialraum) als HTML, DOCX oder XLSX",
        description="Gesamtbericht mit Sozialraumprofilen, Diagrammen, pseudonymisierten "
        "Zitaten und Nachweisketten der Empfehlungen; reproduzierbar bis auf die Zeile "
        "„Erstellt am“. HTML funktioniert offline (plotly.js eingebettet).",
    )
    p.add_argument("--format", choices=["html", "docx", "xlsx"], help="ohne: nach der Endung")
    p.add_argument("--district", metavar="NAME", help="nur das Profil dieses Sozialraums")
    p.add_argument(
        "--max-quotes", type=int, default=3, metavar="N", help="Zitate je Abschnitt (Standard 3)"
    )
    p.add_argument(
        "--konzept", metavar="TEXTDATEI",
        help="Sozialraumkonzept als Kapitel des Gesamtberichts, mit dem Text der Forschenden "
        "(Markdown, siehe docs/sozialraumkonzept.md)",
    )  # fmt: skip
    p.add_argument(
        "out",
        type=output_path,
        metavar="OUT",
        help="Zieldatei (.html, .docx oder .xlsx wie --format)",
    )
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "publish",
        help="Sozialraum-Seite für Lesende: Profile, Überblick, Themenlandkarte, Bericht",
        description="Schreibt statische HTML-Seiten (Sozialraumprofile, gesamtstädtischer "
        "Überblick, Themenlandkarte, Gesamtbericht) mit Navigation in einen Ordner: ohne "
        "Server, ohne Netz, nur pseudonymisierte Zitate. Jeder Webserver oder ein USB-Stick "
        "trägt sie; plotly.js liegt einmal im Ordner assets/. Erneutes Veröffentlichen in "
        "denselben Ordner ersetzt die Seiten.",
    )
    p.add_argument(
        "--out",
        required=True,
        type=output_path,
        metavar="ORDNER",
        help="Zielordner (leer oder neu)",
    )
    p.add_argument(
        "--max-quotes", type=int, default=3, metavar="N", help="Zitate je Abschnitt (Standard 3)"
    )
    p.set_defaults(func=cmd_publish)
