"""A field's water, day by day, for the chapter on digital agriculture.

One hectare of a crop (think of maize) grows for a season of ``days`` days.
Its roots draw on the water stored in the soil. Each day:

1. the farmer decides whether to irrigate, by one of three rules:
   **rain-fed** (never), **calendar** (a fixed amount every few days, whatever
   the weather) or **sensor** (when a soil-moisture sensor reads less than a
   threshold, refill the soil to full);
2. rain falls (random, drawn with a seed); what the soil cannot hold drains away;
3. the crop uses water. While the soil holds enough, it uses all it needs; when
   the soil gets too dry, it uses less and suffers (water stress).

The water balance follows the simple method of FAO's guidelines on crop water
needs (Irrigation and Drainage Paper 56), and the yield follows FAO's yield
response to water (Paper 33): the crop loses ``Ky`` per cent of its yield for
every per cent of the water it needed but did not get.

* :func:`simulate_rainfall` draws the daily rain of one or many seasons;
* :func:`simulate_season` runs one rule on those seasons, day by day;
* :func:`season_economics` puts prices on the result: yield, water, profit;
* :func:`irrigation_demo` gives the chapter's interactive demo: the three rules
  on twenty seeded seasons, at the prices the learner chooses.

It is a teaching model, not an agronomic model of a real field: the numbers
are chosen to look plausible for a dry area, and the chapter says so.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from ..i18n import N_, format_decimal
from ..i18n import gettext as _

__all__ = [
    "RAINFALL",
    "RULES",
    "simulate_rainfall",
    "SeasonRun",
    "simulate_season",
    "Economics",
    "season_economics",
    "DEMO_THRESHOLDS",
    "DemoResult",
    "irrigation_demo",
]

#: Three kinds of season: (chance that a day is rainy, mean rain of a rainy day in mm).
RAINFALL = {"dry": (0.10, 8.0), "normal": (0.20, 10.0), "wet": (0.35, 12.0)}

#: The irrigation rules of :func:`simulate_season`.
RULES = (N_("rain-fed"), N_("calendar"), N_("sensor"))

#: How the demo names the seasons of each kind of :data:`RAINFALL`.
_SEASONS = {"dry": N_("dry seasons"), "normal": N_("normal seasons"), "wet": N_("wet seasons")}


def _check_number(name: str, value: float, low: float, high: float | None = None) -> float:
    """``value`` as a float, or a ValueError that names the argument and its allowed range."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(_("{name} must be a number, not {value}").format(name=name, value=repr(value))) from None
    if not np.isfinite(number) or number < low or (high is not None and number > high):
        if high is None:
            message = _("{name} must be at least {low}; got {value}")
        else:
            message = _("{name} must be at least {low} and at most {high}; got {value}")
        raise ValueError(message.format(name=name, low=format_decimal(f"{low:g}"),
                                        high=format_decimal(f"{high:g}") if high is not None else "", value=repr(value)))
    return number


def simulate_rainfall(
    days: int = 120,
    *,
    rain_day_probability: float = 0.20,
    mean_rain_mm: float = 10.0,
    seasons: int = 1,
    seed: int = 2024,
) -> np.ndarray:
    """Daily rain of ``seasons`` seasons of ``days`` days, in mm.

    Each day is rainy with probability ``rain_day_probability`` (0 to 1); a
    rainy day brings a random amount whose mean is ``mean_rain_mm`` (mm; an
    exponential distribution: many light showers, a few downpours). Returns an
    array of shape ``(seasons, days)`` rounded to 0.1 mm. The same seed gives
    the same rain.
    """
    days = int(_check_number("days", days, 1, 366))
    seasons = int(_check_number("seasons", seasons, 1, 10_000))
    p = _check_number("rain_day_probability", rain_day_probability, 0, 1)
    mean = _check_number("mean_rain_mm", mean_rain_mm, 0)
    rng = np.random.default_rng(seed)
    rainy = rng.random((seasons, days)) < p
    amount = rng.exponential(mean, (seasons, days)) if mean > 0 else np.zeros((seasons, days))
    return np.round(np.where(rainy, amount, 0.0), 1)


