"""Personal data with a fixed shape (workbench.ingest.pii_patterns): what must go, and the
dates, numbers and places planners need that must stay."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.ingest.plate_districts import DISTRICT_CODES
from workbench.ingest.pseudonymise import Pseudonymiser


def _clear(text: str, prose: bool = True) -> str:
    return Pseudonymiser().pseudonymise(text, [], prose)[0]


# -- dates in other spellings are never phones ---------------------------------------------
MONTHS_AND_DATES = [
    "Fri Mar 04 2022 08:46:40 GMT+0100 (Mitteleuropäische Normalzeit)",
    "Fri Mar 04 2022",
    "Stand 04.2022 laut Statistik",
    "seit 09 2019 geschlossen",
    "Ausgabe 02 2021 des Stadtteilblatts",
    "KW 09 2022",
    "Bericht 01.2021 - 12.2021",
    "Bericht 01 2021 – 12 2021",
    "ATLAS.ti standard project 04-03-2019 Media",
]


@pytest.mark.parametrize("text", MONTHS_AND_DATES)
@pytest.mark.parametrize("prose", [True, False])
def test_a_month_with_its_year_or_a_dashed_date_stays(text: str, prose: bool) -> None:
    assert _clear(text, prose) == text


OPENING_HOURS = [
    "Öffnungszeiten: Mo 08.00 - 12.00 Uhr",
    "Sprechstunde 09.30-11.30 Uhr und 14.00-16.00",
    "Betreuung 07.30 – 16.30",
    "Öffnungszeiten 08.00-12.00/14.00-18.00",
]


@pytest.mark.parametrize("text", OPENING_HOURS)
def test_opening_hours_with_dotted_times_stay(text: str) -> None:
    assert _clear(text) == text


def test_a_phone_next_to_opening_hours_is_still_a_phone() -> None:
    cleared = _clear("Handy 0171 1234567 ab 08.00 - 12.00 Uhr, Tel. 0214.30650")
    assert cleared == "Handy [Telefon] ab 08.00 - 12.00 Uhr, Tel. [Telefon]"


@pytest.mark.parametrize(
    "before",
    ["seit 04.2022", "am 02.03.2021", "am 04-03-2019", "Mo 08.00-12.00", "Vorlage 0456/2021"],
)
def test_a_phone_right_after_a_date_is_still_a_phone(before: str) -> None:
    assert _clear(f"{before} 0214 406 88 angerufen") == f"{before} [Telefon] angerufen"


def test_a_phone_with_a_month_and_year_inside_is_still_a_phone() -> None:
    assert _clear("Handy 0171 04 2022 12") == "Handy [Telefon]"
    assert _clear("Tel. 0214 406 12 2019, abends") == "Tel. [Telefon], abends"


@pytest.mark.parametrize(
    "phone", ["0214 / 12.2019", "0214 406 12.2019", "0171 / 1.2034", "0214 40-68-2019"]
)
@pytest.mark.parametrize("cue", ["", "Tel. "])
def test_a_phone_ending_like_a_month_or_date_is_replaced_whole(phone: str, cue: str) -> None:
    assert _clear(f"Ruf an: {cue}{phone}, abends") == f"Ruf an: {cue}[Telefon], abends"


# -- a class of road with a number is a speed limit or a road number, not an address -------
ROADS = [
    "Tempo im Ortsgebiet 30, Landstraße 80, Autobahn 100 km/h.",
    "Geschwindigkeitssenkungen (Stadt 30/40 - Landstr. 90 - Autobahn 120)",
    "Die Bundesstraße 8 ist nachts laut.",
    "Lärm an der Kreisstraße 12, nachts",
]


@pytest.mark.parametrize("text", ROADS)
def test_a_road_class_with_a_number_stays(text: str) -> None:
    assert _clear(text) == text


def test_a_street_named_like_a_road_class_is_still_an_address() -> None:
    assert _clear("Wir wohnen Alte Landstraße 3.") == "Wir wohnen [Adresse]."
    assert _clear("Landstraße 12, 51379 Leverkusen") == "[Adresse]"
    assert _clear("Bergische Landstraße 12, abends") == "[Adresse], abends"


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Ich wohne Landstraße 12.", "Ich wohne [Adresse]."),
        ("Meine Adresse: Bundesstraße 8, Leverkusen.", "Meine Adresse: [Adresse], Leverkusen."),
        (
            "Herr Müller wohnt Landstraße 120 in Schlebusch.",
            "[Person 1] wohnt [Adresse] in Schlebusch.",
        ),
        ("Treffen bei mir, Kreisstraße 12a.", "Treffen bei mir, [Adresse]."),
    ],
)
def test_a_road_class_where_someone_lives_is_an_address(text: str, cleared: str) -> None:
    assert _clear(text) == cleared


@pytest.mark.parametrize(
    "text",
    [
        "Wir wohnen direkt an der Bundesstraße 51 und es ist laut.",
        "Wir wohnen am Ortsrand, die Landstraße 80 ist zu schnell.",
    ],
)
def test_a_road_beside_ones_home_stays(text: str) -> None:
    assert _clear(text) == text


# -- the number of a council paper or plan is public ---------------------------------------
PAPERS = [
    "Siehe Vorlage 0456/2021 im Rat",
    "Vorlagen-Nr. 0456/2021",
    "Die Beschlussvorlage Nr. 0456/21 sagt",
    "Drucksache 0123/2021 liegt vor",
    "Bebauungsplan Nr. 0815/12 gilt",
]


@pytest.mark.parametrize("text", PAPERS)
def test_the_number_of_a_council_paper_stays(text: str) -> None:
    assert _clear(text) == text


def test_a_phone_next_to_a_council_paper_is_still_replaced() -> None:
    assert _clear("Vorlage 0456/2021, Tel. 0214 406-0") == "Vorlage 0456/2021, Tel. [Telefon]"
    assert _clear("Vorlage bitte an 0171 1234567 schicken") == "Vorlage bitte an [Telefon] schicken"
    assert _clear("Vorlage: 0214 406 1234") == "Vorlage: [Telefon]"


# -- a private car's licence plate points to its keeper ------------------------------------
PLATES = [
    ("Der Wagen LEV-AB 123 parkt jeden Tag auf dem Gehweg.", "Der Wagen [Kennzeichen] parkt"),
    ("K-XY 1234E steht vor der Einfahrt", "[Kennzeichen] steht"),
    ("Das Auto mit dem Kennzeichen LEV AB 123 parkt da", "Kennzeichen [Kennzeichen] parkt"),
    ("Kennzeichen: GL-A12.", "Kennzeichen: [Kennzeichen]."),
    ("Das Nummernschild ist K XY 1234.", "Nummernschild ist [Kennzeichen]."),
    ("Vor der Kita parkt CE-AB 12 jeden Morgen", "parkt [Kennzeichen] jeden"),  # Celle
    ("Der Transporter SU-XY 77 blockiert die Ausfahrt", "Transporter [Kennzeichen] blockiert"),
    # districts whose codes are also abbreviations: Ennepe-Ruhr, Groß-Gerau, Coburg, Dinslaken
    ("Der Wagen EN-AB 123 parkt da", "Der Wagen [Kennzeichen] parkt"),
    ("GG-XY 12 steht vor der Schule", "[Kennzeichen] steht"),
    ("Ein Kombi CO-AB 77 parkt quer", "Kombi [Kennzeichen] parkt"),
    ("Der Wagen DIN-AB 12 parkt da", "Der Wagen [Kennzeichen] parkt"),
]


@pytest.mark.parametrize(("text", "part"), PLATES)
def test_a_licence_plate_is_replaced(text: str, part: str) -> None:
    assert part in _clear(text)


NOT_PLATES = [
    "Papier DIN-A 4 reicht",
    "Flyer in DIN-A 5 und Plakate",
    "Die Linie SB-A 23 fährt zu selten",
    "Karte MF-K25 und (GS-K10) sagen dasselbe",
    "Lizenz CC BY-SA 4.0",
    "Im Bauabschnitt BA-C 3 und Haus A-B 12",
    "Die S-Bahn S 6, die A 3 und die B 8",
    "Bezahlt wird nach TV-L 13, nicht nach TV-H 9",
    # a party's, a school's, a charity's working group: no district is called so
    "Die SPD-AG 60 plus tagt im Bürgerhaus",
    "Die OGS-AG 3 bastelt Vogelhäuser",
    "Die DRK-KV 12 Gruppe trifft sich donnerstags",
    "Die AWO-OV 12 trifft sich montags",
    "Das Kennzeichen SPD AG 60 steht auf dem Flyer",
]


@pytest.mark.parametrize("text", NOT_PLATES)
def test_what_only_looks_like_a_plate_stays(text: str) -> None:
    assert _clear(text) == text


# every district code of North Rhine-Westphalia starts a plate (the project's home)
NRW_CODES = (
    "LEV K GL SU BN D ME NE W SG RS E DU BO DO MH OB HA MK EN BM AC DN HS VIE KR MG GM OE SI "
    "HSK SO UN HAM HER GE BOT RE COE BOR ST WAF GT BI HF LIP MI PB HX KLE WES EU MS"
).split()


def test_the_district_codes_hold_every_code_of_nrw_and_no_club() -> None:
    assert [code for code in NRW_CODES if code not in DISTRICT_CODES] == []
    assert not {"SPD", "OGS", "DRK", "AWO", "TV", "SGB"} & DISTRICT_CODES
    assert 650 <= len(DISTRICT_CODES) <= 800


@pytest.mark.parametrize("code", ["LEV", "GL", "BM", "VIE", "MG", "DN"])
def test_a_plate_of_a_district_near_leverkusen_is_replaced(code: str) -> None:
    assert _clear(f"Der Wagen {code}-AB 123 parkt da") == "Der Wagen [Kennzeichen] parkt da"


# -- technical ids are no phones -----------------------------------------------------------
def test_a_uuid_and_a_colour_in_an_imported_column_stay(project: Project, tmp_path: Path) -> None:
    """Before: KoBoToolbox's "_uuid" became "[Telefon]-09e6-…", a colour "#[Telefon]"."""
    uuid = "02255470-09e6-400b-9e20-97d71fbec65d"
    path = tmp_path / "kobo.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(
            [["Was fehlt?", "_uuid", "Farbe"], ["Mehr Bänke am Markt", uuid, "#000000"]]
        )
    args = ["--project", str(project.path), "import", str(path), "--text-column", "Was fehlt?"]
    assert main(args) == 0
    attributes = project.segments()["attributes"].iloc[0]
    assert attributes["_uuid"] == uuid
    assert attributes["Farbe"] == "#000000"


