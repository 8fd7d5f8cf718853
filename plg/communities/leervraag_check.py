"""Rule-based feedback on a PLG learning question (leervraag).

A good leervraag asks *why* rather than *how*, is about what the team itself wants to learn,
is neither too vague nor task-like, and shows what the pupils gain. This module checks a
Dutch text against those six criteria with plain keyword and regex rules, so that every
verdict is deterministic and can be explained to the group in one sentence. It needs no
database and no model; only the explanation texts go through Django's gettext.

Matching happens on a normalised copy of the text (lowercase, accents stripped, punctuation
removed); the original text is never changed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

CRITERIA: tuple[str, ...] = (
    "is_question",
    "why_not_how",
    "own_learning",
    "not_too_concrete",
    "not_too_vague",
    "child_link",
)

# --- word lists -------------------------------------------------------------------------------
# All lists are written in normalised form: lowercase and without accents, one string of
# words separated by whitespace so that they stay easy to read and to extend.


def _words(text: str) -> frozenset[str]:
    """A set of whole words, for exact look-ups."""
    return frozenset(text.split())


def _stems(text: str) -> tuple[str, ...]:
    """Word parts, in the order written, for `in` and `startswith` checks."""
    return tuple(text.split())


# Words that open a question when they come first ("Waarom ...", "Welke ...").
INTERROGATIVES: frozenset[str] = _words(
    """
    waarom wat welke welk hoe hoeveel hoelang hoezo hoever hoeverre wie wiens wanneer waar
    waarover waarvoor waardoor waarmee waaraan waarop waarin waaruit waartoe waarbij
    waarheen
    """
)

# A preposition followed by an interrogative also opens a question ("In hoeverre", "Voor wie").
QUESTION_PREPOSITIONS: frozenset[str] = _words("in op voor met bij aan van tot vanuit naar om over")

# Finite verbs that, in first position, turn a Dutch sentence into a yes/no question
# ("Kunnen we ...", "Is huiswerk ...", "Helpt feedback ...").
QUESTION_VERBS: frozenset[str] = _words(
    """
    kunnen kan kun moeten moet willen wil wilt zullen zal zouden zou mogen mag hoeven hoeft
    hebben heeft hebt heb zijn is ben bent was waren wordt worden word doen doet gaan gaat
    leren leert krijgen krijgt helpt helpen werkt werken vinden vindt vind weten weet zien
    ziet draagt dragen maakt maken geeft geven blijft blijven verdient verdienen biedt
    bieden speelt spelen staat staan past passen sluit sluiten verandert veranderen beseffen
    beseft merken merkt ervaren ervaart denken denkt lukt lukken begrijpen begrijpt kennen
    kent voelen voelt hangt hangen levert leveren
    """
)

# Subjects that may follow a fronted verb in a yes/no question.
QUESTION_SUBJECTS: frozenset[str] = _words(
    """
    we wij ik je jij jullie u ze zij hij men het de een onze ons mijn jouw hun deze die dit
    dat er alle elke iedere iedereen leerlingen kinderen kleuters leerkrachten leraren
    huiswerk feedback evalueren samenwerken
    """
)

# Pronouns strong enough to signal inversion after an unknown verb ("Beseffen we ...").
SUBJECT_PRONOUNS: frozenset[str] = _words("we wij ik jij je jullie u ze zij hij men")

# Conjunctions and prepositions that look like verbs (ending in -en/-t) but start a statement
# or a subordinate clause ("Omdat we ...", "Tussen jullie ...").
NOT_VERBS: frozenset[str] = _words(
    """
    omdat want dat toen nadat zodat opdat terwijl totdat tenzij indien met niet net echt
    toch tussen binnen buiten tegen boven beneden naast sinds eerst samen morgen gisteren
    misschien het wat dit zelfs intussen ondertussen alleen eigenlijk best meest voorheen
    volgens tot sindsdien meteen
    """
)

# Nouns that name meaning, value or vision: "wat"/"welke" plus one of these asks after
# the why behind a practice ("Wat is de meerwaarde van ...", "Welke visie ...").
MEANING_WORDS: frozenset[str] = _words(
    """
    visie visies betekenis meerwaarde waarde waarden bedoeling doel doelen effect effecten
    impact invloed overtuiging overtuigingen opvatting opvattingen belang rol boodschap
    verwachting verwachtingen kijk missie reden redenen literatuur onderzoek oorzaak
    oorzaken gevolgen noden behoeften mensbeeld zin
    """
)

# Words that, on their own, could describe almost any subject. A question built only from
# these (plus function words) does not tell the group what it will study.
GENERIC_WORDS: frozenset[str] = _words(
    """
    onderwijs school scholen beter betere best beste goed goede slecht belangrijk
    belangrijke belang kwaliteit kwaliteitsvol kwaliteitsvolle verbeteren verbetering dingen
    ding zaken zaak aanpak leren werken nieuw nieuwe succes succesvol probleem problemen
    situatie algemeen aspect aspecten vlak praktijk lesgeven les lessen visie missie
    betekenis betekent betekenen meerwaarde waarde effect impact invloed rol doel doelen
    geven geeft houden vinden vindt hebben heeft worden wordt zorgen anders meer vooruit
    verder evolueren veranderen verandering vernieuwen innoveren sterker leuker fijner samen
    elkaar aanpakken oplossen aanpassen bereiken veranderd gebeuren team teams leerkracht
    leerkrachten leraar leraren leerling leerlingen kind kinderen klas klassen collega
    collegas
    """
)

# Function words that never carry the subject of a question.
STOPWORDS: frozenset[str] = _words(
    """
    de het een en of maar dat die dit deze dan als om te in op aan van voor met bij naar uit
    over door tot tegen onder tussen zonder na sinds per er hier daar niet geen wel ook nog
    al toch zo zoals minder veel weinig heel zeer erg echt eigenlijk nu dus want omdat zodat
    we wij ik je jij jullie ze zij hij ons onze mijn me mij hun haar zich men iets alles
    iedereen is ben bent zijn was waren word heb hebt kan kunnen kun moet moeten wil willen
    wilt zal zullen zou zouden mag mogen gaan gaat doen doet maken maakt laten krijgen komen
    komt staan staat eraan erover ervan hiervan daarvan daarmee zelf allemaal steeds vaak
    soms altijd nooit manier wijze mate hoeverre alle elke iedere welke welk wat waarom hoe
    wie wanneer waar hoeveel meer
    """
)

# Pupils: any word containing one of these stems makes the link with the child.
CHILD_STEMS: tuple[str, ...] = _stems(
    """
    leerling kind kleuter jongere scholier peuter puber tiener nieuwkomer leerwinst
    welbevinden leerproces leerresultat leerprestati leerontwikkeling leerkansen
    """
)
# ...except words about the adults or buildings around them.
CHILD_STEM_EXCEPTIONS: tuple[str, ...] = _stems(
    """
    kleuterleid kleuterjuf kleuteronderwijz kleuterschool kinderverzorg
    """
)
# "klas" counts only as the group of pupils, not in compounds like "klaspraktijk".
# "Jongens" and "meisjes" as whole words only.
CHILD_WORDS: frozenset[str] = _words("klas klassen klasgroep klasgroepen jongens meisjes")

# The team itself: we, our view, colleagues.
OWN_WORDS: frozenset[str] = _words("we wij ons onze ik mijn mij jullie")
OWN_STEMS: tuple[str, ...] = _stems(
    """
    leerkracht leraar leraren collega docent schoolleid kleuterleid team zorgcoordinat
    directie directeur begeleider
    """
)
# Words that contain an own-stem by accident ("STEAM-onderwijs" is not about the team).
OWN_STEM_EXCEPTIONS: tuple[str, ...] = ("steam",)

WEEKDAYS_AND_MONTHS: tuple[str, ...] = _stems(
    """
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag weekend januari februari
    maart april juni juli augustus september oktober november december
    """
)

# Stems of planning, organising, budget and ordering words (matched inside words, so that
# "lessenrooster" and "werkingsbudget" count too).
ORGANISING_STEMS: tuple[str, ...] = _stems(
    """
    organiseren organiseer inplannen ingepland planning rooster regelen geregeld kopen
    aankoop bestellen bestelling budget kostprijs draaiboek logistiek reserveren
    taakverdeling kalender sjabloon layout lay-out deadline datum inschrijving vervoer
    """
)

_NUMBER = (
    r"(?:\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twintig|dertig|veertig|"
    r"half|halve|anderhalf|anderhalve)"
)

# Task-like details: times, durations, dates, frequencies, who-does-what, planning.
CONCRETE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b{_NUMBER}\s*(?:minuten|minuut|min|uur|uren|u|h|kwartier)\b"),
    re.compile(r"\bkwartier\b"),
    re.compile(r"\b\d{1,2}\s*[:.h]\s*\d{2}\b"),
    re.compile(r"\b\d{1,2}\s*[/-]\s*\d{1,2}(?:\s*[/-]\s*\d{2,4})?\b"),
    re.compile(r"\b\d{1,2}\s+mei\b"),
    re.compile(
        r"\bper\s+(?:dag|week|maand|jaar|trimester|semester|schooljaar|periode|les|lesuur)\b"
    ),
    re.compile(r"\b(?:elke|iedere|om\s+de)\s+(?:\w*dag|week|maand|jaar|trimester|semester)\b"),
    re.compile(r"\b(?:dagelijks|wekelijks|tweewekelijks|maandelijks|driemaandelijks|jaarlijks)\b"),
    re.compile(rf"\b{_NUMBER}\s+(?:keer|maal)\b"),
    re.compile(r"\bhoe\s*vaak\b|\bhoe\s*lang\b|\bhoeveel\s+(?:keer|tijd|minuten|uur|uren)\b"),
    re.compile(r"\b(?:volgende|deze|komende)\s+(?:week|maand)\b"),
    re.compile(
        r"\bwie\s+(?:doet|neemt|zorgt|regelt|maakt|brengt|trekt|coordineert|organiseert|"
        r"is\s+verantwoordelijk|wat)\b"
    ),
    re.compile(r"\bverantwoordelijken?\b"),
    re.compile(r"\btaken\s+verdelen\b|\bverdelen\s+we\s+de\s+taken\b"),
    re.compile(r"\bplannen\s+we\b|\bwe\s+plannen\b"),
    re.compile(r"\beuro\b|€"),
)

_MEANING_ALTERNATION = "|".join(sorted(MEANING_WORDS))

# Signals of a why/meaning question.
WHY_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\bwaarom\b|\bwaartoe\b|\bhoezo\b"),
    re.compile(r"\bin\s+hoeverre\b|\bin\s+welke\s+mate\b"),
    re.compile(r"\bwat\s+(?:betekent|betekenen|zegt|zeggen|vertelt|maakt\s+dat)\b"),
    re.compile(r"\bwat(?:\s+\w+){0,6}\s+(?:leren|bijleren|leert)\b"),
    re.compile(rf"\b(?:wat|welke|welk)(?:\s+\w+){{0,6}}\s+(?:{_MEANING_ALTERNATION})\b"),
    re.compile(r"\bhoe\s+(?:kijken|kijk|denken|denk|staan|sta)\s+(?:we|wij|ik|jullie)\b"),
    re.compile(r"\bhoe\s+(?:past|passen)\b(?:\s+\w+){0,10}\s+(?:visie|missie)\b"),
    re.compile(r"\bhoe\s+(?:verhoudt|verhouden|ervaren|ervaart|beleven|beleeft)\b"),
    re.compile(r"\bhoe\s+(?:belangrijk|zinvol|nodig)\s+(?:vinden|vind|is|zijn)\b"),
    re.compile(r"\b(?:zinvol|zinnig|nuttig|wenselijk|waardevol|terecht)\b"),
)

# Signals of a how-to, who or when question.
HOW_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\bhoe\b"),
    re.compile(r"\bop\s+welke\s+(?:manier|wijze)\b"),
    re.compile(r"\bwanneer\b|\bwie\b|\bhoeveel\b|\bhoelang\b"),
    re.compile(
        r"\bwelke?\s+(?:thema|stappen|dag|dagen|datum|materiaal|materialen|methode|methodes|"
        r"tools?|apps?|boeken|lokaal|rubrieken|afspraken)\b"
    ),
    re.compile(r"\bwat\s+(?:gaan|moeten|zullen|kopen|doen|kiezen)\s+(?:we|wij)\b"),
)

# Openings that make a question practical and organisational (a working group's question).
PRACTICAL_OPENINGS: re.Pattern[str] = re.compile(
    r"^(?:wie|wanneer|hoeveel|hoelang)\b"
    r"|^(?:op|aan|in)\s+welke\s+(?:dag|dagen|datum|momenten?)\b"
    r"|^welke?\s+(?:thema|stappen|dag|dagen|datum|rubrieken|materialen)\b"
    r"|^hoe\s+(?:organiseren|regelen|plannen|verdelen|pakken|zorgen|lossen)\b"
)

# Explicit indirect questions: "Ik vraag me af ...", "We willen begrijpen waarom ...".
INDIRECT_QUESTION: re.Pattern[str] = re.compile(
    r"\bvra(?:ag|agt|gen)\b(?:\s+\w+){0,3}\s+af\b"
    r"|\bbenieuwd\b"
    r"|\b(?:weten|begrijpen|onderzoeken|uitzoeken|nagaan|ontdekken|verkennen|achterhalen)\s+"
    r"(?:waarom|of|hoe|wat|welke|wie|wanneer|in\s+hoeverre|in\s+welke\s+mate)\b"
)

# A leading label such as "Leervraag:" is not part of the question.
LEADING_LABEL: re.Pattern[str] = re.compile(r"^\s*(?:onze\s+)?(?:leer|onderzoeks)?vraag\s*:\s*")

_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")

# "Waarom evalueren we?" is short but names its subject; "Waarom huiswerk?" is too short.
MIN_WORDS = 3
MIN_SPECIFIC_WORDS = 1
# A how-question needs one more: the practice and where or for whom. "Hoe kunnen we meer
# differentiëren?" names a practice but could be about any class, subject or pupil; "Hoe
# kunnen we meer differentiëren bij begrijpend lezen?" says what the group will look at.
MIN_SPECIFIC_WORDS_HOW = 2

# A how-question: how to do something ("Hoe kunnen we ...", "Op welke manier ...").
HOW_TO: re.Pattern[str] = re.compile(r"\bhoe\b|\bop\s+welke\s+(?:manier|wijze)\b")


# --- normalisation ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Text:
    """The forms of the input the rules look at."""

    plain: str  # lowercase, accents stripped, whitespace collapsed, punctuation kept
    words: tuple[str, ...]  # word tokens of `plain`
    flat: str  # the tokens joined by single spaces: punctuation-free text for phrase rules


def _strip_accents(text: str) -> str:
    """Remove diacritics so that "coördinator" and "coordinator" match the same rule."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _normalise(text: str) -> _Text:
    """Build the matching forms; the caller's text itself is never shown altered."""
    plain = _strip_accents(text.casefold())
    plain = plain.replace("’", "'").replace("‘", "'")
    plain = " ".join(plain.split())
    plain = LEADING_LABEL.sub("", plain)
    words = tuple(_TOKEN.findall(plain))
    return _Text(plain=plain, words=words, flat=" ".join(words))


