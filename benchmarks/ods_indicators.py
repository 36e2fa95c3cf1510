"""Reading an ODS indicator table: the workbench's reader beside pandas' "odf" reader
(the baseline, which the import used before) and beside the same table as XLSX.

The table is written here (no data ship): a long table Sozialraum, Indikator, Jahr, Wert,
Einheit, Quelle with the demo's six districts (the city included), ``--indicators``
indicators and ten years, the values as LibreOffice stores them. Times are the median of
``--repeat`` runs, in one run of this script, so the machine's load hits all alike.

- ``pandas odf``: ``pd.read_excel(engine="odf")`` of the sheet (before: the rows; the
  import then parsed the file twice more for merged and percent cells);
- ``read_ods``: :func:`workbench.ingest.ods.read_ods` (rows, percent and merged cells);
- ``import ODS`` / ``import XLSX``: :func:`read_indicators` end to end (read, check).

Run: .venv/bin/python benchmarks/ods_indicators.py [--indicators 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
from _timing import median_seconds  # noqa: E402

from workbench.ingest.ods import read_ods  # noqa: E402
from workbench.synthesis.indicators import read_indicators  # noqa: E402

DISTRICTS = ["Gesamtstadt", "Manfort", "Alkenrath", "Wiesdorf", "Opladen", "Steinbüchel"]


def table(indicators: int) -> pd.DataFrame:
    """A long indicator table: every district, indicator and year once."""
    rows = [
        (district, f"Indikator {i}", year, round(5 + i % 17 + (year % 7) / 10, 1), "%", "Test")
        for i in range(indicators)
        for district in DISTRICTS
        for year in range(2015, 2025)
    ]
    columns = ["Sozialraum", "Indikator", "Jahr", "Wert", "Einheit", "Quelle"]
    return pd.DataFrame(rows, columns=columns)


def main(argv: list[str] | None = None) -> int:
    """Write the tables, time the readers, print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indicators", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    frame = table(args.indicators)
    with tempfile.TemporaryDirectory() as folder:
        ods, xlsx = Path(folder) / "werte.ods", Path(folder) / "werte.xlsx"
        frame.to_excel(ods, engine="odf", index=False)
        frame.to_excel(xlsx, engine="openpyxl", index=False)
        data = ods.read_bytes()
        assert len(read_indicators(ods, DISTRICTS)) == len(frame)  # the same values
        runs = {
            "pandas odf (vorher)": lambda: pd.read_excel(ods, engine="odf", header=None),
            "read_ods": lambda: read_ods(data, ods.name, None),
            "Import ODS": lambda: read_indicators(ods, DISTRICTS),
            "Import XLSX": lambda: read_indicators(xlsx, DISTRICTS),
        }
        print(f"{len(frame)} Werte ({args.indicators} Indikatoren), Median aus {args.repeat}:")
        for name, run in runs.items():
            print(f"  {name:<22}{median_seconds(run, args.repeat):7.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
