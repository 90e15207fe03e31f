"""The curated tables: their columns, how values are written, and the descriptor.

Both ways of making the tables (``build`` from raw files, ``refresh`` from the
official APIs) end here, so the files always look the same:

* values are rounded by :func:`round_value` and written by :func:`format_value`;
* rows are sorted by fixed keys and written with ``\\n`` line endings, so the
  same input always gives byte-identical files;
* :func:`datapackage` describes every table with a Frictionless Table Schema
  and every indicator with its unit, SDG indicator, source, licence, extract
  date and coverage;
* :func:`write_files` replaces the files atomically (temporary folder, then
  ``os.replace``), so a reader never sees half-written tables.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from ._catalogue import (FIRST_YEAR, INDICATORS, NATURE_CODES, SEX_VALUES,
                         SIGNIFICANT_DIGITS, SOURCES, Indicator)

OBSERVATIONS = "observations"
AGGREGATES = "aggregates"
COUNTRIES = "countries"
AREAS = "aggregate_areas"

#: Column order of each table.
COLUMNS: dict[str, list[str]] = {
    OBSERVATIONS: ["iso3", "year", "indicator", "sex", "value", "nature"],
    AGGREGATES: ["area", "year", "indicator", "sex", "value", "nature"],
    COUNTRIES: ["iso3", "m49", "name", "un_region", "un_subregion", "un_intermediate_region",
                "wb_region", "wb_income_group", "ldc", "lldc", "sids"],
    AREAS: ["area", "name", "source", "m49"],
}

#: Sort order of each table (also its primary key).
KEYS: dict[str, list[str]] = {
    OBSERVATIONS: ["indicator", "iso3", "sex", "year"],
    AGGREGATES: ["indicator", "area", "sex", "year"],
    COUNTRIES: ["iso3"],
    AREAS: ["area"],
}

#: Files written by the pipeline, in the order they are written.
GENERATED_FILES = (f"{OBSERVATIONS}.csv", f"{AGGREGATES}.csv", f"{COUNTRIES}.csv",
                   f"{AREAS}.csv", "datapackage.json", "pipeline_report.txt")

INCOME_GROUPS = ("Low income", "Lower middle income", "Upper middle income", "High income",
                 "Not classified")
AREA_SOURCES = ("UN M49", "World Bank", "Our World in Data")


def round_value(x: float, digits: int = SIGNIFICANT_DIGITS) -> float:
    """Round ``x`` to ``digits`` significant digits, keeping every integer digit.

    >>> round_value(99.1536560058594)
    99.1537
    >>> round_value(405586592.178771)
    405586592.0
    >>> round_value(0.000123456789)
    0.000123457
    """
    if x == 0 or not math.isfinite(x):
        return x
    magnitude = math.floor(math.log10(abs(x)))
    return round(x, max(0, digits - 1 - magnitude))


def format_value(x: float) -> str:
    """Write a value as text: rounded, whole numbers without ``.0``.

    >>> format_value(405586592.178771), format_value(14.64), format_value(0.0)
    ('405586592', '14.64', '0')
    """
    r = round_value(float(x))
    if r.is_integer() and abs(r) < 1e15:
        return str(int(r))
    return repr(r)


def _cell(value: object) -> str:
    """Text for one CSV cell: booleans as true/false, missing values empty."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def table_text(table: str, df: pd.DataFrame) -> str:
    """Return the CSV text of one table: fixed columns, sorted rows, ``\\n`` line ends."""
    columns = COLUMNS[table]
    df = df[columns].sort_values(KEYS[table], kind="mergesort").reset_index(drop=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    value_column = "value" if "value" in columns else None
    for row in df.itertuples(index=False, name=None):
        cells = []
        for name, value in zip(columns, row):
            cells.append(format_value(value) if name == value_column else _cell(value))
        writer.writerow(cells)
    return buffer.getvalue()


# --------------------------------------------------------------------------
# Table Schemas
# --------------------------------------------------------------------------

def _field(name: str, type_: str, description: str, **constraints: object) -> dict:
    """One Table Schema field; constraints go into its ``constraints`` object."""
    out: dict = {"name": name, "type": type_, "description": description}
    if constraints:
        out["constraints"] = constraints
    return out


def _value_fields(key: str, key_description: str, indicator_ids: list[str]) -> list[dict]:
    """Fields shared by the country and the aggregate value tables."""
    return [
        key_field(key, key_description),
        _field("year", "integer", "Calendar year of the observation.",
               required=True, minimum=FIRST_YEAR, maximum=2100),
        _field("indicator", "string", "Indicator id; see the `indicators` list of this descriptor.",
               required=True, enum=indicator_ids),
        _field("sex", "string", "total (both sexes, or not broken down by sex), female or male.",
               required=True, enum=list(SEX_VALUES)),
        {**_field("value", "number",
                  f"Observed value in the unit of the indicator, rounded to {SIGNIFICANT_DIGITS} "
                  "significant digits (integer digits are never rounded).", required=True),
         "unit": "see indicators[].unit"},
        _field("nature", "string", "UN SDG Global Database 'Nature' code (C, CA, E, G, M, N); "
               "empty for other sources.", enum=list(NATURE_CODES)),
    ]


def key_field(key: str, description: str) -> dict:
    """The geographic key field of a value table (``iso3`` or ``area``)."""
    if key == "iso3":
        return _field("iso3", "string", description, required=True, pattern="[A-Z]{3}")
    return _field(key, "string", description, required=True)


def table_schemas(indicator_ids: list[str]) -> dict[str, dict]:
    """Return the Table Schema of every table, keyed by table name."""
    return {
        OBSERVATIONS: {
            "fields": _value_fields("iso3", "ISO 3166-1 alpha-3 code of the country or territory.",
                                    indicator_ids),
            "primaryKey": KEYS[OBSERVATIONS],
            "foreignKeys": [{"fields": "iso3", "reference": {"resource": COUNTRIES, "fields": "iso3"}}],
            "missingValues": [""],
        },
        AGGREGATES: {
            "fields": _value_fields("area", "Code of the aggregate (world, region, income or "
                                    "country group), see aggregate_areas.", indicator_ids),
            "primaryKey": KEYS[AGGREGATES],
            "foreignKeys": [{"fields": "area", "reference": {"resource": AREAS, "fields": "area"}}],
            "missingValues": [""],
        },
        COUNTRIES: {
            "fields": [
                key_field("iso3", "ISO 3166-1 alpha-3 code (XKX for Kosovo and CHI for the "
                          "Channel Islands follow World Bank usage)."),
                _field("m49", "integer", "UN M49 numeric code.", required=True, unique=True,
                       minimum=1, maximum=999),
                _field("name", "string", "Short English name.", required=True),
                _field("un_region", "string", "UN M49 region."),
                _field("un_subregion", "string", "UN M49 sub-region."),
                _field("un_intermediate_region", "string", "UN M49 intermediate region, where defined."),
                _field("wb_region", "string", "World Bank region (classification of 2022)."),
                _field("wb_income_group", "string", "World Bank income group (classification of 2022).",
                       enum=list(INCOME_GROUPS)),
                _field("ldc", "boolean", "Least Developed Country (UN list in the M49 file).", required=True),
                _field("lldc", "boolean", "Land-locked Developing Country.", required=True),
                _field("sids", "boolean", "Small Island Developing State.", required=True),
            ],
            "primaryKey": KEYS[COUNTRIES],
            "missingValues": [""],
        },
        AREAS: {
            "fields": [
                _field("area", "string", "Aggregate code: UN-<M49 code>, WB-<World Bank code> or OWID-<code>.",
                       required=True, pattern="(UN|WB|OWID)-[A-Z0-9]+"),
                _field("name", "string", "Name of the aggregate as given by its source.", required=True),
                _field("source", "string", "Who defines the aggregate.", required=True,
                       enum=list(AREA_SOURCES)),
                _field("m49", "integer", "UN M49 code of UN aggregates.", minimum=1, maximum=999),
            ],
            "primaryKey": KEYS[AREAS],
            "missingValues": [""],
        },
    }


# --------------------------------------------------------------------------
# The descriptor
# --------------------------------------------------------------------------

def coverage(observations: pd.DataFrame, aggregates: pd.DataFrame, indicator_id: str) -> dict:
    """Coverage of one indicator: countries, first/last year, rows, aggregate areas."""
    rows = observations[observations["indicator"] == indicator_id]
    agg = aggregates[aggregates["indicator"] == indicator_id]
    return {
        "countries": int(rows["iso3"].nunique()),
        "first_year": int(rows["year"].min()) if len(rows) else None,
        "last_year": int(rows["year"].max()) if len(rows) else None,
        "rows": int(len(rows)),
        "aggregate_areas": int(agg["area"].nunique()),
        "aggregate_rows": int(len(agg)),
    }


def indicator_entry(ind: Indicator, cover: dict, provenance: Mapping[str, str]) -> dict:
    """The descriptor entry of one indicator (custom ``indicators`` list)."""
    source = SOURCES[ind.source]
    entry = {
        "id": ind.id,
        "alias": ind.alias,
        "title": ind.title,
        "unit": ind.unit,
        "sdg_indicator": ind.sdg,
        "sdg_target": ind.sdg_target,
        "by_sex": ind.by_sex,
        "minimum": ind.minimum,
        "maximum": ind.maximum,
        "source": source.title,
        "organisation": source.organisation,
        "series": [{"code": s.code, "sex": s.sex or "total, female, male",
                    **({"select": dict(s.select)} if s.select else {})} for s in ind.series],
        "citation": source.citation,
        "licence": {"name": source.licence.name, "title": source.licence.title,
                    "path": source.licence.path},
        "extract_date": provenance["extract_date"],
        "retrieved_from": provenance["retrieved_from"],
        "coverage": cover,
    }
    if ind.description:
        entry["description"] = ind.description
    if ind.notes:
        entry["notes"] = list(ind.notes)
    return entry


def build_provenance(ind: Indicator) -> dict[str, str]:
    """Extract date and origin of an indicator built from the raw snapshot."""
    source = SOURCES[ind.source]
    dates = sorted({s.extract_date or source.extract_date for s in ind.series})
    commit = f" at commit {source.commit}" if source.commit else ""
    return {"extract_date": dates[-1], "retrieved_from": f"{source.mirror}{commit}"}


def _resource(name: str, title: str, text: str, schema: dict, description: str) -> dict:
    """One tabular data resource with its size and SHA-256 hash."""
    data = text.encode("utf-8")
    return {
        "name": name,
        "title": title,
        "description": description,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "schema": schema,
    }


def datapackage(texts: Mapping[str, str], observations: pd.DataFrame, aggregates: pd.DataFrame,
                provenance: Mapping[str, Mapping[str, str]]) -> dict:
    """Return the Frictionless Data Package descriptor of the curated tables.

    ``texts`` maps table name to its CSV text, ``provenance`` maps indicator
    id to ``{"extract_date": ..., "retrieved_from": ...}``.
    """
    ids = [ind.id for ind in INDICATORS]
    schemas = table_schemas(ids)
    used_sources = []
    for ind in INDICATORS:
        if ind.source not in used_sources:
            used_sources.append(ind.source)
    used_sources += ["country_codes", "wb_groups"]
    return {
        "profile": "tabular-data-package",
        "name": "smartindustry-data",
        "title": "Smart and Inclusive Industry: curated indicators",
        "description": ("Selected SDG 9 and related indicators for countries (observations) and, "
                        "separately, for world and regional aggregates (aggregates), in tidy long "
                        "format. Derived by smartindustry.data from public open data; see "
                        "data/README.md."),
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International "
                      "(for most series; each indicator names its own licence)",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "sources": [{"title": f"{SOURCES[k].organisation}: {SOURCES[k].title}",
                     "path": SOURCES[k].web,
                     "citation": SOURCES[k].citation,
                     "licence": SOURCES[k].licence.name}
                    for k in used_sources],
        "resources": [
            _resource(OBSERVATIONS, "Country observations", texts[OBSERVATIONS], schemas[OBSERVATIONS],
                      "One row per country, indicator, sex and year. Countries and territories only."),
            _resource(AGGREGATES, "Aggregate observations", texts[AGGREGATES], schemas[AGGREGATES],
                      "World, regional, income-group and country-group values as published by the "
                      "source. Never add these to country values."),
            _resource(COUNTRIES, "Countries and territories", texts[COUNTRIES], schemas[COUNTRIES],
                      "ISO3, M49, name, UN region, World Bank region and income group, LDC/LLDC/SIDS."),
            _resource(AREAS, "Aggregate areas", texts[AREAS], schemas[AREAS],
                      "Codes and names of the aggregates used in the aggregates table."),
        ],
        "value_rounding": (f"{SIGNIFICANT_DIGITS} significant digits; digits left of the decimal "
                           "point are never rounded away."),
        "nature_codes": dict(NATURE_CODES),
        "indicators": [indicator_entry(ind, coverage(observations, aggregates, ind.id),
                                       provenance[ind.id]) for ind in INDICATORS],
    }


def json_text(obj: object) -> str:
    """Deterministic JSON text (two-space indent, final newline)."""
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------

def write_files(files: Mapping[str, str], targets: Mapping[str, Path]) -> None:
    """Write text files atomically.

    ``files`` maps a key to the text, ``targets`` maps the same key to the
    destination path.  Every file is first written into one temporary folder
    next to the first destination; only when all are written are they moved
    into place with :func:`os.replace`.  If anything fails before that, no
    destination file has been touched.
    """
    paths = [Path(targets[key]) for key in files]
    for p in paths:
        p.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".smartindustry-", dir=paths[0].parent.parent))
    try:
        staged = []
        for i, (key, text) in enumerate(files.items()):
            tmp = staging / f"{i}-{Path(targets[key]).name}"
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
            staged.append((tmp, Path(targets[key])))
        for tmp, dest in staged:
            os.replace(tmp, dest)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def read_texts(folder: Path, names: Iterable[str]) -> dict[str, bytes]:
    """Read files as bytes (for comparisons), keyed by name; missing files are skipped."""
    return {n: (folder / n).read_bytes() for n in names if (folder / n).exists()}
