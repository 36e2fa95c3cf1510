"""The words of a transcriber's notes on what is no speech: one vocabulary for the import
(sound tags in subtitles and transcripts, :mod:`workbench.ingest.sound_tags`) and the
analysis (words made for keywords and labels, :mod:`workbench.analysis.markup`).

"(lacht)", "[Musik]", "((räuspert sich))", "*Applaus*" are sounds; "(unv.)",
"[unverständlich]", "[inaudible]" mark a gap in what was said (kept in a statement's text).
"""

from __future__ import annotations

# A note's word that names a sound of the room or the body, or how something was said
# (in lower case, without a final dot)
SOUNDS = frozenset(
    """
    applaus applause beifall klatschen klatscht crosstalk durcheinander gelächter lachen
    lacht lachend lache lachte lächelt lächelnd laughter laughs laughing grinst schmunzelt
    geräusch geräusche hintergrundgeräusch hintergrundgeräusche störgeräusche rauschen noise
    husten hustet coughs räuspern räuspert seufzt seufzen seufzend sighs niest schnieft
    schluckt atmet stöhnt gähnt weint schluchzt flüstert flüsternd zögert zögernd stockt
    ironisch betont klingelt klingeln music musik musikeinspielung jingle pause sprechpause
    stille silence schweigen cheering cheers lautsprecherdurchsage
    """.split()
)
# A note that marks a gap in what was said: the statement keeps it
GAPS = frozenset(
    "unverständlich unverstandlich unverst unv unv. inaudible unintelligible ... …".split()
)
