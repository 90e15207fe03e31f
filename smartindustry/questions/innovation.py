"""Questions for the chapter "Innovation ecosystems and joint innovation challenges" and its exercises."""

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

# -- self-checks in the chapter --------------------------------------------------

ecosystem_roles = MultipleChoice(
    id="innovation-ecosystem-roles",
    prompt=(
        "In a town's innovation ecosystem, a university trains engineers, a bank lends to small firms, "
        "a ministry sets the rules, and a start-up sells a new sensor. Which actor is missing if no one "
        "in the town can test a prototype, meet investors or find mentors?"
    ),
    choices=[
        Choice("A second university.", feedback="A university trains people and does research, and the town already has one. The missing piece links people, tests and money."),
        Choice(
            "An innovation hub (an incubator, accelerator or technology centre).",
            correct=True,
            feedback="Yes. A hub gives space, test equipment, mentors and contacts with investors: it links the other actors.",
        ),
        Choice("A larger ministry.", feedback="Government sets rules and may fund programmes, but it rarely runs the workshops, tests and mentoring itself."),
        Choice("More start-ups.", feedback="More start-ups would need the same missing support: somewhere to test, learn and meet investors."),
    ],
    hints=["Which actor's job is to connect the others, and to give young firms space, tests and mentors?"],
    solution="B. An innovation hub links universities, firms, start-ups and investors, and gives young firms space, equipment and mentors.",
)

rd_intensity = Numeric(
    id="innovation-rd-intensity",
    prompt=(
        "A country's firms, universities and government spend USD 0.9 billion on research and development "
        "in a year in which its GDP is USD 150 billion. What is its R&D spending as a share of GDP "
        "(SDG indicator 9.5.1), in percent?"
    ),
    answer=0.6,
    tolerance=0.005,
    unit="%",
    bounds=(0, 100),
    mistakes=[
        Mistake(0.006, "That is the share as a fraction. The indicator is in percent: multiply by 100.", 0.0001),
        Mistake(150 / 0.9, "You divided GDP by R&D spending. Divide the R&D spending by GDP.", 0.5),
        Mistake(6.0, "Check the decimal point: 0.9 / 150 is 0.006, which is 0.6 %, not 6 %.", 0.05),
    ],
    hints=["R&D share of GDP = R&D spending / GDP x 100.", "0.9 / 150 = 0.006. Now turn it into percent."],
    solution="0.9 / 150 x 100 = 0.6 % of GDP, close to the median of lower-middle-income countries in the chapter's data.",
)

weight_share = Numeric(
    id="innovation-weight-share",
    prompt=(
        "A jury gives the four criteria of a rubric these weights: impact 4, feasibility 2, inclusion 3, "
        "sustainability 1. What share of the total weight does inclusion carry, in percent?"
    ),
    answer=30,
    tolerance=0.05,
    unit="%",
    bounds=(0, 100),
    mistakes=[
        Mistake(3, "That is inclusion's raw weight. Divide it by the sum of all the weights.", 0.001),
        Mistake(0.3, "That is the share as a fraction (0.3). Give it in percent.", 0.001),
        Mistake(25, "That would be inclusion's share if the four weights were equal. Use the weights given.", 0.05),
    ],
    hints=["Add up the four weights first.", "Inclusion's share = 3 / (4 + 2 + 3 + 1)."],
    solution="The weights add up to 10, so inclusion carries 3 / 10 = 30 % of the total weight.",
)

challenge_design = MultipleChoice(
    id="innovation-challenge-design",
    prompt=(
        "A ministry and a telecom firm plan a joint innovation challenge for digital tools in small "
        "factories. Which steps make the judging fair and credible? Select all that apply."
    ),
    choices=[
        Choice("Publish the criteria, their weights and the tie-break rule in the call, before anyone applies.", correct=True,
               feedback="Yes. Applicants know what counts, and the jury cannot change the rules once it sees the names."),
        Choice("Ask judges to declare any link with an applicant and to stay out of scoring that proposal.", correct=True,
               feedback="Yes. Declaring conflicts of interest protects both the judges and the applicants."),
        Choice("Let the jury choose the weights after reading the proposals, so they fit the best ideas.", feedback="Weights chosen after reading the proposals can be tuned to make a favourite win. Fix them in advance."),
        Choice("Give only the sponsoring firm's staff a vote, since it pays for the prize.", feedback="A jury drawn from one partner may favour proposals that suit that partner. Mix judges from the different stakeholders."),
    ],
    multiple=True,
    hints=["Fairness means the rules are known before the results, and no judge judges a friend."],
    solution="A and B. Publish the rubric and tie-break rule in advance, and manage conflicts of interest; a mixed jury fixed before the call.",
)