def _first_position(patterns: tuple[re.Pattern[str], ...], text: str) -> int | None:
    """Where the earliest of `patterns` matches in `text`, or None when none matches."""
    positions = [match.start() for pattern in patterns if (match := pattern.search(text))]
    return min(positions) if positions else None


# --- the six rules ----------------------------------------------------------------------------


def _starts_with_interrogative(words: tuple[str, ...]) -> bool:
    """'Waarom ...', 'Welke ...', and also 'In hoeverre ...', 'Voor wie ...'.

    In a Dutch question the verb follows the question word ("Wanneer gaan we ...").
    A pronoun right after it ("Wanneer we samenwerken, ...") starts a subordinate clause,
    which is a statement.
    """
    if words and words[0] in INTERROGATIVES:
        rest = words[1:]
    elif len(words) > 1 and words[0] in QUESTION_PREPOSITIONS and words[1] in INTERROGATIVES:
        rest = words[2:]
    else:
        return False
    return not rest or rest[0] not in SUBJECT_PRONOUNS


def _starts_with_inversion(words: tuple[str, ...]) -> bool:
    """Dutch yes/no questions put the verb first: 'Kunnen we ...', 'Beseffen wij ...'."""
    if len(words) < 2:
        return False
    first, second = words[0], words[1]
    if first in QUESTION_VERBS and second in QUESTION_SUBJECTS:
        return True
    looks_like_verb = first.endswith(("en", "t")) and first not in NOT_VERBS
    return looks_like_verb and second in SUBJECT_PRONOUNS


