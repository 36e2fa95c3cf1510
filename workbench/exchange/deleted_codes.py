"""A REFI-QDA file without the codes the project deleted (decision 026): their codebook
entries, codings and memos are left out before the file is written, and named; with
``restore`` they are taken as before and the deletes forgotten
(:mod:`workbench.coding.deleted_codes`)."""

from __future__ import annotations

from dataclasses import replace

from workbench.coding.code_index import CodeIndex
from workbench.coding.deleted_codes import deleted_in_file, deleted_notices
from workbench.ingest.records import ParsedProject


def without_deleted(codes: CodeIndex, bundle: ParsedProject, restore: bool) -> ParsedProject:
    """``bundle`` without the codes deleted here (and under them), with a notice; with
    ``restore`` unchanged but for a notice, the deletes forgotten."""
    found = deleted_in_file(codes, bundle.code_guids, restore)
    if not found.skipped:
        return replace(bundle, notices=(*bundle.notices, *deleted_notices(found, {})))
    documents = []
    for document in bundle.documents:
        kept = []
        for coding in document.codings:
            if found.left_out(coding.code):
                found.count(coding.code)
            else:
                kept.append(coding)
        segments = tuple(
            replace(s, codes=tuple(c for c in s.codes if not found.left_out(c)))
            for s in document.segments
        )
        documents.append(replace(document, codings=tuple(kept), segments=segments))
    memos = []
    for memo in bundle.memos:
        if memo.target == "code" and found.left_out(memo.code):
            found.count(memo.code or "", memo=True)
            continue
        if memo.resolution is not None and found.left_out(memo.resolution[0]):
            memo = replace(memo, resolution=None)  # its code is left out
        memos.append(memo)
    here = {path: code for path in found.skipped if (code := codes.get(path)) is not None}
    return replace(
        bundle,
        documents=tuple(documents),
        memos=tuple(memos),
        codes=tuple(s for s in bundle.codes if not found.left_out(s.path)),
        code_guids=tuple((p, g) for p, g in bundle.code_guids if not found.left_out(p)),
        notices=(*bundle.notices, *deleted_notices(found, here)),
    )
