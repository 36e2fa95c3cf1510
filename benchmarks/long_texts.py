"""Long texts of ordinary prose: import time by words (prints a table; exits 1 if it grows
much faster than the text).

A 40-page protocol, a three-hour transcript or a long survey answer pasted as one line:
German prose whose nouns are capitalised (compounds of a few hundred words, so that
hardly a word repeats as in a generated text of a dozen nouns), with some names, cues,
words in capitals, an e-mail and a phone number in every hundred words. Each size N
(words) is written as one line of a .txt and imported into a fresh project (a
``workbench import`` process of its own, less the CPU time of a ten-word text: the
start-up); the CPU time is printed with its growth from N to the next size.

``--old DIR`` measures the same texts with the code in DIR (``PYTHONPATH=DIR``, e.g. an
exported older commit) as the baseline of the same run, and prints how many times faster
this code is.

Run: .venv/bin/python benchmarks/long_texts.py [--sizes 2000,10000,20000] [--old build/old43]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from long_line import _cpu_of  # noqa: E402

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


def measure(sizes: list[int], code: str) -> dict[int, float]:
    """CPU seconds of ``workbench import`` by words with the code in ``code``, less start-up."""
    env = {**os.environ, "PYTHONPATH": code, "PYTHONDONTWRITEBYTECODE": "1"}
    workbench = [sys.executable, "-m", "workbench"]
    out: dict[int, float] = {}
    start_up = None
    for size in [10, *sizes]:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "protokoll.txt"
            path.write_text(prose(size), encoding="utf-8")
            project = str(Path(tmp) / "projekt")
            _cpu_of([*workbench, "init", project, "--districts", "Manfort"], env)
            seconds = _cpu_of([*workbench, "--project", project, "import", str(path)], env)
        if start_up is None:
            start_up = seconds
        else:
            out[size] = max(seconds - start_up, 0.0)
    return out


def table(label: str, seconds: dict[int, float]) -> tuple[str, float]:
    """The times as a German table, and the largest growth against the words' growth."""
    lines = [f"{label}: CPU-Sekunden von workbench import ohne Start"]
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
