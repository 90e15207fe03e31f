"""Judging an innovation challenge, and reading innovation data, for the chapter on innovation ecosystems.

Scoring proposals with a rubric
    A jury scores each proposal on a few **criteria** (for example impact,
    feasibility, inclusion and sustainability), each on a scale from 0 to 5.
    The organisers choose **weights**: how much each criterion counts.
    :func:`normalise_weights` checks the weights (numbers, none negative, not
    all zero) and scales them so that they add up to 1;
    :func:`weighted_score` gives one proposal's total on the same 0 to 5
    scale; :func:`rank_proposals` ranks all proposals, with ties sharing a
    rank unless a tie-break criterion is named. :func:`weight_sweep` shows how
    the totals move as one criterion gets more weight, and
    :func:`challenge_demo` is the chapter's interactive demo (its result has
    ``to_text()`` and ``to_html()``).

    :data:`PROPOSALS` are five invented proposals for an invented challenge,
    with invented scores: they are there to learn with, not real projects.

Innovation data
    :func:`per_million` turns a count (patent applications) into a count per
    million people; :func:`rd_and_researchers` puts each country's latest R&D
    spending (SDG 9.5.1) beside its latest number of researchers (SDG 9.5.2),
    with its World Bank income group.
"""

from __future__ import annotations

import html
import math
import numbers
from dataclasses import dataclass
from typing import Mapping, Sequence

import pandas as pd

from ..data import countries, load_indicator
from ..i18n import N_, format_decimal
from ..i18n import gettext as _
from .sdg9 import INCOME_GROUPS, latest_values

__all__ = [
    "CRITERIA",
    "SCALE",
    "Proposal",
    "PROPOSALS",
    "normalise_weights",
    "check_scores",
    "weighted_score",
    "rank_proposals",
    "weight_sweep",
    "ChallengeResult",
    "challenge_demo",
    "per_million",
    "rd_and_researchers",
    "INCOME_GROUPS",
]

#: The rubric's criteria, in the order the course shows them.
CRITERIA = (N_("impact"), N_("feasibility"), N_("inclusion"), N_("sustainability"))

#: Lowest and highest score a jury may give on a criterion.
SCALE = (0.0, 5.0)

#: Totals closer than this are treated as equal (a tie), so that rounding in
#: floating-point arithmetic never decides a ranking.
_TIE = 1e-9


@dataclass(frozen=True)
class Proposal:
    """One proposal to a challenge and the jury's average score on each criterion (0 to 5)."""

    name: str
    summary: str
    scores: Mapping[str, float]


#: Five invented proposals to an invented challenge, "Digital tools for small
#: manufacturers", with invented average scores of a jury (0 to 5).
PROPOSALS = (
    Proposal(N_("Defect camera"), "a camera and an AI model that spot weaving faults in a textile mill",
             {"impact": 5, "feasibility": 3, "inclusion": 2, "sustainability": 3}),
    Proposal(N_("Machine sharing"), "a booking app that lets small metal workshops share costly machines",
             {"impact": 4, "feasibility": 4, "inclusion": 3, "sustainability": 3}),
    Proposal(N_("Sensor kit"), "low-cost sensors and text-message alerts for the fridges and ovens of food processors",
             {"impact": 4, "feasibility": 3, "inclusion": 3, "sustainability": 4}),
    Proposal(N_("Solar cooling"), "solar-powered milk coolers with text-message alerts for a dairy cooperative",
             {"impact": 3, "feasibility": 4, "inclusion": 4, "sustainability": 5}),
    Proposal(N_("Repair training"), "a short course in machine maintenance for young women technicians",
             {"impact": 3, "feasibility": 5, "inclusion": 5, "sustainability": 2}),
)


