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

#: Likelihood levels 1 to 5 and their names.
LIKELIHOOD = {1: "rare", 2: "unlikely", 3: "possible", 4: "likely", 5: "almost certain"}

#: Impact levels 1 to 5 and their names.
IMPACT = {1: "negligible", 2: "minor", 3: "moderate", 4: "major", 5: "severe"}

#: Risk categories: (name, lowest score, highest score). The course's cut-offs.
CATEGORIES = (("low", 1, 4), ("medium", 5, 9), ("high", 10, 15), ("critical", 16, 25))

#: What each category asks for.
PRIORITY = {
    "low": "accept and watch it; review it once a year",
    "medium": "reduce it in the next planned maintenance or update window",
    "high": "reduce it within weeks; name a person in charge and a date",
    "critical": "act now: reduce it within days, even with a temporary fix",
}


def _level(value: object, what: str) -> int:
    """A level from 1 to 5 as an int; ValueError with a plain message otherwise."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"The {what} must be a whole number from 1 to 5, not {value!r}.")
    if not float(value).is_integer() or not 1 <= value <= 5:
        raise ValueError(f"The {what} must be a whole number from 1 to 5, not {value!r}.")
    return int(value)


def risk_score(likelihood: int, impact: int) -> int:
    """Risk score = likelihood x impact, each a level from 1 (lowest) to 5 (highest).

    The score runs from 1 to 25. Raises ValueError for levels outside 1 to 5.
    """
    return _level(likelihood, "likelihood") * _level(impact, "impact")


def risk_category(score: int) -> str:
    """The category of a risk score (1 to 25): "low", "medium", "high" or "critical"."""
    if isinstance(score, bool) or not isinstance(score, numbers.Real) or not 1 <= score <= 25:
        raise ValueError(f"A risk score runs from 1 to 25, not {score!r}.")
    for name, low, high in CATEGORIES:
        if low <= score <= high:
            return name
    raise ValueError(f"{score!r} is not a score of the 5 x 5 matrix.")  # e.g. 4.5


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
THREATS = {
    t.name: t
    for t in (
        Threat("Phishing email to office staff", 4, 4,
               "multi-factor authentication and phishing training", 2, 0),
        Threat("Default password on the remote-access gateway", 4, 5,
               "change default passwords; remote access only with multi-factor authentication", 3, 0),
        Threat("Infected USB drive on an engineering laptop", 3, 4,
               "USB rules and a scanning station", 1, 0),
        Threat("Ransomware spreads from the office to the machines", 3, 5,
               "network segmentation and backups tested offline", 1, 2),
        Threat("Tampered software update from a supplier", 2, 5,
               "supplier security requirements; updates checked before installing", 1, 0),
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
        return (f"likelihood {self.likelihood} ({LIKELIHOOD[self.likelihood]}) x impact {self.impact} "
                f"({IMPACT[self.impact]}) = {self.score}: {self.category.upper()}")


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
        lines = [f"Threat: {self.threat}.",
                 f"Without the control: {self.before.describe()}. Priority: {self.before.priority}."]
        if self.after is None:
            lines.append(f"Control not applied ({self.control}).")
        else:
            lines.append(f"With the control ({self.control}): {self.after.describe()}. "
                         f"Priority: {self.after.priority}.")
            lines.append(f"The score falls from {self.before.score} to {self.after.score}.")
        return "\n".join(lines)

    def to_html(self) -> str:
        if self.message:
            return f"<p>{html.escape(self.message)}</p>"
        return self._matrix_html() + "<p>" + html.escape(self.to_text()).replace("\n", "<br>") + "</p>"

    def _matrix_html(self) -> str:
        """A 5 x 5 table: each cell shows its score; the threat's cells say "before" and "after" in words."""
        cell = 'style="padding:.2em .5em;text-align:center;border:1px solid rgba(128,128,128,.5)"'
        rows = ['<table class="si-risk-matrix"><caption>Risk matrix: impact (rows) by likelihood (columns); '
                "each cell shows likelihood x impact</caption>",
                "<tr><th></th>" + "".join(f'<th scope="col" {cell}>L{lk}</th>' for lk in range(1, 6)) + "</tr>"]
        for im in range(5, 0, -1):
            tds = []
            for lk in range(1, 6):
                marks = []
                if (lk, im) == (self.before.likelihood, self.before.impact):
                    marks.append("before")
                if self.after is not None and (lk, im) == (self.after.likelihood, self.after.impact):
                    marks.append("after")
                text = f"{lk * im}" + (f" <strong>{' and '.join(marks)}</strong>" if marks else "")
                tds.append(f"<td {cell}>{text}</td>")
            rows.append(f'<tr><th scope="row" {cell}>I{im}</th>{"".join(tds)}</tr>')
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
                          f"Unknown threat {threat!r}. Choose one of: {', '.join(THREATS)}.")
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
CHARACTER_CLASSES = {
    "lowercase letters": (string.ascii_lowercase, 26),
    "capital letters": (string.ascii_uppercase, 26),
    "digits": (string.digits, 10),
    "symbols and spaces": (string.punctuation + " ", 33),
}

