"""The irrigation model of the digital-agriculture chapter: the numbers the chapter quotes are pinned, and the behaviour holds."""

from __future__ import annotations

import inspect

import numpy as np
import pytest

from smartindustry.models.agriculture import (
    DEMO_THRESHOLDS,
    RAINFALL,
    RULES,
    irrigation_demo,
    season_economics,
    simulate_rainfall,
    simulate_season,
)


@pytest.fixture(scope="module")
def rain():
    """The chapter's twenty normal seasons (seed 2024)."""
    return simulate_rainfall(seasons=20, seed=2024)


# -- rainfall -------------------------------------------------------------------


def test_rainfall_is_seeded_and_has_the_stated_shape(rain):
    assert rain.shape == (20, 120)
    assert np.array_equal(rain, simulate_rainfall(seasons=20, seed=2024))
    assert not np.array_equal(rain, simulate_rainfall(seasons=20, seed=2025))
    assert (rain >= 0).all() and np.array_equal(rain, rain.round(1))
    assert round(float(rain[0].sum()), 1) == 245.7
    assert round(float(rain.sum(axis=1).mean()), 1) == 234.4
    assert round(float(rain.sum(axis=1).min())) == 148 and round(float(rain.sum(axis=1).max())) == 367


def test_rainfall_follows_its_two_settings_on_average():
    many = simulate_rainfall(300, rain_day_probability=0.3, mean_rain_mm=12, seasons=40, seed=1)
    assert (many > 0).mean() == pytest.approx(0.3, abs=0.01)
    assert many[many > 0].mean() == pytest.approx(12, rel=0.03)
    assert simulate_rainfall(10, rain_day_probability=0).sum() == 0


def test_the_assumptions_the_chapter_lists_are_the_defaults():
    d = {k: v.default for k, v in inspect.signature(simulate_season).parameters.items()}
    assert (d["threshold_pct"], d["calendar_interval_days"], d["calendar_amount_mm"]) == (50.0, 7, 35.0)
    assert (d["crop_water_mm_per_day"], d["soil_water_mm"], d["stress_start_pct"], d["efficiency"]) == (5.0, 100.0, 50.0, 0.8)
    assert (d["max_yield_t_ha"], d["yield_response"]) == (5.0, 1.25)
    e = {k: v.default for k, v in inspect.signature(season_economics).parameters.items()}
    assert (e["crop_price_usd_t"], e["water_price_usd_m3"], e["sensor_cost_usd"], e["irrigation_cost_usd"]) == (
        250.0, 0.10, 60.0, 3.0)
    assert RAINFALL == {"dry": (0.10, 8.0), "normal": (0.20, 10.0), "wet": (0.35, 12.0)}
    assert RULES == ("rain-fed", "calendar", "sensor")


# -- the water balance ------------------------------------------------------------


def test_one_season_the_chapter_walks_through(rain):
    first = rain[:1]
    fed, cal, sen = (simulate_season(first, rule) for rule in RULES)
    assert (fed.irrigations[0], round(fed.water_use_ratio[0], 2), round(fed.yield_t_ha[0], 2)) == (0, 0.56, 2.25)
    assert (cal.irrigations[0], cal.irrigation_mm[0], round(cal.drained_mm[0], 1), cal.yield_t_ha[0]) == (18, 630, 170.9, 5.0)
    assert (sen.irrigations[0], round(sen.irrigation_mm[0]), round(sen.drained_mm[0], 1), sen.yield_t_ha[0]) == (7, 465, 35.7, 5.0)
    table = sen.day_by_day()
    assert len(table) == 120 and table.index[0] == 1
    # refilled each morning that it is below 50 %, so it ends a day at most one day's use (5 %) lower
    assert table["moisture_pct"].min() >= 45.0 - 1e-9


