"""The projects of the conformance suite: real corpora as a new user imports them, and
deliberately sparse projects (no districts, dates, roles, codebook, codings, indicators;
no statement at all; one statement; ten thousand statements), and one whose codes,
coders, memos and recommendations carry odd names (markup, formula starters, line breaks,
decomposed umlauts, emoji, people's names in emphasis)."""

from __future__ import annotations

import csv
import os
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.conformance.harness import run

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@dataclass(frozen=True)
class Scenario:
    """A project to build: ``imports`` are argument lists for ``workbench import``."""

    name: str
    imports: Callable[[Path, Path], list[list[str]]]  # (corpora, tmp folder) → import args
    fast: bool = False  # part of the default (non-CI) subset
    needs_corpora: bool = False
    setup: Callable[[Path], None] | None = None  # CLI steps after the imports


# Names a researcher may type: markup, Markdown, formula starters, a line break, "u" and a
# combining mark, emoji, a separator soup; and memos naming people in emphasis (the name
# detector's second reading failed with a TypeError on them, ce582f78).
ODD_NAMES = [
    "<b>fett</b> & <script>alert(1)</script>",
    "**Markdown** _kursiv_ [Link](https://x.example)",
    '=HYPERLINK("https://x.example";"klick")',
    "+49 Punkte",
    "-Minus",
    "@SUMME(A1)",
    "Zeile eins\nZeile zwei",
    "Mu\u0308ll und Spru\u0308che",
    "Treffpunkt \U0001f3e0\U0001f469\u200d\U0001f467",
    'Tab\tgetrennt;Semikolon,Komma"Quote',
]
ODD_MEMOS = [
    "**Frau Kaya** sagt, _Müller_ kommt nicht.",
    "_Herr Jens Becker_ hat recht. Becker kommt.",
    "Mu\u0308ller und <i>Schmidt</i> =SUMME(1)",
    "# Überschrift\n\n* Punkt mit @Anna\n* =1+1",
]


SUBJECTS = [
    "Ältere Menschen",
    "Familien mit kleinen Kindern",
    "Jugendliche",
    "Alleinerziehende",
    "Menschen ohne Internet",
    "Zugewanderte Familien",
    "Ehrenamtliche",
    "Nachbarinnen",
    "Schülerinnen und Schüler",
    "Pflegende Angehörige",
    "Menschen mit Behinderung",
]
NEEDS = [
    "brauchen einen Treffpunkt im Viertel",
    "finden keine Beratung in ihrer Sprache",
    "wünschen sich mehr Grünflächen und Bänke",
    "haben keinen Zugang zu digitalen Geräten",
    "vermissen Angebote am Abend",
    "suchen bezahlbaren Wohnraum",
    "kommen mit dem Bus schlecht zum Arzt",
    "fühlen sich auf dem Platz nachts unsicher",
    "wissen nicht, wo es Hilfe beim Einkaufen gibt",
    "brauchen Hilfe bei Anträgen",
    "wollen sich im Quartier engagieren",
    "wünschen sich einen Lernraum mit WLAN",
]
PLACES = [
    "",
    " rund um den Marktplatz",
    " in der Siedlung am Bach",
    " seit dem Lockdown",
    " im Winter",
    " an der Schule",
    " beim Jugendhaus",
    " in den Hochhäusern",
]


def statements(n: int, seed: int = 7) -> list[str]:
    """``n`` varied German statements (generated, not real people's words)."""
    rng = random.Random(seed)
    return [f"{rng.choice(SUBJECTS)} {rng.choice(NEEDS)}{rng.choice(PLACES)}." for _ in range(n)]


def write_cards(path: Path, texts: list[str]) -> Path:
    """A card-wall export with nothing but a text column."""
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["Text"])
        writer.writerows([t] for t in texts)
    return path


def _cards(n: int) -> Callable[[Path, Path], list[list[str]]]:
    def imports(_corpora: Path, tmp: Path) -> list[list[str]]:
        path = write_cards(tmp / f"karten_{n}.csv", statements(n))
        return [[str(path), "--text-column", "Text"]]

    return imports


