"""The portable backup: every table as JSON lines in one zip file, the same on every backend.

A backup holds ``manifest.json`` (format, schema revision, rows and SHA-256 of every
table and file), ``project.json`` (the folder's settings, without database address), the
folder's own files the caller names under ``files/`` (the district boundaries) and one
``tables/NAME.jsonl`` per table: one JSON object per row, columns sorted by name, rows
by primary key, times in UTC. The same database gives the same lines on SQLite and on
PostgreSQL, so a restore is checked by recomputing each table's lines from the new
database and comparing their hash with the manifest. :func:`copy_sqlite_file` is the
exact file copy taken before an upgrade on SQLite.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import sqlite3
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Connection,
    DateTime,
    MetaData,
    String,
    Table,
    inspect,
    null,
    select,
    text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from workbench.core.archives import member_lines, read_member
from workbench.core.domain import WorkbenchError
from workbench.core.fileio import atomic_path
from workbench.store import migrate, schema
from workbench.store.privacy_tables import ErasureEntry
from workbench.store.problems import database_failure
from workbench.store.project_store import MOVING_KEY
from workbench.store.restore_guard import RESTORE_MARK, drop_all_tables, restore_guard, unmark
from workbench.store.schema import Segment
from workbench.store.segment_ids import top_of

FORMAT = "sozialraum-workbench-sicherung"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CONFIG = "project.json"
FILES = "files/"  # files of the project folder (not the database) a backup carries
BATCH = 500
# project.json keys that do not travel: the database address is the target's; the
# release's schema version is the database's to hold since migrations (decision 008); a
# backup taken during a move must not restore a project whose saves are all refused
NOT_SETTINGS = ("db_url", "schema_version", MOVING_KEY)


@dataclass(frozen=True)
class Restored:
    """What a restore did: the backup's revision, the revision now, rows per table."""

    revision: str | None
    head: str
    rows: dict[str, int]
    cleared: bool = False  # a killed restore's tables were found in the target and cleared


def _where(engine: Engine) -> str:
    """The database as messages name it (never with its password)."""
    return engine.url.render_as_string(hide_password=True)


def _encode(value: Any) -> Any:
    """JSON for what JSON lacks: times as ISO strings in UTC."""
    if isinstance(value, datetime):
        utc = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return utc.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"Wert vom Typ {type(value).__name__} lässt sich nicht sichern.")


def _line(row: dict[str, Any]) -> bytes:
    """One row as one canonical JSON line."""
    ordered = {key: row[key] for key in sorted(row)}
    return (json.dumps(ordered, ensure_ascii=False, default=_encode) + "\n").encode("utf-8")


def _tables(connection: Connection) -> list[Table]:
    """The database's tables (reflected), referenced ones first, without Alembic's."""
    metadata = MetaData()
    metadata.reflect(connection)
    skipped = (migrate.VERSION_TABLE, RESTORE_MARK)
    return [t for t in metadata.sorted_tables if t.name not in skipped]


def _lines(connection: Connection, table: Table) -> Iterator[bytes]:
    """The table's rows as canonical lines, ordered by primary key."""
    order = list(table.primary_key.columns) or list(table.columns)
    result = connection.execute(select(table).order_by(*order))
    for row in result.mappings():
        yield _line(dict(row))


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """A connection that sees one consistent state of the whole database."""
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        elif engine.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN")
        try:
            yield connection
        finally:
            connection.rollback()


def wait_for_writers(engine: Engine) -> None:
    """Return once every write transaction under way has ended (SQLite: its write lock;
    PostgreSQL: a share lock on every table, which waits for their writers), at most
    :data:`~workbench.store.schema.BUSY_TIMEOUT_MS` (then the database's error)."""
    with engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            return
        names = inspect(connection).get_table_names()
        if connection.dialect.name != "postgresql" or not names:
            return
        quote = connection.dialect.identifier_preparer.quote
        limit = {"value": f"{schema.BUSY_TIMEOUT_MS}ms"}
        connection.execute(text("SELECT set_config('lock_timeout', :value, true)"), limit)
        connection.exec_driver_sql(f"LOCK TABLE {', '.join(map(quote, names))} IN SHARE MODE")


