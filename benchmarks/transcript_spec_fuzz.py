"""Spec-driven fuzz of the WebVTT and SubRip import (prints counts; exits 1 on findings).

Each seed is a meeting transcript valid by the W3C WebVTT spec or in a program's shape
(generator and truth: ``tests/vtt_fuzz_gen.py``). It goes through the CLI in this process
(``workbench init``, ``workbench import``) and counts:

- tracebacks, exit codes other than 0/2, refusals of a valid file, lines that are not
  German (an English error word);
- speaker runs (consecutive cues of one speaker) that differ from the truth: another
  number of runs, the wrong speaker (the pseudonym key's original of the stored speaker),
  a text with words lost or with markup, settings or escapes in it;
- a speaker's or a mentioned person's name in clear in the stored statements, speakers,
  attributes or document options; an ordinary word pseudonymised;
- texts pseudonymised otherwise than the same runs in a TXT protocol ("Name: text"), and
  that protocol's speakers (names or voices' roles as stored) other than the truth's.

With ``--gen shapes`` the files come from ``tests/meeting_shapes_gen.py`` (Webex's TXT,
pronouns, "Nachname, Vorname", anonymous voices, TXT protocols, words with a colon
opening the cues of a file without speakers); a voice's label is compared as the role
stored, and a person stored under more than one placeholder is counted.

Run: .venv/bin/python benchmarks/transcript_spec_fuzz.py [--n 100] [--seed 0]
     [--code build/old47] [--show 5] [--no-txt] [--gen spec|shapes]
``--code DIR`` runs the workbench from DIR (an exported older commit) as the baseline.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from _fuzz import code_on_path, fuzz_options, print_counts, run_cli, run_seeds

ENGLISH = re.compile(
    r"\b(Traceback|Error|error|None|object|invalid|not found|unexpected|attribute)\b"
)
PLACEHOLDER = re.compile(r"\[Person \d+\]")
MARKS = str.maketrans({"\u200e": None, "\u200f": None, "\xa0": " "})


def _norm(text: str) -> str:
    return " ".join(text.translate(MARKS).split())


def _runs(pairs: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    """Consecutive (speaker, text) of one speaker joined."""
    runs: list[tuple[str | None, str]] = []
    for speaker, text in pairs:
        if runs and runs[-1][0] == speaker:
            runs[-1] = (speaker, runs[-1][1] + " " + text)
        else:
            runs.append((speaker, text))
    return [(s, _norm(t)) for s, t in runs]


def _import(folder: Path, path: Path) -> tuple[int, str, bool]:
    from vtt_fuzz_gen import FIRST  # noqa: F401  (the generator is on the path)

    run_cli(["init", str(folder), "--districts", "Manfort,Opladen"])
    return run_cli(["--project", str(folder), "import", str(path), "--district", "Manfort"])


def _stored(folder: Path) -> tuple[list[tuple[str | None, str]], str, list[str | None]]:
    """The stored (speaker's original name or role, text) of each statement, all stored
    text, and the stored speaker (placeholder) of each statement."""
    from sqlalchemy import select

    from workbench import Project
    from workbench.store import Document

    project = Project.open(folder)
    try:
        segments = project.segments().sort_values("position")
        key = dict(project.pseudonym_key()[["placeholder", "original"]].values)
        pairs, raw = [], []
        for row in segments.itertuples():
            speaker = (row.attributes or {}).get("speaker")
            speaker = speaker or (row.speaker if isinstance(row.speaker, str) else None)
            role = row.speaker_role if isinstance(row.speaker_role, str) else None
            pairs.append((key.get(speaker, speaker) if speaker else role, row.text))
            raw.append(speaker)
        stored = segments.drop(columns=["attributes"]).to_csv() + repr(list(segments.attributes))
        with project.session() as session:
            stored += repr(list(session.scalars(select(Document.options))))
            stored += repr(list(session.scalars(select(Document.title))))
            stored += repr(list(session.scalars(select(Document.text))))
    finally:
        project.close()
    return pairs, stored, raw


def _pattern(text: str, names: list[str]) -> re.Pattern[str]:
    """``text`` with each mentioned name as one or more placeholders."""
    names = sorted({n for n in names if n in text}, key=len, reverse=True)
    if not names:
        return re.compile(re.escape(text))
    parts = re.split("(" + "|".join(map(re.escape, names)) + ")", text)
    slot = r"\[Person \d+\](?: \[Person \d+\])*"
    return re.compile("".join(slot if i % 2 else re.escape(p) for i, p in enumerate(parts)))


def _loose(text: str) -> re.Pattern[str]:
    """A stored text with every placeholder as any words."""
    return re.compile(".+?".join(re.escape(p) for p in PLACEHOLDER.split(text)))


def _txt_reference(fuzzed, work: Path) -> tuple[list[str | None], str] | None:
    """The truth's runs imported as a TXT protocol ("Name: text"): the speaker (name or
    role) of each run as stored, and the texts, placeholders as "[P]"."""
    lines = [f"{s}: {t}" if s else t for s, t in _runs(fuzzed.cues)]
    path = work / f"ref_{fuzzed.name}.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    code, _, raised = _import(work / f"t_{fuzzed.name}", path)
    if raised or code != 0:
        return None
    pairs, _, _ = _stored(work / f"t_{fuzzed.name}")
    # a label the TXT reader did not take for a speaker stays in its text: a finding
    speakers = [s for s, _ in _runs(pairs)]
    return speakers, PLACEHOLDER.sub("[P]", _norm(" ".join(t for _, t in pairs)))


def one(seed: int, work: Path, counts: Counter, shown: list[str], txt: bool, gen: str) -> None:
    """Import the transcript of ``seed`` and check it against its truth."""
    from meeting_shapes_gen import generate as shapes
    from vtt_fuzz_gen import generate as spec

    fuzzed = (shapes if gen == "shapes" else spec)(seed)
    path = work / fuzzed.name
    path.write_bytes(fuzzed.data)
    counts[f"Form {fuzzed.shape}"] += 1
    code, out, raised = _import(work / f"p{seed}", path)
    for line in out.splitlines():
        if ENGLISH.search(line):
            counts["nicht deutsch"] += 1
    if raised:
        counts["Traceback"] += 1
        shown.append(f"{seed} {fuzzed.shape} Traceback: {out.strip().splitlines()[-1]}")
        return
    if code not in (0, 2):
        counts["Exit weder 0 noch 2"] += 1
    if code != 0:
        counts["gültige Datei abgewiesen"] += 1
        shown.append(f"{seed} {fuzzed.shape} {sorted(fuzzed.features)} abgewiesen: {out[:300]}")
        return
    pairs, stored, raw = _stored(work / f"p{seed}")
    truth, got = _runs(fuzzed.cues), _runs(pairs)
    pseudonyms: dict[str, set[str]] = {}  # one person, one placeholder
    for (who, _), placeholder in zip(pairs, raw, strict=True):
        if who and placeholder:
            pseudonyms.setdefault(who, set()).add(placeholder)
    if any(len(p) > 1 for p in pseudonyms.values()):
        counts["Person mit mehreren Pseudonymen"] += 1
        shown.append(
            f"{seed} {fuzzed.shape} Pseudonyme: {sorted(map(sorted, pseudonyms.values()))}"
        )
    counts["Sprecherwechsel (Wahrheit)"] += len(truth)
    words = {w for person in fuzzed.speakers for w in person.split()}
    words |= {w for name in fuzzed.mentioned for w in name.split() if w not in ("Frau", "Herr")}
    clear = sorted(w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", stored))
    if clear:
        counts["Datei mit Namen im Klartext"] += 1
        shown.append(f"{seed} {fuzzed.shape} Klartext: {clear}")
    if [s for s, _ in truth] != [s for s, _ in got]:
        counts["Datei mit falschen Sprecherwechseln"] += 1
        shown.append(
            f"{seed} {fuzzed.shape} {sorted(fuzzed.features)} Sprecher: "
            f"{[s for s, _ in truth]} != {[s for s, _ in got]}"
        )
    else:
        for (_, want), (_, have) in zip(truth, got, strict=True):
            if _pattern(want, fuzzed.mentioned).fullmatch(have):
                continue
            if _loose(have).fullmatch(want):
                counts["Wort zu viel pseudonymisiert"] += 1
                shown.append(f"{seed} {fuzzed.shape} zu viel: {have[:200]}")
            elif not clear:
                counts["Text verloren oder Markup im Text"] += 1
                shown.append(f"{seed} {fuzzed.shape} {sorted(fuzzed.features)} Text: {have[:300]}")
    if txt:
        reference = _txt_reference(fuzzed, work)
        mine = PLACEHOLDER.sub("[P]", _norm(" ".join(t for _, t in pairs)))
        if reference is None:
            counts["TXT-Vergleich nicht möglich"] += 1
        elif reference[0] != [s for s, _ in truth]:
            counts["TXT-Referenz mit falschen Sprechern"] += 1
            shown.append(f"{seed} {fuzzed.shape} TXT-Sprecher: {reference[0]}")
        elif reference[1] != mine:
            counts["anders pseudonymisiert als TXT"] += 1
            shown.append(f"{seed} {fuzzed.shape} TXT: {reference[1][:150]} | {mine[:150]}")


def main() -> int:
    """Run the fuzz and print the counts."""
    parser = fuzz_options(__doc__)
    parser.add_argument("--no-txt", action="store_true", help="no TXT protocol to compare")
    parser.add_argument(
        "--gen",
        choices=["spec", "shapes"],
        default="spec",
        help="spec: tests/vtt_fuzz_gen.py; shapes: tests/meeting_shapes_gen.py",
    )
    args = parser.parse_args()
    code_on_path(args.code)
    counts, shown = run_seeds(
        args, lambda seed, tmp, c, s: one(seed, tmp, c, s, not args.no_txt, args.gen)
    )
    print_counts("Transkripte", args, counts, shown, 500)
    info = ("Sprecherwechsel (Wahrheit)", "Form ")
    findings = sum(v for k, v in counts.items() if not k.startswith(info))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
