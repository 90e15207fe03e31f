"""The industrial zone's power and the real infrastructure data: the numbers the cities chapter quotes are pinned."""

from __future__ import annotations

import inspect

import numpy as np
import pytest

from smartindustry.data import aggregates
from smartindustry.models.cities import (
    DEMO_STEPS,
    HOURS_PER_YEAR,
    SCENARIOS,
    draw_zone,
    evaluate_plan,
    latest_by_country,
    parallel_availability,
    resilience_demo,
    series_availability,
)

CHOSEN = ["ETH", "NGA", "KEN", "BGD", "IND", "VNM", "BRA", "MEX", "DEU"]


# -- redundancy arithmetic -------------------------------------------------------------


def test_parallel_and_series_availability():
    assert parallel_availability([0.97, 0.97]) == pytest.approx(0.9991)
    assert parallel_availability([0.9]) == pytest.approx(0.9)
    assert series_availability([0.99, 0.98, 0.97]) == pytest.approx(0.941094)
    assert parallel_availability([0.5, 0.5, 0.5]) == pytest.approx(0.875)
    # hours down a year: one line at 97 % against two side by side
    assert round((1 - 0.97) * HOURS_PER_YEAR) == 263
    assert round((1 - parallel_availability([0.97, 0.97])) * HOURS_PER_YEAR, 1) == 7.9


@pytest.mark.parametrize("bad", [[], [1.2], [-0.1], ["high"], [None]])
def test_availability_rejects_bad_input_with_a_clear_message(bad):
    with pytest.raises(ValueError, match="availab"):
        parallel_availability(bad)
    with pytest.raises(ValueError, match="availab"):
        series_availability(bad)


# -- the simulated year --------------------------------------------------------------------


def test_the_assumptions_the_chapter_lists_are_the_defaults():
    d = {k: v.default for k, v in inspect.signature(draw_zone).parameters.items()}
    assert (d["scenario"], d["factories"], d["mean_demand_kw"], d["generator_reliability"], d["seed"]) == (
        "weak grid", 20, 100.0, 0.9, 17)
    e = {k: v.default for k, v in inspect.signature(evaluate_plan).parameters.items()}
    assert (e["second_feeder_cost_usd"], e["generator_cost_usd"], e["fuel_cost_usd_per_kwh"], e["value_lost_usd_per_kwh"]) == (
        8_000.0, 5_000.0, 0.35, 1.5)
    assert SCENARIOS["weak grid"]["feeder_outages_per_year"] == 100 and SCENARIOS["weak grid"]["feeder_outage_hours"] == 3
    assert SCENARIOS["weak grid"]["zone_events_per_year"] == 0
    assert (SCENARIOS["storms"]["feeder_outages_per_year"], SCENARIOS["storms"]["zone_events_per_year"],
            SCENARIOS["storms"]["zone_event_hours"]) == (10, 3, 24)
    assert DEMO_STEPS == (0, 5, 10, 15, 20)


def test_same_seed_same_year_other_seed_other_year():
    a, b, c = draw_zone(seed=3), draw_zone(seed=3), draw_zone(seed=4)
    assert np.array_equal(a.main_down, b.main_down) and np.array_equal(a.demand_kw, b.demand_kw)
    assert not np.array_equal(a.main_down, c.main_down)
    assert a.main_down.shape == (20, HOURS_PER_YEAR)
    assert list(a.demand_kw) == sorted(a.demand_kw, reverse=True)  # factory 1 is the largest
    with pytest.raises(ValueError):
        a.main_down[0, 0] = True  # the year cannot be changed by accident


def test_weak_grid_year_of_the_chapter():
    zone = draw_zone()
    assert round(float(zone.demand_kw.mean()), 1) == 93.4
    assert round(float(zone.demand_kw[0])) == 224 and round(float(zone.demand_kw[-1])) == 28
    assert int(zone.zone_down.sum()) == 0
    nothing = evaluate_plan(zone)
    assert round(nothing.served_share, 2) == 96.57
    assert round(nothing.mean_hours_without_power) == 298 and nothing.worst_hours_without_power == 371
    assert round(nothing.lost_load_cost_usd) == 841_181