def test_water_is_conserved():
    rain = simulate_rainfall(60, seasons=5, seed=3)
    for rule in RULES:
        run = simulate_season(rain, rule, threshold_pct=60)
        start, end = 100.0, run.moisture_pct[:, -1]  # soil water in mm (soil holds 100 mm)
        used = run.water_use_ratio * 5.0 * 60
        inflow = run.rain_mm + run.irrigation_mm * 0.8
        assert np.allclose(start + inflow - run.drained_mm - used, end)


def test_stress_and_yield_follow_fao_rules():
    dry = np.zeros((1, 40))
    run = simulate_season(dry, "rain-fed")
    # 100 mm: 50 mm at full use (10 days), then use falls with the soil water
    assert run.moisture_pct[0, 9] == pytest.approx(50.0)
    assert run.moisture_pct[0, 10] == pytest.approx(45.0)  # still at full use the morning it reaches 50 %
    assert run.moisture_pct[0, 11] == pytest.approx(40.5)  # then 90 % of 5 mm
    ratio = run.water_use_ratio[0]
    assert run.yield_t_ha[0] == pytest.approx(5.0 * max(0.0, 1 - 1.25 * (1 - ratio)))
    assert simulate_season(dry, "sensor", threshold_pct=50).yield_t_ha[0] == 5.0
    assert simulate_season(dry, "sensor", threshold_pct=0).irrigations[0] == 0


def test_economics_of_one_season(rain):
    run = simulate_season(rain[:1], "sensor")
    money = season_economics(run)
    assert money.water_m3 == pytest.approx(4_650)
    assert money.revenue_usd == pytest.approx(1_250)
    assert money.other_cost_usd == pytest.approx(7 * 3 + 60)
    assert money.profit_usd == pytest.approx(1_250 - 465 - 21 - 60)
    assert season_economics(simulate_season(rain[:1], "calendar")).other_cost_usd == pytest.approx(18 * 3)


def test_bad_inputs_give_clear_messages():
    rain = simulate_rainfall(10)
    with pytest.raises(ValueError, match="rule must be one of"):
        simulate_season(rain, "drip")
    with pytest.raises(ValueError, match="threshold_pct must be at least 0 and at most 100"):
        simulate_season(rain, threshold_pct=120)
    with pytest.raises(ValueError, match="threshold_pct must be a number"):
        simulate_season(rain, threshold_pct="half")
    with pytest.raises(ValueError, match="rain_mm"):
        simulate_season(np.array([[1.0, -2.0]]))
    with pytest.raises(ValueError, match="rain_day_probability"):
        simulate_rainfall(10, rain_day_probability=1.5)
    with pytest.raises(ValueError, match="water_price_usd_m3"):
        season_economics(simulate_season(rain), water_price_usd_m3=-1)
    with pytest.raises(ValueError, match="rainfall must be one of"):
        irrigation_demo(rainfall="monsoon")
    with pytest.raises(ValueError, match="sensor_cost_usd must be a number"):
        irrigation_demo(sensor_cost_usd="")


# -- the demo -----------------------------------------------------------------------


def _summary(result):
    return [(e.rule, round(e.water_m3), round(e.yield_t_ha, 2), round(e.profit_usd), round(e.worst_profit_usd)) for e in result.rules]


def test_demo_default_matches_the_chapter():
    result = irrigation_demo()
    assert _summary(result) == [
        ("rain-fed", 0, 1.93, 482, 269),
        ("calendar", 6300, 4.99, 565, 554),
        ("sensor", 4859, 5.0, 682, 567),
    ]
    assert round(result.sensor_gain_usd) == 117
    assert round(result.rules[2].irrigations, 1) == 7.3 and result.rules[1].irrigations == 18
    assert (result.best_threshold_pct, round(result.best_profit_usd)) == (40, 683)
    text = result.to_text()
    assert "USD 117 a hectare more" in text and "$" not in text and "$" not in result.to_html()


