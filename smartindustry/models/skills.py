"""Digital skills: a self-assessment ladder and a training-plan calculator.

Two pure functions for the chapter "Digital skills and capacity building",
and one thin widget on top of the first:

:func:`place_on_ladder`
    the tasks a learner says they can do -> a level (basic, intermediate,
    advanced) and suggested next steps (:class:`SkillsProfile`).
:func:`plan_training`
    trainers, group sizes, dropout, budget and cost per trainee -> how many
    people a training plan can enrol and bring to the end of the course in a
    year (:class:`TrainingPlan`). Inputs may be numbers or text typed in a
    box; bad inputs give a clear message in the result, never an exception.
:func:`ladder_widget`
    tick boxes for the self-assessment, with the result shown live.

The three levels follow the framing of ITU's *Digital Skills Toolkit* (2018):
basic skills to use devices and the internet for everyday tasks, intermediate
skills to use digital tools well at work, and advanced skills to build, run
and protect digital systems. The task lists are the course's own examples,
not an official test.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

import ipywidgets as widgets

from ..exercises import Rendered, parse_number
from ..i18n import N_, format_decimal
from ..i18n import gettext as _
from ..widgets import STYLE

__all__ = [
    "LEVELS",
    "TASKS",
    "DEFAULT_TICKS",
    "PASS_MARK",
    "SkillsProfile",
    "place_on_ladder",
    "TrainingPlan",
    "plan_training",
    "ladder_widget",
    "SkillsLadderWidget",
]

#: Names of the rungs of the ladder, from the bottom.
LEVELS = (N_("Getting started"), N_("Basic"), N_("Intermediate"), N_("Advanced"))

#: The self-assessment: code -> (level 1 to 3, what the learner can do).
TASKS: dict[str, tuple[int, str]] = {
    "b1": (1, N_("send a message, a photo or a voice note with a phone app")),
    "b2": (1, N_("find information with a search engine")),
    "b3": (1, N_("fill in an online form, or pay with mobile money")),
    "b4": (1, N_("use a strong password or PIN, and spot a scam message")),
    "i1": (2, N_("keep records in a spreadsheet with simple formulas (sums, averages)")),
    "i2": (2, N_("make a document, a presentation or a post that promotes a business")),
    "i3": (2, N_("read a chart or a dashboard (sales, machine data) and act on what it shows")),
    "i4": (2, N_("share files and work with others in an online workspace")),
    "a1": (3, N_("write a program or a script, for example in Python, to automate a task")),
    "a2": (3, N_("set up a network, or connect sensors to a computer or a cloud service")),
    "a3": (3, N_("analyse data with code, or train a simple machine-learning model")),
    "a4": (3, N_("protect systems for others: user accounts, back-ups and updates")),
}

#: A level is reached with at least this many of its four tasks.
PASS_MARK = 3

#: What the static book shows: most basic tasks and one intermediate task.
DEFAULT_TICKS = ("b1", "b2", "b3", "i1")

_ADVICE = {
    1: N_("Start with one task a week on a phone you can use often. A friend, a library, a "
          "community centre or a telecentre can help with the first steps."),
    2: N_("A short course (a few weeks) on spreadsheets, online workspaces and digital tools for "
          "business, often offered by technical colleges or online, is the usual next step."),
    3: N_("Specialist skills take months: a programme in programming, networks, data or "
          "cybersecurity, with practice on real systems."),
}


def _joined(names: Iterable[str]) -> str:
    """Names joined with "and": "intermediate and advanced"."""
    names = list(names)
    out = names[0] if names else ""
    for name in names[1:]:
        out = _("{first} and {second}").format(first=out, second=name)
    return out


@dataclass(frozen=True)
class SkillsProfile(Rendered):
    """Where a self-assessment places a learner on the skills ladder.

    Attributes
    ----------
    level:
        0 (getting started) to 3 (advanced): the highest level reached with
        every level below it reached too.
    counts:
        Tasks ticked at each level 1, 2, 3 (out of 4 each).
    gaps:
        Higher levels that are reached although a lower one is not.
    next_steps:
        Tasks to learn next, with one line of advice.
    """

    level: int
    counts: tuple[int, int, int]
    gaps: tuple[str, ...]
    next_steps: tuple[str, ...]

    @property
    def level_name(self) -> str:
        return LEVELS[self.level]

    def _summary(self) -> str:
        done = ", ".join(_("{level} {count} of 4").format(level=_(LEVELS[i + 1]).lower(), count=n)
                         for i, n in enumerate(self.counts))
        return _("Your level: {level} (tasks you can do: {done}).").format(level=_(self.level_name), done=done)

    def _gap_note(self) -> str:
        if not self.gaps:
            return ""
        return _(
            "You can do most {levels} tasks, but a lower level "
            "is not complete. Skills build on each other: fill that gap first."
        ).format(levels=_joined([_(g).lower() for g in self.gaps]))

    def to_text(self) -> str:
        lines = [self._summary()]
        if self.gaps:
            lines.append(self._gap_note())
        lines.append(_("Next steps:"))
        lines += [f"- {s}" for s in self.next_steps]
        return "\n".join(lines)

    def to_html(self) -> str:
        gap = f"<p>{html.escape(self._gap_note())}</p>" if self.gaps else ""
        steps = "".join(f"<li>{html.escape(s)}</li>" for s in self.next_steps)
        return (
            f'<div class="si-skills"><p><strong>{html.escape(self._summary())}</strong></p>'
            f"{gap}<p>{_('Next steps:')}</p><ul>{steps}</ul></div>"
        )


def place_on_ladder(can_do: Iterable[str] | Mapping[str, bool], pass_mark: int = PASS_MARK) -> SkillsProfile:
    """Place a learner on the skills ladder from the tasks they can do.

    Parameters
    ----------
    can_do:
        The codes of the tasks in :data:`TASKS` the learner can do
        (``{"b1", "b2", "i1"}``), or a mapping code -> True/False (the values
        of tick boxes).
    pass_mark:
        How many of the four tasks of a level are needed to reach it (1 to 4).

    A level is *reached* with at least ``pass_mark`` of its tasks. The learner's
    level is the highest level reached with every lower level reached too
    (a ladder is climbed one rung at a time). Higher levels reached above a
    missing rung are reported as ``gaps``. Unknown codes raise ValueError.
    """
    if isinstance(can_do, Mapping):
        ticked = {code for code, value in can_do.items() if value}
    else:
        ticked = set(can_do)
    unknown = sorted(str(c) for c in ticked - set(TASKS))
    if unknown:
        raise ValueError(_("unknown task code(s) {codes}; the codes are {known}").format(codes=unknown, known=list(TASKS)))
    if not 1 <= pass_mark <= 4:
        raise ValueError(_("pass_mark must be between 1 and 4"))
    counts = tuple(sum(1 for c in ticked if TASKS[c][0] == lvl) for lvl in (1, 2, 3))
    reached = [n >= pass_mark for n in counts]
    level = 0
    while level < 3 and reached[level]:
        level += 1
    gaps = tuple(LEVELS[i + 1] for i in range(level + 1, 3) if reached[i])
    steps: list[str] = []
    missing_own = [TASKS[c][1] for c in TASKS if TASKS[c][0] <= level and c not in ticked]
    if level < 3:
        target = level + 1
        todo = [TASKS[c][1] for c in TASKS if TASKS[c][0] == target and c not in ticked]
        steps += [_("Learn to {task} ({level}).").format(task=_(t), level=_(LEVELS[target]).lower()) for t in todo]
        steps += [_("Also practise: {task}.").format(task=_(t)) for t in missing_own]
        steps.append(_(_ADVICE[target]))
    else:
        steps += [_("Also practise: {task}.").format(task=_(t)) for t in missing_own]
        steps.append(_(
            "Share what you know: become a trainer for others, for example in a train-the-trainer "
            "programme, and keep up with new specialist topics."
        ))
    return SkillsProfile(level=level, counts=counts, gaps=gaps, next_steps=tuple(steps))


# --------------------------------------------------------------------------
# Training plans
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainingPlan(Rendered):
    """The result of :func:`plan_training`: numbers for one year, or the input problems.

    When ``errors`` is not empty the inputs could not be used, and every number
    is ``None``; ``to_text()`` then lists what to fix.
    """

    errors: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    capacity: int | None = None           # seats trainers can teach, people per year
    affordable: int | None = None         # seats the budget pays for, people per year
    enrolled: int | None = None           # people who start the course
    completed: int | None = None          # people who finish it
    dropouts: int | None = None
    spent_usd: float | None = None
    budget_left_usd: float | None = None
    cost_per_completer_usd: float | None = None
    limit: str | None = None              # "trainers", "budget" or "both"
    inputs: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the inputs were valid and the numbers are computed."""
        return not self.errors

    def _limit_sentence(self) -> str:
        if self.limit == "trainers":
            return _("Trainers are the limit: {left} of the budget is left. "
                     "More trainers or more cohorts would train more people.").format(left=_usd(self.budget_left_usd))
        if self.limit == "budget":
            idle = (self.capacity or 0) - (self.enrolled or 0)
            return _("The budget is the limit: the trainers could teach {idle} more people. "
                     "More money, or a lower cost per trainee, would train more people.").format(
                idle=format_decimal(f"{idle:,}"))
        return _("Trainers and budget run out together.")

    def rows(self) -> list[tuple[str, str]]:
        """(label with unit, value) pairs, for a table."""
        per_completer = (_("none: no one completes") if self.cost_per_completer_usd is None
                         else _usd(self.cost_per_completer_usd))
        return [
            (_("Seats the trainers can teach (people per year)"), format_decimal(f"{self.capacity:,}")),
            (_("Seats the budget pays for (people per year)"), format_decimal(f"{self.affordable:,}")),
            (_("Enrolled (people per year)"), format_decimal(f"{self.enrolled:,}")),
            (_("Drop out (people per year)"), format_decimal(f"{self.dropouts:,}")),
            (_("Complete the course (people per year)"), format_decimal(f"{self.completed:,}")),
            (_("Spent (USD per year)"), _usd(self.spent_usd)),
            (_("Budget left (USD)"), _usd(self.budget_left_usd)),
            (_("Cost per person who completes (USD)"), per_completer),
        ]

    def to_text(self) -> str:
        if self.errors:
            return _("Please check the inputs:") + "\n" + "\n".join(f"- {e}" for e in self.errors)
        lines = [_("{label}: {value}").format(label=label, value=value) for label, value in self.rows()]
        lines.append(self._limit_sentence())
        lines += [_("Note: {note}").format(note=n) for n in self.notes]
        return "\n".join(lines)

    def to_html(self) -> str:
        if self.errors:
            items = "".join(f"<li>{html.escape(e)}</li>" for e in self.errors)
            return (f'<div class="si-feedback si-unreadable" role="status"><strong>{_("Please check the inputs:")}'
                    f"</strong><ul>{items}</ul></div>")
        body = "".join(f'<tr><th scope="row">{html.escape(k)}</th><td>{html.escape(v)}</td></tr>'
                       for k, v in self.rows())
        notes = "".join(f"<p><em>{_('Note:')}</em> {html.escape(n)}</p>" for n in self.notes)
        return (f'<table class="si-plan"><caption>{_("Training plan, one year")}</caption>{body}</table>'
                f"<p>{html.escape(self._limit_sentence())}</p>{notes}")


