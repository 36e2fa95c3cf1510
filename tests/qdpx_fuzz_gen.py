"""Seeded random REFI-QDA projects valid against ``Project-mrt2019.xsd``, with their truth.

:func:`generate` builds one ``.qdpx`` (as a dict of ZIP members) the way other programs
write them: Users, nested Codes (not codable ones, colours, descriptions, duplicate
names), Variables of every type, Cases (named after a district, or unnamed with one
source: document variables), text sources (``internal://`` file, inline
``PlainTextContent``, with a ``.docx`` beside), PDF sources with their text version,
picture/audio/video sources (transcripts with sync points), Notes with NoteRefs, Links,
Sets and Graphs; odd but valid values (GUID case, dates with and without zone, empty
optional elements, BOM, an element prefix, CRLF, zero-length selections, selections at
the text's end, positions in UTF-16 units or code points as the named program counts).

The truth is a list of ``(code path, coded text)`` for every coding on text, and the
code paths of the codebook. Writing and checking against the schema:
``tests/qdpx_fuzz_files.py``; media, cases and the project's tail:
``tests/qdpx_fuzz_media.py``.
"""

from __future__ import annotations

import io
import random
import re
import uuid
import zipfile
from dataclasses import dataclass, field

from lxml import etree

# DISTRICTS is re-exported for the tests and the benchmark.
try:  # as tests.qdpx_fuzz_gen in the tests, by path from the benchmark (also with --code)
    from tests.qdpx_fuzz_media import DISTRICTS as DISTRICTS
    from tests.qdpx_fuzz_media import MediaMixin
    from tests.qdpx_fuzz_pdf import PARAGRAPH_BREAK, PDF_WORD, text_layer
except ImportError:
    from qdpx_fuzz_media import DISTRICTS as DISTRICTS
    from qdpx_fuzz_media import MediaMixin
    from qdpx_fuzz_pdf import PARAGRAPH_BREAK, PDF_WORD, text_layer

NS = "urn:QDA-XML:project:1.0"
# Programs and how they count positions (None: not known, the file's data must tell).
ORIGINS = {
    "MAXQDA 2022 (Release 22.5.0)": "utf16",
    "NVivo 14": "utf16",
    "ATLAS.ti 23.1.0 (Windows)": "atlas",
    "QualCoder 3.5": "points",
    "f4analyse 3": None,
    "Quirkos 2.5": None,
}
WORDS = (
    "Bänke Schatten Spielplatz Treffpunkt Bus Bahn Radweg Grünfläche Bücherei Straße "
    "Jugendzentrum Café Lärm Müll Sicherheit Beleuchtung Bürgersteig Gärten Brunnen "
    "Nachbarschaft Wohnungen Mieten Apotheke Öffnungszeiten Übergang Ampel"
).split()
FILLER = "wir brauchen mehr am Markt fehlt eine und für die Älteren größere weniger".split()
EMOJI = ["🙂", "👍🏽", "🚲", "🌳", "🏠"]
CODE_NAMES = [
    "Bedarf",
    "Mobilität",
    "Grün & Freiraum",
    "Sicherheit",
    "Ältere",
    "Jugend",
    "Wohnen",
    "Versorgung",
    "Ärger über Lärm",
    "Kritik <laut>",
    "Idee",
]
VAR_TYPES = ["Text", "Boolean", "Integer", "Float", "Date", "DateTime"]


@dataclass
class Fuzzed:
    """One generated project: its ZIP members, truth and what it holds."""

    members: dict[str, bytes]
    codings: list[tuple[str, str]] = field(default_factory=list)  # (code path, coded text)
    codes: set[str] = field(default_factory=set)  # every code path of the codebook
    left_out: list[str] = field(default_factory=list)  # kinds the import must name
    # a PDF's marked page areas with text: (code path, how written, (covered text without
    # white space, paragraph index) per statement); and how many have no text of their own
    areas: list[tuple[str, str, tuple[tuple[str, int], ...]]] = field(default_factory=list)
    bare_areas: int = 0
    origin: str = ""
    unit: str = ""  # how its positions count: utf16, atlas (CRLF once), points, bytes


