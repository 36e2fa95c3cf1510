"""Which format an output file gets: its ending decides, and a format asked for must fit it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.fileio import is_special


def output_format(
    out: str | Path,
    given: str | None,
    endings: Mapping[str, str],
    what: Mapping[str, str] | None = None,
    notes: Mapping[str, str] | None = None,
) -> str:
    """The format of the output ``out``: ``given`` (``--format``) or, without it, the one its
    ending names in ``endings`` (".htm" → "html").

    A file must end as its format does: "bericht_14.10.2025" or "x.xyz" with HTML inside
    opens in no program by double-click, so an ending that names another format, none or
    an unknown one is refused in German, ending in "Nichts geschrieben."; nothing is
    appended behind the user's back. The standard output, pipes and devices take any format;
    a folder is left to the writer, which says it is one.
    ``what`` names a format's files ("ein Codebuch im Format qdc"), ``notes`` adds a
    sentence for an ending (".pdf": how to get a PDF).
    """
    name, suffix = Path(out).name, Path(out).suffix.lower()
    formats = list(dict.fromkeys(endings.values()))
    if given is None:
        if suffix in endings:
            return endings[suffix]
        firsts = [next(e for e in endings if endings[e] == f) for f in formats]
        raise WorkbenchError(
            f"{name}: Format unklar — die Endung {_either(firsts)} verwenden oder "
            f"--format {'|'.join(formats)} angeben. Nichts geschrieben."
        )
    if given not in formats:
        raise WorkbenchError(f"Format {given} gibt es hier nicht, nur {_either(formats)}.")
    if is_special(out) or Path(out).is_dir() or endings.get(suffix) == given:
        return given
    named = f"die Endung {suffix}" if suffix else "ein Name ohne Endung"
    files = (what or {}).get(given, f"eine {given.upper()}-Datei")
    fitting = _either([e for e, f in endings.items() if f == given])
    note = (notes or {}).get(suffix, "")
    raise WorkbenchError(
        f"{name}: {named} passt nicht zum Format {given} ({files} endet auf {fitting})."
        + (f" {note}" if note else "")
        + " Nichts geschrieben."
    )


def _either(endings: list[str]) -> str:
    """The endings as German prose: ".csv, .xlsx oder .qdpx"."""
    return endings[0] if len(endings) == 1 else f"{', '.join(endings[:-1])} oder {endings[-1]}"
