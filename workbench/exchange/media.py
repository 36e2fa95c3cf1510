"""The text inside a REFI-QDA project's PDF, audio and video sources (pure).

A PDF source may carry its text as the vendor extracted it (``<Representation>``, a text
source with ``PlainTextSelection`` children); an area marked on a page
(``<PDFSelection>``) may carry the text it covers. Audio and video sources carry
transcripts (``<Transcript>``) whose ``<TranscriptSelection>`` elements mark text between
two ``<SyncPoint>`` positions. All of that is text the workbench can keep, with its
codings: :func:`pdf_text` and :func:`transcript_texts` turn it into :class:`RawText`
records that :mod:`workbench.exchange.reader` reads like text sources. What has no place in
a text (a marked area without text, a time span of the recording) is returned unread, so
the import can say what it skipped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from workbench.exchange.qdxml import (
    child,
    child_text,
    children,
    local,
    norm_guid,
    split_uncoded,
    text_digest,
)

# The text of a TextSource-like element, or None when the project does not contain it.
TextReader = Callable[[ET.Element], "str | None"]
_SPACE = re.compile(r"\s+")


@dataclass
class RawText:
    """A text to import: a TextSource, a PDF's text version or a transcript.

    ``owner`` is the GUID the project's cases, sets and variables refer to (the PDF or
    the recording); ``meta`` the element whose codings, notes and variables apply to the
    whole text. ``plain`` are ``PlainTextSelection`` elements (their positions read by the
    reader), ``spans`` transcript selections with positions as the file counts them,
    ``located`` PDF areas found in the text by their own text (code points already).
    """

    guid: str
    owner: str
    name: str
    text: str
    meta: ET.Element
    kind: str = ""  # what it was made from: "" (a text source), "Textfassung", "Transkript"
    title: str = ""
    notes: tuple[str, ...] = ()  # further notes on the whole text (a transcript's)
    plain: list[ET.Element] = field(default_factory=list)
    spans: list[tuple[ET.Element, int, int]] = field(default_factory=list)
    located: list[tuple[ET.Element, int, int]] = field(default_factory=list)
    # PDF areas whose own text stands in the text version more than once (not placed)
    ambiguous: list[ET.Element] = field(default_factory=list)
    label: str = ""  # in messages (qdxml.source_label), set by the reader


def text_source(element: ET.Element, text: str) -> RawText:
    """A ``<TextSource>`` with its text; the statements without a code that our export for
    QualCoder lists in its description (QualCoder drops their selections) are selections."""
    guid = norm_guid(element.get("guid"))
    title, uncoded = split_uncoded(child_text(element, "Description").strip())
    plain = children(element, "PlainTextSelection")
    present = {norm_guid(s.get("guid")) for s in plain}
    namespace = element.tag[: -len(local(element.tag))]
    for selection_guid, start, end, block, digest in uncoded:
        if norm_guid(selection_guid) in present:  # the file still has it (our own export)
            continue
        if text_digest(text[start:end]) != digest:  # the text was edited there: its lines
            continue  # are read as statements without a marker, as from an older export
        attributes = {"guid": selection_guid, "startPosition": str(start), "endPosition": str(end)}
        selection = ET.Element(f"{namespace}PlainTextSelection", attributes)
        ET.SubElement(selection, f"{namespace}Description").text = block
        plain.append(selection)
    return RawText(
        guid=guid,
        owner=guid,
        name=_name(element),
        text=text,
        meta=element,
        title=title,
        plain=plain,
    )


def pdf_text(element: ET.Element, read: TextReader) -> tuple[RawText | None, list[ET.Element]]:
    """A ``<PDFSource>``'s text version with its selections, and the selections left over.

    Without a text version in the project, nothing is read and every selection is left.
    """
    selections = children(element, "PDFSelection")
    representation = child(element, "Representation")
    text = None if representation is None else read(representation)
    if representation is None or text is None or not text.strip():
        return None, selections
    guid = norm_guid(element.get("guid"))
    raw = RawText(
        guid=guid,
        owner=guid,
        name=_name(element),
        text=text,
        meta=element,
        kind="Textfassung",
        title=child_text(element, "Description").strip(),
        notes=_note_refs(representation),
        plain=children(representation, "PlainTextSelection"),
    )
    finder = _Finder(text)
    left = []
    for selection in selections:
        inner = child(selection, "Representation")
        own = None if inner is None else read(inner)
        spans = finder.spans(own) if own else set()
        if len(spans) == 1:
            raw.located.append((selection, *spans.pop()))
            continue
        left.append(selection)
        if len(spans) > 1:  # named on its own: the researcher can code it by hand
            raw.ambiguous.append(selection)
    return raw, left


def has_page_zero(element: ET.Element) -> bool:
    """Whether a ``<PDFSource>`` has an area on ``page="0"``: then its file counts pages
    from 0 (as ATLAS.ti does). The REFI-QDA schema (Project-mrt2019.xsd, PDFSelectionType)
    makes ``page`` a bare ``xsd:integer`` and does not say where counting starts."""
    return any(_int(s.get("page")) == 0 for s in children(element, "PDFSelection"))


def ambiguous_areas(
    selections: Iterable[ET.Element],
) -> tuple[tuple[int | None, tuple[str, ...]], ...]:
    """Each PDF area's page (as the file counts it) and the GUIDs of the codes on it."""
    return tuple(
        (
            _int(selection.get("page")),
            tuple(
                norm_guid(ref.get("targetGUID"))
                for coding in children(selection, "Coding")
                for ref in children(coding, "CodeRef")
            ),
        )
        for selection in selections
    )


