"""Importing into a project: source files, a codebook, a coding table — each in one transaction.

The :class:`workbench.project.Project` methods of the same names delegate here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.coding.code_index import CodeIndex
from workbench.coding.codebook import meant_code
from workbench.coding.deleted_codes import (
    RESTORE_ONLY,
    deleted_in_file,
    deleted_notices,
    named_guids,
)
from workbench.coding.records import read_codebook
from workbench.core.domain import ImportResult, InputError
from workbench.core.errors import WorkbenchError
from workbench.core.word_caches import forgets_words
from workbench.ingest.coding_table import read_coding_rows
from workbench.ingest.common import fill_template
from workbench.ingest.decidim import with_proposal_districts
from workbench.ingest.dispatch import parse_all
from workbench.ingest.export_growth import Appending, appended
from workbench.ingest.foreign_people import renumber_rows, stored_statements
from workbench.ingest.pseudonymise import Pseudonymiser, listed_names
from workbench.ingest.same_content import (
    as_given,
    import_wave,
    left_out,
    refuse_earlier_versions,
)
from workbench.ingest.same_file import imported_before
from workbench.ingest.stored_documents import stored_documents
from workbench.ingest.stored_growth import reread_notice
from workbench.ingest.table import TableMapping
from workbench.ingest.thing_names import pseudonymise_codes, stored_file_name
from workbench.ingest.writer import Writer
from workbench.store import Coding, Document, Segment
from workbench.store.district_changes import former_names
from workbench.store.district_spelling import named_district
from workbench.store.project_store import ProjectStore
from workbench.store.text_edits import purge_cache


def _as_stored(session: Session) -> Callable[[str], str]:
    """A name as the project's key pseudonymises it (a document's name before import); the
    key is read once, on the first name, and not at all if none is asked for."""
    key: list[Pseudonymiser] = []

    def as_stored(name: str) -> str:
        key[:] = key or [Pseudonymiser.of_project(session)]
        return stored_file_name(key[0], name, ())

    return as_stored


@forgets_words  # no participant's word stays in a module's cache
def import_files(
    project: ProjectStore,
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
    boundaries: Path,
) -> list[ImportResult]:
    """Import source files into ``project`` in ONE transaction: all of them, or nothing.

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
    are private: left out and counted, unless ``direct_messages``. A code deleted here
    that a table's code column names by the path it had is left out with its codings
    (the statements are imported) and named, unless ``restore_deleted``: then it comes
    back, also onto the statements of a table imported before (decision 026).
    """
    # the project's districts let a table's "Sonstiges" free text name one of them
    known = tuple(project.districts()["district"])
    with project.session() as session:  # a name since changed is read as the district now
        known += tuple(former_names(session))
    mapping = replace(
        mapping or TableMapping(),
        districts=known,
        find_district=not district,
        boundaries=boundaries,  # read only for a table with coordinates
    )
    with project.session() as session:  # the same file again: said without reading it
        again = [
            None if restore_deleted else imported_before(session, Path(p), wave, direct_messages)
            for p in paths
        ]  # restoring deleted codes: a table imported before is read for its code column
    each = [
        [] if r else parse_all(p, mapping, roles, direct_messages)
        for p, r in zip(paths, again, strict=True)
    ]
    parsed = [(Path(p), d) for p, docs in zip(paths, each, strict=True) for d in docs]
    coded = ("code_column", "code_columns")
    if restore_deleted and not any(d.options.get(o) for _, d in parsed for o in coded):
        raise WorkbenchError(f"{RESTORE_ONLY} Keine der Dateien hat eine Codespalte.")
    results: list[ImportResult] = []
    with project.transaction(exclusive=True) as session:  # one import at a time
        parsed = with_proposal_districts(session, parsed)  # Decidim's comments
        skip: list[ImportResult | None] = [None] * len(parsed)
        appends: dict[int, Appending] = {}  # an export downloaded again: its new rows
        if not allow_duplicates:
            stored = stored_documents(session)
            as_stored = _as_stored(session)  # the key read only if a name is compared
            given = [(p, as_given(d, p, workshop, district, known)) for p, d in parsed]
            into = import_wave(session, wave)
            skip = left_out(given, stored, into, as_stored, wave is None, appends)
            refuse_earlier_versions(skip)  # the team must decide: nothing stored
        writer = Writer(session, wave=wave)
        writer.restore_deleted = restore_deleted
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
            result = writer.write(document, fixed_workshop, fixed_district, names, add_districts)
            result = appended(session, appends[at], result) if at in appends else result
            if renumbered:
                result = replace(result, notices=(*result.notices, renumbered))
            results.append(result)
        old = writer.reread_stored()  # "Becker" in a.md, "Herr Jens Becker" in b.md
        if old and results:
            results[-1] = replace(
                results[-1], notices=(*results[-1].notices, reread_notice(len(old)))
            )
    purge_cache(project.path / "cache", old)  # no vector of the text in clear stays
    written = iter(results)  # back into the order of the files
    return [
        found or next(written)
        for found, docs in zip(again, each, strict=True)
        for _ in ([found] if found else docs)
    ]


@forgets_words  # no participant's word stays in a module's cache
def import_codebook(
    project: ProjectStore,
    path: str | Path,
    notices: list[str] | None = None,
    restore_deleted: bool = False,
) -> int:
    """Add the codes of a codebook (.yaml/.yml or REFI-QDA .qdc; existing codes are
    updated), descriptions and examples pseudonymised; return the count. What the
    import dropped (an unreadable colour) is appended to ``notices``.

    A code's description may name a participant ("siehe Gespräch mit Herrn
    Szymanowski"): it is pseudonymised like a statement, with the project's key, in
    the same transaction as the codes. A code deleted here that a .qdc brings by its GUID
    (a YAML codebook by the path whose GUID it had, and no code here has now) is left out
    (with its subcodes) and named, unless ``restore_deleted`` (decision 026).
    """
    guids: list[tuple[str, str]] = []  # a code renamed in MAXQDA is the project's
    specs = read_codebook(path, notices, guids)
    with project.transaction(exclusive=True) as session:
        writer = Writer(session)
        # a YAML codebook names codes only by path: the GUID the workbench gives that path
        named = named_guids([s.path for s in specs], writer.codes) if not guids else []
        deleted = deleted_in_file(writer.codes, guids or named, restore_deleted)
        if notices is not None:
            here = {p: 1 for p in writer.codes.by_path}
            notices.extend(deleted_notices(deleted, here, "named" if named else "codebook"))
        specs = [spec for spec in specs if not deleted.left_out(spec.path)]
        guids = [(p, guid) for p, guid in guids if not deleted.left_out(p)]
        safe = pseudonymise_codes(writer.pseudonymiser, specs, listed_names(session))
        renamed = writer.codes.follow_guids(guids, safe)  # and what the file changes
        if notices is not None:
            notices.extend(renamed)
        for spec in safe:  # in the file's order (the coding panel's); parents on demand
            writer.codes.upsert(spec)
        writer.store_pseudonyms()
    return len(specs)


@forgets_words  # no participant's word stays in a module's cache
def import_codings(project: ProjectStore, path: str | Path) -> int:
    """Import codings from a table ``document,source_id,coder,code`` (CSV as Excel or
    LibreOffice saves it, XLSX, ODS); return new ones."""
    path = Path(path)
    rows = read_coding_rows(path)
    added = 0
    with project.transaction(exclusive=True) as session:
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
        as_stored = _as_stored(session)  # the key read only if a name is looked up
        for number, row in rows:
            key = (row["document"].strip(), row["source_id"].strip())
            if key not in segments:  # the document by its name before import
                if key[0] not in renamed:
                    renamed[key[0]] = as_stored(key[0])
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
            if code is None:  # deleted here (decision 026) or a typing error
                hint = _deleted_hint(codes, row["code"]) or meant_code(row["code"], codes.by_path)
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


def _deleted_hint(codes: CodeIndex, path: str) -> str:
    """What a coding table's unknown code was, if it has the path of a code deleted here
    (its GUID, or a parent's, in the delete list): when, and how it comes back."""
    path = path.strip()
    day = deleted_in_file(codes, named_guids([path], codes)).day(path)
    if day is None:
        return ""
    return (
        f" Ein Code dieses Pfads wurde hier am {day} gelöscht (workbench codebook delete); "
        "die Tabelle ist wohl älter. Sollen diese Kodierungen wieder gelten: den Code neu "
        "anlegen (workbench codebook add) und die Tabelle noch einmal importieren."
    )