tie_rule = MultipleChoice(
    id="innovation-tie-rule",
    prompt=(
        "With equal weights, two proposals in the chapter's example, Machine sharing and Sensor kit, both "
        "total 3.50 out of 5. The call said: \"a tie is broken by the higher score on impact\". Both score 4 "
        "on impact. What happens?"
    ),
    choices=[
        Choice("Machine sharing ranks higher, because its name comes first in the alphabet.", feedback="The alphabet only decides the order in which tied proposals are listed, not their rank."),
        Choice("They still share their rank; the jury needs a second rule, also announced in advance.", correct=True,
               feedback="Yes. A tie-break criterion can itself be tied. Good calls name a second rule (another criterion, or a vote of the whole jury)."),
        Choice("Sensor kit ranks higher, because it has the higher sustainability score.", feedback="The rule in the call names impact only. Using another criterion now would change the rules after the results."),
        Choice("The jury should raise one of the scores a little to separate them.", feedback="Changing scores to break a tie is not fair: the scores must reflect the proposals, not the result wanted."),
    ],
    hints=["Apply the announced rule: compare the impact scores. Are they different?"],
    solution="B. Both score 4 on impact, so the rule does not separate them; they share the rank until a second announced rule is applied.",
)

ip_balance = MultipleChoice(
    id="innovation-ip-balance",
    prompt=(
        "In 2022, India received about USD 1.17 billion in charges for the use of intellectual property and "
        "paid about USD 10.43 billion (World Bank). What is the best reading of this balance of minus USD 9.3 billion?"
    ),
    choices=[
        Choice("Indian firms invent nothing.", feedback="Too strong: India's residents filed over 26,000 patent applications in 2021. The balance shows that India pays more for foreign know-how than it earns from its own."),
        Choice(
            "Firms in India pay more to use patents, brands, software and designs owned abroad than firms abroad pay to use Indian ones.",
            correct=True,
            feedback="Yes. The charges are payments for the right to use intellectual property (licences, franchises, royalties). Buying know-how can be a fast way to learn; the balance does not say it is bad.",
        ),
        Choice("India lost USD 9.3 billion through theft of its ideas.", feedback="These are legal payments for licences and royalties, recorded in the balance of payments, not losses from theft."),
        Choice("India spent USD 9.3 billion on research and development.", feedback="R&D spending is a different indicator (9.5.1). IP charges are payments between countries for the use of existing ideas."),
    ],
    hints=["Receipts are what a country earns when others use its intellectual property; payments are what it pays to use theirs."],
    solution="B. A negative balance means a country pays more for the use of foreign intellectual property than it earns from its own; many fast-growing economies do, China too.",
)

# -- exercises -----------------------------------------------------------------

indicator_code = ShortText(
    id="innovation-indicator-code",
    prompt=(
        "Which SDG indicator counts researchers (full-time equivalent) per million inhabitants? "
        "Give its number, such as 9.2.1."
    ),
    accepted=["9.5.2", "sdg 9.5.2", "indicator 9.5.2"],
    wrong={
        "9.5.1": "9.5.1 is research and development spending as a share of GDP. Researchers are counted by the next indicator.",
        "9.b.1": "9.b.1 is the share of medium and high-tech industry in manufacturing value added.",
        "9.c.1": "9.c.1 is the share of people covered by a mobile network.",
        "9.5": "9.5 is the target (enhance research and technology). Give the number of the indicator under it.",
    },
    hints=["Target 9.5 has two indicators: one for money, one for people.", "Spending is 9.5.1."],
    solution="9.5.2: researchers (in full-time equivalent) per million inhabitants. 9.5.1 is R&D spending as a share of GDP.",
)

