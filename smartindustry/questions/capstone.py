"""Questions for the capstone chapter "A smart and inclusive industry plan for one country" and its exercises.

Numbers quoted in prompts come from the course tables through
:mod:`smartindustry.models.capstone`; tests/test_models_capstone.py checks
them against the tables, so a data refresh that changes them fails.

Three code tasks are about the learner's *own* country: the answer is a small
dict such as ``{"country": "KEN", "gap": -29.3}``, and the checker recomputes
the right value for the country named in it. The function task is run on
several countries and indicators, so a typed-in number cannot pass.
"""

from __future__ import annotations

import math
from typing import Any, Callable

import pandas as pd

from ..data import load_indicator
from ..exercises import (
    NOT_ANSWERED,
    Choice,
    CodeTask,
    Feedback,
    Mistake,
    MultipleChoice,
    Numeric,
    ShortText,
)
from ..exercises.parsing import parse_number
from ..i18n import N_, format_decimal, gettext as _
from ..models.capstone import (
    INDICATORS,
    country_profile,
    find_country,
    gap_to_group,
    latest,
    people_offline,
    per_person,
    shortfalls,
)

# Figures quoted in the prompts (pinned in tests/test_models_capstone.py).
KEN_INTERNET_2021 = 28.76  # % of population, 17.8.1, UN SDG database
LMIC_INTERNET_MEDIAN = 58.05  # median of 53 lower-middle-income countries' latest values (2013 on)
KEN_MVA_PC_2022 = 156.12  # constant 2015 USD per person, 9.2.1
LMIC_MVA_PC_MEDIAN = 230.31  # median of 54 lower-middle-income countries
KEN_4G_2021 = 94.0  # % of population, 9.c.1

# -- self-checks in the chapter --------------------------------------------------

gap_points = Numeric(
    id="capstone-gap-points",
    prompt=(
        f"In 2021, {KEN_INTERNET_2021} % of Kenya's people used the Internet. The median of the lower-middle-income "
        f"countries' latest values is {LMIC_INTERNET_MEDIAN} %. What is Kenya's gap to the median, in percentage "
        "points? (Kenya minus the median: negative means below it.)"
    ),
    answer=KEN_INTERNET_2021 - LMIC_INTERNET_MEDIAN,
    tolerance=0.05,
    unit="percentage points",
    bounds=(-100, 100),
    mistakes=[
        Mistake(LMIC_INTERNET_MEDIAN - KEN_INTERNET_2021, "Right size, wrong sign: the question asks for Kenya minus the median, and Kenya is below it.", 0.05),
        Mistake((KEN_INTERNET_2021 / LMIC_INTERNET_MEDIAN - 1) * 100, "That is a relative gap in percent of the median. A gap in percentage points is a plain difference of the two percentages.", 0.2),
        Mistake(KEN_INTERNET_2021 / LMIC_INTERNET_MEDIAN * 100, "That is Kenya's value as a percent of the median. Subtract instead.", 0.2),
    ],
    hints=["Subtract the median from Kenya's value: 28.76 − 58.05."],
    solution="28.76 − 58.05 = −29.29 percentage points: Kenya is about 29 points below the middle lower-middle-income country.",
    explanation="Percentage points are the difference of two percentages. Say also which years the two numbers come from.",
)

median_or_aggregate = MultipleChoice(
    id="capstone-median-or-aggregate",
    prompt=(
        "In Kenya's profile, access to electricity in Sub-Saharan Africa is 53.3 % (2023, published by the World "
        "Bank), while researchers per million people in the region is 57.8, marked 'computed median of 27 "
        "countries'. What is the difference between the two region values?"
    ),
    choices=[
        Choice(
            "The first is the source's own regional value, in which big countries weigh more; the second is the "
            "middle value of the region's reporting countries, each counted once, from their own latest years.",
            correct=True,
            feedback="Yes. The World Bank publishes no recent regional value for researchers, so the profile computes a median and says so.",
        ),
        Choice("There is none: both are averages of the countries of the region.", feedback="A published aggregate is usually weighted (by population or GDP), and a median is not an average at all."),
        Choice("The computed median is more accurate, because it uses more countries.", feedback="It uses only the 27 countries that report, in different years. The published aggregate may include the source's estimates for the others."),
        Choice("The first is for Kenya, the second for the region.", feedback="Both are region values; Kenya's own values are in the second column of the profile."),
    ],
    hints=["Read the label after each region value: 'published' or 'computed median of N countries'."],
    solution="A. A published aggregate (weighted, the source's method) and a computed median (each reporting country once) answer different questions.",
)

