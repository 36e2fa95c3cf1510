"""Blind set: speakerless TXT/Markdown files whose lines open with a time.

Builds files as a transcription service exports a recording without speakers (every
line below at most three title lines opens with its stamp: "[00:01:02] …", "(00:01:02)
…", "00:01:02 …", "[00:05] …", "1:02:03 …" past an hour; with or without blank lines; a
segment may stop mid-sentence) and files where a time at a line's start is content: an
agenda ("[18:15] Verkehr: Begrüßung", "18:30 Uhr Pause", "19:00–19:30 Arbeitsgruppen"),
minutes at clock times ("18:07 Frau Hartmann eröffnet die Sitzung."), a protocol where
only some lines have a time, "Beginn 18:00 Uhr" over its paragraphs. Each goes through
``parse_file``.

- must-change: the statements hold the lines' words and nothing else (no stamp in any
  text, no title line as a statement: joined, they are the lines' texts joined) and the
  title lines (but a "Datum:" line) are the document's title; else the file is missed.
- must-stay: every line with a time is still in a statement's text with its time, and no
  statement has a ``start_time``; else the file changed. Outputs go to ``--out`` for a
  comparison of two runs.

Round 49 (``--extra``, a generator of its own, so the cases above stay the same, their
counts under "all 49"): agendas and minutes written with seconds ("18:00:00 Begrüßung",
"[09:30:00] Arbeitsgruppen", under "Programm" or no heading: must stay), YAML front matter
("---" / "title: …" / "date: …" / "teilnehmende: […]" / "---") over a service's export
(must change, and the document's title and date are the front matter's, its person
listed among the names) or over an agenda with seconds (must stay).

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/stamp_lines_blind.py [--n 150] [--out F]
(the code under test comes first on PYTHONPATH; the generator is seeded: same cases).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first

from workbench.core.domain import InputError
from workbench.ingest import parse_file

SAID = [
    "Herzlich willkommen zur Stadtteilrunde.",
    "Mein Vorschlag ist ein Treffpunkt für Jugendliche am Markt.",
    "Im Winter ist der Weg zur Schule dunkel.",
    "Wir brauchen mehr Bänke im Schatten, gerade für Ältere.",
    "Die Linie 5 fährt nach acht Uhr nur noch stündlich.",
    "Am Brunnen fehlt abends die Beleuchtung.",
    "Ja, das sehe ich genauso.",
    "Was fehlt Ihnen im Quartier?",
]
CUT = [("Der Spielplatz an der Schulstraße", "ist seit Monaten gesperrt.")]
HEADS = [
    "Protokoll Stadtteilrunde Manfort",
    "Transkript 12.03.2024",
    "Aufnahme Quartierstreff Opladen",
    "Interview 7",
    "Datum: 12.03.2024",
]
ITEMS = [
    "Begrüßung",
    "Verkehr: Parkplätze am Markt",
    "Bericht aus dem Quartiersbüro",
    "Pause",
    "Arbeitsgruppen",
    "Verschiedenes",
    "Spielplatz Schulstraße: Stand der Planung",
]
MINUTES = [
    "Frau Hartmann eröffnet die Sitzung.",
    "Die Gruppe sammelt Vorschläge zum Markt.",
    "Bericht des Quartiersbüros zur Beleuchtung.",
    "Die Arbeitsgruppen stellen ihre Ergebnisse vor.",
    "Ende der Sitzung.",
]
AGENDA_HEADS = ["Tagesordnung Stadtteilrunde", "Ablauf", "Programm 12.03.2024"]


def _stamp(seconds: int, style: str) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if style.startswith("ms") and hours:  # past an hour: "1:02:03" (Otter)
        time = f"{hours}:{minutes:02d}:{secs:02d}"
    elif style.startswith("ms"):
        time = f"{minutes:02d}:{secs:02d}"
    else:
        time = f"{hours:02d}:{minutes:02d}:{secs:02d}"
    wrap = {"bracket": "[{}]", "paren": "({})", "bare": "{}", "ms-bracket": "[{}]", "ms": "{}"}
    return wrap[style].format(time)


def _export(r: random.Random) -> tuple[list[str], list[str], list[str], str]:
    """A service's export: its lines, the title lines, the texts, its stamp style."""
    style = r.choice(["bracket", "paren", "bare", "ms-bracket", "ms"])
    second = r.randint(0, 50) if style.startswith("ms") else r.randint(0, 5000)
    texts: list[str] = []
    for _ in range(r.randint(3, 7)):
        # no sentence twice in a row: a recogniser's loop, left out on purpose
        fresh = [said for said in SAID if not texts or said != texts[-1]]
        texts.extend(CUT[0] if r.random() < 0.15 else [r.choice(fresh)])
    lines = []
    for text in texts:
        lines.append(f"{_stamp(second, style)} {text}")
        second += r.randint(2, 95)
    heads = r.sample(HEADS, r.choice([0, 1, 1, 2, 3]))
    return lines, heads, texts, style


