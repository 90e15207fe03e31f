"""Questions for the chapter "ITU and UNIDO: partnering for smart and inclusive industry".

The module also holds two small pure functions on the course data that the
chapter and its exercises use:

* :func:`income_group_medians`: median connectivity and industry indicators
  by World Bank income group in one year (the reference solution of a code task);
* :func:`explore_connectivity_industry`: the same table plus rank
  correlations, as a result object for the interactive demo.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..data import countries, indicator_info, load_indicator
from ..exercises import (
    NOT_ANSWERED,
    Choice,
    CodeTask,
    Feedback,
    Mistake,
    MultipleChoice,
    Numeric,
    compare_frames,
)
from ..i18n import N_, format_decimal, gettext as _

#: World Bank income groups (classification of 2022), poorest first.
#: The names are data (as in the course tables); they are translated where they are shown.
INCOME_GROUPS = [N_("Low income"), N_("Lower middle income"), N_("Upper middle income"), N_("High income")]

#: Short names of the indicators offered in the demo, with their units (translated where they are shown).
DEMO_LABELS = {
    "internet_users": N_("Internet users (% of population)"),
    "mobile_coverage_4g": N_("4G mobile coverage (% of population)"),
    "fixed_broadband_per100": N_("Fixed broadband (subscriptions per 100 people)"),
    "mva_per_capita": N_("MVA per capita (constant 2015 USD per person)"),
    "mva_share_gdp": N_("MVA share of GDP (%)"),
    "medhigh_tech_share": N_("Medium and high-tech share of MVA (%)"),
}

# -- data helpers -----------------------------------------------------------------


def income_group_medians(connect: pd.DataFrame, industry: pd.DataFrame, countries: pd.DataFrame, year: int) -> pd.DataFrame:
    """Median of a connectivity and an industry indicator by income group, in one year.

    ``connect`` and ``industry`` are long tables as returned by
    :func:`smartindustry.data.load_indicator`; ``countries`` is
    :func:`smartindustry.data.countries`. Only rows with ``sex == "total"`` and
    the given ``year`` are used, and only countries with a value in both
    tables and in one of the four income groups. Each country counts once
    (the medians are not weighted by population).

    Returns one row per income group with the columns ``income_group``,
    ``n_countries``, ``connectivity_median`` and ``industry_median`` (in the
    units of the two indicators).
    """
    c = connect[(connect["sex"] == "total") & (connect["year"] == year)]
    i = industry[(industry["sex"] == "total") & (industry["year"] == year)]
    c = c[["iso3", "value"]].rename(columns={"value": "connectivity"})
    i = i[["iso3", "value"]].rename(columns={"value": "industry"})
    both = c.merge(i, on="iso3").dropna()
    both = both.merge(countries[["iso3", "wb_income_group"]], on="iso3")
    both = both[both["wb_income_group"].isin(INCOME_GROUPS)]
    out = (
        both.groupby("wb_income_group", observed=True)
        .agg(
            n_countries=("iso3", "size"),
            connectivity_median=("connectivity", "median"),
            industry_median=("industry", "median"),
        )
        .reset_index()
        .rename(columns={"wb_income_group": "income_group"})
    )
    out["income_group"] = out["income_group"].astype(str)
    order = {g: k for k, g in enumerate(INCOME_GROUPS)}
    return out.sort_values("income_group", key=lambda s: s.map(order)).reset_index(drop=True)


def country_pairs(connectivity: str, industry: str, year: int) -> pd.DataFrame:
    """One row per country with a value of both indicators in ``year`` and an income group.

    Columns: ``iso3``, ``country``, ``income_group``, ``connectivity``, ``industry``.
    """
    c = load_indicator(connectivity, sex="total", years=(year, year))
    i = load_indicator(industry, sex="total", years=(year, year))
    both = c[["iso3", "country", "value"]].rename(columns={"value": "connectivity"}).merge(
        i[["iso3", "value"]].rename(columns={"value": "industry"}), on="iso3"
    ).dropna()
    groups = countries()[["iso3", "wb_income_group"]].rename(columns={"wb_income_group": "income_group"})
    both = both.merge(groups, on="iso3")
    both = both[both["income_group"].isin(INCOME_GROUPS)].copy()
    both["iso3"] = both["iso3"].astype(str)
    both["country"] = both["country"].astype(str)
    both["income_group"] = both["income_group"].astype(str)
    return both[["iso3", "country", "income_group", "connectivity", "industry"]].sort_values("iso3").reset_index(drop=True)


def rank_correlation(x: pd.Series, y: pd.Series) -> float:
    """Spearman rank correlation: the Pearson correlation of the ranks (ties get their mean rank)."""
    if len(x) < 3:
        return float("nan")
    return float(x.rank().corr(y.rank()))


@dataclass
class ConnectivityIndustry:
    """What the demo shows: medians by income group and rank correlations."""

    connectivity: str
    industry: str
    year: int
    table: pd.DataFrame
    rho_all: float
    rho_within: dict[str, float] = field(default_factory=dict)
    n: int = 0

    def _names(self) -> tuple[str, str]:
        def name(ind: str) -> str:
            if ind in DEMO_LABELS:
                return _(DEMO_LABELS[ind])
            return f"{indicator_info(ind)['title']} ({indicator_info(ind)['unit']})"

        return name(self.connectivity), name(self.industry)

    def _none(self) -> str:
        return _("No country has a value of both indicators in {year}. Choose another year.").format(year=self.year)

    def to_text(self) -> str:
        if self.n == 0:
            return self._none()
        cname, iname = self._names()
        lines = [_("{year}, {count} countries. Medians by income group:").format(year=self.year, count=self.n),
                 "  " + _("connectivity = {name}").format(name=cname), "  " + _("industry = {name}").format(name=iname)]
        for row in self.table.itertuples():
            lines.append("  " + _("{group}: {count} countries, connectivity {connectivity}, industry {industry}").format(
                group=_(row.income_group), count=row.n_countries,
                connectivity=format_decimal(f"{row.connectivity_median:.1f}"),
                industry=format_decimal(f"{row.industry_median:.1f}")))
        lines.append(_("Rank correlation, all countries: {rho}").format(rho=format_decimal(f"{self.rho_all:.2f}")))
        within = ", ".join(f"{_(g)} {format_decimal(f'{r:.2f}')}" for g, r in self.rho_within.items())
        lines.append(_("Rank correlation inside each income group: {values}").format(values=within))
        return "\n".join(lines)

    def to_html(self) -> str:
        if self.n == 0:
            return f"<p>{html.escape(self._none())}</p>"
        cname, iname = self._names()
        head = "<tr>" + "".join(f"<th scope=\"col\">{html.escape(h)}</th>" for h in (
            _("Income group"), _("Countries"), _("Median connectivity"), _("Median industry"),
            _("Rank correlation inside the group"))) + "</tr>"
        rows = []
        for r in self.table.itertuples():
            within = self.rho_within.get(r.income_group, float("nan"))
            rows.append(
                f"<tr><th scope=\"row\">{html.escape(_(r.income_group))}</th><td>{r.n_countries}</td>"
                f"<td>{format_decimal(f'{r.connectivity_median:.1f}')}</td>"
                f"<td>{format_decimal(f'{r.industry_median:.1f}')}</td>"
                f"<td>{format_decimal(f'{within:.2f}')}</td></tr>"
            )
        names = _("Connectivity: {connectivity}. Industry: {industry}.").format(
            connectivity=html.escape(cname), industry=html.escape(iname))
        caption = _("{year}, {count} countries").format(year=self.year, count=self.n)
        rho = _("Rank correlation across all countries: {rho}.").format(
            rho=f"<strong>{format_decimal(f'{self.rho_all:.2f}')}</strong>")
        return (
            f"<p>{names}</p>"
            f"<table class=\"si-partner\"><caption>{html.escape(caption)}</caption>{head}{''.join(rows)}</table>"
            f"<p>{rho}</p>"
        )


def explore_connectivity_industry(connectivity: str = "mobile_coverage_4g", industry: str = "mva_per_capita",
                                  year: int = 2021) -> ConnectivityIndustry:
    """Medians by income group and rank correlations of two indicators in one year (pure, for the demo)."""
    pairs = country_pairs(connectivity, industry, year)
    if pairs.empty:
        return ConnectivityIndustry(connectivity, industry, year, pairs, float("nan"), {}, 0)
    table = (
        pairs.groupby("income_group")
        .agg(n_countries=("iso3", "size"), connectivity_median=("connectivity", "median"),
             industry_median=("industry", "median"))
        .reindex([g for g in INCOME_GROUPS if g in set(pairs["income_group"])])
        .reset_index()
    )
    within = {g: rank_correlation(s["connectivity"], s["industry"])
              for g, s in pairs.groupby("income_group") if g in INCOME_GROUPS}
    within = {g: within[g] for g in INCOME_GROUPS if g in within}
    return ConnectivityIndustry(connectivity, industry, year, table,
                                rank_correlation(pairs["connectivity"], pairs["industry"]), within, len(pairs))


# -- self-checks in the chapter --------------------------------------------------

mandates = MultipleChoice(
    id="partner-mandates",
    prompt="Which sentence describes the two agencies correctly?",
    choices=[
        Choice(
            "ITU is the UN agency for digital technologies; UNIDO is the UN agency for inclusive and sustainable "
            "industrial development.",
            correct=True,
            feedback="Yes. ITU works on networks, spectrum, standards and digital development; UNIDO on industry.",
        ),
        Choice(
            "ITU is a trade union for telecommunication workers; UNIDO lends money to factories.",
            feedback="The U in ITU stands for Union, but it is a union of countries, not of workers. UNIDO gives "
            "advice, training and technical help, not commercial loans.",
        ),
        Choice(
            "Both agencies build and run mobile networks in developing countries.",
            feedback="Neither agency runs networks. Operators, mostly private firms, do that; ITU helps agree the "
            "rules (spectrum, standards) and supports countries' plans.",
        ),
        Choice(
            "UNIDO sets the technical standards for mobile networks; ITU promotes factories.",
            feedback="This swaps the roles: network standards are ITU's work, industrial development is UNIDO's.",
        ),
    ],
    hints=["The T in ITU is for telecommunication; the I in UNIDO is for industrial."],
    solution="A. ITU: digital technologies (spectrum, standards, development). UNIDO: inclusive and sustainable industrial development.",
)

formalised_2017 = MultipleChoice(
    id="partner-2017",
    prompt="According to the ITU news release of June 2024, what did ITU and UNIDO do in 2017?",
    choices=[
        Choice("They signed the Joint Declaration on smart and inclusive industry.",
               feedback="The Joint Declaration was signed later, on 25 June 2024 in Geneva."),
        Choice(
            "They formalised their collaboration, to strengthen country-level programmes built on public-private "
            "partnerships and investment for the SDGs.",
            correct=True,
            feedback="Yes. The 2024 declaration renewed and widened this earlier agreement.",
        ),
        Choice("They adopted the Global Digital Compact.",
               feedback="The Global Digital Compact was adopted by UN member states in September 2024, not by the two agencies."),
        Choice("They merged into one agency for digital industry.",
               feedback="They remain two separate UN specialized agencies that cooperate."),
    ],
    hints=["The release says the 2017 step was about working together in countries, with partners and investment."],
    solution="B. In 2017 they formalised their collaboration: country-level programmes, public-private partnerships, investment for the SDGs.",
)

area_scenario = MultipleChoice(
    id="partner-area-scenario",
    prompt=(
        "A hypothetical project in Nigeria gives cassava farmers and small processors soil-moisture sensors and a "
        "phone app with market prices, so that they plant, harvest and sell at better times. Which of the twelve "
        "thematic areas does it serve most directly?"
    ),
    choices=[
        Choice("Cybersecurity.", feedback="Security matters for any app, but the aim of this project is better farming and selling."),
        Choice("Digital agriculture.", correct=True,
               feedback="Yes: digital tools (sensors, data, apps) used to grow, process and sell farm products."),
        Choice("Industry 4.0 and the metaverse.",
               feedback="Sensors are part of Industry 4.0, but the project is about farms and small processors, not smart factories or virtual worlds."),
        Choice("Emerging digital frontiers.",
               feedback="Soil sensors and price apps are tested, widely used tools, not a new frontier technology."),
    ],
    hints=["Who are the users, and what do they produce?"],
    solution="B. Digital agriculture. A project can serve several areas (it also broadens digital access), but its main aim is farming.",
)

gdc = MultipleChoice(
    id="partner-gdc",
    prompt="What is the Global Digital Compact?",
    choices=[
        Choice("The Joint Declaration signed by ITU and UNIDO in June 2024.",
               feedback="That is a declaration between two agencies. The Compact was agreed by UN member states."),
        Choice(
            "A framework for digital cooperation agreed by UN member states in September 2024, annexed to the "
            "Pact for the Future adopted at the Summit of the Future.",
            correct=True,
            feedback="Yes. Its objectives include closing digital divides and governing AI for the benefit of humanity.",
        ),
        Choice("A binding trade treaty that removes taxes on electronic goods.",
               feedback="The Compact is not a trade treaty, and it does not set tariffs."),
        Choice("An ITU technical standard for 5G networks.",
               feedback="ITU does publish network standards, but the Compact is a political agreement, not a technical standard."),
    ],
    hints=["Who agreed it: two agencies, or all UN member states? And when?"],
    solution="B. A framework for digital cooperation agreed by UN member states in September 2024, annexed to the Pact for the Future.",
)

viability_gap = Numeric(
    id="partner-viability-gap",
    prompt=(
        "A hypothetical rural 4G site costs 50,000 USD to build and 5,000 USD a year to run. Over 10 years the "
        "operator expects 70,000 USD of revenue from it. In a public-private partnership, the government pays the "
        "gap between the cost and the expected revenue. How much does the government pay for this site, in USD?"
    ),
    answer=50_000 + 10 * 5_000 - 70_000,
    tolerance=1,
    unit="USD",
    bounds=(0, 1_000_000),
    mistakes=[
        Mistake(50_000 + 5_000 - 70_000, "You counted the running cost for one year only; the site runs for 10 years.", 1),
        Mistake(50_000 - 70_000, "You left out the running costs: 10 years × 5,000 USD.", 1),
        Mistake(50_000 + 10 * 5_000, "That is the whole cost. The operator's expected revenue pays part of it.", 1),
        Mistake(70_000 - 50_000 - 10 * 5_000, "You subtracted the other way round: the gap is cost minus revenue.", 1),
    ],
    hints=[
        "Total cost over 10 years = building cost + 10 × yearly running cost.",
        "Gap = total cost − expected revenue.",
    ],
    solution="Total cost = 50,000 + 10 × 5,000 = 100,000 USD. Gap = 100,000 − 70,000 = 30,000 USD.",
    explanation="The public pays only the part that the market will not: the private partner still carries the rest.",
)

correlation_reading = MultipleChoice(
    id="partner-correlation",
    prompt=(
        "In 2021, countries where more people use the internet tend to have a higher manufacturing value added "
        "per person (rank correlation about 0.8), but inside each income group the link is much weaker. What can "
        "you conclude?"
    ),
    choices=[
        Choice("Raising internet use will raise manufacturing output.",
               feedback="A correlation alone cannot show that. Income may drive both, and industry may drive connectivity too."),
        Choice(
            "The two go together across countries, but much of the link may run through income; the data alone "
            "cannot tell what causes what.",
            correct=True,
            feedback="Yes. Richer countries have more of both. To show cause, you need more than one year's correlation.",
        ),
        Choice("Internet use has nothing to do with industry.",
               feedback="A weak link inside groups does not show there is no effect; the data are too few and too rough to say that."),
        Choice("Manufacturing causes internet use.",
               feedback="This claims a cause in the other direction; the correlation cannot show that either."),
    ],
    hints=["Is there a third thing that could raise both internet use and industry?"],
    solution="B. Correlation is not causation: income (and much else) moves with both indicators.",
)

# -- exercises -----------------------------------------------------------------

#: The twelve thematic areas of cooperation, named as in the ITU news release of June 2024.
THEMATIC_AREAS = [
    "AI and digital governance",
    "Broadening digital access",
    "Capacity building and digital skills development",
    "Cybersecurity",
    "Digital agriculture",
    "Digital economy",
    "Digital transformation and innovation ecosystems",
    "Emerging digital frontiers",
    "Industry 4.0 and the metaverse",
    "Joint innovation challenges",
    "Public-private partnerships and global collaborations",
    "Sustainable technologies and environmental sustainability",
]

#: SDG 9 targets in short (United Nations, 2015, resolution A/RES/70/1); translated where they are shown.
SDG9_TARGETS = {
    "9.1": N_("reliable, sustainable and resilient infrastructure with affordable and equitable access for all"),
    "9.2": N_("inclusive and sustainable industrialization: more industrial jobs and output"),
    "9.3": N_("small enterprises' access to finance, value chains and markets"),
    "9.4": N_("cleaner, resource-efficient industry and infrastructure"),
    "9.5": N_("research, innovation and the technological capabilities of industry"),
    "9.a": N_("financial, technical and technological support for infrastructure in African countries, LDCs, LLDCs and SIDS"),
    "9.b": N_("domestic technology development and a conducive policy environment in developing countries"),
    "9.c": N_("access to ICT and universal, affordable internet access"),
}

#: For each area: the targets it serves most directly, and why (translated where it is shown).
SDG9_MAPPING: dict[str, tuple[tuple[str, ...], str]] = {
    "AI and digital governance": (("9.b", "9.5"), N_("governance sets the rules and policies in which countries develop and use technology (9.b), and AI is an upgrade of technological capability (9.5)")),
    "Broadening digital access": (("9.c", "9.1"), N_("it is about getting people and firms connected: access to ICT and the internet (9.c), through infrastructure open to all (9.1)")),
    "Capacity building and digital skills development": (("9.5", "9.2"), N_("skills build the technological capabilities of industry (9.5) and let more people take part in industrial work (9.2)")),
    "Cybersecurity": (("9.1",), N_("it keeps digital infrastructure reliable and resilient (9.1)")),
    "Digital agriculture": (("9.3", "9.b"), N_("it links small farms and processors to value chains and markets (9.3) and adds value to commodities (9.b)")),
    "Digital economy": (("9.3", "9.2"), N_("it opens finance and markets to small enterprises (9.3) and grows industry and jobs (9.2)")),
    "Digital transformation and innovation ecosystems": (("9.5", "9.b"), N_("it is about innovation and the capabilities of firms (9.5) and the local conditions for technology development (9.b)")),
    "Emerging digital frontiers": (("9.5", "9.b"), N_("new technologies need research and innovation (9.5) and domestic technology development (9.b)")),
    "Industry 4.0 and the metaverse": (("9.5", "9.2"), N_("it upgrades the technology of industrial sectors (9.5) as part of industrialization (9.2)")),
    "Joint innovation challenges": (("9.5", "9.b"), N_("challenges encourage innovation (9.5), often by local innovators in developing countries (9.b)")),
    "Public-private partnerships and global collaborations": (("9.a", "9.1"), N_("partnerships bring financial, technical and technological support (9.a), often for infrastructure (9.1)")),
    "Sustainable technologies and environmental sustainability": (("9.4",), N_("it makes industry and infrastructure cleaner and more resource-efficient (9.4)")),
}

_TARGET = re.compile(r"^(?:sdg\s*)?(?:target\s*)?9\s*[.,]?\s*([1-5abc])$")


def _normalise_target(value: Any) -> str | None:
    """'9.c', '9C', 'Target 9.c', 9.5 -> '9.c', '9.5'; None if it is not an SDG 9 target."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        value = f"{value:g}"
    if not isinstance(value, str):
        return None
    m = _TARGET.match(value.strip().lower())
    return f"9.{m.group(1)}" if m else None


