"""Many short statements: pseudonymisation throughput in statements per second (prints a table).

A Pol.is conversation has thousands of one-line comments, an NVivo export 30,000 short
statements: the cost of each statement counts, not its length. N statements of one to
three German sentences (generated: nouns of a few hundred compounds, verbs, small words;
every third with a name, a form of address, a cue, words in capitals, an e-mail or a phone
number) go through ONE pseudonymiser, as an import does (:meth:`Pseudonymiser.pseudonymise`
per statement, the key growing). A process of its own loads the word lists on a short text
first; its CPU time for the N statements is printed as statements per second (the best of
two processes: a busy machine slows single runs).

``--old DIR`` measures the same statements with the code in DIR (``PYTHONPATH=DIR``, e.g.
an exported older commit) as the baseline of the same run, and prints how many times
faster this code is.

Run: .venv/bin/python benchmarks/short_statements.py [--sizes 1000,5000] [--old build/old43]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from long_texts import best_seconds, prose  # noqa: E402

FIRST = "Anna Jonas Maria Ayşe Mehmet Lukas Sophie Jens Birgit Kemal Fatma Paul Greta".split()
LAST = "Schmidt Becker Wagner Kowalczyk Yilmaz Tjaden Terhorst Müller Weber Kaya Demir".split()
ASIDES = (
    "Das sagt auch {f} {s}.",
    "Frau {s} stimmt zu.",
    "Laut Herrn {s} fehlt das.",
    "{f} meint das auch.",
    "Kontakt: {fl}.{sl}@example.org",
    "Tel. 0171 {n}",
    "Danke {f}!",
    "FRAU {S} sagt, die AMPEL ist zu kurz.",
)


def statements(count: int, seed: int = 43) -> list[str]:
    """``count`` short statements (the same for the same arguments)."""
    r = random.Random(seed)
    out = []
    for i in range(count):
        words = prose(r.randint(6, 30), seed=seed + i)
        if r.random() < 0.35:
            f, s = r.choice(FIRST), r.choice(LAST)
            aside = r.choice(ASIDES).format(
                f=f, s=s, fl=f.lower(), sl=s.lower(), S=s.upper(), n=r.randint(10**6, 10**7 - 1)
            )
            words = f"{words} {aside}" if r.random() < 0.5 else f"{aside} {words}"
        out.append(words)
    return out


# Run in a process of its own with the code on PYTHONPATH: the word lists are loaded on a
# short text first, then the CPU time of the statements through one pseudonymiser printed
_TIMED = """
import sys, time
sys.path.insert(0, {bench!r})
from short_statements import statements
from workbench.ingest.pseudonymise import Pseudonymiser
key = Pseudonymiser()
key.protect(["Manfort", "Wiesdorf", "Bedarf"])
key.pseudonymise("Frau Anna Schmidt sagt, die BANK am Markt ist kaputt.")
texts = statements({size})
start = time.process_time()
for text in texts:
    key.pseudonymise(text)
print(time.process_time() - start)
"""


def measure(sizes: list[int], code: str, repeat: int = 2) -> dict[int, float]:
    """Statements per second of :meth:`Pseudonymiser.pseudonymise` with the code in
    ``code`` (the best of ``repeat`` processes)."""
    bench = str(ROOT / "benchmarks")
    seconds = {
        size: best_seconds(_TIMED.format(bench=bench, size=size), code, repeat) for size in sizes
    }
    return {size: size / max(spent, 1e-6) for size, spent in seconds.items()}


def table(label: str, rates: dict[int, float]) -> str:
    """The rates as a German table."""
    lines = [f"{label}: kurze Aussagen durch einen Pseudonymisierer"]
    lines.append(f"{'Aussagen':>9}{'Aussagen/s':>12}{'ms/Aussage':>12}")
    for size, rate in sorted(rates.items()):
        lines.append(f"{size:>9}{rate:>12.0f}{1000 / rate:>12.2f}")
    return "\n".join(lines)


def main() -> int:
    """Measure this code (and the old one if asked) and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--old", help="Ordner mit dem alten Code (PYTHONPATH)")
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    new = measure(sizes, str(ROOT))
    if args.old:
        old = measure(sizes, args.old)
        print(table(f"Alter Code ({args.old})", old), end="\n\n")
    print(table("Dieser Code", new))
    if args.old:
        for size in sizes:
            print(f"{size:>9} Aussagen: {new[size] / old[size]:.2f}-mal so schnell")
    return 0


if __name__ == "__main__":
    sys.exit(main())