def test_weak_grid_second_feeders_beat_generators():
    zone = draw_zone()
    links = evaluate_plan(zone, 20, 0)
    gens = evaluate_plan(zone, 0, 20)
    assert round(links.served_share, 2) == 99.87 and round(links.mean_hours_without_power, 1) == 9.9
    assert links.worst_hours_without_power == 18
    assert round(links.total_cost_usd) == 191_232
    assert round(gens.served_share, 2) == 99.68 and round(gens.total_cost_usd) == 356_478
    assert round(evaluate_plan(zone, 20, 20).total_cost_usd) == 269_587
    assert links.total_cost_usd < gens.total_cost_usd < evaluate_plan(zone).total_cost_usd


def test_storms_second_feeders_do_not_help_generators_do():
    zone = draw_zone("storms")
    assert int(zone.zone_down.sum()) == 91  # hours the whole zone was cut
    nothing, links, gens = evaluate_plan(zone), evaluate_plan(zone, 20, 0), evaluate_plan(zone, 0, 20)
    assert round(nothing.served_share, 2) == 98.69 and round(nothing.total_cost_usd) == 321_019
    assert links.worst_hours_without_power == 91  # every factory still sits out every storm
    assert round(links.total_cost_usd) == 415_000 > nothing.total_cost_usd
    assert round(gens.served_share, 2) == 99.89 and round(gens.total_cost_usd) == 195_147
    assert round(evaluate_plan(zone, 20, 20).total_cost_usd) == 336_351


def test_generators_sometimes_fail_to_start():
    zone = draw_zone()
    always = draw_zone(generator_reliability=1.0)
    assert evaluate_plan(always, 0, 20).unserved_kwh == 0
    assert evaluate_plan(zone, 0, 20).unserved_kwh > 0
    never = draw_zone(generator_reliability=0.0)
    assert evaluate_plan(never, 0, 20).unserved_kwh == evaluate_plan(never).unserved_kwh


def test_hand_checked_small_case():
    """Two factories, 10 hours: feeders and generators combine as the docstring says."""
    zone = draw_zone(factories=2, hours=10, seed=1)
    main = np.array([[0, 1, 1, 0, 0, 0, 1, 1, 1, 0], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]], dtype=bool)
    second = np.array([[0, 0, 1, 1, 0, 0, 0, 1, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]], dtype=bool)
    starts = np.ones((2, 10), dtype=bool)
    starts[0, 6] = starts[0, 7] = False  # the generator fails when an outage begins at hour 6 or 7
    from dataclasses import replace

    zone = replace(zone, main_down=main, second_down=second, generator_starts=starts,
                   demand_kw=np.array([10.0, 5.0]), zone_down=np.zeros(10, dtype=bool))
    assert evaluate_plan(zone).hours_without_power == (5, 0)
    assert evaluate_plan(zone, 1, 0).hours_without_power == (2, 0)  # hours 2 and 7
    assert evaluate_plan(zone, 0, 1).hours_without_power == (3, 0)  # the second outage, 3 hours
    both = evaluate_plan(zone, 1, 1)
    assert both.hours_without_power == (1, 0) and both.generated_kwh == 10.0
    assert both.demand_kwh == 150.0 and round(both.served_share, 2) == round(100 * (1 - 10 / 150), 2)


@pytest.mark.parametrize("kwargs", [dict(second_feeders=21), dict(generators=-1), dict(second_feeders="many"),
                                    dict(generators=2.5), dict(value_lost_usd_per_kwh=-1)])
def test_evaluate_plan_rejects_bad_input(kwargs):
    with pytest.raises(ValueError):
        evaluate_plan(draw_zone(hours=24), **kwargs)


@pytest.mark.parametrize("kwargs", [dict(scenario="drought"), dict(factories=0), dict(mean_demand_kw=0),
                                    dict(generator_reliability=1.5), dict(hours=9000)])
