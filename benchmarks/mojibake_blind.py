"""Blind set: text inside imported files that was read with the wrong encoding before.

Generated German statements that name people (names of the Faker lists, seeded; German,
Turkish and Polish ones, most with umlauts or other letters beyond ASCII), each written
into CSV, XLSX, TXT, VTT and DOCX files in one of these forms:

- ``cp1252``: the statement's UTF-8 bytes read as Windows-1252 ("Frau MÃ¼ller", "â€ž"),
- ``latin1``: … read as Latin-1 (C1 controls: "Ã\\x9f" for "ß", "â\\x80\\x9e" for „),
- ``double``: read as Windows-1252 twice ("MÃƒÂ¼ller"),
- ``partial``: only the statement's second sentence read as Windows-1252,
- ``c1``: the statement in Windows-1252 read as Latin-1 ("\\x84Hallo\\x93" for „Hallo“).

Also 10 transcripts per form as .txt ("Name: text" lines, the names mis-read): counted
are those read as speaker turns, and those whose speakers' names come out right. And 10
chats or transcripts per form in each text format (.txt, Markdown, RTF, SRT, SBV, VTT,
WhatsApp, Zoom) and in containers (a WhatsApp ZIP with media, noScribe's HTML, Telegram's
HTML and JSON export): counted are those read as the same file written correctly
(importer, speakers, texts; a file refused counts as read otherwise).

Every file is read with ``parse_file`` (each sheet with ``parse_all``) and its statements
pseudonymised as an import does. Counted per form and format: statements whose name is
left in clear (any word of it, as written or as mis-decoded), statements restored exactly
(the original text stands among the parsed texts). Must-stay: 200+ correct texts (German
with umlauts, ß, „“ quotes, €, emoji, Turkish, Polish, Arabic and Hebrew names, "São
Paulo", "Café", "Â" and "Ã" in words, "×", "½", "°C" …) in the same formats; a text that
no longer stands verbatim among the parsed texts counts as changed. ``--out`` writes the
parsed must-stay texts, so that two runs (old code, new code) can be compared.

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/mojibake_blind.py [--out FILE] [--show]
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import random
import re
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import docx
import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")
import openpyxl
from faker import Faker

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first

from workbench.core.domain import InputError
from workbench.ingest import parse_all
from workbench.ingest.pseudonymise import Pseudonymiser

TEMPLATES = [
    "Frau {l} hat gesagt, die Bänke am Spielplatz fehlen. Sie wünscht sich mehr Schatten.",
    "Herr {f} {l} meinte, der Weg zur Grundschule ist abends zu dunkel. Das sehen viele so.",
    "Danke an {f} {l} für die Hilfe beim Straßenfest. Es kamen über 200 Gäste.",
    "{f} {l} schlägt vor, „mehr Grün“ an der Hauptstraße zu pflanzen. Kosten: etwa 500 €.",
    "Laut {f} {l} fährt der Bus am Wochenende zu selten. Gewünscht wird ein 30-Minuten-Takt.",
    "Die Gruppe um {f} {l} trifft sich jeden Dienstag im Bürgerhaus. Neue sind willkommen.",
    "Wie {f} {l} berichtete, fehlt ein Treffpunkt für Jugendliche. Der Jugendclub ist zu.",
    "Frau Dr. {l} von der Kita bestätigte: Die Plätze reichen nicht. Die Warteliste wächst.",
]
ORDINARY = [
    "Die Bänke am Spielplatz fehlen, und die Straße ist abends dunkel.",
    "Größere Mülleimer wären gut – gerade im Sommer „quillt alles über“.",
    "Der Eintritt ins Schwimmbad kostet jetzt 4,50 €, für Familien zu teuer.",
    "Super Fest 😀👍 nächstes Jahr wieder!",
    "Ayşe Yılmaz und Gökhan Şahin haben das Café im Stadtteil eröffnet.",
    "Łukasz Wójcik und Małgorzata Zielińska übersetzen für polnische Familien.",
    "Die Gruppe von محمد العلي trifft sich freitags; Gäste sagen „شكرا“.",
    "Im Chor singen auch Mitglieder der Gemeinde, Grüße: שלום עליכם.",
    "Unsere Partnerstadt liegt nahe São Paulo, ein Austausch ist geplant.",
    "Im Café „Zur Ecke“ gibt es Crème brûlée und Café au lait.",
    "Der Raum misst 4 × 5 Meter, also 20 m² – ½ davon ist Lager.",
    "Heute waren es 35 °C, der Spielplatz hat keinen Schatten.",
    "Nach § 3 der Satzung entscheidet der Beirat; ± 10 % sind möglich.",
    "Eine ¼ Stunde zu Fuß bis zur Haltestelle, das ist zu weit.",
    "Die Band „SÃO PAULO EXPRESS“ spielt beim Fest, Sänger JOÃO.",
    "Auf dem Plakat stand NÃO in großen Lettern, portugiesisch für „nein“.",
    "Der Verein kooperiert mit einer Schule in România und Câmpina.",
    "Das Wort „Âme“ stand französisch auf dem Kunstwerk am Platz.",
    "Der Buchstabe Ã kommt im Portugiesischen vor, etwa in „irmã“.",
    "Ökologisch, günstig, übersichtlich: Äpfel, Öl und Übersee.",
    "Die Straße heißt „Am Weißen Stein“, Hausnummer 12½.",
    "Zitat aus dem Flyer: ‚Gemeinsam stark‘ – so steht’s da.",
    "Preis: 12,99 € … oder 15 € mit Getränk.",
    "Kinder © Stadtteilbüro ® 2024 ™ – Fotos nur intern.",
    "Frühstück für µ-Euro-Beträge: 0,50 € pro Brötchen.",
    "Temperaturen um −5 °C, Glätte an der Brücke.",
    "Die Teilnehmenden nannten ½ Dutzend Orte; ⅓ davon Spielplätze.",
    "Ça va? fragte die Französin, Ærø war ihr Urlaubsziel.",
    "Straßenname „Große Ülzener Straße“ nach Ortsteil Ülzen.",
    "Das Ordnungsamt (Öffnungszeiten: Mo–Fr 8–12 Uhr) hilft.",
]
GERMAN = [("Jürgen", "Schröder"), ("Günther", "Köhler"), ("Bärbel", "Müller"), ("Jörg", "Weiß")]
FORMATS = ["csv", "xlsx", "txt", "vtt", "docx"]


def _cp1252(text: str) -> str:
    return text.encode("utf-8").decode("sloppy-windows-1252")


def _latin1(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def _partial(text: str) -> str:
    first, _, second = text.partition(". ")
    return f"{first}. {_cp1252(second)}" if second else _cp1252(text)


def _c1(text: str) -> str:
    return text.encode("cp1252", errors="replace").decode("latin-1")


FORMS: dict[str, Callable[[str], str]] = {
    "cp1252": _cp1252,
    "latin1": _latin1,
    "double": lambda t: _cp1252(_cp1252(t)),
    "partial": _partial,
    "c1": _c1,
}


def _names(count: int) -> list[tuple[str, str]]:
    """First and last names, seeded; three in four hold a letter beyond ASCII."""
    fakers = [Faker("de_DE"), Faker("de_DE"), Faker("tr_TR"), Faker("pl_PL")]
    for at, faker in enumerate(fakers):
        faker.seed_instance(49 + at)
    out: list[tuple[str, str]] = []
    rng = random.Random(49)
    while len(out) < count:
        faker = rng.choice(fakers)
        first, last = faker.first_name(), faker.last_name()
        beyond = not (first + last).isascii()
        if beyond or rng.random() < 0.25:
            out.append((first, last))
    return out


def _write(path: Path, texts: list[str]) -> Path:
    """A file of ``path``'s format holding ``texts``, one statement each."""
    kind = path.suffix[1:]
    if kind == "csv":
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["id", "Beitrag"])
            writer.writerows([i + 1, t] for i, t in enumerate(texts))
    elif kind == "xlsx":
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["id", "Beitrag"])
        for i, text in enumerate(texts):
            sheet.append([i + 1, text])
        book.save(path)
    elif kind == "txt":
        body = "\n\n".join(texts)
        path.write_text(f"Protokoll Workshop Spielplätze\n\nWas fehlt?\n\n{body}\n", "utf-8")
    elif kind == "vtt":
        cues = [
            f"{i + 1}\n00:{i // 6:02}:{i % 6 * 10:02}.000 --> "
            f"00:{i // 6:02}:{i % 6 * 10 + 9:02}.000"
            f"\n<v {'Moderation' if i % 2 else 'Teilnehmende'}>{t}"
            for i, t in enumerate(texts)
        ]
        path.write_text("WEBVTT\n\n" + "\n\n".join(cues) + "\n", "utf-8")
    else:
        document = docx.Document()
        document.add_heading("Protokoll Workshop Spielplätze", 1)
        for text in texts:
            document.add_paragraph(text)
        document.save(path)
    return path


