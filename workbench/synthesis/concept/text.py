"""The researchers' prose of a Sozialraumkonzept: a small Markdown file, read into sections.

The format (documented for researchers in ``docs/sozialraumkonzept.md``; the demo's file is
``corpus/sozialraumkonzept.md``)::

    # Sozialraumkonzept Leverkusen            ← title (optional)
    Text before the first "##" is the introduction (or: "## Einleitung").
    ## Säule 1: Beteiligung als ständiges Instrument
    Prose …
    Empfehlung: Beteiligung als ständiges Instrument   ← a recommendation by title …
    Empfehlung: 2                                       ← … or by number
    Aussage: gesamtstadt_protokoll.md:42                ← a quoted statement (file:id or number)
    ## Säule 2: Quartiersmanagement je Sozialraum
    ## Sozialraum: Manfort                   ← prose for one district
    ## Ausblick                              ← any other "##" heading: a section of its own

Paragraphs are separated by blank lines; ``- `` or ``* `` starts a list item; ``###``
starts a sub-heading; ``<!-- … -->`` is a comment. Inline Markdown (bold, links) is kept as
written text. Reading is pure: what cannot be understood (a second title, a reference
without a target, a recommendation outside a pillar or district section) becomes a
problem with its line, which the concept lists as a warning; nothing is dropped silently.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from workbench.core.textio import Source, decode, read_source
from workbench.ingest.file_kinds import refuse_other_kind

PARTICIPATION = 1
NEIGHBOURHOOD_MANAGEMENT = 2
PILLAR_TITLES = {
    PARTICIPATION: "Säule 1: Beteiligung als ständiges Instrument",
    NEIGHBOURHOOD_MANAGEMENT: "Säule 2: Quartiersmanagement je Sozialraum",
}
INTRODUCTION = "Einleitung"
DEFAULT_TITLE = "Sozialraumkonzept"

_PILLAR = re.compile(r"^säule\s*([12])\b", re.IGNORECASE)
_DISTRICT = re.compile(r"^sozialraum\s*:\s*(.+)$", re.IGNORECASE)
_RECOMMENDATION = re.compile(r"^empfehlung\s*:\s*(.*)$", re.IGNORECASE)
_STATEMENT = re.compile(r"^aussage\s*:\s*(.*)$", re.IGNORECASE)
_BULLET = re.compile(r"^[-*]\s+(.*)$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass(frozen=True)
class ProseItem:
    """One piece of prose: paragraph | bullets | subheading | quote (``text``: the reference)."""

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Reference:
    """A recommendation named in the text (by number or title) and the line naming it."""

    ref: str
    line: int


@dataclass(frozen=True)
class Section:
    """A ``##`` section of the text: its heading, prose and named recommendations."""

    heading: str
    line: int
    items: tuple[ProseItem, ...] = ()
    recommendations: tuple[Reference, ...] = ()

    @property
    def quotes(self) -> tuple[ProseItem, ...]:
        """The statements the section quotes."""
        return tuple(i for i in self.items if i.kind == "quote")


@dataclass(frozen=True)
class ConceptText:
    """The prose of a concept, by part; ``problems`` are (line, message) found while reading."""

    source: str
    title: str = DEFAULT_TITLE
    introduction: Section | None = None
    pillars: dict[int, Section] = field(default_factory=dict)
    districts: dict[str, Section] = field(default_factory=dict)  # as written in the heading
    sections: tuple[Section, ...] = ()  # any other "##" section, in the file's order
    problems: tuple[tuple[int, str], ...] = ()


def clean_name(text: str) -> str:
    """A name compared regardless of Unicode form, case, quotes and surrounding space.

    >>> clean_name("  „Quartiersmanagement  als Instanz“ ") == clean_name("quartiersmanagement als instanz")
    True
    """  # noqa: E501
    text = unicodedata.normalize("NFC", text).strip().strip("„“”\"'‚‘’«»").strip()
    return " ".join(text.split()).casefold()


class _Builder:
    """Collects the items of the section being read."""

    def __init__(self) -> None:
        self.heading: str | None = None  # None: before the first "##"
        self.line = 0
        self.items: list[ProseItem] = []
        self.refs: list[Reference] = []
        self.paragraph: list[str] = []
        self.paragraph_line = 0
        self.bullets: list[str] = []
        self.bullets_line = 0

    def flush(self) -> None:
        if self.paragraph:
            self.items.append(
                ProseItem("paragraph", " ".join(self.paragraph), line=self.paragraph_line)
            )
            self.paragraph = []
        if self.bullets:
            self.items.append(
                ProseItem("bullets", items=tuple(self.bullets), line=self.bullets_line)
            )
            self.bullets = []

    def section(self) -> Section:
        self.flush()
        return Section(self.heading or INTRODUCTION, self.line, tuple(self.items), tuple(self.refs))

    @property
    def empty(self) -> bool:
        return not (self.items or self.refs or self.paragraph or self.bullets)


