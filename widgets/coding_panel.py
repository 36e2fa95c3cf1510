"""CodingPanel: code segments with buttons and keys, in JupyterLab and as a Voilà app.

A thin view over :class:`widgets.coding_model.CodingModel`: handlers turn a widget
event into one model call and then copy the model's state into the widgets. Everything
user-supplied (segment texts, memos, code names, the coder's name) is put into HTML
only escaped, or into widgets that render text (button descriptions, list options).

Keyboard (see :mod:`widgets.keys` for how keys reach Python):
``1``–``9`` toggle the first nine codes (or ``shortcuts``), ``j``/``→`` next and
``k``/``←`` previous segment, ``u`` undo, ``a`` accept the best suggestion, ``m`` into
the memo field, Escape out of a text field.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from widgets.app_support import (
    DEFAULT_APP_PROJECT,
    GENERIC_ERROR,
    esc,
    open_project,
    query_params,
    safe_app,
)
from widgets.coding_model import ALL, SUGGESTION_CHIPS, CodingModel, Filters
from widgets.keys import KeyCatcher
from workbench.core.domain import InputError, WorkbenchError

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd

    from workbench.project import Project

NEXT_KEYS = ("j", "ArrowRight")
PREVIOUS_KEYS = ("k", "ArrowLeft")
UNDO_KEY = "u"
ACCEPT_KEY = "a"
MEMO_KEY = "m"
PANEL_KEYS = (UNDO_KEY, ACCEPT_KEY, MEMO_KEY)
LIST_WINDOW = 60  # entries in the segment list around the current one
PREVIEW = 90  # characters of a segment shown in the list

_log = logging.getLogger(__name__)


def _text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (#rrggbb)."""
    r, g, b = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 0.299 * r + 0.587 * g + 0.114 * b > 150 else "#ffffff"


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"


