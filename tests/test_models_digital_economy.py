"""The mobile-money model and the real-data figures of the digital-economy chapter: every number the prose quotes is pinned."""

from __future__ import annotations

import inspect
import math

import numpy as np
import pandas as pd
import pytest

from smartindustry.data import aggregates, load_indicator
from smartindustry.models.digital_economy import (
    DEMO_AGENTS,
    DEMO_FEES,
    DEMO_FIRST_USERS,
    agent_distance_km,
    agent_income_usd,
    mobile_money_demo,
    monthly_cost_usd,
    possible_links,
    simulate_adoption,
)

# -- the small formulas ------------------------------------------------------------


def test_possible_links():
    assert possible_links(0) == 0 and possible_links(1) == 0 and possible_links(2) == 1
    assert possible_links(10) == 45
    assert possible_links(100) == 4950
    assert possible_links(1000) == 499_500
    with pytest.raises(ValueError, match="whole number"):
        possible_links(2.5)
    with pytest.raises(ValueError, match="between"):
        possible_links(-3)


def test_distance_to_the_nearest_agent():
    # 10 agents per 10,000 people at 100 people per km²: 0.1 agents per km², 0.5 / sqrt(0.1) km
    assert agent_distance_km(10, 100) == pytest.approx(1.5811, abs=1e-4)
    assert agent_distance_km(40, 100) == pytest.approx(agent_distance_km(10, 100) / 2)  # 4 times the agents, half the distance
    assert agent_distance_km(10, 400) == pytest.approx(0.7906, abs=1e-4)
    with pytest.raises(ValueError, match="agents per 10,000 people"):
        agent_distance_km(0)
    with pytest.raises(ValueError, match="not a number|number"):
        agent_distance_km("many")


def test_monthly_cost_and_agent_income():
    # 4 transfers × (0.30 fee + 2 × 1.581 km × 0.10 USD per km)
    assert monthly_cost_usd(0.3, 10) == pytest.approx(2.465, abs=1e-3)
    assert monthly_cost_usd(0.5, 10) == pytest.approx(3.265, abs=1e-3)
    assert monthly_cost_usd(0.3, 10, travel_usd_per_km=0) == pytest.approx(1.2)
    assert agent_income_usd(400, 4, 0.1) == pytest.approx(160.0)
    assert agent_income_usd(250) == pytest.approx(100.0)
    with pytest.raises(ValueError, match="fee"):
        monthly_cost_usd(-1, 10)
    with pytest.raises(ValueError, match="empty"):
        agent_income_usd("")


def test_the_assumptions_the_chapter_lists_are_the_defaults():
    d = {k: v.default for k, v in inspect.signature(simulate_adoption).parameters.items()}
    assert (d["fee_usd"], d["agents_per_10k"], d["first_users_pct"]) == (0.3, 10.0, 10.0)
    assert (d["months"], d["people"], d["median_value_usd"], d["value_spread"]) == (24, 2000, 10.0, 1.0)
    assert (d["transfers_per_month"], d["people_per_km2"], d["travel_usd_per_km"]) == (4.0, 100.0, 0.1)
    assert (d["switch_share"], d["commission_usd"], d["agent_cost_usd"], d["seed"]) == (0.3, 0.1, 100.0, 15)
    m = {k: v.default for k, v in inspect.signature(mobile_money_demo).parameters.items()}
    assert (m["fee_usd"], m["agents_per_10k"], m["first_users_pct"]) == (0.3, 10, 5)


# -- the simulation ------------------------------------------------------------------


def test_same_seed_same_district_and_other_seed_other_district():
    a = simulate_adoption(seed=3)
    pd.testing.assert_frame_equal(a.history, simulate_adoption(seed=3).history)
    assert not a.history.equals(simulate_adoption(seed=4).history)


def test_the_chapter_run_takes_off():
    r = simulate_adoption()
    assert list(r.history.columns) == ["month", "users_pct", "users_per_agent", "agent_income_usd"]
    assert len(r.history) == 25 and r.history["month"].tolist() == list(range(25))
    assert r.history["users_pct"].iloc[0] == 10.0
    assert r.final_users_pct == 90.1
    assert r.month_half == 7
    assert r.took_off and r.agents_break_even
    assert r.cost_usd == pytest.approx(2.4649, abs=1e-4)
    assert round(r.distance_km, 1) == 1.6
    assert round(r.final_agent_income_usd) == 360
    assert r.history["users_per_agent"].iloc[-1] == 901.0
    assert r.to_text().splitlines()[0] == (
        "Users: 10 % of the people at launch, 90 % after 24 months. "
        "The service took off: half of the people used it from month 7."
    )


