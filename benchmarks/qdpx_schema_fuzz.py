"""Schema-driven fuzz of the REFI-QDA import and export (prints counts; exits 1 on findings).

Each seed is a random project valid against ``Project-mrt2019.xsd`` (generator and truth:
``tests/qdpx_fuzz_gen.py``; files and schema: ``tests/qdpx_fuzz_files.py``; every
``project.qde`` is checked against the schema from ``$WORKBENCH_SHARED/refi-qda``, else
the ``shared`` folder beside the checkout).
It goes through the CLI in this process
(``workbench init``, ``workbench import``, ``workbench export --format qdpx``, a second
``import`` of the export into a fresh project) and counts:

- tracebacks, exit codes other than 0/2, refusals (exit 2) of a valid file, lines that are
  not German (an English error word) or a ``Fehler:`` that names no file;
- codings on the wrong characters (generator truth vs ``quotes()``: missing / extra), also
  those over the wrapped lines (and hyphenated words) of a PDF's text version,
  codes of the codebook that are lost, pictures/recordings left out without a word;
- a PDF's marked page areas (``<PDFSelection>`` with the covered text as their own
  ``<Representation>``, written with or without the line breaks, hyphenation joined): on
  their text, on other text, named as skipped, lost without a word;
- exports that fail, are not schema-valid, or come back with other codes or coded spans.

Run: WORKBENCH_SHARED=/work/shared .venv/bin/python benchmarks/qdpx_schema_fuzz.py
     [--n 100] [--seed 0] [--code build/old46] [--show 3]
``--code DIR`` runs the workbench from DIR (an exported older commit) as the baseline.
"""

from __future__ import annotations

import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

from _fuzz import code_on_path, fuzz_options, print_counts, run_cli, run_seeds

ENGLISH = re.compile(
    r"\b(Traceback|Error|error|None|object|invalid|not found|unexpected|attribute)\b"
)
LEFT_OUT = re.compile(r"Bild|Aufnahme|ohne Text|übersprungen|nicht übernommen|ausgelassen")


def _fresh(folder: Path) -> tuple[int, str, bool]:
    from qdpx_fuzz_gen import DISTRICTS

    return run_cli(["init", str(folder), "--districts", ",".join(DISTRICTS)])


def _state(folder: Path) -> tuple[Counter, set[str]]:
    from workbench import Project

    project = Project.open(folder)
    try:
        quotes = Counter((q.code, q.quote) for q in project.quotes().itertuples())
        codes = set(project.codes()["path"])
    finally:
        project.close()
    return quotes, codes


def _pdf_places(folder: Path) -> Counter:
    """(code, coded text without white space, paragraph index) of the codings in the PDF's
    text version (document "Aufnahme PDF"; its statements are its paragraphs, in order)."""
    from workbench import Project

    project = Project.open(folder)
    try:
        segments = project.segments()
        pdf = segments[segments["document"] == "Aufnahme PDF"]
        rank = {int(s): k for k, s in enumerate(pdf.sort_values("position")["segment_id"])}
        places = Counter(
            (q.code, re.sub(r"\s+", "", q.quote), rank[int(q.segment_id)])
            for q in project.quotes().itertuples()
            if int(q.segment_id) in rank
        )
    finally:
        project.close()
    return places


_AREAS_LEFT = re.compile(r"Textfassung des Herstellers importiert; (\d+) markierte")
# areas whose text stands twice, named on their own (since round 48; before: in the count)
_AREAS_TWICE = re.compile(r"(\d+) markierte[r]? Seitenbereich[e]? nicht übernommen — Text kommt")


