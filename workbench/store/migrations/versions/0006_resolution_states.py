"""What each coder had decided when a disagreement was resolved.

New column ``coding_resolutions.state``: {coder: 1 applied the code, 0 coded the statement
without it}. Until now a resolved (statement, code) pair stayed resolved for good, so a
new disagreement on it — a coder changing their mind months later, a new coder — was
marked resolved and left out of the work list. Existing resolutions get the coders'
decisions as they are at the upgrade: what is resolved now stays resolved, a later
change shows again.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_RESOLUTIONS = sa.table(
    "coding_resolutions",
    sa.column("id", sa.Integer),
    sa.column("segment_id", sa.Integer),
    sa.column("code_id", sa.Integer),
    sa.column("state", sa.JSON),
)
_CODINGS = sa.table(
    "codings",
    sa.column("segment_id", sa.Integer),
    sa.column("code_id", sa.Integer),
    sa.column("coder", sa.String),
)


def upgrade() -> None:
    """Add ``coding_resolutions.state``, filled with the coders' decisions as they are now."""
    with op.batch_alter_table("coding_resolutions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("state", sa.JSON(), nullable=True))
    bind = op.get_bind()
    resolutions = bind.execute(
        sa.select(_RESOLUTIONS.c.id, _RESOLUTIONS.c.segment_id, _RESOLUTIONS.c.code_id)
    ).all()
    for resolution_id, segment_id, code_id in resolutions:
        rows = bind.execute(
            sa.select(_CODINGS.c.coder, _CODINGS.c.code_id).where(
                _CODINGS.c.segment_id == segment_id
            )
        ).all()
        state = dict.fromkeys(sorted({coder for coder, _ in rows}), 0)
        state.update({coder: 1 for coder, code in rows if code == code_id})
        bind.execute(
            _RESOLUTIONS.update().where(_RESOLUTIONS.c.id == resolution_id).values(state=state)
        )


def downgrade() -> None:
    """Drop ``coding_resolutions.state`` (resolved pairs stay resolved for good again)."""
    with op.batch_alter_table("coding_resolutions", schema=None) as batch_op:
        batch_op.drop_column("state")