def _sdg9_key() -> dict[str, list[str]]:
    return {area: list(targets) for area, (targets, _why) in SDG9_MAPPING.items()}


def compare_sdg9_mapping(got: Any, expected: dict[str, list[str]]) -> Feedback:
    """Judge a dict {area: target}, with a specific message for each mapping that does not fit."""
    if not isinstance(got, dict):
        return Feedback("unreadable", _("`sdg9_map` should be a dict such as {example}, but it is a value of type {type}.").format(
            example='{"Cybersecurity": "9.1", ...}', type=type(got).__name__))
    by_name = {a.casefold(): a for a in expected}
    given: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in got.items():
        area = by_name.get(str(key).strip().casefold())
        if area is None:
            close = difflib.get_close_matches(str(key), list(expected), n=1, cutoff=0.6)
            tip = " " + _("Did you mean {names}?").format(names=f"'{close[0]}'") if close else ""
            problems.append(_("{area} is not one of the twelve areas.").format(area=f"'{key}'") + tip)
        else:
            given[area] = value
    if given and all(v is Ellipsis or v is None for v in given.values()) and not problems:
        return Feedback("empty", NOT_ANSWERED)
    missing = [a for a in expected if a not in given]
    if missing:
        problems.append(_("Missing: {areas}.").format(areas=", ".join(repr(a) for a in missing)))
    ok = 0
    for area, accepted in expected.items():
        if area not in given:
            continue
        value = given[area]
        if value is Ellipsis or value is None:
            problems.append(_("{area} has no target yet.").format(area=f"'{area}'"))
            continue
        if isinstance(value, (list, tuple, set)):
            problems.append(_("{area}: give one target, the one it serves most directly, not {count}.").format(
                area=f"'{area}'", count=len(value)))
            continue
        target = _normalise_target(value)
        if target is None:
            problems.append(_("{area}: {value} is not an SDG 9 target. Use one of {targets}.").format(
                area=f"'{area}'", value=repr(value), targets=", ".join(SDG9_TARGETS)))
            continue
        if target in accepted:
            ok += 1
            continue
        why = SDG9_MAPPING[area][1]
        problems.append(_("{area} → {target}: target {target} is about {about}. A better fit: {why}.").format(
            area=f"'{area}'", target=target, about=_(SDG9_TARGETS[target]), why=_(why)))
    if ok == len(expected) and not problems:
        return Feedback("correct", _("All {count} mappings fit.").format(count=ok), 1.0)
    status = "partial" if ok else "incorrect"
    return Feedback(status, _("{ok} of {total} mappings fit.").format(ok=ok, total=len(expected)) + " " + " ".join(problems),
                    ok / len(expected))


