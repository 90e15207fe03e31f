"""Cybersecurity for connected industry: risk scores, passphrase entropy, incident-response order.

Pure functions for the chapter "Cybersecurity for connected industry":

Risk (likelihood x impact)
    :func:`risk_score`, :func:`risk_category` and :func:`risk_priority` score a
    risk on a 5 x 5 matrix; :data:`THREATS` holds five example threats to a
    small plant, each with one control; :func:`risk_demo` is the chapter's
    interactive risk matrix (its result has ``to_text()`` and ``to_html()``).
Passwords and passphrases
    :func:`random_string_bits`, :func:`passphrase_bits`, :func:`average_guess_seconds`
    and :func:`strength_report`. **They are local:** they use no network,
    write no file and log nothing. The text given to :func:`strength_report`
    is read once and not kept: the report holds only counts (length, words,
    kinds of characters), never the text itself.
Incident response
    :data:`IR_STEPS`, the steps of handling an incident in order, and
    :func:`diagnose_order`, which says which steps of a learner's list are out
    of order.

The cut-offs of the risk categories and the example likelihoods and impacts
are the course's choices for teaching, not values from a standard: every
organisation sets its own.
"""

from __future__ import annotations

import html
import math
import numbers
import string
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..i18n import N_, format_decimal, gettext as _

__all__ = [
    "LIKELIHOOD",
    "IMPACT",
    "CATEGORIES",
    "PRIORITY",
    "risk_score",
    "risk_category",
    "risk_priority",
    "score_matrix",
    "Threat",
    "THREATS",
    "threat_table",
    "RiskCell",
    "RiskResult",
    "risk_demo",
    "example_register",
    "CHARACTER_CLASSES",
    "OTHER_POOL",
    "MAX_LENGTH",
    "WORDLIST_SIZE",
    "GUESS_RATES",
    "random_string_bits",
    "passphrase_bits",
    "average_guess_seconds",
    "human_duration",
    "character_pool",
    "StrengthReport",
    "strength_report",
    "IR_STEPS",
    "IR_ALIASES",
    "OrderDiagnosis",
    "diagnose_order",
]

# ---------------------------------------------------------------------------
# Risk = likelihood x impact
# ---------------------------------------------------------------------------

#: Likelihood levels 1 to 5 and their names (translated where they are shown).
LIKELIHOOD = {1: N_("rare"), 2: N_("unlikely"), 3: N_("possible"), 4: N_("likely"), 5: N_("almost certain")}

#: Impact levels 1 to 5 and their names (translated where they are shown).
IMPACT = {1: N_("negligible"), 2: N_("minor"), 3: N_("moderate"), 4: N_("major"), 5: N_("severe")}

#: Risk categories: (name, lowest score, highest score). The course's cut-offs.
#: The names are data (what :func:`risk_category` returns); they are translated where they are shown.
CATEGORIES = ((N_("low"), 1, 4), (N_("medium"), 5, 9), (N_("high"), 10, 15), (N_("critical"), 16, 25))

#: What each category asks for (translated where it is shown).
PRIORITY = {
    "low": N_("accept and watch it; review it once a year"),
    "medium": N_("reduce it in the next planned maintenance or update window"),
    "high": N_("reduce it within weeks; name a person in charge and a date"),
    "critical": N_("act now: reduce it within days, even with a temporary fix"),
}

#: What :func:`_level` says about a level that is not one, by what the level is.
_LEVEL_PROBLEMS = {
    "likelihood": N_("The likelihood must be a whole number from 1 to 5, not {value}."),
    "impact": N_("The impact must be a whole number from 1 to 5, not {value}."),
}


def _level(value: object, what: str) -> int:
    """A level from 1 to 5 as an int; ValueError with a plain message otherwise."""
    if (isinstance(value, bool) or not isinstance(value, numbers.Real)
            or not float(value).is_integer() or not 1 <= value <= 5):
        raise ValueError(_(_LEVEL_PROBLEMS[what]).format(value=repr(value)))
    return int(value)


