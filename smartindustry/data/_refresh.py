"""Refresh the World Bank and UN SDG series from the official APIs.

``python -m smartindustry.data refresh`` fetches every indicator whose source
is the World Bank (WDI, API v2) or the UN SDG Global Database (SDG API v1),
keeps the Gapminder and IFR series from the last build, validates the new
tables against the schema and only then replaces the files (atomically).
Any problem - no network, an HTTP error, an answer that is not the expected
JSON, values outside their range, far fewer rows than before - stops the
refresh with a one-line :class:`RefreshError` and leaves ``data/`` as it was.

The HTTP call is a parameter (``fetch``), so tests pass a function that
answers from recorded files instead of the network.
"""

from __future__ import annotations

import datetime as _dt
import json
import time
from collections.abc import Callable, Collection
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

import pandas as pd

from ._catalogue import FIRST_YEAR, INDICATORS, Indicator, Series
from ._pipeline import (STANDARD, write_tables_and_page, Crosswalk, PipelineError, Report, SeriesLog, _numeric, assemble,
                        harmonise, progress, report_text, standardise_sdg)
from ._tables import AGGREGATES, AREAS, COLUMNS, COUNTRIES, OBSERVATIONS
from ._validate import check_folder

#: A function that returns the body of a GET request: ``fetch(url, timeout)``.
Fetch = Callable[[str, float], bytes]

WB_URL = ("https://api.worldbank.org/v2/country/all/indicator/{code}"
          "?format=json&per_page=20000&date={first}:{last}&page={page}")
SDG_URL = ("https://unstats.un.org/SDGAPI/v1/sdg/Series/Data"
           "?seriesCode={code}&pageSize=100000&page={page}")
REFRESHED_SOURCES = {"wdi": "World Bank API v2", "sdg": "UN SDG Global Database API v1"}
TIMEOUT_SECONDS = 60.0
RETRIES = 3
#: A refreshed indicator with fewer country rows than this share of the
#: previous rows is treated as a broken answer.
MIN_ROW_SHARE = 0.5
#: Never follow more pages than this (a guard against a looping API).
MAX_PAGES = 50


class RefreshError(Exception):
    """The refresh could not be completed; ``data/`` was not changed."""


def _host(url: str) -> str:
    return urlsplit(url).netloc


def urllib_fetch(url: str, timeout: float = TIMEOUT_SECONDS, retries: int = RETRIES,
                 pause: float = 2.0) -> bytes:
    """GET ``url`` with a timeout, retrying network errors and HTTP 5xx/429.

    Raises :class:`RefreshError` with a one-line reason when it gives up.
    """
    reason = "no attempt"
    for attempt in range(1, retries + 1):
        request = Request(url, headers={"User-Agent": "smartindustry-data-refresh/1",
                                        "Accept": "application/json"})
        try:
            with urlopen(request, timeout=timeout) as response:
                return response.read()
        except HTTPError as exc:
            reason = f"HTTP {exc.code}"
            if exc.code < 500 and exc.code != 429:
                break
        except (URLError, TimeoutError, OSError) as exc:
            reason = str(getattr(exc, "reason", exc)) or type(exc).__name__
        if attempt < retries:
            time.sleep(pause * attempt)
    raise RefreshError(f"cannot download from {_host(url)} ({reason}); are you online?")


def _json(payload: bytes, what: str) -> object:
    """Parse a JSON answer, or fail with a clear message."""
    try:
        return json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        start = payload[:60].decode("utf-8", "replace").replace("\n", " ")
        raise RefreshError(f"{what}: the answer is not JSON (starts with {start!r})") from None


def parse_wb_page(payload: bytes, code: str) -> tuple[list[dict], int]:
    """Rows and page count of one World Bank API v2 answer.

    The answer is ``[{"page":..,"pages":..}, [{"countryiso3code":..,
    "country":{"id":..,"value":..}, "date":"2020", "value":1.5}, ...]]``.
    """
    data = _json(payload, f"World Bank {code}")
    if isinstance(data, list) and data and isinstance(data[0], dict) and "message" in data[0]:
        raise RefreshError(f"World Bank {code}: the API answered with an error: "
                           f"{json.dumps(data[0]['message'])[:200]}")
    if not (isinstance(data, list) and len(data) == 2 and isinstance(data[0], dict)
            and isinstance(data[1], (list, type(None)))):
        raise RefreshError(f"World Bank {code}: unexpected answer layout")
    rows = []
    try:
        pages = int(data[0].get("pages", 1))
        for item in data[1] or []:
            value = item.get("value")
            rows.append({
                "geo": item.get("countryiso3code") or item["country"]["id"],
                "name": item["country"]["value"],
                "year": str(item["date"]),
                "value": "" if value is None else repr(float(value)),
            })
    except (KeyError, TypeError, ValueError) as exc:
        raise RefreshError(f"World Bank {code}: unexpected record ({exc})") from None
    return rows, pages


def _sdg_key(name: str) -> str:
    """API dimension name -> DDF column name ("Type of speed" -> "type_of_speed")."""
    return "_".join(name.lower().split())


