"""Where a REFI-QDA file's notes belong: each note as a memo on what it is attached to.

A note on a selection is a memo on that span, on a source (or what was not imported) or
a case a note naming it, on a code a code memo, on our cluster a cluster memo; a note
nowhere is a project memo. A ``<Link>`` between a note and any of these places the note
there too, whichever end the note is. MAXQDA's comments on selections are memos on their span.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from workbench.core.domain import ParsedMemo
from workbench.exchange.notes import note_memo, titled
from workbench.exchange.people import NameGuard
from workbench.exchange.qdxml import (
    CLUSTER_NOTE,
    SEGMENT_MARKER,
    note_label,
    parse_block,
    parse_time,
)
from workbench.exchange.records_in import Exchange
from workbench.exchange.resolutions import resolution_of


def parsed_memos(
    x: Exchange,
    index: dict[str, int],
    guard: NameGuard,
    coder: Callable[..., str],
    notices: list[str],
) -> list[ParsedMemo]:
    """Notes (and MAXQDA's selection comments) as memos, each where it is referenced.

    ``index`` maps a source GUID to its document, ``guard`` pseudonymises names of things,
    ``coder(*users, what=…)`` names the author; what is skipped is added to ``notices``.
    """
    notes = {n.guid: n for n in x.notes}
    places: dict[str, list[tuple]] = {}  # note GUID → targets
    memos: list[ParsedMemo] = []
    selections: dict[str, tuple] = {}
    sources: dict[str, tuple] = {}
    for source in x.sources:
        if source.guid not in index:
            continue
        sources[source.guid] = sources[source.owner] = (
            "note",
            f"Zu „{guard.file_name(source.name)}“: ",
        )
        for sel in source.selections:
            target = ("span", index[source.guid], sel.start, sel.end)
            selections[sel.guid] = target
            for note in sel.notes + tuple(n for c in sel.codings for n in c.notes):
                places.setdefault(note, []).append(target)
            if sel.description.strip() and parse_block(SEGMENT_MARKER, sel.description) is None:
                # A comment on a selection (MAXQDA writes these): a memo on the segment.
                author = coder(sel.user, what=f'<PlainTextSelection guid="{sel.guid}">')
                memos.append(
                    note_memo(target, author, sel.description.strip(), parse_time(sel.created))
                )
        for note in source.notes + tuple(n for c in source.codings for n in c.notes):
            places.setdefault(note, []).append(sources[source.guid])
    for skipped in x.skipped:  # notes on what was not imported say what it was
        target = ("note", f"Zu „{guard.file_name(skipped.name)}“ (nicht übernommen): ")
        if not skipped.imported:
            sources[skipped.guid] = target
        selections.update(dict.fromkeys(skipped.selections, target))
        for note in skipped.notes:
            places.setdefault(note, []).append(target)
    for path, note_guids in x.code_notes.items():
        for note in note_guids:
            places.setdefault(note, []).append(("code", path))
    for note in x.project_notes:
        places.setdefault(note, []).append(("project",))
    cases: dict[str, tuple] = {}  # a note on a case: on its Sozialraum or person
    for case in x.cases:
        if case.name:
            cases[case.guid] = ("note", f"Zu Fall „{guard(case.name)}“: ")
        elif len(case.sources) == 1 and case.sources[0] in sources:  # document variables
            cases[case.guid] = sources[case.sources[0]]
    codes = {guid: ("code", path) for guid, path in x.code_paths.items()}
    for ends in x.links:  # NVivo and ATLAS.ti link notes to selections, cases, codes
        for note, other in (ends, ends[::-1]):  # the note at either end of the link
            if note in notes and other not in notes:
                found = (
                    selections.get(other)
                    or sources.get(other)
                    or cases.get(other)
                    or codes.get(other)
                )
                if found:
                    places.setdefault(note, []).append(found)
    for note in x.notes:
        text = note.text.strip()
        if not text:
            notices.append(f"{note_label(note.number, note.guid)} ohne Text übersprungen.")
            continue
        author = coder(note.user, what=f'<Note guid="{note.guid}">')
        created = parse_time(note.created)
        cluster = re.fullmatch(rf"{CLUSTER_NOTE} (\d+)", note.description.strip())
        targets = places.get(note.guid) or (
            [("cluster", int(cluster.group(1)))] if cluster else [("project",)]
        )
        resolved = resolution_of(note.description)  # the state, not a comment
        full = titled(note, text, comment=not (cluster or resolved))
        parsed = [note_memo(t, author, full, created, note.guid) for t in dict.fromkeys(targets)]
        memos.extend(replace(m, body=text, resolution=resolved) for m in parsed)
    return memos
