"""The SDG 9 helpers behave as documented, and the numbers the SDG 9 chapter quotes are pinned.

If a data refresh changes one of these numbers, this test fails: update the prose of
chapters/02_sdg9.ipynb, the question bank smartindustry/questions/sdg9.py and the pins together.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from smartindustry.data import aggregates, countries, load_indicator
from smartindustry.questions import sdg9 as q
from smartindustry.models.sdg9 import (
    DEMO_INDICATORS,
    INCOME_GROUPS,
    GroupSummary,
    income_group_summary,
    latest_values,
    summary_figure,
    with_income_group,
)


def _agg(indicator: str, area: str, year: int) -> float:
    return float(aggregates(indicator, area=area, years=(year, year))["value"].iloc[0])


def _latest(indicator: str) -> pd.DataFrame:
    return latest_values(load_indicator(indicator, sex="total")).set_index("iso3")


# -- the helpers ---------------------------------------------------------------------


def test_latest_values_keeps_the_latest_year_with_a_number():
    df = pd.DataFrame({"iso3": ["KEN", "KEN", "UGA", "UGA", "TZA"], "year": [2019, 2020, 2019, 2020, 2018],
                       "value": [1.5, math.nan, 2.0, 2.5, 0.4]})
    out = latest_values(df)
    assert out[["iso3", "year", "value"]].to_dict("list") == {
        "iso3": ["KEN", "TZA", "UGA"], "year": [2019, 2018, 2020], "value": [1.5, 0.4, 2.5]}


def test_latest_values_gives_one_row_per_country_on_real_data():
    rd = load_indicator("rd_share_gdp")
    out = latest_values(rd)
    assert out["iso3"].is_unique and len(out) == rd["iso3"].nunique() == 156
    best = rd.groupby("iso3", observed=True)["year"].max()
    assert (out.set_index("iso3")["year"] == best.reindex(out["iso3"]).to_numpy()).all()


def test_with_income_group_adds_the_2022_groups():
    out = with_income_group(pd.DataFrame({"iso3": ["KEN", "DEU", "ETH", "ALA"], "value": [1, 2, 3, 4]}))
    assert out["income_group"].tolist()[:3] == ["Lower middle income", "High income", "Low income"]
    assert pd.isna(out["income_group"].iloc[3])


def test_income_group_summary_for_the_demo_default():
    s = income_group_summary()
    assert isinstance(s, GroupSummary)
    assert (s.n_reporting, s.n_group, s.first_latest_year, s.last_latest_year) == (16, 28, 2005, 2024)
    assert round(s.median, 3) == 0.224 and s.low[0] == "Madagascar" and s.high[0] == "Rwanda"
    assert "16 of 28" in s.to_text() and "<li>" in s.to_html()
    recent = income_group_summary("rd_share_gdp", "Low income", since=2018)
    assert recent.n_reporting == 9 and "great care" in recent.to_text()


def test_income_group_summary_handles_no_data_and_bad_groups():
    empty = income_group_summary("rd_share_gdp", "High income", since=2030)
    assert empty.n_reporting == 0 and empty.median is None and "nothing to summarise" in empty.to_text()
    with pytest.raises(ValueError):
        income_group_summary("rd_share_gdp", "Rich")


@pytest.mark.parametrize("indicator", DEMO_INDICATORS.values())
@pytest.mark.parametrize("group", INCOME_GROUPS)
def test_every_demo_setting_gives_a_summary_and_a_figure(indicator, group):
    import matplotlib.pyplot as plt

    s = income_group_summary(indicator, group, since=2010)
    assert 0 < s.n_reporting <= s.n_group
    assert s.q1 <= s.median <= s.q3 and list(s.values) == sorted(s.values)
    fig, alt = summary_figure(s)
    assert len(alt) > 40
    plt.close(fig)


# -- numbers quoted in the chapter ----------------------------------------------------


def test_three_faces_of_industry():
    mva, jobs, co2 = _latest("mva_share_gdp"), _latest("mfg_employment_share"), _latest("co2_per_mva")
    assert round(mva.loc["BGD", "value"], 1) == 23.9 and jobs.loc["BGD", "year"] == 2017
    assert round(jobs.loc["BGD", "value"], 1) == 14.4
    assert round(mva.loc["ETH", "value"], 1) == 5.6 and round(jobs.loc["ETH", "value"], 1) == 3.2
    assert round(mva.loc["VNM", "value"], 1) == 26.6 and round(co2.loc["VNM", "value"], 1) == 1.1
    assert round(co2.loc["DEU", "value"], 2) == 0.13 and co2.loc["VNM", "year"] == 2020


def test_world_values():
    assert _agg("mobile_coverage_4g", "UN-001", 2015) == 43.4
    assert _agg("mobile_coverage_4g", "UN-001", 2022) == 87.7
    assert round(_agg("mva_share_gdp", "UN-001", 2015), 1) == 16.2
    assert round(_agg("mva_share_gdp", "UN-001", 2022), 1) == 16.8
    pc = aggregates("mva_per_capita", area="UN-001").set_index("year")["value"]
    assert pc[2020] < pc[2019] < pc[2021]


def test_regional_values():
    assert round(_agg("mva_per_capita", "UN-513", 2022)) == 5093
    assert round(_agg("mva_per_capita", "UN-202", 2022)) == 167
    assert round(_agg("mva_per_capita", "UN-199", 2022)) == 159
    assert 30 <= _agg("mva_per_capita", "UN-513", 2022) / _agg("mva_per_capita", "UN-202", 2022) < 31
    shares = {a: round(_agg("mva_share_gdp", a, 2022), 1) for a in ("UN-753", "UN-202", "UN-199")}
    assert shares == {"UN-753": 26.0, "UN-202": 10.2, "UN-199": 14.0}
    tech = {a: round(_agg("medhigh_tech_share", a, 2020), 1) for a in ("UN-001", "UN-202", "UN-199")}
    assert tech == {"UN-001": 45.1, "UN-202": 21.6, "UN-199": 10.6}
    g4 = {a: _agg("mobile_coverage_4g", a, 2022) for a in ("UN-202", "UN-199", "UN-753")}
    assert g4 == {"UN-202": 49.3, "UN-199": 48.7, "UN-753": 96.9}


def test_rd_group_values_and_gaps():
    rd = aggregates("rd_share_gdp", area=["WB-LIC", "WB-LMC", "WB-UMC", "WB-HIC", "WB-WLD"])
    last = rd.sort_values("year").groupby("area", observed=True).tail(1).set_index("area")
    assert "WB-LIC" not in last.index and last.loc["WB-LMC", "year"] == 2019
    assert round(last.loc["WB-WLD", "value"], 2) == 2.60 and round(last.loc["WB-HIC", "value"], 2) == 2.88
    assert last.loc["WB-HIC", "year"] == 2023


def test_income_group_medians():
    def medians(indicator):
        latest = with_income_group(latest_values(load_indicator(indicator, sex="total")))
        return latest.groupby("income_group", observed=True)["value"].median()

    mva_pc, g4, share = medians("mva_per_capita"), medians("mobile_coverage_4g"), medians("mva_share_gdp")
    assert round(mva_pc["Low income"]) == 59 and round(mva_pc["High income"]) == 3050
    assert round(g4["Low income"], 1) == 30.5 and round(g4["High income"], 1) == 99.5
    assert 8 <= share[list(INCOME_GROUPS)].min() and share[list(INCOME_GROUPS)].max() <= 12
    rd = medians("rd_share_gdp")
    assert rd["Lower middle income"] < rd["Upper middle income"] < rd["High income"]
    assert rd["Low income"] > rd["Lower middle income"]  # the prose explains this with coverage


def test_weighted_and_unweighted_4g():
    cov = load_indicator("mobile_coverage_4g", years=(2021, 2021))
    pop = load_indicator("population", years=(2021, 2021))[["iso3", "value"]].rename(columns={"value": "population"})
    both = cov.merge(pop, on="iso3")
    assert (len(cov), len(both)) == (207, 201)
    assert round(cov["value"].median(), 1) == 95.0 and round(cov["value"].mean(), 1) == 78.4
    assert round(np.average(both["value"], weights=both["population"]), 1) == 86.9
    assert _agg("mobile_coverage_4g", "UN-001", 2021) == 86.5


def test_weighted_and_unweighted_rd_in_high_income_countries():
    gdp = latest_values(load_indicator("gdp"))[["iso3", "value"]].rename(columns={"value": "gdp"})
    rd = with_income_group(latest_values(load_indicator("rd_share_gdp")))
    rich = rd[rd["income_group"] == "High income"].merge(gdp.assign(iso3=gdp["iso3"].astype(str)), on="iso3")
    assert len(rich) == 61 and round(rich["value"].median(), 2) == 1.39
    assert round(np.average(rich["value"], weights=rich["gdp"]), 2) == 2.86
    top = rich.nlargest(3, "gdp")
    assert top["iso3"].tolist() == ["USA", "DEU", "JPN"] and (top["value"] > 3).all()


def test_reading_honestly():
    rd = with_income_group(latest_values(load_indicator("rd_share_gdp")))
    low = rd[rd["income_group"] == "Low income"]
    assert len(low) == 16 and (low["year"] >= 2018).sum() == 9
    assert (rd["year"].min(), rd["year"].max()) == (1999, 2024)
    constant = load_indicator("mva_share_gdp").query("iso3 == 'NGA'").set_index("year")["value"]
    current = load_indicator("mva_share_gdp_current").query("iso3 == 'NGA'").set_index("year")["value"]
    assert (round(constant[2021], 1), round(current[2021], 1)) == (8.8, 14.6)
    assert round(constant[2015], 1) == round(current[2015], 1)
    g4 = load_indicator("mobile_coverage_4g", years=(2021, 2021))
    assert len(g4) == 207 and (g4["nature"] == "E").sum() == 47
    assert (load_indicator("mva_share_gdp", years=(2022, 2022))["nature"] == "E").all()
    assert (load_indicator("medhigh_tech_share", years=(2020, 2020))["nature"] == "E").all()
    regions = ["UN-202", "UN-747", "UN-062", "UN-753", "UN-419", "UN-543", "UN-053", "UN-513"]
    mean = aggregates("mva_share_gdp", area=regions, years=(2022, 2022))["value"].mean()
    assert round(mean, 1) == 12.7


# -- numbers in the question bank -------------------------------------------------------


def test_numbers_in_the_questions_match_the_tables():
    assert _agg("mobile_coverage_4g", "UN-199", 2022) == q.LDC_4G_2022
    table = countries()
    pop = load_indicator("population", years=(2022, 2022)).merge(table[["iso3", "ldc"]], on="iso3")
    assert table["ldc"].sum() == 45
    assert round(pop.loc[pop["ldc"], "value"].sum() / 1e6) == q.LDC_POP_2022_M
    lmc = income_group_summary("rd_share_gdp", "Lower middle income", since=2000)
    assert (lmc.n_reporting, lmc.n_group, round(lmc.median, 2)) == (39, 54, 0.16)
    assert round(_agg("mobile_coverage_4g", "UN-202", 2022)) == 49


def test_medians_task_recognises_means_and_wrong_groups():
    task = q.medians_task
    assert "means" in task.check(q._medians_3g_2021("mean")).message
    five = pd.concat([task.expected(), pd.DataFrame({"income_group": ["Not classified"], "median": [50.0]})])
    assert "5 rows" in task.check(five).message


def test_latest_task_explains_missing_values():
    fb = q.latest_task.check(lambda df: df.sort_values("year").groupby("iso3").tail(1)[["iso3", "year", "value"]])
    assert fb.status == "partial" and "missing" in fb.message