def risk_score(likelihood: int, impact: int) -> int:
    """Risk score = likelihood x impact, each a level from 1 (lowest) to 5 (highest).

    The score runs from 1 to 25. Raises ValueError for levels outside 1 to 5.
    """
    return _level(likelihood, "likelihood") * _level(impact, "impact")


def risk_category(score: int) -> str:
    """The category of a risk score (1 to 25): "low", "medium", "high" or "critical"."""
    if isinstance(score, bool) or not isinstance(score, numbers.Real) or not 1 <= score <= 25:
        raise ValueError(_("A risk score runs from 1 to 25, not {score}.").format(score=repr(score)))
    for name, low, high in CATEGORIES:
        if low <= score <= high:
            return name
    raise ValueError(_("{score} is not a score of the 5 x 5 matrix.").format(score=repr(score)))  # e.g. 4.5


def risk_priority(category: str) -> str:
    """What to do about a risk of this category (see :data:`PRIORITY`)."""
    return PRIORITY[category]


def score_matrix() -> pd.DataFrame:
    """The 5 x 5 matrix of scores: rows impact 5 (top) to 1, columns likelihood 1 to 5."""
    levels = range(1, 6)
    return pd.DataFrame(
        [[likelihood * impact for likelihood in levels] for impact in reversed(levels)],
        index=pd.Index(list(reversed(levels)), name="impact"),
        columns=pd.Index(list(levels), name="likelihood"),
    )


@dataclass(frozen=True)
class Threat:
    """An example threat and one control against it.

    ``likelihood`` and ``impact`` (1 to 5) are the course's example estimates
    without the control, for a medium-sized food-processing plant whose office
    and machines share one network. The control lowers the likelihood by
    ``likelihood_cut`` levels and the impact by ``impact_cut`` levels (never
    below 1).
    """

    name: str
    likelihood: int
    impact: int
    control: str
    likelihood_cut: int
    impact_cut: int

    def controlled(self, likelihood: int | None = None, impact: int | None = None) -> tuple[int, int]:
        """Likelihood and impact after the control (from the given levels, or the example ones)."""
        lk = self.likelihood if likelihood is None else likelihood
        im = self.impact if impact is None else impact
        return max(1, lk - self.likelihood_cut), max(1, im - self.impact_cut)


#: Five example threats to a connected plant, each with one control.
#: Names and controls are data (the names are the keys); they are translated where they are shown.
THREATS = {
    t.name: t
    for t in (
        Threat(N_("Phishing email to office staff"), 4, 4,
               N_("multi-factor authentication and phishing training"), 2, 0),
        Threat(N_("Default password on the remote-access gateway"), 4, 5,
               N_("change default passwords; remote access only with multi-factor authentication"), 3, 0),
        Threat(N_("Infected USB drive on an engineering laptop"), 3, 4,
               N_("USB rules and a scanning station"), 1, 0),
        Threat(N_("Ransomware spreads from the office to the machines"), 3, 5,
               N_("network segmentation and backups tested offline"), 1, 2),
        Threat(N_("Tampered software update from a supplier"), 2, 5,
               N_("supplier security requirements; updates checked before installing"), 1, 0),
    )
}


def threat_table() -> pd.DataFrame:
    """The example threats with their scores before and after their control."""
    rows = []
    for t in THREATS.values():
        lk, im = t.controlled()
        before, after = t.likelihood * t.impact, lk * im
        rows.append({
            "threat": t.name, "likelihood": t.likelihood, "impact": t.impact,
            "score": before, "priority": risk_category(before), "control": t.control,
            "likelihood_after": lk, "impact_after": im,
            "score_after": after, "priority_after": risk_category(after),
        })
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class RiskCell:
    """One cell of the matrix: a likelihood and an impact (1 to 5 each)."""

    likelihood: int
    impact: int

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def category(self) -> str:
        return risk_category(self.score)

    @property
    def priority(self) -> str:
        return risk_priority(self.category)

    def describe(self) -> str:
        return _("likelihood {likelihood} ({likelihood_name}) x impact {impact} ({impact_name}) = {score}: {category}").format(
            likelihood=self.likelihood, likelihood_name=_(LIKELIHOOD[self.likelihood]), impact=self.impact,
            impact_name=_(IMPACT[self.impact]), score=self.score, category=_(self.category).upper())


