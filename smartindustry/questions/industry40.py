"""Questions for the chapter "Industry 4.0 fundamentals" and its exercises."""

from __future__ import annotations

import pandas as pd

from ..exercises import (
    Choice,
    CodeTask,
    Feedback,
    Mistake,
    MultipleChoice,
    Numeric,
    ShortText,
    compare_value,
)
from ..i18n import gettext as _
from ..models.industry40 import simulate_line

# -- self-checks in the chapter --------------------------------------------------

third_revolution = MultipleChoice(
    id="i40-third-revolution",
    prompt="Which technology is the mark of the third industrial revolution?",
    choices=[
        Choice("The steam engine.", feedback="Steam power drove the first industrial revolution, from the late 1700s."),
        Choice("Electricity and the moving assembly line.", feedback="These belong to the second revolution, around 1870 to 1914."),
        Choice(
            "Electronics and computers, such as the programmable logic controller.",
            correct=True,
            feedback="From about 1970, electronics and IT automated single machines and steps.",
        ),
        Choice("Machines linked by data that learn and decide.", feedback="That is the fourth: Industry 4.0."),
    ],
    hints=["The revolutions follow each other: steam, electricity, then ...?"],
    solution="C. Electronics and computers.",
)

sensor_word = ShortText(
    id="i40-sensor",
    prompt="What do we call a device that measures something physical, such as vibration, and turns it into data?",
    accepted=["sensor", "a sensor", "sensors", "transducer"],
    wrong={
        "actuator": "An actuator does the opposite: it turns a command into movement.",
        "IoT": "The Internet of Things links such devices; what is the device itself called?",
        "PLC": "A PLC controls a machine; it reads data from another device. Which one?",
    },
    hints=["It is the S in many IoT diagrams: it 'senses'."],
    solution="A sensor.",
)

oee_from_factors = Numeric(
    id="i40-oee-factors",
    prompt=(
        "A machine ran 90 % of the planned time (availability), at 80 % of its ideal speed while "
        "running (performance), and 95 % of its parts were good (quality). What is its OEE, in percent?"
    ),
    answer=0.90 * 0.80 * 0.95 * 100,
    tolerance=0.15,
    unit="%",
    bounds=(0, 100),
    mistakes=[
        Mistake((90 + 80 + 95) / 3, "That is the average of the three factors. OEE multiplies them.", 0.2),
        Mistake(0.90 * 0.80 * 0.95, "That is OEE as a fraction; give it in percent (multiply by 100).", 0.002),
        Mistake(90 * 80 * 95, "Multiply the fractions (0.90 × 0.80 × 0.95), not the percentages.", 1.0),
    ],
    hints=["OEE = availability × performance × quality.", "0.90 × 0.80 × 0.95 = ?, then × 100."],
    solution="0.90 × 0.80 × 0.95 = 0.684, so OEE = 68.4 %.",
    explanation="Each loss multiplies: three factors that each look good can give a modest OEE.",
)

best_policy = MultipleChoice(
    id="i40-best-policy",
    prompt=(
        "In the simulation, averaged over many weeks, which maintenance policy gives the highest OEE "
        "when the wear rate changes from one cycle to the next?"
    ),
    choices=[
        Choice("Reactive: repair only after a breakdown.", feedback="Each breakdown stops the line for hours; this policy loses the most time."),
        Choice("Preventive: a service every 24 running hours.", feedback="Better than reactive, but a fixed schedule services too early in slow cycles and too late in fast ones."),
        Choice(
            "Predictive: a service when vibration passes a limit.",
            correct=True,
            feedback="It services when the machine needs it, so it avoids most breakdowns and wastes few services.",
        ),
    ],
    hints=["Look at the table of average OEE by policy in the chapter."],
    solution="C. Predictive maintenance, in this model. Remember that it needs sensors, a connection and trained staff.",
)

# -- exercises -----------------------------------------------------------------

plc_revolution = MultipleChoice(
    id="i40-plc",
    prompt=(
        "A garment factory replaces the relays that switch its cutting machines with programmable "
        "logic controllers (PLCs), but the machines are not connected to any network. Which stage of "
        "industrial development does this step belong to?"
    ),
    choices=[
        Choice("The first industrial revolution.", feedback="The first revolution was mechanisation with water and steam power."),
        Choice("The second industrial revolution.", feedback="The second brought electricity and mass production; PLCs came later."),
        Choice("The third industrial revolution.", correct=True, feedback="PLCs are electronics automating single machines: the third revolution."),
        Choice("Industry 4.0.", feedback="Industry 4.0 needs machines that share data over a network; these machines are not connected."),
    ],
    hints=["Are the machines sharing data with each other or with software?", "Electronics without a network: which revolution?"],
    solution="C. Electronic control of single machines is the third revolution; Industry 4.0 would connect them.",
)

