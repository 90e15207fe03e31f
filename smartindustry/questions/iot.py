"""Questions for the chapter "IoT and data on the factory floor" and its exercises."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..exercises import (
    Choice,
    CodeTask,
    Feedback,
    Mistake,
    MultipleChoice,
    Numeric,
    ShortText,
    compare_frames,
    compare_value,
)
from ..i18n import N_, gettext as _
from ..models.iot import alarm_starts, rolling_alarm, simulate_sensors

# -- self-checks in the chapter --------------------------------------------------

sampling_spike = MultipleChoice(
    id="iot-sampling-spike",
    prompt=(
        "A knock makes a pump vibrate hard for 2 minutes. Its vibration sensor sends one reading every "
        "15 minutes. What will the data most likely show?"
    ),
    choices=[
        Choice(
            "The knock, at its true height.",
            feedback="Only if a reading happens to fall inside the 2 minutes, and most of the time none does.",
        ),
        Choice(
            "Nothing: the knock most likely falls between two readings.",
            correct=True,
            feedback="Yes. A sensor only sees the moments it samples; an event shorter than the gap between "
            "readings is usually missed.",
        ),
        Choice(
            "The knock, stretched to 15 minutes.",
            feedback="A reading is one moment, not an average over 15 minutes; at most one reading would catch the knock.",
        ),
        Choice(
            "A less accurate sensor.",
            feedback="Accuracy is how close each reading is to the truth. The sampling rate decides which moments are read at all.",
        ),
    ],
    hints=["A reading is taken at one moment. How often does a moment fall inside a 2-minute knock, if readings are 15 minutes apart?"],
    solution="B. With a reading every 15 minutes, a 2-minute event is caught by a reading only about 2 times in 15.",
)

lpwan_fit = MultipleChoice(
    id="iot-lpwan-fit",
    prompt=(
        "Which connectivity option is designed for small messages from battery-powered sensors spread over "
        "several kilometres, at a low data rate?"
    ),
    choices=[
        Choice("Wi-Fi.", feedback="Wi-Fi carries much more data, but over tens of metres, and it needs more power."),
        Choice(
            "A low-power wide-area network (LPWAN), such as LoRaWAN or NB-IoT.",
            correct=True,
            feedback="Yes: LPWANs trade data rate for range and battery life.",
        ),
        Choice("Wired Ethernet.", feedback="A cable is fast and reliable, but laying it over kilometres of fields is costly."),
        Choice("A 4G connection streaming video.", feedback="4G carries much more data, but a 4G modem uses more power and needs a 4G signal."),
    ],
    hints=["Which option has 'low power' and 'wide area' in its name?"],
    solution="B. A low-power wide-area network such as LoRaWAN or NB-IoT.",
)

coverage_meaning = MultipleChoice(
    id="iot-coverage-meaning",
    prompt=(
        "In 2021, 100 % of Greenland's population lived within reach of a 4G network. A mining company plans a "
        "site far from any town in Greenland. What does this number tell it about a 4G signal at the site?"
    ),
    choices=[
        Choice(
            "The site will have 4G: 100 % means everywhere.",
            feedback="100 % of the people, not of the land. People live in a few towns; the signal follows them.",
        ),
        Choice(
            "Very little: the indicator counts people where they live, not land. The company needs coverage maps "
            "or a test on site.",
            correct=True,
            feedback="Yes. Population coverage says where people can connect, not where a mine, a farm or a pipeline can.",
        ),
        Choice(
            "The site will have at least 2G.",
            feedback="2G coverage is also a share of the people. It says nothing about an empty place either.",
        ),
        Choice(
            "The number is wrong: no country has 100 % coverage.",
            feedback="Small countries and countries whose people live in a few towns can reach 100 % of the population.",
        ),
    ],
    hints=["Read the indicator's name: 'population covered by ...'. Who lives at a remote mine site?"],
    solution="B. Population coverage is a share of people, weighted by where they live; it says little about empty land.",
)

farm_kilobytes = Numeric(
    id="iot-farm-kilobytes",
    prompt=(
        "A farm has 40 soil-moisture sensors. Each sends one message every 15 minutes, of 20 bytes (the "
        "reading, the time, the sensor's number and the radio's own extra bytes). How many kilobytes do they "
        "send in a day, all together? (1 kB = 1,000 bytes.)"
    ),
    answer=40 * 96 * 20 / 1000,
    tolerance=0.05,
    unit="kB",
    bounds=(0, 1e9),
    mistakes=[
        Mistake(40 * 96 * 20, "That is in bytes. Divide by 1,000 for kilobytes.", 0.5),
        Mistake(40 * 24 * 20 / 1000, "That is one message an hour. Every 15 minutes is 4 an hour, 96 a day.", 0.05),
        Mistake(40 * 1440 * 20 / 1000, "That is one message a minute. Every 15 minutes is 96 a day.", 0.5),
        Mistake(96 * 20 / 1000, "That is one sensor. Multiply by the 40 sensors.", 0.01),
        Mistake(40 * 96 * 20 / 1024, "You divided by 1,024. The question defines 1 kB as 1,000 bytes.", 0.05),
    ],
    hints=[
        "First count the messages a day from one sensor: 24 hours × 4 messages an hour.",
        "Then: sensors × messages a day × bytes per message, and divide by 1,000.",
    ],
    solution="40 sensors × 96 messages a day × 20 bytes = 76,800 bytes = 76.8 kB a day.",
    explanation="Small enough for a low-power wide-area network: data volume is rarely the problem for slow sensors.",
)

rows_15min = Numeric(
    id="iot-rows-15min",
    prompt=(
        "The pump's record has one reading a minute for 7 days. After `data.resample('15min').mean()`, how many "
        "rows does the table have?"
    ),
    answer=7 * 24 * 4,
    tolerance=0.5,
    unit="rows",
    bounds=(0, 1e6),
    mistakes=[
        Mistake(7 * 24, "That is the number of hours. Each hour has four 15-minute periods.", 0.5),
        Mistake(7 * 24 * 60, "That is the number of minutes: the table before resampling.", 0.5),
        Mistake(24 * 4, "That is one day. The record is 7 days long.", 0.5),
    ],
    hints=["How many 15-minute periods are there in an hour? In a day?", "4 an hour × 24 hours × 7 days."],
    solution="4 periods an hour × 24 hours × 7 days = 672 rows.",
)

why_rolling = MultipleChoice(
    id="iot-why-rolling",
    prompt=(
        "In the worked example, at the same limit of 4.0 mm/s, single readings gave 70 false alarms and the "
        "60-minute rolling mean gave none. Why?"
    ),
    choices=[
        Choice(
            "A mean of 60 readings averages out noise and short spikes, so only a rise that lasts pushes it over the limit.",
            correct=True,
            feedback="Yes. One knock of 2 minutes moves a 60-minute mean only a little.",
        ),
        Choice(
            "The rolling mean leaves out the readings above the limit.",
            feedback="It keeps every reading present in the window, high or low; it averages them.",
        ),
        Choice(
            "The rolling mean uses a higher limit.",
            feedback="Both rules used the same limit, 4.0 mm/s. What differs is the number they compare with it.",
        ),
        Choice(
            "The rolling mean is only computed in daytime.",
            feedback="It is computed at every reading, day and night.",
        ),
    ],
    hints=["What happens to one high reading when you average it with 59 normal ones?"],
    solution="A. Averaging smooths out noise and short spikes; a fault that lasts still raises the mean.",
)

demo_cost = Numeric(
    id="iot-demo-cost",
    prompt=(
        "With the chapter's assumed costs (a false alarm USD 200, a planned repair USD 2,000, a missed failure "
        "USD 10,000), what does a rule cost that gives 6 false alarms and catches all 5 failures in time? Answer in US dollars."
    ),
    answer=6 * 200 + 5 * 2000,
    tolerance=1,
    unit="USD",
    bounds=(0, 1e7),
    mistakes=[
        Mistake(6 * 200, "You counted only the false alarms. The 5 planned repairs cost money too.", 1),
        Mistake(5 * 2000, "You counted only the repairs. Add the 6 false alarms.", 1),
        Mistake(6 * 200 + 5 * 10000, "The failures were caught in time, so each costs a planned repair, not a missed failure.", 1),
    ],
    hints=["Cost = false alarms × their cost + failures caught × the cost of a planned repair."],
    solution="6 × USD 200 + 5 × USD 2,000 = USD 11,200.",
)

# -- exercises -----------------------------------------------------------------


def hourly_above_reference(data: pd.DataFrame, column: str, threshold: float) -> pd.Series:
    """Hourly means of ``column`` for the hours whose mean is above ``threshold`` (the reference solution)."""
    hourly = data[column].resample("h").mean()
    return hourly[hourly > threshold]


def _as_table(value: Any, column: str) -> Any:
    """A Series or DataFrame with a time index, as a table with the columns ``timestamp`` and ``column``."""
    if isinstance(value, pd.Series):
        value = value.rename(column if value.name is None else value.name).to_frame()
    if isinstance(value, pd.DataFrame) and isinstance(value.index, pd.DatetimeIndex):
        value = value.rename_axis("timestamp").reset_index()
    return value


def _compare_hours(got: Any, expected: pd.Series) -> Feedback:
    column = str(expected.name)
    if not isinstance(got, (pd.Series, pd.DataFrame)):
        return Feedback("unreadable", _("`hourly_above` should return a pandas Series (or table), not {type}.").format(
            type=type(got).__name__))
    got_table = _as_table(got, column)
    if len(got_table) > 3 * max(len(expected), 1) + 24 and len(got_table) > 200:
        return Feedback(
            "incorrect",
            _("Your result has {rows} rows: are these minutes? Resample to hourly means first, then keep the hours "
              "above the threshold.").format(rows=len(got_table)),
        )
    return compare_frames(got_table, _as_table(expected, column), what=N_("your result"))


hourly_above_task = CodeTask(
    id="iot-hourly-above",
    prompt=(
        "Write a function `hourly_above(data, column, threshold)` that resamples the column `column` of a "
        "sensor record `data` (one reading a minute, time index) to hourly means, and returns the hourly means "
        "that are above `threshold`, with their times."
    ),
    name="hourly_above",
    cases=lambda: [
        (simulate_sensors(seed=42), "vibration_mm_s", 4.0),
        (simulate_sensors(4, seed=3, fault_start_day=2.0), "temperature_c", 56.0),
        (simulate_sensors(seed=8, fault_start_day=None), "current_a", 22.5),
    ],
    reference=hourly_above_reference,
    compare=_compare_hours,
    stub="def hourly_above(data, column, threshold):\n    ...  # replace ... with your code\n",
    hints=[
        "`data[column].resample('h').mean()` gives one mean an hour.",
        "Keep the hours above the threshold with a condition in square brackets: `hourly[hourly > threshold]`.",
        "Do not forget `return`.",
    ],
    solution=(
        "def hourly_above(data, column, threshold):\n"
        "    hourly = data[column].resample('h').mean()\n"
        "    return hourly[hourly > threshold]"
    ),
)


def _rolling_alarm_count() -> int:
    week = simulate_sensors(seed=7)
    return len(alarm_starts(rolling_alarm(week["vibration_mm_s"], 3.5, 30)))


def _compare_alarm_count(got: Any, expected: int) -> Feedback:
    fb = compare_value(got, expected, rtol=0, atol=0.5, what="`n_alarms`")
    if fb.correct or fb.status == "unreadable":
        return fb
    week = simulate_sensors(seed=7)
    minutes = int(rolling_alarm(week["vibration_mm_s"], 3.5, 30).sum())
    raw = len(alarm_starts(week["vibration_mm_s"].gt(3.5)))
    value = float(got)
    if value == minutes:
        return Feedback(
            "incorrect",
            _("That is the number of minutes in alarm. Count only the minutes at which the alarm goes on "
              "(in alarm now, not in alarm the minute before)."),
        )
    if value == raw:
        return Feedback("incorrect", _("That counts alarms on single readings. Use the 30-minute rolling mean."))
    return fb


alarm_count_task = CodeTask(
    id="iot-alarm-count",
    prompt=(
        "For the pump record `week`, compute the 30-minute rolling mean of `vibration_mm_s` (with at least 15 "
        "readings in the window), raise an alarm when it is above 3.5 mm/s, and count the alarms: the times "
        "the alarm goes on. Store the count in `n_alarms`."
    ),
    name="n_alarms",
    expected=_rolling_alarm_count,
    compare=_compare_alarm_count,
    stub="n_alarms = ...\n",
    hints=[
        "`week['vibration_mm_s'].rolling('30min', min_periods=15).mean()` gives the rolling mean; compare it with 3.5.",
        "An alarm goes on where the alarm is True now and was False one reading before: `alarm & ~alarm.shift(1, fill_value=False)`.",
        "Add up the True values with `.sum()`.",
    ],
    solution=(
        "from smartindustry.models.iot import simulate_sensors\n"
        "week = simulate_sensors(seed=7)\n"
        "mean = week['vibration_mm_s'].rolling('30min', min_periods=15).mean()\n"
        "alarm = mean > 3.5\n"
        "n_alarms = int((alarm & ~alarm.shift(1, fill_value=False)).sum())"
    ),
)

plant_megabytes = Numeric(
    id="iot-plant-megabytes",
    prompt=(
        "A cement plant fits 60 sensors. Each sends one reading a second, and each reading takes 10 bytes "
        "(value, time and sensor number). How many megabytes do they produce in a day? (1 MB = 1,000,000 bytes.)"
    ),
    answer=60 * 86_400 * 10 / 1e6,
    tolerance=0.05,
    unit="MB",
    bounds=(0, 1e9),
    mistakes=[
        Mistake(
            60 * 1440 * 10 / 1e6,
            "That is 864,000 bytes: one reading a minute from all 60 sensors, or one reading a second from a "
            "single sensor. Use one reading a second (86,400 a day) and all 60 sensors.",
            0.01,
        ),
        Mistake(60 * 3600 * 10 / 1e6, "That is one hour. A day has 24 hours: 86,400 seconds.", 0.05),
        Mistake(60 * 86_400 * 10 / 2**20, "You divided by 1,048,576. The question defines 1 MB as 1,000,000 bytes.", 0.05),
        Mistake(60 * 86_400 * 10 * 8 / 1e6, "That is in megabits (you multiplied by 8). Give megabytes.", 0.5),
        Mistake(60 * 86_400 * 10, "That is in bytes. Divide by 1,000,000 for megabytes.", 1000),
    ],
    hints=[
        "A day has 24 × 60 × 60 = 86,400 seconds.",
        "Sensors × readings a day × bytes a reading gives bytes; divide by 1,000,000.",
    ],
    solution="60 × 86,400 × 10 bytes = 51,840,000 bytes = 51.84 MB a day.",
    explanation="About 52 MB a day: easy for a cable or Wi-Fi, but a heavy load for a metered mobile link, and far too much for an LPWAN.",
)

irrigation_setup = MultipleChoice(
    id="iot-irrigation-setup",
    prompt=(
        "A farmers' cooperative in rural Zambia runs 30 solar-powered irrigation pumps on fields spread over "
        "several kilometres. Each pump should report its vibration, current and water flow a few times an hour, "
        "and raise an alarm when something goes wrong. The village has a 2G signal, but many fields have none, "
        "and there is no power line to the fields. Which set-up fits best?"
    ),
    choices=[
        Choice(
            "Each pump streams its raw vibration waveform to a cloud service over 4G.",
            feedback="There is no 4G at the fields, a 4G modem needs more power than a small solar panel may give, "
            "and streaming raw data would cost a lot.",
        ),
        Choice(
            "A small computer at each pump computes summaries and alarms (edge); the summaries travel over a LoRaWAN "
            "network to one gateway in the village, which forwards them over the mobile network.",
            correct=True,
            feedback="Yes: little data, low power, long range, and alarms that still work at the pump when the link is down.",
        ),
        Choice(
            "A Wi-Fi access point at every field.",
            feedback="Wi-Fi reaches tens of metres, so the fields would need many access points, each with power and a link of its own.",
        ),
        Choice(
            "A wired fieldbus between all the pumps.",
            feedback="Cables over kilometres of fields are costly to lay and protect; a fieldbus suits machines close together in a plant.",
        ),
    ],
    hints=[
        "List the constraints: distance, power, data volume, the signal at the fields.",
        "Which option sends little data, far, on little power, and keeps working when the link is down?",
    ],
    solution="B. Edge summaries over a LoRaWAN network, with one gateway where the mobile signal is.",
)

drift_word = ShortText(
    id="iot-drift",
    prompt=(
        "A temperature sensor on a kiln reads a little higher every month, although the kiln is no hotter. "
        "A check against a reference thermometer shows that the error grows slowly over time. What is this slow "
        "change of a sensor's readings called?"
    ),
    accepted=["drift", "sensor drift", "calibration drift", "a drift"],
    wrong={
        "noise": "Noise is random: readings jump up and down around the true value. This error grows steadily in one direction.",
        "offset": "An offset (or bias) is a fixed error. This one grows with time.",
        "bias": "A bias (or offset) is a fixed error. This one grows with time.",
        "spike": "A spike is a short jump. This error grows slowly over months.",
        "accuracy": "Accuracy is how close readings are to the truth. What do we call it when the error slowly grows?",
    },
    hints=["The readings slowly wander away from the truth, as a boat does without an anchor."],
    solution="Drift (sensor drift). It is corrected by calibrating the sensor against a reference now and then.",
)

knife_edge = MultipleChoice(
    id="iot-knife-edge",
    prompt=(
        "In the demo, with 8 hours of warning needed, the cheapest rule is 4.0 mm/s with a 240-minute mean: "
        "no false alarms, and every failure caught in time. Move the threshold one step up, to 4.25 mm/s, with the "
        "same window. What happens, and what does it teach?"
    ),
    choices=[
        Choice(
            "Nothing changes: a quarter of a mm/s does not matter.",
            feedback="Look again at the failures caught in time and at the cost.",
        ),
        Choice(
            "Two failures are now warned too late, and the cost jumps from USD 10,000 to USD 26,000: the cheapest rule "
            "sits next to a cliff, so a plant should keep a safety margin and test the rule on more pumps.",
            correct=True,
            feedback="Yes. A rule tuned on ten simulated pumps fits those ten; new pumps will differ a little.",
        ),
        Choice(
            "The false alarms rise sharply.",
            feedback="A higher threshold gives fewer false alarms, not more. What else changes?",
        ),
        Choice(
            "It shows that the cheapest rule is the same whatever the costs and the warning needed.",
            feedback="Set the warning needed to 24 hours: the cheapest rule moves to a much lower threshold.",
        ),
    ],
    hints=["Compare 'failures caught in time' and 'cost' at 4.0 and at 4.25 mm/s."],
    solution=(
        "B. At 4.25 mm/s with a 240-minute mean, 3 of 5 failures are caught in time: cost 3 × USD 2,000 + 2 × USD 10,000 "
        "= USD 26,000. The best setting is close to settings that miss failures."
    ),
)
