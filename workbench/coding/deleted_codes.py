"""Codes of a REFI-QDA file that the project deleted (``codebook delete``): an older file
(a colleague's MAXQDA or ATLAS.ti round trip of an export made before the delete) must not
bring them back unasked. Decision 026: the delete is remembered by GUID and day only; the
import leaves such a code out with its subcodes, codings and memos and says so, and
``--restore-deleted-codes`` takes them back (the delete is then forgotten).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from workbench.coding.code_index import CodeIndex, _composed, normal_guid
from workbench.coding.codebook import SEPARATOR, path_key
from workbench.core.formatting import plural
from workbench.store import deleted_codes, forget_deletions

# The option that takes a file's deleted codes back (``workbench import``, ``codebook import``).
RESTORE_OPTION = "--restore-deleted-codes"


@dataclass
class DeletedInFile:
    """What of a file's codes the project deleted: each file path left out (composed, as
    specs have it; subcodes too) with the day its branch was deleted; or, on restore, the
    paths taken back. ``codings``/``memos`` count what was left out with each path."""

    skipped: dict[str, str] = field(default_factory=dict)
    restored: list[str] = field(default_factory=list)
    codings: dict[str, int] = field(default_factory=dict)
    memos: dict[str, int] = field(default_factory=dict)

    def left_out(self, path: str | None) -> bool:
        """Whether the file's code at ``path`` is left out."""
        return path is not None and _composed(path) in self.skipped

    def count(self, path: str, memo: bool = False) -> None:
        """Count a coding (``memo``: a memo) on the left-out code ``path``."""
        counts = self.memos if memo else self.codings
        counts[_composed(path)] = counts.get(_composed(path), 0) + 1


def deleted_in_file(
    codes: CodeIndex, guids: Iterable[tuple[str, str]], restore: bool = False
) -> DeletedInFile:
    """The file's codes (``guids``: path in the file, GUID) whose GUID names a code deleted
    here and no code now, with the file's codes under them. With ``restore`` they are
    taken: the deletes are forgotten (in the import's transaction) and their GUIDs free."""
    guids = [(_composed(path), normal_guid(guid) or "") for path, guid in guids]
    deleted = deleted_codes(codes.session)
    own = {c.guid for c in codes.by_path.values()}
    hit = {path: deleted[guid] for path, guid in guids if guid in deleted and guid not in own}
    if not hit:
        return DeletedInFile()
    if restore:
        found = {guid for path, guid in guids if path in hit}
        forget_deletions(codes.session, found)
        codes.guids -= found
        return DeletedInFile(restored=sorted(hit, key=path_key))
    skipped = dict(hit)
    for path, _ in sorted(guids, key=lambda pair: path_key(pair[0])):
        top = next((t for t in hit if path.startswith(t + SEPARATOR)), None)
        if top is not None:  # a subcode of a deleted code: it went with it
            skipped.setdefault(path, hit[top])
    return DeletedInFile(skipped=skipped)


def deleted_notices(found: DeletedInFile, here: Mapping[str, object]) -> list[str]:
    """The notices on a file's deleted codes: left out (with what and how to take them
    back) or taken back. ``here``: the project's codes by path (a code of the same name
    made since the delete is another code)."""
    if found.restored:
        named = ", ".join(f"'{p}'" for p in found.restored[:8])
        more = f" und {len(found.restored) - 8} weitere" if len(found.restored) > 8 else ""
        return [
            f"Zurückgeholt ({RESTORE_OPTION}): {plural(len(found.restored), 'Code', 'Codes')} "
            f"der Datei, die hier gelöscht {'war' if len(found.restored) == 1 else 'waren'}: "
            f"{named}{more} — mit dem, was die Datei zu ihnen enthält."
        ]
    if not found.skipped:
        return []
    tops = [p for p in found.skipped if not any(p.startswith(t + SEPARATOR) for t in found.skipped)]
    parts = []
    for top in sorted(tops, key=path_key)[:8]:
        branch = [p for p in found.skipped if p == top or p.startswith(top + SEPARATOR)]
        codings = sum(found.codings.get(p, 0) for p in branch)
        memos = sum(found.memos.get(p, 0) for p in branch)
        held = [plural(codings, "Kodierung", "Kodierungen")]
        held += [plural(memos, "Memo", "Memos")] if memos else []
        sub = len(branch) - 1
        with_sub = f", {plural(sub, 'Untercode', 'Untercodes')}" if sub else ""
        newer = (
            f"; der Code '{top}' hier ist ein neuer, nach dem Löschen angelegt"
            if top in here
            else ""
        )
        parts.append(
            f"'{top}' (gelöscht am {found.skipped[top]}; {' und '.join(held)}{with_sub}{newer})"
        )
    more = f" und {len(tops) - 8} weitere" if len(tops) > 8 else ""
    return [
        f"Hier gelöscht (workbench codebook delete), nicht übernommen: "
        f"{plural(len(tops), 'Code', 'Codes')} der Datei mit derselben GUID, "
        f"{', '.join(parts)}{more}. Die Datei ist älter als das Löschen. Zurückholen: die "
        f"Datei noch einmal importieren mit {RESTORE_OPTION}."
    ]
