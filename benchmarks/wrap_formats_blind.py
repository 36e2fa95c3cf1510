"""Blind set: names wrapped over a line break in the files the Werkbank imports.

Builds realistic protocols as files — plain text hard-wrapped at 72 columns (also an
e-mail saved as text, its reply quoted with "> "), RTF with line breaks inside a
paragraph, PDF (a name wrapped inside a page, and one split by a page break with the
running header and footer between) — and cells or DOCX paragraphs with soft line breaks
(the text as the reader stores it). Every file is imported with ``parse_file`` and its
statements pseudonymised as an import does.

- must-change: a person's name broken at a line end (``Anna\\nSchmidt``,
  ``Anna-\\nLena Schmidt``, ``Frau Dr.\\nKaya``, a name on a paragraph's last line
  without a full stop); a leak is any part of the name left in clear in the output.
- must-not-change: ordinary wrapped texts (no person in them); their outputs are written
  to ``--out`` so that two runs (old code, new code) can be compared line by line.

Run: PYTHONPATH=CODE .venv/bin/python benchmarks/wrap_formats_blind.py --out FILE
(the code under test comes first on PYTHONPATH; the generator is seeded: same cases).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH comes first

from tests.test_pdf_protocol import pdf_bytes
from workbench.ingest import parse_file
from workbench.ingest.pseudonymise import Pseudonymiser

FIRST = (
    "Anna Peter Fatma Jens Maria Thomas Ewa Mehmet Sabine Karl Lena Jürgen Aylin Olga "
    "Stefan Monika Ibrahim Claudia Dirk Sophie Anna-Lena Hans-Peter Marie-Luise Karl-Heinz"
).split()
LAST = (
    "Schmidt Becker Öztürk Weber Kowalczyk Wagner Hoffmann Yilmaz Schulze Krüger Nguyen "
    "Lehmann Demir Richter Kaya Neumann Schwarz Zimmermann Braun Hartmann Müller-Lüdenscheidt"
).split()
LEADS = [
    "Im Workshop wurde lange über den Spielplatz am Marktplatz gesprochen, und laut",
    "Die Jugendlichen wünschen sich einen Treffpunkt mit WLAN, so berichtete",
    "Zur Frage der Beleuchtung im Park an der Bahnhofstraße meldete sich auch",
    "Für die Seniorinnen fehlt eine Bank an der Haltestelle, das bestätigte",
    "Am Ende der Sitzung bedankte sich die Moderation ausdrücklich bei",
    "Die Hausaufgabenhilfe in der Stadtteilbibliothek wird getragen von",
    "Beim Rundgang durch das Quartier zeigte uns die Wege zur Grundschule",
]
TAILS = [
    "fehlt dort abends Licht.",
    "die Stimmung im Viertel ist eher gedrückt.",
    "ist der Weg zur Kita im Winter zu dunkel.",
    "sollen die Öffnungszeiten verlängert werden.",
    "",  # the paragraph ends with the name, no full stop
]
FORMS = ["{f}|{l}", "Frau|{l}", "Herrn|{l}", "Frau {f}|{l}", "Frau Dr.|{l}", "{f1}-|{f2} {l}"]
ORDINARY = [
    "Die Jugendlichen treffen sich abends am|Marktplatz, weil es sonst keinen Ort gibt.",
    "Gewünscht wird ein Ausbau der Kita-|Betreuung und mehr Plätze für die Kleinsten.",
    "Viele Eltern berichten, dass der Weg zur Schule an der Kölner|Straße gefährlich ist.",
    "Die Bänke im Park sind kaputt, und die Stadt|Leverkusen hat noch nicht reagiert.",
    "Die Rad-|und Fußwege sind zu schmal, besonders an der Ecke zur Hauptstraße.",
    "Mehr Angebote für Seniorinnen und Senioren, zum Beispiel im Bürgerhaus|Manfort.",
    "Der Sportverein bietet Kurse an, die Halle steht aber am Wochenende|leer.",
    "Es fehlt ein Treffpunkt für Familien mit kleinen Kindern im|Quartier",
    "Die Beleuchtung am Bahnhof ist schlecht, sagen die Jugendlichen aus der|Siedlung.",
    "Die Buslinie 201 fährt abends zu selten, gerade am Samstag und am|Sonntag.",
    "Gewünscht werden eine Sprechstunde des Ordnungsamts und eine Nord-|Süd-Verbindung.",
    "Die Stadtteilkonferenz schlägt vor, den Platz vor der Kirche St.|Remigius zu öffnen.",
    # a line that ends in a word that is also a first name (a month, a flower, a street's)
    "Die Beete am Spielplatz pflegt seit Jahren die Gruppe der Kita bis in den Juni|Rückblick",
    "Wir treffen uns wieder zum Sommerfest des Stadtteils im kommenden August|Ort: Bürgerhaus",
    "Die Blumen im Park an der Bahnhofstraße sind verblüht, besonders die Rose|Linde und Eiche "
    "stehen noch.",
    "Der Spielplatz liegt hinter den Häusern am Rand der Siedlung an der Heide|Schule und Kita "
    "sind nah.",
    "Alle Anwesenden bedanken sich bei der Moderation für die Arbeit seit Juni|Verabschiedung",
    "Die Sitzung endete pünktlich, die nächste Sitzung des Arbeitskreises ist im August|"
    "Tagesordnung",
    "Ein Thema war der Bolzplatz am Ende der Straße in Richtung Mark|Bahnhof Schlebusch",
    "Das Fest im Stadtteil wird vom Verein organisiert und findet statt im Juli|Weitere Infos "
    "folgen.",
    "Gesprochen wurde auch über die Buslinie und den Weg zur Kita im August|Anwesend: Moderation",
    "Die Gruppe trifft sich jede Woche, zuletzt am Montag mit der Frau|Nachbarin und Kindern.",
    "Der Zugang zum Jugendzentrum ist für Rollstühle schwierig, sagen die Eltern der Kita|"
    "Sonnenschein",
]
HEAD = "Stadt Leverkusen · Fachbereich Soziales · Stadtteilkonferenz"
FOOT = "Protokoll Stadtteilkonferenz Manfort vom 12. März 2021 – Seite {} von 2"


def _name(rng: random.Random) -> tuple[str, str, list[str]]:
    """A name broken at "|", the same on one line, and its words (to find leaks)."""
    form = rng.choice(FORMS)
    first, last = rng.choice(FIRST), rng.choice(LAST)
    if "{f1}" in form:
        first = rng.choice([f for f in FIRST if "-" in f])
        f1, f2 = first.split("-")
        broken = form.format(f1=f1, f2=f2, l=last)
    else:
        broken = form.format(f=first, l=last)
    words = [w for w in re.split(r"[\s|-]+", f"{first} {last}") if w]
    if not form.startswith("{f"):
        words = [w for w in re.split(r"[\s|-]+", broken) if w not in ("Frau", "Herrn", "Dr.")]
    return broken, broken.replace("-|", "-").replace("|", " "), words


def _files(rng: random.Random, root: Path, broken: str, kind: str) -> list[Path]:
    """Files of each format with ``broken`` (a text with one "|") wrapped at its "|"."""
    before, after = broken.split("|")
    made: list[Path] = []
    intro = "Protokoll Stadtteilkonferenz Manfort\n\nWas fehlt im Quartier?\n\n"
    txt = root / f"{kind}.txt"
    txt.write_text(f"{intro}{before}\n{after}\n\nDie nächste Sitzung ist im Mai.\n", "utf-8")
    mail = root / f"{kind}_mail.txt"
    mail.write_text(
        "Hallo zusammen,\n\nanbei meine Notizen vom Workshop.\n\nAm 12.03.2021 schrieb die "
        f"Moderation:\n> {before}\n> {after}\n\nViele Grüße\n",
        "utf-8",
    )
    rtf = root / f"{kind}.rtf"
    esc = "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in f"{before}\\line {after}")
    rtf.write_text(
        "{\\rtf1\\ansi\\deff0 {\\fonttbl{\\f0 Arial;}}\\f0 Protokoll\\par\\par "
        f"{esc}\\par Die nächste Sitzung ist im Mai.\\par}}".encode("ascii", "replace").decode(),
        "ascii",
    )
    filler = "Die Jugendlichen wünschen sich nach der Schule einen Treffpunkt am Markt."
    page1 = [HEAD, "Protokoll Workshop", "Datum: 12.03.2021", "Was fehlt?", filler, before]
    pdf_page = root / f"{kind}_page.pdf"
    pdf_page.write_bytes(pdf_bytes([[*page1, after, FOOT.format(1)]]))
    pdf_break = root / f"{kind}_break.pdf"
    pdf_break.write_bytes(pdf_bytes([[*page1, FOOT.format(1)], [HEAD, after, FOOT.format(2)]]))
    made += [txt, mail, rtf, pdf_page, pdf_break]
    return made


def _imported(path: Path) -> list[str]:
    """The statements of ``path`` pseudonymised as an import does (one key per file)."""
    doc = parse_file(path)
    p = Pseudonymiser()
    return [p.pseudonymise(s.text, doc.names)[0] for s in doc.segments]


def _cell(text: str) -> str:
    """A cell's or DOCX paragraph's text with its soft line break, pseudonymised."""
    return Pseudonymiser().pseudonymise(text)[0]


def main() -> None:
    """Build the set, import it, print the leaks per format, write the outputs."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--cases", type=int, default=60)
    parser.add_argument("--show", action="store_true", help="print each leak's format")
    args = parser.parse_args()
    rng = random.Random(44)
    leaks: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    outputs: list[str] = []
    formats = ["txt", "mail", "rtf", "pdf_page", "pdf_break"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for case in range(args.cases):
            broken, _, words = _name(rng)
            lead, tail = rng.choice(LEADS), rng.choice(TAILS)
            text = f"{lead} {broken} {tail}".strip()
            for fmt, path in zip(formats, _files(rng, root, text, f"n{case}"), strict=True):
                out = " ".join(_imported(path))
                totals[fmt] += 1
                if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", out) for w in words):
                    leaks[fmt] += 1
                    if args.show:
                        print(f"LEAK {fmt:9} {broken!r:32} → {out[-110:]!r}")
            for sep in ("\n", " \n", "\r\n"):  # a cell or a DOCX soft line break
                out = _cell(text.replace("-|", "-\n").replace("|", sep))
                totals["cell"] += 1
                leak = any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", out) for w in words)
                leaks["cell"] += leak
                if leak and args.show:
                    print(f"LEAK cell      {broken!r:32} → {out[-110:]!r}")
        for case, ordinary in enumerate(ORDINARY * max(1, args.cases // 15)):
            lead = rng.choice(["", "Laut Protokoll: ", "Zusammengefasst: "])
            paths = _files(rng, root, lead + ordinary, f"o{case}")
            for fmt, path in zip(formats, paths, strict=True):
                outputs.append(f"{fmt}\t{case}\t{json.dumps(_imported(path), ensure_ascii=False)}")
            for sep in ("\n", "\r\n"):
                out = _cell((lead + ordinary).replace("|", sep))
                outputs.append(f"cell\t{case}\t{json.dumps(out, ensure_ascii=False)}")
    args.out.write_text("\n".join(outputs) + "\n", "utf-8")
    for fmt in [*formats, "cell"]:
        print(f"{fmt:10} wrapped names {totals[fmt]:4}  leaked {leaks[fmt]:4}")
    print(f"ordinary outputs written: {len(outputs)} → {args.out}")


if __name__ == "__main__":
    main()
