"""Questions for the chapter "Digital skills and capacity building" and its exercises."""

from __future__ import annotations

from functools import lru_cache

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
from ..i18n import N_
from ..i18n import gettext as _

# -- self-checks in the chapter --------------------------------------------------

technician_level = MultipleChoice(
    id="skills-technician-level",
    prompt=(
        "A maintenance technician at a cement plant in Nigeria opens a dashboard of kiln temperatures, "
        "exports a week of readings to a spreadsheet and uses formulas to spot a rising trend. "
        "Which level of digital skills does this task need?"
    ),
    choices=[
        Choice("Basic.", feedback="Basic skills are everyday tasks such as messaging or paying by phone. "
               "Reading a dashboard and analysing it in a spreadsheet goes further."),
        Choice("Intermediate.", correct=True,
               feedback="Yes: using digital tools well for work, such as dashboards and spreadsheets, is "
               "the intermediate level."),
        Choice("Advanced.", feedback="Advanced skills are specialist: writing the software, building the "
               "network, securing the system. The technician uses tools others built."),
    ],
    hints=["Does the technician build or program the system, or use tools that others built, for work?"],
    solution="B. Intermediate: using digital tools (a dashboard, a spreadsheet) well for a job.",
)

usage_gap_world = Numeric(
    id="skills-usage-gap-world",
    prompt=(
        "In 2021, 93.5 % of the world's people lived within reach of at least a 3G mobile network, and "
        "62.6 % used the internet (UN SDG database). How large was the usage gap, in percentage points?"
    ),
    answer=30.9,
    tolerance=0.05,
    unit="percentage points",
    bounds=(0, 100),
    mistakes=[
        Mistake(37.4, "That is the share of people who did not use the internet (100 − 62.6). The usage "
                "gap counts only those who are covered but do not use it.", 0.05),
        Mistake(6.5, "That is the coverage gap (100 − 93.5): people with no 3G signal at all.", 0.05),
        Mistake(62.6 / 93.5 * 100, "That is use as a share of coverage (a ratio). The gap is a difference: "
                "coverage minus use.", 0.1),
    ],
    hints=["The usage gap = people covered by a network − people who use the internet.",
           "93.5 − 62.6 = ?"],
    solution="93.5 − 62.6 = 30.9 percentage points: almost one person in three was covered but offline.",
)

points_or_percent = MultipleChoice(
    id="skills-points-or-percent",
    prompt=(
        "In Sub-Saharan Africa in 2022, 33.8 % of women and 45.1 % of men used the internet (UN SDG "
        "database). Which statement is right?"
    ),
    choices=[
        Choice("Women's internet use was 11.3 % lower than men's.",
               feedback="11.3 is a difference of two percentages: it is in percentage points. As a share "
               "of men's rate, women's rate was 11.3 / 45.1 = 25 % lower."),
        Choice("The gap was 11.3 percentage points: women's rate was about a quarter lower than men's.",
               correct=True,
               feedback="Yes: 45.1 − 33.8 = 11.3 points, and 11.3 / 45.1 = 0.25, a quarter of men's rate."),
        Choice("11.3 % of women in the region were offline.",
               feedback="Offline women were 100 − 33.8 = 66.2 % of women. 11.3 is the difference between "
               "men and women."),
        Choice("A gap cannot be computed from regional values.",
               feedback="It can: the two values are published for the same region and year. What a "
               "regional value hides is the spread between countries inside the region."),
    ],
    hints=["A difference between two percentages is in percentage points.",
           "Compare the gap with men's rate to express it as a relative difference."],
    solution="B. 45.1 − 33.8 = 11.3 percentage points; relative to men's rate, 11.3 / 45.1 ≈ 25 %.",
)

cascade_word = ShortText(
    id="skills-cascade",
    prompt=(
        "A programme trains 4 experienced trainers, who each prepare 12 new trainers, who then teach "
        "farmers and factory workers. What is this kind of training model called?"
    ),
    accepted=["train the trainer", "train-the-trainer", "training of trainers", "ToT", "cascade",
              "cascade training", "cascade model", "training the trainers", "train the trainers"],
    wrong={
        "cohort": "A cohort is one group of trainees who start and finish together. What do we call the "
                  "model in which trainers prepare other trainers?",
        "e-learning": "E-learning is training online. Here people train people, in steps.",
        "mentoring": "Mentoring pairs one experienced person with one learner. Here each step trains "
                     "the trainers of the next step.",
    },
    hints=["Each step trains the people who will train the next step.", "It starts with 'train the ...'."],
    solution="Train-the-trainer (also called a cascade, or training of trainers, ToT).",
)

