"""Participants' comments are pseudonymised when they are stored, like every imported text.

A comment is free text typed into the app or the form: "Frau Kaya vom Jugendzentrum,
Tel. 0171 …" names people just as a workshop protocol does. Decision 002 holds for it:
only the pseudonymised text is stored (``[Person N]`` with the project's key, so a person
the project knows keeps their number, and a new one enters the key; ``[Telefon]``,
``[E-Mail]``, ``[Adresse]`` …). Everything that shows or exports comments reads the
stored text, so none of them sees a name.

*Guessed names.* A comment adds a new person to the key only where it names them for
sure: with a form of address or first and surname ("Frau Kaya", "Dragan Petrović"), a
name list or a researcher's confirmation. A single word the rules take for a name ("Rosen
statt Beton", "Sagt Jasmin", "laut Krämer") becomes ``[Person]`` in the comment, without
a number and without a key entry: comments have no review queue and keep no original, and
a key entry would make the word a known person in every later import ("Rosen im Park
pflanzen"). A person the key knows keeps their number, however the comment writes them
(:class:`~workbench.ingest.guessed_names.NotePseudonymiser`, as for memos in an export).

*Cost.* The form must stay cheap per request (decision 010). Building the project's
pseudonymiser reads its whole key, name lists, districts, codes and decisions; it is
built once per project object and kept while :func:`key_state` — one query over what
it is built from — stays the same. It holds the key, real names: it is dropped when it
was not used for :data:`IDLE_SECONDS` (a form server idles for days between rounds), when
the project is closed and when ``forget`` removed a person in this process
(:func:`~workbench.core.word_caches.forget_key`) or in another (``workbench forget`` while
the form server runs): then the project folder's forget mark changes, which is compared
before each comment and every :data:`WATCH_SECONDS` while a pseudonymiser is kept
(:func:`~workbench.core.word_caches.forget_mark`). A new person found in a comment is
added to the key in the answer's own transaction (on PostgreSQL after taking the
project's write lock, as an import does, so two comments never give two people one
number).

*Older projects.* Comments stored before this module were stored as typed.
:func:`pseudonymise_stored` rewrites them in place, once, the first time results are
read (a mark in ``meta`` says it is done); on a project that cannot be written (a
read-only copy) the results show them pseudonymised all the same.
"""

from __future__ import annotations

import re
import threading
import time
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from workbench.core.domain import WorkbenchError
from workbench.core.word_caches import forget_mark, key_holder
from workbench.store import (
    PERSON_NUMBER_KEY,
    Code,
    District,
    FeedbackAnswer,
    ListedName,
    Meta,
    Pseudonym,
    PseudonymDecision,
    Segment,
)
from workbench.store.schema import lock_writes

if TYPE_CHECKING:
    from workbench.ingest.guessed_names import NotePseudonymiser
    from workbench.project import Project

# What people type into an optional field to leave it empty ("-", "/", "…"): no comment.
# A question mark, an emoji or a word ("k. A.") says something and stays.
_BLANK = re.compile(r"[\s\-\u2010-\u2015\u2212_.,;:/\\|*#~…]*")
# Meta key: the comments stored before comments were pseudonymised have been rewritten.
COMMENTS_DONE = "feedback_comments_pseudonymised"
_STATE_OF = (Pseudonym, ListedName, PseudonymDecision, District, Code, Segment)
# A project's pseudonymiser unused this long is dropped: it holds the key's real names.
IDLE_SECONDS = 300.0
# How often a kept pseudonymiser's project folder is looked at for a forget of another process.
WATCH_SECONDS = 2.0


@dataclass
class _Cached:
    """A project's pseudonymiser, its name lists, and the key state they were read at."""

    state: tuple
    pseudonymiser: NotePseudonymiser
    names: list[str]
    mark: str | None = None  # the project folder's forget mark when it was built
    used: float = 0.0  # time.monotonic() of its last comment


_cache: weakref.WeakKeyDictionary[Project, _Cached] = weakref.WeakKeyDictionary()
_lock = threading.Lock()
_sweeper: list[threading.Timer | None] = [None]  # the timer that drops idle pseudonymisers


def is_blank(comment: str | None) -> bool:
    """True for a comment that says nothing: empty, or only dashes, dots, slashes …

    >>> [is_blank(c) for c in ("", " - ", "–", "/", "...", "?", "👍", "k. A.")]
    [True, True, True, True, True, False, False, False]
    """
    return comment is None or _BLANK.fullmatch(comment) is not None


def key_state(session: Session) -> tuple:
    """What the pseudonymiser is built from, in one query (rows and highest id per table)."""
    parts = []
    for model in _STATE_OF:
        parts.append(select(func.count(model.id)).scalar_subquery())
        parts.append(select(func.max(model.id)).scalar_subquery())
    floor = select(Meta.value).where(Meta.key == PERSON_NUMBER_KEY).scalar_subquery()
    return tuple(session.execute(select(*parts, floor)).one())


def load_name_detector() -> None:
    """Import the pseudonymiser's modules now: for the form server and the participant
    app's preheated kernels, so that the first comment does not wait for them."""
    import workbench.ingest.guessed_names  # noqa: F401 (the pseudonymiser with it)