def _ottensen(corpora: Path, _tmp: Path) -> list[list[str]]:
    path = corpora / "cimt-ottensen-thematic" / "dataset-Ottensen-thematic-d1a.csv"
    return [[str(path), "--text-column", "text", "--id-column", "document_id"]]


def _polis(corpora: Path, _tmp: Path) -> list[list[str]]:
    files = sorted(str(p) for p in (corpora / "polis-klimarat-at").glob("*/comments.csv"))
    columns = ["--text-column", "comment-body", "--id-column", "comment-id"]
    return [[*files, *columns, "--workshop", "{parent}"]]


def _zoom(corpora: Path, _tmp: Path) -> list[list[str]]:
    folder = corpora / "zoom-meeting-en"
    files = [str(folder / n) for n in ("chat.txt", "chat_breakout.txt", "transcript.vtt")]
    return [[*files, "--workshop", "Zoom-Treffen"]]


def _refi(corpora: Path, tmp: Path) -> list[list[str]]:
    """The vendor project as a bare .qde with its text sources beside it. The corpus holds
    only the XML: the texts are invented here; a .qde without them is refused by name
    (tests/test_qdpx_fidelity.py)."""
    qde = corpora / "refi-qda-vendors" / "atlasti-standard-project.qde"
    folder = tmp / "atlasti"
    folder.mkdir()
    xml = qde.read_text(encoding="utf-8")
    (folder / "Project.qde").write_text(xml, encoding="utf-8")
    names = re.findall(r'<TextSource plainTextPath="internal://([^"]+)"', xml)
    for number, name in enumerate(names):
        text = "\r\n".join(statements(30, seed=number))  # CRLF, as vendors write it
        (folder / name).write_text(text, encoding="utf-8", newline="")
    return [[str(folder / "Project.qde")]]


def _nothing(_corpora: Path, _tmp: Path) -> list[list[str]]:
    return []


def _odd_names(project: Path) -> None:
    """Codes, codings, memos and recommendations with :data:`ODD_NAMES` and memos naming
    people; a name the codebook refuses (a '/' without its parent code) is refused in German.
    """
    p = ["--project", str(project)]
    for name in ODD_NAMES:
        run([*p, "codebook", "add", "--", name])
    for number, name in enumerate(ODD_NAMES):
        segment = str(number + 1)
        coder = name.replace("\n", " ")[:40]
        for code in (name, " ".join(name.split())):
            run([*p, "code", f"--coder={coder}", "--", segment, code])
        run([*p, "memo", f"--author={coder}", f"--code={' '.join(name.split())}", "--", name])
        run([*p, "recommend", "add", f"--title={name}", f"--actor={name}", "--", name])
    for number, memo in enumerate(ODD_MEMOS):
        run([*p, "memo", "--author=A", f"--segment={number + 1}", "--", memo])
        run([*p, "memo", "--author=A", "--", memo])


SCENARIOS = [
    Scenario("leer", _nothing, fast=True),
    Scenario("karten-ohne-metadaten", _cards(40), fast=True),
    Scenario("seltsame-namen", _cards(30), fast=True, setup=_odd_names),
    Scenario("eine-aussage", _cards(1), fast=True),
    Scenario("ottensen", _ottensen, fast=True, needs_corpora=True),
    Scenario("polis", _polis, needs_corpora=True),
    Scenario("zoom", _zoom, needs_corpora=True),
    Scenario("refi-qda-atlasti", _refi, needs_corpora=True),
    Scenario("zehntausend", _cards(10_000)),
]


def selected() -> list[Scenario]:
    """All scenarios in CI, the fast subset elsewhere (WORKBENCH_CONFORMANCE=all: all)."""
    if IN_CI or os.environ.get("WORKBENCH_CONFORMANCE") == "all":
        return SCENARIOS
    return [s for s in SCENARIOS if s.fast]


def build(scenario: Scenario, corpora: Path, tmp: Path) -> Path:
    """Create the project and import the scenario's sources with the CLI."""
    project = tmp / "projekt"
    run(["init", str(project)], allowed={0})
    for args in scenario.imports(corpora, tmp):
        run(["--project", str(project), "import", *args], allowed={0})
    if scenario.setup is not None:
        scenario.setup(project)
    return project
