"""Blind set: which speaker headings and labels count as a person's (speaker evidence).

The gazetteer lists German function and common words as names ("an", "die", "nur", "es",
"schon", "da", "man" as first names or surnames; "gut" as a surname), so a heading such as
"00:13 Der Spielplatz an der Schulstraße" looked like a person's. Generated, seeded cases:

- must-person: names as people write them as speakers: first name and surname ("An
  Nguyen", "Nur Kaya", "Ida Becker"), short first names alone ("An", "Li", "Bo", "Ida",
  "Jo", "Nur"; "Nur" is a Turkish and Arabic first name), all in capitals ("NUR KAYA"),
  a chat's display names in lower case ("anna schmidt", "mehmet yilmaz", "lea", "lea K."), with a
  role in brackets ("Ida Becker (Moderation)"). ``person_like`` must hold; for two or more
  names also ``full_name``.
- must-not: topics and sentences with function words and no name ("Der Spielplatz an
  der Schulstraße", "Es gibt zu wenig Bänke", "Nur noch wenige Plätze frei", "Gut
  besucht", "An der Haltestelle", also in lower case and in capitals). Neither
  ``person_like`` nor ``full_name`` may hold.
- end to end (``is_speaker_turns``): a transcript of "00:00:13 <person>" heads over what
  is said, people speaking in turn (must be turns), and a protocol of "18:00 <topic>"
  headings over paragraphs, a topic returning (must stay no turns); a plan's "[15:30]
  Spielplatz Schulstraße: …" lines whose topic comes back, under "Programm", "Ablauf" or
  no head (must stay), and a chat's "[18:05] An Nguyen: …" lines of two people at times
  on five minutes too (must be turns).

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/speaker_evidence_blind.py [--n 200] [--show]
(the code under test comes first on PYTHONPATH; the generator is seeded: same cases).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first

from workbench.ingest.few_turns import full_name, person_like
from workbench.ingest.speaker_turns import is_speaker_turns

FIRST = ["An", "Li", "Bo", "Ida", "Jo", "Nur", "Ali", "Eda", "Lea", "Ben", "Anna", "Mehmet"]
LAST = ["Nguyen", "Kaya", "Yilmaz", "Schmidt", "Becker", "Wagner", "Kim", "Hoffmann"]
SHORT = ["An", "Li", "Bo", "Ida", "Jo", "Nur"]
ROLES = ["Moderation", "Stadtteilbüro", "Gast", "Protokoll"]
NOUN = ["Ampel", "Haltestelle", "Baustelle", "Beleuchtung", "Bücherei", "Brücke", "Kita"]
PLURAL = ["Bänke", "Plätze", "Parkplätze", "Mülleimer", "Angebote", "Termine"]
STREET = ["Schulstraße", "Hauptstraße", "Bahnhofstraße", "Kirchgasse", "Lindenallee"]
TOPICS = [
    "Der Spielplatz an der {s}",
    "Die {n} an der {s}",
    "Es gibt zu wenig {p}",
    "Nur noch wenige {p} frei",
    "Schon wieder die {n}",
    "An der {s}",
    "Da fehlt eine {n}",
    "Gut besucht",
    "Man sieht die {n} kaum",
    "Die {n} ist seit Monaten gesperrt",
    "Allen {p} fehlt ein Dach",
    "Es fehlen {p} an der {s}",
]
SAID = [
    "Herzlich willkommen zur Stadtteilrunde.",
    "Im Winter ist der Weg zur Schule dunkel.",
    "Wir brauchen mehr Bänke im Schatten, gerade für Ältere.",
    "Ja, das sehe ich genauso.",
    "Die Linie 5 fährt nach acht Uhr nur noch stündlich.",
]


def _person(r: random.Random) -> tuple[str, bool]:
    """A speaker as people write one, and whether it is a full name."""
    kind = r.choice(["full", "short", "caps", "lower", "lower-one", "role", "initial"])
    first, last = r.choice(FIRST), r.choice(LAST)
    if kind == "short":
        return r.choice(SHORT), False
    if kind == "caps":
        return f"{first} {last}".upper(), True
    if kind == "lower":
        return f"{r.choice(['Anna', 'Mehmet', 'Lea', 'Fatma'])} {last}".lower(), True
    if kind == "lower-one":
        return r.choice(["lea", "anna", "mehmet", "fatma"]), False
    if kind == "initial":  # a chat's "lea K."
        return f"{r.choice(['lea', 'anna', 'mehmet', 'fatma'])} {last[0]}.", False
    if kind == "role":
        return f"{first} {last} ({r.choice(ROLES)})", True
    return f"{first} {last}", True


def _topic(r: random.Random) -> str:
    """A topic or sentence with function words, as written, in lower case or capitals."""
    text = r.choice(TOPICS).format(n=r.choice(NOUN), p=r.choice(PLURAL), s=r.choice(STREET))
    case = r.random()
    return text.lower() if case < 0.15 else text.upper() if case < 0.25 else text


def _clock(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def _transcript(r: random.Random) -> str:
    """Heads of time and person over what is said, two or three people in turn."""
    people = []
    while len(people) < r.choice([2, 3]):
        who = _person(r)[0]
        if who.casefold() not in {p.casefold() for p in people}:
            people.append(who)
    second, lines = r.randint(0, 30), []
    for i in range(r.randint(5, 8)):
        lines += [f"{_clock(second)} {people[i % len(people)]}", r.choice(SAID), ""]
        second += r.randint(5, 90)
    return "\n".join(lines)


def _protocol(r: random.Random) -> str:
    """Headings of a time and a topic over paragraphs, one topic returning."""
    topics = []
    while len(topics) < 3:
        topic = _topic(r)
        if topic.casefold() not in {t.casefold() for t in topics}:
            topics.append(topic)
    order = [*topics, topics[0], topics[1]]
    hour, lines = r.randint(9, 18), []
    for i, topic in enumerate(order):
        lines += [f"{hour:02d}:{15 * i:02d} {topic}", r.choice(SAID), ""]
    return "\n".join(lines)


AGENDA_TOPICS = ["Spielplatz Schulstraße", "Verkehr", "Grünflächen", "Beleuchtung", "Müll"]
AGENDA_HEADS = [[], ["Programm 12.03.2024", ""], ["Ablauf", ""]]


def _inline_agenda(r: random.Random) -> str:
    """A plan's "[15:30] Topic: text" lines, a topic coming back, times on five minutes."""
    topics = r.sample(AGENDA_TOPICS, 2)
    order = [topics[0], topics[1], topics[0], *r.choice([[], [topics[1]]])]
    seconds = r.choice(["", ":00"])
    hour, minute, lines = r.randint(9, 18), 0, list(r.choice(AGENDA_HEADS))
    for topic in order:
        lines.append(f"[{hour:02d}:{minute:02d}{seconds}] {topic}: {r.choice(SAID)}")
        minute += r.choice([15, 30])
        hour, minute = hour + minute // 60, minute % 60
    return "\n".join(lines)


