"""The robots chapter's questions: their numbers come from the data and the model, and their feedback is specific."""

from __future__ import annotations

import pytest

from smartindustry.data import aggregates
from smartindustry.questions import robots as q


def _world():
    return aggregates("robots_installed", area="OWID-WRL").set_index("year")["value"]


def test_the_world_series_quoted_in_the_chapter():
    w = _world()
    assert (w.loc[2012], w.loc[2013], w.loc[2022], w.loc[2023]) == (159_000, 178_000, 553_000, 541_000)
    assert ((w.loc[2023] / w.loc[2012]) ** (1 / 11) - 1) * 100 == pytest.approx(11.78, abs=0.01)


def test_cagr_task_knows_the_common_mistakes():
    task = q.cagr_task
    assert task.check(13.42).correct and task.check("13,42").correct
    assert "fraction" in task.check(0.1342).message
    assert "total growth" in task.check(210.7).message
    assert "divides the total growth" in task.check(23.41).message
    assert "not 10" in task.check(12.0).message
    assert task.check("abc").status == "unreadable"


def test_world_shares_rejects_a_table_copied_for_one_period():
    cases = q._world_shares_cases()
    copied = q.world_shares_reference(*cases[0])
    fb = q.world_shares_task.check(lambda robots, world: copied)
    assert not fb.correct and "1 of 3 test cases" in fb.message


def test_packing_payback_and_reflection_numbers():
    assert q.packing_payback.answer == pytest.approx(4.494, abs=0.001)
    assert "31,316" in q.low_wage_reflection.choices[0].feedback
    assert "11,799" in q.low_wage_reflection.choices[1].feedback
    assert q.growth_rate.answer == pytest.approx(14.87, abs=0.01)
