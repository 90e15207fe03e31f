"""Questions for the chapter "Digital twins, the industrial metaverse and emerging frontiers" and its exercises."""

from __future__ import annotations

import math

import numpy as np

from ..exercises import (
    Choice,
    CodeTask,
    Feedback,
    Mistake,
    MultipleChoice,
    Numeric,
    ShortText,
    compare_value,
    parse_number,
)
from ..i18n import N_
from ..i18n import gettext as _
from ..models.industry40 import simulate_line
from ..models.twins import calibrate, sensor_log, vibration_model

# -- self-checks in the chapter --------------------------------------------------

shadow_word = ShortText(
    id="twins-shadow",
    prompt=(
        "A water utility keeps a computer model of its pipe network. Pressure sensors update the model "
        "automatically every 15 minutes, but engineers still open and close the valves by hand. At which "
        "level is this model: digital model, digital shadow or digital twin?"
    ),
    accepted=["digital shadow", "shadow", "a digital shadow"],
    wrong={
        "digital twin": "A twin also sends data or commands back to the real network automatically. Here people change the valves by hand.",
        "twin": "A twin also sends data or commands back to the real network automatically. Here people change the valves by hand.",
        "digital model": "A digital model gets no data automatically. Here the sensor readings flow in by themselves.",
        "model": "A digital model gets no data automatically. Here the sensor readings flow in by themselves.",
    },
    hints=[
        "Ask two questions: does data flow automatically from the network to the model? And from the model back to the network?",
        "Data flows in automatically, but not back out. That is the middle level.",
    ],
    solution="A digital shadow: data flows automatically one way only, from the pipes to the model.",
    explanation="The level depends on how data flows, not on how detailed the model is.",
)

worth_it = MultipleChoice(
    id="twins-worth-it",
    prompt="In which of these cases is a digital twin most likely to be worth what it costs?",
    choices=[
        Choice(
            "A gas turbine in a power station: one unplanned stop costs a lot, and sensors and a network are already in place.",
            correct=True,
            feedback="Yes: failures are costly, the data already flows, and better timing of services pays back quickly.",
        ),
        Choice(
            "A hand-operated sewing machine in a small workshop.",
            feedback="A stop costs little, the machine is easy to check by eye, and it has no sensors: a twin would cost more than it saves.",
        ),
        Choice(
            "A machine with no network connection and no one trained to read its data.",
            feedback="A twin needs data flowing in and people (or systems) acting on what it says. Connect and train first.",
        ),
        Choice(
            "A product design that has not been built yet.",
            feedback="A 3D design model is useful here, but with no physical object there is no data to follow: it is a digital model, not a twin.",
        ),
    ],
    hints=["A twin pays off when its predictions prevent costly events, and when data can reach it."],
    solution="A. High cost of failure plus sensors and a network already in place.",
)

metaverse_needs = MultipleChoice(
    id="twins-metaverse-needs",
    prompt=(
        "A technical college wants to train maintenance technicians in a shared 3D virtual copy of a "
        "bottling plant, linked to the plant's real sensor data. What does it need? Select all that apply."
    ),
    choices=[
        Choice("A fast and reliable internet connection, for the college and for the plant's data.", correct=True,
               feedback="Shared 3D spaces and live data need steady bandwidth."),
        Choice("Devices that can show 3D scenes: capable computers or headsets.", correct=True,
               feedback="Headsets and 3D-capable computers cost money and need power and upkeep."),
        Choice("Trainers and learners with the digital skills to use the tools.", correct=True,
               feedback="Without skills, the equipment sits unused: the digital skills gap applies here too."),
        Choice("Nothing special: any basic phone on a slow network is enough.",
               feedback="A shared 3D space with live data is heavy: a basic phone on a slow network cannot show it well."),
    ],
    multiple=True,
    hints=["Think of the three things every digital service needs: a connection, a device, and people who can use it."],
    solution="A, B and C: connectivity, devices and skills.",
)

limit_hours = Numeric(
    id="twins-limit-hours",
    prompt=(
        "A calibrated twin of a pump says: vibration = 1.8 + 0.15 × running hours since the last service "
        "(in mm/s). The service limit is 4.5 mm/s. After how many running hours does the twin expect the "
        "vibration to reach the limit?"
    ),
    answer=(4.5 - 1.8) / 0.15,
    tolerance=0.05,
    unit="hours",
    bounds=(0, 1000),
    mistakes=[
        Mistake(4.5 / 0.15, "You left out the baseline: the vibration starts at 1.8, not at 0. Subtract it from the limit first.", 0.05),
        Mistake((4.5 + 1.8) / 0.15, "Subtract the baseline from the limit, do not add it.", 0.05),
        Mistake(1.8 + 0.15 * 4.5, "That puts the limit into the model as if it were hours. Solve 1.8 + 0.15 × h = 4.5 for h.", 0.01),
    ],
    hints=[
        "Write the equation: 1.8 + 0.15 × h = 4.5.",
        "Subtract 1.8 from both sides, then divide by 0.15.",
    ],
    solution="1.8 + 0.15 × h = 4.5, so h = (4.5 − 1.8) / 0.15 = 2.7 / 0.15 = 18 running hours.",
)

