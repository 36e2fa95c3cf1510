"""In-vivo coding in the CodingPanel: codes created while coding, seen by other coders."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.coding_panel_data import button, card_wall, codings_of, create, said
from widgets.coding_panel import CodingPanel
from workbench import Project
from workbench.core.domain import InputError


@pytest.fixture
def bare(tmp_path: Path) -> Project:
    """A card-wall project without codebook."""
    with Project.open(card_wall(tmp_path / "karten")) as p:
        yield p


def test_without_codebook_the_panel_offers_to_create_the_first_code(bare: Project) -> None:
    assert bare.codebook() == []
    panel = CodingPanel(bare, coder="Erste", co_researcher=True)
    assert panel.code_buttons == {}
    assert "Noch keine Codes – legen Sie den ersten Code an" in panel.code_area.children[0].value
    # Every field of the form has a label (rendered as <label for=…> by ipywidgets).
    form = (panel.new_code_name, panel.new_code_parent, panel.new_code_description)
    assert [f.description for f in form] == ["Name", "Obercode", "Beschreibung"]
    assert panel.new_code_parent.options == (("(kein Obercode)", ""),)
    assert panel.key_catcher.focus_keys["n"] == ".sw-new-code-name input"
    first = panel.model.current_id

    create(panel, "  Treffpunkt fehlt ", description="Orte, an denen man sich trifft, fehlen")
    assert [(c.path, c.description) for c in bare.codebook()] == [
        ("Treffpunkt fehlt", "Orte, an denen man sich trifft, fehlen")
    ]
    assert codings_of(bare, "Erste") == {(first, "Treffpunkt fehlt")}  # applied at once
    assert button(panel, "Treffpunkt fehlt").description == "✓ 1 · Treffpunkt fehlt"
    assert "Orte, an denen" in button(panel, "Treffpunkt fehlt").tooltip
    assert "Noch keine Codes" not in str(
        [getattr(c, "value", "") for c in panel.code_area.children]
    )
    assert "Code 'Treffpunkt fehlt' angelegt (Taste 1) und zugeordnet (K1)" in said(panel.status)
    assert "angelegt" in panel.new_code_message.value
    assert panel.new_code_name.value == "" and panel.new_code_description.value == ""
    assert "1 Treffpunkt fehlt" in panel.key_catcher.label
    assert ("Treffpunkt fehlt", "Treffpunkt fehlt") in panel.new_code_parent.options
    assert ("Treffpunkt fehlt", "Treffpunkt fehlt") in panel.code_filter.options
    assert panel.segment_list.options[0].startswith("●")
    assert "1 von 3 Aussagen kodiert" in panel.progress_label.value

    panel.key_catcher.press("j")  # the new code's key works like any other
    panel.key_catcher.press("1")
    second = panel.model.current_id
    assert codings_of(bare, "Erste") == {(first, "Treffpunkt fehlt"), (second, "Treffpunkt fehlt")}
    panel.key_catcher.press("u")  # undo takes back the coding, the code stays
    assert codings_of(bare, "Erste") == {(first, "Treffpunkt fehlt")}
    assert [c.path for c in bare.codebook()] == ["Treffpunkt fehlt"]


def test_another_coders_panel_shows_the_new_code_on_its_next_statement(bare: Project) -> None:
    bare.add_code("Ressource")
    bare.add_code("Orte")
    bare.add_code("Orte/Park")
    with Project.open(bare.path) as elsewhere:  # another kernel, e.g. a second Voilà page
        other = CodingPanel(elsewhere, coder="Zweite", co_researcher=True)
        assert other.model.key_of_ == {"1": "Ressource", "2": "Orte/Park"}
        assert other.model.refresh_codebook() is False  # nothing changed: nothing re-read

        panel = CodingPanel(bare, coder="Erste")
        create(panel, "Mobilität")
        create(panel, "Bürgerhaus", parent="Orte", description="das Haus am Markt")
        assert {c.path for c in bare.codebook()} >= {"Mobilität", "Orte/Bürgerhaus"}
        assert panel.model.key_of_ == {
            "1": "Ressource",
            "2": "Orte/Park",
            "3": "Mobilität",
            "4": "Orte/Bürgerhaus",
        }
        assert [b.group for b in panel.model.buttons_] == [
            "Dimensionen",
            "Dimensionen",
            "Orte",
            "Orte",
        ]

        assert "Mobilität" not in other.code_buttons  # not until the coder moves on
        other.key_catcher.press("j")
        assert set(other.code_buttons) == {"Ressource", "Orte/Park", "Mobilität", "Orte/Bürgerhaus"}
        # Known codes keep their keys; new ones get the next free keys.
        assert other.model.key_of_ == panel.model.key_of_
        assert button(other, "Mobilität").description == "3 · Mobilität"
        assert "3 Mobilität" in other.key_catcher.label
        assert "3" in other.key_catcher.handled_keys
        other.key_catcher.press("3")
        assert codings_of(bare, "Zweite") == {(other.model.current_id, "Mobilität")}
        assert other.model.codes_of(other.model.current) == {"Mobilität"}
        assert ("Orte/Bürgerhaus", "Orte/Bürgerhaus") in other.new_code_parent.options

    fresh = CodingPanel(bare, coder="Dritte")  # a panel opened later: keys in button order
    assert fresh.model.key_of_["2"] == "Mobilität"


def test_bad_code_names_give_german_messages(bare: Project) -> None:
    bare.add_code("Bedarf")
    panel = CodingPanel(bare, coder="Prüfung", co_researcher=True)
    for name, message in (
        ("   ", "Der Codename ist leer"),
        ("Orte/Park", "darf kein '/' enthalten"),
        ("Bedarf", "Code 'Bedarf' gibt es schon"),
        ("bedarf", "Code 'Bedarf' gibt es schon"),  # only the case differs: a slip
        ("x" * 101, "zu lang"),
    ):
        create(panel, name)
        assert message in said(panel.status), name
        assert message in said(panel.new_code_message), name
        assert "Traceback" not in panel.status.value
    researcher = CodingPanel(bare, coder="Prüfung")  # researchers too: a message, no error
    create(researcher, "")
    assert "Der Codename ist leer" in researcher.status.value
    assert [c.path for c in bare.codebook()] == ["Bedarf"]
    assert codings_of(bare, "Prüfung") == set()

    panel.search.value = "gibt es nirgends"  # no statement: nothing to apply it to
    create(panel, "Neu")
    assert "Keine Aussage ausgewählt" in panel.status.value
    assert panel.new_code_button.disabled
    nameless = CodingPanel(bare)
    with pytest.raises(InputError, match="zuerst einen Namen"):
        nameless.model.create_code("Neu")
    assert [c.path for c in bare.codebook()] == ["Bedarf"]


def test_a_coded_code_can_become_a_parent_and_stays_applicable(bare: Project) -> None:
    """Differentiating a code (MAXQDA's "Ausdifferenzieren"): a subcode under a code that
    already has codings; the parent stays a button with its codings."""
    panel = CodingPanel(bare, coder="Ober", co_researcher=True)
    create(panel, "Ort")  # applied at once: it has a coding
    first = panel.model.current_id
    create(panel, "Bürgerhaus", parent="Ort")
    assert [c.path for c in bare.codebook()] == ["Ort", "Ort/Bürgerhaus"]
    assert list(panel.code_buttons) == ["Ort", "Ort/Bürgerhaus"]
    assert codings_of(bare, "Ober") == {(first, "Ort"), (first, "Ort/Bürgerhaus")}
    bare.add_code("Leer")  # a parent without codings is a group
    panel.key_catcher.press("j")
    create(panel, "Unterpunkt", parent="Leer")
    assert [c.path for c in bare.codebook()] == ["Leer", "Leer/Unterpunkt", "Ort", "Ort/Bürgerhaus"]
    assert "Leer" not in panel.code_buttons  # now a group
    assert codings_of(bare, "Ober") == {
        (first, "Ort"),
        (first, "Ort/Bürgerhaus"),
        (panel.model.current_id, "Leer/Unterpunkt"),
    }


def test_a_code_created_in_a_panel_with_chosen_codes_joins_them(bare: Project) -> None:
    bare.add_code("Gezeigt")
    bare.add_code("Verborgen")
    panel = CodingPanel(bare, coder="Auswahl", codes=["Gezeigt"])
    create(panel, "Neu im Panel")
    assert list(panel.code_buttons) == ["Gezeigt", "Neu im Panel"]
    assert panel.model.codes == ["Gezeigt"]  # the parameter stays as given


def test_a_name_taken_meanwhile_by_another_coder_is_refused_and_then_shown(
    bare: Project,
) -> None:
    panel = CodingPanel(bare, coder="Gleichzeitig", co_researcher=True)
    bare.add_code("Mobilität")  # another coder, a moment earlier
    create(panel, "Mobilität")
    assert "Code 'Mobilität' gibt es schon" in said(panel.new_code_message)
    assert button(panel, "Mobilität").description == "1 · Mobilität"  # shown right away
    assert codings_of(bare, "Gleichzeitig") == set()


def test_a_coded_code_that_gets_subcodes_elsewhere_stays_a_button(bare: Project) -> None:
    """The panel refuses to put a subcode under a coded code, but the command line (and a
    MAXQDA project, where parent codes are coded) can: the codings on the parent code
    stay visible and can be taken back, the code stays applicable."""
    from workbench.cli.main import main

    panel = CodingPanel(bare, coder="Ober", co_researcher=True)
    create(panel, "Ort")  # applied to K1 at once
    first = panel.model.current_id
    assert main(["--project", str(bare.path), "codebook", "add", "Ort/Bürgerhaus"]) == 0
    panel.key_catcher.press("j")  # the next statement: the codebook is read again
    assert list(panel.code_buttons) == ["Ort", "Ort/Bürgerhaus"]
    assert ("Ort", "Ort") in panel.code_filter.options
    panel.key_catcher.press("k")
    assert panel.model.current_id == first
    assert button(panel, "Ort").description.startswith("✓")
    button(panel, "Ort").click()  # taken back
    assert codings_of(bare, "Ober") == set()
    # A parent code nobody applied stays a group (the demo's "Themen").
    fresh = CodingPanel(bare, coder="Zweite", co_researcher=True)
    assert list(fresh.code_buttons) == ["Ort/Bürgerhaus"]


def test_a_code_renamed_or_deleted_elsewhere_says_so_and_shows_the_codebook_of_now(
    bare: Project,
) -> None:
    """A colleague renames or deletes a code while a coder has it on a button. Before, a
    click said only "Code 'Treffpunkt' steht nicht im Codebuch." and the buttons kept the
    old names until the next statement; now the panel says that the codebook was changed
    and shows the buttons of now at once."""
    bare.add_code("Treffpunkt")
    bare.add_code("Verkehr")
    panel = CodingPanel(bare, coder="Parallel", co_researcher=True)
    button(panel, "Verkehr").click()  # applied: a click would take it back
    with Project.open(bare.path) as colleague:
        colleague.rename_code("Treffpunkt", "Treffpunkte")
        colleague.rename_code("Verkehr", "ÖPNV")

    button(panel, "Treffpunkt").click()
    assert "Code 'Treffpunkt' gibt es nicht mehr" in said(panel.status)
    assert "aktualisiert" in said(panel.status)
    assert list(panel.code_buttons) == ["Treffpunkte", "ÖPNV"]
    assert button(panel, "ÖPNV").description.startswith("✓")  # the coding moved along
    button(panel, "Treffpunkte").click()
    assert codings_of(bare, "Parallel") == {
        (panel.model.current_id, "Treffpunkte"),
        (panel.model.current_id, "ÖPNV"),
    }

    bare.remove_code("Treffpunkte", force=True)  # deleted while still on the button
    panel.key_catcher.press("2")  # ÖPNV has key 2: still taken back as usual
    button(panel, "Treffpunkte").click()
    assert "Code 'Treffpunkte' gibt es nicht mehr" in said(panel.status)
    assert list(panel.code_buttons) == ["ÖPNV"]
    assert codings_of(bare, "Parallel") == set()