def digests(engine: Engine) -> dict[str, dict[str, Any]]:
    """Rows and SHA-256 of every table's canonical lines."""
    found: dict[str, dict[str, Any]] = {}
    with _snapshot(engine) as connection:
        for table in _tables(connection):
            digest, rows = hashlib.sha256(), 0
            for line in _lines(connection, table):
                digest.update(line)
                rows += 1
            found[table.name] = {"rows": rows, "sha256": digest.hexdigest()}
    return found


def write_backup(
    engine: Engine,
    out: Path,
    config: dict[str, Any],
    created_by: str,
    files: Mapping[str, bytes] | None = None,
) -> dict:
    """Write the portable backup of the database (``config`` and the folder's ``files`` by
    their relative names) to ``out``; return its manifest.

    The project may be at an older revision (it is restored at that one and upgraded);
    one of a newer workbench is refused.
    """
    revision = migrate.current_revision(engine)
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "created_by": created_by,
        "revision": revision,
        "tables": {},
        "files": {},
    }
    settings = _settings(config)
    stamp = datetime.now().timetuple()[:6]
    try:
        with (
            atomic_path(out, mode=0o600) as tmp,  # holds the re-identification key
            zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive,
            _snapshot(engine) as connection,
        ):
            archive.writestr(CONFIG, json.dumps(settings, indent=2) + "\n")
            for name, data in sorted((files or {}).items()):
                archive.writestr(FILES + name, data)
                manifest["files"][name] = hashlib.sha256(data).hexdigest()
            for table in _tables(connection):
                digest, rows = hashlib.sha256(), 0
                member = zipfile.ZipInfo(f"tables/{table.name}.jsonl", stamp)
                member.compress_type = zipfile.ZIP_DEFLATED
                with archive.open(member, "w", force_zip64=True) as f:
                    for line in _lines(connection, table):
                        f.write(line)
                        digest.update(line)
                        rows += 1
                manifest["tables"][table.name] = {"rows": rows, "sha256": digest.hexdigest()}
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2) + "\n")
    except SQLAlchemyError as err:
        reason = database_failure(err)
        raise WorkbenchError(f"Sicherung aus {_where(engine)} fehlgeschlagen: {reason}") from None
    return manifest


def read_manifest(path: Path) -> dict:
    """The backup's manifest, checked; a clear error for anything that is no backup."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = _json(read_member(archive, MANIFEST, path.name))
            names = set(archive.namelist())
    except FileNotFoundError:
        raise WorkbenchError(f"Sicherung {path} nicht gefunden.") from None
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise WorkbenchError(f"{path} ist keine Sicherung der Werkbank.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise WorkbenchError(f"{path} ist keine Sicherung der Werkbank.")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise WorkbenchError(
            f"{path} hat Sicherungsformat {manifest.get('format_version')}; diese Werkbank "
            f"liest Format {FORMAT_VERSION}. Bitte die Werkbank aktualisieren."
        )
    if (problem := _manifest_problem(manifest)) is not None:
        raise WorkbenchError(f"{path} ist beschädigt: {MANIFEST} {problem}.")
    missing = sorted(t for t in manifest["tables"] if f"tables/{t}.jsonl" not in names)
    if missing:
        raise WorkbenchError(f"{path} ist unvollständig: Tabelle {missing[0]} fehlt.")
    return manifest


def _json(data: bytes) -> Any:
    """A member's JSON; ``ValueError`` for anything else (not UTF-8, not JSON, nested too
    deep for the parser, an integer of more digits than Python converts)."""
    try:
        return json.loads(data.decode("utf-8"))
    except RecursionError:
        raise ValueError("zu tief verschachtelt") from None


def _manifest_problem(manifest: dict) -> str | None:
    """What is wrong with the shape of a manifest's tables and files (None: nothing)."""
    tables, files = manifest.get("tables"), manifest.get("files", {})
    if not isinstance(tables, dict):
        return "nennt keine Tabellen"
    for name, entry in tables.items():
        if not (
            isinstance(entry, dict)
            and type(entry.get("rows")) is int
            and isinstance(entry.get("sha256"), str)
        ):
            return f"nennt für Tabelle {name} keine Zeilenzahl und Prüfsumme"
    if files is not None and not (
        isinstance(files, dict) and all(isinstance(v, str) for v in files.values())
    ):
        return "nennt die Dateien nicht mit Prüfsummen"
    return None


