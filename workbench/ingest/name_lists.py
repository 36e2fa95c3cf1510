"""Word lists for finding person names: forms of address, roles, cues, and ordinary words.

The lists of ordinary words were made for this project by comparing the first-name and
surname gazetteers (:mod:`workbench.ingest.name_gazetteer`) with a German word list: they
name the gazetteer entries that are also German nouns or function words ("Rose", "Mai",
"Handy", "Sommer", "Koch", "Man"), which therefore count as a name only in a context that
says so (a title, a surname after them, a cue). All entries are folded (lower case, no
diacritics; see :func:`workbench.ingest.name_gazetteer.fold`).
"""

from __future__ import annotations

from workbench.ingest.name_gazetteer import fold


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Forms of address directly before a name; the name replaces them too ("Frau Schmidt").
TITLES = _words(
    "frau herr herrn fr. hr. frl. fraulein familie fam. ehepaar eheleute geschwister dr. prof."
)
# Academic titles between a form of address and the name ("Herrn Prof. Dr. Becker").
ACADEMIC = _words("dr. prof. dipl.-ing. dipl. med. rer. nat. phil. jur. h.c. mag. ing. pd")

# Roles before a name ("Pfarrerin Schulte", "Hausmeister Kowalski"): the role stays.
ROLE_WORDS = _words(
    """
    pfarrer pfarrerin pastor pastorin pater diakon diakonin kaplan imam hodscha hoca rabbiner
    rabbinerin schwester bruder burgermeister burgermeisterin oberburgermeister
    oberburgermeisterin bezirksburgermeister bezirksburgermeisterin ortsvorsteher
    ortsvorsteherin stadtrat stadtratin ratsherr ratsfrau ratsmitglied landrat landratin
    dezernent dezernentin beigeordneter beigeordnete abgeordneter abgeordnete minister
    ministerin direktor direktorin rektor rektorin konrektor konrektorin arzt arztin doktor
    hebamme kollege kollegin nachbar nachbarin kommissar kommissarin polizist polizistin
    oma opa omi opi tante onkel mama papa sohn tochter enkel enkelin cousin cousine freund
    freundin azubi praktikant praktikantin referent referentin kuster kusterin kantor kantorin
    therapeut therapeutin anwalt anwaltin richter richterin student studentin schuler
    schulerin vorsitzende vorsitzender lotse lotsin coach kaplanin vikar vikarin prediger
    predigerin seelsorger seelsorgerin gemeindereferent gemeindereferentin dolmetscher
    dolmetscherin ubersetzer ubersetzerin moderator moderatorin hausmeister hausmeisterin
    sozialarbeiter sozialarbeiterin quartiersmanager quartiersmanagerin streetworker
    streetworkerin erzieher erzieherin lehrer lehrerin trainer trainerin stadtteilmutter
    schulleiter schulleiterin leiter leiterin sozialpadagoge sozialpadagogin betreuer
    betreuerin integrationslotse integrationslotsin
    tagesmutter tagesvater stadtverordneter stadtverordnete bezirksbeamter bezirksbeamtin
    kontaktbeamter kontaktbeamtin jugendpfleger jugendpflegerin
    """
)
# Abbreviated roles, as written (case counts: "Ob" opens a question): "Pfr. Jansen", "OB Richrath"
ROLE_ABBREVIATIONS = frozenset(("Pfr", "Pfrin", "OB"))
# Role nouns by their ending ("Quartiersmanagerin", "Schulsozialarbeiter").
ROLE_SUFFIXES = (
    "leiter leiterin manager managerin arbeiter arbeiterin berater beraterin sprecher "
    "sprecherin beauftragte beauftragter koordinator koordinatorin pfarrer pfarrerin meister "
    "meisterin lehrer lehrerin erzieher erzieherin trainer trainerin beamter beamtin "
    "vorsitzende vorsitzender vorsteher vorsteherin referent referentin betreuer betreuerin "
    "helfer helferin pfleger pflegerin padagoge padagogin arzt arztin lotse lotsin worker "
    "workerin senator senatorin minister ministerin prasident prasidentin sekretar sekretarin "
    "politiker politikerin kandidat kandidatin kommissar kommissarin"
).split()
# Masculine "-meister" words that are roles; others are surnames ("Burmeister", "Baumeister").
MEISTER_ROLES = tuple(
    "burgermeister hausmeister wachtmeister bademeister kapellmeister konzertmeister "
    "platzmeister werkmeister hallenmeister schulhausmeister".split()
)
# Role nouns that follow "Frau"/"Herr" without being a name ("Frau Bürgermeisterin").
NOT_AFTER_TITLE = ROLE_WORDS | _words("doktor professor professorin vorsitzende kollegin")

