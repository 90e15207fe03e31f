"""Questions for the chapter "Digital agriculture" and its exercises."""

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
    ShortText,
    ColumnMistake,
    compare_frames,
)
from ..i18n import N_
from ..i18n import gettext as _

# -- self-checks in the chapter --------------------------------------------------

advisory_channel = MultipleChoice(
    id="agriculture-advisory-channel",
    prompt=(
        "A service wants to send weather and planting advice to 200,000 smallholder farmers. Most of them have "
        "a basic mobile phone, not a smartphone; the area has a 2G signal but little 3G or 4G; many farmers read "
        "the official language poorly. Which channel will reach the most of them?"
    ),
    choices=[
        Choice(
            "A smartphone app with maps and videos.",
            feedback="An app needs a smartphone and mobile data, which most of these farmers do not have.",
        ),
        Choice(
            "Recorded voice messages in the local languages, sent to any phone.",
            correct=True,
            feedback="Yes. A voice call works on any phone over 2G, and it does not depend on reading.",
        ),
        Choice(
            "Long text messages (SMS) in the official language.",
            feedback="SMS works on basic phones over 2G, but a farmer who reads the language poorly gets little from it.",
        ),
        Choice(
            "A website for farmers to visit.",
            feedback="A website needs a data connection and a device with a browser, and the farmer must go looking for it.",
        ),
    ],
    hints=["Which channel works on the simplest phone, over the slowest network, without reading?"],
    solution="B. Voice messages in local languages: any phone, any network, no reading needed.",
)

market_price_gain = Numeric(
    id="agriculture-market-price",
    prompt=(
        "A farmer has 2 tonnes of maize. The trader who comes to the village offers USD 180 a tonne. A price "
        "message (SMS) says the district market pays USD 230 a tonne; taking the maize there costs USD 15 a "
        "tonne, and the message service costs USD 1. How many US dollars more does the farmer get by selling "
        "at the district market, after all these costs?"
    ),
    answer=2 * (230 - 15) - 2 * 180 - 1,
    tolerance=0.5,
    unit="USD",
    bounds=(-1e6, 1e6),
    mistakes=[
        Mistake(2 * (230 - 180), "You left out the transport (USD 15 a tonne) and the message service (USD 1).", 0.5),
        Mistake(2 * (230 - 15) - 2 * 180, "Almost: subtract the USD 1 of the message service too.", 0.4),
        Mistake(2 * (230 - 180) - 1, "You left out the transport: USD 15 for each of the 2 tonnes.", 0.4),
        Mistake(230 - 15 - 180 - 1, "That is for one tonne. The farmer has 2 tonnes.", 0.4),
        Mistake(2 * (230 - 15) - 2 * 180 - 2, "The message service costs USD 1 in all, not USD 1 a tonne.", 0.4),
    ],
    hints=[
        "At the district market: 2 tonnes × (USD 230 − USD 15 transport). In the village: 2 tonnes × USD 180.",
        "Subtract the village sale from the district sale, then subtract the USD 1 for the message service.",
    ],
    solution="2 × (230 − 15) − 2 × 180 − 1 = 430 − 360 − 1 = USD 69.",
    explanation=(
        "The price message is worth much more than it costs. But the gain depends on transport: with a bad road "
        "and USD 40 a tonne to carry the maize, it would shrink to USD 19."
    ),
)

rural_electricity = MultipleChoice(
    id="agriculture-rural-electricity",
    prompt=(
        "In Ethiopia in 2023, 55.4 % of people had electricity, and 76.9 % lived in rural areas (World Bank). A "
        "service needs farmers to charge a phone at home. What can you say about the rural Ethiopians who have "
        "electricity?"
    ),
    choices=[
        Choice(
            "55.4 % of them have it, as in the country as a whole.",
            feedback="The national share is an average of towns and countryside. It holds for rural people only if both are alike.",
        ),
        Choice(
            "Probably fewer than 55.4 %, since towns usually have more power than villages; this table cannot say "
            "how many, so look for a rural breakdown.",
            correct=True,
            feedback="Yes. A national share hides the rural gap; a survey or a rural series is needed to measure it.",
        ),
        Choice(
            "None of them: rural areas have no electricity.",
            feedback="Too strong. Many villages have a grid line, a mini-grid or solar panels. The table cannot say how many.",
        ),
        Choice(
            "More than 55.4 %, because villages use solar panels.",
            feedback="Solar panels help, but in most countries towns still have more access than villages. The national "
            "figure alone cannot show it either way.",
        ),
    ],
    hints=["The 55.4 % is for everyone: town and country together. Who usually has more power, towns or villages?"],
    solution="B. The national share mixes towns and villages; rural access is probably lower, but this table cannot measure it.",
)

