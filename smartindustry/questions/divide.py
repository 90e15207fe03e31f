"""Questions for the chapter "The digital divide" and its exercises."""

from __future__ import annotations

import pandas as pd

from ..data import load_indicator
from ..exercises import (
    Choice,
    CodeTask,
    Feedback,
    Mistake,
    MultipleChoice,
    Numeric,
    ColumnMistake,
    compare_frames,
    compare_value,
)
from ..i18n import N_, gettext as _

# -- self-checks in the chapter --------------------------------------------------

internet_user = MultipleChoice(
    id="divide-internet-user",
    prompt=(
        "In the ITU data behind SDG indicator 17.8.1, who counts as a person \"using the Internet\"?"
    ),
    choices=[
        Choice("Anyone who owns a smartphone.", feedback="Owning a phone is measured separately (SDG 5.b.1). Many phone owners never go online, and some users borrow a device."),
        Choice("Anyone who lives where a mobile signal reaches.", feedback="That is coverage (SDG 9.c.1), not use. The chapter shows that the two can be very far apart."),
        Choice(
            "Anyone who used the Internet, from any place and any device, in the last three months.",
            correct=True,
            feedback="Yes. It is a low bar: one use in three months counts, however short, slow or costly.",
        ),
        Choice("Anyone with a fixed broadband subscription at home.", feedback="Subscriptions are counted per household or contract, and most people in developing economies go online by mobile."),
    ],
    hints=["The indicator counts people, not devices or signals. Think of a time window."],
    solution="C. An Internet user is a person who used the Internet in the last three months, from any place.",
)

barrier = MultipleChoice(
    id="divide-barrier",
    prompt=(
        "A tailor in a town in Tanzania lives under a good 4G signal. She would like to take orders "
        "online, but a smartphone costs about two months of her profit. Which barrier keeps her offline?"
    ),
    choices=[
        Choice("Access: there is no network where she lives.", feedback="The text says she lives under a good 4G signal: the network is there."),
        Choice("Affordability: the device and the data cost too much for her income.", correct=True, feedback="Yes. The signal is there, but the price of the phone is out of reach."),
        Choice("Skills: she does not know how to use the Internet.", feedback="Nothing in the text says she lacks skills; she already knows what she wants to do online."),
        Choice("Relevance: there is nothing useful for her online.", feedback="She has a clear use in mind (taking orders), so relevance is not the problem here."),
    ],
    hints=["Read again what the text says about the signal, and about the phone."],
    solution="B. Affordability. The barrier is the price of the device compared with her income.",
)

parity_ethiopia = Numeric(
    id="divide-parity-ethiopia",
    prompt=(
        "In 2021, 13.71 % of women and 19.72 % of men in Ethiopia used the Internet (UN SDG database). "
        "What is Ethiopia's gender parity score? Give it to two decimal places."
    ),
    answer=13.71 / 19.72,
    tolerance=0.006,
    bounds=(0, 5),
    mistakes=[
        Mistake(19.72 / 13.71, "You divided men by women. The parity score is women / men, so it is below 1 when women are behind.", 0.006),
        Mistake(19.72 - 13.71, "That is the gap in percentage points (men minus women). The parity score is a ratio: women / men.", 0.02),
        Mistake(13.71 / 19.72 * 100, "That is the score times 100. The parity score has no unit: give it as a number such as 0.85.", 0.6),
    ],
    hints=["Parity score = share of women using the Internet / share of men using it.", "13.71 / 19.72 = ?"],
    solution="13.71 / 19.72 = 0.70. For every 100 Ethiopian men online (in proportion), about 70 women are.",
    explanation="A score of 0.70 is far below the 0.98 to 1.02 band that ITU reads as parity.",
)