def _usd(x: float | None) -> str:
    """Money for a table: whole dollars from 100 USD up (or for whole amounts), else cents."""
    if x is None:
        return _("n/a")
    if abs(x) >= 100 or x == int(x):
        return _("{amount} USD").format(amount=format_decimal(f"{x:,.0f}"))
    return _("{amount} USD").format(amount=format_decimal(f"{x:,.2f}"))


def _read(value: Any, label: str, unit: str, low: float, high: float, whole: bool,
          errors: list[str]) -> float | None:
    """Read one input; on a problem, append a message to ``errors`` and return None."""
    name, shown_unit = _(label), _(unit)
    if value is None or value is Ellipsis or (isinstance(value, str) and not value.strip()):
        errors.append(_("{label} is empty: type a number ({unit}).").format(label=name, unit=shown_unit))
        return None
    try:
        x, _note = parse_number(value, unit if unit in ("%", "USD") else "")
    except ValueError as exc:
        errors.append(_("{label}: {problem}").format(label=name, problem=exc))
        return None
    if x < 0:
        errors.append(_("{label} cannot be negative (you gave {value}).").format(
            label=name, value=format_decimal(f"{x:g}")))
        return None
    if whole and x != int(x):
        errors.append(_("{label} must be a whole number of {unit} (you gave {value}).").format(
            label=name, unit=shown_unit, value=format_decimal(f"{x:g}")))
        return None
    if not low <= x <= high:
        errors.append(_("{label} must be between {low} and {high} {unit} (you gave {value}).").format(
            label=name, low=format_decimal(f"{low:,g}"), high=format_decimal(f"{high:,g}"), unit=shown_unit,
            value=format_decimal(f"{x:,g}")))
        return None
    return x


