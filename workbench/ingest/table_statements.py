"""A table's rows as statements, once the import has chosen its columns
(:class:`workbench.ingest.table_layout.TableLayout`).

A row's answers (one per text column of a survey, else its text below its title), its ID
or a coded segment's place, its codes, district and attributes; rows of one statement and
code (a long table) are merged, a row the moderation rejected is counted and left out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from workbench.core.domain import SEPARATOR, InputError, ParsedSegment
from workbench.ingest.code_crosses import WEIGHT, read_crosses
from workbench.ingest.common import attribute_value
from workbench.ingest.html_text import plain_text
from workbench.ingest.segment_list import code_path, merge_repeated_rows
from workbench.ingest.table_ids import row_id
from workbench.ingest.table_layout import TableLayout, answer, first
from workbench.ingest.table_mapping import with_title
from workbench.ingest.table_missing import (
    adds_nothing,
    is_minus,
    is_missing_value,
    is_no_answer,
    sign_scale,
)
from workbench.ingest.table_survey import statement_question

_CODE_SEPARATOR = re.compile(r"\s*[;|\r\n]\s*")  # ATLAS.ti: one code per line


@dataclass
class Statements:
    """The statements of a table's rows, and what reading the rows counted."""

    segments: list[tuple[int, ParsedSegment]] = field(default_factory=list)  # (question, s)
    read: dict[str, Counter[str]] = field(default_factory=dict)  # rows by language column
    skipped: int = 0
    merged_rows: int = 0
    title_only: int = 0
    no_answer: int = 0
    rejected: int = 0
    rejected_ids: list[str] = field(default_factory=list)  # rows the moderation rejected
    nothing: Counter[str] = field(default_factory=Counter)  # answers "Nein" to "Anmerkungen?"
    missing: Counter[str] = field(default_factory=Counter)  # "N/A"
    differing: set[str] = field(default_factory=set)  # columns whose merged rows differ


