"""A person's number after its name ("Kundennummer 987654", "Aktenzeichen 4 C 123/21"):
the patterns :mod:`workbench.ingest.pii_patterns` finds it with (pure)."""

from __future__ import annotations

import re

# After its name: "Kundennummer 987654", "Mieter-Nr.: 12345-678", "BG-Nummer 12345BG0012345",
# "Steuer-ID 12 345 678 901", "Sozialversicherungsnummer 12 010180 M 123"
PERSON_NUMBER = re.compile(
    r"\b(?:(?:Personal|Mitglieds|Kunden|Mieter|Vertrags|Versicherten|Versicherungs|"
    r"Sozialversicherungs|SV|Rentenversicherungs|RV|Steueridentifikations|Steuer|"
    r"Personalausweis|Ausweis|Reisepass|Pass|Führerschein|Bedarfsgemeinschafts|BG|"
    r"Klienten|Patienten|Schüler|Matrikel|Krankenkassen|Kassen|Krankenversicherten|Fall|"
    # abbreviated: "Kd.-Nr.", "Mitgl.-Nr.", "Kundennr."
    # also "Ausweis Nr.", "Perso-Nummer", "Steuer-Identifikationsnummer"
    r"Antrags|Vorgangs|Kd\.|Mitgl\.|Perso|Steuer-Identifikations)(?:[- ]?Nr\.?|-?[Nn]ummer|nr\.?)|"
    # "Steuer-ID", "IdNr.", "Steuer-IdNr.", and the card itself: "Personalausweis: T22000129"
    r"Steuer-?ID|(?:Steuer-?)?Id-?Nr\.?|(?:Personal)?[Aa]usweis|Reisepass|SV-Ausweis|"
    # a case of a private person: "Aktenzeichen 123/45", "Az. 4 C 123/21", "AZ: 3 K 123/21",
    # "Unser Zeichen 4711/23" (a letter's own reference)
    r"Aktenzeichen|Az\.|AZ|Geschäftszeichen|(?<![\w-])(?:[Uu]nser|[Ii]hr|[Mm]ein)\s+Zeichen)"
    # … also with the office between: "Mein Aktenzeichen beim Amt ist 3 K 123/21"
    r"(?:\s+(?:beim|bei\s+de[mnr]|vom|von\s+de[mnr]|im|am|des|der)"
    r"(?:\s+[\wäöüß.-]+){1,2}(?=\s+(?:ist|lautet)\b))?"
    r"(?:\s*:|\s+(?:ist|lautet)(?:\s*:)?)?\s*"
    # after a blank only digits, a single letter ("12 010180 M 123") or a court's register
    # before digits and a year ("12 AB 345/22", "2 BvR 123/21", "5 Ca 123/21"; not "Mo 12
    # Uhr", "UG 12 Räume"), not "IBAN", "E-Mail"
    r"(?P<number>[A-Z0-9](?:[A-Z0-9]|[./-](?=[A-Z0-9])| (?=\d|[A-Z](?![\w-]))"
    r"| (?:[A-Z]{2,3}|[A-Z][a-z][A-Z]|(?!A[bmn]|[IU]m|Zu|Ob|So|Da|Wo|E[rs]|In|Au)[A-Z][a-z])"
    r"(?= \d{1,6}/\d{2,4}(?!\d))){2,24})(?![\w])"
)
# … but after "seit", "ab", "bis" the number is a count reached, no one's number ("Seit
# Mitgliedsnummer 500 sind wir gewachsen", "Ab Kundennummer 1000 gibt es Rabatt")
THRESHOLD_BEFORE = re.compile(r"\b(?:[Ss]eit|[Aa]b|[Bb]is)\s$")
