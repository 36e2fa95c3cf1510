"""Blind set: direction marks around speakers and messages in the meeting files the
Werkbank imports.

Builds one file per meeting format and per position of the marks — none, inside the
text, around the name (isolates), a right-to-left mark or an unclosed opener before
the name, the whole message with its sender wrapped in an embedding or isolate (also
the whole line with its time), and a message or cue over two lines wrapped so (the
opening mark on the first line, the closing one on the last) — with messages in
Arabic, Hebrew and Persian mixed with Latin words and digits, and German ones.

- must-keep: a message wrapped whole keeps its pair of marks around its text, the
  speaker is read without them.
- must-stay: every other position keeps the text as the readers give it since
  decision 018 (the marks in and right before the text, none of those around the label),
  ordinary German and right-to-left messages without marks byte for byte.

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/rtl_marks_blind.py [--show N]
(the code under test comes first on PYTHONPATH; the cases are fixed, not random).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first

from workbench.ingest import parse_file

LRM, RLM, FSI, LRI, RLI, PDI = "\u200e", "\u200f", "\u2068", "\u2066", "\u2067", "\u2069"
LRE, RLE, PDF, LRO, RLO = "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"
MARKS = LRM + RLM + FSI + LRI + RLI + PDI + LRE + RLE + PDF + LRO + RLO
PAIRS = [(RLE, PDF), (RLI, PDI), (FSI, PDI), (LRE, PDF), (RLO, PDF)]
NAMES = ["Anna Schmidt", "Ben Berg", "عمر خليل", "נועה לוי"]
SAID = [  # (first line, second line) of a message
    ("الحديقة تحتاج إلى إضاءة بعد الساعة 18:00", "ونحتاج Bus 212 كل يوم"),
    ("המרכז פתוח עד 20 Uhr", "אבל צריך עוד מקומות"),
    ("پارک بعد از ساعت 9 تاریک است", "لطفا WLAN هم بگذارید"),
    ("Der Spielplatz am Marktplatz ist abends dunkel", "und die Bank fehlt seit 2019"),
]
INNER = [  # marks inside the text (kept since decision 018)
    (f"{RLM}الحديقة تحتاج إلى إضاءة 18:00{RLM}", f"نحتاج {LRI}Bus 212{PDI} كل يوم"),
    (f"Ich heiße {RLI}ياسمين{PDI} und wohne hier", f"{RLM}המרכז פתוח עד 20 Uhr"),
]
# one message: {who} label, {said} text, {i} its number; {more} a second line
FORMATS = {
    "whatsapp_ios.txt": ("[12.03.21, 18:0{i}:11] ", "{who}: {said}", "{more}"),
    "whatsapp_android.txt": ("12.03.21, 18:0{i} - ", "{who}: {said}", "{more}"),
    "zoom.txt": ("00:06:1{i}\t", "{who}:\t{said}", "{more}"),
    "element.txt": ("Thu, Dec 5 2026 18:0{i}:12 - ", "{who}: {said}", "{more}"),
    "transkript.txt": ("", "{who}: {said}", None),
    "bbb.txt": ("[18:0{i}] ", "{who} : {said}", None),
    "abendrunde.md": ("", "**{who}:** [00:00:1{i}] {said}", None),
    "zoom.vtt": ("{n}\n00:00:1{i}.120 --> 00:00:1{i}.450\n", "{who}: {said}", "{more}"),
    "stimmen.vtt": ("00:00:1{i}.120 --> 00:00:1{i}.450\n", "<v {who}>{said}", "{more}"),
    "untertitel.srt": ("{n}\n00:00:1{i},120 --> 00:00:1{i},450\n", "{who}: {said}", "{more}"),
    "meet.sbv": ("0:00:1{i}.120,0:00:1{i}.450\n", "{who}: {said}", "{more}"),
}
HEAD = {"abendrunde.md": "---\nworkshop: Abendrunde\ndistrict: Manfort\ndate: 2026-03-12\n---\n\n"}
CUES = (".vtt", ".srt", ".sbv")


def _cases() -> list[tuple[str, str, str]]:
    """(format, position, opener) of every file."""
    cases = []
    for name, (_, _, more) in FORMATS.items():
        cases += [(name, "plain", ""), (name, "inner", ""), (name, "isolated name", "")]
        cases += [(name, "mark before name", RLM), (name, "unclosed before name", RLI)]
        for opener, _ in PAIRS:
            cases.append((name, "wrapped", opener))
            if not name.endswith(CUES) and not name.endswith(".md"):
                cases.append((name, "wrapped line", opener))
            if more is not None:
                cases.append((name, "wrapped over lines", opener))
        if more is not None:
            cases.append((name, "inner over lines", ""))
    return cases


def _closer(opener: str) -> str:
    return dict(PAIRS)[opener] if opener else ""


def _file(name: str, position: str, opener: str) -> tuple[str, list[tuple[str, str]]]:
    """The file's text and each message's (speaker, text) as the reader should give it,
    the text's line break as "\\n" (the format's own joint is put in by the caller)."""
    stamp, turn, more = FORMATS[name]
    closer = _closer(opener) if position.startswith("wrapped") else ""
    over = "over lines" in position
    texts = INNER if position.startswith("inner") else SAID
    out, expected = [], []
    for i in range(6):
        who, (first, second) = NAMES[i % 4], texts[i % len(texts)]
        label = f"{FSI}{who}{PDI}" if position == "isolated name" else who
        said = first
        if position in ("mark before name", "unclosed before name"):
            label = opener + label
        line = turn.format(who=label, said=said, i=i)
        if over:
            line += "\n" + more.format(more=second)
        if position == "wrapped" or position == "wrapped over lines":
            line = opener + line + closer
        head = stamp.format(i=i, n=i + 1)
        record = opener + head + line + closer if position == "wrapped line" else head + line
        if name == "stimmen.vtt":
            record = record.replace("\n" + more.format(more=second), "\n" + second + "</v>")
            record += "" if over else "</v>"
            if closer:  # the closer after the voice's end tag
                record = record.replace(f"{closer}</v>", f"</v>{closer}")
        out.append(record)
        text = said + ("\n" + second if over else "")
        if position.startswith("wrapped"):
            text = opener + text + closer
        expected.append((who, text))
    glue = "\n\n" if name.endswith(CUES) else "\n"
    return HEAD.get(name, "WEBVTT\n\n" if name.endswith(".vtt") else "") + glue.join(
        out
    ) + "\n", expected


def _joint(path: Path, text: str) -> str:
    """How the format joins a message's two lines (read from the file without marks)."""
    plain = path.with_name("plain_" + path.name)
    plain.write_text("".join(ch for ch in text if ch not in MARKS), encoding="utf-8")
    segments = parse_file(plain).segments
    return "\n" if "\n" in segments[0].text else " "


