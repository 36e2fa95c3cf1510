"""Commands that look after a project's database: upgrade, backup, restore, migrate-db.

``upgrade`` brings a project of an older workbench to this one's schema (copying the
database first); ``backup``/``restore`` write and read the portable backup file (the
same on SQLite and PostgreSQL); ``migrate-db`` moves a project to another database, e.g.
from its SQLite file to a PostgreSQL server, and checks every table's rows. docs/team.md
describes how a team uses them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import stat
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO

from sqlalchemy import inspect
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from workbench.analysis.need_edits import pseudonymise_authors
from workbench.cli.common import check_ending, show_line
from workbench.core.domain import InputError, WorkbenchError
from workbench.core.fileio import os_reason, write_atomic
from workbench.ingest import old_names
from workbench.project import (
    BOUNDARIES,
    DEFAULT_DB,
    Project,
    database_url,
    read_config,
    shown_url,
    stored_url,
    write_config,
)
from workbench.store import backup, make_engine, migrate
from workbench.store.district_spelling import twin_notices
from workbench.store.problems import database_failure
from workbench.store.project_store import MOVING_KEY
from workbench.store.restore_guard import (
    RESTORE_MARK,
    RestoreRunning,
    left_over,
    restore_running,
)
from workbench.synthesis import geo
from workbench.synthesis.recommendation_status import pseudonymise_stored

BACKUP_DIR = "sicherungen"
FOLDER_FILES = (BOUNDARIES.as_posix(),)  # kept in the folder, not the database: backed up


def _folder_files(folder: Path) -> dict[str, bytes]:
    """The project folder's files a backup carries (the district boundaries), if there."""
    return {n: (folder / n).read_bytes() for n in FOLDER_FILES if (folder / n).is_file()}


def _folder(args: argparse.Namespace) -> Path:
    """The project folder from ``--project`` or ``WORKBENCH_PROJECT``."""
    path = args.project or os.environ.get("WORKBENCH_PROJECT")
    if not path:
        raise WorkbenchError("Kein Projekt angegeben: --project DIR oder WORKBENCH_PROJECT setzen.")
    return Path(path)


