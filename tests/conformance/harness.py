"""Run a CLI command the way a user does and judge the outcome.

A command conforms when it works (exit code 0), or stops with exit code 2 and ONE German
sentence on stderr (``Fehler: …``) — never a Python exception, never a traceback — and
when nothing it prints or writes shows missing metadata as ``nan``, ``<NA>``, ``None`` or
an empty ``()``.
"""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from workbench.cli.main import main

# How missing values leak when nobody handled them.
LEAKS = re.compile(r"(?<![\w-])(nan|NaN|<NA>|NaT|None)(?![\w-])|\(\s*\)")
ALLOWED_EXIT = {0, 2}


class NonConformance(AssertionError):
    """A command crashed, printed a traceback or leaked a missing value."""


@dataclass
class Outcome:
    """What one command did."""

    argv: list[str]
    code: int
    out: str
    err: str
    files: list[Path] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The command line as a user would type it (paths shortened)."""
        return "workbench " + " ".join(Path(a).name if "/" in a else a for a in self.argv)


def run(
    argv: list[str],
    files: tuple[Path, ...] = (),
    allowed: set[int] = ALLOWED_EXIT,
    texts: frozenset[str] = frozenset(),
) -> Outcome:
    """Run ``workbench argv`` in this process and check that it conforms (else raise).

    ``texts`` are the participants' own statements: a "None" or "()" that they wrote
    themselves is not a leak.
    """
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    except SystemExit as exit_:  # argparse: wrong usage is the test's bug, not the user's
        raise NonConformance(
            f"{argv}: argparse beendet mit {exit_.code}: {err.getvalue()}"
        ) from None
    except BaseException as exc:
        raise NonConformance(f"{argv}: Python-Ausnahme {type(exc).__name__}: {exc}") from exc
    outcome = Outcome(list(argv), code, out.getvalue(), err.getvalue(), list(files))
    check(outcome, allowed, texts)
    return outcome


def _without(text: str, texts: frozenset[str]) -> str:
    """``text`` without the statements that themselves contain a leak-like token."""
    for statement in texts:
        if LEAKS.search(statement):
            text = text.replace(statement, " ")
            for line in statement.splitlines():  # e.g. quotes cut at line ends
                if LEAKS.search(line):
                    text = text.replace(line.strip(), " ")
    return text


def check(
    outcome: Outcome, allowed: set[int] = ALLOWED_EXIT, texts: frozenset[str] = frozenset()
) -> None:
    """Raise :class:`NonConformance` unless ``outcome`` is a conforming result."""
    where = outcome.label
    if outcome.code not in allowed:
        raise NonConformance(f"{where}: Exit-Code {outcome.code}\n{outcome.err[-2000:]}")
    for stream in (outcome.out, outcome.err):
        if "Traceback" in stream:
            raise NonConformance(f"{where}: Traceback in der Ausgabe")
    if outcome.code == 2:
        lines = [line for line in outcome.err.splitlines() if line.strip()]
        if len(lines) != 1 or not lines[0].startswith("Fehler: "):
            raise NonConformance(f"{where}: erwartet eine Zeile 'Fehler: …', bekam {lines!r}")
    leak = LEAKS.search(_without(outcome.out, texts)) or LEAKS.search(outcome.err)
    if leak:
        raise NonConformance(f"{where}: fehlender Wert als {leak.group(0)!r} ausgegeben")
    if outcome.code == 0:
        for path in outcome.files:
            if not path.exists():
                raise NonConformance(f"{where}: {path.name} wurde nicht geschrieben")
            text = _without(output_text(path), texts)
            leak = LEAKS.search(text)
            if leak:
                start = max(0, leak.start() - 60)
                raise NonConformance(
                    f"{where}: {path.name} zeigt einen fehlenden Wert als {leak.group(0)!r}: "
                    f"…{text[start : leak.end() + 20]}…"
                )


def output_text(path: Path) -> str:
    """The visible text of a written file (CSV, JSON, YAML, XLSX, DOCX, HTML, QDPX)."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True)
        cells = [
            str(value)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        ]
        book.close()
        return "\n".join(cells)
    if suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        parts = [p.text for p in document.paragraphs]
        parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
        return "\n".join(parts)
    if suffix == ".html":
        from html.parser import HTMLParser

        class _Text(HTMLParser):
            def __init__(self) -> None:
                super().__init__()
                self.parts: list[str] = []
                self.skip = 0

            def handle_starttag(self, tag: str, attrs: list) -> None:
                self.skip += tag in ("script", "style")

            def handle_endtag(self, tag: str) -> None:
                self.skip -= tag in ("script", "style")

            def handle_data(self, data: str) -> None:
                if not self.skip:
                    self.parts.append(data)

        parser = _Text()
        parser.feed(path.read_text(encoding="utf-8"))
        return "\n".join(parser.parts)
    if suffix in (".qdpx", ".zip"):
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if not n.endswith("/")]
            return "\n".join(archive.read(n).decode("utf-8", "replace") for n in names)
    if path.is_dir():
        return "\n".join(output_text(p) for p in sorted(path.rglob("*.html")))
    return path.read_text(encoding="utf-8-sig", errors="replace")
