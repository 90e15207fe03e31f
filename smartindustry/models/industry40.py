"""A production line, hour by hour, for the Industry 4.0 chapters.

Each simulation is a plain function with every assumption in its arguments,
a seed for the random numbers (the same seed always gives the same numbers),
and a result that is a pandas DataFrame or a small dataclass. They are
teaching models, not forecasts: the numbers are chosen to be plausible for a
small factory line, and each chapter says so.

The production line
-------------------
One machine runs around the clock. Every hour it makes parts at a speed that
depends on how automated the line is; some parts are defective. The machine
wears out as it runs: wear raises its **vibration** (what a sensor measures)
and the chance of a **breakdown**. A breakdown stops the line for some hours
of repair. Three maintenance policies are compared:

``"reactive"``
    repair only after a breakdown;
``"preventive"``
    a one-hour service every ``service_interval`` running hours;
``"predictive"``
    a one-hour service when the vibration sensor reads above
    ``vibration_limit`` (this needs a sensor and someone watching it).

A service or a repair resets the wear to zero.

Overall Equipment Effectiveness (OEE) = availability × performance × quality:
availability is running time over planned time, performance is actual output
over what the ideal speed would give in the running time, quality is good
parts over all parts.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..i18n import format_decimal, gettext as _

__all__ = ["simulate_line", "oee", "OEE", "line_week", "MAINTENANCE_POLICIES"]

MAINTENANCE_POLICIES = ("reactive", "preventive", "predictive")

#: Parts an hour at full speed (the ideal rate used for performance).
IDEAL_RATE = 60.0


def simulate_line(
    hours: int = 168,
    *,
    automation: float = 0.0,
    maintenance: str = "reactive",
    service_interval: int = 24,
    vibration_limit: float = 4.5,
    repair_hours: int = 6,
    seed: int = 9,
) -> pd.DataFrame:
    """Simulate a production line hour by hour.

    Parameters
    ----------
    hours:
        Planned production hours (168 = one week around the clock).
    automation:
        Share of the line's manual steps that are automated, from 0 to 1.
        It raises the speed from 75 % to 95 % of the ideal rate and lowers the
        defect rate from 5 % to 1.5 % (straight lines between the two ends).
    maintenance:
        ``"reactive"``, ``"preventive"`` or ``"predictive"`` (see the module text).
    service_interval:
        Running hours between services, for the preventive policy.
    vibration_limit:
        Vibration in mm/s above which the predictive policy calls a service.
    repair_hours:
        Hours the line stands still after a breakdown.
    seed:
        Seed of the random numbers.

    Returns
    -------
    DataFrame with one row an hour: ``hour`` (0, 1, ...), ``timestamp``,
    ``state`` (running / breakdown / service), ``wear`` (0 = new),
    ``vibration_mm_s``, ``temperature_c``, ``units_made``, ``units_defective``,
    ``downtime_min``.
    """
    if maintenance not in MAINTENANCE_POLICIES:
        raise ValueError(_("maintenance must be one of {policies}, not {value}").format(
            policies=MAINTENANCE_POLICIES, value=repr(maintenance)))
    if not 0.0 <= automation <= 1.0:
        raise ValueError(_("automation must be between 0 and 1"))
    if hours < 1:
        raise ValueError(_("hours must be at least 1"))
    rng = np.random.default_rng(seed)
    speed = 0.75 + 0.20 * automation  # share of the ideal rate
    defect_rate = 0.05 - 0.035 * automation
    wear = 0.0
    wear_rate = rng.uniform(0.01, 0.04)  # wear per running hour; differs from cycle to cycle
    since_service = 0
    repair_left = 0
    rows = []
    for hour in range(hours):
        noise = rng.normal(0.0, 0.3)
        vibration = 2.0 + 5.0 * wear + noise
        temperature = 45.0 + 12.0 * wear + rng.normal(0.0, 0.8)
        u_fail, u_made = rng.random(), rng.random()
        if repair_left > 0:
            state, made, bad, down = "breakdown", 0, 0, 60
            repair_left -= 1
            vibration, temperature = 0.0, 25.0
        elif (maintenance == "preventive" and since_service >= service_interval) or (
            maintenance == "predictive" and vibration > vibration_limit
        ):
            state, made, bad, down = "service", 0, 0, 60
            wear, since_service = 0.0, 0
            wear_rate = rng.uniform(0.01, 0.04)
        else:
            hazard = 0.002 + 0.25 * wear**3  # chance of a breakdown this hour
            if u_fail < hazard:
                state, made, bad, down = "breakdown", 0, 0, 60
                repair_left = repair_hours - 1
                wear, since_service = 0.0, 0
                wear_rate = rng.uniform(0.01, 0.04)
            else:
                state, down = "running", 0
                made = int(IDEAL_RATE * speed + 4.0 * (u_made - 0.5))
                bad = int(rng.binomial(made, defect_rate))
                wear = min(wear + wear_rate * rng.uniform(0.5, 1.5), 1.2)
                since_service += 1
        rows.append((hour, state, round(wear, 3), round(max(vibration, 0.0), 2), round(temperature, 1), made, bad, down))
    df = pd.DataFrame(
        rows,
        columns=["hour", "state", "wear", "vibration_mm_s", "temperature_c", "units_made", "units_defective", "downtime_min"],
    )
    df.insert(1, "timestamp", pd.date_range("2024-07-01", periods=hours, freq="h"))
    return df


@dataclass(frozen=True)
class OEE:
    """Overall Equipment Effectiveness and its three factors (each 0 to 1)."""

    availability: float
    performance: float
    quality: float
    good_units: int
    breakdowns: int
    services: int

    @property
    def oee(self) -> float:
        """availability × performance × quality."""
        return self.availability * self.performance * self.quality

    def to_text(self) -> str:
        return _(
            "OEE {oee} = availability {availability} × performance {performance} × quality {quality}; "
            "good units {good_units}; breakdowns {breakdowns}; services {services}"
        ).format(
            oee=format_decimal(f"{self.oee:.1%}"), availability=format_decimal(f"{self.availability:.1%}"),
            performance=format_decimal(f"{self.performance:.1%}"), quality=format_decimal(f"{self.quality:.1%}"),
            good_units=self.good_units, breakdowns=self.breakdowns, services=self.services,
        )

    def to_html(self) -> str:
        rows = [
            (_("Availability"), format_decimal(f"{self.availability:.1%}")),
            (_("Performance"), format_decimal(f"{self.performance:.1%}")),
            (_("Quality"), format_decimal(f"{self.quality:.1%}")),
            (_("OEE"), format_decimal(f"{self.oee:.1%}")),
            (_("Good units"), f"{self.good_units}"),
            (_("Breakdowns"), f"{self.breakdowns}"),
            (_("Services"), f"{self.services}"),
        ]
        body = "".join(f"<tr><th scope=\"row\">{html.escape(k)}</th><td>{v}</td></tr>" for k, v in rows)
        return f'<table class="si-oee"><caption>{_("Result of the simulated week")}</caption>{body}</table>'


def oee(line: pd.DataFrame, ideal_rate: float = IDEAL_RATE) -> OEE:
    """Compute OEE from a simulated (or real) hourly log of a line.

    ``line`` needs the columns ``state``, ``units_made``, ``units_defective``
    and ``downtime_min``; every row is one planned hour.
    """
    planned_min = 60.0 * len(line)
    run_min = planned_min - float(line["downtime_min"].sum())
    made = int(line["units_made"].sum())
    good = made - int(line["units_defective"].sum())
    availability = run_min / planned_min if planned_min else 0.0
    performance = made / (ideal_rate * run_min / 60.0) if run_min else 0.0
    quality = good / made if made else 0.0
    starts = line["state"].ne(line["state"].shift())
    breakdowns = int((starts & line["state"].eq("breakdown")).sum())
    services = int(line["state"].eq("service").sum())
    return OEE(availability, performance, quality, good, breakdowns, services)


def line_week(automation: float = 0.0, maintenance: str = "reactive", seed: int = 9) -> OEE:
    """OEE of one simulated week for a given automation level and maintenance policy."""
    return oee(simulate_line(168, automation=automation, maintenance=maintenance, seed=seed))
