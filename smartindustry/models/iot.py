"""Sensors on a pump, minute by minute, for the chapter on IoT and data on the factory floor.

An electric pump (on a factory's cooling circuit, or on a farm's irrigation
line) carries three sensors: the motor's **temperature**, the pump's
**vibration** and the motor's electric **current**. Each sends one reading a
minute. The readings follow a daily cycle (the pump works harder in the
afternoon), carry random noise, a few short spikes (a valve slamming shut, a
truck passing), and some readings are missing (lost messages, and one
network outage). In some runs a fault (for example a worn bearing) starts
and grows until the pump fails at the end of the record.

Everything here is plain numpy and pandas:

* :func:`simulate_sensors` makes one seeded record of one pump;
* :func:`threshold_alarm`, :func:`rolling_alarm` and :func:`sustained_alarm`
  are three alarm rules, each giving True for every minute in alarm;
* :func:`alarm_starts` turns minutes in alarm into alarms (the minutes an
  alarm goes on);
* :func:`evaluate_alarms` counts false alarms, the hours of warning before the
  failure, and puts a price on them with stated costs;
* :func:`simulate_fleet` and :func:`maintenance_demo` give the chapter's
  interactive demo: one alarm rule tried on several pumps.

It is a teaching model, not a model of a real pump: the numbers are chosen to
look plausible, and the chapter says so.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from ..i18n import format_decimal, gettext as _

__all__ = [
    "COLUMNS",
    "simulate_sensors",
    "threshold_alarm",
    "rolling_mean",
    "rolling_alarm",
    "sustained_alarm",
    "alarm_starts",
    "AlarmReport",
    "evaluate_alarms",
    "simulate_fleet",
    "FleetResult",
    "maintenance_demo",
    "DEMO_THRESHOLDS",
    "DEMO_WINDOWS",
]

#: The three sensor columns, with their units in the names.
COLUMNS = ("temperature_c", "vibration_mm_s", "current_a")


def simulate_sensors(
    days: float = 7.0,
    *,
    start: str = "2024-03-04 00:00",
    interval_min: int = 1,
    peak_hour: float = 15.0,
    temperature_base_c: float = 50.0,
    temperature_daily_swing_c: float = 4.0,
    temperature_noise_c: float = 0.4,
    temperature_drift_c_per_day: float = 0.1,
    vibration_base_mm_s: float = 2.0,
    vibration_daily_swing_mm_s: float = 0.5,
    vibration_noise_mm_s: float = 0.35,
    current_base_a: float = 20.0,
    current_daily_swing_a: float = 3.0,
    current_noise_a: float = 0.5,
    fault_start_day: float | None = 4.5,
    fault_initial_share: float = 0.1,
    fault_growth_power: float = 3.0,
    fault_vibration_mm_s: float = 3.0,
    fault_temperature_c: float = 10.0,
    fault_current_a: float = 3.0,
    spikes_per_day: float = 3.0,
    spike_height_mm_s: float = 5.0,
    spike_minutes: int = 2,
    rough_runs_per_day: float = 0.3,
    rough_run_mm_s: float = 1.5,
    rough_run_hours: tuple[float, float] = (0.5, 3.0),
    missing_share: float = 0.01,
    outage_hours: float = 2.0,
    seed: int = 42,
) -> pd.DataFrame:
    """Simulate the three sensors of one pump, one reading every ``interval_min`` minutes.

    Parameters
    ----------
    days:
        Length of the record, in days. If there is a fault, the pump fails at
        the end of the record.
    start:
        Date and time of the first reading (a fixed date, so that outputs
        never depend on today's date).
    interval_min:
        Minutes between two readings (the sampling interval).
    peak_hour:
        Hour of the day (0 to 24) at which the pump works hardest; the daily
        cycle is a smooth wave with its top at this hour.
    temperature_base_c, temperature_daily_swing_c, temperature_noise_c:
        Motor temperature of a healthy pump: average in °C, how far the daily
        cycle moves it above and below the average in °C, and the standard
        deviation of the random noise of the sensor in °C.
    temperature_drift_c_per_day:
        Sensor drift: °C that the temperature sensor adds to its readings each
        day, although the motor is no hotter (an ageing sensor).
    vibration_base_mm_s, vibration_daily_swing_mm_s, vibration_noise_mm_s:
        Vibration velocity of a healthy pump, in mm/s: average, daily swing
        above and below the average, and noise standard deviation.
    current_base_a, current_daily_swing_a, current_noise_a:
        Motor current of a healthy pump, in amperes: average, daily swing, and
        noise standard deviation.
    fault_start_day:
        Day (from the start of the record) at which a fault starts, for
        example a worn bearing. ``None`` for a healthy pump that does not fail.
    fault_initial_share:
        Size of the fault when it starts, as a share (0 to 1) of its size at
        the failure: a fault is small but real from its first minute, so a
        technician who checks the pump then can find it.
    fault_growth_power:
        How the fault grows from its initial size to its full size (1) at the
        failure: as (share of the time elapsed) to this power; 3 means slowly
        at first, then faster and faster.
    fault_vibration_mm_s, fault_temperature_c, fault_current_a:
        What the fault adds, at its full size (just before the failure), to
        the vibration (mm/s), the temperature (°C) and the current (A). The
        vibration noise also grows with the fault, up to double.
    spikes_per_day:
        Average number of short vibration spikes a day (knocks from outside
        the pump: a valve slamming shut, a truck passing). They are not signs
        of a fault.
    spike_height_mm_s:
        Typical height of a spike in mm/s (each spike is 0.7 to 1.3 times it).
    spike_minutes:
        How long each spike lasts, in minutes.
    rough_runs_per_day:
        Average number a day of rough runs: spells in which the pump vibrates
        more for a while because of how it is used (air in the pipe, a low
        water level), and then recovers. They are not signs of a fault.
    rough_run_mm_s:
        Vibration added during a rough run, in mm/s.
    rough_run_hours:
        Shortest and longest length of a rough run, in hours (each is drawn
        uniformly between the two).
    missing_share:
        Share of the readings lost at random (0 to 1), for example messages
        lost on a weak radio link. A lost message loses all three readings.
    outage_hours:
        Length in hours of one network outage, at a random time, during which
        no reading arrives. 0 for no outage.
    seed:
        Seed of the random numbers: the same seed gives the same record.

    Returns
    -------
    DataFrame with one row a reading, indexed by ``timestamp`` (a regular
    time index, every ``interval_min`` minutes), with the columns
    ``temperature_c``, ``vibration_mm_s`` and ``current_a`` (two decimals;
    missing readings are NaN). ``attrs`` holds ``fault_start`` and
    ``failure_time`` (timestamps, or ``None`` for a healthy pump), which a
    real plant would not know in advance.
    """
    if days <= 0:
        raise ValueError(_("days must be positive"))
    if interval_min < 1:
        raise ValueError(_("interval_min must be at least 1"))
    if not 0.0 <= missing_share < 1.0:
        raise ValueError(_("missing_share must be between 0 and 1"))
    if fault_start_day is not None and not 0.0 <= fault_start_day < days:
        raise ValueError(_("fault_start_day must be between 0 and days (or None)"))
    rng = np.random.default_rng(seed)
    n = int(round(days * 24 * 60 / interval_min))
    t0 = pd.Timestamp(start)
    index = pd.date_range(t0, periods=n, freq=f"{interval_min}min", name="timestamp")
    t_days = np.arange(n) * interval_min / (24 * 60)  # time since the start, in days
    hour = (t_days * 24) % 24
    wave = np.cos(2 * np.pi * (hour - peak_hour) / 24)  # +1 at the peak hour, -1 twelve hours away

    if fault_start_day is None:
        size = np.zeros(n)
    else:
        share = np.clip((t_days - fault_start_day) / (days - fault_start_day), 0.0, 1.0)
        size = np.where(t_days >= fault_start_day, fault_initial_share + (1.0 - fault_initial_share) * share**fault_growth_power, 0.0)

    temperature = (
        temperature_base_c
        + temperature_daily_swing_c * wave
        + temperature_drift_c_per_day * t_days
        + fault_temperature_c * size
        + rng.normal(0.0, temperature_noise_c, n)
    )
    vibration = (
        vibration_base_mm_s
        + vibration_daily_swing_mm_s * wave
        + fault_vibration_mm_s * size
        + rng.normal(0.0, vibration_noise_mm_s, n) * (1.0 + size)
    )
    current = (
        current_base_a
        + current_daily_swing_a * wave
        + fault_current_a * size
        + rng.normal(0.0, current_noise_a, n)
    )

    n_spikes = int(rng.poisson(spikes_per_day * days))
    per_spike = max(int(round(spike_minutes / interval_min)), 1)
    for first in rng.integers(0, max(n - per_spike, 1), n_spikes):
        vibration[first : first + per_spike] += spike_height_mm_s * rng.uniform(0.7, 1.3)
    n_rough = int(rng.poisson(rough_runs_per_day * days))
    for first, hours in zip(rng.integers(0, n, n_rough), rng.uniform(*rough_run_hours, n_rough)):
        vibration[first : first + int(round(hours * 60 / interval_min))] += rough_run_mm_s
    vibration = np.maximum(vibration, 0.0)

    lost = rng.random(n) < missing_share
    outage = int(round(outage_hours * 60 / interval_min))
    if outage > 0:
        first = int(rng.integers(0, max(n - outage, 1)))
        lost[first : first + outage] = True

    data = pd.DataFrame(
        {"temperature_c": temperature, "vibration_mm_s": vibration, "current_a": current},
        index=index,
    ).round(2)
    data.loc[lost, list(COLUMNS)] = np.nan
    fault_start = None if fault_start_day is None else t0 + pd.Timedelta(days=fault_start_day).round("s")
    data.attrs["fault_start"] = fault_start
    data.attrs["failure_time"] = None if fault_start_day is None else t0 + pd.Timedelta(days=days)
    return data


# --------------------------------------------------------------------------
# Alarm rules
# --------------------------------------------------------------------------


def threshold_alarm(values: pd.Series, threshold: float) -> pd.Series:
    """Raw threshold: True for every reading above ``threshold``. A missing reading is not an alarm."""
    return values.gt(threshold).rename("alarm")


def rolling_mean(values: pd.Series, window_min: int, min_readings: int | None = None) -> pd.Series:
    """The mean of the readings of the last ``window_min`` minutes, at every reading.

    The window looks back in time (it ends at the reading itself) and uses
    the readings present; missing ones are skipped. A mean of very few
    readings is not trusted: with fewer than ``min_readings`` readings in the
    window the result is NaN. By default ``min_readings`` is half of the
    readings a full window holds (30 for 60 minutes of readings a minute).
    ``values`` must have a regular time index. This is pandas'
    ``values.rolling(f"{window_min}min", min_periods=min_readings).mean()``.
    """
    if window_min < 1:
        raise ValueError(_("window_min must be at least 1"))
    if min_readings is None:
        step = values.index[1] - values.index[0] if len(values) > 1 else pd.Timedelta(minutes=1)
        min_readings = max(int(pd.Timedelta(minutes=window_min) / step) // 2, 1)
    return values.rolling(f"{int(window_min)}min", min_periods=int(min_readings)).mean()


def rolling_alarm(values: pd.Series, threshold: float, window_min: int) -> pd.Series:
    """Rolling-mean threshold: True when the mean of the last ``window_min`` minutes is above ``threshold``.

    See :func:`rolling_mean`: a window with fewer than half of its readings
    gives no alarm (for example during a network outage).
    """
    return rolling_mean(values, window_min).gt(threshold).rename("alarm")


def sustained_alarm(values: pd.Series, threshold: float, minutes: int) -> pd.Series:
    """Sustained threshold: True once the readings have stayed above ``threshold`` for ``minutes`` readings in a row.

    A missing reading breaks the run (the rule cannot know the value), so the
    count starts again. ``minutes`` counts readings, one a minute.
    """
    above = values.gt(threshold)
    run = above.astype(int).groupby((~above).cumsum()).cumsum()
    return run.ge(max(int(minutes), 1)).rename("alarm")


def alarm_starts(alarm: pd.Series) -> pd.DatetimeIndex:
    """The times at which an alarm goes on: in alarm now, and not in alarm at the reading before."""
    on = alarm.astype(bool)
    starts = on & ~on.shift(1, fill_value=False)
    return pd.DatetimeIndex(alarm.index[starts.to_numpy()])


# --------------------------------------------------------------------------
# Judging alarms
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class AlarmReport:
    """What an alarm rule did on one pump record, and what it cost.

    ``false_alarms``: alarms that went on before the fault started (the pump
    was healthy then). ``first_warning``: the first alarm after the fault
    started (``None`` if none). ``warning_hours``: hours from that alarm to the
    failure. ``caught``: the warning came at least ``lead_needed_hours`` before
    the failure, so a planned repair was possible. ``cost_usd``: false alarms
    times their cost, plus a missed failure or a planned repair.
    """

    alarms: int
    false_alarms: int
    has_fault: bool
    first_warning: pd.Timestamp | None
    warning_hours: float | None
    caught: bool
    lead_needed_hours: float
    cost_usd: float

    @property
    def missed(self) -> bool:
        """A fault that was not caught in time (no warning, or one too late)."""
        return self.has_fault and not self.caught

    def to_text(self) -> str:
        if not self.has_fault:
            outcome = _("no fault in this record")
        elif self.warning_hours is None:
            outcome = _("failure missed: no warning")
        else:
            verdict = _("caught in time") if self.caught else _("too late to plan a repair")
            outcome = _("first warning {hours} h before the failure ({verdict})").format(
                hours=format_decimal(f"{self.warning_hours:.1f}"), verdict=verdict)
        return _("{alarms} alarms, of which {false_alarms} false; {outcome}; cost USD {cost}").format(
            alarms=self.alarms, false_alarms=self.false_alarms, outcome=outcome,
            cost=format_decimal(f"{self.cost_usd:,.0f}"))


def evaluate_alarms(
    alarm: pd.Series,
    fault_start: pd.Timestamp | None,
    failure_time: pd.Timestamp | None,
    *,
    lead_needed_hours: float = 8.0,
    false_alarm_cost_usd: float = 200.0,
    missed_failure_cost_usd: float = 10_000.0,
    planned_repair_cost_usd: float = 2_000.0,
) -> AlarmReport:
    """Judge an alarm rule on one record whose truth is known.

    Parameters
    ----------
    alarm:
        True for every reading in alarm (from one of the alarm rules).
    fault_start, failure_time:
        When the fault started and when the pump failed (``None`` for a
        healthy pump): ``data.attrs["fault_start"]`` and ``data.attrs["failure_time"]``.
    lead_needed_hours:
        Hours of warning needed to plan a repair (order the part, call the
        technician, choose a time to stop). A later warning counts as missed.
    false_alarm_cost_usd:
        Cost of one false alarm, in US dollars: a technician checks the pump
        and the line may stop for the check.
    missed_failure_cost_usd:
        Cost of a failure that was not caught in time, in US dollars: an
        emergency repair, lost production, perhaps damage to other parts.
    planned_repair_cost_usd:
        Cost of a repair planned thanks to a timely warning, in US dollars.

    Returns
    -------
    An :class:`AlarmReport`.
    """
    starts = alarm_starts(alarm)
    has_fault = fault_start is not None and failure_time is not None
    if has_fault:
        false_alarms = int((starts < fault_start).sum())
        true_starts = starts[(starts >= fault_start) & (starts < failure_time)]
    else:
        false_alarms = len(starts)
        true_starts = starts[:0]
    first = true_starts[0] if len(true_starts) else None
    hours = None if first is None else (failure_time - first) / pd.Timedelta(hours=1)
    caught = hours is not None and hours >= lead_needed_hours
    cost = false_alarms * false_alarm_cost_usd
    if has_fault:
        cost += planned_repair_cost_usd if caught else missed_failure_cost_usd
    return AlarmReport(
        alarms=len(starts),
        false_alarms=false_alarms,
        has_fault=has_fault,
        first_warning=first,
        warning_hours=None if hours is None else float(hours),
        caught=bool(caught),
        lead_needed_hours=float(lead_needed_hours),
        cost_usd=float(cost),
    )


# --------------------------------------------------------------------------
# A small fleet of pumps, and the demo
# --------------------------------------------------------------------------


@lru_cache(maxsize=4)
def simulate_fleet(
    n_pumps: int = 10,
    days: float = 7.0,
    healthy_share: float = 0.3,
    vibration_base_mm_s: tuple[float, float] = (1.6, 2.6),
    seed: int = 2024,
) -> tuple[pd.DataFrame, ...]:
    """Records of ``n_pumps`` pumps of the same kind, each ``days`` long.

    Each pump is healthy with probability ``healthy_share`` (0 to 1); each of
    the others develops a fault that starts at a random time between 40 % and
    80 % of the record (uniformly) and fails at the end. No two pumps are
    quite alike: each has its own average vibration, drawn uniformly between
    the two ends of ``vibration_base_mm_s`` (mm/s). Pump ``i`` uses the seed
    ``seed + i``; every other assumption is the default of
    :func:`simulate_sensors`. The result is cached: do not change the tables.
    """
    rng = np.random.default_rng(seed)
    healthy = rng.random(n_pumps) < healthy_share
    starts = rng.uniform(0.4, 0.8, n_pumps) * days
    bases = rng.uniform(*vibration_base_mm_s, n_pumps)
    return tuple(
        simulate_sensors(
            days,
            fault_start_day=None if healthy[i] else float(starts[i]),
            vibration_base_mm_s=float(bases[i]),
            seed=seed + i,
        )
        for i in range(n_pumps)
    )


#: Thresholds (mm/s) and windows (minutes) the demo tries when it looks for the cheapest rule.
DEMO_THRESHOLDS = tuple(round(2.5 + 0.25 * i, 2) for i in range(15))  # 2.5 to 6.0 mm/s
DEMO_WINDOWS = (1, 15, 30, 60, 120, 240)


@dataclass(frozen=True)
class FleetResult:
    """One alarm rule tried on every pump of the fleet: the totals and the cheapest rule in the grid."""

    threshold_mm_s: float
    window_min: int
    reports: tuple[AlarmReport, ...]
    false_alarm_cost_usd: float
    missed_failure_cost_usd: float
    planned_repair_cost_usd: float
    lead_needed_hours: float
    best_threshold_mm_s: float
    best_window_min: int
    best_cost_usd: float

    @property
    def faults(self) -> int:
        return sum(r.has_fault for r in self.reports)

    @property
    def alarms(self) -> int:
        return sum(r.alarms for r in self.reports)

    @property
    def false_alarms(self) -> int:
        return sum(r.false_alarms for r in self.reports)

    @property
    def caught(self) -> int:
        return sum(r.caught for r in self.reports)

    @property
    def missed(self) -> int:
        return sum(r.missed for r in self.reports)

    @property
    def median_warning_hours(self) -> float | None:
        """Median hours of warning over the faulty pumps that got a warning (``None`` if none did)."""
        hours = [r.warning_hours for r in self.reports if r.has_fault and r.warning_hours is not None]
        return float(np.median(hours)) if hours else None

    @property
    def cost_usd(self) -> float:
        return float(sum(r.cost_usd for r in self.reports))

    def _rule(self) -> str:
        threshold = format_decimal(f"{self.threshold_mm_s:g}")
        if self.window_min <= 1:
            return _("alarm when a single reading is above {threshold} mm/s").format(threshold=threshold)
        return _("alarm when the {window}-minute mean is above {threshold} mm/s").format(
            window=self.window_min, threshold=threshold)

    def _warning(self) -> str:
        h = self.median_warning_hours
        if h is None:
            return _("no warning on any faulty pump")
        return _("median warning {hours} h before the failure").format(hours=format_decimal(f"{h:.1f}"))

    def _costs(self) -> str:
        return _("false alarm USD {false_alarm}, missed failure USD {missed}, planned repair USD {planned}, "
                 "warning needed {hours} h").format(
            false_alarm=format_decimal(f"{self.false_alarm_cost_usd:,.0f}"),
            missed=format_decimal(f"{self.missed_failure_cost_usd:,.0f}"),
            planned=format_decimal(f"{self.planned_repair_cost_usd:,.0f}"),
            hours=format_decimal(f"{self.lead_needed_hours:g}"))

    def _best(self) -> str:
        """The sentence that names the cheapest rule of the grid."""
        if self.best_window_min <= 1:
            rule = _("single readings")
        else:
            rule = _("a {window}-minute mean").format(window=self.best_window_min)
        return _("At these costs the cheapest rule in the grid is {threshold} mm/s with {rule} (USD {cost}).").format(
            threshold=format_decimal(f"{self.best_threshold_mm_s:g}"), rule=rule,
            cost=format_decimal(f"{self.best_cost_usd:,.0f}"))

    def _head(self, escape=lambda text: text) -> str:
        return _("Rule: {rule}. {pumps} pumps, {faults} with a fault.").format(
            rule=escape(self._rule()), pumps=len(self.reports), faults=self.faults)

    def to_text(self) -> str:
        return (
            self._head() + "\n"
            + _("Alarms {alarms}, false alarms {false_alarms}; failures caught in time {caught} of {faults}, "
                "missed or late {missed}; {warning}.").format(
                alarms=self.alarms, false_alarms=self.false_alarms, caught=self.caught, faults=self.faults,
                missed=self.missed, warning=self._warning())
            + "\n"
            + _("Cost USD {cost} (assumed: {costs}).").format(
                cost=format_decimal(f"{self.cost_usd:,.0f}"), costs=self._costs())
            + "\n"
            + self._best()
        )

    def to_html(self) -> str:
        usd = _("USD {amount}").format(amount=format_decimal(f"{self.cost_usd:,.0f}"))
        rows = [
            (_("Alarms (all pumps)"), f"{self.alarms}"),
            (_("False alarms"), f"{self.false_alarms}"),
            (_("Failures caught in time"), html.escape(_("{caught} of {faults}").format(caught=self.caught, faults=self.faults))),
            (_("Failures missed or warned too late"), f"{self.missed}"),
            (_("Warning before the failure"), html.escape(self._warning())),
            (_("Cost"), f"<strong>{usd}</strong>"),
        ]
        body = "".join(f'<tr><th scope="row" style="text-align:left;padding-right:1em">{html.escape(k)}</th><td>{v}</td></tr>'
                       for k, v in rows)
        return (
            f"<p>{self._head(html.escape)}</p>"
            f'<table class="si-alarms"><caption>{_("The rule on every pump of the fleet")}</caption>{body}</table>'
            f"<p>{_('Assumed costs: {costs}.').format(costs=html.escape(self._costs()))}<br>{html.escape(self._best())}</p>"
        )


@lru_cache(maxsize=len(DEMO_WINDOWS) + 2)
def _fleet_signals(window_min: int) -> tuple[pd.Series, ...]:
    """Vibration of every pump of the fleet: single readings (window 1) or rolling means."""
    signals = []
    for data in simulate_fleet():
        values = data["vibration_mm_s"]
        signals.append(values if window_min <= 1 else rolling_mean(values, window_min))
    return tuple(signals)


def _fleet_reports(threshold_mm_s: float, window_min: int, costs: tuple[float, float, float, float]) -> tuple[AlarmReport, ...]:
    lead, false_cost, missed_cost, planned_cost = costs
    reports = []
    for data, signal in zip(simulate_fleet(), _fleet_signals(max(int(window_min), 1))):
        reports.append(
            evaluate_alarms(
                signal.gt(threshold_mm_s), data.attrs["fault_start"], data.attrs["failure_time"],
                lead_needed_hours=lead, false_alarm_cost_usd=false_cost,
                missed_failure_cost_usd=missed_cost, planned_repair_cost_usd=planned_cost,
            )
        )
    return tuple(reports)


@lru_cache(maxsize=8)
def _best_rule(costs: tuple[float, float, float, float]) -> tuple[float, int, float]:
    """The cheapest (threshold, window) of the demo's grid; ties go to the first found."""
    best = (DEMO_THRESHOLDS[0], DEMO_WINDOWS[0], float("inf"))
    for window in DEMO_WINDOWS:
        for threshold in DEMO_THRESHOLDS:
            cost = sum(r.cost_usd for r in _fleet_reports(threshold, window, costs))
            if cost < best[2]:
                best = (threshold, window, float(cost))
    return best


def maintenance_demo(
    threshold_mm_s: float = 4.0,
    window_min: int = 60,
    *,
    lead_needed_hours: float = 8.0,
    false_alarm_cost_usd: float = 200.0,
    missed_failure_cost_usd: float = 10_000.0,
    planned_repair_cost_usd: float = 2_000.0,
) -> FleetResult:
    """The chapter's demo: a vibration alarm rule tried on the fleet of :func:`simulate_fleet`.

    ``threshold_mm_s`` is the vibration limit in mm/s; ``window_min`` the
    length of the rolling mean in minutes (1 = every single reading). The
    costs (US dollars) and the warning needed (hours) are as in
    :func:`evaluate_alarms`. The result also names the cheapest rule of the
    grid :data:`DEMO_THRESHOLDS` × :data:`DEMO_WINDOWS` at these costs.
    """
    costs = (float(lead_needed_hours), float(false_alarm_cost_usd), float(missed_failure_cost_usd), float(planned_repair_cost_usd))
    reports = _fleet_reports(float(threshold_mm_s), int(window_min), costs)
    best_t, best_w, best_cost = _best_rule(costs)
    return FleetResult(
        threshold_mm_s=float(threshold_mm_s),
        window_min=int(window_min),
        reports=reports,
        false_alarm_cost_usd=costs[1],
        missed_failure_cost_usd=costs[2],
        planned_repair_cost_usd=costs[3],
        lead_needed_hours=costs[0],
        best_threshold_mm_s=float(best_t),
        best_window_min=int(best_w),
        best_cost_usd=float(best_cost),
    )
