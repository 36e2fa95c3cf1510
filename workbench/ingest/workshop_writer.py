"""What the one ingest writer does for districts and workshops: checks and declares the
districts a file names, finds or creates the workshop (and the wave) its statements go
into, and reads what the project already stores under a workshop (its name list, its
guiding questions' spelling). :class:`WorkshopWriting` is that part of
:class:`~workbench.ingest.writer.Writer` (moved out of :mod:`workbench.ingest.writer`).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.domain import InputError, ParsedDocument, ParsedWorkshop
from workbench.ingest.district_names import district_in_name
from workbench.ingest.long_names import adopt_legacy_question, fitted_format, stored_workshop
from workbench.ingest.nfc_view import composed
from workbench.ingest.project_writer import quote
from workbench.ingest.protocol_title import workshop_in_title
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.thing_names import pseudonymise_name
from workbench.store import CITYWIDE, District, ListedName, Segment, Wave, Workshop
from workbench.store.district_changes import district_key
from workbench.store.district_spelling import (
    ambiguous_twins,
    check_district_size,
    district_name,
    district_notices,
    named_district,
    twins_meant,
    unknown_districts,
)
from workbench.store.waves import ordered_waves, wave_for_import
from workbench.store.workshop_keys import workshop_key


class WorkshopWriting:
    """The writer's methods for districts, waves and workshops, mixed into ``Writer``
    (which sets these attributes in its ``__init__``)."""

    session: Session
    wave: str | None
    _wave: Wave | None
    _new_wave: str
    districts: dict[str, District]
    workshops: dict[str, Workshop]
    pseudonymiser: Pseudonymiser
    planned: dict[str, ParsedWorkshop]
    _stored_labels: dict[str, str] | None

    # -- districts and workshops ---------------------------------------------------------
    def _district(self, name: str | None, file: str, row: int | None) -> District:
        if name is None:
            return self.districts[district_key(CITYWIDE)]
        # as written first: "OPLADEN" beside Opladen (an older project's twins) is its own
        district = self.districts.get(district_name(name))
        if district is None and (twins := twins_meant(name, self._stored_names())):
            raise ambiguous_twins(district_name(name), twins, file, [row])  # "opladen": which?
        district = district or self.districts.get(district_key(name))
        if district is None:
            valid = ", ".join(sorted({d.name for d in self.districts.values()}))
            raise InputError(
                f"Unbekannter Sozialraum '{name}'. Gültig sind: {valid} "
                "(weitere mit: workbench districts --add NAME).",
                file=file,
                row=row,
            )
        return district

    def declare_districts(
        self,
        names: Sequence[str],
        add: bool,
        file: str,
        hint: str = "",
        rows: Sequence[int | None] = (),
        head: str = "",
    ) -> list[str]:
        """Check that ``names`` are declared districts; with ``add`` declare the unknown.

        All unknown names are refused in one message (``hint`` says where the file
        names them, ``rows`` the row of each name); returns the notices on what was added.
        A name that is a declared one but for spelled-out umlauts ("Steinbuechel") is
        read as that one (and said so), with or without ``add``, as a name the same but for
        case is; never added as its twin, never refused. A name that matches several stored
        twins so and none exactly ("opladen" beside "Opladen" and "OPLADEN" of an older
        project) is refused, naming its row and field (``hint`` for a row's, ``head`` for
        one without row: the file's own district), before anything is written.
        """
        rows = [*rows, *[None] * (len(names) - len(rows))]
        self._refuse_twins(names, rows, file, hint, head)
        unknown: dict[str, tuple[str, int | None]] = {}
        for name, row in zip(names, rows, strict=True):
            key = district_key(name or "")
            if key and key not in self.districts:
                unknown.setdefault(key, (district_name(name), row))
        if not unknown:
            return []
        known = sorted({d.name for d in self.districts.values()})
        named = sorted(name for name, _ in unknown.values())
        # "Steinbuechel" is Steinbüchel, as "STEINBÜCHEL" is: read so, said, never refused
        alike = {n: same for n in named if (same := named_district(n, known))}
        for name, same in alike.items():
            self.districts[district_key(name)] = self.districts[district_key(same)]
        unknown = {k: v for k, v in unknown.items() if v[0] not in alike}
        if unknown and not add:
            raise unknown_districts(dict(unknown.values()), known, file, hint)
        for name, row in unknown.values():  # longer than the database holds
            check_district_size(name, file, row)
        added = [n for n in named if n not in alike]
        for name in added:
            district = District(name=name, is_citywide=False)
            self.session.add(district)
            self.districts[district_key(name)] = district
        self.session.flush()
        self.pseudonymiser.protect(added)  # a district is never a person's name
        return district_notices(added, alike)

    def _stored_names(self) -> list[str]:
        """The names of the project's districts as stored (each once)."""
        return sorted({d.name for d in self.districts.values()})

    def _refuse_twins(
        self, names: Sequence[str], rows: Sequence[int | None], file: str, hint: str, head: str
    ) -> None:
        """Raise for the first name that means stored twins in a third spelling
        (:func:`twins_meant`), with every row that names them so."""
        stored = self._stored_names()
        if len({district_key(n) for n in stored}) == len(stored):
            return  # no twins stored: nothing to check (every project since Runde 49)
        meant: dict[str, tuple[str, list[str], list[int | None]]] = {}
        for name, row in zip(names, rows, strict=True):
            twins = twins_meant(name or "", stored)
            if twins:
                meant.setdefault(district_name(name), (name, twins, []))[2].append(row)
        if meant:
            written, (_, twins, where) = next(iter(meant.items()))
            field = hint if where[0] is not None else head or hint
            raise ambiguous_twins(written, twins, file, where, field)

    def _import_wave(self) -> Wave:
        """The wave this import puts new workshops into (found or created once)."""
        if self._wave is None:
            before = [w.label for w in ordered_waves(self.session)]
            self._wave = wave_for_import(self.session, self.wave)
            if before and self._wave.label not in before:  # placed last: said, as it may be wrong
                self._new_wave = (
                    f"Neue Welle '{self._wave.label}' nach '{before[-1]}' angelegt. War sie "
                    "früher: workbench waves --order ÄLTESTE … JÜNGSTE"
                )
        return self._wave

    def _title_workshop(self, document: ParsedDocument, fixed_district: str | None) -> str | None:
        """The workshop a protocol's or transcript's title names (:func:`workshop_in_title`),
        unless the project has a workshop of that name on another (or an unknown) day or in another
        Sozialraum: the same title each month ("Protokoll Stadtteilkonferenz") is another
        event each time, named by its file as before."""
        titled = workshop_in_title(document.title)
        same = stored_workshop(self.workshops, composed(titled)) if titled else None
        if same is None:
            return titled
        place = self.districts.get(district_key(fixed_district or document.district or ""))
        if same.date != document.date or (document.date is None and self._held(same)):
            return None  # undated: not the same day, unless its protocol was forgotten
        if place is not None and same.district_id != place.id:
            return None
        return titled

    def _held(self, workshop: Workshop) -> bool:
        """Whether ``workshop`` has statements (one forgotten to import a new version has not)."""
        found = select(Segment.id).where(Segment.workshop_id == workshop.id).limit(1)
        return workshop.id is None or self.session.scalar(found) is not None

    def _workshop(self, name: str, district: District, document: ParsedDocument) -> Workshop:
        workshop = stored_workshop(self.workshops, name)
        name = workshop_key(name)  # as stored: a long one shortened (long_names)
        if (
            workshop is not None
            and self.wave is not None
            and workshop.wave_id != self._import_wave().id
        ):
            raise InputError(
                f"Workshop '{name}' gehört schon zu einer anderen Welle, nicht zu "
                f"'{self._import_wave().label}'. Für die neue Welle bitte einen eigenen "
                "Workshop-Namen angeben (z. B. --workshop 'Folgeworkshop {stem}'); gehört "
                "der Workshop selbst in diese Welle: workbench waves --move "
                f"{quote(name)} {quote(self._import_wave().label)}",
                file=document.filename,
            )
        if workshop is None:
            plan = self.planned.get(name)
            if plan is None:
                workshop = Workshop(
                    name=name,
                    district_id=district.id,
                    wave_id=self._import_wave().id,
                    date=document.date,
                    format=fitted_format(document.format),
                )
            else:  # declared by the file: its own district (if known), date and format
                home = self.districts.get(district_key(plan.district or ""), district)
                workshop = Workshop(
                    name=name,
                    district_id=home.id,
                    wave_id=self._import_wave().id,
                    date=plan.date,
                    format=fitted_format(plan.format),
                )
            self.session.add(workshop)
            self.session.flush()
            self.workshops[name] = workshop
        return workshop

    def _as_stored(self, label: str) -> str:
        """A guiding question or role as the project already stores it: one stored from a
        Mac decomposed before labels were composed keeps its spelling, not a twin."""
        if self._stored_labels is None:
            questions = self.session.scalars(select(Segment.question).distinct())
            roles = self.session.scalars(select(Segment.speaker_role).distinct())
            stored = {label for label in [*questions, *roles] if label}
            self._stored_labels = {composed(label): label for label in sorted(stored)}
        adopt_legacy_question(self.session, label, self._stored_labels)  # an old table's cut
        return self._stored_labels.get(label, label)

    def _names(self, workshop: str, extra: Sequence[str]) -> list[str]:
        """The names to pseudonymise in a workshop (as named in the file, stored
        pseudonymised): its list plus ``extra``."""
        names = set(extra)
        stored = stored_workshop(
            self.workshops, pseudonymise_name(self.pseudonymiser, workshop, extra)
        )
        if stored is not None:
            names |= set(
                self.session.scalars(
                    select(ListedName.name).where(ListedName.workshop_id == stored.id)
                )
            )
        return sorted(names)

    def _district_in_name(self, filename: str) -> str | None:
        """The one declared district a file's name names as words ("chat_wiesdorf.txt",
        "Protokoll Steinbuechel.docx"), if it names exactly one; else ``None``."""
        return district_in_name(filename, self._named_districts())

    def _named_districts(self) -> list[str]:
        """The names of the project's districts (former names too), no Gesamtstadt."""
        return [d.name for d in self.districts.values() if not d.is_citywide]
