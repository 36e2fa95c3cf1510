"""``forget --person``: her own e-mail address leaves the key with her name, though another
person's statement keeps the ``[E-Mail]`` placeholder; others' addresses stay."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from workbench import Project
from workbench.cli.main import main
from workbench.store import Pseudonym, PseudonymSpan
from workbench.store.erasure_contacts import evidently_hers

PROTOCOL = """---
workshop: Werkstatt Manfort
district: Manfort
date: 2025-05-20
---

## Was fehlt?

- **Ilka Dörrenhaus:** Es fehlen Bänke am Spielplatz.
- **Karl Becker:** Wer mitmachen will, schreibt Ilka Dörrenhaus (ilka.doerrenhaus@t-online.de) \
oder Karl (karl.becker@web.de), Kopie an info@verein-manfort.de.
- **Karl Becker:** Die Straßenbeleuchtung ist zu dunkel.
"""


@pytest.mark.backends
def test_forget_person_takes_her_e_mail_out_of_the_key(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Her address went with her name; Karl's and the association's stay, the statement
    keeps its placeholders, the output counts the address and names no original."""
    path = tmp_path / "werkstatt.md"
    path.write_text(PROTOCOL, encoding="utf-8")
    args = ["--project", str(project.path)]
    assert main([*args, "import", "--add-districts", str(path)]) == 0
    capsys.readouterr()
    assert main([*args, "forget", "--person", "Ilka Dörrenhaus"]) == 0
    out = capsys.readouterr().out
    with project.session() as session:
        key = sorted(session.scalars(select(Pseudonym.original)))
        spans = list(session.scalars(select(PseudonymSpan.original)))
    assert key == ["Karl Becker", "info@verein-manfort.de", "karl.becker@web.de"]
    assert not any("doerrenhaus" in s for s in spans)
    assert "karl.becker@web.de" in spans
    texts = project.segments()["text"].tolist()
    assert texts[0].count("[E-Mail]") == 3 and "[Person 1]" in texts[0]
    assert "1  E-Mail-Adressen und Profile der Person im Pseudonymschlüssel" in out
    assert "doerrenhaus" not in out and "Dörrenhaus" not in out


@pytest.mark.parametrize(
    ("value", "hers"),
    [
        ("ilka.doerrenhaus@t-online.de", True),
        ("i.doerrenhaus@gmx.de", True),
        ("doerrenhaus_ilka83@web.de", True),
        ("IlkaDoerrenhaus@web.de", True),
        ("ilka-dorrenhaus@web.de", True),
        ("doerrenhaus@web.de", False),  # her surname alone: a relative's, a family's
        ("ilka@web.de", False),
        ("k.doerrenhaus@web.de", False),
        ("info@doerrenhaus-ilka.de", False),  # the domain is no name part
    ],
)
def test_an_address_is_hers_only_with_surname_and_first_name_or_initial(
    value: str, hers: bool
) -> None:
    """Only what evidently belongs to her leaves the key."""
    assert evidently_hers("email", value, ["Ilka Dörrenhaus"]) is hers


SAME_SURNAME = """---
workshop: Werkstatt Manfort
district: Manfort
date: 2025-05-20
---

## Was fehlt?

- **Anna Schmidt:** Es fehlen Bänke am Spielplatz (anna.schmidt@web.de).
- **Alex Schmidt:** Fragen bitte an Anna Schmidt oder an mich, Alex: a.schmidt@gmx.de.
"""


@pytest.mark.backends
def test_forget_person_keeps_an_address_that_fits_another_person_as_well(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Forgetting Anna Schmidt took "a.schmidt@…" of Alex Schmidt (whose statement stays)
    out of the key too: the initial fits both. It stays, and the output says one address
    fitting another person as well stayed (without the address)."""
    path = tmp_path / "werkstatt.md"
    path.write_text(SAME_SURNAME, encoding="utf-8")
    args = ["--project", str(project.path)]
    assert main([*args, "import", "--add-districts", str(path)]) == 0
    capsys.readouterr()
    assert main([*args, "forget", "--person", "Anna Schmidt"]) == 0
    out = capsys.readouterr().out
    with project.session() as session:
        key = set(session.scalars(select(Pseudonym.original)))
        spans = list(session.scalars(select(PseudonymSpan.original)))
    assert "a.schmidt@gmx.de" in key and "a.schmidt@gmx.de" in spans
    assert "anna.schmidt@web.de" not in key and "anna.schmidt@web.de" not in spans
    assert "1  E-Mail-Adressen und Profile, die auch zu einer anderen Person passen" in out
    assert "schmidt" not in out.casefold()