def test_dry_and_wet_seasons():
    dry = irrigation_demo(rainfall="dry")
    assert _summary(dry)[0][2] == 0.64 and round(dry.sensor_gain_usd) == 13 and dry.best_threshold_pct == 45
    wet = irrigation_demo(rainfall="wet")
    assert _summary(wet) == [
        ("rain-fed", 0, 3.85, 962, 668),
        ("calendar", 6300, 5.0, 566, 566),
        ("sensor", 2823, 5.0, 895, 769),
    ]
    assert wet.best_threshold_pct == 15 and round(wet.best_profit_usd) == 934
    assert max(e.profit_usd for e in wet.rules) == wet.rules[0].profit_usd  # in wet seasons irrigation does not pay


def test_prices_decide_whether_irrigation_pays():
    dear = irrigation_demo(water_price_usd_m3=0.20)
    assert [round(e.profit_usd) for e in dear.rules] == [482, -65, 196]
    assert dear.best_threshold_pct == 0 and "never irrigate" in dear.to_text()
    assert round(irrigation_demo(sensor_cost_usd=150).sensor_gain_usd) == 27
    assert round(irrigation_demo(sensor_cost_usd=200).sensor_gain_usd) == -23
    assert "less than the calendar" in irrigation_demo(sensor_cost_usd=200).to_text()


def test_profit_against_threshold_rises_then_falls():
    profits = [irrigation_demo(t).rules[2].profit_usd for t in DEMO_THRESHOLDS]
    best = int(np.argmax(profits))
    assert DEMO_THRESHOLDS[best] == 40
    assert profits[0] < profits[4] < profits[best] and profits[-1] < profits[12] < profits[best]  # 0, 20, 40, 60, 95 %
    assert max(profits[6:11]) - min(profits[6:11]) < 10  # a plateau: 30 % to 50 % within USD 10
    assert round(irrigation_demo(90).rules[2].irrigations) == 35


def test_every_demo_setting_runs():
    for rainfall in RAINFALL:
        for threshold in (0, 45, 95):
            result = irrigation_demo(threshold, 0.3, 0, rainfall)
            assert result.to_text() and result.to_html().startswith("<p>")


# -- the real data the chapter and its exercises quote -------------------------------------


def _value(indicator, iso3, year, sex="total"):
    from smartindustry.data import load_indicator

    table = load_indicator(indicator, years=(year, year))
    row = table[(table["iso3"] == iso3) & (table["sex"] == sex)]
    assert len(row) == 1, (indicator, iso3, year, sex)
    return round(float(row["value"].iloc[0]), 1)


@pytest.mark.parametrize(
    ("indicator", "iso3", "year", "sex", "expected"),
    [
        ("rural_population_share", "MWI", 2023, "total", 83.0),
        ("rural_population_share", "ETH", 2023, "total", 76.9),
        ("electricity_access", "MWI", 2023, "total", 15.6),
        ("electricity_access", "ETH", 2023, "total", 55.4),
        ("mobile_coverage_4g", "ETH", 2021, "total", 10.0),
        ("mobile_coverage_4g", "KEN", 2021, "total", 94.0),
        ("mobile_coverage_4g", "GTM", 2021, "total", 40.4),
        ("mobile_coverage_4g", "IND", 2021, "total", 98.7),
        ("mobile_coverage_4g", "BGD", 2021, "total", 98.2),
        ("internet_users", "KEN", 2021, "total", 28.8),
        ("internet_users", "IND", 2021, "total", 46.3),
        ("internet_users", "BGD", 2021, "total", 38.9),
        ("agri_value_added_share", "NLD", 2023, "total", 1.8),
        ("agri_employment_share", "BGD", 2023, "female", 75.0),
        ("agri_employment_share", "BGD", 2023, "male", 29.0),
        ("agri_employment_share", "PAK", 2023, "female", 68.2),
        ("agri_employment_share", "PAK", 2023, "male", 27.8),
        ("agri_employment_share", "IND", 2023, "female", 61.5),
        ("agri_employment_share", "IND", 2023, "male", 36.7),
        ("irrigated_land_share", "BGD", 2023, "total", 89.0),
        ("irrigated_land_share", "PAK", 2023, "total", 54.2),
        ("irrigated_land_share", "IND", 2023, "total", 44.4),
        ("irrigated_land_share", "KEN", 2023, "total", 1.0),
        ("cereal_yield", "KEN", 2023, "total", 1757.5),
        ("cereal_yield", "MWI", 2023, "total", 1856.9),
        ("cereal_yield", "NLD", 2023, "total", 8079.5),
        ("fertilizer_use", "NGA", 2023, "total", 4.2),
        ("fertilizer_use", "BGD", 2023, "total", 391.9),
    ],
)
def test_country_values_the_chapter_quotes(indicator, iso3, year, sex, expected):
    assert _value(indicator, iso3, year, sex) == expected