@pytest.mark.parametrize("prose", [True, False])
def test_a_guid_stays_and_a_phone_after_a_hash_goes(prose: bool) -> None:
    guid = "02255470-09E6-400B-9E20-97D71FBEC65D"
    assert _clear(guid, prose) == guid
    assert _clear("Ruf an #0171 1234567", prose) == "Ruf an #[Telefon]"


# -- a person's number after its name ------------------------------------------------------
PERSON_NUMBERS = [
    ("Meine Mitgliedsnummer ist 12345678.", "Meine Mitgliedsnummer ist [Kennnummer]."),
    ("Kundennummer: 987654 bei der WBL", "Kundennummer: [Kennnummer] bei der WBL"),
    ("Mieter-Nr.: 12345-678, Wohnung im 3. OG", "Mieter-Nr.: [Kennnummer], Wohnung im 3. OG"),
    ("BG-Nummer 12345BG0012345", "BG-Nummer [Kennnummer]"),
    ("Steuer-ID 12 345 678 901", "Steuer-ID [Kennnummer]"),
    ("Sozialversicherungsnummer 12 010180 M 123", "Sozialversicherungsnummer [Kennnummer]"),
    ("Ausweisnummer L01X00T47", "Ausweisnummer [Kennnummer]"),
    ("Personal-Nr. 4711 bitte", "Personal-Nr. [Kennnummer] bitte"),
]


