"""Process-wide caches that may hold participants' words, and forgetting them.

The Werkbank runs in long-lived processes (JupyterLab and Voilà kernels, the form
server). A cache of a module lives as long as the process: one asked with the words of a
text ("Kowalczyk", a name list, a column header) would keep them after the import, the
comment or the export that asked. Such a cache is registered here with
:func:`word_cache` (or :func:`register` for a module's list), and every operation that
reads participants' texts ends with :func:`forget_words`, through :func:`forgets_words`.
A cache of a fixed vocabulary (the gazetteer, the noun lexicon) is marked with
:func:`fixed_cache` instead, so that a test can find any cache marked neither way.

Python's own ``re`` module keeps the last 512 patterns compiled from strings, and a
pattern built from a text's names ("(?:Becker|Jens)s?", the listed names, a speaker
label) would stay there as well: :func:`forget_words` empties it too (``re.purge``; the
patterns of the modules are compiled once and held by them, so this costs only the few
compiled from a string at a call, about 0.05 s at the next import).

A project's pseudonym key (its real names) may be kept between operations on purpose,
where building it each time would be too slow (the comments' pseudonymiser of the form
server, decision 010). Such a holder registers with :func:`key_holder`; it lets go of a
project's key when :func:`forget_key` is called: when the project is closed and when
``forget`` has removed a person.

``forget_key`` reaches the holders of its own process only. ``forget`` in another process
(``workbench forget`` while the form server runs) also replaces the project folder's
:data:`FORGET_MARK` file with a new random mark (:func:`mark_forgotten`); a holder notes
the mark (:func:`forget_mark`) when it builds from the key and drops what it built once the
mark differs: before each use, and while it keeps a key, every few seconds.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import secrets
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

# qualified name → what empties the cache (its ``cache_clear``, a list's ``clear``)
_CLEARS: dict[str, Callable[[], None]] = {}
# qualified name → the cache itself, for a look at what it holds
_CACHES: dict[str, object] = {}
# qualified names of caches that hold a fixed vocabulary only, and why
_FIXED: dict[str, str] = {}
# what drops the keys kept of a project, called with the project's folder
_KEY_HOLDERS: list[Callable[[Any], None]] = []
_lock = threading.Lock()
_running = [0]  # operations of :func:`forgets_words` running (in any thread)


def _name(func: Any) -> str:
    return f"{func.__module__}.{func.__qualname__}"


def word_cache(cached: T) -> T:
    """Register a ``functools.lru_cache`` whose keys or values may be participants' words
    (put above ``@lru_cache``); :func:`forget_words` empties it."""
    name = _name(cached)
    _CLEARS[name] = cached.cache_clear  # type: ignore[attr-defined]
    _CACHES[name] = cached
    return cached


def register(name: str, holder: Any) -> None:
    """Register a module's list or dict that keeps words between calls under ``name``
    (module and variable: ``"workbench.ingest.listed_hits._NAMES"``)."""
    _CLEARS[name] = holder.clear
    _CACHES[name] = holder


def key_holder(drop: Callable[[Any], None]) -> Callable[[Any], None]:
    """Register ``drop(path)``, which lets go of what its module keeps of the key of the
    project in folder ``path``; :func:`forget_key` calls it."""
    _KEY_HOLDERS.append(drop)
    return drop


def forget_key(path: Any) -> None:
    """Let every registered holder drop what it keeps of the key of the project at ``path``."""
    for drop in list(_KEY_HOLDERS):
        drop(path)


# In the project folder: replaced by every ``forget`` (random text, no content).
FORGET_MARK = ".forget-mark"


def mark_forgotten(path: Any) -> bool:
    """Tell every process of the project in folder ``path`` that ``forget`` removed
    something (a new random mark); False if the folder cannot be written."""
    folder = Path(path)
    temporary = folder / f"{FORGET_MARK}.{os.getpid()}-{threading.get_ident()}"
    try:
        temporary.write_text(secrets.token_hex(16), encoding="ascii")
        os.replace(temporary, folder / FORGET_MARK)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return False
    return True


def forget_mark(path: Any) -> str | None:
    """The project folder's forget mark now (None before the first ``forget``); a holder
    compares it with the one it noted to see a ``forget`` of another process."""
    try:
        return (Path(path) / FORGET_MARK).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return None


def fixed_cache(reason: str) -> Callable[[T], T]:
    """Mark a cache that holds no participant's words (put above ``@cache``), ``reason``
    says what it holds ("the gazetteer", "the noun lexicon")."""

    def mark(cached: T) -> T:
        _FIXED[_name(cached)] = reason
        return cached

    return mark


def registered() -> dict[str, object]:
    """The registered caches by qualified name (for tests and a look in a kernel)."""
    return dict(_CACHES)


def fixed() -> dict[str, str]:
    """The caches marked as holding a fixed vocabulary, by qualified name, and why."""
    return dict(_FIXED)


def forget_words() -> None:
    """Empty every registered cache and ``re``'s: no participant's word stays in the process."""
    for clear in list(_CLEARS.values()):
        clear()
    re.purge()  # the patterns built from names (key_growth, listed_words, review …)


def forgets_words(operation: Callable[P, T]) -> Callable[P, T]:
    """``operation``, after which the registered caches are emptied (when the outermost
    such operation ends: an import inside an import keeps its caches until both end)."""

    @functools.wraps(operation)
    def forgetting(*args: P.args, **kwargs: P.kwargs) -> T:
        with _lock:
            _running[0] += 1
        try:
            return operation(*args, **kwargs)
        finally:
            with _lock:
                _running[0] -= 1
                last = _running[0] == 0
            if last:
                forget_words()

    return forgetting