class CodingPanel(w.VBox):
    """Code a project's segments as one coder.

    Parameters
    ----------
    project: the open :class:`workbench.Project`.
    coder: who codes; None asks for a name in the panel.
    codes: code paths to offer (default: every code without subcodes).
    suggestions: a table ``segment_id, source_id, code, confidence`` (as
        ``workbench.analysis.suggest.suggest`` returns), or a function ``coder -> table`` that is
        run in the background once the coder is known, or None (no suggestions).
    shortcuts: key → code path (default: the digits 1–9 for the first nine codes).
    co_researcher: the Voilà mode: keys work page-wide, only the coder's own memos are
        shown, and unexpected errors show a German message only.
    accept: function ``(project, segment_id, code, coder)`` storing an accepted
        suggestion (default ``workbench.analysis.suggest.accept_suggestion``).
    title: heading above the panel (None: none, e.g. when the notebook has one).
    """

    def __init__(
        self,
        project: Project,
        coder: str | None = None,
        codes: Iterable[str] | None = None,
        suggestions: pd.DataFrame | Callable[[str], pd.DataFrame] | None = None,
        shortcuts: Mapping[str, str] | None = None,
        co_researcher: bool = False,
        accept: Callable[..., Any] | None = None,
        title: str | None = "Aussagen kodieren",
    ):
        super().__init__()
        reserved = sorted(set(shortcuts or ()) & {*NEXT_KEYS, *PREVIOUS_KEYS, *PANEL_KEYS})
        if reserved:
            raise InputError(f"Taste '{reserved[0]}' ist schon belegt (Navigation/Aktionen).")
        self.project = project
        self.co_researcher = co_researcher
        self.accept_function = accept
        self.title_text = title
        self.model = CodingModel(project, None, codes, shortcuts).load()
        self._suggestion_source = suggestions
        self._suggestion_thread: threading.Thread | None = None
        self._suggestion_note = ""  # why there are no chips: loading, unavailable
        self._busy = False  # True while the panel itself changes widget values
        self._window: tuple[int, tuple[str, ...]] = (-1, ())
        self._build()
        self.add_class("sw-panel")
        if coder is not None:
            if co_researcher:  # e.g. a bad name in the URL: say so and ask for one
                self._guard(self.set_coder)(coder)
            else:
                self.set_coder(coder)

    def set_coder(self, coder: str) -> None:
        """Code as ``coder`` (validated) and show the work area."""
        self.model.set_coder(coder)
        self._start_coding()

    # -- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        model = self.model
        self.title = w.HTML(
            f"<h3 style='margin:4px 0'>{esc(self.title_text)}</h3>" if self.title_text else ""
        )
        self.status = w.HTML("")
        self.status.add_class("sw-status")

        # Who codes.
        self.coder_label = w.HTML("")
        self.coder_label.add_class("sw-coder")
        self.name_field = w.Text(
            placeholder="Ihr Name oder Kürzel", description="Name:", continuous_update=False
        )
        self.name_button = w.Button(description="Starten", button_style="primary")
        self.name_button.on_click(self._guard(self._on_name))
        self.name_field.observe(self._guard(self._on_name), names="value")  # Enter
        self.name_row = w.HBox([self.name_field, self.name_button])

        # Progress.
        self.progress_bar = w.IntProgress(min=0, max=max(model.total, 1), value=0)
        self.progress_label = w.HTML("")
        self.progress_label.add_class("sw-progress")

        # Filters and the list.
        choices = model.filter_choices()
        narrow = w.Layout(width="98%")
        self.district_filter = w.Dropdown(options=choices["district"], value=ALL, layout=narrow)
        self.workshop_filter = w.Dropdown(options=choices["workshop"], value=ALL, layout=narrow)
        self.question_filter = w.Dropdown(options=choices["question"], value=ALL, layout=narrow)
        self.code_filter = w.Dropdown(options=choices["code"], value=ALL, layout=narrow)
        self.uncoded_filter = w.Checkbox(value=False, description="nur unkodierte", indent=False)
        self.search = w.Text(
            placeholder="Suche im Text oder Karten-ID …", continuous_update=True, layout=narrow
        )
        self.search.add_class("sw-search")
        for control in (
            self.district_filter,
            self.workshop_filter,
            self.question_filter,
            self.code_filter,
            self.uncoded_filter,
            self.search,
        ):
            control.observe(self._guard(self._on_filter), names="value")
        self.count_label = w.HTML("")
        self.count_label.add_class("sw-count")
        self.segment_list = w.Select(options=[], rows=14, layout=w.Layout(width="98%"))
        self.segment_list.add_class("sw-list")
        self.segment_list.observe(self._guard(self._on_select), names="index")
        self.previous_button = w.Button(description="◀ Zurück (k)")
        self.next_button = w.Button(description="Weiter (j) ▶")
        self.previous_button.on_click(self._guard(lambda _: self._move(-1)))
        self.next_button.on_click(self._guard(lambda _: self._move(1)))
        left = w.VBox(
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

        # The segment in context, the code buttons, suggestions, memo.
        self.context = w.HTML("")
        self.context.add_class("sw-context")
        self.code_buttons: dict[str, w.Button] = {}
        groups: dict[str, list[w.Button]] = {}
        for number, spec in enumerate(model.buttons_):
            button = w.Button(
                description=self._button_text(spec, False),
                tooltip=spec.path,
                layout=w.Layout(width="auto", margin="2px"),
            )
            button.add_class("sw-code")
            button.add_class(f"sw-code-{number}")
            button.on_click(self._guard(functools.partial(self._on_code, spec.path)))
            self.code_buttons[spec.path] = button
            groups.setdefault(spec.group, []).append(button)
        self.code_area = w.VBox(
            [
                w.VBox(
                    [
                        w.HTML(f"<b>{esc(group)}</b>"),
                        w.Box(buttons, layout=w.Layout(flex_flow="row wrap")),
                    ]
                )
                for group, buttons in groups.items()
            ]
        )
        self.chips = []
        for number in range(SUGGESTION_CHIPS):
            accept = w.Button(button_style="success", layout=w.Layout(width="auto"))
            reject = w.Button(
                description="✗", tooltip="Vorschlag ablehnen", layout=w.Layout(width="36px")
            )
            accept.add_class("sw-chip-accept")
            reject.add_class("sw-chip-reject")
            accept.on_click(self._guard(functools.partial(self._on_accept, number)))
            reject.on_click(self._guard(functools.partial(self._on_reject, number)))
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
            layout=w.Layout(width="98%", height="60px"),
        )
        self.memo_field.add_class("sw-memo")
        self.memo_button = w.Button(description="Memo speichern")
        self.memo_button.on_click(self._guard(self._on_memo))
        self.memo_list = w.HTML("")
        self.memo_list.add_class("sw-memos")
        self.undo_button = w.Button(description="↶ Rückgängig (u)")
        self.undo_button.on_click(self._guard(self._on_undo))

        keys = [*NEXT_KEYS, *PREVIOUS_KEYS, *PANEL_KEYS, *model.key_of_]
        self.key_catcher = KeyCatcher(
            handled_keys=keys,
            label=self._key_legend(),
            scope=".sw-panel",
            page_wide=self.co_researcher,
            focus_key=MEMO_KEY,
            focus_selector=".sw-memo textarea",
        )
        self.key_catcher.on_key(self._guard(self._on_key))
        right = w.VBox(
            [
                self.context,
                self.code_area,
                self.chip_row,
                w.HBox([self.undo_button]),
                w.HTML("<b>Memo</b>"),
                self.memo_field,
                self.memo_button,
                self.memo_list,
                self.key_catcher,
            ],
            layout=w.Layout(width="62%", margin="0 0 0 12px"),
        )
        self.work_area = w.HBox([left, right], layout=w.Layout(display="none"))
        self.children = [
            self.title,
            self.coder_label,
            self.name_row,
            self.progress_bar,
            self.progress_label,
            self.status,
            self.work_area,
        ]
        self._render_coder()

    def _key_legend(self) -> str:
        codes = " · ".join(f"{b.key} {b.name}" for b in self.model.buttons_ if b.key)
        return (
            f"Tastatur: {codes} · j/→ weiter · k/← zurück · u rückgängig · "
            "a Vorschlag annehmen · m Memo"
        )

    @staticmethod
    def _button_text(spec: Any, applied: bool) -> str:
        key = f"{spec.key} · " if spec.key else ""
        return f"{'✓ ' if applied else ''}{key}{spec.name}"

    # -- error handling ----------------------------------------------------------------------
    def _guard(self, handler: Callable[..., Any]) -> Callable[..., Any]:
        """Wrap a handler: expected errors become a German message in the status line."""

        @functools.wraps(handler)
        def run(*args: Any) -> Any:
            if self._busy:
                return None
            try:
                return handler(*args)
            except WorkbenchError as err:
                self._say(str(err), "error")
            except Exception:
                self._say(GENERIC_ERROR, "error")
                if not self.co_researcher:
                    raise
                _log.info("Fehler im Kodierpanel", exc_info=True)
            return None

        return run

    def _say(self, text: str, kind: str = "info") -> None:
        colour = "#8a1c1c" if kind == "error" else "#2a6f2a"
        self.status.value = f'<span style="color:{colour}">{esc(text)}</span>' if text else ""

    # -- handlers (one model call each, then render) -------------------------------------
    def _on_name(self, _: Any) -> None:
        name = self.name_field.value.strip()
        if self.model.coder is None or name != self.model.coder:
            self.set_coder(name)

    def _on_filter(self, _: Any) -> None:
        self.model.set_filters(
            Filters(
                district=self.district_filter.value,
                workshop=self.workshop_filter.value,
                question=self.question_filter.value,
                code=self.code_filter.value,
                uncoded_only=self.uncoded_filter.value,
                search=self.search.value,
            )
        )
        self._say("")
        self._render()

    def _on_select(self, change: dict) -> None:
        if change["new"] is None:
            return
        self.model.go_to(self._window[0] + int(change["new"]))
        self._render(list_changed=False)

    def _move(self, step: int) -> None:
        if not self.model.move(step):
            self._say("Ende der Liste erreicht." if step > 0 else "Anfang der Liste erreicht.")
            return
        self._say("")
        self._render()

    def _on_code(self, path: str, _: Any = None) -> None:
        applied = self.model.toggle(path)
        source = self.model.table_.source_ids[self.model.current]
        self._say(f"{path} {'kodiert' if applied else 'entfernt'} ({source}).")
        self._render_codes()

    def _on_key(self, key: str) -> None:
        if key in NEXT_KEYS:
            self._move(1)
        elif key in PREVIOUS_KEYS:
            self._move(-1)
        elif key == UNDO_KEY:
            self._on_undo(None)
        elif key == ACCEPT_KEY:
            self._on_accept(0)
        elif key in self.model.key_of_:
            self._on_code(self.model.key_of_[key])

    def _on_undo(self, _: Any) -> None:
        undone = self.model.undo()
        self._say(
            "Letzte Kodierung rückgängig gemacht." if undone else "Nichts rückgängig zu machen."
        )
        self._render()

    def _on_memo(self, _: Any) -> None:
        self.model.add_memo(self.memo_field.value)
        self._busy = True
        try:
            self.memo_field.value = ""
        finally:
            self._busy = False
        self._say("Memo gespeichert.")
        self._render_memos()

    def _open_suggestions(self) -> list:
        index = self.model.current
        return [] if index is None else self.model.suggestions_for(index)

    def _on_accept(self, number: int, _: Any = None) -> None:
        open_ = self._open_suggestions()
        if number >= len(open_):
            return
        code = open_[number].code
        self.model.accept(code, self.accept_function)
        self._say(f"Vorschlag angenommen: {code}.")
        self._render_codes()

    def _on_reject(self, number: int, _: Any = None) -> None:
        open_ = self._open_suggestions()
        if number < len(open_):
            self.model.reject(open_[number].code)
            self._render_chips()

    # -- suggestions -------------------------------------------------------------------------
    def load_suggestions(
        self,
        source: pd.DataFrame | Callable[[str], pd.DataFrame] | None,
        background: bool = False,
    ) -> None:
        """Show suggestions from a table or a function ``coder -> table``.

        With ``background`` a function runs in a thread; the panel is usable meanwhile.
        """
        if source is None:
            return
        if not callable(source):
            self.model.set_suggestions(source)
            self._render_chips()
            return
        if not background:
            self.model.set_suggestions(source(self.model.coder))
            self._render_chips()
            return
        self._suggestion_note = "Vorschläge werden geladen …"
        self._render_chips()
        coder = self.model.coder

        def work() -> None:
            try:
                self.model.set_suggestions(source(coder))
                self._suggestion_note = ""
            except Exception:  # the panel works without suggestions
                _log.info("Vorschläge nicht verfügbar", exc_info=True)
                self._suggestion_note = "Keine Vorschläge verfügbar."
            self._render_chips()

        self._suggestion_thread = threading.Thread(target=work, name="vorschlaege", daemon=True)
        self._suggestion_thread.start()

    def wait_for_suggestions(self, timeout: float | None = None) -> None:
        """Wait until suggestions loading in the background are there (tests)."""
        if self._suggestion_thread is not None:
            self._suggestion_thread.join(timeout)

    def _start_coding(self) -> None:
        self._render_coder()
        self.work_area.layout.display = "flex"
        self.model.set_filters(self.model.filters_)  # the coder's codings feed the filters
        self._render()
        self.load_suggestions(self._suggestion_source, background=True)

    # -- rendering: model state → widget values ----------------------------------------------
    def _render_coder(self) -> None:
        coder = self.model.coder
        if coder is None:
            self.coder_label.value = "Bitte geben Sie Ihren Namen oder ein Kürzel ein."
            self.name_row.layout.display = "flex"
        else:
            self.coder_label.value = f"Kodiert als: <b>{esc(coder)}</b>"
            self.name_row.layout.display = "none"

    def _render(self, list_changed: bool = True) -> None:
        if list_changed:
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
            f"{'●' if model.is_coded_[i] else '○'} {t.source_ids[i]} · {t.districts[i]}: "
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
        meta = [t.source_ids[index], t.districts[index], t.workshops[index]]
        if t.questions[index]:
            meta.append(f"Leitfrage: {t.questions[index]}")
        if t.roles[index]:
            meta.append(f"Rolle: {t.roles[index]}")
        position = f"{model.position_ + 1:,} von {len(model.visible_):,}".replace(",", ".")

        def neighbour(i: int | None, where: str) -> str:
            if i is None:
                return f'<div class="sw-neighbour" style="color:#999">({where}: –)</div>'
            return (
                f'<div class="sw-neighbour" style="color:#666;font-size:0.9em;'
                f'white-space:pre-wrap">{where} ({esc(t.source_ids[i])}): {esc(t.texts[i])}</div>'
            )

        self.context.value = (
            neighbour(before, "davor")
            + '<div style="border-left:4px solid #1d3557;background:#f5f7fb;'
            'padding:6px 10px;margin:6px 0">'
            f'<div class="sw-meta" style="font-size:0.85em;color:#444">{esc(" · ".join(meta))}'
            f" · Aussage {esc(position)}</div>"
            '<div class="sw-current-text" style="font-size:1.15em;white-space:pre-wrap">'
            f"{esc(t.texts[index])}</div></div>" + neighbour(after, "danach")
        )

    def _render_codes(self) -> None:
        model = self.model
        index = model.current
        applied = model.codes_of(index) if index is not None else set()
        disabled = index is None or model.coder is None
        for spec in model.buttons_:
            button = self.code_buttons[spec.path]
            on = spec.path in applied
            colour = spec.colour or "#888888"
            button.description = self._button_text(spec, on)
            button.disabled = disabled
            button.style.button_color = colour if on else "#ffffff"
            button.style.text_color = _text_colour(colour) if on else "#222222"
            button.style.font_weight = "bold" if on else "normal"
            button.layout.border = f"2px solid {colour}"
        coded, total = model.progress()
        in_filter, visible = model.progress_in_filter()
        self.progress_bar.max = max(total, 1)
        self.progress_bar.value = coded
        share = round(100 * coded / total) if total else 0
        self.progress_label.value = esc(
            f"Fortschritt: {coded} von {total} Aussagen kodiert ({share} %)"
            f" · in der Auswahl: {in_filter} von {visible}"
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

    def _render_chips(self) -> None:
        open_ = self._open_suggestions()
        if not self.model.suggestions_:
            label = f"<i>{esc(self._suggestion_note)}</i>" if self._suggestion_note else ""
        else:
            label = "<b>Vorschläge:</b>" if open_ else "<i>Keine offenen Vorschläge.</i>"
        self.chip_label.value = label
        for number, (chip, accept, _) in enumerate(self.chips):
            if number < len(open_):
                suggestion = open_[number]
                name = suggestion.code.rsplit("/", 1)[-1]
                accept.description = f"{name} ({round(100 * suggestion.confidence)} %) annehmen"
                accept.tooltip = f"Vorschlag des Modells: {suggestion.code}"
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


def _suggest(project: Project) -> Callable[[str], pd.DataFrame]:
    """Suggestions for a coder from ``workbench.analysis.suggest``, on the cached embeddings.

    Embeddings missing from the cache are computed first without a progress bar: in
    Voilà, anything written to stderr while the notebook still runs shows on the page.
    """

    def run(coder: str) -> pd.DataFrame:
        from workbench.analysis.embeddings import project_embeddings
        from workbench.analysis.suggest import suggest

        project_embeddings(project, progress=False)
        return suggest(project, coder=coder)

    return run


def coding_app(
    environ: Mapping[str, str] | None = None, default_project: str | Path = DEFAULT_APP_PROJECT
) -> w.Widget:
    """The co-researcher app: the project from ``WORKBENCH_PROJECT``, the coder from
    ``?coder=Name`` (else a name field), suggestions loaded after the panel is shown."""

    def build() -> w.Widget:
        project = open_project(environ, default_project)
        coder = query_params(environ).get("coder") or None
        return CodingPanel(
            project, coder=coder, suggestions=_suggest(project), co_researcher=True, title=None
        )

    return safe_app(build)


__all__ = ["CodingPanel", "coding_app"]
