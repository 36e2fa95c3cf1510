"""Project: one study in one folder — the façade notebooks, widgets and the CLI use."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from workbench import store
from workbench.codebook import SEPARATOR, CodeSpec, read_codebook_yaml
from workbench.coding import CodingMixin
from workbench.domain import (
    ImportResult,
    InputError,
    ParsedDocument,
    WorkbenchError,
    frame,
)
from workbench.fileio import atomic_path
from workbench.importers import parse_file
from workbench.importers.table import TableMapping
from workbench.pseudonymise import Pseudonymiser, Replacement
from workbench.store import (
    CITYWIDE,
    Code,
    Coding,
    District,
    Document,
    ListedName,
    Memo,
    Pseudonym,
    PseudonymSpan,
    Segment,
    Workshop,
)

CONFIG_FILE = "project.json"
DEFAULT_DB = "werkbank.sqlite"
PROJECT_FORMAT = "sozialraum-workbench"


class Project(CodingMixin):
    """A study: its folder, database and caches.

    Create with :meth:`create`, open with :meth:`open`. Tables come back as DataFrames
    with the columns declared in :data:`workbench.domain.TABLES`.
    """

    def __init__(self, path: Path, db_url: str):
        self.path = path
        self.db_url = db_url
        self.engine = store.make_engine(db_url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    # -- lifecycle ---------------------------------------------------------------------
    @classmethod
    def create(
        cls, path: str | Path, db_url: str | None = None, districts: Iterable[str] = ()
    ) -> Project:
        """Create a new project folder (with its database) and return it opened."""
        path = Path(path)
        if (path / CONFIG_FILE).exists():
            raise WorkbenchError(f"In {path} gibt es schon ein Projekt.")
        path.mkdir(parents=True, exist_ok=True)
        (path / "cache").mkdir(exist_ok=True)
        config = {"format": PROJECT_FORMAT, "schema_version": store.SCHEMA_VERSION}
        if db_url:
            config["db_url"] = db_url
        project = cls(path, db_url or _sqlite_url(path))
        try:
            store.initialise(project.engine)
        except SQLAlchemyError as err:
            raise WorkbenchError(f"Datenbank nicht erreichbar: {err.__class__.__name__}") from None
        (path / CONFIG_FILE).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
        if districts:
            project.add_districts(districts)
        return project

    @classmethod
    def open(cls, path: str | Path) -> Project:
        """Open an existing project folder."""
        path = Path(path)
        config_path = path / CONFIG_FILE
        if not config_path.exists():
            raise WorkbenchError(
                f"{path} ist kein Werkbank-Projekt ({CONFIG_FILE} fehlt). "
                "Anlegen mit: workbench init DIR"
            )
        config = json.loads(config_path.read_text(encoding="utf-8"))
        project = cls(path, config.get("db_url") or _sqlite_url(path))
        try:
            store.check_version(project.engine)
            store.create_tables(project.engine)  # tables of stages added since creation
        except SQLAlchemyError as err:
            raise WorkbenchError(f"Datenbank nicht lesbar: {err.__class__.__name__}") from None
        return project

    @property
    def cache_dir(self) -> Path:
        """Folder for derived, regenerable data (embeddings, models)."""
        folder = self.path / "cache"
        folder.mkdir(exist_ok=True)
        return folder

    def session(self) -> Session:
        """A new ORM session (read-only use; writes go through :meth:`_transaction`)."""
        return self._sessions()

    def _transaction(self):
        return store.transaction(self._sessions)

    def close(self) -> None:
        """Release database connections."""
        self.engine.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Project({str(self.path)!r})"

    # -- districts ---------------------------------------------------------------------
    def add_districts(self, names: Iterable[str]) -> None:
        """Declare Sozialräume (idempotent); imports accept only declared ones."""
        with self._transaction() as session:
            known = {d.name for d in session.scalars(select(District))}
            for name in names:
                name = name.strip()
                if name and name not in known:
                    session.add(District(name=name, is_citywide=False))
                    known.add(name)

    # -- import ------------------------------------------------------------------------
    def import_files(
        self,
        paths: Sequence[str | Path],
        mapping: TableMapping | None = None,
        district: str | None = None,
        workshop: str | None = None,
        names: Sequence[str] = (),
    ) -> list[ImportResult]:
        """Import source files in ONE transaction: all of them, or nothing.

        ``district``/``workshop`` are fixed values for whole files (``{stem}`` and
        ``{parent}`` are replaced by the file's name and folder); ``names`` is a list of
        participant names to pseudonymise in addition to each protocol's own list.
        """
        parsed = [(Path(p), parse_file(p, mapping or TableMapping())) for p in paths]
        results: list[ImportResult] = []
        with self._transaction() as session:
            writer = _Writer(session)
            for path, document in parsed:
                fixed_workshop = _fill(workshop, path)
                fixed_district = _fill(district, path)
                results.append(writer.write(document, fixed_workshop, fixed_district, names))
        return results

    def import_codebook(self, path: str | Path) -> int:
        """Add the codes of a YAML codebook (existing codes are updated); return count."""
        specs = read_codebook_yaml(path)
        with self._transaction() as session:
            codes = _CodeIndex(session)
            for spec in specs:
                codes.upsert(spec)
        return len(specs)

    def import_codings(self, path: str | Path) -> int:
        """Import codings from CSV ``document,source_id,coder,code``; return new ones."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise InputError("Datei nicht gefunden.", file=str(path)) from None
        rows = list(csv.DictReader(text.splitlines()))
        required = {"document", "source_id", "coder", "code"}
        if not rows or not required <= set(rows[0]):
            raise InputError(
                "Erwartet werden die Spalten document, source_id, coder, code.",
                file=path.name,
                row=1,
            )
        added = 0
        with self._transaction() as session:
            codes = _CodeIndex(session)
            segments = {
                (filename, source_id): (seg_id, length)
                for filename, source_id, seg_id, length in session.execute(
                    select(
                        Document.filename,
                        Segment.source_id,
                        Segment.id,
                        func.length(Segment.text),
                    ).join(Document, Segment.document_id == Document.id)
                )
            }
            existing = set(
                session.execute(select(Coding.segment_id, Coding.code_id, Coding.coder)).all()
            )
            for number, row in enumerate(rows, start=2):
                key = (row["document"].strip(), row["source_id"].strip())
                if key not in segments:
                    raise InputError(
                        f"Aussage {key[1]} in Dokument {key[0]} ist nicht importiert.",
                        file=path.name,
                        row=number,
                    )
                code = codes.get(row["code"].strip())
                if code is None:
                    raise InputError(
                        f"Code '{row['code']}' steht nicht im Codebuch.", file=path.name, row=number
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
        """Workshops with their Sozialraum, date and format."""
        with self.session() as s:
            rows = s.execute(
                select(Workshop, District.name)
                .join(District, Workshop.district_id == District.id)
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
                    }
                    for w, d in rows
                ],
            )

    def documents(self) -> pd.DataFrame:
        """Imported documents with their provenance."""
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
                        "sha256": doc.sha256,
                        "imported_at": doc.imported_at,
                        "title": doc.title,
                    }
                    for doc, w, d in rows
                ],
            )

    def segments(self) -> pd.DataFrame:
        """All segments (pseudonymised text), in document order."""
        with self.session() as s:
            rows = s.execute(
                select(Segment, Document.filename, Workshop.name, District.name)
                .join(Document, Segment.document_id == Document.id)
                .join(Workshop, Segment.workshop_id == Workshop.id)
                .join(District, Segment.district_id == District.id)
                .order_by(Segment.document_id, Segment.position)
            )
            return frame(
                "segments",
                [
                    {
                        "segment_id": seg.id,
                        "document_id": seg.document_id,
                        "document": filename,
                        "source_id": seg.source_id,
                        "position": seg.position,
                        "workshop": w,
                        "district": d,
                        "question": seg.question,
                        "speaker_role": seg.speaker_role,
                        "text": seg.text,
                        "start": seg.start,
                        "end": seg.end,
                        "attributes": seg.attributes,
                    }
                    for seg, filename, w, d in rows
                ],
            )

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
                "documents": count(Document),
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

    # -- export ------------------------------------------------------------------------
    def export_table(self, out: str | Path, fmt: str, pseudonymised: bool = False) -> int:
        """Write segments with their codes as CSV or XLSX; return the number of rows.

        Without ``pseudonymised`` the original texts are restored from the key.
        """
        segments = self.segments()
        codings = self.codings()
        by_segment = (
            codings.assign(entry=codings["coder"] + ":" + codings["code"])
            .groupby("segment_id")["entry"]
            .agg(lambda s: "; ".join(sorted(set(s))))
        )
        table = segments.drop(columns=["attributes"]).assign(
            codes=[by_segment.get(i, "") for i in segments["segment_id"]]
        )
        if not pseudonymised:
            originals = self.original_texts()
            table["text"] = table["segment_id"].map(originals)
        if fmt not in ("csv", "xlsx"):
            raise WorkbenchError(f"Unbekanntes Exportformat '{fmt}' (csv oder xlsx).")
        with atomic_path(out) as tmp:
            if fmt == "csv":
                table.to_csv(tmp, index=False, encoding="utf-8")
            else:
                with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
                    table.to_excel(writer, index=False, sheet_name="Aussagen")
        return len(table)


