"""CodingPanel driven from Python, without a browser: set values, click, press keys."""

from __future__ import annotations

import html
import logging
from pathlib import Path

import pandas as pd
import pytest

from tests.coding_panel_data import button, card_wall, codings_of
from widgets.app_support import GENERIC_ERROR, query_params
from widgets.coding_model import ALL, NO_QUESTION, code_buttons
from widgets.coding_panel import CodingPanel, coding_app
from widgets.coding_panel_codes import RESERVED_KEYS
from workbench import Project
from workbench.core.domain import InputError
from workbench.store import Code, Coding


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The demo study; every test codes under its own coder name."""
    from workbench.demo import build_demo

    p = build_demo(tmp_path_factory.mktemp("panel") / "projekt")
    yield p
    p.close()


def test_buttons_are_grouped_by_dimension_and_theme_with_keys_and_colours(
    project: Project,
) -> None:
    buttons = code_buttons(project.codes())
    groups = [b.group for b in buttons]
    assert groups[:5] == ["Dimensionen"] * 5 and set(groups[5:]) == {"Themen"}
    assert [b.path for b in buttons[:5]] == [
        "Ressource",
        "Herausforderung",
        "Leerstelle",
        "Begründung",
        "Bedarf",
    ]
    assert "Themen" not in {b.path for b in buttons}  # a group, not a code to apply
    # Every code a key: the digits first, then letters the panel doesn't use itself.
    keys = [b.key for b in buttons]
    assert keys[:12] == [*"1234567890", "q", "w"]
    assert None not in keys and len(set(keys)) == len(keys) == len(buttons) > 20
    assert not set(keys) & RESERVED_KEYS
    assert buttons[0].colour == "#2a9d8f"
    panel = CodingPanel(project, coder="Gruppen")
    assert button(panel, "Ressource").layout.border == "2px solid #2a9d8f"
    assert button(panel, "Ressource").description == "1 · Ressource"


def test_shows_the_segment_with_its_neighbours_and_the_progress(project: Project) -> None:
    segments = project.segments()
    panel = CodingPanel(project, coder="Anzeige")
    first, second = segments["text"].iloc[0], segments["text"].iloc[1]
    assert first[:40] in panel.context.value
    neighbour = f"danach ({segments['source_id'].iloc[1]}): <bdi>{second[:30]}"
    assert neighbour in panel.context.value
    # words, not "(davor: –)": the first statement has nothing before it in its document
    assert "(erste Aussage des Dokuments – nichts davor)" in panel.context.value
    assert "davor: –" not in panel.context.value
    assert f"0 von {len(segments)} Aussagen kodiert" in panel.progress_label.value
    assert panel.count_label.value.startswith(f"{len(segments)} Aussagen")
    assert panel.segment_list.index == 0
    assert panel.work_area.layout.display == "flex"


def test_the_last_statement_of_a_document_says_so(project: Project) -> None:
    """The last statement of a document showed "(danach: –)" under it."""
    segments = project.segments()
    last = int((segments["document_id"] == segments["document_id"].iloc[0]).sum()) - 1
    panel = CodingPanel(project, coder="Anzeige")
    panel.model.go_to(last)
    panel._render()
    assert segments["text"].iloc[last][:40] in panel.context.value
    assert "(letzte Aussage des Dokuments – nichts danach)" in panel.context.value
    assert "danach: –" not in panel.context.value


def test_clicking_a_code_stores_it_for_the_coder_and_clicking_again_removes_it(
    project: Project,
) -> None:
    panel = CodingPanel(project, coder="Klick")
    segment = panel.model.current_id
    button(panel, "Bedarf").click()
    assert codings_of(project, "Klick") == {(segment, "Bedarf")}
    assert button(panel, "Bedarf").description.startswith("✓")
    assert "1 von" in panel.progress_label.value
    assert panel.segment_list.options[0].startswith("●")
    button(panel, "Themen/Digitale Teilhabe").click()
    assert codings_of(project, "Klick") == {
        (segment, "Bedarf"),
        (segment, "Themen/Digitale Teilhabe"),
    }
    button(panel, "Bedarf").click()  # toggles off
    assert codings_of(project, "Klick") == {(segment, "Themen/Digitale Teilhabe")}
    assert not button(panel, "Bedarf").description.startswith("✓")
    assert "Bedarf entfernt" in panel.status.value


def test_keys_code_and_navigate(project: Project) -> None:
    panel = CodingPanel(project, coder="Tasten")
    ids = project.segments()["segment_id"].astype(int).tolist()
    panel.key_catcher.press("1")
    panel.key_catcher.press("j")
    # The path a browser key press takes: a custom message from the front end.
    panel.key_catcher._handle_custom_msg({"event": "key", "key": "2"}, [])
    assert codings_of(project, "Tasten") == {(ids[0], "Ressource"), (ids[1], "Herausforderung")}
    panel.key_catcher.press("ArrowRight")
    assert panel.model.current_id == ids[2]
    panel.key_catcher.press("k")
    panel.key_catcher.press("ArrowLeft")
    assert panel.model.current_id == ids[0]
    panel.key_catcher.press("k")  # at the start: stays, says so
    assert panel.model.current_id == ids[0]
    assert "Anfang der Liste" in panel.status.value
    panel.key_catcher.press("x")  # not a handled key: nothing happens
    assert panel.model.current_id == ids[0]
    assert "Tastatur: 1 Ressource · 2 Herausforderung" in panel.key_catcher.label


def test_configurable_shortcuts(project: Project) -> None:
    panel = CodingPanel(project, coder="Kürzel", shortcuts={"q": "Bedarf", "w": "Leerstelle"})
    panel.key_catcher.press("q")
    panel.key_catcher.press("1")  # the default digits are replaced
    assert codings_of(project, "Kürzel") == {(panel.model.current_id, "Bedarf")}
    assert button(panel, "Bedarf").description == "✓ q · Bedarf"
    with pytest.raises(InputError, match="schon belegt"):
        CodingPanel(project, coder="Kürzel", shortcuts={"j": "Bedarf"})
    with pytest.raises(InputError, match="nicht im Codebuch"):
        CodingPanel(project, coder="Kürzel", shortcuts={"q": "Gibt es nicht"})
    with pytest.raises(InputError, match="nur eine Gruppe"):
        CodingPanel(project, coder="Kürzel", shortcuts={"q": "Themen"})


def test_only_the_codes_asked_for_get_buttons(project: Project) -> None:
    panel = CodingPanel(project, coder="Auswahl", codes=["Bedarf", "Themen/Digitale Teilhabe"])
    assert list(panel.code_buttons) == ["Bedarf", "Themen/Digitale Teilhabe"]
    assert [b.key for b in panel.model.buttons_] == ["1", "2"]
    panel.key_catcher.press("2")
    assert codings_of(project, "Auswahl") == {(panel.model.current_id, "Themen/Digitale Teilhabe")}
    with pytest.raises(InputError, match="nicht im Codebuch"):
        CodingPanel(project, coder="Auswahl", codes=["Gibt es nicht"])


def test_filters_narrow_the_list(project: Project) -> None:
    segments = project.segments()
    panel = CodingPanel(project, coder="Filter")
    panel.district_filter.value = "Manfort"
    manfort = segments[segments["district"] == "Manfort"]
    assert len(panel.model.visible_) == len(manfort)
    assert panel.count_label.value.startswith(f"{len(manfort)} Aussagen")
    assert "Manfort" in panel.context.value
    assert all(" · Manfort: " in label for label in panel.segment_list.options)

    question = "Ressourcen und Möglichkeiten"
    panel.question_filter.value = question
    expected = manfort[manfort["question"] == question]
    assert panel.model.table_.ids[panel.model.visible_].tolist() == expected["segment_id"].tolist()

    panel.district_filter.value = ALL
    panel.question_filter.value = ALL
    workshop = segments["workshop"].iloc[-1]
    panel.workshop_filter.value = workshop
    assert len(panel.model.visible_) == int((segments["workshop"] == workshop).sum())
    panel.workshop_filter.value = ALL

    panel.search.value = "mf-k28"  # a card id
    assert len(panel.model.visible_) == 1
    assert panel.count_label.value == "1 Aussage"
    assert "MF-K28" in panel.context.value
    panel.search.value = "WLAN"  # full text, case-insensitive
    assert len(panel.model.visible_) == int(
        segments["text"].str.casefold().str.contains("wlan").sum()
    )
    panel.search.value = "gibt es bestimmt nirgends"
    assert panel.count_label.value.startswith("0 Aussagen – keine Aussage passt")
    assert button(panel, "Bedarf").disabled
    assert "Keine Aussage ausgewählt" in panel.context.value
    panel.search.value = ""
    assert not button(panel, "Bedarf").disabled


def test_uncoded_and_code_filters_use_the_coders_own_codings(project: Project) -> None:
    panel = CodingPanel(project, coder="Offen")
    first = panel.model.current_id
    button(panel, "Leerstelle").click()
    panel.uncoded_filter.value = True
    assert first not in panel.model.table_.ids[panel.model.visible_]
    assert len(panel.model.visible_) == panel.model.total - 1
    panel.uncoded_filter.value = False
    panel.code_filter.value = "Leerstelle"  # coders A and B used it too: not counted here
    assert panel.model.table_.ids[panel.model.visible_].tolist() == [first]
    assert "in der Auswahl: 1 von 1" in panel.progress_label.value


def test_selecting_in_the_list_and_the_navigation_buttons(project: Project) -> None:
    ids = project.segments()["segment_id"].astype(int).tolist()
    panel = CodingPanel(project, coder="Liste")
    panel.segment_list.index = 5
    assert panel.model.current_id == ids[5]
    panel.next_button.click()
    assert panel.model.current_id == ids[6]
    panel.previous_button.click()
    panel.previous_button.click()
    assert panel.model.current_id == ids[4]
    for _ in range(70):  # past the list's window: it moves along
        panel.key_catcher.press("j")
    assert panel.model.current_id == ids[74]
    assert panel.segment_list.options[panel.segment_list.index].startswith(
        f"○ {panel.model.table_.source_ids[74]} ·"
    )


def test_memo_is_saved_on_the_segment_and_shown_escaped(project: Project) -> None:
    panel = CodingPanel(project, coder="Memo")
    segment = panel.model.current_id
    panel.memo_field.value = "Klingt nach <b>Leerstelle</b>, nachfragen."
    panel.memo_button.click()
    memos = project.memos()
    mine = memos[memos["author"] == "Memo"]
    assert mine[["target_type", "target_id", "text"]].values.tolist() == [
        ["segment", segment, "Klingt nach <b>Leerstelle</b>, nachfragen."]
    ]
    assert panel.memo_field.value == ""
    assert "&lt;b&gt;Leerstelle&lt;/b&gt;" in panel.memo_list.value
    assert "<b>Leerstelle</b>" not in panel.memo_list.value
    panel.memo_button.click()  # empty memo: a German message, nothing stored
    assert "Das Memo ist leer" in panel.status.value
    assert len(project.memos()) == len(memos)


def test_co_researchers_see_only_their_own_memos(project: Project) -> None:
    segment = int(project.segments()["segment_id"].iloc[3])
    project.add_memo("Interne Notiz des Teams", "Forschung", segment=segment)
    researcher = CodingPanel(project, coder="Eigene")
    researcher.model.go_to(3)
    researcher._render()
    assert "Interne Notiz" in researcher.memo_list.value
    co = CodingPanel(project, coder="Eigene", co_researcher=True)
    co.segment_list.index = 3
    assert "Interne Notiz" not in co.memo_list.value


def test_undo_by_button_and_key(project: Project) -> None:
    panel = CodingPanel(project, coder="Zurück")
    segment = panel.model.current_id
    button(panel, "Ressource").click()
    button(panel, "Bedarf").click()
    panel.undo_button.click()
    assert codings_of(project, "Zurück") == {(segment, "Ressource")}
    assert not button(panel, "Bedarf").description.startswith("✓")
    panel.key_catcher.press("u")
    assert codings_of(project, "Zurück") == set()
    assert "0 von" in panel.progress_label.value
    panel.key_catcher.press("u")
    assert "Nichts rückgängig" in panel.status.value


def test_undo_of_a_step_made_elsewhere_names_its_statement(project: Project) -> None:
    """The same coder coded another statement in a second tab: the panel says which."""
    panel = CodingPanel(project, coder="Zurück")
    other = int(project.segments()["segment_id"].iloc[5])
    project.code_segment(other, "Bedarf", "Zurück")  # the other tab
    panel.undo_button.click()
    said = html.unescape(panel.status.value)
    assert f"Rückgängig gemacht: Aussage {other}: 'Bedarf' [0, " in said
    assert said.endswith(") entfernt.</span>")
    assert codings_of(project, "Zurück") == set()


def _suggestions(project: Project, positions: dict[int, list[tuple[str, float]]]) -> pd.DataFrame:
    segments = project.segments()
    rows = [
        {
            "segment_id": int(segments["segment_id"].iloc[pos]),
            "source_id": segments["source_id"].iloc[pos],
            "code": code,
            "confidence": confidence,
        }
        for pos, items in positions.items()
        for code, confidence in items
    ]
    return pd.DataFrame(rows)


def test_suggestion_chips_accept_and_reject(project: Project) -> None:
    table = _suggestions(
        project, {0: [("Bedarf", 0.9), ("Themen/Wohnen und Wohnumfeld", 0.7), ("Leerstelle", 0.6)]}
    )
    panel = CodingPanel(project, coder="Chips", suggestions=table)
    segment = panel.model.current_id
    labels = [accept.description for _, accept, _ in panel.chips]
    assert labels[:2] == ["Bedarf (90 %) annehmen", "Wohnen und Wohnumfeld (70 %) annehmen"]
    assert panel.chips[1][1].tooltip == "Vorschlag des Modells: Themen/Wohnen und Wohnumfeld"
    # a screen reader reads "✗" by its tooltip: each one names the suggestion it rejects
    assert [reject.tooltip for _, _, reject in panel.chips][:2] == [
        "Vorschlag „Bedarf“ ablehnen",
        "Vorschlag „Wohnen und Wohnumfeld“ ablehnen",
    ]
    assert all(chip.layout.display == "flex" for chip, _, _ in panel.chips)

    panel.chips[1][2].click()  # reject "Wohnen": hidden for this session
    assert [a.description for c, a, _ in panel.chips if c.layout.display == "flex"] == [
        "Bedarf (90 %) annehmen",
        "Leerstelle (60 %) annehmen",
    ]
    panel.chips[0][1].click()  # accept "Bedarf"
    with project.session() as s:
        stored = s.execute(
            Coding.__table__.select()
            .with_only_columns(Coding.segment_id, Code.path, Coding.origin, Coding.accepted_by)
            .join_from(Coding, Code, Coding.code_id == Code.id)
            .where(Coding.coder == "Chips")
        ).all()
    assert [tuple(r) for r in stored] == [(segment, "Bedarf", "suggestion", "Chips")]
    assert button(panel, "Bedarf").description.startswith("✓")
    assert [a.description for c, a, _ in panel.chips if c.layout.display == "flex"] == [
        "Leerstelle (60 %) annehmen"
    ]
    panel.key_catcher.press("a")  # the best open suggestion by key
    assert codings_of(project, "Chips") == {(segment, "Bedarf"), (segment, "Leerstelle")}
    assert "Keine offenen Vorschläge" in panel.chip_label.value
    panel.key_catcher.press("j")  # no suggestions for the next segment
    assert all(chip.layout.display == "none" for chip, _, _ in panel.chips)


def test_suggestions_load_in_the_background_for_the_coder(project: Project) -> None:
    asked: list[str] = []

    def source(coder: str) -> pd.DataFrame:
        asked.append(coder)
        return _suggestions(project, {0: [("Ressource", 0.8)]})

    panel = CodingPanel(project, suggestions=source)  # no coder yet: nothing loads
    assert asked == []
    panel.name_field.value = "Hintergrund"
    panel.name_button.click()
    panel.wait_for_suggestions(timeout=10)
    assert asked == ["Hintergrund"]
    assert panel.chips[0][1].description == "Ressource (80 %) annehmen"


def test_the_panel_works_when_suggestions_fail(project: Project) -> None:
    def failing(coder: str) -> pd.DataFrame:
        raise RuntimeError("kein Modell")

    panel = CodingPanel(project, coder="Ohne", suggestions=failing, co_researcher=True)
    panel.wait_for_suggestions(timeout=10)
    assert "Keine Vorschläge verfügbar" in panel.chip_label.value
    panel.key_catcher.press("j")
    assert "Keine Vorschläge verfügbar" in panel.chip_label.value
    button(panel, "Bedarf").click()
    assert codings_of(project, "Ohne") == {(panel.model.current_id, "Bedarf")}


def test_texts_are_escaped_and_pseudonymised(project: Project) -> None:
    panel = CodingPanel(project, coder="<b>Fett</b>")
    assert "&lt;b&gt;Fett&lt;/b&gt;" in panel.coder_label.value
    panel.search.value = "MF-K28"
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in panel.context.value
    assert "<script>" not in panel.context.value
    # List entries are option texts (rendered as text by the browser), shown verbatim.
    assert '<script>alert("x")</script>' in panel.segment_list.options[0]

    key = project.pseudonym_key()
    person = key[key["kind"] == "person"].iloc[0]
    panel.search.value = person["placeholder"]
    assert len(panel.model.visible_) >= 1
    assert person["placeholder"] in panel.context.value
    assert person["original"] not in panel.context.value


def test_asks_for_a_name_first(project: Project) -> None:
    panel = CodingPanel(project, co_researcher=True)
    assert panel.work_area.layout.display == "none"
    assert panel.name_row.layout.display == "flex"
    panel.name_button.click()  # no name given
    assert "fehlt" in panel.status.value
    assert panel.work_area.layout.display == "none"
    panel.name_field.value = "  Nachbarin  "
    panel.name_button.click()
    assert panel.model.coder == "Nachbarin"
    assert panel.work_area.layout.display == "flex"
    assert panel.name_row.layout.display == "none"
    assert "Kodiert als: <b>Nachbarin</b>" in panel.coder_label.value


def test_unexpected_errors_show_a_german_message_in_the_co_researcher_mode(
    project: Project, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("Datenbank weg")

    table = _suggestions(project, {0: [("Bedarf", 0.9)]})
    panel = CodingPanel(
        project, coder="Fehler", suggestions=table, co_researcher=True, accept=broken
    )
    panel.chips[0][1].click()  # must not raise
    assert GENERIC_ERROR in panel.status.value
    assert "Datenbank weg" not in panel.status.value
    researcher = CodingPanel(project, coder="Fehler", suggestions=table, accept=broken)
    with caplog.at_level(logging.WARNING):
        researcher.chips[0][1].click()  # researchers get the traceback in Jupyter's log
    assert "Datenbank weg" in caplog.text
    assert GENERIC_ERROR in researcher.status.value


def test_coding_app_reads_project_and_coder_from_the_environment(project: Project) -> None:
    environ = {"WORKBENCH_PROJECT": str(project.path), "QUERY_STRING": "coder=Ko%2DForscherin"}
    app = coding_app(environ)
    assert isinstance(app, CodingPanel)
    assert app.model.coder == "Ko-Forscherin"
    assert app.co_researcher and app.key_catcher.page_wide
    assert app.title.value == ""  # the notebook has the heading
    no_name = coding_app({"WORKBENCH_PROJECT": str(project.path)})
    assert no_name.model.coder is None and no_name.work_area.layout.display == "none"
    too_long = coding_app(
        {"WORKBENCH_PROJECT": str(project.path), "QUERY_STRING": "coder=" + "x" * 200}
    )
    assert "zu lang" in too_long.status.value and too_long.model.coder is None


def test_a_name_in_other_case_codes_on_as_the_person_who_coded(project: Project) -> None:
    """A link sent as ?coder=annelie (or the name typed so) to Annelie, who coded before:
    she sees her codings and codes on as Annelie, not as a second coder who would
    disagree with her on every statement (as `workbench code --coder` takes the name)."""
    segment = int(project.segments()["segment_id"].iloc[3])
    project.code_segment(segment, "Bedarf", "Annelie")
    environ = {"WORKBENCH_PROJECT": str(project.path), "QUERY_STRING": "coder=annelie"}
    app = coding_app(environ)
    assert app.model.coder == "Annelie"
    assert "1 von" in app.progress_label.value
    typed = CodingPanel(project, co_researcher=True)
    typed.name_field.value = "ANNELIE"
    typed.name_button.click()
    assert typed.model.coder == "Annelie"
    button(typed, "Ressource").click()
    assert set(project.codings()["coder"]) & {"annelie", "ANNELIE"} == set()
    assert "Annelie" in set(project.codings()["coder"])


def test_coding_app_shows_a_german_message_instead_of_a_traceback(tmp_path: Path) -> None:
    app = coding_app({"WORKBENCH_PROJECT": str(tmp_path / "fehlt")})
    assert "Das Projekt wurde nicht gefunden" in app.value
    assert "Traceback" not in app.value
    (tmp_path / "kaputt").mkdir()
    app = coding_app({"WORKBENCH_PROJECT": str(tmp_path / "kaputt")})
    assert "kein Werkbank-Projekt" in app.value
    assert query_params({"QUERY_STRING": "coder=%3Cscript%3E"}) == {"coder": "<script>"}


def test_segments_without_guiding_question_can_be_filtered(tmp_path: Path) -> None:
    cards = (
        "ID;Sozialraum;Leitfrage;Text\n"
        "K1;Manfort;Ressourcen und Möglichkeiten;Das Bürgerhaus ist offen\n"
        "K2;Manfort;;Kein WLAN im Treff\n"
    )
    with Project.open(card_wall(tmp_path / "klein", cards)) as small:
        small.add_code("Bedarf")
        panel = CodingPanel(small, coder="Klein")
        assert ("(ohne Leitfrage)", NO_QUESTION) in panel.question_filter.options
        panel.question_filter.value = NO_QUESTION
        assert [panel.model.table_.source_ids[i] for i in panel.model.visible_] == ["K2"]
        assert "Leitfrage" not in panel.context.value.split("sw-meta")[1].split("</div>")[0]


def test_a_large_project_counts_with_a_thousands_separator(tmp_path: Path) -> None:
    """1,200 statements: the progress reads "0 von 1.200", as the list count beside it
    ("1.200 Aussagen") and the position ("Aussage 1 von 1.200") do; before "0 von 1200"."""
    from workbench.ingest.table import TableMapping

    cards = tmp_path / "karten.csv"
    rows = "\n".join(f"Karte Nummer {i} zum Park" for i in range(1200))
    cards.write_text(f"Text\n{rows}\n", encoding="utf-8")
    with Project.create(tmp_path / "gross") as big:
        big.import_files([cards], TableMapping(text_column="Text"))
        panel = CodingPanel(big, coder="Viele")
        assert panel.count_label.value.startswith("1.200 Aussagen")
        assert "Aussage 1 von 1.200" in panel.context.value
        assert "0 von 1.200 Aussagen kodiert" in panel.progress_label.value
        assert "in der Auswahl: 0 von 1.200" in panel.progress_label.value


def test_a_fresh_import_without_codes_is_not_embedded_for_suggestions(tmp_path: Path) -> None:
    """The coding app on a project just imported (no codebook): nothing can be suggested,
    so the page's kernel neither loads the model nor embeds the statements (on a 2,811-
    statement Pol.is import that was +420 MB for every page opened)."""
    from workbench.ingest.table import TableMapping

    cards = tmp_path / "karten.csv"
    rows = "\n".join(f"Im Park fehlen Bänke Nummer {i}" for i in range(12))
    cards.write_text(f"Text\n{rows}\n", encoding="utf-8")
    with Project.create(tmp_path / "frisch") as fresh:
        fresh.import_files([cards], TableMapping(text_column="Text"))
    environ = {"WORKBENCH_PROJECT": str(tmp_path / "frisch"), "QUERY_STRING": "coder=Anna"}
    cache = tmp_path / "frisch" / "cache" / "embeddings"
    app = coding_app(environ)
    app.wait_for_suggestions(timeout=120)
    assert not any(app.model.suggestions_.values())
    assert not cache.exists() or not any(cache.iterdir())
    app.close()


def test_every_button_has_a_name_even_before_it_is_shown(project: Project) -> None:
    """The browser lays out a hidden row a moment after its buttons: an unfilled suggestion
    chip was a button without text or title there (axe "button-name", seen in CI)."""
    import ipywidgets as w

    panel = CodingPanel(project, coder="Namen", suggestions=_suggestions(project, {}))
    buttons, todo = [], [panel]
    while todo:
        widget = todo.pop()
        todo += [c for c in getattr(widget, "children", ()) if isinstance(c, w.Widget)]
        if isinstance(widget, w.Button):
            buttons.append(widget)
    assert len(buttons) > 10
    assert [b for b in buttons if not (b.description.strip() or (b.tooltip or "").strip())] == []