more_dropout = Numeric(
    id="skills-plan-dropout",
    prompt=(
        "Take the starting plan of the calculator (10 trainers, 20 trainees per cohort, 6 cohorts per "
        "trainer a year, budget 50 000 USD, 40 USD per trainee). If the dropout rate rises from 15 % to "
        "30 %, how many people complete the course in a year?"
    ),
    answer=840,
    tolerance=0.5,
    unit="people",
    bounds=(0, 1250),
    mistakes=[
        Mistake(1020, "That is the result with 15 % dropout. Change the dropout rate to 30.", 0.5),
        Mistake(360, "That is the number who drop out (30 % of 1 200). How many are left?", 0.5),
        Mistake(1200, "That is the number enrolled. Some of them drop out.", 0.5),
        Mistake(875, "You started from the 1 250 seats the budget pays for, but the trainers can teach only "
                "1 200. Enrolment is the smaller of the two.", 0.5),
    ],
    hints=["Enrolled = the smaller of (trainers × trainees per cohort × cohorts) and (budget / cost).",
           "Enrolled is 1 200. Completed = 1 200 × (1 − 0.30)."],
    solution="Trainers can teach 10 × 20 × 6 = 1 200; the budget pays for 1 250; so 1 200 enrol and "
             "1 200 × 0.70 = 840 complete.",
)

# -- exercises -----------------------------------------------------------------

advanced_tasks = MultipleChoice(
    id="skills-advanced-tasks",
    prompt="Which of these tasks need ADVANCED digital skills?",
    choices=[
        Choice("Connecting the sensors of a packaging line in Viet Nam so that they send data to a cloud "
               "dashboard.", correct=True,
               feedback="Setting up networks and connected devices is specialist work: advanced."),
        Choice("Paying a supplier in Ghana with mobile money.",
               feedback="Paying by phone is a basic skill: an everyday task on a device."),
        Choice("Writing a Python script that flags faulty batches in a quality log.", correct=True,
               feedback="Programming to automate a task is an advanced skill."),
        Choice("Keeping a price list in a spreadsheet with formulas.",
               feedback="Spreadsheets with formulas are an intermediate, work-level skill."),
        Choice("Managing user accounts, back-ups and security updates for a clinic's computers in Peru.",
               correct=True,
               feedback="Protecting systems for other people is specialist (cybersecurity) work: advanced."),
    ],
    multiple=True,
    hints=["Advanced skills build, run or protect digital systems; they do not only use them.",
           "Three of the five tasks are advanced."],
    solution="A, C and E: networks and sensors, programming, and security for others. B is basic, D intermediate.",
)

usage_gap_word = ShortText(
    id="skills-usage-gap-term",
    prompt=(
        "In a district of Bangladesh, 95 % of people live within reach of a mobile broadband network, but "
        "only 40 % use the internet. What do we call the 55 percentage points between these two shares?"
    ),
    accepted=["usage gap", "the usage gap", "mobile internet usage gap", "use gap", "usage gap in mobile internet"],
    wrong={
        "coverage gap": "The coverage gap is the people with no network at all (here 5 %). These people "
                        "have a network but do not use it.",
        "digital divide": "The digital divide is the broad idea. This specific gap, between coverage and "
                          "use, has its own name.",
        "gender gap": "A gender gap compares women and men. Here we compare coverage and use.",
    },
    hints=["The network is there; the people do not use it.", "It is the ... gap: coverage minus ..."],
    solution="The usage gap: people covered by a network who do not use the internet.",
)


def gender_gap_reference(df: pd.DataFrame, year: int) -> pd.DataFrame:
    """Men's minus women's value, in percentage points, for each country with both in ``year``."""
    one_year = df[(df["year"] == year) & (df["sex"].isin(["female", "male"]))]
    wide = one_year.pivot_table(index="iso3", columns="sex", values="value", observed=True)
    wide = wide.dropna(subset=["female", "male"])
    return pd.DataFrame({"iso3": wide.index.astype(str), "gap_pp": (wide["male"] - wide["female"]).to_numpy()})


def _compare_gaps(got: object, expected: pd.DataFrame) -> Feedback:
    fb = compare_frames(got, expected, what=N_("the table `gender_gap()` returned"))
    if fb.correct or not isinstance(got, pd.DataFrame):
        return fb
    try:
        flat = got if "gap_pp" in got.columns else got.reset_index()
        flipped = flat.assign(gap_pp=-pd.to_numeric(flat["gap_pp"], errors="coerce"))
        if compare_frames(flipped, expected).correct:
            return Feedback("incorrect", _("Your gaps have the opposite sign. Compute men's value minus "
                                           "women's, so that a positive gap means women are behind."))
    except Exception:  # the first message is the useful one
        pass
    return fb


