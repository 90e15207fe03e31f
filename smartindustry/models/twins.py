"""A tiny digital twin of the course's production line.

The "real" line is the simulation :func:`smartindustry.models.industry40.simulate_line`:
it produces the sensor readings that the twin observes. The twin itself is a
model the learner can read in one line:

    vibration (mm/s) = baseline + slope × running hours since the last service

It has two unknown parameters. **Calibrating** the twin means choosing them so
that the model's vibration is as close as possible to the observed vibration
in the first hours of a maintenance cycle. "As close as possible" is measured
by the **mean squared error** (the average of the squared gaps between the
model and the observations); the **least-squares** line is the one with the
smallest mean squared error, and it has an exact formula, so calibration is
deterministic. The calibrated twin then **predicts** after how many running
hours the vibration will pass the service limit, and the prediction is
compared with what the simulated line actually did next.

A **cycle** is the time between two resets of the machine's wear: it starts
at the beginning of the log and again after every service and every repair.
Hours in which the machine is broken down carry no useful reading and are
left out of the sensor log.

The functions are plain and seeded through the line they read:

* :func:`sensor_log` turns a simulated line into the twin's view of it;
* :func:`vibration_model`, :func:`mean_squared_error`, :func:`calibrate`,
  :func:`hours_to_limit` and :func:`first_crossing` are the twin's steps;
* :func:`cycle_table` calibrates and predicts every cycle of a log;
* :func:`calibration_demo` and :func:`twin_figure` are behind the chapter's demo.

It is a teaching model, not an engineering tool: a real twin of a machine would
use physics, many sensors and much more data, and the chapter says so.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from ..i18n import N_, format_decimal
from ..i18n import gettext as _
from .industry40 import simulate_line

__all__ = [
    "SERVICE_LIMIT",
    "FIT_HOURS",
    "BOOK_SEED",
    "BOOK_CYCLE",
    "sensor_log",
    "vibration_model",
    "mean_squared_error",
    "Calibration",
    "calibrate",
    "hours_to_limit",
    "first_crossing",
    "cycle_table",
    "TwinFit",
    "book_log",
    "calibration_demo",
    "twin_figure",
]

#: Vibration, in mm/s, above which the line's predictive policy calls a service
#: (the default ``vibration_limit`` of :func:`simulate_line`).
SERVICE_LIMIT = 4.5

#: Running hours at the start of a cycle that the twin uses for calibration.
FIT_HOURS = 12

#: The chapter's week: predictive maintenance, seed 9.
BOOK_SEED = 9

#: The chapter's cycle: the third cycle of that week.
BOOK_CYCLE = 3


# --------------------------------------------------------------------------
# The twin's view of the line
# --------------------------------------------------------------------------


def sensor_log(line: pd.DataFrame) -> pd.DataFrame:
    """The vibration readings of a simulated line, with the cycle and running hours of each.

    ``line`` is a table from :func:`simulate_line` (it needs the columns
    ``hour``, ``state`` and ``vibration_mm_s``).

    Returns one row a reading, for every hour in which the machine was not
    broken down: ``hour`` (hour of the log), ``cycle`` (1, 2, ... in order),
    ``run_hours`` (running hours completed in this cycle before the reading,
    0, 1, 2, ...), ``state`` (running or service) and ``vibration_mm_s``.
    A service hour keeps the reading that called the service; the next hour
    starts a new cycle. After a breakdown, the first hour back starts a new
    cycle too.
    """
    rows = []
    cycle, run, broken = 1, 0, False
    for hour, state, vibration in zip(line["hour"], line["state"], line["vibration_mm_s"]):
        if state == "breakdown":
            broken = True
            continue
        if broken:  # the repair reset the wear
            cycle, run, broken = cycle + 1, 0, False
        rows.append((int(hour), cycle, run, str(state), float(vibration)))
        if state == "service":
            cycle, run = cycle + 1, 0
        else:
            run += 1
    log = pd.DataFrame(rows, columns=["hour", "cycle", "run_hours", "state", "vibration_mm_s"])
    # number the cycles that have readings 1, 2, 3, ... with no gaps
    order = {c: i for i, c in enumerate(dict.fromkeys(log["cycle"]), start=1)}
    log["cycle"] = log["cycle"].map(order).astype(int)
    return log


# --------------------------------------------------------------------------
# The twin's model and its calibration
# --------------------------------------------------------------------------


def vibration_model(run_hours: Any, baseline: float, slope: float) -> np.ndarray:
    """The twin's vibration, in mm/s, after ``run_hours`` running hours of a cycle.

    ``baseline`` is the vibration of a freshly serviced machine (mm/s);
    ``slope`` is how much the vibration rises per running hour (mm/s per hour).
    """
    return baseline + slope * np.asarray(run_hours, dtype=float)


def mean_squared_error(observed: Any, predicted: Any) -> float:
    """The mean of the squared gaps between observed and predicted values.

    In (mm/s)² for vibration. 0 means a perfect fit; its square root is a
    typical gap in the original unit (mm/s).
    """
    o = np.asarray(observed, dtype=float)
    p = np.asarray(predicted, dtype=float)
    if o.shape != p.shape or o.size == 0:
        raise ValueError(_("observed and predicted need the same, non-zero length"))
    return float(np.mean((o - p) ** 2))


@dataclass(frozen=True)
class Calibration:
    """A calibrated twin: baseline (mm/s), slope (mm/s per running hour) and its fit error."""

    baseline: float
    slope: float
    mse: float
    n: int

    def predict(self, run_hours: Any) -> np.ndarray:
        """Vibration (mm/s) the calibrated twin expects after ``run_hours``."""
        return vibration_model(run_hours, self.baseline, self.slope)

    def hours_to_limit(self, limit: float = SERVICE_LIMIT) -> float:
        """Running hours (from the start of the cycle) at which the twin reaches ``limit``."""
        return hours_to_limit(self.baseline, self.slope, limit)


def calibrate(run_hours: Any, vibration: Any) -> Calibration:
    """Fit ``vibration = baseline + slope × run_hours`` by least squares.

    The least-squares line is the one with the smallest mean squared error.
    Its slope is the sum of (x − mean x)(y − mean y) divided by the sum of
    (x − mean x)², and it passes through the point (mean x, mean y): the same
    answer as ``numpy.polyfit(x, y, 1)``. Needs at least two different hours.
    """
    x = np.asarray(run_hours, dtype=float)
    y = np.asarray(vibration, dtype=float)
    if x.shape != y.shape or x.size < 2:
        raise ValueError(_("calibration needs at least two readings, as many hours as readings"))
    dx = x - x.mean()
    spread = float(np.sum(dx**2))
    if spread == 0:
        raise ValueError(_("calibration needs readings at two different hours at least"))
    slope = float(np.sum(dx * (y - y.mean())) / spread)
    baseline = float(y.mean() - slope * x.mean())
    mse = mean_squared_error(y, vibration_model(x, baseline, slope))
    return Calibration(baseline, slope, mse, int(x.size))


def hours_to_limit(baseline: float, slope: float, limit: float = SERVICE_LIMIT) -> float:
    """Running hours at which ``baseline + slope × hours`` reaches ``limit`` (mm/s).

    That is (limit − baseline) / slope. If the slope is 0 or negative the
    model never reaches a limit above the baseline: the answer is infinity.
    If the baseline is already at or above the limit, the answer is 0.
    """
    if baseline >= limit:
        return 0.0
    if slope <= 0:
        return math.inf
    return (limit - baseline) / slope


def first_crossing(readings: pd.DataFrame, limit: float = SERVICE_LIMIT) -> float:
    """The running hours of the first reading above ``limit`` in one cycle, or NaN if none.

    ``readings`` are the rows of one cycle of a :func:`sensor_log`.
    """
    above = readings.loc[readings["vibration_mm_s"] > limit, "run_hours"]
    return float(above.iloc[0]) if len(above) else math.nan


def cycle_table(line: pd.DataFrame, fit_hours: int = FIT_HOURS, limit: float = SERVICE_LIMIT) -> pd.DataFrame:
    """Calibrate the twin on the start of every cycle and compare its prediction with the line.

    For each cycle with more than ``fit_hours`` readings, the twin is
    calibrated on the readings at running hours 0 to ``fit_hours`` − 1, and
    predicts the running hour at which vibration reaches ``limit`` (mm/s).

    Returns one row a cycle: ``cycle``, ``start_hour`` (hour of the log),
    ``baseline`` (mm/s), ``slope`` (mm/s per hour), ``predicted_h`` (running
    hours, rounded to 0.1), ``actual_h`` (running hours of the first reading
    above the limit, NaN if the cycle ended before) and ``error_h``
    (predicted minus actual: positive means the twin expected it later).
    """
    log = sensor_log(line)
    rows = []
    for cycle, readings in log.groupby("cycle", sort=True):
        start = readings[readings["run_hours"] < fit_hours]
        if len(readings) <= fit_hours or len(start) < fit_hours:
            continue
        fit = calibrate(start["run_hours"], start["vibration_mm_s"])
        predicted = round(fit.hours_to_limit(limit), 1)
        actual = first_crossing(readings, limit)
        rows.append(
            {
                "cycle": int(cycle),
                "start_hour": int(readings["hour"].iloc[0]),
                "baseline": round(fit.baseline, 2),
                "slope": round(fit.slope, 3),
                "predicted_h": predicted,
                "actual_h": actual,
                "error_h": round(predicted - actual, 1) if not math.isnan(actual) else math.nan,
            }
        )
    return pd.DataFrame(rows, columns=["cycle", "start_hour", "baseline", "slope", "predicted_h", "actual_h", "error_h"])


# --------------------------------------------------------------------------
# The interactive calibration
# --------------------------------------------------------------------------


@lru_cache(maxsize=16)
def book_log(seed: int = BOOK_SEED, hours: int = 168) -> pd.DataFrame:
    """The sensor log of a simulated week with predictive maintenance (service limit 4.5 mm/s)."""
    return sensor_log(simulate_line(hours, maintenance="predictive", vibration_limit=SERVICE_LIMIT, seed=seed))


@dataclass(frozen=True)
class TwinFit:
    """A twin with chosen parameters, next to one cycle of observed readings.

    ``run_hours`` / ``observed`` are all readings of the cycle; the first
    ``fit_hours`` are used for calibration. ``best`` is the least-squares
    calibration on the same hours, for comparison.
    """

    baseline: float
    slope: float
    run_hours: tuple[float, ...]
    observed: tuple[float, ...]
    fit_hours: int
    limit: float
    best: Calibration

    @property
    def mse(self) -> float:
        """Fit error of the chosen parameters on the calibration hours, in (mm/s)²."""
        n = self.fit_hours
        return mean_squared_error(self.observed[:n], vibration_model(self.run_hours[:n], self.baseline, self.slope))

    @property
    def predicted_h(self) -> float:
        """Running hours at which the chosen model reaches the limit."""
        return hours_to_limit(self.baseline, self.slope, self.limit)

    @property
    def actual_h(self) -> float:
        """Running hours of the first observed reading above the limit (NaN if none)."""
        for h, v in zip(self.run_hours, self.observed):
            if v > self.limit:
                return float(h)
        return math.nan

    def _rows(self) -> list[tuple[int, float, float]]:
        """(running hours, observed, model) at every third calibration hour and the last one."""
        n = self.fit_hours
        picks = sorted({*range(0, n, 3), n - 1})
        return [(int(self.run_hours[i]), self.observed[i], float(vibration_model(self.run_hours[i], self.baseline, self.slope))) for i in picks]

    def _prediction_text(self) -> str:
        p = self.predicted_h
        when = (_("never (the slope is not positive)") if math.isinf(p)
                else _("after {hours} running hours").format(hours=format_decimal(f"{p:.1f}")))
        actual = self.actual_h
        seen = (_("did not pass it in this cycle") if math.isnan(actual)
                else _("first passed it after {hours} running hours").format(hours=f"{actual:.0f}"))
        return _("This model reaches the limit of {limit} mm/s {when}; the line {seen}.").format(
            limit=format_decimal(f"{self.limit:g}"), when=when, seen=seen)

    def _model_line(self) -> str:
        return _("Model: vibration = {baseline} + {slope} × running hours").format(
            baseline=format_decimal(f"{self.baseline:.2f}"), slope=format_decimal(f"{self.slope:.3f}"))

    def to_text(self) -> str:
        heads = (_("hours"), _("observed"), _("model"))
        w1, w2, w3 = (max(width, len(head)) for width, head in zip((5, 8, 5), heads))
        lines = [
            self._model_line(),
            _("Fit error on the first {hours} hours (mean squared error): {mse} (mm/s)²; "
              "the lowest possible is {best}.").format(
                hours=self.fit_hours, mse=format_decimal(f"{self.mse:.3f}"), best=format_decimal(f"{self.best.mse:.3f}")),
            f"{heads[0]:>{w1}}  {heads[1]:>{w2}}  {heads[2]:>{w3}}",
        ]
        lines += [f"{h:>{w1}}  {format_decimal(f'{o:.2f}'):>{w2}}  {format_decimal(f'{m:.2f}'):>{w3}}"
                  for h, o, m in self._rows()]
        lines.append(self._prediction_text())
        return "\n".join(lines)

    def to_html(self) -> str:
        cell = 'style="padding:.15em .8em;text-align:right"'
        body = "".join(
            f'<tr><td {cell}>{h}</td><td {cell}>{format_decimal(f"{o:.2f}")}</td><td {cell}>{format_decimal(f"{m:.2f}")}</td></tr>'
            for h, o, m in self._rows()
        )
        fit = _(
            "<strong>Fit error</strong> on the first {hours} hours (mean squared error): "
            "<strong>{mse} (mm/s)²</strong>; the lowest possible is {best}."
        ).format(hours=self.fit_hours, mse=format_decimal(f"{self.mse:.3f}"), best=format_decimal(f"{self.best.mse:.3f}"))
        return (
            f"<p>{self._model_line()}<br>{fit}</p>"
            f'<table class="si-twin"><caption>{_("Observed and model vibration (mm/s)")}</caption>'
            f'<tr><th scope="col" {cell}>{_("running hours")}</th><th scope="col" {cell}>{_("observed")}</th>'
            f'<th scope="col" {cell}>{_("model")}</th></tr>{body}</table>'
            f"<p>{html.escape(self._prediction_text())}</p>"
        )


def calibration_demo(
    baseline: float,
    slope: float,
    *,
    seed: int = BOOK_SEED,
    cycle: int = BOOK_CYCLE,
    fit_hours: int = FIT_HOURS,
    limit: float = SERVICE_LIMIT,
) -> TwinFit:
    """The twin with the chosen ``baseline`` (mm/s) and ``slope`` (mm/s per hour) on one cycle.

    The cycle is cycle number ``cycle`` of the simulated week :func:`book_log`
    (``seed``); the first ``fit_hours`` readings are the calibration data and
    ``limit`` is the service limit in mm/s.
    """
    readings = book_log(seed)
    readings = readings[readings["cycle"] == cycle]
    if len(readings) < fit_hours:
        raise ValueError(_("cycle {cycle} of week {seed} has fewer than {hours} readings").format(
            cycle=cycle, seed=seed, hours=fit_hours))
    x = tuple(float(h) for h in readings["run_hours"])
    y = tuple(float(v) for v in readings["vibration_mm_s"])
    best = calibrate(x[:fit_hours], y[:fit_hours])
    return TwinFit(float(baseline), float(slope), x, y, fit_hours, float(limit), best)


def twin_figure(result: TwinFit, *, show_best: bool = False, model_label: str = N_("your model")) -> tuple[Any, str]:
    """Draw the observed readings and the model line; return (figure, alt text).

    Calibration readings are filled dots, later readings open circles; the
    dashed line is the service limit. With ``show_best`` the least-squares
    line is drawn too. ``model_label`` names the model line in the legend.
    """
    import matplotlib.pyplot as plt

    n = result.fit_hours
    x = np.asarray(result.run_hours)
    y = np.asarray(result.observed)
    fig, ax = plt.subplots(figsize=(7, 3.6))
    ax.plot(x[:n], y[:n], "o", color="#0072B2", label=_("observed, first {hours} h (calibration)").format(hours=n))
    ax.plot(x[n:], y[n:], "o", mfc="none", color="#0072B2", label=_("observed later"))
    grid = np.linspace(0, x.max() + 4, 50)
    ax.plot(grid, vibration_model(grid, result.baseline, result.slope), color="#D55E00", label=_(model_label))
    if show_best:
        ax.plot(grid, result.best.predict(grid), "--", color="#009E73", label=_("least-squares fit"))
    ax.axhline(result.limit, linestyle=":", color="0.3",
               label=_("service limit ({limit})").format(limit=format_decimal(f"{result.limit:g}")))
    ax.set(xlabel=_("running hours since the last service"), ylabel=_("vibration (mm/s)"), ylim=(0, 8))
    ax.legend(loc="upper left", fontsize=9)
    alt = _(
        "Scatter of observed vibration against running hours, rising from about {first} to {last} mm/s, "
        "with the model line vibration = {baseline} + {slope} × hours and the service limit "
        "at {limit} mm/s. Mean squared error {mse}."
    ).format(
        first=format_decimal(f"{y[0]:.1f}"), last=format_decimal(f"{y[-1]:.1f}"),
        baseline=format_decimal(f"{result.baseline:.2f}"), slope=format_decimal(f"{result.slope:.3f}"),
        limit=format_decimal(f"{result.limit:g}"), mse=format_decimal(f"{result.mse:.3f}"),
    )
    return fig, alt

