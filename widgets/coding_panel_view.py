"""The coding panel's widgets and how the model's state is shown in them.

:class:`PanelView` builds the widgets (:meth:`PanelView._build`) and copies the state
of :class:`widgets.coding_model.CodingModel` into them (the ``_render*`` methods); it
handles no events — :class:`widgets.coding_panel.CodingPanel` connects them. The code
buttons are rebuilt whenever the model re-read a changed codebook (a code created in
this panel or by another coder). Everything user-supplied (segment texts, memos, code
names, the coder's name) is put into HTML only escaped, or into widgets that render
text (button descriptions, list options). Every input has a visible label.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w

from widgets.accessibility import APP, LIVE, AriaSupport, readable_text, rgb
from widgets.app_support import esc
from widgets.coding_model import ALL, SUGGESTION_CHIPS, CodingModel
from widgets.coding_panel_codes import (
    MAX_NAME,
    MEMO_KEY,
    NEW_CODE_KEY,
    NEXT_KEYS,
    PANEL_KEYS,
    PREVIOUS_KEYS,
    CodeButton,
)
from widgets.feedback_texts import short_quote
from widgets.keys import KeyCatcher
from workbench.core.colours import outline
from workbench.core.formatting import format_number

LIST_WINDOW = 60  # entries in the segment list around the current one
PREVIEW = 90  # characters of a segment shown in the list
NEIGHBOUR_CHARS = 300  # characters of the statements before and after the current one
LABEL = {"description_width": "95px"}  # the labels' column
NO_PARENT = ""  # the parent choice "(kein Obercode)"
NO_CODES = "Noch keine Codes – legen Sie den ersten Code an."
SUGGESTION_COLOUR = "#2a6f2a"  # the accept chips: white text on it has 6:1 contrast


def _text_colour(background: str) -> str:
    """Black or white, whichever has the higher contrast on ``background`` (#rrggbb)."""
    return readable_text(rgb(background))


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"


def _button_text(spec: CodeButton, applied: bool) -> str:
    key = f"{spec.key} · " if spec.key else ""
    return f"{'✓ ' if applied else ''}{key}{spec.name}"


def _paint(button: w.Button, spec: CodeButton, applied: bool, disabled: bool) -> None:
    """Show a code button as applied (filled in the code's colour) or not."""
    colour = spec.colour or "#888888"
    button.description = _button_text(spec, applied)
    button.disabled = disabled
    button.style.button_color = colour if applied else "#ffffff"
    button.style.text_color = _text_colour(colour) if applied else "#222222"
    button.style.font_weight = "bold" if applied else "normal"
    button.layout.border = f"2px solid {outline(colour)}"  # visible on white, too


class PanelView(w.VBox):
    """The coding panel's widgets; a subclass sets ``model`` and connects the events.

    Before :meth:`_build` the subclass sets ``model``, ``co_researcher``, ``title_text``
    and ``_code_clicked`` (called with a code path when a code button is clicked).
    """

    model: CodingModel
    co_researcher: bool
    title_text: str | None
    _code_clicked: Callable[[str], Any]

    def _build(self) -> None:
        self._busy = False  # True while the panel itself changes widget values
        self._window: tuple[int, tuple[str, ...]] = (-1, ())
        self._codebook_version = -1  # the model's codebook the code buttons show
        self._suggestion_note = ""  # why there are no chips: loading, unavailable
        self.title = w.HTML(
            f"<h3 style='margin:4px 0'>{esc(self.title_text)}</h3>" if self.title_text else ""
        )
        self.status = w.HTML("")
        self.status.add_class("sw-status")
        self.status.add_class(LIVE)  # a screen reader announces each message

        # Who codes.
        self.coder_label = w.HTML("")
        self.coder_label.add_class("sw-coder")
        self.name_field = w.Text(
            placeholder="Ihr Name oder Kürzel", description="Name:", continuous_update=False
        )
        self.name_button = w.Button(description="Starten", button_style="primary")
        self.name_row = w.HBox([self.name_field, self.name_button])

        # Progress.
        self.progress_bar = w.IntProgress(min=0, max=max(self.model.total, 1), value=0)
        self.progress_label = w.HTML("")
        self.progress_label.add_class("sw-progress")

        self.work_area = w.HBox(
            [self._build_list_column(), self._build_coding_column()],
            layout=w.Layout(display="none"),
        )
        self.children = [
            self.title,
            self.coder_label,
            self.name_row,
            self.progress_bar,
            self.progress_label,
            self.status,
            self.work_area,
            AriaSupport(),
        ]
        self.add_class(APP)
        self._render_coder()
        self._render_code_area()

    def _build_list_column(self) -> w.VBox:
        """Filters, search, the segment list and the navigation buttons."""
        choices = self.model.filter_choices()
        narrow = w.Layout(width="98%")

        def dropdown(label: str, options: list[tuple[str, str]]) -> w.Dropdown:
            return w.Dropdown(
                options=options, value=ALL, description=label, style=LABEL, layout=narrow
            )

        self.district_filter = dropdown("Sozialraum", choices["district"])
        self.workshop_filter = dropdown("Workshop", choices["workshop"])
        self.question_filter = dropdown("Leitfrage", choices["question"])
        self.code_filter = dropdown("Code", choices["code"])
        self.uncoded_filter = w.Checkbox(value=False, description="nur unkodierte", indent=False)
        self.search = w.Text(
            placeholder="Text oder Karten-ID …",
            description="Suche",
            style=LABEL,
            continuous_update=True,
            layout=narrow,
        )
        self.search.add_class("sw-search")
        self.count_label = w.HTML("")
        self.count_label.add_class("sw-count")
        self.count_label.add_class(LIVE)  # how many statements a filter leaves
        self.segment_list = w.Select(
            options=[], rows=14, description="Aussagen", style=LABEL, layout=narrow
        )
        self.segment_list.add_class("sw-list")
        self.previous_button = w.Button(description="◀ Zurück (k)")
        self.next_button = w.Button(description="Weiter (j) ▶")
        return w.VBox(
            [
                w.HTML("<b>Filter</b>"),
                self.district_filter,
                self.workshop_filter,
                self.question_filter,
                self.code_filter,
                self.uncoded_filter,
                self.search,
                self.count_label,
                self.segment_list,
                w.HBox([self.previous_button, self.next_button]),
            ],
            layout=w.Layout(width="36%", min_width="260px"),
        )

    def _build_coding_column(self) -> w.VBox:
        """The segment in context, code buttons, suggestions, undo, new code, memo, keys."""
        self.context = w.HTML("")
        self.context.add_class("sw-context")
        self.code_buttons: dict[str, w.Button] = {}
        self.code_area = w.VBox([])
        self.code_area.add_class("sw-codes")
        self.chips = []
        for _ in range(SUGGESTION_CHIPS):
            accept = w.Button(  # named before it is filled: its row may show a moment early
                description="Vorschlag annehmen",
                tooltip="Vorschlag annehmen",
                button_style="success",
                layout=w.Layout(width="auto"),
                style={"button_color": SUGGESTION_COLOUR, "text_color": "#ffffff"},
            )
            reject = w.Button(
                description="✗", tooltip="Vorschlag ablehnen", layout=w.Layout(width="36px")
            )
            accept.add_class("sw-chip-accept")
            reject.add_class("sw-chip-reject")
            chip = w.HBox([accept, reject], layout=w.Layout(display="none", margin="0 8px 0 0"))
            chip.add_class("sw-chip")
            self.chips.append((chip, accept, reject))
        self.chip_label = w.HTML("")
        self.chip_row = w.HBox(
            [self.chip_label, *(c for c, _, _ in self.chips)],
            layout=w.Layout(flex_flow="row wrap", align_items="center"),
        )
        self.memo_field = w.Textarea(
            placeholder="Memo zu dieser Aussage … (Taste m; Esc zurück)",
            description="Memo",
            style=LABEL,
            layout=w.Layout(width="98%", height="60px"),
        )
        self.memo_field.add_class("sw-memo")
        self.memo_button = w.Button(description="Memo speichern")
        self.memo_list = w.HTML("")
        self.memo_list.add_class("sw-memos")
        self.undo_button = w.Button(description="↶ Rückgängig (u)")
        self.key_catcher = KeyCatcher(
            handled_keys=[],
            scope=".sw-panel",
            page_wide=self.co_researcher,
            focus_keys={
                MEMO_KEY: ".sw-memo textarea",
                NEW_CODE_KEY: ".sw-new-code-name input",
            },
        )
        return w.VBox(
            [
                self.context,
                self.code_area,
                self.chip_row,
                w.HBox([self.undo_button]),
                self._build_new_code_form(),
                self.memo_field,
                self.memo_button,
                self.memo_list,
                self.key_catcher,
            ],
            # Beside the list while there is room, else below it and as wide as the page
            # (a phone): a fixed 62 % left a long code name 200 px on a 360 px screen.
            layout=w.Layout(flex="1 1 20rem", min_width="0", margin="0 0 0 12px"),
        )

    def _build_new_code_form(self) -> w.VBox:
        """Name, parent and description of a code created while coding (in-vivo)."""
        wide = w.Layout(width="98%")
        self.new_code_name = w.Text(
            placeholder="z. B. Treffpunkt fehlt (Taste n)",
            description="Name",
            style=LABEL,
            layout=wide,
        )
        self.new_code_name.add_class("sw-new-code-name")
        self.new_code_parent = w.Dropdown(
            options=[("(kein Obercode)", NO_PARENT)],
            value=NO_PARENT,
            description="Obercode",
            style=LABEL,
            layout=wide,
        )
        self.new_code_parent.add_class("sw-new-code-parent")
        self.new_code_description = w.Textarea(
            placeholder="optional: wofür der Code steht",
            description="Beschreibung",
            style=LABEL,
            layout=w.Layout(width="98%", height="44px"),
        )
        self.new_code_description.add_class("sw-new-code-description")
        self.new_code_button = w.Button(
            description="Code anlegen und zuordnen",
            tooltip=f"Neuer Code (Name bis {MAX_NAME} Zeichen), gleich dieser Aussage zugeordnet",
            icon="plus",
            layout=w.Layout(width="auto"),
        )
        self.new_code_button.add_class("sw-new-code-button")
        self.new_code_message = w.HTML("")
        self.new_code_message.add_class("sw-new-code-message")
        self.new_code_message.add_class(LIVE)
        box = w.VBox(
            [
                w.HTML("<b>Neuer Code</b>"),
                self.new_code_name,
                self.new_code_parent,
                self.new_code_description,
                w.HBox([self.new_code_button, self.new_code_message]),
            ],
            layout=w.Layout(border="1px solid #ddd", padding="4px 6px", margin="6px 0"),
        )
        box.add_class("sw-new-code")
        return box

    # -- texts -------------------------------------------------------------------------------
    def _key_legend(self) -> str:
        codes = " · ".join(f"{b.key} {b.name}" for b in self.model.buttons_ if b.key)
        return (
            f"Tastatur: {codes + ' · ' if codes else ''}j/→ weiter · k/← zurück · "
            "u rückgängig · a Vorschlag annehmen · m Memo · n neuer Code"
        )

    @staticmethod
    def _message(text: str, kind: str) -> str:
        """A message for a live line (the line itself is the status region)."""
        colour = "#8a1c1c" if kind == "error" else "#2a6f2a"
        return f'<span style="color:{colour}">{esc(text)}</span>' if text else ""

    def _say(self, text: str, kind: str = "info") -> None:
        self.status.value = self._message(text, kind)

    def _say_in_form(self, text: str, kind: str = "info") -> None:
        """A message beside the new code form's button (the status line is far above)."""
        self.new_code_message.value = self._message(text, kind)

    # -- rendering: model state → widget values ----------------------------------------------
    def _render_code_area(self) -> None:
        """Rebuild the code buttons, keys and code choices if the codebook changed."""
        model = self.model
        if self._codebook_version == model.codebook_version_:
            return
        self._codebook_version = model.codebook_version_
        index = model.current
        applied = model.codes_of(index) if index is not None else set()
        disabled = index is None or model.coder is None
        buttons: dict[str, w.Button] = {}
        groups: dict[str, list[w.Button]] = {}
        for number, spec in enumerate(model.buttons_):
            button = w.Button(
                tooltip=f"{spec.path}: {spec.description}" if spec.description else spec.path,
                layout=w.Layout(width="auto", margin="2px"),
            )
            _paint(button, spec, spec.path in applied, disabled)  # before it is shown
            button.add_class("sw-code")
            button.add_class(f"sw-code-{number}")
            button.on_click(lambda _, path=spec.path: self._code_clicked(path))
            buttons[spec.path] = button
            groups.setdefault(spec.group, []).append(button)
        self.code_buttons = buttons
        if not buttons:
            hint = w.HTML(f"<p><i>{esc(NO_CODES)}</i></p>")
            hint.add_class("sw-no-codes")
            self.code_area.children = [hint]
        else:
            self.code_area.children = [
                w.VBox(
                    [
                        w.HTML(f"<b>{esc(group)}</b>"),
                        w.Box(members, layout=w.Layout(flex_flow="row wrap")),
                    ]
                )
                for group, members in groups.items()
            ]
        self.key_catcher.handled_keys = [*NEXT_KEYS, *PREVIOUS_KEYS, *PANEL_KEYS, *model.key_of_]
        self.key_catcher.label = self._key_legend()
        parents = [("(kein Obercode)", NO_PARENT), *((c.path, c.path) for c in model.codebook_)]
        self._busy = True
        try:
            keep = self.new_code_parent.value
            self.new_code_parent.options = parents
            self.new_code_parent.value = keep if (keep, keep) in parents else NO_PARENT
            self.code_filter.options = model.filter_choices()["code"]
            self.code_filter.value = model.filters_.code
        finally:
            self._busy = False

    def _render_filters(self) -> None:
        """Offer the Sozialräume, workshops and guiding questions the model holds now (it
        read the project anew) and show the filters' values (a choice gone: "Alle")."""
        choices = self.model.filter_choices()
        filters = self.model.filters_
        self._busy = True
        try:
            for name, control in (
                ("district", self.district_filter),
                ("workshop", self.workshop_filter),
                ("question", self.question_filter),
            ):
                if list(control.options) != choices[name]:
                    control.options = choices[name]
                control.value = getattr(filters, name)
        finally:
            self._busy = False

    def _render_coder(self) -> None:
        coder = self.model.coder
        if coder is None:
            self.coder_label.value = "Bitte geben Sie Ihren Namen oder ein Kürzel ein."
            self.name_row.layout.display = "flex"
        else:
            self.coder_label.value = f"Kodiert als: <b>{esc(coder)}</b>"
            self.name_row.layout.display = "none"

    def _render(self, list_changed: bool = True) -> None:
        # A re-read codebook brings re-read codings (marks) and maybe other filters.
        if list_changed or self._codebook_version != self.model.codebook_version_:
            self._render_list()
        self._render_context()
        self._render_codes()
        self._render_memos()

    def _render_list(self) -> None:
        model = self.model
        n = len(model.visible_)
        self.count_label.value = (f"{n:,} Aussage" + ("" if n == 1 else "n")).replace(",", ".") + (
            "" if n else " – keine Aussage passt zu diesen Filtern."
        )
        start = max(0, min(model.position_ - LIST_WINDOW // 4, n - LIST_WINDOW))
        t = model.table_
        labels = tuple(
            f"{'●' if model.is_coded_[i] else '○'} {t.source_ids[i]} · {t.shown_district(i)}: "
            f"{_preview(t.texts[i])}"
            for i in model.visible_[start : start + LIST_WINDOW]
        )
        self._busy = True
        try:
            if (start, labels) != self._window:
                self.segment_list.options = labels
                self._window = (start, labels)
            self.segment_list.index = model.position_ - start if n else None
        finally:
            self._busy = False

    def _render_context(self) -> None:
        model = self.model
        index = model.current
        if index is None:
            self.context.value = "<p><i>Keine Aussage ausgewählt.</i></p>"
            return
        t = model.table_
        before, after = model.neighbours(index)
        meta = [t.source_ids[index], t.shown_district(index), t.shown_workshop(index)]
        if t.questions[index]:
            meta.append(f"Leitfrage: {t.questions[index]}")
        if t.roles[index]:
            meta.append(f"Rolle: {t.roles[index]}")
        position = f"{model.position_ + 1:,} von {len(model.visible_):,}".replace(",", ".")

        def neighbour(i: int | None, where: str) -> str:
            if i is None:  # words, not a dash: the first or last statement of its document
                edge = "erste" if where == "davor" else "letzte"
                said = f"{edge} Aussage des Dokuments – nichts {where}"
                return f'<div class="sw-neighbour" style="color:#666">({said})</div>'
            return (
                f'<div class="sw-neighbour" style="color:#666;font-size:0.9em;'
                f'white-space:pre-wrap">{where} ({esc(t.source_ids[i])}): '
                f"<bdi>{esc(short_quote(t.texts[i], NEIGHBOUR_CHARS))}</bdi></div>"
            )

        self.context.value = (
            neighbour(before, "davor")
            + '<div style="border-left:4px solid #1d3557;background:#f5f7fb;'
            'padding:6px 10px;margin:6px 0">'
            f'<div class="sw-meta" style="font-size:0.85em;color:#444">{esc(" · ".join(meta))}'
            f" · Aussage {esc(position)}</div>"
            '<div class="sw-current-text" dir="auto" style="font-size:1.15em;white-space:pre-wrap">'
            f"{esc(t.texts[index])}</div></div>" + neighbour(after, "danach")
        )

    def _render_codes(self) -> None:
        self._render_code_area()
        model = self.model
        index = model.current
        applied = model.codes_of(index) if index is not None else set()
        disabled = index is None or model.coder is None
        for spec in model.buttons_:
            _paint(self.code_buttons[spec.path], spec, spec.path in applied, disabled)
        self.new_code_button.disabled = disabled
        coded, total = model.progress()
        in_filter, visible = model.progress_in_filter()
        self.progress_bar.max = max(total, 1)
        self.progress_bar.value = coded
        share = round(100 * coded / total) if total else 0
        self.progress_label.value = esc(
            f"Fortschritt: {format_number(coded)} von {format_number(total)} Aussagen kodiert "
            f"({share} %) · in der Auswahl: {format_number(in_filter)} von "
            f"{format_number(visible)}"
        )
        self._render_list_marker()
        self._render_chips()

    def _render_list_marker(self) -> None:
        """Update the ● / ○ mark of the current entry after coding it."""
        start, labels = self._window
        position = self.model.position_ - start
        index = self.model.current
        if index is None or not 0 <= position < len(labels):
            return
        mark = "●" if self.model.is_coded_[index] else "○"
        if labels[position][0] != mark:
            new = (*labels[:position], mark + labels[position][1:], *labels[position + 1 :])
            self._busy = True
            try:
                self.segment_list.options = new
                self.segment_list.index = position
                self._window = (start, new)
            finally:
                self._busy = False

    def _open_suggestions(self) -> list:
        index = self.model.current
        return [] if index is None else self.model.suggestions_for(index)

    def _render_chips(self) -> None:
        open_ = self._open_suggestions()
        if not self.model.suggestions_:
            label = f"<i>{esc(self._suggestion_note)}</i>" if self._suggestion_note else ""
        else:
            label = "<b>Vorschläge:</b>" if open_ else "<i>Keine offenen Vorschläge.</i>"
        self.chip_label.value = label
        for number, (chip, accept, reject) in enumerate(self.chips):
            if number < len(open_):
                suggestion = open_[number]
                name = suggestion.code.rsplit("/", 1)[-1]
                accept.description = f"{name} ({round(100 * suggestion.confidence)} %) annehmen"
                accept.tooltip = f"Vorschlag des Modells: {suggestion.code}"
                # "✗" is read by its tooltip: it names the code it rejects
                reject.tooltip = f"Vorschlag „{name}“ ablehnen"
                chip.layout.display = "flex"
            else:
                chip.layout.display = "none"

    def _render_memos(self) -> None:
        index = self.model.current
        memos = self.model.memos_.get(index, []) if index is not None else []
        if self.co_researcher:
            memos = [m for m in memos if m[0] == self.model.coder]
        self.memo_list.value = "".join(
            f'<div style="font-size:0.9em;white-space:pre-wrap"><b>{esc(author)}:</b> '
            f"{esc(text)}</div>"
            for author, text in memos
        )
