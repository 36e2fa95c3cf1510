"""Project: one study in one folder — the façade notebooks, widgets and the CLI use."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from workbench import store
from workbench.coding.operations import CodingMixin
from workbench.core.domain import (
    ImportResult,
    InputError,
    WorkbenchError,
)
from workbench.core.fileio import atomic_path, check_folder_name, write_csv
from workbench.core.parse_errors import json_problem
from workbench.core.spreadsheet import write_xlsx
from workbench.store import (
    CITYWIDE,
    MAX_DISTRICT_NAME,
    District,
)
from workbench.store.district_changes import (
    DistrictChange,
    former_names,
    merge_district,
    now_called,
    rename_district,
    rewrite_boundaries,
)
from workbench.store.district_spelling import (
    district_name,
    named_district,
    new_districts,
    shell_name,
)
from workbench.store.problems import DatabaseUnavailableError, database_failure
from workbench.store.project_store import CONFIG_FILE

if TYPE_CHECKING:
    from workbench.ingest.table import TableMapping

# The importers (workbench.ingest: docx, pdf, chats, tables, names) load in the methods
# that import: opening a project for `workbench status` or `districts` needs none of them
# (tests/test_cli_startup.py, benchmarks/cli_startup.py).

DEFAULT_DB = "werkbank.sqlite"
BOUNDARIES = Path("geo", "districts.geojson")  # district boundaries (workbench map)
PROJECT_FORMAT = "sozialraum-workbench"


class Project(CodingMixin):
    """A study: its folder, database and caches.

    Create with :meth:`create`, open with :meth:`open`. Tables come back as DataFrames
    with the columns declared in :data:`workbench.core.domain.TABLES`.
    """

    # -- lifecycle ---------------------------------------------------------------------
    @classmethod
    def create(
        cls, path: str | Path, db_url: str | None = None, districts: Iterable[str] = ()
    ) -> Project:
        """Create a new project folder (with its database) and return it opened.

        ``db_url`` (e.g. ``postgresql+psycopg://user@server/db``) must name an empty
        database; a password in it is used now but never written to project.json.
        """
        check_folder_name(path)  # before anything is created
        path = Path(path)
        if (path / CONFIG_FILE).exists():
            raise WorkbenchError(f"In {path} gibt es schon ein Projekt.")
        districts = new_districts(districts, [CITYWIDE])  # a slip stops before anything
        made = [p for p in (path, path / "cache") if not p.exists()]  # undone on failure
        path.mkdir(parents=True, exist_ok=True)
        (path / "cache").mkdir(exist_ok=True)
        try:
            project = cls(path, db_url or _sqlite_url(path))
        except WorkbenchError:  # an address that is none
            _remove_empty(made)
            raise
        config: dict = {"format": PROJECT_FORMAT}
        if db_url:
            config["db_url"] = stored_url(db_url)
        try:
            tables = sorted(inspect(project.engine).get_table_names())
            if "meta" in tables:
                raise WorkbenchError(
                    f"Die Datenbank {shown_url(project.db_url)} enthält schon ein Projekt."
                )
            if tables:  # another program's: its tables would stand in for the project's
                more = ", …" if len(tables) > 3 else ""
                raise WorkbenchError(
                    f"Die Datenbank {shown_url(project.db_url)} ist nicht leer (Tabellen "
                    f"{', '.join(tables[:3])}{more}); ein neues Projekt braucht eine leere "
                    "Datenbank."
                )
            store.initialise(project.engine)
            project.keep_schema(store.check_version(project.engine))
        except SQLAlchemyError as err:
            project.close()
            _remove_empty(made)
            raise WorkbenchError(
                f"Datenbank {shown_url(project.db_url)} nicht erreichbar: {_database_problem(err)}"
            ) from None
        except WorkbenchError:
            project.close()
            _remove_empty(made)
            raise
        write_config(path, config)
        if districts:
            project.add_districts(districts)
        return project

    @classmethod
    def open(cls, path: str | Path) -> Project:
        """Open an existing project folder.

        A project of an older workbench is refused with the command that upgrades it
        (:class:`~workbench.store.SchemaOutdatedError`), one of a newer workbench too.
        """
        path = Path(path)
        config = read_config(path)
        if not config.get("db_url") and not (path / DEFAULT_DB).is_file():
            raise WorkbenchError(
                f"{path}: die Datenbank {DEFAULT_DB} fehlt (der Ordner hat nur {CONFIG_FILE}); "
                "aus einer Sicherung wiederherstellen: workbench restore SICHERUNG.zip ORDNER."
            )
        file = _sqlite_file(config["db_url"]) if config.get("db_url") else None
        if file is not None and not file.is_file():  # SQLite would make a new, empty one
            raise WorkbenchError(
                f"{path}: die Datenbank {file} aus {CONFIG_FILE} gibt es nicht (verschoben "
                f"oder umbenannt?). Den Pfad in {CONFIG_FILE} anpassen oder aus einer "
                "Sicherung wiederherstellen: workbench restore SICHERUNG.zip ORDNER."
            )
        project = cls(path, database_url(path, config))
        try:
            project.keep_schema(store.check_version(project.engine, where=str(path)))
        except SQLAlchemyError as err:
            project.close()
            raise DatabaseUnavailableError(
                f"Datenbank {shown_url(project.db_url)} nicht lesbar: {_database_problem(err)}"
            ) from None
        except WorkbenchError:
            project.close()
            raise
        return project

    # -- districts ---------------------------------------------------------------------
    def add_districts(self, names: Iterable[str]) -> None:
        """Declare Sozialräume (idempotent); imports accept only declared ones. Names are
        stored composed: "Steinbüchel" pasted from a Mac's file name ("u" and a combining
        mark) is the Steinbüchel typed on the keyboard, not a second district."""
        with self.transaction(exclusive=True) as session:
            known = [d.name for d in session.scalars(select(District))]
            for name in new_districts(names, known):  # "altstadt" beside Altstadt: refused
                session.add(District(name=name, is_citywide=False))

    def rename_district(self, old: str, new: str) -> DistrictChange:
        """Rename a Sozialraum everywhere (its rows, stored analyses, boundaries); one
        transaction. A name another district already has is refused (merge instead)."""
        new = district_name(str(new or ""))
        if not new:
            raise InputError("Der neue Name des Sozialraums ist leer.")
        if len(new) > MAX_DISTRICT_NAME:
            raise InputError(
                f"Der neue Name ist zu lang ({len(new)} Zeichen, höchstens {MAX_DISTRICT_NAME})."
            )
        with self.transaction(exclusive=True) as session:  # read, then write: one at a time
            district = _declared(session, old)
            stored = [d.name for d in session.scalars(select(District))]
            taken = named_district(new, stored)
            if taken == CITYWIDE:
                raise InputError(f"'{CITYWIDE}' ist der gesamtstädtische Bereich, kein Name.")
            if taken is not None and taken != district.name:
                raise InputError(
                    f"Einen Sozialraum '{taken}' gibt es schon. Zusammenlegen mit: "
                    f"workbench districts --merge {_quoted(district.name)} --into "
                    f"{_quoted(taken)}"
                )
            if new == district.name:
                raise InputError(f"Der Sozialraum heißt schon '{new}'.")
            change = rename_district(session, district, new)
            rewrite_boundaries(self.path / BOUNDARIES, change.source, change.target, stored)
        return change

    def merge_districts(self, source: str, target: str) -> DistrictChange:
        """Move everything of Sozialraum ``source`` to ``target`` and remove ``source``;
        one transaction. Need and topic runs made before count as out of date."""
        with self.transaction(exclusive=True) as session:  # read, then write: one at a time
            merged, kept = _declared(session, source), _declared(session, target)
            if merged.id == kept.id:
                raise InputError(
                    f"'{source.strip()}' und '{target.strip()}' meinen beide den Sozialraum "
                    f"'{merged.name}'; da ist nichts zusammenzulegen."
                )
            stored = [d.name for d in session.scalars(select(District))]
            change = merge_district(session, merged, kept)
            rewrite_boundaries(self.path / BOUNDARIES, change.source, change.target, stored)
        return change

    # -- import ------------------------------------------------------------------------
    def import_files(
        self,
        paths: Sequence[str | Path],
        mapping: TableMapping | None = None,
        *,
        district: str | None = None,
        workshop: str | None = None,
        names: Sequence[str] = (),
        roles: Mapping[str, str] | None = None,
        wave: str | None = None,
        add_districts: bool = False,
        allow_duplicates: bool = False,
        direct_messages: bool = False,
        restore_deleted: bool = False,
    ) -> list[ImportResult]:
        """Import source files in ONE transaction: all of them, or nothing
        (:func:`workbench.ingest.project_import.import_files` tells how); the options after
        ``mapping`` by name only."""
        from workbench.ingest.project_import import import_files

        return import_files(
            self,
            paths,
            mapping,
            district=district,
            workshop=workshop,
            names=names,
            roles=roles,
            wave=wave,
            add_districts=add_districts,
            allow_duplicates=allow_duplicates,
            direct_messages=direct_messages,
            restore_deleted=restore_deleted,
            boundaries=self.path / BOUNDARIES,
        )

    def import_codebook(
        self, path: str | Path, notices: list[str] | None = None, restore_deleted: bool = False
    ) -> int:
        """Add the codes of a codebook (.yaml/.yml or REFI-QDA .qdc), pseudonymised; return
        the count (:func:`workbench.ingest.project_import.import_codebook`)."""
        from workbench.ingest.project_import import import_codebook

        return import_codebook(self, path, notices, restore_deleted)

    def add_code(
        self, path: str, description: str = "", example: str = "", colour: str | None = None
    ) -> int:
        """Add a code (its parent must exist), description and example pseudonymised like
        those of an imported codebook; return its id."""
        description, example = self.pseudonymised_texts(description, example)
        return super().add_code(path, description or "", example or "", colour)

    def update_code(
        self,
        path: str,
        description: str | None = None,
        example: str | None = None,
        colour: str | None = None,
    ) -> None:
        """Change description, example (both pseudonymised) or colour (None keeps it)."""
        description, example = self.pseudonymised_texts(description, example)
        super().update_code(path, description, example, colour)

    def pseudonymised_texts(self, *texts: str | None) -> tuple[str | None, ...]:
        """Researchers' texts that reports show (code descriptions, need labels) as the
        project stores them: "Hinweis von Herrn Öztürk, Tel. …" gets placeholders."""
        if not any(text and text.strip() for text in texts):
            return texts
        from workbench.ingest.pseudonymise import pseudonymised_texts

        with self.transaction(exclusive=True) as session:
            return pseudonymised_texts(session, *texts)

    def import_codings(self, path: str | Path) -> int:
        """Import codings from a table ``document,source_id,coder,code`` (CSV as Excel or
        LibreOffice saves it, XLSX, ODS); return new ones."""
        from workbench.ingest.project_import import import_codings

        return import_codings(self, path)

    # -- export ------------------------------------------------------------------------
    def export_table(self, out: str | Path, fmt: str, pseudonymised: bool = True) -> int:
        """Write segments with their codes as CSV or XLSX; return the number of rows.

        With ``pseudonymised=False`` the original texts are restored from the key (for the
        research team only; the CLI asks for ``--originals``).
        """
        segments = self.segments()
        codings = self.codings()
        if pseudonymised and not codings.empty:  # a participant who codes: her placeholder
            from workbench.ingest.author_names import known_people, shown_name

            with self.session() as session:
                people = known_people(session)
            codings["coder"] = [shown_name(people, coder) for coder in codings["coder"]]
        by_segment = (
            codings.assign(entry=codings["coder"] + ":" + codings["code"])
            .groupby("segment_id")["entry"]
            .agg(lambda s: "; ".join(sorted(set(s))))
        )
        table = segments.drop(columns=["attributes"]).assign(
            codes=[by_segment.get(i, "") for i in segments["segment_id"]],
            speaker=segments["speaker"].fillna(""),  # the pseudonym ("[Person 3]"): never a name
        )
        if not pseudonymised:
            originals = self.original_texts()
            table["text"] = table["segment_id"].map(originals)
        if fmt not in ("csv", "xlsx"):
            raise WorkbenchError(f"Unbekanntes Exportformat '{fmt}' (csv oder xlsx).")
        if str(out) == "-" and fmt != "csv":  # standard output, as `recommend export -`
            raise WorkbenchError("Auf die Standardausgabe (-) geht nur --format csv.")
        # the original texts name people: only their owner may read the file, as a backup
        mode = 0o644 if pseudonymised else 0o600
        if fmt == "csv":  # no cell starts like a formula (OWASP "CSV injection")
            write_csv(table, None if str(out) == "-" else out, mode=mode)
            return len(table)
        with atomic_path(out, mode) as tmp:
            write_xlsx(tmp, {"Aussagen": table})
        return len(table)


# -- districts ------------------------------------------------------------------------
def _declared(session: Session, name: str) -> District:
    """The declared Sozialraum ``name`` names (case and umlauts aside); never the city."""
    found = list(session.scalars(select(District).order_by(District.name)))
    known = named_district(name, [d.name for d in found])
    if known is None:
        listed = ", ".join(d.name for d in found if not d.is_citywide) or "keine"
        old = named_district(name, list(former_names(session)))  # run twice: "Opladen"
        gone = f" mehr: {now_called(session, old)}" if old else ""
        raise InputError(f"Sozialraum '{name.strip()}' gibt es nicht{gone} (vorhanden: {listed}).")
    district = next(d for d in found if d.name == known)
    if district.is_citywide:
        raise InputError(
            f"'{district.name}' ist der gesamtstädtische Bereich; er lässt sich weder "
            "umbenennen noch zusammenlegen."
        )
    return district


def _quoted(name: str) -> str:
    """A district's name as typed in a shell: bare if it is one word ("Steinbüchel")."""
    return shell_name(name)


