"""The words a recommendation is described with: its statuses and the actors it may address.

Plain constants, light to import: the ``workbench recommend`` command offers them in its
--help before any stage loads.
"""

from __future__ import annotations

STATUSES = ("Entwurf", "abgestimmt", "in Umsetzung", "umgesetzt", "zurückgestellt")
# Actors the study addressed (suggestions for forms; any other name is accepted too).
ACTORS = (
    "Quartiersmanagement",
    "Verwaltung",
    "Wohlfahrtsverbände",
    "Ehrenamt",
    "Schulen und Kitas",
    "Politik",
)
