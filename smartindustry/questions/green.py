"""Questions for the chapter "Sustainable technologies and green industry" and its exercises."""

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
from ..models.green import decoupling_demo, ewaste_balance, flat_emissions_intensity_change

# -- self-checks in the chapter --------------------------------------------------

intensity_or_total = MultipleChoice(
    id="green-intensity-or-total",
    prompt=(
        "Over ten years, a country's manufacturing output grows by 50 % and its CO2 per dollar of value added "
        "(the emissions intensity) falls by 20 %. What happens to the CO2 its manufacturing emits?"
    ),
    choices=[
        Choice(
            "It falls by 20 %, like the intensity.",
            feedback="The intensity is CO2 per dollar. There are 50 % more dollars of output, so the total cannot "
            "simply follow the intensity.",
        ),
        Choice(
            "It rises by 20 %.",
            correct=True,
            feedback="Yes: emissions = output × intensity, so 1.5 × 0.8 = 1.2, which is 20 % more. A cleaner "
            "industry can still emit more in total.",
        ),
        Choice(
            "It rises by 30 % (50 minus 20).",
            feedback="Changes in % multiply, they do not add: 1.5 × 0.8 = 1.2, so 20 % more, not 30 %.",
        ),
        Choice(
            "It rises by 50 %, like output.",
            feedback="That would be true only if the intensity did not change. Each dollar now emits 20 % less.",
        ),
    ],
    hints=["Emissions = output × intensity. Write the change of each as a factor: +50 % is × 1.5, −20 % is × 0.8."],
    solution="B. 1.5 × 0.8 = 1.2: emissions rise by 20 %, although each dollar of output emits less.",
)

india_intensity = Numeric(
    id="green-india-intensity",
    prompt=(
        "In 2019 India's manufacturing emitted about 541.5 million tonnes (Mt) of CO2, and its manufacturing value "
        "added was about USD 399 billion (constant 2015 dollars). What was its emissions intensity, in kg of CO2 "
        "per dollar? (1 Mt = 1 billion kg.)"
    ),
    answer=541.5 / 399.0,
    tolerance=0.02,
    unit="kg CO2 per USD",
    bounds=(0, 1e6),
    mistakes=[
        Mistake(399.0 / 541.5, "You divided value added by emissions: that is dollars per kg. Divide emissions by value added.", 0.02),
        Mistake(541.5 / 399.0 * 1000, "Too big by 1,000: 1 Mt is a billion kg and the value added is in billions, so the billions cancel.", 20),
        Mistake(541.5 / 399.0 / 1000, "Too small by 1,000: the billions of kg and the billions of dollars cancel, nothing else.", 0.0005),
    ],
    hints=[
        "Intensity = emissions ÷ value added.",
        "541.5 Mt = 541.5 billion kg, and the value added is 399 billion dollars: the billions cancel.",
    ],
    solution="541.5 ÷ 399 ≈ 1.36 kg of CO2 per dollar of manufacturing value added.",
    explanation="About 11 times Germany's 0.119 kg per dollar in the same year (UN SDG database, indicator 9.4.1).",
)

india_decoupling = MultipleChoice(
    id="green-india-decoupling",
    prompt=(
        "From 2010 to 2019, India's manufacturing value added grew by 65.7 % and the CO2 from its manufacturing "
        "grew by 38.4 %. What is this?"
    ),
    choices=[
        Choice(
            "Absolute decoupling.",
            feedback="Absolute decoupling needs emissions that fall (or stay flat) while output grows. India's rose by 38.4 %.",
        ),
        Choice(
            "Relative decoupling.",
            correct=True,
            feedback="Yes: both grew, emissions more slowly than output, so each dollar emits less, but the total still rises.",
        ),
        Choice(
            "No decoupling.",
            feedback="That would mean emissions grew as fast as output, or faster. Here they grew more slowly: 38.4 % against 65.7 %.",
        ),
        Choice(
            "Output did not grow.",
            feedback="Output grew by 65.7 %.",
        ),
    ],
    hints=["First ask: did output grow? Then: did emissions fall, or grow more slowly, or grow as fast or faster?"],
    solution="B. Relative decoupling: emissions grew (+38.4 %) but more slowly than output (+65.7 %).",
)

