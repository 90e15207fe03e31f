"""Questions for the chapter "SDG 9 and the 2030 Agenda" and its exercises.

Numbers quoted in prompts come from the course tables; tests/test_models_sdg9.py
checks them against the tables, so a data refresh that changes them fails.
"""

from __future__ import annotations

import math

import pandas as pd

from ..data import aggregates, countries, load_indicator
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
from ..models.sdg9 import INCOME_GROUPS, latest_values

# -- self-checks in the chapter --------------------------------------------------

target_for_case = MultipleChoice(
    id="sdg9-target-case",
    prompt=(
        "The government of Nepal wants to know whether small food-processing firms can get bank loans "
        "and sell to larger buyers. Which target of SDG 9 is about this?"
    ),
    choices=[
        Choice("Target 9.1", feedback="9.1 is about infrastructure such as roads, and fair access to it for all."),
        Choice("Target 9.2", feedback="9.2 is about the size of industry in the economy and in jobs, not about credit for small firms."),
        Choice(
            "Target 9.3",
            correct=True,
            feedback="Yes: 9.3 asks for more access to credit for small industrial firms, and for their place in value chains and markets.",
        ),
        Choice("Target 9.c", feedback="9.c is about access to information and communications technology, such as mobile networks."),
    ],
    hints=["Look at the table of targets: which one mentions small firms and credit?"],
    solution="C. Target 9.3: small-scale industries, their access to credit and their integration into value chains.",
)

sustainable_indicator = MultipleChoice(
    id="sdg9-sustainable-indicator",
    prompt=(
        "Which indicator tells you most about the *sustainable* part of \"inclusive and sustainable "
        "industrialization\"?"
    ),
    choices=[
        Choice("9.2.1: manufacturing value added as a share of GDP", feedback="This measures how big industry is: the industrialization itself, not how clean it is."),
        Choice("9.2.2: manufacturing employment as a share of all jobs", feedback="Jobs speak to the inclusive part: do people find work in industry?"),
        Choice(
            "9.4.1: CO2 emissions per unit of value added",
            correct=True,
            feedback="Yes: it shows how much CO2 is emitted for each dollar of value produced. Falling values mean cleaner production.",
        ),
        Choice("9.5.2: researchers per million people", feedback="Researchers speak to innovation, the third part of SDG 9."),
    ],
    hints=["Sustainable here means using fewer resources and emitting less for the same output."],
    solution="C. Indicator 9.4.1, CO2 emissions per unit of value added (target 9.4: cleaner, more efficient industry).",
)

why_joint = MultipleChoice(
    id="sdg9-why-joint",
    prompt="Why is SDG 9 a natural centre for the partnership of ITU and UNIDO signed in June 2024?",
    choices=[
        Choice(
            "It is the only SDG that mentions technology.",
            feedback="Other goals mention technology too: for example target 5.b (women's use of technology) and 17.8 (use of the internet).",
        ),
        Choice(
            "It joins the fields of both agencies: industry (targets 9.2 to 9.5 and 9.b) and access to ICT (target 9.c), at a time when digital technology is becoming part of industry.",
            correct=True,
            feedback="Yes: UNIDO works on industrial development and ITU on connectivity; SDG 9 holds both in one goal.",
        ),
        Choice(
            "ITU and UNIDO are the only agencies that report data on SDG 9.",
            feedback="Other agencies compile SDG 9 indicators too, for example the UNESCO Institute for Statistics for research (9.5).",
        ),
        Choice(
            "SDG 9 was added to the 2030 Agenda in 2024.",
            feedback="All 17 goals, SDG 9 among them, were adopted together in 2015.",
        ),
    ],
    hints=["ITU is the UN agency for digital technologies; UNIDO for industrial development. Which targets belong to each?"],
    solution="B. SDG 9 covers both industry and ICT access, the two fields of the two agencies.",
)

world_4g_rise = Numeric(
    id="sdg9-world-4g-rise",
    prompt=(
        "In the table of world values, 4G coverage was 43.4 % of the world's population in 2015 and 87.7 % in 2022. "
        "By how many percentage points did it rise?"
    ),
    answer=87.7 - 43.4,
    tolerance=0.15,
    unit="percentage points",
    bounds=(0, 100),
    mistakes=[
        Mistake((87.7 / 43.4 - 1) * 100, "That is the rise in percent of the 2015 value (a relative change). Percentage points are a plain difference: 87.7 − 43.4.", 0.5),
        Mistake(87.7 / 43.4, "That is the ratio of the two values. Percentage points are the difference of two percentages.", 0.02),
    ],
    hints=["Percentage points: subtract one percentage from the other."],
    solution="87.7 − 43.4 = 44.3 percentage points. (In relative terms coverage roughly doubled: +102 %.)",
    explanation="A change from one percentage to another is measured in percentage points; a relative change is measured in percent.",
)

