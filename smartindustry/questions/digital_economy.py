"""Questions for the chapter "The digital economy" and its exercises."""

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
    compare_frames,
)
from ..i18n import N_, gettext as _

# -- self-checks in the chapter --------------------------------------------------

delivered = MultipleChoice(
    id="digital-economy-delivered",
    prompt=(
        "Which of these is a digitally delivered service: a service that is sold and delivered to the buyer "
        "over a computer network?"
    ),
    choices=[
        Choice(
            "A smartphone made in Viet Nam and shipped to a shop in Brazil.",
            feedback="A phone is an ICT good: it is made of matter and travels by ship, plane or truck.",
        ),
        Choice(
            "A firm in Nairobi that keeps the accounts of a client in London and sends them by the Internet.",
            correct=True,
            feedback="Yes: the service is ordered, done and delivered over the network; nothing crosses the border by road.",
        ),
        Choice(
            "A taxi ride in Lima booked with an app.",
            feedback="The app is digital, but the service, the ride, is delivered in the street. It is a platform-enabled "
            "service, not a digitally delivered one.",
        ),
        Choice(
            "A bag of coffee sold at a market stall and paid in cash.",
            feedback="Neither the good nor the payment uses a network.",
        ),
    ],
    hints=["Ask for each: does the thing the buyer pays for reach them through a network, or by road, ship or on foot?"],
    solution="B. The accounting service is done and delivered over the Internet.",
)

servers_ratio = Numeric(
    id="digital-economy-servers-ratio",
    prompt=(
        "In 2024 the World Bank's high-income group had 85,831.2 secure Internet servers per million people, and "
        "its low-income group 26.4. How many times as many servers per person did the high-income group have? "
        "Round to a whole number."
    ),
    answer=85_831.2 / 26.4,
    tolerance=5,
    unit="times",
    bounds=(0, 1e7),
    mistakes=[
        Mistake(85_831.2 - 26.4, "That is the difference in servers per million people. 'How many times' asks for a ratio: divide.", 1),
        Mistake(26.4 / 85_831.2, "You divided the wrong way round: the high-income value goes on top.", 0.0001),
        Mistake(50_907.3 / 808.5, "That is the ratio of GDP per person (about 63). The question asks about servers.", 1),
    ],
    hints=["'How many times as many' means: divide the larger value by the smaller one."],
    solution="85,831.2 / 26.4 ≈ 3,251: more than three thousand times as many servers per person.",
    explanation="The income gap between the two groups was about 63 times: the gap in digital infrastructure for "
    "business is far larger than the gap in income.",
)

hightech_label = MultipleChoice(
    id="digital-economy-hightech-label",
    prompt=(
        "A report writes: 'SDG indicator 9.b.1: the Philippines, 67 % in 2020.' The 67 % is the World Bank's "
        "high-technology exports as a share of manufactured exports (TX.VAL.TECH.MF.ZS). What is wrong?"
    ),
    choices=[
        Choice(
            "Nothing: high-technology exports are the official indicator 9.b.1.",
            feedback="9.b.1 is the share of medium and high-tech industry in manufacturing value added: production, "
            "not exports. For the Philippines it was 47.2 % in 2020.",
        ),
        Choice(
            "The label is wrong: 9.b.1 is the medium and high-tech share of manufacturing value added. High-tech "
            "exports measure what leaves the country, by product, not the value added at home.",
            correct=True,
            feedback="Yes. Two different measures: one of trade, one of production. Give each its own name.",
        ),
        Choice(
            "The number is too high: no country can export two thirds high-tech goods.",
            feedback="The value is as the World Bank publishes it. Electronics assembly gives the Philippines and "
            "Malaysia very high shares of high-tech exports.",
        ),
        Choice(
            "Only the year is wrong: 9.b.1 is measured every ten years.",
            feedback="The year is not the problem, and 9.b.1 is not a ten-yearly measure. The problem is which "
            "quantity carries the label.",
        ),
    ],
    hints=["Read the definition of 9.b.1 in the chapter. Does it speak of exports, or of value added?"],
    solution="B. The official 9.b.1 is the medium and high-tech share of manufacturing value added; high-tech exports "
    "are a different indicator and should be labelled as such.",
)

