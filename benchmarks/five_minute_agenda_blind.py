"""Blind set: the five-minute agenda rule (a topic may return where every time is a day's
on full five minutes) against chats whose stamps happen to fall on five minutes.

Generated, seeded files of "[hh:mm] Label: text" lines (also "[hh:mm:00]"), read with
``is_speaker_turns``:

- must-turns: a chat of senders named by nouns, not people (a meeting room's or a
  device's account: "Konferenzraum", "Sitzungssaal", "Tablet"; a house or parish:
  "Jugendhaus", "Kirchengemeinde", "Stadtbibliothek"), two or three of them writing in turn
  at five or ten minutes apart, also beside one person ("Anna Schmidt"); and a chat of
  people ("Anna Schmidt", "Mehmet Yilmaz") on five minutes.
- must-stay: a real agenda of topics ("Begrüßung", "Verkehr", "Grünflächen", "Pause",
  "Spielplatz Schulstraße"), one coming back, under "Programm"/"Ablauf"/"Tagesordnung" or
  no heading, at 15 to 45 minutes apart.

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/five_minute_agenda_blind.py [--n 200]
[--show] (the code under test first on PYTHONPATH).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first

from workbench.ingest.speaker_turns import is_speaker_turns

NOUN_SENDERS = [
    "Konferenzraum",
    "Sitzungssaal",
    "Tablet",
    "Jugendhaus",
    "Kirchengemeinde",
    "Stadtbibliothek",
    "Bücherei",
    "Saal",
]
PEOPLE = ["Anna Schmidt", "Mehmet Yilmaz", "Lea Becker", "Jonas Weber"]
SAID = [
    "Hören Sie uns?",
    "Wir sind jetzt dabei.",
    "Bei uns fehlt der Ton.",
    "Danke, jetzt geht es.",
    "Können Sie die Folien noch einmal teilen?",
    "Wir bieten unsere Räume für die nächste Runde an.",
]
TOPICS = ["Begrüßung", "Verkehr", "Grünflächen", "Pause", "Spielplatz Schulstraße", "Müll"]
NOTES = ["Stand der Planung", "Parkplätze am Markt", "Rundgang", "Ergebnisse der Gruppen"]
HEADS = [[], ["Programm", ""], ["Ablauf 12.03.2024", ""], ["Tagesordnung", ""]]


def _stamp(r: random.Random, minutes: int, seconds: str) -> str:
    return f"[{minutes // 60:02d}:{minutes % 60:02d}{seconds}]"


def _chat(r: random.Random, people: bool) -> str:
    """Senders writing in turn, every stamp on five minutes."""
    if people:
        senders = r.sample(PEOPLE, 2)
    else:
        senders = r.sample(NOUN_SENDERS, r.choice([2, 3]))
        if r.random() < 0.3:
            senders[-1] = r.choice(PEOPLE)
    seconds = r.choice(["", ":00"])
    minutes, lines = r.randint(9, 19) * 60 + 5 * r.randint(0, 11), []
    for i in range(r.randint(3, 6)):
        lines.append(f"{_stamp(r, minutes, seconds)} {senders[i % len(senders)]}: {r.choice(SAID)}")
        minutes += r.choice([5, 10])
    return "\n".join(lines)


def _agenda(r: random.Random) -> str:
    """An agenda's topics, one of them coming back, under a heading or none."""
    topics = r.sample(TOPICS, r.choice([2, 3, 4]))
    order = [*topics, topics[0]] if r.random() < 0.5 else [*topics, topics[1 % len(topics)]]
    seconds = r.choice(["", ":00"])
    minutes, lines = r.randint(9, 18) * 60, list(r.choice(HEADS))
    for topic in order:
        lines.append(f"{_stamp(r, minutes, seconds)} {topic}: {r.choice(NOTES)}")
        minutes += r.choice([15, 30, 45])
    return "\n".join(lines)


def main() -> int:
    """Print the counts of the blind set; exit 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    r = random.Random(50)
    nouns = [_chat(r, people=False) for _ in range(args.n)]
    people = [_chat(r, people=True) for _ in range(args.n)]
    agendas = [_agenda(r) for _ in range(args.n)]
    lost_nouns = [c for c in nouns if not is_speaker_turns(c)]
    lost_people = [c for c in people if not is_speaker_turns(c)]
    turned = [a for a in agendas if is_speaker_turns(a)]
    print(f"must-turns  noun-named chats  {args.n:4}  missed {len(lost_nouns):4}")
    print(f"must-turns  people's chats    {args.n:4}  missed {len(lost_people):4}")
    print(f"must-stay   agendas           {args.n:4}  turned {len(turned):4}")
    if args.show:
        print(*(f"  lost: {c[:160]!r}" for c in lost_nouns + lost_people), sep="\n")
        print(*(f"  turned: {a[:160]!r}" for a in turned), sep="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
