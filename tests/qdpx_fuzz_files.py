"""Writing a generated REFI-QDA project (``tests/qdpx_fuzz_gen.py``) and checking it
against ``Project-mrt2019.xsd``, read from ``$WORKBENCH_SHARED/refi-qda`` at run time (the
schema is never copied into the repository)."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:  # by path from the benchmark, as tests.qdpx_fuzz_gen in the tests
    from tests.qdpx_fuzz_gen import Fuzzed


def write(fuzzed: Fuzzed, path: Path) -> Path:
    """The project as a .qdpx at ``path``."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in fuzzed.members.items():
            archive.writestr(name, data)
    return path


# where the shared data lies beside the checkout, as tests/conftest.py reads it
_SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def schema() -> etree.XMLSchema | None:
    """The REFI-QDA project schema from ``$WORKBENCH_SHARED/refi-qda`` (else the ``shared``
    folder beside the checkout, as the other tests read real data), or None if absent."""
    xsd = Path(os.environ.get("WORKBENCH_SHARED", _SHARED)) / "refi-qda" / "Project-mrt2019.xsd"
    return etree.XMLSchema(etree.parse(str(xsd))) if xsd.is_file() else None


def problems(xsd: etree.XMLSchema, qde: bytes) -> list[str]:
    """The schema's complaints about ``qde`` (empty: valid)."""
    doc = etree.fromstring(qde)
    xsd.validate(doc)
    return [f"{e.line}: {e.message}" for e in xsd.error_log]
