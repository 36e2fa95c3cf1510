"""Alembic manages the schema from now on: ``meta.schema_version`` becomes 2.

Workbenches before Alembic compare ``meta.schema_version`` with their own (1) and refuse
anything else, so raising it makes them refuse a migrated project with their message
"Schemaversion 2 der Datenbank passt nicht zu dieser Werkbank (erwartet 1)" instead of
writing into tables they do not know. Later revisions leave it at 2: Alembic's
``alembic_version`` is what every newer workbench reads (decision record 008).

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_META = sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.Text))


def _set_version(value: str) -> None:
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value=value))


def upgrade() -> None:
    """Record schema version 2 (managed by Alembic)."""
    _set_version("2")


def downgrade() -> None:
    """Back to the release's schema version 1."""
    _set_version("1")
