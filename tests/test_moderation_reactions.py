"""A moderator's reaction alone after "Moderation:" ("Moderation: Prima") is what was said,
not the moderator's name: the word must not go on the name list, where it took every
"Prima Idee" of the protocol for a person."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.ingest import parse_file
from workbench.ingest.protocol_meta import signature_names
from workbench.ingest.pseudonymise import Pseudonymiser

SAID = "Prima Idee, ein Treffpunkt am Markt fehlt."


def _protocol(path: Path, moderation: str) -> Path:
    """A protocol with ``moderation`` above its first heading and one statement."""
    if path.suffix == ".docx":
        document = docx.Document()
        document.add_paragraph("Stadtteilworkshop Manfort", style="Title")
        document.add_paragraph(moderation)
        document.add_paragraph("Was fehlt im Stadtteil?", style="Heading 1")
        document.add_paragraph(SAID)
        document.save(path)
    else:
        path.write_text(
            f"# Stadtteilworkshop Manfort\n\n{moderation}\n\n## Was fehlt im Stadtteil?\n\n"
            f"{SAID}\n",
            encoding="utf-8",
        )
    return path


@pytest.mark.parametrize("suffix", [".md", ".docx"])
def test_a_reaction_after_moderation_goes_on_no_name_list(tmp_path: Path, suffix: str) -> None:
    path = _protocol(tmp_path / f"protokoll{suffix}", "Moderation: Prima")
    assert "Prima" not in parse_file(path).names
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([path])
        stored = stored_text(project)
    assert SAID in stored


@pytest.mark.parametrize("suffix", [".md", ".docx"])
@pytest.mark.parametrize("surname", ["Koch", "Müller", "Schön"])
def test_a_surname_after_moderation_is_still_a_name(
    tmp_path: Path, suffix: str, surname: str
) -> None:
    """ "Schön" is a surname too: alone after "Moderation:" it stays the moderator's."""
    path = _protocol(tmp_path / f"protokoll{suffix}", f"Moderation: {surname}")
    assert surname in parse_file(path).names


def test_a_reaction_is_no_signature() -> None:
    assert signature_names("Moderation: Super") is None
    assert signature_names("Moderation: Koch") == ("Koch",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moderation: Prima", "Moderation: Prima"),
        ("Moderation: Super!", "Moderation: Super!"),
        ("Moderation: Koch", "Moderation: [Person 1]"),
        ("Kontakt: Prima Schulz", "Kontakt: [Person 1]"),
    ],
)
def test_a_reaction_in_a_statement_stays(text: str, expected: str) -> None:
    assert Pseudonymiser().pseudonymise(text)[0] == expected