@dataclass(frozen=True)
class SeasonRun:
    """What one irrigation rule did over one or more seasons (one value a season in each array).

    ``rain_mm``: rain that fell. ``irrigation_mm``: water pumped onto the field
    (before losses), in mm (1 mm on one hectare is 10 m³). ``irrigations``:
    how many times the farmer irrigated. ``drained_mm``: rain and irrigation
    the soil could not hold. ``water_use_ratio``: water the crop used over
    the water it needed (1 = no stress). ``yield_t_ha``: harvest in tonnes a
    hectare. ``moisture_pct``: soil moisture at the end of each day, as a
    share of the water the soil can hold for the crop (100 = full, 0 = the
    crop can draw no more), shape ``(seasons, days)``.
    """

    rule: str
    rain_mm: np.ndarray
    irrigation_mm: np.ndarray
    irrigations: np.ndarray
    drained_mm: np.ndarray
    water_use_ratio: np.ndarray
    yield_t_ha: np.ndarray
    moisture_pct: np.ndarray

    def day_by_day(self, season: int = 0) -> pd.DataFrame:
        """One season as a table, one row a day: soil moisture at the end of the day (%)."""
        return pd.DataFrame(
            {"day": np.arange(1, self.moisture_pct.shape[1] + 1), "moisture_pct": self.moisture_pct[season].round(1)}
        ).set_index("day")


def simulate_season(
    rain_mm: np.ndarray,
    rule: str = "sensor",
    *,
    threshold_pct: float = 50.0,
    calendar_interval_days: int = 7,
    calendar_amount_mm: float = 35.0,
    crop_water_mm_per_day: float = 5.0,
    soil_water_mm: float = 100.0,
    stress_start_pct: float = 50.0,
    efficiency: float = 0.8,
    max_yield_t_ha: float = 5.0,
    yield_response: float = 1.25,
) -> SeasonRun:
    """Run one irrigation rule on one hectare, day by day, for every season of ``rain_mm``.

    Parameters
    ----------
    rain_mm:
        Daily rain in mm, shape ``(seasons, days)`` or ``(days,)``, for example
        from :func:`simulate_rainfall`.
    rule:
        ``"rain-fed"`` (never irrigate), ``"calendar"`` (pump
        ``calendar_amount_mm`` every ``calendar_interval_days`` days, starting
        on the first day) or ``"sensor"`` (each morning, if the soil moisture is
        below ``threshold_pct``, pump enough to fill the soil).
    threshold_pct:
        For the sensor rule: the soil moisture, in % of the water the soil can
        hold for the crop, below which the farmer irrigates (0 to 100; 0 means
        never).
    calendar_interval_days, calendar_amount_mm:
        For the calendar rule: days between two irrigations, and mm pumped each time.
    crop_water_mm_per_day:
        Water the crop needs each day when it has enough, in mm (its evapotranspiration).
    soil_water_mm:
        Water the root zone can hold for the crop when full, in mm (between
        field capacity and the wilting point). The season starts full.
    stress_start_pct:
        Soil moisture (% of full) below which the crop can no longer take all
        the water it needs; below it, it takes less, in proportion, down to
        nothing at 0 %.
    efficiency:
        Share of the pumped water that reaches the roots (0 to 1); the rest is
        lost on the way (leaks, evaporation, runoff).
    max_yield_t_ha:
        Yield with no water stress, in tonnes a hectare.
    yield_response:
        FAO's yield response factor ``Ky``: the share of yield lost for each
        share of the needed water that was missing. About 1.25 for maize.

    Returns
    -------
    A :class:`SeasonRun`.
    """
    if rule not in RULES:
        raise ValueError(_("rule must be one of {rules}; got {rule}").format(rules=", ".join(RULES), rule=repr(rule)))
    threshold = _check_number("threshold_pct", threshold_pct, 0, 100)
    interval = int(_check_number("calendar_interval_days", calendar_interval_days, 1))
    amount = _check_number("calendar_amount_mm", calendar_amount_mm, 0)
    need = _check_number("crop_water_mm_per_day", crop_water_mm_per_day, 0.1)
    capacity = _check_number("soil_water_mm", soil_water_mm, 1)
    stress = _check_number("stress_start_pct", stress_start_pct, 1, 100) / 100
    eff = _check_number("efficiency", efficiency, 0.05, 1)
    ym = _check_number("max_yield_t_ha", max_yield_t_ha, 0)
    ky = _check_number("yield_response", yield_response, 0)
    rain = np.atleast_2d(np.asarray(rain_mm, dtype=float))
    if rain.ndim != 2 or rain.size == 0 or not np.isfinite(rain).all() or (rain < 0).any():
        raise ValueError(_("rain_mm must be a non-empty table of daily rain in mm, none negative"))
    seasons, days = rain.shape

    soil = np.full(seasons, capacity)  # water in the root zone, mm
    pumped = np.zeros(seasons)
    events = np.zeros(seasons, dtype=int)
    drained = np.zeros(seasons)
    used = np.zeros(seasons)
    moisture = np.empty((seasons, days))
    for day in range(days):
        if rule == "calendar" and day % interval == 0 and amount > 0:
            add = np.full(seasons, amount)
        elif rule == "sensor":
            dry = soil < threshold / 100 * capacity
            add = np.where(dry, (capacity - soil) / eff, 0.0)
        else:
            add = np.zeros(seasons)
        pumped += add
        events += add > 0
        soil = soil + add * eff + rain[:, day]
        drained += np.maximum(soil - capacity, 0.0)
        soil = np.minimum(soil, capacity)
        factor = np.minimum(soil / (stress * capacity), 1.0)
        take = np.minimum(need * factor, soil)
        used += take
        soil = soil - take
        moisture[:, day] = soil / capacity * 100
    ratio = used / (need * days)
    harvest = ym * np.clip(1 - ky * (1 - ratio), 0.0, 1.0)
    return SeasonRun(
        rule=rule,
        rain_mm=rain.sum(axis=1),
        irrigation_mm=pumped,
        irrigations=events,
        drained_mm=drained,
        water_use_ratio=ratio,
        yield_t_ha=harvest,
        moisture_pct=moisture,
    )