def read_files(path: Path, wanted: Iterable[str]) -> dict[str, bytes]:
    """The folder files of ``wanted`` a backup carries, each checked against its manifest
    (a backup of an older workbench carries none); no other name is ever read."""
    listed = read_manifest(path).get("files") or {}
    found: dict[str, bytes] = {}
    with zipfile.ZipFile(path) as archive:
        for name in wanted:
            if name not in listed:
                continue
            try:
                data = read_member(archive, FILES + name, path.name)
            except KeyError:
                data = b""
            if hashlib.sha256(data).hexdigest() != listed[name]:
                raise WorkbenchError(f"{path} ist beschädigt: Datei {name} passt nicht.")
            found[name] = data
    return found


def _settings(config: dict[str, Any]) -> dict[str, Any]:
    """The folder's settings a backup carries (no address, no stale schema version)."""
    return {k: v for k, v in config.items() if k not in NOT_SETTINGS}


def read_config(path: Path) -> dict[str, Any]:
    """The project settings stored in the backup (a release's stale schema version dropped);
    a German error if they are no JSON object."""
    with zipfile.ZipFile(path) as archive:
        if CONFIG not in archive.namelist():
            return {}
        data = read_member(archive, CONFIG, path.name)
    try:
        config = _json(data)
    except ValueError:
        config = None
    if not isinstance(config, dict):
        raise WorkbenchError(
            f"{path} ist beschädigt: {CONFIG} enthält keine Projekteinstellungen "
            "(kein JSON-Objekt)."
        )
    return _settings(config)


# the integers a database column holds (SQLite and PostgreSQL: 64 bits)
_INT_RANGE = range(-(2**63), 2**63)


class _BadRow(ValueError):
    """A backup line that is no row of its table (the German reason, never a value)."""


def _decode(table: Table, row: Any) -> dict[str, Any]:
    """A stored row as the target table takes it (times parsed, SQL NULL kept apart);
    ``ValueError`` for a line that is no row of the table."""
    if not isinstance(row, dict):
        raise _BadRow("kein JSON-Objekt")
    out: dict[str, Any] = {}
    for name, value in row.items():
        column = table.columns.get(name)
        if column is None:
            raise _BadRow(f"unbekannte Spalte {name}")
        if isinstance(value, dict | list) and not isinstance(column.type, JSON):
            kind = "ein JSON-Objekt" if isinstance(value, dict) else "eine Liste"
            raise _BadRow(f"Spalte {name}: {kind} statt eines einzelnen Werts")
        if value is not None and isinstance(column.type, DateTime):
            value = datetime.fromisoformat(value)
        elif value is None and isinstance(column.type, JSON) and column.nullable:
            value = null()
        elif type(value) is int and value not in _INT_RANGE and not isinstance(column.type, JSON):
            raise _BadRow(f"Spalte {name}: Zahl außerhalb dessen, was eine Datenbank hält")
        out[name] = value
    return out


def _rows(archive: zipfile.ZipFile, path: Path, table: Table) -> Iterator[dict[str, Any]]:
    """The rows of one table's member, line by line as it is unpacked (memory bounded by
    the longest line), each checked; a German error naming the backup, member and line of
    the first that is no row of the table (or the member, if it is damaged)."""
    member = f"tables/{table.name}.jsonl"
    lines = member_lines(archive, member, path.name)
    for number, line in enumerate(lines, 1):
        try:
            row = _decode(table, _json(line))
        except (ValueError, TypeError) as err:
            for _ in lines:  # a damaged stream is named as such, not by a garbled line
                pass
            reason = f": {err}" if isinstance(err, _BadRow) else ""
            raise WorkbenchError(
                f"{path}: Tabelle {table.name} der Sicherung ist beschädigt ({member}, "
                f"Zeile {number}{reason})."
            ) from None
        yield row


