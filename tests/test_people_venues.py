"""A host venue among the participants ("Gastgeber: Café Anna") is no one's name: "Anna"
must not go on the name list, and the lines after it stay names, no statements."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from workbench.ingest import parse_file
from workbench.ingest.protocol_meta import split_names

STATEMENT = "Ein Treffpunkt am Markt fehlt."


def _protocol(path: Path, lines: list[str], bare: bool) -> Path:
    """A protocol whose participants are ``lines`` (under "Teilnehmende:" or a heading)."""
    if path.suffix == ".docx":
        document = docx.Document()
        document.add_paragraph("Stadtteilworkshop Manfort", style="Title")
        document.add_paragraph("Teilnehmende", style="Heading 1")
        for line in lines:
            document.add_paragraph(line)
        document.add_paragraph("Was fehlt im Stadtteil?", style="Heading 1")
        document.add_paragraph(STATEMENT)
        document.save(path)
        return path
    head = "Teilnehmende:\n\n" if bare else "## Teilnehmende\n\n"
    listed = "".join(f"- {line}\n" for line in lines)
    path.write_text(
        f"# Stadtteilworkshop Manfort\n\n{head}{listed}\n## Was fehlt im Stadtteil?\n\n"
        f"{STATEMENT}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(("suffix", "bare"), [(".md", True), (".md", False), (".docx", False)])
def test_a_host_venue_among_the_participants_is_no_name(
    tmp_path: Path, suffix: str, bare: bool
) -> None:
    lines = ["Lea Dornbusch", "Gastgeber: Café Anna", "Jonas Becker"]
    parsed = parse_file(_protocol(tmp_path / f"protokoll{suffix}", lines, bare))
    assert set(parsed.names) == {"Lea Dornbusch", "Jonas Becker"}
    assert [s.text for s in parsed.segments] == [STATEMENT]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Gastgeber: Café Anna", ()),
        ("Gastgeberin: Mia Dornbusch", ("Mia Dornbusch",)),
        ("Jonas Becker Gastgeber: Hotel Post", ("Jonas Becker",)),
        ("Anna Villa, Casa Lopez", ("Anna Villa", "Casa Lopez")),
    ],
)
def test_split_names_leaves_out_venues_and_labels(value: str, expected: tuple[str, ...]) -> None:
    assert split_names(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Café Jonas Becker", ("Jonas Becker",)),
        ("Anna Schmidt, Studio Tamo Zabelberg", ("Anna Schmidt", "Tamo Zabelberg")),
        ("Gastgeberin: Salon Mia Dornbusch", ("Mia Dornbusch",)),
    ],
)
def test_a_venue_named_after_a_person_keeps_her_name_on_the_list(
    value: str, expected: tuple[str, ...]
) -> None:
    """ "Studio Tamo Zabelberg" took the owner's full name off the name list with the venue."""
    assert split_names(value) == expected


@pytest.mark.parametrize("suffix", [".md", ".docx"])
def test_a_venue_with_a_full_name_keeps_it_in_the_participants(tmp_path: Path, suffix: str) -> None:
    lines = ["Lea Dornbusch", "Gastgeber: Studio Tamo Zabelberg"]
    parsed = parse_file(_protocol(tmp_path / f"protokoll{suffix}", lines, False))
    assert {"Lea Dornbusch", "Tamo Zabelberg"} <= set(parsed.names)