@dataclass(frozen=True)
class Economics:
    """Averages over the seasons of a :class:`SeasonRun`, in money (US dollars a hectare) and in kind."""

    rule: str
    seasons: int
    rain_mm: float
    water_m3: float
    irrigations: float
    yield_t_ha: float
    revenue_usd: float
    water_cost_usd: float
    other_cost_usd: float
    profit_usd: float
    worst_profit_usd: float

    def to_text(self) -> str:
        return _(
            "{rule}: yield {harvest} t/ha, water {water} m³/ha "
            "({irrigations} irrigations), profit USD {profit}/ha "
            "(worst season USD {worst})"
        ).format(
            rule=_(self.rule),
            harvest=format_decimal(f"{self.yield_t_ha:.2f}"),
            water=format_decimal(f"{self.water_m3:,.0f}"),
            irrigations=format_decimal(f"{self.irrigations:.1f}"),
            profit=format_decimal(f"{self.profit_usd:,.0f}"),
            worst=format_decimal(f"{self.worst_profit_usd:,.0f}"),
        )


def season_economics(
    run: SeasonRun,
    *,
    crop_price_usd_t: float = 250.0,
    water_price_usd_m3: float = 0.10,
    sensor_cost_usd: float = 60.0,
    irrigation_cost_usd: float = 3.0,
) -> Economics:
    """Money a hectare, averaged over the seasons of ``run``.

    ``crop_price_usd_t``: price the farmer gets, USD a tonne.
    ``water_price_usd_m3``: cost of one cubic metre pumped (a water fee, or the
    fuel or electricity of the pump), USD; 1 mm on one hectare is 10 m³.
    ``sensor_cost_usd``: cost of the sensor and its message service for one
    season, USD (paid by the sensor rule only).
    ``irrigation_cost_usd``: cost of each irrigation (labour, starting the
    pump), USD (paid by the calendar and sensor rules).
    Profit is revenue minus water, irrigation and sensor costs; the costs of
    seed, fertiliser and land are the same for every rule and left out.
    """
    price = _check_number("crop_price_usd_t", crop_price_usd_t, 0)
    water_price = _check_number("water_price_usd_m3", water_price_usd_m3, 0)
    sensor = _check_number("sensor_cost_usd", sensor_cost_usd, 0)
    per_irrigation = _check_number("irrigation_cost_usd", irrigation_cost_usd, 0)
    revenue = run.yield_t_ha * price
    water_m3 = run.irrigation_mm * 10
    water_cost = water_m3 * water_price
    other = run.irrigations * per_irrigation + (sensor if run.rule == "sensor" else 0.0)
    profit = revenue - water_cost - other
    return Economics(
        rule=run.rule,
        seasons=len(profit),
        rain_mm=float(run.rain_mm.mean()),
        water_m3=float(water_m3.mean()),
        irrigations=float(run.irrigations.mean()),
        yield_t_ha=float(run.yield_t_ha.mean()),
        revenue_usd=float(revenue.mean()),
        water_cost_usd=float(water_cost.mean()),
        other_cost_usd=float(np.mean(other)),
        profit_usd=float(profit.mean()),
        worst_profit_usd=float(profit.min()),
    )


