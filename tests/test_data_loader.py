"""The one-line loader used by the notebooks: smartindustry.data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import smartindustry.data as sd

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"


@pytest.fixture(autouse=True)
def no_env(monkeypatch):
    monkeypatch.delenv(sd.ENV_VAR, raising=False)


def test_load_by_alias_and_by_id_give_the_same_table():
    a = sd.load_indicator("9.c.1 4G")
    b = sd.load_indicator("mobile_coverage_4g")
    c = sd.load_indicator("  9.C.1   4g ")
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(a, c)
    assert a.attrs["unit"] == "% of population"


def test_load_by_source_series_code():
    assert sd.load_indicator("SP.POP.TOTL").attrs["indicator"] == "population"
    assert sd.load_indicator("NV_IND_MANF").attrs["indicator"] == "mva_share_gdp"


def test_dtypes():
    df = sd.load_indicator("unemployment_rate")
    assert list(df.columns) == ["iso3", "country", "year", "sex", "value", "nature"]
    assert isinstance(df["iso3"].dtype, pd.CategoricalDtype)
    assert isinstance(df["sex"].dtype, pd.CategoricalDtype)
    assert list(df["sex"].cat.categories) == ["total", "female", "male"]
    assert df["year"].dtype == "Int64"
    assert df["value"].dtype == "float64"
    assert set(df["sex"]) == {"total", "female", "male"}


def test_values_and_filters():
    df = sd.load_indicator("9.c.1 4G", years=(2019, 2021))
    ken = df[df["iso3"] == "KEN"].set_index("year")["value"]
    assert ken.loc[2019] == 57.0 and ken.loc[2021] == 94.0
    assert df["year"].min() >= 2019 and df["year"].max() <= 2021
    assert (df.loc[df["iso3"] == "KEN", "country"] == "Kenya").all()
    women = sd.load_indicator("unemployment_rate", sex="female")
    assert set(women["sex"]) == {"female"}
    with pytest.raises(ValueError, match="sex must be one of"):
        sd.load_indicator("unemployment_rate", sex="women")


def test_no_aggregates_in_country_values():
    df = sd.load_indicator("population")
    assert not set(df["iso3"].astype(str)) & {"WLD", "HIC", "LMY", "EUU"}
    world = sd.aggregates("population", area="WB-WLD")
    assert set(world["area_name"]) == {"World"}
    assert world.set_index("year").loc[2020, "value"] > 7.5e9


def test_unknown_indicator_is_a_clear_value_error():
    with pytest.raises(ValueError) as err:
        sd.load_indicator("9.c.1 5G")
    message = str(err.value)
    assert "unknown indicator '9.c.1 5G'" in message
    assert "'9.c.1 4G'" in message
    with pytest.raises(ValueError, match="mva_share_gdp"):
        sd.load_indicator("mva_share")
    with pytest.raises(ValueError, match="must be a string"):
        sd.load_indicator(42)


def test_unknown_area_is_a_clear_value_error():
    with pytest.raises(ValueError, match="unknown aggregate area 'WB-WDL'.*WB-WLD"):
        sd.aggregates("population", area="WB-WDL")


def test_catalogue_and_countries():
    cat = sd.indicators()
    assert {"id", "alias", "unit", "sdg_indicator", "countries", "first_year"} <= set(cat.columns)
    row = cat.set_index("id").loc["mva_share_gdp"]
    assert row["alias"] == "9.2.1 MVA share of GDP" and row["sdg_indicator"] == "9.2.1"
    assert cat["countries"].dtype == "Int64"
    c = sd.countries().set_index("iso3")
    assert c["ldc"].dtype == bool and c.loc["NPL", "lldc"]
    assert c["m49"].dtype == "Int64" and c.loc["BRA", "m49"] == 76
    assert isinstance(c["un_region"].dtype, pd.CategoricalDtype)
    areas = sd.aggregate_areas()
    assert areas.set_index("area").loc["UN-001", "name"] == "World"


def test_info_and_citation():
    info = sd.indicator_info("9.5.1 R&D expenditure share of GDP")
    assert info["organisation"] == "World Bank" and info["licence"]["name"] == "CC-BY-4.0"
    assert sd.citation("rd_share_gdp").startswith("Source: World Bank, World Development Indicators")


def test_data_dir_from_environment_variable(tmp_path, monkeypatch):
    copy = tmp_path / "mydata"
    shutil.copytree(DATA, copy)
    monkeypatch.setenv(sd.ENV_VAR, str(copy))
    assert sd.data_dir() == copy
    monkeypatch.setenv(sd.ENV_VAR, str(tmp_path / "empty"))
    with pytest.raises(FileNotFoundError, match=sd.ENV_VAR):
        sd.data_dir()


def test_loads_from_another_working_directory(tmp_path):
    """A fresh interpreter started elsewhere still finds data/ next to the package."""
    code = ("import smartindustry.data as d; df = d.load_indicator('9.c.1 4G'); "
            "print(len(df) > 1000, d.data_dir().name)")
    env = {k: v for k, v in os.environ.items() if k != sd.ENV_VAR}
    env["PYTHONPATH"] = str(REPO)
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                         capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "data"]


def test_walks_up_from_the_working_directory(tmp_path, monkeypatch):
    (tmp_path / "course" / "chapters").mkdir(parents=True)
    shutil.copytree(DATA, tmp_path / "course" / "data")
    monkeypatch.setattr(sd, "_REPO_DATA", tmp_path / "not-here")
    monkeypatch.chdir(tmp_path / "course" / "chapters")
    assert sd.data_dir() == (tmp_path / "course" / "data").resolve()
