"""A study's database as seen by every stage: sessions, transactions and its tables as frames.

:class:`ProjectStore` is the lowest layer a stage talks to. It opens the database of one
project folder, hands out sessions and transactions, and reads the study's tables as
DataFrames with the columns declared in :data:`workbench.core.domain.TABLES`. Creating a
project, importing and exporting are the façade's work (:class:`workbench.project.Project`).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
from sqlalchemy import event, func, select
from sqlalchemy.engine import Connection, ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from workbench.core.domain import SEPARATOR, frame
from workbench.core.word_caches import forget_key
from workbench.store.coding_tables import CodingResolution
from workbench.store.downloads import downloads
from workbench.store.problems import (
    ProjectBusyError,
    ProjectChangedError,
    database_problem,
    waited_for_lock,
)
from workbench.store.schema import (
    Code,
    Coding,
    District,
    Document,
    Memo,
    Pseudonym,
    PseudonymSpan,
    Segment,
    Wave,
    Workshop,
    make_engine,
    transaction,
)
from workbench.store.segment_ids import keep_ids_unique

CONFIG_FILE = "project.json"
# project.json while ``workbench migrate-db`` copies the project (the target, no password)
MOVING_KEY = "moving_to"
_UNREAD = object()


class MoveGuard:
    """Refuses every commit once the folder's project.json names another database than
    when the project was opened, or says that a move is under way (``migrate-db``).

    Before, a coder whose app was open during ``migrate-db`` went on saving into the old
    database: lost for the team, without a word. Checked at the last moment of a commit
    (the writes are done; the move waits for them, :func:`workbench.store.backup.
    wait_for_writers`); project.json is read again only when it has changed.
    """

    def __init__(self, folder: Path):
        self.file = Path(folder) / CONFIG_FILE
        self._opened_with: object = _UNREAD
        self._seen: tuple[int, int, int] | None = None
        self._problem: str | None = None
        self._moved = False

    def check(self, _connection: Connection | None = None) -> None:
        """Raise :class:`ProjectChangedError` if the project has moved or is moving."""
        self._read()
        if self._problem:
            raise ProjectChangedError(self._problem)

    def moved(self) -> bool:
        """True once the move has finished: project.json names another database."""
        self._read()
        return self._moved

    def _read(self) -> None:
        """Read project.json again if it changed since the last time."""
        try:
            info = self.file.stat()
        except OSError:  # no folder (yet): nothing to compare with
            return
        seen = (info.st_ino, info.st_mtime_ns, info.st_size)
        if seen == self._seen:
            return
        try:
            config = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # being replaced or broken: opening says so
            return
        if isinstance(config, dict):
            self._seen, self._problem = seen, self._said(config)

    def _said(self, config: dict) -> str | None:
        url = _address(config.get("db_url"))
        if self._opened_with is _UNREAD:
            self._opened_with = url
        again = (
            "; dieser Schritt wurde nicht gespeichert. Bitte die App neu laden bzw. das "
            "Projekt neu öffnen (Notebook: Kernel neu starten) und den Schritt wiederholen"
        )
        if config.get(MOVING_KEY):
            return (
                "Das Projekt zieht gerade in eine andere Datenbank um (workbench migrate-db)"
                f"{again}, sobald der Umzug fertig ist. (Wurde der Umzug abgebrochen, hebt "
                "ein erneutes „workbench migrate-db“ die Sperre auf.)"
            )
        self._moved = url != self._opened_with
        if self._moved:
            where = "die SQLite-Datei im Projektordner" if url is None else str(url)
            return f"Das Projekt ist in eine andere Datenbank umgezogen ({where}){again}."
        return None


class SchemaGuard:
    """Refuses every commit once the database's schema is no longer the one the project
    was opened at: a newer workbench's ``upgrade`` ran meanwhile.

    Before, a kernel or app of the older release went on writing into the upgraded
    tables (what a newer column needs left out), although an older workbench may not
    change such a project (it refuses to open one). Checked at the last moment of a
    commit, on the commit's own connection (one small query); and when a statement fails
    in a way a newer schema explains (a column this release does not fill, one it names
    that is gone), on a connection of its own, so that the error says why.
    """

    def __init__(self) -> None:
        self.revision: str | None = None

    def expect(self, revision: str) -> None:
        """From now on, refuse commits when the database is at another revision."""
        self.revision = revision

    def check(self, connection: Connection) -> None:
        """Raise :class:`ProjectChangedError` if the database's revision has changed."""
        if self.revision is None:
            return
        self._compare(connection.exec_driver_sql(_REVISION).scalar())

    def explain(self, context: ExceptionContext) -> None:
        """Raise :class:`WorkbenchError` if the failed statement of ``context`` may have
        met a newer schema and the database's revision has changed."""
        err = context.sqlalchemy_exception
        sqlite = context.dialect.name == "sqlite"  # "no such column" is operational there
        meets_schema = isinstance(err, IntegrityError | ProgrammingError) or (
            sqlite and isinstance(err, OperationalError)
        )
        if self.revision is None or context.is_disconnect or not meets_schema:
            return
        if getattr(_explaining, "now", False) or context.engine is None:
            return  # the check's own query failed: its statement's error says the rest
        _explaining.now = True
        try:
            with context.engine.connect() as connection:
                found = connection.exec_driver_sql(_REVISION).scalar()
        except Exception:
            return
        finally:
            _explaining.now = False
        self._compare(found, reading=_reads(context.statement))

    def _compare(self, found: object, reading: bool = False) -> None:
        if found == self.revision:
            return
        # a read that met the newer tables saved nothing: it could not read them
        outcome = (
            "diese Sitzung kann es nicht mehr lesen"
            if reading
            else "dieser Schritt wurde nicht gespeichert"
        )
        if str(found) < str(self.revision):  # "0007" < "0008": a backup of before, restored
            raise ProjectChangedError(
                f"Das Projekt hat inzwischen einen älteren Schemastand ({found}; diese "
                f"Sitzung kennt {self.revision}), etwa weil eine ältere Sicherung "
                f"zurückgespielt wurde; {outcome}. Bitte "
                "'workbench upgrade' ausführen und die App neu laden bzw. den "
                "Notebook-Kernel neu starten."
            ) from None
        raise ProjectChangedError(
            f"Das Projekt wurde inzwischen mit einer neueren Werkbank aktualisiert "
            f"(Schemastand {found}; diese Sitzung kennt {self.revision}); {outcome}. "
            "Bitte diese Umgebung auf die neue Werkbank aktualisieren und die App neu "
            "laden bzw. den Notebook-Kernel neu starten."
        ) from None