def _stays(r: random.Random) -> tuple[list[str], list[str], str]:
    """A file whose times are content: its lines and the lines holding a time."""
    kind = r.choice(["agenda", "agenda-bracket", "uhr", "span", "minutes", "some", "beginn"])
    hour, minute = r.randint(9, 19), r.choice([0, 15, 30])
    lines, timed = [], []
    for i in range(r.randint(3, 6)):
        clock = f"{hour:02d}:{minute:02d}"
        if kind == "agenda":
            line = f"{clock} {r.choice(ITEMS)}"
        elif kind == "agenda-bracket":
            line = f"[{clock}] {r.choice(ITEMS)}"
        elif kind == "uhr":
            line = f"{clock} Uhr {r.choice(ITEMS)}"
        elif kind == "span":
            end = f"{hour + (minute + 30) // 60:02d}:{(minute + 30) % 60:02d}"
            line = f"{clock}–{end} {r.choice(ITEMS)}"
        elif kind == "minutes":  # a minutes' clock times, not on the quarter
            line = f"{clock} {r.choice(MINUTES)}"
        elif kind == "some":
            line = f"{clock} {r.choice(MINUTES)}" if i % 2 == 0 else r.choice(SAID)
        else:
            line = f"Beginn {clock} Uhr" if i == 0 else r.choice(SAID)
        lines.append(line)
        if any(ch.isdigit() for ch in line.split()[0]) or line.startswith("Beginn"):
            timed.append(line)
        minute += r.choice([5, 7, 15, 20, 30]) if kind == "minutes" else r.choice([15, 30])
        hour, minute = hour + minute // 60, minute % 60
    head = r.sample(AGENDA_HEADS, r.choice([0, 1, 1]))
    return head + lines, timed, kind


FRONT_TITLES = ["Stadtteilrunde Manfort", "Quartierstreff Opladen", "Interview 7"]
FRONT_NAMES = ["Anna Schmidt", "Mehmet Yilmaz", "Laura Becker"]


def _front(r: random.Random) -> tuple[list[str], str, str, str]:
    """YAML front matter: its lines, the title, the date ("2024-03-12") and a named person."""
    title, day, name = r.choice(FRONT_TITLES), r.randint(1, 28), r.choice(FRONT_NAMES)
    lines = ["---", f"{r.choice(['title', 'titel'])}: {title}"]
    lines.append(f"{r.choice(['date', 'datum'])}: 2024-03-{day:02d}")
    if r.random() < 0.5:
        lines.append(f"teilnehmende: [{name}]")
    return [*lines, "---"], title, f"2024-03-{day:02d}", name