def parse_sdg_page(payload: bytes, code: str) -> tuple[list[dict], int]:
    """Rows and page count of one UN SDG API answer (``/v1/sdg/Series/Data``).

    Each record has ``geoAreaCode``, ``geoAreaName``, ``timePeriodStart``,
    ``value``, ``attributes`` (``Nature``, ``Units``) and ``dimensions``
    (``Sex``, ``Age``, ``Activity``, ``Reporting Type``...).
    """
    data = _json(payload, f"UN SDG {code}")
    if not (isinstance(data, dict) and isinstance(data.get("data"), list)):
        raise RefreshError(f"UN SDG {code}: unexpected answer layout")
    rows = []
    try:
        pages = int(data.get("totalPages") or 1)
        for item in data["data"]:
            if item.get("series", code) != code:
                raise RefreshError(f"UN SDG {code}: the answer holds series {item.get('series')}")
            row = {_sdg_key(k): str(v).lower() for k, v in (item.get("dimensions") or {}).items()}
            attrs = item.get("attributes") or {}
            value = item.get("value")
            row.update({
                "geo_area": str(item["geoAreaCode"]),
                "name": str(item.get("geoAreaName", "")),
                "year": str(int(float(item["timePeriodStart"]))),
                "nature": str(attrs.get("Nature", "")).lower(),
                "value": "" if value in (None, "NaN") else str(value),
            })
            rows.append(row)
    except (KeyError, TypeError, ValueError) as exc:
        raise RefreshError(f"UN SDG {code}: unexpected record ({exc})") from None
    return rows, pages


def fetch_pages(fetch: Fetch, url_pattern: str, parse: Callable[[bytes, str], tuple[list[dict], int]],
                code: str, **params: object) -> list[dict]:
    """Fetch every page of one series and return all rows."""
    rows: list[dict] = []
    page, pages = 1, 1
    while page <= pages:
        if page > MAX_PAGES:
            raise RefreshError(f"{code}: more than {MAX_PAGES} pages; giving up")
        url = url_pattern.format(code=code, page=page, **params)
        new, pages = parse(fetch(url, TIMEOUT_SECONDS), code)
        rows += new
        page += 1
    return rows


def wb_frame(rows: list[dict], series: Series, log: SeriesLog) -> pd.DataFrame:
    """World Bank API rows -> the standard frame used by the build."""
    frame = pd.DataFrame(rows, columns=["geo", "name", "year", "value"]).astype(str)
    log.counts["read"] += len(frame)
    frame = frame.assign(sex=series.sex, nature="")
    return _numeric(frame, "value", "year", log)[STANDARD + ["name"]]


def sdg_frame(rows: list[dict], series: Series, log: SeriesLog) -> pd.DataFrame:
    """UN SDG API rows -> the standard frame, keeping global reporting only."""
    frame = pd.DataFrame(rows).astype(str) if rows else pd.DataFrame(
        columns=["geo_area", "name", "year", "nature", "value"])
    names = dict(zip(frame["geo_area"], frame["name"]))
    if "reporting_type" in frame.columns:
        national = frame["reporting_type"] != "g"
        log.counts["national reporting (not kept)"] += int(national.sum())
        frame = frame[~national].drop(columns="reporting_type")
    # Columns the DDF files do not have.
    frame = frame.drop(columns=[c for c in ("name", "units", "observation_status") if c in frame])
    out = standardise_sdg(frame, series, log, value_column="value")
    return out.assign(name=out["geo"].map(names).fillna(""))


def _read_table(folder: Path, name: str) -> pd.DataFrame:
    """Read a curated table as text columns."""
    try:
        return pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
    except (OSError, ValueError) as exc:
        raise RefreshError(f"cannot read the current {name}.csv: {exc}") from None


def current_state(data: Path) -> tuple[dict, dict[str, pd.DataFrame]]:
    """The current descriptor and tables (validated first)."""
    errors = check_folder(data)
    if errors:
        raise RefreshError(f"the current tables in {data} are not valid; run build first "
                           f"({errors[0]})")
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    tables = {name: _read_table(data, name) for name in (OBSERVATIONS, AGGREGATES, COUNTRIES, AREAS)}
    for name in (OBSERVATIONS, AGGREGATES):
        tables[name] = tables[name].astype({"year": "int64", "value": "float64"})
    return descriptor, tables


def crosswalk_from_tables(countries: pd.DataFrame, areas: pd.DataFrame) -> Crosswalk:
    """Rebuild the code maps from the committed country and area tables."""
    un = areas[areas["source"] == "UN M49"]
    wb = areas[areas["source"] == "World Bank"]
    walk = Crosswalk(
        iso3=set(countries["iso3"]),
        m49_to_iso3={int(m): i for m, i in zip(countries["m49"], countries["iso3"])},
        sdg_area_names={int(m): n for m, n in zip(un["m49"], un["name"])},
        wb_aggregates={a.removeprefix("WB-"): n for a, n in zip(wb["area"], wb["name"])},
        gapminder_to_iso3={},
    )
    for a, n, s, m in zip(areas["area"], areas["name"], areas["source"], areas["m49"]):
        walk.areas[a] = (n, s, int(m) if m else None)
    return walk


