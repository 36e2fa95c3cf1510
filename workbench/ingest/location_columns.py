"""Columns or values that hold exact places (coordinates): never stored, the district
says where. Split from :mod:`workbench.ingest.personal_columns`."""

from __future__ import annotations

import re
from typing import Any

from workbench.ingest.name_gazetteer import fold
from workbench.ingest.person_headers import header_key, header_words

# Exact places: where someone lives or was asked (Qualtrics' "LocationLatitude",
# KoBoToolbox's "_standort_latitude", ODK's "standort-Longitude", a geopoint's value
# "51.0303 6.9843 52 4.5"); never stored, the district says where.
LOCATION_HEADERS = frozenset("lat lon lng latlon latlng geopoint gps geolocation".split())
LOCATION_ENDINGS = (
    "latitude longitude breitengrad langengrad laengengrad koordinaten coordinates"
).split()
_GEOPOINT = re.compile(
    r"^(?:(?:SRID=\w+;\s*)?POINT\s*(?:ZM|Z|M)?\s*\(\s*)?-?\d{1,3}\.\d{4,}(?:[,;]\s*|\s+)"
    r"-?\d{1,3}\.\d{4,}"
    r"(?:\s+-?\d+(?:\.\d+)?){0,2}\s*\)?$",
    re.IGNORECASE,
)
# A GeoJSON point in a cell (adhocracy4's "Point": a Feature or a geometry): lon, lat
GEOJSON_POINT = re.compile(
    r'^\{(?=.*"type"\s*:\s*"Point").*?"coordinates"\s*:\s*\[\s*(-?\d+(?:\.\d+)?)\s*,'
    r"\s*(-?\d+(?:\.\d+)?)\s*(?:,\s*-?\d+(?:\.\d+)?\s*)?\].*\}$",
    re.DOTALL,
)


def is_location(header: str, value: Any = None) -> bool:
    """Whether a column holds exact coordinates (by its header), or ``value`` is one.

    >>> is_location("_standort_latitude"), is_location("standort", "51.0303 6.9843 52 4.5")
    (True, True)
    """
    key, full = header_key(header), re.sub(r"[^a-z]", "", fold(str(header)))
    if key in LOCATION_HEADERS or any(k.endswith(tuple(LOCATION_ENDINGS)) for k in (key, full)):
        return True  # ``full`` keeps a bracket: adhocracy4's "Location (Longitude)"
    if header_words(header)[-1:] in (["lat"], ["lon"], ["lng"]):  # "Location.lat", "geo_lng"
        return True
    text = value.strip() if isinstance(value, str) else ""
    return bool(text) and (_GEOPOINT.match(text) or GEOJSON_POINT.match(text)) is not None