def _extra(r: random.Random) -> tuple[bool, list[str], list[str], list[str], str, tuple]:
    """Round 49's cases (a generator of their own: the cases above stay the same): agendas
    and minutes written with seconds ("18:00:00 Begrüßung", must stay), and YAML front
    matter over a service's export (must change: the head is title and date, no statement)
    or over an agenda with seconds (must stay). Returns (change, body, heads or timed lines,
    texts, kind, (front title, date, name) or ())."""
    kind = r.choice(
        ["seconds", "seconds-bracket", "seconds-minutes", "front", "front", "front-agenda"]
    )
    front: tuple = ()
    head: list[str] = []
    if kind.startswith("front"):
        lines, title, day, name = _front(r)
        head, front = lines, (title, day, name)
    if kind == "front":
        lines, heads, texts, _ = _export(r)
        heads = [h for h in heads if not h.startswith("Datum")]  # the front matter's date
        return True, [*head, *heads, *lines], heads, texts, kind, front
    hour, minute = r.randint(8, 19), r.choice([0, 15, 30])
    body, timed = [], []
    for _ in range(r.randint(3, 6)):
        clock = f"{hour:02d}:{minute:02d}:00"
        words = r.choice(MINUTES if kind == "seconds-minutes" else ITEMS)
        line = f"[{clock}] {words}" if kind == "seconds-bracket" else f"{clock} {words}"
        body.append(line)
        timed.append(line)
        step = [5, 7, 13, 20] if kind == "seconds-minutes" else [15, 30]
        minute += r.choice(step)
        hour, minute = hour + minute // 60, minute % 60
    titles = r.sample(AGENDA_HEADS, r.choice([0, 1])) if not head else []
    return False, [*head, *titles, *body], timed, [], kind, front


def main() -> int:
    """Build the cases, import them, print the counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=150)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--extra", type=int, default=60, help="round 49's cases")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    r = random.Random(4811)
    missed: dict[str, list[int]] = {}
    stayed: dict[str, list[int]] = {}
    refused = 0
    outputs = []
    extra = random.Random(4911)
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.n + args.extra):
            front: tuple = ()
            if i >= args.n:  # round 49's cases
                suffix = extra.choice([".txt", ".md"])
                blank = extra.random() < 0.4
                change, body, timed, texts, kind, front = _extra(extra)
                heads, kind = timed, f"49-{kind}"
            else:
                suffix = r.choice([".txt", ".txt", ".md"])
                blank = r.random() < 0.4
                change = i % 5 < 3
                if change:
                    lines, heads, texts, kind = _export(r)
                    if suffix == ".md" and heads and r.random() < 0.5:
                        heads = [f"# {heads[0]}", *heads[1:]]
                    body = [*heads, "", *lines] if heads else lines
                else:
                    body, timed, kind = _stays(r)
            path = Path(tmp) / f"f{i}{suffix}"
            path.write_text(("\n\n" if blank else "\n").join(body) + "\n", encoding="utf-8")
            try:
                document = parse_file(path)
            except InputError:
                refused += 1
                outputs.append([i, suffix, "refused"])
                continue
            got = [(s.text, "start_time" in s.attributes) for s in document.segments]
            outputs.append([i, suffix, document.title, [list(g) for g in got]])
            key = f"{kind}{suffix}"
            if change:
                titles = [h.lstrip("# ") for h in heads if not h.startswith("Datum")]
                joined = " ".join(text for text, _ in got)
                ok = joined == " ".join(texts) and all(t in (document.title or "") for t in titles)
                if front:  # the front matter's title and date, its names listed
                    ok = ok and front[0] in (document.title or "") and document.date == front[1]
                    ok = ok and (
                        front[2] in document.names or f"teilnehmende: [{front[2]}]" not in body
                    )
                counts = missed.setdefault(key, [0, 0])
            else:
                ok = not any(timed_ for _, timed_ in got) and all(
                    any(line in text for text, _ in got) for line in timed
                )
                counts = stayed.setdefault(key, [0, 0])
            counts[0] += 1
            counts[1] += not ok
            if not ok and args.show:
                print(f"  {i} {key}: {body} -> {document.title!r} {got}")
    for label, table, word in (("must-change", missed, "missed"), ("must-stay", stayed, "changed")):
        for key in sorted(table):
            print(f"{label:11} {key:20} {table[key][0]:4}  {word} {table[key][1]:4}")
        for part, first in (("all", False), ("all 49", True)):
            rows = [v for k, v in table.items() if k.startswith("49-") == first]
            total = [sum(v[0] for v in rows), sum(v[1] for v in rows)]
            print(f"{label:11} {part:20} {total[0]:4}  {word} {total[1]:4}")
    print(f"refused (either kind): {refused}")
    if args.out:
        args.out.write_text("\n".join(json.dumps(o, ensure_ascii=False) for o in outputs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