def _parents_first(table: Table, rows: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    """Rows of a table that refers to itself (a code's parent) with parents first (those
    are held whole; the others' rows pass through as they come): each row after the chain
    of its not yet placed ancestors, outermost first (a loop, which no database holds, is
    cut where it closes). A loop, not recursion: a hierarchy thousands of levels deep does
    not exhaust Python's stack."""
    own = [fk for fk in table.foreign_keys if fk.column.table.name == table.name]
    if not own:
        return rows
    rows = list(rows)
    local, remote = own[0].parent.name, own[0].column.name
    by_key = {row[remote]: row for row in rows}
    done: set[Any] = set()
    ordered: list[dict[str, Any]] = []
    for row in rows:
        chain: list[dict[str, Any]] = []
        seen: set[Any] = set()
        current: dict[str, Any] | None = row
        while current is not None:
            key = current[remote]
            if key in done or key in seen:
                break
            chain.append(current)
            seen.add(key)
            current = by_key.get(current[local])
        for placed in reversed(chain):
            done.add(placed[remote])
            ordered.append(placed)
    return ordered


def _load(
    connection: Connection, archive: zipfile.ZipFile, path: Path, table: Table, too_long: str
) -> int:
    """Insert one table's rows from the backup in batches as they are read; return how
    many (a failure later on rolls the whole restore back)."""
    rows = iter(_parents_first(table, _rows(archive, path, table)))
    count = 0
    while batch := list(itertools.islice(rows, BATCH)):
        if connection.dialect.name != "sqlite":
            _check_sizes(table, batch, too_long)
        connection.execute(table.insert(), batch)
        count += len(batch)
    return count


# what to do about a value longer than the target holds: moving a project (migrate-db) …
SHORTEN_IN_PROJECT = (
    "Bitte den Wert im Projekt kürzen und erneut versuchen; die Quelle bleibt, wie sie ist."
)
# … and restoring a backup, which has no project yet to shorten it in
SHORTEN_IN_SQLITE = (
    "Bitte die Sicherung ohne --db wiederherstellen (SQLite hält den Wert; eine lange "
    "Leitfrage, Rolle, einen Workshop- oder Dateinamen kürzt das Aktualisieren einer älteren "
    "Sicherung dabei selbst), ihn dort kürzen und das Projekt dann mit workbench migrate-db "
    "umziehen."
)


def _check_sizes(table: Table, rows: list[dict[str, Any]], too_long: str) -> None:
    """Refuse a value longer than its column, naming table, column and row and saying what
    to do (``too_long``): SQLite stored it, PostgreSQL stopped with
    "StringDataRightTruncation" (the value is not shown)."""
    sizes = {
        c.name: c.type.length
        for c in table.columns
        if isinstance(c.type, String) and c.type.length is not None
    }
    for row in rows:
        for column, size in sizes.items():
            value = row.get(column)
            if isinstance(value, str) and len(value) > size:
                where = f"Zeile mit id {row['id']}" if row.get("id") is not None else "eine Zeile"
                raise WorkbenchError(
                    f"Tabelle {table.name}, Spalte {column}, {where}: {len(value)} Zeichen, die "
                    f"Zieldatenbank hält höchstens {size} (SQLite hat den Wert früher ungekürzt "
                    f"gespeichert). {too_long}"
                )


def _reset_sequences(connection: Connection, tables: list[Table]) -> None:
    """PostgreSQL: let each ``id`` sequence continue after the restored ids, the
    statements' also after every id the erasure log names (after ``forget`` of the newest
    statements the next import took their ids, see :mod:`workbench.store.segment_ids`)."""
    floors = {Segment.__tablename__: _erased_top(connection, tables)}
    for table in tables:
        if "id" not in table.columns or not table.columns["id"].primary_key:
            continue
        sequence = connection.execute(
            text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": f'"{table.name}"'}
        ).scalar()
        if sequence:
            restart = (
                "SELECT setval(:s, GREATEST(COALESCE(MAX(id), 0), :floor, 1), "
                "MAX(id) IS NOT NULL OR :floor > 0) FROM "
            )
            floor = floors.get(table.name, 0)
            connection.execute(text(f'{restart}"{table.name}"'), {"s": sequence, "floor": floor})


def _erased_top(connection: Connection, tables: list[Table]) -> int:
    """The largest statement id the restored erasure log names (0 if none)."""
    log = next((t for t in tables if t.name == ErasureEntry.__tablename__), None)
    if log is None or "selector" not in log.columns:
        return 0
    return top_of(connection.scalars(select(log.columns["selector"])))


def restore_backup(
    path: Path,
    engine: Engine,
    too_long: str = SHORTEN_IN_PROJECT,
    finish: migrate.Finish | None = None,
) -> Restored:
    """Restore the backup into the empty database of ``engine``, check it, upgrade it
    (``too_long``: what to do about a value longer than PostgreSQL holds; ``finish``: run
    at the head in the upgrade's transaction, see :func:`workbench.store.migrate.upgrade`).

    The tables are created at the backup's revision, filled, compared row by row (hash
    of the canonical lines) with the manifest, then migrated to this workbench's head.
    """
    manifest = read_manifest(path)
    with restore_guard(engine, _where(engine)) as cleared:  # a killed restore's: cleared
        try:
            restored = _restore(path, manifest, engine, too_long, finish)
            unmark(engine)  # the last step: only now is the database a project
        except BaseException:
            _drop_everything(engine)  # it was empty: leave it so
            raise
    return dataclasses.replace(restored, cleared=cleared)


def _drop_everything(engine: Engine) -> None:
    """Remove every table a failed restore created."""
    drop_all_tables(engine)


def _restore(
    path: Path, manifest: dict, engine: Engine, too_long: str, finish: migrate.Finish | None
) -> Restored:
    """Create the schema of the backup's revision, load, check, upgrade."""
    revision = manifest.get("revision")
    where = _where(engine)
    migrate.create_schema(engine, revision or migrate.BASELINE)
    rows: dict[str, int] = {}
    current = ""
    try:
        with zipfile.ZipFile(path) as archive, engine.begin() as connection:
            tables = _tables(connection)
            unknown = sorted(set(manifest["tables"]) - {t.name for t in tables})
            if unknown:
                raise WorkbenchError(
                    f"Die Sicherung enthält die Tabelle {unknown[0]}, die es in "
                    f"{migrate.describe(revision)} nicht gibt."
                )
            for table in tables:
                current = table.name
                if table.name in manifest["tables"]:
                    rows[table.name] = _load(connection, archive, path, table, too_long)
            if engine.dialect.name == "postgresql":
                _reset_sequences(connection, tables)
    except SQLAlchemyError as err:
        reason = database_failure(err)
        raise WorkbenchError(
            f"Wiederherstellen in {where} fehlgeschlagen (Tabelle {current}): {reason}"
        ) from None
    except (ValueError, KeyError, TypeError, zipfile.BadZipFile):
        raise WorkbenchError(f"{path}: Tabelle {current} der Sicherung ist beschädigt.") from None
    found = digests(engine)
    for name, expected in manifest["tables"].items():
        if found.get(name) != expected:
            got = found.get(name, {}).get("rows", 0)
            differs = (
                f"{got} statt {expected['rows']} Zeilen"
                if got != expected["rows"]
                else f"dieselben {got} Zeilen, aber andere Inhalte als gesichert (Prüfsumme)"
            )
            raise WorkbenchError(
                f"Prüfung fehlgeschlagen: Tabelle {name} hat nach dem Wiederherstellen "
                f"{differs}; die Sicherung ist verändert oder beschädigt."
            )
    if revision != migrate.head():
        migrate.upgrade(engine, finish)
    return Restored(revision, migrate.head(), rows)


def copy_sqlite_file(engine: Engine, target: Path) -> Path:
    """Copy a SQLite database, consistently even while others write (SQLite's backup API)."""
    raw = engine.raw_connection()
    target.touch(mode=0o600)  # holds the re-identification key
    try:
        with sqlite3.connect(target) as copy:
            raw.driver_connection.backup(copy)
        copy.close()
    finally:
        raw.close()
    return target
