"""Schema migrations with Alembic: which revision a database is at, upgrade, new projects.

The revisions live in ``migrations/versions`` beside this module and ship with the
package; Alembic runs from here, on the caller's connection (no ``alembic.ini``).
``0001`` is the schema of the last release before migrations; a project made by it has no
``alembic_version`` table and counts as ``0001``. Decision record 008 explains the rules.

A developer adds a revision after changing the tables with::

    make migration MSG="New tables for …"

which compares the current models with a database migrated to the latest revision and
writes the differences as the next numbered revision (review it before committing).
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from workbench.core.word_caches import fixed_cache
from workbench.store import schema
from workbench.store.coding_tables import start_export_marks
from workbench.store.schema import (
    CITYWIDE,
    SCHEMA_VERSION,
    District,
    Meta,
    SchemaVersionError,
    create_tables,
    lock_connection,
    make_engine,
)

MIGRATIONS = Path(__file__).resolve().with_name("migrations")
BASELINE = "0001"  # the schema of the last release before migrations
LEGACY_SCHEMA_VERSION = 1  # meta.schema_version of that release
VERSION_TABLE = "alembic_version"


class SchemaOutdatedError(SchemaVersionError):
    """The project was written by an older workbench: ``workbench upgrade`` brings it up."""


class SchemaTooNewError(SchemaVersionError):
    """The project was written by a newer workbench than this one."""


def _config(connection: Connection | None = None) -> Any:
    """Alembic's configuration for the migrations beside this module."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    config.attributes["connection"] = connection
    return config


@fixed_cache("the schema revisions")
@lru_cache(maxsize=1)
def revisions() -> tuple[str, ...]:
    """Every revision this workbench knows, oldest first.

    Read from the ``revision``/``down_revision`` lines of the migration files: loading
    Alembic for them took a third of a second each time a project was opened (``workbench
    status``); Alembic loads when a database changes. Revisions that are no single line
    from the baseline (a branch, a merge) are Alembic's to order.
    """
    found: dict[str | None, str] = {}  # down_revision -> revision
    for file in sorted((MIGRATIONS / "versions").glob("*.py")):
        values = _revision_lines(file)
        revision, down = values.get("revision"), values.get("down_revision")
        if not isinstance(revision, str) or not (down is None or isinstance(down, str)):
            return _alembic_revisions()
        if down in found:  # two revisions after one: a branch
            return _alembic_revisions()
        found[down] = revision
    chain: list[str] = []
    while (following := found.get(chain[-1] if chain else None)) is not None:
        chain.append(following)
    return tuple(chain) if len(chain) == len(found) else _alembic_revisions()