# Name particles inside a name ("Ursula von der Leyen", "Mohammed al-Hassan").
PARTICLES = _words(
    "von van zu de der den di da del della dos du la las le los el al bin ben ibn abu ter ten y"
)
# Particles that may start a surname right after a title ("Herr von Weizsäcker"), but not
# "der"/"den" ("Herr der Lage").
LEADING_PARTICLES = _words("von van zu de di da del dos du el al abu ter ten bin ibn")

# Cues before a name: verbs of speaking, sign-offs ("sagt Krämer", "Viele Grüße Jens").
STRONG_CUES = _words(
    """
    sagt sagte sagten meint meinte erzahlt erzahlte berichtet berichtete erklart erklarte
    betont betonte fragt fragte erganzt erganzte schreibt schrieb namens
    gez grusse gruss lg vg zitiert bedankt danke vertreten
    """
)
# Sign-offs before who signs, at the line's end or after a blank line ("Viele Grüße\n\nKaya",
# "Gruß, JENS", "Mit freundlichen Grüßen\nTerhorst", "LG", "MfG", "gez.")
SIGN_OFFS = _words("gruss grusse grussen lg vg mfg gez")
# Labels that name a person when a colon follows ("Kontakt: …", "Moderation: …").
LABEL_CUES = _words(
    """
    kontakt kontakte kontaktperson ansprechpartner ansprechpartnerin ansprechpartnerinnen
    ansprechperson leitung moderation protokoll organisation verantwortlich anmeldung infos
    informationen referent referentin teilnehmende teilnehmer teilnehmerin gast gaste
    autor autorin name vorname nachname zitat quelle fotos foto sprecher sprecherin
    vorsitz schriftfuhrung organisator organisatorin koordination betreuung
    anwesend anwesende cc verteiler
    """
)
# A moderator's reaction alone after a label ("Moderation: Prima", "Moderation: Super"):
# what was said, no name (folded; "Gut", "Schön" are surnames too and not among them)
REACTIONS = _words(
    """
    prima super genau danke toll klasse richtig okay ok stimmt ja nein gerne perfekt
    wunderbar bitte spitze cool einverstanden jawohl naturlich logisch korrekt exakt
    absolut sehr hervorragend ausgezeichnet
    """
)
# Nouns that with "bei", "an" or "über" after them name a person ("Anmeldung bei …").
PAIR_CUES = _words(
    """
    anmeldung anmeldungen ruckfragen ruckmeldung ruckmeldungen infos informationen fragen
    kontakt anfragen melden termine termin nachfragen bescheid beschwerden
    """
)
# Weak cues: a surname from the gazetteer after them counts, an unknown word does not.
WEAK_CUES = _words(
    "bei mit von an fur und oder uber durch zu neben samt sowie gegen laut dank heisst hiess "
    "genannt"
)
# Verbs right after a name that say a person is speaking or acting.
SPEECH_VERBS = _words(
    """
    sagt sagte meint meinte erzahlt erzahlte berichtet berichtete erklart erklarte betont
    betonte fragt fragte erganzt erganzte schreibt schrieb ubersetzt ubersetzte moderiert
    moderierte
    """
)

# Subjects right after a speech verb: the capitalised word before it is no speaker but an
# adverb ("Später sagte sie", "Ergänzend meinte Frau Koch").
SUBJECTS = _words("sie er ich wir man frau herr jemand niemand")

# Words before a capitalised word that make it a noun, not a name ("der Koch", "im Sommer").
ARTICLES = _words(
    """
    im am um vom zum zur beim ins ans der die das den dem des ein eine einen einem eines einer
    jeden jedem jede jeder diesen diesem diese dieser letzten nachsten kommenden bis uber nach
    unser unsere unseren unserem meine mein meinen seine ihre ihren kein keine keinen alle
    allen viele vielen st. sankt hl. heilige heiligen
    """
)

