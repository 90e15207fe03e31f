"""Questions for the chapter "Work, jobs and the informal economy" and its exercises.

Numbers written into prompts (world rates, population) come from the course
tables; `tests/test_questions_work.py` checks that the tables still give them.
"""

from __future__ import annotations

import pandas as pd

from ..data import countries, load_indicator
from ..exercises import (
    Choice,
    CodeTask,
    Feedback,
    Mistake,
    MultipleChoice,
    Numeric,
    ShortText,
    ColumnMistake,
    compare_frames,
)
from ..i18n import N_, gettext as _

# -- self-checks in the chapter --------------------------------------------------

labour_force = ShortText(
    id="work-labour-force",
    prompt=(
        "People who have a job, together with people who are unemployed (no job, looking for one and "
        "able to start), form a group. The unemployment rate is a share of this group. What is it called?"
    ),
    accepted=["labour force", "labor force", "the labour force", "economically active population", "active population"],
    wrong={
        "population": "The population also includes children, students, retired people and others who neither work nor look for work.",
        "working-age population": "The working-age population also includes people who neither work nor look for work, such as full-time students.",
        "employed": "The employed are only part of it: the unemployed belong to it too.",
        "workforce": "Close, but in statistics the usual name is the labour force.",
    },
    hints=["It is the 'labour ...'", "Employed + unemployed = the labour ..."],
    solution="The labour force: everyone who is employed or unemployed.",
)

low_unemployment = MultipleChoice(
    id="work-low-unemployment",
    prompt=(
        "In 2024 the World Bank's low-income aggregate had an unemployment rate of 4.9 %, close to the "
        "high-income aggregate's 4.4 %. What does this tell you?"
    ),
    choices=[
        Choice(
            "Jobs in low-income countries are about as good as jobs in high-income countries.",
            feedback="The unemployment rate says nothing about the quality of jobs: pay, safety or protection.",
        ),
        Choice(
            "Where there is no unemployment benefit, few people can afford to have no work at all; many take "
            "whatever informal work they find, so a low unemployment rate can hide poor jobs.",
            correct=True,
            feedback="Yes. One hour of paid work in a week counts as employed, however poor the job.",
        ),
        Choice(
            "The data must be wrong, because poor countries always have more unemployment.",
            feedback="The values are modelled estimates, but a similar rate in rich and poor countries is a well-known pattern, not an error.",
        ),
    ],
    hints=["What do people do when they lose a job and there is no unemployment benefit?"],
    solution="B. A low unemployment rate can sit next to a high share of informal, unprotected work.",
)

rate_times_population = MultipleChoice(
    id="work-rate-times-population",
    prompt=(
        "The world unemployment rate was 4.8 % in 2024 and the world population about 8.14 billion. "
        "4.8 % × 8.14 billion is about 390 million, almost twice the release's 'over 200 million'. "
        "What is the main reason for the difference?"
    ),
    choices=[
        Choice(
            "The unemployment rate is a share of the labour force, not of the whole population; children, "
            "students, retired people and people not looking for work are not in the labour force.",
            correct=True,
            feedback="Right. The labour force is only about half of the population, so the product overstates the count.",
        ),
        Choice("The release must have made a mistake.", feedback="The release's figure is plausible; the calculation is what is wrong."),
        Choice(
            "The World Bank counts children as unemployed.",
            feedback="No: children are outside the labour force, which is exactly why they must not be counted.",
        ),
        Choice(
            "Percentages can never be multiplied by numbers of people.",
            feedback="They can, when the percentage is a share of that same group of people.",
        ),
    ],
    hints=["A rate is always a share OF something. Of what, here?"],
    solution="A. Unemployed / labour force is the rate; multiply it by the labour force, not by the population.",
)

informal_who = MultipleChoice(
    id="work-informal-who",
    prompt="Which of these workers is in informal employment?",
    choices=[
        Choice(
            "A teacher in a public school in Ghana, with a pension plan and paid leave.",
            feedback="A pension and paid leave are the protections that make a job formal.",
        ),
        Choice(
            "A motorcycle-taxi driver in Kampala who owns his bike, has not registered a business, and has no "
            "health cover or pension.",
            correct=True,
            feedback="Yes: no registration, no social protection, no labour-law cover. Most own-account workers in poorer countries are informal.",
        ),
        Choice(
            "A nurse in a hospital in Brazil, with a written contract, paid sick leave and social-security contributions.",
            feedback="A contract with social-security contributions and sick leave is formal employment.",
        ),
        Choice(
            "An engineer employed by a registered firm in India that pays into her pension fund.",
            feedback="Employer contributions to a pension fund are a sign of formal employment.",
        ),
    ],
    hints=["Look for the worker with no protections: no contract, no social security, no paid leave."],
    solution="B. The motorcycle-taxi driver: informal employment is work without legal and social protection.",
)