def _rtf(text: str) -> str:
    """``text`` as an RTF file, a paragraph a line, every character beyond ASCII escaped."""

    def escaped(char: str) -> str:
        code = ord(char)
        return char if code < 128 else f"\\u{code if code < 32768 else code - 65536}?"

    lines = ["".join(escaped(c) for c in line) for line in text.split("\n")]
    return "{\\rtf1\\ansi\\ansicpg1252\\deff0 " + "\\par\n".join(lines) + "}"


# A transcript or chat of turns in each text format: (speaker, text) -> the file's text.
TURN_FORMATS: dict[str, Callable[[list[tuple[str, str]]], str]] = {
    "txt": lambda turns: "".join(f"{p}: {t}\n" for p, t in turns),
    "md": lambda turns: "\n".join(
        f"**{p}:** [00:00:{i:02}] {t}\n" for i, (p, t) in enumerate(turns)
    ),
    "md-plain": lambda turns: "\n".join(f"{p}: {t}\n" for p, t in turns),
    "rtf": lambda turns: _rtf("".join(f"{p}: {t}\n\n" for p, t in turns)),
    "srt": lambda turns: "\n".join(
        f"{i + 1}\n00:00:{i:02},000 --> 00:00:{i:02},900\n{p}: {t}\n"
        for i, (p, t) in enumerate(turns)
    ),
    "sbv": lambda turns: "\n".join(
        f"0:00:{i:02}.000,0:00:{i:02}.900\n{p}: {t}\n" for i, (p, t) in enumerate(turns)
    ),
    "vtt": lambda turns: (
        "WEBVTT\n\n"
        + "\n".join(
            f"00:00:{i:02}.000 --> 00:00:{i:02}.900\n<v {p}>{t}\n" for i, (p, t) in enumerate(turns)
        )
    ),
    "whatsapp": lambda turns: "".join(
        f"07.12.26, 10:{i:02} - {p}: {t}\n" for i, (p, t) in enumerate(turns)
    ),
    "zoom": lambda turns: "".join(
        f"10:{i:02}:00 From {p} to Everyone:\n\t{t}\n" for i, (p, t) in enumerate(turns)
    ),
}
_SUFFIX = {"md-plain": "md", "whatsapp": "txt", "zoom": "txt"}