def _areas(fuzzed, folder: Path, out: str, counts: Counter, shown: list[str], seed: int) -> None:
    """Where the PDF's marked page areas went: on their text, on other text, named as
    skipped (with a German notice), or lost without a word."""
    if not fuzzed.areas and not fuzzed.bare_areas:
        return
    places = _pdf_places(folder)
    found = _AREAS_LEFT.search(out)
    named = int(found.group(1)) if found else 0
    twice = _AREAS_TWICE.search(out)
    twice_named = int(twice.group(1)) if twice else 0
    truth = {(path, *place) for path, _, places_ in fuzzed.areas for place in places_}
    extra = Counter({k: v for k, v in places.items() if k not in truth})
    counts["Seitenbereiche ohne Text"] += fuzzed.bare_areas
    if named >= fuzzed.bare_areas:
        named -= fuzzed.bare_areas
        counts["Seitenbereiche ohne Text: genannt"] += fuzzed.bare_areas
    for path, kind, places_ in fuzzed.areas:
        counts["Seitenbereiche mit Text (Wahrheit)"] += 1
        if kind == "mehrdeutig":  # its text stands there twice: named, not placed
            counts["Seitenbereiche mit mehrdeutigem Text"] += 1
            if twice_named and not any((path, *p) in extra for p in places_):
                twice_named -= 1
                counts["Seitenbereich mehrdeutig: eigens genannt (Seite, Code, Grund)"] += 1
                continue
            if named and not any((path, *p) in extra for p in places_):
                named -= 1
                counts["Seitenbereich mehrdeutig: genannt (gewollt)"] += 1
                continue
            if all((path, *p) in places for p in places_):  # by luck (order of making)
                counts["Seitenbereich mehrdeutig: auf seinem Text"] += 1
                continue
        if kind != "mehrdeutig" and all((path, *p) in places for p in places_):
            counts["Seitenbereich auf seinem Text"] += 1
            continue
        other = [k for k in extra if k[0] == path and extra[k] > 0]
        if other:
            extra[other[0]] -= 1
            counts["Seitenbereich auf anderem Text"] += 1
            shown.append(
                f"{seed} Seitenbereich ({kind}) auf anderem Text: {places_} statt {other[0]}"
            )
        elif named:
            named -= 1
            counts["Seitenbereich abgewiesen (genannt)"] += 1
            shown.append(f"{seed} Seitenbereich ({kind}) abgewiesen: {places_}")
        else:
            counts["Seitenbereich still verloren"] += 1
            shown.append(f"{seed} Seitenbereich ({kind}) still verloren: {places_}")


def _placeholders(quote: str) -> str:
    """A pattern matching ``quote`` with each ``[Person N]`` as any words."""
    return ".+?".join(re.escape(p) for p in re.split(r"\[Person \d+\]", quote))


def _messages(out: str, counts: Counter) -> None:
    for line in out.splitlines():
        if ENGLISH.search(line):
            counts["nicht deutsch"] += 1
        if line.startswith("Fehler:") and ".qdpx" not in line and "Datei" not in line:
            counts["Fehler ohne Datei"] += 1


