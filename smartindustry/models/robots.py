"""Does a robot pay off? A yearly cost-benefit model of automating a production line.

A firm considers buying ``robots`` industrial robots for one production line.
The model compares, for one typical year of the robots' life, what the robots
cost with what they save and earn. Every assumption is an argument of
:func:`automation_case`, with its unit; nothing is hidden and nothing is random.

What the robots cost each year
------------------------------
* **Capital cost**: the price of the robots, spread over their life as an
  *annuity*: the fixed yearly payment that repays the price with interest over
  ``lifetime_years`` (like the instalments of a loan)::

      capital cost = investment × r (1 + r)^n / ((1 + r)^n − 1)

  where r is ``interest_rate`` and n is ``lifetime_years`` (with r = 0 it is
  simply investment / n).
* **Upkeep**: maintenance, spare parts and energy, a share of the price each year.
* **Technicians**: the wages of the people who programme, watch and repair
  the robots (new jobs), paid ``technician_wage_ratio`` times the operator wage.

What the robots bring each year
-------------------------------
* **Labour cost saved**: the operators' jobs the robots take over, at the
  operator wage (full cost to the employer, including social contributions).
* **Extra output**: more good units sold (the robots work faster or make fewer
  defects), times the profit margin on each unit.

Results
-------
* **Net benefit a year** = labour saved + extra output − capital − upkeep − technicians.
  Positive: the robots pay for themselves, interest included.
* **Simple payback** = investment / (yearly gain before the capital cost), in
  years. It ignores interest, so it flatters the robots a little; compare it
  with the robots' life.
* **Jobs**: operator jobs replaced, technician jobs created, and the difference.
* **Break-even wage**: the operator wage at which the net benefit is zero.

ILLUSTRATIVE ASSUMPTIONS, NOT DATA. The two examples in :data:`EXAMPLES`, a
low-wage and a high-wage economy, were written for the course to show the
mechanism. They are not measurements of any country or firm. The model leaves
out, among other things: taxes, subsidies and import duties; wages and prices
changing over the years; the time and skills needed to install the robots; the
jobs created or lost elsewhere (at robot makers, suppliers and competitors);
and the value of flexibility, safety and quality that is hard to price.
"""

from __future__ import annotations

import html
import math
import numbers
from dataclasses import dataclass
from typing import Any, Iterable

import pandas as pd

from ..exercises import Rendered
from ..i18n import N_, format_decimal, gettext as _

__all__ = [
    "AutomationCase",
    "EXAMPLES",
    "EXAMPLE_NOTES",
    "annuity_factor",
    "automation_case",
    "example_cases",
    "validate_inputs",
    "wage_curve",
]

#: The argument names of :func:`automation_case`, in order, with their units (translated where shown).
UNITS = {
    "robots": N_("robots"),
    "robot_cost": N_("USD per robot, installed"),
    "lifetime_years": N_("years"),
    "maintenance_share": N_("share of the price a year (0.05 = 5 %)"),
    "workers_replaced": N_("full-time operator jobs"),
    "wage_per_year": N_("USD per operator a year"),
    "output_gain": N_("extra good units a year"),
    "margin_per_unit": N_("USD of profit per extra unit"),
    "interest_rate": N_("a year (0.08 = 8 %)"),
    "technicians": N_("full-time technician jobs"),
    "technician_wage_ratio": N_("times the operator wage"),
}

#: The same robot line in two economies (ILLUSTRATIVE values written for the course).
#: Only the wage and the interest rate differ.
EXAMPLES: dict[str, dict[str, float]] = {
    "low-wage economy (illustrative)": {
        "robots": 4,
        "robot_cost": 100_000,
        "lifetime_years": 10,
        "maintenance_share": 0.05,
        "workers_replaced": 8,
        "wage_per_year": 3_000,
        "output_gain": 20_000,
        "margin_per_unit": 1.0,
        "interest_rate": 0.12,
        "technicians": 1,
        "technician_wage_ratio": 2.0,
    },
    "high-wage economy (illustrative)": {
        "robots": 4,
        "robot_cost": 100_000,
        "lifetime_years": 10,
        "maintenance_share": 0.05,
        "workers_replaced": 8,
        "wage_per_year": 50_000,
        "output_gain": 20_000,
        "margin_per_unit": 1.0,
        "interest_rate": 0.04,
        "technicians": 1,
        "technician_wage_ratio": 2.0,
    },
}