network_pairs = Numeric(
    id="digital-economy-network-pairs",
    prompt=(
        "A mobile-money service has 50 users in a village. Every user can send money to every other user. "
        "How many different pairs of users are there?"
    ),
    answer=50 * 49 / 2,
    tolerance=0.5,
    unit="pairs",
    bounds=(0, 1e9),
    mistakes=[
        Mistake(50 * 50, "That is 50 × 50. A user does not pair with herself, and the pair A–B is the same pair as B–A.", 0.5),
        Mistake(50 * 49, "You counted each pair twice (A–B and B–A). Divide by 2.", 0.5),
        Mistake(49, "That is the pairs of one user. Count the pairs of all users.", 0.5),
    ],
    hints=[
        "Each user can pair with 49 others.",
        "50 × 49 counts every pair twice, once from each side.",
    ],
    solution="50 × 49 / 2 = 1,225 pairs.",
    explanation="With 100 users there are 4,950 pairs: twice the users, about four times the pairs. This is why a "
    "network becomes much more useful as it grows.",
)

demo_fee = Numeric(
    id="digital-economy-demo-fee",
    prompt=(
        "Use the demo with 10 agents per 10,000 people and 5 % first users. What is the highest fee per transfer, "
        "among the slider's steps, at which the service still takes off (half of the people or more use it after "
        "24 months)? Answer in US dollars."
    ),
    answer=0.3,
    tolerance=0.01,
    unit="USD",
    bounds=(0, 1.0),
    mistakes=[
        Mistake(0.4, "At USD 0.40 the service fades to 0 % with these settings. Try one step lower.", 0.01),
        Mistake(0.5, "At USD 0.50 the service fades with these settings. Try lower fees.", 0.01),
    ],
    hints=[
        "Set the agents to 10 and the first users to 5 %, then move the fee one step at a time.",
        "Read the first line of the result: 'took off' or 'faded'.",
    ],
    solution="USD 0.30. From USD 0.40 up, too few people find the service worth its cost at launch, and it fades.",
    explanation="A few cents decide whether the network reaches its critical mass: below it, users leave, and the "
    "service becomes worth even less to those who stay.",
)

gdp_hides = MultipleChoice(
    id="digital-economy-gdp-hides",
    prompt="Which of these does GDP leave out, or count badly? Select all that apply.",
    choices=[
        Choice(
            "The value to users of a free search engine or map app, beyond the advertising that pays for it.",
            correct=True,
            feedback="Yes. GDP counts what is sold; a free service appears only through the advertising it sells.",
        ),
        Choice(
            "Unpaid work at home, such as caring for children, and unpaid help in a family business online.",
            correct=True,
            feedback="Yes. Household services people produce for themselves are outside GDP; unpaid family work is "
            "hard to see in surveys.",
        ),
        Choice(
            "Sales of a street trader who is not registered.",
            correct=True,
            feedback="Yes, partly: GDP is meant to include informal production, but statisticians must estimate it, "
            "and it is often under-counted.",
        ),
        Choice(
            "Smartphones sold in shops.",
            feedback="Sales of goods in registered shops are what GDP measures best.",
        ),
    ],
    multiple=True,
    hints=["GDP counts production that is sold at a price, or that can be valued like it. Which items have no price, or no record?"],
    solution="A, B and C. Free services, unpaid work and much informal activity are missing or estimated; shop sales are counted.",
)

# -- exercises -----------------------------------------------------------------

agent_word = ShortText(
    id="digital-economy-agent",
    prompt=(
        "In Kenya, a mobile-money user who wants cash walks to a small shop, sends mobile money to the shop "
        "keeper's account, and receives banknotes. What is such a shop keeper called, in one word?"
    ),
    accepted=["agent", "agents", "an agent", "mobile money agent", "mobile-money agent", "cash agent", "m-pesa agent"],
    wrong={
        "bank": "A bank keeps accounts and lends. This shop keeper only changes mobile money into cash and back.",
        "atm": "An ATM is a machine of a bank. Here a person in a shop does the work.",
        "cashier": "Close, but the word used for mobile money is the one for someone who acts on behalf of the operator.",
        "merchant": "A merchant sells goods for mobile money. Here the shop keeper changes mobile money into cash.",
    },
    hints=["The shop keeper acts on behalf of the mobile operator, as a travel ___ acts for an airline."],
    solution="An agent (a mobile-money agent): a shop that does cash-in and cash-out on behalf of the operator.",
)