coverage_not_use = MultipleChoice(
    id="sdg9-coverage-not-use",
    prompt=(
        "In 2022, 4G coverage in Sub-Saharan Africa was about 49 % of the population (indicator 9.c.1). "
        "What does this number say?"
    ),
    choices=[
        Choice("About half of the people use mobile internet on 4G.", feedback="Coverage is not use. A person may live under a 4G signal and still not use it: no phone, too expensive, no skills."),
        Choice(
            "About half of the people live where a 4G signal reaches.",
            correct=True,
            feedback="Yes: 9.c.1 counts people within reach of a network, whether or not they use it.",
        ),
        Choice("About half of the land area has a 4G signal.", feedback="The indicator counts people, not land. Cities are covered first, so the covered land is usually far less than half."),
        Choice("About half of the mobile phones in use are 4G phones.", feedback="The indicator is about networks, not about the phones people own."),
    ],
    hints=["Read the unit of 9.c.1: % of what?"],
    solution="B. Indicator 9.c.1 is the share of the population living within range of a mobile network of a given technology.",
)

weighted_vs_median = MultipleChoice(
    id="sdg9-weighted-vs-median",
    prompt=(
        "The World Bank's value for R&D spending in high-income countries is about 2.9 % of GDP, while the median of "
        "the high-income countries' own values is about 1.4 %. Why are they so different?"
    ),
    choices=[
        Choice("One of the two numbers must be a mistake.", feedback="Both are right: they answer different questions."),
        Choice(
            "The World Bank value weighs each country by the size of its economy, and the largest economies spend a high share; the median counts each country once.",
            correct=True,
            feedback="Yes: the United States, Japan and Germany weigh far more than Malta or Seychelles in the weighted value.",
        ),
        Choice("The median leaves out the countries with no data, the World Bank value does not.", feedback="Both use only countries with data; the World Bank does not invent values for missing countries in this way."),
        Choice("The median is always lower than an average.", feedback="Not always: for 4G coverage the median of countries is higher than the world value. It depends on which countries are large."),
    ],
    hints=["Which countries count most when you weight by the size of the economy?"],
    solution="B. A weighted value answers 'what share of all the money of the group?'; a median answers 'what does the middle country do?'.",
)

honest_reading = MultipleChoice(
    id="sdg9-honest-reading",
    prompt="Which of these statements about the course's SDG 9 tables are true? Select all that apply.",
    choices=[
        Choice("A country with no R&D value in the table spends nothing on research.", feedback="Missing is not zero: the country may simply not report."),
        Choice("The latest R&D value of one country may be from 2005 and of another from 2024.", correct=True, feedback="True: countries report in different years."),
        Choice(
            "A value with nature 'E' was estimated by the agency that compiles the indicator, not taken directly from the country.",
            correct=True,
            feedback="True: 'E' marks estimates; 'C' marks country data.",
        ),
        Choice("To get a value for Africa, add up the values of its subregions.", feedback="Never add regional values: a share cannot be added, and the source publishes its own total."),
        Choice(
            "The MVA share of GDP of the same country and year can differ a lot between constant 2015 prices and current prices.",
            correct=True,
            feedback="True: for Nigeria in 2021 it is about 9 % in constant prices and about 15 % in current prices.",
        ),
    ],
    hints=["Three statements are true.", "Think of missing values, of adding regions, and of what the nature column says."],
    solution="B, C and E. Missing values are not zeros (A), and regional values must never be added together (D).",
    multiple=True,
)

# -- exercises -----------------------------------------------------------------

indicator_for_goal = MultipleChoice(
    id="sdg9-indicator-for-goal",
    prompt=(
        "The ministry of industry of Viet Nam wants to follow whether its factories move from simple products, "
        "such as garments, to more complex ones, such as machinery and electronics. Which SDG indicator fits best?"
    ),
    choices=[
        Choice("9.2.1: manufacturing value added as a share of GDP", feedback="This shows how big manufacturing is, not what kind of goods it makes."),
        Choice("9.2.2: manufacturing employment as a share of all jobs", feedback="This counts jobs in industry, whatever the products are."),
        Choice(
            "9.b.1: medium and high-tech industry as a share of manufacturing value added",
            correct=True,
            feedback="Yes: it shows what part of manufacturing is in more complex industries such as machinery, chemicals and electronics.",
        ),
        Choice("9.c.1: population covered by a mobile network", feedback="This measures access to mobile networks, not what factories make."),
    ],
    hints=["Which indicator splits manufacturing by technology level?"],
    solution="C. Indicator 9.b.1, under target 9.b (domestic technology development and diversification).",
)