demo_flat = Numeric(
    id="green-demo-flat",
    prompt=(
        "In the demo, manufacturing output grows by 7 % a year. By how many % a year must the emissions intensity "
        "fall so that emissions stay exactly flat? Give a positive number (a fall of 5 % is 5), to two decimals."
    ),
    answer=-flat_emissions_intensity_change(7.0),
    tolerance=0.02,
    unit="% a year",
    bounds=(0, 100),
    mistakes=[
        Mistake(7.0, "Close, but not exact: changes multiply. 1.07 × (1 − 0.07) = 0.995, so emissions would fall a little.", 0.005),
        Mistake(-flat_emissions_intensity_change(7.0) / 100, "That is a fraction. Give it in %: multiply by 100.", 0.0005),
    ],
    hints=[
        "Emissions stay flat when 1.07 × (1 + intensity change) = 1.",
        "So 1 + intensity change = 1 / 1.07 = 0.9346: the intensity must fall by 1 − 0.9346.",
    ],
    solution="1 / 1.07 = 0.9346, so the intensity must fall by 6.54 % a year: a little less than the growth rate.",
    explanation="Fast-growing economies need a fast fall in intensity just to keep emissions where they are.",
)

renewables_meaning = MultipleChoice(
    id="green-renewables-meaning",
    prompt=(
        "In 2021, renewable energy was 90.6 % of Ethiopia's final energy consumption and 17.6 % of Germany's "
        "(World Bank data). What is the best reading of these two numbers?"
    ),
    choices=[
        Choice(
            "Ethiopia's factories run on modern clean energy far more than Germany's.",
            feedback="The share covers all energy, mostly in homes. In Ethiopia, most of it is wood and other biomass burned "
            "for cooking, not clean energy for industry.",
        ),
        Choice(
            "Much of Ethiopia's renewable energy is traditional biomass (wood, charcoal, crop waste) used for cooking; "
            "a high share can go with little modern energy.",
            correct=True,
            feedback="Yes. The indicator counts traditional biomass as renewable. Look also at the renewable share of "
            "electricity, and at how much energy people and firms have at all.",
        ),
        Choice(
            "Germany uses almost no renewable electricity.",
            feedback="In 2021 about 40 % of Germany's electricity came from renewable sources. The 17.6 % is a share of all "
            "energy, including fuel for heating and transport.",
        ),
        Choice(
            "The numbers must be wrong: no country gets 90 % of its energy from renewables.",
            feedback="They are as published. In 2021, 11 of the 28 low-income countries with a value had shares above 80 %, "
            "mostly from biomass.",
        ),
    ],
    hints=["What do most households in rural Ethiopia burn to cook? Is it counted as renewable?"],
    solution="B. The share counts traditional biomass; a high share in a low-income country often means wood and charcoal, not modern energy.",
)

ewaste_coverage = MultipleChoice(
    id="green-ewaste-coverage",
    prompt=(
        "The course's table of e-waste generated per person has values for 38 countries, most of them in Europe, "
        "and none for China, India, Nigeria or Ghana. Which use of it is sound?"
    ),
    choices=[
        Choice(
            "Average the 38 countries to get the world's e-waste per person.",
            feedback="38 countries, mostly rich ones, are not the world. Use the world value the UN publishes, which is built "
            "with estimates for the countries missing here.",
        ),
        Choice(
            "Conclude that Africa produces almost no e-waste, since it has few values.",
            feedback="Missing is not zero. A country with no value may generate a lot of e-waste that is simply not reported.",
        ),
        Choice(
            "Follow one country's series over time, and check single values that look odd.",
            correct=True,
            feedback="Yes. A series shows the trend of one country; a value far from its neighbours in time (Senegal's, "
            "Kenya's) is a reason to look closer before using it.",
        ),
        Choice(
            "Rank all countries of the world by e-waste per person.",
            feedback="Most countries have no value in this table, so a ranking would leave them out without saying so.",
        ),
    ],
    hints=["Which countries are missing, and what does a missing value mean?"],
    solution="C. Use it for the countries it covers, series by series, and check odd values; use published world values for the world.",
)

# -- exercises -----------------------------------------------------------------


