"""A coder's app outlives a restart of the PostgreSQL server (pool_pre_ping).

The restart ends every connection the app's pool holds; the next step takes a new one
without showing the coder an error (make_engine checks connections before use).
"""

from __future__ import annotations

import html
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from tests.pg import USER, Server
from widgets.coding_panel import CodingPanel
from workbench import Project

ERROR = "#8a1c1c"  # the colour of an error in the status line
CARDS = "ID;Sozialraum;Text\nK1;Manfort;Das Bürgerhaus ist abends offen\nK2;Manfort;Kein Bus\n"


def _drop_connections(server: Server, url: str) -> int:
    """What a restart does to the app's connections: the server ends every one of them."""
    with psycopg.connect(
        f"host=127.0.0.1 port={server.port} user={USER} dbname=postgres", autocommit=True
    ) as admin:
        ended = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = %s",
            (make_url(url).database,),
        ).fetchone()[0]
    return ended


def test_the_coding_app_codes_on_after_the_server_dropped_its_connections(
    pg_server: Server, tmp_path: Path
) -> None:
    from workbench.ingest.table import TableMapping

    url = pg_server.new_database()
    table = tmp_path / "karten.csv"
    table.write_text(CARDS, encoding="utf-8")
    with Project.create(tmp_path / "p", db_url=url, districts=["Manfort"]) as project:
        mapping = TableMapping(text_column="Text", id_column="ID", district_column="Sozialraum")
        project.import_files([table], mapping=mapping, workshop="Kartenwand")
        project.add_code("Ressource")
        panel = CodingPanel(project, coder="Anna", co_researcher=True)
        panel.code_buttons["Ressource"].click()
        assert _drop_connections(pg_server, url) >= 1
        panel.next_button.click()  # reads the codebook again: on a new connection
        assert ERROR not in panel.status.value
        panel.code_buttons["Ressource"].click()
        assert "kodiert" in html.unescape(panel.status.value)
        assert len(project.codings()) == 2