#: What the example values stand for (translated where shown: ``_(EXAMPLE_NOTES[name])``).
EXAMPLE_NOTES = {
    "robots": N_("4 robots on one line, for example for welding or packing"),
    "robot_cost": N_("USD 100,000 each, installed: arm, gripper, safety guards, programming"),
    "lifetime_years": N_("used for 10 years"),
    "maintenance_share": N_("upkeep (maintenance, spare parts, energy) of 5 % of the price a year"),
    "workers_replaced": N_("8 operator jobs: 4 operators on each of two shifts"),
    "wage_per_year": N_("USD 3,000 (low-wage) or USD 50,000 (high-wage) a year, full cost to the employer"),
    "output_gain": N_("20,000 more good units a year (faster work, fewer defects)"),
    "margin_per_unit": N_("USD 1 of profit on each extra unit"),
    "interest_rate": N_("capital costs 12 % a year (low-wage) or 4 % (high-wage)"),
    "technicians": N_("1 new technician job to programme and repair the robots"),
    "technician_wage_ratio": N_("a technician earns twice an operator's wage"),
}


def annuity_factor(interest_rate: float, lifetime_years: float) -> float:
    """The share of a price to pay each year to repay it with interest over its life.

    ``interest_rate`` is a yearly rate as a fraction (0.08 = 8 %);
    ``lifetime_years`` is in years. With a zero rate the factor is 1 / lifetime.
    """
    r, n = float(interest_rate), float(lifetime_years)
    rise = math.expm1(n * math.log1p(r))  # (1 + r)^n - 1, accurate for small r
    if r == 0 or rise == 0:
        return 1.0 / n
    return r * (1.0 + rise) / rise


# -- checking the inputs -------------------------------------------------------------

# name: (lowest allowed, highest allowed, lowest included?, a note for fractions)
_RULES: dict[str, tuple[float, float, bool, str]] = {
    "robots": (1, 10_000, True, ""),
    "robot_cost": (0, 1e9, False, ""),
    "lifetime_years": (1, 50, True, ""),
    "maintenance_share": (0, 1, True, N_("write 0.05 for 5 %")),
    "workers_replaced": (0, 1e6, True, ""),
    "wage_per_year": (0, 1e7, True, ""),
    "output_gain": (0, 1e12, True, ""),
    "margin_per_unit": (0, 1e6, True, ""),
    "interest_rate": (0, 1, True, N_("write 0.08 for 8 %")),
    "technicians": (0, 1e6, True, ""),
    "technician_wage_ratio": (0, 100, True, ""),
}


def validate_inputs(**values: Any) -> list[str]:
    """Check the arguments of :func:`automation_case`; return a list of problems in plain words.

    An empty list means every value is usable. Unknown names are reported too.
    """
    problems = []
    for name, value in values.items():
        if name not in _RULES:
            problems.append(_("`{name}` is not an input of the model; the inputs are {inputs}.").format(
                name=name, inputs=", ".join(_RULES)))
            continue
        low, high, low_ok, note = _RULES[name]
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            shown = repr(value) if len(repr(value)) <= 30 else repr(value)[:27] + "..."
            problems.append(_("`{name}` must be a number ({unit}); got {value}.").format(
                name=name, unit=_(UNITS[name]), value=shown))
            continue
        x = float(value)
        if not math.isfinite(x):
            problems.append(_("`{name}` must be a finite number; got {value}.").format(name=name, value=value))
            continue
        too_low = x < low or (x == low and not low_ok)
        if too_low or x > high:
            bound = (_("`{name}` must be at least {low} and at most {high}{note}; got {value}.") if low_ok
                     else _("`{name}` must be more than {low} and at most {high}{note}; got {value}."))
            extra = f" ({_(note)})" if note else ""
            problems.append(bound.format(name=name, low=format_decimal(f"{low:g}"), high=format_decimal(f"{high:g}"),
                                         note=extra, value=format_decimal(f"{x:g}")))
            continue
        if name == "robots" and x != int(x):
            problems.append(_("`{name}` must be a whole number; got {value}.").format(
                name="robots", value=format_decimal(f"{x:g}")))
    return problems


