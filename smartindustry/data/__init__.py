"""Load the course's curated data tables in one line.

>>> from smartindustry.data import load_indicator, countries, aggregates, indicators
>>> df = load_indicator("9.c.1 4G")              # by alias ...
>>> df = load_indicator("mobile_coverage_4g")    # ... or by id
>>> world = aggregates("9.c.1 4G", area="UN-001")

Where the tables are found (first match wins):

1. the folder named by the environment variable ``SMARTINDUSTRY_DATA``;
2. the repository's ``data/`` folder next to this package (editable install
   or running from a clone);
3. a ``data/`` folder in the current working directory or any parent;
4. tables shipped inside the package (``smartindustry/data/tables/``), for a
   wheel or a browser (Pyodide) build.

Everything here is pure Python with pandas: no subprocesses, threads or
network, so it runs in JupyterLite too.  Building and refreshing the tables
is done by ``python -m smartindustry.data`` (see :mod:`._pipeline` and
:mod:`._refresh`).
"""

from __future__ import annotations

import difflib
import json
import os
from functools import lru_cache
from pathlib import Path

import pandas as pd

__all__ = ["aggregate_areas", "aggregates", "citation", "countries", "data_dir",
           "indicator_info", "indicators", "load_indicator", "observations"]

ENV_VAR = "SMARTINDUSTRY_DATA"
DESCRIPTOR = "datapackage.json"
_PACKAGE_TABLES = Path(__file__).resolve().parent / "tables"
_REPO_DATA = Path(__file__).resolve().parent.parent.parent / "data"


def _has_tables(folder: Path) -> bool:
    """True if ``folder`` holds a data package descriptor."""
    return (folder / DESCRIPTOR).is_file()


def data_dir() -> Path:
    """Return the folder holding the curated tables (see the module docstring).

    Raises :class:`FileNotFoundError` with the places that were searched.
    """
    env = os.environ.get(ENV_VAR)
    if env:
        folder = Path(env).expanduser()
        if _has_tables(folder):
            return folder
        raise FileNotFoundError(f"{ENV_VAR}={env} does not contain {DESCRIPTOR}")
    candidates = [_REPO_DATA]
    cwd = Path.cwd().resolve()
    candidates += [p / "data" for p in (cwd, *cwd.parents)]
    candidates.append(_PACKAGE_TABLES)
    for folder in candidates:
        if _has_tables(folder):
            return folder
    raise FileNotFoundError(
        f"cannot find the course data ({DESCRIPTOR}); set {ENV_VAR} to the data folder, "
        "or run from inside the course repository")


@lru_cache(maxsize=4)
def _descriptor(folder: str, stamp: int) -> dict:
    """The parsed descriptor (cached per folder and modification time)."""
    with open(Path(folder) / DESCRIPTOR, encoding="utf-8") as fh:
        return json.load(fh)


def _stamp(path: Path) -> int:
    """Modification time in nanoseconds, so caches notice a rebuilt table."""
    return path.stat().st_mtime_ns


def _package() -> dict:
    folder = data_dir()
    return _descriptor(str(folder), _stamp(folder / DESCRIPTOR))


SEX_DTYPE = pd.CategoricalDtype(["total", "female", "male"])


@lru_cache(maxsize=8)
def _read_values(path: str, stamp: int, key: str) -> pd.DataFrame:
    """Read observations.csv or aggregates.csv with fixed dtypes."""
    return pd.read_csv(
        path,
        dtype={key: "category", "indicator": "category", "sex": SEX_DTYPE,
               "year": "Int64", "value": "float64", "nature": "category"},
        keep_default_na=False, na_values={"value": [""], "year": [""], "nature": [""]},
    )


def _values(table: str, key: str) -> pd.DataFrame:
    path = data_dir() / f"{table}.csv"
    return _read_values(str(path), _stamp(path), key)


def _normalise(name: str) -> str:
    """Lower case, single spaces: how names are compared."""
    return " ".join(str(name).lower().replace("_", " ").split())


def _resolve(name: str) -> dict:
    """Find an indicator by id, alias or source series code; ValueError otherwise."""
    if not isinstance(name, str):
        raise ValueError(f"indicator name must be a string, not {type(name).__name__}")
    entries = _package()["indicators"]
    wanted = _normalise(name)
    for ind in entries:
        if wanted in (_normalise(ind["id"]), _normalise(ind["alias"])):
            return ind
    for ind in entries:
        if wanted in [_normalise(s["code"]) for s in ind["series"]]:
            return ind
    choices = [ind["id"] for ind in entries] + [ind["alias"] for ind in entries]
    close = difflib.get_close_matches(name, choices, n=4, cutoff=0.5)
    if not close:
        by_lower = {c.lower(): c for c in choices}
        close = [by_lower[c] for c in difflib.get_close_matches(name.lower(), list(by_lower), n=4,
                                                                cutoff=0.4)]
    hint = (" Did you mean: " + ", ".join(repr(c) for c in close) + "?") if close else ""
    raise ValueError(f"unknown indicator {name!r}.{hint} "
                     "See smartindustry.data.indicators() for the full list.")


def indicator_info(name: str) -> dict:
    """The descriptor entry of one indicator: unit, SDG, source, licence, coverage..."""
    return dict(_resolve(name))


