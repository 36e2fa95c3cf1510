"""The need comparison across waves for a run over one guiding question (`needs
--question X`): a later wave that was not asked X, and one that was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.feedback_data import store_need_run
from tests.test_waves import FOLLOW_UP, one_error_line
from workbench import Project
from workbench.analysis import waves
from workbench.cli.main import main
from workbench.core.domain import WorkbenchError
from workbench.store import NeedRun


def test_a_question_the_later_wave_was_not_asked_says_what_helps(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`needs --question X`, the follow-up survey asks other questions: computing the same
    run again changes nothing, so the error must not advise it."""
    first = tmp_path / "welle1.csv"
    first.write_text(
        "ID;Sozialraum;Was fehlt Ihnen im Viertel?\n1;Manfort;Ein Treffpunkt\n"
        "2;Wiesdorf;Ein Bus am Abend\n",
        encoding="utf-8",
    )
    second = tmp_path / "welle2.csv"
    second.write_text(
        "ID;Sozialraum;Was sollte sich ändern?;Was fehlt noch?\n"
        "1;Manfort;Mehr Licht;Ein Café\n2;Wiesdorf;Sauberere Wege;\n",
        encoding="utf-8",
    )
    project.import_files([first])
    project.import_files([second], wave=FOLLOW_UP)
    rows = project.segments().set_index("text")["segment_id"]
    run = store_need_run(project, [("Treffpunkt", [int(rows["Ein Treffpunkt"])]),
                                   ("Bus", [int(rows["Ein Bus am Abend"])])])  # fmt: skip
    with project.transaction() as session:
        session.get(NeedRun, run).params = {"segments": "all", "question": "Was fehlt Ihnen"}
    assert main(["--project", str(project.path), "monitoring", "needs"]) == 2
    err = one_error_line(capsys)
    assert "die Welle 'Folgebefragung 2022' hat keine solche Aussage" in err
    assert "--segments all" in err and "bitte die Bedarfscluster neu berechnen" not in err
    # a question both waves were asked ("Was fehlt noch?"): computing again does help, and
    # the command given is the one that repeats this run
    with project.transaction() as session:
        session.get(NeedRun, run).params = {"segments": "all", "question": "fehlt"}
    with pytest.raises(WorkbenchError) as raised:
        waves.need_comparison(project)
    assert str(raised.value) == (
        f"Der Bedarfslauf {run} enthält keine Aussagen der Welle '{FOLLOW_UP}'; bitte die "
        "Bedarfscluster neu berechnen (workbench needs --question 'fehlt')."
    )
