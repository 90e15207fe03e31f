"""Power for an industrial zone, hour by hour, for the chapter on smart sustainable cities.

An industrial zone at the edge of a city has twenty factories. Each takes its
power from the city grid through one line (a **feeder**). Feeders fail now
and then (a fault on a cable, a tree on a line, a transformer that trips), and
sometimes a storm or a flood takes down the power of the whole zone at once.
The zone can buy two kinds of protection for some of its factories:

* a **second feeder** from another part of the grid: the factory loses the
  grid only when both of its feeders are down in the same hour;
* a **backup generator**: when the grid is down, the generator starts (most
  of the time) and carries the factory until the grid is back.

Both cost money every year. Power that is not delivered costs money too: the
factory stops, materials spoil, orders are late. The chapter's learner trades
one against the other.

Everything here is plain numpy:

* :func:`parallel_availability` and :func:`series_availability` are the
  arithmetic of redundancy: parts side by side, and parts in a chain;
* :func:`draw_zone` draws one year of outages, seeded, the same whatever the
  plan (so two plans are compared on the same bad luck);
* :func:`evaluate_plan` says how much demand a plan serves and what it costs;
* :func:`resilience_demo` is the chapter's interactive demo, which also finds
  the cheapest plan of a small grid of plans;
* :func:`latest_by_country` reads the real data: each country's latest value
  of an indicator, with its year.

It is a teaching model, not a model of a real grid: the numbers are chosen
to look plausible, and the chapter says so. Every assumption is an argument.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

import numpy as np

from ..i18n import N_, format_decimal, gettext as _

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "HOURS_PER_YEAR",
    "SCENARIOS",
    "DEMO_STEPS",
    "parallel_availability",
    "series_availability",
    "Zone",
    "draw_zone",
    "PlanResult",
    "evaluate_plan",
    "resilience_demo",
    "latest_by_country",
]

#: Hours in the simulated year (365 days).
HOURS_PER_YEAR = 8760

#: The two grids of the demo. Per feeder: outages a year and their mean length
#: (hours); per zone: storms or floods a year that cut every feeder at once,
#: and their mean length (hours). The names are data (compared in code); they are
#: translated where they are shown.
SCENARIOS: dict[str, dict[str, float]] = {
    N_("weak grid"): {
        "feeder_outages_per_year": 100.0,
        "feeder_outage_hours": 3.0,
        "zone_events_per_year": 0.0,
        "zone_event_hours": 24.0,
    },
    N_("storms"): {
        "feeder_outages_per_year": 10.0,
        "feeder_outage_hours": 2.0,
        "zone_events_per_year": 3.0,
        "zone_event_hours": 24.0,
    },
}

#: Numbers of factories with a second feeder, or with a generator, that the
#: demo tries when it looks for the cheapest plan.
DEMO_STEPS = (0, 5, 10, 15, 20)


def _check_share(value: float, name: str) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ValueError(_("{name} must be a number between 0 and 1, not {value}").format(
            name=name, value=repr(value))) from None
    if not 0.0 <= v <= 1.0:
        raise ValueError(_("{name} must be between 0 and 1, not {value}").format(
            name=name, value=format_decimal(f"{v:g}")))
    return v


def parallel_availability(availabilities: Sequence[float]) -> float:
    """Availability of parts side by side (redundant): the service is up if at least one part is up.

    ``availabilities`` are the shares of time (0 to 1) each part is up. The
    parts are assumed to fail independently, which a common cause (one storm
    for all) breaks. Returns ``1 - (1 - a1)(1 - a2)...``, a share from 0 to 1.
    """
    values = [_check_share(a, _("an availability")) for a in availabilities]
    if not values:
        raise ValueError(_("give at least one availability"))
    down = 1.0
    for a in values:
        down *= 1.0 - a
    return 1.0 - down


def series_availability(availabilities: Sequence[float]) -> float:
    """Availability of parts in a chain: the service is up only if every part is up.

    ``availabilities`` are shares of time (0 to 1); the parts fail
    independently. Returns ``a1 × a2 × ...``, a share from 0 to 1.
    """
    values = [_check_share(a, _("an availability")) for a in availabilities]
    if not values:
        raise ValueError(_("give at least one availability"))
    up = 1.0
    for a in values:
        up *= a
    return up


def _outage_hours(rng: np.random.Generator, rows: int, per_year: float, mean_hours: float, hours: int) -> np.ndarray:
    """True for every hour a line is down: Poisson outages a year, uniform starts, exponential lengths."""
    down = np.zeros((rows, hours), dtype=bool)
    counts = rng.poisson(per_year * hours / HOURS_PER_YEAR, rows)
    for row, n in enumerate(counts):
        starts = rng.integers(0, hours, n)
        lengths = np.maximum(1, np.round(rng.exponential(mean_hours, n))).astype(int)
        for start, length in zip(starts, lengths):
            down[row, start : start + length] = True
    return down


@dataclass(frozen=True)
class Zone:
    """One simulated year of a zone: demand, and when each feeder and the whole zone is down.

    ``demand_kw`` (one value a factory, largest first), ``main_down`` and
    ``second_down`` (factories × hours, True when that feeder is down, zone
    events included), ``generator_starts`` (factories × hours: would the
    generator start for an outage that begins in that hour?). Drawn by
    :func:`draw_zone`; do not change the arrays.
    """

    demand_kw: np.ndarray
    main_down: np.ndarray
    second_down: np.ndarray
    zone_down: np.ndarray
    generator_starts: np.ndarray
    scenario: str
    seed: int

    @property
    def factories(self) -> int:
        return len(self.demand_kw)

    @property
    def hours(self) -> int:
        return self.main_down.shape[1]


def draw_zone(
    scenario: str = "weak grid",
    *,
    factories: int = 20,
    mean_demand_kw: float = 100.0,
    generator_reliability: float = 0.9,
    hours: int = HOURS_PER_YEAR,
    seed: int = 17,
) -> Zone:
    """Draw one year of a zone's outages.

    Parameters
    ----------
    scenario:
        ``"weak grid"`` (many short feeder outages, no zone-wide event) or
        ``"storms"`` (few feeder outages, but storms or floods that cut every
        feeder of the zone for about a day); see :data:`SCENARIOS`.
    factories:
        Number of factories in the zone (1 to 200).
    mean_demand_kw:
        Average power each factory draws, in kilowatts (kW), every hour of
        the year. Factories differ: each one's demand is drawn around this
        mean (lognormal), and they are numbered from the largest.
    generator_reliability:
        Share of outages (0 to 1) for which a backup generator starts. Once
        started, it runs until the grid is back.
    hours:
        Length of the record in hours (at most one year, 8,760 hours).
    seed:
        Seed of the random numbers: the same seed gives the same year.

    Each feeder fails on its own: a Poisson number of outages a year, starting
    at random hours, lasting a random time (exponential, at least one hour).
    A zone-wide event takes down both feeders of every factory.
    """
    if scenario not in SCENARIOS:
        raise ValueError(_("scenario must be one of {choices}, not {value}").format(
            choices=", ".join(map(repr, SCENARIOS)), value=repr(scenario)))
    if not 1 <= int(factories) <= 200:
        raise ValueError(_("factories must be between 1 and 200"))
    if not mean_demand_kw > 0:
        raise ValueError(_("mean_demand_kw must be positive"))
    if not 1 <= int(hours) <= HOURS_PER_YEAR:
        raise ValueError(_("hours must be between 1 and {most}").format(most=HOURS_PER_YEAR))
    generator_reliability = _check_share(generator_reliability, "generator_reliability")
    s = SCENARIOS[scenario]
    n, h = int(factories), int(hours)
    rng = np.random.default_rng(seed)
    demand = np.sort(rng.lognormal(0.0, 0.5, n) * mean_demand_kw / np.exp(0.125))[::-1]
    main = _outage_hours(rng, n, s["feeder_outages_per_year"], s["feeder_outage_hours"], h)
    second = _outage_hours(rng, n, s["feeder_outages_per_year"], s["feeder_outage_hours"], h)
    zone = _outage_hours(rng, 1, s["zone_events_per_year"], s["zone_event_hours"], h)[0]
    starts = rng.random((n, h)) < generator_reliability
    main, second = main | zone, second | zone
    for a in (demand, main, second, zone, starts):
        a.setflags(write=False)
    return Zone(demand_kw=demand, main_down=main, second_down=second, zone_down=zone,
                generator_starts=starts, scenario=scenario, seed=int(seed))


@dataclass(frozen=True)
class PlanResult:
    """What one plan did in one simulated year, and what it cost (US dollars a year)."""

    scenario: str
    second_feeders: int
    generators: int
    factories: int
    demand_kwh: float
    unserved_kwh: float
    generated_kwh: float
    hours_without_power: tuple[int, ...]
    grid_down_hours: tuple[int, ...]
    protection_cost_usd: float
    fuel_cost_usd: float
    lost_load_cost_usd: float
    value_lost_usd_per_kwh: float
    best_second_feeders: int | None = None
    best_generators: int | None = None
    best_cost_usd: float | None = None

    @property
    def served_share(self) -> float:
        """Share of the year's demand that was delivered (by the grid or a generator), in %."""
        return 100.0 * (1.0 - self.unserved_kwh / self.demand_kwh)

    @property
    def mean_hours_without_power(self) -> float:
        """Hours a year without power, averaged over the factories."""
        return float(np.mean(self.hours_without_power))

    @property
    def worst_hours_without_power(self) -> int:
        """Hours a year without power of the worst-served factory."""
        return int(max(self.hours_without_power))

    @property
    def total_cost_usd(self) -> float:
        """Protection + fuel + the cost of power not delivered, US dollars a year."""
        return self.protection_cost_usd + self.fuel_cost_usd + self.lost_load_cost_usd

    def _plan(self) -> str:
        return _("{links} of {factories} factories with a second feeder, {gens} with a backup generator").format(
            links=self.second_feeders, factories=self.factories, gens=self.generators)

    def _best(self) -> str:
        if self.best_cost_usd is None:
            return ""
        return _("At this value of lost power the cheapest plan of the grid is {links} second feeders and "
                 "{gens} generators (total USD {cost} a year).").format(
            links=self.best_second_feeders, gens=self.best_generators, cost=format_decimal(f"{self.best_cost_usd:,.0f}"))

    def _grid(self, escape=lambda text: text) -> str:
        return _("Grid: {scenario}. Plan: {plan}.").format(scenario=escape(_(self.scenario)), plan=escape(self._plan()))

    def to_text(self) -> str:
        best = "\n" + self._best() if self.best_cost_usd is not None else ""
        return (
            self._grid() + "\n"
            + _("Demand served {share} %; hours without power: {mean} a factory on average, "
                "{worst} at the worst-served factory.").format(
                share=format_decimal(f"{self.served_share:.2f}"),
                mean=format_decimal(f"{self.mean_hours_without_power:.0f}"), worst=self.worst_hours_without_power)
            + "\n"
            + _("Cost a year: protection USD {protection} + fuel USD {fuel} + power not delivered USD {lost} "
                "= USD {total}.").format(
                protection=format_decimal(f"{self.protection_cost_usd:,.0f}"),
                fuel=format_decimal(f"{self.fuel_cost_usd:,.0f}"),
                lost=format_decimal(f"{self.lost_load_cost_usd:,.0f}"),
                total=format_decimal(f"{self.total_cost_usd:,.0f}"))
            + best
        )

    def to_html(self) -> str:
        rows = [
            (_("Demand served"), f"{format_decimal(f'{self.served_share:.2f}')} %"),
            (_("Hours without power, average factory"), format_decimal(f"{self.mean_hours_without_power:.0f}")),
            (_("Hours without power, worst-served factory"), f"{self.worst_hours_without_power}"),
            (_("Protection (second feeders, generators)"), _usd(self.protection_cost_usd)),
            (_("Generator fuel"), _usd(self.fuel_cost_usd)),
            (_("Power not delivered (USD {value} a kWh)").format(value=format_decimal(f"{self.value_lost_usd_per_kwh:g}")),
             _usd(self.lost_load_cost_usd)),
            (_("Total cost a year"), f"<strong>{_usd(self.total_cost_usd)}</strong>"),
        ]
        body = "".join(f'<tr><th scope="row" style="text-align:left;padding-right:1em">{html.escape(k)}</th><td>{v}</td></tr>'
                       for k, v in rows)
        best = f"<p>{html.escape(self._best())}</p>" if self.best_cost_usd is not None else ""
        return (
            f"<p>{self._grid(html.escape)}</p>"
            f'<table class="si-plan"><caption>{_("One simulated year of the zone")}</caption>{body}</table>' + best
        )


