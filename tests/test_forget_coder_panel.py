"""An open coding panel whose coder is the person ``forget --person`` erased: it asks for a
name again instead of writing under hers (widgets/coding_model.py ``touched``,
workbench/store/erasure_authors.py ``coder_forgotten``; decision 020, Nachtrag Runde 48).

``forget`` gives her codings to her placeholder and deletes her key entry; the panel kept
the name typed in it and, after reloading, stored new codings under that name again (or,
with no codings of hers yet, did not even reload). The erasure log stays without her
name: the panel compares its coder with the key, not with the log.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.test_forget_person_apps import PERSON, card, card_walls, forget_person
from widgets.coding_panel import CodingPanel
from widgets.forget_watch import CODER_ERASED, ErasedError
from workbench import Project
from workbench.store import Coding, ErasureEntry
from workbench.store.erasure import forget


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Card walls of Manfort and Opladen; an Opladen card names her (pseudonymised)."""
    return card_walls(tmp_path)


def stored_coders(folder: Path) -> set[str]:
    with Project.open(folder) as project, project.session() as session:
        return set(session.scalars(select(Coding.coder).distinct()))


def said(panel: CodingPanel) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", panel.status.value))


def test_a_panel_coding_as_the_person_erased_asks_for_a_name_again(folder: Path) -> None:
    with Project.open(folder) as project:
        panel = CodingPanel(project, coder=PERSON)  # she codes as Ko-Forschende
        panel._code_clicked("Ressource")
        assert stored_coders(folder) == {PERSON}
        forget_person(folder)
        assert stored_coders(folder) == {"[Person 1]"}  # the premise: her codings renamed
        assert panel.watch.check() is True  # the timer's look
        assert panel.model.coder is None and panel.name_row.layout.display == "flex"
        assert panel.work_area.layout.display == "none" and panel.name_field.value == ""
        assert said(panel) == CODER_ERASED and "Oltmanns" not in said(panel)
        assert "[Person" not in said(panel)  # nor the placeholder her codings now carry
        panel._code_clicked("Ressource")  # a key pressed in the hidden work area
        assert stored_coders(folder) == {"[Person 1]"}
        panel.name_field.value = "Kürzel WO"
        panel._code_clicked("Ressource")
    assert stored_coders(folder) == {"[Person 1]", "Kürzel WO"}


def test_a_step_after_the_forget_is_refused_before_it_writes_her_name(folder: Path) -> None:
    """No codings of hers yet: nothing the panel holds changed, yet her name must not be
    written; the step that notices the forget is refused."""
    with Project.open(folder) as project:
        panel = CodingPanel(project, coder=PERSON.upper())  # typed in capitals: still her
        forget_person(folder)
        panel._code_clicked("Ressource")
        assert said(panel).startswith(CODER_ERASED)
        assert said(panel).endswith("Der Schritt wurde nicht gespeichert.")
        assert panel.model.coder is None
        with pytest.raises(Exception, match="Bitte zuerst einen Namen"):
            panel.model.toggle("Ressource")
    assert stored_coders(folder) == set()


def test_the_model_refuses_the_step_with_the_coder_notice(folder: Path) -> None:
    with Project.open(folder) as project:
        panel = CodingPanel(project, coder=PERSON)
        forget_person(folder)
        with pytest.raises(ErasedError, match="unter deren Namen hier kodiert wurde"):
            panel.model.add_memo("Notiz")
        assert panel.model.memos_ == {}


def test_another_coder_and_a_first_name_alone_code_on(folder: Path) -> None:
    """Only her full name as the key wrote it is hers (as ``forget`` renames codings): a
    colleague, or a first name that may be a colleague's, codes on."""
    with Project.open(folder) as project:
        colleague = CodingPanel(project, coder="Filterprobe")
        first = CodingPanel(project, coder=PERSON.split()[0])
        forget_person(folder)
        for panel in (colleague, first):
            panel._code_clicked("Ressource")
            assert panel.model.coder is not None and CODER_ERASED not in said(panel)
    assert stored_coders(folder) == {"Filterprobe", PERSON.split()[0]}


def test_a_forget_of_statements_alone_leaves_the_coder(folder: Path) -> None:
    """Erasing the only card that names her takes her key entry along (unused), but no
    person was asked to be forgotten: she codes on under her name."""
    with Project.open(folder) as project:
        panel = CodingPanel(project, coder=PERSON)
        o1 = card(project, "O1")
        with Project.open(folder) as other:
            forget(other, statements=(o1,), actor="Projektleitung")
        panel._code_clicked("Ressource")
        assert panel.model.coder == PERSON and CODER_ERASED not in said(panel)
    assert stored_coders(folder) == {PERSON}


def _forms(name: str) -> list[str]:
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c)
    )
    return sorted({name, name.casefold(), plain, " ".join(plain.split()), *name.split()})


def test_the_erasure_log_holds_neither_her_name_nor_a_hash_of_it(folder: Path) -> None:
    with Project.open(folder) as project:
        panel = CodingPanel(project, coder=PERSON)
        panel._code_clicked("Ressource")
        forget_person(folder)
        panel.watch.check()
    with Project.open(folder) as project, project.session() as session:
        entries = list(session.scalars(select(ErasureEntry)))
    logged = json.dumps(
        [[e.actor, e.selector, e.counts] for e in entries], ensure_ascii=False
    ).casefold()
    hexes = set(re.findall(r"[0-9a-f]{6,}", logged))
    for form in _forms(PERSON):
        assert form.casefold() not in logged
        for algorithm in ("md5", "sha1", "sha256", "sha512", "blake2b"):
            digest = hashlib.new(algorithm, form.encode("utf-8")).hexdigest()
            assert not any(h in digest for h in hexes), (algorithm, form)
