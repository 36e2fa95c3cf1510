"""Which importer reads a file: by its extension and content (``parse_file``,
``parse_all``), and which files a folder holds (``expand_paths``).

Loads every importer; :mod:`workbench.ingest` names these functions (its ``__all__`` is
the one list of them) and loads this module on their first use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from workbench.core.domain import InputError, ParsedDocument
from workbench.core.textio import (
    DecodedFile,
    RawFile,
    Source,
    decode,
    is_tab_table,
    read_source,
)
from workbench.ingest import polis
from workbench.ingest.chat_archive import is_whatsapp_archive, parse_whatsapp_archive
from workbench.ingest.direction_marks import unmarked
from workbench.ingest.docx_protocol import parse_docx
from workbench.ingest.element_chat import is_element_chat, parse_element_chat
from workbench.ingest.folder_files import (
    leave_out_descriptions,
    subfolder_text,
    subfolders_with_files,
)
from workbench.ingest.html_text import plain_text
from workbench.ingest.markdown_protocol import parse_markdown
from workbench.ingest.meeting_folder import named_by_folder
from workbench.ingest.mended_text import TEXT_SUFFIXES, TextFile, mended_lines, text_file
from workbench.ingest.mojibake import repaired_document
from workbench.ingest.odt_protocol import parse_odt
from workbench.ingest.pdf_protocol import parse_pdf
from workbench.ingest.protocol_meta import margin_names
from workbench.ingest.rtf_text import rtf_footnotes, rtf_margins, rtf_text
from workbench.ingest.speaker_turns import (
    are_named_turns,
    is_speaker_turns,
    parse_speaker_turns,
    turns_document,
)
from workbench.ingest.table import TableMapping, parse_table
from workbench.ingest.table_json import JSON_SUFFIXES, is_boundaries
from workbench.ingest.table_rows import forgetting_workbook
from workbench.ingest.telegram_chat import is_telegram_json, parse_telegram_json
from workbench.ingest.telegram_html import is_telegram_html, is_telegram_page, parse_telegram_html
from workbench.ingest.transcript_json import (
    is_recogniser_json,
    is_recogniser_tsv,
    parse_recogniser_json,
)
from workbench.ingest.transcript_sbv import is_sbv, parse_sbv
from workbench.ingest.transcript_segments import (
    is_stamped_export,
    is_timed_segments,
    parse_timed_segments,
)
from workbench.ingest.transcript_srt import is_srt, parse_srt
from workbench.ingest.transcript_vtt import is_vtt, parse_vtt
from workbench.ingest.whatsapp_chat import is_whatsapp_chat, parse_whatsapp_chat
from workbench.ingest.workbook import WORKBOOK_SUFFIXES, parse_sheets
from workbench.ingest.zoom_chat import is_zoom_chat, parse_zoom_chat

PROTOCOL_SUFFIXES = {
    ".md": parse_markdown,
    ".markdown": parse_markdown,
    ".txt": parse_markdown,
    ".docx": parse_docx,
    ".odt": parse_odt,
    ".pdf": parse_pdf,
}
TABLE_SUFFIXES = {".csv", ".tsv", ".xlsx", ".xlsm", ".ods", *JSON_SUFFIXES}
TRANSCRIPT_SUFFIXES = {".vtt", ".srt", ".sbv"}
RTF_SUFFIXES = {".rtf"}  # as plain text (ingest.rtf_text)


# REFI-QDA projects are read by workbench.exchange; a folder may hold them too.
PROJECT_SUFFIXES = {".qdpx", ".qde"}
_HINTS = {
    ".doc": "Altes Word-Format: in Word oder LibreOffice als .docx speichern",
    ".pages": "Pages: als .docx exportieren",
    ".xls": "Altes Excel-Format: als .xlsx oder .csv speichern",
    ".zip": "Ein Archiv, aber kein WhatsApp-Export mit Medien: bitte entpacken und die "
    "Dateien darin importieren (ein REFI-QDA-Projekt ist eine .qdpx-Datei)",
    ".html": "Eine Webseite: im Browser oder Textprogramm als .docx, .odt oder .txt speichern",
    ".htm": "Eine Webseite: im Browser oder Textprogramm als .docx, .odt oder .txt speichern",
    ".etherpad": "Ein Etherpad im eigenen Format: im Pad über „Importieren/Exportieren“ als "
    "Textdatei (.txt) oder ODF-Dokument (.odt) exportieren",
}
# Recordings of a meeting or interview: the workbench reads their transcripts
MEDIA_SUFFIXES = {
    ".m4a", ".mp3", ".wav", ".ogg", ".oga", ".opus", ".aac", ".flac", ".wma", ".amr",
    ".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".wmv",
}  # fmt: skip
MEDIA_HINT = (
    "die Werkbank liest Transkripte, nicht Ton oder Video: zuerst transkribieren, etwa mit "
    "noScribe, aTrain oder Whisper (Zoom, Teams und Webex bieten das Transkript als .vtt "
    "an), und das Transkript importieren"
)
_HINTS.update(dict.fromkeys(MEDIA_SUFFIXES, f"Eine Aufnahme — {MEDIA_HINT}"))


BOUNDARIES = (
    "Die Datei enthält nur Flächen (GeoJSON-Polygone), keine Beiträge: Grenzen der "
    "Sozialräume werden mit `workbench map --import DATEI --name-property NAME` eingelesen. "
    "Sind es doch Beiträge, die Spalte ihres Textes mit --text-column angeben."
)


def supported_suffixes() -> list[str]:
    """The file types ``workbench import`` reads (REFI-QDA projects included)."""
    return sorted(
        {
            *PROTOCOL_SUFFIXES,
            *RTF_SUFFIXES,
            *TABLE_SUFFIXES,
            *TRANSCRIPT_SUFFIXES,
            *PROJECT_SUFFIXES,
        }
    )


def expand_paths(paths: Sequence[str | Path], notices: list[str] | None = None) -> list[Path]:
    """``paths`` with every folder replaced by the files in it that can be imported
    (sorted by name; hidden files and Office lock files ``~$…`` left out; subfolders are
    not entered — a REFI-QDA project's ``Sources/`` are read with its ``.qde`` — and those
    holding importable files are named: in the error when the folder has none itself). Files
    that describe the folder (README, licence: :mod:`workbench.ingest.folder_files`) and
    files of a Pol.is export that hold no statements are left out; ``notices`` gets what
    was."""
    suffixes = set(supported_suffixes())
    out: list[Path] = []
    for path in map(Path, paths):
        if not path.is_dir():
            out.append(path)
            continue
        found = sorted(
            f
            for f in path.iterdir()
            if f.is_file()
            and not f.name.startswith((".", "~$"))
            and (
                f.suffix.lower() in suffixes
                or (f.suffix.lower() == ".zip" and is_whatsapp_archive(f))
                or (is_telegram_page(f, first=True) and is_telegram_html(f))
            )
        )
        # a link to a file elsewhere (an unpacked upload's link to ~/.ssh/… or /etc/passwd)
        linked = [f for f in found if not f.resolve().is_relative_to(path.resolve())]
        found = [f for f in found if f not in linked]
        # a link whose file is gone (moved, deleted, an unplugged drive) is no file either
        dangling = sorted(
            f.name
            for f in path.iterdir()
            if f.is_symlink()
            and not f.exists()
            and not f.name.startswith((".", "~$"))
            and f.suffix.lower() in suffixes
        )
        found, described = leave_out_descriptions(found)
        found, left_out = polis.leave_out_companions(found)
        areas = [f for f in found if f.suffix.lower() in (".json", ".geojson") and is_boundaries(f)]
        found = [f for f in found if f not in areas]
        bounds = [
            f"Grenzen (nur Flächen, keine Beiträge) nicht importiert: "
            f"{', '.join(f.name for f in areas)} (mit workbench map --import einlesen)."
        ]
        inside = subfolders_with_files(path, sorted(suffixes))
        if inside and not found:
            raise InputError(
                f"Der Ordner enthält keine Datei mit Beiträgen, aber Unterordner mit "
                f"Dateien: {subfolder_text(inside)}. Unterordner werden nicht durchsucht "
                "(jeder ist ein eigener Export oder Workshop): sie einzeln oder zusammen "
                f"angeben, z. B. workbench import '{path}'/*/",
                file=str(path),
            )
        if inside:
            left_out.append(
                f"Unterordner nicht durchsucht: {subfolder_text(inside)} (einzeln angeben, "
                "um ihre Dateien zu importieren)."
            )
        links = (
            [
                "Verknüpfungen auf Dateien außerhalb des Ordners nicht importiert: "
                f"{', '.join(f.name for f in linked)} (die Datei selbst angeben, wenn sie "
                "gemeint ist)."
            ]
            if linked
            else []
        )
        if dangling:
            links.append(
                f"Verknüpfungen ins Leere nicht importiert: {', '.join(dangling)} (die Datei, "
                "auf die sie zeigen, gibt es nicht mehr; sie wiederherstellen und den Ordner "
                "erneut importieren)."
            )
        if not found and links and not left_out and not described:
            raise InputError(
                f"Der Ordner enthält keine eigene Datei. {' '.join(links)}", file=str(path)
            )
        media = sorted(f.name for f in path.iterdir() if f.suffix.lower() in MEDIA_SUFFIXES)
        recordings = [f"Aufnahmen nicht gelesen: {', '.join(media)} — {MEDIA_HINT}."]
        if notices is not None:
            notices.extend([*described, *left_out, *links, *(bounds if areas else [])])
            notices.extend(recordings if media else [])
        if not found and areas and not left_out:
            raise InputError(
                f"Der Ordner enthält keine Datei mit Beiträgen. {bounds[0]}", file=str(path)
            )
        if not found and left_out:
            raise InputError(
                "Der Ordner enthält nur Dateien eines Pol.is-Exports ohne Beiträge; die "
                "Beiträge stehen in comments.csv.",
                file=str(path),
            )
        if not found and described:
            raise InputError(
                "Der Ordner enthält nur Beschreibungen (README, Lizenz …), keine Datei mit "
                "Beiträgen; eine Beschreibung selbst importieren: ihren Dateinamen angeben.",
                file=str(path),
            )
        if not found:
            raise InputError(
                "Der Ordner enthält keine importierbare Datei "
                f"({', '.join(supported_suffixes())}).{' ' + recordings[0] if media else ''}",
                file=str(path),
            )
        out.extend(found)
    return out


# What :func:`_kind_of_text` found → the importer of that chat or transcript.
_CHATS = {
    "whatsapp": parse_whatsapp_chat,
    "element": parse_element_chat,
    "zoom": parse_zoom_chat,
    "turns": parse_speaker_turns,
    "segments": parse_timed_segments,  # aTrain without speaker detection
    "webvtt": parse_vtt,  # subtitles saved as .txt
    "subrip": parse_srt,
    "subviewer": parse_sbv,
}
# Subtitle formats recognised by their first lines (a file saved or renamed as .txt).
_SUBTITLES = (("webvtt", is_vtt), ("subrip", is_srt), ("subviewer", is_sbv))


def _table_options(mapping: TableMapping | None) -> bool:
    """Whether an import names a table's columns (``--text-column``, ``--id-column``, …)."""
    return mapping is not None and bool(mapping.mapped() or mapping.attribute_columns)