def one(seed: int, work: Path, xsd, counts: Counter, shown: list[str]) -> None:
    """Import, check, export, validate and re-import the project of ``seed``."""
    from qdpx_fuzz_files import problems, write
    from qdpx_fuzz_gen import generate

    fuzzed = generate(seed)
    assert not problems(xsd, fuzzed.members["project.qde"]), seed
    qdpx = write(fuzzed, work / f"p{seed}.qdpx")
    first, second = work / f"a{seed}", work / f"b{seed}"
    _fresh(first)
    code, out, raised = run_cli(["--project", str(first), "import", str(qdpx)])
    _messages(out, counts)
    if raised:
        counts["Traceback Import"] += 1
        shown.append(f"{seed} import: {out.strip().splitlines()[-1]}")
        return
    if code not in (0, 2):
        counts["Exit weder 0 noch 2"] += 1
    if code == 2 and "Doppelte Codes" in out:
        counts["abgewiesen: zwei Geschwistercodes gleichen Namens (gewollt)"] += 1
        return
    if code == 2:
        counts["gültige Datei abgewiesen"] += 1
        shown.append(f"{seed} abgewiesen: {out.strip()[:200]}")
        return
    quotes, codes = _state(first)
    truth = Counter(fuzzed.codings)
    missing, extra = truth - quotes, quotes - truth
    # a word read as a person's name: pseudonymised, the span is right (names: not here)
    named = [m for m in extra if "[Person" in m[1]]
    for m in named:
        for t in list(missing):
            if t[0] == m[0] and re.fullmatch(_placeholders(m[1]), t[1]) and missing[t]:
                missing[t] -= 1
                extra[m] -= 1
                counts["Stelle pseudonymisiert (Namenserkennung)"] += 1
                break
    missing, extra = +missing, +extra
    counts["Kodierungen (Wahrheit)"] += sum(truth.values())
    # only a PDF's statements (paragraphs) hold line breaks: codings over joined lines
    counts["Kodierungen über PDF-Zeilen (Wahrheit)"] += sum(
        v for k, v in truth.items() if "\n" in k[1]
    )
    counts["Kodierung über PDF-Zeilen fehlt/falsch"] += sum(
        v for k, v in missing.items() if "\n" in k[1]
    )
    counts["Kodierung fehlt/falsch"] += sum(missing.values())
    counts["Kodierung zu viel/falsch"] += sum(extra.values())
    counts[f"Projekte mit Positionen {fuzzed.unit}"] += 1
    if missing or extra:
        counts[f"davon Stellen falsch: {fuzzed.unit}"] += 1
        shown.append(f"{seed} Stellen: fehlt {dict(missing)} zu viel {dict(extra)}")
    _areas(fuzzed, first, out, counts, shown, seed)
    lost = fuzzed.codes - codes
    counts["Code verloren"] += len(lost)
    if lost:
        shown.append(f"{seed} Codes verloren: {sorted(lost)}")
    if fuzzed.left_out and not LEFT_OUT.search(out):
        counts["Ausgelassenes ohne Hinweis"] += 1
    export = work / f"e{seed}.qdpx"
    code, out, raised = run_cli(
        ["--project", str(first), "export", "--format", "qdpx", str(export)]
    )
    _messages(out, counts)
    if raised or code != 0:
        counts["Export gescheitert"] += 1
        shown.append(f"{seed} export: {out.strip().splitlines()[-1:]}")
        return
    with zipfile.ZipFile(export) as archive:
        errors = problems(xsd, archive.read("project.qde"))
    if errors:
        counts["Export ungültig"] += 1
        shown.append(f"{seed} Export ungültig: {errors[:2]}")
    _fresh(second)
    code, out, raised = run_cli(["--project", str(second), "import", str(export)])
    _messages(out, counts)
    if raised or code != 0:
        counts["Rundweg-Import gescheitert"] += 1
        shown.append(f"{seed} Rundweg: {out.strip().splitlines()[-1:]}")
        return
    again, codes_again = _state(second)
    if again != quotes:
        counts["Rundweg: andere Stellen"] += 1
        shown.append(f"{seed} Rundweg: fehlt {dict(quotes - again)} zu viel {dict(again - quotes)}")
    if codes_again != codes:
        counts["Rundweg: andere Codes"] += 1
        shown.append(f"{seed} Rundweg Codes: {sorted(codes ^ codes_again)}")


def main() -> int:
    """Run the fuzz and print the counts."""
    args = fuzz_options(__doc__).parse_args()
    code_on_path(args.code)
    from qdpx_fuzz_files import schema

    xsd = schema()
    if xsd is None:
        print("Schema fehlt: WORKBENCH_SHARED=…/shared setzen (refi-qda/Project-mrt2019.xsd)")
        return 0
    counts, shown = run_seeds(args, lambda seed, tmp, c, s: one(seed, tmp, xsd, c, s))
    print_counts("Projekte", args, counts, shown, 400)
    # what the run covered, and what is meant so, is no finding
    covered = (
        "Kodierungen",
        "Projekte mit",
        "Stelle pseudonymisiert",
        "Seitenbereiche",
        "Seitenbereich auf seinem Text",
    )
    findings = sum(
        v for k, v in counts.items() if not k.startswith(covered) and not k.endswith("(gewollt)")
    )
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