def change_table_reference(table: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """For every country with a value in both years: iso3, start, end and change_pct (the reference solution)."""
    wide = table.assign(iso3=table["iso3"].astype(str)).pivot_table(index="iso3", columns="year", values="value")
    if start not in wide.columns or end not in wide.columns:
        return pd.DataFrame(columns=["iso3", "start", "end", "change_pct"])
    both = wide[[start, end]].dropna()
    both = both[both[start] > 0]
    out = pd.DataFrame({"start": both[start], "end": both[end]})
    out["change_pct"] = (out["end"] / out["start"] - 1) * 100
    return out.reset_index()


def _compare_changes(got: Any, expected: pd.DataFrame) -> Feedback:
    if isinstance(got, pd.DataFrame):
        got = got.copy()
        if "iso3" not in got.columns and got.index.name == "iso3":
            got = got.reset_index()
        if "iso3" in got.columns:
            got["iso3"] = got["iso3"].astype(str)
        if "change_pct" in got.columns and len(got) == len(expected) and len(expected):
            merged = expected.merge(got[["iso3", "change_pct"]], on="iso3", how="left", suffixes=("", "_got"))
            ratio = (merged["change_pct_got"] / ((merged["end"] / merged["start"]) - 1)).dropna()
            if len(ratio) and ((ratio - 1).abs() < 1e-6).all():
                return Feedback("incorrect", _("`change_pct` should be in %: multiply the change by 100."))
    return compare_frames(got, expected, what=N_("your table"))


change_table_task = CodeTask(
    id="green-change-table",
    prompt=(
        "Write a function `change_table(table, start, end)`. `table` is a table as `load_indicator` returns it "
        "(columns `iso3`, `year`, `value`, ...). Return a DataFrame with one row for each country that has a "
        "value in both years, above 0 in year `start` (a change in % from 0 has no meaning), and the columns `iso3`, `start` (the value in year `start`), `end` (the value in "
        "year `end`) and `change_pct` (the change in %)."
    ),
    name="change_table",
    cases=lambda: [
        (load_indicator("co2_manufacturing"), 2010, 2019),
        (load_indicator("co2_per_mva"), 2000, 2020),
        (load_indicator("renewable_energy_share"), 2005, 2015),
    ],
    reference=change_table_reference,
    compare=_compare_changes,
    stub="def change_table(table, start, end):\n    ...  # replace ... with your code\n",
    hints=[
        "`table.pivot_table(index='iso3', columns='year', values='value', observed=True)` gives one row per country "
        "and one column per year.",
        "Keep the two years with `wide[[start, end]]`, drop the countries missing either with `.dropna()`, "
        "then keep the rows where the start value is above 0.",
        "change_pct = (end / start − 1) × 100. Return the countries as a column: `.reset_index()`.",
    ],
    solution=(
        "def change_table(table, start, end):\n"
        "    wide = table.pivot_table(index='iso3', columns='year', values='value', observed=True)\n"
        "    both = wide[[start, end]].dropna()\n"
        "    both = both[both[start] > 0]\n"
        "    out = pd.DataFrame({'start': both[start], 'end': both[end]})\n"
        "    out['change_pct'] = (out['end'] / out['start'] - 1) * 100\n"
        "    return out.reset_index()"
    ),
)

_EW = ewaste_balance(8.0, 30.0, 15.0)

ewaste_undocumented = Numeric(
    id="green-ewaste-undocumented",
    prompt=(
        "A country of 30 million people generates 8 kg of e-waste per person in a year. 15 % of it is documented as "
        "formally collected and recycled. How many tonnes are not documented? (1 tonne = 1,000 kg.)"
    ),
    answer=_EW.undocumented_t,
    tolerance=50,
    unit="tonnes",
    bounds=(0, 1e12),
    mistakes=[
        Mistake(_EW.collected_t, "That is the part documented as collected (15 %). The question asks for the rest, 85 %.", 50),
        Mistake(_EW.generated_t, "That is all the e-waste generated. Take away the 15 % that is collected.", 50),
        Mistake(_EW.undocumented_t * 1000, "That is in kg. Divide by 1,000 for tonnes.", 50_000),
        Mistake(8 * 30 * 0.85, "The population is 30 million, not 30: multiply by 30,000,000 people.", 1),
    ],
    hints=[
        "First the total: kg per person × people, then divide by 1,000 for tonnes.",
        "8 × 30,000,000 = 240 million kg = 240,000 tonnes. What is 85 % of it?",
    ],
    solution="8 kg × 30,000,000 people = 240,000 tonnes; 85 % of it, 204,000 tonnes, is not documented.",
    explanation="Undocumented does not mean dumped: some is stored at home or recycled informally. But nobody can say how it was treated.",
)

ghana_decoupling = MultipleChoice(
    id="green-ghana-decoupling",
    prompt=(
        "From 2010 to 2019, Ghana's manufacturing value added grew by 55.1 % and the CO2 from its manufacturing by "
        "61.9 % (UN SDG database). Which statement is right?"
    ),
    choices=[
        Choice(
            "This is relative decoupling, because emissions grew.",
            feedback="Relative decoupling needs emissions to grow more slowly than output. Here they grew faster: 61.9 % against 55.1 %.",
        ),
        Choice(
            "There is no decoupling: emissions grew faster than output, so each dollar of output emitted a little more.",
            correct=True,
            feedback="Yes. The intensity rose by about 4 % (1.619 / 1.551 = 1.04).",
        ),
        Choice(
            "This is absolute decoupling, because output grew.",
            feedback="Absolute decoupling needs emissions to fall or stay flat while output grows. Ghana's rose.",
        ),
        Choice(
            "Nothing can be said, because Ghana is a low-income country.",
            feedback="The classification works the same way for every country; it only needs the two changes. (Ghana was a "
            "lower-middle-income country in the 2022 classification.)",
        ),
    ],
    hints=["Compare the two growth rates: which is bigger?"],
    solution="B. No decoupling: CO2 from manufacturing (+61.9 %) grew faster than value added (+55.1 %).",
)

circular_word = ShortText(
    id="green-circular-word",
    prompt=(
        "What do we call an economy that keeps products and materials in use for as long as possible, by repair, "
        "reuse, refurbishing and recycling, instead of the line 'take, make, throw away'? (Two words.)"
    ),
    accepted=["circular economy", "a circular economy", "the circular economy"],
    wrong={
        "linear economy": "The linear economy is the line 'take, make, throw away' itself. Its opposite keeps materials going round.",
        "green economy": "A green economy is a broader idea (low carbon, clean, inclusive). The word asked for names the loop of materials.",
        "recycling": "Recycling is one part of it, and the last resort. The whole idea has a name of two words.",
        "sharing economy": "The sharing economy is about sharing the use of goods (cars, rooms). The word asked for is about keeping materials in use.",
    },
    hints=["Materials go round and round, in a circle, instead of along a line."],
    solution="The circular economy.",
)

_FAST = decoupling_demo(10.0, -5.0, 10)

demo_fast_growth = Numeric(
    id="green-demo-fast-growth",
    prompt=(
        "Set the demo to output growth 10 % a year, intensity change −5 % a year, 10 years. By how many % are "
        "emissions higher after 10 years than at the start? (Round to one decimal.)"
    ),
    answer=_FAST.emissions_end - 100,
    tolerance=0.1,
    unit="%",
    bounds=(-100, 1e6),
    mistakes=[
        Mistake(50.0, "That adds the yearly rates (10 − 5 = 5) and multiplies by 10 years. Changes compound: (1.10 × 0.95)^10.", 0.1),
        Mistake(5.0, "That is one year's rough change. The question asks about 10 years.", 0.2),
        Mistake((1.05**10 - 1) * 100, "Close: that is 5 % a year for 10 years. But 1.10 × 0.95 = 1.045, not 1.05.", 0.1),
    ],
    hints=[
        "Each year emissions are multiplied by 1.10 × 0.95.",
        "After 10 years: (1.10 × 0.95)^10 = 1.045^10. Subtract 1 and multiply by 100.",
    ],
    solution="(1.10 × 0.95)^10 = 1.045^10 = 1.553: emissions are 55.3 % higher, although each dollar emits 40 % less.",
    explanation="Intensity fell by 40 % (0.95^10 = 0.60), yet output grew by 159 %: relative decoupling, and much more CO2.",
)