# Inputs of the numeric exercise, rounded as in the prompt (checked against the tables in the tests).
LDC_4G_2022 = 48.7  # % of population, UN-199, 2022
LDC_POP_2022_M = 1134  # million people, sum of the 45 countries flagged as LDCs in the course table, 2022

uncovered_people = Numeric(
    id="sdg9-uncovered-people",
    prompt=(
        f"In 2022, {LDC_4G_2022} % of the people of the least developed countries (LDCs) lived within reach of a "
        f"4G network (UN SDG database, aggregate UN-199). The LDCs had about {LDC_POP_2022_M:,} million inhabitants "
        "(World Bank, sum of the countries flagged as LDCs). About how many million people in the LDCs lived out "
        "of reach of 4G?"
    ),
    answer=(100 - LDC_4G_2022) / 100 * LDC_POP_2022_M,
    rel_tolerance=0.02,
    unit="million people",
    bounds=(0, LDC_POP_2022_M),
    mistakes=[
        Mistake(LDC_4G_2022 / 100 * LDC_POP_2022_M, "That is the number of people who ARE within reach of 4G. Use the share not covered: 100 − 48.7.", 10),
        Mistake(LDC_POP_2022_M - LDC_4G_2022, "You subtracted a percentage from a number of people. First find the share not covered, then multiply.", 5),
        Mistake((100 - LDC_4G_2022) / 100 * LDC_POP_2022_M * 1e6, "That is the number of people, not millions. Give the answer in millions.", 2e7),
    ],
    hints=[
        "The share out of reach is 100 % − 48.7 % = 51.3 %.",
        "51.3 % of 1,134 million is 0.513 × 1,134.",
    ],
    solution="(100 − 48.7) / 100 × 1,134 ≈ 582 million people.",
    explanation=(
        "More than half a billion people in the LDCs lived where no 4G signal reached. The two numbers come from "
        "different sources and country lists, so the answer is a rough size, not an exact count."
    ),
)


def _latest_reference(df: pd.DataFrame) -> pd.DataFrame:
    """The reference solution: latest non-missing value per country, columns iso3, year, value."""
    out = latest_values(df)[["iso3", "year", "value"]]
    return out.assign(iso3=out["iso3"].astype(str))


def _latest_cases() -> list[tuple[pd.DataFrame]]:
    gaps = pd.DataFrame(
        {"iso3": ["KEN", "KEN", "UGA", "UGA", "TZA"], "year": [2019, 2020, 2019, 2020, 2018],
         "value": [1.5, math.nan, 2.0, 2.5, 0.4]}
    )
    return [
        (load_indicator("researchers_per_million"),),
        (load_indicator("mobile_coverage_3g"),),
        (load_indicator("internet_users", sex="total"),),
        (gaps,),
    ]


def _compare_latest(got: object, expected: pd.DataFrame) -> Feedback:
    if isinstance(got, pd.DataFrame) and "value" in got.columns and got["value"].isna().any():
        return Feedback("incorrect", _("Your table has rows with a missing `value`. Drop them before you pick the latest year."))
    return compare_frames(got, expected, what=N_("the table returned by `latest()`"))


latest_task = CodeTask(
    id="sdg9-latest-values",
    prompt=(
        "Write a function `latest(df)` that takes a table from `load_indicator` (columns `iso3`, `year`, `value`, ...) "
        "and returns one row per country with its most recent value: the columns `iso3`, `year` and `value`. "
        "Skip missing values: the latest year is the latest year that has a number."
    ),
    name="latest",
    cases=_latest_cases,
    reference=_latest_reference,
    compare=_compare_latest,
    stub="def latest(df):\n    ...  # replace ... with your code\n",
    hints=[
        "Sort the rows by `year`, then keep the last row of each country: `.groupby('iso3').tail(1)`.",
        "Drop the rows with a missing value first: `df.dropna(subset=['value'])`.",
        "Return only the three columns: `[['iso3', 'year', 'value']]`.",
    ],
    solution=(
        "def latest(df):\n"
        "    known = df.dropna(subset=['value'])\n"
        "    last = known.sort_values('year').groupby('iso3', observed=True).tail(1)\n"
        "    return last[['iso3', 'year', 'value']]"
    ),
)


def _country_values_3g_2021() -> pd.DataFrame:
    df = load_indicator("mobile_coverage_3g", years=(2021, 2021))
    groups = countries()[["iso3", "wb_income_group"]].rename(columns={"wb_income_group": "income_group"})
    out = df.assign(iso3=df["iso3"].astype(str)).merge(groups.assign(iso3=groups["iso3"].astype(str)), on="iso3")
    out["income_group"] = out["income_group"].astype(str)
    return out[out["income_group"].isin(INCOME_GROUPS)]


