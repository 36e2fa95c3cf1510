"""Personal data typed loosely (workbench.ingest.pii_patterns): e-mails with a stray blank or
wrapped onto the next line, plates of codes the list does not know, IBANs with odd blanks —
and the school cohorts and scales that only look like personal data."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _clear(text: str) -> str:
    return Pseudonymiser().pseudonymise(text, [], True)[0]


@pytest.mark.parametrize(
    "mail",
    [
        "anna.schmidt@gmx .de",
        "anna.schmidt @ gmx .de",
        "anna(at)gmx. de",
        "anna [at] gmx . de",
        "anna.schmidt@\ngmx.de",
        "anna.schmidt@ \ngmx.de",
        "anna.schmidt\n@gmx.de",
        "anna.schmidt@gmx.\nde",
        "kaiwinter @ gmx.de",
        "kaiwinter @ web. de",
    ],
)
def test_an_e_mail_with_a_stray_blank_or_line_break_is_replaced(mail: str) -> None:
    assert _clear(f"Schreib an {mail} bitte.") == "Schreib an [E-Mail] bitte."


@pytest.mark.parametrize(
    "text",
    [
        "Wir sind @ home. De facto gut.",
        "Wir sind @ home . de facto gut.",
        "Ich bin z.b at home. de oft.",
        "Hallo @alle. de facto gut.",
    ],
)
def test_a_sentence_with_at_and_a_loose_dot_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Das Auto LÜD-AB 123 parkt falsch.", "Das Auto [Kennzeichen] parkt falsch."),
        ("Der Wagen mit ISL-AB123 steht da.", "Der Wagen mit [Kennzeichen] steht da."),
        ("Fahrzeug ZEV-X 12 blockiert", "Fahrzeug [Kennzeichen] blockiert"),
        ("Der Wagen mit K-X 12 steht da.", "Der Wagen mit [Kennzeichen] steht da."),
        ("Kennzeichen BÜH-AB 12", "Kennzeichen [Kennzeichen]"),
        ("Nummernschild: NEU-AB 12", "Nummernschild: [Kennzeichen]"),
    ],
)
def test_a_plate_of_an_unlisted_code_after_a_vehicle_or_its_cue_is_replaced(
    text: str, cleared: str
) -> None:
    assert _clear(text) == cleared


@pytest.mark.parametrize(
    "text",
    ["Die SPD-AG 60 trifft sich.", "Mit dem Auto zur SPD-AG 60 plus.", "Die OGS-AG 3 malt."],
)
def test_a_group_with_an_unlisted_code_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    "iban",
    [
        "DE8937 0400 4405 3201 3000",
        "DE89  3704  0044  0532  0130  00",
        "DE89 370 400 440 532 013 000",
        "AT61  19043 00234 573201",
    ],
)
def test_an_iban_in_odd_groups_is_replaced_whole(iban: str) -> None:
    assert _clear(f"Überweisung auf {iban} bitte") == "Überweisung auf [Bankverbindung] bitte"


def test_years_after_de_are_no_iban() -> None:
    text = "Die DE 2021 2022 2023 2024 2025 Zahlen"
    assert _clear(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Jahrgang 2019 der Kita",
        "Der Jahrgang 2019 der Kita war groß.",
        "Jahrgang 61 der Schule trifft sich.",
        "Im Jahrgang 2020 sind 80 Kinder.",
        "Jg. 58 der Realschule trifft sich.",
    ],
)
def test_a_cohort_of_a_school_or_a_kita_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Ich bin Jahrgang 61.", "Ich bin Jahrgang [Geburtsdatum]."),
        ("Ich bin vom Jahrgang 1961.", "Ich bin vom Jahrgang [Geburtsdatum]."),
        ("Mein Sohn, Jahrgang 2015, geht in die Kita.", "Jahrgang [Geburtsdatum], geht"),
    ],
)
def test_ones_own_year_after_jahrgang_is_still_replaced(text: str, cleared: str) -> None:
    assert cleared in _clear(text)


@pytest.mark.parametrize(
    "text",
    [
        "Skala (0 10) 20 30",
        "Skala (0 20) 40 60 80",
        "Bewertung (0 5) 10 15 20",
        "Werte 01 02 03 04 05 06",
        "Werte 010 020 030 040",
    ],
)
def test_a_scale_that_starts_as_no_phone_does_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    "phone", ["(0 30) 12 34 56", "(030) 1234567", "(02 14) 406 88", "01 71 23 45 67 8"]
)
def test_a_phone_with_a_real_area_code_is_still_replaced(phone: str) -> None:
    assert _clear(f"Tel. {phone}") == "Tel. [Telefon]"


@pytest.mark.parametrize("phone", ["(0)171 2345678", "(0) 2171 40688", "(0)30 1234567"])
def test_a_phone_with_the_national_zero_in_brackets_is_replaced(phone: str) -> None:
    assert _clear(f"Ruf an: {phone} abends") == "Ruf an: [Telefon] abends"


@pytest.mark.parametrize("text", ["Werte (0) 12 15 17 20", "Skala (0) 10 20 30"])
def test_values_after_a_zero_in_brackets_stay(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Steuer-Identifikationsnummer 12 345 678 901",
        "IdNr. 12345678901",
        "Steuer-IdNr.: 12 345 678 901",
        "Perso-Nummer T22000129",
        "Ausweis Nr. T22000129",
        "Personalausweis: T22000129",
        "Personalausweis Nr. T22000129",
        "SV-Ausweis 12 150785 M 01 5",
    ],
)
def test_a_tax_id_or_an_id_card_number_after_other_cues_is_replaced(text: str) -> None:
    cleared = _clear(f"{text}, danke")
    assert cleared.endswith("[Kennnummer], danke") and not any(ch.isdigit() for ch in cleared)


@pytest.mark.parametrize(
    "text", ["Den Personalausweis 2019 verlängert.", "Ausweis 12 Monate gültig", "Ausweis Nr. 2021"]
)
def test_a_year_or_a_count_after_ausweis_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Anna, geb.03.04.1961, wohnt hier.", "geb.[Geburtsdatum], wohnt hier."),
        ("Er ist geb.3.4.61 und wohnt hier.", "Er ist geb.[Geburtsdatum] und wohnt hier."),
        ("Jg.1961, allein", "Jg.[Geburtsdatum], allein"),
    ],
)
def test_a_date_of_birth_right_after_geb_without_a_blank_is_replaced(
    text: str, cleared: str
) -> None:
    assert _clear(text).endswith(cleared)


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Adresse: Alte Schule 3", "Adresse: [Adresse]"),
        ("Anschrift: Schloss Morsbroich 1", "Anschrift: [Adresse]"),
        ("Ich wohne Hinterm Hof 3.", "Ich wohne [Adresse]."),
        ("Wohnhaft: Neue Mitte 7, 51379 Leverkusen", "Wohnhaft: [Adresse]"),
    ],
)
def test_a_house_number_after_an_address_cue_is_replaced(text: str, cleared: str) -> None:
    assert _clear(text) == cleared


@pytest.mark.parametrize(
    "text",
    [
        "Ich wohne Bergisch Neukirchen 3 Jahre schon.",
        "Wir wohnen Hitdorf Ost 2 Minuten vom Rhein.",
        "Betreutes Wohnen Haus Elisabeth 3 ist voll.",
    ],
)
def test_a_count_after_wohne_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Kosten 040 000 Euro",
        "Budget: 0150 000 EUR",
        "Zuschuss von 025 000 Euro",
        "Anteil 040 500 Prozent",
    ],
)
def test_an_amount_in_thousands_with_a_leading_zero_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize("text", ["Ruf an: 0214 406 88 Euro-Tarif", "Tel. 0171 2345678 EUR"])
def test_a_phone_before_a_currency_word_is_still_replaced(text: str) -> None:
    assert "[Telefon]" in _clear(text)


@pytest.mark.parametrize(
    "text",
    [
        "Treffen am 3.4.61 im Rathaus",
        "Die Sitzung vom 03.04.1999 war gut.",
        "Seit dem 01.04.1999 ist der Park offen.",
        "Bis 31.12.1999 war hier ein Kino.",
    ],
)
def test_an_old_date_of_an_event_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("Mein Sohn ist am 03.04.1999 geboren", "am [Geburtsdatum] geboren"),
        ("Sie kam am 03.04.1961 zur Welt", "am [Geburtsdatum] zur Welt"),
    ],
)
def test_a_date_of_birth_near_an_event_word_is_still_replaced(text: str, cleared: str) -> None:
    assert cleared in _clear(text)


@pytest.mark.parametrize(
    "text", ["Abfahrt 06 10 06 40 07 10", "Der Bus fährt um 06 10 06 40 07 10 08 10"]
)
def test_departures_in_hours_and_minutes_stay(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize("text", ["Bus-Hotline: 06 10 06 40 07 10", "Abfahrt 06 10 05 40 07 10"])
def test_pairs_without_a_timetable_or_not_rising_are_still_a_phone(text: str) -> None:
    assert "[Telefon]" in _clear(text)


@pytest.mark.parametrize(
    "mail",
    [
        "anna.schmidt@gmx,de",
        "anna.schmidt@gmx..de",
        "anna.schmidt@@gmx.de",
        "anna.schmidt＠gmx.de",
        "anna.schmidt@gmx·de",
        "anna.schmidt@gmx",
        "anna.schmidt AT gmx DOT de",
        "anna.schmidt [at] gmx [.] de",
    ],
)
def test_a_mistyped_e_mail_is_replaced(mail: str) -> None:
    assert _clear(f"Schreib an {mail} bitte.") == "Schreib an [E-Mail] bitte."


@pytest.mark.parametrize(
    "text",
    ["WIR SIND AT HOME DOT DE", "Look AT github DOT com", "Kultur@online ist toll", "Treffen@live"],
)
def test_upper_case_at_in_a_sentence_is_no_e_mail(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Am Tisch 3 wurde diskutiert.",
        "Im Fall 2 ist es so.",
        "Im Szenario 3 wird gebaut.",
        "Am Infostand 2 gab es Kaffee.",
        "An der Pinnwand 2 hingen Zettel.",
        "Zum Antrag 3 gab es Fragen.",
        "Im Entwurf 2 ist mehr Grün.",
    ],
)
def test_a_workshop_table_or_a_numbered_paper_stays(text: str) -> None:
    assert _clear(text) == text


def test_a_workshop_word_after_an_address_cue_is_still_an_address() -> None:
    assert _clear("Meine Adresse: Am Stand 3") == "Meine Adresse: [Adresse]"


@pytest.mark.parametrize(
    "mail",
    [
        '"anna schmidt"@gmx.de',
        '"Anna Schmidt"@t-online.de',
        '"anna.schmidt"@web.de',
        "„Anna Schmidt“@posteo.de",
        '"anna schmidt" @ gmx.de',
        '"anna schmidt"(at)gmx.de',
    ],
)
def test_an_e_mail_with_a_quoted_local_part_is_replaced_whole(mail: str) -> None:
    assert _clear(f"Schreib an {mail} bitte.") == "Schreib an [E-Mail] bitte."


def test_a_quote_before_a_chat_mention_is_no_e_mail() -> None:
    out = _clear('"Gute Idee" @jens.meier, danke!')
    assert out.startswith('"Gute Idee" ')
    assert "[E-Mail]" not in out


@pytest.mark.parametrize(
    "text",
    ["Kultur@web ist ein Angebot.", "Das Projekt Senioren@Web läuft gut.", "Future@Outlook"],
)
def test_a_project_named_at_web_is_no_e_mail(text: str) -> None:
    assert _clear(text) == text


def test_a_lower_case_address_at_web_without_domain_is_still_replaced() -> None:
    assert _clear("Schreib an anna@web bitte.") == "Schreib an [E-Mail] bitte."


@pytest.mark.parametrize(
    "text",
    [
        "bitte 0117 2345678 anrufen",  # a mobile number with two digits swapped
        "Ruf an: 0110 234 56 78",
        "Tel 01 02 03 04 05 06",
    ],
)
def test_a_phone_starting_010_or_011_not_in_pairs_or_after_tel_is_replaced(text: str) -> None:
    out = _clear(text)
    assert "[Telefon]" in out
    assert not any(ch.isdigit() for ch in out)


@pytest.mark.parametrize("text", ["Kosten 0171 234 567 Euro", "Die Summe 0157 123 456 Euro"])
def test_a_mobile_number_before_euro_is_no_amount(text: str) -> None:
    out = _clear(text)
    assert "[Telefon]" in out
    assert not any(ch.isdigit() for ch in out)


@pytest.mark.parametrize(
    "text", ["Mein Auto mit HH AB 1234 wurde abgeschleppt.", "Der Wagen: LEV X 12 steht da."]
)
def test_a_plate_with_blanks_right_after_a_vehicle_is_replaced(text: str) -> None:
    assert "[Kennzeichen]" in _clear(text)
    assert not any(ch.isdigit() for ch in _clear(text))


def test_a_car_model_with_blanks_after_a_vehicle_is_no_plate() -> None:
    assert _clear("Das Auto ist ein VW ID 3.") == "Das Auto ist ein VW ID 3."
