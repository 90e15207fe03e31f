"""The robot cost-benefit model: its arithmetic, its refusals, and the numbers the robots chapter quotes."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartindustry.models.robots import (
    EXAMPLE_NOTES,
    EXAMPLES,
    AutomationCase,
    annuity_factor,
    automation_case,
    example_cases,
    validate_inputs,
    wage_curve,
)

LOW, HIGH = EXAMPLES["low-wage economy (illustrative)"], EXAMPLES["high-wage economy (illustrative)"]


def test_annuity_factor():
    assert annuity_factor(0, 10) == pytest.approx(0.1)
    assert annuity_factor(0.04, 10) == pytest.approx(0.123291, abs=1e-6)
    assert annuity_factor(0.12, 10) == pytest.approx(0.176984, abs=1e-6)
    # the payments repay the price: their present value is the price
    r, n = 0.08, 7
    assert sum(annuity_factor(r, n) / (1 + r) ** t for t in range(1, n + 1)) == pytest.approx(1.0)


def test_each_amount_follows_its_formula():
    c = automation_case(robots=2, robot_cost=50_000, lifetime_years=5, maintenance_share=0.1, workers_replaced=3,
                        wage_per_year=10_000, output_gain=1_000, margin_per_unit=2.0, interest_rate=0.0,
                        technicians=0.5, technician_wage_ratio=3.0)
    assert c.ok and c.investment == 100_000
    assert c.capital_cost == pytest.approx(20_000)
    assert c.upkeep_cost == pytest.approx(10_000)
    assert c.technician_cost == pytest.approx(15_000)
    assert c.labour_saved == pytest.approx(30_000)
    assert c.extra_output_value == pytest.approx(2_000)
    assert c.cash_gain == pytest.approx(7_000)
    assert c.net_benefit == pytest.approx(-13_000)
    assert c.payback_years == pytest.approx(100_000 / 7_000)
    assert (c.jobs_replaced, c.jobs_created, c.net_jobs) == (3, 0.5, -2.5)
    # at the break-even wage the net benefit is zero
    w = c.break_even_wage
    assert automation_case(**{**dict(c.inputs), "wage_per_year": w, "robots": 2}).net_benefit == pytest.approx(0, abs=1e-6)


def test_the_two_examples_differ_only_in_wage_and_interest():
    assert set(LOW) == set(HIGH) == set(EXAMPLE_NOTES)
    assert {k for k in LOW if LOW[k] != HIGH[k]} == {"wage_per_year", "interest_rate"}


def test_the_chapter_numbers_are_pinned():
    """Numbers quoted in the robots chapter and its exercises."""
    low, high = automation_case(**LOW), automation_case(**HIGH)
    assert low.investment == high.investment == 400_000
    assert round(low.capital_cost) == 70_794 and round(high.capital_cost) == 49_316
    assert round(low.net_benefit) == -52_794 and round(high.net_benefit) == 250_684
    assert round(low.payback_years, 1) == 22.2 and round(high.payback_years, 2) == 1.33
    assert round(low.break_even_wage) == 11_799 and round(high.break_even_wage) == 8_219
    assert not low.pays_off and high.pays_off
    assert low.net_jobs == high.net_jobs == -7
    table = example_cases()
    assert list(table.columns) == list(EXAMPLES)
    assert table.loc["net_benefit"].round().tolist() == [-52_794, 250_684]
    # the low-wage line with cheap capital (4 %) still does not pay off at USD 3,000
    assert round(automation_case(**{**LOW, "interest_rate": 0.04}).net_benefit) == -31_316
    # exercise: payback of the packing line
    case = automation_case(robots=2, robot_cost=60_000, lifetime_years=8, maintenance_share=0.04, workers_replaced=4,
                           wage_per_year=6_000, output_gain=30_000, margin_per_unit=0.5, interest_rate=0.10,
                           technicians=0.5, technician_wage_ratio=2.5)
    assert round(case.payback_years, 2) == 4.49


def test_text_and_html_say_the_verdict():
    low, high = automation_case(**LOW), automation_case(**HIGH)
    assert "do not pay off" in low.to_text() and "longer than the robots' life" in low.to_text()
    assert "pay off: they gain USD 250,684" in high.to_text()
    assert "<table" in high.to_html() and "USD 250,684" in high.to_html()
    assert "Illustrative" in low.to_text()
    assert str(high) == high.to_text()


def test_payback_is_never_when_the_yearly_gain_is_not_positive():
    c = automation_case(wage_per_year=0, output_gain=0)
    assert math.isinf(c.payback_years) and "never" in c.to_text()
    assert not c.pays_off


def test_break_even_wage_is_infinite_when_technicians_cost_more_than_the_jobs_saved():
    c = automation_case(workers_replaced=1, technicians=1, technician_wage_ratio=2.0)
    assert math.isinf(c.break_even_wage) and "no operator wage" in c.to_text()
    assert automation_case(robot_cost=1, output_gain=1e6).break_even_wage == 0


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"interest_rate": 12}, "write 0.08 for 8 %"),
        ({"maintenance_share": 5}, "write 0.05 for 5 %"),
        ({"wage_per_year": -1}, "`wage_per_year` must be at least 0"),
        ({"robot_cost": 0}, "`robot_cost` must be more than 0"),
        ({"robots": 2.5}, "whole number"),
        ({"lifetime_years": 0}, "`lifetime_years` must be at least 1"),
        ({"wage_per_year": "3000"}, "must be a number"),
        ({"technicians": float("nan")}, "finite"),
        ({"robots": True}, "must be a number"),
    ],
)
def test_bad_inputs_give_a_clear_message_not_an_error(kwargs, words):
    c = automation_case(**kwargs)
    assert not c.ok and math.isnan(c.net_benefit) and math.isnan(c.payback_years)
    assert words in c.to_text() and "Cannot compute" in c.to_text()
    assert "Cannot compute" in c.to_html()
    assert not c.pays_off


def test_validate_inputs_names_unknown_arguments():
    assert validate_inputs(robots=3) == []
    assert "not an input" in validate_inputs(robot=3)[0]


def test_wage_curve():
    curve = wage_curve([0, 10_000, 50_000], **{k: v for k, v in HIGH.items() if k != "wage_per_year"})
    assert list(curve.columns) == ["wage_per_year", "net_benefit", "payback_years"]
    assert curve["net_benefit"].is_monotonic_increasing
    assert curve["net_benefit"].iloc[-1] == pytest.approx(automation_case(**HIGH).net_benefit)
    with pytest.raises(ValueError):
        wage_curve([1], wage_per_year=2)
    with pytest.raises(ValueError):
        wage_curve([-5])


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(list(LOW)),
        st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10, 10**7), st.text(max_size=5), st.none()),
    )
)
def test_no_input_makes_the_model_raise(kwargs):
    c = automation_case(**kwargs)
    assert isinstance(c, AutomationCase)
    assert c.to_text() and c.to_html()
    if c.ok:
        assert math.isfinite(c.net_benefit)