class _Gen(MediaMixin):
    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.upper = self.r.random() < 0.5
        self.prefix = self.r.random() < 0.2
        self.origin = self.r.choice(list(ORIGINS))
        unit = ORIGINS[self.origin]
        self.unit = unit or self.r.choice(["utf16", "points", "bytes"])
        self.crlf = self.r.random() < 0.3
        self.out = Fuzzed(members={}, origin=self.origin, unit=self.unit)
        self.notes: list[etree._Element] = []
        self.selections: list[str] = []
        self.seen: set[tuple[int, int, int, str]] = set()

    # -- small values ------------------------------------------------------------------
    def guid(self) -> str:
        g = str(uuid.UUID(int=self.r.getrandbits(128), version=4))
        g = g.upper() if self.upper else g
        return "{" + g + "}" if self.r.random() < 0.05 else g

    def ref(self, g: str) -> str:
        """A reference to ``g``, sometimes in the other case (valid: hex either case)."""
        return g.swapcase() if self.r.random() < 0.1 else g

    def date(self) -> str:
        base = f"2023-0{self.r.randint(1, 9)}-1{self.r.randint(0, 9)}T10:1{self.r.randint(0, 9)}:00"
        return base + self.r.choice(["", "Z", "+02:00", ".123Z", "-05:00"])

    def el(self, parent: etree._Element | None, tag: str, **attrs: str) -> etree._Element:
        name = f"{{{NS}}}{tag}"
        e = (
            etree.Element(name, nsmap=self.nsmap)
            if parent is None
            else etree.SubElement(parent, name)
        )
        for k, v in attrs.items():
            if v is not None:
                e.set(k, v)
        return e

    def maybe_description(self, parent: etree._Element, text: str) -> None:
        roll = self.r.random()
        if roll < 0.3:
            self.el(parent, "Description").text = text
        elif roll < 0.4:
            self.el(parent, "Description")  # empty optional element

    def stamp(self, e: etree._Element, user: str, key: str = "creatingUser") -> None:
        e.set(key, self.ref(user))
        if self.r.random() < 0.5:
            e.set("creationDateTime", self.date())

    # -- texts -------------------------------------------------------------------------
    def paragraph(self) -> str:
        words = []
        for _ in range(self.r.randint(4, 11)):
            roll = self.r.random()
            if roll < 0.45:
                words.append(self.r.choice(WORDS))
            elif roll < 0.9:
                words.append(self.r.choice(FILLER))
            else:
                words.append(self.r.choice(EMOJI))
        return " ".join(words) + self.r.choice([".", "!", "?", ""])

    def text(self, pdf: bool = False) -> str:
        paras = [self.paragraph() for _ in range(self.r.randint(1, 5))]
        if pdf:  # a PDF's paragraphs: closed sentences, wrapped, a blank line between
            paras = [p.rstrip(".!?") + "." for p in paras]
            nl = "\r\n" if self.crlf else "\n"
            return text_layer(self.r, paras, nl) + self.r.choice(["", nl])
        if self.r.random() < 0.2:
            paras.insert(self.r.randint(0, len(paras)), "")  # an empty line
        nl = "\r\n" if self.crlf else "\n"
        return nl.join(paras) + self.r.choice(["", nl])

    def position(self, text: str, index: int) -> int:
        """``index`` (code points) as the file's program counts it."""
        before = text[:index]
        if self.unit == "points":
            return index
        if self.unit == "bytes":
            return len(before.encode("utf-8"))
        if self.origin.startswith("ATLAS"):
            before = before.replace("\r\n", "\n")
        return len(before.encode("utf-16-le")) // 2

    def spans(self, text: str, pdf: bool = False) -> list[tuple[int, int]]:
        """Word-aligned spans inside one line (a PDF's: one paragraph, over its lines); one
        at the text's very end, maybe empty."""
        words = [(m.start(), m.end()) for m in (PDF_WORD if pdf else _WORD).finditer(text)]
        if not words:
            return []
        out = []
        for _ in range(self.r.randint(0, 4)):
            k = self.r.randrange(len(words))
            j = min(len(words) - 1, k + self.r.randint(0, 6 if pdf else 3))
            start, end = words[k][0], words[j][1]
            if PARAGRAPH_BREAK.search(text[start:end]) if pdf else "\n" in text[start:end]:
                end = words[k][1]
            out.append((start, end))
        if self.r.random() < 0.3:
            out.append(words[-1])  # the last word, maybe at the text's very end
        if self.r.random() < 0.15:
            out.append((words[0][0], words[0][0]))  # zero length
        if self.r.random() < 0.15:
            out.append((words[0][0], len(text)))  # over every line, to the very end
        return out

    def code_for_span(self) -> tuple[str, str]:
        return self.r.choice(self.codable)

    def selections_on(
        self, parent: etree._Element, text: str, tag: str = "PlainTextSelection"
    ) -> None:
        pdf = etree.QName(parent).localname == "Representation"
        for start, end in self.spans(text, pdf):
            sel = self.el(
                parent,
                tag,
                guid=self.guid(),
                startPosition=str(self.position(text, start)),
                endPosition=str(self.position(text, end)),
            )
            if self.r.random() < 0.2:
                sel.set("name", text[start:end][:20])
            self.stamp(sel, self.user())
            self.maybe_description(sel, "Kommentar zur Stelle")
            n = 0 if self.r.random() < 0.1 else self.r.randint(1, 2)
            chosen = self.r.sample(self.codable, min(n, len(self.codable)))
            for code_guid, path in chosen:
                coding = self.el(sel, "Coding", guid=self.guid())
                self.stamp(coding, self.user())
                self.el(coding, "CodeRef", targetGUID=self.ref(code_guid))
                self.truth(parent, text, start, end, path)
                if self.r.random() < 0.1:
                    self.el(coding, "NoteRef", targetGUID=self.note("Memo zur Kodierung"))
            if self.r.random() < 0.15:
                self.el(sel, "NoteRef", targetGUID=self.note("Notiz zur Textstelle"))
            self.selections.append(sel.get("guid"))

    def truth(self, owner: etree._Element, text: str, start: int, end: int, path: str) -> None:
        """Note a coding of ``text[start:end]``: one per statement (non-empty line) it
        touches, trimmed; one per place and code, however many selections or coders."""
        pdf = etree.QName(owner).localname == "Representation"  # statements are paragraphs
        breaker = r"(?:\r?\n){2,}" if pdf else r"\r?\n"
        at = 0
        for line in re.split(f"({breaker})", text):
            lo, hi = max(start, at), min(end, at + len(line))
            part = (
                text[lo:hi]
                if hi > lo and line.strip() and not line.startswith(("\r", "\n"))
                else ""
            )
            if part.strip():
                lead = len(part) - len(part.lstrip())
                key = (id(owner), lo + lead, lo + len(part.rstrip()), path)
                if key not in self.seen:
                    self.seen.add(key)
                    # ATLAS.ti's texts are read with one character per line break
                    atlas = self.origin.startswith("ATLAS")
                    quote = part.strip().replace("\r\n", "\n") if atlas else part.strip()
                    self.out.codings.append((path, quote))
            at += len(line)

    def user(self) -> str:
        return self.r.choice(self.users)

    def note(self, text: str) -> str:
        g = self.guid()
        note = etree.Element(f"{{{NS}}}Note", guid=g, name=self.r.choice(["Memo", "Notiz", "Memo"]))
        self.stamp(note, self.user())
        self.el(note, "PlainTextContent").text = text
        self.notes.append(note)
        return g

    # -- the project ---------------------------------------------------------------------
    def build(self) -> Fuzzed:
        self.nsmap = {"qda": NS} if self.prefix else {None: NS}
        root = self.el(
            None, "Project", name=self.r.choice(["Beirat", "Beirat", "Stadtteil-Studie"])
        )
        root.set("origin", self.origin)
        if self.r.random() < 0.5:
            root.set("creationDateTime", self.date())
        users = self.el(root, "Users")
        self.users = []
        for k in range(self.r.randint(1, 3)):
            g = self.guid()
            self.users.append(g)
            self.el(users, "User", guid=g, name=["Ana", "Kodierer B", "Team C"][k])
        root.set("creatingUserGUID", self.users[0])
        self.codable: list[tuple[str, str]] = []
        book = self.el(self.el(root, "CodeBook"), "Codes")
        self.code_guids: list[str] = []
        for _ in range(self.r.randint(1, 4)):
            self.code(book, "", 0)
        if not self.codable:
            self.code(book, "", 2, codable=True)
        variables = self.vars = self.variables(root)
        cases = self.el(root, "Cases")
        sources = self.el(root, "Sources")
        owners: list[str] = []
        for k in range(self.r.randint(1, 4)):
            owners.append(self.source(sources, k))
        for kind in self.r.sample(
            ["PictureSource", "AudioSource", "VideoSource", "PDFSource"], self.r.randint(0, 2)
        ):
            owners.append(self.media(sources, kind))
        self.cases(cases, owners, variables)
        if not len(cases):
            root.remove(cases)
        self.tail(root, owners)
        return self.finish(root)

    def code(
        self, parent: etree._Element, path: str, depth: int, codable: bool | None = None
    ) -> None:
        siblings = {c.get("name") for c in parent if c.tag == f"{{{NS}}}Code"}
        free = [n for n in CODE_NAMES if n not in siblings]
        # Same names under other parents; two siblings of one name (refused: one path) rarely.
        name = self.r.choice(CODE_NAMES if self.r.random() < 0.03 else free)
        g = self.guid()
        is_codable = codable if codable is not None else self.r.random() > 0.15
        code = self.el(
            parent,
            "Code",
            guid=g,
            name=name,
            isCodable="true" if is_codable else self.r.choice(["false", "0"]),
        )
        if self.r.random() < 0.6:
            code.set("color", self.r.choice(["#FF0000", "#00ff00", "#abc", "#1F77B4"]))
        self.maybe_description(code, f"Beschreibung: {name}")
        if self.r.random() < 0.1:
            self.el(code, "NoteRef", targetGUID=self.note("Memo zum Code"))
        full = f"{path}/{name}" if path else name
        self.out.codes.add(full)
        self.code_guids.append(g)
        if is_codable:
            self.codable.append((g, full))
        if depth < 2:
            for _ in range(self.r.choice([0, 0, 1, 2])):
                self.code(code, full, depth + 1)

    def variables(self, root: etree._Element) -> list[tuple[str, str]]:
        out = []
        if self.r.random() < 0.5:
            return out
        holder = self.el(root, "Variables")
        for kind in self.r.sample(VAR_TYPES, self.r.randint(1, len(VAR_TYPES))):
            g = self.guid()
            name = {"Float": "Quote 2021", "Integer": "Anzahl", "Text": "Format"}.get(
                kind, f"Wert {kind}"
            )
            var = self.el(holder, "Variable", guid=g, name=name, typeOfVariable=kind)
            self.maybe_description(var, "Variable")
            out.append((g, kind))
        return out

    def value(self, parent: etree._Element, g: str, kind: str) -> None:
        vv = self.el(parent, "VariableValue")
        self.el(vv, "VariableRef", targetGUID=self.ref(g))
        text = {
            "Text": self.r.choice(["Workshop", "Begehung", ""]),
            "Boolean": self.r.choice(["true", "false", "1"]),
            "Integer": str(self.r.randint(-3, 300)),
            "Float": self.r.choice(["12.5", "0", "-1.25", "7"]),
            "Date": "2023-05-04" + self.r.choice(["", "Z", "+01:00"]),
            "DateTime": self.date(),
        }[kind]
        self.el(vv, f"{kind}Value").text = text

    def source(self, sources: etree._Element, k: int) -> str:
        g = self.guid()
        text = self.text()
        name = self.r.choice([f"Protokoll {k + 1}", "Protokoll", "Sitzung am Markt"])
        src = self.el(sources, "TextSource", guid=g, name=name)
        self.stamp(src, self.user())
        inline = self.r.random() < 0.25
        if not inline:
            src.set("plainTextPath", f"internal://{g}.txt")
            data = text.encode("utf-8")
            if self.r.random() < 0.2:
                data = b"\xef\xbb\xbf" + data
            self.out.members[f"{self.r.choice(['Sources', 'sources'])}/{g}.txt"] = data
        if self.r.random() < 0.3:
            src.set("richTextPath", f"internal://{g}.docx")
            self.out.members[f"Sources/{g}.docx"] = _docx(text)
        self.maybe_description(src, "Protokoll eines Workshops")
        if inline:
            self.el(src, "PlainTextContent").text = text
        self.selections_on(src, text)
        if self.r.random() < 0.1:  # the whole source coded (f4analyse, QualCoder)
            code_guid, path = self.code_for_span()
            coding = self.el(src, "Coding", guid=self.guid())
            self.stamp(coding, self.user())
            self.el(coding, "CodeRef", targetGUID=code_guid)
            self.truth(src, text, 0, len(text), path)
        if self.r.random() < 0.15:
            self.el(src, "NoteRef", targetGUID=self.note("Memo zur Quelle"))
        for g2, kind in self.r.sample(self.vars, min(len(self.vars), self.r.randint(0, 2))):
            if kind != "Float":
                self.value(src, g2, kind)
        return g

    def finish(self, root: etree._Element) -> Fuzzed:
        data = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", pretty_print=self.r.random() < 0.6
        )
        if self.crlf:
            data = data.replace(b"\n", b"\r\n")
        if self.r.random() < 0.2:
            data = b"\xef\xbb\xbf" + data
        self.out.members["project.qde"] = data
        return self.out


_WORD = re.compile(r"\w+")


def _docx(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(
            "word/document.xml",
            "<document><body><p>" + "</p><p>".join(text.splitlines()) + "</p></body></document>",
        )
    return buffer.getvalue()


def generate(seed: int) -> Fuzzed:
    """The project of ``seed`` with its truth (same seed, same bytes)."""
    return _Gen(seed).build()
