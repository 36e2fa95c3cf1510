"""Every output of the demo study — exports, the three report formats, every app's text,
the published site — carries none of the demo's planted personal data (issue 13)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from tests.conformance import apps, harness
from tests.synthesis_data import demo_copy
from workbench.cli.main import main

pytestmark = pytest.mark.slow


def _originals(project) -> list[str]:
    """What the key says was replaced: names, e-mails, phones, addresses (≥ 3 letters)."""
    key = project.pseudonym_key()
    return sorted({o for o in key["original"] if len(o.strip()) >= 3}, key=len, reverse=True)


def _found(originals: list[str], text: str) -> list[str]:
    return [o for o in originals if re.search(rf"(?<!\w){re.escape(o)}(?!\w)", text)]


def test_no_output_of_the_demo_shows_a_planted_person(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    project = demo_copy(tmp_path_factory, tmp_path / "demo")
    originals = _originals(project)
    assert len(originals) >= 20  # the demo plants 24 items; the key holds them
    project.close()
    folder = tmp_path / "demo"
    out = tmp_path / "ausgaben"
    out.mkdir()
    p = ["--project", str(folder)]
    written = []
    for fmt in ("csv", "xlsx", "qdpx"):
        target = out / f"export.{fmt}"
        # as a user types it: no flag, so the default must be the safe one
        harness.run([*p, "export", "--format", fmt, str(target)], (target,), {0})
        written.append(target)
    for fmt in ("html", "docx", "xlsx"):
        target = out / f"bericht.{fmt}"
        harness.run([*p, "report", "--format", fmt, str(target)], (target,), {0})
        written.append(target)
    tokens = out / "zugangscodes.csv"
    harness.run([*p, "tokens", "--n", "1", "--out", str(tokens)], (), {0})
    for target in written:
        assert _found(originals, harness.output_text(target)) == [], target.name
    for label, build in apps.apps(folder, out):
        shown = "\n".join(apps.widget_texts(build()))
        assert _found(originals, shown) == [], label


def test_the_check_would_see_a_leak() -> None:
    assert _found(["Frau Meier", "meier@example.org"], "Kontakt: meier@example.org") == [
        "meier@example.org"
    ]
    assert _found(["Koch"], "Kochkurs im Quartier") == []


@pytest.mark.parametrize(
    "text",
    [
        "Der Mieterbeirat sammelt Beschwerden über Mängel in den Häusern.",
        "Informationen über Hilfsangebote erreichen die Älteren nicht.",
        "Die Moscheegemeinde hat im Ramadan Essenspakete an Familien verteilt.",
    ],
)
def test_topics_after_cue_words_are_not_people(text: str) -> None:
    from workbench.ingest.pseudonymise import Pseudonymiser

    assert Pseudonymiser().pseudonymise(text, [])[0] == text


def test_a_table_export_has_the_original_texts_only_when_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cards = tmp_path / "karten.csv"
    cards.write_text("Text\nFrau Kaczmarek leitet den Treff\n", encoding="utf-8")
    base = ["--project", str(tmp_path / "projekt")]
    assert main(["init", str(tmp_path / "projekt")]) == 0
    assert main([*base, "import", str(cards)]) == 0
    capsys.readouterr()
    for fmt in ("csv", "xlsx"):
        safe, raw = tmp_path / f"weitergabe.{fmt}", tmp_path / f"original.{fmt}"
        assert main([*base, "export", "--format", fmt, str(safe)]) == 0
        assert "(pseudonymisiert)" in capsys.readouterr().out
        assert main([*base, "export", "--format", fmt, "--originals", str(raw)]) == 0
        assert "ORIGINALTEXTE" in capsys.readouterr().out
        assert "Kaczmarek" not in _exported_text(safe) and "[Person 1]" in _exported_text(safe)
        assert "Frau Kaczmarek leitet" in _exported_text(raw)
    both = [*base, "export", "--format", "csv", "--originals", "--pseudonymised", "x.csv"]
    assert main(both) == 2
    assert "schließen sich aus" in capsys.readouterr().err


def _exported_text(path: Path) -> str:
    """The cells of an exported CSV or XLSX as text."""
    if path.suffix == ".csv":
        return path.read_text(encoding="utf-8")
    return pd.read_excel(path).to_csv()