#: The four World Bank income groups, from poorest to richest.
INCOME_GROUPS = ["Low income", "Lower middle income", "Upper middle income", "High income"]


def median_by_income_reference(table: pd.DataFrame, year: int) -> pd.DataFrame:
    """Median of the country values of one year, by World Bank income group (the reference solution)."""
    one = table[table["year"] == year]
    one = one.assign(iso3=one["iso3"].astype(str))
    merged = one.merge(countries()[["iso3", "wb_income_group"]], on="iso3")
    merged = merged[merged["wb_income_group"].isin(INCOME_GROUPS)]
    out = merged.groupby("wb_income_group", observed=True)["value"].median().reset_index(name="median")
    out["wb_income_group"] = out["wb_income_group"].astype(str)
    return out


def _compare_medians(got: object, expected: pd.DataFrame) -> Feedback:
    if isinstance(got, pd.DataFrame) and "wb_income_group" in got.columns and len(got) == len(expected) + 1:
        if "Not classified" in set(got["wb_income_group"].astype(str)):
            return Feedback("incorrect", _("Your table has a row 'Not classified'. Keep only the four income groups."))
    return compare_frames(got, expected, what=N_("the table returned by `median_by_income()`"))


def _median_cases() -> list[tuple[pd.DataFrame, int]]:
    servers = load_indicator("secure_servers_per_million")
    broadband = load_indicator("fixed_broadband_per100")
    return [(servers, 2024), (servers, 2015), (broadband, 2010)]


median_by_income_task = CodeTask(
    id="digital-economy-median-by-income",
    prompt=(
        "Write a function `median_by_income(table, year)` that takes a table of country values from "
        "`load_indicator(...)` and a year, and returns a DataFrame with the columns `wb_income_group` and "
        "`median`: the median value of the countries of each of the four World Bank income groups in that year."
    ),
    name="median_by_income",
    cases=_median_cases,
    reference=median_by_income_reference,
    compare=_compare_medians,
    stub="def median_by_income(table, year):\n    ...  # replace ... with your code\n",
    hints=[
        "Keep the rows of the year: `table[table['year'] == year]`.",
        "Add the income group with `.merge(countries()[['iso3', 'wb_income_group']], on='iso3')` (turn `iso3` into "
        "text first with `.astype(str)`), and keep the four groups with `.isin([...])`.",
        "Then `.groupby('wb_income_group', observed=True)['value'].median().reset_index(name='median')`, and `return` it.",
    ],
    solution=(
        "from smartindustry.data import countries\n"
        "def median_by_income(table, year):\n"
        "    one = table[table['year'] == year]\n"
        "    one = one.assign(iso3=one['iso3'].astype(str))\n"
        "    merged = one.merge(countries()[['iso3', 'wb_income_group']], on='iso3')\n"
        "    groups = ['Low income', 'Lower middle income', 'Upper middle income', 'High income']\n"
        "    merged = merged[merged['wb_income_group'].isin(groups)]\n"
        "    return (merged.groupby('wb_income_group', observed=True)['value']\n"
        "            .median().reset_index(name='median'))"
    ),
)

