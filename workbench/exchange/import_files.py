"""Importing REFI-QDA files into a project: read, check and write all in one transaction.

:func:`import_qdpx_files` reads each file (:mod:`workbench.exchange.reader`), decides what
it means (:func:`workbench.exchange.importer.parse_exchange`) with the project's districts
and pseudonym key, and hands it to the one Writer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.coding.records import check_coder
from workbench.core.domain import ProjectImportResult
from workbench.core.word_caches import forgets_words
from workbench.exchange.decisions import adopt_decisions, decisions_notice, read_decisions
from workbench.exchange.deleted_codes import without_deleted
from workbench.exchange.foreign import renumber_foreign
from workbench.exchange.importer import ImportOptions, parse_exchange
from workbench.exchange.notes import known_notes
from workbench.exchange.notices import known_users
from workbench.exchange.project_note import with_project_description
from workbench.exchange.qdxml import with_labels_explained
from workbench.exchange.reader import read_qdpx
from workbench.ingest.records import ParsedProject
from workbench.ingest.stored_growth import reread_notice
from workbench.ingest.writer import Writer
from workbench.store.text_edits import purge_cache

if TYPE_CHECKING:
    from workbench.project import Project

QdpxImport = ProjectImportResult  # what one imported file added


@forgets_words  # no participant's word stays in a module's cache
def import_qdpx_files(
    project: Project,
    paths: Sequence[str | Path],
    coder: str | None = None,
    district: str | None = None,
    workshop: str | None = None,
    names: Sequence[str] = (),
    add_districts: bool = False,
    restore_deleted: bool = False,
) -> list[ProjectImportResult]:
    """Import ``.qdpx`` files (or bare ``.qde``) in ONE transaction: all, or nothing.

    ``coder`` names who coded where a file does not say; ``district``/``workshop`` fix
    the Sozialraum/workshop of every source; ``names`` are participants to pseudonymise;
    ``add_districts`` declares districts named by the file's cases instead of stopping.
    Codes deleted here (``codebook delete``) that a file brings by their GUID are left
    out with their codings and memos, and named; ``restore_deleted`` takes them back.
    """
    options = ImportOptions(
        coder=check_coder(coder) if coder else None,
        district=district.strip() if district else None,
        workshop=workshop.strip() if workshop else None,
        names=tuple(n.strip() for n in names if n.strip()),
        add_districts=add_districts,
    )
    exchanges = [with_project_description(read_qdpx(p), options.coder) for p in paths]
    decided = [read_decisions(x.about.get("Description"), x.location) for x in exchanges]
    with project.transaction(exclusive=True) as session:  # one import at a time
        writer = Writer(session)
        adopted = [adopt_decisions(session, writer.pseudonymiser, d) for d in decided]
        # Check everything first, with the project's districts and pseudonym key.
        districts = [d.name for d in writer.districts.values()]
        here = [known_users(renumber_foreign(x, writer), writer.session) for x in exchanges]
        bundles = [parse_exchange(x, options, writer.pseudonymiser, districts) for x in here]
        bundles = [
            known_notes(session, b, x.code_paths) for b, x in zip(bundles, here, strict=True)
        ]
        bundles = [without_deleted(writer.codes, b, restore_deleted) for b in bundles]
        results = []
        for bundle, counts in zip(bundles, adopted, strict=True):
            result = writer.write_project(
                bundle, _shared_names(bundle, options), options.add_districts
            )
            notices = with_labels_explained((*result.notices, *decisions_notice(*counts)))
            results.append(replace(result, notices=notices))
        writer.store_pseudonyms()  # placeholders of names in names, also without a text
        old = writer.reread_stored()  # "Becker" in an earlier source, "Herr Jens Becker" later
        if old and results:
            results[-1] = replace(
                results[-1], notices=(*results[-1].notices, reread_notice(len(old)))
            )
    purge_cache(project.path / "cache", old)  # no vector of the text in clear stays
    return results


def import_qdpx(project: Project, path: str | Path, **options: Any) -> ProjectImportResult:
    """Import one ``.qdpx`` in one transaction (see :func:`import_qdpx_files`)."""
    return import_qdpx_files(project, [path], **options)[0]


def _shared_names(bundle: ParsedProject, options: ImportOptions) -> list[str]:
    """The names for every text of a file (given, of person cases and variables): those
    all its documents carry; a workshop's own name list stays with its documents."""
    shared = (
        set.intersection(*(set(d.names) for d in bundle.documents)) if bundle.documents else set()
    )
    firsts = [n for d in bundle.documents[:1] for n in d.names if n in shared]
    return list(dict.fromkeys([*options.names, *firsts]))