def _sniff(text: str | None, table: bool = False) -> str | None:
    """What a ``.txt`` file is: "whatsapp", "zoom" (a Zoom chat), "turns" (a transcript or chat of
    speaker lines), "segments" (timed segments without speakers: aTrain), "table"
    (tab-separated with the same number of fields in every record, as Excel saves
    "Unicode-Text"; or the import names columns and the first line has a tab: a protocol
    in a folder imported with --text-column stays a protocol) or None (a plain-text
    protocol). ``text``: the file's text (None: no encoding reads it)."""
    if text is None:
        return "table" if table else None  # the importer reports unreadable files
    return _kind_of_text(text, table)


def _kind_of_text(text: str, table: bool = False) -> str | None:
    """What a plain text is (see :func:`_sniff`); also "webvtt", "subrip", "subviewer"."""
    text = unmarked(text)  # direction marks around speaker labels (iOS, Arabic script)
    for kind, recognised in _SUBTITLES:
        if recognised(text):
            return kind
    if is_whatsapp_chat(text):
        return "whatsapp"
    if is_zoom_chat(text):
        return "zoom"
    if is_element_chat(text):
        return "element"
    if is_speaker_turns(text):
        return "turns"
    if is_timed_segments(text):
        return "segments"
    tabbed = table and "\t" in text.split("\n", 1)[0]
    return "table" if tabbed or is_tab_table(text) else None


