"""Build the curated tables from the raw files.

The steps, each a small function:

1. :func:`countries_table` and :class:`Crosswalk`: the country table and the
   code maps (UN M49 -> ISO3, Gapminder geo id -> ISO3, World Bank aggregates).
2. ``read_*``: read one raw series into a standard frame with the columns
   ``geo, year, sex, value, nature`` and count what was left out and why.
3. :func:`harmonise`: turn source codes into ISO3 (countries) or aggregate
   codes (kept in a separate table); rows that cannot be mapped are counted
   and listed, never dropped silently.
4. :func:`assemble`: sort, round, validate and describe the tables.

Nothing here touches the network; see :mod:`._refresh` for the online path.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import pandas as pd

from . import _docs
from ._catalogue import (FIRST_YEAR, INDICATORS, SIGNIFICANT_DIGITS, SOURCES, Indicator,
                         Series)
from ._tables import (AGGREGATES, AREAS, COLUMNS, COUNTRIES, OBSERVATIONS, build_provenance,
                      datapackage, json_text, table_text, write_files)
from ._validate import check_package


class PipelineError(Exception):
    """A problem the user can fix (missing folder, bad file, failed check)."""


#: Countries used by the World Bank (and UN SDG database) but not in ISO 3166.
#: Channel Islands is UN M49 830 (Northern Europe); Kosovo is 412 in the UN
#: SDG database and has no M49 region.
EXTRA_COUNTRIES = (
    {"iso3": "CHI", "m49": 830, "name": "Channel Islands", "un_region": "Europe",
     "un_subregion": "Northern Europe", "un_intermediate_region": ""},
    {"iso3": "XKX", "m49": 412, "name": "Kosovo", "un_region": "",
     "un_subregion": "", "un_intermediate_region": ""},
)

#: Gapminder geo ids without an ISO3 code in Gapminder's own entity file that
#: still match a row of the country table.
GAPMINDER_EXTRA = {"kos": "XKX", "chanisl": "CHI"}

#: UN SDG sex codes and what they become; other codes are reported and left out.
SDG_SEX = {"bothsex": "total", "notspec": "total", "female": "female", "male": "male"}

#: Columns of the SDG files that are attributes of a value, not dimensions.
SDG_ATTRIBUTES = {"nature", "observation_status", "units"}

STANDARD = ["geo", "year", "sex", "value", "nature"]


# --------------------------------------------------------------------------
# Accounting: what happened to the rows of each series
# --------------------------------------------------------------------------

@dataclass
class SeriesLog:
    """Row counts for one raw series, plus the codes that could not be mapped."""

    indicator: str
    code: str
    counts: Counter = field(default_factory=Counter)
    unmapped: dict[str, tuple[str, int]] = field(default_factory=dict)


@dataclass
class Report:
    """What the pipeline did; :func:`report_text` turns it into text."""

    title: str
    logs: list[SeriesLog] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------
# Small readers
# --------------------------------------------------------------------------

def read_csv_text(path: Path) -> pd.DataFrame:
    """Read a raw CSV with every column as text and nothing turned into NaN."""
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise PipelineError(f"raw file not found: {path}") from None
    except (OSError, ValueError, pd.errors.ParserError) as exc:
        raise PipelineError(f"cannot read raw file {path}: {exc}") from None


def _yes(column: pd.Series) -> pd.Series:
    """True where a flag column of country-codes.csv is marked (``x``)."""
    return column.str.strip().str.lower().eq("x")


def countries_table(raw: Path) -> pd.DataFrame:
    """The country table: ISO 3166 / M49 rows plus :data:`EXTRA_COUNTRIES`.

    UN regions and LDC/LLDC/SIDS flags come from ``meta/country-codes.csv``,
    World Bank region and income group (2022) from the WDI R package metadata.
    """
    cc = read_csv_text(raw / "meta" / "country-codes.csv")
    cc = cc[cc["ISO3166-1-Alpha-3"] != ""]
    name = cc["CLDR display name"].where(cc["CLDR display name"] != "", cc["official_name_en"])
    table = pd.DataFrame({
        "iso3": cc["ISO3166-1-Alpha-3"],
        "m49": cc["M49"].astype(int),
        "name": name,
        "un_region": cc["Region Name"],
        "un_subregion": cc["Sub-region Name"],
        "un_intermediate_region": cc["Intermediate Region Name"],
        "ldc": _yes(cc["Least Developed Countries (LDC)"]),
        "lldc": _yes(cc["Land Locked Developing Countries (LLDC)"]),
        "sids": _yes(cc["Small Island Developing States (SIDS)"]),
    })
    extra = pd.DataFrame(list(EXTRA_COUNTRIES)).assign(ldc=False, lldc=False, sids=False)
    table = pd.concat([table, extra[~extra["iso3"].isin(table["iso3"])]], ignore_index=True)
    wb = read_csv_text(raw / "meta" / "wb_country_metadata_from_r-cran-wdi_2.7.8.csv")
    wb = wb[wb["region"] != "Aggregates"].set_index("iso3c")
    table["wb_region"] = table["iso3"].map(wb["region"]).fillna("")
    table["wb_income_group"] = table["iso3"].map(wb["income"]).fillna("")
    return table[COLUMNS[COUNTRIES]].sort_values("iso3").reset_index(drop=True)


@dataclass
class Crosswalk:
    """Code maps from each source's geography codes to the course's codes.

    ``areas`` maps an aggregate code (``UN-001``, ``WB-WLD``, ``OWID-WRL``) to
    ``(name, source, m49)``.
    """

    iso3: set[str]
    m49_to_iso3: dict[int, str]
    sdg_area_names: dict[int, str]
    wb_aggregates: dict[str, str]
    gapminder_to_iso3: dict[str, str]
    areas: dict[str, tuple[str, str, int | None]] = field(default_factory=dict)

    def resolve(self, source: str, geo: str, name: str = "") -> tuple[str, str, str]:
        """Map one source code to ``(kind, code, reason)``.

        ``kind`` is ``"country"`` (code is ISO3), ``"area"`` (code is an
        aggregate code) or ``"unmapped"`` (reason says why).
        """
        if source == "sdg":
            if not geo.isdigit():
                return "unmapped", geo, "not an M49 code"
            m49 = int(geo)
            if m49 in self.m49_to_iso3:
                return "country", self.m49_to_iso3[m49], ""
            area_name = self.sdg_area_names.get(m49, name)
            if not area_name:
                return "unmapped", geo, "M49 code without a name"
            if "[former]" in area_name:
                return "unmapped", geo, f"former country: {area_name}"
            code = f"UN-{m49:03d}"
            self.areas.setdefault(code, (area_name, "UN M49", m49))
            return "area", code, ""
        if source == "wdi":
            if geo in self.iso3:
                return "country", geo, ""
            if geo in self.wb_aggregates:
                code = f"WB-{geo}"
                self.areas.setdefault(code, (self.wb_aggregates[geo], "World Bank", None))
                return "area", code, ""
            return "unmapped", geo, f"not a country or World Bank aggregate: {name}"
        if source == "gapminder":
            iso = self.gapminder_to_iso3.get(geo, "")
            if iso in self.iso3:
                return "country", iso, ""
            return "unmapped", geo, f"Gapminder entity without ISO3 in the country table: {name}"
        if source == "robots":
            if geo in self.iso3:
                return "country", geo, ""
            if geo == "OWID_WRL":
                self.areas.setdefault("OWID-WRL", (name or "World", "Our World in Data", None))
                return "area", "OWID-WRL", ""
            return "unmapped", geo, f"OWID entity: {name}"
        raise ValueError(f"unknown source {source!r}")


def crosswalk_from_raw(raw: Path, countries: pd.DataFrame) -> Crosswalk:
    """Build the :class:`Crosswalk` from the raw metadata files."""
    geo = read_csv_text(raw / "sdg" / "ddf--entities--geo_area.csv")
    wb = read_csv_text(raw / "meta" / "wb_country_metadata_from_r-cran-wdi_2.7.8.csv")
    wb = wb[wb["region"] == "Aggregates"]
    gm = read_csv_text(raw / "gapminder_sg" / "ddf--entities--geo--country.csv")
    gap = {g: i for g, i in zip(gm["country"], gm["iso3166_1_alpha3"]) if i}
    gap.update(GAPMINDER_EXTRA)
    return Crosswalk(
        iso3=set(countries["iso3"]),
        m49_to_iso3=dict(zip(countries["m49"].astype(int), countries["iso3"])),
        sdg_area_names={int(g): n.strip() for g, n in zip(geo["geo_area"], geo["name"]) if g.isdigit()},
        wb_aggregates=dict(zip(wb["iso3c"], wb["country"])),
        gapminder_to_iso3=gap,
    )


# --------------------------------------------------------------------------
# Reading one series into the standard frame
# --------------------------------------------------------------------------

def _numeric(frame: pd.DataFrame, value_column: str, year_column: str, log: SeriesLog) -> pd.DataFrame:
    """Parse year and value, drop (and count) empty values and years before 1990."""
    value = pd.to_numeric(frame[value_column].str.strip(), errors="coerce")
    missing = value.isna()
    log.counts["missing value"] += int(missing.sum())
    frame = frame.assign(value=value.astype("float64"),
                         year=pd.to_numeric(frame[year_column], errors="coerce"))[~missing]
    bad_year = frame["year"].isna()
    log.counts["bad year"] += int(bad_year.sum())
    frame = frame[~bad_year].assign(year=lambda d: d["year"].astype("int64"))
    early = frame["year"] < FIRST_YEAR
    log.counts[f"before {FIRST_YEAR}"] += int(early.sum())
    return frame[~early]


def sdg_file(raw: Path, code: str) -> Path:
    """The DDF file of one UN SDG series (its name lists the dimensions)."""
    matches = sorted((raw / "sdg").glob(f"ddf--datapoints--{code.lower()}--by--*.csv"))
    if len(matches) != 1:
        raise PipelineError(f"expected one raw file for SDG series {code} in {raw / 'sdg'}, "
                            f"found {len(matches)}")
    return matches[0]


def standardise_sdg(frame: pd.DataFrame, series: Series, log: SeriesLog,
                    value_column: str) -> pd.DataFrame:
    """Select the wanted dimension values of an SDG series and map sex codes.

    ``frame`` has lower-case DDF column names (``geo_area``, ``year``,
    ``sex``, ``activity``...) with lower-case codes, as in the raw files; the
    refresh path converts API answers to the same shape.
    """
    log.counts["read"] += len(frame)
    keep = pd.Series(True, index=frame.index)
    for column, wanted in series.select:
        if column not in frame.columns:
            raise PipelineError(f"{series.code}: no column {column!r} to select {wanted!r} from")
        keep &= frame[column].str.lower() == wanted
    log.counts["other dimension values (not selected)"] += int((~keep).sum())
    frame = frame[keep]
    dims = [c for c in frame.columns
            if c not in SDG_ATTRIBUTES | {"geo_area", "year", "sex", value_column}
            and c not in dict(series.select)]
    for column in dims:
        values = set(frame[column].str.lower())
        if values - {"notspec", ""}:
            raise PipelineError(f"{series.code}: dimension {column!r} has values {sorted(values)}; "
                                "choose one in the catalogue (Series.select)")
    if series.sex is None:
        if "sex" not in frame.columns:
            raise PipelineError(f"{series.code}: no sex column")
        sex = frame["sex"].str.lower().map(SDG_SEX)
        other = sex.isna()
        log.counts["other sex codes (not kept)"] += int(other.sum())
        frame = frame.assign(sex=sex)[~other]
    else:
        frame = frame.assign(sex=series.sex)
    nature = frame["nature"].str.upper() if "nature" in frame.columns else ""
    frame = frame.assign(geo=frame["geo_area"].astype(str), nature=nature)
    frame = _numeric(frame, value_column, "year", log)
    return frame[STANDARD]


def read_sdg(raw: Path, series: Series, log: SeriesLog) -> pd.DataFrame:
    """Read one UN SDG series (DDF-CSV from open-numbers) into the standard frame."""
    frame = read_csv_text(sdg_file(raw, series.code))
    return standardise_sdg(frame, series, log, value_column=frame.columns[-1])


def read_wdi(raw: Path, series: Series, log: SeriesLog) -> pd.DataFrame:
    """Read one World Bank WDI series (Country Name, Country Code, Year, Value)."""
    frame = read_csv_text(raw / "wdi" / f"{series.code.lower()}.csv")
    log.counts["read"] += len(frame)
    frame = frame.assign(geo=frame["Country Code"], sex=series.sex, nature="",
                         name=frame["Country Name"])
    return _numeric(frame, "Value", "Year", log)[STANDARD + ["name"]]


def read_gapminder(raw: Path, series: Series, log: SeriesLog) -> pd.DataFrame:
    """Read one Gapminder Systema Globalis concept (geo, time, <concept>)."""
    path = raw / "gapminder_sg" / f"ddf--datapoints--{series.code}--by--geo--time.csv"
    frame = read_csv_text(path)
    log.counts["read"] += len(frame)
    frame = frame.assign(geo=frame["geo"], sex=series.sex, nature="", name=frame["geo"])
    return _numeric(frame, series.code, "time", log)[STANDARD + ["name"]]


def read_robots(raw: Path, series: Series, log: SeriesLog) -> pd.DataFrame:
    """Read the OWID download of IFR robot installations (Entity, Code, Year, value)."""
    frame = read_csv_text(raw / "robots" / "annual-industrial-robots-installed.csv")
    log.counts["read"] += len(frame)
    frame = frame.assign(geo=frame["Code"], sex=series.sex, nature="", name=frame["Entity"])
    return _numeric(frame, series.code, "Year", log)[STANDARD + ["name"]]


READERS = {"sdg": read_sdg, "wdi": read_wdi, "gapminder": read_gapminder, "robots": read_robots}


# --------------------------------------------------------------------------
# Harmonising codes
# --------------------------------------------------------------------------

def harmonise(frame: pd.DataFrame, source: str, indicator_id: str, crosswalk: Crosswalk,
              log: SeriesLog) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split a standard frame into country rows and aggregate rows.

    Returns ``(countries, aggregates)`` with the columns of the observations
    and aggregates tables.  Unmapped codes go into ``log.unmapped``.
    """
    if "name" not in frame.columns:
        frame = frame.assign(name="")
    names = dict(zip(frame["geo"], frame["name"]))
    resolved = {geo: crosswalk.resolve(source, geo, names.get(geo, "")) for geo in frame["geo"].unique()}
    kind = frame["geo"].map(lambda g: resolved[g][0])
    code = frame["geo"].map(lambda g: resolved[g][1])
    base = frame.assign(indicator=indicator_id, code=code)
    countries = base[kind == "country"].rename(columns={"code": "iso3"})[COLUMNS[OBSERVATIONS]]
    aggregates = base[kind == "area"].rename(columns={"code": "area"})[COLUMNS[AGGREGATES]]
    lost = frame[kind == "unmapped"]
    for geo, rows in lost.groupby("geo").size().items():
        log.unmapped[str(geo)] = (resolved[geo][2], int(rows))
    log.counts["kept: countries"] += len(countries)
    log.counts["kept: aggregates"] += len(aggregates)
    log.counts["unmapped code"] += len(lost)
    return countries, aggregates


