"""Small, transparent simulations for the Industry 4.0 chapters.

One module a topic; each is a set of plain functions with every assumption
in its arguments (with units), a ``seed`` for the random numbers, and tests
in ``tests/`` that pin the numbers the chapters quote. They are teaching
models, not forecasts.

Modules
-------
line
    A production line hour by hour: wear, vibration, breakdowns, maintenance
    policies, automation, and Overall Equipment Effectiveness (OEE).
sensors
    A pump's sensors, one reading a minute: daily cycles, noise, drift,
    outages and a developing fault; alarm rules and their cost.
tasks
    Occupations as lists of tasks, and the share of working time exposed to
    automation under stated scenarios (illustrative assumptions).
inspection
    Parts with camera and size measurements for a quality-inspection
    classifier: threshold rules, logistic regression, confusion matrix, cost.
twin
    A small digital twin of the production line: calibrate a vibration model
    to observed data and predict when the service limit is reached.
automation
    The business case for automating a production line: capital cost as an
    annuity, wages saved, extra output, payback and jobs changed.

Import a topic module directly, e.g. ``from smartindustry.sim.twin import ...``.
"""

from .line import IDEAL_RATE, MAINTENANCE_POLICIES, OEE, line_week, oee, simulate_line

__all__ = ["IDEAL_RATE", "MAINTENANCE_POLICIES", "OEE", "line_week", "oee", "simulate_line"]
