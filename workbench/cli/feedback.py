"""Feedback commands of ``workbench``: issue tokens, print the feedback summary."""

from __future__ import annotations

import argparse
import json
import math
import shlex
import sys
from urllib.parse import urlsplit

from workbench.cli.common import district_option, open_project, output_path, said_to, show_line
from workbench.core.errors import WorkbenchError
from workbench.core.fileio import NotPlaced, csv_on_success, ensure_csv_target

DEFAULT_BASE_URL = "http://127.0.0.1:8866"


def _base_url(value: str) -> str:
    """An argparse type: an http(s) address with a host ("https://beteiligung.stadt.de")."""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise argparse.ArgumentTypeError(
            f"'{value}' ist keine Adresse wie https://beteiligung.stadt.de (http/https mit Host)."
        )
    return value.strip()


def cmd_tokens(args: argparse.Namespace) -> int:
    """workbench tokens --n N [--workshop W | --district D] [--budget B] [--formular] [--out F]."""
    import pandas as pd

    from workbench.core.formatting import plural
    from workbench.participation import feedback
    from workbench.store.district_spelling import named_district

    ensure_csv_target(args.out)  # the file is the codes' only copy: check it before issuing
    project = open_project(args)
    link = feedback.form_url if args.formular else feedback.app_url
    district = district_option(project, args.district)  # "Opladen": since merged
    # as stored ("buerrig" → "Bürrig"), for the line below too
    if district:
        district = named_district(district, list(project.districts()["district"])) or district
    workshop = args.workshop  # as stored too ("manfort" → "Manfort")
    if workshop:
        known = list(project.workshops()["workshop"])
        workshop = named_district(workshop, known, "Workshop") or workshop

    # A list for people (mail merge, print): ";" as German Excel splits it (decision 013);
    # the file holds the codes' only copies: readable by the owner only. Written before the
    # codes are stored (a file that cannot be written stores none), it takes the name
    # --out only after they are: a failed commit leaves no list of codes never stored.
    try:
        with csv_on_success(args.out, sep=";", mode=0o600) as write:

            def deliver(tokens: list[str]) -> None:
                """Write the codes with their links (into the temporary file)."""
                links = [link(args.base_url, t) for t in tokens]
                write(pd.DataFrame({"token": tokens, "url": links}))

            tokens = feedback.issue_tokens(
                project,
                args.n,
                workshop=workshop,
                district=district,
                budget=args.budget,
                deliver=deliver,
            )
    except NotPlaced as err:  # the codes are stored: say so, and where their list is
        raise WorkbenchError(_not_placed(err, args, str(project.path))) from None
    pattern = link(args.base_url, "<Zugangscode>")
    if args.out is None:
        print(f"# Link-Muster: {pattern}", file=sys.stderr)
        return 0
    where, said = workshop or district or "ohne Zuordnung", said_to(args.out)
    counted = plural(len(tokens), "Zugangscode", "Zugangscodes")
    show_line(f"{counted} ({where}) → {args.out}", file=said)
    show_line(f"Link-Muster: {pattern}", file=said)
    print(
        "Die Datenbank speichert nur Prüfsummen der Codes: diese Datei ist die einzige "
        "Kopie. Sicher aufbewahren und nur an die jeweilige Person weitergeben.",
        file=said,
    )
    return 0


def _not_placed(err: NotPlaced, args: argparse.Namespace, project: str) -> str:
    """What to do when the codes are stored but their list did not take its name."""
    codes = f"Die {args.n} Zugangscodes sind gespeichert, aber ihre Liste ließ sich nicht als "
    codes += f"{err.path} ablegen: {err.reason}."
    if err.kept is not None:
        return (
            f"{codes} Sie liegt in {err.kept}, der einzigen Kopie der Codes (die Datenbank "
            f"speichert nur Prüfsummen): bitte umbenennen, z. B. mv {shlex.quote(str(err.kept))} "
            f"{shlex.quote(str(err.path))}."
        )
    again = ["workbench", "--project", project, "tokens", "--n", str(args.n)]
    for option, value in (("--workshop", args.workshop), ("--district", args.district)):
        again += [option, value] if value else []
    again += ["--budget", str(args.budget)] if args.budget != 10 else []
    again += ["--base-url", args.base_url] if args.base_url != DEFAULT_BASE_URL else []
    again += ["--formular"] if args.formular else []
    again += ["--out", str(err.path)]
    return (
        f"{codes} Die Liste ist verloren, und die Datenbank speichert nur Prüfsummen: diese "
        "Codes lassen sich nicht erneut ausgeben (niemand hat sie; sie zählen in „workbench "
        "feedback“ als ausgegeben). Neue Codes mit Liste, sobald der Ordner da ist: "
        f"{shlex.join(again)}"
    )