women_share = MultipleChoice(
    id="agriculture-women-share",
    prompt=(
        "In India in 2023, 61.5 % of employed women worked in agriculture, against 36.7 % of employed men "
        "(World Bank, modelled ILO estimates). What can you conclude?"
    ),
    choices=[
        Choice(
            "Most of India's farm workers are women.",
            feedback="Not from these numbers: each share is of one sex's employment. Far more men than women are employed "
            "in India, so 36.7 % of the men can be more people than 61.5 % of the women.",
        ),
        Choice(
            "Agriculture matters much more for women's work than for men's: a service that does not reach women "
            "misses most working women.",
            correct=True,
            feedback="Yes. The share says how much each sex depends on farming for work, not how many farmers are women.",
        ),
        Choice(
            "Women farm because they prefer it to other work.",
            feedback="The data say nothing about why. Fewer other jobs, less schooling and social norms can all play a part.",
        ),
        Choice(
            "61.5 % of Indian farmers own their land.",
            feedback="The indicator is about employment, not land. In many countries women farm land that they do not own.",
        ),
    ],
    hints=["Read the unit: '% of employment of the same sex'. A share of what?"],
    solution="B. Each share is of the same sex's employment: agriculture is where most working women in India work.",
)

sparse_irrigation = MultipleChoice(
    id="agriculture-sparse-data",
    prompt=(
        "You compare the share of agricultural land that is irrigated in ten countries. The table has a value "
        "for 2023 for some, a value from 2003 or 2004 for others, and none at all for Peru. What do you do?"
    ),
    choices=[
        Choice(
            "Treat Peru as 0 % irrigated.",
            feedback="Missing is not zero: Peru irrigates a good deal of land on its dry coast. No value means no data.",
        ),
        Choice(
            "Compare the latest values as if they were all from the same year.",
            feedback="A 2003 value can be far from today's: irrigation has grown in many countries. Show the year of each value.",
        ),
        Choice(
            "Show each country's latest value with its year, leave Peru out and say so, and compare recent values only.",
            correct=True,
            feedback="Yes. Say what the data cannot tell; then a reader can judge.",
        ),
        Choice(
            "Fill the gaps with the average of the other countries.",
            feedback="That invents numbers. Countries differ too much in climate and farming for an average to stand in for one.",
        ),
    ],
    hints=["Is a missing value the same as zero? Is a value from 2003 a value for 2023?"],
    solution="C. Give each value with its year, say which countries have none, and compare like with like.",
)

calendar_waste = MultipleChoice(
    id="agriculture-calendar-waste",
    prompt=(
        "In the worked example, the calendar rule pumped 630 mm in the season and the sensor rule 465 mm, and both "
        "gave the full yield of 5 t/ha. Where did most of the calendar rule's extra water go?"
    ),
    choices=[
        Choice(
            "The crop used it, and grew bigger.",
            feedback="Both rules gave the full yield: the crop cannot use more than it needs (5 mm a day here).",
        ),
        Choice(
            "It drained away below the roots: the calendar rule watered soil that was already wet, often just before or after rain.",
            correct=True,
            feedback="Yes: 170.9 mm drained with the calendar rule, 35.7 mm with the sensor rule.",
        ),
        Choice(
            "The sensor used it.",
            feedback="A sensor measures the soil's water; it does not use any.",
        ),
        Choice(
            "It evaporated because the calendar rule waters at noon.",
            feedback="The model does not know the time of day. Look at what happens when water is added to a soil that is already full.",
        ),
    ],
    hints=["The soil can hold only 100 mm for the crop. What happens to water added to a full soil?"],
    solution="B. Water added to soil that is already full drains away; the sensor rule waits until the soil needs it.",
)

