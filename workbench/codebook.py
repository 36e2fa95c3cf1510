"""The codebook: hierarchical codes read from and written to YAML."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from workbench.domain import InputError

SEPARATOR = "/"


@dataclass(frozen=True)
class CodeSpec:
    """One code as the codebook defines it; ``path`` is e.g. ``Themen/Wohnen``."""

    path: str
    description: str = ""
    example: str = ""
    colour: str | None = None

    @property
    def name(self) -> str:
        """The last part of the path."""
        return self.path.rsplit(SEPARATOR, 1)[-1]

    @property
    def parent(self) -> str | None:
        """The parent's path, or None at the top level."""
        return self.path.rsplit(SEPARATOR, 1)[0] if SEPARATOR in self.path else None


def _walk(entries: Any, parent: str | None, filename: str) -> list[CodeSpec]:
    """Flatten nested ``codes``/``children`` lists into specs, parents first."""
    if not isinstance(entries, list):
        raise InputError("'codes' bzw. 'children' muss eine Liste sein.", file=filename)
    specs: list[CodeSpec] = []
    for entry in entries:
        if not isinstance(entry, dict) or not str(entry.get("name", "")).strip():
            raise InputError(f"Code ohne Namen unter '{parent or '(oben)'}'.", file=filename)
        name = str(entry["name"]).strip()
        if SEPARATOR in name:
            raise InputError(f"Codename '{name}' darf kein '/' enthalten.", file=filename)
        path = f"{parent}{SEPARATOR}{name}" if parent else name
        specs.append(
            CodeSpec(
                path=path,
                description=str(entry.get("description") or "").strip(),
                example=str(entry.get("example") or "").strip(),
                colour=entry.get("colour"),
            )
        )
        specs.extend(_walk(entry.get("children") or [], path, filename))
    return specs


def read_codebook_yaml(path: str | Path) -> list[CodeSpec]:
    """Read a codebook YAML file (``codes:`` with nested ``children:``)."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("Codebuch nicht gefunden.", file=str(path)) from None
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise InputError(f"Codebuch ist kein gültiges YAML: {err}", file=str(path)) from None
    if not isinstance(data, dict) or "codes" not in data:
        raise InputError("Codebuch braucht einen Schlüssel 'codes'.", file=str(path))
    specs = _walk(data["codes"], None, str(path))
    paths = [s.path for s in specs]
    duplicates = sorted({p for p in paths if paths.count(p) > 1})
    if duplicates:
        raise InputError(f"Doppelte Codes: {', '.join(duplicates)}", file=str(path))
    return specs
