"""``workbench map``: import district boundaries (GeoJSON, Shapefile, GeoPackage, KML) and show
which have one."""

from __future__ import annotations

import argparse

from workbench.cli.common import notice, open_project, show_line
from workbench.core.errors import WorkbenchError


def cmd_map(args: argparse.Namespace) -> int:
    """workbench map --import DATEI… [--name-property P] [--mapping CSV] [--crs EPSG] [--layer
    EBENE] | --show."""
    from workbench.store import CITYWIDE
    from workbench.synthesis import geo

    project = open_project(args)
    if args.import_paths:
        result = geo.import_boundaries(
            project,
            args.import_paths,
            name_property=args.name_property,
            mapping=args.mapping,
            crs=args.crs,
            layer=args.layer,
        )
        areas, files = len(result.shapes), len(result.sources)
        show_line(
            f"Grenzen von {areas} {'Sozialraum' if areas == 1 else 'Sozialräumen'} aus "
            f"{files} {'Datei' if files == 1 else 'Dateien'} gespeichert: "
            f"{geo.boundaries_path(project.path)}"
        )
        for line in result.notices:
            notice(line, "Hinweis: ")
        if result.missing:
            show_line(f"Ohne Grenze (auf den Karten nicht eingezeichnet, ihre Werte stehen in der "
                  f"Tabelle unter jeder Karte): {', '.join(result.missing)}")  # fmt: skip
        if result.unmatched:
            n = len(result.unmatched)
            fits = "1 Fläche passt" if n == 1 else f"{n} Flächen passen"
            show_line(f"{fits} zu keinem Sozialraum und wurde{'' if n == 1 else 'n'} übergangen: "
                  f"{', '.join(map(geo.shown, result.unmatched))}")  # fmt: skip
            if not args.mapping:
                print("Anders benannte Sozialräume zuordnen mit --mapping CSV (zwei Spalten: "
                      "Name der Fläche oder Datei, Sozialraum).")  # fmt: skip
        return 0
    if args.name_property or args.mapping or args.crs or args.layer:
        raise WorkbenchError(
            "--name-property, --mapping, --crs und --layer gehören zu --import DATEI."
        )
    shapes = geo.boundaries(project) or {}
    declared = [d for d in project.districts()["district"] if d != CITYWIDE]
    if not shapes:
        print("Keine Grenzen hinterlegt: Karten sind schematisch. "
              "Import mit: workbench map --import DATEI")  # fmt: skip
    for district in declared:
        show_line(f"{district}: {'Grenze hinterlegt' if district in shapes else 'keine Grenze'}")
    for line in geo.no_district_notice(geo.boundaries_of_no_district(project)):
        show_line(line)
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register ``map``."""
    p = sub.add_parser(
        "map",
        help="Grenzen der Sozialräume (GeoJSON, Shapefile, GeoPackage, KML) importieren oder "
        "anzeigen",
        description="Liest Grenzen aus GeoJSON-Dateien, Shapefiles (.zip oder .shp mit "
        ".shx/.dbf/.prj/.cpg daneben), GeoPackages (.gpkg) und KML/KMZ (Google My Maps; "
        "ein Ordner steht für seine Dateien dieser Formate), rechnet sie nach WGS84 um "
        "(Koordinatensystem aus der Datei oder --crs) "
        "und ordnet jede Fläche einem Sozialraum zu: über eine Eigenschaft "
        "(--name-property), eine Zuordnungstabelle (--mapping) oder, bei Dateien ohne "
        "Eigenschaften, über den Dateinamen (508_hochfeld.json → Hochfeld). Ersetzt früher "
        "importierte Grenzen.",
    )
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument(
        "--import",
        dest="import_paths",
        nargs="+",
        action="extend",
        metavar="DATEI",
        help="GeoJSON-, Shapefile-, GeoPackage- oder KML-Datei(en) oder Ordner",
    )
    group.add_argument(
        "--show", action="store_true", help="zeigen, welche Sozialräume Grenzen haben"
    )
    p.add_argument("--name-property", metavar="P", help="Eigenschaft mit dem Namen")
    p.add_argument(
        "--mapping",
        metavar="CSV",
        help="CSV mit zwei Spalten: Datei oder Wert der Eigenschaft (--name-property), "
        "Sozialraum; nur abweichende Namen nötig, die übrigen werden über den Namen zugeordnet",
    )
    p.add_argument(
        "--crs",
        metavar="EPSG",
        help="Koordinatensystem von Dateien, die keines nennen (GeoJSON ohne „crs“, "
        "Shapefile ohne .prj), z. B. EPSG:25832 (UTM 32), EPSG:25833, EPSG:31467, EPSG:3857",
    )
    p.add_argument(
        "--layer",
        metavar="EBENE",
        help="Ebene eines GeoPackage mit mehreren Ebenen von Flächen oder Shapefile einer "
        "ZIP-Datei mit mehreren (z. B. Stadtteile; gleich benannte mit Ordner: "
        "alt/Stadtteile)",
    )
    p.set_defaults(func=cmd_map)