def test_draw_zone_rejects_bad_input(kwargs):
    with pytest.raises(ValueError):
        draw_zone(**kwargs)


# -- the demo ----------------------------------------------------------------------------------


def test_demo_default_matches_the_chapter():
    result = resilience_demo()
    assert (result.best_second_feeders, result.best_generators, round(result.best_cost_usd)) == (20, 0, 191_232)
    text = result.to_text()
    assert "USD 841,181" in text and "96.57 %" in text and "$" not in text and "$" not in result.to_html()
    assert result.to_html().startswith("<p>")


def test_the_best_plan_depends_on_the_grid_and_the_value_of_lost_power():
    best = {(s, v): (r.best_second_feeders, r.best_generators, round(r.best_cost_usd))
            for s in SCENARIOS for v in (0.5, 1.5, 5.0) for r in [resilience_demo(0, 0, s, v)]}
    assert best[("weak grid", 0.5)] == (15, 0, 158_223)
    assert best[("weak grid", 1.5)] == (20, 0, 191_232)
    assert best[("weak grid", 5.0)] == (20, 5, 238_636)
    assert best[("storms", 0.5)] == (0, 0, 107_006)
    assert best[("storms", 1.5)] == (0, 15, 191_892)
    assert best[("storms", 5.0)] == (0, 20, 256_753)


def test_demo_every_setting_runs_and_bad_input_is_refused():
    for s in SCENARIOS:
        for n in (0, 7, 20):
            assert resilience_demo(n, 20 - n, s).to_text()
    with pytest.raises(ValueError):
        resilience_demo(25, 0)
    with pytest.raises(ValueError):
        resilience_demo(0, 0, "flood")


# -- the real data the chapter quotes ------------------------------------------------------------


def _latest(indicator):
    return latest_by_country(indicator, CHOSEN).set_index("iso3")


def test_latest_by_country_keeps_years_and_leaves_out_missing():
    t = latest_by_country("firms_power_outages", ["NGA", "DEU", "XXX"])
    assert list(t["iso3"]) == ["DEU", "NGA"] and list(t.columns) == ["iso3", "year", "value"]
    old = latest_by_country("logistics_performance", ["KEN", "ETH"], up_to_year=2017).set_index("iso3")
    assert old.loc["KEN", "year"] == 2016 and round(old.loc["KEN", "value"], 2) == 3.33


def test_urbanisation_and_slums():
    world = aggregates("urban_population_share", area=["WB-WLD", "WB-LIC", "WB-HIC"], years=(2025, 2025)).set_index("area")
    assert [round(world.loc[a, "value"], 1) for a in ["WB-WLD", "WB-LIC", "WB-HIC"]] == [57.8, 35.2, 80.2]
    slums = aggregates("slum_population_share", area=["WB-WLD", "WB-SSF"], years=(2022, 2022)).set_index("area")
    assert round(slums.loc["WB-WLD", "value"], 1) == 23.2 and round(slums.loc["WB-SSF", "value"], 1) == 53.7
    t = _latest("slum_population_share")
    assert (t.loc["NGA", "year"], round(t.loc["NGA", "value"], 1)) == (2022, 48.5)
    assert (t.loc["ETH", "year"], round(t.loc["ETH", "value"], 1)) == (2022, 64.3)
    assert (t.loc["IND", "year"], round(t.loc["IND", "value"], 1)) == (2019, 5.4)  # no 2020 or 2022 value
    assert t.loc["DEU", "value"] == 0


def test_electricity_access_and_use():
    access = _latest("electricity_access")
    assert set(access["year"]) == {2023}
    assert [round(access.loc[c, "value"], 1) for c in ["ETH", "NGA", "KEN"]] == [55.4, 61.2, 76.2]
    world = aggregates("electricity_access", area=["WB-WLD", "WB-LIC"], years=(2023, 2023)).set_index("area")
    assert round(world.loc["WB-WLD", "value"], 1) == 91.6 and round(world.loc["WB-LIC", "value"], 1) == 46.9
    use = _latest("electricity_use_per_capita")
    assert (use.loc["ETH", "year"], round(use.loc["ETH", "value"])) == (2023, 113)
    assert (use.loc["NGA", "year"], round(use.loc["NGA", "value"])) == (2023, 144)
    assert (use.loc["DEU", "year"], round(use.loc["DEU", "value"])) == (2024, 6109)
    assert round(use.loc["DEU", "value"] / use.loc["NGA", "value"]) == 42


