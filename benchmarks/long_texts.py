"""Long texts of ordinary prose: pseudonymisation time by words (prints a table; exits 1 if
it grows much faster than the text).

A 40-page protocol, a three-hour transcript or a long survey answer pasted as one line:
German prose whose nouns are capitalised (compounds of a few hundred words, so that
hardly a word repeats as in a generated text of a dozen nouns), with some names, cues,
words in capitals, an e-mail and a phone number in every hundred words. For each size N
(words) a process of its own loads the word lists on a short text and then pseudonymises
the line of N words as an import does (:meth:`Pseudonymiser.pseudonymise`: the detector
chain, read again where the key learns a name); its CPU time is printed with its growth
from N to the next size (the fastest of two processes).

``--old DIR`` measures the same texts with the code in DIR (``PYTHONPATH=DIR``, e.g. an
exported older commit) as the baseline of the same run, and prints how many times faster
this code is.

Run: .venv/bin/python benchmarks/long_texts.py [--sizes 2000,10000,20000] [--old build/old43]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HEADS = (
    "platz weg straße bank ampel park garten schule markt haus hof treff laden halle "
    "brücke wiese ecke zaun baum licht bus bahn raum zeit geld plan kreis gruppe rat"
).split()
STEMS = (
    "Spiel Fahrrad Kinder Jugend Senioren Nachbar Bürger Stadt Wochen Sommer Winter Abend "
    "Markt Schul Sport Grün Wasser Feuer Blumen Bäcker Kirchen Sonnen Wald Feld Berg Fluss "
    "Eltern Quartier Verkehr Park"
).split()
NOUNS = "Beleuchtung Sicherheit Beteiligung Verwaltung Idee Vorschlag Lärm Müll Miete".split()
VERBS = "braucht fehlt stört hilft gibt liegt steht wird ist bleibt kommt geht".split()
ADJECTIVES = "mehr wenig neue alte dunkle laute schöne kaputte sichere breite enge".split()
SMALL = "und aber oder denn weil dass wenn auch noch schon sehr zu im am an der die das".split()
ASIDES = (
    "Das sagt auch Frau Kowalczyk.",
    "Laut Tjaden fehlt ein Treffpunkt.",
    "Anna Becker meint, die AMPEL am MARKT sei zu kurz.",
    "Kontakt: jens.terhorst@example.org, Tel. 0171 2345678.",
    "Herr Yilmaz kommt morgen.",
)


def prose(words: int, seed: int = 43) -> str:
    """``words`` words of German prose in one line (the same for the same arguments)."""
    r = random.Random(seed)

    def noun() -> str:
        return r.choice(NOUNS) if r.random() < 0.2 else r.choice(STEMS) + r.choice(HEADS)

    out: list[str] = []
    while len(out) < words:
        if r.random() < 0.08:
            out += r.choice(ASIDES).split()
            continue
        article = r.choice(("Die", "Der", "Das"))
        out += [article, noun(), r.choice(VERBS), r.choice(ADJECTIVES), noun()]
        out += [r.choice(SMALL), r.choice(SMALL), f"{noun()}."]
    return " ".join(out[:words])


# Run in a process of its own with the code on PYTHONPATH: the word lists are loaded on a
# short text first, then the CPU time of pseudonymising the long one is printed
_TIMED = """
import sys, time
sys.path.insert(0, {bench!r})
from long_texts import prose
from workbench.ingest.pseudonymise import Pseudonymiser
Pseudonymiser().pseudonymise("Frau Anna Schmidt sagt, die BANK am Markt ist kaputt.")
text = prose({size})
start = time.process_time()
Pseudonymiser().pseudonymise(text)
print(time.process_time() - start)
"""


def best_seconds(script: str, code: str, repeat: int = 2) -> float:
    """The CPU seconds ``script`` prints last, run with the code in ``code`` (the fastest of
    ``repeat`` processes: a busy machine slows single runs)."""
    env = {**os.environ, "PYTHONPATH": code, "PYTHONDONTWRITEBYTECODE": "1"}
    runs = [
        subprocess.run(
            [sys.executable, "-c", script],
            env=env,
            check=True,
            capture_output=True,
            text=True,
            cwd=tempfile.gettempdir(),
        ).stdout
        for _ in range(repeat)
    ]
    return min(float(run.split()[-1]) for run in runs)


def measure(sizes: list[int], code: str, repeat: int = 2) -> dict[int, float]:
    """CPU seconds of :meth:`Pseudonymiser.pseudonymise` of a line of each size with the
    code in ``code``."""
    bench = str(ROOT / "benchmarks")
    return {
        size: best_seconds(_TIMED.format(bench=bench, size=size), code, repeat) for size in sizes
    }


def table(label: str, seconds: dict[int, float]) -> tuple[str, float]:
    """The times as a German table, and the largest growth against the words' growth."""
    lines = [f"{label}: CPU-Sekunden der Pseudonymisierung einer Zeile"]
    lines.append(f"{'Wörter':>8}{'Sekunden':>10}{'Wachstum (Wörter)':>22}")
    worst, before = 0.0, None
    for size, now in sorted(seconds.items()):
        growth = ""
        if before is not None and before[1] >= 0.5:  # below, start-up noise rules
            ratio = (now / before[1]) / (size / before[0])
            worst = max(worst, ratio)
            growth = f"×{now / before[1]:.1f} (×{size / before[0]:.1f})"
        lines.append(f"{size:>8}{now:>10.2f}{growth:>22}")
        before = (size, now)
    return "\n".join(lines), worst


# Growth of the time over the growth of the words above which the benchmark fails
MAX_GROWTH = 1.5


def main() -> int:
    """Measure this code (and the old one if asked) and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,10000,20000")
    parser.add_argument("--old", help="Ordner mit dem alten Code (PYTHONPATH)")
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    new = measure(sizes, str(ROOT))
    text, worst = table("Dieser Code", new)
    if args.old:
        old = measure(sizes, args.old)
        print(table(f"Alter Code ({args.old})", old)[0], end="\n\n")
        print(text)
        for size in sizes:
            print(f"{size:>8} Wörter: {old[size] / max(new[size], 1e-3):.1f}-mal so schnell")
    else:
        print(text)
    print(f"Größtes Wachstum über dem der Wörter: ×{worst:.2f} (Grenze ×{MAX_GROWTH:.1f})")
    return 1 if worst > MAX_GROWTH else 0


if __name__ == "__main__":
    sys.exit(main())