def _number(value: object, what: str) -> float:
    """``value`` as a finite float; ValueError with a plain message otherwise."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(_("{what} must be a number, not {value}.").format(what=what, value=repr(value)))
    x = float(value)
    if math.isnan(x) or math.isinf(x):
        raise ValueError(_("{what} must be a finite number, not {value}.").format(what=what, value=repr(value)))
    return x


def normalise_weights(weights: Mapping[str, float], criteria: Sequence[str] = CRITERIA) -> dict[str, float]:
    """Check the weights of a rubric and scale them to add up to 1.

    ``weights`` maps each criterion to a weight: any non-negative numbers
    (points, percentages, 0 to 10 on a slider); only their proportions
    matter, so ``{impact: 2, inclusion: 1}`` and ``{impact: 50, inclusion:
    25}`` give the same result. Every criterion of ``criteria`` needs a
    weight (0 to leave it out), no other name is allowed, and at least one
    weight must be above 0. Returns the shares, in the order of ``criteria``,
    each from 0 to 1, adding up to 1. Raises ValueError with a plain message.
    """
    if not isinstance(weights, Mapping):
        raise ValueError(_("The weights must be a dictionary such as {example}, not {weights}.").format(
            example="{'impact': 2, ...}", weights=repr(weights)))
    unknown = [k for k in weights if k not in criteria]
    if unknown:
        raise ValueError(_("Unknown criterion {name}: the criteria are {criteria}.").format(
            name=repr(unknown[0]), criteria=", ".join(criteria)))
    missing = [c for c in criteria if c not in weights]
    if missing:
        raise ValueError(_("No weight for {name}: give every criterion a weight (0 to leave it out).").format(
            name=repr(missing[0])))
    values = {c: _number(weights[c], _("The weight of {name}").format(name=repr(c))) for c in criteria}
    negative = [c for c, w in values.items() if w < 0]
    if negative:
        raise ValueError(_("The weight of {name} is {weight}: weights cannot be negative.").format(
            name=repr(negative[0]), weight=format_decimal(f"{values[negative[0]]:g}")))
    total = sum(values.values())
    if total <= 0:
        raise ValueError(_("All weights are zero: give at least one criterion a weight above zero."))
    return {c: w / total for c, w in values.items()}


def check_scores(scores: Mapping[str, float], criteria: Sequence[str] = CRITERIA,
                 scale: tuple[float, float] = SCALE, name: str = N_("the proposal")) -> dict[str, float]:
    """Check one proposal's scores: a number for every criterion, each within ``scale`` (0 to 5).

    Returns the scores as floats in the order of ``criteria``; raises
    ValueError with a plain message naming the proposal and the criterion.
    """
    name = _(name)
    if not isinstance(scores, Mapping):
        raise ValueError(_("The scores of {name} must be a dictionary such as {example}.").format(
            name=name, example="{'impact': 4, ...}"))
    low, high = scale
    out = {}
    for c in criteria:
        if c not in scores:
            raise ValueError(_("{name} has no score for {criterion}.").format(name=name, criterion=repr(c)))
        x = _number(scores[c], _("The score of {name} on {criterion}").format(name=name, criterion=repr(c)))
        if not low <= x <= high:
            raise ValueError(_("The score of {name} on {criterion} is {score}; scores run from {low} to {high}.").format(
                name=name, criterion=repr(c), score=format_decimal(f"{x:g}"),
                low=format_decimal(f"{low:g}"), high=format_decimal(f"{high:g}")))
        out[c] = x
    extra = [k for k in scores if k not in criteria]
    if extra:
        raise ValueError(_("{name} has a score for {extra}, which is not a criterion ({criteria}).").format(
            name=name, extra=repr(extra[0]), criteria=", ".join(criteria)))
    return out


def weighted_score(scores: Mapping[str, float], weights: Mapping[str, float],
                   criteria: Sequence[str] = CRITERIA, scale: tuple[float, float] = SCALE) -> float:
    """The weighted total of one proposal: sum of (weight share x score), on the scores' scale (0 to 5).

    The weights are normalised first (see :func:`normalise_weights`), so the
    total stays on the same scale as the scores: a proposal that scores 4 on
    every criterion totals 4, whatever the weights.
    """
    shares = normalise_weights(weights, criteria)
    marks = check_scores(scores, criteria, scale)
    return sum(shares[c] * marks[c] for c in criteria)


def rank_proposals(weights: Mapping[str, float], proposals: Sequence[Proposal] = PROPOSALS,
                   criteria: Sequence[str] = CRITERIA, scale: tuple[float, float] = SCALE,
                   tie_break: str | None = None) -> pd.DataFrame:
    """Rank proposals by their weighted totals, best first.

    Returns a DataFrame with one row a proposal: ``rank`` (1 is best),
    ``proposal`` (its name), one column a criterion (its scores), and
    ``total`` (the weighted total on the 0 to 5 scale). Proposals whose
    totals are equal share a rank ("1, 2, 2, 4": the next rank is skipped)
    and are listed by name. With ``tie_break`` set to a criterion, a tie is
    broken by the score on that criterion (higher first); proposals equal on
    that too still share their rank. Names must be unique.
    """
    shares = normalise_weights(weights, criteria)
    if tie_break is not None and tie_break not in criteria:
        raise ValueError(_("tie_break must be one of {criteria} (or None), not {value}.").format(
            criteria=", ".join(criteria), value=repr(tie_break)))
    if not proposals:
        raise ValueError(_("There are no proposals to rank."))
    names = [p.name for p in proposals]
    if len(set(names)) != len(names):
        raise ValueError(_("Two proposals have the same name: give each proposal its own name."))
    rows = []
    for p in proposals:
        marks = check_scores(p.scores, criteria, scale, name=repr(p.name))
        total = sum(shares[c] * marks[c] for c in criteria)
        rows.append({"proposal": p.name, **marks, "total": total})
    table = pd.DataFrame(rows)
    # Totals equal up to floating-point noise count as equal.
    key = (table["total"] / _TIE).round().astype("int64")
    second = table[tie_break] if tie_break else pd.Series(0.0, index=table.index)
    table = table.assign(_key=key, _second=second)
    table = table.sort_values(["_key", "_second", "proposal"], ascending=[False, False, True])
    pairs = list(zip(table["_key"], table["_second"]))
    ranks, previous = [], None
    for position, pair in enumerate(pairs, start=1):
        ranks.append(ranks[-1] if pair == previous else position)
        previous = pair
    table.insert(0, "rank", ranks)
    return table.drop(columns=["_key", "_second"]).reset_index(drop=True)


def weight_sweep(criterion: str, proposals: Sequence[Proposal] = PROPOSALS,
                 criteria: Sequence[str] = CRITERIA, steps: int = 21) -> pd.DataFrame:
    """Each proposal's total as the weight share of one criterion goes from 0 to 1.

    At each step, ``criterion`` gets the share ``w`` (0 to 1, in ``steps``
    equal steps) and the other criteria share ``1 - w`` equally. Returns a
    DataFrame indexed by that share (``weight_share``), one column a
    proposal, values the totals (0 to 5).
    """
    if criterion not in criteria:
        raise ValueError(_("criterion must be one of {criteria}, not {value}.").format(
            criteria=", ".join(criteria), value=repr(criterion)))
    if isinstance(steps, bool) or not isinstance(steps, numbers.Integral) or steps < 2:
        raise ValueError(_("steps must be a whole number of at least 2."))
    others = [c for c in criteria if c != criterion]
    rows = {}
    for i in range(steps):
        w = i / (steps - 1)
        weights = {c: (1 - w) / len(others) for c in others} | {criterion: w}
        rows[round(w, 6)] = {p.name: sum(weights[c] * p.scores[c] for c in criteria) for p in proposals}
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "weight_share"
    return out


def _joined(names: Sequence[str]) -> str:
    """Names joined with "and": "A and B"."""
    out = names[0]
    for name in names[1:]:
        out = _("{first} and {second}").format(first=out, second=name)
    return out


@dataclass(frozen=True)
class ChallengeResult:
    """What the challenge demo shows: the weights as shares, the ranking, and how it differs from equal weights."""

    weights: dict[str, float]
    ranking: pd.DataFrame | None
    baseline: pd.DataFrame | None
    message: str = ""

    @property
    def winners(self) -> list[str]:
        """The proposal(s) ranked first (more than one when they tie)."""
        if self.ranking is None:
            return []
        return list(self.ranking.loc[self.ranking["rank"] == 1, "proposal"])

    def moves(self) -> list[str]:
        """How each proposal's rank differs from its rank with equal weights, in words."""
        if self.ranking is None or self.baseline is None:
            return []
        before = dict(zip(self.baseline["proposal"], self.baseline["rank"]))
        out = []
        for name, rank in zip(self.ranking["proposal"], self.ranking["rank"]):
            change = before[name] - rank
            if change:
                move = (_("{name} up {places} (from rank {old} to {new})") if change > 0
                        else _("{name} down {places} (from rank {old} to {new})"))
                out.append(move.format(name=_(name), places=abs(change), old=before[name], new=rank))
        return out

    def _lines(self) -> list[str]:
        shares = ", ".join(f"{_(c)} {format_decimal(f'{w:.1%}')}" for c, w in self.weights.items())
        lines = [_("Weights as shares: {shares}.").format(shares=shares)]
        winners = [_(w) for w in self.winners]
        if len(winners) > 1:
            lines.append(_("Tie for first place: {names}. The jury needs a tie-break rule, announced in advance.").format(
                names=_joined(winners)))
        else:
            lines.append(_("Winner: {name}.").format(name=winners[0]))
        moved = self.moves()
        lines.append(_("Compared with equal weights: {changes}.").format(
            changes="; ".join(moved) if moved else _("the same ranking")))
        return lines

    def to_text(self) -> str:
        if self.message:
            return self.message
        table = "\n".join(
            f"  {r['rank']}. {_(r['proposal']):<16} {format_decimal(format(r['total'], '.2f'))}"
            for _i, r in self.ranking.iterrows()
        )
        lines = self._lines()
        return "\n".join([lines[0], _("Ranking (total out of 5):"), table, *lines[1:]])

    def to_html(self) -> str:
        if self.message:
            return f"<p>{html.escape(self.message)}</p>"
        head = "".join(f'<th scope="col">{html.escape(h)}</th>'
                       for h in (_("Rank"), _("Proposal"), *(_(c) for c in CRITERIA), _("Total (0-5)")))
        body = "".join(
            "<tr>" + f"<td>{r['rank']}</td>" + f'<th scope="row" style="text-align:left">{html.escape(_(r["proposal"]))}</th>'
            + "".join(f"<td>{format_decimal(format(r[c], 'g'))}</td>" for c in CRITERIA)
            + f"<td><strong>{format_decimal(format(r['total'], '.2f'))}</strong></td></tr>"
            for _i, r in self.ranking.iterrows()
        )
        items = "".join(f"<li>{html.escape(line)}</li>" for line in self._lines())
        caption = _("Proposals ranked by weighted total (scores 0 to 5)")
        return (f'<table class="si-ranking"><caption>{caption}</caption>'
                f"<tr>{head}</tr>{body}</table><ul>{items}</ul>")


