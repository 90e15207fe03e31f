"""The chapter on ITU and UNIDO: its data helpers, the numbers its prose quotes, and its checkers."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from smartindustry.data import countries, load_indicator
from smartindustry.questions import partnership as q


@pytest.fixture(scope="module")
def table_4g_2021() -> pd.DataFrame:
    return q.income_group_medians(load_indicator("mobile_coverage_4g"), load_indicator("mva_per_capita"), countries(), 2021)


def test_the_gap_question_quotes_the_data(table_4g_2021):
    v = table_4g_2021.set_index("income_group")["connectivity_median"]
    assert v["High income"] == pytest.approx(q._HIGH_4G_2021, abs=0.05)
    assert v["Low income"] == pytest.approx(q._LOW_4G_2021, abs=0.05)
    assert q.gap_4g.check(q._gap_4g_2021()).correct


def test_medians_table_has_four_groups_poorest_first(table_4g_2021):
    assert list(table_4g_2021["income_group"]) == q.INCOME_GROUPS
    assert list(table_4g_2021["n_countries"]) == [27, 49, 49, 71]
    assert table_4g_2021["industry_median"].is_monotonic_increasing


def test_chapter_numbers_internet_and_mva_2021():
    """The numbers the chapter quotes for internet use and MVA per capita in 2021."""
    r = q.explore_connectivity_industry("internet_users", "mva_per_capita", 2021)
    assert r.n == 180
    t = r.table.set_index("income_group")
    assert round(t.loc["Low income", "connectivity_median"], 1) == 22.1
    assert round(t.loc["High income", "connectivity_median"], 1) == 91.1
    assert round(t.loc["Low income", "industry_median"]) == 68
    assert round(t.loc["High income", "industry_median"]) == 3868
    assert round(r.rho_all, 2) == 0.79
    assert all(abs(rho) < 0.5 for rho in r.rho_within.values())


def test_demo_numbers_quoted_in_the_reflection_question():
    per_capita = q.explore_connectivity_industry("mobile_coverage_4g", "mva_per_capita", 2021)
    share = q.explore_connectivity_industry("mobile_coverage_4g", "mva_share_gdp", 2021)
    assert round(per_capita.rho_all, 1) == 0.7
    assert max(per_capita.rho_within.values()) < 0.5
    assert abs(share.rho_all) < 0.2


def test_demo_with_no_data_says_so_instead_of_failing():
    r = q.explore_connectivity_industry("fixed_broadband_per100", "medhigh_tech_share", 2021)
    assert r.n == 0 and "Choose another year" in r.to_text() and "Choose another year" in r.to_html()


def test_rank_correlation_is_spearman():
    x = pd.Series([1, 2, 3, 4, 5])
    assert q.rank_correlation(x, x**3) == pytest.approx(1.0)
    assert q.rank_correlation(x, -x) == pytest.approx(-1.0)
    assert math.isnan(q.rank_correlation(x[:2], x[:2]))


def test_medians_checker_rejects_a_table_for_the_notebook_case_only(table_4g_2021):
    fb = q.medians_task.check(lambda *args: table_4g_2021)
    assert not fb.correct and "0 of 3 test cases" in fb.message


def test_medians_checker_explains_a_missing_sex_filter():
    def no_sex_filter(connect, industry, countries, year):
        c = connect[connect["year"] == year][["iso3", "value"]].rename(columns={"value": "connectivity"})
        i = industry[industry["year"] == year][["iso3", "value"]].rename(columns={"value": "industry"})
        both = c.merge(i, on="iso3").merge(countries[["iso3", "wb_income_group"]], on="iso3")
        both = both[both["wb_income_group"].isin(q.INCOME_GROUPS)]
        out = both.groupby("wb_income_group", observed=True).agg(
            n_countries=("iso3", "size"), connectivity_median=("connectivity", "median"),
            industry_median=("industry", "median"))
        return out.reset_index().rename(columns={"wb_income_group": "income_group"})

    fb = q.medians_task.check(no_sex_filter)
    assert not fb.correct and "sex 'total'" in fb.message


def test_medians_checker_explains_means_instead_of_medians():
    def means(connect, industry, countries, year):
        out = q.income_group_medians(connect, industry, countries, year)
        out["connectivity_median"] = out["connectivity_median"] + 1.0
        return out

    fb = q.medians_task.check(means)
    assert not fb.correct and "median (not the mean)" in fb.message


def test_sdg9_key_covers_every_area_and_every_target():
    assert set(q.SDG9_MAPPING) == set(q.THEMATIC_AREAS) and len(q.THEMATIC_AREAS) == 12
    used = {t for targets, _ in q.SDG9_MAPPING.values() for t in targets}
    assert used == set(q.SDG9_TARGETS)


@pytest.mark.parametrize("text, target", [("9.c", "9.c"), ("9C", "9.c"), ("Target 9.1", "9.1"), (9.5, "9.5"),
                                          ("9,b", "9.b"), ("SDG 9.a", "9.a"), ("9.6", None), ("c", None), (True, None)])
def test_targets_are_read_the_way_people_write_them(text, target):
    assert q._normalise_target(text) == target


def test_sdg9_feedback_is_specific_to_each_wrong_mapping():
    answer = {area: targets[0] for area, (targets, _) in q.SDG9_MAPPING.items()}
    answer["Cybersecurity"] = "9.c"
    answer["Sustainable technologies and environmental sustainability"] = "9.2"
    fb = q.sdg9_mapping_task.check(answer)
    assert fb.status == "partial" and fb.score == pytest.approx(10 / 12)
    assert "'Cybersecurity' → 9.c" in fb.message and "reliable and resilient" in fb.message
    assert "→ 9.2" in fb.message and "resource-efficient" in fb.message


def test_sdg9_feedback_for_the_second_accepted_target_and_for_slips():
    answer = {area: targets[-1] for area, (targets, _) in q.SDG9_MAPPING.items()}
    assert q.sdg9_mapping_task.check(answer).correct
    answer = {area.lower(): targets[0].upper() for area, (targets, _) in q.SDG9_MAPPING.items()}
    assert q.sdg9_mapping_task.check(answer).correct
    del answer["cybersecurity"]
    answer["Cyber security"] = "9.1"
    fb = q.sdg9_mapping_task.check(answer)
    assert "Did you mean 'Cybersecurity'" in fb.message and "Missing: 'Cybersecurity'" in fb.message


@pytest.mark.parametrize("bad", ["9.1", 42, ["9.1"], {"Cybersecurity": ["9.1", "9.c"]}, {"Cybersecurity": "nine"}])
def test_sdg9_checker_never_raises(bad):
    fb = q.sdg9_mapping_task.check(bad)
    assert fb.status in {"unreadable", "incorrect", "partial", "empty"}