def read_statements(t: TableLayout) -> Statements:
    """Read every row of ``t`` as its statements; no statement at all stops the import."""
    raw, header, records, mapping = t.raw, t.header, t.records, t.mapping
    idx, texts, text_group, title_group, category = (
        t.idx,
        t.texts,
        t.text_group,
        t.title_group,
        t.category,
    )
    survey, place, coders, attributes = t.survey, t.place, t.coders, t.attributes
    text_column, labels, asking, moderation = t.text_column, t.labels, t.asking, t.moderation
    districts, points = t.districts, t.points
    segments: list[tuple[int, ParsedSegment]] = []  # (question number, segment), row order
    seen_ids: dict[str, int] = {}  # ID → row it was first seen in
    position: dict[str, int] = {}  # ID → its statement in ``segments`` (one text column)
    read = {"Text": Counter[str](), "Titel": Counter[str]()}  # rows by language column
    skipped = merged_rows = title_only = no_answer = rejected = 0
    rejected_ids: list[str] = []  # the IDs of the rows the moderation rejected
    nothing, missing = Counter[str](), Counter[str]()  # answers "Nein" to "Anmerkungen?", "N/A"
    repeats: dict[int, list[tuple[tuple[str, ...], dict[str, Any]]]] = {}  # merged rows
    documents: dict[str, int] = {}  # a segment's document → its number (not its name)
    texts_in: dict[int, dict[str, list[str]]] = {}  # document → text → its IDs (NVivo)
    placed_in = Counter[int]()  # document → its statements placed by text (NVivo)
    coded: dict[str, set[tuple[str, tuple[Any, ...]]]] = {}  # ID → (code, coder) (NVivo)
    scales = {i for _, i in attributes if sign_scale(fields[i] for _, fields in records)}

    def lacks(i: int, value: Any) -> bool:  # "N/A"; "-" on a scale "--" … "++" is an answer
        return is_missing_value(value) and not (i in scales and is_minus(value))

    for row, fields in records:
        if all(f is None or str(f).strip() == "" for f in fields):
            continue
        if any(f not in (None, "") for f in fields[len(header) :]):
            raise InputError(
                f"Datensatz hat mehr Felder ({len(fields)}) als die Kopfzeile ({len(header)}).",
                file=raw.name,
                row=row,
            )

        if moderation.rejects(fields):
            rejected += 1
            if idx["id"] is None or fields[idx["id"]] not in (None, ""):  # a later download's
                rejected_ids.append(str(row if idx["id"] is None else fields[idx["id"]]).strip())
            if not mapping.include_rejected:
                continue

        def at(i: int | None, fields: list[Any] = fields) -> str | None:
            value = "" if i is None or fields[i] is None else str(fields[i]).strip()
            return value or None

        def cell(key: str) -> str | None:
            return at(idx[key])

        if survey:
            answers = [
                (number, column, answer(at(i))) for number, (column, i) in enumerate(texts, start=1)
            ]
            said = [a for a in answers if a[2] and adds_nothing(a[1], a[2])]  # "Nein, danke."
            answers = [a for a in answers if a not in said]
            if any(a[2] for a in answers):  # a row of only "-" is counted as no-answer row
                marked = [c for c, i in texts if (v := at(i)) and is_no_answer(plain_text(v))]
                nothing.update([*(column for _, column, _ in said), *marked])
            else:
                nothing.update(column for _, column, _ in said)
        else:
            (body_from, body), (title_from, title) = (
                first(fields, text_group),
                first(fields, title_group),
            )
            if not body and not title and category:
                body = first(fields, category)[1]
                title_only += bool(body)
            read["Text"].update([body_from] if body_from else [])
            read["Titel"].update([title_from] if title_from else [])
            answers = [(1, text_column, with_title(title, body) or "")]
        answers = [a for a in answers if a[2]]
        if not answers:
            skipped += 1
            text_cells = [i for _, i in (*texts, *text_group, *title_group, *category)]
            no_answer += any(is_no_answer(at(i) or "") for i in text_cells if at(i))
            continue
        # MAXQDA writes a code's path with backslashes ("Themen\\Jugend"), NVivo doubled
        codes = tuple(
            path
            for c in _CODE_SEPARATOR.split(cell("code") or "")
            if (path := code_path(c, SEPARATOR))
        )
        spot = [at(i) for i in place] if place else []
        if spot and all(spot):
            # MAXQDA gives paragraphs as beginning and end: two segments of one paragraph
            # share the place and differ in text.
            document = documents.setdefault(str(spot[0]), len(documents) + 1)
            if len(spot) == 1:  # document and text (NVivo): the same text is one statement,
                # but a text met again at a code by the same coder is another passage ("Ja,
                # genau." twice); two coders' rows of one passage stay one statement
                who = tuple(fields[header.index(c)] for c in coders)
                pairs = {(code, who) for code in codes}
                passages = texts_in.setdefault(document, {}).setdefault(answers[0][2], [])
                source_id = next((p for p in passages if not pairs & coded[p]), "")
                if not source_id:
                    placed_in[document] += 1
                    source_id = f"D{document}:{placed_in[document]}"
                    passages.append(source_id)
                coded.setdefault(source_id, set()).update(pairs)
            else:
                base = source_id = "D{}:{}-{}".format(document, *spot[1:])
                number = 1
                while (
                    source_id in position and segments[position[source_id]][1].text != answers[0][2]
                ):
                    number += 1
                    source_id = f"{base}/{number}"
        else:
            source_id = row_id(cell("id"), raw.name, row, mapping.id_column)  # not 1,2E+11
        values = {  # an attribute in HTML (a platform's answer to a proposal) as text
            column: attribute_value(plain_text(f.strip()) if isinstance(f, str) else f)
            for column, i in attributes
            if (f := fields[i]) is not None and str(f).strip() != "" and not lacks(i, f)
        }
        missing.update(c for c, i in attributes if lacks(i, fields[i]))  # "N/A"
        if t.crosses is not None:  # one column per code: a cross where it applies
            crossed, weights = read_crosses(t.crosses, header, fields, raw.name, row)
            codes = tuple(dict.fromkeys((*codes, *crossed)))
            if weights:
                values[WEIGHT if WEIGHT not in header else f"{WEIGHT} (Codes)"] = "; ".join(weights)
        if source_id in seen_ids:
            first_row = seen_ids[source_id]
            earlier = position.get(source_id)
            keyed = idx["code"] is not None
            long_format = keyed and not survey and earlier is not None
            if long_format and segments[earlier][1].text == answers[0][2]:
                # One row per statement and code (MAXQDA's coded segments, a long table).
                number, segment = segments[earlier]
                merged = tuple(dict.fromkeys((*segment.codes, *codes)))
                segments[earlier] = (number, replace(segment, codes=merged))
                repeats.setdefault(earlier, [(segment.codes, segment.attributes)])
                repeats[earlier].append((codes, values))
                merged_rows += 1
                continue
            raise InputError(
                f"ID '{source_id}' kommt doppelt vor (zuerst in Zeile {first_row})"
                + (", mit anderem Text." if long_format else "."),
                file=raw.name,
                row=row,
            )
        seen_ids[source_id] = row
        district = districts.read(fields, points.read, raw.name, row)
        for number, column, text in answers:
            segment = ParsedSegment(
                text=text,
                source_id=f"{source_id}.{number}" if survey else source_id,
                question=statement_question(
                    cell("question"), labels.get(column, column), asking, labels
                ),
                speaker_role=cell("role"),
                row=row,
                workshop=cell("workshop"),
                district=district,
                attributes=dict(values),
                codes=codes,
            )
            if not survey:
                position[source_id] = len(segments)
            segments.append((number, segment))
    differing = merge_repeated_rows(segments, repeats)  # a comment per code is kept
    if not segments and rejected:
        raise InputError(
            f"Alle Zeilen mit Text hat die Moderation abgelehnt (Spalte '{moderation.column}'); "
            "--include-rejected übernimmt sie.",
            file=raw.name,
        )
    if not segments:  # rows hidden in Excel are left out (table_reading)
        but = " außer ausgeblendeten (zum Importieren einblenden)" * bool(
            t.read_options.get("hidden_rows")
        )
        raise InputError(f"Die Tabelle enthält keine Zeile mit Text{but}.", file=raw.name)
    return Statements(
        segments=segments,
        read=read,
        skipped=skipped,
        merged_rows=merged_rows,
        title_only=title_only,
        no_answer=no_answer,
        rejected=rejected,
        rejected_ids=rejected_ids,
        nothing=nothing,
        missing=missing,
        differing=differing,
    )