# -- the project folder's configuration ------------------------------------------------
def read_config(path: Path) -> dict:
    """The folder's project.json; a clear error if there is none."""
    config_path = Path(path) / CONFIG_FILE
    if not config_path.exists():
        raise WorkbenchError(
            f"{path} ist kein Werkbank-Projekt ({CONFIG_FILE} fehlt). "
            "Anlegen mit: workbench init DIR"
        )
    try:
        config = json.loads(config_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        problem = json_problem(err)
        raise WorkbenchError(f"{config_path} ist kein gültiges JSON: {problem}.") from None
    except UnicodeDecodeError:
        raise WorkbenchError(f"{config_path} ist keine Textdatei (UTF-8).") from None
    if not isinstance(config, dict) or config.get("format", PROJECT_FORMAT) != PROJECT_FORMAT:
        raise WorkbenchError(
            f"{config_path} ist kein gültiges Werkbank-Projekt (erwartet: "
            f'"format": "{PROJECT_FORMAT}").'
        )
    return config


def write_config(path: Path, config: dict) -> None:
    """Write project.json atomically (a database URL only without its password)."""
    if config.get("db_url"):
        config = {**config, "db_url": stored_url(config["db_url"])}
    with atomic_path(Path(path) / CONFIG_FILE) as tmp:
        Path(tmp).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def database_url(path: Path, config: dict) -> str:
    """The project's database: project.json's ``db_url`` or the SQLite file in the folder."""
    return config.get("db_url") or _sqlite_url(Path(path))


def stored_url(url: str) -> str:
    """``url`` without its password: what project.json may hold (libpq's ~/.pgpass or
    PGPASSWORD supply the password); a SQLite file named relative to the working folder
    with its full path (opened from elsewhere, it would be another, new, empty file)."""
    parsed = make_url(url)._replace(password=None)
    file = _sqlite_file(parsed.render_as_string(hide_password=False))
    if file is not None and not file.is_absolute():
        parsed = parsed.set(database=str(file.resolve()))
    return parsed.render_as_string(hide_password=False)


def _sqlite_file(url: str) -> Path | None:
    """The file of a SQLite address (None for another database or one in memory)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    if parsed.database.startswith("file:"):  # a URI filename: SQLite's to read
        return None
    return Path(parsed.database)


def shown_url(url: str) -> str:
    """``url`` for messages: names the server and database, never the password."""
    return make_url(url).render_as_string(hide_password=True)


def _remove_empty(folders: list[Path]) -> None:
    """Remove the folders a failed ``create`` made, innermost first, if they are empty."""
    for folder in reversed(folders):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{(path / DEFAULT_DB).resolve()}"


def _database_problem(err: Exception) -> str:
    """Why a project's database could not be used, in German."""
    return database_failure(err)
