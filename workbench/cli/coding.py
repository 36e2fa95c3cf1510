"""Coding commands of ``workbench``: codebook, code/uncode/undo, memo, agreement, resolve."""

from __future__ import annotations

import argparse
import json
import math
import shlex
from typing import TYPE_CHECKING

from workbench.cli.codebook import (
    cmd_codebook_add,
    cmd_codebook_delete,
    cmd_codebook_export,
    cmd_codebook_import,
    cmd_codebook_list,
    cmd_codebook_merge,
    cmd_codebook_move,
    cmd_codebook_rename,
    cmd_codebook_set,
)
from workbench.cli.common import output_path, show_line
from workbench.core.errors import InputError
from workbench.core.fileio import write_csv

if TYPE_CHECKING:
    from workbench.project import Project

CODE_PATH = "Codepfad, z. B. 'Bedarf/Digitale Teilhabe'"


# `coders` without codings: how codings come in (by hand, or with the statements' codes)
NOBODY_CODED = (
    "Noch hat niemand kodiert (workbench code NR CODE --coder NAME, oder vorhandene Codes "
    "mitimportieren: workbench import DATEI --code-column SPALTE --coder NAME)."
)


def _project(args: argparse.Namespace):
    from workbench.cli.common import open_project

    return open_project(args)


