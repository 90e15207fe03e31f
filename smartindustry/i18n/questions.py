"""Questions in another language: the same question, its texts from the catalogue.

A question bank is written once, in English. :func:`translated` gives a copy of
a question whose texts (prompt, choices and their feedback, hints, solution,
explanation, messages on known mistakes, unit) come from the package's catalogue
(``smartindustry/locales/<lang>/questions/<bank>.po``); its answer key, ids and
checks are the question's own. So the French self-check is the English one,
with French words.

A short-text question accepts its English answers and their translations, and
knows its known wrong answers in both languages; a translation may list several
answers separated by `` | ``.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Iterator

from . import gettext, language

__all__ = ["translated", "texts", "ALTERNATIVES"]

#: Separates several accepted answers in one translation of a short-text answer.
ALTERNATIVES = " | "

#: The fields of a question (or of its parts) that hold text for the learner.
TEXT_FIELDS = ("prompt", "solution", "explanation", "text", "feedback", "message", "unit")


def texts(question: Any) -> Iterator[tuple[str, str]]:
    """Every text of a question a translator translates, as (what it is, English text)."""
    for name in TEXT_FIELDS:
        value = getattr(question, name, None)
        if isinstance(value, str) and value.strip():
            yield name, value
    for hint in getattr(question, "hints", ()) or ():
        yield "hint", hint
    for choice in getattr(question, "choices", ()) or ():
        yield from texts(choice)
    for mistake in getattr(question, "mistakes", ()) or ():
        yield from texts(mistake)
    for answer in getattr(question, "accepted", ()) or ():
        yield "accepted answer", answer
    for wrong, message in (getattr(question, "wrong", None) or {}).items():
        yield "known wrong answer", wrong
        yield "message", message


def _copy(obj: Any, lang: str) -> Any:
    changes: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        value = getattr(obj, name, None)
        if isinstance(value, str) and value.strip():
            # the same English word may be an accepted answer elsewhere, translated as "a | b": here, its first form
            changes[name] = gettext(value, lang).split(ALTERNATIVES)[0]
    if getattr(obj, "hints", None):
        changes["hints"] = tuple(gettext(h, lang) for h in obj.hints)
    if getattr(obj, "choices", None):
        changes["choices"] = [_copy(c, lang) for c in obj.choices]
    if getattr(obj, "mistakes", None):
        changes["mistakes"] = [_copy(m, lang) for m in obj.mistakes]
    if getattr(obj, "accepted", None):
        accepted = list(obj.accepted)
        for answer in obj.accepted:
            for alternative in gettext(answer, lang).split(ALTERNATIVES):
                if alternative.strip() and alternative.strip() not in accepted:
                    accepted.append(alternative.strip())
        changes["accepted"] = accepted
    if getattr(obj, "wrong", None):
        wrong = {k: gettext(v, lang) for k, v in obj.wrong.items()}
        for k, v in obj.wrong.items():  # the same mistake, as a learner of this language writes it
            for alternative in gettext(k, lang).split(ALTERNATIVES):
                wrong.setdefault(alternative.strip(), gettext(v, lang))
        changes["wrong"] = wrong
    return dataclasses.replace(obj, **changes) if changes else obj


_cache: dict[tuple[int, str], Any] = {}


def translated(question: Any, lang: str | None = None) -> Any:
    """The question with its texts in ``lang`` (the current language by default)."""
    lang = lang or language()
    if lang == "en":
        return question
    key = (id(question), lang)
    if key not in _cache:
        _cache[key] = (_copy(question, lang), question)  # keep the original alive: ids stay unique
    return _cache[key][0]