@lru_cache(maxsize=1)
def _gender_gap_cases() -> tuple[tuple[pd.DataFrame, int], ...]:
    """Other years and another indicator than the notebook's (internet use in 2021).

    Cached: the tables are read once; every call of a learner's function gets a copy.
    """
    internet = load_indicator("internet_users")
    return ((internet, 2019), (internet, 2015), (load_indicator("mobile_ownership"), 2018))


gender_gap_task = CodeTask(
    id="skills-gender-gap",
    prompt=(
        "Write a function `gender_gap(df, year)`. `df` is a course table with values by sex, such as "
        "`load_indicator('internet_users')`. The function returns one row for each country that has both "
        "a female and a male value in `year`, with the columns `iso3` and `gap_pp`: the male value minus "
        "the female value, in percentage points. Other columns may be kept."
    ),
    name="gender_gap",
    cases=lambda: list(_gender_gap_cases()),
    reference=gender_gap_reference,
    compare=_compare_gaps,
    stub="def gender_gap(df, year):\n    ...  # replace ... with your code\n",
    hints=[
        "Keep the rows of that year whose `sex` is 'female' or 'male': "
        "`df[(df['year'] == year) & (df['sex'] != 'total')]`.",
        "Make one column per sex with `.pivot_table(index='iso3', columns='sex', values='value', observed=True)`, "
        "then drop countries with a missing value: `.dropna()`.",
        "Add `gap_pp = male − female` and `return` the table with `iso3` as a column (`.reset_index()`).",
    ],
    solution=(
        "def gender_gap(df, year):\n"
        "    one_year = df[(df['year'] == year) & (df['sex'] != 'total')]\n"
        "    wide = one_year.pivot_table(index='iso3', columns='sex', values='value', observed=True)\n"
        "    wide = wide.dropna()\n"
        "    wide['gap_pp'] = wide['male'] - wide['female']\n"
        "    return wide.reset_index()"
    ),
)

budget_plan = Numeric(
    id="skills-plan-budget",
    prompt=(
        "A youth programme in Kisumu, Kenya, has 6 trainers. Each teaches 4 cohorts a year of 25 trainees. "
        "The budget is 30 000 USD a year, one trainee costs 60 USD, and 20 % of trainees drop out. "
        "How many people complete the course in a year?"
    ),
    answer=400,
    tolerance=0.5,
    unit="people",
    bounds=(0, 600),
    mistakes=[
        Mistake(480, "That is 80 % of the 600 seats the trainers can teach. But the budget pays for only "
                "30 000 / 60 = 500 trainees.", 0.5),
        Mistake(500, "500 can enrol, but 20 % of them drop out.", 0.5),
        Mistake(600, "600 is what the trainers could teach. Check what the budget pays for, and the dropout.", 0.5),
        Mistake(100, "That is the number who drop out. How many complete?", 0.5),
    ],
    hints=[
        "Seats the trainers can teach: 6 × 25 × 4. Seats the budget pays for: 30 000 / 60.",
        "Enrolled = the smaller of the two = 500. Then take away the 20 % who drop out.",
    ],
    solution="Trainers: 6 × 25 × 4 = 600 seats; budget: 30 000 / 60 = 500 seats. The budget is the "
             "limit, so 500 enrol and 500 × 0.8 = 400 complete.",
)

plan_reflection = MultipleChoice(
    id="skills-plan-reflection",
    prompt=(
        "In the calculator, with the Kisumu plan (6 trainers, 25 per cohort, 4 cohorts, 20 % dropout, "
        "30 000 USD, 60 USD per trainee), you double the trainers from 6 to 12. The number who complete "
        "stays at 400. Why?"
    ),
    choices=[
        Choice("The calculator ignores the number of trainers.",
               feedback="It does not: with 3 trainers, for example, the result falls. Try it."),
        Choice("The budget is the limit: it pays for 500 trainees, and the trainers could already teach 600.",
               correct=True,
               feedback="Yes. More trainers add seats that no one can pay for. Only more money or a lower "
               "cost per trainee raises the number."),
        Choice("Dropout rises when there are more trainers.",
               feedback="The dropout rate is an input you choose; it does not change with the trainers."),
    ],
    hints=["Look at the two lines 'Seats the trainers can teach' and 'Seats the budget pays for'."],
    solution="B. Enrolment is the smaller of trainer seats and paid seats; here the budget binds.",
)