usage_gap_meaning = MultipleChoice(
    id="divide-usage-gap-meaning",
    prompt=(
        "In 2021, 91.2 % of Zambia's population lived under a 4G signal, and 21.2 % used the Internet. "
        "What does the usage gap of 70 percentage points tell you?"
    ),
    choices=[
        Choice("70 % of Zambians have no mobile signal at all.", feedback="The opposite: 91.2 % are covered by 4G. The gap is among people who are covered."),
        Choice(
            "About 70 in every 100 Zambians could receive a 4G signal but did not use the Internet.",
            correct=True,
            feedback="Yes, roughly: the network reaches them, so cost, devices, skills, relevance or power must stop them. (Some users go online by other means, so the gap is a rough measure.)",
        ),
        Choice("The 4G network is 70 % slower than it should be.", feedback="Coverage says nothing about speed. Both numbers are shares of the population."),
        Choice("Building more 4G masts would close most of the gap.", feedback="The masts are already there for 91.2 % of people. More masts reach at most the other 8.8 %."),
    ],
    hints=["Both numbers are shares of the same population. Who is counted in the first but not in the second?"],
    solution="B. Most of the gap is people who live under a signal but do not go online: a usage gap, not a coverage gap.",
)

claim_check = MultipleChoice(
    id="divide-claim",
    prompt=(
        "The ITU–UNIDO release (June 2024) says that digital divides persist for women and for people "
        "in less developed economies. Which statements are supported by the UN aggregates used in this "
        "chapter? Select all that apply."
    ),
    choices=[
        Choice("In 2022, the gender parity score of the least developed countries was lower than the world's.", correct=True, feedback="Yes: about 0.69 in the LDCs against about 0.92 for the world."),
        Choice("Between 2019 and 2022, the parity score of the least developed countries barely moved.", correct=True, feedback="Yes: from 0.68 to 0.69. Use grew for both sexes, but hardly faster for women."),
        Choice("Between 2015 and 2022, the gap in percentage points between the world and the LDCs closed.", feedback="No: the world's share rose by about 26 points and the LDCs' by about 25, so the gap stayed near 30 points."),
        Choice("In Latin America and the Caribbean, women were far behind men in 2022.", feedback="No: the parity score there was about 1.01, inside the parity band."),
    ],
    multiple=True,
    hints=["Look at the table of parity scores by aggregate and at the world and LDC series over time."],
    solution="A and B. The gap for women is widest in the poorest countries and barely closing; the gap between the world and the LDCs did not close in points.",
)

# -- exercises -----------------------------------------------------------------

meaningful = MultipleChoice(
    id="divide-meaningful",
    prompt=(
        "Which person has meaningful connectivity, in the sense used by ITU?"
    ),
    choices=[
        Choice(
            "A farmer who went online once last month on a neighbour's phone to check a price.",
            feedback="She counts as an Internet user in the statistics, but a borrowed phone used once a month is not a safe, regular, productive connection.",
        ),
        Choice(
            "A mechanic who has his own smartphone, enough data each day at a price he can pay, and the skills to order parts and get paid online.",
            correct=True,
            feedback="Yes: his own device, regular affordable use, and the skills to do something useful with it.",
        ),
        Choice(
            "A student who lives under a 4G signal but has no phone.",
            feedback="Coverage alone is not connectivity: she has no device, so she is not online at all.",
        ),
        Choice(
            "A shop owner with a fast connection who cannot afford it after the first week of each month.",
            feedback="Speed is not enough: a connection that runs out because of cost is not affordable, regular use.",
        ),
    ],
    hints=["Meaningful connectivity asks more than 'online once': think of device, daily use, cost and skills together."],
    solution="B. Meaningful connectivity means regular use, with one's own device, at an affordable price, with the skills to benefit.",
)

parity_ldc = Numeric(
    id="divide-parity-ldc",
    prompt=(
        "In 2022, in the least developed countries as a group, 29.6 % of women and 42.7 % of men used "
        "the Internet (UN SDG database). Compute the gender parity score, to two decimal places."
    ),
    answer=29.6 / 42.7,
    tolerance=0.006,
    bounds=(0, 5),
    mistakes=[
        Mistake(42.7 / 29.6, "You divided men by women. The score is women / men, so it is below 1 when women are behind.", 0.006),
        Mistake(42.7 - 29.6, "That is the gap in percentage points. The score is the ratio women / men.", 0.02),
        Mistake(29.6 / 42.7 * 100, "Give the score as a plain ratio (such as 0.85), not times 100.", 0.6),
    ],
    hints=["Parity score = women's share / men's share.", "29.6 / 42.7 = ?"],
    solution="29.6 / 42.7 = 0.69: in the LDCs, about 69 women were online for every 100 men, in proportion to their numbers.",
    explanation="The world's score in 2022 was about 0.92; ITU reads only 0.98 to 1.02 as parity.",
)