def test_critical_mass_at_the_default_fee_and_agents():
    """Below about 5 % of first users the service fades; from 5 % it takes off (fee USD 0.30, 10 agents)."""
    finals = {fu: mobile_money_demo(0.3, 10, fu).final_users_pct for fu in DEMO_FIRST_USERS}
    assert [fu for fu, f in finals.items() if f >= 50] == [5, 6, 8, 10, 15, 20, 25, 30]
    assert finals[4] == 0.0 and finals[5] == 89.15
    assert mobile_money_demo(0.3, 10, 5).month_half == 13
    assert mobile_money_demo(0.3, 10, 20).month_half == 4


def test_demo_question_highest_fee_that_takes_off():
    """The chapter's demo question: at 10 agents and 5 % first users, the highest fee that still takes off is USD 0.30."""
    took_off = [f for f in DEMO_FEES if mobile_money_demo(f, 10, 5).took_off]
    assert took_off == [0.1, 0.2, 0.3]
    default = mobile_money_demo()
    assert default.took_off and default.final_users_pct == 89.15


def test_exercise_demo_question_no_agent_number_does_both():
    """At a fee of USD 0.50 and 5 % first users, the service takes off only with 40 or more agents,
    and then the agents do not break even."""
    results = {a: mobile_money_demo(0.5, a, 5) for a in DEMO_AGENTS}
    assert [a for a, r in results.items() if r.took_off] == [40, 50, 60]
    assert [a for a, r in results.items() if r.took_off and r.agents_break_even] == []
    assert round(results[40].final_agent_income_usd) == 83
    # at the same fee, 10 % first users and 10 agents: it takes off and the agents break even
    r = mobile_money_demo(0.5, 10, 10)
    assert r.took_off and r.agents_break_even and r.final_users_pct == 79.7


def test_more_agents_shorter_trips_but_fewer_users_each():
    few, many = mobile_money_demo(0.3, 10, 10), mobile_money_demo(0.3, 60, 10)
    assert many.cost_usd < few.cost_usd and many.final_users_pct > few.final_users_pct
    assert many.final_agent_income_usd < 100 < few.final_agent_income_usd


def test_no_first_users_no_service():
    r = simulate_adoption(first_users_pct=0)
    assert r.final_users_pct == 0.0 and r.month_half is None and not r.took_off
    assert "faded" in r.to_text()


def test_bad_inputs_give_messages_not_tracebacks():
    r = mobile_money_demo("abc", "", 200)
    assert not r.ok and len(r.errors) == 3
    text = r.to_text()
    assert text.startswith("Please check the inputs:")
    assert "Fee per transfer" in text and "empty" in text and "between 0 and 100 %" in text
    assert "<li>" in r.to_html()
    assert mobile_money_demo(None, 10, 5).errors == ("Fee per transfer is empty: type a number (USD).",)
    assert mobile_money_demo(0.3, 0, 5).errors[0].startswith("Agents per 10,000 people must be between")
    assert mobile_money_demo("0,3", "10", "5 %").final_users_pct == 89.15  # text as people write it
    assert mobile_money_demo(True, 10, 5).errors
    assert mobile_money_demo(float("nan"), 10, 5).errors
    with pytest.raises(ValueError, match="first users"):
        simulate_adoption(first_users_pct=120)
    with pytest.raises(ValueError, match="months"):
        simulate_adoption(months=0)


def test_result_renders_as_html():
    html = mobile_money_demo().to_html()
    assert html.startswith("<p>Users: 5 %") and "Agents break even." in html


# -- the real data the chapter quotes -------------------------------------------------


def _value(indicator: str, iso3: str, year: int, **kw) -> float:
    d = load_indicator(indicator, years=(year, year), **kw)
    d = d[d["iso3"].astype(str) == iso3]
    assert len(d) == 1, (indicator, iso3, year)
    return round(float(d["value"].iloc[0]), 1)


@pytest.mark.parametrize(
    ("iso3", "hightech", "medhigh"),
    [("PHL", 67.0, 47.2), ("MYS", 53.8, 43.3), ("VNM", 41.7, 38.2), ("KEN", 5.1, 13.1),
     ("DEU", 15.5, 61.2), ("JPN", 18.6, 56.9), ("KOR", 35.6, 63.8), ("MEX", 21.5, 45.6), ("BRA", 11.4, 34.4)],
)
def test_hightech_exports_against_sdg_9b1_in_2020(iso3, hightech, medhigh):
    assert _value("hightech_exports_share", iso3, 2020) == hightech
    assert _value("medhigh_tech_share", iso3, 2020) == medhigh


def test_sdg_9b1_values_of_2020_are_all_estimates():
    d = load_indicator("medhigh_tech_share", years=(2020, 2020))
    assert len(d) == 155 and set(d["nature"].astype(str)) == {"E"}
    assert load_indicator("medhigh_tech_share")["year"].max() == 2020