# -- exercises -----------------------------------------------------------------

levels = MultipleChoice(
    id="twins-levels",
    prompt=(
        "In a cement plant, temperature sensors in the kiln send readings to a computer model every minute. "
        "The model compares them with what it expects and automatically adjusts the fuel feed of the real "
        "kiln. Which level is this?"
    ),
    choices=[
        Choice("A digital model.", feedback="A digital model gets no data automatically; here readings flow in every minute."),
        Choice("A digital shadow.", feedback="In a shadow, data flows only from the kiln to the model. Here the model also acts on the kiln."),
        Choice("A digital twin.", correct=True,
               feedback="Yes: data flows automatically both ways, from the kiln to the model and from the model back to the kiln."),
        Choice("None: it is only a simulation.",
               feedback="A simulation can sit inside any of the three levels; the level depends on how data flows between the model and the kiln."),
    ],
    hints=[
        "Does data flow automatically from the kiln to the model?",
        "Does anything flow automatically from the model back to the kiln?",
    ],
    solution="C. Automatic data flow both ways makes it a digital twin.",
)

remaining_hours = Numeric(
    id="twins-remaining-hours",
    prompt=(
        "A twin calibrated on a conveyor motor says: vibration = 2.1 + 0.12 × running hours since the last "
        "service (in mm/s). The service limit is 4.5 mm/s. The motor has already run 8 hours since its last "
        "service. How many MORE running hours until the twin expects the limit?"
    ),
    answer=(4.5 - 2.1) / 0.12 - 8,
    tolerance=0.05,
    unit="hours",
    bounds=(0, 1000),
    mistakes=[
        Mistake((4.5 - 2.1) / 0.12, "That is the total from the last service. The motor has already run 8 of those hours.", 0.05),
        Mistake(4.5 / 0.12 - 8, "You left out the baseline of 2.1 mm/s: the vibration does not start at 0.", 0.05),
        Mistake(4.5 / 0.12, "You left out the baseline, and the 8 hours already run.", 0.05),
        Mistake((4.5 + 2.1) / 0.12 - 8, "Subtract the baseline from the limit, do not add it.", 0.05),
    ],
    hints=[
        "First find when the model reaches 4.5: solve 2.1 + 0.12 × h = 4.5.",
        "Then take away the 8 hours the motor has already run.",
    ],
    solution="h = (4.5 − 2.1) / 0.12 = 20 running hours from the service; 20 − 8 = 12 more running hours.",
    explanation="The twin gives the maintenance team about 12 running hours of warning: time to get the part and plan the stop.",
)


# `fit_error` is checked on cycles of simulated weeks that the notebooks do not show,
# with models that fit well and models that fit badly.


def fit_error_reference(observed, model) -> float:
    """Mean squared error between observed values and model values (the reference solution)."""
    o = np.asarray(observed, dtype=float)
    m = np.asarray(model, dtype=float)
    return float(np.mean((o - m) ** 2))


def _fit_error_cases() -> list[tuple]:
    cases = []
    for seed, cycle, baseline, slope in ((3, 1, 2.0, 0.08), (5, 2, 1.5, 0.2), (11, 1, 2.3, 0.0)):
        log = sensor_log(simulate_line(168, maintenance="predictive", seed=seed))
        first = log[(log["cycle"] == cycle) & (log["run_hours"] < 12)]
        model = vibration_model(first["run_hours"], baseline, slope)
        cases.append((first["vibration_mm_s"].reset_index(drop=True), model))
    return cases


def _compare_fit_error(got: object, expected: float) -> Feedback:
    fb = compare_value(got, expected, rtol=1e-6, what=N_("the fit error"))
    if fb.correct or fb.status == "unreadable":
        return fb
    value, _note = parse_number(got)
    if math.isclose(value, math.sqrt(expected), rel_tol=1e-6):
        return Feedback("incorrect", _("That is the square root of the mean squared error. Return the mean of the squared gaps, without the root."))
    return fb