def plan_training(
    trainers: Any = 10,
    trainees_per_cohort: Any = 20,
    cohorts_per_trainer: Any = 6,
    dropout_percent: Any = 15,
    budget_usd: Any = 50_000,
    cost_per_trainee_usd: Any = 40,
) -> TrainingPlan:
    """How many people a training plan can enrol and bring to the end of a course in one year.

    Parameters (numbers, or text such as ``"12 000"`` or ``"15 %"``)
    ----------
    trainers:
        Trainers who teach the course, people (whole number, 1 to 10 000).
    trainees_per_cohort:
        Trainees in one group (cohort) that starts and ends the course together,
        people (whole number, 1 to 500).
    cohorts_per_trainer:
        Cohorts one trainer teaches in a year, cohorts per year (whole number, 1 to 52).
    dropout_percent:
        Share of enrolled trainees who leave before the end, % (0 to 99).
    budget_usd:
        Money for the year, USD (1 to 1 000 000 000).
    cost_per_trainee_usd:
        All costs of one enrolled trainee (trainer time, venue, materials,
        devices, mobile data), USD per trainee (1 to 100 000). A trainee who
        drops out is assumed to cost the same (a simplification).

    The model: seats the trainers can teach = trainers × trainees per cohort ×
    cohorts per trainer; seats the budget pays for = budget / cost per trainee,
    rounded down; enrolled = the smaller of the two; completed = enrolled ×
    (1 − dropout), rounded to the nearest person. Never raises: problems with
    the inputs are returned in ``errors``.
    """
    errors: list[str] = []
    t = _read(trainers, N_("Trainers"), N_("people"), 1, 10_000, True, errors)
    c = _read(trainees_per_cohort, N_("Trainees per cohort"), N_("people"), 1, 500, True, errors)
    k = _read(cohorts_per_trainer, N_("Cohorts per trainer per year"), N_("cohorts"), 1, 52, True, errors)
    d = _read(dropout_percent, N_("Dropout rate"), "%", 0, 99, False, errors)
    b = _read(budget_usd, N_("Budget"), "USD", 1, 1e9, False, errors)
    p = _read(cost_per_trainee_usd, N_("Cost per trainee"), "USD", 1, 100_000, False, errors)
    if errors or None in (t, c, k, d, b, p):
        return TrainingPlan(errors=tuple(errors))
    assert t is not None and c is not None and k is not None and d is not None and b is not None and p is not None
    notes = []
    if 0 < d < 1:
        notes.append(_("the dropout rate was read as {rate} %. If you meant {percent} %, type {percent}.").format(
            rate=format_decimal(f"{d:g}"), percent=format_decimal(f"{d * 100:g}")))
    capacity = int(t * c * k)
    affordable = int(math.floor(b / p + 1e-9))
    enrolled = min(capacity, affordable)
    completed = int(math.floor(enrolled * (1 - d / 100) + 0.5))
    spent = enrolled * p
    limit = "both" if capacity == affordable else ("trainers" if capacity < affordable else "budget")
    if enrolled == 0:
        notes.append(_("the budget does not pay for a single trainee."))
    return TrainingPlan(
        notes=tuple(notes),
        capacity=capacity,
        affordable=affordable,
        enrolled=enrolled,
        completed=completed,
        dropouts=enrolled - completed,
        spent_usd=spent,
        budget_left_usd=b - spent,
        cost_per_completer_usd=spent / completed if completed else None,
        limit=limit,
        inputs={"trainers": t, "trainees_per_cohort": c, "cohorts_per_trainer": k,
                "dropout_percent": d, "budget_usd": b, "cost_per_trainee_usd": p},
    )


