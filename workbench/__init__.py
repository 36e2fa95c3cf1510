"""Sozialraum-Werkbank: participatory, qualitative social-space analysis.

>>> from workbench import Project  # doctest: +SKIP

The public names are imported on first use (PEP 562): ``import workbench`` itself loads
nothing heavy, so the ``workbench`` command can catch Ctrl-C while it starts
(:func:`workbench.cli.main`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.core.errors import InputError, WorkbenchError
    from workbench.project import Project

__all__ = ["InputError", "Project", "WorkbenchError"]
__version__ = "0.1.0"
_HOMES = {
    "InputError": "workbench.core.errors",
    "WorkbenchError": "workbench.core.errors",
    "Project": "workbench.project",
}


def __getattr__(name: str) -> Any:
    """A public name of the package, imported from its module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'workbench' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
