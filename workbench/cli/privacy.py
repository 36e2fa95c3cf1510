"""Privacy commands: the review queue of name candidates and the right to erasure.

``workbench pseudonyms review|confirm|reject`` and ``workbench forget``. Nothing here
prints a statement's text: the queue shows the candidate word and a masked context, and
``forget`` reports counts only.
"""

from __future__ import annotations

import argparse
import os
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.common import open_project, show_line
from workbench.core.errors import WorkbenchError

if TYPE_CHECKING:
    from workbench.project import Project


def _researcher(args: argparse.Namespace) -> str:
    return (args.by or os.environ.get("USER") or "").strip()[:100]


def cmd_review(args: argparse.Namespace) -> int:
    """workbench pseudonyms review."""
    from workbench.ingest.review import review_queue

    items = review_queue(open_project(args))
    if not items:
        print("Keine offenen Namenskandidaten.")
        return 0
    count = (
        "1 offener Namenskandidat" if len(items) == 1 else f"{len(items)} offene Namenskandidaten"
    )
    show_line(f"{count} (bestätigen: confirm, verwerfen: reject):")
    print(f"{'Kennung':<9}{'Wort':<22}{'Sicherheit':>11}  {'ersetzt':<8}{'Aussagen':>9}  Kontext")
    for item in items:
        replaced = "ja" if item.replaced else "nein"
        show_line(
            f"{item.id:<9}{item.word[:21]:<22}{item.confidence:>11.2f}  {replaced:<8}"
            f"{item.statements:>9}  {item.context}"
        )
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    """workbench pseudonyms confirm|reject KENNUNG|WORT …."""
    from workbench.core.formatting import plural
    from workbench.ingest.review import decide, resolve, unknown_words

    project = open_project(args)
    words = resolve(project, args.refs)
    if not words:
        raise WorkbenchError("Kein Wort angegeben.")
    unknown = unknown_words(project, words)
    if unknown and not args.force:  # a typo would become a rule for every later import
        listed = ", ".join(f"'{w}'" for w in unknown)
        raise WorkbenchError(
            f"{listed} steht in keiner gespeicherten Aussage und ist kein bekannter Name "
            "(Tippfehler?): nichts entschieden. Soll die Entscheidung schon für spätere "
            "Importe gelten, mit --force erneut aufrufen."
        )
    changed = decide(project, words, args.decision, _researcher(args))
    what = "als Name bestätigt" if args.decision == "confirm" else "als kein Name verworfen"
    stored = plural(changed, "gespeicherte Aussage", "gespeicherte Aussagen")
    show_line(f"{plural(len(words), 'Wort', 'Wörter')} {what}; {stored} angepasst.")
    print("Die Entscheidung gilt auch für alle späteren Importe.")
    if unknown:
        show_line(
            f"Hinweis: {', '.join(repr(w) for w in unknown)} steht bisher in keiner Aussage; "
            "die Entscheidung wirkt erst bei späteren Importen."
        )
    return 0


