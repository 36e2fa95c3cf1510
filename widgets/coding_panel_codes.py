"""The codes the coding panel offers: buttons, their keys, and names for new codes.

No ipywidgets here. :func:`code_buttons` turns the codebook table into the panel's
buttons (grouped, ordered, each with a key); :func:`new_code_path` checks a code a coder
creates while coding (in-vivo) and returns its path.

Keys: the panel's own keys (:data:`RESERVED_KEYS`) are never given to a code. By default
the buttons get the keys of :data:`CODE_KEYS` in order — the digits 1–9 and 0 first,
then letters — so every code of an ordinary codebook can be applied from the keyboard.
When the codebook changes while a panel is open, the codes keep their keys and new codes
get the next free ones (keys don't move under a coder's fingers).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.coding.codebook import SEPARATOR
from workbench.coding.records import check_name
from workbench.core.domain import InputError

if TYPE_CHECKING:
    import pandas as pd

NEXT_KEYS = ("j", "ArrowRight")
PREVIOUS_KEYS = ("k", "ArrowLeft")
UNDO_KEY = "u"
ACCEPT_KEY = "a"
MEMO_KEY = "m"
NEW_CODE_KEY = "n"
PANEL_KEYS = (UNDO_KEY, ACCEPT_KEY, MEMO_KEY, NEW_CODE_KEY)
RESERVED_KEYS = frozenset({*NEXT_KEYS, *PREVIOUS_KEYS, *PANEL_KEYS})
DIGITS = tuple("123456789")
# Digits first, then letters in keyboard order (QWERTZ) without the panel's own keys.
CODE_KEYS = (*DIGITS, "0", *(k for k in "qwertzipsdfghlyxcvbo" if k not in RESERVED_KEYS))
DIMENSIONS = "Dimensionen"  # the group of top-level codes without subcodes
MAX_NAME = 100  # characters of a code name created in the panel


@dataclass(frozen=True)
class CodeButton:
    """A code the panel offers as a button: its path, label, colour, group and key."""

    path: str
    name: str
    colour: str | None
    group: str
    key: str | None = None
    description: str = ""


def clean(value: Any) -> Any:
    """pandas' missing values (NA/NaN) as None."""
    if value is None:
        return None
    try:
        return None if value != value else value  # NaN
    except (TypeError, ValueError):  # pd.NA has no truth value
        return None


def _keys(
    offered: list[str],
    shortcuts: Mapping[str, str] | None,
    keep: Mapping[str, str] | None,
    strict: bool,
) -> dict[str, str]:
    """Code path → key: ``shortcuts``, else the kept keys and then the free :data:`CODE_KEYS`."""
    available = set(offered)
    keys: dict[str, str] = {}
    if shortcuts is not None:
        for key, path in shortcuts.items():
            if path in available:
                keys[path] = key
            elif strict:
                raise InputError(
                    f"Tastenkürzel '{key}': Code '{path}' steht nicht im Codebuch "
                    "oder ist nur eine Gruppe."
                )
        return keys
    for path, key in (keep or {}).items():
        if path in available and key in CODE_KEYS and key not in keys.values():
            keys[path] = key
    free = (k for k in CODE_KEYS if k not in keys.values())
    for path in offered:
        if path not in keys:
            key = next(free, None)
            if key is None:
                break
            keys[path] = key
    return keys


def code_buttons(
    codes: pd.DataFrame,
    only: Iterable[str] | None = None,
    shortcuts: Mapping[str, str] | None = None,
    keep: Mapping[str, str] | None = None,
    strict: bool = True,
    applied: Iterable[str] = (),
) -> list[CodeButton]:
    """The codes to offer as buttons, grouped and keyed.

    Group "Dimensionen": top-level codes without subcodes (the analytic dimensions);
    every top-level code with subcodes (e.g. ``Themen``) is a group of its descendants
    and not a button itself — unless it is in ``applied`` (codes with codings: a MAXQDA
    project codes with parent codes, and a subcode added under a coded code must not
    hide its codings), then it is the first button of its group. ``only`` restricts the
    buttons to these paths. Keys: those
    in ``keep`` (code path → key) stay, the other buttons get the free keys of
    :data:`CODE_KEYS` in order; or only ``shortcuts`` (key → code path) if given.
    ``strict=False`` (a codebook re-read while coding) skips codes of ``only`` and
    ``shortcuts`` that are gone instead of refusing them.
    """
    paths = [str(p) for p in codes["path"]]
    parents = {p.rsplit(SEPARATOR, 1)[0] for p in paths if SEPARATOR in p}
    wanted = None if only is None else set(only)
    if strict and wanted is not None and (unknown := sorted(wanted - set(paths))):
        raise InputError(f"Code '{unknown[0]}' steht nicht im Codebuch.")
    codable = codes["codable"] if "codable" in codes else [True] * len(paths)
    categories = {p for p, c in zip(paths, codable, strict=True) if not c}
    if strict and wanted is not None and (named := sorted(wanted & categories)):
        raise InputError(f"'{named[0]}' ist eine Kategorie und nicht kodierbar.")
    colours = dict(zip(paths, (clean(c) for c in codes["colour"]), strict=True))
    descriptions = dict(zip(paths, (clean(d) or "" for d in codes["description"]), strict=True))
    coded = set(applied)
    leaves = []
    for path in paths:
        if (path in parents and path not in coded) or (wanted is not None and path not in wanted):
            continue
        if path in categories:  # groups codes, never coded: at most its group's name
            continue
        top = path.split(SEPARATOR, 1)[0]
        group = DIMENSIONS if SEPARATOR not in path and path not in parents else top
        leaves.append((0 if group == DIMENSIONS else 1, path, group))
    # Dimensions first, then each group of subcodes; within them in codebook order
    # (the order codes were created in, i.e. their ids).
    order = {p: int(i) for p, i in zip(paths, codes["code_id"], strict=True)}
    first: dict[str, int] = {}
    for _, path, group in leaves:
        first[group] = min(first.get(group, order[path]), order[path])
    leaves.sort(key=lambda item: (item[0], first[item[2]], order[item[1]]))
    keys = _keys([path for _, path, _ in leaves], shortcuts, keep, strict)
    return [
        CodeButton(
            path,
            path.rsplit(SEPARATOR, 1)[-1],
            colours[path],
            group,
            keys.get(path),
            str(descriptions[path]),
        )
        for _, path, group in leaves
    ]


def new_code_path(name: str, parent: str | None, existing: Iterable[str]) -> str:
    """The path of a new code ``name`` under ``parent`` (None: top level), checked.

    Refuses (German :class:`InputError`) an empty name, a name with ``/``, a name longer
    than :data:`MAX_NAME`, a parent not in the codebook and a code that exists already —
    also in other upper/lower case, which is almost always a typing slip.
    """
    name = check_name(name)
    if len(name) > MAX_NAME:
        raise InputError(f"Der Codename ist zu lang (höchstens {MAX_NAME} Zeichen).")
    paths = list(existing)
    parent = (parent or "").strip() or None
    if parent is not None and parent not in paths:
        raise InputError(f"Obercode '{parent}' steht nicht im Codebuch.")
    path = f"{parent}{SEPARATOR}{name}" if parent else name
    same = [p for p in paths if p.casefold() == path.casefold()]
    if same:
        raise InputError(f"Code '{same[0]}' gibt es schon.")
    return path