@dataclass(frozen=True)
class RiskResult:
    """What the risk-matrix demo shows: a threat, its cell without and (optionally) with its control."""

    threat: str
    control: str
    before: RiskCell
    after: RiskCell | None = None
    message: str = ""

    def to_text(self) -> str:
        if self.message:
            return self.message
        control = _(self.control)
        lines = [_("Threat: {threat}.").format(threat=_(self.threat)),
                 _("Without the control: {cell}. Priority: {priority}.").format(
                     cell=self.before.describe(), priority=_(self.before.priority))]
        if self.after is None:
            lines.append(_("Control not applied ({control}).").format(control=control))
        else:
            lines.append(_("With the control ({control}): {cell}. Priority: {priority}.").format(
                control=control, cell=self.after.describe(), priority=_(self.after.priority)))
            lines.append(_("The score falls from {before} to {after}.").format(
                before=self.before.score, after=self.after.score))
        return "\n".join(lines)

    def to_html(self) -> str:
        if self.message:
            return f"<p>{html.escape(self.message)}</p>"
        return self._matrix_html() + "<p>" + html.escape(self.to_text()).replace("\n", "<br>") + "</p>"

    def _matrix_html(self) -> str:
        """A 5 x 5 table: each cell shows its score; the threat's cells say "before" and "after" in words."""
        cell = 'style="padding:.2em .5em;text-align:center;border:1px solid rgba(128,128,128,.5)"'
        caption = _("Risk matrix: impact (rows) by likelihood (columns); each cell shows likelihood x impact")
        rows = [f'<table class="si-risk-matrix"><caption>{html.escape(caption)}</caption>',
                "<tr><th></th>" + "".join(f'<th scope="col" {cell}>{html.escape(_("L{level}").format(level=lk))}</th>'
                                          for lk in range(1, 6)) + "</tr>"]
        words = {(True, False): _("before"), (False, True): _("after"), (True, True): _("before and after")}
        for im in range(5, 0, -1):
            tds = []
            for lk in range(1, 6):
                before = (lk, im) == (self.before.likelihood, self.before.impact)
                after = self.after is not None and (lk, im) == (self.after.likelihood, self.after.impact)
                mark = words.get((before, after))
                text = f"{lk * im}" + (f" <strong>{html.escape(mark)}</strong>" if mark else "")
                tds.append(f"<td {cell}>{text}</td>")
            rows.append(f'<tr><th scope="row" {cell}>{html.escape(_("I{level}").format(level=im))}</th>{"".join(tds)}</tr>')
        rows.append("</table>")
        return "".join(rows)


def risk_demo(threat: str, likelihood: int, impact: int, control: bool) -> RiskResult:
    """The interactive risk matrix: your estimate for a threat, without and with its control.

    ``threat`` is a name in :data:`THREATS`; ``likelihood`` and ``impact`` are
    your estimates (1 to 5) without the control; with ``control`` True the
    threat's control is applied (it lowers the levels as stated in :data:`THREATS`).
    """
    if threat not in THREATS:
        return RiskResult(str(threat), "", RiskCell(1, 1), None,
                          _("Unknown threat {threat}. Choose one of: {choices}.").format(
                              threat=repr(threat), choices=", ".join(THREATS)))
    t = THREATS[threat]
    try:
        before = RiskCell(_level(likelihood, "likelihood"), _level(impact, "impact"))
    except ValueError as exc:
        return RiskResult(t.name, t.control, RiskCell(1, 1), None, str(exc))
    after = RiskCell(*t.controlled(before.likelihood, before.impact)) if control else None
    return RiskResult(t.name, t.control, before, after)