fit_error_task = CodeTask(
    id="twins-fit-error",
    prompt=(
        "Write a function `fit_error(observed, model)` that returns the mean squared error: the mean of "
        "(observed − model)² over all readings. `observed` and `model` are equally long sequences of numbers "
        "(a pandas Series, a numpy array or a list)."
    ),
    name="fit_error",
    cases=_fit_error_cases,
    reference=fit_error_reference,
    compare=_compare_fit_error,
    stub="def fit_error(observed, model):\n    ...  # replace ... with your code\n",
    hints=[
        "Turn both into numpy arrays with `np.asarray(...)`, so that you can subtract them element by element.",
        "Subtract, square with `** 2`, then take the mean with `np.mean(...)`.",
        "Return a single number: `return float(np.mean((o - m) ** 2))`.",
    ],
    solution=(
        "def fit_error(observed, model):\n"
        "    o = np.asarray(observed, dtype=float)\n"
        "    m = np.asarray(model, dtype=float)\n"
        "    return float(np.mean((o - m) ** 2))"
    ),
)


def _week4_first_hours():
    log = sensor_log(simulate_line(168, maintenance="predictive", seed=4))
    cycle = log[log["cycle"] == 2]
    return cycle, cycle[cycle["run_hours"] < 12]


def slope_week4_reference() -> float:
    """Least-squares slope of cycle 2 of week 4, first 12 running hours (mm/s per hour)."""
    _cycle, first = _week4_first_hours()
    return calibrate(first["run_hours"], first["vibration_mm_s"]).slope


def _compare_slope(got: object, expected: float) -> Feedback:
    fb = compare_value(got, expected, rtol=0, atol=5e-4, what="`slope_week4`")
    if fb.correct or fb.status == "unreadable":
        return fb
    value, _note = parse_number(got)
    cycle, first = _week4_first_hours()
    baseline = calibrate(first["run_hours"], first["vibration_mm_s"]).baseline
    whole = calibrate(cycle["run_hours"], cycle["vibration_mm_s"]).slope
    if abs(value - baseline) < 5e-3:
        return Feedback("incorrect", _("That is the baseline (the intercept). `np.polyfit(x, y, 1)` returns [slope, baseline]: take the first number."))
    if abs(value - whole) < 5e-4:
        return Feedback("incorrect", _("You used the whole cycle. The twin is calibrated on the first 12 running hours only (run_hours 0 to 11)."))
    return fb


slope_task = CodeTask(
    id="twins-slope-week4",
    prompt=(
        "Another simulated week (predictive maintenance, seed 4). Calibrate the twin on cycle 2, using only "
        "its first 12 running hours (`run_hours` 0 to 11), and store the calibrated slope, in mm/s per "
        "running hour, in `slope_week4`."
    ),
    name="slope_week4",
    expected=slope_week4_reference,
    compare=_compare_slope,
    stub="slope_week4 = ...\n",
    hints=[
        "Make the log with `sensor_log(simulate_line(168, maintenance='predictive', seed=4))`.",
        "Keep the rows with `cycle == 2` and `run_hours < 12`.",
        "`np.polyfit(x, y, 1)` returns [slope, baseline]; or use `calibrate(x, y).slope`.",
    ],
    solution=(
        "from smartindustry.models.industry40 import simulate_line\n"
        "from smartindustry.models.twins import sensor_log\n"
        "log4 = sensor_log(simulate_line(168, maintenance='predictive', seed=4))\n"
        "first = log4[(log4['cycle'] == 2) & (log4['run_hours'] < 12)]\n"
        "slope_week4, baseline_week4 = np.polyfit(first['run_hours'], first['vibration_mm_s'], 1)"
    ),
)

cannot_know = MultipleChoice(
    id="twins-cannot-know",
    prompt=(
        "You calibrated the twin on the first 12 running hours of a cycle. Which of these can the twin NOT "
        "know from its data? Select all that apply."
    ),
    choices=[
        Choice(
            "How fast the machine will wear after the next service, before it has seen any readings of the new cycle.",
            correct=True,
            feedback="Each service starts a new cycle with its own wear rate; the old calibration drifts away from the machine until new readings arrive.",
        ),
        Choice(
            "A failure from a cause outside its model, such as a power cut or a broken belt.",
            correct=True,
            feedback="The twin knows only what its model contains and its sensors measure.",
        ),
        Choice(
            "The vibration its own model expects after 20 running hours.",
            feedback="It can compute that at once: baseline + slope × 20. Whether the machine agrees is another matter.",
        ),
        Choice(
            "How far its model was from the readings in the calibration hours.",
            feedback="It can measure that: it is the fit error (the mean squared error) on those hours.",
        ),
    ],
    multiple=True,
    hints=[
        "The twin can compute anything from its model and the readings it has. What is in neither?",
        "Two options describe things that have not been measured yet, or that the model does not contain.",
    ],
    solution=(
        "A and B. A twin cannot see what its sensors do not measure or its model does not contain, and after a "
        "service its old calibration no longer fits: it has to be calibrated again on new readings."
    ),
)