def _is_question(text: _Text) -> bool:
    """A question mark, a question word first, verb-first order, or 'ik vraag me af'."""
    return (
        "?" in text.plain
        or _starts_with_interrogative(text.words)
        or _starts_with_inversion(text.words)
        or bool(INDIRECT_QUESTION.search(text.flat))
    )


def _asks_why(text: _Text) -> bool:
    """True when a why/meaning signal comes before (or without) any how/who/when signal.

    The signal that comes first sets the direction: "Waarom ... en hoe ...?" is a why-question
    that also looks ahead; "Hoe organiseren we ... zodat ...?" stays a how-question.
    """
    why_at = _first_position(WHY_PATTERNS, text.flat)
    if why_at is None:
        return False
    how_at = _first_position(HOW_PATTERNS, text.flat)
    return how_at is None or why_at <= how_at


def _is_own_word(word: str) -> bool:
    """A word that puts the team itself in the picture."""
    if word in OWN_WORDS:
        return True
    if any(exception in word for exception in OWN_STEM_EXCEPTIONS):
        return False
    return any(stem in word for stem in OWN_STEMS)


def _is_about_own_learning(text: _Text) -> bool:
    """The team speaks about itself: we/ons/onze, or teachers, colleagues, the team."""
    return any(_is_own_word(word) for word in text.words)


