"""nbval: a kernel that dies while it starts is started once more.

jupyter_client chooses free ports for a kernel and hands them to it in the connection
file; another process on the machine (in `make test` the unit half starts Voilà and
JupyterHub kernels at the same time) can take one of them in between, and the kernel dies
binding it ("Address already in use", a known race of jupyter_client and ipykernel).
nbval then reports every cell of the notebook as an error although no cell ran. The
kernel's error output of the first attempt is shown as a warning, so a kernel that dies
for another reason is seen (and dies the second time too).
"""

from __future__ import annotations

import tempfile
import warnings
from typing import Any

import nbval.kernel

_start_new_kernel = nbval.kernel.start_new_kernel


def _start_with_second_attempt(*args: Any, **kwargs: Any) -> Any:
    """nbval's ``start_new_kernel``; if the kernel dies while starting, once more."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as output:
        try:
            return _start_new_kernel(*args, **{**kwargs, "stderr": output})
        except RuntimeError as error:
            output.seek(0)
            why, said = str(error), output.read()[-3000:]
    warnings.warn(
        f"Kernel beim Start beendet ({why}); zweiter Versuch. Ausgabe des Kernels:\n{said}",
        stacklevel=2,
    )
    return _start_new_kernel(*args, **kwargs)


nbval.kernel.start_new_kernel = _start_with_second_attempt
