"""``workbench memos list|edit|delete``: the researchers' memos, read and changed.

``memo`` writes a memo; these commands show them as written, change a text or delete
one. An edit or deletion also removes the key entries of persons only the old text
named (:mod:`workbench.coding.memos`): the output counts them, it never names them.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from workbench.cli.common import open_project, show_line

if TYPE_CHECKING:
    from workbench.coding.memos import MemoChange

_TARGETS = {"project": "Projekt", "segment": "Aussage", "code": "Code", "cluster": "Cluster"}


def cmd_memos(args: argparse.Namespace) -> int:
    """workbench memos list | edit ID TEXT | delete ID."""
    from workbench.coding.memos import delete_memo, edit_memo
    from workbench.core.formatting import plural

    project = open_project(args)
    if args.action == "list":
        memos = project.memos()
        if memos.empty:
            print("Noch keine Memos (workbench memo TEXT --author NAME).")
            return 0
        show_line(f"{plural(len(memos), 'Memo', 'Memos')} wie geschrieben (Namen im Klartext):")
        for memo in memos.itertuples():
            target = _TARGETS.get(memo.target_type, memo.target_type)
            if memo.target_id is not None and memo.target_type != "project":
                target += f" {int(memo.target_id)}"
            show_line(f"{memo.memo_id:>5}  {target}, {memo.author}: {memo.text}")
        return 0
    if args.action == "edit":
        _said(edit_memo(project, args.id, args.text), "geändert")
    else:
        _said(delete_memo(project, args.id), "gelöscht")
    return 0


def _said(change: MemoChange, done: str) -> None:
    from workbench.core.formatting import plural

    extra = ""
    if change.key_entries:
        people = plural(change.key_entries, "Person", "Personen")
        extra = f"; aus dem Pseudonymschlüssel entfernt: {people}, die nur dieses Memo nannte"
    show_line(f"Memo {change.memo_id} {done}{extra}.")


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register ``memos``."""
    p = sub.add_parser(
        "memos",
        help="Memos anzeigen, ändern oder löschen",
        description="Zeigt die Memos wie geschrieben (mit Namen: nicht weitergeben), ändert "
        "den Text eines Memos oder löscht es. Personen, die nur der alte Text nannte, "
        "verlassen den Pseudonymschlüssel. Neue Memos schreibt 'workbench memo'.",
    )
    actions = p.add_subparsers(dest="action", required=True, metavar="AKTION")
    q = actions.add_parser("list", help="alle Memos mit Nummer, Ziel, Autor*in und Text")
    q.set_defaults(func=cmd_memos)
    q = actions.add_parser("edit", help="den Text eines Memos ersetzen")
    q.add_argument("id", type=int, metavar="ID", help="Nummer des Memos (zeigt 'memos list')")
    q.add_argument("text", metavar="TEXT", help="der neue Text")
    q.set_defaults(func=cmd_memos)
    q = actions.add_parser("delete", help="ein Memo löschen")
    q.add_argument("id", type=int, metavar="ID", help="Nummer des Memos (zeigt 'memos list')")
    q.set_defaults(func=cmd_memos)
