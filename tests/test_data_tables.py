"""The committed tables in data/ against their descriptor and against common sense."""

from __future__ import annotations

import csv
import functools
import io
import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartindustry.data import _catalogue, _tables, _validate

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"


@pytest.fixture(scope="module")
def descriptor() -> dict:
    return json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def texts(descriptor) -> dict[str, str]:
    out = {}
    for res in descriptor["resources"]:
        with open(DATA / res["path"], encoding="utf-8", newline="") as fh:
            out[res["name"]] = fh.read()
    return out


@functools.lru_cache(maxsize=4)
def rows(text: str) -> tuple[dict[str, str], ...]:
    """The rows of a table (read once: many tests read the same tables; do not change them)."""
    return tuple(csv.DictReader(io.StringIO(text)))


def test_every_table_passes_its_schema(descriptor, texts):
    assert _validate.check_package(descriptor, texts) == []


def test_descriptor_lists_the_four_tables(descriptor):
    assert [r["name"] for r in descriptor["resources"]] == [
        "observations", "aggregates", "countries", "aggregate_areas"]
    for res in descriptor["resources"]:
        assert res["schema"]["primaryKey"], res["name"]
        assert (DATA / res["path"]).exists()


#: Indicators in percent that can exceed 100 (a gross ratio counts students of any age).
PERCENT_ABOVE_100 = {"tertiary_enrolment"}


def test_percentages_between_0_and_100(descriptor, texts):
    pct = {i["id"] for i in descriptor["indicators"] if i["unit"].startswith("%")}
    assert {"mva_share_gdp", "mobile_coverage_4g", "unemployment_rate", "internet_users",
            "slum_population_share", "renewable_energy_share"} <= pct
    assert PERCENT_ABOVE_100 <= pct
    bounded = {i["id"] for i in descriptor["indicators"] if i["maximum"] == 100}
    assert pct - PERCENT_ABOVE_100 == bounded
    pct -= PERCENT_ABOVE_100
    for table in ("observations", "aggregates"):
        values = [float(r["value"]) for r in rows(texts[table]) if r["indicator"] in pct]
        assert values and min(values) >= 0 and max(values) <= 100


def test_counts_and_amounts_are_not_negative(texts):
    counts = {"population", "robots_installed", "patents_residents", "ewaste_total",
              "gdp", "co2_fuel_combustion", "researchers_per_million", "cereal_yield",
              "fertilizer_use", "electricity_use_per_capita"}
    values = [float(r["value"]) for r in rows(texts["observations"]) if r["indicator"] in counts]
    assert len(values) > 1000 and min(values) >= 0


def test_every_iso3_is_in_the_country_table(texts):
    known = {r["iso3"] for r in rows(texts["countries"])}
    used = {r["iso3"] for r in rows(texts["observations"])}
    assert used <= known
    assert {"KEN", "IND", "BRA", "XKX"} <= used


def test_every_indicator_in_the_data_is_documented(descriptor, texts):
    documented = {i["id"] for i in descriptor["indicators"]}
    for table in ("observations", "aggregates"):
        assert {r["indicator"] for r in rows(texts[table])} <= documented
    used = {r["indicator"] for r in rows(texts["observations"])}
    assert used == documented  # and every documented one has data


def test_indicator_entries_are_complete(descriptor):
    for ind in descriptor["indicators"]:
        for key in ("id", "alias", "title", "unit", "source", "organisation", "citation",
                    "extract_date", "series"):
            assert ind[key], (ind["id"], key)
        assert ind["licence"]["name"] and (ind["licence"]["path"] or ind["licence"]["title"])
        assert len(ind["extract_date"]) == 10 and ind["extract_date"][4] == "-"
        cov = ind["coverage"]
        assert cov["countries"] > 0 and cov["first_year"] <= cov["last_year"]
    by_alias = {i["alias"]: i for i in descriptor["indicators"]}
    assert by_alias["9.c.1 4G"]["id"] == "mobile_coverage_4g"
    assert by_alias["9.2.1 MVA share of GDP"]["sdg_target"] == "9.2"


def test_coverage_matches_the_rows(descriptor, texts):
    obs = rows(texts["observations"])
    for ind in descriptor["indicators"]:
        mine = [r for r in obs if r["indicator"] == ind["id"]]
        years = [int(r["year"]) for r in mine]
        assert ind["coverage"]["rows"] == len(mine)
        assert ind["coverage"]["countries"] == len({r["iso3"] for r in mine})
        assert (ind["coverage"]["first_year"], ind["coverage"]["last_year"]) == (min(years), max(years))


def test_aggregates_are_not_in_the_country_tables(texts):
    countries = rows(texts["countries"])
    codes = {r["iso3"] for r in countries}
    # World Bank and UN aggregate codes never appear as countries ...
    assert not codes & {"WLD", "HIC", "LMY", "LIC", "SSF", "EUU", "ARB", "OED"}
    assert not any("income" in r["name"].lower() or r["name"] == "World" for r in countries)
    # ... and countries never appear as aggregates.
    areas = {r["area"] for r in rows(texts["aggregate_areas"])}
    assert all(a.split("-")[0] in {"UN", "WB", "OWID"} for a in areas)
    assert {"UN-001", "WB-WLD", "OWID-WRL"} <= areas
    obs_codes = {r["iso3"] for r in rows(texts["observations"])}
    assert not obs_codes & {a.split("-", 1)[1] for a in areas if a.startswith("WB-")}