_SDG9_STUB = "sdg9_map = {\n" + "".join(f"    {a!r}: ...,\n" for a in THEMATIC_AREAS) + "}\n"
_SDG9_SOLUTION = "sdg9_map = {\n" + "".join(f"    {a!r}: {SDG9_MAPPING[a][0][0]!r},\n" for a in THEMATIC_AREAS) + "}"

sdg9_mapping_task = CodeTask(
    id="partner-sdg9-map",
    prompt=(
        "For each of the twelve thematic areas of cooperation, write the SDG 9 target it serves most directly "
        "(one of 9.1, 9.2, 9.3, 9.4, 9.5, 9.a, 9.b, 9.c) as text, in the dict `sdg9_map`. Some areas fit two "
        "targets; either is accepted."
    ),
    name="sdg9_map",
    expected=_sdg9_key,
    compare=compare_sdg9_mapping,
    stub=_SDG9_STUB,
    hints=[
        "Read the short form of each target in the table above the task. Ask of each area: what does it change: "
        "access, industry and jobs, small firms, the environment, innovation, support from outside, or policy?",
        "Only one area is mainly about the environment, and one mainly about getting people online.",
        "Partnerships bring money and know-how from outside: look at the 'a' target.",
    ],
    solution=_SDG9_SOLUTION,
    explanation="Targets overlap: a real project often serves two or three. The point is to say which one it serves most directly, and why.",
)