def _markdown_transcript(text: str | None) -> str | None:
    """Which transcript a Markdown file's text is: "turns" with times (Descript:
    ``**Anna Schmidt:** [00:00:12] …``) or of people without headings and times (``Anna
    Schmidt: …`` paragraphs, :func:`~workbench.ingest.speaker_turns.are_named_turns`),
    "segments" for a service's export without speakers (every line below a title opens
    with a time stamp, "[00:01:02] …", :mod:`workbench.ingest.stamp_lines`), else None: a
    protocol, even one of "**Ergebnis:** …" lead-ins, is none (so is a text no encoding
    reads, ``None``: the protocol's importer reports it)."""
    if text is None:
        return None
    text = unmarked(text)
    if is_speaker_turns(text, timed_only=True) or are_named_turns(text):
        return "turns"
    return "segments" if is_stamped_export(text) else None


def _html_transcript(source: Source, roles: Mapping[str, str] | None) -> ParsedDocument | None:
    """The turns of a web page that holds a transcript (noScribe's HTML: "S00: [00:00:05]
    …", a paragraph per turn), or None for any other page."""
    raw = read_source(source)
    written = plain_text(decode(raw))
    mended = mended_lines(raw, written)  # "JÃ¼rgen: [00:00:05] …" is a turn too (027)
    written = written if mended is None else mended.text
    text = unmarked(written)  # the labels without direction marks, the texts with them
    if not is_speaker_turns(text):
        return None
    document = turns_document(raw, text, roles, written=written)
    return document if mended is None else mended.counted(document)