stale_year = MultipleChoice(
    id="capstone-stale-year",
    prompt=(
        "Kenya's latest Logistics Performance Index in the tables is 2.81, from 2018; Viet Nam's is 3.30, from "
        "2022. How should a plan use these two numbers?"
    ),
    choices=[
        Choice("Compare them directly: Viet Nam's logistics are 0.49 points better.", feedback="Four years lie between them, and the index is a survey score: say the years, and treat a small difference with care."),
        Choice(
            "Quote each with its year, say that Kenya's value is older, and check for a newer edition of the index before using it to set a priority.",
            correct=True,
            feedback="Yes: a number without its year can mislead, and an old one may no longer describe the country.",
        ),
        Choice("Leave Kenya's value out: anything older than five years is wrong.", feedback="An old value is not wrong; it is old. Use it, with its year, and say what may have changed."),
        Choice("Replace Kenya's missing years with 2.81.", feedback="That invents data. A missing year stays missing."),
    ],
    hints=["What does a reader need to know about a number to judge it?"],
    solution="B. Quote every figure with its year and source, and say when a value is old.",
)

coverage_priority = MultipleChoice(
    id="capstone-coverage-priority",
    prompt=(
        f"In 2021, {KEN_4G_2021:.0f} % of Kenya's people lived within reach of 4G, but only {KEN_INTERNET_2021} % used the "
        "Internet. Which priority does this evidence support best?"
    ),
    choices=[
        Choice("Build more 4G masts.", feedback="Nine people in ten already live under a 4G signal: masts alone would close little of the gap."),
        Choice(
            "Help people who live under the signal to use it: cheaper devices and data, digital skills, useful services.",
            correct=True,
            feedback="Yes: the large gap is between coverage and use (the usage gap), not in coverage.",
        ),
        Choice("Nothing: coverage above the median means the digital goal is met.", feedback="Coverage is not use: Internet use is about 29 points below the median of the income group."),
        Choice("Wait for 5G, which will make the gap disappear.", feedback="A faster network does not help people who cannot afford a device or do not know how to use it."),
    ],
    hints=["Compare the two percentages: where is the big gap, in coverage or in use?"],
    solution="B. The gap is a usage gap: the barriers are cost, skills and relevance, not the network.",
)

women_informal = MultipleChoice(
    id="capstone-women-informal",
    prompt=(
        "In Kenya in 2019, 90.2 % of employed women and 83.1 % of employed men worked informally; in 2025 the "
        "unemployment rate was 6.74 % for women and 4.28 % for men (ILO estimates). Which statement do these "
        "numbers support?"
    ),
    choices=[
        Choice("Women and men are in the same position in Kenya's labour market.", feedback="Both numbers are higher for women: more of the women who work are informal, and more of the women who look for work find none."),
        Choice(
            "A plan for formal industrial jobs must reach women on purpose: they are more often informal and more often unemployed.",
            correct=True,
            feedback="Yes. The gaps are 7.1 and 2.5 percentage points; a plan that does nothing special for women may widen them.",
        ),
        Choice("Most Kenyan men work in formal jobs.", feedback="83.1 % of employed men work informally: most men are informal too."),
        Choice("The unemployment rate is the share of all women without a job.", feedback="It is the share of the labour force (people working or looking for work) who have no job but look for one."),
    ],
    hints=["Compare women and men in each of the two series. Then read each choice carefully."],
    solution="B. Women are more often informal (+7.1 points) and more often unemployed (+2.5 points).",
)

vietnam_shortfall = MultipleChoice(
    id="capstone-vietnam-shortfall",
    prompt=(
        "Viet Nam is above the median of its income group on almost every indicator of the profile. On which one "
        "is it behind, in the direction that is worse?"
    ),
    choices=[
        Choice("Manufacturing value added per person", feedback="Viet Nam's USD 971 per person (2022) is more than four times the group median of USD 230."),
        Choice("Internet users", feedback="74.2 % (2021), about 16 points above the median."),
        Choice(
            "CO2 per unit of manufacturing value added",
            correct=True,
            feedback="Yes: 1.10 kg per dollar (2020) against a median of 0.38. Here lower is better, so being higher is being behind.",
        ),
        Choice("Informal employment", feedback="70.4 % (2021) is below the median of 80.9 %; here lower is better, so Viet Nam is ahead."),
    ],
    hints=["For three indicators of the profile, lower is better. Look at the column 'Better'."],
    solution="C. CO2 per unit of MVA: 1.10 kg against a median of 0.38 kg per constant 2015 USD.",
)

