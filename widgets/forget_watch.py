"""An open app notices a ``forget`` (DSGVO Art. 17) and shows its data without what it erased.

A Voilà app loads statements, quotes and pseudonyms into the page and keeps them until the
page is reloaded. ``workbench forget`` (in any process) replaces the project folder's
forget mark (:func:`workbench.core.word_caches.mark_forgotten`, decision 020). Each app
notes the mark with its data (:class:`ForgetWatch`, created right before it reads the
project: in a preheated kernel that is after the page's request, see
:func:`widgets.app_support.prepare_app`) and compares it before every user action and,
while the page is open, every :data:`WATCH_SECONDS` in a timer of the kernel (one small
file read). Once it differs the app reloads its data from the store and says
:data:`REFRESHED`; an action on a statement that is gone is refused (:data:`ERASED`) and
nothing is written. A ``forget`` that erased nothing the page shows (a statement of
another district on a ballot, an access code on the topic map) changes nothing there:
the mark is noted anew, silently (``touched``; :class:`Held` for the read-only apps).

The timer is a daemon thread that waits on an event: it ends with the kernel's process,
and :meth:`ForgetWatch.stop` ends it earlier (a page released after its last answer).
Nothing starts at import: the warm process that forks the kernels must stay without
threads (:mod:`widgets.warm_kernels`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from widgets.app_support import in_voila_kernel, message
from workbench.core.domain import InputError
from workbench.core.word_caches import forget_mark
from workbench.store.erasure_since import Erased, erased_since, last_erasure

if TYPE_CHECKING:
    from workbench.project import Project

WATCH_SECONDS = 3.0  # how often an open page looks at the mark (one ~16 µs file read)
REFRESHED = "Daten wurden aktualisiert: Beiträge wurden auf Antrag gelöscht."
ERASED = (
    "Diese Aussage wurde auf Antrag gelöscht (Recht auf Löschung, Art. 17 DSGVO). Der "
    "Schritt wurde nicht gespeichert; die Seite zeigt jetzt die aktuellen Daten."
)
CODER_ERASED = (
    "Daten wurden aktualisiert: Die Person, unter deren Namen hier kodiert wurde, wurde auf "
    "Antrag gelöscht (Recht auf Löschung, Art. 17 DSGVO). Unter diesem Namen wird nicht "
    "weiter kodiert: Bitte geben Sie einen Namen oder ein Kürzel ein, um weiterzukodieren."
)
ERASED_ITEM = (
    "Daten wurden aktualisiert: Beiträge wurden auf Antrag gelöscht, auch hier angezeigte. "
    "Ihre Eingabe wurde nicht gespeichert; bitte prüfen Sie den Eintrag und geben Sie sie "
    "noch einmal ein."
)

_log = logging.getLogger(__name__)


class ErasedError(InputError):
    """An action refers to a statement (or a quote) that ``forget`` erased meanwhile."""


class ForgetWatch:
    """Notes the forget mark of the project in ``folder`` and calls ``reload`` once it changed.

    ``reload()`` reads the app's data anew and shows it (it may raise: the mark stays as
    noted, and the next look tries again). ``touched()``, if given, says whether the
    ``forget`` erased anything the page shows; if not, the new mark is noted and nothing
    reloads. :attr:`lock` is held while it runs; an app
    holds it around each handler too, so that the timer never reloads in the middle of
    an action.
    """

    def __init__(
        self,
        folder: str | Path,
        reload: Callable[[], Any] | None = None,
        touched: Callable[[], bool] | None = None,
    ):
        self.folder = Path(folder)
        self.reload = reload
        self.touched = touched
        self.mark = forget_mark(self.folder)  # before the data is read: a forget after it
        self.lock = threading.RLock()  # is seen at the next look
        self.reloads = 0
        self.unrelated = 0  # forgets that erased nothing the page shows
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def changed(self) -> bool:
        """Whether a ``forget`` ran since the mark was noted (one small file read)."""
        return forget_mark(self.folder) != self.mark

    def check(self) -> bool:
        """Reload if a ``forget`` ran since the data was read; True if it did."""
        with self.lock:
            now = forget_mark(self.folder)
            if now == self.mark:
                return False
            if self.touched is not None and not self.touched():
                self.mark = now  # nothing shown was erased: no reload, no notice
                self.unrelated += 1
                return False
            if self.reload is not None:
                self.reload()
            self.mark = now  # a forget during the reload changes it again: seen next time
            self.reloads += 1
            return True

    def start(self, every: float = WATCH_SECONDS) -> ForgetWatch:
        """Look every ``every`` seconds while the kernel runs (once; return self)."""
        if self._thread is None and every > 0 and not self._stop.is_set():
            self._thread = threading.Thread(
                target=self._watch, args=(every,), name="vergessen-beobachten", daemon=True
            )
            self._thread.start()
        return self

    def start_in_voila(self, every: float = WATCH_SECONDS) -> ForgetWatch:
        """:meth:`start` in a kernel Voilà started for a page (not in tests and notebooks,
        where each action still looks); return self."""
        return self.start(every) if in_voila_kernel() else self

    def stop(self) -> None:
        """Stop the timer (it ends by itself with the kernel's process)."""
        self._stop.set()

    @property
    def running(self) -> bool:
        """Whether the timer is looking."""
        return self._thread is not None and self._thread.is_alive()

    def _watch(self, every: float) -> None:
        while not self._stop.wait(every):
            try:
                self.check()
            except Exception as exc:  # the page stays as it is; the next look tries again
                # the kind only: a message may quote a statement, and texts are never logged
                _log.info("Aktualisieren nach Löschung fehlgeschlagen (%s)", type(exc).__name__)


@dataclass
class Held:
    """What a page shows that a ``forget`` can erase: the erasure log's last entry noted
    before the data was read (``after``), the ids of the statements it shows (None: it
    counts all of the project's), whether it shows texts that may name a person
    (memos, recommendations: an earlier release's entry for a person reloads it), the
    need clusters whose names it shows (need run, cluster: a name may change for a
    statement the page does not show) and whether it shows recommendations.

    A person's erasure touches it by the statements it deleted, the statements it held
    whose memos or codings lost the name (``rewritten``, only if it holds their ids:
    a page that counts all statements shows no memo) and the recommendations that lost
    it — not because a person was named (decision 020, Nachtrag Runde 48)."""

    after: int
    ids: frozenset[int] | None
    names: bool = False
    needs: frozenset[tuple[int, int]] = frozenset()
    recommendations: bool = False

    @classmethod
    def noted(cls, project: Project, names: bool = False, recommendations: bool = False) -> Held:
        """Note the erasure log before the page reads ``project`` (ids: :meth:`showing`)."""
        with project.session() as session:
            return cls(last_erasure(session), None, names, recommendations=recommendations)

    def showing(self, ids: Any) -> Held:
        """Self, holding the ids of the statements the page shows."""
        self.ids = frozenset(int(i) for i in ids)
        return self

    def naming(self, need_run: int | None, clusters: Any) -> Held:
        """Self, holding the need clusters of ``need_run`` whose names the page shows."""
        if need_run is not None:
            self.needs = frozenset((int(need_run), int(c)) for c in clusters)
        return self

    def touched_by(self, erased: Erased) -> bool:
        """Whether ``erased`` touches the page; if not, later looks start after it."""
        hit = (
            erased.unknown
            or (self.names and erased.people)
            or not self.needs.isdisjoint(erased.needs)
            or (self.recommendations and bool(erased.recommendations))
            or (
                bool(erased.statements)
                if self.ids is None
                else not self.ids.isdisjoint(erased.statements | erased.rewritten)
            )
        )
        if not hit:
            self.after = erased.last
        return hit

    def look(self, project: Project) -> bool:
        """Whether a ``forget`` since the data was read erased anything the page shows."""
        with project.session() as session:
            return self.touched_by(erased_since(session, self.after))


class RebuildingPage(w.VBox):
    """A read-only app page whose view is built anew from the store after a ``forget``.

    ``build()`` reads the project and returns the view (the mark is noted before it
    reads). After a ``forget`` elsewhere — seen by the timer, or by the view's next action
    through ``view.before_action`` — the view is built again, ``carry(old, new)`` keeps
    the reader's place (chosen topic, district) where it still exists, and
    :data:`REFRESHED` shows above it. ``touched(view)``, if given, says whether the
    ``forget`` erased anything ``view`` shows (if not, nothing is built anew).
    """

    def __init__(
        self,
        folder: str | Path,
        build: Callable[[], w.Widget],
        carry: Callable[[Any, Any], None] | None = None,
        touched: Callable[[Any], bool] | None = None,
    ):
        super().__init__()
        self.build = build
        self.carry = carry
        look = None if touched is None else (lambda: touched(self.view))
        self.watch = ForgetWatch(folder, self._rebuild, look)
        self.notice = w.VBox()
        self.notice.add_class("sw-refreshed")
        self.view = self._connect(build())
        self.children = [self.notice, self.view]

    def _connect(self, view: w.Widget) -> w.Widget:
        if hasattr(view, "before_action"):
            view.before_action = self.watch.check  # True: rebuilt, the old view's step is moot
        return view

    def _rebuild(self) -> None:
        old, new = self.view, self._connect(self.build())
        if self.carry is not None and type(old) is type(new):
            self.carry(old, new)
        self.view = new
        self.notice.children = [message(REFRESHED, kind="info")]
        self.children = [self.notice, new]


def rebuilding_app(
    folder: str | Path,
    build: Callable[[], w.Widget],
    carry: Callable[[Any, Any], None],
    kind: type,
    touched: Callable[[Any], bool] | None = None,
) -> w.Widget:
    """A read-only app's page that is built anew after a ``forget`` elsewhere that
    ``touched`` what it shows (its timer looks in a Voilà kernel), or what ``build``
    returned if it is no ``kind`` (a message: no project, no run, an error)."""
    page = RebuildingPage(folder, build, carry, touched)
    if not isinstance(page.view, kind):
        return page.view
    page.watch.start_in_voila()
    return page


__all__ = [
    "CODER_ERASED",
    "ERASED",
    "ERASED_ITEM",
    "REFRESHED",
    "WATCH_SECONDS",
    "ErasedError",
    "ForgetWatch",
    "Held",
    "RebuildingPage",
    "rebuilding_app",
]
