"""The core schema (study, documents, segments, codes, pseudonym key), engine and sessions.

One SQLAlchemy 2 schema for the whole study. SQLite in the project folder is the
default (WAL mode, so several Voilà kernels can write at once); PostgreSQL (driver
psycopg 3) is the tested backend for teams (docs/team.md). Schema changes come with an
Alembic migration (:mod:`workbench.store.migrate`, decision record 008).
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    select,
    text,
    true,
)
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from workbench.core.domain import WorkbenchError
from workbench.store.shares import share_type

# meta.schema_version: 1 was the release before migrations; 2 means "Alembic's
# alembic_version table holds the revision" and stays 2 (decision record 008).
SCHEMA_VERSION = 2
CITYWIDE = "Gesamtstadt"
MAX_CODER = 100  # longest coder name
MAX_CODE_NAME, MAX_CODE_PATH = 200, 500  # longest code name and path (PostgreSQL refuses more)
MAX_WAVE_LABEL = 100  # longest wave label
MAX_WORKSHOP, MAX_FORMAT = 300, 200  # longest workshop name and format (PostgreSQL refuses more)
MAX_FILENAME = 500  # longest document file name
MAX_DISTRICT_NAME = 200  # longest name of a Sozialraum
MAX_SOURCE_ID, MAX_QUESTION, MAX_ROLE = 200, 300, 200  # a statement's ID, question, role
# Namespace of the codes' GUIDs: uuid5(NAMESPACE_URL, "urn:sozialraum-werkbank:code").
CODE_GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:sozialraum-werkbank:code")


def code_guid(path: str) -> str:
    """The GUID a code at ``path`` gets when it is created (upper case, as MAXQDA writes them).

    >>> code_guid("Bedarf") == code_guid("Bedarf") != code_guid("Ressource")
    True
    """
    return str(uuid.uuid5(CODE_GUID_NAMESPACE, path)).upper()


def _new_code_guid(context: Any) -> str:
    return code_guid(context.get_current_parameters()["path"])


def utcnow() -> datetime:
    """Return the current time in UTC (timezone-aware)."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base of all tables."""


class Meta(Base):
    """Key/value facts about the store itself, e.g. ``schema_version``."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class District(Base):
    """A Sozialraum, or the city-wide scope (``is_citywide``)."""

    __tablename__ = "districts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(MAX_DISTRICT_NAME), unique=True)
    is_citywide: Mapped[bool] = mapped_column(Boolean, default=False)


class Wave(Base):
    """A wave of the study: a round of workshops, e.g. "2020/21" or a follow-up.

    ``position`` orders the waves (earlier first): the order they were first imported in.
    """

    __tablename__ = "waves"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(String(MAX_WAVE_LABEL), unique=True)
    position: Mapped[int] = mapped_column(Integer)


class Workshop(Base):
    """A workshop held in one district or city-wide, in one wave of the study."""

    __tablename__ = "workshops"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(MAX_WORKSHOP), unique=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id"))
    wave_id: Mapped[int] = mapped_column(
        ForeignKey("waves.id", name="fk_workshops_wave_id"), index=True
    )
    date: Mapped[str | None] = mapped_column(String(10), nullable=True)
    format: Mapped[str | None] = mapped_column(String(MAX_FORMAT), nullable=True)


class Document(Base):
    """One imported source file, with its provenance."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int | None] = mapped_column(ForeignKey("workshops.id"), nullable=True)
    filename: Mapped[str] = mapped_column(String(MAX_FILENAME))
    sha256: Mapped[str] = mapped_column(String(64))
    importer: Mapped[str] = mapped_column(String(50))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    # The whole document text after pseudonymisation; segments point into it.
    text: Mapped[str] = mapped_column(Text, default="")
    # The mapping and options the document was imported with (reproducibility).
    options: Mapped[dict] = mapped_column(JSON, default=dict)
    __table_args__ = (UniqueConstraint("sha256", "importer", name="uq_document_content"),)


class Segment(Base):
    """The unit of analysis: one statement, card or utterance (pseudonymised)."""

    __tablename__ = "segments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id"), index=True)
    source_id: Mapped[str] = mapped_column(String(MAX_SOURCE_ID))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    question: Mapped[str | None] = mapped_column(String(MAX_QUESTION), nullable=True)
    speaker_role: Mapped[str | None] = mapped_column(String(MAX_ROLE), nullable=True)
    attributes: Mapped[dict] = mapped_column(JSON, default=dict)
    __table_args__ = (UniqueConstraint("document_id", "source_id", name="uq_segment_source"),)


