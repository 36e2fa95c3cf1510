"""The participation form from the command line and in Voilà: links, the server process, ports."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT
from tests.feedback_data import answer, items, rated_project, stored
from tests.formular_http import Client, announced_port, serving
from widgets.formular import main, make_app
from workbench import Project
from workbench.cli.main import main as workbench_main
from workbench.participation import feedback
from workbench.participation.feedback import Answer


@pytest.fixture
def rated(project: Project, tmp_path: Path) -> Project:
    """A small project with a stored need run of three clusters."""
    return rated_project(project, tmp_path)


@pytest.fixture
def token(rated: Project) -> str:
    """A participant's token (Manfort)."""
    return feedback.issue_tokens(rated, 1, district="Manfort")[0]


# -- links and the command line -----------------------------------------------------------------
def test_workbench_tokens_writes_form_links(
    rated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    where = ["--project", str(rated.path)]
    assert workbench_main([*where, "tokens", "--n", "2", "--formular"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.strip().splitlines()
    assert lines[0] == "token;url" and len(lines) == 3
    token, url = lines[1].split(";")
    assert (
        url
        == f"http://127.0.0.1:8866/beteiligung?token={token}"
        == feedback.form_url("http://127.0.0.1:8866/", token)
    )
    assert "Link-Muster: http://127.0.0.1:8866/beteiligung?token=<Zugangscode>" in captured.err
    with serving(make_app(rated.path)) as served:
        assert served.request("GET", urlsplit(url).path + "?" + urlsplit(url).query).status == 200
    with pytest.raises(SystemExit):
        workbench_main([*where, "tokens", "--help"])
    assert "--formular" in capsys.readouterr().out


def test_the_server_refuses_a_folder_that_is_no_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["--project", str(tmp_path / "fehlt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "kein Werkbank-Projekt" in err and "Traceback" not in err
    monkeypatch.delenv("WORKBENCH_PROJECT", raising=False)
    assert main([]) == 2
    assert "Kein Projekt angegeben" in capsys.readouterr().err


@pytest.mark.slow
def test_python_m_widgets_formular_serves_the_form(
    rated: Project, token: str, tmp_path: Path
) -> None:
    bad = subprocess.run(
        [sys.executable, "-m", "widgets.formular", "--project", str(tmp_path / "fehlt")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert bad.returncode == 2 and "kein Werkbank-Projekt" in bad.stderr
    assert "Traceback" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1

    log = tmp_path / "formular.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "widgets.formular",
                "--project",
                str(rated.path),
                "--port",
                "0",  # a free one, said in the log: no other process can take it meanwhile
            ],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        client = Client(announced_port(log, process, 60))
        deadline = time.monotonic() + 60
        while True:
            try:
                response = client.page(token)
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        assert response.status == 200 and "<legend>Lernräume</legend>" in response.body
        # tornado logs a request after answering it: give a busy server time to write it
        deadline = time.monotonic() + 30
        while "GET /beteiligung" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        process.terminate()
        process.wait(timeout=30)
    text = log.read_text(encoding="utf-8")
    assert "GET /beteiligung (127.0.0.1)" in text and token not in text


def test_the_servers_help_and_errors_are_german(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = capsys.readouterr().out
    assert shown.startswith("Aufruf: python -m widgets.formular") and "Optionen:" in shown
    with pytest.raises(SystemExit) as refused:
        main(["--port", "achtzig"])
    err = capsys.readouterr().err
    assert refused.value.code == 2 and "Fehler: --port: ungültiger Wert 'achtzig'" in err


def test_a_taken_port_is_one_german_line(
    rated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["--project", str(rated.path), "--host", "127.0.0.1", "--port", str(port)])
    err = capsys.readouterr().err
    assert code == 2 and f"Der Server kann 127.0.0.1:{port} nicht belegen" in err
    assert "Traceback" not in err


def test_voila_gets_the_form_once() -> None:
    from voila.app import Voila

    from widgets.voila_server import serve_form

    serve_form()
    wrapped = Voila.init_handlers
    serve_form()  # voila_apps/voila.py may be read more than once: still one wrapper
    assert Voila.init_handlers is wrapped and wrapped.serves_form


@pytest.mark.slow
def test_the_voila_server_of_make_demo_serves_the_form(
    rated: Project, token: str, tmp_path: Path
) -> None:
    from tests.browser.conftest import APPS, jupyter_env, start_voila, stop

    first = items(rated, token)[0]
    env = jupyter_env(tmp_path / "voila", WORKBENCH_PROJECT=str(rated.path))
    server = start_voila(APPS, tmp_path / "voila", env, [f"--Voila.config_file_paths={APPS}"])
    try:
        client = Client(int(server.base_url.rsplit(":", 1)[1]))
        page = client.page(token)
        assert page.status == 200, server.log_tail()
        assert '<html lang="de">' in page.body and "<legend>Lernräume</legend>" in page.body
        assert client.request("GET", "/beteiligung/formular.css").status == 200
        assert client.send(token, answer(first, "agree", "4")).status == 303
        assert client.page(None).status == 400
        assert client.page("w" * 22).status == 403  # Voilà logs refused requests
    finally:
        stop(server.process)
    assert stored(rated, token) == {first: Answer(first, "agree", 4, "")}
    log = server.log.read_text(encoding="utf-8", errors="replace")
    assert "403 GET /beteiligung (127.0.0.1)" in log
    assert token not in log and "w" * 22 not in log