def main() -> None:
    """Import every file and count the messages read as expected."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=0, help="so many misses to print")
    parser.add_argument("--json", help="write the results per case to this file")
    args = parser.parse_args()
    tally: Counter[str] = Counter()
    misses, results = [], {}
    with tempfile.TemporaryDirectory() as folder:
        for number, (name, position, opener) in enumerate(_cases()):
            text, expected = _file(name, position, opener)
            path = Path(folder) / f"{number:03d}" / name
            path.parent.mkdir()
            path.write_text(text, encoding="utf-8")
            joint = _joint(path, text)
            expected = [(w, t.replace("\n", joint)) for w, t in expected]
            try:
                got = [(s.attributes.get("speaker"), s.text) for s in parse_file(path).segments]
            except Exception as error:  # a refusal is a miss
                got = [("error", repr(error))]
            kind = "must-keep" if position.startswith("wrapped") else "must-stay"
            for index, want in enumerate(expected):
                ok = index < len(got) and got[index] == want and len(got) == len(expected)
                tally[f"{kind} total"] += 1
                tally[f"{kind} ok"] += ok
                tally[f"{position} total"] += 1
                tally[f"{position} ok"] += ok
                if not ok:
                    misses.append((name, position, repr(opener), want, got[index : index + 1]))
            results[f"{number:03d} {name} {position} {opener!r}"] = got
    for kind in ("must-keep", "must-stay"):
        print(f"{kind}: {tally[kind + ' ok']}/{tally[kind + ' total']}")
    positions = sorted({k.rsplit(" ", 1)[0] for k in tally} - {"must-keep", "must-stay"})
    for position in positions:
        print(f"  {position}: {tally[position + ' ok']}/{tally[position + ' total']}")
    by_format = Counter(m[0] for m in misses)
    print("misses by format:", dict(sorted(by_format.items())))
    for miss in misses[: args.show]:
        print(miss)
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