# -- exercises: helpers for the learner's own country -------------------------------


def _number(value: Any) -> float | None:
    """A number from a learner's value; None for None/NaN (written as missing)."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    number, _note = parse_number(value)
    return None if math.isnan(number) else number


def _own_country(field: str, reference: Callable[[str], float], *, tolerance: float, unit: str,
                 mistakes: Callable[[str], list[tuple[float, str]]] | None = None) -> Callable[[Any, Any], Feedback]:
    """A checker for ``{"country": ..., field: ...}``: recompute ``reference(country)`` and compare."""

    def compare(got: Any, expected: Any) -> Feedback:
        if not isinstance(got, dict):
            return Feedback("unreadable", _("Your answer should be a dict such as {example}.").format(
                example=f"{{'country': country, '{field}': ...}}"))
        if got.get(field, Ellipsis) is Ellipsis:
            return Feedback("empty", NOT_ANSWERED)
        country = got.get("country")
        try:
            c = find_country(country)
        except ValueError as exc:
            return Feedback("incorrect", _("The 'country' in your answer is not one the course knows: {problem}").format(problem=exc))
        right = reference(c.iso3)
        try:
            value = _number(got[field])
        except ValueError as exc:
            return Feedback("unreadable", f"'{field}': {exc}")
        if math.isnan(right):
            if value is None:
                return Feedback("correct", _("Right: the tables have no value for {country} here. Say so in your plan: "
                                             "missing is not zero.").format(country=c.name), 1.0)
            return Feedback("incorrect", _("The tables have no value for {country} here: write None, not a number "
                                           "(missing is not zero).").format(country=c.name))
        if value is None:
            return Feedback("incorrect", _("The tables do have the values for {country}: compute '{field}'.").format(
                country=c.name, field=field))
        if abs(value - right) <= tolerance:
            return Feedback("correct", _("Right for {country}: {value} {unit}.").format(
                country=c.name, value=format_decimal(f"{right:,.2f}"), unit=_(unit)), 1.0)
        for wrong, message in (mistakes(c.iso3) if mistakes else []):
            if not math.isnan(wrong) and abs(value - wrong) <= max(tolerance, abs(wrong) * 0.002):
                return Feedback("incorrect", message)
        shown = format_decimal(f"{value:,.2f}")
        if value > right:
            return Feedback("incorrect", _("{value} is too high for {country}.").format(value=shown, country=c.name))
        return Feedback("incorrect", _("{value} is too low for {country}.").format(value=shown, country=c.name))

    return compare


def _internet_gap(iso3: str) -> float:
    return gap_to_group(iso3, "internet_users")


def _gap_mistakes(iso3: str) -> list[tuple[float, str]]:
    p = country_profile(iso3).table.set_index("indicator").loc["internet_users"]
    value, median = float(p["value"]), float(p["group_median"])
    return [
        (median - value, _("Right size, wrong sign: compute your country's value minus the median.")),
        ((value / median - 1) * 100 if median else math.nan,
         _("That is a gap in percent of the median; give it in percentage points (a difference).")),
    ]


own_gap = CodeTask(
    id="capstone-own-gap",
    prompt=(
        "For your country, compute the gap between its latest share of Internet users (17.8.1, total) and the median "
        "of the latest values (from 2013 on) of the countries of its World Bank income group, in percentage points "
        "(your country minus the median). Store it as `answer_1 = {'country': country, 'gap': ...}`. If your country "
        "has no value, write `None`."
    ),
    name="answer_1",
    expected=lambda: None,
    compare=_own_country("gap", _internet_gap, tolerance=0.05, unit=N_("percentage points"), mistakes=_gap_mistakes),
    stub="answer_1 = {'country': 'KEN', 'gap': ...}  # your country's code, and the gap\n",
    hints=[
        "Your country's latest value: `profile.table` has it, or `latest(country, 'internet_users')`.",
        "The median: keep the latest value of each country from 2013 on, keep the countries of your income group, take `.median()`.",
        "Then subtract: your value minus the median.",
    ],
    solution=(
        "from smartindustry.models.capstone import find_country, group_median, latest\n"
        "country = 'KEN'  # or your own country\n"
        "value, year = latest(country, 'internet_users')\n"
        "group = find_country(country).income_group\n"
        "median, n = group_median('internet_users', group)\n"
        "answer_1 = {'country': country, 'gap': value - median}"
    ),
)


def _offline(iso3: str) -> float:
    return people_offline(iso3)[0]


def _offline_mistakes(iso3: str) -> list[tuple[float, str]]:
    millions, year = people_offline(iso3)
    if math.isnan(millions):
        return []
    share = float(country_profile(iso3).table.set_index("indicator").loc["internet_users", "value"])
    total = millions / (1 - share / 100) if share < 100 else math.nan
    return [
        (total - millions, _("That is the number of people who USE the Internet. The question asks for those who do not.")),
        (millions * 1e6, _("That is a number of people; give it in millions (divide by 1,000,000).")),
    ]


own_offline = CodeTask(
    id="capstone-own-offline",
    prompt=(
        "How many people in your country did not use the Internet, in millions, in the latest year of Internet use? "
        "Use the population (World Bank) of that same year. Store it as "
        "`answer_3 = {'country': country, 'millions': ...}` (`None` if a value is missing)."
    ),
    name="answer_3",
    expected=lambda: None,
    compare=_own_country("millions", _offline, tolerance=0.05, unit=N_("million people"), mistakes=_offline_mistakes),
    stub="answer_3 = {'country': 'KEN', 'millions': ...}  # your country's code, and the number\n",
    hints=[
        "Find the latest year of `internet_users` for your country, and the population of that same year.",
        "People offline = population × (100 − share of users) / 100. Then divide by 1,000,000.",
    ],
    solution=(
        "from smartindustry.data import load_indicator\n"
        "from smartindustry.models.capstone import find_country, latest\n"
        "country = 'KEN'  # or your own country\n"
        "share, year = latest(country, 'internet_users')\n"
        "pop = load_indicator('population', years=(year, year))\n"
        "people = pop.loc[pop['iso3'] == find_country(country).iso3, 'value'].iloc[0]\n"
        "answer_3 = {'country': country, 'millions': people * (100 - share) / 100 / 1e6}"
    ),
)


def _co2_per_person(iso3: str) -> float:
    return per_person(iso3, "co2_manufacturing", factor=1e9)[0]


def _co2_mistakes(iso3: str) -> list[tuple[float, str]]:
    kg, year = per_person(iso3, "co2_manufacturing", factor=1e9)
    if math.isnan(kg):
        return []
    out = [
        (kg / 1000, _("That is in tonnes per person. Give kilograms: 1 tonne is 1,000 kg.")),
        (kg / 1e9, _("You divided million tonnes by people: convert million tonnes to kg first (× 1,000,000,000).")),
    ]
    total, _year = latest(iso3, "co2_manufacturing")
    pop_now, pop_year = latest(iso3, "population")
    if pop_year is not None and pop_year != year and pop_now:
        out.append((total * 1e9 / pop_now, _("You used the population of {used}. Use the population of {year}, "
                                             "the year of the CO2 value.").format(used=pop_year, year=year)))
    return out


own_per_person = CodeTask(
    id="capstone-own-per-person",
    prompt=(
        "How many kilograms of CO2 did your country's manufacturing emit per person, in the latest year of "
        "`co2_manufacturing` (9.4.1, in million tonnes)? Divide by the population (World Bank) of that same year. "
        "Store it as `answer_4 = {'country': country, 'kg': ...}` (`None` if a value is missing)."
    ),
    name="answer_4",
    expected=lambda: None,
    compare=_own_country("kg", _co2_per_person, tolerance=0.05, unit=N_("kg of CO2 per person"), mistakes=_co2_mistakes),
    stub="answer_4 = {'country': 'KEN', 'kg': ...}  # your country's code, and the number\n",
    hints=[
        "Find the latest year of `co2_manufacturing` for your country, and the population of that same year.",
        "1 million tonnes = 1,000,000,000 kg: multiply by 1e9, then divide by the population.",
    ],
    solution=(
        "from smartindustry.data import load_indicator\n"
        "from smartindustry.models.capstone import find_country, latest\n"
        "country = 'KEN'  # or your own country\n"
        "co2, year = latest(country, 'co2_manufacturing')\n"
        "pop = load_indicator('population', years=(year, year))\n"
        "people = pop.loc[pop['iso3'] == find_country(country).iso3, 'value'].iloc[0]\n"
        "answer_4 = {'country': country, 'kg': co2 * 1e9 / people}"
    ),
)


# -- exercises: a function checked on other countries ----------------------------------


def _ten_year_reference(df: pd.DataFrame, iso3: str) -> float:
    known = df.dropna(subset=["value"])
    mine = known[known["iso3"].astype(str) == iso3].set_index("year")["value"]
    if mine.empty:
        return math.nan
    last = int(mine.index.max())
    if last - 10 not in set(int(y) for y in mine.index):
        return math.nan
    return float(mine.loc[last] - mine.loc[last - 10])


def _ten_year_cases() -> list[tuple[pd.DataFrame, str]]:
    tiny = pd.DataFrame({"iso3": ["AAA"] * 4 + ["BBB"] * 2, "year": [2008, 2010, 2018, 2020, 2010, 2020],
                         "value": [1.0, 2.0, 5.0, math.nan, 3.0, 4.5]})
    return [
        (load_indicator("internet_users", sex="total"), "VNM"),
        (load_indicator("electricity_access"), "ETH"),
        (load_indicator("mva_per_capita"), "PER"),
        (load_indicator("unemployment_rate", sex="total"), "BGD"),
        (load_indicator("rd_share_gdp"), "KEN"),  # no value ten years before the latest: missing
        (tiny, "AAA"),  # the latest value is missing: the latest year with a number is 2018
        (tiny, "BBB"),
    ]


def _compare_change(got: Any, expected: float) -> Feedback:
    try:
        value = _number(got)
    except ValueError as exc:
        return Feedback("unreadable", _("Your function should return a number, or float('nan') when a value is missing: "
                                        "{problem}").format(problem=exc))
    if math.isnan(expected):
        if value is None:
            return Feedback("correct", _("Missing, as it should be."), 1.0)
        if value == 0:
            return Feedback("incorrect", _("Your function returned 0 where the value ten years earlier is missing. "
                                           "Missing is not zero: return float('nan')."))
        return Feedback("incorrect", _("Your function returned {value} where a value is missing: return float('nan') "
                                       "when the year ten years before the latest is not in the table.").format(
            value=format_decimal(f"{value:g}")))
    if value is None:
        return Feedback("incorrect", _("Your function returned NaN (missing) although both values are in the table."))
    if math.isclose(value, expected, rel_tol=1e-6, abs_tol=1e-6):
        return Feedback("correct", _("Right."), 1.0)
    if math.isclose(value, -expected, rel_tol=1e-6, abs_tol=1e-6):
        return Feedback("incorrect", _("Wrong sign: compute the latest value minus the earlier one."))
    return Feedback("incorrect", _("Your function returned {value}; expected {expected}.").format(
        value=format_decimal(f"{value:g}"), expected=format_decimal(f"{expected:g}")))


ten_year_task = CodeTask(
    id="capstone-ten-year-change",
    prompt=(
        "Write a function `change_over_ten_years(df, iso3)` that takes a table from `load_indicator` and a country "
        "code, and returns the country's latest value minus its value exactly ten years earlier (in the unit of the "
        "indicator). Skip missing values: the latest year is the latest year with a number. If there is no value "
        "ten years earlier, return `float('nan')` (NaN, the mark for a missing number): missing is not zero."
    ),
    name="change_over_ten_years",
    cases=_ten_year_cases,
    reference=_ten_year_reference,
    compare=_compare_change,
    stub="def change_over_ten_years(df, iso3):\n    ...  # replace ... with your code\n",
    hints=[
        "Keep the rows of the country with a value: `df[(df['iso3'] == iso3)].dropna(subset=['value'])`.",
        "Make a Series indexed by year: `.set_index('year')['value']`; the latest year is its `index.max()`.",
        "If `last - 10` is not in the index, return `float('nan')`; else return `s[last] - s[last - 10]`.",
    ],
    solution=(
        "def change_over_ten_years(df, iso3):\n"
        "    s = df[df['iso3'] == iso3].dropna(subset=['value']).set_index('year')['value']\n"
        "    if s.empty:\n"
        "        return float('nan')\n"
        "    last = s.index.max()\n"
        "    if last - 10 not in s.index:\n"
        "        return float('nan')\n"
        "    return s[last] - s[last - 10]"
    ),
)

# -- exercises: number, choice, word ------------------------------------------------------

mva_percent_below = Numeric(
    id="capstone-mva-percent-below",
    prompt=(
        f"In 2022, Kenya's manufacturing value added per person was USD {KEN_MVA_PC_2022} (constant 2015 USD); the "
        f"median of the lower-middle-income countries was USD {LMIC_MVA_PC_MEDIAN}. By what percent of the median is "
        "Kenya below it?"
    ),
    answer=(LMIC_MVA_PC_MEDIAN - KEN_MVA_PC_2022) / LMIC_MVA_PC_MEDIAN * 100,
    tolerance=0.15,
    unit="%",
    bounds=(-1000, 100),
    mistakes=[
        Mistake(LMIC_MVA_PC_MEDIAN - KEN_MVA_PC_2022, "That is the gap in dollars per person. Divide it by the median to get a percent.", 0.05),
        Mistake((LMIC_MVA_PC_MEDIAN - KEN_MVA_PC_2022) / KEN_MVA_PC_2022 * 100, "You divided by Kenya's value. 'Percent of the median' means dividing by the median.", 0.2),
        Mistake(KEN_MVA_PC_2022 / LMIC_MVA_PC_MEDIAN * 100, "That is Kenya's value as a percent of the median; the question asks how far below it Kenya is.", 0.2),
    ],
    hints=["First the gap in dollars: 230.31 − 156.12.", "Then divide the gap by the median and multiply by 100."],
    solution="(230.31 − 156.12) / 230.31 × 100 ≈ 32.2 %: Kenya's manufacturing produces about a third less per person than the middle lower-middle-income country.",
)

left_out = MultipleChoice(
    id="capstone-left-out",
    prompt=(
        "In Bangladesh in 2021, 51.4 % of women and 72.3 % of men owned a mobile phone (SDG 5.b.1), and 32.7 % of "
        "women and 45.3 % of men used the Internet. A plan wants farmers and small firms to sell through a mobile "
        "marketplace. What should it say first about who is left out?"
    ),
    choices=[
        Choice("Nobody: about six people in ten own a phone.", feedback="An average hides who is missing: about half of the women have no phone of their own."),
        Choice(
            "Women: about 21 percentage points fewer own a phone, so a phone-only service would leave out about half of the women; plan for shared access, agents and affordable phones.",
            correct=True,
            feedback="Yes. The gender gap in phone ownership is the first barrier; the usage gap follows from it.",
        ),
        Choice("Men, because there are more of them online who will compete.", feedback="Men are ahead on both series: they are not the ones left out."),
        Choice("The tables cannot say anything about women.", feedback="SDG 5.b.1 and 17.8.1 are given by sex for Bangladesh in 2021: they say a lot."),
    ],
    hints=["Compare women and men on phone ownership: how many points apart?"],
    solution="B. Women: 51.4 % against 72.3 % own a phone, a gap of about 21 points.",
)

informal_word = ShortText(
    id="capstone-informal-word",
    prompt=(
        "A tailor in Nairobi works without a written contract, pays no social security and her workshop is not "
        "registered. In the statistics, her job is counted as ... employment (one word)."
    ),
    accepted=["informal", "informal employment", "informal sector"],
    wrong={
        "unemployed": "She has work: the unemployed have no job and are looking for one.",
        "unemployment": "She has work: the unemployed have no job and are looking for one.",
        "self-employed": "She may well be self-employed, but the word the statistics use for work without legal or social protection is another one.",
        "formal": "Formal jobs come with a contract, social security or a registered firm: she has none of these.",
        "vulnerable": "Close in meaning, but SDG indicator 8.3.1 uses another word.",
    },
    hints=["SDG indicator 8.3.1 measures the share of this kind of employment."],
    solution="Informal: work not covered, in law or in practice, by formal arrangements such as a contract or social security.",
)

demo_missing = MultipleChoice(
    id="capstone-demo-missing",
    prompt="Run the demo for Bangladesh. Which indicator of the profile has no value for Bangladesh in the tables?",
    choices=[
        Choice("R&D spending (% of GDP)", correct=True, feedback="Yes: Bangladesh reports no R&D spending (nor researchers) in these tables. A plan says 'no data', not zero, and may ask why the survey is missing."),
        Choice("Internet users", feedback="Bangladesh has a value: 38.9 % in 2021."),
        Choice("Informal employment", feedback="Bangladesh has a value: 94.7 % in 2017 (an old one)."),
        Choice("4G coverage", feedback="Bangladesh has a value for 2021."),
    ],
    hints=["Look for the row that says 'no data' in the column of the country."],
    solution="A. R&D spending (and researchers per million) are missing for Bangladesh.",
)


# -- exercises: the plan's priorities ----------------------------------------------------


def _compare_priorities(got: Any, expected: Any) -> Feedback:
    if not isinstance(got, dict):
        return Feedback("unreadable", _("Your answer should be a dict such as {example}.").format(
            example="{'country': country, 'priorities': ['...', '...', '...']}"))
    ranked = got.get("priorities", Ellipsis)
    if ranked is Ellipsis or (isinstance(ranked, (list, tuple)) and any(r is Ellipsis for r in ranked)):
        return Feedback("empty", NOT_ANSWERED)
    try:
        c = find_country(got.get("country"))
    except ValueError as exc:
        return Feedback("incorrect", _("The 'country' in your answer is not one the course knows: {problem}").format(problem=exc))
    if not isinstance(ranked, (list, tuple)) or not all(isinstance(r, str) for r in ranked):
        return Feedback("unreadable", _("'priorities' should be a list of three indicator ids (text), such as ['internet_users', ...]."))
    ranked = [r.strip() for r in ranked]
    if len(ranked) != 3 or len(set(ranked)) != 3:
        return Feedback("incorrect", _("Give exactly three different indicators, most urgent first."))
    unknown = [r for r in ranked if r not in INDICATORS]
    if unknown:
        return Feedback("incorrect", _("{indicator} is not an indicator of the profile. Use the ids of "
                                       "`profile.table['indicator']`.").format(indicator=repr(unknown[0])))
    profile = country_profile(c.iso3)
    no_data = [r for r in ranked if r in profile.missing()]
    if no_data:
        return Feedback("incorrect", _("{country} has no value for {indicator}: a plan cannot measure progress on it yet. "
                                       "Choose an indicator with data (and list the missing ones as a risk).").format(
            country=c.name, indicator=repr(no_data[0])))
    behind = list(shortfalls(profile)["indicator"])
    needed = min(3, len(behind))
    ahead = [r for r in ranked if r not in behind]
    if len(ranked) - len(ahead) < needed:
        return Feedback(
            "incorrect",
            _("{country} is ahead of its income-group median on {ahead}. Choose indicators where it is behind: "
              "{behind}.").format(country=c.name, ahead=", ".join(repr(a) for a in ahead), behind=", ".join(behind)),
        )
    if needed < 3:
        done = _("Your three priorities are indicators where {country} is behind its income group "
                 "(or, where it is behind on fewer than three, include all of those).")
    else:
        done = _("Your three priorities are indicators where {country} is behind its income group.")
    return Feedback("correct", done.format(country=c.name) + " " + _("The order is yours: defend it in your plan."), 1.0)


own_priorities = CodeTask(
    id="capstone-own-priorities",
    prompt=(
        "Rank three priorities for your country's plan: three indicator ids of the profile, most urgent first, each "
        "one where your country is behind the median of its income group (in the direction that is worse) and has "
        "data. If your country is behind on fewer than three, include all of those and complete the list with "
        "others. Store them as `answer_9 = {'country': country, 'priorities': ['...', '...', '...']}`."
    ),
    name="answer_9",
    expected=lambda: None,
    compare=_compare_priorities,
    stub="answer_9 = {'country': 'KEN', 'priorities': [..., ..., ...]}  # your country's code, and three indicator ids\n",
    hints=[
        "`shortfalls(profile)` lists the indicators where your country is behind, worst first.",
        "You may rank them differently from the table: a smaller gap can be more urgent. Use the ids, such as 'internet_users'.",
    ],
    solution=(
        "from smartindustry.models.capstone import country_profile, shortfalls\n"
        "country = 'KEN'  # or your own country\n"
        "profile = country_profile(country)\n"
        "behind = shortfalls(profile)\n"
        "others = [i for i in profile.table['indicator'] if i not in set(behind['indicator']) and i not in profile.missing()]\n"
        "answer_9 = {'country': country, 'priorities': (list(behind['indicator']) + others)[:3]}"
    ),
)
