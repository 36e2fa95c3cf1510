"""A stored REFI-QDA GUID per code, kept when the code is renamed or moved.

New column ``codes.guid`` (unique). Until now the exports derived a code's GUID from its
path (``uuid5`` of the path in the workbench's namespace), so a code renamed here after
an export got a new one, and the colleague's MAXQDA project holding the old GUID came
back as a second code. Existing codes get the GUID their path gives, as every earlier
export wrote it: files exported before the upgrade still find their codes.

Revision ID: 0005
Revises: 0004
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Frozen here (not imported): the namespace the exports used for code GUIDs.
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:sozialraum-werkbank:code")
_CODES = sa.table(
    "codes", sa.column("id", sa.Integer), sa.column("path", sa.String), sa.column("guid", sa.String)
)


def upgrade() -> None:
    """Add ``codes.guid`` and fill it with the GUID each code's path gave on export."""
    with op.batch_alter_table("codes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("guid", sa.String(length=36), nullable=True))
    bind = op.get_bind()
    for code_id, path in bind.execute(sa.select(_CODES.c.id, _CODES.c.path)).all():
        guid = str(uuid.uuid5(_NAMESPACE, path)).upper()
        bind.execute(_CODES.update().where(_CODES.c.id == code_id).values(guid=guid))
    with op.batch_alter_table("codes", schema=None) as batch_op:
        batch_op.alter_column("guid", existing_type=sa.String(length=36), nullable=False)
        batch_op.create_unique_constraint("uq_codes_guid", ["guid"])


def downgrade() -> None:
    """Drop ``codes.guid`` (exports derive the GUID from the path again)."""
    with op.batch_alter_table("codes", schema=None) as batch_op:
        batch_op.drop_constraint("uq_codes_guid", type_="unique")
        batch_op.drop_column("guid")
