"""Blind set: personal names written in lower case, as in chats and quick notes.

- must-change (a leak is any word of the name left in clear): a first name and a surname
  of the gazetteer, both in lower case, in chat sentences ("hab gestern mit anna schmidt
  gesprochen", "frag mal thomas müller vom jugendamt", "hier ist jürgen weber"); a first
  name alone after a strong cue ("hallo sabine", "danke an klaus und petra", "ich bin die
  sabine, wohne in manfort", "grüße an jens"); the surname beside an @-handle ("@anna
  schmidt kannst du das schicken?"). Every name is on the gazetteer (checked at generation:
  the rule needs the list) and no ordinary German word.
- must-stay (the text unchanged): lower-case chat German with words that are names
  elsewhere ("die farbe rosa", "ganz ernst gemeint", "frank und frei", "klein aber fein",
  "der bauer auf dem markt"), English chat lines ("will do", "mark as read"), cues with no
  name after them ("hallo zusammen", "ich bin der meinung", "danke an alle"), districts,
  streets named after people and institutions in lower case ("am konrad adenauer platz",
  "in der karl marx straße", "beim jugendamt in opladen").
- printed apart: a first name with a surname that is an ordinary word in lower case
  ("anna klein", "jens koch", "petra braun") — left in clear on purpose ("ist anna klein?",
  "hat jens koch gelernt?" read so too).

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/lowercase_names_blind.py [--show]
(the code under test comes first on PYTHONPATH; the generator is seeded: same cases).
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first

from _blind import counters

from workbench.ingest.name_gazetteer import gazetteer
from workbench.ingest.pseudonymise import Pseudonymiser

FIRST = (
    "anna thomas sabine jürgen klaus petra michael andrea stefan claudia markus nicole "
    "christian sandra tobias katharina jens monika holger birgit dirk heike uwe karin "
    "fatma ayse mehmet murat elif emine olga natalia piotr agnieszka giuseppe marco "
    "jessica kevin lena lukas leonie jonas svenja dennis yasemin dimitri"
).split()
LAST = (
    "schmidt müller meyer weber wagner becker schulz hoffmann schäfer schröder neumann "
    "krüger hartmann werner krause lehmann köhler herrmann walter huber möller scholz "
    "schubert friedrich günther berger winkler lorenz baumann albrecht böhm kraus "
    "schumacher krämer vogt seidel heinrich brandt haas schreiber dietrich ziegler pohl "
    "bergmann voigt arnold pfeiffer yilmaz kaya öztürk demir kowalski nowak kowalczyk "
    "wiśniewski rossi ivanov petrović"
).split()
# surnames that are ordinary words in lower case: left in clear on purpose
WORD_LAST = "klein lang braun weiß schwarz groß fuchs wolf koch bauer jung kaiser".split()

PAIR = [
    "hab gestern mit {} gesprochen",
    "frag mal {} vom jugendamt",
    "hallo zusammen, hier ist {}",
    "{} hat den schlüssel für den gemeinschaftsraum",
    "kann jemand {} den link schicken?",
    "laut {} fällt das treffen aus",
    "ich hab {} beim sommerfest getroffen",
    "war {} auch da?",
    "wer ist eigentlich {}?",
    "{} kommt heute etwas später",
    "die nummer von {} hab ich nicht",
    "danke an {} für die fotos!",
    "ok, {} übernimmt das protokoll",
    "bitte {} in die gruppe aufnehmen",
    "sag {} bescheid wegen samstag",
    "{} und ich machen den stand",
    "notiz: {} anrufen wegen spielplatz",
    "treffen mit {} am dienstag 18 uhr",
]
CUED = [
    "hallo {}, bist du morgen dabei?",
    "hi {} 👋",
    "moin {}, danke für die infos",
    "danke {}!",
    "danke an {} und {}",
    "ich bin die {}, wohne in manfort",
    "ich bin der {} aus opladen",
    "grüße an {}",
    "liebe {}, vielen dank für deine mühe",
    "hab heute mit {} gesprochen, sie kommt",
    "hallo {} und {}, passt euch montag?",
]
HANDLE = [
    "@{} kannst du das schicken?",
    "@{} danke dir!",
    "@{} bist du morgen da?",
    "danke @{} für die liste",
]
STAY = [
    "die farbe rosa gefällt mir", "ganz ernst gemeint", "frank und frei gesagt",
    "klein aber fein", "wir fahren mit der bahn", "das kostet ein paar euro",
    "der bauer auf dem markt hat eier", "koch mal kaffee", "will do", "mark as read",
    "ich fand das echt gut", "das ist ernst zu nehmen", "die wand ist rosa gestrichen",
    "jung und alt waren da", "der weg ist lang und steil", "das wird schwarz auf weiß "
    "festgehalten", "groß und klein sind eingeladen", "der hund ist braun", "das ist neu",
    "wir kochen zusammen", "hallo zusammen", "hallo alle", "hallo nochmal", "hi leute",
    "moin moin", "danke an alle", "danke an die stadt", "danke euch allen", "grüße an alle",
    "liebe grüße", "liebe nachbarn, morgen ist markt", "ich bin der meinung, dass es reicht",
    "ich bin die neue hier", "ich bin der ansicht, wir brauchen licht",
    "ich bin die mutter von zwei kindern", "hier ist es abends zu laut",
    "hier ist der link", "hab mit dem amt gesprochen", "hab mit der kita gesprochen",
    "wir treffen uns am konrad adenauer platz", "die karl marx straße ist gesperrt",
    "in der anne frank schule", "am willy brandt ring", "die friedrich ebert straße",
    "die sophie scholl gesamtschule", "wir wohnen in manfort", "ich wohne in opladen",
    "beim jugendamt in wiesdorf", "die awo macht das", "die caritas sozialstation",
    "beim sozialamt angerufen", "im stadtteilbüro schlebusch", "am rathaus in rheindorf",
    "die hauptstraße ist voll", "das jobcenter hat angerufen", "das ist klar",
    "hope to see you there", "grace period ends friday", "may i ask a question",
    "june 5th works for me", "i will send the link", "thanks everyone", "see you",
    "the bill is paid", "good point", "frank discussion today", "that was rich",
    "hunter green shirt", "dawn till dusk", "rich and poor", "the grant application",
    "die mark war früher stabil", "paul und paula ist ein film",
    "april april", "im august ist sommerfest", "im mai gibt es ein fest",
    "der fuchs im park", "der wolf im märchen", "die rose im garten",
    "der koch im café", "die kinder spielen im park", "der bus kommt gleich",
]  # fmt: skip


def _on_gazetteer(first: list[str], last: list[str]) -> tuple[list[str], list[str]]:
    """The names the gazetteer knows as first names and surnames (the rule needs the list)."""
    names = gazetteer()
    cap = str.capitalize
    return [f for f in first if names.has_first(cap(f))], [
        s for s in last if names.has_last(cap(s))
    ]


def _words(name: str) -> list[str]:
    """The words of a name that must not stay in clear."""
    return [w for w in re.split(r"[\s@]+", name) if w]


_stay, _change = counters(_words, 30)


def main() -> None:
    """Build the sets, pseudonymise them, print the counts."""
    rng = random.Random(47)
    firsts, lasts = _on_gazetteer(FIRST, LAST)
    pairs = []
    for _ in range(240):
        first, last = rng.choice(firsts), rng.choice(lasts)
        pairs.append((rng.choice(PAIR).format(f"{first} {last}"), [first, last]))
    _change("first name + surname", pairs)
    cued = []
    for _ in range(200):
        template = rng.choice(CUED)
        names = rng.sample(firsts, template.count("{}"))
        cued.append((template.format(*names), names))
    _change("first name after a cue", cued)
    handles = []
    for _ in range(80):
        first, last = rng.choice(firsts), rng.choice(lasts)
        handles.append((rng.choice(HANDLE).format(f"{first} {last}"), [last]))
    _change("surname beside an @-handle", handles)
    _stay("ordinary lower-case chat", [(t, "") for t in STAY])
    word_pairs = [(rng.choice(PAIR).format(f"{rng.choice(firsts)} {w}"), w) for w in WORD_LAST * 5]
    replaced = sum(Pseudonymiser().pseudonymise(t)[0] != t for t, _ in word_pairs)
    print(f"first name + word surname (left on purpose) {len(word_pairs):4}  replaced {replaced:4}")


if __name__ == "__main__":
    main()