def citation(name: str) -> str:
    """The citation line to print under a figure, e.g. ``"Source: World Bank, ..."``."""
    ind = _resolve(name)
    return f"Source: {ind['citation']} ({ind['extract_date'][:4]}); licence {ind['licence']['name']}."


def indicators() -> pd.DataFrame:
    """The catalogue: one row per indicator with id, alias, unit, SDG, source and coverage."""
    rows = []
    for ind in _package()["indicators"]:
        cov = ind["coverage"]
        rows.append({
            "id": ind["id"], "alias": ind["alias"], "title": ind["title"], "unit": ind["unit"],
            "sdg_indicator": ind["sdg_indicator"], "by_sex": ind["by_sex"],
            "source": ind["organisation"], "series": ", ".join(s["code"] for s in ind["series"]),
            "licence": ind["licence"]["name"], "extract_date": ind["extract_date"],
            "countries": cov["countries"], "first_year": cov["first_year"],
            "last_year": cov["last_year"], "rows": cov["rows"],
        })
    out = pd.DataFrame(rows)
    return out.astype({"countries": "Int64", "first_year": "Int64", "last_year": "Int64",
                       "rows": "Int64", "by_sex": "bool"})


def countries() -> pd.DataFrame:
    """The country table: iso3, m49, name, UN and World Bank regions, income group, flags."""
    path = data_dir() / "countries.csv"
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df = df.replace({"": pd.NA})
    for flag in ("ldc", "lldc", "sids"):
        df[flag] = df[flag].map({"true": True, "false": False}).astype("bool")
    df["m49"] = df["m49"].astype("Int64")
    for col in ("un_region", "un_subregion", "un_intermediate_region", "wb_region", "wb_income_group"):
        df[col] = df[col].astype("category")
    return df


def _select(df: pd.DataFrame, ind: dict, sex: str | None,
            years: tuple[int, int] | None) -> pd.DataFrame:
    """Rows of one indicator, optionally one sex and a year range (inclusive)."""
    out = df[df["indicator"] == ind["id"]]
    if sex is not None:
        if sex not in SEX_DTYPE.categories:
            raise ValueError(f"sex must be one of {list(SEX_DTYPE.categories)}, not {sex!r}")
        out = out[out["sex"] == sex]
    if years is not None:
        first, last = years
        out = out[(out["year"] >= first) & (out["year"] <= last)]
    return out


def load_indicator(name: str, sex: str | None = None,
                   years: tuple[int, int] | None = None) -> pd.DataFrame:
    """Country values of one indicator, in long format.

    ``name`` is an id (``"mva_share_gdp"``), an alias (``"9.2.1 MVA share of
    GDP"``, any case) or a source series code (``"NV_IND_MANF"``).  ``sex``
    keeps only ``"total"``, ``"female"`` or ``"male"``; ``years=(2010, 2020)``
    keeps a range.  Columns: iso3, country, year (Int64), sex, value (float64,
    in the unit given by :func:`indicator_info`), nature.  Aggregates are not
    included: use :func:`aggregates`.
    """
    ind = _resolve(name)
    out = _select(_values("observations", "iso3"), ind, sex, years)
    names = countries().set_index("iso3")["name"]
    out = out.assign(country=out["iso3"].astype(str).map(names).astype("category"))
    out = out[["iso3", "country", "year", "sex", "value", "nature"]].reset_index(drop=True)
    out["iso3"] = out["iso3"].cat.remove_unused_categories()
    out.attrs.update(indicator=ind["id"], unit=ind["unit"], title=ind["title"],
                     citation=ind["citation"])
    return out


def aggregates(name: str, area: str | list[str] | None = None, sex: str | None = None,
               years: tuple[int, int] | None = None) -> pd.DataFrame:
    """World, regional and group values of one indicator, as published by the source.

    ``area`` is one code or a list of codes from :func:`aggregate_areas`
    (``"UN-001"`` is the UN world total, ``"WB-WLD"`` the World Bank's).
    """
    ind = _resolve(name)
    out = _select(_values("aggregates", "area"), ind, sex, years)
    known = aggregate_areas()
    if area is not None:
        wanted = [area] if isinstance(area, str) else list(area)
        unknown = [a for a in wanted if a not in set(known["area"])]
        if unknown:
            close = difflib.get_close_matches(unknown[0], list(known["area"]), n=4)
            hint = f" Did you mean: {', '.join(close)}?" if close else ""
            raise ValueError(f"unknown aggregate area {unknown[0]!r}.{hint} "
                             "See smartindustry.data.aggregate_areas().")
        out = out[out["area"].isin(wanted)]
    out = out.assign(area_name=out["area"].astype(str).map(known.set_index("area")["name"]))
    out = out[["area", "area_name", "year", "sex", "value", "nature"]].reset_index(drop=True)
    out["area"] = out["area"].cat.remove_unused_categories()
    out.attrs.update(indicator=ind["id"], unit=ind["unit"], title=ind["title"],
                     citation=ind["citation"])
    return out


def aggregate_areas() -> pd.DataFrame:
    """Codes, names and sources of the aggregates (world, regions, groups)."""
    df = pd.read_csv(data_dir() / "aggregate_areas.csv", dtype={"m49": "Int64"},
                     keep_default_na=False, na_values={"m49": [""]})
    df["source"] = df["source"].astype("category")
    return df


def observations() -> pd.DataFrame:
    """The whole country table of values (all indicators), with fixed dtypes."""
    return _values("observations", "iso3").copy()
