"""The capstone's country profile: the numbers the chapter quotes are pinned, and bad input is refused clearly."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from smartindustry.models.capstone import (
    DEMO_COUNTRIES,
    INDICATORS,
    SEX_INDICATORS,
    country_profile,
    find_country,
    gap_to_group,
    group_median,
    latest,
    people_offline,
    profile_demo,
    region_reference,
    sex_gaps,
    shortfalls,
    ten_year_change,
)


@pytest.fixture(scope="module")
def kenya():
    return country_profile("KEN")


@pytest.fixture(scope="module")
def vietnam():
    return country_profile("Viet Nam")


def _row(profile, indicator):
    t = profile.table.set_index("indicator")
    return t.loc[indicator]


# -- finding a country ------------------------------------------------------------------


def test_codes_and_names_in_any_case_find_the_same_country():
    for text in ("KEN", "ken", " Kenya ", "KENYA"):
        assert find_country(text).iso3 == "KEN"
    vn = find_country("Viet Nam")
    assert (vn.iso3, vn.name, vn.income_group, vn.wb_region, vn.sdg_region) == (
        "VNM", "Vietnam", "Lower middle income", "East Asia & Pacific", "UN-753")
    ke = find_country("KEN")
    assert (ke.income_group, ke.wb_region, ke.sdg_region) == ("Lower middle income", "Sub-Saharan Africa", "UN-202")


@pytest.mark.parametrize("bad", ["XYZ", "Kenia", "", "   ", None, 404, ["KEN"]])
def test_unknown_or_malformed_country_gives_a_clear_value_error(bad):
    with pytest.raises(ValueError) as err:
        find_country(bad)
    assert "country" in str(err.value)


def test_a_near_miss_suggests_the_right_name():
    with pytest.raises(ValueError, match="Did you mean 'Kenya'"):
        country_profile("Kenia")


# -- the worked country: Kenya ------------------------------------------------------------


def test_kenya_latest_values_and_years(kenya):
    expected = {
        "internet_users": (28.76, 2021),
        "mobile_coverage_4g": (94.0, 2021),
        "electricity_access": (76.2, 2023),
        "mva_share_gdp": (8.85, 2022),
        "mva_per_capita": (156.12, 2022),
        "co2_per_mva": (0.324, 2020),
        "medhigh_tech_share": (13.11, 2020),
        "rd_share_gdp": (0.81069, 2024),
        "researchers_per_million": (384.024, 2024),
        "logistics_performance": (2.81, 2018),
        "informal_employment": (86.49, 2019),
        "unemployment_rate": (5.449, 2025),
    }
    assert list(kenya.table["indicator"]) == list(INDICATORS)
    for ind, (value, year) in expected.items():
        row = _row(kenya, ind)
        assert row["value"] == pytest.approx(value, abs=1e-6), ind
        assert int(row["year"]) == year, ind
    assert kenya.missing() == []


def test_kenya_income_group_medians(kenya):
    expected = {
        "internet_users": (58.05, 53),
        "mobile_coverage_4g": (79.89, 53),
        "electricity_access": (95.6, 54),
        "mva_share_gdp": (10.315, 54),
        "mva_per_capita": (230.31, 54),
        "co2_per_mva": (0.381, 39),
        "informal_employment": (80.85, 37),
        "rd_share_gdp": (0.135705, 34),
    }
    for ind, (median, n) in expected.items():
        row = _row(kenya, ind)
        assert row["group_median"] == pytest.approx(median, abs=1e-4), ind
        assert row["group_n"] == n, ind
    assert _row(kenya, "internet_users")["gap_to_group"] == pytest.approx(-29.29, abs=1e-6)
    assert gap_to_group("Kenya", "internet_users") == pytest.approx(-29.29, abs=1e-6)


def test_kenya_region_values_say_where_they_come_from(kenya):
    internet = _row(kenya, "internet_users")
    assert (internet["region_area"], internet["region_kind"], int(internet["region_year"])) == ("UN-202", "published", 2021)
    assert internet["region_value"] == pytest.approx(34.9)
    power = _row(kenya, "electricity_access")
    assert (power["region_area"], power["region_kind"], int(power["region_year"])) == ("WB-SSF", "published", 2023)
    assert power["region_value"] == pytest.approx(53.2508, abs=1e-4)
    # The World Bank publishes no Sub-Saharan value for researchers, and its R&D value is from 2007 (too old):
    # the profile computes the median of the region's countries instead, and says so.
    research = _row(kenya, "researchers_per_million")
    assert research["region_kind"] == "computed median of 27 countries"
    assert research["region_value"] == pytest.approx(57.794, abs=1e-3)
    assert pd.isna(research["region_year"])
    rd = _row(kenya, "rd_share_gdp")
    assert rd["region_kind"] == "computed median of 28 countries"
    old = region_reference("KEN", "rd_share_gdp", since=2000)
    assert (old.kind, old.year, round(old.value, 2)) == ("published", 2007, 0.44)


def test_kenya_plan_steps():
    millions, year = people_offline("KEN")
    assert year == 2021 and millions == pytest.approx(37.913, abs=1e-3)
    assert ten_year_change("KEN", "internet_users") == pytest.approx(19.96, abs=1e-6)  # 2011 to 2021
    assert ten_year_change("KEN", "electricity_access") == pytest.approx(36.1, abs=1e-6)  # 2013 to 2023
    # Kenya's R&D series has no value ten years before its latest: missing, not zero
    assert math.isnan(ten_year_change("KEN", "rd_share_gdp"))
    assert math.isnan(ten_year_change("KEN", "informal_employment"))


def test_kenya_women_and_men(kenya):
    gaps = sex_gaps("KEN").set_index("indicator")
    assert list(gaps.index) == list(SEX_INDICATORS)
    net = gaps.loc["internet_users"]
    assert (int(net["year"]), net["female"], net["male"]) == (2019, 20.23, 25.17)
    assert net["gap"] == pytest.approx(4.94) and net["ratio"] == pytest.approx(0.8037, abs=1e-4)
    informal = gaps.loc["informal_employment"]
    assert (int(informal["year"]), informal["female"], informal["male"]) == (2019, 90.19, 83.13)
    jobless = gaps.loc["unemployment_rate"]
    assert (int(jobless["year"]), jobless["female"], jobless["male"]) == (2025, 6.743, 4.284)


def test_kenya_shortfalls_worst_first(kenya):
    s = shortfalls(kenya)
    assert list(s["indicator"]) == ["internet_users", "mva_per_capita", "electricity_access", "mva_share_gdp",
                                    "unemployment_rate", "informal_employment"]
    assert s["shortfall"].iloc[0] == pytest.approx(29.29 / 58.05)
    assert (s["shortfall"] > 0).all()


# -- the second country: Viet Nam ----------------------------------------------------------


def test_vietnam_profile(vietnam):
    assert _row(vietnam, "mva_share_gdp")["value"] == pytest.approx(26.57)
    assert _row(vietnam, "medhigh_tech_share")["value"] == pytest.approx(38.25)
    co2 = _row(vietnam, "co2_per_mva")
    assert (co2["value"], int(co2["year"])) == (1.098, 2020)
    assert co2["group_median"] == pytest.approx(0.381)
    assert _row(vietnam, "internet_users")["value"] == pytest.approx(74.21)
    assert _row(vietnam, "internet_users")["region"] == "Eastern and South-Eastern Asia"
    assert _row(vietnam, "rd_share_gdp")["region_area"] == "WB-EAS"
    assert list(shortfalls(vietnam)["indicator"]) == ["co2_per_mva"]
    millions, year = people_offline("VNM")
    assert year == 2021 and millions == pytest.approx(25.515, abs=1e-3)
    assert ten_year_change("VNM", "internet_users") == pytest.approx(39.14, abs=1e-6)


# -- missing data, groups, text -------------------------------------------------------------


def test_missing_is_reported_as_missing_not_zero():
    value, year = latest("KEN", "robots_installed")
    assert math.isnan(value) and year is None
    p = country_profile("SOM")  # Somalia: few of the industry series
    assert set(p.missing()) >= {"co2_per_mva", "rd_share_gdp"}
    assert p.table.loc[p.table["indicator"] == "rd_share_gdp", "gap_to_group"].isna().all()
    assert "no data" in p.to_text() and " 0.00 (" not in p.to_text()
    assert all(ind not in list(shortfalls(p)["indicator"]) for ind in p.missing())


def test_group_median_is_the_median_of_latest_values():
    med, n = group_median("internet_users", "Lower middle income")
    assert (round(med, 2), n) == (58.05, 53)
    with pytest.raises(ValueError, match="income group"):
        group_median("internet_users", "Middle")


def test_unknown_indicator_gives_a_clear_error():
    with pytest.raises(ValueError, match="unknown indicator"):
        latest("KEN", "internet use")


def test_profile_renders_as_text_and_html(kenya):
    text = kenya.to_text()
    assert text.startswith("Kenya (KEN). Income group: Lower middle income")
    assert "Internet users (% of population): 28.8 (2021); income group median 58.0 (53 countries)" in text
    html = kenya.to_html()
    assert html.count("<tr>") == len(INDICATORS) + 1 and "<caption>" in html


def test_every_demo_country_has_a_profile():
    for code in DEMO_COUNTRIES:
        p = profile_demo(code)
        assert p.country.iso3 == code and p.country.income_group is not None
        assert len(p.missing()) <= 4, code


def test_other_figures_the_chapter_quotes(kenya, vietnam):
    from smartindustry.data import countries

    table = countries()
    lmic = table[table["wb_income_group"] == "Lower middle income"]
    assert len(lmic) == 54 and {"BTN", "IND", "KEN", "VNM"} <= set(lmic["iso3"])
    assert ten_year_change("KEN", "mva_per_capita") == pytest.approx(14.83, abs=1e-6)  # 2012 to 2022
    rural, year = latest("KEN", "rural_population_share")
    assert (round(rural, 1), year) == (67.8, 2025)
    share = (kenya.table.set_index("indicator")["value"] / kenya.table.set_index("indicator")["group_median"] * 100).round(1)
    assert share[["internet_users", "mva_per_capita", "electricity_access", "mva_share_gdp", "rd_share_gdp"]].tolist() == [
        49.5, 67.8, 79.7, 85.8, 597.4]
    assert (kenya.table["region_kind"] == "published").sum() == 10
    v = vietnam.table.set_index("indicator")
    assert (v.loc["informal_employment", "value"], int(v.loc["informal_employment", "year"])) == (70.39, 2021)
    assert (v.loc["co2_per_mva", "region_value"], v.loc["co2_per_mva", "region_area"]) == (0.55, "UN-753")
    assert round(v.loc["co2_per_mva", "value"] / v.loc["co2_per_mva", "group_median"], 2) == 2.88
    ahead = [i for i in v.index if i not in set(shortfalls(vietnam)["indicator"])]
    assert len(ahead) == 11 and vietnam.missing() == []


def test_which_kenyan_values_are_estimates():
    from smartindustry.data import load_indicator

    def nature(indicator, year):
        d = load_indicator(indicator, sex="total")
        return str(d.loc[(d["iso3"] == "KEN") & (d["year"] == year), "nature"].iloc[0])

    assert nature("internet_users", 2021) == "E"
    assert nature("mobile_coverage_4g", 2021) == "C"


def test_manufacturing_co2_per_person():
    from smartindustry.models.capstone import per_person

    kg, year = per_person("KEN", "co2_manufacturing", factor=1e9)
    assert year == 2020 and kg == pytest.approx(47.11, abs=0.01)  # 2.46 Mt / 52,217,334 people
    kg_vn, year_vn = per_person("VNM", "co2_manufacturing", factor=1e9)
    assert year_vn == 2020 and kg_vn == pytest.approx(897.23, abs=0.01)  # 88.0 Mt / 98,079,191 people
    assert round(kg_vn / kg) == 19
    assert latest("KEN", "co2_manufacturing") == (2.46, 2020)
    from smartindustry.data import load_indicator

    pop = load_indicator("population", years=(2020, 2020))
    assert int(pop.loc[pop["iso3"] == "KEN", "value"].iloc[0]) == 52_217_334
    value, none = per_person("KEN", "robots_installed")
    assert math.isnan(value) and none is None
