"""Every Voilà app, built as Voilà builds it, against one project: it shows its content or
one German message — never the generic "Fehler aufgetreten" that hides an exception, and
never a missing value as "nan", "<NA>", "None" or "()"."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path

import ipywidgets as w

from tests.conformance.harness import LEAKS, NonConformance, _without
from widgets.app_support import GENERIC_ERROR
from widgets.coding_panel import coding_app
from widgets.feedback import participant_app
from widgets.profile_view import profile_app
from widgets.topic_map import topic_map_app


def widget_texts(widget: object) -> Iterator[str]:
    """Every text a person sees or hears in a widget tree (values, labels, options)."""
    for attribute in ("value", "description", "placeholder", "tooltip", "title"):
        value = getattr(widget, attribute, None)
        if isinstance(value, str) and value:
            yield value
    options = getattr(widget, "_options_labels", None) or ()
    yield from (str(o) for o in options)
    for child in getattr(widget, "children", ()) or ():
        yield from widget_texts(child)
    if isinstance(widget, w.Output):
        for output in widget.outputs:
            yield from (str(v) for v in output.get("data", {}).values())
            if "text" in output:
                yield str(output["text"])


def _token(tokens_csv: Path) -> str | None:
    if not tokens_csv.exists():
        return None
    with tokens_csv.open(encoding="utf-8") as file:
        rows = list(csv.reader(file))
    return rows[1][0] if len(rows) > 1 else None


def apps(project: Path, out: Path) -> Iterator[tuple[str, Callable[[], w.Widget]]]:
    """(label, builder) for each app and the URL parameters a user would send."""
    env = {"WORKBENCH_PROJECT": str(project)}
    yield "sozialraumprofil", lambda: profile_app(env)
    yield (
        "sozialraumprofil?district=Unbekannt",
        lambda: profile_app({**env, "QUERY_STRING": "district=Unbekannt"}),
    )
    yield "themenlandkarte", lambda: topic_map_app(env)
    yield "kodieren?coder=A", lambda: coding_app({**env, "QUERY_STRING": "coder=A"})
    yield "kodieren", lambda: coding_app(env)
    token = _token(out / "zugangscodes.csv")
    if token:
        yield (
            "bedarfe_bewerten?token=…",
            lambda: participant_app({**env, "QUERY_STRING": f"token={token}"}),
        )
    yield "bedarfe_bewerten (ohne Code)", lambda: participant_app(env)


def check_apps(project: Path, out: Path, texts: frozenset[str]) -> list[str]:
    """Build every app; return every non-conformance found."""
    problems = []
    for label, build in apps(project, out):
        try:
            widget = build()
        except Exception as exc:
            problems.append(f"App {label}: Python-Ausnahme {type(exc).__name__}: {exc}")
            continue
        shown = "\n".join(widget_texts(widget))
        if GENERIC_ERROR in shown:
            problems.append(f"App {label}: zeigt die allgemeine Fehlermeldung (Ausnahme versteckt)")
        leak = LEAKS.search(_without(shown, texts))
        if leak:
            start = max(0, leak.start() - 80)
            problems.append(
                f"App {label}: fehlender Wert als {leak.group(0)!r}: "
                f"…{_without(shown, texts)[start : leak.end() + 20]}…"
            )
    return problems


def raise_if(problems: list[str]) -> None:
    """Raise one :class:`NonConformance` listing all problems."""
    if problems:
        raise NonConformance("\n".join(problems))
