"""Task exposure: which share of an occupation's working time could machines do?

A job is not one thing that a machine either does or does not do. It is a bundle
of **tasks**. Following Autor, Levy and Murnane (2003), each task is rated on
two scales:

* **routine** (it follows explicit rules that can be written down) or
  **non-routine** (it needs judgement, improvisation or dealing with people);
* **manual** (mostly physical work) or **cognitive** (mostly work with
  information and people).

That gives four task types (:data:`TASK_TYPES`). Autor, Levy and Murnane split
non-routine cognitive tasks further into analytic and interactive ones; this
teaching model keeps the simpler two-by-two grid.

An **automation scenario** (:data:`SCENARIOS`) says, for each task type, which
fraction of the time spent on it is *technically* automatable (0 = none,
1 = all). The **exposure** of an occupation is the share of its working time
spent on automatable tasks:

    exposure = sum(share of time of task × automatable fraction of its type)

ILLUSTRATIVE ASSUMPTIONS, NOT MEASUREMENTS. The occupations in
:data:`OCCUPATIONS`, their tasks, the shares of working time and the ratings
were written for this course to make the idea concrete. They describe a
plausible version of each job; real workers in the same occupation do very
different mixes of tasks (Arntz, Gregory and Zierahn, 2016, show why that
matters). The scenarios are "what if" settings, not forecasts.

Exposure is not job loss. Whether an exposed task is automated depends on the
cost of the machine, wages, the size of the firm, regulation and demand; the
tasks that remain may grow, and new tasks appear.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Mapping, Sequence

import pandas as pd

from ..i18n import N_, format_decimal, gettext as _

__all__ = [
    "TASK_TYPES",
    "Task",
    "Occupation",
    "OCCUPATIONS",
    "SCENARIOS",
    "TaskExposure",
    "task_type",
    "exposure_share",
    "task_exposure",
    "occupation_tasks",
    "exposure_table",
]

#: The four task types, in a fixed order (data; translated where they are shown).
TASK_TYPES = (N_("routine manual"), N_("routine cognitive"), N_("non-routine manual"), N_("non-routine cognitive"))


@dataclass(frozen=True)
class Task:
    """One task of an occupation.

    ``share`` is the share of working time spent on the task, in percent.
    ``routine`` and ``manual`` are the two ratings (True/False).
    """

    name: str
    share: int
    routine: bool
    manual: bool

    @property
    def kind(self) -> str:
        """The task type: one of :data:`TASK_TYPES`."""
        return task_type(self.routine, self.manual)


@dataclass(frozen=True)
class Occupation:
    """An occupation as a list of tasks whose shares of working time add up to 100 %."""

    name: str
    example: str
    tasks: tuple[Task, ...]


def task_type(routine: bool, manual: bool) -> str:
    """The name of the task type for the two ratings, e.g. ``"routine manual"``."""
    return f"{'routine' if routine else 'non-routine'} {'manual' if manual else 'cognitive'}"


def _t(name: str, share: int, kind: str) -> Task:
    """A task from a type name such as ``"routine manual"`` (shorter to read below)."""
    if kind not in TASK_TYPES:
        raise ValueError(f"unknown task type {kind!r}")
    return Task(name, share, routine=not kind.startswith("non-"), manual=kind.endswith("manual"))


RM, RC, NRM, NRC = TASK_TYPES

#: Illustrative occupations (assumptions written for the course, not measured data).
#: Shares are percent of working time in a typical week; each occupation adds up to 100.
OCCUPATIONS: dict[str, Occupation] = {
    "garment machine operator": Occupation(
        N_("garment machine operator"),
        "sews shirts in an export factory, for example in Bangladesh, Cambodia or Ethiopia",
        (
            _t(N_("sew the same seam on piece after piece"), 50, RM),
            _t(N_("feed and align soft fabric by hand"), 20, NRM),
            _t(N_("count pieces and fill in bundle tickets"), 10, RC),
            _t(N_("check seams against the quality standard"), 10, RC),
            _t(N_("thread the machine, change needles, fix small faults"), 10, NRM),
        ),
    ),
    "call-centre agent": Occupation(
        N_("call-centre agent"),
        "answers customers of a telecom or bank, for example in the Philippines, India or Kenya",
        (
            _t(N_("answer standard questions from a script"), 40, RC),
            _t(N_("type customer details and log each call"), 20, RC),
            _t(N_("calm upset customers and handle complaints"), 25, NRC),
            _t(N_("solve unusual problems with colleagues"), 15, NRC),
        ),
    ),
    "electrician": Occupation(
        N_("electrician"),
        "installs and repairs wiring in homes and small firms, for example in Nigeria or Mexico",
        (
            _t(N_("install wiring and fittings, each building different"), 45, NRM),
            _t(N_("travel to sites and carry materials"), 5, NRM),
            _t(N_("find the cause of faults"), 20, NRC),
            _t(N_("talk with clients, explain and quote prices"), 20, NRC),
            _t(N_("order materials, write invoices and records"), 10, RC),
        ),
    ),
    "nurse": Occupation(
        N_("nurse"),
        "works on a hospital ward, in any country",
        (
            _t(N_("care for patients: wash, move, dress wounds"), 30, NRM),
            _t(N_("measure vital signs and give medicines on schedule"), 10, RM),
            _t(N_("restock supplies"), 5, RM),
            _t(N_("watch patients, judge changes, decide when to call a doctor"), 20, NRC),
            _t(N_("talk with and teach patients and families"), 20, NRC),
            _t(N_("write charts and records"), 15, RC),
        ),
    ),
    "smallholder farmer": Occupation(
        N_("smallholder farmer"),
        "grows maize or rice on two hectares, for example in Malawi or Viet Nam",
        (
            _t(N_("prepare the land and plant"), 20, RM),
            _t(N_("harvest and thresh the grain"), 15, RM),
            _t(N_("carry water and produce"), 15, RM),
            _t(N_("weed and tend plants on uneven plots"), 20, NRM),
            _t(N_("care for animals"), 10, NRM),
            _t(N_("decide what and when to plant; read weather and soil"), 10, NRC),
            _t(N_("sell at the market and bargain over prices"), 10, NRC),
        ),
    ),
    "bookkeeper": Occupation(
        N_("bookkeeper"),
        "keeps the accounts of small firms, for example in Ghana or Peru",
        (
            _t(N_("enter invoices and receipts"), 35, RC),
            _t(N_("reconcile accounts and check sums"), 20, RC),
            _t(N_("prepare standard reports and the payroll"), 25, RC),
            _t(N_("answer managers' questions, explain unusual items"), 10, NRC),
            _t(N_("sort out errors and disputes with the tax office"), 10, NRC),
        ),
    ),
}

#: Automation scenarios: the fraction of the time on each task type that is
#: technically automatable (types not listed: 0). Assumptions, not forecasts.
#: (The names are data, the scenario chosen; they are translated where they are shown.)
SCENARIOS: dict[str, dict[str, float]] = {
    N_("none"): {},
    N_("machines"): {RM: 1.0},
    N_("machines and software"): {RM: 1.0, RC: 1.0},
    N_("plus AI"): {RM: 1.0, RC: 1.0, NRC: 0.5},
    N_("plus AI and robots"): {RM: 1.0, RC: 1.0, NRC: 0.5, NRM: 0.5},
}

SCENARIO_NOTES: dict[str, str] = {
    "none": N_("no task is automatable"),
    "machines": N_("machines can do all routine manual tasks"),
    "machines and software": N_("machines and software can do all routine tasks, manual and cognitive"),
    "plus AI": N_("as before, and AI can do half of the time on non-routine cognitive tasks"),
    "plus AI and robots": N_("as before, and dexterous robots can do half of the time on non-routine manual tasks"),
}


def _check_automatable(automatable: Mapping[str, float]) -> None:
    for kind, fraction in automatable.items():
        if kind not in TASK_TYPES:
            raise ValueError(_("unknown task type {kind}; use one of {types}").format(kind=repr(kind), types=TASK_TYPES))
        if not 0.0 <= float(fraction) <= 1.0:
            raise ValueError(_("the automatable fraction of {kind} must be between 0 and 1, not {fraction}").format(
                kind=repr(kind), fraction=fraction))


def exposure_share(tasks: Sequence[Task], automatable: Mapping[str, float]) -> float:
    """Share of working time (0 to 1) spent on tasks that are technically automatable.

    Parameters
    ----------
    tasks:
        The tasks of an occupation; ``share`` in percent of working time
        (they need not add up to 100: the result is divided by their sum).
    automatable:
        For each task type in :data:`TASK_TYPES`, the fraction (0 to 1) of the
        time on tasks of that type that machines could do. Types not given
        count as 0.

    Returns
    -------
    float
        sum(share × automatable fraction of the task's type) / sum(share).
    """
    _check_automatable(automatable)
    total = sum(t.share for t in tasks)
    if total <= 0 or any(t.share < 0 for t in tasks):
        raise ValueError(_("task shares must be zero or more, and not all zero"))
    exposed = sum(t.share * float(automatable.get(t.kind, 0.0)) for t in tasks)
    return exposed / total


@dataclass(frozen=True)
class TaskExposure:
    """The exposure of one occupation under one scenario, task by task."""

    occupation: str
    scenario: str
    tasks: tuple[Task, ...]
    automatable: tuple[tuple[str, float], ...]

    @property
    def exposed_share(self) -> float:
        """Share of working time on automatable tasks, from 0 to 1."""
        return exposure_share(self.tasks, dict(self.automatable))

    def task_fraction(self, task: Task) -> float:
        """The automatable fraction (0 to 1) of one task under this scenario."""
        return float(dict(self.automatable).get(task.kind, 0.0))

    def to_frame(self) -> pd.DataFrame:
        """One row per task: task, type, share of time (%), automatable fraction, exposed time (%)."""
        rows = [
            {
                "task": t.name,
                "type": t.kind,
                "share_pct": t.share,
                "automatable": self.task_fraction(t),
                "exposed_pct": t.share * self.task_fraction(t),
            }
            for t in self.tasks
        ]
        return pd.DataFrame(rows)

    def to_text(self) -> str:
        lines = [
            _("{occupation}, scenario '{scenario}': {share} of working time is "
              "exposed (technically automatable under the scenario's assumptions).").format(
                occupation=_(self.occupation), scenario=_(self.scenario),
                share=format_decimal(f"{self.exposed_share:.0%}")),
        ]
        for t in self.tasks:
            f = self.task_fraction(t)
            if f == 1:
                mark = _("exposed")
            elif f == 0.5:
                mark = _("half exposed")
            elif f == 0:
                mark = _("not exposed")
            else:
                mark = _("{share} exposed").format(share=format_decimal(f"{f:.0%}"))
            lines.append("- " + _("{task} ({kind}, {share} % of time): {mark}").format(
                task=_(t.name), kind=_(t.kind), share=t.share, mark=mark))
        lines.append(_("Exposure is not job loss: it shows which tasks could change, not what employers will do."))
        return "\n".join(lines)

    def to_html(self) -> str:
        body = "".join(
            f"<tr><td>{html.escape(_(t.name))}</td><td>{html.escape(_(t.kind))}</td>"
            f"<td style=\"text-align:right\">{t.share} %</td>"
            f"<td style=\"text-align:right\">{format_decimal(f'{t.share * self.task_fraction(t):g}')} %</td></tr>"
            for t in self.tasks
        )
        summary = _(
            "<strong>{occupation}</strong>, scenario <em>{scenario}</em>: <strong>{share}</strong> of working "
            "time is exposed (technically automatable under the scenario's assumptions)."
        ).format(occupation=html.escape(_(self.occupation)), scenario=html.escape(_(self.scenario)),
                 share=format_decimal(f"{self.exposed_share:.0%}"))
        return (
            f"<p>{summary}</p>"
            f'<table class="si-exposure"><caption>{_("Tasks, share of working time, and the part of it that is exposed")}</caption>'
            f"<thead><tr><th scope=\"col\">{_('Task')}</th><th scope=\"col\">{_('Type')}</th>"
            f"<th scope=\"col\">{_('Time')}</th><th scope=\"col\">{_('Exposed')}</th></tr></thead>"
            f"<tbody>{body}</tbody></table>"
            f"<p>{_('Exposure is not job loss: it shows which tasks could change, not what employers will do.')}</p>"
        )


def task_exposure(occupation: str = "call-centre agent", scenario: str = "machines and software") -> TaskExposure:
    """Exposure of one of the course's illustrative :data:`OCCUPATIONS` under one of the :data:`SCENARIOS`.

    Parameters
    ----------
    occupation:
        A key of :data:`OCCUPATIONS`, e.g. ``"nurse"``.
    scenario:
        A key of :data:`SCENARIOS`, e.g. ``"plus AI"``.
    """
    if occupation not in OCCUPATIONS:
        raise ValueError(_("unknown occupation {name}; choose one of {choices}").format(
            name=repr(occupation), choices=list(OCCUPATIONS)))
    if scenario not in SCENARIOS:
        raise ValueError(_("unknown scenario {name}; choose one of {choices}").format(
            name=repr(scenario), choices=list(SCENARIOS)))
    automatable = SCENARIOS[scenario]
    return TaskExposure(
        occupation,
        scenario,
        OCCUPATIONS[occupation].tasks,
        tuple((k, float(automatable[k])) for k in TASK_TYPES if k in automatable),
    )


def occupation_tasks(occupation: str) -> pd.DataFrame:
    """The tasks of one illustrative occupation: task, share of time (%), routine, manual, type."""
    if occupation not in OCCUPATIONS:
        raise ValueError(_("unknown occupation {name}; choose one of {choices}").format(
            name=repr(occupation), choices=list(OCCUPATIONS)))
    return pd.DataFrame(
        [{"task": t.name, "share_pct": t.share, "routine": t.routine, "manual": t.manual, "type": t.kind}
         for t in OCCUPATIONS[occupation].tasks]
    )


def exposure_table(scenarios: Sequence[str] | None = None) -> pd.DataFrame:
    """Exposure (percent of working time) of every occupation under each scenario.

    One row per occupation (in the order of :data:`OCCUPATIONS`), one column per
    scenario (in the order of :data:`SCENARIOS`, or as given).
    """
    names = list(SCENARIOS) if scenarios is None else list(scenarios)
    for s in names:
        if s not in SCENARIOS:
            raise ValueError(_("unknown scenario {name}; choose one of {choices}").format(
                name=repr(s), choices=list(SCENARIOS)))
    data = {s: [100 * exposure_share(o.tasks, SCENARIOS[s]) for o in OCCUPATIONS.values()] for s in names}
    out = pd.DataFrame(data, index=pd.Index(list(OCCUPATIONS), name="occupation"))
    out.columns.name = "scenario"
    return out
