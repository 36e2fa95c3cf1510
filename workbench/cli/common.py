"""What every subcommand shares: opening the project and the exit code for expected errors."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from workbench.core.errors import WorkbenchError, control_shown, shown_lines, shown_listing

if TYPE_CHECKING:
    from workbench.project import Project

# The stages (pandas, SQLAlchemy, the importers, …) load when a command runs, in the
# function that needs them: `workbench --help` and a command's --help load none of them.

EXIT_ERROR = 2
# The reader of the output stopped (`workbench … | head`): 128 + SIGPIPE, the status a shell
# reports for a Unix tool that SIGPIPE ended (`seq 99999 | head -1`); not 1, which
# `recommend check` uses for broken chains.
EXIT_PIPE = 141
# The projects the running command opened (:func:`open_project`); closed when it ends
_opened: ContextVar[list[Project] | None] = ContextVar("opened_projects", default=None)


class ShownStream:
    """A text stream (stderr) that writes every control character but the line end as ⏎
    or � (:func:`~workbench.core.errors.shown_lines`): whatever a command, argparse or a
    library says on stderr (errors, warnings, notices) quotes a sheet name, column header
    or file name without its ESC or NUL. Anything else goes to the stream itself."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, text: str) -> int:
        """Write ``text`` with its control characters shown."""
        return self._stream.write(shown_lines(text))

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def notice(text: str, prefix: str = "Hinweis: ", file: TextIO | None = None) -> None:
    """Print a notice of a command on one line (stdout unless ``file``): a source label it
    quotes (a workshop, a column header, a sheet or speaker) is shown without its control
    characters. The standard output also carries data (``--out /dev/stdout``), so it is not
    filtered as a whole as stderr is (:class:`ShownStream`)."""
    print(f"{prefix}{control_shown(text)}", file=file or sys.stdout)


def show_line(text: str, file: TextIO | None = None) -> None:
    """Print a line of a human-readable listing (codes, memos, waves, districts, status,
    recommendations, the concept's warnings) with its control characters shown as ⏎ or �
    (:func:`~workbench.core.errors.shown_listing`; a carriage return too): a stored or
    imported name never steers the terminal. Its own line ends stay (a memo of several
    lines). Data on stdout (CSV, JSON, ``--out /dev/stdout``) does not go through it."""
    print(shown_listing(text), file=file or sys.stdout)


def said_to(out: str | Path | None) -> TextIO:
    """Where a command says what it wrote to ``out``: stderr when ``out`` is the standard
    output (``--out /dev/stdout`` into a file or a pipe), so the line is not in the data."""
    from workbench.core.fileio import writes_to_stdout

    return sys.stderr if writes_to_stdout(out) else sys.stdout


def output_path(value: str) -> str:
    """The argparse type of an output file, folder or database (``--out``, ``OUT``, ``--to``):
    a value with a line break, tab or other control character, or a mark that turns the rest
    of the name around (U+202E), is refused before anything is written (argparse names the
    option; exit 2), as such a file name is hard to find again, breaks every list of files
    and hides part of itself in a terminal or reads otherwise than it is."""
    from workbench.core.errors import control_shown, has_control

    if has_control(value):
        raise argparse.ArgumentTypeError(
            f"'{control_shown(value)}' enthält einen Zeilenumbruch oder ein Steuerzeichen "
            "(hier ⏎ oder �, auch eines, das die Leserichtung umkehrt); so benannte Dateien "
            "und Ordner legt die Werkbank nicht an. "
            "Bitte einen Namen ohne sie angeben."
        )
    return value


def check_ending(out: str, ending: str, kind: str) -> None:
    """Refuse an output file ``out`` whose ending is not ``ending`` (``backup x.txt`` wrote a
    ZIP named .txt); the standard output, devices and pipes take any content."""
    from workbench.core.fileio import is_special

    if is_special(out) or Path(out).is_dir():
        return
    suffix = Path(out).suffix.lower()
    if suffix != ending:
        named = f"die Endung {suffix}" if suffix else "ein Name ohne Endung"
        raise WorkbenchError(
            f"{Path(out).name}: {named} passt nicht zum Format {kind} (hier entsteht eine "
            f"{kind}-Datei, sie endet auf {ending}). Bitte einen Namen auf {ending} angeben."
        )


def open_project(args: argparse.Namespace) -> Project:
    """Open the project from ``--project`` or ``WORKBENCH_PROJECT``."""
    from workbench.project import Project

    path = args.project or os.environ.get("WORKBENCH_PROJECT")
    if not path:
        raise WorkbenchError("Kein Projekt angegeben: --project DIR oder WORKBENCH_PROJECT setzen.")
    project = Project.open(path)
    opened = _opened.get()
    if opened is not None:
        opened.append(project)
    return project


@contextlib.contextmanager
def closing_projects() -> Iterator[None]:
    """Close every project :func:`open_project` opens inside, when the block ends.

    A command run in a process that goes on (``main([...])`` from a test or a notebook)
    left its database connection open until Python's garbage collector found it: a
    connection that keeps SQLite's locks and its view of the write-ahead log in that
    process (tests/project_copy.py says what that broke in the browser tests).
    """
    opened: list[Project] = []
    token = _opened.set(opened)
    try:
        yield
    finally:
        _opened.reset(token)
        for project in opened:
            project.close()


def district_option(project: Project, name: str | None) -> str | None:
    """The Sozialraum a ``--district``/``--scope`` option names today: a name since renamed
    or merged away (``districts --rename/--merge``) is the district it became, said on
    stderr, as the import reads it; a declared one as stored (also typed but for case or a
    control character); any other name stays as typed (the command checks it)."""
    from workbench.store.district_changes import former_names, moved_on
    from workbench.store.district_spelling import named_district

    if not name:
        return name
    declared = named_district(name, list(project.districts()["district"]))
    if declared is not None:  # as stored: "Opla\u202eden" typed is Opladen
        return declared
    with project.session() as session:
        former = former_names(session)
        old = named_district(name, list(former))  # "opladen", "Steinbuechel" too
        if old is None:
            return name
        for notice in moved_on(session, [old], "weiter mit"):
            print(f"Hinweis: {notice}", file=sys.stderr)
    return former[old]


def district_twins_said(project: Project) -> None:
    """Say on stderr which Sozialräume are one name but for case or spelled-out umlauts
    (a project from before they were refused) and the command that merges them."""
    from workbench.store.district_spelling import twin_notices

    for line in twin_notices(list(project.districts()["district"])):
        show_line(line, file=sys.stderr)


def database_reason(err: Exception) -> str | None:
    """The database errors a user meets (locked, read-only, no password, server not
    reachable, …) as a German sentence; ``None`` for any other (a bug, shown as such)."""
    from workbench.store.problems import database_problem

    return database_problem(err)
