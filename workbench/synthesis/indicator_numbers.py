"""Numbers in an indicator file as statistics offices write them.

German and English decimal marks, thousands separators, footnote marks after a value and
the signs a statistics office writes instead of a value (Zeichenerklärung).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from workbench.core.formatting import format_number, value_places

# A number written with thousands separators only: ``1.234``, ``17.763``, ``1,234,567``.
# With one group it reads two ways (1234 or 1.234); the file's other values decide.
GROUPED = re.compile(r"[+-]?[1-9][0-9]{0,2}([.,])[0-9]{3}(?:\1[0-9]{3})*")
# footnote marks after a value: "12,3¹", "12,3*", "12,3 a)", "12,3 (b)", "12,3 2)"
FOOTNOTE = re.compile(r"(?:[\s\u00b9\u00b2\u00b3\u2070-\u207e*]|[a-z]\)|\([a-z]\)|\s\d\))+$")
# A value with a mark of DIN 55301: "(12,3)" restricted reliability; "12,3 p" provisional,
# "12,3 r" corrected, "12,3 s" estimated: the number is read, the import names the mark.
MARKED_VALUE = re.compile(
    r"\(\s*([-+\u2212]?[0-9][0-9.,\s]*)\)|([-+\u2212]?[0-9][0-9.,\s]*?)\s*([prsPRS])"
)
MARKS = {
    "()": "Aussagewert eingeschränkt",
    "p": "vorläufige Zahl",
    "r": "berichtigte Zahl",
    "s": "geschätzte Zahl",
}
# What statistics offices write instead of a value (Zeichenerklärung, DIN 55301), with
# what it means there; "–" alone is "exactly zero", the others leave the value out.
ZERO = "genau null"
SIGNS = {
    "–": ZERO,
    ".": "Zahlenwert unbekannt oder geheim",
    "x": "Tabellenfach gesperrt",
    "/": "keine Angabe, Aussagewert eingeschränkt",
    "…": "Angabe fällt später an",
    "k. a.": "keine Angabe",
    "n. v.": "nicht verfügbar",
}
# how the signs are typed: a hyphen, an em dash or a minus sign for "–", "..." for "…";
# "NA", "n/a", "#N/A" (R, Excel, SPSS exports) are "n. v." (not available)
SPELLINGS = {
    "-": "–", "—": "–", "−": "–", "...": "…", "k.a.": "k. a.", "n.v.": "n. v.", "X": "x",
    "na": "n. v.", "n/a": "n. v.", "#n/a": "n. v.",
}  # fmt: skip
# a table's own Zeichenerklärung: "– = nichts vorhanden", "- : genau Null", ". = geheim"
LEGEND_ENTRY = re.compile(
    r"\s*(?:[^\W\d_][\w ]*:\s*)?(\.\.\.|[-–—−./x…]|k\.\s?a\.|n\.\s?v\.)"
    r"(?:\s*[=:]\s*(\S.*)|\s+([^\W\d_].*))",
    re.I,
)
LEGEND_HEADING = re.compile(r"(?i)zeichenerkl|legende|erläuterung")
# what a legend says when the sign means zero ("nichts vorhanden", "genau null", "0")
ZERO_WORDS = re.compile(r"(?i)\bnull\b|\bnichts\b|\bgenau 0\b|^0$")


def sign_of(text: str) -> str | None:
    """The sign of the Zeichenerklärung a cell holds instead of a value, None if none.

    >>> sign_of("-"), sign_of("..."), sign_of("X"), sign_of("k.a."), sign_of("12,3")
    ('–', '…', 'x', 'k. a.', None)
    >>> sign_of("NA"), sign_of("N/A"), sign_of("#N/A"), sign_of("Nachbarschaft")
    ('n. v.', 'n. v.', 'n. v.', None)
    """
    text = text.strip()
    folded = text.casefold()
    sign = SPELLINGS.get(text) or SPELLINGS.get(folded) or folded
    if sign in SIGNS:
        return sign
    if folded.replace(" ", "") in {"k.a.", "n.v."}:
        return SPELLINGS[folded.replace(" ", "")]
    return None


def legend(rows: list[list[Any]]) -> dict[str, str]:
    """The signs a table explains in its own Zeichenerklärung (sign → its words), from
    cells like "– = nichts vorhanden" or "– = nichts vorhanden; . = geheim", a sign in
    one cell and its words in the next, or, below a heading "Zeichenerklärung", "– nichts
    vorhanden". ``rows``: the rows that hold no values (title block, notes below).

    >>> legend([["Zeichenerklärung: - nichts vorhanden\\n. = geheim"], ["x", "nicht sinnvoll"]])
    {'–': 'nichts vorhanden', '.': 'geheim', 'x': 'nicht sinnvoll'}
    >>> legend([["- vorläufige Ergebnisse -"]])
    {}
    """
    found: dict[str, str] = {}
    headed = False  # below (or in) a heading "Zeichenerklärung", "Legende"
    for row in rows:
        cells = [str(c) for c in row if c is not None and str(c).strip()]
        headed = headed or any(LEGEND_HEADING.search(c) for c in cells)
        for at, cell in enumerate(cells):
            for part in re.split(r"[;\n]|,\s(?=\S\s*[=:])", cell):
                match = LEGEND_ENTRY.fullmatch(" ".join(part.split()))
                words = match and (match.group(2) or (match.group(3) if headed else None))
                if match and words and (sign := sign_of(match.group(1))):
                    found.setdefault(sign, words.strip(" ,.;"))
            following = " ".join(cells[at + 1].split()) if at + 1 < len(cells) else ""
            if (sign := sign_of(cell)) and re.search(r"[^\W\d_]{3}", following):
                found.setdefault(sign, following.strip(" ,.;="))
    return found


def means_zero(words: str) -> bool:
    """Whether a legend's words for a sign say "exactly zero".

    >>> means_zero("nichts vorhanden"), means_zero("genau Null"), means_zero("keine Angabe")
    (True, True, False)
    """
    return bool(ZERO_WORDS.search(words.strip()))


def parse_number(cell: Any, decimal: str | None = None) -> float:
    """A number from a cell: ``13.9``, German ``13,9``, ``17.763,5`` or English ``17,763.5``.

    ``decimal`` is the decimal mark of the file ("," or "."): it settles a number with
    thousands separators only (``17.763`` is 17763 in a German file).

    >>> parse_number("13,9"), parse_number("17.763,5"), parse_number(" 10.9 ")
    (13.9, 17763.5, 10.9)
    >>> parse_number("17,763.5"), parse_number("17.763", ","), parse_number("1.234.567")
    (17763.5, 17763.0, 1234567.0)
    """
    if isinstance(cell, bool):
        raise ValueError(cell)
    if isinstance(cell, int | float):
        number = float(cell)
    else:
        text = re.sub(r"[\s\u00a0\u202f]", "", str(cell or "")).replace("\u2212", "-")
        if "," in text and "." in text:  # the later mark is the decimal mark
            mark = "," if text.rfind(",") > text.rfind(".") else "."
        elif "," in text:
            thousands = text.count(",") > 1 or (decimal == "." and GROUPED.fullmatch(text))
            mark = "." if thousands else ","
        else:
            thousands = text.count(".") > 1 or (decimal == "," and GROUPED.fullmatch(text))
            mark = "," if thousands else "."
        group = "." if mark == "," else ","
        whole = text.split(mark)[0]
        if (group in whole and not GROUPED.fullmatch(whole)) or text.count(mark) > 1:
            raise ValueError(cell)
        number = float(text.replace(group, "").replace(mark, "."))
    if not math.isfinite(number):
        raise ValueError(cell)
    return number


def decimal_mark(cells: list[Any]) -> str | None:
    """The decimal mark the text cells of a column use ("," or "."), None if they don't say.

    >>> decimal_mark(["13,9", "17.763"]), decimal_mark(["13.9", "1,234"]), decimal_mark(["17.763"])
    (',', '.', None)
    """
    marks = set()
    for cell in cells:
        if not isinstance(cell, str):
            continue
        text = re.sub(r"[\s\u00a0\u202f]", "", cell)
        if not re.search(r"[0-9][.,][0-9]", text):
            continue
        if (match := GROUPED.fullmatch(text)) and text.count(match.group(1)) == 1:
            continue  # 1.234 or 1,234: says nothing by itself
        if "," in text and "." in text:
            marks.add("," if text.rfind(",") > text.rfind(".") else ".")
        elif "," in text:
            marks.add("." if text.count(",") > 1 else ",")
        else:
            marks.add("," if text.count(".") > 1 else ".")
    return marks.pop() if len(marks) == 1 else None


def _minus(text: str) -> str:
    """A minus sign (U+2212) or a dash before a number (typeset tables, Word: "–0,8") as
    "-"; a dash alone stays the sign of the Zeichenerklärung."""
    return re.sub(r"^[\u2013\u2014]\s*(?=\d)", "-", text.replace("\u2212", "-"))


def value_text(cell: Any) -> Any:
    """A value cell without footnote marks ("12,3¹", "12,3*"), the marks of DIN 55301
    ("12,3 p", "(12,3)", see :func:`value_mark`) and surrounding space.

    >>> value_text("12,3¹"), value_text("12,3 p"), value_text("(12,3)"), value_text("−0,8")
    ('12,3', '12,3', '12,3', '-0,8')
    >>> value_text("–0,8"), value_text("– 1,2"), value_text("–")
    ('-0,8', '-1,2', '–')
    """
    if not isinstance(cell, str):
        return cell
    text = _minus(FOOTNOTE.sub("", cell.strip()))
    match = MARKED_VALUE.fullmatch(text)
    return (match.group(1) or match.group(2)) if match else text


def value_mark(cell: Any) -> str | None:
    """The mark of DIN 55301 on a value, None if none: "p" (vorläufig), "r" (berichtigt),
    "s" (geschätzt), "()" (Aussagewert eingeschränkt).

    >>> value_mark("12,3 p"), value_mark("(12,3)"), value_mark("12,3"), value_mark("–0,8 p")
    ('p', '()', None, 'p')
    """
    if not isinstance(cell, str):
        return None
    match = MARKED_VALUE.fullmatch(_minus(FOOTNOTE.sub("", cell.strip())))
    if match is None:
        return None
    return "()" if match.group(1) else match.group(3).casefold()


@dataclass
class Gaps:
    """The cells of a file without a number: empty, or a sign of the Zeichenerklärung,
    read as its own legend says or else as DIN 55301 does ("–" exactly zero)."""

    legend: dict[str, str] = field(default_factory=dict)  # the file's own: sign → words
    # row, sign ("" empty), the year's column of a table with years side by side ("" if none)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)
    zeros: list[tuple[int, str, str]] = field(default_factory=list)  # the cells read as 0
    marked: list[tuple[int, str, str]] = field(default_factory=list)  # values with a mark
    # (district, indicator, year) → row of the cells a "–" leaves without a value because
    # the file's own legend says so: the 0 an earlier reading of the file stored goes
    cleared: dict[tuple[str, str, int], int] = field(default_factory=dict)
    # a grouped table: row → the columns ("Sozialraum", "Indikator") taken from the row above
    filled: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def skip(self, key: tuple[str, str, int], number: int, sign: str, column: str) -> None:
        """Note a cell without a value (``sign`` "" if empty) of the value ``key``."""
        self.skipped.append((number, sign, column))
        if sign and means_zero(SIGNS[sign]):  # "–", which DIN 55301 would read as 0
            self.cleared[key] = number

    def zero(self, sign: str) -> bool:
        """Whether ``sign`` means exactly zero in this file."""
        return means_zero(self.legend.get(sign, SIGNS[sign]))

    def _why(self, sign: str) -> str:
        if not sign:
            return "leer"
        if sign in MARKS:
            return f"„{'(…)' if sign == '()' else sign}“: {MARKS[sign]}"
        if sign in self.legend:
            return f"„{sign}“: {self.legend[sign]}, laut Zeichenerklärung der Datei"
        return f"„{sign}“: {SIGNS[sign]}, Zeichenerklärung der amtlichen Statistik"

    def _grouped(self, rows: list[tuple[int, str, str]]) -> str:
        by_sign: dict[str, list[int | str]] = {}
        for number, sign, column in rows:
            by_sign.setdefault(sign, []).append(f"{number} ({column})" if column else number)
        return "; ".join(f"{row_list(n)} ({self._why(s)})" for s, n in by_sign.items())

    def sentences(self) -> list[str]:
        """German sentences on the cells read as zero and the rows left out."""
        out = []
        if self.zeros:
            out.append(f"Als 0 gelesen: {self._grouped(self.zeros)}.")
            if any(sign not in self.legend for _, sign, _ in self.zeros):
                out.append(
                    "Steht „–“ in dieser Datei für einen fehlenden Wert, die Zeile "
                    "„– = keine Angabe“ über oder unter die Tabelle schreiben und die Datei unter "
                    "ihrem Namen erneut importieren: die als 0 gelesenen Werte werden entfernt."
                )
        if self.filled:
            by_name: dict[str, list[int]] = {}
            for number, names in self.filled.items():
                for name in names:
                    by_name.setdefault(name, []).append(number)
            out.append(
                "Aus der Zeile darüber übernommen (gruppierte Tabelle): "
                + "; ".join(f"{name} in {row_list(n)}" for name, n in by_name.items())
                + "."
            )
        if self.marked:
            out.append(f"Mit Kennzeichen gelesen: {self._grouped(self.marked)}.")
        if self.skipped:
            out.append(
                f"Ohne Wert übergangen: {self._grouped(self.skipped)} – diese Werte fehlen "
                "im Vergleich, ein früher importierter bleibt."
            )
        return out


def row_list(rows: list[int | str] | list[int] | tuple[int, ...]) -> str:
    """Row numbers for a message: ``Zeile 4`` or ``Zeilen 4, 7, 9`` (at most ten)."""
    shown = ", ".join(str(n) for n in rows[:10]) + (" …" if len(rows) > 10 else "")
    return f"{'Zeile' if len(rows) == 1 else 'Zeilen'} {shown}"


def replaced_note(changes: list[tuple[str, str, int, float, str, str, float, str]]) -> str:
    """The sentence naming the stored values an import replaced with other numbers: each
    (district, indicator, year, old value, old unit, old file, new value, new unit) as
    "Manfort SGB-II-Quote 2022: 13,0 % → 13,4 % (bisher aus werte.csv)"; "" for none.

    >>> replaced_note([("Manfort", "Quote", 2022, 13.0, "%", "a.csv", 13.4, "%")])
    'Ersetzt: Manfort Quote 2022: 13,0 % → 13,4 % (bisher aus a.csv).'
    """
    if not changes:
        return ""
    shown = []
    for district, indicator, year, old, old_unit, was, new, unit in changes[:10]:
        places = value_places(old, new)
        before = " ".join(f"{format_number(old, places)} {old_unit}".split())
        after = " ".join(f"{format_number(new, places)} {unit}".split())
        shown.append(f"{district} {indicator} {year}: {before} → {after} (bisher aus {was})")
    more = f" und {len(changes) - 10} weitere" if len(changes) > 10 else ""
    return f"Ersetzt: {'; '.join(shown)}{more}."
