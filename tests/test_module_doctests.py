"""Every example in the docstrings of the core package and the widgets holds.

The examples (">>> …") document rules in the words of their data ("Frage an die
Rosenkranz" → "Rosenkranz"); a rule changed without its example would leave the
documentation wrong, and nothing else ran them: pytest collects only ``tests/``.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from collections.abc import Iterator

import pytest

import widgets
import workbench


def _modules() -> Iterator[str]:
    """The modules of both packages but Alembic's migration scripts (run by Alembic only)
    and ``__main__`` (importing it runs the command line)."""
    for package in (workbench, widgets):
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            if ".migrations" not in info.name and not info.name.endswith(".__main__"):
                yield info.name


@pytest.mark.parametrize("name", sorted(_modules()))
def test_the_examples_in_a_modules_docstrings_hold(name: str) -> None:
    """A failed example is printed by doctest above the assertion."""
    module = importlib.import_module(name)
    assert doctest.testmod(module, verbose=False).failed == 0
