"""Importing REFI-QDA projects: plain records → :class:`ParsedProject` → the one Writer.

:func:`parse_exchange` decides, without touching the store, what the file means for
the workbench: which text is a segment (``Werkbank-Aussage`` selections, else one per
non-blank line), which Sozialraum and workshop each belongs to (cases, sets, document
variables), who coded what where, where each note belongs, which case variables are
indicator values, which named cases are people (speakers, never districts: see
:mod:`workbench.exchange.people`). Names of things – source names (the document's
filename and workshop), descriptions, set names, code descriptions – are pseudonymised
here with the project's pseudonymiser, like statements. :mod:`workbench.exchange.import_files`
hands it to :meth:`Writer.write_project <workbench.ingest.writer.Writer.write_project>`, which
stores it like every other import:
districts, workshops, deduplication, provenance and pseudonymisation with its key.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from workbench.coding.records import check_coder
from workbench.core.domain import (
    InputError,
    ParsedCoding,
    ParsedDocument,
    ParsedIndicator,
    ParsedSegment,
    ParsedWorkshop,
)
from workbench.core.formatting import plural
from workbench.exchange.note_places import parsed_memos
from workbench.exchange.notices import (
    same_name_users,
    skipped_notices,
    undefined_users,
)
from workbench.exchange.people import (
    NameGuard,
    PersonSpans,
    asked_without,
    person_variables,
    split_cases,
    typed_value,
    variable_district,
)
from workbench.exchange.qdxml import (
    IMPORTER,
    LISTED_FIELD,
    SEGMENT_MARKER,
    WORKSHOP_MARKER,
    block_date,
    indicator_meta,
    parse_block,
    parse_time,
    source_label,
    variable_number,
    word_list,
)
from workbench.exchange.records_in import Exchange, SourceIn
from workbench.exchange.statements import from_qualcoder, line_segments, unmarked_lines
from workbench.ingest.common import text_sha
from workbench.ingest.district_names import district_in_name
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.records import ParsedProject
from workbench.store import CITYWIDE

DOCUMENT_VARIABLES = {"sozialraum": "district", "workshop": "workshop"}
SETS_ATTRIBUTE = "Sets"
TEXT_SUFFIXES = (".txt", ".docx", ".doc", ".rtf", ".md", ".odt", ".pdf")


@dataclass(frozen=True)
class ImportOptions:
    """What the user fixed for the whole import."""

    coder: str | None = None
    district: str | None = None
    workshop: str | None = None
    names: tuple[str, ...] = ()
    add_districts: bool = False


def parse_exchange(
    exchange: Exchange,
    options: ImportOptions = ImportOptions(),
    pseudonymiser: Pseudonymiser | None = None,
    districts: Sequence[str] = (),
) -> ParsedProject:
    """What a read REFI-QDA project means for the workbench (pure: no store).

    ``districts`` are the project's: a case naming none of them may be a person
    (:mod:`workbench.exchange.people`). ``pseudonymiser`` (the project's, with its key)
    pseudonymises names of sources, sets and descriptions of codes.
    """
    if pseudonymiser is None:
        pseudonymiser = Pseudonymiser()
        pseudonymiser.protect(districts)
    return _Parse(exchange, options, pseudonymiser, tuple(districts)).run()


def _flat(lists: Iterable[Sequence[str]]) -> list[str]:
    """The names of several lists, each once, in order."""
    return list(dict.fromkeys(n for names in lists for n in names))


def _stem(name: str) -> str:
    """A source name without a document suffix.

    >>> _stem("Protokoll.docx"), _stem("Protokoll 3.5")
    ('Protokoll', 'Protokoll 3.5')
    """
    return name[: -len(Path(name).suffix)] if name.lower().endswith(TEXT_SUFFIXES) else name


class _Parse:
    """Turns one :class:`Exchange` into a :class:`ParsedProject`."""

    def __init__(
        self,
        exchange: Exchange,
        options: ImportOptions,
        pseudonymiser: Pseudonymiser,
        districts: tuple[str, ...],
    ):
        self.x = exchange
        self.options = options
        self.pseudonymiser = pseudonymiser
        self.places, self.people = split_cases(
            exchange.cases, exchange.variables, districts, pseudonymiser
        )
        # Names for every text of the file: given, of person cases, of person variables.
        self.names = [*options.names, *(p.name for p in self.people if p.listed)]
        self.guard: NameGuard  # for names of things, once the names are known (run)
        self.notices: list[str] = []
        self.notices.extend(skipped_notices(exchange.skipped, exchange.code_paths))
        if exchange.reading.notice:
            self.notices.append(exchange.reading.notice)
        self.notices.extend(exchange.notices)
        self.undefined: set[str] = set()  # creatingUser GUIDs not in <Users>, as --coder
        self.named: dict[str, set[str]] = {}  # coder → the <User> GUIDs read as them
        self.districts = tuple(d for d in districts if d != CITYWIDE)
        self.by_name: list[str] = []  # sources placed by their name ("Begehung Manfort")
        self.unmarked: dict[str, int] = {}  # source GUID → lines read as statements (QualCoder)

    def run(self) -> ParsedProject:
        case_of_source, case_of_selection = self._case_districts()
        document_vars = self._document_variables()
        listed = self._listed()
        found = [n for n in self.names if n not in self.options.names]
        self.guard = NameGuard(self.pseudonymiser, [*self.names, *_flat(listed.values())])
        self.guard.learn((s.text for s in self.x.sources), register=found)
        set_of_source, workshops, member_sets = self._sets()
        documents: list[ParsedDocument] = []
        lists: list[tuple[str, ...]] = []  # per document: its workshop's name list
        index: dict[str, int] = {}  # source GUID → document
        for source in self.x.sources:
            document = self._document(
                source,
                case_of_source,
                case_of_selection,
                document_vars,
                set_of_source,
                member_sets.get(source.owner, []),
            )
            if document is None:
                self.notices.append(f"{source.label} ist leer und wurde übersprungen.")
                continue
            index[source.guid] = len(documents)
            documents.append(document)
            lists.append(listed.get(source.owner, ()))
        memos = parsed_memos(self.x, index, self.guard, self._coder, self.notices)
        indicators = self._indicators()
        self.notices.extend(undefined_users(self.undefined, self.options.coder))
        self.notices.extend(same_name_users(self.named))
        if self.by_name:
            self.notices.append(f"Sozialraum aus dem Namen der Quelle: {', '.join(self.by_name)}.")
        cases = [] if self.options.district else [c.name for c in self.places]
        if self.people:
            self.notices.append(
                f"{plural(len(self.people), 'Fall', 'Fälle')} als Person übernommen, nicht als "
                "Sozialraum (Personenvariablen, Klassifikation oder Name): die Aussagen tragen "
                "das Pseudonym als Sprecher, Personennamen werden in allen Texten ersetzt."
            )
        return ParsedProject(
            filename=self.x.filename,
            documents=tuple(
                replace(d, names=tuple(dict.fromkeys([*self.names, *names])))
                for d, names in zip(documents, lists, strict=True)
            ),
            codes=tuple(self.guard.code(spec) for spec in self.x.specs),
            code_guids=tuple((path, guid) for guid, path in self.x.code_paths.items()),
            memos=tuple(memos),
            workshops=tuple(workshops),
            districts=tuple(cases),
            district_hint="Fälle bzw. Dokumentvariable 'Sozialraum'",
            indicators=tuple(indicators),
            notices=tuple(self.notices),
            location=self.x.location,
            labels=tuple((s.guid, s.label) for s in self.x.sources),
        )

    # -- where sources belong --------------------------------------------------------------
    def _case_districts(self) -> tuple[dict[str, str], dict[str, str]]:
        by_source: dict[str, str] = {}
        by_selection: dict[str, str] = {}
        labels = {s.owner: s.label for s in self.x.sources}
        for case in self.places:
            for guid in case.sources:
                other = by_source.get(guid)
                if other is not None and other != case.name:
                    raise InputError(
                        f"{labels.get(guid, f'Quelle {guid}')} gehört zu zwei Fällen ('{other}' "
                        f"und '{case.name}'); "
                        "ein Dokument kann nur in einem Sozialraum liegen.",
                        file=self.x.location,
                    )
                by_source[guid] = case.name
            for guid in case.selections:
                by_selection[guid] = case.name
        return by_source, by_selection

    def _document_variables(self) -> dict[str, dict[str, Any]]:
        """Per source GUID: document variables by name (source-level and unnamed cases),
        people in person-role variables as placeholders (their names to :attr:`names`)."""
        result: dict[str, dict[str, Any]] = {}

        def add(source: str, values: Iterable[tuple[str, str, str]]) -> None:
            for guid, kind, value in values:
                name = self.x.variables.get(guid, (guid, "", ""))[0]
                special = name.casefold() in DOCUMENT_VARIABLES  # a name: "Workshop 3"
                result.setdefault(source, {})[name] = (
                    value if special else typed_value(name, kind, value)
                )

        for case in self.x.cases:
            if case.name is None and len(case.sources) == 1:
                add(case.sources[0], case.variables)
        for source in self.x.sources:
            add(source.owner, source.variables)
        for owner, values in result.items():
            result[owner], found = person_variables(self.pseudonymiser, values, self.names)
            self.names += [n for n in found if n not in self.names]
        return result

    def _listed(self) -> dict[str, tuple[str, ...]]:
        """Per source: the name list its workshop set carries (an export with originals
        writes it, so that the names its texts name are known here as they were there)."""
        result: dict[str, tuple[str, ...]] = {}
        for number, s in enumerate(self.x.sets, 1):
            fields = parse_block(WORKSHOP_MARKER, s.description)
            if fields is None or not s.name:
                continue
            where = source_label("Set", number, s.guid)  # never its name: "Interview Helga B."
            names = word_list(fields.get(LISTED_FIELD), where, self.x.location)
            for source in s.sources:
                result[source] = (*result.get(source, ()), *names)
        return result

    def _sets(self) -> tuple[dict[str, str], list[ParsedWorkshop], dict[str, list[str]]]:
        """Workshop sets (ours), and the other sets each text source is a member of."""
        of_source: dict[str, str] = {}
        workshops: list[ParsedWorkshop] = []
        members: dict[str, list[str]] = {}
        texts = {s.owner for s in self.x.sources if s.text.strip()}
        code_sets, mixed, unused = [], [], []
        for number, s in enumerate(self.x.sets, 1):
            fields = parse_block(WORKSHOP_MARKER, s.description)
            if fields is not None and s.name:
                where = source_label("Set", number, s.guid)  # never its name
                workshops.append(
                    ParsedWorkshop(
                        self.guard(s.name),
                        fields.get("Sozialraum") or None,
                        block_date(fields.get("Datum"), where, self.x.location),
                        fields.get("Format") or None,
                    )
                )
                of_source.update(dict.fromkeys(s.sources, self.guard(s.name)))
                continue
            name = self.guard(s.name) or s.guid
            found = [guid for guid in s.sources if guid in texts]
            for guid in found:
                members.setdefault(guid, []).append(name)
            if s.codes:
                (mixed if found else code_sets).append(name)
            elif not found:
                unused.append(name)
        if code_sets:
            self.notices.append(
                "Code-Sets nicht übernommen (die Werkbank kennt keine Codegruppen): "
                f"{', '.join(code_sets)}."
            )
        if mixed:  # its sources are taken (attribute "Sets"), its codes are not
            self.notices.append(
                f"Sets mit Quellen und Codes: die Quellen tragen den Set-Namen im Attribut "
                f"'{SETS_ATTRIBUTE}', die Codes nicht (die Werkbank kennt keine Codegruppen): "
                f"{', '.join(mixed)}."
            )
        if unused:
            self.notices.append(
                f"Sets ohne importierte Textquelle nicht übernommen: {', '.join(unused)}."
            )
        return of_source, workshops, members

    # -- documents ---------------------------------------------------------------------------
    def _document(
        self,
        source: SourceIn,
        case_of_source: dict[str, str],
        case_of_selection: dict[str, str],
        document_vars: dict[str, dict[str, Any]],
        set_of_source: dict[str, str],
        sets: list[str],
    ) -> ParsedDocument | None:
        variables = document_vars.get(source.owner, {})
        special = {
            DOCUMENT_VARIABLES[k.casefold()]: v
            for k, v in variables.items()
            if k.casefold() in DOCUMENT_VARIABLES
        }
        if special.get("workshop"):  # a name of a thing; a Sozialraum is checked as it is
            special["workshop"] = self.guard(special["workshop"])
        attributes: dict[str, Any] = {
            k: v for k, v in variables.items() if k.casefold() not in DOCUMENT_VARIABLES
        }
        if sets:
            attributes[SETS_ATTRIBUTE] = sets
        fixed = self.options.district or case_of_source.get(source.owner) or special.get("district")
        fixed = fixed or variable_district(variables, self.districts)  # "Stadtteil: Manfort"
        people = PersonSpans(source, self.people)
        name = self.guard(source.name)
        named = None if fixed or people.district else district_in_name(name, self.districts)
        self.by_name += [f"{source.label} → {named}"] if named else []
        district = fixed or people.district or named or CITYWIDE
        workshop = (
            self.options.workshop
            or set_of_source.get(source.owner)
            or special.get("workshop")
            or _stem(name)
        )
        marked, segments = self._segments(source, attributes, case_of_selection)
        if not segments:
            return None
        segments = [people.apply(s, place=not fixed) for s in segments]
        # "Interviewpartnerin: Petra Schneider" makes her the speaker, not of the "I:" lines
        interviewee = {k for k, v in attributes.items() if isinstance(v, str) and v in self.names}
        segments = [asked_without(s, interviewee, people) for s in segments]
        segments = [
            replace(
                s,
                district=self.options.district or s.district or district,
                workshop=self.options.workshop or s.workshop or workshop,
            )
            for s in segments
        ]
        return ParsedDocument(
            filename=name,
            sha256=text_sha(source.text),
            importer=IMPORTER,
            segments=tuple(segments),
            title=self.guard(source.title) or None,
            workshop=workshop,
            district=district,
            options={
                "archive": self.x.filename,
                "guid": source.guid,
                "origin": self.x.origin,
                "segments": "selections" if marked else "lines",
                **(
                    {"unmarked_lines": [source.label, unmarked]}
                    if (unmarked := self.unmarked.get(source.guid))
                    else {}
                ),
            },
            text=source.text,
            codings=self._codings(source),
            merge=True,
        )

    def _segments(
        self, source: SourceIn, attributes: dict[str, Any], case_of_selection: dict[str, str]
    ) -> tuple[bool, list[ParsedSegment]]:
        """Our own segments (``Werkbank-Aussage``), else one per non-blank line (per
        paragraph in a PDF's text version, whose lines are the page's lines); a
        transcript line's role label ("I:", "B1:") becomes the statement's role."""
        marked = []
        for selection in source.selections:
            fields = parse_block(SEGMENT_MARKER, selection.description)
            if fields is not None:
                marked.append((selection, fields))
        segments: list[ParsedSegment] = []
        if not marked:
            return False, line_segments(source, attributes)
        seen: dict[str, tuple[str, int, int, str]] = {}
        for selection, fields in sorted(marked, key=lambda m: (m[0].start, m[0].end)):
            where = f'<PlainTextSelection guid="{selection.guid}"> in {source.label}'
            source_id = (fields.get("Quelle-ID") or "").strip()
            if not source_id:
                raise InputError(f"{where}: Quelle-ID fehlt.", file=self.x.location)
            marker = (selection.guid, selection.start, selection.end, selection.description)
            if source_id in seen and seen[source_id][1:] == marker[1:]:
                continue  # QualCoder: a selection per coding, each with the statement's marker
            if source_id in seen:
                raise InputError(
                    f"{where}: Quelle-ID '{source_id}' steht schon bei {seen[source_id][0]}.",
                    file=self.x.location,
                )
            seen[source_id] = marker
            if segments and selection.start < (segments[-1].end or 0):
                raise InputError(
                    f"{where}: Aussage überlappt die Aussage '{segments[-1].source_id}'.",
                    file=self.x.location,
                )
            try:
                position = int(fields.get("Position") or len(segments) + 1)
                extra = json.loads(fields["Attribute"]) if fields.get("Attribute") else {}
            except (ValueError, json.JSONDecodeError):
                raise InputError(
                    f"{where}: Position oder Attribute nicht lesbar.", file=self.x.location
                ) from None
            segments.append(
                ParsedSegment(
                    text=source.text[selection.start : selection.end],
                    source_id=source_id,
                    question=fields.get("Leitfrage") or None,
                    speaker_role=fields.get("Rolle") or None,
                    workshop=fields.get("Workshop") or None,
                    district=fields.get("Sozialraum") or case_of_selection.get(selection.guid),
                    attributes={**attributes, **extra},
                    start=selection.start,
                    end=selection.end,
                    position=position,
                )
            )
        if from_qualcoder(self.x.origin):  # it drops our uncoded statements' markers
            segments, self.unmarked[source.guid] = unmarked_lines(source, segments, attributes)
        return True, segments

    def _coder(self, *users: str | None, what: str) -> str:
        """The first user the file names; --coder where it names none or an undefined one."""
        named = [u for u in users if u]
        for user in named:
            if self.x.users.get(user):  # a <User> with its GUID only has no name either
                self.named.setdefault(check_coder(self.x.users[user]), set()).add(user)
                return check_coder(self.x.users[user])
        if self.options.coder:
            self.undefined.update(named)
            return check_coder(self.options.coder)
        if named:
            listed = "in <Users> ohne Namen" if named[0] in self.x.users else "nicht in <Users>"
            raise InputError(
                f"{what}: creatingUser {named[0]} steht {listed}, der Name fehlt; "
                "bitte angeben, wer kodiert hat (--coder NAME).",
                file=self.x.location,
            )
        if len(self.x.users) == 1 and (only := next(iter(self.x.users.values()))):
            return check_coder(only)
        raise InputError(
            f"{what} hat keinen creatingUser; bitte angeben, wer kodiert hat (--coder NAME).",
            file=self.x.location,
        )

    def _codings(self, source: SourceIn) -> tuple[ParsedCoding, ...]:
        items = [(sel, c) for sel in source.selections for c in sel.codings]
        items += [(None, c) for c in source.codings]
        result = []
        for selection, c in items:
            where = f'<Coding guid="{c.guid}"> in {source.label}'
            path = self.x.code_paths.get(c.code)
            if path is None:
                raise InputError(
                    f"{where}: CodeRef {c.code or '(leer)'} verweist auf keinen Code "
                    "im <CodeBook>.",
                    file=self.x.location,
                )
            start, end = (selection.start, selection.end) if selection else (0, len(source.text))
            result.append(
                ParsedCoding(
                    code=path,
                    start=start,
                    end=end,
                    coder=self._coder(c.user, selection.user if selection else None, what=where),
                    created_at=parse_time(c.created)
                    or parse_time(selection.created if selection else None),
                )
            )
        return tuple(result)

    # -- indicators --------------------------------------------------------------------------
    def _indicators(self) -> list[ParsedIndicator]:
        named = [c for c in self.places if c.variables]
        if not named:
            return []
        if self.options.district:
            self.notices.append(
                "Fallvariablen nicht übernommen: --district legt den Sozialraum fest."
            )
            return []
        result, skipped = [], []
        for case in named:
            for guid, kind, raw in case.variables:
                name, _, description = self.x.variables.get(guid, (guid, "Text", ""))
                meta = indicator_meta(name, description, self.x.filename)
                value = variable_number(kind, raw)
                if meta is None or value is None:
                    skipped.append(f"{case.name}: {name}")
                    continue
                indicator, year, unit, source, illustrative = meta
                result.append(
                    ParsedIndicator(
                        case.name or "", indicator, year, value, unit, source, illustrative
                    )
                )
        if skipped:
            self.notices.append(
                "Fallvariablen ohne Jahr oder ohne Zahlenwert nicht als Indikator übernommen: "
                + "; ".join(skipped)
            )
        return result