def test_regional_farm_work_by_sex_2023():
    from smartindustry.data import aggregates

    table = aggregates("agri_employment_share", area=["WB-SAS", "WB-SSF", "WB-LCN", "WB-WLD"], years=(2023, 2023))
    got = {(str(r.area), r.sex): round(float(r.value), 1) for r in table.itertuples()}
    assert got == {
        ("WB-SAS", "female"): 62.6, ("WB-SAS", "male"): 35.6,
        ("WB-SSF", "female"): 49.5, ("WB-SSF", "male"): 51.5,
        ("WB-LCN", "female"): 7.3, ("WB-LCN", "male"): 17.3,
        ("WB-WLD", "female"): 26.7, ("WB-WLD", "male"): 26.5,
    }


def test_farm_tables_coverage_and_the_sparse_irrigation_series():
    from smartindustry.data import load_indicator

    in_2023 = {i: load_indicator(i, years=(2023, 2023))["iso3"].nunique()
               for i in ("cereal_yield", "fertilizer_use", "irrigated_land_share")}
    assert in_2023 == {"cereal_yield": 179, "fertilizer_use": 191, "irrigated_land_share": 61}
    irrigated = load_indicator("irrigated_land_share")
    assert irrigated.groupby("year")["iso3"].nunique().max() == 70
    latest = irrigated.sort_values("year").groupby("iso3", observed=True)["year"].last()
    assert (latest["ETH"], latest["GTM"], latest["MWI"], latest["NGA"]) == (2020, 2003, 2004, 2017)
    assert "PER" not in set(irrigated["iso3"].astype(str))
    for network in ("2g", "3g", "4g"):  # the chapter's ten countries all have 2021 coverage
        cov = load_indicator(f"mobile_coverage_{network}", years=(2021, 2021))
        assert {"ETH", "KEN", "MWI", "NGA", "IND", "BGD", "PAK", "GTM", "PER", "NLD"} <= set(cov["iso3"].astype(str))


def test_exercise_gap_function_on_the_checked_years():
    from smartindustry.data import load_indicator
    from smartindustry.questions.agriculture import farm_gender_gap_reference

    table = load_indicator("agri_employment_share")
    assert [len(farm_gender_gap_reference(table, y)) for y in (2000, 2010, 2022, 2023)] == [187, 187, 186, 184]
    top = farm_gender_gap_reference(table, 2023).sort_values("gap").tail(3).round(1)
    assert list(zip(top["iso3"], top["gap"])) == [("TJK", 25.8), ("PAK", 40.4), ("BGD", 46.0)]


def test_question_answers_match_the_model():
    from smartindustry.questions import agriculture as q

    assert q.sensor_break_even.check(round(irrigation_demo(sensor_cost_usd=0).sensor_gain_usd)).correct
    assert abs(irrigation_demo(sensor_cost_usd=177).sensor_gain_usd) < 1
    assert q.market_price_gain.answer == 69 and q.field_water.answer == 175
