"""``workbench map``: import district boundaries (GeoJSON) and show which districts have one."""

from __future__ import annotations

import argparse

from workbench.cli.common import open_project
from workbench.core.domain import WorkbenchError
from workbench.store import CITYWIDE
from workbench.synthesis import geo


def cmd_map(args: argparse.Namespace) -> int:
    """workbench map --import DATEI… [--name-property P | --mapping CSV] | --show."""
    project = open_project(args)
    if args.import_paths:
        result = geo.import_boundaries(
            project, args.import_paths, name_property=args.name_property, mapping=args.mapping
        )
        print(
            f"Grenzen von {len(result.shapes)} Sozialräumen aus {len(result.sources)} "
            f"Datei(en) gespeichert: {geo.boundaries_path(project.path)}"
        )
        if result.missing:
            print(f"Ohne Grenze (schematisch gezeigt): {', '.join(result.missing)}")
        if result.unmatched:
            print(f"{len(result.unmatched)} Flächen passen zu keinem Sozialraum und wurden "
                  f"übergangen: {', '.join(result.unmatched)}")  # fmt: skip
        return 0
    if args.name_property or args.mapping:
        raise WorkbenchError("--name-property und --mapping gehören zu --import DATEI.")
    shapes = geo.boundaries(project) or {}
    declared = [d for d in project.districts()["district"] if d != CITYWIDE]
    if not shapes:
        print("Keine Grenzen hinterlegt: Karten sind schematisch. "
              "Import mit: workbench map --import DATEI")  # fmt: skip
    for district in declared:
        print(f"{district}: {'Grenze hinterlegt' if district in shapes else 'keine Grenze'}")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register ``map``."""
    p = sub.add_parser(
        "map",
        help="Grenzen der Sozialräume (GeoJSON) importieren oder anzeigen",
        description="Liest Grenzen aus GeoJSON-Dateien (WGS84; ein Ordner steht für seine "
        ".json/.geojson-Dateien) und ordnet jede Fläche einem Sozialraum zu: über eine "
        "Eigenschaft (--name-property), eine Zuordnungstabelle (--mapping) oder, bei "
        "Dateien ohne Eigenschaften, über den Dateinamen (508_hochfeld.json → Hochfeld). "
        "Ersetzt früher importierte Grenzen.",
    )
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--import", dest="import_paths", nargs="+", metavar="DATEI",
                       help="GeoJSON-Datei(en) oder Ordner")  # fmt: skip
    group.add_argument(
        "--show", action="store_true", help="zeigen, welche Sozialräume Grenzen haben"
    )
    names = p.add_mutually_exclusive_group()
    names.add_argument("--name-property", metavar="P", help="Eigenschaft mit dem Namen")
    names.add_argument("--mapping", metavar="CSV", help="CSV: Datei oder Feature,Sozialraum")
    p.set_defaults(func=cmd_map)
