"""Questions for the chapter "Smart sustainable cities and resilient infrastructure" and its exercises."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..data import load_indicator
from ..exercises import (
    Choice,
    CodeTask,
    Feedback,
    Mistake,
    MultipleChoice,
    Numeric,
    ShortText,
    compare_frames,
)
from ..i18n import N_, gettext as _

# -- self-checks in the chapter --------------------------------------------------

ssc_definition = MultipleChoice(
    id="cities-ssc-definition",
    prompt=(
        "A mayor says: 'We bought 5,000 cameras and an app, so we are now a smart sustainable city.' "
        "Which part of the definition used by ITU and UNECE is the mayor leaving out?"
    ),
    choices=[
        Choice(
            "Nothing: a city with many digital devices is a smart sustainable city.",
            feedback="The definition is about what technology does for people: quality of life, efficient services, "
            "competitiveness, and the needs of future generations. Devices alone are not enough.",
        ),
        Choice(
            "The goals: better quality of life, efficient urban services and competitiveness, while meeting the "
            "economic, social, environmental and cultural needs of people today and in the future.",
            correct=True,
            feedback="Yes. ICTs are a means ('ICTs and other means'); the definition is judged by its goals, "
            "for today's and for future residents.",
        ),
        Choice(
            "A minimum population: only cities of over a million people can be smart sustainable cities.",
            feedback="The definition names no size. Small towns use the same indicators.",
        ),
        Choice(
            "Being built from scratch: only new cities can be smart and sustainable.",
            feedback="Most work is in existing cities, which improve the services they already run.",
        ),
    ],
    hints=["The definition says 'ICTs and other means to improve ...'. Improve what, and for whom?"],
    solution=(
        "B. A smart sustainable city uses ICTs and other means to improve quality of life, the efficiency of urban "
        "services and competitiveness, while meeting the needs of present and future generations."
    ),
)

sparse_years = MultipleChoice(
    id="cities-sparse-years",
    prompt=(
        "The table shows that 71.4 % of firms in Bangladesh had power outages (survey of 2022) and 82.5 % in "
        "Nigeria (survey of 2025). What is the fairest way to use these two numbers?"
    ),
    choices=[
        Choice(
            "Say that Bangladesh's power supply is better than Nigeria's today.",
            feedback="The surveys are three years apart, and Bangladesh may have changed since 2022. Name the years.",
        ),
        Choice(
            "Compare them, but always with their survey years, and say that firms in both countries very often "
            "faced outages in the year of their survey.",
            correct=True,
            feedback="Yes. Enterprise surveys are run every few years, in different years in each country: the "
            "year belongs with the number.",
        ),
        Choice(
            "Treat a missing year as 0 % and fill the gaps.",
            feedback="Missing is not zero: no survey that year does not mean no outages.",
        ),
        Choice(
            "Do not use them: data from different years can never be compared.",
            feedback="They can be compared with care. Saying the years is what makes it honest.",
        ),
    ],
    hints=["Look at the year column. What may have happened between 2022 and 2025?"],
    solution="B. Compare with the years named; both numbers say outages were common for firms in the survey year.",
)

parallel_hours = Numeric(
    id="cities-parallel-hours",
    prompt=(
        "A factory has two feeders from different substations. Each one is up 97 % of the time, and they fail "
        "independently. The factory loses grid power only when both are down. How many hours a year "
        "(8,760 hours) is it without grid power, on average?"
    ),
    answer=(1 - 0.97) ** 2 * 8760,
    tolerance=0.1,
    unit="hours",
    bounds=(0, 8760),
    mistakes=[
        Mistake(0.03 * 8760, "That is one feeder alone. Both must be down at the same time: 0.03 × 0.03 of the year.", 0.5),
        Mistake(2 * 0.03 * 8760, "You added the two feeders' hours. The factory is dark only when both are down at once.", 0.5),
        Mistake(0.03 * 0.03, "That is the share of the year (0.0009). Multiply by 8,760 hours.", 0.00005),
        Mistake(0.97 * 0.97 * 8760, "That is the hours when both feeders are up. The factory is dark only when both are down.", 1),
        Mistake(0.09, "That is the share in percent (0.09 %). Give hours: 0.0009 × 8,760.", 0.001),
    ],
    hints=[
        "Each feeder is down 3 % of the time: 0.03.",
        "If they fail independently, both are down 0.03 × 0.03 = 0.0009 of the time. Multiply by 8,760.",
    ],
    solution="0.03 × 0.03 × 8,760 = 7.9 hours a year, against 263 hours with one feeder.",
    explanation="Redundancy multiplies small chances, but only if the two parts do not fail for the same reason.",
)

common_cause = MultipleChoice(
    id="cities-common-cause",
    prompt=(
        "In the 'storms' year, giving all 20 factories a second feeder cut the hours without power only a little, "
        "and the total cost went up. Why?"
    ),
    choices=[
        Choice(
            "The second feeders are of poorer quality than the first ones.",
            feedback="In the model both feeders fail at the same rate. What else do they share?",
        ),
        Choice(
            "Most of the lost hours came from storms that cut every feeder of the zone at once, so a second "
            "feeder was down exactly when it was needed.",
            correct=True,
            feedback="Yes: a common cause defeats redundancy of the same kind. A generator on site does not depend "
            "on the grid, so it helps.",
        ),
        Choice(
            "The factories used more power during storms.",
            feedback="Demand is flat in the model: the same kW every hour.",
        ),
        Choice(
            "Second feeders never help.",
            feedback="In the weak-grid year, second feeders were the cheapest protection. It depends on why the power fails.",
        ),
    ],
    hints=["When a storm cuts the zone, what happens to the first feeder and to the second?"],
    solution="B. Zone-wide storms take down both feeders together: a common-cause failure.",
)

storm_value = MultipleChoice(
    id="cities-storm-value",
    prompt=(
        "In the demo, with the 'storms' grid, set the value of lost power to USD 0.5, then 1.5, then 5 a "
        "kilowatt-hour. What happens to the cheapest plan of the grid?"
    ),
    choices=[
        Choice(
            "It stays the same: the best protection does not depend on what an outage costs.",
            feedback="Move the value of lost power and read the last line of the result again.",
        ),
        Choice(
            "At USD 0.5 no protection pays for itself; at USD 1.5 generators for the 15 largest factories; at USD 5 "
            "generators for all 20. Second feeders are never part of it.",
            correct=True,
            feedback="Yes. Protection is worth buying when the power it saves is worth more than it costs, and "
            "storms call for protection that does not depend on the grid.",
        ),
        Choice(
            "Second feeders for all 20 factories at every value.",
            feedback="With storms that cut both feeders, a second feeder saves little. Check the result again.",
        ),
        Choice(
            "The more an outage costs, the fewer generators are bought.",
            feedback="The other way round: costly outages justify more protection.",
        ),
    ],
    hints=["The cheapest plan is named in the last line of the demo's result. Try the three values one by one."],
    solution="B. 0 and 0 at USD 0.5; 0 feeders and 15 generators at USD 1.5; 0 and 20 at USD 5.",
)

# -- exercises -----------------------------------------------------------------


def latest_reference(df: pd.DataFrame) -> pd.DataFrame:
    """Each country's latest non-missing value, with its year (the reference solution)."""
    known = df.dropna(subset=["value"]).sort_values(["iso3", "year"])
    out = known.groupby("iso3", observed=True).tail(1)[["iso3", "year", "value"]]
    return out.assign(iso3=out["iso3"].astype(str)).reset_index(drop=True)


