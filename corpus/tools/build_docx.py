"""Build the two DOCX protocols of the demo study (Alkenrath, Steinbüchel).

The statements below are hand-written for the Sozialraum-Werkbank demo corpus (fictional;
see ``corpus/README.md``). Running this script rewrites ``corpus/demo/*.docx``
deterministically: fixed core properties and fixed ZIP timestamps, so the same data
always gives byte-identical files (and therefore the same sha256 on import).

Structure the DOCX importer expects:

* first paragraph, style ``Title``: the document title;
* ``Normal`` paragraphs ``Schlüssel: Wert`` before the first heading: metadata;
* ``Heading 1``: guiding question; ``Heading 2``: subsection (not a statement);
* every non-empty ``List Bullet`` or ``Normal`` paragraph after the first ``Heading 1`` is
  one statement, numbered 1, 2, … in document order (= ``source_id``); an optional bold
  leading run ``Rolle:`` gives the speaker role.

Usage::

    python corpus/tools/build_docx.py            # writes into corpus/demo/
    python corpus/tools/build_docx.py --out DIR  # writes elsewhere
"""

# ruff: noqa: E501  (the data below is prose; lines are long on purpose)
from __future__ import annotations

import argparse
import io
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document

AUTHOR = "Sozialraum-Werkbank Demo"
FIXED_ZIP_TIME = (2021, 5, 31, 12, 0, 0)

