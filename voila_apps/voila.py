# Voilà-Konfiguration der Apps in diesem Ordner (Python, von Voilà gelesen, wenn der Ordner
# in --Voila.config_file_paths steht; siehe Makefile `demo` und tests/browser/conftest.py):
# Kerne aus einem vorgewärmten Prozess, schlanke Seiten für die Beteiligungs-Apps,
# zwischengespeicherte Vorlagen. Die Werte dazu stehen in widgets/voila_server.py.
from widgets.voila_server import configure

configure(c)  # noqa: F821 – `c` ist Voilàs Konfigurationsobjekt