#: Pool size assumed when the text has other characters (accented letters, other scripts).
#: An assumption for teaching: such alphabets differ greatly in size.
OTHER_POOL = 100

#: The longest text the strength report reads, in characters.
MAX_LENGTH = 200

#: Words in a Diceware-style list: five dice throws pick one word (6**5).
WORDLIST_SIZE = 6**5

#: Guess rates for the chapter, in guesses per second. Assumptions, not measurements.
GUESS_RATES = {
    "online: 10 guesses a second (a login page that slows down repeated tries)": 10.0,
    "offline: 10 billion guesses a second (a stolen file of quickly hashed passwords)": 1e10,
}


def random_string_bits(length: int, pool_size: int) -> float:
    """Entropy in bits of a string of ``length`` characters, each picked at random from ``pool_size``.

    bits = length x log2(pool size). This is an upper bound for a password a
    person chose: people do not pick characters at random.
    """
    if length < 0 or pool_size < 1:
        raise ValueError("length must be 0 or more and pool_size 1 or more")
    return float(length) * math.log2(pool_size)


def passphrase_bits(words: int, wordlist_size: int = WORDLIST_SIZE) -> float:
    """Entropy in bits of ``words`` words picked at random from a list of ``wordlist_size``.

    bits = words x log2(list size). With 7,776 words, each word adds about 12.9 bits.
    """
    if words < 0 or wordlist_size < 1:
        raise ValueError("words must be 0 or more and wordlist_size 1 or more")
    return float(words) * math.log2(wordlist_size)


def average_guess_seconds(bits: float, guesses_per_second: float) -> float:
    """Average time in seconds to guess a secret of ``bits`` bits at a stated guess rate.

    There are 2**bits possibilities; on average an attacker finds the secret
    after trying half of them: 2**(bits - 1) / guesses_per_second.
    """
    if guesses_per_second <= 0:
        raise ValueError("guesses_per_second must be positive")
    return 2.0 ** (bits - 1) / guesses_per_second


_UNITS = (("years", 365.25 * 24 * 3600), ("days", 24 * 3600), ("hours", 3600), ("minutes", 60))