def fetch_indicator(ind: Indicator, fetch: Fetch, walk: Crosswalk, report: Report,
                    cache: dict[str, list[dict]], last_year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Download and harmonise every series of one indicator."""
    countries, aggregates = [], []
    for series in ind.series:
        log = SeriesLog(ind.id, series.code)
        if series.code not in cache:
            if ind.source == "wdi":
                cache[series.code] = fetch_pages(fetch, WB_URL, parse_wb_page, series.code,
                                                 first=FIRST_YEAR, last=last_year)
            else:
                cache[series.code] = fetch_pages(fetch, SDG_URL, parse_sdg_page, series.code)
        rows = cache[series.code]
        try:
            frame = (wb_frame if ind.source == "wdi" else sdg_frame)(rows, series, log)
        except PipelineError as exc:
            raise RefreshError(str(exc)) from None
        c, a = harmonise(frame, ind.source, ind.id, walk, log)
        countries.append(c)
        aggregates.append(a)
        report.logs.append(log)
    return pd.concat(countries, ignore_index=True), pd.concat(aggregates, ignore_index=True)


def refresh_files(data: Path, fetch: Fetch, today: _dt.date, quiet: bool = False,
                  only: Collection[str] | None = None) -> dict[str, str]:
    """Fetch, harmonise and validate; return the text of every new file.

    ``only`` limits the refresh to these indicator ids (the others are kept).
    """
    descriptor, tables = current_state(data)
    old_provenance = {e["id"]: {"extract_date": e["extract_date"],
                                "retrieved_from": e["retrieved_from"]}
                      for e in descriptor["indicators"]}
    walk = crosswalk_from_tables(tables[COUNTRIES], tables[AREAS])
    report = Report("Pipeline report: refresh from the official APIs")
    targets = [ind for ind in INDICATORS if ind.source in REFRESHED_SOURCES
               and (only is None or ind.id in only)]
    unknown = sorted(set(only or ()) - {ind.id for ind in targets})
    if unknown:
        raise RefreshError(f"cannot refresh {', '.join(unknown)}: not a World Bank or UN SDG "
                           "indicator id")
    kept = sorted({ind.id for ind in INDICATORS} - {ind.id for ind in targets})
    report.notes.append(f"Refreshed on {today.isoformat()} from the World Bank and UN SDG APIs: "
                        f"{len(targets)} indicators. Kept from the last build: {', '.join(kept)}.")
    obs_old, agg_old = tables[OBSERVATIONS], tables[AGGREGATES]
    new_obs = [obs_old[~obs_old["indicator"].isin([i.id for i in targets])]]
    new_agg = [agg_old[~agg_old["indicator"].isin([i.id for i in targets])]]
    provenance = dict(old_provenance)
    cache: dict[str, list[dict]] = {}
    for n, ind in enumerate(targets, start=1):
        if not quiet:
            progress(f"refresh [{n:2}/{len(targets)}] {ind.id} ({REFRESHED_SOURCES[ind.source]})")
        obs, agg = fetch_indicator(ind, fetch, walk, report, cache, today.year)
        before = int((obs_old["indicator"] == ind.id).sum())
        if len(obs) < MIN_ROW_SHARE * before:
            raise RefreshError(f"{ind.id}: the API returned {len(obs)} country rows, fewer than "
                               f"{MIN_ROW_SHARE:.0%} of the {before} rows kept now; not replacing")
        new_obs.append(obs)
        new_agg.append(agg)
        provenance[ind.id] = {"extract_date": today.isoformat(),
                              "retrieved_from": REFRESHED_SOURCES[ind.source]}
    observations = pd.concat(new_obs, ignore_index=True)
    aggregates = pd.concat(new_agg, ignore_index=True)
    for name, frame in (("observations", observations), ("aggregates", aggregates)):
        key = ["iso3" if name == "observations" else "area", "indicator", "sex", "year"]
        if frame.duplicated(key).any():
            raise RefreshError(f"the refreshed {name} have duplicated keys; not replacing")
    used = sorted(set(aggregates["area"]))
    areas = pd.DataFrame([{"area": a, "name": walk.areas[a][0], "source": walk.areas[a][1],
                           "m49": walk.areas[a][2]} for a in used],
                         columns=COLUMNS[AREAS]).astype({"m49": "Int64"})
    countries = tables[COUNTRIES]
    text = report_text(report, observations, aggregates, countries, areas)
    try:
        return assemble(countries, areas, observations, aggregates, provenance, text)
    except PipelineError as exc:
        raise RefreshError(str(exc)) from None


def refresh(data: Path, page: Path | None, fetch: Fetch | None = None,
            today: _dt.date | None = None, quiet: bool = False,
            only: Collection[str] | None = None) -> str:
    """Refresh ``data`` (and the book page) from the APIs; return the report text.

    ``fetch`` defaults to :func:`urllib_fetch` (looked up when called).
    """
    data = Path(data)
    files = refresh_files(data, fetch or urllib_fetch, today or _dt.datetime.now(_dt.timezone.utc).date(), quiet,
                          only)
    return write_tables_and_page(files, data, page)
