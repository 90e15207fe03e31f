"""The skills ladder and the training-plan calculator of the digital skills chapter.

The numbers the chapter and its exercises quote are pinned here.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartindustry.models.skills import (
    DEFAULT_TICKS,
    LEVELS,
    TASKS,
    TrainingPlan,
    ladder_widget,
    place_on_ladder,
    plan_training,
)

BASIC = [c for c in TASKS if TASKS[c][0] == 1]
INTER = [c for c in TASKS if TASKS[c][0] == 2]
ADV = [c for c in TASKS if TASKS[c][0] == 3]


# -- the ladder ------------------------------------------------------------------


def test_twelve_tasks_four_a_level():
    assert len(TASKS) == 12
    assert len(BASIC) == len(INTER) == len(ADV) == 4
    assert LEVELS == ("Getting started", "Basic", "Intermediate", "Advanced")


def test_nothing_ticked_is_getting_started_with_the_basic_tasks_as_next_steps():
    p = place_on_ladder(set())
    assert p.level == 0 and p.level_name == "Getting started"
    assert p.counts == (0, 0, 0)
    assert sum("(basic)" in s for s in p.next_steps) == 4


def test_the_default_answers_place_the_learner_at_basic():
    p = place_on_ladder(DEFAULT_TICKS)
    assert p.level_name == "Basic" and p.counts == (3, 1, 0) and not p.gaps
    assert sum("(intermediate)" in s for s in p.next_steps) == 3
    assert any("strong password" in s for s in p.next_steps)  # the missing basic task


@pytest.mark.parametrize(
    "ticks, level",
    [
        (BASIC[:3], 1),
        (BASIC[:2] + INTER, 0),               # intermediate without the basics: still at the bottom
        (BASIC + INTER[:3], 2),
        (BASIC + INTER[:2] + ADV, 1),         # a missing rung
        (BASIC + INTER + ADV[:3], 3),
        (list(TASKS), 3),
    ],
)
def test_the_ladder_is_climbed_one_rung_at_a_time(ticks, level):
    assert place_on_ladder(ticks).level == level


def test_a_missing_rung_is_reported_as_a_gap():
    p = place_on_ladder(BASIC + INTER[:2] + ADV)
    assert p.level_name == "Basic" and p.gaps == ("Advanced",)
    assert "fill that gap first" in p.to_text()


def test_tick_boxes_as_a_mapping_and_the_pass_mark():
    boxes = {c: (c in BASIC[:2]) for c in TASKS}
    assert place_on_ladder(boxes).level == 0
    assert place_on_ladder(boxes, pass_mark=2).level == 1


def test_unknown_codes_and_bad_pass_marks_are_refused_with_a_message():
    with pytest.raises(ValueError, match="unknown task"):
        place_on_ladder({"b1", "x9"})
    with pytest.raises(ValueError, match="pass_mark"):
        place_on_ladder({"b1"}, pass_mark=0)


def test_advanced_learners_are_pointed_to_training_others():
    p = place_on_ladder(TASKS)
    assert p.level_name == "Advanced" and "trainer" in p.next_steps[-1]
    assert "Advanced" in p.to_html()


def test_the_widget_updates_and_its_static_view_shows_the_default():
    w = ladder_widget()
    bundle = w._repr_mimebundle_()
    assert "Your level: Basic" in bundle["text/plain"] and "Your level: Basic" in bundle["text/html"]
    for code in BASIC + INTER:
        w.boxes[code].value = True
    assert w.profile.level_name == "Intermediate"
    assert "Intermediate" in w.output.value
    with pytest.raises(ValueError):
        ladder_widget(["zz"])


# -- the training plan -------------------------------------------------------------


def test_default_plan_is_limited_by_trainers():
    # The chapter quotes these numbers.
    p = plan_training()
    assert p.ok and p.limit == "trainers"
    assert (p.capacity, p.affordable, p.enrolled, p.completed, p.dropouts) == (1200, 1250, 1200, 1020, 180)
    assert p.spent_usd == 48_000 and p.budget_left_usd == 2_000
    assert round(p.cost_per_completer_usd, 2) == 47.06


def test_chapter_check_more_dropout():
    assert plan_training(dropout_percent=30).completed == 840


def test_cascade_plan_of_the_chapter():
    p = plan_training(trainers=40, trainees_per_cohort=20, cohorts_per_trainer=5,
                      dropout_percent=20, budget_usd=150_000, cost_per_trainee_usd=40)
    assert (p.capacity, p.affordable, p.enrolled, p.completed, p.limit) == (4000, 3750, 3750, 3000, "budget")
    assert p.cost_per_completer_usd == 50


def test_exercise_plan_is_limited_by_the_budget():
    # Exercise 4 of the chapter's exercises.
    p = plan_training(6, 25, 4, 20, 30_000, 60)
    assert (p.capacity, p.affordable, p.enrolled, p.completed) == (600, 500, 500, 400)
    assert p.limit == "budget" and "100 more people" in p.to_text()


def test_reflection_doubling_trainers_changes_nothing_when_money_is_short():
    a = plan_training(6, 25, 4, 20, 30_000, 60)
    b = plan_training(12, 25, 4, 20, 30_000, 60)
    assert a.completed == b.completed == 400


def test_text_inputs_as_typed_in_a_box():
    p = plan_training("10", "20", "6", "15 %", "50 000", "40 USD")
    assert p.ok and p.completed == 1020
    assert plan_training("10", "20", "6", "15,5", "50000", "40").ok  # decimal comma


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        ({"trainers": ""}, "Trainers is empty"),
        ({"trainers": None}, "Trainers is empty"),
        ({"trainers": "ten"}, "not a number we can read"),
        ({"trainers": -2}, "cannot be negative"),
        ({"trainers": 2.5}, "whole number"),
        ({"trainees_per_cohort": 0}, "between 1 and 500"),
        ({"cohorts_per_trainer": 60}, "between 1 and 52"),
        ({"dropout_percent": 100}, "between 0 and 99 %"),
        ({"dropout_percent": "lots"}, "Dropout rate"),
        ({"budget_usd": "-5000"}, "cannot be negative"),
        ({"cost_per_trainee_usd": 0}, "between 1 and 100,000 USD"),
        ({"cost_per_trainee_usd": True}, "True/False is not a number"),
        ({"budget_usd": float("nan")}, "NaN"),
    ],
)
def test_bad_inputs_give_a_clear_message_not_an_exception(kwargs, fragment):
    p = plan_training(**kwargs)
    assert not p.ok and p.completed is None
    assert fragment in p.to_text() and p.to_text().startswith("Please check the inputs")
    assert "si-unreadable" in p.to_html()


def test_every_problem_is_listed_at_once():
    p = plan_training("ten", "", -3, 120, "50 000 USD", 0)
    assert len(p.errors) == 5


def test_a_fraction_for_the_dropout_rate_gets_a_note():
    p = plan_training(dropout_percent=0.2)
    assert p.ok and "If you meant 20 %" in p.to_text()


def test_a_budget_below_one_trainee_trains_no_one():
    p = plan_training(budget_usd=30, cost_per_trainee_usd=40)
    assert p.ok and p.completed == 0 and p.cost_per_completer_usd is None
    assert "does not pay for a single trainee" in p.to_text()


def test_plan_renders_units_in_text_and_html():
    p = plan_training()
    assert "(people per year)" in p.to_text() and "USD" in p.to_text()
    assert "<table" in p.to_html() and "Complete the course (people per year)" in p.to_html()


anything = st.one_of(st.none(), st.text(max_size=12), st.integers(-10**12, 10**12),
                     st.floats(allow_nan=True, allow_infinity=True), st.booleans())


@settings(max_examples=200, deadline=None)
@given(anything, anything, anything, anything, anything, anything)
def test_no_input_makes_the_calculator_raise(a, b, c, d, e, f):
    p = plan_training(a, b, c, d, e, f)
    assert isinstance(p, TrainingPlan)
    assert p.to_text() and p.to_html()
    if p.ok:
        assert 0 <= p.completed <= p.enrolled <= min(p.capacity, p.affordable)
        assert math.isfinite(p.spent_usd)


# -- the data the chapter and its questions quote -----------------------------------


def _agg(name, area, year, sex="total"):
    from smartindustry.data import aggregates

    a = aggregates(name, area=area, sex=sex, years=(year, year))
    assert len(a) == 1, (name, area, year, sex)
    return float(a["value"].iloc[0])


def test_usage_gap_numbers_of_the_chapter():
    assert _agg("mobile_coverage_3g", "UN-001", 2021) == 93.5
    assert _agg("internet_users", "UN-001", 2021) == 62.6
    assert round(93.5 - 62.6, 1) == 30.9


def test_gender_numbers_of_the_chapter():
    assert (_agg("internet_users", "UN-202", 2022, "female"), _agg("internet_users", "UN-202", 2022, "male")) == (33.8, 45.1)
    assert (_agg("internet_users", "UN-001", 2022, "female"), _agg("internet_users", "UN-001", 2022, "male")) == (63.4, 69.2)
    assert (_agg("mobile_ownership", "UN-001", 2022, "female"), _agg("mobile_ownership", "UN-001", 2022, "male")) == (68.3, 77.2)


def test_gender_gap_task_checks_other_years_than_the_notebook():
    from smartindustry.data import load_indicator
    from smartindustry.questions import skills as q

    table_2021 = q.gender_gap_reference(load_indicator("internet_users"), 2021)
    fb = q.gender_gap_task.check(lambda df, year: table_2021)
    assert not fb.correct
    flipped = q.gender_gap_task.check(
        lambda df, year: q.gender_gap_reference(df, year).assign(gap_pp=lambda t: -t["gap_pp"]))
    assert "opposite sign" in flipped.message
    assert len(table_2021) == 73
