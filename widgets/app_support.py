"""What every Voilà app needs: URL parameters, the project from the environment,
German error messages instead of tracebacks, and escaping of user-supplied text.

Voilà (0.5) passes the page's query string to the kernel as the environment variable
``QUERY_STRING`` (CGI style, see ``voila/handler.py``); with ``preheat_kernel`` it would
arrive later and ``voila.utils.get_query_string()`` must be used instead — the apps of
this project don't preheat.
"""

from __future__ import annotations

import html
import logging
import os
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import parse_qs

import ipywidgets as w

from workbench.core.domain import WorkbenchError
from workbench.project import Project

PROJECT_ENV = "WORKBENCH_PROJECT"
DEFAULT_APP_PROJECT = "../build/demo-projekt"  # from voila_apps/: what `make demo` builds
GENERIC_ERROR = (
    "Es ist ein Fehler aufgetreten. Bitte laden Sie die Seite neu; wenn der Fehler bleibt, "
    "wenden Sie sich an das Forschungsteam."
)

_log = logging.getLogger(__name__)


def esc(value: object) -> str:
    """``value`` as text that is safe inside HTML (also inside attribute values).

    >>> esc('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    """
    return html.escape("" if value is None else str(value), quote=True)


def query_params(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The URL's query parameters (first value of each), from ``QUERY_STRING``.

    >>> query_params({"QUERY_STRING": "coder=Ay%C5%9Fe&x=1&x=2"})
    {'coder': 'Ayşe', 'x': '1'}
    """
    env = os.environ if environ is None else environ
    parsed = parse_qs(env.get("QUERY_STRING", ""), keep_blank_values=False)
    return {key: values[0].strip() for key, values in parsed.items() if values}


def open_project(environ: Mapping[str, str] | None = None, default: str | Path = "") -> Project:
    """Open the project named by ``WORKBENCH_PROJECT`` (else ``default``)."""
    env = os.environ if environ is None else environ
    location = env.get(PROJECT_ENV) or str(default)
    if not location:
        raise WorkbenchError(
            f"Kein Projekt angegeben: bitte die Umgebungsvariable {PROJECT_ENV} setzen."
        )
    path = Path(location).expanduser()
    if not path.is_dir():
        raise WorkbenchError(
            "Das Projekt wurde nicht gefunden. Bitte wenden Sie sich an das Forschungsteam."
        )
    return Project.open(path)


def message(text: str, kind: str = "error") -> w.HTML:
    """A German message box (text escaped)."""
    colours = {"error": ("#8a1c1c", "#fdecea"), "info": ("#1d3557", "#eef3fb")}
    fg, bg = colours.get(kind, colours["info"])
    box = w.HTML(
        f'<div role="alert" style="color:{fg};background:{bg};padding:10px 14px;'
        f'border-radius:4px">{esc(text)}</div>'
    )
    box.add_class(f"sw-message-{kind}")
    return box


def safe_app(build: Callable[[], w.Widget]) -> w.Widget:
    """Run ``build``; on any error return a German message instead of a traceback.

    Warnings are silenced while building: in Voilà anything written to stderr during
    the notebook's execution would appear on the page.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return build()
    except WorkbenchError as err:
        return message(str(err))
    except Exception:  # the app must never show a traceback
        _log.info("App konnte nicht aufgebaut werden", exc_info=True)
        return message(GENERIC_ERROR)