cooperation_model = MultipleChoice(
    id="partner-cooperation-model",
    prompt=(
        "A hypothetical programme in Ghana: the ministry of industry, ITU, UNIDO, a mobile operator, a university "
        "and an association of women-owned small firms agree to meet every quarter, to share data and training "
        "material, and each to pay for its own part of a plan to train 2,000 small manufacturers in digital tools. "
        "No one builds or owns a new asset, and no one is paid according to results. Which cooperation model is this?"
    ),
    choices=[
        Choice("A public-private partnership (PPP).",
               feedback="A PPP in the strict sense is a long-term contract in which a private partner provides a public "
                        "asset or service, carries real risk and is paid according to performance. None of that is here."),
        Choice("A multi-stakeholder partnership.", correct=True,
               feedback="Yes: partners from government, the UN, business, academia and civil society pool knowledge "
                        "and resources for a shared goal, each keeping its own budget."),
        Choice("A public procurement contract.",
               feedback="In procurement the ministry buys a service from one supplier for a price. Here no one is buying from anyone."),
        Choice("A joint innovation challenge.",
               feedback="A challenge invites outside innovators to compete with solutions, often for prizes or funding. There is no competition here."),
    ],
    hints=[
        "Count the kinds of partner: government, UN, business, academia, civil society.",
        "Is there a long-term contract with risk and payment for performance? If not, it is not a PPP in the strict sense.",
    ],
    solution="B. A multi-stakeholder partnership: many kinds of partner, shared goal, shared knowledge, each paying its own part.",
)


