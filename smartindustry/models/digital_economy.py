"""Mobile money in a district: fees, agents and the network effect, for the chapter on the digital economy.

A mobile-money service lets people keep money on their phone account, send it
to other users and pay with it. To turn cash into mobile money (cash-in) or
back into cash (cash-out), a user visits an **agent**: a shop that keeps both
cash and mobile money. The model asks one question: in a district of a few
thousand people, does the service take off, or does it fade away?

* Each person gets a **value** from the service, in US dollars a month: what
  it would be worth to them if everyone they deal with used it (sending money
  home, being paid, paying without a journey). It is drawn at random,
  seeded, and differs a lot from person to person.
* The service is only worth that much when the others use it too: with a
  share ``s`` of the people using it, a person gets ``value × s``. This is the
  **network effect**.
* Using it costs a **fee** per transfer, plus a trip to the nearest agent for
  every transfer (to pay cash in or take cash out). The more agents, the
  shorter the trip.
* Each month, some of the people for whom the value is above the cost join,
  and some of the users for whom it is below the cost leave.
* An agent earns a commission on every cash-in and cash-out; the model says
  whether that pays the agent's monthly costs.

Functions:

* :func:`possible_links` counts the pairs of users who can pay each other;
* :func:`agent_distance_km`, :func:`monthly_cost_usd` and
  :func:`agent_income_usd` are the small formulas the chapter uses;
* :func:`simulate_adoption` runs the district month by month (seeded);
* :func:`mobile_money_demo` is the chapter's interactive demo: it never
  raises, and returns the problems with the inputs as a message.

It is a teaching model, not a model of a real service or a real district:
every number is an assumption in the arguments, chosen to be plausible, and
the chapter says so.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from ..exercises import Rendered, parse_number
from ..i18n import N_, format_decimal, gettext as _

__all__ = [
    "possible_links",
    "agent_distance_km",
    "monthly_cost_usd",
    "agent_income_usd",
    "simulate_adoption",
    "AdoptionResult",
    "mobile_money_demo",
    "DEMO_FEES",
    "DEMO_AGENTS",
    "DEMO_FIRST_USERS",
]

#: The slider steps of the demo: fee per transfer (USD), agents per 10,000 people, first users (%).
DEMO_FEES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
DEMO_AGENTS = (1, 2, 5, 10, 20, 30, 40, 50, 60)
DEMO_FIRST_USERS = (1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 25, 30)


def _number(value: Any, name: str, unit: str, low: float, high: float) -> float:
    """Read one input as a number between ``low`` and ``high``, or raise ValueError with a clear message.

    ``name`` and ``unit`` are English texts (marked where they are written) and are
    translated here, in the messages only.
    """
    shown_name, shown_unit = _(name), _(unit)
    if value is None or value is Ellipsis or (isinstance(value, str) and not value.strip()):
        raise ValueError(_("{name} is empty: type a number ({unit}).").format(name=shown_name, unit=shown_unit))
    if isinstance(value, bool):
        raise ValueError(_("{name} must be a number ({unit}), not {value}.").format(
            name=shown_name, unit=shown_unit, value=repr(value)))
    if isinstance(value, str):
        try:
            value, _note = parse_number(value, unit if unit in ("%", "USD") else "")
        except ValueError as exc:
            raise ValueError(_("{name}: {error}").format(name=shown_name, error=exc)) from None
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise ValueError(_("{name} must be a number ({unit}), not {value}.").format(
            name=shown_name, unit=shown_unit, value=repr(value))) from None
    if math.isnan(x) or not low <= x <= high:
        raise ValueError(_("{name} must be between {low} and {high} {unit} (you gave {value}).").format(
            name=shown_name, low=format_decimal(f"{low:,g}"), high=format_decimal(f"{high:,g}"), unit=shown_unit,
            value=format_decimal(f"{x:,g}")))
    return x


def possible_links(users: int) -> int:
    """Pairs of users who can pay each other: ``users × (users − 1) / 2``.

    With 10 users there are 45 pairs; with 100 users, 4,950: ten times the
    users, about a hundred times the pairs. ``users`` is a count of people
    (a whole number, 0 or more).
    """
    n = _number(users, N_("users"), N_("people"), 0, 1e12)
    if n != int(n):
        raise ValueError(_("users must be a whole number of people (you gave {value}).").format(
            value=format_decimal(f"{n:g}")))
    n = int(n)
    return n * (n - 1) // 2


def agent_distance_km(agents_per_10k: float, people_per_km2: float = 100.0) -> float:
    """Average distance from a person to the nearest agent, in km.

    Agents are assumed to be scattered at random over the land, at a density
    of ``agents_per_10k × people_per_km2 / 10,000`` agents per km². For points
    scattered at random with density ``d`` per km², the average distance to
    the nearest one is ``0.5 / √d`` km. ``agents_per_10k``: agents per 10,000
    people (more than 0, at most 1,000); ``people_per_km2``: people per km²
    (more than 0, at most 50,000).
    """
    agents = _number(agents_per_10k, N_("agents per 10,000 people"), N_("agents"), 1e-9, 1000)
    density = _number(people_per_km2, N_("people per km²"), N_("people per km²"), 1e-9, 50_000)
    return 0.5 / math.sqrt(agents * density / 10_000)


def monthly_cost_usd(
    fee_usd: float = 0.3,
    agents_per_10k: float = 10.0,
    *,
    transfers_per_month: float = 4.0,
    people_per_km2: float = 100.0,
    travel_usd_per_km: float = 0.1,
) -> float:
    """What using the service costs one user a month, in US dollars.

    Every transfer costs the fee (``fee_usd``, USD per transfer) and one trip
    to the nearest agent and back (2 × :func:`agent_distance_km`, at
    ``travel_usd_per_km`` USD per km, for the fare or the time):
    ``transfers_per_month × (fee + 2 × distance × travel cost per km)``.
    """
    fee = _number(fee_usd, N_("fee"), "USD", 0, 1000)
    transfers = _number(transfers_per_month, N_("transfers per month"), N_("transfers"), 0, 1000)
    travel = _number(travel_usd_per_km, N_("travel cost"), N_("USD per km"), 0, 1000)
    return transfers * (fee + 2 * agent_distance_km(agents_per_10k, people_per_km2) * travel)


def agent_income_usd(users_per_agent: float, transfers_per_month: float = 4.0, commission_usd: float = 0.1) -> float:
    """An agent's commissions in a month, in US dollars.

    Each user comes to an agent once per transfer (to pay cash in or take cash
    out), and the agent earns ``commission_usd`` (USD) each time:
    ``users_per_agent × transfers_per_month × commission_usd``.
    """
    users = _number(users_per_agent, N_("users per agent"), N_("people"), 0, 1e9)
    transfers = _number(transfers_per_month, N_("transfers per month"), N_("transfers"), 0, 1000)
    commission = _number(commission_usd, N_("commission"), "USD", 0, 1000)
    return users * transfers * commission


@dataclass(frozen=True)
class AdoptionResult(Rendered):
    """What happened in the district, month by month, or the problems with the inputs.

    ``history`` has one row a month (month 0 is the launch): ``month``,
    ``users_pct`` (% of the people who use the service), ``users_per_agent``
    and ``agent_income_usd`` (an agent's commissions that month, USD). When
    ``errors`` is not empty the inputs could not be used and ``history`` is
    empty.
    """

    history: pd.DataFrame = field(default_factory=pd.DataFrame)
    cost_usd: float = float("nan")
    distance_km: float = float("nan")
    agent_cost_usd: float = float("nan")
    inputs: dict[str, float] = field(default_factory=dict)
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the inputs were valid and the district was simulated."""
        return not self.errors

    @property
    def final_users_pct(self) -> float:
        """Share of the people using the service in the last month, %."""
        return float(self.history["users_pct"].iloc[-1])

    @property
    def took_off(self) -> bool:
        """True when at least half of the people use the service in the last month."""
        return self.final_users_pct >= 50.0

    @property
    def month_half(self) -> int | None:
        """The first month in which at least half of the people use the service (``None`` if never)."""
        reached = self.history.loc[self.history["users_pct"] >= 50.0, "month"]
        return None if reached.empty else int(reached.iloc[0])

    @property
    def final_agent_income_usd(self) -> float:
        """An agent's commissions in the last month, USD."""
        return float(self.history["agent_income_usd"].iloc[-1])

    @property
    def agents_break_even(self) -> bool:
        """True when an agent's commissions in the last month cover the agent's monthly costs."""
        return self.final_agent_income_usd >= self.agent_cost_usd

    def _sentences(self) -> list[str]:
        months = int(self.history["month"].iloc[-1])
        first = float(self.history["users_pct"].iloc[0])
        if self.took_off:
            verdict = _("The service took off: half of the people used it from month {month}.").format(month=self.month_half)
        elif self.final_users_pct > first:
            verdict = _("The service grew, but less than half of the people use it.")
        else:
            verdict = _("The service faded: too few users for it to be worth its cost to most people.")
        agents = (
            _("Agents break even.") if self.agents_break_even
            else _("Agents do not break even: their commissions are below their costs.")
        )
        return [
            _("Users: {first} % of the people at launch, {last} % after {months} months.").format(
                first=f"{first:.0f}", last=f"{self.final_users_pct:.0f}", months=months) + f" {verdict}",
            _("Cost to a user: USD {cost} a month (fees and trips; the nearest agent is "
              "{distance} km away on average).").format(
                cost=format_decimal(f"{self.cost_usd:.2f}"), distance=format_decimal(f"{self.distance_km:.1f}")),
            _("An agent serves {users} users and earns USD {income} a month, against costs of USD {costs}.").format(
                users=format_decimal(f"{self.history['users_per_agent'].iloc[-1]:,.0f}"),
                income=format_decimal(f"{self.final_agent_income_usd:,.0f}"),
                costs=format_decimal(f"{self.agent_cost_usd:,.0f}")) + f" {agents}",
        ]

    def to_text(self) -> str:
        if self.errors:
            return _("Please check the inputs:") + "\n" + "\n".join(f"- {e}" for e in self.errors)
        return "\n".join(self._sentences())

    def to_html(self) -> str:
        if self.errors:
            items = "".join(f"<li>{html.escape(e)}</li>" for e in self.errors)
            return (f'<div class="si-feedback si-unreadable" role="status"><strong>{_("Please check the inputs:")}'
                    f"</strong><ul>{items}</ul></div>")
        return "".join(f"<p>{html.escape(s)}</p>" for s in self._sentences())


@lru_cache(maxsize=8)
def _values(people: int, median_value_usd: float, spread: float, seed: int) -> np.ndarray:
    """Each person's value of the service if everyone used it, USD a month (log-normal, seeded)."""
    rng = np.random.default_rng(seed)
    values = median_value_usd * np.exp(spread * rng.standard_normal(people))
    values.setflags(write=False)
    return values


def simulate_adoption(
    fee_usd: float = 0.3,
    agents_per_10k: float = 10.0,
    first_users_pct: float = 10.0,
    *,
    months: int = 24,
    people: int = 2000,
    median_value_usd: float = 10.0,
    value_spread: float = 1.0,
    transfers_per_month: float = 4.0,
    people_per_km2: float = 100.0,
    travel_usd_per_km: float = 0.1,
    switch_share: float = 0.3,
    commission_usd: float = 0.1,
    agent_cost_usd: float = 100.0,
    seed: int = 15,
) -> AdoptionResult:
    """Simulate a mobile-money service in one district, month by month.

    Parameters
    ----------
    fee_usd:
        Fee the user pays per transfer, USD (0 to 1,000).
    agents_per_10k:
        Agents per 10,000 people (more than 0, at most 1,000).
    first_users_pct:
        Share of the people who use the service at launch, % (0 to 100),
        for example people signed up by a launch campaign.
    months:
        Months to simulate after the launch (1 to 600).
    people:
        People in the district (10 to 1,000,000).
    median_value_usd, value_spread:
        Each person's value of the service if everyone used it, USD a month:
        ``median_value_usd × exp(value_spread × z)`` with ``z`` a standard
        normal number, so half of the people value it above the median, and a
        few value it far more (traders, families with a member working in a city).
    transfers_per_month:
        Transfers a user makes (or receives) a month; each needs one visit to
        an agent to pay cash in or take cash out.
    people_per_km2:
        People per km² (100 is a rural district that is fairly densely settled).
    travel_usd_per_km:
        Cost of travel, USD per km (a fare, or the value of the time walking).
    switch_share:
        Share (0 to 1) of the people whose choice has changed who act on it in
        a month: a person for whom the service has become worth its cost joins
        with this chance, a user for whom it no longer is leaves with this chance.
    commission_usd:
        What an agent earns per cash-in or cash-out, USD.
    agent_cost_usd:
        An agent's monthly costs for the service (time, rent, the money kept
        as cash and as mobile money), USD a month.
    seed:
        Seed of the random numbers (values, first users, who acts in a month).

    A person for whom ``value × share of users ≥ cost`` wants the service;
    the cost is :func:`monthly_cost_usd`. The same seed gives the same
    district; raises ``ValueError`` with a clear message on bad inputs.
    """
    fee = _number(fee_usd, N_("fee"), "USD", 0, 1000)
    agents = _number(agents_per_10k, N_("agents per 10,000 people"), N_("agents"), 1e-9, 1000)
    first = _number(first_users_pct, N_("first users"), "%", 0, 100)
    n_months = int(_number(months, N_("months"), N_("months"), 1, 600))
    n = int(_number(people, N_("people"), N_("people"), 10, 1_000_000))
    switch = _number(switch_share, N_("switch share"), N_("share"), 0, 1)
    cost = monthly_cost_usd(fee, agents, transfers_per_month=transfers_per_month,
                            people_per_km2=people_per_km2, travel_usd_per_km=travel_usd_per_km)
    distance = agent_distance_km(agents, people_per_km2)
    commission = _number(commission_usd, N_("commission"), "USD", 0, 1000)
    agent_cost = _number(agent_cost_usd, N_("agent costs"), "USD", 0, 1e6)
    transfers = float(transfers_per_month)

    values = _values(n, float(median_value_usd), float(value_spread), int(seed))
    rng = np.random.default_rng(int(seed) + 1)
    users = np.zeros(n, dtype=bool)
    users[rng.permutation(n)[: int(round(first / 100 * n))]] = True
    rows = []
    for month in range(n_months + 1):
        if month > 0:
            share = users.mean()
            wants = values * share >= cost
            acts = rng.random(n) < switch
            users = np.where(acts, wants, users)
        share = float(users.mean())
        per_agent = share * 10_000 / agents
        rows.append((month, round(100 * share, 2), round(per_agent, 1),
                     round(per_agent * transfers * commission, 2)))
    history = pd.DataFrame(rows, columns=["month", "users_pct", "users_per_agent", "agent_income_usd"])
    return AdoptionResult(
        history=history,
        cost_usd=round(cost, 4),
        distance_km=round(distance, 4),
        agent_cost_usd=agent_cost,
        inputs={"fee_usd": fee, "agents_per_10k": agents, "first_users_pct": first},
    )


def mobile_money_demo(fee_usd: Any = 0.3, agents_per_10k: Any = 10, first_users_pct: Any = 5) -> AdoptionResult:
    """The chapter's demo: :func:`simulate_adoption` with every other assumption at its default.

    Never raises: inputs that cannot be used (empty, text that is not a
    number, out of range) give a result whose ``errors`` say what to fix.
    """
    errors = []
    checked = {}
    for name, value, label, unit, low, high in [
        ("fee_usd", fee_usd, N_("Fee per transfer"), "USD", 0, 1000),
        ("agents_per_10k", agents_per_10k, N_("Agents per 10,000 people"), N_("agents"), 0.01, 1000),
        ("first_users_pct", first_users_pct, N_("First users"), "%", 0, 100),
    ]:
        try:
            checked[name] = _number(value, label, unit, low, high)
        except ValueError as exc:
            errors.append(str(exc))
    if errors:
        return AdoptionResult(errors=tuple(errors))
    return simulate_adoption(checked["fee_usd"], checked["agents_per_10k"], checked["first_users_pct"])