def _engine(url: str) -> Engine:
    """An engine for ``url`` (a clear error for an address that is none)."""
    return make_engine(url)


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem-<time>suffix``, numbered ("-2", "-3", …) when a copy made in the same
    second exists already: a safety copy never overwrites an earlier one.

    The name is taken at once (an empty file only its owner may read, which the copy then
    replaces): a second ``upgrade`` in the same second, while the first still writes its
    copy, gets the next number instead of writing over the first's.
    """
    name = f"{stem}-{_stamp()}"
    path, n = folder / f"{name}{suffix}", 1
    while True:
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            return path
        except FileExistsError:
            n += 1
            path = folder / f"{name}-{n}{suffix}"
        except OSError as err:
            raise WorkbenchError(f"{path} lässt sich nicht anlegen: {os_reason(err)}.") from None


def _created_by() -> str:
    try:
        return f"sozialraum-workbench {version('sozialraum-workbench')}"
    except PackageNotFoundError:
        return "sozialraum-workbench"


def _safety_copy(
    folder: Path, engine: Engine, config: dict, why: str, portable: bool = False
) -> Path:
    """A copy of the database in ``sicherungen/``: the SQLite file, or a portable backup."""
    target = folder / BACKUP_DIR
    target.mkdir(exist_ok=True)
    sqlite = engine.dialect.name == "sqlite" and not portable
    out = _free_name(target, f"werkbank-{why}", ".sqlite" if sqlite else ".zip")
    try:
        if sqlite:
            return backup.copy_sqlite_file(engine, out)
        backup.write_backup(engine, out, config, _created_by(), _folder_files(folder))
    except BaseException:
        out.unlink(missing_ok=True)  # the name taken, nothing in it
        raise
    return out


def _db_error(url: str, err: SQLAlchemyError) -> WorkbenchError:
    return WorkbenchError(f"Datenbank {shown_url(url)}: {database_failure(err)}")


def cmd_upgrade(args: argparse.Namespace) -> int:
    """workbench upgrade."""
    folder = _folder(args)
    config = read_config(folder)
    url = database_url(folder, config)
    engine = _engine(url)
    try:
        before = migrate.current_revision(engine)
        if before == migrate.head():
            show_line(f"Das Projekt ist aktuell ({migrate.describe(before)}).")
            _finish_names(engine)  # an upgrade without that step (a script, the API)
            _owner_only(engine)
            _names_in_recommendations(folder)
            _district_hints(folder)
            return 0
        copy = _safety_copy(folder, engine, config, "vor-upgrade")
        done: list[str] = []
        try:
            found, after = migrate.upgrade(engine, lambda c: done.extend(old_names.finish(c)))
        except SQLAlchemyError as err:
            reason = database_failure(err)
            raise WorkbenchError(
                f"Aktualisierung fehlgeschlagen: {reason} Nichts wurde geändert; der Stand "
                f"davor liegt außerdem in {copy}."
            ) from None
    except SQLAlchemyError as err:
        raise _db_error(url, err) from None
    finally:
        engine.dispose()
    if "schema_version" in config:  # the release wrote it; the database holds it now
        write_config(folder, {k: v for k, v in config.items() if k != "schema_version"})
    if found == after:  # another upgrade finished while this one waited for it
        copy.unlink(missing_ok=True)  # that one's copy holds the state before
        show_line(
            f"Das Projekt ist aktuell ({migrate.describe(after)}): Ein anderer Aufruf hat "
            "es eben aktualisiert; nichts geändert."
        )
        _owner_only(engine)
        return 0
    show_line(
        f"Projekt aktualisiert: {migrate.describe(found)} → {migrate.describe(after)}. "
        f"Der Stand davor liegt in {copy}."
    )
    for line in done:
        show_line(line)
    _owner_only(engine)
    _names_in_recommendations(folder)
    _district_hints(folder)
    return 0


def _finish_names(engine: Engine) -> None:
    """Pseudonymise and report the names revision 0009 made one line, if an upgrade left
    them (:mod:`workbench.ingest.old_names`); one transaction."""
    with engine.connect() as connection:
        if not old_names.pending(connection):
            return
    with engine.begin() as connection:
        lines = old_names.finish(connection)
    for line in lines:
        show_line(line)


def _names_in_recommendations(folder: Path) -> None:
    """Say which recommendations an earlier release stored with names in their actors,
    author or status steps (as typed), and which need clusters' edits with a participant
    as author, and the command that pseudonymises them; ids only."""
    try:
        project = Project.open(folder)
        try:
            changed = pseudonymise_stored(project, dry_run=True)
            edits = pseudonymise_authors(project, dry_run=True)
        finally:
            project.close()
    except WorkbenchError:  # the hint only; what stops the project says its own command
        return
    if changed:
        show_line(
            f"Hinweis: {len(changed)} Empfehlung(en) (Nummer {' '.join(map(str, changed))}) "
            "nennen Personen in Akteuren, Autor*in oder Statusverlauf im Klartext, wie eine "
            "frühere Fassung sie speicherte: workbench recommend pseudonymise ersetzt sie durch "
            "Platzhalter."
        )
    if edits:
        show_line(
            f"Hinweis: {len(edits)} Änderung(en) an Bedarfsclustern (Nummer "
            f"{' '.join(map(str, edits))}) nennen eine Teilnehmende als Autor*in im Klartext, "
            "wie eine frühere Fassung sie speicherte: workbench recommend pseudonymise ersetzt "
            "sie durch ihren Platzhalter."
        )


def _district_hints(folder: Path) -> None:
    """Say which Sozialräume are one name but for case or spelled-out umlauts ("Opladen"
    and "OPLADEN": two areas in reports and apps; the upgrade merges no such pair, as two
    spellings may be two places) and the command that merges them, and which boundaries
    belong to no district (decision 025, Nachtrag Runde 49)."""
    try:
        project = Project.open(folder)
        try:
            lines = twin_notices(list(project.districts()["district"]))
            lines += geo.no_district_notice(geo.boundaries_of_no_district(project))
        finally:
            project.close()
    except WorkbenchError:  # the hint only; what stops the project says its own command
        return
    for line in lines:
        show_line(line)


def _owner_only(engine: Engine) -> None:
    """Make an older project's SQLite file readable by its owner only (0600), as a new
    project's is: it holds the participants' texts and the re-identification key. Says so,
    and what to do where the file is not the caller's to change."""
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    path = Path(database) if database and not database.startswith("file:") else None
    if path is None or database == ":memory:" or not path.is_file():
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if not mode & 0o077:
        return
    try:
        for file in (path, *(Path(f"{path}{end}") for end in ("-wal", "-shm"))):
            if file.exists():
                file.chmod(0o600)
    except PermissionError:
        show_line(
            f"Hinweis: {path} ist für andere lesbar (Rechte {mode:o}) und enthält die Texte "
            f"der Beteiligten und den Pseudonymschlüssel; ändern kann das nur, wem die Datei "
            f"gehört: chmod 600 {path}"
        )
        return
    except OSError:  # a read-only medium: nothing to change there
        return
    show_line(
        f"Hinweis: {path.name} war für andere lesbar (Rechte {mode:o}); sie enthält die Texte "
        "der Beteiligten und den Pseudonymschlüssel und ist jetzt, wie bei neuen Projekten, "
        "nur für Sie lesbar (Rechte 600)."
    )