tasks_vs_jobs = MultipleChoice(
    id="work-tasks-vs-jobs",
    prompt=(
        "Frey and Osborne estimated that about 47 % of US employment was at high risk of computerisation. "
        "Arntz, Gregory and Zierahn estimated that, on average across 21 OECD countries, about 9 % of jobs "
        "were automatable. What explains most of the difference?"
    ),
    choices=[
        Choice(
            "The first rated whole occupations; the second looked at the tasks each worker does, and many "
            "workers in 'high-risk' occupations also do tasks that are hard to automate.",
            correct=True,
            feedback="Yes: tasks, not jobs. Workers with the same job title do different mixes of tasks.",
        ),
        Choice(
            "Technology became less powerful between the two studies.",
            feedback="Both studies are from the 2010s; the difference is in the method, not the technology.",
        ),
        Choice(
            "The second study looked only at manufacturing.",
            feedback="No: both studies cover the whole economy.",
        ),
        Choice(
            "OECD countries have no routine jobs.",
            feedback="They have many; the point is that most jobs mix routine and non-routine tasks.",
        ),
    ],
    hints=["The chapter's heading says it: tasks, not jobs."],
    solution="A. Rating occupations as a whole overstates the risk when workers in them also do non-routine tasks.",
)

call_centre_exposure = Numeric(
    id="work-call-centre-exposure",
    prompt=(
        "Use the demo: under the scenario 'machines and software', what share of a call-centre agent's "
        "working time is exposed, in percent?"
    ),
    answer=60.0,
    tolerance=0.5,
    unit="%",
    bounds=(0, 100),
    mistakes=[
        Mistake(40.0, "That is the time that is NOT exposed (the non-routine cognitive tasks).", 0.5),
        Mistake(80.0, "That is under 'plus AI'. Choose the scenario 'machines and software'.", 0.5),
        Mistake(0.0, "That is under 'machines', which automates only routine manual tasks; choose 'machines and software'.", 0.5),
    ],
    hints=[
        "Choose the occupation 'call-centre agent' and the scenario 'machines and software'.",
        "Routine cognitive tasks: answering from a script (40 %) and logging calls (20 %).",
    ],
    solution="40 % + 20 % = 60 %: the two routine cognitive tasks are exposed; complaints and unusual problems are not.",
)

protection_measures = MultipleChoice(
    id="work-protection-measures",
    prompt="Which of these measures extend social protection to informal and platform workers? Select all that apply.",
    choices=[
        Choice(
            "A pension paid from taxes to every older person, whether or not they ever had a formal job.",
            correct=True,
            feedback="A non-contributory (tax-financed) benefit reaches people who never paid into a scheme.",
        ),
        Choice(
            "Letting own-account and platform workers pay small, flexible contributions into the social "
            "insurance scheme, for example by mobile money.",
            correct=True,
            feedback="Contributions that fit irregular incomes open social insurance to workers without an employer.",
        ),
        Choice(
            "Banning digital labour platforms.",
            feedback="A ban removes income without adding any protection; the workers would still be unprotected.",
        ),
        Choice(
            "A free course in computer coding.",
            feedback="Skills help people find work, but a course is not protection against sickness, injury or old age.",
        ),
    ],
    multiple=True,
    hints=["Social protection covers risks: sickness, injury, old age, loss of income. Which options cover a risk?"],
    solution="A and B: a tax-financed benefit, and social insurance that fits workers without an employer.",
)

# -- exercises -----------------------------------------------------------------

unemployed_concept = MultipleChoice(
    id="work-unemployed-concept",
    prompt="Which of these people counts as unemployed under the ILO definition?",
    choices=[
        Choice(
            "Amina, in Lagos, sold vegetables at a street stall for ten hours last week, and wants a better job.",
            feedback="One hour of work for pay or profit in the reference week makes a person employed. Amina is employed (informally).",
        ),
        Choice(
            "Carlos, 24, in Lima, did no paid work last week, sent job applications over the past month, "
            "and could start work tomorrow.",
            correct=True,
            feedback="Yes: without work, looking for work, and available to start. All three conditions hold.",
        ),
        Choice(
            "Mei, in Kuala Lumpur, did no paid work last week; she cares full time for her two children and is not looking for a job.",
            feedback="She is not looking for work, so she is outside the labour force, not unemployed.",
        ),
        Choice(
            "Raj, in Pune, is a full-time student and is not looking for work.",
            feedback="Not looking for work: outside the labour force.",
        ),
    ],
    hints=[
        "Three conditions: no work in the reference week, looking for work, available to start.",
        "Even one hour of paid work in the week counts as employed.",
    ],
    solution="B. Carlos has no work, searched for work recently and is available: he is unemployed.",
)