# `usage_gap_table` is checked on years other than the chapter's 2021, so that a
# table typed in by hand cannot pass.


def _usage_gap_inputs() -> tuple[pd.DataFrame, pd.DataFrame]:
    return load_indicator("mobile_coverage_4g"), load_indicator("internet_users")


def usage_gap_reference(coverage: pd.DataFrame, use: pd.DataFrame, year: int) -> pd.DataFrame:
    """Usage gap (4G coverage minus Internet use, points) of each country with both values in ``year``."""
    cov = coverage[coverage["year"] == year][["iso3", "value"]]
    tot = use[(use["year"] == year) & (use["sex"] == "total")][["iso3", "value"]]
    both = cov.merge(tot, on="iso3", suffixes=("_cov", "_use"))
    return pd.DataFrame({
        "iso3": both["iso3"].astype(str),
        "usage_gap": both["value_cov"] - both["value_use"],
    })


def _compare_gap(got: object, expected: pd.DataFrame) -> Feedback:
    fb = compare_frames(got, expected, what=N_("the table"), mistakes=[ColumnMistake(
        "usage_gap", -1, N_("Your gaps have the wrong sign: compute coverage minus use, not use minus coverage."))])
    if fb.correct or not isinstance(got, pd.DataFrame) or "usage_gap" not in got.columns:
        return fb
    if len(got) > len(expected):
        return Feedback("incorrect", fb.message + " " + _("Did you keep only the rows with `sex == 'total'` in `use`, and only the given year?"))
    return fb


usage_gap_task = CodeTask(
    id="divide-usage-gap-fn",
    prompt=(
        "Write a function `usage_gap_table(coverage, use, year)`. `coverage` is the 4G coverage table "
        "and `use` the Internet users table (all three sexes), both from `load_indicator`. Return one row "
        "per country that has both values in `year`, with the columns `iso3` and `usage_gap` "
        "(coverage minus use, in percentage points)."
    ),
    name="usage_gap_table",
    cases=lambda: [(*_usage_gap_inputs(), year) for year in (2017, 2019, 2020)],
    reference=usage_gap_reference,
    compare=_compare_gap,
    stub="def usage_gap_table(coverage, use, year):\n    ...  # replace ... with your code\n",
    hints=[
        "Keep the rows of `coverage` for `year`, and the rows of `use` for `year` and `sex == 'total'`.",
        "Join the two on `iso3` with `.merge(..., on='iso3', suffixes=('_cov', '_use'))`: countries missing from either table drop out.",
        "Then `usage_gap` = `value_cov` - `value_use`. Return a table with the columns `iso3` and `usage_gap`.",
    ],
    solution=(
        "def usage_gap_table(coverage, use, year):\n"
        "    cov = coverage[coverage['year'] == year][['iso3', 'value']]\n"
        "    tot = use[(use['year'] == year) & (use['sex'] == 'total')][['iso3', 'value']]\n"
        "    both = cov.merge(tot, on='iso3', suffixes=('_cov', '_use'))\n"
        "    both['usage_gap'] = both['value_cov'] - both['value_use']\n"
        "    return both[['iso3', 'usage_gap']]"
    ),
)


def _gender_gaps(year: int) -> pd.Series:
    """Men's minus women's share of Internet users, in points, by country, in ``year``."""
    df = load_indicator("internet_users", years=(year, year))
    wide = df.pivot_table(index="iso3", columns="sex", values="value", observed=True)
    wide = wide.dropna(subset=["female", "male"])
    return wide["male"] - wide["female"]


def women_below_reference(year: int = 2019, points: float = 5) -> int:
    """Countries where women's share of Internet users is more than ``points`` below men's."""
    return int((_gender_gaps(year) > points).sum())


def _compare_women_below(got: object, expected: int) -> Feedback:
    fb = compare_value(got, expected, rtol=0, atol=0.5, what="`n_countries`")
    if fb.correct or fb.status == "unreadable":
        return fb
    value = float(got)  # type: ignore[arg-type]
    gaps = _gender_gaps(2019)
    if value == int((gaps > 0).sum()):
        return Feedback("incorrect", _("That counts every country where women are behind at all. Keep only gaps of MORE than 5 points."))
    if value == len(gaps):
        return Feedback("incorrect", _("That is the number of countries with data by sex in 2019. Now keep those where men minus women is more than 5."))
    if value == int((gaps < -5).sum()):
        return Feedback("incorrect", _("That counts countries where men are more than 5 points behind women: compute men minus women."))
    return fb