@pytest.mark.parametrize(("text", "cleared"), PERSON_NUMBERS)
def test_a_persons_number_after_its_name_is_replaced(text: str, cleared: str) -> None:
    assert _clear(text) == cleared


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        (
            "Kundennummer 12345 IBAN DE89 3704 0044 0532 0130 00",
            "Kundennummer [Kennnummer] IBAN [Bankverbindung]",
        ),
        (
            "Kundennummer 12345 DE89 3704 0044 0532 0130 00",
            "Kundennummer [Kennnummer] [Bankverbindung]",
        ),
        (
            "Meine Kundennummer 12345 E-Mail anna@web.de",
            "Meine Kundennummer [Kennnummer] E-Mail [E-Mail]",
        ),
        (
            "Versicherungsnummer 12 010180 M 123 0171 1234 5678",
            "Versicherungsnummer [Kennnummer] [Telefon]",
        ),
    ],
)
def test_a_persons_number_leaves_no_part_of_what_follows_in_clear(text: str, cleared: str) -> None:
    assert _clear(text) == cleared


@pytest.mark.parametrize(
    "text",
    [
        "Die Kundennummer steht auf der Rechnung, 2021 verschickt",
        "Kundennummer und 12 Kinder",
        "Hausnummer 12 fehlt am Haus",
    ],
)
def test_the_word_without_a_number_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Seit Mitgliedsnummer 500 sind wir gewachsen",
        "seit Mitgliedsnummer 1000 kommen auch Familien",
        "Ab Kundennummer 1000 gibt es Rabatt",
        "bis Mitgliedsnummer 250 waren alle aus Wiesdorf",
    ],
)
def test_a_count_reached_after_seit_ab_bis_stays(text: str) -> None:
    assert _clear(text) == text


