"""What a table import stores as its document's options: the columns it chose and found,
and what it counted while reading the rows (the import's notices are written from them).
"""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any

from workbench.ingest.contact_questions import mixed_contact_columns
from workbench.ingest.table_columns import GROUP_COLUMNS
from workbench.ingest.table_comments import joined_comments
from workbench.ingest.table_layout import TableLayout
from workbench.ingest.table_statements import Statements


def _detected(t: TableLayout) -> dict[str, str]:
    """The columns the import found without being told, by their role."""
    mapping = t.mapping
    detected = {
        role: column
        for role, column, given in (
            ("Text", t.text_column, mapping.text_column),
            ("Titel", t.title_column, mapping.title_column),
        )
        if column
        and not given
        and not (t.no_header or t.above or t.survey_found)
        and t.blocks is None
    }
    if t.detected_id:
        detected["ID"] = str(mapping.id_column)
    if t.codes_found:
        detected["Codes"] = t.codes_found
    detected.update(t.taguette)
    detected.update({GROUP_COLUMNS[field][0]: column for field, column in t.grouped.items()})
    if t.guess is not None and t.guess.column:
        detected["Sozialraum"] = t.guess.column
    return detected


def stored_options(t: TableLayout, s: Statements) -> dict[str, Any]:
    """The options of a table's document: its mapping as chosen, and what the import found."""
    mapping, header, guess = t.mapping, t.header, t.guess
    resolved = {"text_column": t.text_column, "title_column": t.title_column}
    if mapping.more_text_columns:
        resolved["more_text_columns"] = list(mapping.more_text_columns)
    detected = _detected(t)
    if t.sheet is not None:
        resolved["sheet"] = t.sheet
    unstored = replace(mapping, districts=None, find_district=False, boundaries=None)
    chosen = {**asdict(unstored), **resolved}
    options = {k: v for k, v in chosen.items() if v not in (None, False, ())}
    options.update({**t.districts.options(header), **t.points.options()})
    if guess is not None and not guess.column:
        found = {"district_unknown": guess.unknown, "district_ambiguous": list(guess.ambiguous)}
        options.update(
            {
                k: v
                for k, v in {
                    **found,
                    "district_codes": list(guess.coded),
                    "district_joined": list(guess.joined),
                }.items()
                if v
            }
        )
    options["skipped_rows"] = s.skipped
    options.update(t.gaps)
    if s.rejected:
        options["moderation_rejected"] = [t.moderation.column, s.rejected]
        options["moderation_rejected_ids"] = s.rejected_ids  # export_growth: rejected since
    options.update(t.read_options)
    options.update(t.own)
    if detected:
        options["detected_columns"] = detected
    if t.header_row > 1:
        options["header_row"] = t.header_row
    if t.crosses is not None and t.crosses.dedoose:  # not attributes: ranges, creators
        options["dedoose_left_out"] = list(t.crosses.left_out)
    options.update(_counted(t, s))
    options.update(_found_columns(t, s))
    return options


def _counted(t: TableLayout, s: Statements) -> dict[str, Any]:
    """What reading the table counted (rows merged, padded, without answer …), if anything."""
    nothing, missing = s.nothing, s.missing
    counted = {
        "merged_rows": s.merged_rows,
        "no_answer_rows": s.no_answer,
        "renamed_columns": t.renamed,
    }
    counted.update(
        unnamed_columns=t.unnamed, merged_columns=[h for h in t.header if h in s.differing]
    )
    counted["missing_codes"] = t.missing_codes
    counted["nothing_to_add"] = [nothing.total(), list(nothing)] if nothing else None
    counted["missing_attribute_cells"] = [missing.total(), list(missing)] if missing else None
    counted.update(totals_rows=t.totals, padded_rows=t.short, coders_in_codes=t.by_coder)
    return {key: value for key, value in counted.items() if value}


def _found_columns(t: TableLayout, s: Statements) -> dict[str, Any]:
    """The columns the import read in a way of their own (header rows, languages, places …)."""
    header, options = t.header, dict[str, Any]()
    if t.survey_header.tool:
        options["header_rows"] = [t.survey_header.tool, t.survey_header.rows]
    if t.private:
        options["personal_labels"] = t.private
    if t.asked:
        options["contact_answers"] = t.asked
    if mixed := mixed_contact_columns(t.text_columns if t.survey_found else (), t.labels):
        options["mixed_contact_columns"] = mixed  # "Anmerkungen? Dann bitte E-Mail angeben"
    if t.blocks is not None:
        options["question_blocks"] = t.blocks.results
    if renamed_name := [o for o, h in zip(t.old_header, header, strict=True) if o != h]:
        options["quotation_name"] = renamed_name[0]
    if t.place:
        options["segment_place"] = [header[i] for i in t.place]
    if t.coders and t.mapping.attribute_columns is None:
        options["coder_columns"] = t.coders
    languages = {
        role: {c: s.read[role][c] for c, _ in group}
        for role, group in (("Text", t.text_group), ("Titel", t.title_group))
        if len(group) > 1
    }
    if languages:
        options["language_columns"] = languages
    if s.title_only:
        options["title_as_text"] = [t.category[0][0], s.title_only]
    if t.no_header or t.above:
        options["no_header" if t.no_header else "question_above"] = header[0] if t.above else True
    if t.survey_found:
        options["survey_questions"] = t.survey_found
        options["survey_text_column"] = t.beside
    if comments := joined_comments(header, t.records, [c for c, _ in t.attributes]):
        options["joined_comments"] = comments  # adhocracy+: a proposal's comments in its row
    return options