def test_world_total_is_larger_than_any_country(texts):
    """Population: the World Bank world total exceeds the largest country, once."""
    pop_2020 = {r["iso3"]: float(r["value"]) for r in rows(texts["observations"])
                if r["indicator"] == "population" and r["year"] == "2020"}
    world = [float(r["value"]) for r in rows(texts["aggregates"])
             if r["indicator"] == "population" and r["year"] == "2020" and r["area"] == "WB-WLD"]
    assert len(world) == 1
    assert world[0] > max(pop_2020.values())
    assert 0.97 < sum(pop_2020.values()) / world[0] < 1.03  # countries sum to about the world


def test_country_flags_and_groups(texts):
    by_iso = {r["iso3"]: r for r in rows(texts["countries"])}
    assert by_iso["AFG"]["ldc"] == "true" and by_iso["AFG"]["lldc"] == "true"
    assert by_iso["FJI"]["sids"] == "true" and by_iso["FRA"]["ldc"] == "false"
    assert by_iso["KEN"]["m49"] == "404" and by_iso["KEN"]["un_subregion"] == "Sub-Saharan Africa"
    assert by_iso["IND"]["wb_income_group"] == "Lower middle income"
    assert by_iso["XKX"]["m49"] == "412"


def test_files_are_sorted_and_use_lf(descriptor):
    for res in descriptor["resources"]:
        data = (DATA / res["path"]).read_bytes()
        assert b"\r\n" not in data and data.endswith(b"\n")
        assert len(data) == res["bytes"]
    obs = rows((DATA / "observations.csv").read_text(encoding="utf-8"))
    keys = [(r["indicator"], r["iso3"], r["sex"], int(r["year"])) for r in obs]
    assert keys == sorted(keys)


def test_data_folder_is_small():
    total = sum(p.stat().st_size for p in DATA.iterdir() if p.is_file())
    assert total < 15_000_000


# ---------------------------------------------------------------- validator

SCHEMA = {
    "fields": [
        {"name": "code", "type": "string", "constraints": {"required": True, "pattern": "[A-Z]{3}"}},
        {"name": "n", "type": "integer", "constraints": {"minimum": 0, "maximum": 10}},
        {"name": "kind", "type": "string", "constraints": {"enum": ["a", "b"]}},
        {"name": "flag", "type": "boolean"},
    ],
    "primaryKey": ["code"],
    "missingValues": [""],
}


def test_validator_accepts_a_good_table():
    assert _validate.check_table("code,n,kind,flag\nABC,1,a,true\nDEF,,b,false\n", SCHEMA) == []


@pytest.mark.parametrize("text, expected", [
    ("code,n,kind,flag\nABC,11,a,true\n", "above the maximum"),
    ("code,n,kind,flag\nABC,-1,a,true\n", "below the minimum"),
    ("code,n,kind,flag\nABC,1.5,a,true\n", "not a valid integer"),
    ("code,n,kind,flag\nABC,1,c,true\n", "not one of the allowed values"),
    ("code,n,kind,flag\nabc,1,a,true\n", "does not match"),
    ("code,n,kind,flag\n,1,a,true\n", "required"),
    ("code,n,kind,flag\nABC,1,a,yes\n", "not a valid boolean"),
    ("code,n,kind,flag\nABC,1,a,true\nABC,2,b,false\n", "duplicated"),
    ("code,kind,n,flag\nABC,a,1,true\n", "header"),
])
def test_validator_rejects_bad_tables(text, expected):
    errors = _validate.check_table(text, SCHEMA)
    assert errors and expected in errors[0]


def test_validator_catches_a_changed_file_and_an_out_of_range_value(descriptor, texts):
    broken = dict(texts)
    lines = texts["observations"].splitlines(keepends=True)
    i = next(k for k, line in enumerate(lines) if ",mobile_coverage_4g,total," in line)
    parts = lines[i].split(",")
    parts[4] = "250"
    lines[i] = ",".join(parts)
    broken["observations"] = "".join(lines)
    errors = _validate.check_package(descriptor, broken)
    assert any("does not match the hash" in e for e in errors)
    errors = _validate.check_package(descriptor, broken, check_hash=False)
    assert errors == ["observations: mobile_coverage_4g: 1 values outside [0.0, 100.0]"]


def test_validator_catches_an_unknown_country(descriptor, texts):
    broken = dict(texts)
    broken["observations"] = texts["observations"].replace("\nKEN,", "\nZZZ,", 1)
    errors = _validate.check_package(descriptor, broken, check_hash=False)
    assert errors and "not in countries.iso3" in errors[0] and "ZZZ" in errors[0]


# ---------------------------------------------------------------- rounding

def test_rounding_examples():
    assert _tables.format_value(99.1536560058594) == "99.1537"
    assert _tables.format_value(405586592.178771) == "405586592"
    assert _tables.format_value(0.000123456789) == "0.000123457"
    assert _tables.format_value(14.64) == "14.64"
    assert _tables.format_value(23000.0) == "23000"
    assert _tables.format_value(0) == "0"


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False))
def test_rounding_keeps_six_significant_digits_and_is_stable(x):
    text = _tables.format_value(x)
    back = float(text)
    assert math.isclose(back, x, rel_tol=5e-6, abs_tol=1e-300)
    assert _tables.format_value(back) == text  # writing what was read changes nothing


def test_catalogue_ids_and_aliases_are_unique():
    ids = [i.id for i in _catalogue.INDICATORS]
    aliases = [i.alias.lower() for i in _catalogue.INDICATORS]
    assert len(set(ids)) == len(ids) and len(set(aliases)) == len(aliases)
    assert all(i.replace("_", "").isalnum() and i == i.lower() for i in ids)