def _usd(x: float) -> str:
    """'USD 12,345', rounded to whole dollars, written the way the language writes numbers."""
    return _("USD {amount}").format(amount=format_decimal(f"{x:,.0f}"))


def _count(value: object, name: str, most: int) -> int:
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(_("{name} must be a whole number from 0 to {most}, not {value}").format(
            name=name, most=most, value=repr(value))) from None
    if v != int(v) or not 0 <= v <= most:
        raise ValueError(_("{name} must be a whole number from 0 to {most}, not {value}").format(
            name=name, most=most, value=repr(value)))
    return int(v)


def evaluate_plan(
    zone: Zone,
    second_feeders: int = 0,
    generators: int = 0,
    *,
    second_feeder_cost_usd: float = 8_000.0,
    generator_cost_usd: float = 5_000.0,
    fuel_cost_usd_per_kwh: float = 0.35,
    value_lost_usd_per_kwh: float = 1.5,
) -> PlanResult:
    """Run one plan on one simulated year of a zone.

    Parameters
    ----------
    zone:
        The year, from :func:`draw_zone`.
    second_feeders, generators:
        How many factories get a second feeder, and how many a backup
        generator. Both go to the largest factories first (factory 1 is the
        largest), so the largest factories may have both.
    second_feeder_cost_usd:
        Yearly cost of a second feeder for one factory, in US dollars (the
        line and its switch, paid off over their life, plus upkeep).
    generator_cost_usd:
        Yearly cost of one backup generator without its fuel, in US dollars
        (the machine paid off over its life, plus servicing).
    fuel_cost_usd_per_kwh:
        Fuel for one kilowatt-hour from a generator, in US dollars.
    value_lost_usd_per_kwh:
        What one kilowatt-hour that is not delivered costs a factory, in US
        dollars (lost output, spoiled materials, late orders). Economists
        call it the value of lost load; it differs a lot between firms.

    A factory has power in an hour if one of its feeders is up, or, when the
    grid is down, if it has a generator and the generator started when that
    outage began. Demand is flat: the same kW every hour.
    """
    n = zone.factories
    links = _count(second_feeders, "second_feeders", n)
    gens = _count(generators, "generators", n)
    for name, value in (("second_feeder_cost_usd", second_feeder_cost_usd), ("generator_cost_usd", generator_cost_usd),
                        ("fuel_cost_usd_per_kwh", fuel_cost_usd_per_kwh), ("value_lost_usd_per_kwh", value_lost_usd_per_kwh)):
        if not float(value) >= 0:
            raise ValueError(_("{name} must be zero or more").format(name=name))

    has_link = (np.arange(n) < links)[:, None]
    has_gen = (np.arange(n) < gens)[:, None]
    grid_down = zone.main_down & (zone.second_down | ~has_link)
    # an outage "begins" in an hour that is down after an hour that was up; the generator's
    # luck for the whole outage is the draw of that first hour
    began = grid_down & ~np.pad(grid_down, ((0, 0), (1, 0)))[:, :-1]
    outage_id = np.cumsum(began, axis=1)
    luck = np.where(began, zone.generator_starts, False)
    started = np.zeros_like(grid_down)
    for row in range(n):
        if has_gen[row, 0]:
            first_draw = np.concatenate([[False], luck[row][began[row]]])
            started[row] = first_draw[outage_id[row]] & grid_down[row]
    dark = grid_down & ~started

    demand = zone.demand_kw[:, None]
    demand_kwh = float(zone.demand_kw.sum() * zone.hours)
    unserved = float((dark * demand).sum())
    generated = float((started * demand).sum())
    scale = HOURS_PER_YEAR / zone.hours  # yearly costs for a shorter record
    return PlanResult(
        scenario=zone.scenario,
        second_feeders=links,
        generators=gens,
        factories=n,
        demand_kwh=demand_kwh,
        unserved_kwh=unserved,
        generated_kwh=generated,
        hours_without_power=tuple(int(x) for x in dark.sum(axis=1)),
        grid_down_hours=tuple(int(x) for x in grid_down.sum(axis=1)),
        protection_cost_usd=float(links * second_feeder_cost_usd + gens * generator_cost_usd),
        fuel_cost_usd=float(generated * fuel_cost_usd_per_kwh * scale),
        lost_load_cost_usd=float(unserved * value_lost_usd_per_kwh * scale),
        value_lost_usd_per_kwh=float(value_lost_usd_per_kwh),
    )


