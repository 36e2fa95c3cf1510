"""Placeholders of another project in an imported file: people of their own here.

A pseudonymised export of project A names its people ``[Person 1]``, ``[Person 2]`` in
A's numbering. Taken over unchanged into project B, A's ``[Person 1]`` would be B's
``[Person 1]`` – another person: speaker counts would merge them, and erasing one
(``forget --speaker``) would delete the other's statements too.

The rule (decision 002, Nachtrag Sitzung 24): a number is **this project's** when it
is named by a document here whose text a source of the file has, or by its statements
(the project's own export, also after coding in MAXQDA), or by a memo of this project
whose note the file has (recognised by the note's GUID); its placeholders stay. Every other
number is a **person of the file's project**: its own key entry (keyed by the file's
project name and the number, so a re-import or a later export of the same project
finds the same person), renumbered into this project's numbering in ascending order –
the same number across all texts, descriptions (speakers) and names of the file, and
the positions of selections follow the longer or shorter placeholder.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from workbench.exchange.export_data import exported_memos
from workbench.exchange.records_in import Exchange, SourceIn
from workbench.ingest.foreign_people import (
    document_people,
    foreign_people,
    person_numbers,
    renumbered_notice,
    swap_placeholders,
)
from workbench.ingest.writer import Writer


def _source_texts(source: SourceIn) -> list[str]:
    """A source's text, name, title, selection descriptions and variable values."""
    return [
        source.text,
        source.name,
        source.title,
        *(s.description for s in source.selections),
        *(value for _, _, value in source.variables),
    ]


def _all_texts(x: Exchange) -> list[str | None]:
    """Every text of the file a person's placeholder can be in."""
    texts: list[str | None] = [t for source in x.sources for t in _source_texts(source)]
    texts += [s.name for s in x.skipped]
    texts += [t for c in x.cases for t in (c.name, c.description, *(v for _, _, v in c.variables))]
    texts += [t for n in x.notes for t in (n.name, n.text, n.description)]
    texts += [t for s in x.sets for t in (s.name, s.description)]
    texts += [t for spec in x.specs for t in (spec.description, spec.example)]
    return texts


def renumber_foreign(x: Exchange, writer: Writer) -> Exchange:
    """``x`` with the placeholders of another project's people renumbered (rule above).

    ``writer`` knows the project's documents; its pseudonymiser (the project's, with its
    key) gives the new numbers and records the key entries. Says in a notice which
    placeholders were renumbered.
    """
    ours: set[int] = set()
    for source in x.sources:
        document = writer.same_text(source.text)
        if document is not None:  # what this project's document and statements name
            ours |= document_people(writer.session, document)
    known = exported_memos(writer.session, x.code_paths) if x.notes else {}
    for note in x.notes:  # this project's memo, exported: the people it names are ours
        if note.guid in known:
            ours |= person_numbers(known[note.guid][1] or ())
    pseudonymiser = writer.pseudonymiser
    project = x.project or Path(x.filename).stem
    changed = foreign_people(pseudonymiser, person_numbers(_all_texts(x)), ours, project)
    if not changed:  # none, or a new project takes over the file's numbering as it is
        return x

    def swap(text: str) -> str:
        return swap_placeholders(text, changed)[0] if text else text

    def values(items: tuple[tuple[str, str, str], ...]) -> tuple[tuple[str, str, str], ...]:
        return tuple((guid, kind, swap(value)) for guid, kind, value in items)

    sources = []
    for source in x.sources:
        text, shift = swap_placeholders(source.text, changed)
        selections = tuple(
            replace(
                s, start=shift.start(s.start), end=shift.end(s.end), description=swap(s.description)
            )
            for s in source.selections
        )
        sources.append(
            replace(
                source,
                text=text,
                name=swap(source.name),
                title=swap(source.title),
                selections=selections,
                variables=values(source.variables),
            )
        )
    notice = renumbered_notice(changed, f"dem Projekt „{project}“")
    return replace(
        x,
        sources=tuple(sources),
        skipped=tuple(replace(s, name=swap(s.name)) for s in x.skipped),
        cases=tuple(
            replace(
                c,
                name=swap(c.name) if c.name else None,
                description=swap(c.description),
                variables=values(c.variables),
            )
            for c in x.cases
        ),
        notes=tuple(
            replace(n, name=swap(n.name), text=swap(n.text), description=swap(n.description))
            for n in x.notes
        ),
        sets=tuple(replace(s, name=swap(s.name), description=swap(s.description)) for s in x.sets),
        specs=tuple(
            replace(spec, description=swap(spec.description), example=swap(spec.example))
            for spec in x.specs
        ),
        # a coder of the file's project named by her placeholder (its pseudonymised export):
        # that project's person, not the coder this project's key gives that number
        users={guid: swap(name) for guid, name in x.users.items()},
        notices=(*x.notices, notice),
    )