def challenge_demo(impact: float = 5, feasibility: float = 5, inclusion: float = 5,
                   sustainability: float = 5) -> ChallengeResult:
    """The chapter's demo: rank :data:`PROPOSALS` with the weights of the four sliders.

    Each argument is a weight from 0 to 10 (only the proportions matter).
    The result compares the ranking with the one for equal weights. Weights
    that cannot be used (all zero, negative, not numbers) give a result that
    says why, never an exception.
    """
    raw = {"impact": impact, "feasibility": feasibility, "inclusion": inclusion, "sustainability": sustainability}
    try:
        shares = normalise_weights(raw)
    except ValueError as err:
        return ChallengeResult(weights={}, ranking=None, baseline=None, message=str(err))
    return ChallengeResult(
        weights=shares,
        ranking=rank_proposals(shares),
        baseline=rank_proposals(dict.fromkeys(CRITERIA, 1)),
    )


# --------------------------------------------------------------------------
# Innovation data
# --------------------------------------------------------------------------


def per_million(counts: pd.DataFrame, population: pd.DataFrame) -> pd.DataFrame:
    """A count per million people, country by country and year by year.

    ``counts`` and ``population`` are tables from ``load_indicator`` (for
    example ``patents_residents`` and ``population``). Returns the columns
    ``iso3``, ``year``, ``value`` (the count), ``population`` (people) and
    ``per_million`` (count / population x 1,000,000), one row for each
    country and year present in both tables, sorted by ``iso3`` and ``year``.
    """
    c = counts.dropna(subset=["value"])[["iso3", "year", "value"]].assign(iso3=lambda d: d["iso3"].astype(str))
    p = population.dropna(subset=["value"])[["iso3", "year", "value"]].assign(iso3=lambda d: d["iso3"].astype(str))
    both = c.merge(p.rename(columns={"value": "population"}), on=["iso3", "year"])
    both = both[both["population"] > 0]
    both["per_million"] = both["value"] / both["population"] * 1e6
    return both.sort_values(["iso3", "year"]).reset_index(drop=True)


