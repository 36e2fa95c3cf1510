"""Media, cases and the project's tail for the schema fuzz (``tests/qdpx_fuzz_gen.py``):
picture/audio/video/PDF sources, Cases, Notes, Links, Sets and Graphs, as a mixin of its
generator (it uses the generator's small values, texts and truth)."""

from __future__ import annotations

import random

from lxml import etree

try:  # as in tests/qdpx_fuzz_gen.py
    from tests.qdpx_fuzz_pdf import AREA_TEXTS, PDF_WORD, area_text, statements, twice
except ImportError:
    from qdpx_fuzz_pdf import AREA_TEXTS, PDF_WORD, area_text, statements, twice

DISTRICTS = ["Manfort", "Alkenrath", "Wiesdorf", "Opladen", "Steinbüchel"]


class MediaMixin:
    """The sources without a plain text of their own and what follows the sources."""

    def media(self, sources: etree._Element, kind: str) -> str:
        g = self.guid()
        ext = {
            "PictureSource": "jpg",
            "AudioSource": "mp3",
            "VideoSource": "mp4",
            "PDFSource": "pdf",
        }[kind]
        src = self.el(
            sources, kind, guid=g, name=f"Aufnahme {kind[:3]}", path=f"internal://{g}.{ext}"
        )
        self.out.members[f"Sources/{g}.{ext}"] = b"\x00binary"
        self.stamp(src, self.user())
        self.maybe_description(src, "Medium")
        if kind == "PictureSource":
            self.out.left_out.append("picture")
            if self.r.random() < 0.5:
                desc = self.el(src, "TextDescription", guid=self.guid(), name="Bildbeschreibung")
                self.el(desc, "PlainTextContent").text = "Ein Foto vom Markt"
            sel = self.el(
                src,
                "PictureSelection",
                guid=self.guid(),
                firstX="1",
                firstY="2",
                secondX="30",
                secondY="40",
            )
            coding = self.el(sel, "Coding", guid=self.guid())
            self.el(coding, "CodeRef", targetGUID=self.code_for_span()[0])
        elif kind == "PDFSource":
            text = self.text(pdf=True)
            rep = self.el(src, "Representation", guid=self.guid(), name="Textfassung")
            if self.r.random() < 0.5:
                rep.set("plainTextPath", f"internal://{rep.get('guid')}.txt")
                self.out.members[f"Sources/{rep.get('guid')}.txt"] = text.encode("utf-8")
            else:
                self.el(rep, "PlainTextContent").text = text
            self.selections_on(rep, text)
            self.pdf_areas(src, rep, text)
        else:
            self.out.left_out.append("media")
            text = self.text()
            tr = self.el(src, "Transcript", guid=self.guid(), name="Transkript")
            if self.r.random() < 0.5:
                tr.set("plainTextPath", f"internal://{tr.get('guid')}.txt")
                self.out.members[f"Sources/{tr.get('guid')}.txt"] = text.encode("utf-8")
            else:
                self.el(tr, "PlainTextContent").text = text
            spans = [s for s in self.spans(text) if s[1] > s[0]]
            points = []
            for start, end in spans:
                a, b = self.guid(), self.guid()
                self.el(
                    tr,
                    "SyncPoint",
                    guid=a,
                    timeStamp=str(start * 100),
                    position=str(self.position(text, start)),
                )
                self.el(
                    tr,
                    "SyncPoint",
                    guid=b,
                    timeStamp=str(end * 100),
                    position=str(self.position(text, end)),
                )
                points.append((a, b, start, end))
            for a, b, start, end in points:
                sel = self.el(
                    tr,
                    "TranscriptSelection",
                    guid=self.guid(),
                    fromSyncPoint=self.ref(a),
                    toSyncPoint=self.ref(b),
                )
                code_guid, path = self.code_for_span()
                coding = self.el(sel, "Coding", guid=self.guid())
                self.stamp(coding, self.user())
                self.el(coding, "CodeRef", targetGUID=code_guid)
                self.truth(tr, text, start, end, path)
            tag = "AudioSelection" if kind == "AudioSource" else "VideoSelection"
            sel = self.el(src, tag, guid=self.guid(), begin="0", end="1500")
            coding = self.el(sel, "Coding", guid=self.guid())
            self.el(coding, "CodeRef", targetGUID=self.code_for_span()[0])
        return g

    def cases(
        self, cases: etree._Element, owners: list[str], variables: list[tuple[str, str]]
    ) -> None:
        if self.r.random() < 0.4:
            case = self.el(cases, "Case", guid=self.guid(), name=self.r.choice(DISTRICTS))
            self.maybe_description(case, "Sozialraum")
            if self.r.random() < 0.3:
                self.el(case, "CodeRef", targetGUID=self.ref(self.r.choice(self.code_guids)))
            for g, kind in variables:
                if kind == "Float":
                    self.value(case, g, kind)
            self.el(case, "SourceRef", targetGUID=self.ref(self.r.choice(owners)))
        if variables and self.r.random() < 0.6:
            case = self.el(cases, "Case", guid=self.guid())  # unnamed: document variables
            for g, kind in variables:
                if kind != "Float":
                    self.value(case, g, kind)
            self.el(case, "SourceRef", targetGUID=self.ref(owners[0]))

    def tail(self, root: etree._Element, owners: list[str]) -> None:
        project_note = self.note("Projektmemo") if self.r.random() < 0.4 else None
        if self.notes:
            holder = self.el(root, "Notes")
            for note in self.notes:
                holder.append(note)
        if len(self.code_guids) > 1 and self.r.random() < 0.3:
            links = self.el(root, "Links")
            a, b = self.r.sample(self.code_guids, 2)
            self.el(
                links,
                "Link",
                guid=self.guid(),
                name="hängt zusammen",
                direction=self.r.choice(["Associative", "OneWay", "Bidirectional"]),
                originGUID=a,
                targetGUID=b,
            )
        if self.r.random() < 0.4:
            sets = self.el(root, "Sets")
            s = self.el(
                sets,
                "Set",
                guid=self.guid(),
                name=self.r.choice(["Workshop Mai", "Set 1", "Workshop Mai"]),
            )
            self.maybe_description(s, "Set")
            if self.r.random() < 0.5:
                self.el(s, "MemberCode", targetGUID=self.ref(self.r.choice(self.code_guids)))
            self.el(s, "MemberSource", targetGUID=self.ref(self.r.choice(owners)))
            if self.notes and self.r.random() < 0.5:
                self.el(s, "MemberNote", targetGUID=self.notes[0].get("guid"))
        if self.r.random() < 0.3:
            graph = self.el(self.el(root, "Graphs"), "Graph", guid=self.guid(), name="Netz")
            v1, v2 = self.guid(), self.guid()
            self.el(
                graph,
                "Vertex",
                guid=v1,
                representedGUID=self.code_guids[0],
                firstX="0",
                firstY="0",
                shape="Oval",
                color="#FFFFFF",
            )
            self.el(graph, "Vertex", guid=v2, firstX="10", firstY="10", name="Notiz", shape="Note")
            self.el(
                graph,
                "Edge",
                guid=self.guid(),
                sourceVertex=v1,
                targetVertex=v2,
                direction="OneWay",
                lineStyle="dashed",
            )
        if self.r.random() < 0.3:
            self.el(root, "Description").text = self.r.choice(["Projekt", ""])
        if project_note:
            self.el(root, "NoteRef", targetGUID=project_note)

    def pdf_areas(self, src: etree._Element, rep: etree._Element, text: str) -> None:
        """Marked page areas of the PDF (``<PDFSelection>``) as MAXQDA, ATLAS.ti and NVivo
        write them: page and rectangle, most with the covered text as their own
        ``<Representation>``, in the order they were made (not the text's); drawn from
        their own random numbers, so the rest of a seed's project stays as it was."""
        r = random.Random(text)
        spans = [s for s in self.spans(text, pdf=True) if s[1] > s[0]]
        words = [m.span() for m in PDF_WORD.finditer(text)]
        if words and r.random() < 0.5:  # one word, maybe one that is in the text twice
            spans.append(r.choice(words))
        r.shuffle(spans)
        lines = text.count("\n") + 1
        for start, end in spans[: r.randint(0, 4)]:
            top, bottom = text.count("\n", 0, start), text.count("\n", 0, end)
            area = self.el(
                src,
                "PDFSelection",
                guid=self.guid(),
                page="1",
                firstX=str(72 + 6 * (start - text.rfind("\n", 0, start) - 1)),
                firstY=str(72 + 700 * top // lines),
                secondX=str(540),
                secondY=str(72 + 700 * (bottom + 1) // lines),
            )
            rep.addprevious(area)  # the schema puts the areas before the text version
            code_guid, path = r.choice(self.codable)
            if r.random() < 0.15:  # coordinates only: no text to find
                self.out.bare_areas += 1
            else:
                kind = r.choice(AREA_TEXTS)
                own = self.el(area, "Representation", guid=self.guid())
                self.el(own, "PlainTextContent").text = area_text(kind, text[start:end])
                places = statements(text, start, end)
                if twice(text, "".join(d for d, _ in places)):  # only its rectangle says
                    kind = "mehrdeutig"  # which: named as skipped, not placed (decision 006)
                else:
                    self.truth(rep, text, start, end, path)
                self.out.areas.append((path, kind, places))
            coding = self.el(area, "Coding", guid=self.guid())
            self.stamp(coding, self.user())
            self.el(coding, "CodeRef", targetGUID=self.ref(code_guid))