def _is_task_like(text: _Text) -> bool:
    """Days, dates, times, frequencies, who-does-what or planning words make it a task."""
    if any(word.startswith(WEEKDAYS_AND_MONTHS) for word in text.words):
        return True
    if any(stem in word for word in text.words for stem in ORGANISING_STEMS):
        return True
    return any(pattern.search(text.plain) for pattern in CONCRETE_PATTERNS)


def _content_words(text: _Text) -> list[str]:
    """Words that can carry meaning: no function words, no numbers, no tiny words."""
    return [
        word
        for word in text.words
        if len(word) >= 3 and not word.isdigit() and word not in STOPWORDS
    ]


def _is_specific_enough(text: _Text, *, asks_how: bool) -> bool:
    """Enough words, and at least one that names a concrete subject (not just 'onderwijs');
    a how-question needs two, or it could be about almost any class (``MIN_SPECIFIC_WORDS_HOW``)."""
    if len(text.words) < MIN_WORDS:
        return False
    specific = [word for word in _content_words(text) if word not in GENERIC_WORDS]
    return len(specific) >= (MIN_SPECIFIC_WORDS_HOW if asks_how else MIN_SPECIFIC_WORDS)


def _asks_how_to(text: _Text, *, why: bool, task_like: bool) -> bool:
    """A how-question that is not a why-question in disguise ("Hoe kijken we naar ...") and
    not a task (a task is concrete, whatever else it lacks)."""
    return not why and not task_like and bool(HOW_TO.search(text.flat))