def _inline_chat(r: random.Random) -> str:
    """A chat's "[18:05] Name: text" lines of two people, at times on five minutes too."""
    people = r.sample(["Anna Schmidt", "An Nguyen", "Nur", "anna schmidt", "Ida", "lea"], 2)
    hour, minute, lines = r.randint(9, 18), 0, []
    for i in range(r.randint(3, 5)):
        lines.append(f"[{hour:02d}:{minute:02d}] {people[i % 2]}: {r.choice(SAID)}")
        minute += r.choice([5, 10])
        hour, minute = hour + minute // 60, minute % 60
    return "\n".join(lines)


def main() -> int:
    """Print the counts of the blind set; exit 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    r = random.Random(49)
    persons = [_person(r) for _ in range(args.n)]
    topics = [_topic(r) for _ in range(args.n)]
    missed = [w for w, _ in persons if not person_like(w)]
    missed_full = [w for w, full in persons if full and not full_name(w)]
    taken = [t for t in topics if person_like(t)]
    taken_full = [t for t in topics if full_name(t)]
    docs = args.n // 4
    transcripts = [_transcript(r) for _ in range(docs)]
    protocols = [_protocol(r) for _ in range(docs)]
    lost = [t for t in transcripts if not is_speaker_turns(t)]
    turned = [p for p in protocols if is_speaker_turns(p)]
    agendas = [_inline_agenda(r) for _ in range(docs)]
    chats = [_inline_chat(r) for _ in range(docs)]
    spoken = [a for a in agendas if is_speaker_turns(a)]
    silent = [c for c in chats if not is_speaker_turns(c)]
    fulls = sum(full for _, full in persons)
    print(f"must-person  person_like   {len(persons):4}  missed {len(missed):4}")
    print(f"must-person  full_name     {fulls:4}  missed {len(missed_full):4}")
    print(f"must-not     person_like   {len(topics):4}  taken  {len(taken):4}")
    print(f"must-not     full_name     {len(topics):4}  taken  {len(taken_full):4}")
    print(f"must-turns   transcripts   {docs:4}  missed {len(lost):4}")
    print(f"must-stay    protocols     {docs:4}  turned {len(turned):4}")
    print(f"must-stay    agendas       {docs:4}  turned {len(spoken):4}")
    print(f"must-turns   chats         {docs:4}  missed {len(silent):4}")
    if args.show:
        for label, items in (
            ("missed", missed + missed_full),
            ("taken", sorted(set(taken + taken_full))),
        ):
            print(*(f"  {label}: {w!r}" for w in items), sep="\n")
        print(*(f"  lost: {t[:120]!r}" for t in lost), sep="\n")
        print(*(f"  turned: {p[:120]!r}" for p in turned + spoken), sep="\n")
        print(*(f"  lost: {c[:120]!r}" for c in silent), sep="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
