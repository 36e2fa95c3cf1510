"""The projects of the conformance suite: real corpora as a new user imports them, and
deliberately sparse projects (no districts, dates, roles, codebook, codings, indicators;
one statement; ten thousand statements)."""

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


SCENARIOS = [
    Scenario("karten-ohne-metadaten", _cards(40), fast=True),
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
    return project