#: Threat names used to make practice registers.
_REGISTER_THREATS = (
    "Phishing email to office staff",
    "Default password on a camera or sensor",
    "Infected USB drive",
    "Ransomware on the office network",
    "Remote access left open for a supplier",
    "Unpatched operator workstation",
    "Shared password for the control system",
    "Pirated software on a design computer",
    "Second-hand controller with old settings",
    "Tampered software update",
    "Lost laptop with plant drawings",
    "Former employee's account still active",
)


def example_register(n: int = 6, seed: int = 0) -> pd.DataFrame:
    """A practice risk register: ``n`` threats (at most 12, no repeats) with random levels 1 to 5.

    Columns ``threat``, ``likelihood``, ``impact``. The same seed gives the same register.
    """
    rng = np.random.default_rng(seed)
    n = int(min(max(n, 1), len(_REGISTER_THREATS)))
    names = rng.choice(len(_REGISTER_THREATS), size=n, replace=False)
    return pd.DataFrame({
        "threat": [_REGISTER_THREATS[i] for i in names],
        "likelihood": rng.integers(1, 6, size=n),
        "impact": rng.integers(1, 6, size=n),
    })


# ---------------------------------------------------------------------------
# Passwords and passphrases
# ---------------------------------------------------------------------------

#: Kinds of characters and how many of each there are (printable ASCII).
#: The names are data (a report's ``kinds``); they are translated where they are shown.
CHARACTER_CLASSES = {
    N_("lowercase letters"): (string.ascii_lowercase, 26),
    N_("capital letters"): (string.ascii_uppercase, 26),
    N_("digits"): (string.digits, 10),
    N_("symbols and spaces"): (string.punctuation + " ", 33),
}

#: Pool size assumed when the text has other characters (accented letters, other scripts).
#: An assumption for teaching: such alphabets differ greatly in size.
OTHER_POOL = 100

#: The longest text the strength report reads, in characters.
MAX_LENGTH = 200

#: Words in a Diceware-style list: five dice throws pick one word (6**5).
WORDLIST_SIZE = 6**5

#: Guess rates for the chapter, in guesses per second. Assumptions, not measurements.
#: The names are labels, translated where they are shown.
GUESS_RATES = {
    N_("online: 10 guesses a second (a login page that slows down repeated tries)"): 10.0,
    N_("offline: 10 billion guesses a second (a stolen file of quickly hashed passwords)"): 1e10,
}


def random_string_bits(length: int, pool_size: int) -> float:
    """Entropy in bits of a string of ``length`` characters, each picked at random from ``pool_size``.

    bits = length x log2(pool size). This is an upper bound for a password a
    person chose: people do not pick characters at random.
    """
    if length < 0 or pool_size < 1:
        raise ValueError(_("length must be 0 or more and pool_size 1 or more"))
    return float(length) * math.log2(pool_size)


def passphrase_bits(words: int, wordlist_size: int = WORDLIST_SIZE) -> float:
    """Entropy in bits of ``words`` words picked at random from a list of ``wordlist_size``.

    bits = words x log2(list size). With 7,776 words, each word adds about 12.9 bits.
    """
    if words < 0 or wordlist_size < 1:
        raise ValueError(_("words must be 0 or more and wordlist_size 1 or more"))
    return float(words) * math.log2(wordlist_size)


def average_guess_seconds(bits: float, guesses_per_second: float) -> float:
    """Average time in seconds to guess a secret of ``bits`` bits at a stated guess rate.

    There are 2**bits possibilities; on average an attacker finds the secret
    after trying half of them: 2**(bits - 1) / guesses_per_second.
    """
    if guesses_per_second <= 0:
        raise ValueError(_("guesses_per_second must be positive"))
    return 2.0 ** (bits - 1) / guesses_per_second