# Each body entry: ("h1", text) | ("h2", text) | ("bullet"|"normal", role or None, text)
DOCUMENTS = [
    {
        "filename": "alkenrath_protokoll.docx",
        "created": datetime(2020, 11, 26, 10, 0, 0),
        "title": "Protokoll Quartiersworkshop Alkenrath",
        "metadata": [
            "Workshop: Quartiersworkshop Alkenrath",
            "Sozialraum: Alkenrath",
            "Datum: 25.11.2020",
            "Format: digital (Videokonferenz)",
            "Teilnehmende: Jürgen Becker, Helga Brückner, Michael Roth, Sabine Hartmann, Ali Demir, Petra Lange, Werner Jansen",
        ],
        "body": [
            ("h1", "Herausforderungen und Bedarfe"),
            ("h2", "Kleingruppe Ältere Menschen und Nahversorgung"),
            (
                "bullet",
                "Seniorenarbeit",
                "Alkenrath ist ein ruhiges Wohnviertel, in dem viele Menschen seit Jahrzehnten leben und inzwischen alt geworden sind. Die Häuser sind geblieben, die Infrastruktur drumherum ist weggebrochen.",
            ),
            (
                "bullet",
                None,
                "Es gibt im Viertel keinen Supermarkt mehr, nur noch einen Bäcker mit kleinem Sortiment. Wer einkaufen will, braucht ein Auto.",
            ),
            (
                "bullet",
                None,
                "Viele Ältere fahren noch selbst Auto, obwohl sie sich eigentlich nicht mehr sicher fühlen, weil sie sonst nicht mehr zum Arzt oder zum Einkaufen kämen.",
            ),
            (
                "bullet",
                "Seniorenarbeit",
                "Seit dem Frühjahr trauen sich viele nicht mehr in den Bus. Die Verbindung ist ohnehin dünn, abends und am Wochenende fährt kaum etwas.",
            ),
            (
                "bullet",
                None,
                "Die Hausarztpraxis im Viertel hat vor zwei Jahren geschlossen, und eine Nachfolge wurde nicht gefunden.",
            ),
            (
                "bullet",
                None,
                "Wenn es im nächsten Jahr einen Impfstoff gibt, stellt sich die Frage, wie die Hochbetagten aus Alkenrath überhaupt zum Impfzentrum kommen sollen.",
            ),
            (
                "bullet",
                None,
                "Ältere Menschen, deren Kinder weit weg wohnen, waren im Frühjahr auf sich allein gestellt. Einige haben wochenlang mit niemandem gesprochen außer mit der Kassiererin beim Bäcker.",
            ),
            (
                "bullet",
                None,
                "Frau Brückner berichtet von einer Nachbarin, die erst nach drei Tagen gefunden wurde, nachdem sie in der Wohnung gestürzt war. So etwas darf nicht passieren.",
            ),
            (
                "bullet",
                "Pflegedienst",
                "Die ambulanten Pflegedienste sind an der Belastungsgrenze. Für ein Gespräch zwischen Tür und Angel bleibt keine Zeit mehr, dabei sind wir für manche die einzigen Besucher.",
            ),
            (
                "bullet",
                None,
                "Smartphones und Tablets sind bei den Älteren kaum verbreitet. Videotelefonie mit den Enkeln, Online-Bestellungen oder die Corona-Warn-App gehen an ihnen vorbei.",
            ),
            (
                "bullet",
                None,
                "Informationen über Hilfsangebote erreichen die Älteren nicht, weil sie weder im Internet suchen noch Aushänge im Stadtzentrum sehen. Das Gemeindeblatt ist das einzige, was sie zuverlässig lesen.",
            ),
            (
                "bullet",
                None,
                "Einige Ältere haben Angst, dass jemand Fremdes vor der Tür steht und sich als Helfer ausgibt. Im Frühjahr gab es Berichte über falsche Corona-Tester, seitdem öffnen manche gar nicht mehr.",
            ),
            (
                "bullet",
                "Seniorenarbeit",
                "Die Angehörigen, die die Pflege ihrer Eltern übernehmen, sind oft selbst schon über sechzig und erschöpft. Tagespflege und Kurzzeitpflege waren im Frühjahr geschlossen.",
            ),
            ("h2", "Kleingruppe Familien, Kinder und Jugendliche"),
            (
                "bullet",
                "KiTa",
                "In die KiTa kommen seit dem Sommer wieder alle Kinder, aber wir sehen bei einigen deutliche Rückschritte in der Sprache, vor allem bei Kindern, die zu Hause kein Deutsch sprechen.",
            ),
            (
                "bullet",
                None,
                "Eltern berichten, dass sie sich im Viertel isoliert fühlen, weil es keinen Ort gibt, an dem man andere Eltern trifft. Der einzige Spielplatz war von März bis Mai gesperrt.",
            ),
            (
                "bullet",
                "Schulsozialarbeit",
                "In den Mehrfamilienhäusern im Süden von Alkenrath wohnen Familien, die ganz anders dastehen als die Eigenheimbesitzer im Rest des Viertels. Das fällt in der Statistik für den Stadtteil oft unter den Tisch.",
            ),
            (
                "bullet",
                None,
                "Für die Kinder aus diesen Häusern war das Homeschooling eine Katastrophe: kein Laptop, geteiltes Handy, kein ruhiger Platz zum Arbeiten.",
            ),
            (
                "bullet",
                None,
                "Jugendliche ab zwölf haben in Alkenrath überhaupt nichts. Es gibt kein Jugendzentrum, und das nächste JuZ ist nur mit dem Bus erreichbar.",
            ),
            (
                "bullet",
                None,
                "Die Jugendlichen treffen sich abends an der Bushaltestelle und auf dem Schulhof. Die Nachbarn beschweren sich über Lärm und Müll.",
            ),
            (
                "bullet",
                "Sportverein",
                "Unser Verein hat viele Kinder verloren, weil über Monate kein Training stattfinden durfte. Ob die wiederkommen, wissen wir nicht.",
            ),
            (
                "bullet",
                "Schulsozialarbeit",
                "Die Grundschule liegt zwar im Viertel, die weiterführenden Schulen aber nicht. Morgens fahren die Kinder mit vollen Bussen, was für viele Eltern gerade jetzt eine Sorge ist.",
            ),
            (
                "bullet",
                None,
                "Eltern in den Mehrfamilienhäusern erzählen, dass sie wegen der engen Wohnungen mit den Kindern viel draußen sein wollten, aber nicht wussten wohin, als die Spielplätze gesperrt waren.",
            ),
            (
                "bullet",
                None,
                "Es gibt Hinweise, dass einzelne Familien aus den Mehrfamilienhäusern mit den Mieten in Rückstand geraten, weil ein Einkommen durch Kurzarbeit weggefallen ist.",
            ),
            (
                "bullet",
                None,
                "Die Tafel-Ausgabestelle ist in einem anderem Stadtteil. Ohne Auto müssen Familien mit schweren Taschen zweimal umsteigen.",
            ),
            (
                "bullet",
                None,
                "Viele Familien wissen nicht, dass sie Anspruch auf Kinderzuschlag oder Leistungen aus dem Bildungs- und Teilhabepaket hätten. Die Hemmschwelle, beim Amt nachzufragen, ist hoch.",
            ),
            (
                "bullet",
                "Schulsozialarbeit",
                "Die Schulsozialarbeit ist an der Grundschule nur mit wenigen Stunden vertreten. In der Zeit der Schulschließung konnte ich nicht allen Familien nachgehen, bei denen ich mir Sorgen gemacht habe.",
            ),
            (
                "normal",
                None,
                "Im Plenum wurde zusammengefasst, dass es in Alkenrath zwei sehr unterschiedliche Lebenswelten gibt: ältere Eigenheimbesitzer, die vor allem an Mobilität und Einsamkeit leiden, und jüngere Familien in Mietwohnungen, die mit Armut und fehlenden Angeboten kämpfen.",
            ),
            (
                "bullet",
                "Kirchengemeinde",
                "Eine eigene Begegnungsstätte hat Alkenrath nicht. Im Gemeindehaus sind die Räume klein und wegen der Abstandsregeln kaum nutzbar.",
            ),
            (
                "bullet",
                None,
                "Es fehlt jemand, der sich hauptamtlich um den Stadtteil kümmert. Für Alkenrath gibt es kein Quartiersbüro, alles hängt an ein paar Ehrenamtlichen.",
            ),
            ("h1", "Ressourcen und Möglichkeiten"),
            ("h2", "Nachbarschaft und Ehrenamt"),
            (
                "bullet",
                "Bürgerverein",
                "Die Nachbarschaft funktioniert in weiten Teilen gut. Man kennt sich, viele haben im Frühjahr für die älteren Nachbarn eingekauft, ohne dass das jemand organisieren musste.",
            ),
            (
                "bullet",
                None,
                "Die Nachbarschaftshilfe der Kirchengemeinde hat eine Telefonnummer eingerichtet, unter der sich Hilfesuchende und Helfende melden können: 0214 654321.",
            ),
            (
                "bullet",
                None,
                "Herrn Becker vom Bürgerverein wurde ausdrücklich gedankt: Er hat im Frühjahr mit einigen Nachbarn jeden Haushalt in seiner Straße angerufen oder besucht.",
            ),
            (
                "bullet",
                "Kirchengemeinde",
                "Das Gemeindehaus am Birkenweg 3 steht grundsätzlich für Gruppen zur Verfügung, sobald die Regeln es zulassen. Im Sommer haben wir den Garten für Treffen geöffnet.",
            ),
            (
                "bullet",
                None,
                "Es gibt viele rüstige Rentnerinnen und Rentner im Viertel, die Zeit haben und helfen möchten, wen man sie konkret anspricht.",
            ),
            (
                "bullet",
                "Sportverein",
                "Der Sportplatz ist eine der wenigen Freiflächen, die für Jugendliche attraktiv sind. Wir könnten uns vorstellen, ihn außerhalb der Trainingszeiten zu öffnen.",
            ),
            (
                "bullet",
                None,
                "Einige Jugendliche aus dem Verein haben im Frühjahr ehrenamtlich für ältere Nachbarn eingekauft. Das hat beide Seiten zusammengebracht.",
            ),
            (
                "bullet",
                "Kirchengemeinde",
                "Die Kirchengemeinde hat im Advent vor, vor den Häusern kleine Andachten im Freien zu halten. Viele Ältere freuen sich darauf, weil sie dann wenigstens kurz ihre Nachbarn sehen.",
            ),
            (
                "bullet",
                None,
                "Der Bäcker im Viertel ist inzwischen eine Art Informationsbörse. Dort liegen Zettel mit Hilfsangeboten aus, und die Verkäuferinnen wissen, wer länger nicht gekommen ist.",
            ),
            (
                "bullet",
                None,
                "Zwei Landwirte am Rand des Viertels haben im Frühjahr Hofverkauf und Lieferung angeboten. Für einige Ältere war das eine echte Hilfe.",
            ),
            ("h2", "Einrichtungen und Dienste"),
            (
                "bullet",
                "KiTa",
                "Die KiTa hat über die Schließzeit den Kontakt zu fast allen Familien gehalten, mit Briefen, Telefonaten und kleinen Bastelpaketen vor der Tür.",
            ),
            (
                "bullet",
                "Schulsozialarbeit",
                "Die Grundschule hat im Sommer ein Förderprogramm für Kinder mit Lernrückständen angeboten. Die Plätze waren schnell voll.",
            ),
            (
                "bullet",
                None,
                "Der Seniorenbeirat hat angeboten, Informationen für Ältere zu bündeln und im Gemeindeblatt zu veröffentlichen.",
            ),
            (
                "bullet",
                None,
                "Der ambulante Pflegedienst kennt die Lebenssituation vieler Älterer sehr genau und kann Hinweise geben, wenn jemand Unterstützung braucht, sofern der Datenschutz das erlaubt.",
            ),
            (
                "bullet",
                None,
                "In der Nachbarschaft gibt es einige Leute mit IT-Kenntnissen, die bereit wären, Älteren beim Einrichten von Tablets oder Smartphones zu helfen.",
            ),
            (
                "bullet",
                "Bürgerverein",
                "Der Bürgerverein hat ein kleines Budget aus Mitgliedsbeiträgen, das er für ein Nachbarschaftsprojekt einsetzen könnte.",
            ),
            (
                "bullet",
                "Schulsozialarbeit",
                "Über das Sofortausstattungsprogramm sollen an der Grundschule Leihgeräte ankommen. Ob sie bis Weihnachten da sind, ist unklar.",
            ),
            (
                "normal",
                None,
                "Positiv hervorgehoben wurde, dass in einem so kleinen Stadtteil die Wege kurz sind. Viele Probleme lassen sich lösen, wenn die richtigen Leute miteinander reden.",
            ),
            (
                "normal",
                None,
                "Genannt wurde auch die Grünfläche am Rand des Viertels, die für Spaziergänge genutzt wird und auf der sich im Frühjahr spontan kleine Nachbarschaftsrunden mit Abstand getroffen haben.",
            ),
            ("h1", "Entwicklung, Vernetzung und Stärkung"),
            ("h2", "Treffpunkt und Begegnung"),
            (
                "bullet",
                "Bürgerverein",
                "Alkenrath braucht einen Treffpunkt, an dem sich Jung und Alt begegnen können. Das muss kein Neubau sein, ein leerer Laden oder ein umgebauter Raum im Gemeindehaus würde reichen.",
            ),
            (
                "bullet",
                None,
                "Denkbar wäre ein offenes Nachbarschaftscafé an zwei Nachmittagen in der Woche, getragen von Ehrenamtlichen, aber mit einer hauptamtlichen Person im Hintergrund.",
            ),
            (
                "bullet",
                None,
                "Für die Jugendlichen braucht es zumindest ein regelmäßiges Angebot vor Ort, etwa einen Jugendtreff einmal pro Woche oder einen Bauwagen mit mobiler Jugendarbeit.",
            ),
            (
                "bullet",
                "Sportverein",
                "Wir würden gerne offene Bolzplatzzeiten mit einem Trainer anbieten, auch für Jugendliche, die nicht im Verein sind. Dafür bräuchten wir eine kleine Aufwandsentschädigung.",
            ),
            (
                "bullet",
                None,
                "Der Schulhof könnte nachmittags und am Wochenende offiziell geöffnet werden, dann gäbe es weniger Ärger um die Bushaltestelle.",
            ),
            (
                "bullet",
                None,
                "Eine überdachte Sitzecke am Spielplatz wäre ein einfacher erster Schritt für Eltern und Ältere.",
            ),
            ("h2", "Mobilität und Versorgung"),
            (
                "bullet",
                "Seniorenarbeit",
                "Wir brauchen einen Einkaufs- und Fahrdienst für Ältere, der nicht nur im Notfall funktioniert, sondern regelmäßig fährt, zum Beispiel einmal pro Woche zum Supermarkt und zur Apotheke.",
            ),
            (
                "bullet",
                None,
                "Ein Bürgerbus oder Rufbus für Alkenrath würde vielen Älteren ermöglichen, länger selbständig zu bleiben.",
            ),
            (
                "bullet",
                None,
                "Für den Weg zum Impfzentrum muss es eine Lösung für Menschen ohne Auto geben, etwa Taxigutscheine oder einen organisierten Fahrdienst.",
            ),
            (
                "bullet",
                None,
                "Eine mobile Sprechstunde von Ärzten oder Apotheke im Gemeindehaus wäre für Alkenrath eine große Entlastung.",
            ),
            (
                "bullet",
                None,
                "Ein Wochenmarkt oder ein Verkaufswagen einmal pro Woche könnte die Nahversorgung verbessern und wäre zugleich ein Treffpunkt.",
            ),
            ("h2", "Hilfe und Vernetzung"),
            (
                "bullet",
                "Seniorenarbeit",
                "Es braucht ein System, mit dem alleinlebende Ältere regelmäßig angerufen werden. Wer sich nicht meldet, bekommt Besuch.",
            ),
            (
                "bullet",
                None,
                "Angehörige, die ihre Eltern pflegen, bräuchten eine Anlaufstelle in der Nähe und die Möglichkeit, sich mit anderen Pflegenden auszutauschen, notfalls auch am Telefon.",
            ),
            (
                "bullet",
                None,
                "Dafür bräuchten die Ehrenamtlichen eine Schulung und eine Ansprechperson, an die sie sich wenden können, wenn sie merken, dass jemand Hilfe vom Pflegedienst oder vom Sozialamt braucht.",
            ),
            (
                "bullet",
                None,
                "Tablet-Sprechstunden für Senioren, bei denen Jugendliche den Älteren Videotelefonie und Online-Terminbuchung erklären, würden zwei Gruppen zusammenbringen.",
            ),
            (
                "bullet",
                None,
                "Für die Familien in den Mehrfamilienhäusern braucht es Beratung zu Leistungen wie BuT, Kinderzuschlag und Wohngeld direkt vor Ort, nicht erst in der Innenstadt.",
            ),
            (
                "bullet",
                "KiTa",
                "Die KiTa könnte Familienzentrum werden, wenn es dafür Personal gäbe. Dann hätten Eltern einen Anlaufpunkt für Beratung im Stadtteil.",
            ),
            (
                "bullet",
                None,
                "Die Schulen sollten bei den Leihgeräten die Familien aus den Mehrfamilienhäusern zuerst berücksichtigen und dazu einen Internetzugang organisieren.",
            ),
            (
                "bullet",
                "Bürgerverein",
                "Ein kleines Quartiersbüro oder wenigstens eine Quartiersmanagerin mit ein paar Stunden pro Woche würde die Ehrenamtlichen enorm entlasten.",
            ),
            (
                "bullet",
                None,
                "Die Akteure im Stadtteil – Kirchengemeinde, KiTa, Schule, Sportverein, Bürgerverein, Pflegedienst – sollten sich regelmäßig treffen, zweimal im Jahr würde schon helfen.",
            ),
            (
                "bullet",
                None,
                "Wichtig ist, dass auch die Bewohnerinnen und Bewohner der Mehrfamilienhäuser eingebunden werden, die bei solchen Runden sonst nie dabei sind.",
            ),
            (
                "bullet",
                None,
                "Informationen über Angebote sollten auf Papier verteilt werden, im Gemeindeblatt, beim Bäcker und in den Hausfluren, nicht nur online.",
            ),
            (
                "normal",
                None,
                "Der Bürgerverein und die Seniorenarbeit der Kirchengemeinde erklärten sich bereit, ein erstes Treffen der Akteure im Januar vorzubereiten, sofern es die Infektionslage zulässt.",
            ),
            (
                "normal",
                None,
                "Offen blieb, wer auf städtischer Seite für Alkenrath zuständig ist. Mehrere Teilnehmende kritisierten, dass der Stadtteil in den Planungen oft übersehen werde, weil er statistisch unauffällig wirke.",
            ),
        ],
    },
    {
        "filename": "steinbuechel_protokoll.docx",
        "created": datetime(2021, 5, 6, 10, 0, 0),
        "title": "Protokoll Quartiersworkshop Steinbüchel",
        "metadata": [
            "Workshop: Quartiersworkshop Steinbüchel",
            "Sozialraum: Steinbüchel",
            "Datum: 05.05.2021",
            "Format: digital (Videokonferenz)",
            "Teilnehmende: Marion Koch, Dariusz Nowak, Fatma Öztürk, Rainer Klein, Sandra Wolff, Peter Schäfer, Gül Aksoy",
        ],
        "body": [
            ("h1", "Herausforderungen und Bedarfe"),
            ("h2", "Wohnpark Steinbüchel"),
            (
                "bullet",
                "Quartierstreff",
                "Im Wohnpark leben auf engem Raum sehr viele Kinder und Jugendliche, und ein großer Teil der Familien lebt von Transferleistungen. Laut Sozialbericht beziehen dort fast siebzig Prozent der Kinder und Jugendlichen Sozialgeld. Diese Zahl hat uns nicht überrascht, aber sie muss endlich Folgen haben.",
            ),
            (
                "bullet",
                None,
                "Seit über einem Jahr sind die Kinder fast nur in den Wohnungen. Die Wohnungen sind für die Familiengröße zu klein, in manchen schlafen drei Kinder in einem Zimmer.",
            ),
            (
                "bullet",
                None,
                "Die Aufzüge in den Hochhäusern fallen regelmässig aus. Für Mütter mit Kinderwagen und für Ältere im zehnten Stock heißt das: Sie kommen tagelang nicht vor die Tür.",
            ),
            (
                "bullet",
                None,
                "Bei Schimmel, defekten Fenstern oder kaputten Klingeln reagiert die Hausverwaltung oft wochenlang nicht. Viele Mieterinnen und Mieter haben aufgegeben, sich zu beschweren.",
            ),
            (
                "bullet",
                "Mieterbeirat",
                "Im Wohnpark gibt es keinen Supermarkt, keine Apotheke und keinen Arzt. Der nächste Discounter ist zu Fuß eine Viertelstunde entfernt, mit Einkäufen und Kindern deutlich länger.",
            ),
            (
                "bullet",
                None,
                "Die Kinderärzte in der Umgebung nehmen kaum neue Patienten auf. Familien aus dem Wohnpark fahren mit dem Bus in andere Stadtteile oder gehen gleich in die Notaufnahme.",
            ),
            (
                "bullet",
                None,
                "Das Image des Wohnparks ist schlecht. Jugendliche erzählen, dass sie bei Bewerbungen ihre Adresse lieber nicht angeben.",
            ),
            ("h2", "Kinder, Schule und Familie"),
            (
                "bullet",
                "Grundschule",
                "Seit der Bundesnotbremse sind wir wieder im Distanzunterricht. Die Kinder aus dem Wohnpark verlieren dabei am meisten, weil zu Hause niemand helfen kann und die Technik fehlt.",
            ),
            (
                "bullet",
                None,
                "Wir haben Kinder, die seit dem Herbst keine einzige Aufgabe abgegeben haben. Hausbesuche sind die einzige Möglichkeit, sie zu erreichen, und dafür fehlt uns das Personal.",
            ),
            (
                "bullet",
                None,
                "Der WLAN-Empfang in den Hochhäusern ist schlecht, viele Familien haben nur Prepaid-Handys. Videokonferenzen mit der Klasse brechen ständig ab.",
            ),
            (
                "bullet",
                None,
                "Die verpflichtenden Selbsttests in der Schule verunsichern viele Eltern. Manche fürchten, dass ein positives Ergebnis Ärger mit Ämtern bedeutet, und schicken ihr Kind dann gar nicht mehr.",
            ),
            (
                "bullet",
                "KiTa",
                "Bei den Kindern, die im letzten Jahr kaum in der KiTa waren, sehen wir deutliche Rückstände in der Sprache und in der Motorik. Die Einschulung im Sommer macht uns Sorgen.",
            ),
            (
                "bullet",
                None,
                "Viele Familien haben das BuT-Mittagessen nicht bekommen, weil es ausgefallen ist, und einen Ersatz gab es erst spät und umständlich über Lieferungen.",
            ),
            (
                "bullet",
                "Jugendhilfe",
                "Die Jugendlichen sind frustiert und wütend. Es gibt Konflikte mit dem Ordnungsamt, weil sie sich in Gruppen draußen treffen – wo sollen sie auch hin?",
            ),
            (
                "bullet",
                None,
                "Die Zahl der Einsätze wegen häuslicher Gewalt im Wohnpark ist nach Einschätzung der Fachkräfte gestiegen. Die Frauen kennen das Hilfesystem oft nicht oder haben Angst vor den Folgen für ihren Aufenthalt.",
            ),
            (
                "bullet",
                "Stadtteilmütter",
                "Viele Mütter sprechen wenig Deutsch und sind seit Corona noch isolierter. Die Sprachkurse und die Müttertreffs sind ausgefallen.",
            ),
            (
                "bullet",
                None,
                "Alleinerziehende Mütter im Wohnpark stehen mit allem allein da: Homeschooling, Einkaufen ohne Auto, Behördengänge, und das mit mehreren Kindern.",
            ),
            (
                "normal",
                None,
                "Die Teilnehmenden waren sich einig, dass sich im Wohnpark die Probleme der Stadt wie unter einem Brennglas bündeln. Die Pandemie habe die Lage nicht verursacht, aber deutlich verschärft.",
            ),
            ("h1", "Ressourcen und Möglichkeiten"),
            (
                "bullet",
                "Quartierstreff",
                "Der kleine Treffpunkt im Erdgeschoss eines der Hochhäuser ist für viele Familien die wichtigste Anlaufstelle. Wir haben auch im Lockdown nie ganz zugemacht, sondern Beratung durchs Fenster und am Telefon gemacht.",
            ),
            (
                "bullet",
                None,
                "Frau Koch vom Quartierstreff kennt die meisten Familien persönlich und genießt großes Vertrauen. Sie wird gerufen, wenn Briefe vom Amt nicht verstanden werden oder der Strom abgestellt werden soll.",
            ),
            (
                "bullet",
                "Stadtteilmütter",
                "Die Stadtteilmütter sprechen zusammen sieben Sprachen und erreichen Familien, zu denen sonst niemand Zugang hat.",
            ),
            (
                "bullet",
                None,
                "Es gibt im Wohnpark eine große Solidarität unter den Nachbarinnen. Man passt gegenseitig auf die Kinder auf, teilt Essen und hilft bei Behördenbriefen.",
            ),
            (
                "bullet",
                "Mieterbeirat",
                "Der Mieterbeirat sammelt Beschwerden über Mängel in den Häusern und leitet sie gesammelt an die Hausverwaltung weiter. Seitdem reagiert sie etwas schneller.",
            ),
            (
                "bullet",
                None,
                "Die große Wiese zwischen den Hochhäusern und der Spielplatz sind viel genutzt und wären geeignet für Angebote im Freien, zum Beispiel Spielmobil, Sport oder ein Sommerfest.",
            ),
            (
                "bullet",
                "Jugendhilfe",
                "Ein Streetworker ist an zwei Nachmittagen pro Woche im Wohnpark unterwegs und kennt inzwischen die meisten Jugendlichen mit Namen.",
            ),
            (
                "bullet",
                "Kirchengemeinde",
                "Die Kirchengemeinde bietet einmal pro Woche eine Lebensmittelausgabe in Ergänzung zur Tafel an und hat einen Fonds für Notlagen, zum Beispiel für Schulmaterial.",
            ),
            (
                "bullet",
                "Grundschule",
                "Die Grundschule hat mit Unterstützung eines Fördervereins eine Lernwerkstatt eingerichtet, in der Kinder aus der Notbetreuung an Laptops arbeiten können.",
            ),
            (
                "normal",
                None,
                "Mehrere Teilnehmende betonten, dass die Menschen im Wohnpark viel können und viel leisten. Es fehle nicht an Engagement, sondern an Räumen, Geld und dauerhaftem Personal.",
            ),
            ("h1", "Entwicklung, Vernetzung und Stärkung"),
            ("h2", "Versorgung und Wohnumfeld"),
            (
                "bullet",
                "Mieterbeirat",
                "Der Wohnpark braucht eine Grundversorgung vor Ort: einen kleinen Lebensmittelladen, eine Apotheke oder zumindest eine regelmäßige Sprechstunde von Kinderarzt und Hausarzt.",
            ),
            (
                "bullet",
                None,
                "Eine mobile Impfaktion direkt im Wohnpark, mit Dolmetscherinnen und ohne Online-Anmeldung, würde viel mehr Menschen erreichen als das Impfzentrum.",
            ),
            (
                "bullet",
                None,
                "Die Wohnungsgesellschaft muss in die Pflicht genommen werden: funktionierende Aufzüge, Beseitigung von Schimmel und ein Hausmeister, der vor Ort erreichbar ist.",
            ),
            (
                "bullet",
                None,
                "Es braucht eine bessere Busanbindung, vor allem abends und am Wochenende, damit Jugendliche und Familien auch Angebote in anderen Stadtteilen erreichen können.",
            ),
            ("h2", "Kinder und Jugendliche"),
            (
                "bullet",
                "Jugendhilfe",
                "Die Jugendlichen brauchen einen eigenen Raum im Wohnpark, einen Jugendtreff mit festen Öffnungszeiten, in dem sie nicht vertrieben werden.",
            ),
            (
                "bullet",
                None,
                "Die Lernförderung im Wohnpark muss ausgebaut werden: Hausaufgabenhilfe in kleinen Gruppen, mit Laptops und stabilem Internet, möglichst im Quartierstreff.",
            ),
            (
                "bullet",
                None,
                "Für die Sommerferien braucht es Angebote direkt im Wohnpark, damit die Kinder nach diesem Jahr wenigstens etwas Erholung und Bewegung bekommen.",
            ),
            (
                "bullet",
                "KiTa",
                "Es braucht zusätzliche Sprachförderung für die Kinder, die vor der Einschulung stehen, am besten mit Einbindung der Eltern.",
            ),
            ("h2", "Beratung, Vernetzung und Quartiersmanagement"),
            (
                "bullet",
                "Quartierstreff",
                "Der Quartierstreff braucht mehr Personal und größere Räume. Mit einer halben Stelle lässt sich ein Quartier mit so vielen Kindern nicht begleiten.",
            ),
            (
                "bullet",
                None,
                "Beratung zu Schulden, Jobcenter und Aufenthaltsfragen sollte regelmäßig vor Ort stattfinden, mit Sprachmittlung, statt die Menschen in die Innenstadt zu schicken.",
            ),
            (
                "bullet",
                None,
                "Die Stadtteilmütter sollten fest angestellt und nicht nur über befristete Projekte finanziert werden.",
            ),
            (
                "bullet",
                None,
                "Die Akteure rund um den Wohnpark – Schule, KiTa, Jugendhilfe, Kirchengemeinde, Quartierstreff, Wohnungsgesellschaft, Jobcenter – sollten sich regelmäßig zu einer Stadtteilkonferenz treffen.",
            ),
            (
                "bullet",
                None,
                "Die Bewohnerinnen und Bewohner sollen bei allen Planungen für den Wohnpark von Anfang an beteiligt werden, zum Beispiel über einen Bewohnerbeirat, nicht nur über Umfragen.",
            ),
            (
                "normal",
                None,
                "Vereinbart wurde, dass das Team des Quartierstreffs die Ergebnisse mit den Bewohnerinnen und Bewohnern im Quartierstreff bespricht, sobald Treffen wieder möglich sind.",
            ),
        ],
    },
]


