"""Waves of a study, and the status history of recommendations.

New table ``waves`` and a column ``workshops.wave_id``: every workshop belongs to one wave.
An existing project held one wave only, so its workshops all go into the first wave,
labelled "Welle 1" (created only where there are workshops; renaming it is the
researchers' choice). New table ``recommendation_status``: dated status steps of a
recommendation with the responsible actor. Existing rows are otherwise untouched.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

FIRST_WAVE = "Welle 1"  # the label of the first wave when there is nothing else to go by

_WAVES = sa.table(
    "waves",
    sa.column("id", sa.Integer),
    sa.column("label", sa.String),
    sa.column("position", sa.Integer),
)
_WORKSHOPS = sa.table("workshops", sa.column("id", sa.Integer), sa.column("wave_id", sa.Integer))


def upgrade() -> None:
    """Create ``waves`` and ``recommendation_status``; put every workshop in the first wave."""
    op.create_table(
        "waves",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("label"),
    )
    op.create_table(
        "recommendation_status",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recommendation_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["recommendation_id"], ["recommendations.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_recommendation_status_recommendation_id",
        "recommendation_status",
        ["recommendation_id"],
        unique=False,
    )
    with op.batch_alter_table("workshops", schema=None) as batch_op:
        batch_op.add_column(sa.Column("wave_id", sa.Integer(), nullable=True))
    bind = op.get_bind()
    if bind.execute(sa.select(sa.func.count()).select_from(_WORKSHOPS)).scalar():
        op.execute(_WAVES.insert().values(label=FIRST_WAVE, position=1))
        first = bind.execute(sa.select(_WAVES.c.id).where(_WAVES.c.label == FIRST_WAVE)).scalar()
        op.execute(_WORKSHOPS.update().values(wave_id=first))
    with op.batch_alter_table("workshops", schema=None) as batch_op:
        batch_op.alter_column("wave_id", existing_type=sa.Integer(), nullable=False)
        batch_op.create_index("ix_workshops_wave_id", ["wave_id"], unique=False)
        batch_op.create_foreign_key("fk_workshops_wave_id", "waves", ["wave_id"], ["id"])


def downgrade() -> None:
    """Drop the wave column and both tables again (the waves' labels are lost)."""
    with op.batch_alter_table("workshops", schema=None) as batch_op:
        batch_op.drop_constraint("fk_workshops_wave_id", type_="foreignkey")
        batch_op.drop_index("ix_workshops_wave_id")
        batch_op.drop_column("wave_id")
    op.drop_index("ix_recommendation_status_recommendation_id", table_name="recommendation_status")
    op.drop_table("recommendation_status")
    op.drop_table("waves")
