"""Waves of a study in the store: find or create a wave by its label, keep their order.

A wave is a round of workshops (``Wave``; e.g. "2020/21", "Folgebefragung 2022"). Waves
are ordered by ``position``, the order in which they were first used. An import without a
wave label puts new workshops into the first wave, which is created as
:data:`DEFAULT_WAVE` if the project has none yet. Labels are compared without regard to
case and surrounding or repeated spaces, so "welle 2" finds "Welle 2".
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.core.domain import InputError
from workbench.core.typed_text import line_label
from workbench.store.schema import MAX_WAVE_LABEL, Wave

DEFAULT_WAVE = "Welle 1"  # the first wave's label when nobody named it


def clean_label(label: str) -> str:
    """A wave label with spaces collapsed; empty or too long raises :class:`InputError`.

    >>> clean_label("  Folgebefragung   2022 ")
    'Folgebefragung 2022'
    """
    cleaned = " ".join(line_label(str(label or "")).split())  # no line break, ESC, NUL
    if not cleaned:
        raise InputError("Die Bezeichnung der Welle ist leer (z. B. --wave 2020/21).")
    if len(cleaned) > MAX_WAVE_LABEL:
        raise InputError(
            f"Die Bezeichnung der Welle ist zu lang ({len(cleaned)} Zeichen, "
            f"höchstens {MAX_WAVE_LABEL})."
        )
    return cleaned


def ordered_waves(session: Session) -> list[Wave]:
    """The project's waves, earliest first."""
    return list(session.scalars(select(Wave).order_by(Wave.position, Wave.id)))


def find_wave(session: Session, label: str) -> Wave | None:
    """The wave called ``label`` (case and spacing ignored), or None."""
    key = clean_label(label).casefold()
    return next((w for w in ordered_waves(session) if w.label.casefold() == key), None)


def wave_for_import(session: Session, label: str | None) -> Wave:
    """The wave new workshops go into: ``label`` (created after the others if new), or
    without a label the first wave (created as :data:`DEFAULT_WAVE` if there is none)."""
    if label is None:
        waves = ordered_waves(session)
        if waves:
            return waves[0]
        label = DEFAULT_WAVE
    wave = find_wave(session, label)
    if wave is None:
        last = session.scalar(select(func.max(Wave.position))) or 0
        wave = Wave(label=clean_label(label), position=last + 1)
        session.add(wave)
        session.flush()
    return wave