# -- the result ----------------------------------------------------------------------


def _usd(x: float) -> str:
    """'USD 12,345' or 'USD -12,345', rounded to whole dollars (numbers written the way the language does)."""
    return _("USD {amount}").format(amount=format_decimal(f"{x:,.0f}"))


def _jobs(x: float) -> str:
    return format_decimal(f"{x:g}")


@dataclass(frozen=True)
class AutomationCase(Rendered):
    """One automation decision, year by year (amounts in USD a year unless said otherwise).

    ``problems`` lists what is wrong with the inputs; when it is not empty the
    amounts are NaN and :meth:`to_text` says what to change.
    """

    inputs: tuple[tuple[str, float], ...]
    problems: tuple[str, ...]
    investment: float = math.nan
    capital_cost: float = math.nan
    upkeep_cost: float = math.nan
    technician_cost: float = math.nan
    labour_saved: float = math.nan
    extra_output_value: float = math.nan

    @property
    def ok(self) -> bool:
        """True when the inputs were valid and the amounts are computed."""
        return not self.problems

    def input(self, name: str) -> float:
        """The value of one input."""
        return dict(self.inputs)[name]

    @property
    def cash_gain(self) -> float:
        """Yearly gain before paying for the robots: savings + extra output − upkeep − technicians."""
        return self.labour_saved + self.extra_output_value - self.upkeep_cost - self.technician_cost

    @property
    def net_benefit(self) -> float:
        """Yearly gain after the capital cost (the annuity). Positive means the robots pay off."""
        return self.cash_gain - self.capital_cost

    @property
    def pays_off(self) -> bool:
        """True when the net benefit is positive."""
        return self.ok and self.net_benefit > 0

    @property
    def payback_years(self) -> float:
        """Simple payback: investment / yearly cash gain, in years (``inf`` if the gain is not positive)."""
        if not self.ok:
            return math.nan
        return self.investment / self.cash_gain if self.cash_gain > 0 else math.inf

    @property
    def jobs_replaced(self) -> float:
        """Operator jobs (full-time equivalents) the robots take over."""
        return self.input("workers_replaced")

    @property
    def jobs_created(self) -> float:
        """New technician jobs (full-time equivalents)."""
        return self.input("technicians")

    @property
    def net_jobs(self) -> float:
        """Jobs on the line after minus before: created − replaced."""
        return self.jobs_created - self.jobs_replaced

    @property
    def break_even_wage(self) -> float:
        """The operator wage (USD a year) at which the net benefit is zero.

        ``inf`` when no wage is enough (each job replaced saves less than the
        technicians cost), 0 when the robots pay off even with unpaid operators.
        """
        if not self.ok:
            return math.nan
        saved_per_wage = self.jobs_replaced - self.jobs_created * self.input("technician_wage_ratio")
        other = self.capital_cost + self.upkeep_cost - self.extra_output_value
        if saved_per_wage <= 0:
            return 0.0 if other <= 0 else math.inf
        return max(other / saved_per_wage, 0.0)

    def to_dict(self) -> dict[str, float]:
        """The results as plain numbers (USD a year, years, jobs)."""
        return {
            "investment": self.investment,
            "capital_cost": self.capital_cost,
            "upkeep_cost": self.upkeep_cost,
            "technician_cost": self.technician_cost,
            "labour_saved": self.labour_saved,
            "extra_output_value": self.extra_output_value,
            "net_benefit": self.net_benefit,
            "payback_years": self.payback_years,
            "jobs_replaced": self.jobs_replaced,
            "jobs_created": self.jobs_created,
            "net_jobs": self.net_jobs,
            "break_even_wage": self.break_even_wage,
        }

    # -- words -----------------------------------------------------------------
    def _payback_words(self) -> str:
        life = self.input("lifetime_years")
        if math.isinf(self.payback_years):
            return _("never: the yearly gain does not even cover upkeep and technicians")
        years = format_decimal(f"{self.payback_years:.1f}")
        if self.payback_years > life:
            return _("{years} years, longer than the robots' life of {life} years").format(
                years=years, life=format_decimal(f"{life:g}"))
        return _("{years} years").format(years=years)

    def _verdict(self) -> str:
        if self.pays_off:
            return _("The robots pay off: they gain {amount} a year after paying for themselves with interest.").format(
                amount=_usd(self.net_benefit))
        return _("The robots do not pay off: they lose {amount} a year once their capital cost is counted.").format(
            amount=_usd(-self.net_benefit))

    def _break_even_words(self) -> str:
        w = self.break_even_wage
        if math.isinf(w):
            return _("none: no operator wage makes these robots pay off")
        return _("{amount} a year").format(amount=_usd(w))

    def _rows(self) -> list[tuple[str, str]]:
        r, n = self.input("interest_rate"), self.input("lifetime_years")
        return [
            (_("Investment (paid once)"), _usd(self.investment)),
            (_("Capital cost a year (annuity at {rate} % over {years} years)").format(
                rate=format_decimal(f"{r * 100:g}"), years=format_decimal(f"{n:g}")), _usd(-self.capital_cost)),
            (_("Upkeep a year (maintenance, parts, energy)"), _usd(-self.upkeep_cost)),
            (_("Technician wages a year"), _usd(-self.technician_cost)),
            (_("Operator wages saved a year"), _usd(self.labour_saved)),
            (_("Profit on extra output a year"), _usd(self.extra_output_value)),
            (_("Net benefit a year"), _usd(self.net_benefit)),
            (_("Simple payback"), self._payback_words()),
            (_("Break-even operator wage"), self._break_even_words()),
            (_("Operator jobs replaced"), _jobs(self.jobs_replaced)),
            (_("Technician jobs created"), _jobs(self.jobs_created)),
            (_("Net change in jobs on the line"), format_decimal(f"{self.net_jobs:+g}")),
        ]

    def to_text(self) -> str:
        """The case as plain text."""
        if not self.ok:
            return (f"{_('Cannot compute this case.')} {_('Please change:')}\n"
                    + "\n".join(f"- {p}" for p in self.problems))
        rows = self._rows()
        width = max(len(k) for k, _v in rows)
        lines = [f"{k:<{width}}  {v}" for k, v in rows]
        lines.append(self._verdict())
        lines.append(_("Illustrative model: every number follows from the stated assumptions."))
        return "\n".join(lines)

    def to_html(self) -> str:
        """The case as an HTML table with a one-sentence verdict."""
        if not self.ok:
            items = "".join(f"<li>{html.escape(p)}</li>" for p in self.problems)
            return (f'<div class="si-feedback si-unreadable" role="status"><strong>{_("Cannot compute this case.")}</strong> '
                    f"{_('Please change:')}<ul>{items}</ul></div>")
        body = "".join(
            f'<tr><th scope="row" style="text-align:left">{html.escape(k)}</th><td style="text-align:right">{html.escape(v)}</td></tr>'
            for k, v in self._rows()
        )
        return (
            f'<table class="si-automation"><caption>{_("One year of the robot line (USD; costs are negative)")}</caption>'
            f"<tbody>{body}</tbody></table>"
            f"<p><strong>{html.escape(self._verdict())}</strong></p>"
            f"<p>{_('Illustrative model: every number follows from the stated assumptions.')}</p>"
        )

    def __str__(self) -> str:
        return self.to_text()