def cmd_backup(args: argparse.Namespace) -> int:
    """workbench backup DIR|FILE."""
    folder = _folder(args)
    config = read_config(folder)
    url = database_url(folder, config)
    out, named = Path(args.out), False
    if out.is_dir() or args.out.endswith(("/", os.sep)):
        if not out.absolute().parent.is_dir():  # a typo would create a whole path
            raise InputError(
                f"{out} lässt sich nicht anlegen: der Ordner {out.absolute().parent} fehlt."
            )
        out.mkdir(exist_ok=True)
        out, named = _free_name(out, "werkbank-sicherung", ".zip"), True
    elif out.exists() and not _is_backup(out):
        raise InputError(
            f"{out} gibt es schon und ist keine Sicherung der Werkbank: nicht überschrieben. "
            "Einen neuen Dateinamen oder einen Ordner angeben."
        )
    if not named:  # a ZIP named .txt (or without ending) opens in no program
        check_ending(args.out, ".zip", "ZIP")
    engine = _engine(url)
    try:
        manifest = backup.write_backup(engine, out, config, _created_by(), _folder_files(folder))
    except BaseException as err:
        if named:  # the name taken, nothing in it
            out.unlink(missing_ok=True)
        if isinstance(err, SQLAlchemyError):
            raise _db_error(url, err) from None
        raise
    finally:
        engine.dispose()
    rows = sum(t["rows"] for t in manifest["tables"].values())
    show_line(
        f"Sicherung geschrieben: {out} ({len(manifest['tables'])} Tabellen, {rows} Zeilen, "
        f"{migrate.describe(manifest['revision'])})."
    )
    return 0