# --------------------------------------------------------------------------
# The demo: three rules on twenty seasons
# --------------------------------------------------------------------------

#: Thresholds (% of full) the demo tries when it looks for the most profitable sensor rule.
DEMO_THRESHOLDS = tuple(range(0, 100, 5))
DEMO_SEASONS = 20
DEMO_SEED = 2024


@lru_cache(maxsize=4)
def _demo_rain(rainfall: str) -> np.ndarray:
    """The demo's seasons of one kind (seeded): an array of shape (20, 120), in mm a day."""
    p, mean = RAINFALL[rainfall]
    rain = simulate_rainfall(rain_day_probability=p, mean_rain_mm=mean, seasons=DEMO_SEASONS, seed=DEMO_SEED)
    rain.flags.writeable = False
    return rain


@lru_cache(maxsize=256)
def _demo_run(rainfall: str, rule: str, threshold_pct: float = 50.0) -> SeasonRun:
    return simulate_season(_demo_rain(rainfall), rule, threshold_pct=threshold_pct)


@dataclass(frozen=True)
class DemoResult:
    """The three rules on the demo's seasons, and the most profitable sensor threshold in the grid."""

    rainfall: str
    threshold_pct: float
    water_price_usd_m3: float
    sensor_cost_usd: float
    crop_price_usd_t: float
    rules: tuple[Economics, Economics, Economics]
    best_threshold_pct: float
    best_profit_usd: float

    @property
    def sensor_gain_usd(self) -> float:
        """Profit of the sensor rule minus that of the calendar rule, USD a hectare (mean of the seasons)."""
        return self.rules[2].profit_usd - self.rules[1].profit_usd

    def _settings(self) -> str:
        seasons = _(_SEASONS[self.rainfall]) if self.rainfall in _SEASONS else f"{self.rainfall} seasons"
        return _("{seasons}; water USD {water}/m³, sensor USD {sensor} a season, maize USD {maize}/t").format(
            seasons=seasons,
            water=format_decimal(f"{self.water_price_usd_m3:.2f}"),
            sensor=format_decimal(f"{self.sensor_cost_usd:,.0f}"),
            maize=format_decimal(f"{self.crop_price_usd_t:,.0f}"),
        )

    def _verdict(self) -> str:
        gain = self.sensor_gain_usd
        if gain >= 0:
            compared = _("The sensor rule at {threshold} % earns USD {gain} a hectare more than the calendar.")
        else:
            compared = _("The sensor rule at {threshold} % earns USD {gain} a hectare less than the calendar.")
        if self.best_threshold_pct == 0:
            best = _("The most profitable threshold in the grid is {best} % (USD {profit}/ha): "
                     "never irrigate, so the sensor is not worth buying.")
        else:
            best = _("The most profitable threshold in the grid is {best} % (USD {profit}/ha).")
        return (
            compared.format(threshold=format_decimal(f"{self.threshold_pct:g}"), gain=format_decimal(f"{abs(gain):,.0f}"))
            + " "
            + best.format(best=format_decimal(f"{self.best_threshold_pct:g}"),
                          profit=format_decimal(f"{self.best_profit_usd:,.0f}"))
        )

    def to_text(self) -> str:
        lines = [_("{count} seasons, one hectare ({settings}):").format(count=DEMO_SEASONS, settings=self._settings())]
        lines += [f"- {e.to_text()}" for e in self.rules]
        return "\n".join(lines + [self._verdict()])

    def to_html(self) -> str:
        head = "".join(
            f'<th scope="col">{h}</th>'
            for h in [_("Rule"), _("Yield (t/ha)"), _("Water (m³/ha)"), _("Irrigations"), _("Profit (USD/ha)"),
                      _("Worst season (USD/ha)")]
        )
        rows = "".join(
            f'<tr><th scope="row" style="text-align:left">{html.escape(_(e.rule))}</th>'
            f"<td>{format_decimal(f'{e.yield_t_ha:.2f}')}</td>"
            f"<td>{format_decimal(f'{e.water_m3:,.0f}')}</td><td>{format_decimal(f'{e.irrigations:.1f}')}</td>"
            f"<td><strong>{format_decimal(f'{e.profit_usd:,.0f}')}</strong></td>"
            f"<td>{format_decimal(f'{e.worst_profit_usd:,.0f}')}</td></tr>"
            for e in self.rules
        )
        seasons = _("{count} seasons, one hectare ({settings}).").format(
            count=DEMO_SEASONS, settings=html.escape(self._settings()))
        caption = _("Three irrigation rules, averages over the seasons")
        return (
            f"<p>{seasons}</p>"
            f'<table class="si-irrigation"><caption>{caption}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
            f"<p>{html.escape(self._verdict())}</p>"
        )