def _latest_cases() -> list[tuple[Any, ...]]:
    outages = load_indicator("firms_power_outages")
    lpi = load_indicator("logistics_performance", years=(2007, 2016))
    slums = load_indicator("slum_population_share")
    return [
        (outages[outages["iso3"].isin(["NGA", "BGD", "IND", "DEU", "BRA"])],),
        (lpi[lpi["iso3"].isin(["KEN", "ETH", "PER", "VNM"])],),
        (slums[slums["iso3"].isin(["IND", "PHL", "COL", "EGY"])],),
    ]


def _compare_latest(got: Any, expected: pd.DataFrame) -> Feedback:
    if isinstance(got, pd.DataFrame) and "iso3" in got.columns:
        if len(got) > len(expected) and {"year", "value"} <= set(got.columns):
            return Feedback(
                "incorrect",
                _("Your table has {rows} rows for {countries} countries: keep one row per country, its latest year.").format(
                    rows=len(got), countries=len(expected)),
            )
        if "year" not in got.columns:
            return Feedback("incorrect", _("Keep the column `year`: with sparse series, the year belongs with the value."))
    return compare_frames(got, expected, what=N_("your table"))


latest_task = CodeTask(
    id="cities-latest",
    prompt=(
        "Write a function `latest(df)` that takes a table from `load_indicator` (columns `iso3`, `year`, `value`, "
        "...) and returns each country's latest value that is not missing, with its year: one row per country, "
        "with the columns `iso3`, `year` and `value`."
    ),
    name="latest",
    cases=_latest_cases,
    reference=latest_reference,
    compare=_compare_latest,
    stub="def latest(df):\n    ...  # replace ... with your code\n",
    hints=[
        "Drop the rows with no value first: `df.dropna(subset=['value'])`.",
        "Sort by `year`, then keep the last row of each country: `.groupby('iso3', observed=True).tail(1)`.",
        "Keep the three columns: `[['iso3', 'year', 'value']]`, and do not forget `return`.",
    ],
    solution=(
        "def latest(df):\n"
        "    known = df.dropna(subset=['value']).sort_values('year')\n"
        "    return known.groupby('iso3', observed=True).tail(1)[['iso3', 'year', 'value']]"
    ),
)

