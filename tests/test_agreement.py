"""Intercoder agreement: the measures against scikit-learn and krippendorff, the units,
the demo codings, disagreements and their resolution, the CLI."""

from __future__ import annotations

import json
import math
import shlex
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score

from tests.coding_data import cards_project
from workbench import InputError, Project
from workbench.cli.main import main
from workbench.coding.agreement import (
    POOLED,
    agreement,
    agreement_table,
    choose_coders,
    cohen_kappa,
    default_groups,
    disagreements,
    krippendorff_alpha,
    percent_agreement,
)

TOLERANCE = 1e-9
DIMENSIONS = ["Ressource", "Herausforderung", "Leerstelle", "Begründung", "Bedarf"]


def _reference_alpha(data: np.ndarray) -> float:
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def _close(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or abs(a - b) <= TOLERANCE


# -- the measures on fixtures -----------------------------------------------------------
def test_krippendorffs_textbook_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", nominal: 0.743.
    nan = np.nan
    data = np.array(
        [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
            [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
        ]
    )
    assert round(krippendorff_alpha(data), 3) == 0.743
    assert _close(krippendorff_alpha(data), _reference_alpha(data))


@pytest.mark.parametrize("seed", range(12))
def test_measures_equal_the_reference_implementations(seed: int) -> None:
    rng = np.random.default_rng(seed)
    coders, units, categories = 2 + seed % 3, 15 + 7 * seed, 2 + seed % 4
    data = rng.integers(0, categories, size=(coders, units)).astype(float)
    # Make coders agree more than by chance, and leave some values missing.
    agree = rng.random(units) < 0.6
    data[:, agree] = data[0, agree]
    data[rng.random(data.shape) < 0.15] = np.nan
    assert _close(krippendorff_alpha(data), _reference_alpha(data))
    both = ~np.isnan(data[:2]).any(axis=0)
    a, b = data[0, both], data[1, both]
    assert _close(cohen_kappa(a, b), cohen_kappa_score(a, b))
    assert _close(percent_agreement(data[:2, both]), float(np.mean(a == b)))


def test_undefined_measures_are_nan() -> None:
    same = np.zeros((2, 5))
    assert math.isnan(cohen_kappa(same[0], same[1]))
    assert math.isnan(krippendorff_alpha(same))
    assert percent_agreement(same) == 1.0
    lonely = np.array([[1.0, np.nan], [np.nan, 0.0]])  # no unit with two values
    assert math.isnan(percent_agreement(lonely))
    assert math.isnan(krippendorff_alpha(lonely))


def test_percent_agreement_of_three_coders_is_the_share_of_agreeing_pairs() -> None:
    # Unit 1: all three agree (3 of 3 pairs); unit 2: 1 of 3 pairs; unit 3: A and C only.
    data = np.array([[1, 1, 0], [1, 0, np.nan], [1, 1, 1]], dtype=float)
    assert percent_agreement(data) == pytest.approx((1 + 1 / 3 + 0) / 3)


# -- units on a small codings table ------------------------------------------------------
def _codings(rows: list[tuple[int, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["segment_id", "code", "coder"])


def test_units_are_segments_coded_by_at_least_two_coders() -> None:
    codings = _codings(
        [
            (1, "Bedarf", "A"),
            (1, "Bedarf", "B"),
            (2, "Bedarf", "A"),
            (2, "Ressource", "B"),
            (3, "Ressource", "A"),
            (3, "Themen/Wohnen", "B"),
            (4, "Bedarf", "A"),  # only A: not a unit
            (5, "Bedarf", "konsens"),  # the consensus coder is left out by default
            (5, "Ressource", "A"),
        ]
    )
    table = agreement_table(codings).set_index("name")
    assert set(table[table["level"] == "Code"]["units"]) == {3}
    # Bedarf: A 1,1,0 / B 1,0,0 → agree on segments 1 and 3.
    assert table.loc["Bedarf", "percent_agreement"] == pytest.approx(2 / 3)
    assert table.loc["Bedarf", "cohen_kappa"] == pytest.approx(
        cohen_kappa_score([1, 1, 0], [1, 0, 0])
    )
    assert table.loc["Themen/Wohnen", "percent_agreement"] == pytest.approx(2 / 3)
    # Pooled: the three codes in use × three segments, 9 binary units.
    pooled = table.loc[POOLED]
    assert pooled["level"] == "Gesamt"
    assert pooled["units"] == 9
    a = [1, 1, 0, 0, 0, 1, 0, 0, 0]  # Bedarf, Ressource, Themen/Wohnen on segments 1–3
    b = [1, 0, 0, 0, 1, 0, 0, 0, 1]
    assert _close(pooled["cohen_kappa"], cohen_kappa_score(a, b))
    assert _close(pooled["krippendorff_alpha"], _reference_alpha(np.array([a, b], float)))
    assert list(table["level"]) == ["Gesamt", "Code", "Code", "Code"]
    # With the consensus coder chosen, segment 5 becomes a unit.
    with_consensus = agreement_table(codings, coders=["A", "konsens"])
    assert with_consensus.query("level == 'Code'")["units"].tolist() == [1, 1]


def test_group_is_one_nominal_variable() -> None:
    codings = _codings(
        [
            (1, "Bedarf", "A"),
            (1, "Bedarf/Digital", "B"),  # a subcode counts as its dimension
            (2, "Ressource", "A"),
            (2, "Bedarf", "B"),
            (3, "Ressource", "A"),
            (3, "Bedarf", "A"),  # two dimensions: A's value is missing
            (3, "Ressource", "B"),
            (4, "Themen/Wohnen", "A"),  # no dimension: missing
            (4, "Ressource", "B"),
            (5, "Leerstelle", "A"),
            (5, "Leerstelle", "B"),
            (5, "Leerstelle", "C"),
        ]
    )
    groups = {"Dimension": DIMENSIONS}
    row = agreement_table(codings, ["A", "B"], groups).set_index("level").loc["Gruppe"]
    assert row["name"] == "Dimension"
    assert row["units"] == 3  # segments 1, 2, 5
    a = [4, 0, 2]  # indices in DIMENSIONS: Bedarf, Ressource, Leerstelle
    b = [4, 4, 2]
    assert _close(row["cohen_kappa"], cohen_kappa_score(a, b))
    assert _close(row["krippendorff_alpha"], _reference_alpha(np.array([a, b], float)))
    three = agreement_table(codings, None, groups).set_index("level").loc["Gruppe"]
    assert math.isnan(three["cohen_kappa"])  # kappa is for two coders
    data = np.array([[4, 0, np.nan, np.nan, 2], [4, 4, 0, 0, 2], [np.nan] * 4 + [2]])
    assert _close(three["krippendorff_alpha"], _reference_alpha(data))


def test_default_groups_find_the_dimensions() -> None:
    paths = ["Themen", "Themen/Bedarf", "Bedarf", "Ressource", "Leerstelle"]
    assert default_groups(paths) == {"Dimension": ["Ressource", "Leerstelle", "Bedarf"]}
    assert default_groups(["Bedarf", "Themen"]) == {}


def test_coders_are_checked() -> None:
    codings = _codings([(1, "Bedarf", "A"), (1, "Bedarf", "B")])
    with pytest.raises(InputError, match=r"Keine Kodierungen von C\. Kodiert haben: A, B"):
        agreement_table(codings, ["A", "C"])
    with pytest.raises(InputError, match="mindestens zwei Kodierende; gefunden: A"):
        agreement_table(codings, ["A"])
    with pytest.raises(InputError, match="mindestens zwei"):
        agreement_table(_codings([(1, "Bedarf", "A")]))


def test_coders_typed_in_other_case_are_the_coders_who_coded() -> None:
    """`agreement --coders anna,ben` for Anna and Ben: a name as a team types it, like
    Sozialräume; two coders differing only in case stay apart (no guess)."""
    codings = _codings([(1, "Bedarf", "Anna"), (1, "Bedarf", "Ben"), (2, "Bedarf", "BEN")])
    assert choose_coders(codings, ["anna", "Ben"]) == ["Anna", "Ben"]
    with pytest.raises(InputError, match=r"Keine Kodierungen von ben\. Kodiert haben"):
        choose_coders(codings, ["Anna", "ben"])


# -- the demo codings ---------------------------------------------------------------------
def _demo_arrays(demo: Project) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Binary A/B arrays per code built independently from the demo's codings table."""
    codings = demo.codings()
    codings = codings[codings["coder"].isin(["A", "B"])]
    by_coder = {
        c: set(zip(g["segment_id"], g["code"], strict=True)) for c, g in codings.groupby("coder")
    }
    segments = {c: set(g["segment_id"]) for c, g in codings.groupby("coder")}
    units = sorted(segments["A"] & segments["B"])
    per_code = {}
    for code in sorted(set(codings[codings["segment_id"].isin(units)]["code"])):
        per_code[code] = np.array(
            [[(u, code) in by_coder[c] for u in units] for c in ("A", "B")], dtype=float
        )
    dims = np.full((2, len(units)), np.nan)
    for i, c in enumerate(("A", "B")):
        for j, u in enumerate(units):
            given = [k for k, d in enumerate(DIMENSIONS) if (u, d) in by_coder[c]]
            if len(given) == 1:
                dims[i, j] = given[0]
    return per_code, dims


def test_demo_agreement_equals_sklearn_and_krippendorff(demo_project: Project) -> None:
    table = agreement(demo_project, ["A", "B"])
    per_code, dims = _demo_arrays(demo_project)
    assert len(per_code) >= 10 and table.loc[0, "units"] > 100
    rows = table.set_index(["level", "name"])
    for code, data in per_code.items():
        row = rows.loc[("Code", code)]
        assert _close(row["cohen_kappa"], cohen_kappa_score(data[0], data[1])), code
        assert _close(row["krippendorff_alpha"], _reference_alpha(data)), code
        assert _close(row["percent_agreement"], float(np.mean(data[0] == data[1]))), code
    pooled = np.concatenate(list(per_code.values()), axis=1)
    row = rows.loc[("Gesamt", POOLED)]
    assert row["units"] == pooled.shape[1]
    assert _close(row["cohen_kappa"], cohen_kappa_score(pooled[0], pooled[1]))
    assert _close(row["krippendorff_alpha"], _reference_alpha(pooled))
    row = rows.loc[("Gruppe", "Dimension")]
    both = ~np.isnan(dims).any(axis=0)
    assert row["units"] == both.sum() > 100
    assert _close(row["cohen_kappa"], cohen_kappa_score(dims[0, both], dims[1, both]))
    assert _close(row["krippendorff_alpha"], _reference_alpha(dims))
    # The demo's coders agree well but not perfectly.
    assert 0.6 < row["krippendorff_alpha"] < 0.99


def test_demo_disagreements_say_who_said_what(demo_project: Project) -> None:
    table = disagreements(demo_project)
    per_code, _ = _demo_arrays(demo_project)
    expected = sum(int((d[0] != d[1]).sum()) for d in per_code.values())
    assert len(table) == expected > 0
    assert set(zip(table["applied_by"], table["not_applied_by"], strict=True)) == {
        ("A", "B"),
        ("B", "A"),
    }
    codings = demo_project.codings()
    row = table.iloc[0]
    coders = set(
        codings[(codings["segment_id"] == row["segment_id"]) & (codings["code"] == row["code"])][
            "coder"
        ]
    )
    assert coders == {row["applied_by"]}
    assert not table["resolved"].any()


# -- resolving ----------------------------------------------------------------------------
def test_resolving_stores_a_memo_and_optionally_the_consensus_coding(
    project: Project, tmp_path: Path
) -> None:
    ids = cards_project(project, tmp_path)
    project.code_segment(ids["K2"], "Bedarf", "A")
    project.code_segment(ids["K2"], "Ressource", "B")
    project.code_segment(ids["K3"], "Ressource", "A")
    project.code_segment(ids["K3"], "Ressource", "B")
    table = disagreements(project)
    assert list(zip(table["source_id"], table["code"], table["applied_by"], strict=True)) == [
        ("K2", "Bedarf", "A"),
        ("K2", "Ressource", "B"),
    ]
    memo_id = project.resolve_disagreement(
        ids["K2"], "Bedarf", "Lea", "Forderung nach Tablets: Bedarf", apply=True
    )
    memo = project.memos().set_index("memo_id").loc[memo_id]
    assert (memo["target_type"], memo["target_id"], memo["author"]) == ("segment", ids["K2"], "Lea")
    assert memo["text"] == "Abgleich „Bedarf“: Forderung nach Tablets: Bedarf"
    codings = project.codings()
    assert set(codings[codings["coder"] == "konsens"]["code"]) == {"Bedarf"}
    project.resolve_disagreement(ids["K2"], "Ressource", "Lea", "keine Ressource", apply=False)
    table = disagreements(project)
    assert table["resolved"].tolist() == [True, True]
    assert disagreements(project, unresolved_only=True).empty
    # The consensus coder does not count as a third coder by default …
    per_code = agreement(project).query("level == 'Code'")
    assert per_code["units"].tolist() == [2, 2]
    # … and its coding can be undone like any other.
    assert project.undo("konsens", n=5) == 1
    assert "konsens" not in set(project.codings()["coder"])
    with pytest.raises(InputError, match="Begründung \\(Memotext\\) ist leer"):
        project.resolve_disagreement(ids["K2"], "Bedarf", "Lea", " ")


@pytest.mark.backends
def test_a_new_disagreement_after_the_resolution_is_on_the_work_list_again(
    project: Project, tmp_path: Path
) -> None:
    """Months after a resolution, coders change their minds or a new coder joins (on the
    team's server too, and in a backup restored elsewhere)."""
    ids = cards_project(project, tmp_path)
    for coder in ("A", "B"):
        project.code_segment(ids["K2"], "Herausforderung", coder)
    project.code_segment(ids["K2"], "Bedarf", "A")
    project.code_segment(ids["K2"], "Ressource", "B")
    project.resolve_disagreement(ids["K2"], "Bedarf", "Lea", "A hat recht; B ergänzt Bedarf.")
    project.code_segment(ids["K2"], "Bedarf", "B")  # as agreed: no disagreement on Bedarf
    resolved = disagreements(project).set_index("code")["resolved"]
    assert resolved.to_dict() == {"Ressource": False}
    project.resolve_disagreement(ids["K2"], "Ressource", "Lea", "Keine Ressource; B bleibt dabei.")
    assert disagreements(project, unresolved_only=True).empty

    backup_file = tmp_path / "sicherung.zip"
    assert main(["--project", str(project.path), "backup", str(backup_file)]) == 0
    assert main(["restore", str(backup_file), str(tmp_path / "kopie")]) == 0
    with Project.open(tmp_path / "kopie") as copy:
        project.uncode_segment(ids["K2"], "Bedarf", "A")
        copy.uncode_segment(ids["K2"], "Bedarf", "A")
        assert disagreements(copy).equals(disagreements(project))

    # A removes Bedarf later: a new disagreement on the same statement and code.
    table = disagreements(project, unresolved_only=True)
    rows = zip(table["code"], table["applied_by"], table["not_applied_by"], strict=True)
    assert list(rows) == [("Bedarf", "B", "A")]
    # Undone, it is the disagreement that was resolved again.
    assert project.undo("A") == 1
    assert disagreements(project, unresolved_only=True).empty

    # A third coder joins: their decisions were not part of any resolution.
    project.code_segment(ids["K2"], "Ressource", "C")
    table = disagreements(project, unresolved_only=True)
    assert list(zip(table["code"], table["applied_by"], strict=True)) == [
        ("Bedarf", "A, B"),
        ("Herausforderung", "A, B"),
        ("Ressource", "B, C"),
    ]
    # Between A and B, everything stays as it was resolved.
    assert disagreements(project, ["A", "B"])["resolved"].all()
    for code in ("Bedarf", "Herausforderung", "Ressource"):
        project.resolve_disagreement(ids["K2"], code, "Lea", "Mit C besprochen.")
    assert disagreements(project, unresolved_only=True).empty


# -- CLI ----------------------------------------------------------------------------------
@pytest.mark.parametrize("command", ["agreement", "disagreements", "resolve"])
def test_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    assert "Aufruf: workbench" in capsys.readouterr().out


def test_cli_agreement_json_and_table(
    demo_project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WORKBENCH_PROJECT", str(demo_project.path))
    assert main(["agreement", "--coders", "B,A", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["coders"] == ["A", "B"]
    expected = agreement(demo_project, ["A", "B"])
    assert [r["name"] for r in result["rows"]] == expected["name"].tolist()
    assert result["rows"][0]["krippendorff_alpha"] == pytest.approx(
        expected.loc[0, "krippendorff_alpha"], abs=TOLERANCE
    )
    assert main(["agreement"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Kodierende: A, B\n")
    assert POOLED in out and "Dimension" in out
    assert main(["agreement", "--coders", "A,Z"]) == 2
    assert capsys.readouterr().err.startswith("Fehler: Keine Kodierungen von Z.")


def test_cli_disagreements_and_resolve(
    project: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ids = cards_project(project, tmp_path)
    project.code_segment(ids["K4"], "Herausforderung", "A")
    project.code_segment(ids["K4"], "Themen/Wohnen", "B")
    monkeypatch.setenv("WORKBENCH_PROJECT", str(project.path))
    out = tmp_path / "abweichungen.csv"
    assert main(["disagreements", "--csv", str(out)]) == 0
    assert pd.read_csv(out)["code"].tolist() == ["Herausforderung", "Themen/Wohnen"]
    seg = str(ids["K4"])
    assert main(["resolve", seg, "Herausforderung", "--author", "Lea", "--text", "ok",
                 "--apply"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["disagreements", "--unresolved"]) == 0
    text = capsys.readouterr().out
    assert "Themen/Wohnen" in text and "Herausforderung" not in text.splitlines()[0]
    assert "1 Abweichungen, davon 0 geklärt." in text


def test_resolve_refuses_what_is_no_disagreement(
    project: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A typo in the statement or code, or a disagreement the coders settled meanwhile: not
    recorded as "geklärt" (it would hide nothing, but say something false), exit 2."""
    ids = cards_project(project, tmp_path)
    for coder in ("A", "B"):
        project.code_segment(ids["K4"], "Herausforderung", coder)
    project.code_segment(ids["K4"], "Bedarf", "A")
    project.code_segment(ids["K5"], "Bedarf", "A")
    monkeypatch.setenv("WORKBENCH_PROJECT", str(project.path))
    k4, k5 = str(ids["K4"]), str(ids["K5"])
    memos = len(project.memos())

    def resolve(*argv: str) -> str:
        assert main(["resolve", *argv, "--author", "Lea", "--text", "passt"]) == 2
        captured = capsys.readouterr()
        assert captured.out == "" and "Traceback" not in captured.err
        return captured.err

    err = resolve(k4, "Herausforderung")  # both applied it
    assert f"Aussage {k4}, Code 'Herausforderung': keine Abweichung zu klären" in err
    assert "(A, B), haben ihn angewendet" in err
    assert "niemand hat ihn angewendet (kodiert haben A, B)" in resolve(k4, "Ressource")
    assert "nur A hat die Aussage kodiert" in resolve(k5, "Bedarf")
    assert "noch niemand hat die Aussage kodiert" in resolve(str(ids["K6"]), "Bedarf")
    assert len(project.memos()) == memos and project.resolution_states() == []
    assert "konsens" not in set(project.codings()["coder"])

    # A real one is resolved; once B agrees it is no disagreement any more.
    assert main(["resolve", k4, "Bedarf", "--author", "Lea", "--text", "Bedarf"]) == 0
    assert "Abweichung geklärt" in capsys.readouterr().out
    project.code_segment(ids["K4"], "Bedarf", "B")
    assert "alle, die die Aussage kodiert haben (A, B)" in resolve(k4, "Bedarf")
    with pytest.raises(InputError, match="keine Abweichung zu klären"):
        project.resolve_disagreement(ids["K4"], "Bedarf", "Lea", "nochmal", apply=True)


def test_cli_agreement_explains_the_missing_kappa_of_three_coders(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = cards_project(project, tmp_path)
    for coder, codes in (("A", "BBR"), ("B", "BRR"), ("C", "BBB")):
        for card, code in zip(("K2", "K3", "K5"), codes, strict=True):
            project.code_segment(ids[card], {"B": "Bedarf", "R": "Ressource"}[code], coder)
    assert main(["--project", str(project.path), "agreement"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Kodierende: A, B, C\n")
    assert "–" in out.splitlines()[2]  # the kappa cell of the first row
    assert "Cohens Kappa ist für genau zwei Kodierende definiert, hier sind es 3" in out
    assert "Kappa für ein Paar: --coders A,B." in out
    assert main(["--project", str(project.path), "agreement", "--coders", "A,B"]) == 0
    assert "genau zwei Kodierende" not in capsys.readouterr().out


def test_cli_agreement_hint_for_a_pair_can_be_pasted_with_names_with_spaces(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A team of 'Ayşe Öztürk', 'Björn', 'Jürgen': the suggested option runs as shown."""
    ids = cards_project(project, tmp_path)
    for coder in ("Ayşe Öztürk", "Björn", "Jürgen"):
        for card in ("K2", "K3"):
            project.code_segment(ids[card], "Bedarf", coder)
    assert main(["--project", str(project.path), "agreement"]) == 0
    hint = capsys.readouterr().out.rsplit("Kappa für ein Paar: ", 1)[1].strip().removesuffix(".")
    args = shlex.split(hint)
    assert args == ["--coders", "Ayşe Öztürk,Björn"]
    assert main(["--project", str(project.path), "agreement", *args]) == 0
    assert capsys.readouterr().out.startswith("Kodierende: Ayşe Öztürk, Björn\n")


def test_cli_agreement_explains_a_dash_where_every_value_is_the_same(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Jürgen and Ayşe both code K2 and K3 'Bedarf': 100 %, kappa and alpha undefined."""
    ids = cards_project(project, tmp_path)
    for coder in ("Jürgen", "Ayşe Öztürk"):
        for card in ("K2", "K3"):
            project.code_segment(ids[card], "Bedarf", coder)
    assert main(["--project", str(project.path), "agreement"]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("Code    Bedarf"))
    assert row.split()[-4:] == ["2", "1.000", "–", "–"]
    assert "nicht bestimmbar, wenn auf allen Einheiten derselbe Wert steht" in out
    project.uncode_segment(ids["K3"], "Bedarf", "Ayşe Öztürk")  # now the values differ
    project.code_segment(ids["K3"], "Ressource", "Ayşe Öztürk")
    assert main(["--project", str(project.path), "agreement"]) == 0
    out = capsys.readouterr().out
    assert "nicht bestimmbar" not in out


def test_resolve_says_only_what_it_changed(
    project: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`resolve --remove` where konsens never had the code removed nothing: saying "und für
    konsens entfernt" made the team believe a coding was gone; `--apply` where konsens had
    it set nothing."""
    ids = cards_project(project, tmp_path)
    k4, k5 = str(ids["K4"]), str(ids["K5"])
    project.code_segment(ids["K4"], "Herausforderung", "A")
    project.code_segment(ids["K4"], "Themen/Wohnen", "B")
    project.code_segment(ids["K5"], "Bedarf", "A")
    project.code_segment(ids["K5"], "Ressource", "B")
    project.code_segment(ids["K5"], "Bedarf", "konsens")
    monkeypatch.setenv("WORKBENCH_PROJECT", str(project.path))

    def resolve(*argv: str) -> str:
        capsys.readouterr()
        assert main(["resolve", *argv, "--author", "Lea", "--text", "geklärt"]) == 0
        return capsys.readouterr().out

    said = resolve(k4, "Herausforderung", "--remove")
    assert "entfernt" not in said.replace("nichts entfernt", "")
    assert "konsens hatte den Code nicht, nichts entfernt." in said
    said = resolve(k5, "Bedarf", "--apply")
    assert "gesetzt" not in said and "konsens hatte den Code schon, unverändert." in said
    assert "und für konsens gesetzt." in resolve(k4, "Themen/Wohnen", "--apply")
    assert "und für konsens entfernt." in resolve(k5, "Bedarf", "--remove")
    assert "Bedarf" not in set(project.codings().query("coder == 'konsens'")["code"])


def test_the_csv_of_disagreements_says_ja_nein(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CSV of `disagreements` is German output: "ja"/"nein", not Python's True/False."""
    ids = cards_project(project, tmp_path)
    project.code_segment(ids["K4"], "Herausforderung", "A")
    project.code_segment(ids["K4"], "Themen/Wohnen", "B")
    project.resolve_disagreement(ids["K4"], "Herausforderung", "Lea", "passt")
    monkeypatch.setenv("WORKBENCH_PROJECT", str(project.path))
    out = tmp_path / "abweichungen.csv"
    assert main(["disagreements", "--csv", str(out)]) == 0
    table = pd.read_csv(out, dtype=str)
    assert table["code"].tolist() == ["Herausforderung", "Themen/Wohnen"]
    assert table["resolved"].tolist() == ["ja", "nein"]


@pytest.mark.backends
def test_a_renamed_dimension_stays_in_the_dimension_group(project: Project, tmp_path: Path) -> None:
    """`codebook rename Herausforderung Belastung`: the code is the same dimension, its
    codings the same; the "Dimension" group knew only the names and silently lost it (its
    units and kappa changed). The code keeps the GUID it was created with, which says so;
    a new code with the dimension's name takes the dimension over."""
    ids = cards_project(project, tmp_path)
    for card, a, b in [("K1", "Herausforderung", "Bedarf"), ("K2", "Bedarf", "Bedarf"),
                       ("K3", "Ressource", "Ressource"), ("K4", "Herausforderung",
                       "Herausforderung"), ("K6", "Ressource", "Herausforderung")]:  # fmt: skip
        project.code_segment(ids[card], a, "A")
        project.code_segment(ids[card], b, "B")

    def numbers() -> list[object]:
        table = agreement(project, ["A", "B"])
        row = table[table["level"] == "Gruppe"].iloc[0]
        return [row["units"], round(row["cohen_kappa"], 9), round(row["krippendorff_alpha"], 9)]

    def group() -> list[str]:
        return default_groups(project.codes()["path"], project.code_guids())["Dimension"]

    before = numbers()
    assert before[0] == 5
    project.rename_code("Herausforderung", "Belastung")
    assert numbers() == before
    assert group() == ["Ressource", "Belastung", "Bedarf"]
    project.move_code("Belastung", "Themen")  # moved after the rename: the GUID still says so
    assert numbers() == before
    assert group() == ["Ressource", "Bedarf", "Themen/Belastung"]
    project.add_code("Herausforderung")  # a code with the name now is the dimension
    assert group() == ["Ressource", "Herausforderung", "Bedarf"]
