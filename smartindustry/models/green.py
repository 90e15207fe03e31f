"""Growth and emissions: intensity, decoupling and e-waste, for the chapter on green industry.

Emissions of carbon dioxide (CO2) from a sector are its output times its
**emissions intensity** (the CO2 emitted per dollar of value added)::

    emissions = value added × intensity

So emissions fall only if the intensity falls faster than output grows. The
functions here make that arithmetic explicit:

* :func:`emissions_intensity` divides emissions by value added (kg CO2 per USD);
* :func:`percent_change` is the change between two values, in %;
* :func:`classify_decoupling` names what happened when output and emissions
  changed by given percentages: absolute decoupling, relative decoupling, no
  decoupling, or output that did not grow;
* :func:`flat_emissions_intensity_change` is the yearly change in intensity
  that keeps emissions flat at a given growth rate of output;
* :func:`emissions_path` and :func:`decoupling_demo` follow output, intensity
  and emissions year by year (the chapter's interactive demo);
* :func:`ewaste_balance` splits a country's e-waste into what is documented as
  collected and recycled and what is not.

Nothing here is random, and nothing is data: the chapter applies these
functions to the real series of the course's tables (SDG indicator 9.4.1, e-waste
of SDG 12.4.2). Bad inputs to the demo never raise: the result says what to change.
"""

from __future__ import annotations

import html
import math
import numbers
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..exercises import Rendered
from ..i18n import N_, format_decimal, gettext as _

__all__ = [
    "DECOUPLING_KINDS",
    "DecouplingResult",
    "EwasteBalance",
    "classify_decoupling",
    "decoupling_demo",
    "emissions_intensity",
    "emissions_path",
    "ewaste_balance",
    "flat_emissions_intensity_change",
    "percent_change",
]

#: The four outcomes of :func:`classify_decoupling`, with what each means.
#: The keys are data (what :func:`classify_decoupling` returns); both are translated where they are shown.
DECOUPLING_KINDS = {
    N_("absolute decoupling"): N_("output grew while emissions fell (or stayed flat)"),
    N_("relative decoupling"): N_("output and emissions both grew, emissions more slowly"),
    N_("no decoupling"): N_("emissions grew as fast as output, or faster"),
    N_("output did not grow"): N_("output fell or stayed flat, so this is not decoupling from growth"),
}


