"""Personal data in the spellings participants type (workbench.ingest.pii_patterns): account
numbers, phones, e-mails and homepages written out, plates without a blank — and the
timetables, working groups and abbreviations that only look like them."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _clear(text: str) -> str:
    return Pseudonymiser().pseudonymise(text, [], True)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Kontonummer: 0123456789 bei der Sparkasse",
        "Meine Kontonummer ist 1234567890.",
        "Kto 1234567890 bei der Sparkasse",
        "Kto.-Nr. 1234567890 bei der Sparkasse",
        "Kontonr. 1234567890 bei der Sparkasse",
        "Konto 12 345 678 90 bei der Sparkasse",
    ],
)
def test_an_account_number_is_a_bank_account(text: str) -> None:
    cleared = _clear(text)
    assert "[Bankverbindung]" in cleared and "[Telefon]" not in cleared
    assert not any(ch.isdigit() for ch in cleared)


@pytest.mark.parametrize("text", ["Das Konto ist seit 2019 im Minus.", "Konto 2021 eröffnet"])
def test_a_year_after_konto_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    "phone", ["Tel. (0 214) 406 88", "(02 14) 406 88", "+49 221 12.34.56", "0221 12.34.56"]
)
def test_a_phone_with_a_spaced_area_code_or_dotted_pairs_is_replaced_whole(phone: str) -> None:
    cleared = _clear(f"Bitte unter {phone} melden.")
    assert "[Telefon]" in cleared and "[Geburtsdatum]" not in cleared
    assert not any(ch.isdigit() for ch in cleared)


@pytest.mark.parametrize("text", ["Am 12.03.21 ist Sitzung.", "Skala (0 10 20 30)"])
def test_a_real_date_or_a_scale_stays_beside_the_stricter_dates(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    "mail",
    [
        "anna at web punkt de",
        "anna punkt schmidt at web punkt de",
        "anna.schmidt ät gmx punkt net",
        "anna @ stadt punkt leverkusen punkt de",
    ],
)
def test_an_e_mail_spelled_out_is_replaced(mail: str) -> None:
    assert _clear(f"Schreib an {mail} bitte.") == "Schreib an [E-Mail] bitte."


@pytest.mark.parametrize(
    "text",
    [
        "Ich bin z.b at home.de oft.",
        "Wir sind u.a @ work.de aktiv.",
        "Treffpunkt ist at home punkt de",
    ],
)
def test_an_abbreviation_or_a_sentence_before_at_is_no_e_mail(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize("plate", ["LEV-AB123", "K-XY1234E"])
def test_a_plate_written_without_its_blank_is_replaced(plate: str) -> None:
    assert _clear(f"Der Wagen {plate} parkt da.") == "Der Wagen [Kennzeichen] parkt da."


@pytest.mark.parametrize(
    "text", ["Die KI-AG 2 trifft sich montags.", "Die K-KV 12 tagt.", "Karte (GS-K10) und DIN-A4"]
)
def test_a_working_group_or_a_card_stays(text: str) -> None:
    assert _clear(text) == text


def test_a_plate_with_group_letters_after_its_cue_is_replaced() -> None:
    assert _clear("Das Kennzeichen KI-AG 2 parkt da.") == "Das Kennzeichen [Kennzeichen] parkt da."


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Das Auto LEV-KV 12 stand wieder da.", "Das Auto [Kennzeichen] stand wieder da."),
        ("Ein PKW mit GL-AG 7 blockiert alles.", "Ein PKW mit [Kennzeichen] blockiert alles."),
        ("Das Auto ist kaputt. Die KI-AG 2 trifft sich.", None),
    ],
)
def test_a_plate_with_group_letters_after_a_vehicle_is_replaced(
    text: str, cleared: str | None
) -> None:
    assert _clear(text) == (cleared or text)


@pytest.mark.parametrize(
    "text",
    [
        "Fahrplan 05 12 25 35 ist zu dünn.",
        "Der Bus fährt um 05 20 35 50, das reicht nicht.",
        "Abfahrten: 08 23 38 53",
    ],
)
def test_the_minutes_of_a_timetable_stay(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Ruf an: 05 12 25 35",
        "Der Bus, Tel. 02 14 30 45 ruft zurück",
        "Bus-Hotline: 02 14 30 45",
        "Bus fährt, Kontakt 02 14 30 45",
    ],
)
def test_a_phone_in_pairs_without_a_timetable_word_is_still_replaced(text: str) -> None:
    assert "[Telefon]" in _clear(text)


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Nach dem Bus bitte 02 14 30 45 anrufen.", "Nach dem Bus bitte [Telefon] anrufen."),
        ("Takt ist mies, Anna hat 02 14 30 45", "Takt ist mies, [Person 1] hat [Telefon]"),
        ("Zug fällt aus, bitte 01 23 45 56 wählen.", "Zug fällt aus, bitte [Telefon] wählen."),
        ("Die Linie 5 fährt ab 05 20 35 50", "Die Linie 5 fährt ab 05 20 35 50"),
    ],
)
def test_a_phone_in_pairs_a_few_words_after_a_bus_word_is_replaced(text: str, cleared: str) -> None:
    assert _clear(text) == cleared


def test_a_year_after_a_persons_number_word_in_a_sentence_stays() -> None:
    assert _clear("Die Mitgliedsnummer 2021 ist neu.") == "Die Mitgliedsnummer 2021 ist neu."


@pytest.mark.parametrize("text", ["Mitgliedsnummer: 2021", "Meine Mitgliedsnummer ist 2021."])
def test_a_number_like_a_year_after_a_colon_or_ist_is_a_persons_number(text: str) -> None:
    assert "2021" not in _clear(text) and "[Kennnummer]" in _clear(text)


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Mehr auf www.anna-mueller.de zu lesen.", "Mehr auf [Profil-Link] zu lesen."),
        ("Siehe www.annamueller.de/kontakt dazu.", "Siehe [Profil-Link] dazu."),
        ("Das steht auf meine Seite: annamueller.de und so.", "meine Seite: [Profil-Link] und"),
        ("Mein Blog ist jens-becker.net.", "Mein Blog ist [Profil-Link]."),
    ],
)
def test_a_personal_homepage_is_replaced(text: str, cleared: str) -> None:
    assert cleared in _clear(text)


@pytest.mark.parametrize(
    "text",
    [
        "Infos unter www.caritas-leverkusen.de und www.leverkusen.de",
        "Die Kita www.kita-sonnenschein.de hat Plätze.",
        "Unsere Seite: buergerverein-manfort.de",
    ],
)
def test_the_web_address_of_an_institution_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize("code", ["EUT", "BIN"])  # Eutin (Ostholstein), Bingen (Mainz-Bingen)
def test_a_plate_of_a_reactivated_old_code_is_replaced(code: str) -> None:
    assert _clear(f"Der Wagen {code}-AB 123 parkt da") == "Der Wagen [Kennzeichen] parkt da"


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Ich wohne in der Kölner Str. Hausnr. 12 im zweiten Stock.", "der [Adresse] im"),
        ("Wohne Hauptstraße, Hausnummer 12a, bei Familie X.", "Wohne [Adresse], bei"),
        ("Am Stadtpark Hausnr. 3 ist es laut.", "[Adresse] ist es laut."),
    ],
)
def test_an_address_with_hausnr_is_replaced_whole(text: str, cleared: str) -> None:
    assert cleared in _clear(text)


@pytest.mark.parametrize(
    "text", ["Die Hausnummer 12 fehlt am Schild.", "Im Haus Nr. 12 wohnen viele Kinder."]
)
def test_a_house_number_without_a_street_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Jahrgang 61, wohnt allein", "Jahrgang [Geburtsdatum], wohnt allein"),
        ("Ich bin Jg. '58 und allein.", "Ich bin Jg. [Geburtsdatum] und allein."),
        ("Jg. 1958, allein", "Jg. [Geburtsdatum], allein"),
    ],
)
def test_a_year_of_birth_after_jahrgang_or_jg_is_replaced(text: str, cleared: str) -> None:
    assert _clear(text) == cleared


@pytest.mark.parametrize(
    "text", ["Die Schüler aus Jahrgang 10 kommen.", "Jahrgang 5 bis 7", "Jahrgang 30 Schüler"]
)
def test_a_school_grade_after_jahrgang_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Kundennr. 987654",
        "Kd.-Nr. 987654",
        "Mieternr. 12345",
        "Mitgl.-Nr. 4711",
        "Krankenkassen-Nr. A123456789",
        "Aktenzeichen 123/45",
        "Az. 4 C 123/21",
    ],
)
def test_an_abbreviated_persons_number_or_a_case_number_is_replaced(text: str) -> None:
    cleared = _clear(f"{text} beim Amt")
    assert "[Kennnummer] beim Amt" in cleared and not any(ch.isdigit() for ch in cleared)


@pytest.mark.parametrize("text", ["Fallnummer 3 von 12", "Az. des Verfahrens fehlt"])
def test_a_case_word_without_a_number_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Post bitte an c/o Schmidt, Hauptstraße 5", "Post bitte an c/o [Person 1], [Adresse]"),
        ("Post bitte an c/o Tjaden", "Post bitte an c/o [Person 1]"),
    ],
)
def test_the_person_after_c_o_is_replaced(text: str, cleared: str) -> None:
    assert _clear(text) == cleared


def test_an_organisation_after_c_o_stays() -> None:
    assert _clear("Post bitte c/o Caritas Opladen") == "Post bitte c/o Caritas Opladen"


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("findet mich auf insta unter anna.m", "findet mich auf insta unter [Profil]"),
        ("Instagram anna_mueller", "Instagram [Profil]"),
        ("telegram anna_m99", "telegram [Profil]"),
    ],
)
def test_a_handle_after_a_network_typed_lower_or_without_a_cue_is_replaced(
    text: str, cleared: str
) -> None:
    assert _clear(text) == cleared


@pytest.mark.parametrize(
    "text",
    [
        "Über Instagram.com sehen",
        "Wir sind auf Insta v2.0",
        "Facebook 2019 gab es noch",
        "Wir sind auf facebook aktiv",
    ],
)
def test_words_after_a_network_stay(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Geburtstag: 3.4.", "Geburtstag: [Geburtsdatum]"),
        ("Mein Geburtstag ist am 03.04. und wir feiern.", "am [Geburtsdatum] und wir"),
        ("geb. 3.4. in Köln", "geb. [Geburtsdatum] in Köln"),
    ],
)
def test_a_birthday_without_its_year_is_replaced(text: str, cleared: str) -> None:
    assert cleared in _clear(text)


def test_a_day_and_month_without_a_birth_word_stay() -> None:
    text = "Geburtstagsfeier am 3.4. im Bürgerhaus"
    assert _clear(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Den Geburtstag am 3.4. feiern wir im Park.",
        "Der Geburtstag des Vereins am 3.4. wird groß.",
    ],
)
def test_the_date_of_a_birthday_party_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Mein Geburtstag am 3.4. ist ein Montag.", "am [Geburtsdatum] ist"),
        ("Geburtstag 3.4., Wohnort Opladen", "Geburtstag [Geburtsdatum],"),
    ],
)
def test_ones_own_birthday_without_its_year_is_replaced(text: str, cleared: str) -> None:
    assert cleared in _clear(text)


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Ich wohne Am alten Markt 3.", "Ich wohne [Adresse]."),
        ("Auf der grünen Wiese 5, 51373 Leverkusen", "[Adresse]"),
    ],
)
def test_a_street_with_a_lower_case_adjective_is_an_address(text: str, cleared: str) -> None:
    assert _clear(text) == cleared


@pytest.mark.parametrize(
    "text", ["Am alten Markt 3 Stände mehr", "Im neuen Jahr 2021 wird es besser."]
)
def test_a_count_or_a_year_after_a_lower_case_adjective_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Ruft mich an: 406 88 12", "Ruft mich an: [Telefon]"),
        ("ruf uns an unter 30 65 120", "ruf uns an unter [Telefon]"),
        ("Handynr. 30650", "Handynr. [Telefon]"),
        ("Telnr. 40688", "Telnr. [Telefon]"),
    ],
)
def test_a_local_number_after_ruf_mich_an_or_an_abbreviation_is_a_phone(
    text: str, cleared: str
) -> None:
    assert _clear(text) == cleared


def test_a_year_after_ruft_mich_an_and_a_comma_stays() -> None:
    assert _clear("Ruft mich an, 2019 war es schlimm") == "Ruft mich an, 2019 war es schlimm"


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Frau X, geb. 01.13.1961, wohnt hier.", "Frau X, geb. [Geburtsdatum], wohnt hier."),
        ("Geburtsdatum: 12.34.56", "Geburtsdatum: [Geburtsdatum]"),
        ("Anmeldung * 01.13.1961", "Anmeldung * [Geburtsdatum]"),
        ("Skala 12.34.56", "Skala 12.34.56"),
    ],
)
def test_a_date_of_birth_in_american_order_or_mistyped_is_replaced(text: str, cleared: str) -> None:
    assert _clear(text) == cleared


@pytest.mark.parametrize(
    "text", ["Post an c/o Firma Müller GmbH", "Post an c/o Fa. Müller GmbH", "c/o Firma Bauer"]
)
def test_a_firm_after_c_o_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Meine Seite: www.leverkusen.de hat Infos.", None),
        ("Meine Seite ist www.stadt-leverkusen.de", None),
        ("Meine Homepage: www.jens-schlebusch.de", "Meine Homepage: [Profil-Link]"),
    ],
)
def test_the_towns_site_after_meine_seite_stays(text: str, cleared: str | None) -> None:
    assert _clear(text) == (cleared or text)


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Post an c/o Gemeinschaftspraxis Dr. Weber", "Post an c/o Gemeinschaftspraxis [Person 1]"),
        ("Post an c/o Steuerbüro Meyer", "Post an c/o Steuerbüro Meyer"),
    ],
)
def test_a_compound_firm_word_after_c_o_is_no_person(text: str, cleared: str) -> None:
    assert _clear(text) == cleared


@pytest.mark.parametrize(
    "text",
    ["Der Router FB-AB123 ist kaputt.", "Die Tür A-OG12 klemmt.", "Artikel K-AB12 bestellen."],
)
def test_a_code_without_a_blank_after_a_device_door_or_article_stays(text: str) -> None:
    assert _clear(text) == text


def test_a_plate_after_a_door_word_and_a_vehicle_is_replaced() -> None:
    cleared = _clear("Das Auto vor der Tür LEV-AB123 stand wieder da.")
    assert cleared == "Das Auto vor der Tür [Kennzeichen] stand wieder da."


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Das läuft auf insta unter freunden.", None),
        ("Die Infos stehen auf facebook unter veranstaltungen.", None),
        ("auf tiktok unter jensbecker", "auf tiktok unter [Profil]"),
        ("insta: annam", "insta: [Profil]"),
    ],
)
def test_a_word_after_a_network_typed_in_lower_case_stays(text: str, cleared: str | None) -> None:
    assert _clear(text) == (cleared or text)