def test_a_persons_number_after_a_threshold_word_elsewhere_is_still_replaced() -> None:
    cleared = _clear("Seit gestern ist meine Mitgliedsnummer 12345 gesperrt")
    assert cleared == "Seit gestern ist meine Mitgliedsnummer [Kennnummer] gesperrt"


# -- e-mail addresses typed against spam bots ----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Schreibt mir: anna.schmidt at web.de",
        "Schreibt mir: anna.schmidt (at) web (punkt) de",
        "Schreibt mir: a.schmidt [at] leverkusen [punkt] de",
    ],
)
def test_an_obfuscated_e_mail_is_replaced(text: str) -> None:
    assert _clear(text) == "Schreibt mir: [E-Mail]"


@pytest.mark.parametrize(
    "text", ["Look at github.com for it", "Look at notes.ethereum.org at the bottom"]
)
def test_at_before_a_web_address_is_no_e_mail(text: str) -> None:
    assert _clear(text) == text


# -- an invitation to a private group ------------------------------------------------------
@pytest.mark.parametrize(
    "link",
    [
        "https://chat.whatsapp.com/AbC123xyz",
        "https://signal.group/#CjQKIAbc",
        "https://discord.gg/AbCd12",
        "discord.com/invite/AbCd12",
    ],
)
def test_an_invitation_link_to_a_private_group_is_replaced(link: str) -> None:
    assert _clear(f"Unsere Gruppe: {link} (bitte nicht teilen)") == (
        "Unsere Gruppe: [Profil-Link] (bitte nicht teilen)"
    )


# -- a street abbreviated without its dot --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Ich wohne Goethestr 5.", "Ich wohne [Adresse]."),
        ("Bahnhofstr 12a, 51379 Leverkusen", "[Adresse]"),
        ("Ich wohne Wiesdorfer Str 5, 2. OG", "Ich wohne [Adresse], 2. OG"),
        ("Die Hauptstr 5 Jahre lang gesperrt", "Die Hauptstr 5 Jahre lang gesperrt"),
    ],
)
def test_a_street_abbreviated_without_a_dot_is_an_address(text: str, cleared: str) -> None:
    assert _clear(text) == cleared


# -- an IBAN in groups joined by dashes or dots --------------------------------------------
@pytest.mark.parametrize(
    "iban",
    ["DE89-3704-0044-0532-0130-00", "DE89.3704.0044.0532.0130.00", "AT61-1904-3002-3457-3201"],
)
def test_an_iban_with_dashes_or_dots_is_replaced(iban: str) -> None:
    assert _clear(f"Überweisung auf {iban} bitte") == "Überweisung auf [Bankverbindung] bitte"
    assert _clear(f"IBAN: {iban}") == "IBAN: [Bankverbindung]"


# -- a number with leading zeros on a form is no phone --------------------------------------
def test_questionnaire_numbers_with_leading_zeros_stay(project: Project, tmp_path: Path) -> None:
    """Before: every "Bogen-Nr" 000123, 000124 became "[Telefon]": the paper forms were lost."""
    path = tmp_path / "bogen.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(
            [["Bogen-Nr", "Was fehlt?"], ["000123", "Mehr Bänke"], ["000124", "Ein Jugendtreff"]]
        )
    args = ["--project", str(project.path), "import", str(path), "--text-column", "Was fehlt?"]
    assert main(args) == 0
    numbers = [a["Bogen-Nr"] for a in project.segments()["attributes"]]
    assert sorted(numbers) == ["000123", "000124"]


@pytest.mark.parametrize("text", ["Fragebogen 0001234", "ID 00042017", "Teilnehmer 001234"])
def test_a_zero_padded_number_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    "phone", ["0049 214 4061234", "00 49 171 1234567", "0043 1 234 5678", "+43 1 234 5678"]
)
def test_an_international_number_is_still_a_phone(phone: str) -> None:
    assert _clear(f"Ruf an: {phone}") == "Ruf an: [Telefon]"


