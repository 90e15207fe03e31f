"""The inspection simulation: the numbers the AI chapter quotes are pinned, and the behaviour holds."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from smartindustry.models.ai_ml import (
    DEMO_THRESHOLDS,
    Confusion,
    confusion,
    cost_curve,
    cost_per_1000,
    fit_logistic,
    flag_by_threshold,
    inspection_demo,
    simulate_parts,
    train_test_split,
)

THRESHOLDS = np.round(np.arange(0.01, 1.0, 0.01), 2)


@pytest.fixture(scope="module")
def book():
    """The chapter's case: 5,000 parts (seed 7), split 70/30 (seed 1), model with the defaults."""
    parts = simulate_parts(5000, seed=7)
    train, test = train_test_split(parts, test_share=0.3, seed=1)
    model = fit_logistic(train)
    return parts, train, test, model


# -- the simulation -------------------------------------------------------------


def test_same_seed_same_parts_and_other_seed_other_parts():
    a = simulate_parts(300, seed=3)
    pd.testing.assert_frame_equal(a, simulate_parts(300, seed=3))
    assert not a.equals(simulate_parts(300, seed=4))


def test_columns_types_and_ranges():
    parts = simulate_parts(1000, camera_offset=1.0, line="B", seed=2)
    assert list(parts.columns) == ["part_id", "line", "surface_score", "deviation_mm", "defective"]
    assert parts["part_id"].tolist() == list(range(1, 1001))
    assert (parts["line"] == "B").all()
    assert parts["surface_score"].between(0, 10).all()
    assert (parts["deviation_mm"] >= 0).all()
    assert parts["defective"].dtype == bool


def test_defect_rate_and_what_each_flaw_shows():
    parts = simulate_parts(20000, defect_rate=0.1, seed=5)
    assert parts["defective"].mean() == pytest.approx(0.1, abs=0.01)
    good = parts[~parts["defective"]]
    assert good["surface_score"].mean() == pytest.approx(2.0, abs=0.05)
    assert parts.loc[parts["defective"], "deviation_mm"].mean() > 2 * good["deviation_mm"].mean()


def test_camera_offset_moves_only_the_surface_score():
    base = simulate_parts(2000, seed=11)
    shifted = simulate_parts(2000, camera_offset=1.0, seed=11)
    assert (shifted["defective"] == base["defective"]).all()
    assert (shifted["deviation_mm"] == base["deviation_mm"]).all()
    inside = base["surface_score"].between(0.5, 8.5)
    diff = (shifted["surface_score"] - base["surface_score"])[inside]
    assert np.allclose(diff, 1.0, atol=0.051)


def test_split_is_seeded_disjoint_and_complete():
    parts = simulate_parts(1000, seed=1)
    train, test = train_test_split(parts, test_share=0.3, seed=1)
    assert len(test) == 300 and len(train) == 700
    assert set(train["part_id"]).isdisjoint(test["part_id"])
    assert sorted([*train["part_id"], *test["part_id"]]) == list(range(1, 1001))
    again, _ = train_test_split(parts, test_share=0.3, seed=1)
    pd.testing.assert_frame_equal(train, again)


# -- the numbers in the chapter ---------------------------------------------------


def test_the_book_parts_are_pinned(book):
    parts, train, test, _ = book
    assert int(parts["defective"].sum()) == 396
    assert (len(train), len(test)) == (3500, 1500)
    assert int(test["defective"].sum()) == 120


def test_the_hand_written_rule_is_pinned(book):
    _, _, test, _ = book
    rule = confusion(test["defective"], flag_by_threshold(test, 4.0))
    assert rule == Confusion(tp=65, fp=29, fn=55, tn=1351)
    assert round(rule.accuracy, 3) == 0.944
    assert round(rule.precision, 3) == 0.691
    assert round(rule.recall, 3) == 0.542
    assert round(cost_per_1000(rule, 5, 50)) == 1930
    pass_all = confusion(test["defective"], np.zeros(len(test), dtype=bool))
    assert round(pass_all.accuracy, 3) == 0.920 and pass_all.recall == 0
    assert cost_per_1000(pass_all, 5, 50) == pytest.approx(4000)
    rule_curve = cost_curve(test["defective"], test["surface_score"], np.round(np.arange(0, 10.05, 0.1), 1), 5, 50)
    assert round(rule_curve["cost_per_1000"].min()) == 1897


def test_the_model_is_pinned(book):
    _, train, test, model = book
    assert np.round(model.weights, 2).tolist() == [2.03, 1.57]
    assert round(model.bias, 2) == -4.62
    assert round(model.losses[0], 3) == 0.693
    assert round(model.losses[99], 3) == 0.125
    assert round(model.losses[499], 3) == 0.121
    assert all(a >= b for a, b in zip(model.losses, model.losses[1:]))  # the loss never rises
    at_half = confusion(test["defective"], model.predict_proba(test) >= 0.5)
    assert at_half == Confusion(tp=63, fp=10, fn=57, tn=1370)
    assert (round(at_half.accuracy, 3), round(at_half.precision, 3), round(at_half.recall, 3)) == (0.955, 0.863, 0.525)