def _compare_medians(got: Any, expected: pd.DataFrame) -> Feedback:
    fb = compare_frames(got, expected, rtol=1e-6, what=N_("your table"))
    if fb.correct or not isinstance(got, pd.DataFrame) or "n_countries" not in got.columns:
        return fb
    try:
        n_got = int(pd.to_numeric(got["n_countries"]).sum())
    except (TypeError, ValueError):
        return fb
    n_exp = int(expected["n_countries"].sum())
    if n_got > n_exp:
        extra = _("There are more countries in your table than expected: keep only the rows of the year asked, "
                  "with sex 'total', and only the four income groups.")
    elif n_got < n_exp:
        extra = _("There are fewer countries in your table than expected: did you filter the right year, and keep "
                  "every country that has a value in both tables?")
    elif "connectivity_median" in got.columns and "industry_median" in got.columns:
        extra = _("The counts are right; check that you took the median (not the mean) of each indicator.")
    else:
        return fb
    return Feedback(fb.status, f"{fb.message} {extra}", fb.score)


def _median_cases() -> list[tuple[Any, ...]]:
    c = countries()
    combos = [("internet_users", "mva_share_gdp", 2019), ("mobile_coverage_4g", "medhigh_tech_share", 2020),
              ("fixed_broadband_per100", "mva_per_capita", 2015)]
    return [(load_indicator(a), load_indicator(b), c, year) for a, b, year in combos]


