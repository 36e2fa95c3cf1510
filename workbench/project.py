"""Project: one study in one folder — the façade notebooks, widgets and the CLI use."""

from __future__ import annotations

import json
import re
import shlex
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from sqlalchemy import func, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from workbench import store
from workbench.coding.code_index import CodeIndex
from workbench.coding.codebook import meant_code
from workbench.coding.operations import CodingMixin
from workbench.coding.records import read_codebook
from workbench.core.domain import (
    ImportResult,
    InputError,
    WorkbenchError,
)
from workbench.core.fileio import atomic_path, write_csv
from workbench.core.parse_errors import json_problem
from workbench.core.spreadsheet import write_xlsx
from workbench.ingest import parse_all
from workbench.ingest.author_names import known_people, shown_name
from workbench.ingest.coding_table import read_coding_rows
from workbench.ingest.common import fill_template, named_district, new_districts
from workbench.ingest.decidim import with_proposal_districts
from workbench.ingest.export_growth import Appending, appended
from workbench.ingest.foreign_people import renumber_rows, stored_statements
from workbench.ingest.pseudonymise import Pseudonymiser, listed_names, pseudonymised_texts
from workbench.ingest.same_content import (
    as_given,
    import_wave,
    left_out,
    refuse_earlier_versions,
    stored_documents,
)
from workbench.ingest.same_file import imported_before
from workbench.ingest.stored_growth import reread_notice
from workbench.ingest.table import TableMapping
from workbench.ingest.thing_names import pseudonymise_codes, pseudonymise_name
from workbench.ingest.writer import Writer
from workbench.store import (
    CITYWIDE,
    MAX_DISTRICT_NAME,
    Coding,
    District,
    Document,
    Segment,
)
from workbench.store.district_changes import (
    DistrictChange,
    former_names,
    merge_district,
    now_called,
    rename_district,
    rewrite_boundaries,
)
from workbench.store.problems import DatabaseUnavailableError, database_failure
from workbench.store.project_store import CONFIG_FILE
from workbench.store.text_edits import purge_cache

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
        new = unicodedata.normalize("NFC", " ".join(str(new or "").split()))
        if not new:
            raise InputError("Der neue Name des Sozialraums ist leer.")
        if len(new) > MAX_DISTRICT_NAME:
            raise InputError(
                f"Der neue Name ist zu lang ({len(new)} Zeichen, höchstens {MAX_DISTRICT_NAME})."
            )
        with self.transaction(exclusive=True) as session:  # read, then write: one at a time
            district = _declared(session, old)
            taken = named_district(new, [d.name for d in session.scalars(select(District))])
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
            rewrite_boundaries(self.path / BOUNDARIES, change.source, change.target)
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
            change = merge_district(session, merged, kept)
            rewrite_boundaries(self.path / BOUNDARIES, change.source, change.target)
        return change

    # -- import ------------------------------------------------------------------------
    def import_files(
        self,
        paths: Sequence[str | Path],
        mapping: TableMapping | None = None,
        district: str | None = None,
        workshop: str | None = None,
        names: Sequence[str] = (),
        roles: Mapping[str, str] | None = None,
        wave: str | None = None,
        add_districts: bool = False,
        allow_duplicates: bool = False,
        direct_messages: bool = False,
    ) -> list[ImportResult]:
        """Import source files in ONE transaction: all of them, or nothing.

        ``district``/``workshop`` are fixed values for whole files (``{stem}`` and
        ``{parent}`` are replaced by the file's name and folder); ``names`` is a list of
        participant names to pseudonymise in addition to each protocol's own list;
        ``roles`` maps speakers of chats and transcripts to roles (never stored itself).
        ``wave`` labels the wave the files' new workshops belong to (created after the
        others if new); without it they go into the first wave ("Welle 1" if none yet).
        Districts a file names that the project does not know are refused all at once, or
        with ``add_districts`` declared. A table without district column (and without
        ``district``) has a row's district from its coordinates, if the project has
        boundaries (``workbench map --import``; :mod:`workbench.ingest.table_points`).
        A file whose contributions another file of the import or a document of the
        project already holds (the protocol as DOCX and as PDF) is left out, with a
        result that says so (:mod:`workbench.ingest.same_content`), unless
        ``allow_duplicates``. The direct messages of a Zoom or Webex chat (to one person)
        are private: left out and counted, unless ``direct_messages``.
        """
        # the project's districts let a table's "Sonstiges" free text name one of them
        known = tuple(self.districts()["district"])
        with self.session() as session:  # a name since changed is read as the district now
            known += tuple(former_names(session))
        mapping = replace(
            mapping or TableMapping(),
            districts=known,
            find_district=not district,
            boundaries=self.path / BOUNDARIES,  # read only for a table with coordinates
        )
        with self.session() as session:  # the same file again: said without reading it
            again = [imported_before(session, Path(p), wave, direct_messages) for p in paths]
        each = [
            [] if r else parse_all(p, mapping, roles, direct_messages)
            for p, r in zip(paths, again, strict=True)
        ]
        parsed = [(Path(p), d) for p, docs in zip(paths, each, strict=True) for d in docs]
        results: list[ImportResult] = []
        with self.transaction(exclusive=True) as session:  # one import at a time
            parsed = with_proposal_districts(session, parsed)  # Decidim's comments
            skip: list[ImportResult | None] = [None] * len(parsed)
            appends: dict[int, Appending] = {}  # an export downloaded again: its new rows
            if not allow_duplicates:
                stored = stored_documents(session)
                key: list[Pseudonymiser] = []  # read once, and only if a name is compared

                def as_stored(name: str) -> str:
                    key[:] = key or [Pseudonymiser.of_project(session)]
                    return pseudonymise_name(key[0], name, ())

                given = [(p, as_given(d, p, workshop, district, known)) for p, d in parsed]
                into = import_wave(session, wave)
                skip = left_out(given, stored, into, as_stored, wave is None, appends)
                refuse_earlier_versions(skip)  # the team must decide: nothing stored
            writer = Writer(session, wave=wave)
            stored = stored_statements(session)  # another export's "[Person N]": decision 002
            for at, ((path, document), skipped) in enumerate(zip(parsed, skip, strict=True)):
                if skipped is not None:
                    results.append(skipped)
                    continue
                fixed_workshop = fill_template(workshop, path)
                fixed_district = fill_template(district, path)
                if fixed_district is not None:  # "luetzenkirchen" names "Lützenkirchen"
                    fixed_district = named_district(fixed_district, known) or fixed_district
                if at in appends:  # its new rows, where the stored ones are if none is given
                    document = appends[at].rows(fixed_workshop, fixed_district)
                document, renumbered = renumber_rows(document, writer.pseudonymiser, stored)
                result = writer.write(
                    document, fixed_workshop, fixed_district, names, add_districts
                )
                result = appended(session, appends[at], result) if at in appends else result
                if renumbered:
                    result = replace(result, notices=(*result.notices, renumbered))
                results.append(result)
            old = writer.reread_stored()  # "Becker" in a.md, "Herr Jens Becker" in b.md
            if old and results:
                results[-1] = replace(
                    results[-1], notices=(*results[-1].notices, reread_notice(len(old)))
                )
        purge_cache(self.path / "cache", old)  # no vector of the text in clear stays
        written = iter(results)  # back into the order of the files
        return [
            found or next(written)
            for found, docs in zip(again, each, strict=True)
            for _ in ([found] if found else docs)
        ]

    def import_codebook(self, path: str | Path, notices: list[str] | None = None) -> int:
        """Add the codes of a codebook (.yaml/.yml or REFI-QDA .qdc; existing codes are
        updated), descriptions and examples pseudonymised; return the count. What the
        import dropped (an unreadable colour) is appended to ``notices``.

        A code's description may name a participant ("siehe Gespräch mit Herrn
        Szymanowski"): it is pseudonymised like a statement, with the project's key, in
        the same transaction as the codes.
        """
        guids: list[tuple[str, str]] = []  # a code renamed in MAXQDA is the project's
        specs = read_codebook(path, notices, guids)
        with self.transaction(exclusive=True) as session:
            writer = Writer(session)
            safe = pseudonymise_codes(writer.pseudonymiser, specs, listed_names(session))
            renamed = writer.codes.follow_guids(guids, safe)  # and what the file changes
            if notices is not None:
                notices.extend(renamed)
            for spec in safe:  # in the file's order (the coding panel's); parents on demand
                writer.codes.upsert(spec)
            writer.store_pseudonyms()
        return len(specs)

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
        with self.transaction(exclusive=True) as session:
            return pseudonymised_texts(session, *texts)

    def import_codings(self, path: str | Path) -> int:
        """Import codings from a table ``document,source_id,coder,code`` (CSV as Excel or
        LibreOffice saves it, XLSX, ODS); return new ones."""
        path = Path(path)
        rows = read_coding_rows(path)
        added = 0
        with self.transaction(exclusive=True) as session:
            codes = CodeIndex(session)
            segments: dict[tuple[str, str], tuple[int, int]] = {}
            shared: dict[tuple[str, str], list[int]] = {}  # two files of one name
            for filename, source_id, seg_id, length in session.execute(
                select(Document.filename, Segment.source_id, Segment.id, func.length(Segment.text))
                .join(Document, Segment.document_id == Document.id)
                .order_by(Segment.id)
            ):
                if (filename, source_id) in segments:
                    shared.setdefault((filename, source_id), [segments[filename, source_id][0]])
                    shared[filename, source_id].append(seg_id)
                segments[filename, source_id] = (seg_id, length)
            existing = set(
                session.execute(select(Coding.segment_id, Coding.code_id, Coding.coder)).all()
            )
            renamed: dict[str, str] = {}
            found: list[Pseudonymiser] = []  # the key: read once, only if a name is looked up
            for number, row in rows:
                key = (row["document"].strip(), row["source_id"].strip())
                if key not in segments:  # the document by its name before import
                    if key[0] not in renamed:
                        found[:] = found or [Pseudonymiser.of_project(session)]
                        renamed[key[0]] = pseudonymise_name(found[0], key[0], ())
                    if (renamed[key[0]], key[1]) in segments:
                        key = (renamed[key[0]], key[1])
                if key not in segments:
                    raise InputError(
                        f"Aussage {key[1]} in Dokument {key[0]} ist nicht importiert.",
                        file=path.name,
                        row=number,
                    )
                if key in shared:
                    numbers = ", ".join(str(i) for i in shared[key])
                    raise InputError(
                        f"Aussage {key[1]} gibt es in mehreren Dokumenten namens {key[0]} "
                        f"(Nummern {numbers}); diese Kodierungen bitte mit workbench code "
                        "NUMMER CODE setzen.",
                        file=path.name,
                        row=number,
                    )
                code = codes.get(row["code"].strip())
                if code is None:
                    hint = meant_code(row["code"], codes.by_path)
                    raise InputError(
                        f"Code '{row['code']}' steht nicht im Codebuch.{hint}",
                        file=path.name,
                        row=number,
                    )
                segment_id, length = segments[key]
                coder = row["coder"].strip()
                if not coder:
                    raise InputError("Kodierer*in fehlt.", file=path.name, row=number)
                if (segment_id, code.id, coder) in existing:
                    continue
                existing.add((segment_id, code.id, coder))
                session.add(
                    Coding(segment_id=segment_id, code_id=code.id, coder=coder, start=0, end=length)
                )
                added += 1
        return added

    # -- export ------------------------------------------------------------------------
    def export_table(self, out: str | Path, fmt: str, pseudonymised: bool = True) -> int:
        """Write segments with their codes as CSV or XLSX; return the number of rows.

        With ``pseudonymised=False`` the original texts are restored from the key (for the
        research team only; the CLI asks for ``--originals``).
        """
        segments = self.segments()
        codings = self.codings()
        if pseudonymised and not codings.empty:  # a participant who codes: her placeholder
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
    return name if re.fullmatch(r"[\w.,-]+", name) else shlex.quote(name)


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