def human_duration(seconds: float) -> str:
    """A duration in words, rounded: "under a second", "3.2 hours", "1.8 million years"."""
    if seconds < 1:
        return "under a second"
    for unit, size in _UNITS:
        if seconds >= size:
            value = seconds / size
            break
    else:
        unit, value = "seconds", seconds
    if unit == "years" and value >= 1e15:
        return "more than a million billion years"
    if unit == "years" and value >= 1e6:
        word, big = ("billion", 1e9) if value >= 1e9 else ("million", 1e6)
        value /= big
        return f"{value:,.0f} {word} years" if value >= 1000 else f"{value:.1f} {word} years"
    if value >= 1000:
        return f"{value:,.0f} {unit}"
    return f"{value:.1f} {unit}"


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
    if any(not any(c in chars for chars, _ in CHARACTER_CLASSES.values()) for c in text):
        kinds.append("other characters")
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
        if self.method == "words":
            how = (f"{self.words} words, each picked at random from a list of {WORDLIST_SIZE:,}: "
                   f"{self.words} x log2({WORDLIST_SIZE:,}) = {self.bits:.1f} bits")
        else:
            how = (f"{self.length} characters from a pool of {self.pool} ({', '.join(self.kinds)}): "
                   f"{self.length} x log2({self.pool}) = {self.bits:.1f} bits")
        out = [
            f"Upper bound, if every {'word' if self.method == 'words' else 'character'} was picked at random: {how}.",
            f"At {self.guesses_per_second:,.0f} guesses a second (an assumption), guessing it takes "
            f"{human_duration(self.seconds)} on average.",
        ]
        if self.very_common:
            out.append("WARNING: this is one of the most common passwords. Attackers try such lists first, "
                       "so it falls in under a second whatever the formula says.")
        else:
            out.append("A password a person made up (a name, a word with a year, a keyboard pattern) "
                       "has far less entropy than this bound.")
        out.append("Checked on this computer only: nothing was sent, saved or logged.")
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
        return StrengthReport(message=f"Please give text, in quotes, not a value of type {type(text).__name__}.")
    if not text.strip():
        return StrengthReport(message="Type a password or passphrase to test: a made-up one, never one you really use.")
    if len(text) > MAX_LENGTH:
        return StrengthReport(message=f"That text has {len(text):,} characters; this tool reads at most {MAX_LENGTH}.")
    if method not in ("characters", "words"):
        return StrengthReport(message='The method must be "characters" or "words".')
    if isinstance(guesses_per_second, bool) or not isinstance(guesses_per_second, numbers.Real) \
            or not math.isfinite(guesses_per_second) or guesses_per_second <= 0:
        return StrengthReport(message="The guess rate must be a positive number of guesses a second.")
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
        return OrderDiagnosis("unreadable", "Give a list of the step names in quotes, in square brackets: "
                                            "['first step', 'second step', ...].")
    steps: list[str] = []
    for item in answer:
        if not isinstance(item, str):
            return OrderDiagnosis("unreadable", f"Each step should be text in quotes; {item!r} is not.")
        step = _LOOKUP.get(_fold(item))
        if step is None or step not in expected:
            return OrderDiagnosis("unreadable", f"{item!r} is not one of the steps. Use these names: "
                                                f"{', '.join(repr(s) for s in expected)}.")
        steps.append(step)
    repeated = sorted({s for s in steps if steps.count(s) > 1}, key=expected.index)
    if repeated:
        return OrderDiagnosis("unreadable", f"Each step comes once; you listed {', '.join(repr(s) for s in repeated)} more than once.")
    missing = [s for s in expected if s not in steps]
    if missing:
        return OrderDiagnosis("unreadable", f"Your list has {len(steps)} steps; {len(expected)} are needed. "
                                            f"Missing: {', '.join(repr(s) for s in missing)}.")
    positions = [expected.index(s) for s in steps]
    if positions == sorted(positions):
        return OrderDiagnosis("correct", "All six steps are in the right order." if len(expected) == 6
                              else "All steps are in the right order.", 1.0)
    keep = {steps[i] for i in _longest_increasing(positions)}
    moved = tuple(s for s in expected if s not in keep)
    score = len(keep) / len(expected)
    wrong_places = [i for i, p in enumerate(positions) if p != i]
    if len(wrong_places) == 2 and len(moved) == 1:
        a, b = (steps[i] for i in wrong_places)
        message = f"Almost: {a!r} and {b!r} are swapped."
    else:
        notes = []
        for s in moved:
            k = expected.index(s)
            if k == 0:
                where = f"first, before {expected[1]!r}"
            elif k == len(expected) - 1:
                where = f"last, after {expected[-2]!r}"
            else:
                where = f"after {expected[k - 1]!r} and before {expected[k + 1]!r}"
            notes.append(f"{s!r} belongs {where}")
        verb = "is" if len(keep) == 1 else "are"
        message = (f"{len(keep)} of {len(expected)} steps {verb} already in order. Move "
                   f"{'this step' if len(moved) == 1 else 'these steps'}: " + "; ".join(notes) + ".")
    status = "partial" if score >= 0.5 else "incorrect"
    return OrderDiagnosis(status, message, score, moved)