# `unemployment_gap` is checked on other years than the one the notebook shows,
# so that a table typed in for one year cannot pass.


def unemployment_gap_reference(unemployment: pd.DataFrame, year: int) -> pd.DataFrame:
    """Female minus male unemployment rate (percentage points) by country, for one year."""
    one = unemployment[unemployment["year"] == year]
    wide = one.pivot_table(index="iso3", columns="sex", values="value", observed=True)
    out = (wide["female"] - wide["male"]).dropna().rename("gap").reset_index()
    out["iso3"] = out["iso3"].astype(str)
    return out


def _compare_gap(got: object, expected: pd.DataFrame) -> Feedback:
    return compare_frames(got, expected, what=N_("the table returned by `unemployment_gap()`"), mistakes=[
        ColumnMistake("gap", -1, N_("Your gaps have the wrong sign: the task asks for female minus male."))])


def _unemployment_cases() -> list[tuple[pd.DataFrame, int]]:
    unemployment = load_indicator("unemployment_rate")
    return [(unemployment, year) for year in (2024, 1995, 2015)]


unemployment_gap_task = CodeTask(
    id="work-unemployment-gap",
    prompt=(
        "Write a function `unemployment_gap(unemployment, year)` that takes the table returned by "
        "`load_indicator('unemployment_rate')` and a year, and returns a DataFrame with one row per country "
        "and the columns `iso3` and `gap`: the female unemployment rate minus the male rate, in percentage points."
    ),
    name="unemployment_gap",
    cases=_unemployment_cases,
    reference=unemployment_gap_reference,
    compare=_compare_gap,
    stub="def unemployment_gap(unemployment, year):\n    ...  # replace ... with your code\n",
    hints=[
        "Keep the rows of the year first: `unemployment[unemployment['year'] == year]`.",
        "Make one column per sex: `.pivot_table(index='iso3', columns='sex', values='value', observed=True)`.",
        "Then `gap = wide['female'] - wide['male']`; turn it into a table with `.rename('gap').reset_index()`, and `return` it.",
    ],
    solution=(
        "def unemployment_gap(unemployment, year):\n"
        "    one = unemployment[unemployment['year'] == year]\n"
        "    wide = one.pivot_table(index='iso3', columns='sex', values='value', observed=True)\n"
        "    gap = wide['female'] - wide['male']\n"
        "    return gap.rename('gap').reset_index()"
    ),
)

#: The four World Bank income groups, from poorest to richest.
INCOME_GROUPS = ["Low income", "Lower middle income", "Upper middle income", "High income"]


def informal_by_income_reference() -> pd.DataFrame:
    """Median of each country's latest total informal employment share (2015-2022), by income group."""
    informal = load_indicator("informal_employment", sex="total", years=(2015, 2022))
    latest = informal.sort_values("year").groupby("iso3", observed=True).tail(1)
    latest = latest.assign(iso3=latest["iso3"].astype(str))
    merged = latest.merge(countries()[["iso3", "wb_income_group"]], on="iso3")
    merged = merged[merged["wb_income_group"].isin(INCOME_GROUPS)]
    out = merged.groupby("wb_income_group", observed=True)["value"].median().reset_index(name="median_share")
    out["wb_income_group"] = out["wb_income_group"].astype(str)
    return out


def _compare_informal(got: object, expected: pd.DataFrame) -> Feedback:
    if isinstance(got, pd.DataFrame) and "wb_income_group" in got.columns and len(got) == len(expected) + 1:
        if "Not classified" in set(got["wb_income_group"].astype(str)):
            return Feedback("incorrect", _("Your table has a row 'Not classified'. Keep only the four income groups."))
    return compare_frames(got, expected, what="`informal_by_income`")