def _revision_lines(file: Path) -> dict[str, object]:
    """The constant module-level assignments of a migration file (``revision = "0003"``)."""
    values: dict[str, object] = {}
    for node in ast.parse(file.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if isinstance(node.value, ast.Constant):
                values.update(dict.fromkeys(names, node.value.value))
    return values


def _alembic_revisions() -> tuple[str, ...]:
    """Every revision as Alembic orders them, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    return tuple(reversed([r.revision for r in script.walk_revisions()]))


def head() -> str:
    """The newest revision: the schema of this workbench."""
    return revisions()[-1]


def describe(revision: str | None) -> str:
    """A revision as users read it."""
    return f"Schemastand {revision or BASELINE}"


def current_revision(engine: Engine) -> str | None:
    """The database's revision (``None``: written by the release before migrations).

    Raises :class:`SchemaVersionError` for a database that is no workbench project and
    :class:`SchemaTooNewError` for one written by a newer workbench.
    """
    no_project = SchemaVersionError(
        f"Die Datenbank {engine.url.render_as_string(hide_password=True)} enthält kein "
        "Werkbank-Projekt (keine Schemaversion)."
    )
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if "meta" not in tables:
            raise no_project
        stored = connection.execute(select(Meta.value).where(Meta.key == "schema_version")).scalar()
        if stored is None or not str(stored).isdigit():
            raise no_project
        version = int(stored)
        if version > SCHEMA_VERSION:
            raise SchemaTooNewError(
                f"Die Datenbank hat Schemaversion {version} und wurde mit einer neueren "
                f"Werkbank geschrieben (diese kennt Schemaversion {SCHEMA_VERSION}). "
                "Bitte die Werkbank aktualisieren; ältere Versionen dürfen das Projekt "
                "nicht verändern."
            )
        if VERSION_TABLE not in tables:
            if version == LEGACY_SCHEMA_VERSION:
                return None
            raise SchemaVersionError(
                f"Schemaversion {version} der Datenbank ohne Migrationsstand: "
                "kein gültiges Werkbank-Projekt."
            )
        revision = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
    if revision not in revisions():
        raise SchemaTooNewError(
            f"Das Projekt hat {describe(revision)} und wurde mit einer neueren Werkbank "
            f"geschrieben (diese kennt bis {describe(head())}). Bitte die Werkbank "
            "aktualisieren; ältere Versionen dürfen das Projekt nicht verändern."
        )
    return revision


def check_version(engine: Engine, where: str = "ORDNER") -> str:
    """Return the database's revision if it is this workbench's; raise otherwise.

    An older project raises :class:`SchemaOutdatedError`, whose message tells the user
    to run ``workbench --project WHERE upgrade``.
    """
    revision = current_revision(engine)
    if revision != head():
        raise SchemaOutdatedError(
            f"Das Projekt stammt von einer älteren Werkbank ({describe(revision)}, "
            f"aktuell ist {describe(head())}). Bitte einmal aktualisieren: "
            f"workbench --project {where} upgrade (legt vorher eine Sicherung an)."
        )
    return revision


Finish = Callable[[Connection], object]  # a step after the revisions, in their transaction


def _run(
    engine: Engine, action: str, target: str, release: bool = False, finish: Finish | None = None
) -> str | None:
    """Run an Alembic command on one connection, in one transaction; return the revision
    the database had when the command began (read under the write lock).

    ``release``: a project of the release (no ``alembic_version``) is stamped with the
    baseline first, in the same transaction. On SQLite, foreign keys are off while the
    migrations run and checked before the commit (SQLite's own procedure for rebuilding a
    table that others refer to, as ``op.batch_alter_table`` does); the connection gets
    them back afterwards. ``finish`` runs after the revisions, on the same connection and
    in the same transaction (an error there undoes the revisions too).
    """
    from alembic import command

    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # outside a transaction: inside one SQLite ignores the pragma
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()  # ends SQLAlchemy's autobegun (empty) transaction
        try:
            with connection.begin():
                _lock_writes(connection)
                found = _revision_on(connection)
                if release and found is None:
                    command.stamp(_config(connection), BASELINE)
                getattr(command, action)(_config(connection), target)
                if finish is not None:
                    finish(connection)
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise SchemaVersionError(
                        "Die Migration hinterlässt Verweise auf fehlende Zeilen; "
                        "nichts wurde geändert."
                    )
        finally:
            if sqlite:
                connection.rollback()  # after an error: nothing half-done stays open
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()
    return found


def _revision_on(connection: Connection) -> str | None:
    """The revision in ``alembic_version`` (``None``: a release project or an empty one)."""
    if VERSION_TABLE not in inspect(connection).get_table_names():
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def _lock_writes(connection: Connection) -> None:
    """Take the project's write lock (:func:`workbench.store.schema.lock_connection`) before
    Alembic reads the revision: a second upgrade at the same moment waits and then finds
    the project current (before, both read the old revision and the later one deadlocked
    or failed on the tables the first had changed); an import waits for the upgrade.

    PostgreSQL: every lock the migrations then wait for (a colleague's open transaction
    on a table they change) is waited for at most :data:`~workbench.store.schema.
    BUSY_TIMEOUT_MS`; without a limit the upgrade waited without end, and every query of
    the apps on that table queued behind it."""
    lock_connection(connection)
    if connection.dialect.name == "postgresql":
        limit = {"value": f"{schema.BUSY_TIMEOUT_MS}ms"}
        connection.execute(text("SELECT set_config('lock_timeout', :value, true)"), limit)


def initialise(engine: Engine) -> None:
    """Create all tables of a new project, record the schema version, stamp the head."""
    create_tables(engine)
    with Session(engine) as session, session.begin():
        if session.get(Meta, "schema_version") is None:
            session.add(Meta(key="schema_version", value=str(SCHEMA_VERSION)))
            session.add(District(name=CITYWIDE, is_citywide=True))
            start_export_marks(session)
    if VERSION_TABLE not in inspect(engine).get_table_names():
        _run(engine, "stamp", "head")


def create_schema(engine: Engine, revision: str) -> None:
    """Create the tables of ``revision`` in an empty database by running the migrations."""
    if revision not in revisions():
        raise SchemaTooNewError(
            f"{describe(revision)} kennt diese Werkbank nicht (sie kennt bis "
            f"{describe(head())}). Bitte die Werkbank aktualisieren."
        )
    _run(engine, "upgrade", revision)


def upgrade(engine: Engine, finish: Finish | None = None) -> tuple[str | None, str]:
    """Bring the database to the head revision; return (revision before, after), the
    one before as found once the upgrade had the write lock. ``finish`` runs at the head,
    in the upgrade's transaction: the steps that need the models (which fit the head
    only), such as pseudonymising the names revision 0009 made one line.

    A release project (no ``alembic_version``) is stamped with the baseline first. On
    PostgreSQL the whole upgrade is one transaction; on SQLite take a copy first
    (:func:`workbench.store.backup.copy_sqlite_file`).
    """
    current_revision(engine)  # no project, or one of a newer workbench: refused
    # read under the write lock: a second upgrade at the same moment finds the first's
    # result (and a release project is stamped once, not again over the upgrade)
    before = _run(engine, "upgrade", "head", release=True, finish=finish)
    return before, head()


def new_revision(message: str) -> list[Path]:
    """Write the next revision: the difference between the models and the latest revision."""
    from alembic import command

    number = f"{int(head()) + 1:04d}"
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'head.sqlite'}")
        _run(engine, "upgrade", "head")
        with engine.begin() as connection:
            scripts = command.revision(
                _config(connection), message=message, autogenerate=True, rev_id=number
            )
        engine.dispose()
    revisions.cache_clear()
    scripts = scripts if isinstance(scripts, list) else [scripts]
    paths = [Path(s.path) for s in scripts if s is not None]
    for path in paths:
        _tidy(path)
    return paths


def _tidy(path: Path) -> None:
    """Drop Alembic's banner comments and format the new revision with ruff (if installed)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(
        "".join(line for line in lines if not line.strip().startswith("# ###")), encoding="utf-8"
    )
    ruff = Path(sys.executable).with_name("ruff")
    ruff_path = str(ruff) if ruff.exists() else shutil.which("ruff")
    if ruff_path:
        subprocess.run([ruff_path, "format", "--quiet", str(path)], check=False)


def main(argv: list[str]) -> int:
    """``neu "Beschreibung"``: write the next revision (see the module docstring)."""
    if len(argv) != 2 or argv[0] != "neu":
        print('Aufruf: neu "Beschreibung"', file=sys.stderr)
        return 2
    for path in new_revision(argv[1]):
        print(f"Neue Migration: {path} (bitte prüfen)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
