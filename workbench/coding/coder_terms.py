"""The coder name reserved for the team's agreed coding; light to import: the command
line names it in its --help before any stage loads."""

from __future__ import annotations

CONSENSUS_CODER = "konsens"