demo_wet = MultipleChoice(
    id="agriculture-demo-wet",
    prompt=(
        "In the demo, choose wet seasons and keep the other settings (threshold 50 %, water USD 0.10/m³, sensor "
        "USD 60 a season). Which rule earns the most, on average over the 20 seasons, and why?"
    ),
    choices=[
        Choice(
            "The sensor rule, because it gives the full yield with less water than the calendar.",
            feedback="It does beat the calendar by a lot. But compare it with the first row as well.",
        ),
        Choice(
            "The calendar rule, because it never lets the crop suffer.",
            feedback="In wet seasons the calendar rule pays for 6,300 m³ of water that the rain would have given for free.",
        ),
        Choice(
            "Rain-fed: the rain gives most of the yield, and the extra harvest from irrigating is worth less than the water "
            "and the sensor cost.",
            correct=True,
            feedback="Yes: USD 962 a hectare rain-fed, USD 895 with the sensor. A technology pays only where its gain is larger "
            "than its cost.",
        ),
        Choice(
            "All three earn the same.",
            feedback="Look at the profit column: they differ by hundreds of dollars.",
        ),
    ],
    hints=["Look at the profit column, not the yield column."],
    solution=(
        "C. Rain-fed earns USD 962 a hectare, the sensor rule USD 895, the calendar USD 566. With much rain, irrigation "
        "adds little yield and costs water; the most profitable sensor threshold falls to 15 %."
    ),
)

# -- exercises -----------------------------------------------------------------


def _employment() -> pd.DataFrame:
    return load_indicator("agri_employment_share")


def farm_gender_gap_reference(table: pd.DataFrame, year: int) -> pd.DataFrame:
    """Women's minus men's share of employment in agriculture (points), by country with both values in ``year``."""
    rows = table[table["year"] == year]
    wide = rows.pivot_table(index="iso3", columns="sex", values="value", observed=True)
    wide = wide.dropna(subset=["female", "male"])
    return pd.DataFrame({"iso3": wide.index.astype(str), "gap": (wide["female"] - wide["male"]).to_numpy()})


def _compare_gap(got: object, expected: pd.DataFrame) -> Feedback:
    fb = compare_frames(got, expected, what=N_("the table"), mistakes=[ColumnMistake(
        "gap", -1, N_("Your gaps have the wrong sign: compute women's share minus men's share."))])
    if fb.correct or not isinstance(got, pd.DataFrame) or "gap" not in got.columns:
        return fb
    if len(got) > len(expected):
        return Feedback("incorrect", _("{message} Did you keep only the rows of the given year?").format(message=fb.message))
    return fb


farm_gender_gap_task = CodeTask(
    id="agriculture-gender-gap-fn",
    prompt=(
        "Write a function `farm_gender_gap(table, year)`. `table` is `load_indicator('agri_employment_share')` "
        "(rows for `female` and `male`). Return one row per country that has both values in `year`, with the "
        "columns `iso3` and `gap`: the women's share minus the men's share, in percentage points."
    ),
    name="farm_gender_gap",
    cases=lambda: [(_employment(), year) for year in (2000, 2010, 2022)],
    reference=farm_gender_gap_reference,
    compare=_compare_gap,
    stub="def farm_gender_gap(table, year):\n    ...  # replace ... with your code\n",
    hints=[
        "Keep the rows of `year`: `table[table['year'] == year]`.",
        "Make one column per sex: `.pivot_table(index='iso3', columns='sex', values='value', observed=True)`, "
        "then drop countries without both values with `.dropna(subset=['female', 'male'])`.",
        "The gap is `female - male`. Return a table with the columns `iso3` and `gap` (`.reset_index()` turns the index into a column).",
    ],
    solution=(
        "def farm_gender_gap(table, year):\n"
        "    rows = table[table['year'] == year]\n"
        "    wide = rows.pivot_table(index='iso3', columns='sex', values='value', observed=True)\n"
        "    wide = wide.dropna(subset=['female', 'male'])\n"
        "    wide['gap'] = wide['female'] - wide['male']\n"
        "    return wide[['gap']].reset_index()"
    ),
)

field_water = Numeric(
    id="agriculture-field-water",
    prompt=(
        "A farmer irrigates half a hectare (5,000 m²) with 35 mm of water. How many cubic metres (m³) of water is "
        "that? (1 mm of water on 1 m² is 1 litre; 1 m³ is 1,000 litres.)"
    ),
    answer=35 * 5000 / 1000,
    tolerance=0.5,
    unit="m³",
    bounds=(0, 1e9),
    mistakes=[
        Mistake(35 * 10_000 / 1000, "That is for a whole hectare (10,000 m²). The field is half a hectare.", 0.5),
        Mistake(35 * 5000, "That is in litres. Divide by 1,000 for cubic metres.", 1),
        Mistake(35 * 5000 / 1000 / 1000, "You divided by 1,000 twice. 175,000 litres are 175 m³.", 0.01),
        Mistake(35 * 0.5, "Millimetres times hectares does not give m³: 1 mm on a hectare is 10 m³.", 0.1),
    ],
    hints=[
        "35 mm on each square metre is 35 litres. How many litres on 5,000 m²?",
        "35 litres × 5,000 m² = 175,000 litres; divide by 1,000 for m³.",
    ],
    solution="35 litres/m² × 5,000 m² = 175,000 litres = 175 m³. (Rule of thumb: 1 mm on one hectare is 10 m³.)",
    explanation="At USD 0.10 a cubic metre, this one irrigation costs USD 17.50.",
)

