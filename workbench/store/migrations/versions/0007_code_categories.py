"""Whether a code can be applied: REFI-QDA categories (``isCodable="false"``) stay categories.

New column ``codes.codable`` (not null, true by default). Until now every code was written
as ``isCodable="true"``: a category from MAXQDA, ATLAS.ti or NVivo that only groups codes
came back codable after a round trip through the workbench. Existing codes stay codable,
as every earlier export wrote them.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``codes.codable``, true for every existing code."""
    with op.batch_alter_table("codes", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("codable", sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade() -> None:
    """Drop ``codes.codable`` (every code is exported codable again)."""
    with op.batch_alter_table("codes", schema=None) as batch_op:
        batch_op.drop_column("codable")
