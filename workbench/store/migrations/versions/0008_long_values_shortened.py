"""Values longer than their column, stored whole by SQLite before imports shortened them.

SQLite keeps any length in a ``VARCHAR(n)``: before imports cut long labels (session 29) a
guiding question over 300 characters, a speaker role over 200, a workshop name over 300,
its format over 200 or a file name over 500 were stored whole. The next import of the same
question or role stored it shortened, a second label beside the first; and ``workbench
migrate-db`` of such a project to PostgreSQL stopped, as PostgreSQL refuses them. This
revision shortens the stored values the way an import does today
(``workbench.ingest.long_names``; copied here, as a revision must not change later): in
the middle with "…", the end kept, a workshop name with the hash of its whole name.
On PostgreSQL there is nothing to do (it never stored them). Not undone by a downgrade:
the cut-out middles are gone.

Revision ID: 0008
Revises: 0007
"""

import hashlib
import unicodedata
from pathlib import PurePath

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

ELLIPSIS = "…"
QUESTION, ROLE, WORKSHOP, FORMAT, FILENAME = 300, 200, 300, 200, 500


def _shortened(text: str, limit: int, tail: int = 0) -> str:
    """``text`` cut to ``limit`` characters in its middle, its last ``tail`` kept."""
    if len(text) <= limit:
        return text
    end = text[len(text) - tail :] if tail else ""
    return text[: limit - 1 - len(end)] + ELLIPSIS + end


def _workshop(name: str) -> str:
    """A long workshop name as imports store it: head, the whole name's hash, last 60."""
    if len(name) <= WORKSHOP:
        return name
    name = unicodedata.normalize("NFC", name)
    whole = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    cut = f"{ELLIPSIS}#{whole}{ELLIPSIS}"
    return name[: WORKSHOP - len(cut) - 60] + cut + name[-60:]


def _filename(filename: str) -> str:
    """A long file name cut in its stem, its extension kept."""
    suffix = PurePath(filename).suffix
    return _shortened(filename, FILENAME, tail=min(len(suffix) + 40, 100))


# table, column, its size, how to shorten
_COLUMNS = (
    ("segments", "question", QUESTION, lambda text: _shortened(text, QUESTION, tail=40)),
    ("segments", "speaker_role", ROLE, lambda text: _shortened(text, ROLE, tail=40)),
    ("workshops", "name", WORKSHOP, _workshop),
    ("workshops", "format", FORMAT, lambda text: _shortened(text, FORMAT)),
    ("documents", "filename", FILENAME, _filename),
)


def upgrade() -> None:
    """Shorten every stored value longer than its column, as an import does."""
    bind = op.get_bind()
    for table_name, column, size, shorten in _COLUMNS:
        table = sa.table(table_name, sa.column("id", sa.Integer), sa.column(column, sa.String))
        value = table.c[column]
        rows = bind.execute(
            sa.select(table.c.id, value).where(sa.func.length(value) > size).order_by(table.c.id)
        ).all()
        for row_id, text in rows:
            bind.execute(table.update().where(table.c.id == row_id).values({column: shorten(text)}))


def downgrade() -> None:
    """Nothing: the shortened values fit the older schema too (the middles are gone)."""