def transcript_texts(
    element: ET.Element, read: TextReader, known: Callable[[ET.Element, str], bool]
) -> tuple[list[RawText], list[ET.Element]]:
    """The transcripts of an ``<AudioSource>``/``<VideoSource>``, and what is left over.

    ``known(transcript, text)`` says whether a transcript is already a text source of the
    project (ATLAS.ti exports each transcript twice); such a one is not read again. Time
    spans of the recording (``AudioSelection``, ``VideoSelection``) are always left over.
    """
    guid = norm_guid(element.get("guid"))
    transcripts = children(element, "Transcript")
    texts: list[RawText] = []
    left: list[ET.Element] = [
        e for e in element if local(e.tag) in ("AudioSelection", "VideoSelection")
    ]
    for transcript in transcripts:
        selections = children(transcript, "TranscriptSelection")
        text = read(transcript)
        if text is None or not text.strip() or known(transcript, text):
            left.extend(selections)
            continue
        own = norm_guid(transcript.get("guid"))
        points = {
            norm_guid(p.get("guid")): _int(p.get("position"))
            for p in children(transcript, "SyncPoint")
        }
        raw = RawText(
            guid=guid if len(transcripts) == 1 else own,
            owner=guid,
            name=_name(element) if len(transcripts) == 1 else _name(transcript),
            text=text,
            meta=element,
            kind="Transkript",
            title=(
                child_text(transcript, "Description") or child_text(element, "Description")
            ).strip(),
            notes=_note_refs(transcript),
        )
        for selection in selections:
            start = points.get(norm_guid(selection.get("fromSyncPoint")))
            end = points.get(norm_guid(selection.get("toSyncPoint")))
            if start is None or end is None:
                left.append(selection)
            else:
                raw.spans.append((selection, start, end))
        texts.append(raw)
    return texts, left


def _name(element: ET.Element) -> str:
    return (element.get("name") or element.get("guid") or "").strip()


def _int(value: str | None) -> int | None:
    try:
        return int(value or "")
    except ValueError:
        return None


def _note_refs(element: ET.Element) -> tuple[str, ...]:
    return tuple(norm_guid(n.get("targetGUID")) for n in children(element, "NoteRef"))


class _Finder:
    """Finds a PDF area's text in the PDF's text version, ignoring white space.

    Vendors extract the two separately: the area's text often lacks the line breaks
    (``"favoritos.Dificultad"`` for ``"favoritos.\\nDificultad"``), or joins a word
    hyphenated at a line's end again (``"Jugendzentrum"`` for ``"Jugend-\\nzentrum"``). An
    area whose text stands in the text version more than once is not placed: which one it
    marks only its coordinates say, and vendors write areas in the order they were made,
    not the text's; a coding on the wrong statement is worse than one named as skipped.
    """

    def __init__(self, text: str):
        self.positions = [i for i, c in enumerate(text) if not c.isspace()]
        self.dense = "".join(text[i] for i in self.positions)
        hyphens = {m.start() for m in _HYPHEN_BREAK.finditer(text)}
        self.joined_positions = [i for i in self.positions if i not in hyphens]
        self.joined = "".join(text[i] for i in self.joined_positions)

    def spans(self, needle: str) -> set[tuple[int, int]]:
        """Every code point span of ``needle`` in the text (none: empty; twice: two)."""
        dense = _SPACE.sub("", needle)
        if not dense:
            return set()
        return {
            (positions[at], positions[at + len(dense) - 1] + 1)
            for hay, positions in (
                (self.dense, self.positions),
                (self.joined, self.joined_positions),
            )
            for at in _occurrences(hay, dense)
        }


# the hyphen of a word broken at a line's end ("Jugend-\n zentrum")
_HYPHEN_BREAK = re.compile(r"(?<=\w)-[ \t]*\r?\n\s*(?=\w)")


def _occurrences(hay: str, needle: str) -> list[int]:
    """Where ``needle`` starts in ``hay`` (overlapping ones too)."""
    out, at = [], hay.find(needle)
    while at >= 0:
        out.append(at)
        at = hay.find(needle, at + 1)
    return out


def selection_guids(elements: Iterable[ET.Element]) -> tuple[str, ...]:
    """GUIDs of selections (a PDF area and its text version share one)."""
    return tuple(dict.fromkeys(norm_guid(e.get("guid")) for e in elements if e.get("guid")))