def _number(name: str, value: Any) -> float:
    """``value`` as a finite float, or a ValueError that names ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        shown = repr(value) if len(repr(value)) <= 30 else repr(value)[:27] + "..."
        raise ValueError(_("`{name}` must be a number; got {value}.").format(name=name, value=shown))
    x = float(value)
    if not math.isfinite(x):
        raise ValueError(_("`{name}` must be a finite number; got {value}.").format(name=name, value=value))
    return x


def emissions_intensity(emissions_mt: float, value_added_bn_usd: float) -> float:
    """CO2 emitted per dollar of value added, in kg CO2 per USD.

    Parameters
    ----------
    emissions_mt:
        Emissions in million tonnes of CO2 (Mt), 0 or more.
    value_added_bn_usd:
        Value added in billions of US dollars (constant prices), more than 0.

    One million tonnes is a billion kg, so Mt per billion USD is kg per USD.
    Raises ValueError with a plain message on bad input.
    """
    e = _number("emissions_mt", emissions_mt)
    v = _number("value_added_bn_usd", value_added_bn_usd)
    if e < 0:
        raise ValueError(_("`{name}` cannot be negative; got {value}.").format(
            name="emissions_mt", value=format_decimal(f"{e:g}")))
    if v <= 0:
        raise ValueError(_("`{name}` must be more than 0; got {value}.").format(
            name="value_added_bn_usd", value=format_decimal(f"{v:g}")))
    return e / v


def percent_change(start: float, end: float) -> float:
    """Change from ``start`` to ``end`` in % of ``start`` (+10 means 10 % more).

    ``start`` must be more than 0 and ``end`` at least 0 (amounts such as
    output or emissions). Raises ValueError with a plain message on bad input.
    """
    s = _number("start", start)
    e = _number("end", end)
    if s <= 0:
        raise ValueError(_("`{name}` must be more than 0 to compute a change in %; got {value}.").format(
            name="start", value=format_decimal(f"{s:g}")))
    if e < 0:
        raise ValueError(_("`{name}` cannot be negative; got {value}.").format(name="end", value=format_decimal(f"{e:g}")))
    return (e / s - 1) * 100


def classify_decoupling(output_change_pct: float, emissions_change_pct: float) -> str:
    """Name the relation between a change in output and a change in emissions (both in %).

    * output grew (> 0) and emissions fell or stayed flat (<= 0): ``"absolute decoupling"``;
    * output grew and emissions grew more slowly: ``"relative decoupling"``;
    * output grew and emissions grew as fast or faster: ``"no decoupling"``;
    * output fell or stayed flat (<= 0): ``"output did not grow"``.

    Changes are in % (for example +65.7 for 65.7 % more) and cannot be below
    -100 %. Raises ValueError with a plain message on bad input.
    """
    g = _number("output_change_pct", output_change_pct)
    c = _number("emissions_change_pct", emissions_change_pct)
    for name, x in (("output_change_pct", g), ("emissions_change_pct", c)):
        if x < -100:
            raise ValueError(_("`{name}` cannot be below -100 % (nothing left); got {value}.").format(
                name=name, value=format_decimal(f"{x:g}")))
    if g <= 0:
        return "output did not grow"
    if c <= 0:
        return "absolute decoupling"
    if c < g:
        return "relative decoupling"
    return "no decoupling"


def flat_emissions_intensity_change(output_growth_pct: float) -> float:
    """Yearly change in intensity (%) that keeps emissions flat when output grows by ``output_growth_pct`` % a year.

    Emissions stay flat when (1 + growth) × (1 + intensity change) = 1, so the
    intensity must change by 1 / (1 + growth) − 1. At 7 % growth that is
    −6.54 % a year: a little less than the growth rate, not equal to it.
    ``output_growth_pct`` must be above -100.
    """
    g = _number("output_growth_pct", output_growth_pct)
    if g <= -100:
        raise ValueError(_("`{name}` must be more than -100; got {value}.").format(
            name="output_growth_pct", value=format_decimal(f"{g:g}")))
    return (1 / (1 + g / 100) - 1) * 100


def emissions_path(output_growth_pct: float, intensity_change_pct: float, years: int) -> pd.DataFrame:
    """Output, intensity and emissions year by year, as indices (year 0 = 100).

    Parameters
    ----------
    output_growth_pct:
        Growth of output (value added) each year, in % (−50 to 50).
    intensity_change_pct:
        Change of the emissions intensity each year, in % (−50 to 50; negative
        means cleaner production).
    years:
        Number of years (a whole number from 1 to 50).

    Returns a DataFrame indexed by ``year`` (0 to ``years``) with the columns
    ``output``, ``intensity`` and ``emissions`` (each 100 in year 0), where
    emissions = output × intensity / 100. Raises ValueError on bad input.
    """
    problems = _demo_problems(output_growth_pct, intensity_change_pct, years)
    if problems:
        raise ValueError(" ".join(problems))
    g, k, n = float(output_growth_pct), float(intensity_change_pct), int(years)
    year = pd.RangeIndex(n + 1, name="year")
    output = 100 * (1 + g / 100) ** year.to_numpy()
    intensity = 100 * (1 + k / 100) ** year.to_numpy()
    return pd.DataFrame({"output": output, "intensity": intensity, "emissions": output * intensity / 100}, index=year)


def _demo_problems(output_growth_pct: Any, intensity_change_pct: Any, years: Any) -> list[str]:
    problems = []
    for name, value in (("output_growth_pct", output_growth_pct), ("intensity_change_pct", intensity_change_pct)):
        try:
            x = _number(name, value)
        except ValueError as exc:
            problems.append(str(exc))
            continue
        if not -50 <= x <= 50:
            problems.append(_("`{name}` must be between -50 and 50 (% a year); got {value}.").format(
                name=name, value=format_decimal(f"{x:g}")))
    try:
        n = _number("years", years)
    except ValueError as exc:
        problems.append(str(exc))
    else:
        if n != int(n) or not 1 <= n <= 50:
            problems.append(_("`{name}` must be a whole number from 1 to 50; got {value}.").format(
                name="years", value=format_decimal(f"{n:g}")))
    return problems


@dataclass(frozen=True)
class DecouplingResult(Rendered):
    """Where output, intensity and emissions end after some years (indices, year 0 = 100).

    ``problems`` lists what is wrong with the inputs; when it is not empty the
    numbers are NaN and :meth:`to_text` says what to change.
    """

    output_growth_pct: float
    intensity_change_pct: float
    years: int
    problems: tuple[str, ...] = ()
    output_end: float = math.nan
    intensity_end: float = math.nan
    emissions_end: float = math.nan

    @property
    def ok(self) -> bool:
        """True when the inputs were valid and the numbers are computed."""
        return not self.problems

    @property
    def kind(self) -> str:
        """The kind of decoupling over the whole period (see :func:`classify_decoupling`)."""
        if not self.ok:
            return ""
        return classify_decoupling(self.output_end - 100, self.emissions_end - 100)

    @property
    def flat_intensity_change_pct(self) -> float:
        """The yearly intensity change (%) that would keep emissions flat at this growth."""
        if not self.ok:
            return math.nan
        return flat_emissions_intensity_change(self.output_growth_pct)

    def _rows(self) -> list[tuple[str, str]]:
        n = self.years

        def index(end: float) -> str:
            return _("{value} (was 100): {change} %").format(
                value=format_decimal(f"{end:,.1f}"), change=format_decimal(f"{end - 100:+,.1f}"))

        return [
            (_("Output after {years} years").format(years=n), index(self.output_end)),
            (_("Emissions intensity after {years} years").format(years=n), index(self.intensity_end)),
            (_("Emissions after {years} years").format(years=n), index(self.emissions_end)),
            (_("What happened"), _("{kind}: {meaning}").format(kind=_(self.kind), meaning=_(DECOUPLING_KINDS[self.kind]))),
            (_("Yearly intensity change that keeps emissions flat"),
             _("{change} % a year").format(change=format_decimal(f"{self.flat_intensity_change_pct:+.2f}"))),
        ]

    def to_text(self) -> str:
        """The result as plain text."""
        if not self.ok:
            return (f"{_('Cannot compute this case.')} {_('Please change:')}\n"
                    + "\n".join(f"- {p}" for p in self.problems))
        rows = self._rows()
        width = max(len(k) for k, _v in rows)
        lines = [f"{k:<{width}}  {v}" for k, v in rows]
        lines.append(f"{_('Indices: year 0 = 100.')} {_('Emissions = output × intensity / 100.')}")
        return "\n".join(lines)

    def to_html(self) -> str:
        """The result as an HTML table."""
        if not self.ok:
            items = "".join(f"<li>{html.escape(p)}</li>" for p in self.problems)
            return (
                f'<div class="si-feedback si-unreadable" role="status"><strong>{_("Cannot compute this case.")}</strong> '
                f"{_('Please change:')}<ul>{items}</ul></div>"
            )
        body = "".join(
            f'<tr><th scope="row" style="text-align:left">{html.escape(k)}</th><td>{html.escape(v)}</td></tr>'
            for k, v in self._rows()
        )
        return (
            f'<table class="si-decoupling"><caption>{_("Output, intensity and emissions (indices, year 0 = 100)")}</caption>'
            f"<tbody>{body}</tbody></table>"
            f"<p>{_('Emissions = output × intensity / 100.')}</p>"
        )

    def __str__(self) -> str:
        return self.to_text()


def decoupling_demo(output_growth_pct: float = 7.0, intensity_change_pct: float = -4.0, years: int = 10) -> DecouplingResult:
    """The chapter's demo: output grows and intensity changes at steady yearly rates for ``years`` years.

    Parameters are those of :func:`emissions_path` (% a year, % a year, years).
    Never raises: with bad inputs the result's ``problems`` says what to change.
    """
    problems = _demo_problems(output_growth_pct, intensity_change_pct, years)
    if problems:
        def shown(x: Any) -> float:
            return float(x) if isinstance(x, numbers.Real) and not isinstance(x, bool) else math.nan

        n = shown(years)
        return DecouplingResult(shown(output_growth_pct), shown(intensity_change_pct),
                                int(n) if math.isfinite(n) else 0, tuple(problems))
    path = emissions_path(output_growth_pct, intensity_change_pct, years)
    last = path.iloc[-1]
    return DecouplingResult(
        float(output_growth_pct), float(intensity_change_pct), int(years), (),
        float(last["output"]), float(last["intensity"]), float(last["emissions"]),
    )


@dataclass(frozen=True)
class EwasteBalance:
    """A country's e-waste in one year, in tonnes.

    ``generated_t``: all e-waste generated; ``collected_t``: documented as
    formally collected and recycled; ``undocumented_t``: the rest (kept in
    homes, thrown away with other waste, handled informally, or exported).
    """

    generated_t: float
    collected_t: float
    undocumented_t: float


def ewaste_balance(generated_kg_per_person: float, population_million: float, collected_pct: float) -> EwasteBalance:
    """Split a country's e-waste into documented collection and the rest.

    Parameters
    ----------
    generated_kg_per_person:
        E-waste generated in a year, in kg per person (0 to 200).
    population_million:
        Population, in millions of people (more than 0).
    collected_pct:
        Share of the e-waste documented as formally collected and recycled,
        in % (0 to 100).

    Returns an :class:`EwasteBalance` in tonnes (1 tonne = 1,000 kg).
    Raises ValueError with a plain message on bad input.
    """
    kg = _number("generated_kg_per_person", generated_kg_per_person)
    pop = _number("population_million", population_million)
    share = _number("collected_pct", collected_pct)
    if not 0 <= kg <= 200:
        raise ValueError(_("`{name}` must be between 0 and 200; got {value}.").format(
            name="generated_kg_per_person", value=format_decimal(f"{kg:g}")))
    if pop <= 0:
        raise ValueError(_("`{name}` must be more than 0; got {value}.").format(
            name="population_million", value=format_decimal(f"{pop:g}")))
    if not 0 <= share <= 100:
        raise ValueError(_("`{name}` must be between 0 and 100; got {value}.").format(
            name="collected_pct", value=format_decimal(f"{share:g}")))
    generated = kg * pop * 1e6 / 1000
    collected = generated * share / 100
    return EwasteBalance(generated, collected, generated - collected)
