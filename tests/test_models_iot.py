"""The pump sensor simulation: the numbers the IoT chapter quotes are pinned, and the behaviour holds."""

from __future__ import annotations

import inspect

import numpy as np
import pandas as pd
import pytest

from smartindustry.models.iot import (
    COLUMNS,
    DEMO_THRESHOLDS,
    DEMO_WINDOWS,
    alarm_starts,
    evaluate_alarms,
    maintenance_demo,
    rolling_alarm,
    rolling_mean,
    simulate_fleet,
    simulate_sensors,
    sustained_alarm,
    threshold_alarm,
)


@pytest.fixture(scope="module")
def book():
    """The chapter's pump: 7 days, seed 42, every other assumption at its default."""
    return simulate_sensors(days=7, seed=42)


# -- the simulation -------------------------------------------------------------


def test_same_seed_same_record_and_other_seed_other_record():
    a = simulate_sensors(2, fault_start_day=1.0, seed=3)
    pd.testing.assert_frame_equal(a, simulate_sensors(2, fault_start_day=1.0, seed=3))
    assert not a.equals(simulate_sensors(2, fault_start_day=1.0, seed=4))


def test_the_assumptions_the_chapter_lists_are_the_defaults():
    d = {k: v.default for k, v in inspect.signature(simulate_sensors).parameters.items()}
    assert d["interval_min"] == 1 and d["peak_hour"] == 15.0
    assert d["temperature_base_c"] == 50.0 and d["current_base_a"] == 20.0 and d["vibration_base_mm_s"] == 2.0
    assert d["temperature_drift_c_per_day"] == 0.1
    assert d["spikes_per_day"] == 3.0 and d["spike_minutes"] == 2
    assert d["rough_run_hours"] == (0.5, 3.0)
    assert d["missing_share"] == 0.01 and d["outage_hours"] == 2.0
    assert d["fault_start_day"] == 4.5
    e = {k: v.default for k, v in inspect.signature(evaluate_alarms).parameters.items()}
    assert (e["lead_needed_hours"], e["false_alarm_cost_usd"], e["planned_repair_cost_usd"], e["missed_failure_cost_usd"]) == (
        8.0, 200.0, 2_000.0, 10_000.0)


def test_shape_index_columns_and_truth(book):
    assert list(book.columns) == list(COLUMNS)
    assert len(book) == 10_080
    assert book.index.name == "timestamp"
    assert book.index[0] == pd.Timestamp("2024-03-04 00:00")
    assert (book.index[1:] - book.index[:-1] == pd.Timedelta(minutes=1)).all()
    assert book.attrs["fault_start"] == pd.Timestamp("2024-03-08 12:00")  # noon on day 5
    assert book.attrs["failure_time"] == pd.Timestamp("2024-03-11 00:00")  # end of day 7


def test_missing_readings_and_the_outage(book):
    missing = book["vibration_mm_s"].isna()
    assert int(missing.sum()) == 222
    assert (book.isna().sum() == 222).all()  # a lost message loses all three readings
    hourly = book.resample("h").mean()
    empty = hourly.index[hourly.isna().all(axis=1)]
    assert list(empty) == [pd.Timestamp("2024-03-04 14:00")]  # the outage, on the first afternoon
    runs = missing.ne(missing.shift()).cumsum()
    assert int(missing.groupby(runs).sum().max()) == 120


def test_resampling_counts_and_the_fault_in_the_daily_means(book):
    assert len(book.resample("15min").mean()) == 672
    assert len(book.resample("h").mean()) == 168
    daily = book.resample("D").mean()
    assert len(daily) == 7
    for column in COLUMNS:  # the last day is the highest of the week for all three sensors
        assert daily[column].idxmax() == pd.Timestamp("2024-03-10")
    assert round(daily["vibration_mm_s"].iloc[-1], 2) == 3.84
    assert daily["vibration_mm_s"].iloc[:4].between(2.0, 2.3).all()