medians_task = CodeTask(
    id="partner-income-medians",
    prompt=(
        "Write a function `income_group_medians(connect, industry, countries, year)`. `connect` and `industry` are "
        "tables from `load_indicator`, `countries` is the table from `countries()`. Keep the rows of `year` with "
        "sex 'total', join the two indicators by country (`iso3`), add each country's World Bank income group, "
        "keep the four income groups, and return one row per group with the columns `income_group`, `n_countries`, "
        "`connectivity_median` and `industry_median`."
    ),
    name="income_group_medians",
    cases=_median_cases,
    reference=income_group_medians,
    compare=_compare_medians,
    stub="def income_group_medians(connect, industry, countries, year):\n    ...  # replace ... with your code\n",
    hints=[
        "Filter each table first: `connect[(connect['sex'] == 'total') & (connect['year'] == year)]`, and keep "
        "the columns `iso3` and `value` (renamed, so that the two values do not clash).",
        "Join with `.merge(..., on='iso3')`, twice: once for the other indicator, once for `countries[['iso3', "
        "'wb_income_group']]`. Then keep the groups with `.isin([...])`.",
        "Group by `wb_income_group` with `.agg(n_countries=('iso3', 'size'), connectivity_median=('connectivity', "
        "'median'), ...)`, then `.reset_index()` and rename the group column to `income_group`.",
    ],
    solution=(
        "def income_group_medians(connect, industry, countries, year):\n"
        "    groups = ['Low income', 'Lower middle income', 'Upper middle income', 'High income']\n"
        "    c = connect[(connect['sex'] == 'total') & (connect['year'] == year)]\n"
        "    i = industry[(industry['sex'] == 'total') & (industry['year'] == year)]\n"
        "    c = c[['iso3', 'value']].rename(columns={'value': 'connectivity'})\n"
        "    i = i[['iso3', 'value']].rename(columns={'value': 'industry'})\n"
        "    both = c.merge(i, on='iso3').dropna()\n"
        "    both = both.merge(countries[['iso3', 'wb_income_group']], on='iso3')\n"
        "    both = both[both['wb_income_group'].isin(groups)]\n"
        "    out = both.groupby('wb_income_group', observed=True).agg(\n"
        "        n_countries=('iso3', 'size'),\n"
        "        connectivity_median=('connectivity', 'median'),\n"
        "        industry_median=('industry', 'median'),\n"
        "    )\n"
        "    return out.reset_index().rename(columns={'wb_income_group': 'income_group'})"
    ),
)