# Function words that start sentences or follow names in capitals.
# English contractions of a pronoun or verb ("I'm", "I'll", "We've", "Don't"): written with
# an apostrophe as "O'Brien" is, and capitalised, but never a name (folded: "i'll")
ENGLISH_CONTRACTIONS = frozenset(
    f"{stem}'{end}"
    for stem in "i you we they he she it that there here what who where let".split()
    for end in ("m", "ll", "ve", "d", "re", "s")
) | _words(
    """
    don't doesn't didn't can't cannot won't wouldn't couldn't shouldn't isn't aren't wasn't
    weren't haven't hasn't hadn't ain't
    """
)

FUNCTION_WORDS = _words(
    """
    aber alle allen aller als also am an andere anderen anders auch auf aus bei beim bis bitte
    da dabei dadurch dafur daher damals damit danach dann darauf darin darum das dass davon
    davor dazu dem den denn der deren des deshalb dessen die dies diese diesem diesen dieser
    doch dort du durch eben ein eine einem einen einer eines einige er es etwa euch fur gegen
    genau gerade gestern heute hier ich ihr ihm ihn ihnen im immer in ins ja jede jeder jedes
    jedoch jetzt kein keine man mal manche mehr mein meine mit morgen nach neben nein nicht
    nichts noch nun nur ob oder ohne schon sehr sein seine seit selbst sich sie sind so sogar
    solange sondern sowie statt uber um und uns unser unter viel viele vom von vor wann war
    warum was weil welche wenn wer wie wieder wir wird wo wohl zu zum zur zwar zwischen ab
    allerdings ausserdem bereits besonders dafur deswegen einfach endlich ebenso
    ganz gleich hallo hinweis insgesamt leider ok okay sonst toll trotzdem vielleicht vielen
    wahrend weiterhin zudem zuerst zuletzt zunachst ubrigens ebenfalls naturlich
    jemand niemand keiner beide mehrere
    """
)

# Months and weekdays (August, Mai, … are also names).
CALENDAR = _words(
    """
    januar janner februar marz april mai juni juli august september oktober november dezember
    montag dienstag mittwoch donnerstag freitag samstag sonntag ostern pfingsten weihnachten
    silvester advent
    """
)

# Words that end like a name's genitive but are words of their own: adverbs ("montags",
# "abends", "teils") and adjectives ("Langes Warten"). With a participant called Montag,
# Teil or Lange listed they are no genitive of that person.
S_WORDS = _words(
    """
    montags dienstags mittwochs donnerstags freitags samstags sonnabends sonntags werktags
    feiertags wochentags tags vormittags nachmittags abends morgens mittags nachts teils
    links rechts anfangs eingangs falls namens mittels seitens stets bereits rings flugs
    langes kleines grosses junges schones weisses neues gutes altes kurzes rotes
    schwarzes braunes hohes liebes starkes frisches weises
    """
)

# Nouns after which a name chain is a place or an institution ("Anne Frank Schule"); also
# brands and housing companies, never a surname ("Mieter Gewobag: …" is a tenant).
INSTITUTION_NOUNS = _words(
    """
    schule grundschule gesamtschule gymnasium realschule hauptschule forderschule berufsschule
    kita kindergarten haus heim zentrum strasse str. platz weg allee park halle bad stift
    stiftung kirche gemeinde preis brucke ring center bibliothek klinik krankenhaus hospital
    institut universitat hochschule akademie saal buhne theater museum forum treff garten
    siedlung viertel quartier hof gasse ufer damm markt turm denkmal brunnen kaserne bahnhof
    apotheke praxis verein stadion arena sporthalle turnhalle jugendzentrum familienzentrum
    cafe bistro restaurant laden buro werk gmbh ag ev e.v. kg schwimmbad hallenbad freibad
    ggmbh mbh kgaa konzern holding group
    friedhof kapelle moschee synagoge kloster tafel caritas diakonie awo drk jobcenter jugendamt
    sozialamt rewe aldi lidl edeka netto penny kaufland bayer sparkasse volksbank telekom
    kommune polizei feuerwehr verdi ihk vhs unicef amnesty malteser johanniter arbeitsagentur
    app apps umfrage bericht studie studien gesetz angaben aussage aussagen auskunft presse zeitung
    medien experten verwaltung satzung vertrag statistik schatzung prognose rathaus
    klinikum ikea kaufhof vonovia evonik rheinenergie netcologne
    gewobag degewo howoge gesobau gewofag vivawest gagfah buwog
    wupsi currenta chempark avea covestro lanxess
    google youtube instagram tiktok whatsapp facebook ebay
    netflix spotify amazon vodafone zalando tchibo lufthansa ryanair primark decathlon lieferando
    """
)