def _medians_3g_2021(how: str = "median") -> pd.DataFrame:
    values = _country_values_3g_2021()
    out = values.groupby("income_group")["value"].agg(how).reset_index()
    return out.rename(columns={"value": "median"})


def _compare_medians(got: object, expected: pd.DataFrame) -> Feedback:
    fb = compare_frames(got, expected, rtol=0, atol=0.01, what="`medians_3g`")
    if not fb.correct and isinstance(got, pd.DataFrame) and set(expected.columns) <= set(got.columns):
        means = _medians_3g_2021("mean")
        if len(got) == len(means) and compare_frames(got, means, rtol=0, atol=0.01).correct:
            return Feedback("incorrect", _("These are the means (averages) of each group, not the medians. Use `.median()`."))
    return fb


medians_task = CodeTask(
    id="sdg9-medians-3g",
    prompt=(
        "Make a table `medians_3g` with one row for each of the four World Bank income groups and two columns: "
        "`income_group` and `median`, the median 3G coverage (% of population) of the group's countries in 2021. "
        "Leave out countries with no income group or 'Not classified'."
    ),
    name="medians_3g",
    expected=_medians_3g_2021,
    compare=_compare_medians,
    stub="medians_3g = ...\n",
    hints=[
        "Load the 3G values of 2021 with `load_indicator('9.c.1 3G', years=(2021, 2021))`.",
        "Join the income groups: `.merge(countries()[['iso3', 'wb_income_group']], on='iso3')`.",
        "Group by the income group and take `.median()` of `value`; keep the four groups; rename the columns.",
    ],
    solution=(
        "from smartindustry.data import countries, load_indicator\n"
        "g3 = load_indicator('9.c.1 3G', years=(2021, 2021))\n"
        "groups = countries()[['iso3', 'wb_income_group']]\n"
        "joined = g3.merge(groups, on='iso3')\n"
        "four = joined[joined['wb_income_group'].isin(['Low income', 'Lower middle income', 'Upper middle income', 'High income'])]\n"
        "medians_3g = (four.groupby('wb_income_group', observed=True)['value'].median()\n"
        "              .reset_index()\n"
        "              .rename(columns={'wb_income_group': 'income_group', 'value': 'median'}))"
    ),
)

weight_word = ShortText(
    id="sdg9-weight",
    prompt=(
        "The official world value of 4G coverage (9.c.1) is not the mean of the countries' values: each country "
        "counts in proportion to its ... (one word)"
    ),
    accepted=["population", "people", "number of people", "population size", "inhabitants"],
    wrong={
        "GDP": "GDP weights are used for shares of GDP, such as the MVA share. Coverage is a share of people.",
        "area": "Coverage counts people, not land.",
        "size": "Size of what? Coverage is a share of people, so the weight is ...",
        "income": "Income groups are a way of grouping countries, not a weight.",
    },
    hints=["The unit of 9.c.1 is '% of population'."],
    solution="Population: the world value is the number of people covered divided by the number of people.",
)

demo_reflection = MultipleChoice(
    id="sdg9-demo-reflection",
    prompt=(
        "In the demo, R&D spending from 2000 on gives a median of about 0.22 % of GDP for low-income countries "
        "(16 of 28 report, latest years 2005 to 2024) and about 0.16 % for lower-middle-income countries (39 of 54 "
        "report). Which reading is the most honest?"
    ),
    choices=[
        Choice(
            "Low-income countries spend a larger share of GDP on R&D than lower-middle-income ones.",
            feedback="The medians describe only the countries that report, in different years. With 16 countries the order of two close medians can change with one country.",
        ),
        Choice(
            "The medians describe only the reporting countries, in years from 2005 to 2024; these numbers cannot rank the two groups.",
            correct=True,
            feedback="Yes: coverage and years differ too much to rank two close medians. Raise 'since' to 2018 and see how few countries remain.",
        ),
        Choice(
            "The 12 low-income countries without data spend nothing on R&D.",
            feedback="Missing is not zero: those countries may not run the survey that measures R&D spending.",
        ),
        Choice(
            "The median is the wrong statistic; the mean would settle the question.",
            feedback="The mean has the same coverage problem, and one high value (such as Rwanda's) pulls it up.",
        ),
    ],
    hints=["Look at the lines 'Countries reporting' and 'Latest years used' before the median."],
    solution="B. A median of 16 reporting countries with data from 2005 to 2024 is too thin to rank two groups.",
)