@pytest.mark.parametrize("phone", ["00-49-214-40688", "00-43-1-4000-0", "00-49-(0)214-40688"])
def test_an_international_number_with_dashes_after_00_is_a_phone(phone: str) -> None:
    assert _clear(f"Ruf an: {phone}, abends") == "Ruf an: [Telefon], abends"
    assert _clear("Kennung 00-12-34 im Bogen") == "Kennung 00-12-34 im Bogen"


@pytest.mark.parametrize("phone", ["0043 1 4000", "0043 1 40 00", "0043-1-4000"])
def test_a_short_international_number_in_groups_is_still_a_phone(phone: str) -> None:
    assert _clear(f"Ruf an: {phone}, abends") == "Ruf an: [Telefon], abends"


@pytest.mark.parametrize(
    "phone", ["0 21 71 / 4 99 88", "0 21 71 - 4 99 88", "0 22 1 / 12 34 56", "(+49) 214 40688"]
)
@pytest.mark.parametrize("cue", ["", "Handy "])
def test_an_area_code_in_pairs_or_a_country_code_in_brackets_is_a_phone(
    phone: str, cue: str
) -> None:
    assert _clear(f"Ruf an: {cue}{phone}, abends") == f"Ruf an: {cue}[Telefon], abends"


@pytest.mark.parametrize("text", ["Skala 0 10 20 30 40 50", "Bewertung 0 1 2 / 3 4 5 Punkte"])
def test_a_scale_from_zero_is_no_phone(text: str) -> None:
    assert _clear(text) == text


# -- a year after a word that cues a phone ---------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Das Handy 2019 gekauft, jetzt kaputt",
        "WhatsApp 2020 gegründet",
        "Die Strategie Mobil 2030 fehlt",
        "Die Ausgabe Nummer 2021 erschien",
        "Vorlage Nummer 2021/0456 im Rat",
    ],
)
def test_a_year_after_a_phone_word_stays(text: str) -> None:
    assert _clear(text) == text


def test_a_number_like_a_year_after_a_colon_or_as_an_extension_is_a_phone() -> None:
    assert _clear("Tel.: 2019") == "Tel.: [Telefon]"
    assert _clear("Frau Becker, DW 2019") == "[Person 1], DW [Telefon]"


@pytest.mark.parametrize(
    "cue", ["Tel.", "Tel", "Tel.-Nr.", "Telefonnummer", "Rufnummer", "Fax", "erreichbar unter"]
)
def test_a_number_like_a_year_after_a_contact_word_is_a_phone(cue: str) -> None:
    text = f"Ansprechpartnerin im Rathaus, {cue} 2019, montags"
    assert _clear(text) == f"Ansprechpartnerin im Rathaus, {cue} [Telefon], montags"


# -- a Discord name with its tag ---------------------------------------------------------------
@pytest.mark.parametrize("name", ["jens_b#1234", "jens#1234", "Jens#1234"])
def test_a_discord_name_with_its_tag_is_replaced_whole(name: str) -> None:
    assert _clear(f"Discord: {name}, komm vorbei") == "Discord: [Profil], komm vorbei"


# -- a house number with staircase and door ----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Siehe Jedlersdorferstraße 99/16/70", "Siehe [Adresse]"),
        ("Ich wohne Hauptstraße 12/3/5.", "Ich wohne [Adresse]."),
    ],
)
def test_a_house_number_with_staircase_and_door_is_replaced_whole(text: str, cleared: str) -> None:
    assert _clear(text) == cleared


# -- a list item's number on the next line is no house number -------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "1. Ampel an der Schule\n2. Busse am Abend",
        "Wünsche:\n- Sitzbank am Spielplatz\n2. Mehr Licht",
        "1) Treffen am Markt\n2) Busse fahren öfter",
        "1. Weg zum Bahnhof\n2. Licht im Park",
        "1. Ampel Hauptstraße\n2. Licht",
    ],
)
def test_next_list_number_is_no_house_number(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Adresse:\nMusterstraße\n12", "Adresse:\n[Adresse]"),
        ("Anschrift: Hauptstraße\n12\n51379 Leverkusen", "Anschrift: [Adresse]"),
        (
            "Ich wohne in der Hauptstraße\n12. Das ist schön.",
            "Ich wohne in der [Adresse]. Das ist schön.",
        ),
        ("1. Kontakt: Hauptstraße 5\n2. Licht", "1. Kontakt: [Adresse]\n2. Licht"),
    ],
)
def test_house_number_on_the_next_line_still_goes(text: str, cleared: str) -> None:
    assert _clear(text) == cleared