def _is_child_word(word: str) -> bool:
    """A word about pupils or their learning and wellbeing (not about their teachers)."""
    if word in CHILD_WORDS:
        return True
    if any(exception in word for exception in CHILD_STEM_EXCEPTIONS):
        return False
    return any(stem in word for stem in CHILD_STEMS)


def _links_to_child(text: _Text) -> bool:
    """The question itself already says what the pupils stand to gain."""
    return any(_is_child_word(word) for word in text.words)


def _needs_werkgroep(text: _Text, criteria: dict[str, bool]) -> bool:
    """Task-like text, or a practical question (who, when, how to organise), without a why."""
    if not text.words or criteria["why_not_how"]:
        return False
    if not criteria["not_too_concrete"]:
        return True
    return criteria["is_question"] and bool(PRACTICAL_OPENINGS.search(text.flat))


# --- explanations -----------------------------------------------------------------------------


def _explanation(criterion: str, met: bool) -> str:
    """The Dutch feedback for one verdict, in the language of the request."""
    gehaald, niet_gehaald = _EXPLANATIONS[criterion]
    return _(gehaald if met else niet_gehaald)


# What each verdict says, met and not met; the Dutch text is the msgid for translation.
_EXPLANATIONS: dict[str, tuple[str, str]] = {
    "is_question": (
        gettext_noop(
            "Jullie tekst is als een vraag geformuleerd. Fijn, want een vraag nodigt uit "
            "om samen op zoek te gaan in plaats van meteen een oordeel te vellen."
        ),
        gettext_noop(
            "Dit leest nog als een vaststelling of een gevoel, niet als een vraag. Dat is een "
            "waardevol vertrekpunt! Maak er een vraag van: wat loopt er precies stroef, en "
            "waarom raakt het jullie? Begin bijvoorbeeld met 'Waarom ...' of 'Wat betekent ...'."
        ),
    ),
    "why_not_how": (
        gettext_noop(
            "Jullie vraag peilt naar het waarom of naar de betekenis achter jullie praktijk. "
            "Zo blijft het gesprek open en krijgen jullie de kans om eerst te begrijpen "
            "voordat jullie iets veranderen."
        ),
        gettext_noop(
            "Jullie vraag zoekt vooral naar het hoe, wie of wanneer, of de richting is nog niet "
            "duidelijk. Dan duiken oplossingen snel op. Zet er eens een waarom-vraag naast: "
            "waarom doen we dit eigenlijk, en wat willen we ermee bereiken?"
        ),
    ),
    "own_learning": (
        gettext_noop(
            "De vraag gaat over jullie zelf, als leraren of als team. Zo wordt het een "
            "gedeelde zoektocht waarin jullie ook je eigen kijk op onderwijs durven bevragen."
        ),
        gettext_noop(
            "We lezen nog niet wat jullie als team zelf willen leren. Vraag jullie samen af: "
            "wat willen wij hier bijleren, en welke gewoontes of overtuigingen van onszelf "
            "komen zo in beeld?"
        ),
    ),
    "not_too_concrete": (
        gettext_noop(
            "We vinden geen planning, tijdstippen of taakverdeling in de vraag. Goed zo: "
            "dan blijft er ruimte om eerst samen te onderzoeken voor jullie iets beslissen."
        ),
        gettext_noop(
            "De vraag bevat praktische details, zoals dagen, uren, een frequentie, een budget "
            "of wie wat doet. Zo wordt ze een taak en springen jullie snel naar een oplossing. "
            "Laat die details even los: wat zit er achter deze praktische kwestie?"
        ),
    ),
    "not_too_vague": (
        gettext_noop(
            "Jullie vraag heeft een herkenbaar onderwerp. Zo weet iedereen waarover het "
            "gesprek gaat, en dat maakt het makkelijker om samen de diepte in te gaan."
        ),
        gettext_noop(
            "De vraag is nog erg kort of algemeen: ze zou over bijna elke klas of elk vak "
            "kunnen gaan. Maak duidelijk welk stuk van jullie praktijk jullie bedoelen, en "
            "waar of voor wie: bijvoorbeeld feedback bij het schrijven, huiswerk in de derde "
            "graad of differentiëren bij begrijpend lezen."
        ),
    ),
    "child_link": (
        gettext_noop(
            "Jullie leggen de link met de leerlingen. Zo blijft zichtbaar wat de kinderen "
            "uiteindelijk winnen bij wat jullie samen leren."
        ),
        gettext_noop(
            "Het verband met de leerlingen staat er nog niet in. Vraag jullie eens af: wat "
            "hebben onze kinderen eraan als wij hier meer over leren? Neem dat antwoord mee in "
            "de formulering."
        ),
    ),
}