# Leverkusen's districts and quarters and organisations of social work, whatever districts a
# project declares ("Ophoven erklärt", "Hitdorf meint", "Kolping berichtet"): no name on
# their own; after a form of address or a first name they are ("Frau Schlebusch"). Also
# associations and bodies written as a word ("laut Nabu", "bei Dekra", "mit Adfc") that no
# name list holds as a first name or surname ("Verdi" is a surname, "Awo" a first name:
# both stay in INSTITUTION_NOUNS, kept after cues as before).
ASSOCIATION_WORDS = _words(
    """
    nabu bund dehoga adfc vcd vdk sovd dgb gew hwk kvb tuv dekra adac dlrg thw cvjm bdkj asb
    lvr dfb
    """
)
LOCAL_NAMES = ASSOCIATION_WORDS | _words(
    """
    alkenrath bergisch neukirchen burrig hitdorf kuppersteg lutzenkirchen manfort opladen
    quettingen rheindorf schlebusch steinbuchel wiesdorf leverkusen ophoven mathildenhof
    waldsiedlung fixheide edelrath imbach pattscheid atzlenbach fettehenne schlebuschrath
    neuboddenberg burgerbusch
    kolping bethel bethanien lebenshilfe kinderschutzbund profamilia paritatische greenpeace
    """
)

# Ordinary capitalised words that are never taken as a surname after a first name (also
# what a first name ending in "s" owns: "Niklas Vorschlag", "Andreas Kommentar").
COMMON_NOUNS = _words(
    """
    bescheid geld zeit hilfe angst recht gluck danke dank hallo bitte frage fragen infos info
    deutsch englisch turkisch arabisch russisch ukrainisch polnisch personlich nachhilfe
    kuchen kaffee tee blumen essen termin termine kinder eltern familie familien leute menschen
    jugendliche jugendlichen frauen manner mutter vater idee ideen problem probleme projekt
    angebot angebote stadt stadtteil quartier viertel schule kita verein gruppe team treffen
    workshop sitzung protokoll thema themen beispiel ende anfang jahr jahre woche wochen tag
    tage abend morgen euro prozent uhr mal platz raum haus wohnung wohnungen arbeit job
    unterstutzung beratung sprache sprachen kurs kurse kurse ort orte bus bahn auto rad park
    spielplatz sport musik kunst kultur natur garten mittel antrag antrage amt jobcenter
    mehr vielen alles nichts etwas
    vorstand bewohner bewohnerin anwohner anwohnerin vertreter vertreterin trager akteure
    nachbarn gaste ehrenamtliche hauptamtliche fachkrafte elternbeirat
    vorschlag vorschlage beitrag beitrage wunsche anliegen hinweis hinweise kommentar
    kommentare einwand einwande punkt punkte karte karten zettel sorge sorgen kritik
    beschwerde tipp tipps antwort antworten plan plane konzept nachricht nachrichten mail
    bild bilder video fahrrad hund zufall unfall abfall beifall
    """
)