def test_the_hand_written_loop_of_the_chapter_gives_the_same_model(book):
    _, train, _, model = book
    x = train[["surface_score", "deviation_mm"]].to_numpy()
    y = train["defective"].to_numpy(dtype=float)
    z = (x - x.mean(axis=0)) / x.std(axis=0)
    w, b = np.zeros(2), 0.0
    for _ in range(500):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        w = w - (z.T @ (p - y)) / len(y)
        b = b - (p - y).mean()
    assert np.allclose(w, model.weights) and b == pytest.approx(model.bias)


def test_the_cost_curve_is_pinned(book):
    _, _, test, model = book
    p = model.predict_proba(test)
    curve = cost_curve(test["defective"], p, THRESHOLDS, 5, 50)
    best = curve.loc[curve["cost_per_1000"].idxmin()]
    assert best["threshold"] == 0.07
    assert round(best["cost_per_1000"]) == 863
    assert (best["tp"], best["fp"], best["fn"]) == (109, 149, 11)
    assert round(curve.loc[curve["threshold"] == 0.5, "cost_per_1000"].item()) == 1933
    assert curve.loc[curve["accuracy"].idxmax(), "threshold"] == 0.48
    # the exercise: costs of US$10 and US$40
    other = cost_curve(test["defective"], p, THRESHOLDS, 10, 40)
    low = other["cost_per_1000"].min()
    assert other.loc[other["cost_per_1000"].idxmin(), "threshold"] == 0.18 and round(low) == 1033
    band = other.loc[other["cost_per_1000"] <= 1.06 * low, "threshold"]
    assert band.min() == 0.17 and band.max() == 0.25


def test_bias_across_lines_is_pinned(book):
    _, _, test, model = book
    rates = {}
    for name, offset, seed in [("A", 0.0, 7), ("B", 1.0, 8), ("C", -1.0, 9)]:
        _, line_test = train_test_split(simulate_parts(5000, camera_offset=offset, line=name, seed=seed))
        c = confusion(line_test["defective"], model.predict_proba(line_test) >= 0.07)
        rates[name] = (round(100 * c.false_reject_rate, 1), round(100 * (1 - c.recall), 1))
    assert rates == {"A": (10.8, 9.2), "B": (30.9, 2.7), "C": (1.7, 27.9)}
    b_train, b_test = train_test_split(simulate_parts(5000, camera_offset=1.0, line="B", seed=8))
    c = confusion(b_test["defective"], fit_logistic(b_train).predict_proba(b_test) >= 0.07)
    assert round(100 * c.false_reject_rate, 1) == 12.3


# -- counting and costs on hand-made data ------------------------------------------


def test_confusion_and_measures_on_a_small_example():
    truth = [True, True, True, False, False, False, False, False]
    flagged = [True, True, False, True, False, False, False, False]
    c = confusion(truth, flagged)
    assert c == Confusion(tp=2, fp=1, fn=1, tn=4) and c.n == 8
    assert c.accuracy == pytest.approx(6 / 8)
    assert c.precision == pytest.approx(2 / 3)
    assert c.recall == pytest.approx(2 / 3)
    assert c.false_reject_rate == pytest.approx(1 / 5)
    assert c.table().loc["truly defective", "passed"] == 1
    assert cost_per_1000(c, 5, 50) == pytest.approx(1000 * (5 + 50) / 8)


def test_measures_with_an_empty_denominator_are_nan_not_errors():
    c = confusion([False, False], [False, False])
    assert np.isnan(c.precision) and np.isnan(c.recall) and c.accuracy == 1.0
    with pytest.raises(ValueError):
        confusion([True], [True, False])


def test_the_rule_rejects_a_score_equal_to_the_threshold():
    parts = pd.DataFrame({"surface_score": [3.9, 4.0, 4.1]})
    assert flag_by_threshold(parts, 4.0).tolist() == [False, True, True]


# -- the demo -------------------------------------------------------------------


def test_demo_matches_the_chapter_and_moves_the_best_threshold_down_as_misses_get_dearer():
    result = inspection_demo(threshold=0.5, cost_ratio=10)
    assert result.counts == Confusion(tp=63, fp=10, fn=57, tn=1370)
    assert round(result.cost) == 1933 and result.best_threshold == 0.07
    best = [inspection_demo(0.5, r).best_threshold for r in (1, 2, 5, 10, 20, 40)]
    assert best == sorted(best, reverse=True)
    assert (inspection_demo(0.5, 2).best_threshold, inspection_demo(0.5, 40).best_threshold) == (0.25, 0.03)
    assert "$1,933 per 1,000 parts" in result.to_text()
    assert "<table" in result.to_html() and "63 caught" in result.to_html()
    assert DEMO_THRESHOLDS[0] == 0.01 and DEMO_THRESHOLDS[-1] == 0.99


@pytest.mark.parametrize(
    "kwargs",
    [{"n": 0}, {"defect_rate": 1.5}, {"surface_defect_share": -0.1}, {"good_surface_sd": 0}],
)
def test_bad_arguments_are_refused_with_a_message(kwargs):
    with pytest.raises(ValueError):
        simulate_parts(**kwargs)
