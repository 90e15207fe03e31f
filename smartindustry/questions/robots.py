"""Questions for the chapter "Robots and intelligent automation" and its exercises."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..exercises import Choice, CodeTask, Feedback, Mistake, MultipleChoice, Numeric, compare_frames, parse_number
from ..i18n import N_, format_decimal, gettext as _
from ..models.robots import EXAMPLES, automation_case

# -- self-checks in the chapter --------------------------------------------------

what_is_a_robot = MultipleChoice(
    id="robots-definition",
    prompt="Which of these machines is an industrial robot in the sense of the ISO 8373 standard?",
    choices=[
        Choice(
            "An arm with six joints that welds car bodies, and that engineers can reprogramme for a new car model.",
            correct=True,
            feedback="Yes: it is automatically controlled, reprogrammable, can do several jobs and moves in three or more axes.",
        ),
        Choice(
            "A bottling machine built to fill and cap one size of bottle, and nothing else.",
            feedback="That is fixed (dedicated) automation: it cannot be reprogrammed for other tasks.",
        ),
        Choice(
            "A vehicle for bomb disposal that a soldier steers with a joystick at every moment.",
            feedback="It is steered by a person all the time, not controlled automatically by a program.",
        ),
        Choice(
            "A washing machine with ten programmes.",
            feedback="It has programmes, but it is not a manipulator: it does not move parts or tools along several axes.",
        ),
    ],
    hints=["Look for three things: automatic control, reprogramming for different jobs, and an arm that moves in several axes."],
    solution="A. The welding arm is an automatically controlled, reprogrammable, multipurpose manipulator.",
)

cobot = MultipleChoice(
    id="robots-cobot",
    prompt="What makes a collaborative robot (cobot) different from a classic industrial robot?",
    choices=[
        Choice(
            "It is designed to share a workspace with people: it limits its force and speed and stops when it touches someone.",
            correct=True,
            feedback="Right. That is why it can work without a fence, next to a person.",
        ),
        Choice(
            "It learns every task by itself, with no programming.",
            feedback="Cobots are often easy to teach (by moving the arm by hand), but someone still teaches them.",
        ),
        Choice(
            "It needs no safety assessment, because it is safe by design.",
            feedback="Every robot application needs a risk assessment: a cobot holding a knife or a hot part is still dangerous.",
        ),
        Choice(
            "It is always stronger and faster than a classic robot.",
            feedback="The opposite: cobots are usually smaller, slower and carry lighter loads, so that contact is not dangerous.",
        ),
    ],
    hints=["Think of where the robot works: behind a fence, or next to a person?"],
    solution="A. A cobot is built to work near people: it limits force and speed and stops on contact.",
)

vision_risk = MultipleChoice(
    id="robots-vision-risk",
    prompt=(
        "A robot picks mangoes from a conveyor and places them in boxes. A camera and a model trained on "
        "10,000 photos of mangoes from one farm tell it where each fruit is. What is the most likely problem "
        "when the packhouse starts buying mangoes from other farms?"
    ),
    choices=[
        Choice("The robot arm wears out faster.", feedback="Wear depends on the work, not on where the fruit comes from."),
        Choice(
            "The model may fail more often on fruit that looks different from its training photos.",
            correct=True,
            feedback="Yes: a model is only as good as its examples. Check it on the new fruit, and retrain it if needed.",
        ),
        Choice("Nothing: a trained model works on any mango.", feedback="Models learn the examples they are shown; other varieties, sizes or colours can fool them."),
        Choice("The robot needs a fence.", feedback="Fences are about the safety of people, not about which fruit the camera sees."),
    ],
    hints=["Remember the chapter on AI and machine learning: a model trained on one production line was used on another."],
    solution="B. The training examples came from one farm; fruit from elsewhere may look different, so the model must be checked on it.",
)

growth_rate = Numeric(
    id="robots-cagr-check",
    prompt=(
        "A country installed 10,000 robots in 2018 and 20,000 in 2023. What was the compound annual growth "
        "rate of its installations, in percent a year?"
    ),
    answer=(2 ** (1 / 5) - 1) * 100,
    tolerance=0.1,
    unit="%",
    bounds=(-100, 1000),
    mistakes=[
        Mistake(20.0, "That is 100 % divided by 5 years. Growth compounds: each year grows from a larger base.", 0.1),
        Mistake(100.0, "That is the total growth over the five years. Take the fifth root to get the yearly rate.", 0.1),
        Mistake((2 ** (1 / 6) - 1) * 100, "From 2018 to 2023 there are 5 steps of one year, not 6.", 0.1),
        Mistake(2 ** (1 / 5) - 1, "That is the rate as a fraction; give it in percent (multiply by 100).", 0.002),
    ],
    hints=[
        "CAGR = (last / first) ^ (1 / number of years) − 1.",
        "(20,000 / 10,000) ^ (1 / 5) − 1 = 2 ^ 0.2 − 1; then multiply by 100.",
    ],
    solution="(20,000 / 10,000)^(1/5) − 1 = 2^0.2 − 1 = 0.1487, so about 14.9 % a year.",
    explanation="14.9 % a year, compounded five times, doubles the number: 1.149^5 = 2.",
)

density_meaning = MultipleChoice(
    id="robots-density",
    prompt="A ministry wants to know how automated its factories are compared with other countries. Which measure answers that best?",
    choices=[
        Choice(
            "Robots installed this year.",
            feedback="That is a flow in one year. A large country installs many robots even if each factory has few.",
        ),
        Choice(
            "Robots in use (the operational stock) per 10,000 manufacturing workers: robot density.",
            correct=True,
            feedback="Yes: it counts all robots at work, and divides by the size of the manufacturing workforce.",
        ),
        Choice(
            "Robots installed per million people.",
            feedback="That divides by all people, including children and farmers; it is a rough stand-in, not a measure of factories.",
        ),
        Choice(
            "The country's share of world installations.",
            feedback="A share says who buys the most robots, which mostly reflects the size of the economy.",
        ),
    ],
    hints=["Two questions: all robots at work, or only this year's? Divided by what?"],
    solution="B. Robot density: robots in use per 10,000 employees in manufacturing.",
)

research_finding = MultipleChoice(
    id="robots-research",
    prompt="Which statement matches the research on robots cited in this chapter?",
    choices=[
        Choice(
            "In US local labour markets from 1990 to 2007, areas more exposed to robots saw lower employment and wages.",
            correct=True,
            feedback="That is the finding of Acemoglu and Restrepo (2020).",
        ),
        Choice(
            "Robots raised employment in every industry and every country studied.",
            feedback="No study cited here finds that. Graetz and Michaels found no significant effect on total hours, and a lower share for low-skilled workers.",
        ),
        Choice(
            "Robots had no effect on productivity.",
            feedback="Graetz and Michaels (2018) estimate that robots added about 0.36 percentage points a year to labour productivity growth in 17 countries.",
        ),
        Choice(
            "Both studies measured the effect of robots in low-income countries.",
            feedback="Both studied rich economies: US local labour markets, and industries in 17 developed countries.",
        ),
    ],
    hints=["One study looked at US commuting zones; the other at industries in 17 rich countries."],
    solution="A. Acemoglu and Restrepo (2020) found lower employment and wages in US areas more exposed to robots.",
)

payback_simple = Numeric(
    id="robots-payback-check",
    prompt=(
        "A robot cell costs USD 80,000. Each year it saves USD 30,000 of wages, and costs USD 4,000 of upkeep "
        "and USD 6,000 of technician time. What is its simple payback, in years?"
    ),
    answer=80_000 / 20_000,
    tolerance=0.05,
    unit="years",
    bounds=(0, 1000),
    mistakes=[
        Mistake(80_000 / 30_000, "You left out the upkeep and the technician: the yearly gain is 30,000 − 4,000 − 6,000.", 0.05),
        Mistake(20_000 / 80_000, "You divided the wrong way round: payback = investment / yearly gain.", 0.01),
        Mistake(80_000 / 26_000, "You left out the technician's cost.", 0.05),
        Mistake(80_000 / 24_000, "You left out the upkeep.", 0.05),
    ],
    hints=[
        "Yearly gain = savings − upkeep − technician = 30,000 − 4,000 − 6,000.",
        "Payback = investment / yearly gain.",
    ],
    solution="Yearly gain = 30,000 − 4,000 − 6,000 = USD 20,000; payback = 80,000 / 20,000 = 4 years.",
)

development_policy = MultipleChoice(
    id="robots-policy",
    prompt=(
        "A government in a lower-middle-income country wants its garment and electronics firms to gain from "
        "automation without leaving workers behind. Which measures fit the chapter's argument? Select all that apply."
    ),
    choices=[
        Choice(
            "Train technicians who can install, programme and repair robots.",
            correct=True,
            feedback="The new jobs on an automated line need these skills; without them, robots stand idle.",
        ),
        Choice(
            "Help workers whose tasks are automated to retrain, and support their income while they do.",
            correct=True,
            feedback="Operators lose jobs before new ones appear; support decides who carries that cost.",
        ),
        Choice(
            "Make every factory buy robots, whatever the wages.",
            feedback="At low wages a robot often does not pay off; forcing it wastes capital that could create more jobs.",
        ),
        Choice(
            "Judge automation by the number of robots installed, not by what firms and workers gain.",
            feedback="Installations are a means, not an end: they say nothing about productivity, quality or jobs.",
        ),
    ],
    multiple=True,
    hints=["Which measures help people take the new tasks, or protect those who lose the old ones?"],
    solution="A and B: skills for the new tasks, and support for those who lose the old ones.",
)

# -- exercises -----------------------------------------------------------------

density_vs_installations = MultipleChoice(
    id="robots-density-vs-installations",
    prompt=(
        "In 2023, per the IFR data in the course, China installed about 276,000 industrial robots and South Korea "
        "about 31,000. What can you conclude about the number of robots per manufacturing worker?"
    ),
    choices=[
        Choice(
            "China's factories use more robots per worker than Korea's, since China installed about nine times as many robots.",
            feedback="Installations are one year's flow. China has many times more manufacturing workers, so per worker the comparison can go either way.",
        ),
        Choice(
            "Nothing yet: robot density needs the stock of robots in use and the number of manufacturing workers, "
            "and neither is in these two numbers.",
            correct=True,
            feedback="Right. Robot density = robots in use per 10,000 manufacturing employees.",
        ),
        Choice(
            "Korea uses more robots per worker, because it installed fewer robots.",
            feedback="Installing fewer robots does not mean more robots per worker. You need the stock and the workforce.",
        ),
        Choice(
            "Density is installations per 10,000 people, so China's density is 276,000 / 141,000 ≈ 2.",
            feedback="Density uses the robots in use (not one year's installations) and manufacturing workers (not all people).",
        ),
    ],
    hints=[
        "Is 'installed in 2023' the same as 'in use in 2023'?",
        "What do you divide by to get robots per worker?",
    ],
    solution="B. These are installations (a flow) and no workforce is given; density divides the robots in use by manufacturing employees.",
)


# Exercise 2: compound annual growth rate of world installations, 2013 to 2022.


def _world_series():
    from ..data import aggregates

    world = aggregates("robots_installed", area="OWID-WRL")
    return world.set_index("year")["value"]


def _cagr_world_2013_2022() -> float:
    world = _world_series()
    return float(((world.loc[2022] / world.loc[2013]) ** (1 / 9) - 1) * 100)


def _compare_cagr(got: object, expected: float) -> Feedback:
    try:
        value, _note = parse_number(got)
    except ValueError as exc:
        return Feedback("unreadable", str(exc))
    world = _world_series()
    ratio = world.loc[2022] / world.loc[2013]
    shown = format_decimal(f"{value:.2f}")
    if abs(value - expected) <= 0.05:
        return Feedback("correct", _("`cagr_world` ({value} %) is right.").format(value=shown), 1.0)
    known = [
        (expected / 100, 0.0005, _("That is the rate as a fraction; multiply by 100 to give it in percent.")),
        ((ratio - 1) * 100, 0.5, _("That is the total growth from 2013 to 2022. The yearly rate takes the 9th root of the ratio.")),
        ((ratio - 1) * 100 / 9, 0.05, _("That divides the total growth by 9. Growth compounds: use (last / first) ** (1 / 9) − 1.")),
        ((ratio ** (1 / 10) - 1) * 100, 0.05, _("From 2013 to 2022 there are 9 steps of one year, not 10.")),
        ((ratio ** (1 / 8) - 1) * 100, 0.05, _("From 2013 to 2022 there are 9 steps of one year, not 8.")),
    ]
    for bad, tol, message in known:
        if abs(value - bad) <= tol:
            return Feedback("incorrect", message)
    if value > expected:
        return Feedback("incorrect", _("`cagr_world` ({value}) is too high. Check the two years you picked.").format(value=shown))
    return Feedback("incorrect", _("`cagr_world` ({value}) is too low. Check the two years you picked.").format(value=shown))


cagr_task = CodeTask(
    id="robots-cagr-world",
    prompt=(
        "From the world series `world` (IFR via Our World in Data), compute the compound annual growth rate "
        "of world robot installations from 2013 to 2022, in percent a year, and store it in `cagr_world`."
    ),
    name="cagr_world",
    expected=_cagr_world_2013_2022,
    compare=_compare_cagr,
    stub="cagr_world = ...\n",
    hints=[
        "Make a Series with the year as its index: `w = world.set_index('year')['value']`; then `w.loc[2013]` is one value.",
        "CAGR = (last / first) ** (1 / number of years) − 1. From 2013 to 2022 is 9 years.",
        "Multiply by 100 to give percent.",
    ],
    solution=(
        "from smartindustry.data import aggregates\n"
        "world = aggregates('robots_installed', area='OWID-WRL')\n"
        "w = world.set_index('year')['value']\n"
        "cagr_world = ((w.loc[2022] / w.loc[2013]) ** (1 / 9) - 1) * 100"
    ),
)


# Exercise 3: each economy's share of world installations, year by year.


def world_shares_reference(robots: pd.DataFrame, world: pd.DataFrame) -> pd.DataFrame:
    """Each economy's installations as a percentage of the world's, for the years with a world value."""
    w = world[["year", "value"]].rename(columns={"value": "world"})
    out = robots.merge(w, on="year")
    out["share_pct"] = out["value"] / out["world"] * 100
    return out[["country", "year", "share_pct"]].reset_index(drop=True)


def _world_shares_cases() -> list[tuple[pd.DataFrame, pd.DataFrame]]:
    from ..data import aggregates, load_indicator

    robots = load_indicator("robots_installed")
    world = aggregates("robots_installed", area="OWID-WRL")

    def years(df, first, last):
        return df[(df["year"] >= first) & (df["year"] <= last)].reset_index(drop=True)

    # a made-up variant, so that no table of shares typed in by hand can pass
    rng = np.random.default_rng(10)
    robots_alt = years(robots, 2016, 2020).copy()
    robots_alt["value"] = (robots_alt["value"] * rng.uniform(0.5, 1.5, len(robots_alt))).round()
    world_alt = years(world, 2016, 2020).copy()
    world_alt["value"] = world_alt["value"] * 1.2
    return [
        (years(robots, 2011, 2014), years(world, 2011, 2014)),  # the world series starts in 2012
        (years(robots, 2020, 2023), years(world, 2020, 2023)),
        (robots_alt, world_alt),
    ]


def _compare_shares(got: object, expected: pd.DataFrame) -> Feedback:
    fb = compare_frames(got, expected, rtol=1e-6, atol=1e-6, what=N_("your table"))
    if fb.correct or not isinstance(got, pd.DataFrame) or "share_pct" not in got.columns:
        return fb
    if len(got) > len(expected) and got["share_pct"].isna().any():
        return Feedback("incorrect", _("Some rows have no share (NaN): drop the years with no world value, for example with an inner merge."))
    if len(got) == len(expected):
        try:
            a = np.sort(pd.to_numeric(got["share_pct"]).to_numpy(dtype=float))
            b = np.sort(expected["share_pct"].to_numpy(dtype=float))
            if np.allclose(a * 100, b, rtol=1e-6):
                return Feedback("incorrect", _("Your shares are fractions (0 to 1). Multiply by 100 to give percent."))
        except (TypeError, ValueError):
            pass
    return fb


world_shares_task = CodeTask(
    id="robots-world-shares",
    prompt=(
        "Write a function `world_shares(robots, world)`. `robots` is a table of installations by economy "
        "(columns `country`, `year`, `value`, ...) and `world` the world series (columns `year`, `value`, ...). "
        "Return one row per economy and year with the columns `country`, `year` and `share_pct`: the economy's "
        "installations as a percentage of the world's in that year (not rounded). Keep only the years that have a world value."
    ),
    name="world_shares",
    cases=_world_shares_cases,
    reference=world_shares_reference,
    compare=_compare_shares,
    stub="def world_shares(robots, world):\n    ...  # replace ... with your code\n",
    hints=[
        "Put the world value next to each economy's value with a merge on `year`: "
        "`robots.merge(world[['year', 'value']].rename(columns={'value': 'world'}), on='year')`.",
        "An inner merge (the default) drops the years with no world value.",
        "Add `share_pct = value / world * 100` and return the three columns.",
    ],
    solution=(
        "def world_shares(robots, world):\n"
        "    w = world[['year', 'value']].rename(columns={'value': 'world'})\n"
        "    out = robots.merge(w, on='year')\n"
        "    out['share_pct'] = out['value'] / out['world'] * 100\n"
        "    return out[['country', 'year', 'share_pct']]"
    ),
)


# Exercise 4: payback of a packing line (numbers from the course's model).

PACKING_LINE = {
    "robots": 2,
    "robot_cost": 60_000,
    "lifetime_years": 8,
    "maintenance_share": 0.04,
    "workers_replaced": 4,
    "wage_per_year": 6_000,
    "output_gain": 30_000,
    "margin_per_unit": 0.5,
    "interest_rate": 0.10,
    "technicians": 0.5,
    "technician_wage_ratio": 2.5,
}

_packing = automation_case(**PACKING_LINE)
_investment = _packing.investment
_savings = _packing.labour_saved + _packing.extra_output_value

packing_payback = Numeric(
    id="robots-packing-payback",
    prompt=(
        "A food firm in Kenya thinks of buying 2 robots at USD 60,000 each (installed) for its packing line. "
        "They would replace 4 operators (2 on each of two shifts) who cost USD 6,000 a year each, and pack "
        "30,000 more units a year at a profit of USD 0.50 a unit. Upkeep is 4 % of the price a year; half a "
        "technician's time is needed, at 2.5 times an operator's cost; the robots last 8 years and money costs "
        "10 % a year. With `automation_case`, find the simple payback in years. (Illustrative numbers.)"
    ),
    answer=_packing.payback_years,
    tolerance=0.05,
    unit="years",
    bounds=(0, 1000),
    mistakes=[
        Mistake(_investment / _savings, "You left out the upkeep and the technician's cost from the yearly gain.", 0.05),
        Mistake(PACKING_LINE["robot_cost"] / _packing.cash_gain, "That uses the price of one robot; the firm buys two.", 0.05),
        Mistake(_investment / (_packing.cash_gain - _packing.extra_output_value),
                "You left out the profit on the extra output (30,000 units × USD 0.50).", 0.05),
        Mistake(8.0, "8 years is the robots' life, not the payback.", 0.01),
    ],
    hints=[
        "Call `automation_case(robots=2, robot_cost=60_000, lifetime_years=8, maintenance_share=0.04, workers_replaced=4, "
        "wage_per_year=6_000, output_gain=30_000, margin_per_unit=0.5, interest_rate=0.10, technicians=0.5, "
        "technician_wage_ratio=2.5)` and read `.payback_years`.",
        "By hand: yearly gain = 24,000 + 15,000 − 4,800 − 7,500; payback = 120,000 / gain.",
    ],
    solution=(
        "Investment 2 × 60,000 = USD 120,000. Yearly gain before the capital cost = wages saved 24,000 + extra "
        "profit 15,000 − upkeep 4,800 − technician 7,500 = USD 26,700. Payback = 120,000 / 26,700 ≈ 4.49 years."
    ),
    explanation=(
        "The payback is shorter than the 8-year life, and the model's net benefit, which also counts 10 % interest, "
        "is positive too: this line pays off even at a wage of USD 6,000, because of the extra output."
    ),
)

who_gains = MultipleChoice(
    id="robots-who-gains",
    prompt=(
        "A car-parts plant replaces 8 operators with 4 robots and hires 1 technician, as in the chapter's model. "
        "The robots pay off. Who is likely to gain, at least at first? Select all that apply."
    ),
    choices=[
        Choice("The firm's owners, through higher profits.", correct=True, feedback="The net benefit goes to the firm first."),
        Choice("The technician, whose skills are now in demand.", correct=True, feedback="A new job, usually better paid, for someone with the right skills."),
        Choice(
            "The 8 operators, who all move to better jobs in the plant.",
            feedback="The line now needs 1 technician, not 8 operators. Without retraining and new jobs elsewhere, most lose out.",
        ),
        Choice(
            "Buyers of the parts, if competition passes lower costs on as lower prices.",
            correct=True,
            feedback="Graetz and Michaels (2018) found that robots lowered output prices in the industries that used them.",
        ),
        Choice(
            "Every worker in the town, equally.",
            feedback="Acemoglu and Restrepo (2020) found lower employment and wages in US areas more exposed to robots; gains are not shared equally.",
        ),
    ],
    multiple=True,
    hints=["Follow the money: who receives the net benefit, and whose wages are no longer paid?", "Three options are right."],
    solution="A, B and D. The operators lose their jobs on the line, and the town as a whole does not gain equally.",
)

# Interactive demo: what makes the low-wage line pay off?

_low = EXAMPLES["low-wage economy (illustrative)"]


def _net(**changes: float) -> float:
    return automation_case(**{**_low, **changes}).net_benefit


low_wage_reflection = MultipleChoice(
    id="robots-low-wage-reflection",
    prompt=(
        "Start the demo from the low-wage example (wage USD 3,000, interest 12 %). Which ONE change, on its own, "
        "makes the robot line pay off (net benefit above zero)?"
    ),
    choices=[
        Choice(
            "Cheaper money: interest of 4 % instead of 12 %.",
            feedback=f"It helps, but the line still loses about USD {-_net(interest_rate=0.04):,.0f} a year.",
        ),
        Choice(
            "Higher wages: USD 12,000 a year instead of USD 3,000.",
            correct=True,
            feedback=f"Yes: above the break-even wage of about USD {automation_case(**_low).break_even_wage:,.0f}, the saved wages pay for the robots.",
        ),
        Choice(
            "Half a technician instead of one.",
            feedback=f"At these wages the technician costs little; the line still loses about USD {-_net(technicians=0.5):,.0f} a year.",
        ),
        Choice(
            "Twice the extra output: 40,000 units a year instead of 20,000.",
            feedback=f"It adds USD 20,000 a year; the line still loses about USD {-_net(output_gain=40_000):,.0f}.",
        ),
    ],
    hints=["Move one slider at a time from the starting values, and watch the net benefit.", "Which input multiplies the 8 jobs replaced?"],
    solution=(
        "B. The saved wages (8 × wage) are what pays for the robots; at USD 3,000 they are too small. "
        "The break-even wage at 12 % interest is about USD 11,800 a year."
    ),
)