def _parse_table_file(
    path: Path, mapping: TableMapping, source: Source | None = None
) -> ParsedDocument:
    """A table; a Pol.is comments file with its columns and its conversation's topic.
    ``source``: the file already read (:func:`_read_once`), else it is read from ``path``."""
    if path.suffix.lower() != ".csv":
        return parse_table(path if source is None else source, mapping, path.name)
    found = polis.PolisFile.of(path)
    if not mapping.text_column:
        polis.refuse_companion(found, path.name)
    given = mapping
    if found.comments and not (mapping.text_column or mapping.id_column):
        given = replace(mapping, text_column=polis.COMMENT_TEXT, id_column=polis.COMMENT_ID)
    document = parse_table(path, given)
    noted = {
        "columns": given is not mapping,
        "topic": found.topic,
        "conversation": found.conversation,
    }
    if not any(noted.values()):
        return document
    return replace(
        document,
        workshop=document.workshop or found.topic,
        options={**document.options, "polis": {k: v for k, v in noted.items() if v}},
    )


@forgetting_workbook  # no table's raw rows stay in a long-running kernel's memory
def parse_all(
    path: str | Path,
    mapping: TableMapping | None = None,
    roles: Mapping[str, str] | None = None,
    direct_messages: bool = False,
) -> list[ParsedDocument]:
    """The documents of one file: one, or one per sheet of a workbook imported without
    ``--sheet`` (:mod:`workbench.ingest.workbook`)."""
    path = Path(path)
    if path.suffix.lower() not in WORKBOOK_SUFFIXES or not path.is_file():
        return [parse_file(path, mapping, roles, direct_messages)]
    sheets = parse_sheets(path, mapping or TableMapping(), _parse_table_file)
    return [repaired_document(sheet) for sheet in sheets]