def rd_and_researchers(since: int = 2015) -> pd.DataFrame:
    """Each country's latest R&D spending and latest number of researchers, from ``since`` on.

    Columns: ``iso3``, ``country``, ``income_group`` (World Bank, 2022),
    ``region`` (UN region), ``rd_share_gdp`` (% of GDP, SDG 9.5.1) and
    ``rd_year``, ``researchers_per_million`` (full-time equivalent per
    million people, SDG 9.5.2) and ``researchers_year``. Only countries with
    both values; the two may come from different years. Sorted by ``iso3``.
    """
    parts = []
    for ind in ("rd_share_gdp", "researchers_per_million"):
        df = load_indicator(ind, sex="total")
        latest = latest_values(df[df["year"] >= since])
        short = "rd" if ind == "rd_share_gdp" else "researchers"
        parts.append(latest[["iso3", "value", "year"]].assign(iso3=lambda d: d["iso3"].astype(str))
                     .rename(columns={"value": ind, "year": f"{short}_year"}))
    both = parts[0].merge(parts[1], on="iso3")
    info = countries()[["iso3", "name", "wb_income_group", "un_region"]].rename(
        columns={"name": "country", "wb_income_group": "income_group", "un_region": "region"})
    info = info.assign(iso3=info["iso3"].astype(str))
    out = both.merge(info, on="iso3", how="left")
    out = out[["iso3", "country", "income_group", "region", "rd_share_gdp", "rd_year",
               "researchers_per_million", "researchers_year"]]
    for col in ("country", "income_group", "region"):
        out[col] = out[col].astype(object)
    out["rd_year"] = out["rd_year"].astype(int)
    out["researchers_year"] = out["researchers_year"].astype(int)
    return out.sort_values("iso3").reset_index(drop=True)