def _gap_4g_2021() -> float:
    t = income_group_medians(load_indicator("mobile_coverage_4g"), load_indicator("mva_per_capita"), countries(), 2021)
    v = t.set_index("income_group")["connectivity_median"]
    return float(v["High income"] - v["Low income"])


# Pinned by tests/test_partnership.py against the course data (_gap_4g_2021).
_HIGH_4G_2021 = 99.6
_LOW_4G_2021 = 31.0

gap_4g = Numeric(
    id="partner-gap-4g",
    prompt=(
        "In your table for 4G coverage and MVA per capita in 2021, the median 4G coverage is 99.6 % of the "
        "population in high-income countries and 31.0 % in low-income countries. How large is the gap, in "
        "percentage points?"
    ),
    answer=_HIGH_4G_2021 - _LOW_4G_2021,
    tolerance=0.15,
    unit="percentage points",
    bounds=(0, 100),
    mistakes=[
        Mistake(_HIGH_4G_2021 / _LOW_4G_2021, "That is the ratio (how many times larger). The gap in percentage points is a difference.", 0.05),
        Mistake((_HIGH_4G_2021 - _LOW_4G_2021) / _LOW_4G_2021 * 100,
                "That is the difference in percent of the low-income value. Percentage points are the plain difference of two percentages.", 0.5),
        Mistake(_LOW_4G_2021 - _HIGH_4G_2021, "You subtracted the other way round; give the gap as a positive number.", 0.15),
    ],
    hints=["A gap between two percentages, in percentage points, is one minus the other.",
           "99.6 − 31.0 = ?"],
    solution="99.6 − 31.0 = 68.6 percentage points. (In percent of the low-income value it would be 221 %: a different statement.)",
    explanation="Percentage points compare two percentages by subtraction; 'percent' would compare them by division.",
)

demo_reflection = MultipleChoice(
    id="partner-demo-reflection",
    prompt=(
        "In the demo for 2021, 4G coverage and MVA per capita have a rank correlation of about 0.7 across all "
        "countries, but inside each income group it is much lower. With the MVA share of GDP instead of MVA per "
        "capita, even the correlation across all countries is weak. What is the best reading?"
    ),
    choices=[
        Choice("4G networks cause manufacturing to grow, so every country should build 4G first.",
               feedback="The data cannot show cause. A network may help industry, but income could drive both."),
        Choice(
            "Much of the link runs through income: richer countries have more networks and more industry per "
            "person. The data alone cannot show that networks cause industry.",
            correct=True,
            feedback="Yes. Income is a confounder here: it moves with both indicators.",
        ),
        Choice("Connectivity does not matter for industry at all.",
               feedback="A weak correlation in rough country data does not prove there is no effect."),
        Choice("The correlation is wrong because the table uses medians.",
               feedback="The correlation is computed on every country's own values, not on the medians."),
    ],
    hints=["What else differs between low-income and high-income countries, apart from networks?",
           "Inside one income group, income varies less. What happens to the correlation there?"],
    solution="B. Income (a confounder) moves with both connectivity and industry; correlation is not causation.",
)