def _is_backup(path: Path) -> bool:
    """Whether ``path`` is a backup of the workbench (a ZIP with its manifest)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return backup.MANIFEST in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def _restore_into(
    file: Path, url: str, too_long: str = backup.SHORTEN_IN_PROJECT
) -> backup.Restored:
    """Restore ``file`` into the empty database at ``url`` (nothing stays on failure)."""
    engine = _engine(url)
    try:
        done: list[str] = []
        restored = backup.restore_backup(
            file, engine, too_long, lambda c: done.extend(old_names.finish(c))
        )
        for line in done:
            show_line(line)
        return restored
    except SQLAlchemyError as err:
        raise _db_error(url, err) from None
    finally:
        engine.dispose()


def _sqlite_target(folder: Path) -> str:
    """The SQLite file of a project folder, which must not exist yet (or be the file a
    restore or ``migrate-db --to sqlite`` broken off left, which the restore clears; a
    project's own file is never one: it has tables and no mark)."""
    path = (folder / DEFAULT_DB).resolve()
    if path.exists() and not left_over(path):
        raise WorkbenchError(
            f"{path} gibt es schon. Bitte umbenennen oder eine andere Ziel-URL angeben."
        )
    return f"sqlite:///{path}"


def _summary(restored: backup.Restored) -> str:
    cleared = (
        "; zuvor die Tabellen eines abgebrochenen Wiederherstellens (oder Umzugs) aus der "
        "Zieldatenbank entfernt"
        if restored.cleared
        else ""
    )
    return f"{len(restored.rows)} Tabellen, {sum(restored.rows.values())} Zeilen geprüft{cleared}"


def _remove_restored(folder: Path, had: set[Path], created: bool) -> None:
    """Remove what a failed or interrupted restore put into ``folder`` (its SQLite file,
    the files it wrote, the folder itself if it made it): what was there before stays."""
    for path in set(folder.iterdir()) - had:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    if created and not any(folder.iterdir()):
        folder.rmdir()  # nothing left behind: not even the folder the restore made


def cmd_restore(args: argparse.Namespace) -> int:
    """workbench restore FILE DIR [--db URL]."""
    file, folder = Path(args.file), Path(args.dir)
    files = backup.read_files(file, FOLDER_FILES)  # checks the manifest too
    config = backup.read_config(file)  # a damaged one stops before anything is written
    if (folder / "project.json").exists():
        raise WorkbenchError(f"In {folder} gibt es schon ein Projekt; bitte einen neuen Ordner.")
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    url = args.db or _sqlite_target(folder)
    had = set(folder.iterdir())
    try:
        restored = _restore_into(file, url, backup.SHORTEN_IN_SQLITE)
        if args.db:
            config["db_url"] = args.db
        (folder / "cache").mkdir(exist_ok=True)
        for name, data in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            write_atomic(folder / name, data)
        write_config(folder, config)
    except RestoreRunning:  # what is in the folder now is the running restore's: kept
        _remove_restored(folder, set(folder.iterdir()), created)
        raise
    except BaseException:  # an error, Ctrl-C too: no half-restored folder blocks a retry
        _remove_restored(folder, had, created)
        raise
    show_line(f"Projekt wiederhergestellt in {folder} ({shown_url(url)}): {_summary(restored)}.")
    if restored.revision != restored.head:
        show_line(
            f"Dabei aktualisiert: {migrate.describe(restored.revision)} → "
            f"{migrate.describe(restored.head)}."
        )
    _password_note(args.db)
    return 0


def _password_note(url: str | None) -> None:
    if url and make_url(url).password:
        print(
            "Hinweis: Das Passwort steht nicht in project.json. Bitte in ~/.pgpass "
            "(oder der Umgebungsvariable PGPASSWORD) hinterlegen."
        )


def cmd_migrate_db(args: argparse.Namespace) -> int:
    """workbench migrate-db --to URL."""
    folder = _folder(args)
    with _one_move(folder):
        return _migrate_db(args, folder)


MOVE_LOCK = ".migrate-db.lock"  # in the project folder, held while migrate-db runs


@contextmanager
def _one_move(folder: Path) -> Iterator[None]:
    """Hold the project's move lock; a second ``migrate-db`` of the folder meanwhile
    stops with a German message instead of taking the first one's "moving_to" mark
    for a broken-off move and clearing it (apps saved into the old database again).
    The lock ends with the process, killed or not: a broken-off move leaves none."""
    path = folder / MOVE_LOCK
    try:
        handle = path.open("a+b")
    except OSError as err:
        raise WorkbenchError(f"Sperrdatei {path} nicht anzulegen: {os_reason(err)}.") from None
    with handle:
        if not _locked(handle):
            raise WorkbenchError(
                "Ein anderes „workbench migrate-db“ zieht dieses Projekt gerade um; dieser "
                "Aufruf hat nichts geändert. Nach dessen Ende prüfen, wohin es umgezogen ist "
                "(project.json), und nur falls nötig erneut aufrufen."
            )
        yield


def _locked(handle: IO[bytes]) -> bool:
    """Take an exclusive lock on ``handle`` without waiting; False if another holds it."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _migrate_db(args: argparse.Namespace, folder: Path) -> int:
    """migrate-db under the move lock: see :func:`cmd_migrate_db`."""
    config = read_config(folder)
    source = database_url(folder, config)
    if MOVING_KEY in config:  # a move broken off hard (killed, crashed) left its mark
        broken_off = str(config.pop(MOVING_KEY))
        write_config(folder, config)  # else every save stays refused, moved or not
        show_line(
            f"Hinweis: Ein früherer Umzug nach {shown_url(broken_off)} wurde nicht beendet; "
            f"die Sperre ist aufgehoben, gespeichert wird wieder in {shown_url(source)}."
        )
    target = _sqlite_target(folder) if args.to == "sqlite" else args.to
    _engine(target).dispose()  # a clear error for an address that is none, before any work
    if stored_url(target) == stored_url(source):
        raise WorkbenchError("Quelle und Ziel sind dieselbe Datenbank.")
    engine = _engine(source)
    try:
        migrate.check_version(engine, where=str(folder))
        _check_empty(target)  # before a copy of all the data is written for nothing
    except SQLAlchemyError as err:
        engine.dispose()
        raise _db_error(source, err) from None
    except BaseException:
        engine.dispose()
        raise
    # From here on, open apps and notebooks save nothing more into the source (their
    # commits are refused with a message, see MoveGuard): it would stay behind there.
    write_config(folder, {**config, MOVING_KEY: stored_url(target)})
    try:
        try:
            backup.wait_for_writers(engine)  # who saved just before is in the copy
            copy = _safety_copy(folder, engine, config, "vor-umzug", portable=True)
        except SQLAlchemyError as err:
            raise _db_error(source, err) from None
        finally:
            engine.dispose()
        try:
            restored = _restore_into(copy, target)
        except RestoreRunning:  # one began since the check: this move did nothing
            copy.unlink(missing_ok=True)
            with suppress(OSError):  # sicherungen/ if it holds nothing else
                copy.parent.rmdir()
            raise
    except BaseException:
        write_config(folder, config)  # no move: everyone saves where they did
        raise
    moved = {k: v for k, v in config.items() if k not in ("db_url", "schema_version")}
    if args.to != "sqlite":
        moved["db_url"] = stored_url(target)
    write_config(folder, moved)
    show_line(f"Projekt umgezogen nach {shown_url(target)}: {_summary(restored)}.")
    show_line(f"Die bisherige Datenbank {shown_url(source)} bleibt unverändert; Sicherung: {copy}")
    _password_note(target)
    return 0


def _check_empty(url: str) -> None:
    """Refuse a target server database that cannot be reached or already holds tables, and
    a target another restore or ``migrate-db`` writes into now: before the safety copy.

    A SQLite target's tables are left to the restore (connecting would create its file).
    """
    engine = _engine(url)
    try:
        running = restore_running(engine)
    except SQLAlchemyError as err:
        engine.dispose()
        raise _db_error(url, err) from None
    if running:
        engine.dispose()
        raise RestoreRunning(
            f"In {shown_url(url)} stellt gerade ein anderes „workbench restore“ (oder "
            "migrate-db) wieder her; nichts geändert, nichts geschrieben. Nach dessen Ende "
            "erneut versuchen."
        )
    if engine.dialect.name == "sqlite":
        engine.dispose()
        return
    try:
        tables = inspect(engine).get_table_names()
    except SQLAlchemyError as err:
        raise _db_error(url, err) from None
    finally:
        engine.dispose()
    if tables and RESTORE_MARK not in tables:  # a killed restore's: the restore clears it
        raise WorkbenchError(f"Die Zieldatenbank {shown_url(url)} ist nicht leer.")