chain_hours = Numeric(
    id="cities-chain-hours",
    prompt=(
        "A food-processing plant in Nairobi needs three services at once: grid power (up 97 % of the time), "
        "piped water (99 %) and an internet link for its orders (98 %). They fail independently. For how many "
        "hours a year (8,760 hours) is at least one of them down? Round to the nearest hour."
    ),
    answer=(1 - 0.97 * 0.99 * 0.98) * 8760,
    tolerance=1.0,
    unit="hours",
    bounds=(0, 8760),
    mistakes=[
        Mistake(
            (0.03 + 0.01 + 0.02) * 8760,
            "Close, but you added the hours of the three services: the hours when two are down at once are counted "
            "twice. Multiply the shares of time up: 0.97 × 0.99 × 0.98.",
            2.0,
        ),
        Mistake(0.03 * 8760, "That is the power alone. The plant needs all three services.", 1),
        Mistake(0.97 * 0.99 * 0.98 * 8760, "That is the hours when all three are up. Subtract it from 8,760.", 1),
        Mistake(100 * (1 - 0.97 * 0.99 * 0.98), "That is the percentage of the year (5.9 %). Give hours.", 0.1),
        Mistake(0.03 * 0.01 * 0.02 * 8760, "That is when all three are down at once. The plant stops if any one is down.", 0.01),
    ],
    hints=[
        "In a chain, the service is up only if every part is up: multiply 0.97 × 0.99 × 0.98.",
        "The share of the year with at least one down is 1 minus that product. Multiply by 8,760.",
    ],
    solution="0.97 × 0.99 × 0.98 = 0.9411; (1 − 0.9411) × 8,760 = 516 hours a year.",
    explanation="Parts in a chain add up their weaknesses: three good services give a plant that stops for three weeks a year.",
)

cold_store = MultipleChoice(
    id="cities-cold-store",
    prompt=(
        "A vaccine cold store in a coastal city is hit by one or two cyclones a year, which cut the power of the "
        "whole district for a day or more. The rest of the year the grid is fairly reliable. Which protection "
        "fits best?"
    ),
    choices=[
        Choice(
            "A second feeder from another substation of the district.",
            feedback="A cyclone cuts the whole district: the second feeder would be down at the same time (a common cause).",
        ),
        Choice(
            "A backup generator (or solar panels with batteries) on site, with fuel or storage for several days, "
            "placed above flood level and tested every month.",
            correct=True,
            feedback="Yes: a source that does not depend on the district's grid, protected from the same cyclone, "
            "and tested, because a backup that does not start is no backup.",
        ),
        Choice(
            "Nothing: outages are rare, so they cost little.",
            feedback="Rare but long outages can spoil a whole store of vaccines. The value of lost power is very high here.",
        ),
        Choice(
            "More temperature sensors in the cold room.",
            feedback="Sensors tell you that the room is warming; they do not keep it cold. Useful, but not protection.",
        ),
    ],
    hints=["What does a cyclone do to every line in the district at once?", "Which protection does not depend on the grid?"],
    solution="B. An on-site source with enough fuel or storage, protected from floods and tested regularly.",
)

common_cause_word = ShortText(
    id="cities-common-cause-word",
    prompt=(
        "Two backup pumps of a city's water works stand side by side in the same basement. A flood fills the "
        "basement and both stop at once. What is a failure of several parts from one shared cause called?"
    ),
    accepted=["common-cause failure", "common cause failure", "common cause", "common-cause", "common mode failure",
              "common-mode failure", "common mode"],
    wrong={
        "redundancy": "Redundancy is having the two pumps. What is it called when one cause defeats both?",
        "single point of failure": "Close: the basement is a single point of failure. The failure of both pumps from "
        "that one cause has its own name: a ... failure.",
        "cascading failure": "A cascade is one failure causing the next, and the next. Here one cause hits both at once.",
        "flood": "The flood is the cause. What do we call the failure of several parts from one shared cause?",
    },
    hints=["The two pumps failed for a cause they have in ... ."],
    solution="A common-cause failure (also called a common-mode failure). Redundant parts should not share a weakness.",
)
