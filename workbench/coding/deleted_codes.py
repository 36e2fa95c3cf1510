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
from workbench.store.schema import code_guid

# The option that takes a file's deleted codes back (``workbench import``, ``codebook import``).
RESTORE_OPTION = "--restore-deleted-codes"
# Which files of ``workbench import`` it is for (refused for the others, exit 2).
RESTORE_ONLY = (
    f"{RESTORE_OPTION} gilt nur für REFI-QDA-Projekte (.qdpx, .qde) und Tabellen mit "
    "Codespalte (--code-column, --code-columns; .csv, .xlsx, .ods …)."
)


@dataclass
class DeletedInFile:
    """What of a file's codes the project deleted: each file path left out (composed, as
    specs have it; subcodes too) with the day its branch was deleted; or, on restore, the
    paths taken back. ``codings``/``memos`` count what was left out with each path, ``rows``
    the table rows (statements) whose codings of the path were left out."""

    skipped: dict[str, str] = field(default_factory=dict)
    restored: list[str] = field(default_factory=list)
    codings: dict[str, int] = field(default_factory=dict)
    memos: dict[str, int] = field(default_factory=dict)
    rows: dict[str, set[int]] = field(default_factory=dict)

    def left_out(self, path: str | None) -> bool:
        """Whether the file's code at ``path`` is left out."""
        return path is not None and _composed(path) in self.skipped

    def day(self, path: str) -> str | None:
        """The day the file's code at ``path`` was deleted here, if it is left out."""
        return self.skipped.get(_composed(path))

    def count(self, path: str, memo: bool = False, row: int | None = None) -> None:
        """Count a coding (``memo``: a memo) on the left-out code ``path``; ``row``: the
        table row (statement) it was on."""
        counts = self.memos if memo else self.codings
        counts[_composed(path)] = counts.get(_composed(path), 0) + 1
        if row is not None:
            self.rows.setdefault(_composed(path), set()).add(row)


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


def named_guids(paths: Iterable[str], codes: CodeIndex) -> list[tuple[str, str]]:
    """The GUIDs the workbench gives codes at ``paths`` of a file without GUIDs (a YAML
    codebook, a table's code column): ``code_guid`` of each path and of its parents, for
    the paths no code here has now. A code made again here after a delete (``codebook
    add``) has another GUID but its path: the file's path is that code, never refused."""
    named = {}
    for path in paths:
        parts = _composed(path).split(SEPARATOR)
        for n in range(1, len(parts) + 1):
            named.setdefault(SEPARATOR.join(parts[:n]), None)
    return [(p, code_guid(p)) for p in named if codes.get(p) is None]


def deleted_notices(
    found: DeletedInFile, here: Mapping[str, object], kind: str = "project"
) -> list[str]:
    """The notices on a file's deleted codes: left out (with what and how to take them
    back) or taken back. ``here``: the project's codes by path (a code of the same name
    made since the delete is another code). ``kind``: "project" (a .qdpx/.qde: codings
    and memos counted), "codebook" (a .qdc: codes only, by GUID), "named" (a YAML
    codebook: codes only by path, whose GUID the workbench derives from it) or "table" (a
    table's code column: by path too; its codings and rows counted, its statements kept)."""
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
        held = [plural(codings, "Kodierung", "Kodierungen")] if kind == "project" else []
        if kind == "table":
            rows = len(set().union(*(found.rows.get(p, set()) for p in branch)))
            held = [
                f"{plural(codings, 'Kodierung', 'Kodierungen')} in "
                f"{plural(rows, 'Zeile', 'Zeilen')}"
            ]
        held += [plural(memos, "Memo", "Memos")] if memos else []
        sub = len(branch) - 1
        with_sub = [plural(sub, "Untercode", "Untercodes")] if sub else []
        what = " und ".join(held)
        what = ", ".join([what, *with_sub] if what else with_sub)
        newer = (
            f"; der Code '{top}' hier ist ein neuer, nach dem Löschen angelegt"
            if top in here
            else ""
        )
        held_here = f"; {what}" if what else ""
        parts.append(f"'{top}' (gelöscht am {found.skipped[top]}{held_here}{newer})")
    more = f" und {len(tops) - 8} weitere" if len(tops) > 8 else ""
    same = (
        "mit dem Pfad eines hier gelöschten Codes (die Werkbank gibt einem Code die GUID "
        "seines Pfads; die Datei nennt Codes nur beim Namen)"
        if kind in ("named", "table")
        else "mit derselben GUID"
    )
    older = "wohl älter" if kind in ("named", "table") else "älter"
    again = "das Codebuch noch einmal importieren (workbench codebook import)"
    if kind == "project":
        again = "die Datei noch einmal importieren"
    kept = ""
    if kind == "table":
        again = "die Tabelle noch einmal importieren (workbench import, dieselbe Codespalte)"
        which = "dieses Codes" if len(tops) == 1 else "dieser Codes"
        kept = f" Die Aussagen sind importiert, nur die Kodierungen {which} nicht."
    whose = "der Codespalte" if kind == "table" else "der Datei"
    return [
        f"Hier gelöscht (workbench codebook delete), nicht übernommen: "
        f"{plural(len(tops), 'Code', 'Codes')} {whose} {same}, "
        f"{', '.join(parts)}{more}.{kept} Die Datei ist {older} als das Löschen. Zurückholen: "
        f"{again} mit {RESTORE_OPTION}."
    ]