# -- the model -----------------------------------------------------------------------


def automation_case(
    robots: int = 4,
    robot_cost: float = 100_000,
    lifetime_years: float = 10,
    maintenance_share: float = 0.05,
    workers_replaced: float = 8,
    wage_per_year: float = 20_000,
    output_gain: float = 20_000,
    margin_per_unit: float = 1.0,
    interest_rate: float = 0.08,
    technicians: float = 1,
    technician_wage_ratio: float = 2.0,
) -> AutomationCase:
    """One year of a line automated with robots: costs, savings, payback and jobs.

    Parameters
    ----------
    robots:
        Number of robots bought for the line (a whole number, at least 1).
    robot_cost:
        Price of one robot, installed, in USD: the arm, its gripper or tool,
        safety guards and the work to set it up and programme it.
    lifetime_years:
        Years the robots are used (1 to 50).
    maintenance_share:
        Yearly upkeep (maintenance, spare parts, energy) as a share of the
        price, from 0 to 1 (0.05 = 5 % a year).
    workers_replaced:
        Full-time operator jobs the robots take over on the line, for all
        shifts together (8 = four operators on each of two shifts).
    wage_per_year:
        Yearly cost of one operator to the employer, in USD (wage plus social
        contributions).
    output_gain:
        Extra good units sold a year thanks to the robots (faster work, fewer
        defects). 0 if the robots only replace labour.
    margin_per_unit:
        Profit on each extra unit, in USD.
    interest_rate:
        Yearly cost of the money used to buy the robots (a loan's interest, or
        what the money would earn elsewhere), as a fraction (0.08 = 8 %).
    technicians:
        New full-time technician jobs needed to programme, watch and repair
        the robots.
    technician_wage_ratio:
        A technician's yearly cost as a multiple of an operator's.

    Returns
    -------
    :class:`AutomationCase`. Invalid inputs never raise: the result's
    ``problems`` says what to change, and its amounts are NaN.
    """
    values = {
        "robots": robots,
        "robot_cost": robot_cost,
        "lifetime_years": lifetime_years,
        "maintenance_share": maintenance_share,
        "workers_replaced": workers_replaced,
        "wage_per_year": wage_per_year,
        "output_gain": output_gain,
        "margin_per_unit": margin_per_unit,
        "interest_rate": interest_rate,
        "technicians": technicians,
        "technician_wage_ratio": technician_wage_ratio,
    }
    problems = validate_inputs(**values)
    if problems:
        shown = tuple((k, float(v) if isinstance(v, numbers.Real) and not isinstance(v, bool) else math.nan)
                      for k, v in values.items())
        return AutomationCase(inputs=shown, problems=tuple(problems))
    v = {k: float(x) for k, x in values.items()}
    investment = v["robots"] * v["robot_cost"]
    return AutomationCase(
        inputs=tuple(v.items()),
        problems=(),
        investment=investment,
        capital_cost=investment * annuity_factor(v["interest_rate"], v["lifetime_years"]),
        upkeep_cost=investment * v["maintenance_share"],
        technician_cost=v["technicians"] * v["technician_wage_ratio"] * v["wage_per_year"],
        labour_saved=v["workers_replaced"] * v["wage_per_year"],
        extra_output_value=v["output_gain"] * v["margin_per_unit"],
    )


def example_cases() -> pd.DataFrame:
    """The two :data:`EXAMPLES` side by side: one column per economy, one row per result."""
    cols = {name: automation_case(**kw).to_dict() for name, kw in EXAMPLES.items()}
    return pd.DataFrame(cols)


def wage_curve(wages: Iterable[float], **assumptions: float) -> pd.DataFrame:
    """Net benefit and payback for a range of operator wages, other assumptions fixed.

    ``wages`` are yearly operator costs in USD; ``assumptions`` are any other
    arguments of :func:`automation_case`. Returns columns ``wage_per_year``,
    ``net_benefit`` (USD a year) and ``payback_years``.
    """
    if "wage_per_year" in assumptions:
        raise ValueError(_("give the wages as the first argument, not as `wage_per_year`"))
    rows = []
    for w in wages:
        case = automation_case(wage_per_year=w, **assumptions)
        if not case.ok:
            raise ValueError("; ".join(case.problems))
        rows.append({"wage_per_year": float(w), "net_benefit": case.net_benefit, "payback_years": case.payback_years})
    return pd.DataFrame(rows)