@pytest.mark.parametrize(
    ("iso3", "servers", "gdp_pc"),
    [("USA", 196616.0, 86169.7), ("DEU", 152114.0, 56103.7), ("ZAF", 16658.2, 6267.2), ("BRA", 6941.2, 10310.5),
     ("VNM", 5733.8, 4716.7), ("IND", 1212.4, 2592.0), ("KEN", 399.7, 2133.5), ("NGA", 98.4, 1084.2),
     ("ETH", 23.7, 1133.9)],
)
def test_secure_servers_and_gdp_per_capita_in_2024(iso3, servers, gdp_pc):
    assert _value("secure_servers_per_million", iso3, 2024) == servers
    assert _value("gdp_per_capita", iso3, 2024) == gdp_pc


def test_secure_servers_and_income_world_and_income_groups_2024():
    areas = ["WB-WLD", "WB-LIC", "WB-HIC"]
    d = aggregates("secure_servers_per_million", area=areas, years=(2024, 2024))
    servers = d.set_index(d["area"].astype(str))["value"].round(1).to_dict()
    assert servers == {"WB-WLD": 16381.5, "WB-LIC": 26.4, "WB-HIC": 85831.2}
    g = aggregates("gdp_per_capita", area=areas, years=(2024, 2024))
    gdp = g.set_index(g["area"].astype(str))["value"].round(1).to_dict()
    assert gdp == {"WB-WLD": 13717.1, "WB-LIC": 808.5, "WB-HIC": 50907.3}
    # the chapter: high income has about 3,250 times the servers per person, but 63 times the income
    assert round(servers["WB-HIC"] / servers["WB-LIC"], -1) == 3250
    assert round(gdp["WB-HIC"] / gdp["WB-LIC"]) == 63


@pytest.mark.parametrize(
    ("iso3", "mobile", "broadband"),
    [("KEN", 126.5, 3.0), ("NGA", 70.8, 0.1), ("ETH", 65.1, 0.6), ("IND", 79.4, 3.2), ("BGD", 108.1, 8.1),
     ("BRA", 101.9, 24.1), ("DEU", 129.2, 45.6)],
)
def test_mobile_and_fixed_broadband_in_2024(iso3, mobile, broadband):
    assert _value("mobile_subscriptions_per100", iso3, 2024) == mobile
    assert _value("fixed_broadband_per100", iso3, 2024) == broadband


@pytest.mark.parametrize(
    ("iso3", "year", "informal"),
    [("KEN", 2019, 86.5), ("IND", 2020, 88.9), ("IDN", 2022, 80.2), ("MEX", 2021, 57.1),
     ("BRA", 2021, 39.2), ("ZAF", 2021, 41.6), ("KOR", 2019, 26.6)],
)
def test_latest_informal_employment_quoted(iso3, year, informal):
    d = load_indicator("informal_employment", sex="total", years=(2015, 2022))
    d = d[d["iso3"].astype(str) == iso3]
    assert int(d["year"].max()) == year
    assert _value("informal_employment", iso3, year, sex="total") == informal


def test_world_informal_employment_2022():
    d = aggregates("informal_employment", area="UN-001", sex="total", years=(2022, 2022))
    assert round(float(d["value"].iloc[0]), 1) == 58.0
    assert not math.isnan(float(d["value"].iloc[0]))


def test_the_chapter_scenarios_that_fade():
    """Fee USD 0.30 with 4 % first users, and fee USD 0.70 with 10 %: both reach no users in month 19."""
    for args in [(0.3, 10, 4), (0.7, 10, 10)]:
        h = simulate_adoption(*args).history
        assert int(h.loc[h["users_pct"] == 0, "month"].iloc[0]) == 19, args
        assert h["users_pct"].iloc[-1] == 0.0
    assert round(simulate_adoption(0.7, 10, 10).cost_usd, 2) == 4.06


def test_countries_in_the_chapter_figures():
    def both(a: str, b: str, year: int) -> int:
        x = load_indicator(a, years=(year, year))
        y = load_indicator(b, years=(year, year))
        xs = x.set_index(x["iso3"].astype(str))["value"]
        ys = y.set_index(y["iso3"].astype(str))["value"]
        return len(pd.concat([xs, ys], axis=1).dropna())

    assert both("secure_servers_per_million", "gdp_per_capita", 2024) == 198
    assert both("hightech_exports_share", "medhigh_tech_share", 2020) == 141


def test_exercise_medians_of_secure_servers_by_income_group_2024():
    from smartindustry.questions.digital_economy import median_by_income_reference

    got = median_by_income_reference(load_indicator("secure_servers_per_million"), 2024)
    medians = got.set_index("wb_income_group")["median"].round(1).to_dict()
    assert medians == {"High income": 26673.1, "Low income": 14.5, "Lower middle income": 150.7,
                       "Upper middle income": 1126.2}


def test_the_values_people_put_on_the_service_as_the_chapter_describes_them():
    """'Half value it above USD 10, a few at USD 50 or more': the seeded values of the chapter's district."""
    from smartindustry.models.digital_economy import _values

    values = _values(2000, 10.0, 1.0, 15)
    assert len(values) == 2000
    assert 9.0 < float(np.median(values)) < 11.0
    assert 0.04 < float((values >= 50).mean()) < 0.07