# -- helpers ---------------------------------------------------------------------------
def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{(path / DEFAULT_DB).resolve()}"


def _fill(template: str | None, path: Path) -> str | None:
    """Replace ``{stem}`` and ``{parent}`` in a fixed value by the file's name parts."""
    if template is None:
        return None
    return template.replace("{stem}", path.stem).replace("{parent}", path.parent.name)


class _CodeIndex:
    """Codes by path within one session; creates missing parents on upsert."""

    def __init__(self, session: Session):
        self.session = session
        self.by_path = {c.path: c for c in session.scalars(select(Code))}

    def get(self, path: str) -> Code | None:
        return self.by_path.get(path)

    def upsert(self, spec: CodeSpec) -> Code:
        parent = self.upsert(CodeSpec(spec.parent)) if spec.parent else None
        code = self.by_path.get(spec.path)
        if code is None:
            code = Code(path=spec.path, name=spec.name, parent_id=parent.id if parent else None)
            self.session.add(code)
            self.by_path[spec.path] = code
        if spec.description or spec.example or spec.colour:
            code.description = spec.description
            code.example = spec.example
            code.colour = spec.colour
        self.session.flush()
        return code


class _Writer:
    """Writes parsed documents within one session (one transaction)."""

    def __init__(self, session: Session):
        self.session = session
        self.districts = {d.name.casefold(): d for d in session.scalars(select(District))}
        self.workshops = {w.name: w for w in session.scalars(select(Workshop))}
        self.codes = _CodeIndex(session)
        known = {(p.kind, p.normalised): p.placeholder for p in session.scalars(select(Pseudonym))}
        self.pseudonymiser = Pseudonymiser(known=known)

    def _district(self, name: str | None, document: ParsedDocument, row: int | None) -> District:
        if name is None:
            return self.districts[CITYWIDE.casefold()]
        district = self.districts.get(name.strip().casefold())
        if district is None:
            valid = ", ".join(sorted(d.name for d in self.districts.values()))
            raise InputError(
                f"Unbekannter Sozialraum '{name}'. Gültig sind: {valid} "
                "(weitere mit: workbench districts --add NAME).",
                file=document.filename,
                row=row,
            )
        return district

    def _workshop(self, name: str, district: District, document: ParsedDocument) -> Workshop:
        workshop = self.workshops.get(name)
        if workshop is None:
            workshop = Workshop(
                name=name, district_id=district.id, date=document.date, format=document.format
            )
            self.session.add(workshop)
            self.session.flush()
            self.workshops[name] = workshop
        return workshop

    def write(
        self,
        document: ParsedDocument,
        fixed_workshop: str | None,
        fixed_district: str | None,
        extra_names: Sequence[str],
    ) -> ImportResult:
        session = self.session
        duplicate = session.scalar(
            select(Document).where(
                Document.sha256 == document.sha256, Document.importer == document.importer
            )
        )
        if duplicate is not None:
            return ImportResult(document.filename, "bereits vorhanden")

        default_workshop = fixed_workshop or document.workshop or Path(document.filename).stem
        resolved = []
        for seg in document.segments:
            district = self._district(
                fixed_district or seg.district or document.district, document, seg.row
            )
            workshop = self._workshop(
                fixed_workshop or seg.workshop or default_workshop, district, document
            )
            resolved.append((seg, workshop, district))

        names_by_workshop: dict[int, list[str]] = {}
        for workshop_id in {w.id for _, w, _ in resolved}:
            listed = set(
                session.scalars(
                    select(ListedName.name).where(ListedName.workshop_id == workshop_id)
                )
            )
            for name in (*document.names, *extra_names):
                if name not in listed:
                    session.add(ListedName(workshop_id=workshop_id, name=name))
                    listed.add(name)
            names_by_workshop[workshop_id] = sorted(listed)

        record = Document(
            workshop_id=resolved[0][1].id,
            filename=document.filename,
            sha256=document.sha256,
            importer=document.importer,
            title=document.title,
            options=document.options,
        )
        session.add(record)
        session.flush()

        parts: list[str] = []
        offset = 0
        question: str | None = None
        codings = 0
        for position, (seg, workshop, district) in enumerate(resolved, start=1):
            if seg.question != question and seg.question:
                heading = f"{seg.question}\n\n"
                parts.append(heading)
                offset += len(heading)
            question = seg.question
            text, replacements = self.pseudonymiser.pseudonymise(
                seg.text, names_by_workshop[workshop.id]
            )
            segment = Segment(
                document_id=record.id,
                workshop_id=workshop.id,
                district_id=district.id,
                source_id=seg.source_id,
                position=position,
                text=text,
                start=offset,
                end=offset + len(text),
                question=seg.question,
                speaker_role=seg.speaker_role,
                attributes=seg.attributes,
            )
            session.add(segment)
            session.flush()
            self._store_key(segment.id, replacements)
            for code_path in seg.codes:
                code = self.codes.upsert(CodeSpec(code_path))
                session.add(
                    Coding(
                        segment_id=segment.id,
                        code_id=code.id,
                        coder=document.options["coder"],
                        start=0,
                        end=len(text),
                    )
                )
                codings += 1
            parts.append(text + "\n\n")
            offset += len(text) + 2
        record.text = "".join(parts)
        return ImportResult(
            document.filename,
            "importiert",
            segments=len(resolved),
            codings=codings,
            skipped_rows=int(document.options.get("skipped_rows", 0)),
        )

    def _store_key(self, segment_id: int, replacements: list[Replacement]) -> None:
        for r in replacements:
            self.session.add(
                PseudonymSpan(segment_id=segment_id, start=r.start, end=r.end, original=r.original)
            )
        for (kind, normalised), (original, placeholder) in self.pseudonymiser.new.items():
            self.session.add(
                Pseudonym(
                    kind=kind, normalised=normalised, original=original, placeholder=placeholder
                )
            )
        self.pseudonymiser.new.clear()
