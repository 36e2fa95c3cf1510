"""Decomposed text from macOS: "ü" written as "u" + U+0308 (NFD), as files saved there and
ATLAS.ti's exports on macOS have it. Names in it are found as composed and replaced
whole; the text stays as written, so REFI-QDA positions still count in it."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

from workbench import Project
from workbench.exchange.qdpx import import_qdpx
from workbench.ingest.nfc_view import NfcView

NS = "urn:QDA-XML:project:1.0"
USER = "B0000000-0000-4000-8000-0000000000A1"
CODE = "A0000000-0000-4000-8000-0000000000C1"


def nfd(text: str) -> str:
    """As macOS writes it."""
    return unicodedata.normalize("NFD", text)


def test_a_decomposed_name_is_replaced_whole(tmp_path: Path) -> None:
    """Before, the name patterns stopped at the combining mark: "Frau Müller" became
    "[Person 1]" followed by the mark and "ller". Now the file gives what the same file
    composed gives; the key puts back exactly what the file had."""
    protocol = (
        "Workshop Manfort\nDatum: 3.3.2024\nTeilnehmende: José Müller, Jörg Weiß\n\n"
        "- Der Nachtbus fehlt, sagt Frau Müller.\n- José Müller findet die Bänke gut.\n"
        "- Jörg Weiß und Herr Weiß kommen.\n"
    )
    results = []
    for form in ("NFC", "NFD"):
        path = tmp_path / form / "protokoll_manfort.txt"
        path.parent.mkdir()
        path.write_text(unicodedata.normalize(form, protocol), encoding="utf-8")
        with Project.create(tmp_path / form / "p", districts=["Manfort"]) as project:
            project.import_files([path])
            texts = [unicodedata.normalize("NFC", t) for t in project.segments()["text"]]
            key = project.pseudonym_key()
            results.append((texts, sorted(map(tuple, key.to_numpy().tolist()))))
            originals = sorted(project.original_texts().values())
    assert results[1] == results[0]
    assert results[1][0] == [
        "Der Nachtbus fehlt, sagt [Person 1].",
        "[Person 1] findet die Bänke gut.",  # the listed José Müller
        "[Person 2] und [Person 2] kommen.",
    ]
    assert originals == sorted(
        nfd(line[2:]) for line in protocol.splitlines() if line.startswith("- ")
    )


def test_atlasti_macos_file_codings_and_names(project: Project, tmp_path: Path) -> None:
    """An ATLAS.ti export from macOS: decomposed text, CRLF in the file (ATLAS.ti counts one
    character), emoji, positions in UTF-16. Every coding stays on its words, the name in a
    coded passage is replaced and the coding covers its placeholder."""
    lines = [
        nfd("Interview mit José Müller 🙂"),
        nfd("Der Nachtbus 🚲 fehlt abends, sagt Frau Müller."),
        nfd("Mehr Bänke 🏳️‍🌈 am Spielplatz für Ältere!"),
    ]
    counted = "\n".join(lines) + "\n"

    def span(words: str) -> tuple[int, int]:
        start = counted.index(nfd(words))
        return (
            len(counted[:start].encode("utf-16-le")) // 2,
            len(counted[: start + len(nfd(words))].encode("utf-16-le")) // 2,
        )

    selections = ""
    for number, words in enumerate(
        ["Nachtbus", "abends, sagt Frau Müller", "Bänke", "Spielplatz für Ältere"]
    ):
        start, end = span(words)
        guid = f"D0000000-0000-4000-8000-00000000000{number}"
        selections += (
            f'<PlainTextSelection guid="{guid}" startPosition="{start}" endPosition="{end}" '
            f'creatingUser="{USER}"><Coding guid="{guid[:-2]}1{number}" creatingUser="{USER}">'
            f'<CodeRef targetGUID="{CODE}"/></Coding></PlainTextSelection>'
        )
    qde = (
        f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{NS}" name="Studie" '
        f'origin="ATLAS.ti 9.1.3 (macOS)"><Users><User guid="{USER}" name="kim"/></Users>'
        f'<CodeBook><Codes><Code guid="{CODE}" name="{nfd("Mobilität")}" isCodable="true"/>'
        "</Codes></CodeBook><Sources>"
        '<TextSource guid="C0000000-0000-4000-8000-000000000001" name="Interview Manfort" '
        f'plainTextPath="internal://C1.txt">{selections}</TextSource></Sources></Project>'
    )
    out = tmp_path / "atlas.qdpx"
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("Project.qde", qde.encode("utf-8"))
        archive.writestr("Sources/C1.txt", "\ufeff" + "\r\n".join(lines) + "\r\n")
    import_qdpx(project, out)
    quotes = sorted(unicodedata.normalize("NFC", q) for q in project.quotes()["quote"])
    assert quotes == ["Bänke", "Nachtbus", "Spielplatz für Ältere", "abends, sagt [Person 1]"]
    text = " ".join(project.segments()["text"])
    assert "ller" not in text and "José" not in unicodedata.normalize("NFC", text)


def test_the_view_maps_back_to_the_text_as_written() -> None:
    written = nfd("Café Müller") + " 🙂 " + nfd("Ä")
    view = NfcView.of(written)
    assert view is not None and view.text == "Café Müller 🙂 Ä"
    muller = view.text.index("Müller")
    assert written[view.start(muller) : view.end(muller + len("Müller"))] == nfd("Müller")
    assert view.end(len(view.text)) == len(written)
    assert written[view.start(3) : view.end(4)] == nfd("é")  # a span ending in the "é"
    assert NfcView.of("Schon zusammengesetzt: Müller") is None