def _whatsapp_zip(path: Path, turns: list[tuple[str, str]]) -> None:
    """A WhatsApp export with media: ``_chat.txt`` and a photo in a ZIP."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("_chat.txt", TURN_FORMATS["whatsapp"](turns))
        archive.writestr("IMG-20261207-WA0001.jpg", b"\xff\xd8\xff\xe0 Foto")


def _noscribe_html(path: Path, turns: list[tuple[str, str]]) -> None:
    """noScribe's HTML transcript: a paragraph a turn, "Name: [00:00:05] …"."""
    paragraphs = "".join(
        f'<p><a name="ts_{i * 5000}_{i * 5000 + 4000}_S0{i % 2}">'
        f"{html.escape(p)}: [00:00:{i * 5:02}] {html.escape(t)}</a></p>"
        for i, (p, t) in enumerate(turns)
    )
    path.write_text(
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN"><html><head><meta charset="UTF-8" />'
        '</head><body><div class="WordSection1"><p style="font-weight:600;">runde</p>'
        f"<p></p>{paragraphs}</div></body></html>",
        "utf-8",
    )


def _telegram_html(path: Path, turns: list[tuple[str, str]]) -> None:
    """Telegram Desktop's HTML export (``messages.html``): a message a turn."""
    messages = "".join(
        f'<div class="message default clearfix" id="message{i + 1}">\n<div class="body">\n'
        f'<div class="pull_right date details" title="12.03.2021 18:{i:02}:00 UTC+01:00">'
        f"\n18:{i:02}\n</div>\n"
        f'<div class="from_name">\n{html.escape(p)} \n</div>\n'
        f'<div class="text">\n{html.escape(t)}\n</div>\n</div></div>\n'
        for i, (p, t) in enumerate(turns)
    )
    path.write_text(
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"/></head><body>\n'
        '<div class="page_wrap"><div class="page_header"><div class="text bold">'
        "Nachbarschaft Manfort</div></div>"
        '<div class="page_body chat_page"><div class="history">\n'
        f"{messages}</div></div></div></body></html>\n",
        "utf-8",
    )


def _telegram_json(path: Path, turns: list[tuple[str, str]]) -> None:
    """Telegram Desktop's JSON export (``result.json``): a message a turn."""
    messages = [
        {
            "id": i + 1,
            "type": "message",
            "date": f"2021-03-12T18:{i:02}:00",
            "from": p,
            "from_id": f"user{i % 2 + 1}",
            "text": t,
        }
        for i, (p, t) in enumerate(turns)
    ]
    export = {"name": "Nachbarschaft Manfort", "type": "private_group", "messages": messages}
    path.write_text(json.dumps(export, ensure_ascii=False), "utf-8")


