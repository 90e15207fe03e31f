"""The digital-divide helpers, and the data behind the numbers the chapter and its questions quote."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from smartindustry.data import aggregates, load_indicator
from smartindustry.models.divide import DEMO_COUNTRIES, connectivity_profile, parity_score, usage_gap
from smartindustry.questions import divide as q


def _value(indicator: str, iso3: str, year: int, sex: str = "total") -> float:
    df = load_indicator(indicator, sex=sex, years=(year, year))
    return float(df.loc[df["iso3"] == iso3, "value"].iloc[0])


def _aggregate(area: str, year: int, sex: str = "total", indicator: str = "internet_users") -> float:
    df = aggregates(indicator, area=area, sex=sex, years=(year, year))
    return float(df["value"].iloc[0])


# -- parity_score -------------------------------------------------------------


def test_parity_score_is_women_over_men():
    assert parity_score(50, 50) == 1
    assert parity_score(29.6, 42.7) == pytest.approx(0.693, abs=1e-3)
    assert parity_score(60, 50) > 1


def test_parity_score_is_nan_when_it_cannot_be_computed():
    assert math.isnan(parity_score(10, 0))
    assert math.isnan(parity_score(float("nan"), 20))
    assert math.isnan(parity_score("ten", 20))


def test_parity_score_works_on_series():
    out = parity_score(pd.Series([10.0, 20.0, 5.0]), pd.Series([20.0, 20.0, 0.0]))
    assert out.iloc[0] == 0.5 and out.iloc[1] == 1 and math.isnan(out.iloc[2])


# -- usage_gap ----------------------------------------------------------------


def test_usage_gap_2021_matches_the_chapter():
    gaps = usage_gap(2021)
    assert list(gaps.columns) == ["iso3", "country", "coverage_4g", "internet_use", "usage_gap"]
    assert len(gaps) == 174
    assert gaps["usage_gap"].median() == pytest.approx(10.545, abs=1e-3)
    top = gaps.nlargest(3, "usage_gap")["country"].tolist()
    assert top == ["Zambia", "Rwanda", "Kenya"]
    assert int((gaps["usage_gap"] < 0).sum()) == 32
    assert gaps["iso3"].is_monotonic_increasing


def test_usage_gap_is_coverage_minus_use():
    gaps = usage_gap(2019).set_index("iso3")
    assert gaps.loc["KEN", "usage_gap"] == pytest.approx(gaps.loc["KEN", "coverage_4g"] - gaps.loc["KEN", "internet_use"])
    assert gaps.loc["KEN", "coverage_4g"] == 57.0 and round(gaps.loc["KEN", "usage_gap"], 1) == 34.3


def test_usage_gap_agrees_with_the_exercise_reference():
    coverage, use = load_indicator("mobile_coverage_4g"), load_indicator("internet_users")
    for year in (2017, 2020):
        mine = usage_gap(year)[["iso3", "usage_gap"]].reset_index(drop=True)
        ref = q.usage_gap_reference(coverage, use, year).sort_values("iso3").reset_index(drop=True)
        pd.testing.assert_frame_equal(mine, ref)


# -- connectivity_profile -----------------------------------------------------


def test_profile_of_kenya_matches_the_reflection_question():
    first, last = connectivity_profile("Kenya", 2015), connectivity_profile("Kenya", 2021)
    assert first.coverage_4g == 7.0 and last.coverage_4g == 94.0
    assert round(first.use_total, 1) == 16.6 and round(last.use_total, 1) == 28.8
    assert round(first.gap) == -10 and round(last.gap) == 65
    assert first.parity == pytest.approx(13.4 / 19.8, abs=0.01)


def test_profile_says_no_data_and_renders():
    profile = connectivity_profile("Kenya", 2021)
    assert math.isnan(profile.use_female) and math.isnan(profile.parity)
    text = profile.to_text()
    assert "Kenya, 2021" in text and "no data" in text and "+65.2 points" in text
    assert "<table>" in profile.to_html() and "no data" in profile.to_html()


def test_every_demo_country_has_a_profile():
    for name in DEMO_COUNTRIES:
        profile = connectivity_profile(name, 2021)
        assert not math.isnan(profile.use_total), name
        assert profile.income_group != "not classified", name


def test_unknown_country_is_refused():
    with pytest.raises(ValueError):
        connectivity_profile("Atlantis", 2021)


# -- the numbers quoted in the questions are the data's -----------------------


def test_question_numbers_come_from_the_tables():
    assert _value("internet_users", "ETH", 2021, "female") == 13.71
    assert _value("internet_users", "ETH", 2021, "male") == 19.72
    assert _aggregate("UN-199", 2022, "female") == 29.6
    assert _aggregate("UN-199", 2022, "male") == 42.7
    assert _value("mobile_coverage_4g", "ZMB", 2021) == 91.2
    assert round(_value("internet_users", "ZMB", 2021)) == 21
    assert round(_value("mobile_coverage_4g", "BGD", 2021)) == 98
    assert round(_value("internet_users", "BGD", 2021)) == 39


def test_claim_question_matches_the_aggregates():
    parity = {
        (area, year): _aggregate(area, year, "female") / _aggregate(area, year, "male")
        for area in ("UN-001", "UN-199") for year in (2019, 2022)
    }
    assert round(parity["UN-199", 2019], 2) == 0.68 and round(parity["UN-199", 2022], 2) == 0.69
    assert round(parity["UN-001", 2022], 2) == 0.92
    gap_2015 = _aggregate("UN-001", 2015) - _aggregate("UN-199", 2015)
    gap_2022 = _aggregate("UN-001", 2022) - _aggregate("UN-199", 2022)
    assert 29 < gap_2015 < 30 < gap_2022 < 31
    lac = _aggregate("UN-419", 2022, "female") / _aggregate("UN-419", 2022, "male")
    assert 0.98 <= lac <= 1.02


def test_women_below_count():
    assert q.women_below_reference(2019, 5) == 24
    assert q.women_below_task.check(24).correct
    assert "MORE than 5" in q.women_below_task.check(71).message


def test_usage_gap_task_spots_a_reversed_sign():
    def reversed_sign(coverage, use, year):
        out = q.usage_gap_reference(coverage, use, year)
        return out.assign(usage_gap=-out["usage_gap"])

    fb = q.usage_gap_task.check(reversed_sign)
    assert not fb.correct and "wrong sign" in fb.message


def test_usage_gap_task_rejects_a_table_for_one_year_only():
    coverage, use = load_indicator("mobile_coverage_4g"), load_indicator("internet_users")
    fixed = q.usage_gap_reference(coverage, use, 2021)
    fb = q.usage_gap_task.check(lambda c, u, y: fixed)
    assert not fb.correct
