"""Whether a statement's code is a disagreement to resolve: who of its coders applied it.

Moved out of :mod:`workbench.coding.operations` (which stays under 600 lines); used by
``resolve_disagreement``.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.coding.coder_terms import CONSENSUS_CODER
from workbench.core.domain import InputError
from workbench.store import Code, Coding


def check_disagreement(session: Session, segment_id: int, code: Code) -> None:
    """Refuse to resolve what is no disagreement: coders of the segment (but ``konsens``)
    who applied the code and coders who coded it without, as ``disagreements`` lists them."""
    state = decisions(session, segment_id, code.id)
    state.pop(CONSENSUS_CODER, None)
    applied = [c for c, v in state.items() if v]
    without = [c for c, v in state.items() if not v]
    if applied and without:
        return
    where = f"Aussage {segment_id}, Code '{code.path}'"
    if len(state) < 2:
        who = f"nur {', '.join(state)}" if state else "noch niemand"
        why = f"{who} hat die Aussage kodiert"
    elif applied:
        why = f"alle, die die Aussage kodiert haben ({', '.join(applied)}), haben ihn angewendet"
    else:
        why = f"niemand hat ihn angewendet (kodiert haben {', '.join(without)})"
    raise InputError(
        f"{where}: keine Abweichung zu klären — {why}. Offene Abweichungen nennt "
        f"`workbench disagreements`; ein Memo zur Aussage schreibt `workbench memo TEXT "
        f"--author NAME --segment {segment_id}`, einen Code für {CONSENSUS_CODER} setzt "
        f"`workbench code {segment_id} CODE --coder {CONSENSUS_CODER}`."
    )


def decisions(session: Session, segment_id: int, code_id: int) -> dict[str, int]:
    """Each coder of the segment: 1 if they applied the code, 0 if they coded it without."""
    rows = session.execute(
        select(Coding.coder, Coding.code_id).where(Coding.segment_id == segment_id)
    ).all()
    state = dict.fromkeys(sorted({coder for coder, _ in rows}), 0)
    state.update({coder: 1 for coder, code in rows if code == code_id})
    return state
