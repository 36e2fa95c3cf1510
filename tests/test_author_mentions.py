"""A comment's "@mention" of an author of the same export: that author's placeholder, so
readers can follow a discussion; every other handle stays the neutral "[Profil]"."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import stored_text
from tests.test_consul_exports import import_comments
from workbench import Project


def test_a_mention_of_an_authors_user_name_is_her_placeholder(
    project: Project, tmp_path: Path
) -> None:
    """ "@kalle1999 genau!" was stored as "[Profil] genau!" although kalle1999 wrote comment 1:
    now "@[Person N]" with kalle1999's N. Handles of nobody in the author column (an
    office's account, "@tom.w" beside the author "tom", "@user:"), e-mail addresses and
    "@ 18 Uhr" are left as before; no handle is stored."""
    rows = [
        ("1", "Mehr Bänke am Spielplatz, bitte.", "kalle1999"),
        ("2", "@kalle1999 genau! Und Licht.", "mia_s"),
        ("3", "Wie @mia_s und @bernd.k schrieben, fehlt Licht.", "tom"),
        ("4", "(@ottensen_radler) stimmt, siehe oben.", "bernd.k"),
        ("5", "@ottensen_radler: die Ampel ist kaputt.", "anna_k"),
        ("6", "Die Ampel schaltet zu schnell.", "ottensen_radler"),
        ("7", "@Stadt_Leverkusen bitte reparieren! @tom.w auch?", "kalle1999"),
        ("8", "@user: das sehe ich anders. Treffen @ 18 Uhr.", "mia_s"),
        ("9", "Mail an info@ottensen-beispiel.de, Treffen um 18 Uhr @ Bürgerhaus.", "tom"),
    ]
    segments, who = import_comments(project, tmp_path, rows)
    assert segments["text"].tolist() == [
        "Mehr Bänke am Spielplatz, bitte.",
        f"@{who['kalle1999']} genau! Und Licht.",
        f"Wie @{who['mia_s']} und @{who['bernd.k']} schrieben, fehlt Licht.",
        f"(@{who['ottensen_radler']}) stimmt, siehe oben.",
        f"@{who['ottensen_radler']}: die Ampel ist kaputt.",
        "Die Ampel schaltet zu schnell.",
        "[Profil] bitte reparieren! [Profil] auch?",
        "[Profil]: das sehe ich anders. Treffen @ 18 Uhr.",
        "Mail an [E-Mail], Treffen um 18 Uhr @ Bürgerhaus.",
    ]
    stored = stored_text(project)
    handles = ["kalle1999", "mia_s", "bernd.k", "ottensen_radler", "Stadt_Leverkusen", "tom.w"]
    assert [h for h in handles if h in stored] == []
