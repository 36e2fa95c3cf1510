"""A small project with a stored need run, for the feedback tests (no embeddings needed)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from workbench import Project
from workbench.analysis.needs import CROSS_CUTTING, DISTRICT_SPECIFIC
from workbench.participation import feedback
from workbench.store import NeedAssignment, NeedRun

STATEMENTS = {
    "Manfort": ["Mehr Lernräume mit WLAN", "Jugendtreff am Abend öffnen", "Beratung auf Türkisch"],
    "Opladen": ["Lernräume für Schulkinder", "Treffpunkt für Jugendliche", "Hilfe bei Anträgen"],
}


def _import(project: Project, folder: Path) -> list[int]:
    for district, lines in STATEMENTS.items():
        path = folder / f"{district}.md"
        body = "\n".join(f"- {line}" for line in lines)
        path.write_text(
            f"---\nworkshop: Quartiersworkshop {district}\ndistrict: {district}\n---\n"
            f"## Herausforderungen und Bedarfe\n{body}\n",
            encoding="utf-8",
        )
        project.import_files([path])
    return project.segments()["segment_id"].astype(int).tolist()


def store_need_run(project: Project, groups: list[tuple[str, list[int]]]) -> int:
    """A need run written directly (no embeddings): (label, member segment ids) per cluster."""
    segments = project.segments().set_index("segment_id")
    clusters = []
    for number, (label, members) in enumerate(groups):
        districts = sorted(set(segments.loc[members, "district"]))
        clusters.append(
            {
                "cluster": number,
                "label": label,
                "keywords": label.lower().split(),
                "size": len(members),
                "districts": districts,
                "n_districts": len(districts),
                "scope": CROSS_CUTTING if len(districts) >= 2 else DISTRICT_SPECIFIC,
                "quotes": segments.loc[members, "text"].tolist()[:3],
                "quote_segment_ids": members[:3],
            }
        )
    with project.transaction() as session:
        run = NeedRun(params={}, corpus_hash="x", versions={}, clusters=clusters)
        session.add(run)
        session.flush()
        for number, (_, members) in enumerate(groups):
            session.add_all(
                NeedAssignment(run_id=run.id, segment_id=s, cluster=number) for s in members
            )
        return run.id


def rated_project(project: Project, folder: Path) -> Project:
    """``project`` with six statements in two districts and a need run of three clusters."""
    ids = _import(project, folder)
    store_need_run(
        project,
        [
            ("Lernräume", [ids[0], ids[3]]),
            ("Treffpunkte für Jugendliche", [ids[1], ids[4]]),
            ("Beratung & Anträge <b>", [ids[2], ids[5]]),
        ],
    )
    return project


def count(project: Project, model: type) -> int:
    with project.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def items(project: Project, token: str) -> list[int]:
    """The item ids of the token's ballot, in order."""
    return [i.item_id for i in feedback.open_ballot(project, token).items]


def answer(item: int, rating: str = "", points: str = "0", comment: str = "") -> dict[str, str]:
    """The fields of one item as the browser sends them."""
    return {f"bewertung-{item}": rating, f"punkte-{item}": points, f"kommentar-{item}": comment}


def fields(*answers: dict[str, str]) -> dict[str, str]:
    """All fields of a form."""
    merged: dict[str, str] = {}
    for a in answers:
        merged.update(a)
    return merged


def stored(project: Project, token: str) -> dict[int, feedback.Answer]:
    """The token's stored answers."""
    return dict(feedback.open_ballot(project, token).answers)


KAYA_PROTOCOL = (
    "---\nworkshop: Quartiersworkshop Manfort\ndistrict: Manfort\n---\n"
    "## Ressourcen\n- Frau Kaya vom Jugendzentrum kennt alle Familien\n"
)


def knowing_kaya(project: Project, folder: Path) -> Project:
    """``project`` after a protocol that names Frau Kaya: its key knows her."""
    protocol = folder / "Kaya.md"
    protocol.write_text(KAYA_PROTOCOL, encoding="utf-8")
    project.import_files([protocol])
    return project
