"""Curated values against the raw source files, and a full rebuild.

These tests need the folder of raw files (``../shared/data/raw`` next to the
repository, or the folder named by SMARTINDUSTRY_RAW). They are skipped, with
the reason shown, where it is absent; CI has it.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from smartindustry.data import _catalogue, _pipeline, _tables

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
RAW = Path(os.environ.get("SMARTINDUSTRY_RAW", REPO.parent / "shared" / "data" / "raw"))

needs_raw = pytest.mark.skipif(
    not (RAW / "SOURCES.md").exists(),
    reason=f"raw files not found at {RAW} (set SMARTINDUSTRY_RAW to the raw folder)")


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def curated() -> dict[tuple[str, str, str, int], float]:
    """(indicator, iso3, sex, year) -> value of the committed observations."""
    out = {}
    for r in read_csv(DATA / "observations.csv"):
        out[(r["indicator"], r["iso3"], r["sex"], int(r["year"]))] = float(r["value"])
    return out


def assert_same(curated_value: float, raw_text: str) -> None:
    """Equal up to the documented rounding (6 significant digits)."""
    raw_value = float(raw_text)
    assert curated_value == _tables.round_value(raw_value)
    assert abs(curated_value - raw_value) <= 5e-6 * abs(raw_value)


def raw_wdi(code: str, iso3: str, year: int) -> str:
    for r in read_csv(RAW / "wdi" / f"{code.lower()}.csv"):
        if r["Country Code"] == iso3 and r["Year"] == str(year):
            return r["Value"]
    raise LookupError((code, iso3, year))


def raw_sdg(code: str, m49: int, year: int, **dims: str) -> str:
    path = _pipeline.sdg_file(RAW, code)
    for r in read_csv(path):
        if r["geo_area"] == str(m49) and r["year"] == str(year) and all(
                r[k] == v for k, v in dims.items()):
            return r[path.name.split("--")[2]]
    raise LookupError((code, m49, year, dims))


def raw_gapminder(concept: str, geo: str, year: int) -> str:
    path = RAW / "gapminder_sg" / f"ddf--datapoints--{concept}--by--geo--time.csv"
    for r in read_csv(path):
        if r["geo"] == geo and r["time"] == str(year):
            return r[concept]
    raise LookupError((concept, geo, year))


@needs_raw
@pytest.mark.parametrize("indicator, iso3, sex, year, code", [
    ("population", "KEN", "total", 2020, "SP.POP.TOTL"),
    ("population", "IND", "total", 2023, "SP.POP.TOTL"),
    ("gdp_per_capita", "NGA", "total", 2015, "NY.GDP.PCAP.CD"),
    ("rd_share_gdp", "BRA", "total", 2019, "GB.XPD.RSDV.GD.ZS"),
    ("electricity_access", "ETH", "total", 2000, "EG.ELC.ACCS.ZS"),
    ("unemployment_rate", "ZAF", "female", 2022, "SL.UEM.TOTL.FE.ZS"),
    ("unemployment_rate", "ZAF", "male", 2022, "SL.UEM.TOTL.MA.ZS"),
    ("fixed_broadband_per100", "VNM", "total", 2021, "IT.NET.BBND.P2"),
    ("agri_value_added_share", "ETH", "total", 2022, "NV.AGR.TOTL.ZS"),
    ("cereal_yield", "IND", "total", 2023, "AG.YLD.CREL.KG"),
    ("cereal_yield", "KEN", "total", 2021, "AG.YLD.CREL.KG"),
    ("irrigated_land_share", "BGD", "total", 2023, "AG.LND.IRIG.AG.ZS"),
    ("fertilizer_use", "BGD", "total", 2021, "AG.CON.FERT.ZS"),
    ("agri_employment_share", "ETH", "female", 2021, "SL.AGR.EMPL.FE.ZS"),
    ("agri_employment_share", "ETH", "male", 2021, "SL.AGR.EMPL.MA.ZS"),
    ("urban_population_share", "BGD", "total", 2025, "SP.URB.TOTL.IN.ZS"),
    ("slum_population_share", "VNM", "total", 2022, "EN.POP.SLUM.UR.ZS"),
    ("electricity_use_per_capita", "ETH", "total", 2023, "EG.USE.ELEC.KH.PC"),
    ("firms_power_outages", "BGD", "total", 2022, "IC.ELC.OUTG.ZS"),
    ("firms_female_ownership", "GRC", "total", 2023, "IC.FRM.FEMO.ZS"),
    ("renewable_energy_share", "ETH", "total", 2021, "EG.FEC.RNEW.ZS"),
    ("renewable_electricity_share", "VNM", "total", 2021, "EG.ELC.RNEW.ZS"),
    ("ip_receipts", "BGD", "total", 2022, "BX.GSR.ROYL.CD"),
    ("ip_receipts", "GIN", "total", 2013, "BX.GSR.ROYL.CD"),  # negative, as published
    ("ip_payments", "ETH", "total", 2021, "BM.GSR.ROYL.CD"),
    ("tertiary_enrolment", "GRC", "total", 2022, "SE.TER.ENRR"),  # gross ratio above 100
])
def test_wdi_values_match_raw(curated, indicator, iso3, sex, year, code):
    assert_same(curated[(indicator, iso3, sex, year)], raw_wdi(code, iso3, year))


@needs_raw
@pytest.mark.parametrize("indicator, iso3, m49, sex, year, code, dims", [
    ("mva_share_gdp", "KEN", 404, "total", 2015, "NV_IND_MANF", {"activity": "isic4_c"}),
    ("mva_per_capita", "VNM", 704, "total", 2022, "NV_IND_MANFPC", {"activity": "isic4_c"}),
    ("mobile_coverage_4g", "IND", 356, "total", 2021, "IT_MOB_4GNTWK", {}),
    ("mobile_coverage_2g", "NER", 562, "total", 2020, "IT_MOB_2GNTWK", {}),
    ("internet_users", "ARM", 51, "female", 2019, "IT_USE_ii99", {"sex": "female"}),
    ("internet_users", "ARM", 51, "total", 2019, "IT_USE_ii99", {"sex": "bothsex"}),
    ("informal_employment", "PER", 604, "male", 2019, "SL_ISV_IFEM",
     {"sex": "male", "activity": "total"}),
    ("co2_manufacturing", "CHN", 156, "total", 2018, "EN_ATM_CO2", {"activity": "isic4_c10t32x19"}),
    ("ewaste_per_capita", "SEN", 686, "total", 2010, "EN_EWT_GENPCAP", {}),
    ("medhigh_tech_share", "MEX", 484, "total", 2018, "NV_IND_TECH", {"activity": "isic4_c"}),
    ("mfg_employment_share", "EGY", 818, "total", 2015, "SL_TLF_MANF", {}),
    ("internet_users", "XKX", 412, "male", 2017, "IT_USE_ii99", {"sex": "male"}),
])
def test_sdg_values_match_raw(curated, indicator, iso3, m49, sex, year, code, dims):
    assert_same(curated[(indicator, iso3, sex, year)], raw_sdg(code, m49, year, **dims))


@needs_raw
@pytest.mark.parametrize("indicator, iso3, geo, sex, year, concept", [
    ("industry_employment_share", "BGD", "bgd", "female", 2010,
     "female_industry_workers_percent_of_female_employment"),
    ("internet_users_long", "KEN", "ken", "total", 1999, "internet_users"),
    ("co2_per_gdp_ppp2021", "POL", "pol", "total", 1995,
     "co2_intensity_of_economic_output_kg_co2_per_2021_ppp_of_gdp"),
])
def test_gapminder_values_match_raw(curated, indicator, iso3, geo, sex, year, concept):
    assert_same(curated[(indicator, iso3, sex, year)], raw_gapminder(concept, geo, year))


@needs_raw
def test_robots_and_world_aggregate_match_raw():
    raw = {(r["Code"], r["Year"]): r["Annual industrial robots installed"]
           for r in read_csv(RAW / "robots" / "annual-industrial-robots-installed.csv")}
    obs = {(r["iso3"], r["year"]): r["value"] for r in read_csv(DATA / "observations.csv")
           if r["indicator"] == "robots_installed"}
    agg = {r["year"]: r["value"] for r in read_csv(DATA / "aggregates.csv")
           if r["indicator"] == "robots_installed" and r["area"] == "OWID-WRL"}
    assert obs[("CHN", "2023")] == raw[("CHN", "2023")]
    assert agg["2022"] == raw[("OWID_WRL", "2022")]
    assert len(obs) + len(agg) == len(raw)  # nothing dropped


@needs_raw
def test_sdg_world_aggregate_matches_raw():
    agg = {(r["indicator"], r["year"]): r["value"] for r in read_csv(DATA / "aggregates.csv")
           if r["area"] == "UN-001"}
    assert_same(float(agg[("mobile_coverage_4g", "2022")]), raw_sdg("IT_MOB_4GNTWK", 1, 2022))


#: Series of the raw folder's section 8 (Part IV chapters), by indicator.
PART_IV_WDI = {
    "agri_value_added_share": ("NV.AGR.TOTL.ZS",), "cereal_yield": ("AG.YLD.CREL.KG",),
    "irrigated_land_share": ("AG.LND.IRIG.AG.ZS",), "fertilizer_use": ("AG.CON.FERT.ZS",),
    "agri_employment_share": ("SL.AGR.EMPL.FE.ZS", "SL.AGR.EMPL.MA.ZS"),
    "rural_population_share": ("SP.RUR.TOTL.ZS",), "urban_population_share": ("SP.URB.TOTL.IN.ZS",),
    "slum_population_share": ("EN.POP.SLUM.UR.ZS",),
    "electricity_use_per_capita": ("EG.USE.ELEC.KH.PC",),
    "firms_power_outages": ("IC.ELC.OUTG.ZS",), "firms_female_ownership": ("IC.FRM.FEMO.ZS",),
    "renewable_energy_share": ("EG.FEC.RNEW.ZS",), "renewable_electricity_share": ("EG.ELC.RNEW.ZS",),
    "ip_receipts": ("BX.GSR.ROYL.CD",), "ip_payments": ("BM.GSR.ROYL.CD",),
    "tertiary_enrolment": ("SE.TER.ENRR",),
}


@needs_raw
@pytest.mark.parametrize("indicator", sorted(PART_IV_WDI))
def test_part_iv_series_keep_every_raw_row_from_1990(indicator):
    """Every raw row from 1990 on is a country or an aggregate row: none is lost."""
    series = _catalogue.indicator_by_id(indicator).series
    assert tuple(s.code for s in series) == PART_IV_WDI[indicator]
    raw = sum(1 for s in series for r in read_csv(RAW / "wdi" / f"{s.code.lower()}.csv")
              if int(r["Year"]) >= _catalogue.FIRST_YEAR)
    kept = sum(1 for table in ("observations", "aggregates")
               for r in read_csv(DATA / f"{table}.csv") if r["indicator"] == indicator)
    assert kept == raw > 0


@needs_raw
@pytest.mark.parametrize("indicator, year, code", [
    ("cereal_yield", 2023, "AG.YLD.CREL.KG"),
    ("slum_population_share", 2022, "EN.POP.SLUM.UR.ZS"),
    ("firms_power_outages", 2025, "IC.ELC.OUTG.ZS"),
    ("renewable_electricity_share", 2020, "EG.ELC.RNEW.ZS"),
])
def test_part_iv_world_bank_world_values_match_raw(indicator, year, code):
    agg = {r["year"]: r["value"] for r in read_csv(DATA / "aggregates.csv")
           if r["indicator"] == indicator and r["area"] == "WB-WLD"}
    assert_same(float(agg[str(year)]), raw_wdi(code, "WLD", year))


@needs_raw
def test_part_iv_sparse_series_are_as_sparse_as_the_readme_says():
    """data/README.md: at most 62 countries a year for the enterprise surveys, one to
    five values per country; at most 70 a year for irrigated land; slums every second year."""
    per_year: dict[str, dict[str, set]] = {}
    per_country: dict[str, dict[str, int]] = {}
    for r in read_csv(DATA / "observations.csv"):
        per_year.setdefault(r["indicator"], {}).setdefault(r["year"], set()).add(r["iso3"])
        counts = per_country.setdefault(r["indicator"], {})
        counts[r["iso3"]] = counts.get(r["iso3"], 0) + 1
    for ind in ("firms_power_outages", "firms_female_ownership"):
        assert max(len(c) for c in per_year[ind].values()) == 62
        assert len(per_year[ind]["2025"]) == 62
        assert min(per_country[ind].values()) == 1
    assert max(max(per_country[ind].values())
               for ind in ("firms_power_outages", "firms_female_ownership")) == 6
    assert max(len(c) for c in per_year["irrigated_land_share"].values()) == 70
    slum_years = {int(y) for y, c in per_year["slum_population_share"].items() if len(c) > 100}
    assert slum_years == set(range(2000, 2023, 2))
    readme = " ".join((REPO / "data" / "README.md").read_text(encoding="utf-8").split())
    assert "at most 62 countries in any one year, 2025" in readme
    assert "for at most 70 countries in any one year" in readme


@needs_raw
def test_part_iv_ranges_keep_published_values_outside_the_usual_bounds():
    """Gross tertiary enrolment above 100 and negative IP charges are kept, as published."""
    values: dict[str, list[float]] = {}
    for r in read_csv(DATA / "observations.csv"):
        values.setdefault(r["indicator"], []).append(float(r["value"]))
    assert max(values["tertiary_enrolment"]) > 150 and min(values["tertiary_enrolment"]) >= 0
    assert min(values["ip_receipts"]) < 0 and min(values["ip_payments"]) < 0
    assert max(values["fertilizer_use"]) > 10000
    for ind in ("tertiary_enrolment", "fertilizer_use", "cereal_yield"):
        assert _catalogue.indicator_by_id(ind).maximum is None, ind
    for ind in ("ip_receipts", "ip_payments"):
        entry = _catalogue.indicator_by_id(ind)
        assert entry.minimum is None and entry.maximum is None, ind
    for ind in ("slum_population_share", "renewable_energy_share", "irrigated_land_share"):
        entry = _catalogue.indicator_by_id(ind)
        assert (entry.minimum, entry.maximum) == (0.0, 100.0), ind
        assert 0 <= min(values[ind]) and max(values[ind]) <= 100


@needs_raw
def test_series_with_their_own_extract_date_are_named_in_sources_file():
    """A raw file last changed before the snapshot keeps that commit's date."""
    text = (RAW / "SOURCES.md").read_text(encoding="utf-8")
    own = {s.code: s.extract_date for ind in _catalogue.INDICATORS for s in ind.series
           if s.extract_date}
    assert own == {"IP.PAT.RESD": "2025-12-17", "AG.LND.IRIG.AG.ZS": "2026-04-01"}
    assert "ip.pat.resd" in text and "2025-12-17" in text
    assert "ag.lnd.irig.ag.zs was last changed in commit 59aa866" in text
    dates = {i["id"]: i["extract_date"]
             for i in json.loads((DATA / "datapackage.json").read_text())["indicators"]}
    assert dates["irrigated_land_share"] == "2026-04-01"
    assert {dates[i] for i in PART_IV_WDI if i != "irrigated_land_share"} == {"2026-07-01"}