def build(spec: dict) -> bytes:
    """Return the bytes of one protocol as a deterministic .docx file."""
    doc = Document()
    doc.add_paragraph(spec["title"], style="Title")
    for line in spec["metadata"]:
        doc.add_paragraph(line, style="Normal")
    for entry in spec["body"]:
        kind = entry[0]
        if kind == "h1":
            doc.add_paragraph(entry[1], style="Heading 1")
        elif kind == "h2":
            doc.add_paragraph(entry[1], style="Heading 2")
        else:
            _, role, text = entry
            style = "List Bullet" if kind == "bullet" else "Normal"
            paragraph = doc.add_paragraph(style=style)
            if role:
                paragraph.add_run(f"{role}:").bold = True
                paragraph.add_run(f" {text}")
            else:
                paragraph.add_run(text)

    props = doc.core_properties
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.title = spec["title"]
    props.created = spec["created"]
    props.modified = spec["created"]
    props.revision = 1

    raw = io.BytesIO()
    doc.save(raw)
    return _normalise_zip(raw.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite the ZIP container with fixed timestamps and a stable member order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parent.parent / "demo"
    parser.add_argument(
        "--out", type=Path, default=default, help="Zielordner (Standard: corpus/demo)"
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for spec in DOCUMENTS:
        target = args.out / spec["filename"]
        target.write_bytes(build(spec))
        print(f"{target}")


if __name__ == "__main__":
    main()
