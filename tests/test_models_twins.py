"""The tiny digital twin: the numbers the digital-twins chapter quotes are pinned, and the behaviour holds."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from smartindustry.questions import twins as q  # noqa: E402
from smartindustry.models.industry40 import simulate_line  # noqa: E402
from smartindustry.models.twins import (  # noqa: E402
    BOOK_CYCLE,
    FIT_HOURS,
    SERVICE_LIMIT,
    book_log,
    calibrate,
    calibration_demo,
    cycle_table,
    first_crossing,
    hours_to_limit,
    mean_squared_error,
    sensor_log,
    twin_figure,
    vibration_model,
)


@pytest.fixture(scope="module")
def log():
    return book_log()


@pytest.fixture(scope="module")
def book(log):
    return log[log["cycle"] == BOOK_CYCLE]


@pytest.fixture(scope="module")
def first(book):
    return book[book["run_hours"] < FIT_HOURS]


# -- the twin's view of the line ------------------------------------------------


def test_book_log_is_the_predictive_week_of_seed_9(log):
    pd.testing.assert_frame_equal(log, sensor_log(simulate_line(168, maintenance="predictive", seed=9)))
    assert list(log.columns) == ["hour", "cycle", "run_hours", "state", "vibration_mm_s"]


def test_the_week_has_nine_cycles_the_last_unfinished(log):
    summary = log.groupby("cycle").agg(start=("hour", "first"), n=("hour", "size"), ends=("state", "last"))
    assert list(summary.index) == list(range(1, 10))
    assert (summary["ends"].iloc[:-1] == "service").all() and summary["ends"].iloc[-1] == "running"
    assert summary.loc[BOOK_CYCLE, "start"] == 36 and summary.loc[BOOK_CYCLE, "n"] == 26


def test_run_hours_count_up_from_zero_in_every_cycle(log):
    for _, readings in log.groupby("cycle"):
        assert list(readings["run_hours"]) == list(range(len(readings)))


def test_every_service_is_called_by_a_reading_above_the_limit(log):
    services = log[log["state"] == "service"]
    assert (services["vibration_mm_s"] > SERVICE_LIMIT).all()
    running = log[log["state"] == "running"]
    # under the predictive rule no running hour reads above the limit
    assert (running["vibration_mm_s"] <= SERVICE_LIMIT).all()


def test_crossings_of_the_figure_alt_text(log):
    crossings = [first_crossing(r) for _, r in log.groupby("cycle")]
    finished = [c for c in crossings if not math.isnan(c)]
    assert len(finished) == 8 and min(finished) == 10 and max(finished) == 34
    assert first_crossing(log[log["cycle"] == BOOK_CYCLE]) == 25


def test_breakdown_hours_are_left_out_and_start_a_new_cycle():
    line = simulate_line(168, maintenance="reactive", seed=9)
    log = sensor_log(line)
    assert "breakdown" not in set(log["state"])
    assert len(log) == int((line["state"] != "breakdown").sum())
    assert log["cycle"].max() == 6  # five breakdowns: six cycles
    assert (log.groupby("cycle")["run_hours"].first() == 0).all()


# -- the model and its calibration ------------------------------------------------


def test_first_guess_fit_error(first):
    model = vibration_model(first["run_hours"], 2.0, 0.05)
    assert round(mean_squared_error(first["vibration_mm_s"], model), 3) == 0.245


def test_book_calibration_and_prediction(first, book):
    twin = calibrate(first["run_hours"], first["vibration_mm_s"])
    assert twin.n == 12
    assert round(twin.baseline, 2) == 2.00
    assert round(twin.slope, 3) == 0.119
    assert round(twin.mse, 3) == 0.043
    assert twin.mse < 0.245 / 5  # "less than a fifth of the first guess's"
    assert round(twin.hours_to_limit(), 1) == 21.1
    assert round(first_crossing(book) - twin.hours_to_limit(), 1) == 3.9


def test_calibrate_agrees_with_numpy_polyfit(first):
    slope, baseline = np.polyfit(first["run_hours"], first["vibration_mm_s"], 1)
    twin = calibrate(first["run_hours"], first["vibration_mm_s"])
    assert twin.slope == pytest.approx(slope, abs=1e-12)
    assert twin.baseline == pytest.approx(baseline, abs=1e-12)


def test_least_squares_is_the_smallest_fit_error(first):
    twin = calibrate(first["run_hours"], first["vibration_mm_s"])
    for db, ds in ((0.05, 0), (-0.05, 0), (0, 0.005), (0, -0.005), (0.1, -0.01)):
        other = mean_squared_error(first["vibration_mm_s"], vibration_model(first["run_hours"], twin.baseline + db, twin.slope + ds))
        assert other > twin.mse


def test_calibrate_recovers_an_exact_line():
    x = np.arange(10)
    twin = calibrate(x, 1.5 + 0.2 * x)
    assert twin.baseline == pytest.approx(1.5) and twin.slope == pytest.approx(0.2) and twin.mse == pytest.approx(0)


def test_calibrate_and_mse_reject_bad_input():
    with pytest.raises(ValueError):
        calibrate([1], [2.0])
    with pytest.raises(ValueError):
        calibrate([3, 3, 3], [2.0, 2.1, 2.2])
    with pytest.raises(ValueError):
        mean_squared_error([1, 2], [1])
    with pytest.raises(ValueError):
        mean_squared_error([], [])


def test_hours_to_limit():
    assert hours_to_limit(1.8, 0.15, 4.5) == pytest.approx(18)
    assert hours_to_limit(2.1, 0.12, 4.5) - 8 == pytest.approx(12)
    assert hours_to_limit(2.0, 0.0) == math.inf
    assert hours_to_limit(2.0, -0.1) == math.inf
    assert hours_to_limit(5.0, 0.1) == 0.0


def test_question_answers_match_the_model():
    assert q.limit_hours.answer == pytest.approx(hours_to_limit(1.8, 0.15, 4.5))
    assert q.remaining_hours.answer == pytest.approx(hours_to_limit(2.1, 0.12, 4.5) - 8)


# -- every cycle, and drift ------------------------------------------------------


@pytest.fixture(scope="module")
def table():
    return cycle_table(simulate_line(168, maintenance="predictive", seed=9))


def test_cycle_table_numbers_quoted_in_the_chapter(table):
    assert list(table["cycle"]) == [1, 2, 3, 4, 5, 7, 8]
    assert round(table["error_h"].abs().median(), 1) == 2.2
    assert table["slope"].min() == 0.043 and table["slope"].max() == 0.178
    worst = table.loc[table["error_h"].abs().idxmax()]
    assert worst["cycle"] == 7 and worst["predicted_h"] == 57.0 and worst["actual_h"] == 34
    book_row = table[table["cycle"] == BOOK_CYCLE].iloc[0]
    assert book_row["predicted_h"] == 21.1 and book_row["actual_h"] == 25


def test_recalibrating_cycle_7_with_more_hours(log):
    cycle7 = log[log["cycle"] == 7]
    predicted = {}
    for n in (12, 18, 24, 30):
        seen = cycle7[cycle7["run_hours"] < n]
        predicted[n] = round(calibrate(seen["run_hours"], seen["vibration_mm_s"]).hours_to_limit(), 1)
    assert predicted == {12: 57.0, 18: 33.8, 24: 33.1, 30: 34.8}
    assert first_crossing(cycle7) == 34


def test_each_cycle_needs_its_own_slope(table, log):
    """The slope of the book's cycle predicts other cycles worse than their own calibration."""
    book_fit = calibrate(*[log[(log["cycle"] == BOOK_CYCLE) & (log["run_hours"] < FIT_HOURS)][c] for c in ("run_hours", "vibration_mm_s")])
    stale = table.assign(stale_h=hours_to_limit(book_fit.baseline, book_fit.slope))
    stale_error = (stale["stale_h"] - stale["actual_h"]).abs().median()
    assert stale_error > table["error_h"].abs().median()