rd_cannot_tell = MultipleChoice(
    id="innovation-rd-cannot-tell",
    prompt=(
        "In the chapter's data, Kenya spent 0.81 % of its GDP on R&D in 2024 and Germany 3.15 % in 2023. "
        "Which statements can these two numbers NOT support? Select all that apply."
    ),
    choices=[
        Choice("Germany spent a larger share of its economy on R&D than Kenya.", feedback="This one the numbers do support: 3.15 % is a larger share than 0.81 %, even though the years differ by one."),
        Choice("German R&D produces four times as many useful inventions per dollar as Kenyan R&D.", correct=True,
               feedback="Right, they cannot: spending is an input. It says nothing about what each dollar produces."),
        Choice("Kenya's firms do little innovation.", correct=True,
               feedback="Right, they cannot: much innovation in firms (new processes, adopted technologies, better organisation) involves no formal R&D and is not counted in 9.5.1."),
        Choice("In money, Germany spent far more than Kenya on R&D.", correct=True,
               feedback="Right, the shares alone cannot tell: you also need each GDP in dollars. (In fact Germany's economy is much larger, but the shares do not show it.)"),
    ],
    multiple=True,
    hints=["R&D spending as a share of GDP is an input, measured relative to the size of each economy."],
    solution="B, C and D. The shares compare effort relative to each economy; they say nothing about results per dollar, innovation without R&D, or amounts in dollars.",
)

weighted_total = Numeric(
    id="innovation-weighted-total",
    prompt=(
        "The proposal Solar cooling scores impact 3, feasibility 4, inclusion 4 and sustainability 5 (out of 5). "
        "The weights are impact 4, feasibility 2, inclusion 3, sustainability 1. What is its weighted total, "
        "on the same 0 to 5 scale?"
    ),
    answer=3.7,
    tolerance=0.005,
    bounds=(0, 5),
    mistakes=[
        Mistake(37, "That is the sum of weight x score. Divide it by the sum of the weights (10) to get back to the 0 to 5 scale.", 0.01),
        Mistake(4.0, "That is the plain average of the four scores: it ignores the weights.", 0.005),
        Mistake(9.25, "You divided by the number of criteria (4). Divide by the sum of the weights (10).", 0.01),
    ],
    hints=[
        "Multiply each score by its weight and add: 4x3 + 2x4 + 3x4 + 1x5.",
        "Then divide by the sum of the weights, 4 + 2 + 3 + 1 = 10.",
    ],
    solution="(4x3 + 2x4 + 3x4 + 1x5) / 10 = 37 / 10 = 3.7 out of 5.",
)


def patents_per_million_reference(patents: pd.DataFrame, population: pd.DataFrame, year: int) -> pd.DataFrame:
    """Resident patent applications per million people, by country, in ``year``."""
    pat = patents[patents["year"] == year].dropna(subset=["value"])[["iso3", "value"]]
    pop = population[population["year"] == year].dropna(subset=["value"])[["iso3", "value"]]
    both = pat.merge(pop, on="iso3", suffixes=("_pat", "_pop"))
    return pd.DataFrame({
        "iso3": both["iso3"].astype(str),
        "per_million": both["value_pat"] / both["value_pop"] * 1e6,
    })


def _patent_inputs() -> tuple[pd.DataFrame, pd.DataFrame]:
    return load_indicator("patents_residents"), load_indicator("population")


def _compare_patents(got: object, expected: pd.DataFrame) -> Feedback:
    return compare_frames(got, expected, what=N_("the table"), mistakes=[
        ColumnMistake("per_million", 1e-6, N_("Your values are a million times too small: multiply patents / population by 1,000,000.")),
        ColumnMistake("per_million", 1e6, N_(
            "Your values are a million times too large: divide patents by population, then multiply by 1,000,000 once.")),
    ])