@lru_cache(maxsize=4)
def _demo_zone(scenario: str) -> Zone:
    return draw_zone(scenario)


@lru_cache(maxsize=256)
def _demo_plan(scenario: str, links: int, gens: int, value_lost: float) -> PlanResult:
    return evaluate_plan(_demo_zone(scenario), links, gens, value_lost_usd_per_kwh=value_lost)


def resilience_demo(
    second_feeders: int = 0,
    generators: int = 0,
    scenario: str = "weak grid",
    value_lost_usd_per_kwh: float = 1.5,
) -> PlanResult:
    """The chapter's demo: a plan for the twenty factories of the zone, on one seeded year.

    ``second_feeders`` and ``generators`` are numbers of factories (0 to 20,
    largest first); ``scenario`` is a key of :data:`SCENARIOS`;
    ``value_lost_usd_per_kwh`` is the cost of power not delivered (US dollars
    a kWh). Other costs are the defaults of :func:`evaluate_plan`, and the year
    is :func:`draw_zone` with its defaults. The result also names the cheapest
    plan of the grid :data:`DEMO_STEPS` × :data:`DEMO_STEPS`.
    """
    links = _count(second_feeders, "second_feeders", 20)
    gens = _count(generators, "generators", 20)
    if scenario not in SCENARIOS:
        raise ValueError(_("scenario must be one of {choices}, not {value}").format(
            choices=", ".join(map(repr, SCENARIOS)), value=repr(scenario)))
    value = float(value_lost_usd_per_kwh)
    result = _demo_plan(scenario, links, gens, value)
    best = min(((l, g) for l in DEMO_STEPS for g in DEMO_STEPS),
               key=lambda p: (round(_demo_plan(scenario, p[0], p[1], value).total_cost_usd, 6), p))
    best_cost = _demo_plan(scenario, *best, value).total_cost_usd
    return replace(result, best_second_feeders=best[0], best_generators=best[1], best_cost_usd=best_cost)