def test_cycle_table_with_a_short_window_and_a_cycle_that_never_crosses():
    table4 = cycle_table(simulate_line(168, maintenance="predictive", seed=4))
    assert table4["actual_h"].isna().any()  # a cycle ended by a breakdown or by the end of the week
    assert table4.loc[table4["actual_h"].isna(), "error_h"].isna().all()


# -- the exercises' numbers ---------------------------------------------------------


def test_exercise_numbers():
    assert round(q.slope_week4_reference(), 3) == 0.179
    week = sensor_log(simulate_line(168, maintenance="predictive", seed=9))
    first = week[(week["cycle"] == 3) & (week["run_hours"] < 12)]
    assert round(q.fit_error_reference(first["vibration_mm_s"], vibration_model(first["run_hours"], 2.0, 0.05)), 3) == 0.245
    hard = calibration_demo(2.0, 0.1, cycle=7)
    assert round(hard.best.mse, 3) == 0.040
    assert round(hard.best.hours_to_limit(), 1) == 57.0


def test_fit_error_and_slope_checkers_explain_common_mistakes():
    cases = q.fit_error_task.expected_results()
    rmse = lambda o, m: math.sqrt(q.fit_error_reference(o, m))  # noqa: E731
    assert "square root" in q.fit_error_task.check(rmse).message
    assert q.fit_error_task.check(lambda o, m: 0.245).status in {"incorrect", "partial"}
    assert len(cases) == 3
    log4 = sensor_log(simulate_line(168, maintenance="predictive", seed=4))
    c2 = log4[log4["cycle"] == 2]
    first = c2[c2["run_hours"] < 12]
    baseline = calibrate(first["run_hours"], first["vibration_mm_s"]).baseline
    whole = calibrate(c2["run_hours"], c2["vibration_mm_s"]).slope
    assert "baseline" in q.slope_task.check(baseline).message
    assert "whole cycle" in q.slope_task.check(whole).message
    assert q.slope_task.check(round(q.slope_week4_reference(), 4)).correct


# -- the demo ------------------------------------------------------------------------


def test_demo_result_text_and_html():
    result = calibration_demo(2.0, 0.05)
    text = result.to_text()
    assert "0.245" in text and "0.043" in text and "50.0 running hours" in text and "after 25 running hours" in text
    html = result.to_html()
    assert "<table" in html and "0.245" in html
    assert calibration_demo(2.0, 0.05) == result  # pure: same input, same result


def test_demo_with_a_flat_model_never_reaches_the_limit():
    assert "never" in calibration_demo(2.5, 0.0).to_text()


def test_demo_rejects_a_short_cycle():
    with pytest.raises(ValueError):
        calibration_demo(2.0, 0.1, cycle=9)


def test_twin_figure_has_alt_text():
    fig, alt = twin_figure(calibration_demo(2.0, 0.119), show_best=True)
    try:
        assert len(alt) > 40 and "4.5" in alt
        assert len(fig.axes[0].lines) >= 4
    finally:
        plt.close(fig)