shift_oee = Numeric(
    id="i40-shift-oee",
    prompt=(
        "An 8-hour shift (480 minutes) is planned. The machine stops for 60 minutes. Its ideal speed is "
        "60 parts an hour. It makes 300 parts, of which 15 are defective. What is the OEE of the shift, in percent?"
    ),
    answer=285 / 480 * 100,
    tolerance=0.2,
    unit="%",
    bounds=(0, 100),
    mistakes=[
        Mistake(300 / 480 * 100, "You counted all 300 parts; OEE counts only good parts (quality).", 0.2),
        Mistake(300 / 420 * 100, "That is performance only (parts made / ideal parts in the running time).", 0.2),
        Mistake(420 / 480 * 100, "That is availability only. Multiply by performance and quality too.", 0.2),
    ],
    hints=[
        "Availability = running minutes / planned minutes = 420 / 480.",
        "Performance = 300 / (60 × 7 hours) and quality = 285 / 300.",
        "A shortcut: OEE = good parts / (ideal speed × planned time) = 285 / 480.",
    ],
    solution=(
        "Availability = 420/480 = 0.875; performance = 300/420 = 0.714; quality = 285/300 = 0.95. "
        "OEE = 0.875 × 0.714 × 0.95 = 0.594 = 59.4 %. The shortcut: 285 good parts out of the 480 "
        "the machine could have made in the whole shift."
    ),
)

maintenance_word = ShortText(
    id="i40-predictive",
    prompt=(
        "A mine in Zambia fits vibration sensors to its conveyor motors and services a motor when its "
        "readings start to rise, before it fails. What is this kind of maintenance called?"
    ),
    accepted=["predictive maintenance", "predictive", "condition-based maintenance", "condition based maintenance"],
    wrong={
        "preventive maintenance": "Preventive maintenance follows a fixed schedule. Here the sensor data decides.",
        "preventive": "Preventive maintenance follows a fixed schedule. Here the sensor data decides.",
        "reactive maintenance": "Reactive maintenance waits for the breakdown. Here the service comes before.",
        "reactive": "Reactive maintenance waits for the breakdown. Here the service comes before.",
    },
    hints=["The data is used to predict a failure."],
    solution="Predictive maintenance (also called condition-based maintenance).",
)

# `daily_summary` is checked on simulated weeks other than the one in the notebook,
# so that a table typed in by hand cannot pass.


def _breakdown_hours_reference(line: pd.DataFrame) -> int:
    return int((line["state"] == "breakdown").sum())


def _compare_breakdown_hours(got: object, expected: int) -> Feedback:
    fb = compare_value(got, expected, rtol=0, atol=0.5, what="`breakdown_hours`")
    if not fb.correct and fb.status != "unreadable" and float(got) == 168 - expected:  # type: ignore[arg-type]
        return Feedback("incorrect", _("That is the number of hours the line was NOT broken down. Keep the rows whose state is 'breakdown'."))
    return fb


breakdown_hours_task = CodeTask(
    id="i40-breakdown-hours",
    prompt=(
        "The table `line` has one row for each hour of the simulated week. Count the hours in which "
        "the line was broken down (column `state` equal to `'breakdown'`) and store the count in `breakdown_hours`."
    ),
    name="breakdown_hours",
    expected=lambda: _breakdown_hours_reference(simulate_line(168, maintenance="reactive", seed=9)),
    compare=_compare_breakdown_hours,
    stub="breakdown_hours = ...\n",
    hints=[
        "`line['state'] == 'breakdown'` gives True for each breakdown hour.",
        "Adding up True/False values counts the True ones: `.sum()`.",
    ],
    solution="breakdown_hours = (line['state'] == 'breakdown').sum()",
)


def daily_summary_reference(line: pd.DataFrame) -> pd.DataFrame:
    """Units made, defective and good per calendar day (the reference solution)."""
    days = line.assign(date=line["timestamp"].dt.date)
    out = days.groupby("date", as_index=False)[["units_made", "units_defective"]].sum()
    out["good_units"] = out["units_made"] - out["units_defective"]
    return out


daily_summary_task = CodeTask(
    id="i40-daily-summary",
    prompt=(
        "Write a function `daily_summary(line)` that returns one row per calendar day with the columns "
        "`date`, `units_made`, `units_defective` and `good_units` (made minus defective)."
    ),
    name="daily_summary",
    cases=lambda: [(simulate_line(hours, seed=seed),) for hours, seed in ((168, 9), (72, 3), (30, 5))],
    reference=daily_summary_reference,
    stub="def daily_summary(line):\n    ...  # replace ... with your code\n",
    hints=[
        "The day of a timestamp is `line['timestamp'].dt.date`. Add it as a column `date` first.",
        "Group by `date` and sum the two unit columns: `.groupby('date', as_index=False)[[...]].sum()`.",
        "Finally add `good_units` as the difference of the two sums, and `return` the table.",
    ],
    solution=(
        "def daily_summary(line):\n"
        "    days = line.assign(date=line['timestamp'].dt.date)\n"
        "    out = days.groupby('date', as_index=False)[['units_made', 'units_defective']].sum()\n"
        "    out['good_units'] = out['units_made'] - out['units_defective']\n"
        "    return out"
    ),
)

automation_reflection = MultipleChoice(
    id="i40-automation-reflection",
    prompt=(
        "In the demo, raising automation from 0 to 1 lifts performance and quality, but it does not change "
        "availability. What does this tell you about the model?"
    ),
    choices=[
        Choice("Automation can never reduce breakdowns in a real factory.", feedback="The model does not say that: it simply assumes automation does not change wear. A real line may differ."),
        Choice(
            "In this model, automation affects speed and defects only; breakdowns depend on maintenance.",
            correct=True,
            feedback="Yes: the assumptions are written in the simulation. Results follow from assumptions.",
        ),
        Choice("Availability cannot be measured on an automated line.", feedback="Availability is measured the same way on any line: running time over planned time."),
    ],
    hints=["Read the assumptions of `simulate_line`: what does `automation` change?"],
    solution="B. A simulation shows the consequences of its assumptions; here automation changes only speed and defect rate.",
)