patents_task = CodeTask(
    id="innovation-patents-per-million",
    prompt=(
        "Write a function `patents_per_million(patents, population, year)`. `patents` is the table of "
        "patent applications by residents and `population` the population table, both from `load_indicator`. "
        "Return one row per country with both values in `year`, with the columns `iso3` and `per_million` "
        "(applications per million people)."
    ),
    name="patents_per_million",
    cases=lambda: [(*_patent_inputs(), year) for year in (2012, 2016, 2019)],
    reference=patents_per_million_reference,
    compare=_compare_patents,
    stub="def patents_per_million(patents, population, year):\n    ...  # replace ... with your code\n",
    hints=[
        "Keep the rows of `year` in each table, and only the columns `iso3` and `value`.",
        "Join them with `.merge(..., on='iso3', suffixes=('_pat', '_pop'))`: countries missing from either table drop out.",
        "`per_million` = `value_pat` / `value_pop` * 1_000_000. Return the columns `iso3` and `per_million`.",
    ],
    solution=(
        "def patents_per_million(patents, population, year):\n"
        "    pat = patents[patents['year'] == year][['iso3', 'value']]\n"
        "    pop = population[population['year'] == year][['iso3', 'value']]\n"
        "    both = pat.merge(pop, on='iso3', suffixes=('_pat', '_pop'))\n"
        "    both['per_million'] = both['value_pat'] / both['value_pop'] * 1_000_000\n"
        "    return both[['iso3', 'per_million']]"
    ),
)

partnership_kind = MultipleChoice(
    id="innovation-partnership-kind",
    prompt=(
        "ITU, UNIDO, a national innovation agency, two mobile operators and a university run a challenge "
        "together: the operators give data and prizes, the university gives mentors, the agencies run the "
        "call. What kind of partnership is this?"
    ),
    choices=[
        Choice("A public-private partnership in the strict sense: a long-term contract in which a firm builds and runs a public asset.",
               feedback="No asset is built and run under a long-term contract here, and no firm carries the risk of a public service."),
        Choice("A multi-stakeholder partnership: partners of different kinds pool knowledge, skills and money for a shared goal.", correct=True,
               feedback="Yes. Public bodies, firms, a university and international organisations each bring what they have."),
        Choice("A merger of the partners into one organisation.", feedback="Each partner stays independent; they cooperate on one programme."),
        Choice("A procurement: the agencies buy a product from the operators.", feedback="Nothing is bought: the operators give data and prizes as partners."),
    ],
    hints=["Count the kinds of partner, and ask whether there is a long-term contract for a public asset."],
    solution="B. It is a multi-stakeholder partnership. A PPP in the World Bank's sense is a long-term contract for a public asset or service.",
)

demo_weights = MultipleChoice(
    id="innovation-demo-weights",
    prompt=(
        "In the demo, set impact to 10 and the other three weights to 2. Compare with equal weights "
        "(all four at 5). What happens?"
    ),
    choices=[
        Choice("Solar cooling still wins: the scores did not change, so the ranking cannot change.",
               feedback="The scores are the same, but the weights decide how much each score counts. Move the sliders and look again."),
        Choice("Defect camera goes from last place to first, and Solar cooling falls from first to fourth.", correct=True,
               feedback="Yes. Defect camera has the highest impact score (5) and low scores elsewhere; when impact carries 62.5 % of the weight, it wins."),
        Choice("Repair training wins, because it has the highest feasibility and inclusion scores.",
               feedback="Those criteria now carry only 12.5 % of the weight each; Repair training falls to last place."),
        Choice("All five proposals tie, because impact scores are close.",
               feedback="Look at the totals: they range from 3.38 to 4.12. Only Machine sharing and Sensor kit tie, in second place."),
    ],
    hints=["Impact now carries 10 / 16 of the weight. Which proposal has the highest impact score?"],
    solution="B. With impact at 62.5 % of the weight, Defect camera (impact 5) wins with 4.12; Solar cooling drops to 3.50.",
    explanation="Whoever sets the weights shapes the result: that is why the weights belong in the call, agreed before the proposals arrive.",
)