# Names of the gazetteer that are German nouns, mostly plurals ("Rosen", "Delphine",
# "Busch", "Motte"): the names of faker's locales found capitalised in a German word list
# (Debian's wngerman), reviewed by hand; names far more often than nouns ("Krämer",
# "Schreiber", "Kaufmann") are left out. Generated once, nothing is read at run time.
NOUN_FIRST_NAMES = _words(
    """
    rosen brett gene arie delphine maxime maxima saga sole wille lupe ebbe aura anis gala
    salami safari laus domen slawen irin tara dementi sacharin teddy sherry queen santa
    olympia mercedes bali manila medina smyrna pandora platon adonis artemis isis candela
    """
)
NOUN_SURNAMES = _words(
    """
    aas alm apostel barbier bouillon bulle busch christen colas cousins curry domino dosis
    farmer fasching faust fink garde gral heere heiden ikonen jungfer kajak killer kot krabbe
    kratzer kulis laib lamas limo list lord macher macho macken magier mangan meeres mensa
    motte nickel nord opas paten pole polis rausch schalk schenkel schotte spiess tatar toner
    trupp villa ware acker bach hecke hummel kirsch
    """
)

# First names that are also German nouns, place names or words: a name only in context.
NOT_FIRST = NOUN_FIRST_NAMES | _words(
    """
    admiral aerosol agent alabama albino albion alexandria ami amor andromeda apollo april
    aral arsen aster azalee baby baptist baron bart basel berlin bett boje boss boston brande
    bristol bush butler boe chance china chip christ christi collie colt commodore damon dane
    delphin despot dock dom doner dung eber echo eden eimer elba elektron erle florida fuller
    gage general genie gote guss hall halley handy holland imam indiana ion islam israel jena
    jet job joy juli juni junior kader kaiser kali kenia kiefer kiel kino kir kit konner lady
    laken lemma lenin lilie lindbergh london lore lot louisiana luther lander lowe made madonna
    magen mai major manie marge marine marquise melodie mentor mont muslim maher mazen nazi
    neptun nevada nikon odessa olive oma orion osten paris pastor pate pol polin porsche prawda
    quint rand rock roma romane rose rosette rubin ruin rune rute russ rube russel saal server
    senora skorbut slawe solon sommer star stein steward sultane summer tal talon tennessee
    tilde tod tode tone tor tore toto turner tutu ture verona viola wadi washington watt
    wellington west winter wirt wolf yoga york zaire zander zion heide linde linden mark
    roman milan august ernst tage mal male park halle delta alpha theta zeta gabel wende
    lies ole ahnen bergen brennen bitten karren kick landen lese losen robbe sage angel
    belle hege hellen herb siebe orange helle allen anders dann darin davon davor eben einer
    man mir sie von van per solange beste nur schon armen ende gott herz liebe hoffnung glaube
    frieden sonne stern himmel engel golden prima edel rein hart dick fern ferne bebe ade adel adele
    alpin andere bog borge brecht buck dick eitel fugen gabe holden horst laure laust lila
    lasse ritt roll rosa sing starr sture tobe traute trudel urban versa ward wage seif sondre
    kasper kurt malte max jan ali can deniz nur mut kai gul hasan art soja lage sache king
    corona flora billy klare link mile miles mio green alleen nova side penny smart friend tab
    lane mayo will second geo media reine rome mar club mode emmy ott sharen bike city
    power story center service team digital social urban home office online naja
    park ring mall style star love happy sunny honey sugar pepper candy cookie crystal
    dollar euro franken angela may urban
    """
) - _words("horst kasper kurt malte max jan ali can deniz kai hasan gul rosa angela")

# Function words that are first names ("Nur": Turkish, Arabic — the gazetteer holds it as a
# surname only; "An": Vietnamese; "Davor": Croatian; "Anders": Scandinavian; "Solange":
# French): a first name only before a surname where the context says person
# (:mod:`workbench.ingest.word_first_names`, a speaker's full name "Nur Kaya")
WORD_FIRST_NAMES = _words("nur an man allen anders davor darin einer solange")

# Nationalities and languages, English and German, some of them also first names or
# surnames ("German", "Latin", "English", "French"): after a lower-case word and without
# a surname after them they name a language ("not only German", "auf Englisch").
LANGUAGE_WORDS = _words(
    """
    german english polish turkish russian arabic french italian spanish greek dutch danish
    swedish norwegian finnish chinese kurdish persian farsi dari pashto ukrainian romanian
    albanian serbian croatian bosnian bulgarian hungarian czech slovak portuguese japanese
    korean vietnamese hindi urdu somali amharic tigrinya syrian afghan iranian latin
    african indian asian european american british irish scottish welsh africa india
    deutsch englisch turkisch polnisch russisch arabisch franzosisch italienisch spanisch
    griechisch kurdisch persisch ukrainisch rumanisch albanisch serbisch kroatisch
    bulgarisch ungarisch tschechisch portugiesisch chinesisch japanisch vietnamesisch
    """
)