def _coders(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [c.strip() for c in value.split(",") if c.strip()]


def known_coder_of(project: Project, name: str) -> tuple[str, set[str]]:
    """The coder ``name`` means ("anna": Anna, as ``undo`` and ``agreement`` take it) and
    everyone who coded so far: a slip of the shift key must not make a second coder who
    disagrees with the first on every statement."""
    from workbench.coding.records import coder_meant

    known = {*project.codings()["coder"], *(a.coder for a in project.coding_actions())}
    return coder_meant(name, known), known


def _number(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:.3f}"


# -- coding -----------------------------------------------------------------------------
def cmd_code(args: argparse.Namespace) -> int:
    """workbench code SEGMENT_ID CODE --coder NAME [--start S --end E]."""
    project = _project(args)
    coder, known = known_coder_of(project, args.coder)
    steps = len(project.coding_actions(coder))  # the same coding again is no step to undo
    record = project.code_segment(args.segment_id, args.code, coder, start=args.start, end=args.end)
    done = (
        "kodiert."
        if len(project.coding_actions(coder)) > steps
        else "war schon so kodiert; nichts geändert (workbench undo nimmt einen früheren "
        "Schritt zurück)."
    )
    show_line(
        f"Aussage {record.segment_id}: '{record.code}' von {record.coder} "
        f"[{record.start}, {record.end}) {done}"
    )
    if known and coder not in known:  # a typo makes a coder who disagrees everywhere
        listed = ", ".join(sorted(known, key=lambda c: (c.casefold(), c)))
        show_line(
            f"  Hinweis: die erste Kodierung von {coder} in diesem Projekt (bisher kodiert "
            f"haben {listed}). Ein Tippfehler? Zurücknehmen: workbench undo --coder "
            f"{shlex.quote(coder)}"
        )
    return 0


def cmd_uncode(args: argparse.Namespace) -> int:
    """workbench uncode SEGMENT_ID CODE --coder NAME [--start S --end E]."""
    project = _project(args)
    coder, _ = known_coder_of(project, args.coder)
    n = project.uncode_segment(args.segment_id, args.code, coder, start=args.start, end=args.end)
    if n:
        show_line(f"Aussage {args.segment_id}: {n} Kodierung(en) '{args.code}' entfernt.")
    else:
        show_line(f"Aussage {args.segment_id}: keine Kodierung '{args.code}' von {coder}.")
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    """workbench undo --coder NAME [-n N]."""
    from workbench.coding.records import coder_meant, known_coder
    from workbench.core.formatting import plural

    project = _project(args)
    known = {a.coder for a in project.coding_actions()}
    coder = coder_meant(args.coder, known)  # "anna": Anna; as `code` stored it
    if coder not in known:  # a typo or a name two coders share but for case: not guessed
        listed = ", ".join(sorted(known, key=lambda c: (c.casefold(), c))) or "noch niemand"
        codings = project.codings()
        imported = codings[codings["coder"] == known_coder(args.coder, set(codings["coder"]))]
        name = shlex.quote(imported["coder"].iloc[0]) if len(imported) else ""
        why = (
            f" {plural(len(imported), 'Kodierung', 'Kodierungen')} von {name} "
            f"kam{'en' if len(imported) > 1 else ''} mit einer importierten Datei: das sind "
            "keine Schritte, die undo zurücknimmt; einzeln entfernt sie "
            f"workbench uncode AUSSAGE CODE --coder {name}."
            if len(imported)
            else ""
        )
        raise InputError(
            f"--coder {args.coder}: von dieser Person ist kein Kodierschritt gespeichert, "
            f"den undo zurücknehmen könnte (Kodierschritte gibt es von: {listed}).{why}"
        )
    steps = project.undo_steps(coder, args.n)
    if not steps:
        show_line(f"Von {coder} ist kein Schritt mehr rückgängig zu machen.")
        return 0
    show_line(f"{len(steps)} Schritt(e) von {coder} rückgängig gemacht.")
    for step in steps:
        show_line(f"  {step}")
    return 0


def cmd_coders(args: argparse.Namespace) -> int:
    """workbench coders [rename OLD NEW | remove NAME [--document DATEI] [--force]]."""
    from workbench.coding.records import CONSENSUS_CODER, check_coder, known_coder
    from workbench.core.formatting import plural

    project = _project(args)
    codings = project.codings()
    steps = [a for a in project.coding_actions() if not a.undone]
    known = {*codings["coder"], *(a.coder for a in steps)}
    action = getattr(args, "coders_command", None)
    if action is None:
        counts = codings["coder"].value_counts()
        for coder in sorted(known, key=lambda c: (c.casefold(), c)):
            n, done = int(counts.get(coder, 0)), sum(a.coder == coder for a in steps)
            show_line(
                f"{coder}: {plural(n, 'Kodierung', 'Kodierungen')}, "
                f"{plural(done, 'Kodierschritt', 'Kodierschritte')}"
            )
        if not known:
            show_line(NOBODY_CODED)
        return 0
    name = known_coder(args.name, known)
    if name not in known:
        listed = ", ".join(sorted(known, key=lambda c: (c.casefold(), c))) or "noch niemand"
        raise InputError(f"Von '{args.name}' gibt es keine Kodierungen (kodiert haben: {listed}).")
    if action == "rename":
        new = " ".join(check_coder(args.new_name).split())  # as stored: named so after
        if new.casefold() != check_coder(name).casefold():  # "lea" → "Lea" respells her
            new = known_coder(new, known)
        if CONSENSUS_CODER in (name.casefold(), new.casefold()):
            raise InputError(
                f"'{CONSENSUS_CODER}' ist die abgestimmte Kodierung des Teams, keine Person: "
                "sie wird nicht umbenannt und niemand wird zu ihr (abstimmen: workbench "
                "resolve AUSSAGE CODE --apply/--remove)."
            )
        done = project.rename_coder(name, new)
        d = done.duplicates
        twice = (
            f"; {plural(d, 'Kodierung', 'Kodierungen')} hatte{'n' if d > 1 else ''} {new} "
            "schon (dieselbe Stelle), sie bleib" + ("en" if d > 1 else "t") + " einmal"
            if d
            else ""
        )
        joined = " (zusammengeführt)" if new in known else ""
        memos = f", {plural(done.memos, 'Memo', 'Memos')}" if done.memos else ""
        show_line(
            f"Kodierer*in '{name}' heißt jetzt '{new}'{joined}: "
            f"{plural(done.codings, 'Kodierung', 'Kodierungen')}{memos} übernommen{twice}; "
            f"undo --coder {shlex.quote(new)} nimmt auch die Schritte von '{name}' zurück."
        )
        return 0
    own = codings[codings["coder"] == name]
    back = f"(zurück: workbench undo --coder {shlex.quote(name)})"
    document, where = None, ""
    if args.document is not None:
        from workbench.cli.privacy import stored_document

        document = stored_document(project, args.document)
        if document not in set(own["document"]):
            listed = ", ".join(sorted(set(own["document"]))) or "keinem"
            raise InputError(
                f"'{name}' hat keine Kodierungen in '{args.document}' (kodiert in: {listed})."
            )
        own, where = own[own["document"] == document], f" in '{document}'"
    n = len(own)
    if not args.force:
        inside = where[1:] or "in " + plural(own["document"].nunique(), "Dokument", "Dokumenten")
        raise InputError(
            f"'{name}' hat {plural(n, 'Kodierung', 'Kodierungen')} {inside}. "
            f"Alle entfernen: mit --force {back}."
        )
    removed = project.remove_coder(name, document)
    show_line(f"{plural(removed, 'Kodierung', 'Kodierungen')} von '{name}'{where} entfernt {back}.")
    return 0


def cmd_memo(args: argparse.Namespace) -> int:
    """workbench memo TEXT --author NAME [--segment ID | --code PATH | --cluster ID]."""
    project = _project(args)
    if args.cluster is not None:
        from workbench.analysis import needs

        if int(args.cluster) not in set(needs.clusters(project)["cluster"]):
            raise InputError(
                f"Bedarfscluster {args.cluster} gibt es im maßgeblichen Bedarfslauf nicht."
            )
    memo_id = project.add_memo(
        args.text, args.author, segment=args.segment, code=args.code, cluster=args.cluster
    )
    show_line(f"Memo {memo_id} gespeichert.")
    return 0


# -- agreement --------------------------------------------------------------------------
def cmd_agreement(args: argparse.Namespace) -> int:
    """workbench agreement [--coders A,B] [--json]."""
    from workbench.coding.agreement import agreement, choose_coders

    project = _project(args)
    coders = choose_coders(project.codings(), _coders(args.coders))
    table = agreement(project, coders)
    if args.json:
        rows = [
            {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in r.items()}
            for r in table.astype(object).to_dict(orient="records")
        ]
        print(json.dumps({"coders": coders, "rows": rows}, ensure_ascii=False, allow_nan=False))
        return 0
    show_line(f"Kodierende: {', '.join(coders)}")
    if table.loc[0, "units"] == 0:
        print("Keine Aussage wurde von mindestens zwei dieser Kodierenden kodiert.")
        return 0
    width = max(30, *(len(n) for n in table["name"]))
    show_line(
        f"{'Ebene':<8}{'Name':<{width}}{'Einheiten':>10}{'Überein.':>10}{'Kappa':>8}{'Alpha':>8}"
    )
    for r in table.itertuples(index=False):
        show_line(
            f"{r.level:<8}{r.name:<{width}}{r.units:>10}{_number(r.percent_agreement):>10}"
            f"{_number(r.cohen_kappa):>8}{_number(r.krippendorff_alpha):>8}"
        )
    if (table["krippendorff_alpha"].isna() & (table["units"] > 0)).any():
        print(
            "„–“ bei Einheiten über 0: Kappa und Alpha sind nicht bestimmbar, wenn auf allen "
            "Einheiten derselbe Wert steht (etwa: alle wenden den Code überall an, wo sie "
            "kodiert haben); sie messen Übereinstimmung über den Zufall hinaus. Es gilt die "
            "Übereinstimmung in Prozent."
        )
    if len(coders) > 2:
        show_line(
            f"Kappa „–“: Cohens Kappa ist für genau zwei Kodierende definiert, hier sind es "
            f"{len(coders)}; Krippendorffs Alpha gilt für alle. Kappa für ein Paar: "
            f"--coders {shlex.quote(f'{coders[0]},{coders[1]}')}."
        )
    return 0


def cmd_disagreements(args: argparse.Namespace) -> int:
    """workbench disagreements [--coders A,B] [--unresolved] [--csv OUT]."""
    from workbench.coding.agreement import disagreements

    table = disagreements(_project(args), _coders(args.coders), args.unresolved)
    if args.csv:  # German output: "ja"/"nein", not Python's True/False
        write_csv(
            table.assign(resolved=table["resolved"].map({True: "ja", False: "nein"})), args.csv
        )
        show_line(f"{len(table)} Abweichungen nach {args.csv} geschrieben.")
        return 0
    for r in table.itertuples(index=False):
        mark = "✓" if r.resolved else " "
        show_line(
            f"{mark} {r.segment_id:>6}  {r.code}  ja: {r.applied_by or '–'}  "
            f"nein: {r.not_applied_by or '–'}  ({r.document}, {r.source_id})"
        )
    show_line(f"{len(table)} Abweichungen, davon {int(table['resolved'].sum())} geklärt.")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    """workbench resolve SEGMENT_ID CODE --author NAME --text TEXT [--apply|--remove]."""
    from workbench.coding.records import stored_path

    apply = True if args.apply else False if args.remove else None
    project = _project(args)
    coder, _ = known_coder_of(project, args.coder)

    def held() -> int:  # the coder's codings of this code on the statement
        c = project.codings()
        mine = (c["segment_id"] == args.segment_id) & (c["coder"] == coder)
        return int((mine & (c["code"] == stored_path(args.code, c["code"]))).sum())

    before = held() if apply is not None else 0
    memo_id = project.resolve_disagreement(
        args.segment_id, args.code, args.author, args.text, apply=apply, coder=coder
    )
    after = held() if apply is not None else 0
    what = ""  # say only what changed: "entfernt" where there was nothing misleads
    if apply is True:
        what = (
            f" und für {coder} gesetzt"
            if after > before
            else (f"; {coder} hatte den Code schon, unverändert")
        )
    elif apply is False:
        what = (
            f" und für {coder} entfernt"
            if after < before
            else (f"; {coder} hatte den Code nicht, nichts entfernt")
        )
    show_line(f"Abweichung geklärt (Memo {memo_id}){what}.")
    return 0


# -- registration -----------------------------------------------------------------------
def _span_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("segment_id", metavar="SEGMENT_ID", type=int, help="Nummer der Aussage")
    p.add_argument("code", metavar="CODE", help="Codepfad, z. B. 'Bedarf'")
    p.add_argument("--coder", required=True, metavar="NAME", help="wer kodiert")
    p.add_argument("--start", type=int, metavar="S", help="Anfang der Textstelle (Zeichen)")
    p.add_argument("--end", type=int, metavar="E", help="Ende der Textstelle (ausschließlich)")


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register the coding commands on the ``workbench`` parser."""
    from workbench.coding.coder_terms import CONSENSUS_CODER

    everyone = f"Kodierende, kommagetrennt (sonst alle außer {CONSENSUS_CODER})"

    p = sub.add_parser("codebook", help="Codebuch anzeigen, bearbeiten, importieren, exportieren")
    books = p.add_subparsers(dest="codebook_command", required=True, metavar="AKTION")

    q = books.add_parser("list", help="Codes als Baum anzeigen")
    q.set_defaults(func=cmd_codebook_list)

    q = books.add_parser("add", help="Code anlegen (der Obercode muss existieren)")
    q.add_argument("path", metavar="PATH", help="Codepfad, z. B. 'Bedarf/Digitale Teilhabe'")
    q.add_argument("--description", metavar="TEXT", help="Beschreibung")
    q.add_argument("--example", metavar="TEXT", help="Ankerbeispiel")
    q.add_argument("--colour", metavar="#RRGGBB", help="Farbe")
    q.set_defaults(func=cmd_codebook_add)

    q = books.add_parser("set", help="Beschreibung, Beispiel oder Farbe ändern")
    q.add_argument("path", metavar="PATH", help=CODE_PATH)
    q.add_argument("--description", metavar="TEXT", help="neue Beschreibung")
    q.add_argument("--example", metavar="TEXT", help="neues Ankerbeispiel")
    q.add_argument("--colour", metavar="#RRGGBB", help="neue Farbe ('' entfernt sie)")
    q.set_defaults(func=cmd_codebook_set)

    q = books.add_parser("rename", help="Code umbenennen (Kodierungen bleiben)")
    q.add_argument("path", metavar="PATH", help=CODE_PATH)
    q.add_argument("new_name", metavar="NEUER_NAME", help="neuer Name (ohne '/')")
    q.set_defaults(func=cmd_codebook_rename)

    q = books.add_parser("move", help="Code verschieben (Kodierungen bleiben)")
    q.add_argument("path", metavar="PATH", help=CODE_PATH)
    where = q.add_mutually_exclusive_group(required=True)
    where.add_argument("--under", metavar="PARENT", help="neuer Obercode")
    where.add_argument("--top", action="store_true", help="auf die oberste Ebene")
    q.set_defaults(func=cmd_codebook_move)

    q = books.add_parser(
        "merge",
        help="Code mit einem anderen zusammenführen (Kodierungen, Memos, Klärungen gehen mit)",
    )
    q.add_argument("path", metavar="PATH", help="Code, der aufgeht (wird danach gelöscht)")
    q.add_argument("into", metavar="ZIEL", help="Code, der bleibt")
    q.set_defaults(func=cmd_codebook_merge)

    q = books.add_parser("delete", help="Code mit Untercodes löschen")
    q.add_argument("path", metavar="PATH", help=CODE_PATH)
    q.add_argument("--force", action="store_true", help="auch wenn es Kodierungen gibt")
    q.set_defaults(func=cmd_codebook_delete)

    q = books.add_parser("export", help="Codebuch als YAML oder REFI-QDA (.qdc) schreiben")
    q.add_argument(
        "--format", choices=["yaml", "qdc"], help="YAML oder REFI-QDA (ohne: nach der Endung)"
    )
    q.add_argument("out", type=output_path, metavar="OUT", help="Zieldatei (.yaml oder .qdc)")
    q.set_defaults(func=cmd_codebook_export)

    q = books.add_parser("import", help="Codes aus YAML oder REFI-QDA (.qdc) übernehmen")
    q.add_argument("file", metavar="FILE", help=".yaml, .yml oder .qdc")
    q.add_argument(
        "--restore-deleted-codes",
        action="store_true",
        help="hier gelöschte Codes zurückholen, die die Datei enthält (.qdc: mit ihrer GUID; "
        ".yaml: unter dem Pfad, mit dem sie angelegt wurden)",
    )
    q.set_defaults(func=cmd_codebook_import)

    p = sub.add_parser("code", help="Code auf eine Aussage oder Textstelle anwenden")
    _span_arguments(p)
    p.set_defaults(func=cmd_code)

    p = sub.add_parser(
        "uncode", help="Code von einer Aussage entfernen (ohne --start/--end: alle Stellen)"
    )
    _span_arguments(p)
    p.set_defaults(func=cmd_uncode)

    p = sub.add_parser("undo", help="die letzten Kodierschritte einer Person rückgängig machen")
    p.add_argument("--coder", required=True, metavar="NAME", help="wessen Schritte")
    p.add_argument("-n", type=int, default=1, metavar="N", help="Anzahl Schritte (Standard 1)")
    p.set_defaults(func=cmd_undo)

    p = sub.add_parser(
        "coders",
        help="Kodierende anzeigen, umbenennen/zusammenführen, ihre Kodierungen entfernen",
        description="Ohne AKTION: je Person die Zahl ihrer Kodierungen und Kodierschritte.",
    )
    p.set_defaults(func=cmd_coders)
    people = p.add_subparsers(dest="coders_command", metavar="AKTION")
    q = people.add_parser(
        "rename", help="Kodierer*in umbenennen (ein vorhandener Name: zusammenführen)"
    )
    q.add_argument("name", metavar="NAME", help="bisheriger Name (etwa ein Tippfehler)")
    q.add_argument("new_name", metavar="NEUER_NAME", help="neuer oder vorhandener Name")
    q.set_defaults(func=cmd_coders)
    q = people.add_parser("remove", help="alle Kodierungen einer Person entfernen (undo: zurück)")
    q.add_argument("name", metavar="NAME", help="wessen Kodierungen")
    q.add_argument("--document", metavar="DATEI", help="nur ihre Kodierungen in dieser Datei")
    q.add_argument("--force", action="store_true", help="wirklich entfernen (sonst nur zählen)")
    q.set_defaults(func=cmd_coders)

    p = sub.add_parser("memo", help="Memo zum Projekt, zu einer Aussage, einem Code, Cluster")
    p.add_argument("text", metavar="TEXT", help="Text des Memos")
    p.add_argument("--author", required=True, metavar="NAME", help="wer das Memo schreibt")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--segment", type=int, metavar="ID", help="zu dieser Aussage")
    target.add_argument("--code", metavar="PATH", help="zu diesem Code")
    target.add_argument("--cluster", type=int, metavar="ID", help="zu diesem Bedarfscluster")
    p.set_defaults(func=cmd_memo)

    p = sub.add_parser(
        "agreement",
        help="Übereinstimmung zwischen Kodierenden (Prozent, Cohens Kappa, Krippendorffs Alpha)",
        description="Einheiten: Aussagen, die mindestens zwei der Kodierenden kodiert haben; "
        "je Code 'angewendet ja/nein', gesamt gepoolt über alle verwendeten Codes, "
        "Dimensionen als eine nominale Variable.",
    )
    p.add_argument("--coders", metavar="A,B", help=everyone)
    p.add_argument("--json", action="store_true", help="als JSON ausgeben")
    p.set_defaults(func=cmd_agreement)

    p = sub.add_parser("disagreements", help="Abweichungen zwischen Kodierenden auflisten")
    p.add_argument("--coders", metavar="A,B", help=everyone)
    p.add_argument("--unresolved", action="store_true", help="nur noch nicht geklärte")
    p.add_argument("--csv", type=output_path, metavar="OUT", help="als CSV schreiben")
    p.set_defaults(func=cmd_disagreements)

    p = sub.add_parser("resolve", help="Abweichung klären: Memo, optional Code setzen/entfernen")
    p.add_argument("segment_id", metavar="SEGMENT_ID", type=int, help="Nummer der Aussage")
    p.add_argument("code", metavar="CODE", help="Codepfad der Abweichung, z. B. 'Bedarf'")
    p.add_argument("--author", required=True, metavar="NAME", help="wer die Abweichung klärt")
    p.add_argument("--text", required=True, metavar="TEXT", help="Begründung (wird Memo)")
    decision = p.add_mutually_exclusive_group()
    decision.add_argument("--apply", action="store_true", help="Code für --coder setzen")
    decision.add_argument("--remove", action="store_true", help="Code für --coder entfernen")
    p.add_argument("--coder", default=CONSENSUS_CODER, metavar="NAME", help="Standard: konsens")
    p.set_defaults(func=cmd_resolve)