def parse_concept_text(text: str, source: str = "Konzepttext") -> ConceptText:
    """Read the prose of a concept (pure; see the module's docstring for the format)."""
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    title: str | None = None
    problems: list[tuple[int, str]] = []
    finished: list[Section] = []
    current = _Builder()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            current.flush()
            continue
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            heading = line[level:].strip()
            current.flush()
            if level == 1:
                if title is None and current.heading is None and current.empty:
                    title = heading or DEFAULT_TITLE
                else:
                    problems.append((number, f"zweiter Titel „{heading}“ – als Absatz übernommen"))
                    current.paragraph, current.paragraph_line = [heading], number
                    current.flush()
                continue
            if level == 2:
                if current.heading is not None or not current.empty:
                    finished.append(current.section())
                current = _Builder()
                current.heading, current.line = heading, number
                continue
            current.items.append(ProseItem("subheading", heading, line=number))
            continue
        if match := _RECOMMENDATION.match(line):
            current.flush()
            current.refs.append(Reference(match.group(1).strip(), number))
            continue
        if match := _STATEMENT.match(line):
            current.flush()
            current.items.append(ProseItem("quote", match.group(1).strip(), line=number))
            continue
        if match := _BULLET.match(line):
            if current.paragraph:
                current.flush()
            if not current.bullets:
                current.bullets_line = number
            current.bullets.append(match.group(1).strip())
            continue
        if current.bullets and raw[:1].isspace():  # an indented line continues the item
            current.bullets[-1] += " " + line
            continue
        if current.bullets:
            current.flush()
        if not current.paragraph:
            current.paragraph_line = number
        current.paragraph.append(line)
    if current.heading is not None or not current.empty:
        finished.append(current.section())
    return _assemble(source, title or DEFAULT_TITLE, finished, problems)


def _assemble(
    source: str, title: str, sections: list[Section], problems: list[tuple[int, str]]
) -> ConceptText:
    introduction: Section | None = None
    pillars: dict[int, Section] = {}
    districts: dict[str, Section] = {}
    others: list[Section] = []
    for section in sections:
        heading = section.heading
        pillar = _PILLAR.match(heading)
        district = _DISTRICT.match(heading)
        if clean_name(heading) == clean_name(INTRODUCTION):
            if introduction is not None:
                problems.append((section.line, "die Einleitung steht zweimal im Text"))
                others.append(section)
                continue
            introduction = section
        elif pillar:
            number = int(pillar.group(1))
            if number in pillars:
                problems.append((section.line, f"Säule {number} steht zweimal im Text"))
                others.append(section)
                continue
            pillars[number] = section
        elif district:
            name = district.group(1).strip()
            if any(clean_name(name) == clean_name(n) for n in districts):
                problems.append((section.line, f"Sozialraum {name} steht zweimal im Text"))
                others.append(section)
                continue
            districts[name] = section
        else:
            others.append(section)
        if not pillar and not district:
            for ref in section.recommendations:
                problems.append(
                    (
                        ref.line,
                        f"Empfehlung „{ref.ref}“ steht in „{heading}“; Empfehlungen gehören "
                        "in eine Säule oder einen Sozialraum-Abschnitt",
                    )
                )
    return ConceptText(
        source=source,
        title=title,
        introduction=introduction,
        pillars=pillars,
        districts=districts,
        sections=tuple(others),
        problems=tuple(problems),
    )


def read_concept_text(source: Source, name: str | None = None) -> ConceptText:
    """Read a concept text file (UTF-8, or Windows-1252); a missing file stops with its name."""
    raw = read_source(source, name)
    refuse_other_kind(raw, (".md", ".markdown", ".txt"), (), _READS)
    return parse_concept_text(decode(raw), raw.name)


_READS = (
    "Den Konzepttext liest die Werkbank als Markdown oder Text (.md, .txt; in Word oder "
    "LibreOffice „Speichern unter → Nur Text“, Aufbau siehe docs/sozialraumkonzept.md). "
    "Nichts geschrieben."
)