# --------------------------------------------------------------------------
# The self-assessment widget
# --------------------------------------------------------------------------


class SkillsLadderWidget(widgets.VBox):
    """Tick boxes for the self-assessment, grouped by level, with the result below.

    Only wiring: every change calls :func:`place_on_ladder` again. Readers with
    no running Python see the result for the starting ticks, as text and HTML.
    """

    def __init__(self, ticked: Iterable[str] = DEFAULT_TICKS) -> None:
        start = set(ticked)
        self.boxes: dict[str, widgets.Checkbox] = {}
        children: list[widgets.Widget] = [widgets.HTML(
            value=STYLE + "<p>" + _("<strong>Skills self-assessment</strong>: tick every task you can do "
                                    "on your own today. Your level and next steps update as you tick.") + "</p>")]
        for lvl in (1, 2, 3):
            heading = _("{level} tasks. I can ...").format(level=_(LEVELS[lvl]))
            children.append(widgets.HTML(value=f"<p><em>{heading}</em></p>"))
            for code, (level, text) in TASKS.items():
                if level == lvl:
                    box = widgets.Checkbox(value=code in start, description=_(text), indent=False,
                                           layout=widgets.Layout(width="auto"))
                    box.observe(lambda _change: self.update(), names="value")
                    self.boxes[code] = box
                    children.append(box)
        self.output = widgets.HTML(value="")
        children.append(self.output)
        super().__init__(children)
        self.profile = self.update()

    def ticked(self) -> set[str]:
        """The codes of the boxes that are ticked."""
        return {code for code, box in self.boxes.items() if box.value}

    def update(self) -> SkillsProfile:
        """Place the learner again and show the result."""
        self.profile = place_on_ladder(self.ticked())
        self.output.value = self.profile.to_html()
        return self.profile

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        data = super()._repr_mimebundle_(**kwargs) or {}
        said = "; ".join(_(TASKS[c][1]) for c in TASKS if c in self.ticked()) or _("nothing ticked")
        data["text/plain"] = _("Skills self-assessment (ticked: {ticked}):").format(ticked=said) + f"\n{self.profile.to_text()}"
        heading = _("<strong>Skills self-assessment</strong> (example answers: {answers})").format(answers=html.escape(said))
        note = _("Run this notebook to tick your own answers and see your level.")
        data["text/html"] = (
            STYLE + f'<div class="si-demo"><p>{heading}</p>{self.profile.to_html()}'
            f'<p class="si-static-note">{note}</p></div>'
        )
        return data


def ladder_widget(ticked: Iterable[str] = DEFAULT_TICKS) -> SkillsLadderWidget:
    """The self-assessment as tick boxes; the static book shows the result for ``ticked``."""
    unknown = set(ticked) - set(TASKS)
    if unknown:
        raise ValueError(_("unknown task code(s) {codes}").format(codes=sorted(unknown)))
    return SkillsLadderWidget(ticked)
