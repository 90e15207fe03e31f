"""The work chapter's questions: the numbers in their prompts still match the tables; checkers say what is wrong."""

from __future__ import annotations

import pandas as pd
import pytest

from smartindustry.data import aggregates, load_indicator
from smartindustry.questions import work
from smartindustry.models.work import task_exposure


def _agg(indicator: str, area: str, year: int, sex: str = "total") -> float:
    df = aggregates(indicator, area=area, sex=sex, years=(year, year))
    assert len(df) == 1, (indicator, area, year)
    return float(df["value"].iloc[0])


def test_numbers_in_the_prompts_match_the_tables():
    assert round(_agg("unemployment_rate", "WB-WLD", 2024), 1) == 4.8
    assert round(_agg("unemployment_rate", "WB-LIC", 2024), 1) == 4.9
    assert round(_agg("unemployment_rate", "WB-HIC", 2024), 1) == 4.4
    assert round(_agg("population", "WB-WLD", 2024) / 1e9, 2) == 8.14
    product = _agg("unemployment_rate", "WB-WLD", 2024) / 100 * _agg("population", "WB-WLD", 2024)
    assert 380e6 < product < 400e6  # "about 390 million"
    assert round(_agg("informal_employment", "UN-001", 2022), 1) == 58.0


def test_demo_answers_match_the_model():
    assert task_exposure("call-centre agent", "machines and software").exposed_share * 100 == pytest.approx(
        work.call_centre_exposure.answer)
    assert task_exposure("smallholder farmer", "machines").exposed_share == pytest.approx(0.5)


def test_unemployment_gap_recognises_the_wrong_sign_and_a_single_year():
    task = work.unemployment_gap_task
    ref = work.unemployment_gap_reference
    flipped = task.check(lambda u, y: ref(u, y).assign(gap=lambda d: -d["gap"]))
    assert not flipped.correct and "wrong sign" in flipped.message
    typed = ref(load_indicator("unemployment_rate"), 2024)
    fb = task.check(lambda u, y: typed)
    assert fb.status == "partial" and "1 of 3 test cases" in fb.message


def test_unemployment_gap_accepts_a_categorical_iso3_and_extra_columns():
    def with_extras(unemployment, year):
        one = unemployment[unemployment["year"] == year]
        wide = one.pivot_table(index="iso3", columns="sex", values="value", observed=True)
        wide["gap"] = wide["female"] - wide["male"]
        return wide.reset_index()

    assert work.unemployment_gap_task.check(with_extras).correct


def test_informal_by_income_names_the_not_classified_row():
    expected = work.informal_by_income_reference()
    assert list(expected.columns) == ["wb_income_group", "median_share"]
    assert sorted(expected["wb_income_group"]) == sorted(work.INCOME_GROUPS)
    extra = pd.concat([expected, pd.DataFrame({"wb_income_group": ["Not classified"], "median_share": [58.3]})],
                      ignore_index=True)
    assert "Not classified" in work.informal_by_income_task.check(extra).message
    # medians rise as income falls
    by = expected.set_index("wb_income_group")["median_share"]
    assert by["High income"] < by["Upper middle income"] < by["Lower middle income"] < by["Low income"]