# Names that are German adjectives or verbs: a name except at the start of a sentence.
LOWER_FIRST = _words(
    "malte rosa urban reiner frank traute violette zivile manuelle rares gottlob fidel pelle royal"
)

# German words written in lower case that are also names, beside those of the lists below:
# a name written in lower case ("danke anna") is one only if it is none of them.
LOWER_WORDS = _words(
    """
    bald still fromm froh kuhn kuehn stolz munter heiter ehrlich edel treu lieb sanft wahr
    selig kahl schlau zart bieder fein dick dunn lustig ernst ende mal will wolle moge mag
    """
)

# Surnames that are also German words: after a weak cue they are words ("bei Koch").
WORD_SURNAMES = NOUN_SURNAMES | _words(
    """
    adler back ball bass bauer baum berg best binder bischof blank block bock brand bruder
    burger bar cousin die doktor dorn eck eimer engel fisch fischer fit fleck flieger flink
    frei freitag frisch front frost frohlich fuchs forster furst geier geisel glaser gluck
    golden grab graf granat gras grau grill grob gross grund gruner gut gute gartner hacker
    hahn hall hammer hart hass heck heer heim held hell helm herbst hering herzog hirsch
    holland horn huhn hummer jager job jung kaiser kamel kellner keller kern kind kinder
    klammer klima klotz klug knapp koch kohl kopf kosten kraft kranz krebs kreuzer krug
    kummer kurz kafer konig lang lange langer leber lenz linke mangel mann masse mast maurer
    meer meister muhle nagel neu obst park pfeffer pfleger pilz post prinz rauch reich reif
    reis reiter richter ring ritter rose salz sauber sauer schacht scharf schatz schauer
    scheibe scherz schiefer schlager schlosser schmuck schneider schon schreiner schuh
    schuster schwarz schuler seil sieg sommer speer stark staub stein stern steuer stock
    stolz strauss stroh stumpf sturm tabak taucher tischler turner vogel volk wal wall weiss
    wende west wiese wild winter wolf wurm zahn zimmer zimmermann bayer busse kunde januar
    tasche tur strand strom trost wunsch zulauf haus mir mich such man schon van von nur
    jahn roth braun klein alt roter kuhn kuhl mohr moor pope pop real bus dach fall gas
    camp fee bann bauch bucher hande hauser lamm lowe malz salat schimmel stamm stange
    wiener felder berge parks schutz smart walder dorfer schaden studien club bar steuer
    strom preis preise land lander stadt markt platz stahl eisen holz glas kunst mode
    mobil tempo pilot professor kanzler senator monat woche mittag abend
    morgen nacht tag garten feld wald see fluss brunnen quelle hafen insel
    """
)


def lower_case_name_ok(word: str) -> bool:
    """Whether a name may be recognised written in lower case ("danke anna", "bernd hat
    recht", as people type in chats): a word of four letters or more that is no German
    word of these lists ("klein", "lange", "will", "ende" stay words)."""
    folded = fold(word)
    return len(folded) >= 4 and folded.isalpha() and folded not in _LOWER_CASE_WORDS


def short_name_ok(word: str) -> bool:
    """Whether a three-letter name ("ali", "tom", "eda") may be recognised written in
    lower case where a chat addresses or names someone: no German word of these lists."""
    folded = fold(word)
    return len(folded) == 3 and folded.isalpha() and folded not in _LOWER_CASE_WORDS


# Words written in lower case that are no name, whatever a name list says.
_LOWER_CASE_WORDS = (
    WORD_SURNAMES
    | LOCAL_NAMES
    | NOT_FIRST
    | FUNCTION_WORDS
    | COMMON_NOUNS
    | LANGUAGE_WORDS
    | LOWER_FIRST
    | LOWER_WORDS
    | STRONG_CUES
    | LABEL_CUES
    | WEAK_CUES
    | PAIR_CUES
    | ARTICLES
)