def _reads(statement: object) -> bool:
    """Whether an SQL statement only reads (``SELECT``, ``WITH … SELECT``)."""
    words = str(statement or "").lstrip().split(None, 1)
    return bool(words) and words[0].upper() in {"SELECT", "WITH"}


_REVISION = "SELECT version_num FROM alembic_version"
_explaining = threading.local()  # SchemaGuard.explain is running its query


def _busy_in_german(context: ExceptionContext) -> None:
    """A statement or commit of the project that waited out another's lock raises
    :class:`ProjectBusyError`, with what holds such a lock and what to do (before,
    notebooks and apps showed SQLite's English "database is locked", also for reads of a
    project on a network share, or psycopg's "canceling statement due to lock timeout")."""
    err = context.original_exception
    if waited_for_lock(err):  # a read that waited wrote nothing: it says it could not read
        statement = str(context.statement or "")
        # not PostgreSQL's wait for the write lock ("SELECT pg_advisory_xact_lock") or a
        # row lock ("SELECT … FOR UPDATE"): those wait to write
        lock = "pg_advisory" in statement or "FOR UPDATE" in statement.upper()
        reading = _reads(statement) and not lock
        raise ProjectBusyError(database_problem(err, reading) or str(err), reading) from None


def _address(url: object) -> object:
    """A database address as project.json may hold it, without its password: an address
    written by hand with one is the same database once a command has rewritten the file."""
    if not isinstance(url, str) or not url:
        return url or None
    try:
        return make_url(url)._replace(password=None).render_as_string(hide_password=False)
    except ArgumentError:
        return url