def check_unique(frame: pd.DataFrame, key: list[str], what: str) -> None:
    """Fail if two rows share a key (two series claiming the same value)."""
    dups = frame[frame.duplicated(key, keep=False)]
    if len(dups):
        first = dups.iloc[0]
        raise PipelineError(f"{what}: {len(dups)} rows share a key, e.g. "
                            + ", ".join(f"{k}={first[k]}" for k in key))


def read_indicator(raw: Path, ind: Indicator, crosswalk: Crosswalk,
                   report: Report) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read, standardise and harmonise every series of one indicator."""
    countries, aggregates = [], []
    for series in ind.series:
        log = SeriesLog(ind.id, series.code)
        frame = READERS[ind.source](raw, series, log)
        c, a = harmonise(frame, ind.source, ind.id, crosswalk, log)
        countries.append(c)
        aggregates.append(a)
        report.logs.append(log)
    obs = pd.concat(countries, ignore_index=True)
    agg = pd.concat(aggregates, ignore_index=True)
    check_unique(obs, ["iso3", "sex", "year"], ind.id)
    check_unique(agg, ["area", "sex", "year"], ind.id)
    return obs, agg


# --------------------------------------------------------------------------
# Assembling and writing
# --------------------------------------------------------------------------

def areas_table(crosswalk: Crosswalk, aggregates: pd.DataFrame) -> pd.DataFrame:
    """The aggregate areas that occur in the aggregates table."""
    used = sorted(set(aggregates["area"]))
    rows = [{"area": a, "name": crosswalk.areas[a][0], "source": crosswalk.areas[a][1],
             "m49": crosswalk.areas[a][2]} for a in used]
    return pd.DataFrame(rows, columns=COLUMNS[AREAS]).astype({"m49": "Int64"})


def assemble(countries: pd.DataFrame, areas: pd.DataFrame, observations: pd.DataFrame,
             aggregates: pd.DataFrame, provenance: dict[str, dict[str, str]],
             report_text_: str) -> dict[str, str]:
    """Return the text of every generated file, after validating it.

    Raises :class:`PipelineError` if the tables do not pass the schema checks.
    """
    texts = {
        OBSERVATIONS: table_text(OBSERVATIONS, observations),
        AGGREGATES: table_text(AGGREGATES, aggregates),
        COUNTRIES: table_text(COUNTRIES, countries),
        AREAS: table_text(AREAS, areas),
    }
    descriptor = datapackage(texts, observations, aggregates, provenance)
    errors = check_package(descriptor, texts)
    if errors:
        raise PipelineError("the new tables fail validation: " + "; ".join(errors[:5]))
    files = {f"{name}.csv": text for name, text in texts.items()}
    files["datapackage.json"] = json_text(descriptor)
    files["pipeline_report.txt"] = report_text_
    return files


def report_text(report: Report, observations: pd.DataFrame, aggregates: pd.DataFrame,
                countries: pd.DataFrame, areas: pd.DataFrame) -> str:
    """The pipeline report: rows kept per indicator, and everything left out."""
    lines = [report.title, "=" * len(report.title), "",
             f"Years kept: {FIRST_YEAR} and later. Values rounded to {SIGNIFICANT_DIGITS} "
             "significant digits (integer digits kept).", ""]
    lines += report.notes + [""] if report.notes else []
    lines += [f"Country table: {len(countries)} countries and territories.",
              f"Aggregate areas: {len(areas)} ("
              + ", ".join(f"{s}: {n}" for s, n in areas["source"].value_counts().sort_index().items())
              + ").", "", "Rows kept per indicator", "-----------------------",
              f"{'indicator':30} {'countries':>9} {'years':>9} {'rows':>7} {'agg. rows':>9}"]
    for ind in INDICATORS:
        o = observations[observations["indicator"] == ind.id]
        a = aggregates[aggregates["indicator"] == ind.id]
        years = f"{o['year'].min()}-{o['year'].max()}" if len(o) else "-"
        lines.append(f"{ind.id:30} {o['iso3'].nunique():>9} {years:>9} {len(o):>7} {len(a):>9}")
    lines += ["", "Rows per raw series", "-------------------"]
    for log in report.logs:
        counts = ", ".join(f"{k}: {v}" for k, v in sorted(log.counts.items()) if v)
        lines.append(f"{log.indicator} <- {log.code}: {counts}")
    lines += ["", "Codes that could not be mapped (rows left out)",
              "-----------------------------------------------"]
    unmapped = [(log.indicator, log.code, geo, why, n) for log in report.logs
                for geo, (why, n) in sorted(log.unmapped.items())]
    if not unmapped:
        lines.append("none")
    for ind_id, code, geo, why, n in unmapped:
        lines.append(f"{ind_id} <- {code}: {geo} ({why}): {n} rows")
    return "\n".join(lines) + "\n"


def check_sources_file(raw: Path) -> list[str]:
    """Compare the snapshot commits and dates in the catalogue with raw/SOURCES.md."""
    path = raw / "SOURCES.md"
    if not path.exists():
        return [f"note: {path.name} not found; snapshot dates not cross-checked"]
    text = path.read_text(encoding="utf-8")
    notes = []
    for src in SOURCES.values():
        if src.commit and src.commit not in text:
            notes.append(f"warning: commit {src.commit} of {src.key} not found in SOURCES.md")
        if src.extract_date not in text:
            notes.append(f"warning: date {src.extract_date} of {src.key} not found in SOURCES.md")
    return notes


def progress(message: str, stream: TextIO | None = None) -> None:
    """Print one progress line to stderr (or ``stream``)."""
    print(message, file=stream or sys.stderr, flush=True)


def build_files(raw: Path, quiet: bool = False) -> dict[str, str]:
    """Read every raw series and return the text of every generated file."""
    raw = Path(raw)
    if not raw.is_dir():
        raise PipelineError(f"raw folder not found: {raw}")
    countries = countries_table(raw)
    crosswalk = crosswalk_from_raw(raw, countries)
    report = Report("Pipeline report: build from raw files")
    report.notes += check_sources_file(raw)
    all_obs, all_agg = [], []
    for i, ind in enumerate(INDICATORS, start=1):
        obs, agg = read_indicator(raw, ind, crosswalk, report)
        all_obs.append(obs)
        all_agg.append(agg)
        if not quiet:
            progress(f"[{i:2}/{len(INDICATORS)}] {ind.id}: {len(obs)} country rows, "
                     f"{len(agg)} aggregate rows")
    observations = pd.concat(all_obs, ignore_index=True)
    aggregates = pd.concat(all_agg, ignore_index=True)
    areas = areas_table(crosswalk, aggregates)
    provenance = {ind.id: build_provenance(ind) for ind in INDICATORS}
    text = report_text(report, observations, aggregates, countries, areas)
    return assemble(countries, areas, observations, aggregates, provenance, text)


def build(raw: Path, out: Path, page: Path | None, quiet: bool = False) -> str:
    """Rebuild ``out`` (the data folder) and the book page from the raw files.

    Returns the pipeline report.  Files are replaced atomically, and only
    after the new tables passed validation.
    """
    files = build_files(raw, quiet=quiet)
    return write_tables_and_page(files, Path(out), page)


def write_tables_and_page(files: dict[str, str], out: Path, page: Path | str | None) -> str:
    """Write the tables into ``out`` and, if ``page`` is given, the book page built from them.

    Everything is written atomically; returns the pipeline report.
    """
    targets = {name: out / name for name in files}
    if page is not None:
        files["page"] = _docs.page_text(files["datapackage.json"])
        targets["page"] = Path(page)
    write_files(files, targets)
    return files["pipeline_report.txt"]