# --------------------------------------------------------------------------
# Real data: the latest value of each country, and its year
# --------------------------------------------------------------------------


def latest_by_country(indicator: str, iso3s: Sequence[str], *, up_to_year: int | None = None) -> "pd.DataFrame":
    """The latest value of ``indicator`` for each country of ``iso3s``, with its year.

    ``indicator`` is an id or alias of the course tables (for example
    ``"firms_power_outages"``); ``up_to_year`` ignores later years. Returns a
    table with the columns ``iso3``, ``year`` and ``value`` (in the unit of
    the indicator), one row per country that has a value, sorted by ``iso3``.
    Countries with no value are left out: missing is not zero. For sparse
    series (enterprise surveys, the Logistics Performance Index, slums) the
    years differ from country to country: always show them.
    """
    import pandas as pd

    from ..data import load_indicator

    df = load_indicator(indicator, sex="total")
    df = df[df["iso3"].astype(str).isin(list(iso3s))].dropna(subset=["value"])
    if up_to_year is not None:
        df = df[df["year"] <= int(up_to_year)]
    df = df.assign(iso3=df["iso3"].astype(str)).sort_values(["iso3", "year"])
    out = df.groupby("iso3").tail(1)[["iso3", "year", "value"]]
    return pd.DataFrame(out).sort_values("iso3").reset_index(drop=True)