reach_women = MultipleChoice(
    id="agriculture-reach-women",
    prompt=(
        "A ministry wants market-price information to reach women smallholders as well as men. Women in the area "
        "are less likely than men to own a mobile phone, and many share one with the family. Which plan fits best?"
    ),
    choices=[
        Choice(
            "A smartphone app in the national language, advertised on the radio.",
            feedback="It reaches people with smartphones, data and the language: in this area, mostly men.",
        ),
        Choice(
            "Messages to the phone number of each household's head, registered by the ministry.",
            feedback="The head of household is often a man; the information may never be passed on to the woman who farms.",
        ),
        Choice(
            "Voice and SMS messages in local languages to any phone a woman names, including a shared one, plus the same "
            "prices through women's groups and extension workers for those with no phone.",
            correct=True,
            feedback="Yes. It works on basic and shared phones, does not depend on reading, and keeps a channel for women without a phone.",
        ),
        Choice(
            "Wait until every woman has a phone.",
            feedback="That could take many years, and the women who farm now would go without the information.",
        ),
    ],
    hints=["Ask of each plan: which phone does it need, which language, and who holds the phone?"],
    solution="C. Basic or shared phones, local languages, voice as well as text, and a channel through people for those with no phone.",
)

evapotranspiration = ShortText(
    id="agriculture-et-word",
    prompt=(
        "A crop loses water to the air in two ways: water evaporates from the soil, and the plants give off water "
        "through their leaves. What single word names the two together?"
    ),
    accepted=["evapotranspiration", "crop evapotranspiration", "et", "evapo-transpiration"],
    wrong={
        "evaporation": "Evaporation is only the water that leaves the soil (or a water surface). Add the water given off by the leaves.",
        "transpiration": "Transpiration is only the water the plants give off through their leaves. Add the water that leaves the soil.",
        "irrigation": "Irrigation brings water to the crop; this word names the water the crop and soil lose.",
        "drainage": "Drainage is water that sinks below the roots. This word names the water lost to the air.",
    },
    hints=["It joins the two words 'evaporation' and 'transpiration'."],
    solution="Evapotranspiration (ET): evaporation from the soil plus transpiration by the plants.",
)

sensor_break_even = Numeric(
    id="agriculture-sensor-break-even",
    prompt=(
        "In the demo, with normal seasons, a threshold of 50 % and water at USD 0.10/m³, set the sensor's cost to "
        "USD 0. How much a season could the sensor and its message service then cost before the sensor rule earns "
        "no more than the calendar rule? Answer in US dollars, to the nearest dollar."
    ),
    answer=177,
    tolerance=1.5,
    unit="USD",
    bounds=(0, 1e6),
    mistakes=[
        Mistake(117, "That is the sensor rule's gain over the calendar when the sensor already costs USD 60. Add those USD 60 back.", 0.6),
        Mistake(60, "That is the sensor's cost in the demo's starting values. How much could it cost before the gain is gone?", 0.6),
        Mistake(200, "At USD 200 the sensor rule already earns less than the calendar. The break-even is where the gain is zero.", 0.6),
    ],
    hints=[
        "With the sensor free, the result says how many dollars a hectare the sensor rule earns more than the calendar.",
        "Every dollar the sensor costs comes off that gain. The break-even cost equals the gain with a free sensor.",
    ],
    solution=(
        "With a free sensor the sensor rule earns USD 177 a hectare more than the calendar rule, so the sensor may cost up to "
        "about USD 177 a season (USD 60 + the gain of USD 117 at the starting values)."
    ),
    explanation=(
        "This is per hectare. A farmer with a quarter of a hectare gains only a quarter as much, about USD 44, from the same "
        "sensor: one reason why sensors are shared, or replaced by advice by phone, on small farms."
    ),
)