class Code(Base):
    """A code of the codebook; ``path`` is e.g. ``Themen/Digitale Teilhabe``."""

    __tablename__ = "codes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(String(MAX_CODE_PATH), unique=True)
    name: Mapped[str] = mapped_column(String(MAX_CODE_NAME))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("codes.id"), nullable=True)
    description: Mapped[str] = mapped_column(Text, default="")
    example: Mapped[str] = mapped_column(Text, default="")
    colour: Mapped[str | None] = mapped_column(String(20), nullable=True)
    # False for a category that only groups codes (REFI-QDA isCodable="false")
    codable: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # Its REFI-QDA GUID, kept when the code is renamed or moved: MAXQDA, ATLAS.ti and NVivo
    # keep it too, so a file coded there finds its codes by it. Made from the path the code
    # had when it was created (or taken from the file it came from).
    guid: Mapped[str] = mapped_column(String(36), default=_new_code_guid)
    __table_args__ = (UniqueConstraint("guid", name="uq_codes_guid"),)


class Coding(Base):
    """A code applied by a coder to a segment, whole or a character span of it."""

    __tablename__ = "codings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id"), index=True)
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id"), index=True)
    coder: Mapped[str] = mapped_column(String(100))
    # Offsets into the segment text; (0, len(text)) for a whole segment.
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # None for a coder's own coding; e.g. "suggestion" for an accepted model suggestion.
    origin: Mapped[str | None] = mapped_column(String(20), nullable=True)
    accepted_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    __table_args__ = (
        UniqueConstraint("segment_id", "code_id", "coder", "start", "end", name="uq_coding"),
    )


class Memo(Base):
    """A researcher's note on the project, a segment, a code or a cluster."""

    __tablename__ = "memos"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    target_type: Mapped[str] = mapped_column(String(20))  # project|segment|code|cluster
    target_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    author: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Pseudonym(Base):
    """Re-identification key, part 1: one stable placeholder per original value.

    Kept apart from the text tables; only :meth:`Project.pseudonym_key` reads it.
    """

    __tablename__ = "pseudonyms"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    normalised: Mapped[str] = mapped_column(String(500))
    original: Mapped[str] = mapped_column(Text)
    placeholder: Mapped[str] = mapped_column(String(100))
    __table_args__ = (UniqueConstraint("kind", "normalised", name="uq_pseudonym"),)


class ListedName(Base):
    """Re-identification key, part 3: a workshop's participant list (for matching)."""

    __tablename__ = "listed_names"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    __table_args__ = (UniqueConstraint("workshop_id", "name", name="uq_listed_name"),)


class PseudonymSpan(Base):
    """Re-identification key, part 2: where in a segment a placeholder replaced what."""

    __tablename__ = "pseudonym_spans"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    original: Mapped[str] = mapped_column(Text)


# How long a SQLite writer queues for the write lock before it fails ("database is
# locked"). SQLite serialises writers: a burst of participants saving at once (30 Voilà
# kernels) queues behind each other, and on a loaded server each commit can take a second
# (CPU starved, fsync slow): 30 s was seen too short for 30 writers on a busy machine.
BUSY_TIMEOUT_MS = 120_000


def _enable_sqlite_wal(engine: Engine) -> None:
    """Use WAL, foreign keys and a busy timeout on every SQLite connection; on a network
    share the rollback journal instead (:mod:`workbench.store.shares`)."""
    database = engine.url.database
    on_share = bool(database) and database != ":memory:" and not database.startswith("file:")
    journal = "DELETE" if on_share and share_type(Path(database)) else "WAL"

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        # the timeout first: switching to WAL may itself have to wait for another writer
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        try:
            cursor.execute(f"PRAGMA journal_mode={journal}")
        except sqlite3.OperationalError:  # out of WAL while another computer has it open:
            if journal == "WAL":  # the next opening switches; refusing to open would stop
                raise  # the team's work
        cursor.execute("PRAGMA foreign_keys=ON")
        # deleted and overwritten text is zeroed in the file, not left in its free space:
        # after `workbench forget` the erased statements must not be readable from a copy
        # of the file (`strings werkbank.sqlite`)
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()


def flush_log(engine: Engine, wait_ms: int = 2_000) -> bool:
    """On SQLite, write the write-ahead log into the database file and empty it: until
    then, the file keeps the pages as they were before the last changes (after ``forget``:
    with the erased text) and the log older copies of them. Waits ``wait_ms`` at most for
    readers that still hold an older state; False if one kept the log (the next write
    that finds no such reader empties it), True otherwise."""
    if engine.dialect.name != "sqlite":
        return True
    with engine.connect() as connection:
        connection.exec_driver_sql(f"PRAGMA busy_timeout={wait_ms}")
        try:
            busy = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").scalar()
        finally:  # the pooled connection waits for writers as long as every other one
            connection.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return not busy


