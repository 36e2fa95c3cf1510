"""The arguments of upgrade, backup, restore and migrate-db; their work is in
:mod:`workbench.cli.admin`, imported (with SQLAlchemy and the stages) when one of them runs."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from workbench.cli.common import output_path


def _in_admin(name: str) -> Callable[[argparse.Namespace], int]:
    """The command ``name`` of :mod:`workbench.cli.admin`, imported when it runs."""

    def run(args: argparse.Namespace) -> int:
        from workbench.cli import admin

        return getattr(admin, name)(args)

    run.__name__ = run.__qualname__ = name
    run.__doc__ = f"(:func:`workbench.cli.admin.{name}`)"
    return run


cmd_upgrade = _in_admin("cmd_upgrade")
cmd_backup = _in_admin("cmd_backup")
cmd_restore = _in_admin("cmd_restore")
cmd_migrate_db = _in_admin("cmd_migrate_db")


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register upgrade, backup, restore and migrate-db."""
    p = sub.add_parser(
        "upgrade",
        help="Projekt einer älteren Werkbank auf den aktuellen Schemastand bringen",
        description="Legt zuerst eine Sicherung in sicherungen/ an (SQLite: Kopie der Datei).",
    )
    p.set_defaults(func=cmd_upgrade)

    p = sub.add_parser(
        "backup",
        help="portable Sicherung (eine ZIP-Datei, gleich für SQLite und PostgreSQL)",
    )
    p.add_argument(
        "out", type=output_path, metavar="DIR|DATEI", help="Zielordner oder Dateiname (.zip)"
    )
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser(
        "restore",
        help="Sicherung als neues Projekt wiederherstellen",
        description="Stellt alle Tabellen wieder her, prüft jede Zeile gegen die Sicherung "
        "und bringt ein älteres Projekt auf den aktuellen Schemastand.",
    )
    p.add_argument("file", metavar="DATEI", help="Sicherung (workbench backup)")
    p.add_argument("dir", type=output_path, metavar="DIR", help="neuer Projektordner")
    p.add_argument(
        "--db", metavar="URL", help="leere Datenbank (z. B. PostgreSQL) statt SQLite im Ordner"
    )
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser(
        "migrate-db",
        help="Projekt in eine andere Datenbank umziehen (z. B. SQLite → PostgreSQL)",
        description="Kopiert alle Tabellen in eine leere Datenbank, prüft Zeilen und Inhalt "
        "jeder Tabelle und trägt die neue Adresse (ohne Passwort) in project.json ein. "
        "Vorher alle Apps und Notebooks des Projekts beenden.",
    )
    p.add_argument(
        "--to",
        required=True,
        type=output_path,
        metavar="URL",
        help="Ziel, z. B. postgresql+psycopg://user@server/db, oder 'sqlite' für die Datei "
        "im Projektordner",
    )
    p.set_defaults(func=cmd_migrate_db)