_UNITS = (("years", 365.25 * 24 * 3600), ("days", 24 * 3600), ("hours", 3600), ("minutes", 60))

#: A number of each unit, in words (the number is written the way the language writes it).
_IN_WORDS = {
    "years": N_("{value} years"),
    "days": N_("{value} days"),
    "hours": N_("{value} hours"),
    "minutes": N_("{value} minutes"),
    "seconds": N_("{value} seconds"),
    "million years": N_("{value} million years"),
    "billion years": N_("{value} billion years"),
}


def human_duration(seconds: float) -> str:
    """A duration in words, rounded: "under a second", "3.2 hours", "1.8 million years"."""
    if seconds < 1:
        return _("under a second")
    for unit, size in _UNITS:
        if seconds >= size:
            value = seconds / size
            break
    else:
        unit, value = "seconds", seconds
    if unit == "years" and value >= 1e15:
        return _("more than a million billion years")
    if unit == "years" and value >= 1e6:
        word, big = ("billion", 1e9) if value >= 1e9 else ("million", 1e6)
        value /= big
        unit = f"{word} years"
    number = f"{value:,.0f}" if value >= 1000 else f"{value:.1f}"
    return _(_IN_WORDS[unit]).format(value=format_decimal(number))


def character_pool(text: str) -> tuple[int, tuple[str, ...]]:
    """The pool size implied by the kinds of characters in ``text``, and the names of those kinds.

    A text with lowercase letters and digits has a pool of 26 + 10 = 36. Any
    character outside printable ASCII adds :data:`OTHER_POOL` once.
    """
    kinds = []
    size = 0
    for name, (chars, n) in CHARACTER_CLASSES.items():
        if any(c in chars for c in text):
            kinds.append(name)
            size += n
    if any(not any(c in chars for chars, _n in CHARACTER_CLASSES.values()) for c in text):
        kinds.append(N_("other characters"))
        size += OTHER_POOL
    return size, tuple(kinds)


#: A few passwords that appear near the top of every published list of common passwords.
_VERY_COMMON = frozenset({
    "123456", "12345678", "123456789", "password", "password1", "qwerty", "111111",
    "abc123", "admin", "letmein", "iloveyou", "welcome", "123123", "000000",
})


@dataclass(frozen=True)
class StrengthReport:
    """The entropy estimate for one text. Holds counts only, never the text.

    ``message`` is set instead of the numbers when the input could not be read.
    """

    length: int = 0
    words: int = 0
    pool: int = 0
    kinds: tuple[str, ...] = ()
    method: str = "characters"
    bits: float = 0.0
    guesses_per_second: float = 1e10
    seconds: float = 0.0
    very_common: bool = False
    message: str = ""

    @property
    def ok(self) -> bool:
        return not self.message

    def lines(self) -> list[str]:
        if self.message:
            return [self.message]
        bits = format_decimal(f"{self.bits:.1f}")
        if self.method == "words":
            how = _("{words} words, each picked at random from a list of {size}: "
                    "{words} x log2({size}) = {bits} bits").format(
                words=self.words, size=format_decimal(f"{WORDLIST_SIZE:,}"), bits=bits)
            upper = _("Upper bound, if every word was picked at random: {how}.")
        else:
            how = _("{length} characters from a pool of {pool} ({kinds}): "
                    "{length} x log2({pool}) = {bits} bits").format(
                length=self.length, pool=self.pool, kinds=", ".join(_(k) for k in self.kinds), bits=bits)
            upper = _("Upper bound, if every character was picked at random: {how}.")
        out = [
            upper.format(how=how),
            _("At {rate} guesses a second (an assumption), guessing it takes {duration} on average.").format(
                rate=format_decimal(f"{self.guesses_per_second:,.0f}"), duration=human_duration(self.seconds)),
        ]
        if self.very_common:
            out.append(_("WARNING: this is one of the most common passwords. Attackers try such lists first, "
                         "so it falls in under a second whatever the formula says."))
        else:
            out.append(_("A password a person made up (a name, a word with a year, a keyboard pattern) "
                         "has far less entropy than this bound."))
        out.append(_("Checked on this computer only: nothing was sent, saved or logged."))
        return out

    def to_text(self) -> str:
        return "\n".join(self.lines())

    def to_html(self) -> str:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in self.lines())
        return f'<ul class="si-strength">{items}</ul>'