def test_healthy_pump_has_no_fault_and_a_daily_cycle():
    d = simulate_sensors(7, fault_start_day=None, spikes_per_day=0, rough_runs_per_day=0, missing_share=0,
                         outage_hours=0, seed=1)
    assert d.attrs["fault_start"] is None and d.attrs["failure_time"] is None
    assert not d.isna().any().any()
    by_hour = d.groupby(d.index.hour).mean()
    assert by_hour["current_a"].idxmax() == 15 and by_hour["current_a"].idxmin() == 3
    assert d["vibration_mm_s"].mean() == pytest.approx(2.0, abs=0.05)
    assert d["current_a"].mean() == pytest.approx(20.0, abs=0.1)


def test_fault_raises_all_three_sensors_by_the_stated_amounts():
    quiet = dict(spikes_per_day=0, rough_runs_per_day=0, missing_share=0, outage_hours=0, seed=5)
    healthy = simulate_sensors(7, fault_start_day=None, **quiet)
    faulty = simulate_sensors(7, fault_start_day=3.0, **quiet)
    before = faulty.index < faulty.attrs["fault_start"]
    pd.testing.assert_frame_equal(healthy[before], faulty[before])
    last_hour = faulty.index >= faulty.index[-1] - pd.Timedelta(minutes=59)
    diff = (faulty[last_hour] - healthy[last_hour]).mean()
    assert diff["temperature_c"] == pytest.approx(10.0, abs=0.3)
    assert diff["current_a"] == pytest.approx(3.0, abs=0.1)
    assert diff["vibration_mm_s"] == pytest.approx(3.0, abs=0.15)


def test_drift_and_invalid_arguments():
    quiet = dict(fault_start_day=None, temperature_noise_c=0.0, temperature_daily_swing_c=0.0, missing_share=0,
                 outage_hours=0, seed=2)
    d = simulate_sensors(10, temperature_drift_c_per_day=0.5, **quiet)
    daily = d["temperature_c"].resample("D").mean()
    assert np.allclose(np.diff(daily.to_numpy()), 0.5, atol=0.01)
    with pytest.raises(ValueError):
        simulate_sensors(0)
    with pytest.raises(ValueError):
        simulate_sensors(3, fault_start_day=5.0)
    with pytest.raises(ValueError):
        simulate_sensors(3, missing_share=1.5)


# -- alarm rules --------------------------------------------------------------------


def test_alarm_rules_on_a_small_series():
    index = pd.date_range("2024-01-01", periods=8, freq="min")
    values = pd.Series([1, 5, 5, 1, 5, 5, 5, np.nan], index=index, dtype=float)
    raw = threshold_alarm(values, 4)
    assert raw.tolist() == [False, True, True, False, True, True, True, False]
    assert list(alarm_starts(raw)) == [index[1], index[4]]
    sustained = sustained_alarm(values, 4, 3)
    assert sustained.tolist() == [False] * 6 + [True, False]
    mean = rolling_mean(values, 2, min_readings=2)
    assert mean.iloc[0] != mean.iloc[0]  # NaN: one reading only
    assert mean.iloc[1] == 3.0
    # default: at least 1 reading in a 2-minute window; means 1, 3, 5, 3, 3, 5, 5, 5 (the NaN is skipped)
    assert rolling_alarm(values, 4, 2).tolist() == [False, False, True, False, False, True, True, True]


def test_rolling_mean_needs_half_the_window(book):
    mean = rolling_mean(book["vibration_mm_s"], 60)
    pandas_mean = book["vibration_mm_s"].rolling("60min", min_periods=30).mean()
    pd.testing.assert_series_equal(mean, pandas_mean)
    # during the outage the window empties, and the mean goes missing rather than trusting a few readings
    assert mean.loc["2024-03-04 15:30"] != mean.loc["2024-03-04 15:30"]


def test_the_worked_example_of_the_chapter(book):
    vibration = book["vibration_mm_s"]
    truth = book.attrs["fault_start"], book.attrs["failure_time"]
    alarm = vibration > 4.0
    assert int(alarm.sum()) == 780

    raw = evaluate_alarms(threshold_alarm(vibration, 4.0), *truth)
    assert (raw.alarms, raw.false_alarms, round(raw.warning_hours, 1), raw.caught, raw.cost_usd) == (
        250, 70, 58.4, True, 16_000)
    rolling = evaluate_alarms(rolling_alarm(vibration, 4.0, 60), *truth)
    assert (rolling.alarms, rolling.false_alarms, round(rolling.warning_hours, 1), rolling.caught, rolling.cost_usd) == (
        3, 0, 12.1, True, 2_000)
    sustained = evaluate_alarms(sustained_alarm(vibration, 4.0, 30), *truth)
    assert (sustained.alarms, sustained.warning_hours, sustained.caught, sustained.missed, sustained.cost_usd) == (
        0, None, False, True, 10_000)