def _read_only_file(url: URL) -> Path | None:
    """The SQLite file of ``url`` if it lies on a read-only file system (a DVD, a mounted
    snapshot, an archive share) with nothing in a write-ahead log beside it, else None.

    A database in WAL mode needs its ``-shm`` file even to be read, and on such media that
    file cannot be made: the project opens as *immutable* instead (read-only, no locks),
    which is exact because nobody can change the file there.
    """
    if not url.database or url.database == ":memory:" or url.query:
        return None
    path = Path(url.database)
    try:
        if not path.is_file() or not os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            return None
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size:  # its transactions are not in the file yet
            return None
    except OSError:
        return None
    return path


def _create_private(engine: Engine) -> None:
    """A SQLite file the first connection creates is readable by its owner only (0600,
    whatever the umask): it holds the participants' texts and the re-identification key,
    like a backup; SQLite gives its ``-wal`` and ``-shm`` files the same rights. An
    existing file keeps its rights; nothing is created before a connection is made."""
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return

    @event.listens_for(engine, "do_connect")
    def _before_connect(_dialect, _record, _args, _kwargs) -> None:
        with suppress(OSError):  # exists, or its folder is missing: sqlite3 says so
            os.close(os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _socket_in_query(url: URL) -> URL:
    """A Unix socket folder written as libpq writes it, percent-encoded in the host
    (``postgresql://nutzer@%2Fvar%2Frun%2Fpostgresql/studie``), as the ``host`` query
    parameter SQLAlchemy passes on (it would look the encoded folder up as a host name)."""
    if not url.host or not url.host.lower().startswith("%2f"):
        return url
    return url.set(host=None, query={**url.query, "host": unquote(url.host)})


def _server_options(url: URL) -> tuple[URL, str]:
    """``url`` without its ``options`` and the options every PostgreSQL session of the
    project gets: those of the address (``?options=-csearch_path%3Dstudie``) and of
    ``PGOPTIONS``, then the workbench's own, which win where they name the same setting.

    ``timezone=UTC``: times come back the same whatever the server's zone;
    ``lock_timeout``: a write waiting for another's row lock (a notebook's open
    transaction, an upgrade's ALTER) gives up like SQLite's busy timeout; before, it
    waited without end. Statements themselves (a long import) are not limited. Before,
    the address's own options were dropped without a word (libpq reads ``PGOPTIONS``
    only when no options are given): a project meant for its own schema was created in
    ``public``.
    """
    given = url.query.get("options", ())
    given = (given,) if isinstance(given, str) else given
    own = f"-c timezone=UTC -c lock_timeout={BUSY_TIMEOUT_MS}"
    options = " ".join(o for o in (os.environ.get("PGOPTIONS", ""), *given, own) if o.strip())
    return url.difference_update_query(["options"]), options


def make_engine(url: str) -> Engine:
    """Create an engine for ``url``; SQLite gets WAL mode and foreign keys.

    ``postgresql://`` means the psycopg 3 driver that comes with the workbench. PostgreSQL
    sessions run in UTC (times come back the same whatever the server's zone), wait for a
    lock at most :data:`BUSY_TIMEOUT_MS` (``lock_timeout``) and connections are checked
    before use (a server restart does not break a kernel). Errors
    never show the statement's parameters: they hold participants' texts and the
    re-identification key, and a traceback gets copied into bug reports. A URL
    that is none, or names a database without driver, raises :class:`WorkbenchError`.
    """
    try:
        parsed = make_url(url)
        if parsed.drivername in ("postgresql", "postgres"):
            parsed = parsed.set(drivername="postgresql+psycopg")
        if parsed.get_backend_name() == "postgresql":
            parsed = _socket_in_query(parsed)
            parsed, options = _server_options(parsed)
            return create_engine(
                parsed,
                pool_pre_ping=True,
                connect_args={"options": options},
                hide_parameters=True,
            )
        frozen = _read_only_file(parsed) if parsed.get_backend_name() == "sqlite" else None
        if frozen is not None:
            uri = f"{frozen.resolve().as_uri()}?immutable=1"
            return create_engine(
                parsed,
                hide_parameters=True,
                creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            )
        engine = create_engine(parsed, hide_parameters=True)
    except (ArgumentError, ValueError):  # ValueError: a port that is no number
        raise WorkbenchError(
            "Die Datenbankadresse ist keine gültige SQLAlchemy-URL "
            "(z. B. postgresql+psycopg://nutzer@server/datenbank)."
        ) from None
    except ModuleNotFoundError as err:
        raise WorkbenchError(f"Für diese Datenbank fehlt der Treiber {err.name}.") from None
    if engine.dialect.name == "sqlite":
        _create_private(engine)
        _enable_sqlite_wal(engine)
    return engine


class SchemaVersionError(WorkbenchError):
    """The database is no project of this workbench's schema (see ``store.migrate``)."""


def create_tables(engine: Engine) -> None:
    """Create every table of every stage that does not exist yet."""
    Base.metadata.create_all(engine)


def find_run(session: Session, model: type, run_id: int | None, none_yet: str, what: str) -> Any:
    """The run ``run_id`` of ``model`` (a table with an ``id``), or the latest one.

    ``none_yet`` is the message when no run exists at all, ``what`` names the kind of run
    in the message for an unknown id.
    """
    if run_id is None:
        run = session.scalars(select(model).order_by(model.id.desc())).first()
    else:
        run = session.get(model, run_id)
    if run is None:
        raise WorkbenchError(none_yet if run_id is None else f"{what} {run_id} gibt es nicht.")
    return run


# PostgreSQL advisory lock that serialises the project's exclusive writers (imports):
# a number of the workbench's own, per database.
WRITE_LOCK_KEY = 0x5057_4B42

# Called when a writer has to wait for another's write lock (set by :func:`on_lock_wait`).
_waiting: ContextVar[Callable[[], None] | None] = ContextVar("lock_waiting", default=None)


@contextmanager
def on_lock_wait(notice: Callable[[], None]) -> Iterator[None]:
    """While inside, call ``notice`` when a write must wait for another's write lock (an
    app says so: a step that waits for an import would otherwise look like a frozen app)."""
    token = _waiting.set(notice)
    try:
        yield
    finally:
        _waiting.reset(token)


def lock_writes(session: Session) -> None:
    """Take the project's write lock for the rest of ``session``'s transaction.

    For writers that read the project and then write what follows from it (an import
    reads the pseudonym key and numbers new people after the highest one): a second such
    writer waits until the first has committed and then reads its rows, instead of
    working from the same old state (two people under one placeholder, or an error on a
    unique constraint). SQLite: ``BEGIN IMMEDIATE`` (must be the transaction's first
    statement); PostgreSQL: a transaction-scoped advisory lock. See :func:`lock_connection`.
    """
    lock_connection(session.connection())


def lock_connection(connection: Connection) -> None:
    """Take the project's write lock for the rest of ``connection``'s transaction.

    The wait is limited on both backends to :data:`BUSY_TIMEOUT_MS` (PostgreSQL: the
    ``lock_timeout`` of this wait; before, an undo waited for a long import without end):
    then the database's error, which :func:`workbench.store.problems.database_problem`
    says in German. A notice set with :func:`on_lock_wait` is called before waiting.
    """
    notice = _waiting.get()
    if connection.dialect.name == "sqlite":
        if notice is not None:
            if _begin_at_once(connection):
                return
            notice()
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif connection.dialect.name == "postgresql":
        key = {"key": WRITE_LOCK_KEY}
        if connection.scalar(text("SELECT pg_try_advisory_xact_lock(:key)"), key):
            return
        if notice is not None:
            notice()
        before = connection.scalar(text("SELECT current_setting('lock_timeout')"))
        limit = {"value": f"{BUSY_TIMEOUT_MS}ms"}
        connection.execute(text("SELECT set_config('lock_timeout', :value, true)"), limit)
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), key)
        connection.execute(
            text("SELECT set_config('lock_timeout', :value, true)"), {"value": before}
        )


def _begin_at_once(connection: Connection) -> bool:
    """SQLite: ``BEGIN IMMEDIATE`` without waiting; False if another writer holds the lock."""
    raw = connection.connection.driver_connection
    raw.execute("PRAGMA busy_timeout=0")
    try:
        raw.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as err:
        if getattr(err, "sqlite_errorname", "") != "SQLITE_BUSY":
            raise
        return False
    finally:
        raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return True


@contextmanager
def transaction(factory: sessionmaker[Session], exclusive: bool = False) -> Iterator[Session]:
    """One unit of work: commit on success, roll back everything on any error.

    ``exclusive``: first take the project's write lock (:func:`lock_writes`).
    """
    with factory() as session, session.begin():
        if exclusive:
            lock_writes(session)
        yield session