def irrigation_demo(
    threshold_pct: float = 50.0,
    water_price_usd_m3: float = 0.10,
    sensor_cost_usd: float = 60.0,
    rainfall: str = "normal",
    *,
    crop_price_usd_t: float = 250.0,
) -> DemoResult:
    """The chapter's demo: rain-fed, calendar and sensor rules on 20 seeded seasons of one kind.

    ``threshold_pct`` is the sensor rule's soil-moisture threshold (% of
    full, 0 to 100); ``water_price_usd_m3`` the cost of a cubic metre pumped
    (USD); ``sensor_cost_usd`` the sensor and its service for a season (USD);
    ``rainfall`` one of ``"dry"``, ``"normal"``, ``"wet"`` (see
    :data:`RAINFALL`). Every other assumption is the default of
    :func:`simulate_season` and :func:`season_economics`. The result also
    names the most profitable threshold of :data:`DEMO_THRESHOLDS` at these prices.
    """
    if rainfall not in RAINFALL:
        raise ValueError(_("rainfall must be one of {kinds}; got {rainfall}").format(
            kinds=", ".join(RAINFALL), rainfall=repr(rainfall)))
    threshold = _check_number("threshold_pct", threshold_pct, 0, 100)
    prices = dict(
        crop_price_usd_t=_check_number("crop_price_usd_t", crop_price_usd_t, 0),
        water_price_usd_m3=_check_number("water_price_usd_m3", water_price_usd_m3, 0),
        sensor_cost_usd=_check_number("sensor_cost_usd", sensor_cost_usd, 0),
    )
    runs = (_demo_run(rainfall, "rain-fed"), _demo_run(rainfall, "calendar"), _demo_run(rainfall, "sensor", threshold))
    rules = tuple(season_economics(run, **prices) for run in runs)
    best = (DEMO_THRESHOLDS[0], -np.inf)
    for t in DEMO_THRESHOLDS:
        profit = season_economics(_demo_run(rainfall, "sensor", float(t)), **prices).profit_usd
        if profit > best[1]:
            best = (t, profit)
    return DemoResult(
        rainfall=rainfall,
        threshold_pct=threshold,
        water_price_usd_m3=prices["water_price_usd_m3"],
        sensor_cost_usd=prices["sensor_cost_usd"],
        crop_price_usd_t=prices["crop_price_usd_t"],
        rules=rules,  # type: ignore[arg-type]
        best_threshold_pct=float(best[0]),
        best_profit_usd=float(best[1]),
    )