def test_firms_with_power_outages_are_sparse():
    t = _latest("firms_power_outages")
    assert (t.loc["NGA", "year"], round(t.loc["NGA", "value"], 1)) == (2025, 82.5)
    assert (t.loc["ETH", "year"], round(t.loc["ETH", "value"], 1)) == (2025, 85.9)
    assert (t.loc["BGD", "year"], round(t.loc["BGD", "value"], 1)) == (2022, 71.4)
    assert (t.loc["IND", "year"], round(t.loc["IND", "value"], 1)) == (2025, 15.4)
    assert (t.loc["DEU", "year"], round(t.loc["DEU", "value"], 1)) == (2025, 5.8)
    assert {c: round(t.loc[c, "value"], 1) for c in ["KEN", "MEX", "VNM", "BRA"]} == {
        "KEN": 74.6, "MEX": 28.4, "VNM": 43.0, "BRA": 59.6}  # in the figure's alt text
    assert sorted(set(t["year"])) == [2022, 2023, 2025]  # three different survey years among nine countries
    world = aggregates("firms_power_outages", area="WB-WLD")
    assert list(world["year"]) == [2025] and round(float(world["value"].iloc[0]), 1) == 47.5


def test_logistics_performance_years_are_sparse():
    from smartindustry.data import load_indicator

    years = sorted(load_indicator("logistics_performance")["year"].unique())
    assert years == [2007, 2010, 2012, 2014, 2016, 2018, 2022]
    t = _latest("logistics_performance")
    assert {c: round(t.loc[c, "value"], 2) for c in ["DEU", "IND", "VNM", "BRA", "NGA", "BGD"]} == {
        "DEU": 4.1, "IND": 3.4, "VNM": 3.3, "BRA": 3.2, "NGA": 2.6, "BGD": 2.6}
    assert (t.loc["KEN", "year"], round(t.loc["KEN", "value"], 2)) == (2018, 2.81)
    assert (t.loc["ETH", "year"], round(t.loc["ETH", "value"], 2)) == (2016, 2.38)
    world = aggregates("logistics_performance", area="WB-WLD", years=(2022, 2022))
    assert float(world["value"].iloc[0]) == 3.0


def test_connectivity_as_infrastructure():
    bb = _latest("fixed_broadband_per100")
    assert set(bb["year"]) == {2024}
    assert round(bb.loc["DEU", "value"], 1) == 45.6 and round(bb.loc["NGA", "value"], 2) == 0.08
    assert round(bb.loc["ETH", "value"], 1) == 0.6
    world = aggregates("fixed_broadband_per100", area="WB-WLD", years=(2024, 2024))
    assert round(float(world["value"].iloc[0]), 1) == 19.3
    g4 = _latest("mobile_coverage_4g")
    assert set(g4["year"]) == {2021}
    assert round(g4.loc["NGA", "value"], 1) == 61.9 and round(g4.loc["ETH", "value"]) == 10


def test_latest_task_takes_the_country_codes_as_the_tables_give_them():
    """``load_indicator`` gives ``iso3`` as a categorical column; a learner who keeps it so is right,
    and a table with every year is told to keep one row per country."""
    from smartindustry.questions.cities import latest_task

    def kept(df):
        known = df.dropna(subset=["value"]).sort_values(["iso3", "year"])
        return known.groupby("iso3", observed=True).tail(1)[["iso3", "year", "value"]].reset_index(drop=True)

    assert latest_task.check(kept).correct
    fb = latest_task.check(lambda df: df.dropna(subset=["value"])[["iso3", "year", "value"]])
    assert not fb.correct and "one row per country" in fb.message