def strength_report(text: object, method: str = "characters", guesses_per_second: float = 1e10) -> StrengthReport:
    """Estimate the entropy of a password or passphrase, and the time to guess it, locally.

    ``method`` is ``"characters"`` (every character picked at random from the
    kinds of characters the text uses) or ``"words"`` (words separated by
    spaces or hyphens, each picked at random from a list of
    :data:`WORDLIST_SIZE`). ``guesses_per_second`` is the attacker's assumed
    guess rate. Bad input (not text, empty, longer than :data:`MAX_LENGTH`)
    gives a report with a plain ``message``, never an exception.

    The text is not sent, stored or logged; the report keeps only counts.
    """
    if not isinstance(text, str):
        return StrengthReport(message=_("Please give text, in quotes, not a value of type {type}.").format(
            type=type(text).__name__))
    if not text.strip():
        return StrengthReport(message=_("Type a password or passphrase to test: a made-up one, never one you really use."))
    if len(text) > MAX_LENGTH:
        return StrengthReport(message=_("That text has {length} characters; this tool reads at most {most}.").format(
            length=format_decimal(f"{len(text):,}"), most=MAX_LENGTH))
    if method not in ("characters", "words"):
        return StrengthReport(message=_('The method must be "characters" or "words".'))
    if isinstance(guesses_per_second, bool) or not isinstance(guesses_per_second, numbers.Real) \
            or not math.isfinite(guesses_per_second) or guesses_per_second <= 0:
        return StrengthReport(message=_("The guess rate must be a positive number of guesses a second."))
    pool, kinds = character_pool(text)
    words = len([w for w in text.replace("-", " ").split() if w])
    if method == "words":
        bits = passphrase_bits(words)
    else:
        bits = random_string_bits(len(text), pool)
    very_common = text.strip().lower() in _VERY_COMMON
    seconds = 0.0 if very_common else average_guess_seconds(bits, float(guesses_per_second))
    return StrengthReport(len(text), words, pool, kinds, method, bits, float(guesses_per_second), seconds, very_common)


# ---------------------------------------------------------------------------
# Incident response
# ---------------------------------------------------------------------------

#: The steps of handling an incident, in order (after preparation, which comes before any incident).
IR_STEPS = ("detect and report", "contain", "preserve evidence", "eradicate", "recover", "learn lessons")

#: Other words accepted for each step (compared after folding case and spaces).
IR_ALIASES = {
    "detect and report": ("detect", "report", "detection", "detect report", "detection and reporting",
                          "detect and analyse", "detect and analyze", "identify"),
    "contain": ("containment", "isolate", "contain and isolate", "contain isolate", "contain or isolate"),
    "preserve evidence": ("evidence", "collect evidence", "keep evidence", "preserve the evidence",
                          "gather evidence"),
    "eradicate": ("eradication", "remove", "remove the cause", "clean"),
    "recover": ("recovery", "restore"),
    "learn lessons": ("lessons learned", "lessons learnt", "lessons", "learn", "learn the lessons",
                      "post incident review", "post incident activity", "review"),
}


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").replace("/", " ").replace("_", " ").split())


_LOOKUP = {_fold(alias): step for step, aliases in IR_ALIASES.items() for alias in (step, *aliases)}


@dataclass(frozen=True)
class OrderDiagnosis:
    """The verdict on a proposed order of steps.

    ``status`` is "correct", "partial" (all steps there, some out of order),
    "incorrect" (none or almost none in order) or "unreadable" (not a list of
    the known steps). ``out_of_order`` names the steps to move; ``score`` is
    the share of steps already in the right order relative to each other.
    """

    status: str
    message: str
    score: float = 0.0
    out_of_order: tuple[str, ...] = ()