def _fmt(value: object, digits: int = 2) -> str:
    """A share or measure of the table the German way ("0,67"), missing as "–"."""
    from workbench.core.formatting import format_number

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float):
        return format_number(value, digits)
    return str(value)


def cmd_feedback(args: argparse.Namespace) -> int:
    """workbench feedback [--json] [--by district|workshop] [--round N]."""
    from workbench.participation import feedback

    project = open_project(args)
    table = feedback.feedback_summary(project, by=args.by, round_id=args.round)
    status = feedback.feedback_status(project)
    if args.json:
        data = {"status": status, "by": args.by, "items": feedback.summary_records(table)}
        print(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2))
        return 0
    show_line(
        f"{status['participants']} von {status['tokens']} Zugangscodes haben geantwortet "
        f"({status['answers']} Antworten, {status['rounds']} Runde(n))."
    )
    if table.empty:
        print("Noch keine Zugangscodes ausgegeben (workbench tokens --n N).")
        return 0
    table = table.sort_values(["points", "item_id"], ascending=[False, True])
    header = (
        f"{'ID':>4}  {'Art':<18} {'Pkt':>4} {'TN':>4} {'zu':>4} {'nicht':>5} {'?':>4} "
        f"{'Zust.':>6} {'Spalt.':>6} {'Gr.-K.':>6} {'Gr.-Sp.':>7}  Bezeichnung"
    )
    show_line(header)
    for r in table.itertuples(index=False):
        label = str(r.label).replace("\n", " ")
        label = label if len(label) <= 60 else label[:59] + "…"
        show_line(
            f"{r.item_id:>4}  {r.kind:<18} {r.points:>4} {r.participants:>4} {r.agree:>4} "
            f"{r.disagree:>5} {r.unsure:>4} {_fmt(r.agree_share):>6} {_fmt(r.division):>6} "
            f"{_fmt(r.group_consensus):>6} {_fmt(r.group_spread):>7}  {label}"
        )
    show_line(
        "Pkt = Prioritätspunkte, TN = Teilnehmende, Zust. = Anteil „trifft zu“ unter "
        "zu/nicht zu, Spalt. = Spaltung (0 einig … 1 halbe-halbe), Gr.-K. = Konsens über "
        f"alle Gruppen ({'Sozialräume' if args.by == 'district' else 'Workshops'}), "
        "Gr.-Sp. = Spannweite der Zustimmung zwischen Gruppen."
    )
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register tokens and feedback."""
    p = sub.add_parser(
        "tokens",
        help="pseudonyme Zugangscodes für die Bewertungs-App ausgeben",
        description="Gibt N neue Zugangscodes aus (CSV mit Semikolon, wie Excel sie "
        "öffnet: token;url). Sie gelten für die Bedarfscluster des maßgeblichen Laufs (ohne "
        "--question) und die Empfehlungsentwürfe. Die Datenbank speichert nur Prüfsummen: "
        "die Codes werden nur dieses eine Mal angezeigt.",
    )
    p.add_argument("--n", type=int, required=True, metavar="N", help="Anzahl der Codes")
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--workshop", metavar="NAME", help="Codes für einen Workshop")
    scope.add_argument("--district", metavar="NAME", help="Codes für einen Sozialraum")
    p.add_argument(
        "--budget", type=int, default=10, metavar="B", help="Prioritätspunkte je Code (10)"
    )
    p.add_argument(
        "--base-url",
        type=_base_url,
        default=DEFAULT_BASE_URL,
        metavar="URL",
        help=f"Adresse des Voilà-Servers bzw. von python -m widgets.formular "
        f"(Standard {DEFAULT_BASE_URL})",
    )
    p.add_argument(
        "--formular",
        action="store_true",
        help="Links zum schlichten Beteiligungsformular (…/beteiligung?token=…) statt zur "
        "Voilà-App: für viele Beteiligte auf einmal, etwa alle in einer Videokonferenz",
    )
    p.add_argument(
        "--out", type=output_path, metavar="DATEI", help="CSV-Datei (sonst Standardausgabe)"
    )
    p.set_defaults(func=cmd_tokens)

    p = sub.add_parser(
        "feedback",
        help="Rückmeldungen der Beteiligten zusammenfassen",
        description="Je Bedarf/Empfehlung: Bewertungen, Prioritätspunkte, Teilnehmende, "
        "Zustimmung und Spaltung (auch zwischen Sozialräumen bzw. Workshops).",
    )
    p.add_argument("--json", action="store_true", help="als JSON ausgeben")
    p.add_argument(
        "--by",
        choices=["district", "workshop"],
        default="district",
        help="Gruppen für Konsens und Spannweite: Sozialraum oder Workshop der Codes",
    )
    p.add_argument("--round", type=int, metavar="N", help="nur diese Befragungsrunde")
    p.set_defaults(func=cmd_feedback)
