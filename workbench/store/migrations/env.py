"""Alembic's environment for the workbench: run on the connection the caller hands over.

The workbench runs Alembic from Python (:mod:`workbench.store.migrate`), never through an
``alembic.ini``: the caller puts an open connection into ``config.attributes["connection"]``
and every migration runs on it, inside the caller's transaction. ``target_metadata`` is
the current schema (for comparing a migrated database with the models in tests).
"""

from alembic import context

from workbench.store import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "Migrationen laufen nur über workbench.store.migrate (workbench upgrade), "
        "nicht über die alembic-Kommandozeile."
    )
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: op.batch_alter_table copies the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