# Chats and transcripts inside a container (an archive, a web page, JSON): (path, turns).
Writer = Callable[[Path, list[tuple[str, str]]], None]
CONTAINER_FORMATS: dict[str, tuple[str, Writer]] = {
    "whatsapp-zip": ("zip", _whatsapp_zip),
    "noscribe-html": ("html", _noscribe_html),
    "telegram-html": ("html", _telegram_html),
    "telegram-json": ("json", _telegram_json),
}


def _structure(path: Path) -> tuple[str, list[tuple[str, str]]]:
    """How ``path`` is read: its importer and its statements' speakers and texts (a file
    refused: the error's kind, no statements)."""
    try:
        document = parse_all(path)[0]
    except InputError:
        return "refused", []
    said = [
        (str(s.attributes.get("speaker") or s.speaker_role or ""), s.text)
        for s in document.segments
    ]
    return document.importer, said


def _turn_cases(
    root: Path,
    names: list[tuple[str, str]],
    rng: random.Random,
    writers: dict[str, tuple[str, Writer]],
) -> tuple[Counter[tuple[str, str]], list[str]]:
    """Ten files per format and way of mis-reading, each read against the same file written
    correctly: the count of files read the same, and the correct files' readings."""
    right: Counter[tuple[str, str]] = Counter()
    outputs: list[str] = []
    for kind, (suffix, write) in writers.items():
        for form, mis in FORMS.items():
            for at in range(10):
                pool = GERMAN if form == "c1" else names  # a text Windows-1252 holds
                people = [f"{f} {last}" for f, last in rng.sample(pool, 2)]
                turns = [(people[i % 2], rng.choice(ORDINARY[:3])) for i in range(6)]
                good = root / "good" / f"{kind}_{form}_{at}.{suffix}"
                write(good, turns)
                bad = root / "bad" / f"{kind}_{form}_{at}.{suffix}"
                write(bad, [(mis(p), mis(t)) for p, t in turns])
                expected = _structure(good)
                right[kind, form] += _structure(bad) == expected
                outputs.append(f"{kind}\t{form}\t{at}\t{json.dumps(expected, ensure_ascii=False)}")
    return right, outputs


def _turn_formats(root: Path, names: list[tuple[str, str]], rng: random.Random) -> list[str]:
    """Transcripts and chats in every text format whose speakers' names (and texts) were
    mis-read, each compared with the same file written correctly: read the same (importer,
    speakers, texts)? Prints the counts; returns the correct files' readings (must stay)."""
    writers = {
        kind: (_SUFFIX.get(kind, kind), _text_writer(write)) for kind, write in TURN_FORMATS.items()
    }
    right, outputs = _turn_cases(root, names, rng, writers)
    _print_turns(right, list(TURN_FORMATS), "all text formats")
    # containers: a rng of their own, so the text formats' cases stay as they were
    right, more = _turn_cases(root, names, random.Random(5050), CONTAINER_FORMATS)
    _print_turns(right, list(CONTAINER_FORMATS), "all containers")
    return outputs + more


def _text_writer(write: Callable[[list[tuple[str, str]]], str]) -> Callable[[Path, list], None]:
    """A text format's writer as a container's: (path, turns)."""

    def written(path: Path, turns: list[tuple[str, str]]) -> None:
        path.write_text(write(turns), "utf-8")

    return written


def _print_turns(right: Counter[tuple[str, str]], kinds: list[str], label: str) -> None:
    """How many mis-read files of each format were read as the file written correctly."""
    for kind in kinds:
        counts = "  ".join(f"{form} {right[kind, form]:2}/10" for form in FORMS)
        print(f"turns {kind:13} read as the correct file: {counts}")
    total = sum(right[kind, form] for kind in kinds for form in FORMS)
    print(f"turns {label}: read as the correct file {total}/{10 * len(FORMS) * len(kinds)}")


def _imported(path: Path) -> tuple[list[str], list[str]]:
    """The parsed and the pseudonymised statements of ``path`` (one key per file)."""
    parsed, safe = [], []
    for document in parse_all(path):
        key = Pseudonymiser()
        for segment in document.segments:
            parsed.append(segment.text)
            safe.append(key.pseudonymise(segment.text, document.names)[0])
    return parsed, safe


