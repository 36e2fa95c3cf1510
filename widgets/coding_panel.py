"""CodingPanel: code segments with buttons and keys, in JupyterLab and as a Voilà app.

The controller over :class:`widgets.coding_model.CodingModel` (state and actions) and
:class:`widgets.coding_panel_view.PanelView` (widgets and rendering): each handler turns
a widget event into one model call and then copies the model's state into the widgets.

In-vivo coding: a coder can create a code while coding (name, optional parent and
description); it joins the codebook at once, gets a key, and is applied to the current
segment. Other coders' panels show it when they move to their next segment. A project
without codebook starts with a hint and this form.

Keyboard (see :mod:`widgets.keys` for how keys reach Python): the key on a code button
toggles that code (``1``–``9``, ``0``, then letters; or ``shortcuts``), ``j``/``→`` next
and ``k``/``←`` previous segment, ``u`` undo, ``a`` accept the best suggestion, ``m``
into the memo field, ``n`` into the new code's name, Escape out of a text field.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import ipywidgets as w
from sqlalchemy.exc import DBAPIError

from widgets.app_support import (
    DEFAULT_APP_PROJECT,
    GENERIC_ERROR,
    for_the_team,
    open_project,
    query_params,
    safe_app,
)
from widgets.coding_model import CodingModel, Filters
from widgets.coding_panel_codes import (
    ACCEPT_KEY,
    NEXT_KEYS,
    PREVIOUS_KEYS,
    RESERVED_KEYS,
    UNDO_KEY,
)
from widgets.coding_panel_view import PanelView
from widgets.forget_watch import CODER_ERASED, REFRESHED
from workbench.core.domain import InputError, WorkbenchError
from workbench.store.problems import ProjectBusyError, database_problem
from workbench.store.schema import on_lock_wait

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd

    from workbench.project import Project

_log = logging.getLogger(__name__)
HUB_USER_ENV = "JUPYTERHUB_USER"  # set by JupyterHub in every user's session
# Shown while a step waits for another's write lock (an import, a codebook change)
LOCK_WAIT = (
    "Bitte warten: Gerade schreibt ein anderer Vorgang ins Projekt (z. B. ein Import); "
    "dieser Schritt folgt, sobald er fertig ist."
)
# For co-researchers in the app: the researchers' messages name kernels, commands and
# schema revisions (they go to the server's log)
CODER_BUSY = (
    "Gerade schreibt ein anderer Vorgang lange ins Projekt (z. B. ein Import); dieser "
    "Schritt wurde nicht gespeichert. Bitte versuchen Sie es in ein paar Minuten noch einmal."
)
# the same for a step that only read (a share locks readers out while one writes)
CODER_BUSY_READING = (
    "Gerade schreibt ein anderer Vorgang lange ins Projekt (z. B. ein Import); die Aussagen "
    "konnten nicht geladen werden, nichts wurde geändert. Bitte versuchen Sie es in ein paar "
    "Minuten noch einmal."
)
CODER_UNAVAILABLE = (
    "Dieser Schritt wurde nicht gespeichert: Das Projekt wird gerade umgestellt (neue "
    "Datenbank oder neue Version der Werkbank). Bitte laden Sie die Seite in ein paar "
    "Minuten neu und wiederholen Sie den Schritt."
)
CODER_DATABASE = (
    "Dieser Schritt wurde nicht ausgeführt: Die Datenbank des Projekts ist gerade nicht "
    "erreichbar. Bitte versuchen Sie es in ein paar Minuten noch einmal; wenn es so bleibt, "
    "wenden Sie sich an das Forschungsteam."
)


# After a reload: a filter whose choice has no statement left (all erased) shows all again
FILTER_LABELS = {
    "district": "Sozialraum",
    "workshop": "Workshop",
    "question": "Leitfrage",
    "code": "Code",
}
FILTER_GONE = "Die gewählte Auswahl enthält keine Aussagen mehr"


class CodingPanel(PanelView):
    """Code a project's segments as one coder.

    Parameters
    ----------
    project: the open :class:`workbench.Project`.
    coder: who codes; None takes the JupyterHub user name (``JUPYTERHUB_USER``, set in
        every hub session) and else asks for a name in the panel.
    codes: code paths to offer (default: every code without subcodes).
    suggestions: a table ``segment_id, source_id, code, confidence`` (as
        ``workbench.analysis.suggest.suggest`` returns), or a function ``coder -> table`` that is
        run in the background once the coder is known, or None (no suggestions).
    shortcuts: key → code path (default: every code a key, the digits 1–9 and 0 first).
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
        reserved = sorted(set(shortcuts or ()) & RESERVED_KEYS)
        if reserved:
            raise InputError(f"Taste '{reserved[0]}' ist schon belegt (Navigation/Aktionen).")
        self.project = project
        self.co_researcher = co_researcher
        self.accept_function = accept
        self.title_text = title
        self.model = CodingModel(project, None, codes, shortcuts).load()
        self.watch = self.model.watch_  # a forget elsewhere: reload, render and say so
        self.watch.reload = self._refresh
        self._suggestion_source = suggestions
        self._suggestion_thread: threading.Thread | None = None
        self._code_clicked = self._guard(self._on_code)
        self._build()
        self._connect()
        self.add_class("sw-panel")
        coder = coder if coder is not None else hub_user()
        if coder is not None:
            if co_researcher:  # e.g. a bad name in the URL: say so and ask for one
                self._guard(self.set_coder)(coder)
            else:
                self.set_coder(coder)

    def set_coder(self, coder: str) -> None:
        """Code as ``coder`` (validated) and show the work area."""
        self.model.set_coder(coder)
        self._start_coding()

    def _connect(self) -> None:
        """Connect the widgets' events to the handlers (each guarded)."""
        guard = self._guard
        self.name_button.on_click(guard(self._on_name))
        self.name_field.observe(guard(self._on_name), names="value")  # Enter
        for control in (
            self.district_filter,
            self.workshop_filter,
            self.question_filter,
            self.code_filter,
            self.uncoded_filter,
            self.search,
        ):
            control.observe(guard(self._on_filter), names="value")
        self.segment_list.observe(guard(self._on_select), names="index")
        self.previous_button.on_click(guard(lambda _: self._move(-1)))
        self.next_button.on_click(guard(lambda _: self._move(1)))
        for number, (_, accept, reject) in enumerate(self.chips):
            accept.on_click(guard(functools.partial(self._on_accept, number)))
            reject.on_click(guard(functools.partial(self._on_reject, number)))
        self.new_code_button.on_click(guard(self._on_new_code))
        self.memo_button.on_click(guard(self._on_memo))
        self.undo_button.on_click(guard(self._on_undo))
        self.key_catcher.on_key(guard(self._on_key))

    # -- error handling ----------------------------------------------------------------------
    def _guard(self, handler: Callable[..., Any]) -> Callable[..., Any]:
        """Wrap a handler: expected errors become a German message in the status line."""

        @functools.wraps(handler)
        def run(*args: Any) -> Any:
            if self._busy:
                return None
            try:
                with self.watch.lock, on_lock_wait(lambda: self._say(LOCK_WAIT, "warning")):
                    self.model.check_forgotten()  # the statement shown erased: refused
                    return handler(*args)
            except WorkbenchError as err:
                self._say(self._said(err), "error")
            except DBAPIError as err:
                reason = database_problem(err)  # e.g. the server stopped, the disk full
                if self.co_researcher:  # the reason speaks of servers, ~/.pgpass, rights
                    _log.warning(
                        "Kodier-App: Schritt nicht ausgeführt (%s)", reason, exc_info=reason is None
                    )
                    self._say(CODER_DATABASE, "error")
                    return None
                self._say(reason or GENERIC_ERROR, "error")
                if reason is None:
                    raise
                _log.info("Datenbankfehler im Kodierpanel", exc_info=True)
            except Exception:
                self._say(GENERIC_ERROR, "error")
                if not self.co_researcher:
                    raise
                _log.info("Fehler im Kodierpanel", exc_info=True)
            return None

        return run

    def _said(self, err: WorkbenchError) -> str:
        """``err`` as the panel shows it: a co-researcher's own sentence for what only
        the research team can act on (project busy, moved, upgraded), its text logged."""
        if not self.co_researcher or not for_the_team(err):
            return str(err)
        _log.warning("Kodier-App: Schritt nicht ausgeführt (%s)", err)
        if isinstance(err, ProjectBusyError):
            return CODER_BUSY_READING if err.reading else CODER_BUSY
        return CODER_UNAVAILABLE

    def _refresh(self) -> None:
        """Show the project as it is after a ``forget`` elsewhere (the watch calls it);
        say so if it erased what the list showed (a statement another filter would
        show is dropped without a notice: the list and the statement stay as they are)."""
        shown = self.model.shown_erased_
        self.model.reload()
        self._render_filters()
        self._render()
        if self.model.coder_forgotten_:  # her name is not coded under again: ask for one
            self._busy = True  # the emptied field is no name typed
            try:
                self.name_field.value = ""
            finally:
                self._busy = False
            self.work_area.layout.display = "none"
            self._render_coder()
            self._say(CODER_ERASED, "warning")
        elif shown or self.model.filters_reset_:
            self._say(refreshed_notice(self.model.filters_reset_))

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
            self._render(list_changed=False)  # the codebook may have changed all the same
            return
        self._say("")
        self._say_in_form("")
        self._render()

    def _on_code(self, path: str, _: Any = None) -> None:
        try:
            applied = self.model.toggle(path)
        except WorkbenchError:
            self._render(list_changed=False)  # e.g. a code renamed elsewhere: its new name
            raise  # and in the status line
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

    def _on_new_code(self, _: Any) -> None:
        try:
            path = self.model.create_code(
                self.new_code_name.value,
                self.new_code_parent.value or None,
                self.new_code_description.value,
            )
        except WorkbenchError as err:
            self._say_in_form(self._said(err), "error")
            self._render(list_changed=False)  # e.g. "gibt es schon": a code from elsewhere
            raise  # and in the status line
        self._busy = True
        try:
            self.new_code_name.value = ""
            self.new_code_description.value = ""
        finally:
            self._busy = False
        key = next((k for k, p in self.model.key_of_.items() if p == path), None)
        source = self.model.table_.source_ids[self.model.current]
        text = (
            f"Code '{path}' angelegt{f' (Taste {key})' if key else ''} und zugeordnet ({source})."
        )
        self._say(text)
        self._say_in_form(text)
        self._render()

    def _on_undo(self, _: Any) -> None:
        undone = self.model.undo()  # possibly on another statement: say which
        self._say(f"Rückgängig gemacht: {undone[0]}." if undone else "Nichts rückgängig zu machen.")
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
        coder, generation = self.model.coder, self.model.generation_

        def work() -> None:
            try:
                table, note = source(coder), ""
            except Exception:  # the panel works without suggestions
                _log.info("Vorschläge nicht verfügbar", exc_info=True)
                table, note = None, "Keine Vorschläge verfügbar."
            with self.watch.lock:  # not while a reload reads the project anew
                if table is not None and not self.model.set_suggestions(table, generation):
                    # computed on the data before a forget: asked anew on the data now
                    # (not for a coder the forget took away: the panel asks for a name)
                    if self.model.coder is not None:
                        self.load_suggestions(source, background=True)
                    return
                self._suggestion_note = note
                self._render_chips()

        self._suggestion_thread = threading.Thread(target=work, name="vorschlaege", daemon=True)
        self._suggestion_thread.start()

    def wait_for_suggestions(self, timeout: float | None = None) -> None:
        """Wait until suggestions loading in the background are there (tests), also those
        asked anew after a reload."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while (thread := self._suggestion_thread) is not None and thread.is_alive():
            thread.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
            if deadline is not None and time.monotonic() >= deadline:
                return

    def _start_coding(self) -> None:
        self._render_coder()
        self.work_area.layout.display = "flex"
        self.model.set_filters(self.model.filters_)  # the coder's codings feed the filters
        self._render()
        self.load_suggestions(self._suggestion_source, background=True)


def refreshed_notice(reset: Sequence[str] = ()) -> str:
    """What the panel says after a reload: :data:`REFRESHED`, and which filters went back
    to "Alle" because their choice is gone (names as in :attr:`CodingModel.filters_reset_`).

    >>> refreshed_notice(["district"]).endswith("Filter „Sozialraum“ steht wieder auf „Alle“.")
    True
    """
    if not reset:
        return REFRESHED
    named = ", ".join(f"„{FILTER_LABELS[name]}“" for name in reset)
    if len(reset) == 1:
        return f"{REFRESHED} {FILTER_GONE}; der Filter {named} steht wieder auf „Alle“."
    return f"{REFRESHED} {FILTER_GONE}; die Filter {named} stehen wieder auf „Alle“."


def hub_user(environ: Mapping[str, str] | None = None) -> str | None:
    """The JupyterHub user of this session (``JUPYTERHUB_USER``), None outside a hub.

    >>> hub_user({"JUPYTERHUB_USER": "anna"}), hub_user({})
    ('anna', None)
    """
    env = os.environ if environ is None else environ
    return env.get(HUB_USER_ENV, "").strip() or None


def _suggest(project: Project) -> Callable[[str], pd.DataFrame]:
    """Suggestions for a coder from ``workbench.analysis.suggest``, on the cached embeddings.

    Embeddings missing from the cache are computed first without a progress bar: in
    Voilà, anything written to stderr while the notebook still runs shows on the page.
    Without a code to suggest (a fresh import, no codebook yet) nothing is embedded: the
    model and every statement's vector would cost the page's kernel hundreds of MB.
    """

    def run(coder: str) -> pd.DataFrame:
        from workbench.analysis.embeddings import project_embeddings
        from workbench.analysis.suggest import can_suggest, suggest

        if can_suggest(project, coder):
            project_embeddings(project, progress=False)
        return suggest(project, coder=coder)

    return run


def coding_app(
    environ: Mapping[str, str] | None = None, default_project: str | Path = DEFAULT_APP_PROJECT
) -> w.Widget:
    """The co-researcher app: the project from ``WORKBENCH_PROJECT``, the coder from
    ``?coder=Name`` (else the hub user, else a name field), suggestions loaded after the
    panel is shown."""

    def build() -> w.Widget:
        project = open_project(environ, default_project)
        coder = query_params(environ).get("coder") or hub_user(environ)
        panel = CodingPanel(
            project, coder=coder, suggestions=_suggest(project), co_researcher=True, title=None
        )
        panel.watch.start_in_voila()  # a forget elsewhere shows without an action (page open)
        return panel

    return safe_app(build)


__all__ = ["CodingPanel", "coding_app", "hub_user", "refreshed_notice"]
