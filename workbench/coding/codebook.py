"""The codebook: hierarchical codes read from and written to YAML."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import yaml

from workbench.core.domain import SEPARATOR, InputError
from workbench.core.errors import control_shown
from workbench.core.parse_errors import yaml_problem
from workbench.core.typed_text import one_line_name
from workbench.store import MAX_CODE_NAME, MAX_CODE_PATH

_COLOUR = re.compile(r"#?([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})")


def normalise_colour(value: Any, file: str | None = None) -> str | None:
    """Return a colour as ``#rrggbb`` (lower case), None for none; refuse anything else.

    >>> normalise_colour("#1F77B4"), normalise_colour("f80"), normalise_colour("")
    ('#1f77b4', '#ff8800', None)
    """
    if value is None or str(value).strip() == "":
        return None
    match = _COLOUR.fullmatch(str(value).strip())
    if match is None:
        raise InputError(
            f"Farbe '{value}' ist ungültig: erwartet wird #RRGGBB, z. B. #1f77b4.", file=file
        )
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return f"#{digits}"


def alpha_colour(value: str) -> tuple[str, str | None] | None:
    """A colour with its alpha (8 digits) as ``#rrggbb``, and the other reading if the order
    is not known; None if ``value`` is no such colour.

    .NET and Qt write ``#AARRGGBB``, CSS ``#RRGGBBAA``. An end that is ``FF`` (opaque, as
    a program writes the colour a user picked) is the alpha if the other end is not; so is
    either end if both readings agree (``#FFFFFFFF``). Otherwise the order is not known and
    the first six digits are kept (``#RRGGBBAA``: desktop programs write opaque colours,
    which the ``FF`` tells; a translucent one rather comes from a web tool), and the second
    value is the ``#AARRGGBB`` reading, for the import's notice. ``00`` tells nothing: it
    is a common colour digit (``#0000FF80``), an invisible colour no code has.

    >>> alpha_colour("#FF1F77B4"), alpha_colour("#1f77b4ff"), alpha_colour("#FFFFFFFF")
    (('#1f77b4', None), ('#1f77b4', None), ('#ffffff', None))
    >>> alpha_colour("#1F77B480"), alpha_colour("#FF0000FF"), alpha_colour("#1f77b4")
    (('#1f77b4', '#77b480'), ('#ff0000', '#0000ff'), None)
    """
    digits = value.strip().removeprefix("#").lower()
    if not re.fullmatch(r"[0-9a-f]{8}", digits):
        return None
    rgba, argb = f"#{digits[:6]}", f"#{digits[2:]}"
    if rgba == argb:
        return rgba, None
    if (digits[:2] == "ff") != (digits[6:] == "ff"):
        return (argb if digits[:2] == "ff" else rgba), None
    return rgba, argb


@dataclass(frozen=True)
class CodeSpec:
    """One code as the codebook defines it; ``path`` is e.g. ``Themen/Wohnen``.

    Its texts are composed (NFC): a codebook or QDA export from a Mac writes "Begründung"
    as "u" and a combining mark, and is the same code as the one typed.

    >>> CodeSpec("Begru\\u0308ndung").path == "Begründung"
    True
    """

    path: str
    description: str = ""
    example: str = ""
    colour: str | None = None
    # False for a category that only groups codes (REFI-QDA ``isCodable="false"``)
    codable: bool = True

    def __post_init__(self) -> None:
        for name in ("path", "description", "example"):
            value = getattr(self, name)
            if isinstance(value, str) and not unicodedata.is_normalized("NFC", value):
                object.__setattr__(self, name, unicodedata.normalize("NFC", value))

    @property
    def name(self) -> str:
        """The last part of the path."""
        return self.path.rsplit(SEPARATOR, 1)[-1]

    @property
    def parent(self) -> str | None:
        """The parent's path, or None at the top level."""
        return self.path.rsplit(SEPARATOR, 1)[0] if SEPARATOR in self.path else None


def check_code_size(path: str, file: str | None = None, row: int | None = None) -> str:
    """Return ``path``; refuse a code name or path longer than the database holds (the same
    on SQLite and PostgreSQL, which stopped with a database error).

    >>> check_code_size("Bedarf/Wohnen")
    'Bedarf/Wohnen'
    """
    name = path.rsplit(SEPARATOR, 1)[-1]
    where = f" unter '{path.rsplit(SEPARATOR, 1)[0]}'" if SEPARATOR in path else ""
    if len(name) > MAX_CODE_NAME:
        raise InputError(
            f"Codename '{name[:30]}…'{where} ist zu lang: {len(name)} Zeichen, höchstens "
            f"{MAX_CODE_NAME}. Bitte im Codebuch bzw. im anderen Programm kürzen.",
            file=file,
            row=row,
        )
    if len(path) > MAX_CODE_PATH:
        raise InputError(
            f"Codepfad '{path[:30]}…' ist zu lang: {len(path)} Zeichen mit allen Obercodes, "
            f"höchstens {MAX_CODE_PATH}. Bitte Namen kürzen oder weniger tief verschachteln.",
            file=file,
            row=row,
        )
    return path


# The keys of one code in a codebook YAML ("codes" for subcodes too, as at the top level)
CODE_KEYS = ("name", "description", "example", "colour", "codable", "children", "codes")


def _walk(
    entries: Any, parent: str | None, filename: str, written: list[str], as_written: str = ""
) -> list[CodeSpec]:
    """Flatten nested ``codes``/``children`` lists into specs, parents first; each code's
    path as the file writes it goes to ``written`` (for :func:`refuse_doubles`)."""
    if not isinstance(entries, list):
        raise InputError("'codes' bzw. 'children' muss eine Liste sein.", file=filename)
    specs: list[CodeSpec] = []
    for entry in entries:
        name = one_line_name(str(entry.get("name", ""))) if isinstance(entry, dict) else ""
        if not name:
            raise InputError(f"Code ohne Namen unter '{parent or '(oben)'}'.", file=filename)
        if SEPARATOR in name:
            raise InputError(f"Codename '{name}' darf kein '/' enthalten.", file=filename)
        own = str(entry["name"]).strip()
        written.append(f"{as_written}{SEPARATOR}{own}" if as_written else own)
        path = check_code_size(f"{parent}{SEPARATOR}{name}" if parent else name, filename)
        unknown = sorted(str(k) for k in entry if k not in CODE_KEYS)
        if unknown:  # "beschreibung:", "subcodes:": dropping them would lose the team's work
            raise InputError(
                f"Code '{path}': unbekannte{'r' if len(unknown) == 1 else ''} Schlüssel "
                f"{', '.join(repr(k) for k in unknown)} (erlaubt: {', '.join(CODE_KEYS)}).",
                file=filename,
            )
        if "children" in entry and "codes" in entry:
            raise InputError(
                f"Code '{path}': Untercodes entweder unter 'children' oder unter 'codes'.",
                file=filename,
            )
        specs.append(
            CodeSpec(
                path=path,
                description=str(entry.get("description") or "").strip(),
                example=str(entry.get("example") or "").strip(),
                colour=normalise_colour(entry.get("colour"), filename),
                codable=_codable(entry.get("codable", True), path, filename),
            )
        )
        nested = entry.get("children", entry.get("codes")) or []  # "codes" as at the top
        specs.extend(_walk(nested, path, filename, written, written[-1]))
    return specs


def _codable(value: Any, path: str, filename: str) -> bool:
    """A code's ``codable:`` as a bool; anything but true/false is refused."""
    if not isinstance(value, bool):
        raise InputError(
            f"Code '{path}': 'codable' muss true oder false sein, nicht '{value}'.", file=filename
        )
    return value


def _decoded(data: bytes) -> str:
    """A codebook file's text: UTF-8 (with or without BOM), else Windows-1252 (Latin-1)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_codebook_yaml(path: str | Path) -> list[CodeSpec]:
    """Read a codebook YAML file (``codes:`` with nested ``children:``)."""
    path = Path(path)
    try:
        data = yaml.safe_load(_decoded(path.read_bytes()))
    except FileNotFoundError:
        raise InputError("Codebuch nicht gefunden.", file=str(path)) from None
    except (yaml.YAMLError, RecursionError) as err:
        raise InputError(
            f"Codebuch ist kein gültiges YAML: {yaml_problem(err)}.", file=str(path)
        ) from None
    if not isinstance(data, dict) or "codes" not in data:
        raise InputError("Codebuch braucht einen Schlüssel 'codes'.", file=str(path))
    written: list[str] = []
    specs = _walk(data["codes"], None, str(path), written)
    refuse_doubles([s.path for s in specs], written, str(path))
    return specs


def refuse_doubles(
    paths: list[str], written: list[str], file: str, what: str = "Doppelte Codes"
) -> None:
    """Refuse a codebook file in which two codes have one path (``paths`` as stored,
    ``written`` as the file writes them, in the same order). Two entries that differ only
    by a line break, tab or control character are named both, as written: a codebook is
    the team's text, which of the two is meant is theirs to say (merging them would join
    two descriptions and anchor examples without anyone having decided it)."""
    first: dict[str, str] = {}
    same: set[str] = set()
    for path, entry in zip(paths, written, strict=True):
        if path not in first:
            first[path] = entry
        elif unicodedata.normalize("NFC", first[path]) == unicodedata.normalize("NFC", entry):
            same.add(path)
        else:
            raise InputError(
                f"{what}: '{control_shown(first[path])}' und '{control_shown(entry)}' sind "
                f"auf einer Zeile derselbe Code '{path}' (Codenamen speichert die Werkbank "
                "ohne Zeilenumbruch, Tabulator und Steuerzeichen; hier als ⏎ bzw. � "
                "gezeigt). Bitte einen der beiden in der Datei umbenennen oder beide zu "
                "einem zusammenfassen; nichts wurde übernommen.",
                file=file,
            )
    if same:
        raise InputError(f"{what}: {', '.join(sorted(same))}", file=file)


# A "/" inside a code name from another program ("ÖPNV (Bus/Bahn)"), where "/" separates
# the levels of a code path here, is kept as the look-alike division slash U+2215.
NAME_SLASH = "\u2215"


def stored_code_name(name: str) -> str:
    """A code name from another program as stored: ``/`` becomes ``∕`` (U+2215).

    >>> stored_code_name("ÖPNV (Bus/Bahn)")
    'ÖPNV (Bus∕Bahn)'
    """
    return name.replace(SEPARATOR, NAME_SLASH)


def exchanged_code_name(name: str) -> str:
    """A stored code name as other programs get it back: ``∕`` becomes ``/`` again."""
    return name.replace(NAME_SLASH, SEPARATOR)


def path_key(path: str) -> tuple[str, ...]:
    """Sort key that keeps every code directly after its parent."""
    return tuple(path.split(SEPARATOR))


def meant_code(code: str, paths: Iterable[str]) -> str:
    """What a path missing from the codebook (its ``paths``) likely means, for the message:
    the same path in another case, or a subcode named alone ("Mobilität" for
    "Bedarf/Mobilität", as `codebook list` shows it indented); "" if nothing.

    >>> meant_code("Mobilität", ["Bedarf", "Bedarf/Mobilität"])
    " Gemeint ist wohl 'Bedarf/Mobilität': Untercodes mit ihrem Pfad angeben."
    """
    wanted = unicodedata.normalize("NFC", str(code).strip()).casefold()
    ordered = sorted(paths, key=path_key)
    folded = {p: unicodedata.normalize("NFC", p).casefold() for p in ordered}
    if same := [p for p in ordered if folded[p] == wanted]:
        return f" Gemeint ist wohl '{same[0]}' (Groß-/Kleinschreibung wie im Codebuch)."
    named = [p for p in ordered if folded[p].rsplit(SEPARATOR, 1)[-1] == wanted]
    if not named:
        return ""
    which = " oder ".join(f"'{p}'" for p in named[:5])
    return f" Gemeint ist wohl {which}: Untercodes mit ihrem Pfad angeben."


def codebook_tree(specs: Iterable[CodeSpec]) -> list[dict[str, Any]]:
    """Nest specs into the ``codes``/``children`` structure (siblings sorted by name)."""
    nodes: dict[str, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for spec in sorted(specs, key=lambda s: path_key(s.path)):
        node: dict[str, Any] = {"name": spec.name}
        if spec.description:
            node["description"] = spec.description
        if spec.example:
            node["example"] = spec.example
        if spec.colour:
            node["colour"] = normalise_colour(spec.colour)
        if not spec.codable:
            node["codable"] = False
        nodes[spec.path] = node
        if spec.parent is None:
            roots.append(node)
        elif spec.parent in nodes:
            nodes[spec.parent].setdefault("children", []).append(node)
        else:
            raise InputError(f"Code '{spec.path}' hat keinen Obercode '{spec.parent}'.")
    return roots


def write_codebook_yaml(specs: Iterable[CodeSpec], file: IO[str]) -> None:
    """Write specs as a codebook YAML that :func:`read_codebook_yaml` reads back."""
    yaml.safe_dump(
        {"codes": codebook_tree(specs)},
        file,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )
