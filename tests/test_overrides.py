"""A method that overrides another takes every argument the overridden one takes.

The base class calls its own methods with all their arguments; an override that dropped
one (the comments' name detector lacked the surnames seen so far, which the import's
detector passes when it reads a text a second time) fails only when that call happens —
in the participation form, as a 503 for some comments. Checked for every class of the
Werkbank, in a process of its own (importing every module would change what the other
tests of this process see loaded).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

AUDIT = r"""
import importlib, inspect, pkgutil, warnings
warnings.simplefilter("ignore")
OWN = ("workbench", "widgets")
classes = {}
for package in OWN:
    for info in pkgutil.walk_packages(importlib.import_module(package).__path__, package + "."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for cls in vars(module).values():
            if inspect.isclass(cls) and cls.__module__.startswith(OWN):
                classes[cls] = None
bad = []
for cls in classes:
    for name, value in vars(cls).items():
        method = callable(value) or isinstance(value, (staticmethod, classmethod))
        if name.startswith("__") or not method:
            continue
        base = next((b for b in cls.__mro__[1:] if name in vars(b)), None)
        if base is None or not base.__module__.startswith(OWN):
            continue
        try:
            mine = inspect.signature(getattr(cls, name)).parameters.values()
            theirs = inspect.signature(getattr(base, name)).parameters.values()
        except (TypeError, ValueError):
            continue
        kinds = {p.kind for p in mine}
        positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
        if inspect.Parameter.VAR_POSITIONAL not in kinds and sum(
            p.kind in positional for p in mine
        ) < sum(p.kind in positional for p in theirs):
            bad.append(f"{cls.__module__}.{cls.__qualname__}.{name}")
            continue
        names = {p.name for p in mine}
        if inspect.Parameter.VAR_KEYWORD not in kinds and any(
            p.name not in names and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in theirs
        ):
            bad.append(f"{cls.__module__}.{cls.__qualname__}.{name}")
print(len(classes))
print("\n".join(bad))
"""


def test_every_override_takes_the_arguments_of_the_method_it_overrides() -> None:
    done = subprocess.run(
        [sys.executable, "-c", AUDIT], cwd=ROOT, capture_output=True, text=True, check=True
    )
    checked, *bad = done.stdout.splitlines()
    assert int(checked) > 250  # every module was read
    assert [line for line in bad if line] == []