women_below_task = CodeTask(
    id="divide-women-below",
    prompt=(
        "Using `load_indicator('internet_users')`, count the countries where, in 2019, the share of "
        "women using the Internet was more than 5 percentage points below the share of men. "
        "Store the count in `n_countries`."
    ),
    name="n_countries",
    expected=lambda: women_below_reference(2019, 5),
    compare=_compare_women_below,
    stub="n_countries = ...\n",
    hints=[
        "Keep the rows of 2019, then make one column per sex: `.pivot_table(index='iso3', columns='sex', values='value', observed=True)`.",
        "Countries without both a female and a male value must drop out: `.dropna(subset=['female', 'male'])`.",
        "The gap is `male - female`; count the rows where it is greater than 5 with `(gap > 5).sum()`.",
    ],
    solution=(
        "from smartindustry.data import load_indicator\n"
        "df = load_indicator('internet_users', years=(2019, 2019))\n"
        "wide = df.pivot_table(index='iso3', columns='sex', values='value', observed=True)\n"
        "wide = wide.dropna(subset=['female', 'male'])\n"
        "n_countries = int((wide['male'] - wide['female'] > 5).sum())"
    ),
)

industry = MultipleChoice(
    id="divide-industry",
    prompt=(
        "A clothing brand asks its suppliers in Bangladesh to report orders, stock and working hours "
        "through an online platform. In 2021, 98 % of Bangladesh's population lived under a 4G signal but "
        "39 % used the Internet. Which consequences are likely? Select all that apply."
    ),
    choices=[
        Choice(
            "Small workshops whose owners and staff are offline may lose orders to larger, connected firms.",
            correct=True,
            feedback="Yes: when buyers move online, the firms that cannot follow drop out of the supply chain.",
        ),
        Choice(
            "Workers without skills or devices, often women, have fewer chances to move into better-paid digital tasks.",
            correct=True,
            feedback="Yes: the gap in use by sex means women have fewer chances to learn and use digital tools at work.",
        ),
        Choice(
            "Because 4G covers almost everyone, every supplier can use the platform.",
            feedback="Coverage is not use: 59 points of the population are covered but offline, for reasons of cost, devices, skills or relevance.",
        ),
        Choice(
            "The platform will close the digital divide by itself, because suppliers must use it.",
            feedback="A requirement does not pay for devices or teach skills; without support it can push the weakest firms out instead.",
        ),
    ],
    multiple=True,
    hints=["Ask who, in a supply chain, can follow the buyer online, and who cannot."],
    solution="A and B. Digital requirements in supply chains reward the connected and can exclude small firms and workers who are offline.",
)

demo_reflection = MultipleChoice(
    id="divide-demo-reflection",
    prompt=(
        "In the demo, choose Kenya and move the year from 2015 to 2021. 4G coverage rises from 7 % to 94 % "
        "of the population, while Internet use rises from 16.6 % to 28.8 %. What is the best reading?"
    ),
    choices=[
        Choice("The 4G figures must be wrong, because use did not follow.", feedback="Coverage and use measure different things; a fast build-out of masts with slower uptake is common."),
        Choice(
            "Building the network was fast; getting people online is slower and needs more than a signal.",
            correct=True,
            feedback="Yes: the usage gap grew from about -10 to about +65 points. Cost, devices, skills and relevance now matter more than masts.",
        ),
        Choice("Kenyans do not want to use the Internet.", feedback="The data cannot tell why people are offline; surveys of barriers usually point to cost, devices and skills first."),
        Choice("In 2015, more people used the Internet than lived under a 4G signal, so the data are inconsistent.", feedback="They are consistent: in 2015 most users went online through 2G, 3G or fixed lines, which 4G coverage does not count."),
    ],
    hints=["Compare how fast each line grows. Which one depends on masts, and which on people's money and skills?"],
    solution="B. Coverage grew by about 87 points and use by about 12: the remaining barriers are on the side of the user.",
)