def _clear(out: str, words: list[str]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", out) for w in words)


def main() -> None:
    """Build the set, import it, print the counts, write the must-stay outputs."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path)
    parser.add_argument("--cases", type=int, default=40, help="statements per form")
    parser.add_argument("--show", action="store_true", help="print each miss")
    args = parser.parse_args()
    rng = random.Random(4949)
    names = _names(args.cases)
    leaked: Counter[tuple[str, str]] = Counter()
    restored: Counter[tuple[str, str]] = Counter()
    outputs: list[str] = []
    stay_changed: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "good").mkdir()
        (root / "bad").mkdir()
        for form, mis in FORMS.items():
            cases = []
            for first, last in names:
                if form == "c1" and not f"{first}{last}".isascii():  # a text Windows-1252 holds
                    first, last = rng.choice(GERMAN)
                text = rng.choice(TEMPLATES).format(f=first, l=last)
                words = [w for w in re.split(r"[\s-]+", f"{first} {last}") if len(w) > 1]
                cases.append((text, mis(text), words + [mis(w) for w in words]))
            for kind in FORMATS:
                path = _write(root / f"{form}.{kind}", [bad for _, bad, _ in cases])
                parsed, safe = _imported(path)
                joined, joined_safe = "\n".join(parsed), "\n".join(safe)
                for text, _bad, _words in cases:
                    restored[form, kind] += text in joined
                    if not any(text in p for p in parsed) and args.show and kind == "csv":
                        print(f"NOT RESTORED {form}: {text!r}")
                for (_text, _bad, words), out in zip(cases, safe, strict=False):
                    if kind in ("csv", "xlsx", "docx") and _clear(out, words):
                        leaked[form, kind] += 1
                        if args.show:
                            print(f"LEAK {form} {kind}: {out!r}")
                if kind not in ("csv", "xlsx", "docx"):  # texts joined or split: all words
                    leaked[form, kind] = sum(
                        _clear(joined_safe, [w for w in words if len(w) > 2])
                        for _, _, words in cases
                    )
        turns = Counter()  # transcripts as .txt whose speakers' names were mis-read
        for form, mis in FORMS.items():
            for at in range(10):
                pool = GERMAN if form == "c1" else names  # a text Windows-1252 holds
                people = [f"{f} {last}" for f, last in rng.sample(pool, 2)]
                lines = [
                    f"{people[i % 2]}: {rng.choice(ORDINARY[:3])}" for i in range(6)
                ]  # fmt: skip
                path = root / f"turns_{form}_{at}.txt"
                path.write_text("\n".join(mis(line) for line in lines) + "\n", "utf-8")
                document = parse_all(path)[0]
                turns[form] += document.importer == "speaker-turns"
                speakers = {str(s.attributes.get("speaker", "")) for s in document.segments}
                turns[form, "named"] += speakers == set(people)
        outputs += _turn_formats(root, names, random.Random(4950))
        stays = ORDINARY * 7  # 210 texts, each in every format
        for kind in FORMATS:
            chunks = [stays[i : i + 30] for i in range(0, len(stays), 30)]
            for at, chunk in enumerate(chunks):
                parsed, _ = _imported(_write(root / f"stay{at}.{kind}", chunk))
                joined = "\n".join(parsed)
                for text in chunk:
                    if text not in joined:
                        stay_changed[kind] += 1
                        if args.show:
                            print(f"STAY CHANGED {kind}: {text!r}")
                outputs += [f"{kind}\t{at}\t{json.dumps(p, ensure_ascii=False)}" for p in parsed]
    total = len(names)
    print(f"{'form':8} {'format':5} {'cases':>5} {'name in clear':>13} {'restored exactly':>16}")
    for form in FORMS:
        for kind in FORMATS:
            print(f"{form:8} {kind:5} {total:5} {leaked[form, kind]:13} {restored[form, kind]:16}")
    print(
        f"all forms: names in clear {sum(leaked.values())}/{total * len(FORMS) * len(FORMATS)}, "
        f"restored {sum(restored.values())}/{total * len(FORMS) * len(FORMATS)}"
    )
    for form in FORMS:
        print(
            f"transcript .txt {form:8} 10  read as speaker turns {turns[form]:3}"
            f"  speakers' names right {turns[form, 'named']:3}"
        )
    stay_total = len(ORDINARY) * 7 * len(FORMATS)
    print(
        f"must-stay texts {stay_total} ({len(ORDINARY) * 7} per format): not verbatim "
        f"after import {sum(stay_changed.values())} {dict(stay_changed)}"
    )
    if args.out:
        args.out.write_text("\n".join(outputs) + "\n", "utf-8")


if __name__ == "__main__":
    main()
