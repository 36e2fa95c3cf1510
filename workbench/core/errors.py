"""The errors a user meets as one German message (exit code 2), not a traceback; light to
import: the ``workbench`` command catches them before it loads any stage."""

from __future__ import annotations


class WorkbenchError(Exception):
    """An expected error: shown to the user as one clear message, never as a traceback."""


class InputError(WorkbenchError):
    """Bad input that stops an import; names the file and, where known, the row."""

    def __init__(
        self, message: str, file: str | None = None, row: int | None = None, unit: str = "Zeile"
    ):
        self.message = message
        self.file = file
        self.row = row
        self.unit = unit
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(f"Datei {self.file}")
        if self.row is not None:
            where.append(f"{self.unit} {self.row}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message