class ProjectStore:
    """One project's folder and database: sessions, transactions, tables as DataFrames."""

    def __init__(self, path: Path, db_url: str):
        self.path = path
        self.db_url = db_url
        self.engine = make_engine(db_url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        keep_ids_unique(self._sessions, self.engine)  # none taken again after forget
        self._guard = MoveGuard(path)
        self._guard.moved()  # what project.json says now is where the project is
        event.listen(self.engine, "commit", self._guard.check)
        self._schema = SchemaGuard()
        event.listen(self.engine, "commit", self._schema.check)
        event.listen(self.engine, "handle_error", _busy_in_german)
        event.listen(self.engine, "handle_error", self._schema.explain)

    def keep_schema(self, revision: str) -> None:
        """Refuse writes once the database has left ``revision`` (:class:`SchemaGuard`)."""
        self._schema.expect(revision)

    def moved_away(self) -> bool:
        """True once ``workbench migrate-db`` has moved the project to another database
        (its commits are refused from the move's start): a long-running service opens the
        project again."""
        return self._guard.moved()

    @property
    def cache_dir(self) -> Path:
        """Folder for derived, regenerable data (embeddings, models)."""
        folder = self.path / "cache"
        folder.mkdir(exist_ok=True)
        return folder

    def session(self) -> Session:
        """A new ORM session for reading; writes go through :meth:`transaction`."""
        return self._sessions()

    @contextmanager
    def transaction(self, exclusive: bool = False) -> Iterator[Session]:
        """One unit of work: commit on success, roll back everything on any error.

        ``exclusive`` (imports): other exclusive transactions of the project wait until
        this one has ended (:func:`workbench.store.schema.lock_writes`). A write that
        waited out another's lock raises :class:`~workbench.store.problems.ProjectBusyError`
        (see :func:`_busy_in_german`).
        """
        with transaction(self._sessions, exclusive=exclusive) as session:
            yield session

    def close(self) -> None:
        """Release database connections and what a module kept of the project's key."""
        forget_key(self.path)
        self.engine.dispose()

    def __enter__(self) -> ProjectStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self.path)!r})"

    # -- tables ------------------------------------------------------------------------
    def districts(self) -> pd.DataFrame:
        """Sozialräume, the city-wide scope first."""
        with self.session() as s:
            rows = s.scalars(select(District).order_by(District.is_citywide.desc(), District.name))
            return frame(
                "districts",
                [
                    {"district_id": d.id, "district": d.name, "is_citywide": d.is_citywide}
                    for d in rows
                ],
            )

    def workshops(self) -> pd.DataFrame:
        """Workshops with their Sozialraum, date, format and wave."""
        with self.session() as s:
            rows = s.execute(
                select(Workshop, District.name, Wave.label)
                .join(District, Workshop.district_id == District.id)
                .join(Wave, Workshop.wave_id == Wave.id)
                .order_by(Workshop.date, Workshop.name)
            )
            return frame(
                "workshops",
                [
                    {
                        "workshop_id": w.id,
                        "workshop": w.name,
                        "district": d,
                        "date": w.date,
                        "format": w.format,
                        "wave": wave,
                    }
                    for w, d, wave in rows
                ],
            )

    def documents(self) -> pd.DataFrame:
        """Imported documents with their provenance: the first file's name and checksum
        (an export downloaded again keeps its first name; ``downloads`` counts its files,
        :func:`workbench.store.downloads.downloads` names each with its checksum; ``importer``
        is the latest file's kind, the one the document is read as now)."""
        with self.session() as s:
            rows = s.execute(
                select(Document, Workshop.name, District.name)
                .join(Workshop, Document.workshop_id == Workshop.id)
                .join(District, Workshop.district_id == District.id)
                .order_by(Document.id)
            )
            return frame(
                "documents",
                [
                    {
                        "document_id": doc.id,
                        "filename": doc.filename,
                        "workshop": w,
                        "district": d,
                        "importer": doc.importer,
                        "sha256": files[0].sha256,  # the file of the name beside it
                        "downloads": len(files),
                        "imported_at": doc.imported_at,
                        "title": doc.title,
                    }
                    for doc, w, d in rows
                    for files in [downloads(doc.filename, doc.sha256, doc.options)]
                ],
            )

    def segments(self) -> pd.DataFrame:
        """All segments (pseudonymised text and speaker), in document order."""
        # Columns, not ORM objects: building 100,000 Segment objects took seconds.
        columns = {
            "segment_id": Segment.id,
            "document_id": Segment.document_id,
            "document": Document.filename,
            "source_id": Segment.source_id,
            "position": Segment.position,
            "workshop": Workshop.name,
            "district": District.name,
            "question": Segment.question,
            "speaker_role": Segment.speaker_role,
            "text": Segment.text,
            "start": Segment.start,
            "end": Segment.end,
            "attributes": Segment.attributes,
        }
        with self.session() as s:
            # Core rows, column by column: the ORM result layer cost ~1 s per 30,000 rows.
            rows = s.connection().execute(
                select(*columns.values())
                .join(Document, Segment.document_id == Document.id)
                .join(Workshop, Segment.workshop_id == Workshop.id)
                .join(District, Segment.district_id == District.id)
                .order_by(Segment.document_id, Segment.position)
            )
            values = list(zip(*rows, strict=True)) or [()] * len(columns)
        table = dict(zip(columns, values, strict=True))
        # who said it, as the pseudonym the import gave ("[Person 3]"), as in the export
        table["speaker"] = [(a or {}).get("speaker") or None for a in table["attributes"]]
        return frame("segments", table)

    def codes(self) -> pd.DataFrame:
        """The codebook, sorted by path."""
        with self.session() as s:
            codes = list(s.scalars(select(Code).order_by(Code.path)))
            return frame(
                "codes",
                [
                    {
                        "code_id": c.id,
                        "path": c.path,
                        "name": c.name,
                        "parent": c.path.rsplit(SEPARATOR, 1)[0] if SEPARATOR in c.path else None,
                        "description": c.description,
                        "example": c.example,
                        "colour": c.colour,
                        "codable": bool(c.codable),
                    }
                    for c in codes
                ],
            )

    def codings(self) -> pd.DataFrame:
        """All codings with segment, code path and coder."""
        with self.session() as s:
            rows = s.execute(
                select(Coding, Code.path, Segment.source_id, Document.filename)
                .join(Code, Coding.code_id == Code.id)
                .join(Segment, Coding.segment_id == Segment.id)
                .join(Document, Segment.document_id == Document.id)
                .order_by(Coding.segment_id, Code.path, Coding.coder, Coding.start)
            )
            return frame(
                "codings",
                [
                    {
                        "coding_id": c.id,
                        "segment_id": c.segment_id,
                        "source_id": source_id,
                        "document": filename,
                        "code": path,
                        "coder": c.coder,
                        "start": c.start,
                        "end": c.end,
                        "created_at": c.created_at,
                    }
                    for c, path, source_id, filename in rows
                ],
            )

    def memos(self) -> pd.DataFrame:
        """All memos."""
        with self.session() as s:
            rows = s.scalars(select(Memo).order_by(Memo.id))
            return frame(
                "memos",
                [
                    {
                        "memo_id": m.id,
                        "target_type": m.target_type,
                        "target_id": m.target_id,
                        "author": m.author,
                        "text": m.text,
                        "created_at": m.created_at,
                    }
                    for m in rows
                ],
            )

    def status(self) -> dict[str, int]:
        """Counts of the main tables."""
        with self.session() as s:

            def count(model: type) -> int:
                return s.scalar(select(func.count()).select_from(model)) or 0

            return {
                "workshops": count(Workshop),
                "districts": count(District),
                # a document whose statements were all forgotten stays (its content keeps a
                # re-import of the same file out) but is no document any more
                "documents": s.scalar(select(func.count(func.distinct(Segment.document_id)))) or 0,
                "segments": count(Segment),
                "codes": count(Code),
                "codings": count(Coding),
            }

    # -- researcher-only: the re-identification key -------------------------------------
    def pseudonym_key(self) -> pd.DataFrame:
        """The pseudonymisation key (placeholder → original). Researchers only."""
        with self.session() as s:
            rows = s.scalars(select(Pseudonym).order_by(Pseudonym.kind, Pseudonym.placeholder))
            return pd.DataFrame(
                [
                    {"kind": p.kind, "placeholder": p.placeholder, "original": p.original}
                    for p in rows
                ],
                columns=["kind", "placeholder", "original"],
            )

    def original_texts(self) -> dict[int, str]:
        """Segment texts with placeholders put back (segment_id → text). Researchers only."""
        with self.session() as s:
            texts = dict(s.execute(select(Segment.id, Segment.text)).all())
            spans: dict[int, list[PseudonymSpan]] = {}
            for span in s.scalars(select(PseudonymSpan).order_by(PseudonymSpan.start.desc())):
                spans.setdefault(span.segment_id, []).append(span)
        for segment_id, items in spans.items():
            text = texts[segment_id]
            for span in items:  # from the end, so earlier offsets stay valid
                text = text[: span.start] + span.original + text[span.end :]
            texts[segment_id] = text
        return texts

    def coder_codings(self, coder: str) -> list[tuple[int, str]]:
        """One coder's codings as (segment_id, code path) pairs, in segment order."""
        with self.session() as s:
            rows = s.execute(
                select(Coding.segment_id, Code.path)
                .join(Code, Coding.code_id == Code.id)
                .where(Coding.coder == coder)
                .order_by(Coding.segment_id, Code.path)
            ).all()
        return [(int(segment_id), str(path)) for segment_id, path in rows]

    def resolutions(self) -> list[tuple[int, str]]:
        """The resolved (segment_id, code path) pairs, sorted."""
        with self.session() as s:
            rows = s.execute(
                select(CodingResolution.segment_id, Code.path).join(
                    Code, CodingResolution.code_id == Code.id
                )
            ).all()
        return sorted({(int(seg), path) for seg, path in rows})

    def resolution_states(self) -> list[tuple[int, str, dict[str, int] | None]]:
        """Each resolution as (segment_id, code path, each coder's decision when resolved)."""
        with self.session() as s:
            rows = s.execute(
                select(CodingResolution.segment_id, Code.path, CodingResolution.state)
                .join(Code, CodingResolution.code_id == Code.id)
                .order_by(CodingResolution.id)
            ).all()
        return [(int(seg), path, state) for seg, path, state in rows]
