"""Reading gettext catalogues (``.po`` files) and checking their translations.

A small reader of its own, so that the course package needs nothing beyond the
standard library to translate itself (also in the browser, in JupyterLite).

The checks compare each translation with its English source: the markup a
translation must keep (roles such as ``{term}``, citations, inline code, maths,
link targets) and the numbers (a French ``2,6`` is the English ``2.6``; thousands
may be grouped with a space). They find what a reader could not: a lost
citation, a changed figure, a link that goes nowhere.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Message", "read_po", "problems", "numbers", "markup"]


@dataclass
class Message:
    """One entry of a catalogue."""

    id: str
    string: str = ""
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        return bool(self.string) and not self.fuzzy


def _unquote(text: str) -> str:
    return ast.literal_eval(text)


def read_po(path: str | Path) -> list[Message]:
    """The messages of a ``.po`` file, without its header and obsolete entries."""
    messages: list[Message] = []
    flags: set[str] = set()
    current: Message | None = None
    part = ""
    for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line.startswith("#,"):
            flags = {f.strip() for f in line[2:].split(",")}
        elif line.startswith("#~") or (line.startswith("#") and not line.startswith("#,")):
            continue
        elif line.startswith("msgid "):
            current = Message(_unquote(line[6:]), flags=flags, line=number)
            messages.append(current)
            flags, part = set(), "id"
        elif line.startswith("msgstr ") and current is not None:
            current.string = _unquote(line[7:])
            part = "string"
        elif line.startswith('"') and current is not None:
            if part == "id":
                current.id += _unquote(line)
            else:
                current.string += _unquote(line)
        elif not line:
            part = ""
    return [m for m in messages if m.id]


# -- what a translation must keep --------------------------------------------------

_ROLE = re.compile(r"\{(\w[\w:-]*)\}`([^`]*)`")
_CODE = re.compile(r"(?<![`}])`([^`]+)`")
_MATH = re.compile(r"\$\$?[^$]+\$\$?")
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}(?!\d))")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


_TARGETED = ("term", "ref", "doc", "numref", "download", "abbr")


def _role_key(role: str, content: str) -> tuple[str, str]:
    """What a translation of a role must keep: its target (the text may change)."""
    if role in _TARGETED:
        # {term}`texte français <English term>` renames the text and keeps the target.
        m = re.search(r"<([^<>]+)>\s*$", content)
        target = m.group(1) if m else content
        return role, target.strip().lower() if role == "term" else target.strip()
    return role, content


_ESCAPED_DOLLAR = re.compile(r"\\\$")  # MyST's \$ is a dollar sign, not maths


def markup(text: str, myst: bool = True) -> Counter:
    """Roles (with their targets), inline code, maths and link targets in a text.

    ``myst=False``: a text of the course package (a question, a message), where
    only inline code is markup and a dollar sign is a dollar sign.
    """
    text = _ESCAPED_DOLLAR.sub(" ", text) if myst else text.replace("$", " ")
    found: Counter = Counter()
    for role, content in _ROLE.findall(text):
        found[_role_key(role, content)] += 1
    without_roles = _ROLE.sub(" ", text)
    for math in _MATH.findall(without_roles):
        found[("math", math)] += 1
    for code in _CODE.findall(_MATH.sub(" ", without_roles)):
        found[("code", code)] += 1
    for target in _LINK.findall(text):
        found[("link", target)] += 1
    return found


def numbers(text: str, *, french: bool = False, myst: bool = True) -> Counter:
    """The numbers written with digits in a text, in one form (``2.6``, ``2495``).

    Code, maths, role contents and link targets are left out (they are compared as
    markup). In English ``.`` is the decimal mark and ``,`` groups thousands; in French
    ``,`` is the decimal mark and a space (any kind) groups thousands.
    """
    text = _ROLE.sub(" ", _ESCAPED_DOLLAR.sub(" ", text) if myst else text.replace("$", " "))
    text = _LINK.sub(" ", text)
    text = _MATH.sub(" ", _CODE.sub(" ", text))
    if french:
        text = re.sub(r"(?<=\d)[\u00a0\u202f\u2007 ](?=\d{3}(?!\d))", "", text)
        text = re.sub(r"(?<=\d),(?=\d)", ".", text)
    else:  # 1,200 or, in a few places, 1 200
        text = re.sub(r"(?<=\d)[, \u00a0](?=\d{3}(?!\d))", "", text)
    return Counter(m.rstrip(".,") for m in _NUMBER.findall(text))


def problems(message: Message, *, french: bool = True, myst: bool = True) -> list[str]:
    """What is wrong with one translated message ([] when nothing is).

    ``myst``: the message is MyST Markdown (a page of the book), else plain text
    with `code` (the course package's texts).
    """
    if not message.string:
        return ["not translated"]
    out = []
    if message.fuzzy:
        out.append("fuzzy (the English changed: check the translation, then remove the flag)")
    source, target = markup(message.id, myst), markup(message.string, myst)
    if source != target:
        lost = source - target
        added = target - source
        if lost:
            out.append("markup lost: " + ", ".join(_show(k) for k in lost))
        if added:
            out.append("markup added: " + ", ".join(_show(k) for k in added))
    src_n, dst_n = numbers(message.id, myst=myst), numbers(message.string, french=french, myst=myst)
    if src_n != dst_n:
        lost = src_n - dst_n
        added = dst_n - src_n
        text = []
        if lost:
            text.append("missing " + ", ".join(sorted(lost)))
        if added:
            text.append("not in the English " + ", ".join(sorted(added)))
        out.append("numbers differ: " + "; ".join(text))
    return out


def _show(key) -> str:
    return key if isinstance(key, str) else f"{key[0]} {key[1]!r}"