class _Once(argparse.Action):
    """An option of ``forget`` that names one thing: given twice, argparse kept the last
    and ``forget --speaker A --speaker B`` erased only B, saying nothing of A."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        if getattr(namespace, self.dest) is not None:
            raise argparse.ArgumentError(
                self,
                f"nur einmal angeben; für mehrere bitte workbench forget {option_string} "
                "je einmal aufrufen (nichts gelöscht)",
            )
        setattr(namespace, self.dest, values)


def cmd_forget(args: argparse.Namespace) -> int:
    """workbench forget --statement … | --source … | --speaker … | --person … | --token …."""
    from workbench.analysis.need_rescope import rescope_in
    from workbench.ingest.name_known import ordinary_word
    from workbench.store.erasure import forget

    project = open_project(args)
    report = forget(
        project,
        statements=tuple(args.statement or ()),
        source=args.source,
        document=stored_document(project, args.document),
        speaker=args.speaker,
        token=args.token,
        person=args.person,
        actor=_researcher(args),
        dry_run=args.dry_run,
        ordinary=ordinary_word,
        rescope=rescope_in,  # in forget's transaction: open pages read the scope as it is now
    )
    lines = report.lines()
    if args.dry_run:
        print("Probelauf, nichts gelöscht. Entfernt würden:")
    else:
        print("Gelöscht (mit Protokolleintrag ohne Inhalt):")
    show_line("\n".join(lines) if lines else "     0  Einträge")
    for note in [*report.notes, *_backups_note(project.path, args.dry_run)]:
        show_line(note)
    if report.counts["coder_names"]:
        show_line(coder_link_note(args.dry_run))
    if not args.dry_run and report.need_runs:  # the store cannot decide a scope
        rescoped, left = report.rescoped, report.rescope_left
        show_line(
            "Einteilung der Bedarfe (übergreifend/sozialraumspezifisch) mit den übrigen "
            f"Aussagen neu entschieden: {len(rescoped) or 'keine'} geändert."
        )
        for line in [*rescoped, *left]:
            show_line(f"  {line}")
    if not args.dry_run and report.counts["statements"]:
        print(
            "Analysen (Bedarfe, Themen) neu berechnen, damit sie die Aussagen auch in ihren "
            "Gruppen nicht mehr mitzählen. Berichte, Sozialraum-Seiten und Exporte, die vorher "
            "geschrieben wurden, enthalten die Aussagen noch: neu erzeugen (workbench report, "
            "publish, export) und die alten Dateien löschen, auch weitergegebene Kopien."
        )
    return 0


def coder_link_note(dry_run: bool = False) -> str:
    """A note, without name or placeholder, for a ``forget`` that gave a coder's codings to
    her placeholder: links to the app Kodieren that name her (``?coder=…``) bring the name
    back on the next load; the key no longer knows it (decision 020, Nachtrag Runde 49)."""
    done = (
        "Die Kodierungen der Person würden unter ihren Platzhalter gestellt. "
        if dry_run
        else "Die Kodierungen der Person stehen jetzt unter ihrem Platzhalter. "
    )
    return (
        f"Hinweis: {done}Links zur App Kodieren, die diese Person als Kodierer*in nennen "
        "(?coder=… mit ihrem Namen), bitte ersetzen: Ein Lesezeichen oder ein per E-Mail "
        "verschickter Link bringt den Namen zurück, und neue Kodierungen stünden wieder "
        "unter ihm (forget findet ihn dann nicht mehr). Der Person einen neuen Link mit "
        "einem Kürzel statt des Namens schicken (…/kodieren.ipynb?coder=KÜRZEL) und sie "
        "bitten, den alten zu löschen."
    )


def _backups_note(folder: Path, dry_run: bool = False) -> list[str]:
    """A note on the safety copies in ``sicherungen/``: taken before, they still hold what
    ``forget`` erased (``dry_run``: would erase; ``forget`` does not open them)."""
    from workbench.cli.admin import BACKUP_DIR

    copies = [f for f in sorted((folder / BACKUP_DIR).glob("*")) if f.is_file()]
    if not copies:
        return []
    return [
        f"Hinweis: {len(copies)} Sicherung(en) in {BACKUP_DIR}/ (angelegt von workbench "
        "upgrade, restore oder migrate-db) "
        + (
            "würden die zu löschenden Daten weiterhin enthalten. "
            if dry_run
            else "enthalten die gelöschten Daten weiterhin. "
        )
        + "Die Löschung gilt auch für sie: nicht mehr benötigte Sicherungen löschen, andere "
        "getrennt aufbewahren und nach einer Wiederherstellung die Löschung wiederholen "
        "(die Aussagen-IDs stehen in der Tabelle erasure_log). Ebenso Sicherungen, die "
        "workbench backup anderswo abgelegt hat."
    ]


def stored_document(project: Project, name: str | None) -> str | None:
    """The document's stored name: as given, or its name before import pseudonymised;
    composed or not (macOS names files decomposed, "u" and a combining mark for "ü"); a
    grown export's later downloads' names too (what the folder holds now)."""
    from sqlalchemy import select

    from workbench.ingest.review import stored_name
    from workbench.store import Document
    from workbench.store.downloads import file_names

    if name is None:
        return None
    with project.session() as session:
        documents = select(Document.filename, Document.sha256, Document.options)
        stored = {
            unicodedata.normalize("NFC", filename): filename
            for names in session.execute(documents).tuples()
            for filename in file_names(*names)
        }
        pseudonymised = stored_name(session, name)
        for given in (name, pseudonymised):
            found = stored.get(unicodedata.normalize("NFC", given))
            if found is not None:
                return found
        return pseudonymised


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register ``pseudonyms`` and ``forget``."""
    p = sub.add_parser(
        "pseudonyms",
        help="unsichere Namenskandidaten prüfen, bestätigen oder verwerfen",
        description="Listet Wörter, die vielleicht Namen sind (z. B. ein großgeschriebenes "
        "Wort nach 'sagt' oder 'laut'), zum Prüfen. Entscheidungen werden beim Schlüssel "
        "gespeichert und gelten für gespeicherte und spätere Aussagen.",
    )
    actions = p.add_subparsers(dest="action", required=True, metavar="AKTION")
    q = actions.add_parser("review", help="offene Kandidaten anzeigen (Wort, maskierter Kontext)")
    q.set_defaults(func=cmd_review)
    for decision, text in (("confirm", "ist ein Name: ersetzen"), ("reject", "ist kein Name")):
        q = actions.add_parser(decision, help=text)
        q.add_argument(
            "refs", nargs="+", metavar="KENNUNG|WORT",
            help="Kennung oder Wort eines Kandidaten (zeigt workbench pseudonyms review)",
        )  # fmt: skip
        q.add_argument("--by", metavar="NAME", help="wer entscheidet (sonst $USER)")
        q.add_argument(
            "--force",
            action="store_true",
            help="auch für ein Wort, das in keiner gespeicherten Aussage steht (gilt dann "
            "für spätere Importe)",
        )
        q.set_defaults(func=cmd_decide, decision=decision)

    p = sub.add_parser(
        "forget",
        help="Recht auf Löschung: Aussagen und alles daraus Abgeleitete entfernen",
        description="Entfernt Aussagen (nach ID, Quellen-ID oder sprechender Person) mit "
        "Kodierungen, Memos, Schlüsseleinträgen, Zuordnungen und zwischengespeicherten "
        "Einbettungen, oder die Rückmeldungen eines Zugangscodes; mit --speaker wird der Name "
        "der Person in Memos durch ihren Platzhalter ersetzt; --person nimmt eine Person auch "
        "dann aus dem Pseudonymschlüssel, wenn sie nie gesprochen hat. Ein Protokolleintrag "
        "ohne Inhalt bleibt.",
    )
    p.add_argument(  # extend: "--statement 3 --statement 7" erases both, not only 7
        "--statement", nargs="+", action="extend", type=int, metavar="ID", help="Aussage(n) nach ID"
    )
    once = {"action": _Once}
    p.add_argument(
        "--source", **once, metavar="ID", help="Aussage nach Quellen-ID (z. B. Karten-ID)"
    )
    p.add_argument("--document", **once, metavar="DATEI", help="mit --source: nur in dieser Datei")
    p.add_argument(
        "--speaker",
        **once,
        metavar="PLATZHALTER",
        help="alle Aussagen dieser Person, z. B. '[Person 3]'",
    )
    p.add_argument(
        "--person",
        **once,
        metavar="NAME",
        help="eine Person, auch wenn sie nur genannt wird (Dateiname, Aussagen anderer): "
        "ihre Aussagen, ihr Name in Memos und ihr Eintrag im Pseudonymschlüssel",
    )
    p.add_argument("--token", **once, metavar="CODE", help="Rückmeldungen dieses Zugangscodes")
    p.add_argument("--dry-run", action="store_true", help="nur zählen, nichts löschen")
    p.add_argument("--by", metavar="NAME", help="wer löscht (für das Protokoll; sonst $USER)")
    p.set_defaults(func=cmd_forget)
