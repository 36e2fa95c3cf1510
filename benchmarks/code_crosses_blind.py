"""Blind set of coded spreadsheets with one column per code (``--code-columns``, Dedoose's
excerpt export) and of survey tables whose checkbox columns are answers, not codes.

Generated with a fixed seed; each case has its expected result:

- must-code: a team's sheet with crosses ("x", "X", "ja", "1", "✓", "✔", "wahr", "TRUE",
  a weight "2") under code headers (subcodes "Bedarfe\\Wohnen", "Bedarfe::Wohnen"), read
  with ``--code-columns`` (a list or a range): every statement's codes exactly;
- must-refuse: the same with one cell that is no cross ("xx", "vielleicht", "-1", "x?",
  "nö", "2x"): the import stops (code not lost, none invented);
- dedoose: Dedoose's excerpt export ("Excerpt Copy", "Code: NAME Applied/Weight/Range"),
  imported with ``--coder`` only: every excerpt's codes exactly;
- must-stay: survey tables without the option (LimeSurvey "Y", Microsoft Forms "Ja",
  "x" checkboxes, SoSci 1/2, TRUE/FALSE) with headers a codebook has too ("Spielplatz",
  "Verkehr"): no code, every checkbox column an attribute.

Run: ``python benchmarks/code_crosses_blind.py`` (``PYTHONPATH`` picks the code).
"""

from __future__ import annotations

import io
import random
from typing import Any

from workbench.core.domain import InputError
from workbench.ingest.table import TableMapping, parse_table

CODES = ["Ressource", "Herausforderung", "Bedarf", "Sicherheit", "Verkehr", "Spielplatz"]
SUBCODES = ["Bedarfe\\Wohnen", "Bedarfe::Freizeit", "Themen\\Jugend"]
MARKS = ["x", "X", "ja", "Ja", "1", "✓", "✔", "wahr", "TRUE", "true", "2", "3"]
EMPTY = ["", "", "", "0", "nein", "false", "FALSCH", "-"]
TYPOS = ["xx", "vielleicht", "-1", "x?", "nö", "2x", "Bedarf", "o"]
TEXTS = [
    "Der Treff am Markt ist abends zu",
    "Zu wenig bezahlbare Wohnungen",
    "Der Spielplatz ist gut gepflegt",
    "Die Kreuzung an der Schule ist gefährlich",
    "Mehr Bänke an der Promenade",
    "Im Jugendzentrum fehlen Angebote",
]


def _csv(rows: list[list[str]]) -> bytes:
    """Rows as a semicolon CSV (German Excel)."""
    return "\n".join(";".join(r) for r in rows).encode("utf-8")


def _path(header: str) -> str:
    return header.replace("::", "/").replace("\\", "/")


def _sheet(rnd: random.Random, typo: bool) -> tuple[bytes, tuple[str, ...], list[set[str]]]:
    codes = rnd.sample(CODES, rnd.randint(2, 4)) + rnd.sample(SUBCODES, rnd.randint(0, 2))
    header = ["Nr", "Aussage", "Sozialraum", *codes, "Anmerkung"]
    rows, expected = [header], []
    for n in range(1, rnd.randint(3, 8)):
        marks = {c: rnd.choice(MARKS) if rnd.random() < 0.4 else rnd.choice(EMPTY) for c in codes}
        expected.append({_path(c) for c, m in marks.items() if m not in EMPTY})
        rows.append([str(n), rnd.choice(TEXTS) + f" ({n})", "Manfort", *marks.values(), ""])
    if typo:
        rows[rnd.randint(1, len(rows) - 1)][3 + rnd.randrange(len(codes))] = rnd.choice(TYPOS)
    spec = (f"{codes[0]}..{codes[-1]}",) if rnd.random() < 0.5 else tuple(codes)
    return _csv(rows), spec, expected


def _dedoose(rnd: random.Random) -> tuple[bytes, list[set[str]]]:
    codes = rnd.sample(CODES, rnd.randint(2, 4))
    header = ["Media Title", "Excerpt Range", "Excerpt Creator", "Excerpt Date"]
    header += ["Excerpt Copy", "Resource Creator", "Resource Date", "Codes Applied Combined"]
    for c in codes:
        header += [f"Code: {c} Applied", f"Code: {c} Range", f"Code: {c} Weight"]
    rows, expected = [header], []
    for n in range(1, rnd.randint(3, 7)):
        applied = [c for c in codes if rnd.random() < 0.5]
        expected.append(set(applied))
        row = [f"Interview {n}", f"{n * 10}-{n * 10 + 40}", "Coder A", "2024-05-01"]
        row += [rnd.choice(TEXTS) + f" ({n})", "Team", "2024-04-01", ", ".join(applied)]
        for c in codes:
            on = c in applied
            row += ["True" if on else "False", f"{n * 10}-{n * 10 + 40}" if on else ""]
            row += [str(rnd.choice([1, 2])) if on else ""]
        rows.append(row)
    return _csv(rows), expected


def _survey(rnd: random.Random) -> tuple[bytes, list[str]]:
    tool = rnd.choice(["limesurvey", "forms", "kreuz", "sosci", "bool"])
    yes, no = {
        "limesurvey": ("Y", ""),
        "forms": ("Ja", ""),
        "kreuz": ("x", ""),
        "sosci": ("2", "1"),
        "bool": ("TRUE", "FALSE"),
    }[tool]
    options = rnd.sample(CODES, rnd.randint(2, 4))
    header = ["ID", "Was fehlt Ihnen im Viertel?", *options, "Alter"]
    rows = [header]
    for n in range(1, rnd.randint(3, 8)):
        rows.append([str(n), rnd.choice(TEXTS), *(rnd.choice([yes, no]) for _ in options), "40-49"])
    used = [o for at, o in enumerate(options, start=2) if any(r[at] == yes for r in rows[1:])]
    return _csv(rows), used


def _parse(data: bytes, **given: Any) -> Any:
    return parse_table(io.BytesIO(data), TableMapping(**given), name="fall.csv")


def main() -> None:
    """Print the counts of each part of the blind set."""
    rnd = random.Random(50)
    right = 0
    for _ in range(200):
        data, spec, expected = _sheet(rnd, typo=False)
        try:
            doc = _parse(data, code_columns=spec, coder="Eve")
        except (TypeError, InputError):
            continue  # old code: no such option
        right += [set(s.codes) for s in doc.segments] == expected
    print(f"must-code    200  right {right:4}")
    refused = 0
    for _ in range(200):
        data, spec, _ = _sheet(rnd, typo=True)
        try:
            _parse(data, code_columns=spec, coder="Eve")
        except InputError:
            refused += 1
        except TypeError:
            pass  # old code: no such option, the typo stays an attribute
    print(f"must-refuse  200  refused {refused:4}")
    right = 0
    for _ in range(100):
        data, expected = _dedoose(rnd)
        try:
            doc = _parse(data, coder="Eve")
        except InputError:  # old code: no text column found ("Excerpt Copy")
            continue
        right += [set(s.codes) for s in doc.segments] == expected
    print(f"dedoose      100  right {right:4}")
    coded = lost = 0
    for _ in range(300):
        data, options = _survey(rnd)
        doc = _parse(data, text_column="Was fehlt Ihnen im Viertel?")
        coded += any(s.codes for s in doc.segments)
        kept = {k for s in doc.segments for k in s.attributes}
        lost += not set(options) <= kept
    print(f"must-stay    300  coded {coded:4}  checkbox column lost {lost:4}")


if __name__ == "__main__":
    main()
