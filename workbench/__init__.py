"""Sozialraum-Werkbank: participatory, qualitative social-space analysis.

>>> from workbench import Project  # doctest: +SKIP
"""

from workbench.core.domain import InputError, WorkbenchError
from workbench.project import Project

__all__ = ["InputError", "Project", "WorkbenchError"]
__version__ = "0.1.0"
