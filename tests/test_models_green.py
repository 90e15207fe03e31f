"""Green industry: the model's arithmetic, and every number the chapter quotes from the data."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from smartindustry.data import aggregates, load_indicator
from smartindustry.models.green import (
    DECOUPLING_KINDS,
    classify_decoupling,
    decoupling_demo,
    emissions_intensity,
    emissions_path,
    ewaste_balance,
    flat_emissions_intensity_change,
    percent_change,
)

# -- the model -------------------------------------------------------------------


def test_intensity_and_percent_change():
    assert emissions_intensity(541.49, 399.1) == pytest.approx(1.3568, abs=1e-4)
    assert emissions_intensity(0, 10) == 0
    assert percent_change(100, 120) == pytest.approx(20)
    assert percent_change(80, 60) == pytest.approx(-25)
    assert percent_change(5, 0) == pytest.approx(-100)


@pytest.mark.parametrize(
    ("output", "emissions", "kind"),
    [
        (91.7, -1.6, "absolute decoupling"),
        (20.0, 0.0, "absolute decoupling"),
        (65.7, 38.4, "relative decoupling"),
        (55.1, 61.9, "no decoupling"),
        (10.0, 10.0, "no decoupling"),
        (-12.4, -10.7, "output did not grow"),
        (0.0, -5.0, "output did not grow"),
    ],
)
def test_classify_decoupling(output, emissions, kind):
    assert classify_decoupling(output, emissions) == kind
    assert kind in DECOUPLING_KINDS


def test_flat_intensity_change_is_less_than_the_growth_rate():
    assert flat_emissions_intensity_change(7) == pytest.approx(-6.5421, abs=1e-4)
    assert flat_emissions_intensity_change(10) == pytest.approx(-9.0909, abs=1e-4)
    assert flat_emissions_intensity_change(0) == 0
    g = 5.0
    assert (1 + g / 100) * (1 + flat_emissions_intensity_change(g) / 100) == pytest.approx(1.0)


def test_emissions_path_compounds():
    path = emissions_path(10, -5, 10)
    assert list(path.columns) == ["output", "intensity", "emissions"]
    assert list(path.index) == list(range(11)) and path.index.name == "year"
    assert path.iloc[0].tolist() == [100, 100, 100]
    assert path["output"].iloc[-1] == pytest.approx(259.37, abs=0.01)
    assert path["intensity"].iloc[-1] == pytest.approx(59.87, abs=0.01)
    assert path["emissions"].iloc[-1] == pytest.approx(155.30, abs=0.01)


def test_demo_numbers_the_chapter_and_exercises_quote():
    start = decoupling_demo()  # the demo's starting values: 7 % growth, -4 % intensity, 10 years
    assert (start.output_growth_pct, start.intensity_change_pct, start.years) == (7.0, -4.0, 10)
    assert round(start.output_end, 1) == 196.7
    assert round(start.intensity_end, 1) == 66.5
    assert round(start.emissions_end, 1) == 130.8
    assert start.kind == "relative decoupling"
    assert round(start.flat_intensity_change_pct, 2) == -6.54
    assert "relative decoupling" in start.to_text() and "<table" in start.to_html()
    flat = decoupling_demo(7, -6.5, 10)
    assert flat.kind == "relative decoupling" and 100 < flat.emissions_end < 100.5
    assert decoupling_demo(7, -7, 10).kind == "absolute decoupling"
    fast = decoupling_demo(10, -5, 10)
    assert round(fast.emissions_end - 100, 1) == 55.3
    assert decoupling_demo(-2, -3, 5).kind == "output did not grow"
    assert decoupling_demo(10, -8, 10).emissions_end > 100          # at 10 % growth, -8 % a year is not enough
    assert decoupling_demo(1.5, -2, 10).kind == "absolute decoupling"


def test_ewaste_balance():
    b = ewaste_balance(8, 30, 15)
    assert (b.generated_t, b.collected_t, b.undocumented_t) == pytest.approx((240_000, 36_000, 204_000))
    world = ewaste_balance(7.8, 8000, 22.3)
    assert world.generated_t == pytest.approx(62.4e6)


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: emissions_intensity("a lot", 5), "must be a number"),
        (lambda: emissions_intensity(-1, 5), "cannot be negative"),
        (lambda: emissions_intensity(5, 0), "more than 0"),
        (lambda: percent_change(0, 5), "more than 0"),
        (lambda: percent_change(5, -1), "cannot be negative"),
        (lambda: percent_change(float("nan"), 1), "finite"),
        (lambda: classify_decoupling(None, 3), "must be a number"),
        (lambda: classify_decoupling(5, -150), "below -100"),
        (lambda: flat_emissions_intensity_change(-100), "more than -100"),
        (lambda: emissions_path(7, -4, 0), "whole number from 1 to 50"),
        (lambda: emissions_path(70, -4, 10), "between -50 and 50"),
        (lambda: ewaste_balance(8, 0, 15), "more than 0"),
        (lambda: ewaste_balance(8, 30, 150), "between 0 and 100"),
        (lambda: ewaste_balance(True, 30, 15), "must be a number"),
    ],
)
def test_bad_inputs_raise_plain_messages(call, words):
    with pytest.raises(ValueError, match=words):
        call()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("", -4, 10), "must be a number"),
        ((7, "fast", 10), "must be a number"),
        ((7, -4, 2.5), "whole number"),
        ((7, -4, 60), "whole number from 1 to 50"),
        ((99, -4, 10), "between -50 and 50"),
        ((float("inf"), -4, 10), "finite"),
    ],
)
def test_demo_never_raises_on_bad_input(args, words):
    result = decoupling_demo(*args)
    assert not result.ok
    assert words in result.to_text() and "Cannot compute" in result.to_text()
    assert "si-unreadable" in result.to_html()
    assert math.isnan(result.emissions_end) and result.kind == ""


# -- the real data the chapter quotes ---------------------------------------------

CHOSEN = ["BGD", "BRA", "CHN", "DEU", "ETH", "GBR", "GHA", "IND", "KEN", "NGA", "USA", "VNM"]


def _wide(indicator: str, years: tuple[int, int]) -> pd.DataFrame:
    d = load_indicator(indicator, years=years)
    d = d[d["iso3"].isin(CHOSEN)].assign(iso3=lambda x: x["iso3"].astype(str))
    return d.pivot_table(index="iso3", columns="year", values="value")


def test_co2_per_mva_values_quoted():
    wide = _wide("co2_per_mva", (2000, 2020))
    assert wide.loc["CHN", 2000] == pytest.approx(1.901)
    assert wide.loc["CHN", 2020] == pytest.approx(0.691)
    assert wide.loc["IND", 2000] == pytest.approx(1.725)
    assert wide.loc["IND", 2020] == pytest.approx(1.247)
    assert wide.loc["IND", 2019] == pytest.approx(1.363)
    assert wide.loc["DEU", 2019] == pytest.approx(0.119)
    assert wide.loc["DEU", 2020] == pytest.approx(0.126)
    assert wide.loc["NGA", 2020] == pytest.approx(0.164)
    assert round(wide.loc["IND", 2019] / wide.loc["DEU", 2019]) == 11       # "about 11 times Germany's"
    world = aggregates("co2_per_mva", area="UN-001").set_index("year")["value"]
    assert world[2000] == pytest.approx(0.529) and world[2010] == pytest.approx(0.575)
    assert world[2020] == pytest.approx(0.438)


def test_india_2019_emissions_and_value_added():
    co2 = _wide("co2_manufacturing", (2019, 2019)).loc["IND", 2019]
    mpc = _wide("mva_per_capita", (2019, 2019)).loc["IND", 2019]
    pop = _wide("population", (2019, 2019)).loc["IND", 2019]
    assert co2 == pytest.approx(541.49)
    assert mpc * pop / 1e9 == pytest.approx(399.1, abs=0.05)
    assert emissions_intensity(co2, mpc * pop / 1e9) == pytest.approx(1.357, abs=0.001)


def test_decoupling_2010_2019_as_the_chapter_tabulates_it():
    mva = _wide("mva_per_capita", (2010, 2019)) * _wide("population", (2010, 2019)) / 1e9
    co2 = _wide("co2_manufacturing", (2010, 2019))
    table = pd.DataFrame({
        "mva": (mva[2019] / mva[2010] - 1) * 100,
        "co2": (co2[2019] / co2[2010] - 1) * 100,
    }).round(1)
    expected = {
        "BGD": (186.2, 82.8), "BRA": (-12.4, -10.7), "CHN": (91.7, -1.6), "DEU": (20.3, -9.5),
        "ETH": (260.6, 197.1), "GBR": (15.4, -31.4), "GHA": (55.1, 61.9), "IND": (65.7, 38.4),
        "KEN": (33.9, 8.7), "NGA": (79.9, 211.0), "USA": (14.5, -14.3), "VNM": (133.3, 62.5),
    }
    assert {k: tuple(v) for k, v in table.iterrows()} == expected
    kinds = {k: classify_decoupling(*v) for k, v in expected.items()}
    assert sorted(k for k, v in kinds.items() if v == "absolute decoupling") == [
        "CHN", "DEU", "GBR", "USA"]
    assert sorted(k for k, v in kinds.items() if v == "relative decoupling") == ["BGD", "ETH", "IND", "KEN", "VNM"]
    assert sorted(k for k, v in kinds.items() if v == "no decoupling") == ["GHA", "NGA"]
    assert kinds["BRA"] == "output did not grow"
    yearly = {k: round(((1 + v[0] / 100) ** (1 / 9) - 1) * 100, 1) for k, v in expected.items()}
    assert (yearly["ETH"], yearly["BGD"], yearly["VNM"], yearly["CHN"]) == (15.3, 12.4, 9.9, 7.5)
    assert (yearly["USA"], yearly["GBR"], yearly["DEU"]) == (1.5, 1.6, 2.1)


def test_nigeria_2010_value_is_out_of_line():
    co2 = _wide("co2_manufacturing", (2005, 2015)).loc["NGA"]
    assert (co2[2005], co2[2010], co2[2015]) == pytest.approx((5.11, 2.36, 7.29))


def test_renewable_shares_quoted():
    energy = _wide("renewable_energy_share", (2021, 2021))
    assert energy.loc["ETH", 2021] == pytest.approx(90.6, abs=0.05)
    assert energy.loc["DEU", 2021] == pytest.approx(17.6, abs=0.05)
    assert energy.loc["NGA", 2021] == pytest.approx(80.3, abs=0.05)
    assert energy.loc["CHN", 2021] == pytest.approx(15.2, abs=0.05)
    from smartindustry.data import countries

    income = countries().set_index("iso3")["wb_income_group"]
    everyone = load_indicator("renewable_energy_share", years=(2021, 2021))
    low = everyone[income.loc[everyone["iso3"].astype(str)].to_numpy() == "Low income"]
    assert (len(low), int((low["value"] > 80).sum())) == (28, 11)
    electricity = _wide("renewable_electricity_share", (2021, 2021))
    assert electricity.loc["DEU", 2021] == pytest.approx(39.8, abs=0.05)
    assert electricity.loc["BRA", 2021] == pytest.approx(77.4, abs=0.05)
    assert electricity.loc["NGA", 2021] == pytest.approx(22.2, abs=0.05)
    assert electricity.loc["BGD", 2021] == pytest.approx(1.5, abs=0.05)


def test_ewaste_coverage_and_implausible_values():
    e = load_indicator("ewaste_per_capita").assign(iso3=lambda x: x["iso3"].astype(str))
    assert e["iso3"].nunique() == 38
    assert len(e) == 391
    assert not set(e["iso3"]) & {"CHN", "IND", "NGA", "GHA", "BRA", "VNM"}
    per_year = e.groupby("year").size()
    assert (per_year.max(), per_year.idxmax(), per_year[2019], per_year[2021]) == (34, 2017, 7, 3)
    outside = e[(e["value"] < 1) | (e["value"] > 50)]
    assert (len(outside), outside["iso3"].nunique()) == (323, 33)
    sen = e[(e["iso3"] == "SEN") & (e["year"] == 2017)]["value"].iloc[0]
    ken = e[(e["iso3"] == "KEN") & (e["year"] == 2017)]["value"].iloc[0]
    assert sen == pytest.approx(290.939) and ken == pytest.approx(0.06574)
    world = aggregates("ewaste_per_capita", area="UN-001").set_index("year")["value"]
    assert world[2010] == pytest.approx(5.30287) and world[2019] == pytest.approx(7.28049)
    total = aggregates("ewaste_total", area="UN-001").set_index("year")["value"]
    assert total[2019] == pytest.approx(53_589_890)


# -- the exercise checks on the data -----------------------------------------------


def test_change_table_check_names_a_fraction_and_accepts_an_index_of_countries():
    from smartindustry.questions.green import change_table_reference, change_table_task

    table = load_indicator("co2_manufacturing")
    expected = change_table_reference(table, 2010, 2019)
    assert len(expected) == 145
    china = expected.set_index("iso3").loc["CHN"]
    assert round(china["change_pct"], 1) == -1.6

    def as_fraction(t, start, end):
        out = change_table_reference(t, start, end)
        return out.assign(change_pct=out["change_pct"] / 100)

    fb = change_table_task.check(as_fraction)
    assert not fb.correct and "multiply the change by 100" in fb.message
    fb = change_table_task.check(lambda t, s, e: change_table_reference(t, s, e).set_index("iso3"))
    assert fb.correct
    assert not change_table_task.check("not a function").correct


def test_world_ewaste_left_undocumented_in_2022():
    """The chapter's arithmetic on the cited Global E-waste Monitor 2024 figures (62 Mt, 22.3 %)."""
    assert round(62 * (1 - 22.3 / 100), 1) == 48.2


def test_the_series_the_chapter_lists_and_their_years():
    from smartindustry.data import indicators

    table = indicators().set_index("id")
    for series in ["co2_fuel_combustion", "co2_manufacturing", "co2_per_mva", "co2_per_gdp"]:
        assert (table.loc[series, "first_year"], table.loc[series, "last_year"]) == (2000, 2020), series
        assert 140 <= table.loc[series, "countries"] <= 150, series             # "about 150 countries"
    assert (table.loc["co2_per_gdp_ppp2021", "first_year"], table.loc["co2_per_gdp_ppp2021", "last_year"]) == (1990, 2024)