def _longest_increasing(seq: list[int]) -> list[int]:
    """Indices (into ``seq``) of one longest strictly increasing subsequence (the leftmost-ending one)."""
    best: list[list[int]] = []
    for i, v in enumerate(seq):
        candidates = [b for b in best if seq[b[-1]] < v]
        chain = max(candidates, key=len, default=[]) + [i]
        best.append(chain)
    return max(best, key=len, default=[])


def diagnose_order(answer: object, expected: tuple[str, ...] = IR_STEPS) -> OrderDiagnosis:
    """Say which steps of ``answer`` (a list of step names) are out of order.

    Names are matched after folding case and spacing; the words in
    :data:`IR_ALIASES` are accepted too. The steps kept in place are a longest
    run that is already in the right order; the others are named, each with
    the steps it belongs between.
    """
    if isinstance(answer, str) or not isinstance(answer, (list, tuple)):
        return OrderDiagnosis("unreadable", _("Give a list of the step names in quotes, in square brackets: "
                                              "['first step', 'second step', ...]."))
    steps: list[str] = []
    for item in answer:
        if not isinstance(item, str):
            return OrderDiagnosis("unreadable", _("Each step should be text in quotes; {item} is not.").format(item=repr(item)))
        step = _LOOKUP.get(_fold(item))
        if step is None or step not in expected:
            return OrderDiagnosis("unreadable", _("{item} is not one of the steps. Use these names: {names}.").format(
                item=repr(item), names=", ".join(repr(s) for s in expected)))
        steps.append(step)
    repeated = sorted({s for s in steps if steps.count(s) > 1}, key=expected.index)
    if repeated:
        return OrderDiagnosis("unreadable", _("Each step comes once; you listed {steps} more than once.").format(
            steps=", ".join(repr(s) for s in repeated)))
    missing = [s for s in expected if s not in steps]
    if missing:
        return OrderDiagnosis("unreadable", _("Your list has {count} steps; {needed} are needed. Missing: {missing}.").format(
            count=len(steps), needed=len(expected), missing=", ".join(repr(s) for s in missing)))
    positions = [expected.index(s) for s in steps]
    if positions == sorted(positions):
        return OrderDiagnosis("correct", _("All six steps are in the right order.") if len(expected) == 6
                              else _("All steps are in the right order."), 1.0)
    keep = {steps[i] for i in _longest_increasing(positions)}
    moved = tuple(s for s in expected if s not in keep)
    score = len(keep) / len(expected)
    wrong_places = [i for i, p in enumerate(positions) if p != i]
    if len(wrong_places) == 2 and len(moved) == 1:
        a, b = (steps[i] for i in wrong_places)
        message = _("Almost: {a} and {b} are swapped.").format(a=repr(a), b=repr(b))
    else:
        notes = []
        for s in moved:
            k = expected.index(s)
            if k == 0:
                note = _("{step} belongs first, before {next}").format(step=repr(s), next=repr(expected[1]))
            elif k == len(expected) - 1:
                note = _("{step} belongs last, after {previous}").format(step=repr(s), previous=repr(expected[-2]))
            else:
                note = _("{step} belongs after {previous} and before {next}").format(
                    step=repr(s), previous=repr(expected[k - 1]), next=repr(expected[k + 1]))
            notes.append(note)
        kept = (_("{kept} of {total} steps is already in order.") if len(keep) == 1
                else _("{kept} of {total} steps are already in order.")).format(kept=len(keep), total=len(expected))
        move = _("Move this step: {notes}.") if len(moved) == 1 else _("Move these steps: {notes}.")
        message = kept + " " + move.format(notes="; ".join(notes))
    status = "partial" if score >= 0.5 else "incorrect"
    return OrderDiagnosis(status, message, score, moved)