def parse_file(
    path: str | Path,
    mapping: TableMapping | None = None,
    roles: Mapping[str, str] | None = None,
    direct_messages: bool = False,
) -> ParsedDocument:
    """Parse one file with the importer its suffix (and, for ``.txt``, its content) calls for.

    ``roles`` maps speakers of chats and transcripts to roles (see ``--roles``);
    ``direct_messages`` imports the direct messages of a Zoom or Webex chat (see
    ``--include-direct-messages``), which are left out and counted otherwise. A file in
    a Zoom recording folder belongs to the meeting the folder names
    (:mod:`workbench.ingest.meeting_folder`). Text in the file that was read with the
    wrong encoding before ("Frau MÃ¼ller") is repaired (:mod:`workbench.ingest.mojibake`).
    """
    path = Path(path)
    document = named_by_folder(path, _parse_one(path, mapping, roles, direct_messages))
    return repaired_document(document)


def _parse_text(
    read: TextFile | None,
    path: Path,
    mapping: TableMapping | None,
    roles: Mapping[str, str] | None,
    direct_messages: bool,
) -> ParsedDocument:
    """The document of a text file (:data:`~workbench.ingest.mended_text.TEXT_SUFFIXES`)
    read once (:func:`~workbench.ingest.mended_text.text_file`): every check and importer
    reads its repaired text; ``None`` (no file there): the importer says why."""
    name, text = path.name, read.text if read else None
    kind = _sniff(text, _table_options(mapping)) if path.suffix.lower() == ".txt" else None
    if kind == "table":  # its cells are repaired one by one, its column names as written
        return parse_table(read.written if read else path, mapping or TableMapping(), name)
    source: Source = read.read if read else path
    document = _parse_text_source(source, path, text, kind, roles, direct_messages)
    return document if read is None else read.counted(document)


def _parse_text_source(
    source: Source,
    path: Path,
    text: str | None,
    kind: str | None,
    roles: Mapping[str, str] | None,
    direct_messages: bool,
) -> ParsedDocument:
    """The document of a text file read from ``source`` (see :func:`_parse_text`), whose
    text is ``text``; ``kind``: what a ``.txt`` file is (:func:`_sniff`)."""
    suffix, name = path.suffix.lower(), path.name
    if suffix == ".srt":
        return parse_srt(source, name, roles=roles)
    if suffix == ".sbv":
        return parse_sbv(source, name, roles=roles)
    if suffix == ".vtt":
        return parse_vtt(source, name, roles=roles)
    if kind == "zoom":
        return parse_zoom_chat(source, name, roles, direct_messages)
    if kind in _CHATS:
        return _CHATS[kind](source, name, roles=roles)
    markdown_kind = _markdown_transcript(text) if suffix in (".md", ".markdown") else None
    if markdown_kind == "turns":  # "**Anna Schmidt:** [00:00:12] …"
        return parse_speaker_turns(source, name, roles=roles)
    if markdown_kind == "segments":  # "# Protokoll" over "[00:01:02] …"
        return parse_timed_segments(source, name, roles=roles)
    return parse_markdown(source, name, roles=roles)  # also a transcript below front matter


def _parse_rtf(
    read: TextFile, roles: Mapping[str, str] | None, direct_messages: bool
) -> ParsedDocument:
    """The document of an RTF file's plain text (:func:`~workbench.ingest.rtf_text.rtf_text`),
    read once (its lines repaired): a chat, a transcript or a protocol."""
    kind, name = _kind_of_text(read.text or ""), read.read.name
    if kind == "zoom":
        return parse_zoom_chat(read.read, name, roles, direct_messages)
    parse = _CHATS.get(kind or "")
    if parse is not None:
        return parse(read.read, name, roles=roles)
    return parse_markdown(read.read, name, roles=roles)