def test_evaluate_alarms_on_a_healthy_pump_and_a_late_warning():
    index = pd.date_range("2024-01-01", periods=24 * 60, freq="min")
    alarm = pd.Series(False, index=index)
    alarm.iloc[[100, 500]] = True
    healthy = evaluate_alarms(alarm, None, None)
    assert (healthy.alarms, healthy.false_alarms, healthy.has_fault, healthy.missed, healthy.cost_usd) == (2, 2, False, False, 400)
    fault, failure = index[400], index[-1] + pd.Timedelta(minutes=1)
    late = evaluate_alarms(alarm, fault, failure, lead_needed_hours=20)
    assert late.false_alarms == 1 and late.warning_hours == pytest.approx((24 * 60 - 500) / 60)
    assert not late.caught and late.cost_usd == 200 + 10_000
    assert "too late" in late.to_text()


def test_exercise_numbers_on_other_pumps(book):
    hourly = book["vibration_mm_s"].resample("h").mean()
    above = hourly[hourly > 4.0]
    assert len(above) == 12 and above.index[0] == pd.Timestamp("2024-03-10 12:00")
    week = simulate_sensors(days=7, seed=7)
    assert len(alarm_starts(rolling_alarm(week["vibration_mm_s"], 3.5, 30))) == 5


# -- the fleet and the demo ------------------------------------------------------------


def test_fleet_is_cached_seeded_and_has_five_faults():
    fleet = simulate_fleet()
    assert fleet is simulate_fleet()
    assert len(fleet) == 10
    assert sum(d.attrs["fault_start"] is not None for d in fleet) == 5
    healthy_levels = [d["vibration_mm_s"].iloc[: 24 * 60].mean() for d in fleet]
    assert max(healthy_levels) - min(healthy_levels) > 0.5  # no two pumps are alike


def test_demo_default_matches_the_chapter():
    result = maintenance_demo(4.0, 60)
    assert (result.alarms, result.false_alarms, result.caught, result.faults, result.missed) == (18, 6, 5, 5, 0)
    assert result.cost_usd == 11_200 == 6 * 200 + 5 * 2_000
    assert round(result.median_warning_hours, 1) == 13.8
    assert (result.best_threshold_mm_s, result.best_window_min, result.best_cost_usd) == (4.0, 240, 10_000)
    text = result.to_text()
    assert "USD 11,200" in text and "$" not in text and "$" not in result.to_html()


def test_the_cliff_next_to_the_cheapest_rule():
    best = maintenance_demo(4.0, 240)
    step_up = maintenance_demo(4.25, 240)
    assert (best.false_alarms, best.caught, best.cost_usd) == (0, 5, 10_000)
    assert (step_up.false_alarms, step_up.caught, step_up.cost_usd) == (0, 3, 26_000)


def test_single_readings_always_bring_many_false_alarms():
    assert min(maintenance_demo(t, 1).false_alarms for t in DEMO_THRESHOLDS) > 100
    cheapest_single = min(maintenance_demo(t, 1).cost_usd for t in DEMO_THRESHOLDS)
    assert cheapest_single > 3 * maintenance_demo(4.0, 240).cost_usd


def test_needing_a_day_of_warning_moves_the_best_rule_down():
    result = maintenance_demo(4.0, 60, lead_needed_hours=24)
    assert (result.best_threshold_mm_s, result.best_window_min, result.best_cost_usd) == (2.75, 240, 13_600)
    assert maintenance_demo(2.75, 240, lead_needed_hours=24).false_alarms == 18


def test_demo_grid_and_every_setting_runs():
    assert DEMO_THRESHOLDS[0] == 2.5 and DEMO_THRESHOLDS[-1] == 6.0
    assert DEMO_WINDOWS == (1, 15, 30, 60, 120, 240)
    for window in DEMO_WINDOWS:
        result = maintenance_demo(6.0, window)
        assert result.to_text() and result.to_html().startswith("<p>")
