"""``refresh``: the online path, tested offline with recorded answers in tests/fixtures."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest

from smartindustry.data import _docs, _refresh, _tables
from smartindustry.data._pipeline import assemble
from smartindustry.data._validate import check_folder

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = dt.date(2026, 10, 2)
ONLY = ["mobile_coverage_4g", "unemployment_rate", "informal_employment"]
KEEP = {"BRA", "IND", "KEN"}


def small_data(folder: Path) -> Path:
    """A valid data folder with three countries and two aggregates, from 2020 on."""
    descriptor = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    read = lambda name: pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)
    obs, agg = read("observations"), read("aggregates")
    obs = obs[obs["iso3"].isin(KEEP) & (obs["year"].astype(int) >= 2020)]
    agg = agg[agg["area"].isin({"UN-001", "WB-WLD"}) & (agg["year"].astype(int) >= 2020)]
    obs = obs.astype({"year": int, "value": float})
    agg = agg.astype({"year": int, "value": float})
    areas = read("aggregate_areas")
    areas = areas[areas["area"].isin(set(agg["area"]))]
    provenance = {i["id"]: {"extract_date": i["extract_date"], "retrieved_from": i["retrieved_from"]}
                  for i in descriptor["indicators"]}
    files = assemble(read("countries"), areas, obs, agg, provenance, "small test folder\n")
    _tables.write_files(files, {name: folder / name for name in files})
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def fixture_fetch(overrides: dict[str, str] | None = None, log: list[str] | None = None):
    """A fetch function answering from tests/fixtures (by series code and page)."""
    def fetch(url: str, timeout: float) -> bytes:
        assert timeout > 0
        if log is not None:
            log.append(url)
        parts = urlsplit(url)
        query = parse_qs(parts.query)
        if parts.netloc == "api.worldbank.org":
            code = parts.path.rsplit("/", 1)[1]
            name = f"wb_{code}_page{query['page'][0]}.json"
        elif parts.netloc == "unstats.un.org":
            code = query["seriesCode"][0]
            name = f"sdg_{code}_page{query['page'][0]}.json"
        else:
            raise AssertionError(url)
        name = (overrides or {}).get(code, name)
        return (FIXTURES / name).read_bytes()
    return fetch


def offline(url: str, timeout: float) -> bytes:
    raise _refresh.RefreshError("cannot download from api.worldbank.org (Name or service "
                                "not known); are you online?")


@pytest.fixture
def folder(tmp_path) -> Path:
    return small_data(tmp_path / "data")


def read(folder: Path, name: str) -> list[dict[str, str]]:
    with open(folder / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_small_folder_is_valid(folder):
    assert check_folder(folder) == []


def test_good_answers_replace_the_tables(folder, tmp_path):
    before = {(r["indicator"], r["iso3"], r["sex"], r["year"]): r for r in read(folder, "observations")}
    urls: list[str] = []
    page = tmp_path / "appendix" / "data.md"
    report = _refresh.refresh(folder, page, fetch=fixture_fetch(log=urls), today=TODAY,
                              quiet=True, only=ONLY)
    assert check_folder(folder) == []
    after = {(r["indicator"], r["iso3"], r["sex"], r["year"]): r for r in read(folder, "observations")}
    # New values from the recorded answers.
    assert after[("mobile_coverage_4g", "KEN", "total", "2023")]["value"] == "96.4"
    assert after[("mobile_coverage_4g", "KEN", "total", "2023")]["nature"] == "E"
    assert after[("unemployment_rate", "BRA", "female", "2024")]["value"] == "8.9"
    assert after[("unemployment_rate", "IND", "total", "2021")]["value"] == "6.38"
    assert after[("informal_employment", "KEN", "female", "2022")]["value"] == "89.9"
    # The national (reporting type N) figure did not replace the global one.
    assert after[("mobile_coverage_4g", "KEN", "total", "2023")]["value"] != "97"
    # Refreshed indicators are replaced as a whole: 2020 is no longer in the answer.
    assert ("mobile_coverage_4g", "KEN", "total", "2020") in before
    assert ("mobile_coverage_4g", "KEN", "total", "2020") not in after
    # Everything else is kept exactly.
    for key, row in before.items():
        if key[0] not in ONLY:
            assert after[key] == row
    # Aggregates: the World rows came back under their existing codes.
    agg = {(r["indicator"], r["area"], r["sex"], r["year"]): r["value"] for r in read(folder, "aggregates")}
    assert agg[("unemployment_rate", "WB-WLD", "total", "2024")] == "4.91"
    assert agg[("mobile_coverage_4g", "UN-001", "total", "2023")] == "89"
    # Descriptor: refreshed entries carry the refresh date, the others keep theirs.
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    entries = {i["id"]: i for i in descriptor["indicators"]}
    assert entries["mobile_coverage_4g"]["extract_date"] == "2026-10-02"
    assert entries["mobile_coverage_4g"]["retrieved_from"] == "UN SDG Global Database API v1"
    assert entries["unemployment_rate"]["coverage"]["last_year"] == 2024
    assert entries["robots_installed"]["extract_date"] == "2025-11-27"
    # Report: unmapped codes are listed; pages were followed; the page was written.
    assert "736 (former country: Sudan [former]): 1 rows" in report
    assert "XY (not a country or World Bank aggregate: Not classified): 1 rows" in report
    assert "national reporting (not kept): 1" in report
    assert any("SL.UEM.TOTL.ZS" in u and "page=2" in u for u in urls)
    assert sum("SL_ISV_IFEM" in u for u in urls) == 1
    assert page.read_text(encoding="utf-8") == _docs.page_text(
        (folder / "datapackage.json").read_text(encoding="utf-8"))
    assert not list(tmp_path.glob(".smartindustry-*"))  # staging folder removed


def test_offline_fails_cleanly_and_leaves_data_untouched(folder):
    before = snapshot(folder)
    with pytest.raises(_refresh.RefreshError, match="are you online"):
        _refresh.refresh(folder, None, fetch=offline, today=TODAY, quiet=True)
    assert snapshot(folder) == before


@pytest.mark.parametrize("code, fixture, message", [
    ("IT_MOB_4GNTWK", "sdg_IT_MOB_4GNTWK_out_of_range.json", r"1 values outside \[0.0, 100.0\]"),
    ("IT_MOB_4GNTWK", "sdg_html_error_page.txt", "not JSON"),
    ("SL.UEM.TOTL.MA.ZS", "wb_error_message.json", "answered with an error"),
    ("SL.UEM.TOTL.FE.ZS", "sdg_IT_MOB_4GNTWK_page1.json", "unexpected answer layout"),
])
def test_bad_answers_leave_data_untouched(folder, code, fixture, message):
    before = snapshot(folder)
    with pytest.raises(_refresh.RefreshError, match=message):
        _refresh.refresh(folder, None, fetch=fixture_fetch({code: fixture}), today=TODAY,
                         quiet=True, only=ONLY)
    assert snapshot(folder) == before


def test_too_few_rows_is_refused(folder):
    before = snapshot(folder)
    short = {code: "wb_short_answer.json"
             for code in ("SL.UEM.TOTL.ZS", "SL.UEM.TOTL.FE.ZS", "SL.UEM.TOTL.MA.ZS")}
    with pytest.raises(_refresh.RefreshError, match="fewer than 50%"):
        _refresh.refresh(folder, None, fetch=fixture_fetch(short), today=TODAY, quiet=True,
                         only=["mobile_coverage_4g", "unemployment_rate"])
    assert snapshot(folder) == before


def test_unknown_indicator_in_only_is_refused(folder):
    with pytest.raises(_refresh.RefreshError, match="robots_installed"):
        _refresh.refresh(folder, None, fetch=offline, today=TODAY, quiet=True,
                         only=["robots_installed"])


def test_cli_offline_message_and_exit_code(folder, monkeypatch, capsys):
    from smartindustry.data.__main__ import main
    before = snapshot(folder)
    monkeypatch.setattr(_refresh, "urllib_fetch", offline)
    code = main(["refresh", "--out", str(folder), "--no-page", "--quiet"])
    err = capsys.readouterr().err
    assert code == 1
    assert err == ("error: cannot download from api.worldbank.org (Name or service not known); "
                   "are you online?\n")
    assert snapshot(folder) == before


def test_urllib_fetch_gives_up_with_one_line(monkeypatch):
    from urllib.error import URLError
    calls = []

    def no_network(request, timeout):
        calls.append(timeout)
        raise URLError("Name or service not known")

    monkeypatch.setattr(_refresh, "urlopen", no_network)
    with pytest.raises(_refresh.RefreshError) as err:
        _refresh.urllib_fetch("https://api.worldbank.org/v2/x", timeout=5, retries=3, pause=0)
    assert calls == [5, 5, 5]
    assert str(err.value) == ("cannot download from api.worldbank.org (Name or service not known); "
                              "are you online?")