@needs_raw
def test_catalogue_snapshot_dates_match_sources_file():
    text = (RAW / "SOURCES.md").read_text(encoding="utf-8")
    for src in _catalogue.SOURCES.values():
        assert src.extract_date in text, src.key
        if src.commit:
            assert src.commit in text, src.key
    assert _pipeline.check_sources_file(RAW) == []


@needs_raw
def test_report_lists_what_could_not_be_mapped():
    report = (DATA / "pipeline_report.txt").read_text(encoding="utf-8")
    assert "736 (former country: Sudan [former])" in report
    assert "other sex codes (not kept): 3" in report
    assert "population <- SP.POP.TOTL" in report


@needs_raw
def test_build_reproduces_the_committed_files_byte_for_byte(tmp_path):
    out, page = tmp_path / "data", tmp_path / "appendix" / "data.md"
    _pipeline.build(RAW, out, page, quiet=True)
    for name in _tables.GENERATED_FILES:
        assert (out / name).read_bytes() == (DATA / name).read_bytes(), name
    assert page.read_bytes() == (REPO / "appendix" / "data.md").read_bytes()
    assert json.loads((out / "datapackage.json").read_text())["indicators"]


def test_missing_raw_folder_is_a_clear_error(tmp_path):
    with pytest.raises(_pipeline.PipelineError, match="raw folder not found"):
        _pipeline.build(tmp_path / "nowhere", tmp_path / "data", None, quiet=True)
    assert not (tmp_path / "data").exists()


def test_cli_build_error_is_one_line(tmp_path, capsys):
    from smartindustry.data.__main__ import main
    code = main(["build", "--raw", str(tmp_path / "nowhere"), "--out", str(tmp_path / "d"),
                 "--no-page", "--quiet"])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("error: raw folder not found") and err.count("\n") == 1

