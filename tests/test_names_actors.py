"""Names as local actors write them in protocols and chats: titles and initials typed
without a blank ("Fr.Schmidt", "M.Becker"), mentions with the full name ("@Anna Schmidt"),
a surname with the organisation or role in brackets ("Schmitz (AWO) sagt", "Jansen
(Pfarrer)"), …"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import stored_text
from tests.transcript_files import import_into as _import
from tests.transcript_files import write_file as _file
from workbench import Project
from workbench.ingest.pseudonymise import Pseudonymiser


def _clear(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


# -- a title or an initial typed without the blank after its full stop ------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fr.Schmidt hat angerufen.", "[Person 1] hat angerufen."),
        ("Bitte Hr.Kowalski fragen.", "Bitte [Person 1] fragen."),
        ("Dr.Becker bietet Sprechstunden an.", "[Person 1] bietet Sprechstunden an."),
        ("Fr.Dr.Öztürk-Schmitz eröffnet.", "[Person 1] eröffnet."),
        ("Rückfragen an M.Becker vom Jugendamt.", "Rückfragen an [Person 1] vom Jugendamt."),
    ],
)
def test_a_title_or_initial_without_a_blank_before_the_name_is_a_person(
    text: str, expected: str
) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Wir nehmen Plan B.Danach gehen wir.",
        "Gebäude A.Dort ist Platz.",
        "Die Firma E.ON hilft.",
        "St.Martin lädt zum Laternenumzug ein.",
        "z.B.Kinder und Jugendliche",
    ],
)
def test_a_letter_and_a_full_stop_before_an_ordinary_word_stay(text: str) -> None:
    assert _clear(text) == text


# -- a chat mention with the full name --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@Anna Schmidt kannst du das übernehmen?", "@[Person 1] kannst du das übernehmen?"),
        ("Danke @Jonas Becker-Lang!", "Danke @[Person 1]!"),
        ("@Anna danke!", "[Profil] danke!"),
        ("@Quartiersbüro Opladen danke", "[Profil] Opladen danke"),
    ],
)
def test_a_mention_with_a_full_name_leaves_no_surname(text: str, expected: str) -> None:
    assert _clear(text) == expected


def test_a_zoom_chat_stores_no_surname_of_a_mentioned_person(
    project: Project, tmp_path: Path
) -> None:
    chat = "10:00:01\tSevgi K:\t@Marlene Hüttemann kannst du die Liste schicken?\n"
    path = _file(tmp_path, "chat.txt", chat)
    assert _import(project, path) == 0
    assert "Hüttemann" not in stored_text(project)
    [text] = project.segments()["text"]
    assert re.fullmatch(r"@\[Person \d+\] kannst du die Liste schicken\?", text)


# -- a surname with its organisation or role in brackets --------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Schmitz (AWO) sagt, das Angebot läuft aus.",
            "[Person 1] (AWO) sagt, das Angebot läuft aus.",
        ),
        ("Meier (Kita) sagt, es fehlen Plätze.", "[Person 1] (Kita) sagt, es fehlen Plätze."),
        ("Özdemir (Integrationsrat) berichtet.", "[Person 1] (Integrationsrat) berichtet."),
        (
            "Jansen (ev. Kirchengemeinde) sagt, es fehlen Räume.",
            "[Person 1] (ev. Kirchengemeinde) sagt, es fehlen Räume.",
        ),
        (
            "Jansen (Pfarrer) bietet den Gemeindesaal an.",
            "[Person 1] (Pfarrer) bietet den Gemeindesaal an.",
        ),
        ("Kontakt mit Jansen (Pfarrer) aufnehmen.", "Kontakt mit [Person 1] (Pfarrer) aufnehmen."),
    ],
)
def test_a_surname_before_its_organisation_or_role_in_brackets_is_a_person(
    text: str, expected: str
) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Caritas (Opladen) berichtet von Wartezeiten.",
        "Sprungbrett (Träger) berichtet von Wartezeiten.",
        "Jugendamt (Stadt) berichtet von Wartezeiten.",
        "Gottesdienst (Pfarrer) fällt aus.",
        "Beratung (Sozialarbeiterin) fehlt.",
        "Bürgerbus (Ehrenamt) sagt ab.",
    ],
)
def test_an_organisation_or_offer_before_brackets_stays(text: str) -> None:
    assert _clear(text) == text


# -- Leverkusen's companies and associations are no people -------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Wupsi erklärt, dass der Bus öfter fährt.",
        "Currenta berichtet vom Lärm am Chempark.",
        "Avea sagt, die Tonnen werden öfter geleert.",
        "Covestro meint, das Projekt geht weiter.",
        "Kinderschutzbund erklärt, dass Plätze fehlen.",
        "Sozialverband berichtet von langen Wartezeiten.",
        "Bürgerbus erklärt, dass Fahrer fehlen.",
        "Klinikum sagt, die Notaufnahme ist voll.",
    ],
)
def test_a_company_or_association_before_a_speech_verb_stays(text: str) -> None:
    assert _clear(text) == text


def test_a_person_named_like_a_compound_is_still_a_person_after_a_title() -> None:
    assert _clear("Herr Stadtbus sagt, das geht.") == "[Person 1] sagt, das geht."


# -- a surname with particles that is also a first name ("Da Silva") ---------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Da Silva sagt, der Bus kommt nie.", "[Person 1] sagt, der Bus kommt nie."),
        ("Dos Santos berichtet von Wartezeiten.", "[Person 1] berichtet von Wartezeiten."),
        ("De La Cruz meint, das reicht.", "[Person 1] meint, das reicht."),
    ],
)
def test_a_surname_with_particles_that_speaks_keeps_no_particle(text: str, expected: str) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Da Anna sagt, sie kommt nicht.", "Da [Person 1] sagt, sie kommt nicht."),
        ("Da Maria krank ist, fällt es aus.", "Da [Person 1] krank ist, fällt es aus."),
        ("Von Silva sagt man nichts.", "Von [Person 1] sagt man nichts."),
    ],
)
def test_a_conjunction_before_a_first_name_stays(text: str, expected: str) -> None:
    assert _clear(text) == expected


# -- initials of a hyphenated first name -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("J.-P. Schmitz kommt.", "[Person 1] kommt."),
        ("Rückfragen an H.-J. Becker.", "Rückfragen an [Person 1]."),
        ("A.-K. Öztürk hat angerufen.", "[Person 1] hat angerufen."),
        ("Hans-J. Becker kommt.", "[Person 1] kommt."),
        ("Karl-H.Öztürk kommt.", "[Person 1] kommt."),
    ],
)
def test_initials_of_a_hyphenated_first_name_are_part_of_the_name(text: str, expected: str) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize("text", ["Der Weg A.-Weber ist gesperrt.", "Das Jugend-A. Becker"])
def test_a_letter_in_a_hyphenated_word_is_no_initial(text: str) -> None:
    assert _clear(text) == text


# -- an abbreviated role, a role "im Ruhestand" ------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pfr. Jansen bietet Räume.", "Pfr. [Person 1] bietet Räume."),
        ("OB Richrath sagt, die Stadt hilft.", "OB [Person 1] sagt, die Stadt hilft."),
        ("Pfarrer i.R. Jansen bietet Räume.", "Pfarrer i.R. [Person 1] bietet Räume."),
        ("Pfarrer i. R. Jansen bietet Räume.", "Pfarrer i. R. [Person 1] bietet Räume."),
        ("Bürgermeister a.D. Müller kommt.", "Bürgermeister a.D. [Person 1] kommt."),
    ],
)
def test_a_name_after_an_abbreviated_or_retired_role_is_a_person(text: str, expected: str) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Ob Sommer oder Winter, der Platz ist leer.", "Das OB-Büro lädt ein.", "OB und Rat tagen."],
)
def test_ob_as_a_conjunction_or_office_stays(text: str) -> None:
    assert _clear(text) == text


# -- "Ich bin die Gülcan": a Turkish first name ending in a consonant --------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hallo, ich bin die Gülcan und wohne in Manfort.",
            "Hallo, ich bin die [Person 1] und wohne in Manfort.",
        ),
        (
            "Ich bin die Sevgül, ich komme aus Opladen.",
            "Ich bin die [Person 1], ich komme aus Opladen.",
        ),
        ("Ich bin die Nurhan aus Wiesdorf.", "Ich bin die [Person 1] aus Wiesdorf."),
    ],
)
def test_a_self_introduction_with_a_turkish_first_name_is_a_person(
    text: str, expected: str
) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ich bin der Kapitän.",
        "Ich bin der Sultan.",
        "Ich bin die Nachbarin.",
        "Ich bin der Meinung, dass das reicht.",
        "Ich bin der Kaplan.",
    ],
)
def test_a_noun_after_ich_bin_der_ending_in_a_consonant_stays(text: str) -> None:
    assert _clear(text) == text


# -- an e-mail address typed against spam bots -------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("E-Mail: a.schmidt @ leverkusen.de", "E-Mail: [E-Mail]"),
        ("Kontakt: jonas.becker@ stadt.leverkusen.de", "Kontakt: [E-Mail]"),
        ("Schreib mir an anna-schmidt(ät)gmx.de", "Schreib mir an [E-Mail]"),
    ],
)
def test_an_e_mail_address_with_blanks_or_at_spelled_out_is_replaced(
    text: str, expected: str
) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Infos @ www.leverkusen.de", "Wir sind @ leverkusen.de", "Treffen ab 18 @ kita.de"],
)
def test_an_at_sign_between_words_is_no_e_mail_address(text: str) -> None:
    assert _clear(text) == text


# -- an extension number ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tel. 0214 4061234 oder Durchwahl -1234", "Tel. [Telefon] oder Durchwahl [Telefon]"),
        ("Durchwahl: 406-1234", "Durchwahl: [Telefon]"),
        ("Frau Becker, DW 4711", "[Person 1], DW [Telefon]"),
    ],
)
def test_an_extension_number_is_a_phone_number(text: str, expected: str) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize("text", ["Durchwahl 12", "Rückgang um -1234 Euro"])
def test_a_short_or_uncued_number_is_no_extension(text: str) -> None:
    assert _clear(text) == text


# -- a noun with a gender ending is no name -----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Teilnehmende: Vertreter*innen der Träger",
        "Kontakt: Bewohner:innen aus Manfort",
        "Moderation: Lehrer/-innen der Schule",
        "Ansprechpartner: Nutzer_innen des Treffs",
    ],
)
def test_a_noun_with_a_gender_ending_after_a_label_stays(text: str) -> None:
    assert _clear(text) == text


def test_a_name_before_a_colon_after_a_label_is_still_a_person() -> None:
    assert _clear("Kontakt: Anna: 0171 1234567") == "Kontakt: [Person 1]: [Telefon]"


# -- a group of people after a label or a greeting is no name ------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Kontakt: Vorstand",
        "Viele Grüße, Vorstand",
        "Teilnehmende: Bewohner und Träger",
        "Moderation: Elternbeirat",
        "Ansprechpartner: Anwohner aus Manfort",
    ],
)
def test_a_group_of_people_after_a_label_or_greeting_stays(text: str) -> None:
    assert _clear(text) == text


# -- attendance lines and signatures -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anwesend: Tjaden, Kowalski", "Anwesend: [Person 1], [Person 2]"),
        ("cc: Tjaden, Kowalski", "cc: [Person 1], [Person 2]"),
        ("gez. Tjaden", "gez. [Person 1]"),
        ("i.A. Schmidt", "i.A. [Person 1]"),
        ("i. V. Tjaden", "i. V. [Person 1]"),
    ],
)
def test_a_name_in_an_attendance_line_or_signature_is_a_person(text: str, expected: str) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Anwesend: Polizei, Feuerwehr",
        "Anwesend: ca. 20 Personen aus dem Viertel",
        "Er hat sich entschuldigt: Stau auf der A1.",
        "Abwesend: Urlaub",
        "cc: alle",
        "gez. Vorstand",
    ],
)
def test_who_or_why_without_a_name_in_an_attendance_line_stays(text: str) -> None:
    assert _clear(text) == text


# -- a first name that is also a word, acting ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rosa hat die Liste mitgebracht.", "[Person 1] hat die Liste mitgebracht."),
        ("Rosa kümmert sich um die Kasse.", "[Person 1] kümmert sich um die Kasse."),
        ("Frank kommt später.", "[Person 1] kommt später."),
        ("Malte hat recht.", "[Person 1] hat recht."),
    ],
)
def test_a_first_name_that_is_also_a_word_before_a_persons_verb_is_a_person(
    text: str, expected: str
) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rosa ist meine Lieblingsfarbe.",
        "Rosa steht dir gut.",
        "Rosa Blumen hat sie gekauft.",
        "Reiner Zufall hat geholfen.",
        "Urban Gardening hat Zukunft.",
        "Malte sie ein Bild?",
    ],
)
def test_the_word_that_is_also_a_first_name_stays(text: str) -> None:
    assert _clear(text) == text


# -- a form of address and a surname typed in lower case --------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("frau schmidt hat gesagt, dass es reicht.", "[Person 1] hat gesagt, dass es reicht."),
        ("herr kowalski kommt später", "[Person 1] kommt später"),
        ("danke herrn öztürk für die räume", "danke [Person 1] für die räume"),
    ],
)
def test_a_surname_after_a_lower_case_form_of_address_is_a_person(text: str, expected: str) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "die frau weiß das",
        "herr ober, zahlen bitte",
        "die frau sagt nichts",
        "frau koch hat gekocht",
        "frau lange wartet",
        "die frau braun ist nett",
    ],
)
def test_a_word_after_a_lower_case_frau_or_herr_stays(text: str) -> None:
    assert _clear(text) == text


# -- roles of childcare, council and police ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tagesmutter Becker hat noch Plätze.", "Tagesmutter [Person 1] hat noch Plätze."),
        ("Stadtverordneter Tjaden lädt ein.", "Stadtverordneter [Person 1] lädt ein."),
        ("Kontaktbeamtin Tjaden kommt regelmäßig.", "Kontaktbeamtin [Person 1] kommt regelmäßig."),
        ("Polizeihauptkommissar Becker kommt.", "Polizeihauptkommissar [Person 1] kommt."),
        ("Jugendpfleger Tjaden kommt regelmäßig.", "Jugendpfleger [Person 1] kommt regelmäßig."),
    ],
)
def test_a_name_after_a_local_role_is_a_person(text: str, expected: str) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Die Tagesmutter Betreuung fehlt.", "Tagesmutter gesucht", "Mehr Tagesmütter Plätze"],
)
def test_a_role_before_a_noun_stays(text: str) -> None:
    assert _clear(text) == text


# -- a surname with its organisation in commas ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kowalski, Caritas, berichtet von Wartezeiten.",
            "[Person 1], Caritas, berichtet von Wartezeiten.",
        ),
        ("Schmitz, AWO, sagt, das läuft aus.", "[Person 1], AWO, sagt, das läuft aus."),
    ],
)
def test_a_surname_before_its_organisation_in_commas_that_speaks_is_a_person(
    text: str, expected: str
) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Caritas, AWO, berichten von Wartezeiten.",
        "Mehr Bänke, mehr Licht, sagt die Nachbarschaft.",
        "Nutznießer (Bauern, Bürgermeister, Gemeinderäte) zahlen.",
        "Sprungbrett, Träger der Jugendhilfe, berichtet von Wartezeiten.",
    ],
)
def test_a_list_in_commas_stays(text: str) -> None:
    assert _clear(text) == text


# -- two surnames joined by a slash -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kontakt: Jansen/Schmitz", "Kontakt: [Person 1]/[Person 2]"),
        ("Ansprechpartner: Frau Becker / Schulz", "Ansprechpartner: [Person 1] / [Person 2]"),
    ],
)
def test_a_surname_after_a_slash_after_a_person_is_a_person(text: str, expected: str) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frau Becker/Caritas", "[Person 1]/Caritas"),
        ("Frau Yilmaz/AWO", "[Person 1]/AWO"),
        ("Herr Becker/Bahn fahren", "[Person 1]/Bahn fahren"),
    ],
)
def test_an_organisation_after_a_slash_after_a_person_stays(text: str, expected: str) -> None:
    assert _clear(text) == expected