def _werkgroep_hint() -> str:
    """Said when the question is practical: not every need calls for a PLG."""
    return _(
        "Deze vraag klinkt vooral praktisch en organisatorisch. Misschien past een werkgroep "
        "hier beter dan een PLG: die kan vlot afspraken maken en taken verdelen. Willen "
        "jullie er toch een PLG rond starten, zoek dan eerst het waarom achter de praktische "
        "vraag."
    )


# --- public API -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LeervraagCheck:
    """The verdict per criterion, a Dutch explanation per verdict, and an optional hint."""

    criteria: dict[str, bool]
    explanations: dict[str, str]
    werkgroep_hint: str | None

    @property
    def passed(self) -> int:
        """How many of the six criteria are met."""
        return sum(1 for met in self.criteria.values() if met)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly copy, e.g. for an htmx partial or an API response."""
        return {
            "criteria": dict(self.criteria),
            "explanations": dict(self.explanations),
            "werkgroep_hint": self.werkgroep_hint,
        }


def check_leervraag(text: str) -> LeervraagCheck:
    """Check a Dutch leervraag against the six criteria; never raises on odd input."""
    normalised = _normalise(text or "")
    why = _asks_why(normalised)
    task_like = _is_task_like(normalised)
    asks_how = _asks_how_to(normalised, why=why, task_like=task_like)
    criteria = {
        "is_question": _is_question(normalised),
        "why_not_how": why,
        "own_learning": _is_about_own_learning(normalised),
        "not_too_concrete": not task_like,
        "not_too_vague": _is_specific_enough(normalised, asks_how=asks_how),
        "child_link": _links_to_child(normalised),
    }
    explanations = {name: _explanation(name, criteria[name]) for name in CRITERIA}
    hint = _werkgroep_hint() if _needs_werkgroep(normalised, criteria) else None
    return LeervraagCheck(criteria=criteria, explanations=explanations, werkgroep_hint=hint)