# JSON, TSV and web pages: read and decoded once for the checks of what they are and their
# importer (a Telegram export's pages are read by its importer, all of them)
_READ_ONCE = frozenset({".tsv", ".html", ".htm", *JSON_SUFFIXES})


def _read_once(path: Path) -> Path | RawFile:
    """A JSON, TSV or HTML file read and decoded once (:class:`~workbench.core.textio.DecodedFile`);
    as read if no encoding reads it, the path if there is no file (its importer says why)."""
    if not path.is_file():
        return path
    raw = read_source(path)
    try:
        return DecodedFile(raw.name, raw.data, decode(raw))
    except InputError:
        return raw


def _parse_one(
    path: Path,
    mapping: TableMapping | None,
    roles: Mapping[str, str] | None,
    direct_messages: bool,
) -> ParsedDocument:
    """The document of one file, as its importer reads it (see :func:`parse_file`)."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        read = text_file(read_source(path)) if path.is_file() else None  # read once
        return _parse_text(read, path, mapping, roles, direct_messages)
    if suffix == ".rtf":  # as plain text: a chat, a transcript or a protocol
        raw = read_source(path)  # read once: its text, headers and footnotes
        read = text_file(RawFile(*rtf_text(raw)))
        document = read.counted(_parse_rtf(read, roles, direct_messages))
        named = margin_names(rtf_margins(raw))  # "Protokoll: …" in a header: a name
        notes = rtf_footnotes(raw)  # not read, as in Word files: named in a notice
        options = {**document.options, **({"footnotes": notes} if notes else {})}
        names = tuple(dict.fromkeys((*document.names, *named)))
        return replace(document, names=names, options=options)
    if suffix == ".zip" and path.is_file():  # WhatsApp "Chat exportieren" with media
        archived = parse_whatsapp_archive(path, roles=roles)
        if archived is not None:
            return archived
    source = _read_once(path) if suffix in _READ_ONCE else path  # its checks and importer
    if suffix in (".html", ".htm") and path.is_file() and is_telegram_html(source):
        return parse_telegram_html(path, roles=roles)  # Telegram Desktop's HTML export
    if suffix in (".html", ".htm") and path.is_file():
        transcript = _html_transcript(source, roles)  # noScribe saves its transcripts so
        if transcript is not None:
            return transcript
    if suffix == ".json" and not _table_options(mapping) and is_telegram_json(source):
        return parse_telegram_json(source, path.name, roles=roles)
    recogniser = {".json": is_recogniser_json, ".tsv": is_recogniser_tsv}.get(suffix)
    if recogniser and not _table_options(mapping) and recogniser(source):
        return parse_recogniser_json(source, path.name, roles=roles)  # Whisper, WhisperX
    if suffix in (".json", ".geojson") and not _table_options(mapping) and is_boundaries(source):
        raise InputError(BOUNDARIES, file=str(path))
    if suffix == ".docx":
        return parse_docx(path, roles=roles)
    if suffix == ".odt":
        return parse_odt(path, roles=roles)
    if suffix in PROTOCOL_SUFFIXES:
        return PROTOCOL_SUFFIXES[suffix](path)
    if suffix in TABLE_SUFFIXES:
        return _parse_table_file(path, mapping or TableMapping(), source)
    if path.is_dir():
        raise InputError(
            "Ist ein Ordner: `workbench import ORDNER` liest seine Dateien.", file=str(path)
        )
    if suffix in PROJECT_SUFFIXES:
        raise InputError(
            "Ein REFI-QDA-Projekt: `workbench import DATEI` liest es, in Python "
            "`workbench.exchange.qdpx.import_qdpx(projekt, DATEI)` "
            "(nicht `Project.import_files`, das Quelldateien liest).",
            file=str(path),
        )
    supported = ", ".join(supported_suffixes())
    hint = f" {_HINTS[suffix]}." if suffix in _HINTS else ""
    raise InputError(
        f"Dateityp '{suffix or '(ohne Endung)'}' wird nicht unterstützt ({supported}).{hint}",
        file=str(path),
    )