agent_profit = Numeric(
    id="digital-economy-agent-profit",
    prompt=(
        "A mobile-money agent in a market town in Tanzania serves 350 regular users. Each user comes 4 times a "
        "month to pay cash in or take cash out. The agent earns a commission of USD 0.10 per visit, and the "
        "service costs the agent USD 100 a month (time, a share of the rent, the cash and mobile money kept ready). "
        "What is the agent's profit a month, in US dollars? (A loss is a negative number.)"
    ),
    answer=350 * 4 * 0.10 - 100,
    tolerance=0.5,
    unit="USD",
    bounds=(-1e6, 1e6),
    mistakes=[
        Mistake(350 * 4 * 0.10, "That is the agent's income from commissions. Profit is income minus the USD 100 of costs.", 0.5),
        Mistake(350 * 0.10 - 100, "You counted one visit per user. Each user comes 4 times a month.", 0.5),
        Mistake(100 - 350 * 4 * 0.10, "You subtracted the wrong way round: profit = income − costs.", 0.5),
        Mistake(350 * 4 * 0.10 + 100, "Costs are taken away from the income, not added to it.", 0.5),
    ],
    hints=[
        "First the income: users × visits a month × commission per visit.",
        "Then profit = income − costs.",
    ],
    solution="Income 350 × 4 × USD 0.10 = USD 140; profit USD 140 − USD 100 = USD 40 a month.",
    explanation="With 250 users the agent would only break even (250 × 4 × 0.10 = USD 100). Too many agents for "
    "too few users, and agents give up.",
)

germany_philippines = MultipleChoice(
    id="digital-economy-germany-philippines",
    prompt=(
        "In 2020, high-technology goods were 15.5 % of Germany's manufactured exports, and 67.0 % of the "
        "Philippines'. Yet the medium and high-tech share of manufacturing value added (SDG 9.b.1) was 61.2 % in "
        "Germany and 47.2 % in the Philippines. Which explanation fits?"
    ),
    choices=[
        Choice(
            "Germany exports mostly medium-high-tech goods (cars, machines, chemicals), which the high-technology "
            "export list leaves out but 9.b.1 counts; the Philippines exports assembled electronics, which count as "
            "high-tech products even when much of their value was made abroad.",
            correct=True,
            feedback="Yes. The export list is narrow (aerospace, computers, pharmaceuticals, instruments, electrical "
            "machinery) and counts whole products; 9.b.1 counts the value added at home, in a wider group of industries.",
        ),
        Choice(
            "German industry is less advanced than Philippine industry.",
            feedback="One indicator cannot show that, and 9.b.1 points the other way. Ask what each indicator counts.",
        ),
        Choice(
            "One of the two numbers must be an error in the data.",
            feedback="Both are as published. They measure different things: exports of products, and value added by industries.",
        ),
        Choice(
            "High-tech exports are measured in tonnes, value added in dollars.",
            feedback="Both are shares of values in money. The difference is in what is counted, not the unit.",
        ),
    ],
    hints=["Is a car a 'high-technology' product in the export list? Where is the value of a phone assembled in Manila made?"],
    solution="A. The two indicators count different things: a narrow list of high-tech products exported, and value "
    "added at home by medium and high-tech industries.",
)

demo_agents = MultipleChoice(
    id="digital-economy-demo-agents",
    prompt=(
        "In the demo, set the fee to USD 0.50 and the first users to 5 %. Try every number of agents. What do you find?"
    ),
    choices=[
        Choice(
            "With 10 agents the service takes off and the agents break even.",
            feedback="Look again: at USD 0.50, 10 agents and 5 % first users, the service fades.",
        ),
        Choice(
            "It takes off only with 40 agents or more, and then each agent has too few users to break even: no number "
            "of agents does both. A lower fee, or more first users, is needed.",
            correct=True,
            feedback="Yes. More agents make trips shorter, but share the users among more shops. With 10 % first users "
            "and 10 agents, the same fee works for both.",
        ),
        Choice(
            "More agents always make things better for everyone.",
            feedback="Users gain from shorter trips, but each agent's commissions fall. Compare the agents' income with "
            "their USD 100 of costs at 40 agents and more.",
        ),
        Choice(
            "The number of agents makes no difference.",
            feedback="It does: with 40 agents or more the service takes off. Watch the cost to a user.",
        ),
    ],
    hints=["For each number of agents, read two things: did the service take off, and do agents break even?"],
    solution="B. It takes off only from 40 agents per 10,000 people, and then the agents earn about USD 83 a month "
    "against USD 100 of costs.",
)