informal_by_income_task = CodeTask(
    id="work-informal-by-income",
    prompt=(
        "For each country, take its most recent total informal employment share from 2015 to 2022 "
        "(`load_indicator('informal_employment', sex='total', years=(2015, 2022))`). Add the country's World "
        "Bank income group (`countries()`, column `wb_income_group`), keep the four income groups, and compute "
        "the median share in each. Store a DataFrame with the columns `wb_income_group` and `median_share` "
        "in `informal_by_income`."
    ),
    name="informal_by_income",
    expected=informal_by_income_reference,
    compare=_compare_informal,
    stub="informal_by_income = ...\n",
    hints=[
        "The latest year per country: sort by `year`, then `.groupby('iso3', observed=True).tail(1)`.",
        "Join the income group with `.merge(countries()[['iso3', 'wb_income_group']], on='iso3')`; keep the rows "
        "whose group `.isin([...])` the four groups (drop 'Not classified' and missing).",
        "Finally `.groupby('wb_income_group', observed=True)['value'].median().reset_index(name='median_share')`.",
    ],
    solution=(
        "from smartindustry.data import countries, load_indicator\n"
        "informal = load_indicator('informal_employment', sex='total', years=(2015, 2022))\n"
        "latest = informal.sort_values('year').groupby('iso3', observed=True).tail(1)\n"
        "latest = latest.assign(iso3=latest['iso3'].astype(str))\n"
        "merged = latest.merge(countries()[['iso3', 'wb_income_group']], on='iso3')\n"
        "groups = ['Low income', 'Lower middle income', 'Upper middle income', 'High income']\n"
        "merged = merged[merged['wb_income_group'].isin(groups)]\n"
        "informal_by_income = (merged.groupby('wb_income_group', observed=True)['value']\n"
        "                      .median().reset_index(name='median_share'))"
    ),
)

implied_employment = Numeric(
    id="work-implied-employment",
    prompt=(
        "In 2022, informal employment was 58.0 % of total employment in the world (UN SDG Global Database, "
        "world aggregate). The ITU–UNIDO release says that about two billion people work in the informal "
        "economy. If both numbers described the same world, how many people would be employed in total, "
        "in billions?"
    ),
    answer=2 / 0.580,
    tolerance=0.02,
    unit="billion",
    bounds=(0, 10),
    mistakes=[
        Mistake(2 * 0.580, "You multiplied. Informal workers are 58 % OF all workers, so divide: 2 / 0.58.", 0.02),
        Mistake(2 / 58, "Use the share as a fraction (0.580), not as 58.", 0.002),
        Mistake(2 / 0.420, "That divides by the formal share (42 %). Informal workers are the 58 %.", 0.02),
    ],
    hints=[
        "informal workers = informal share × all employed workers.",
        "So all employed workers = informal workers / informal share = 2 / 0.580.",
    ],
    solution=(
        "2 billion / 0.580 ≈ 3.45 billion employed people. This is a rough back-calculation: the release's "
        "'two billion' is rounded and may come from another year and method than the table's 58.0 %."
    ),
    explanation="Rates and counts are linked through the group the rate is a share of: here, all employed people.",
)

exposure_reflection = MultipleChoice(
    id="work-exposure-reflection",
    prompt=(
        "In the demo, a smallholder farmer's exposure under 'machines' is 50 %: machines for preparing land, "
        "threshing and carrying have existed for decades. Yet on many small farms the work is still done by "
        "hand. Which statement does the model support best?"
    ),
    choices=[
        Choice(
            "The model is wrong: farm work cannot be mechanised.",
            feedback="Farm machines exist; the model only says which tasks they could do, not whether farmers use them.",
        ),
        Choice(
            "Exposure measures what is technically possible. Whether machines are used depends on their cost, "
            "the size of plots, credit, wages and roads, so exposure is not job loss.",
            correct=True,
            feedback="Yes. Exposure is a share of working time that could change, not a forecast of what will happen.",
        ),
        Choice(
            "Half of all smallholder farmers will lose their farms when machines arrive.",
            feedback="Exposure is a share of each worker's time, not a share of workers, and it says nothing about adoption.",
        ),
        Choice(
            "Farmers face no risk, because half of their time is not exposed.",
            feedback="Lower exposure is not safety: prices, incomes and the tasks that remain can still change, and a farmer has no unemployment benefit to fall back on.",
        ),
    ],
    hints=["Does the model say anything about cost, credit or whether anyone buys the machine?"],
    solution=(
        "B. The model counts technically automatable time under stated assumptions. Adoption, new tasks and "
        "who carries the risk are outside it."
    ),
)