def _pseudonymiser(session: Session) -> tuple[NotePseudonymiser, list[str]]:
    """The project's pseudonymiser (key, decisions) and its name lists, as an import uses."""
    # The name detector (workbench.ingest) loads when a comment is pseudonymised: reading
    # the results (`workbench feedback`, the apps) needs it only for an older project.
    from workbench.ingest.guessed_names import NotePseudonymiser
    from workbench.ingest.pseudonymise import listed_names

    return NotePseudonymiser.of_project(session), listed_names(session)


def _pseudonymised(project: Project, session: Session, comment: str) -> tuple[str, _Cached]:
    """``comment`` pseudonymised with the project's (cached, still current) pseudonymiser."""
    state, mark = key_state(session), forget_mark(project.path)
    cached = _cache.get(project)
    if cached is None or cached.state != state or cached.mark != mark:
        cached = _Cached(state, *_pseudonymiser(session), mark=mark)
        _cache[project] = cached
    cached.used = time.monotonic()
    if _sweeper[0] is None or not _sweeper[0].is_alive():  # a fork has none of its threads
        _sweep_in(min(IDLE_SECONDS, WATCH_SECONDS))
    return cached.pseudonymiser.pseudonymise(comment, cached.names)[0], cached


def pseudonymise_comment(project: Project, session: Session, comment: str) -> str:
    """The comment as it is stored: personal data replaced, new persons added to the key.

    ``session`` is the answer's write transaction (on SQLite it holds the write lock
    already). If that transaction fails, call :func:`forget_cached`.
    """
    if not comment.strip():
        return comment
    with _lock:
        text, cached = _pseudonymised(project, session, comment)
        if cached.pseudonymiser.new:
            if session.get_bind().dialect.name != "sqlite":
                lock_writes(session)  # numbered after the highest one, as an import does
                text, cached = _pseudonymised(project, session, comment)
            cached.pseudonymiser.store_new(session)
            session.flush()
            cached.state = key_state(session)
    return text


def forget_cached(project: Project) -> None:
    """Drop the project's pseudonymiser (its key may hold what a rollback took back)."""
    with _lock:
        _cache.pop(project, None)


@key_holder
def forget_project(path: str | Path) -> None:
    """Drop the pseudonymisers of every project object of the folder ``path``."""
    folder = Path(path).resolve()
    with _lock:
        for project in [p for p in _cache if Path(p.path).resolve() == folder]:
            _cache.pop(project, None)


def drop_idle(now: float | None = None) -> int:
    """Drop the pseudonymisers unused for :data:`IDLE_SECONDS` and those of a project that
    ``forget`` (in any process) changed since; return how many are left."""
    with _lock:
        return _drop_idle(time.monotonic() if now is None else now)


def _drop_idle(now: float) -> int:
    for project, cached in list(_cache.items()):
        if now - cached.used >= IDLE_SECONDS or forget_mark(project.path) != cached.mark:
            _cache.pop(project, None)
    return len(_cache)


def _sweep_in(seconds: float) -> None:
    """Run :func:`_sweep` in ``seconds`` (a daemon timer; with ``_lock`` held)."""
    timer = threading.Timer(seconds, _sweep)
    timer.daemon = True
    _sweeper[0] = timer
    timer.start()


def _sweep() -> None:
    """Drop the idle and the forgotten pseudonymisers; look again in
    :data:`WATCH_SECONDS`, or sooner when the next one will be idle."""
    with _lock:
        _sweeper[0] = None
        now = time.monotonic()
        if _drop_idle(now):
            oldest = min(cached.used for cached in _cache.values())
            _sweep_in(max(min(oldest + IDLE_SECONDS - now, WATCH_SECONDS), 0.01))


def pseudonymise_stored(project: Project) -> dict[int, str] | None:
    """Rewrite comments stored as typed (by an older Werkbank) once, with the project's key.

    Returns None when the stored comments are pseudonymised; on a project that cannot be
    written, answer id → the comment pseudonymised for display.
    """
    with project.session() as session:
        if session.get(Meta, COMMENTS_DONE) is not None:
            return None
    try:
        with project.transaction(exclusive=True) as session:
            if session.get(Meta, COMMENTS_DONE) is None:
                _rewrite(session)
                session.add(Meta(key=COMMENTS_DONE, value="1"))
        return None
    except (DBAPIError, WorkbenchError):  # read-only: show them pseudonymised all the same
        with project.session() as session:
            return _rewrite(session, store=False)
    finally:
        forget_cached(project)


def _rewrite(session: Session, store: bool = True) -> dict[int, str]:
    """Pseudonymise every stored comment; with ``store`` in place and with the new key
    entries. Returns answer id → new text of those that changed."""
    answers = select(FeedbackAnswer).where(FeedbackAnswer.comment != "")
    stored = session.scalars(answers.order_by(FeedbackAnswer.id)).all()
    if not stored:  # nothing to rewrite: no pseudonymiser to build (a new project)
        return {}
    pseudonymiser, names = _pseudonymiser(session)
    changed = {}
    for answer in stored:
        text = pseudonymiser.pseudonymise(answer.comment, names)[0]
        if text != answer.comment:
            changed[answer.id] = text
            if store:
                answer.comment = text
    if store:
        pseudonymiser.store_new(session)
    return changed
