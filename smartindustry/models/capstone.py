"""One country's profile for the capstone chapter "A smart and inclusive industry plan for one country".

The learner picks a country; these functions gather what the course tables
say about it and compare it with two reference points:

* its **income group** (World Bank classification of 2022): the median of the
  latest values of the group's countries, computed here (each country counts
  once);
* its **region**: the value the source publishes for the region
  (:func:`smartindustry.data.aggregates`: a World Bank region for World Bank
  series, a UN SDG region for UN SDG series) where there is one, else the
  median of the region's countries, computed here. The profile says which.

Functions:

* :func:`find_country` reads a code (``"KEN"``) or a name (``"Kenya"``,
  ``"viet nam"``) and raises a clear ``ValueError`` for an unknown one;
* :func:`latest`, :func:`group_median`, :func:`region_reference` give one
  number each, with its year;
* :func:`country_profile` puts the key indicators side by side
  (:class:`CountryProfile`, with ``to_text()`` / ``to_html()``);
* :func:`gap_to_group`, :func:`ten_year_change`, :func:`people_offline` and
  :func:`per_person` are the plan's numeric steps, which the exercises ask
  learners to recompute;
* :func:`sex_gaps` gives the series by sex (who is left out);
* :func:`shortfalls` orders the indicators by how far the country is behind
  its income group, in the direction that is worse;
* :func:`profile_demo` is the chapter's interactive demo.

Everything is read from the tables; nothing is estimated or filled in. A
value the tables do not have is ``NaN`` and shown as "no data", never as 0.
"""

from __future__ import annotations

import difflib
import html
import math
import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..data import aggregate_areas, aggregates, countries, indicator_info, load_indicator
from ..i18n import N_, format_decimal, gettext as _

__all__ = [
    "INDICATORS",
    "SEX_INDICATORS",
    "SINCE",
    "DEMO_COUNTRIES",
    "Country",
    "find_country",
    "latest",
    "group_median",
    "region_reference",
    "CountryProfile",
    "country_profile",
    "gap_to_group",
    "ten_year_change",
    "people_offline",
    "per_person",
    "sex_gaps",
    "shortfalls",
    "profile_demo",
]

#: The key indicators of the profile: id -> (short label, which way is better).
#: "higher" or "lower" says which direction the plan should aim for. Both are data
#: (in the profile's table); they are translated where they are shown.
INDICATORS: dict[str, tuple[str, str]] = {
    "internet_users": (N_("Internet users (% of population)"), "higher"),
    "mobile_coverage_4g": (N_("4G coverage (% of population)"), "higher"),
    "electricity_access": (N_("Access to electricity (% of population)"), "higher"),
    "mva_share_gdp": (N_("Manufacturing value added (% of GDP)"), "higher"),
    "mva_per_capita": (N_("Manufacturing value added per person (constant 2015 USD)"), "higher"),
    "co2_per_mva": (N_("CO2 per unit of manufacturing value added (kg per constant 2015 USD)"), "lower"),
    "medhigh_tech_share": (N_("Medium and high-tech industry (% of manufacturing value added)"), "higher"),
    "rd_share_gdp": (N_("R&D spending (% of GDP)"), "higher"),
    "researchers_per_million": (N_("Researchers (per million people)"), "higher"),
    "logistics_performance": (N_("Logistics Performance Index (score 1 to 5)"), "higher"),
    "informal_employment": (N_("Informal employment (% of employment)"), "lower"),
    "unemployment_rate": (N_("Unemployment (% of labour force)"), "lower"),
}

#: Series that the tables give for women and men separately: id -> short label.
SEX_INDICATORS: dict[str, str] = {
    "internet_users": N_("Internet users (% of population of the same sex)"),
    "mobile_ownership": N_("Own a mobile phone (% of population of the same sex)"),
    "informal_employment": N_("Informal employment (% of employment of the same sex)"),
    "unemployment_rate": N_("Unemployment (% of labour force of the same sex)"),
}

#: The words of the column ``better``, shown translated.
_BETTER = (N_("higher"), N_("lower"))

#: Only values from this year on count in a group or region median (older ones are too stale to compare).
SINCE = 2013

#: Countries offered in the demo: every region, three income groups, mostly good coverage.
DEMO_COUNTRIES = ["BGD", "BRA", "EGY", "ETH", "GHA", "IND", "IDN", "KEN", "MAR", "NGA", "PAK", "PER",
                  "PHL", "RWA", "SEN", "TZA", "VNM", "ZMB"]

_WB_REGIONS = {
    "East Asia & Pacific": "WB-EAS",
    "Europe & Central Asia": "WB-ECS",
    "Latin America & Caribbean": "WB-LCN",
    "Middle East & North Africa": "WB-MEA",
    "North America": "WB-NAC",
    "South Asia": "WB-SAS",
    "Sub-Saharan Africa": "WB-SSF",
}
# UN subregions (M49) -> the SDG regional group the UN SDG database publishes.
_SDG_REGIONS = {
    "Sub-Saharan Africa": "UN-202",
    "Northern Africa": "UN-747",
    "Western Asia": "UN-747",
    "Central Asia": "UN-062",
    "Southern Asia": "UN-062",
    "Eastern Asia": "UN-753",
    "South-eastern Asia": "UN-753",
    "Latin America and the Caribbean": "UN-419",
    "Australia and New Zealand": "UN-053",
    "Melanesia": "UN-543",
    "Micronesia": "UN-543",
    "Polynesia": "UN-543",
    "Northern America": "UN-513",
    "Northern Europe": "UN-513",
    "Western Europe": "UN-513",
    "Southern Europe": "UN-513",
    "Eastern Europe": "UN-513",
}


# --------------------------------------------------------------------------
# The country
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Country:
    """A country of the course tables, with its groups."""

    iso3: str
    name: str
    income_group: str | None  #: World Bank, 2022; None if not classified
    wb_region: str | None  #: World Bank region
    sdg_region: str | None  #: code of the UN SDG region in ``aggregates`` (e.g. ``"UN-202"``)


def _key(text: str) -> str:
    """Letters only, lower case: how names are compared ("Viet Nam" == "vietnam")."""
    return re.sub(r"[^a-z]", "", str(text).lower())


def find_country(country: str) -> Country:
    """The :class:`Country` for an ISO 3166 alpha-3 code (``"KEN"``) or a name (``"Kenya"``).

    Case, spaces and punctuation do not matter. An unknown code or name
    raises ``ValueError`` with the closest names, never a ``KeyError``.
    """
    if not isinstance(country, str) or not country.strip():
        raise ValueError(_("give a country as text: a three-letter code such as 'KEN' or a name such as 'Kenya'"))
    return _find_country(country)


@lru_cache(maxsize=512)
def _find_country(country: str) -> Country:
    table = _countries()
    text = country.strip()
    hit = table[table["iso3"] == text.upper()]
    if hit.empty:
        keys = table["name"].map(_key)
        hit = table[keys == _key(text)]
    if hit.empty:
        names = list(table["name"].astype(str))
        close = difflib.get_close_matches(text.title(), names, n=3, cutoff=0.6)
        hint = " " + _("Did you mean {names}?").format(names=", ".join(repr(c) for c in close)) if close else ""
        raise ValueError(
            _("unknown country {country}.{hint} Use a three-letter ISO code such as 'KEN' or a name "
              "from smartindustry.data.countries()['name'].").format(country=repr(country), hint=hint))
    row = hit.iloc[0]

    def text_or_none(value) -> str | None:
        return None if pd.isna(value) or str(value) == "Not classified" else str(value)

    sub = text_or_none(row["un_subregion"])
    return Country(
        iso3=str(row["iso3"]),
        name=str(row["name"]),
        income_group=text_or_none(row["wb_income_group"]),
        wb_region=text_or_none(row["wb_region"]),
        sdg_region=_SDG_REGIONS.get(sub) if sub else None,
    )


# --------------------------------------------------------------------------
# One number each
# --------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _values(indicator: str, sex: str | None = "total") -> pd.DataFrame:
    """``load_indicator(indicator, sex=sex)`` without missing values (read once a session; do not modify)."""
    df = load_indicator(indicator, sex=sex).dropna(subset=["value"])
    return df.assign(iso3=df["iso3"].astype(str), year=df["year"].astype(int)).reset_index(drop=True)


@lru_cache(maxsize=1)
def _countries() -> pd.DataFrame:
    return countries()


@lru_cache(maxsize=128)
def _latest_by_country(indicator: str, sex: str = "total", since: int | None = None) -> pd.DataFrame:
    """The latest non-missing value of every country: columns iso3, year, value."""
    df = _values(indicator, sex)
    if since is not None:
        df = df[df["year"] >= since]
    out = df.sort_values(["iso3", "year"]).groupby("iso3", observed=True).tail(1)
    return out[["iso3", "year", "value"]].sort_values("iso3").reset_index(drop=True)


def latest(country: str, indicator: str, sex: str = "total") -> tuple[float, int | None]:
    """The latest value of ``indicator`` for ``country`` and its year: ``(value, year)``.

    ``(nan, None)`` when the tables have no value for this country (missing,
    not zero). The value is in the unit of the indicator
    (:func:`smartindustry.data.indicator_info`).
    """
    c = find_country(country)
    df = _values(indicator, sex)
    mine = df[df["iso3"] == c.iso3].sort_values("year")
    if mine.empty:
        return math.nan, None
    return float(mine["value"].iloc[-1]), int(mine["year"].iloc[-1])


@lru_cache(maxsize=256)
def group_median(indicator: str, income_group: str, since: int = SINCE, sex: str = "total") -> tuple[float, int]:
    """Median of the latest values (from ``since`` on) of the countries of a World Bank income group.

    Returns ``(median, number of countries with a value)``; ``(nan, 0)`` if
    none reports. Unweighted: each country counts once.
    """
    table = _countries()
    members = set(table.loc[table["wb_income_group"] == income_group, "iso3"].astype(str))
    if not members:
        raise ValueError(_("unknown income group {group}").format(group=repr(income_group)))
    values = _latest_by_country(indicator, sex=sex, since=since)
    values = values[values["iso3"].isin(members)]
    if values.empty:
        return math.nan, 0
    return float(values["value"].median()), int(len(values))


@lru_cache(maxsize=32)
def _region_members(code: str) -> set[str]:
    table = _countries()
    if code.startswith("WB-"):
        names = [name for name, c in _WB_REGIONS.items() if c == code]
        return set(table.loc[table["wb_region"].isin(names), "iso3"].astype(str))
    subs = [sub for sub, c in _SDG_REGIONS.items() if c == code]
    return set(table.loc[table["un_subregion"].isin(subs), "iso3"].astype(str))


@lru_cache(maxsize=1)
def _area_names() -> dict[str, str]:
    return dict(zip(aggregate_areas()["area"], aggregate_areas()["name"]))


@lru_cache(maxsize=64)
def _aggregate(indicator: str, area: str) -> pd.DataFrame:
    agg = aggregates(indicator, area=area, sex="total").dropna(subset=["value"])
    return agg.assign(year=agg["year"].astype(int)).sort_values("year").reset_index(drop=True)


@dataclass(frozen=True)
class RegionValue:
    """The region's value for one indicator, and where it comes from."""

    area: str | None  #: aggregate code, e.g. "WB-SSF" or "UN-202"
    name: str  #: the region's name
    value: float
    year: int | None
    kind: str  #: "published" (the source's own aggregate) or "computed median of N countries" (data; translated where shown)


def region_reference(country: str, indicator: str, year: int | None = None, since: int = SINCE) -> RegionValue:
    """The value of ``country``'s region for ``indicator``.

    The region is the World Bank region for World Bank series and the UN SDG
    region for UN SDG series. If the source publishes an aggregate for it
    (:func:`smartindustry.data.aggregates`) from ``since`` on, that value is
    used, in ``year`` if published for that year, else its latest year:
    ``kind="published"``.
    Otherwise the median of the latest values (from ``since`` on) of the
    region's countries is computed: ``kind="computed median of N countries"``.
    """
    c = find_country(country)
    info = indicator_info(indicator)
    world_bank_first = str(info.get("organisation", "")).startswith("World Bank")
    since = int(since)
    wb = _WB_REGIONS.get(c.wb_region or "")
    candidates = [wb, c.sdg_region] if world_bank_first else [c.sdg_region, wb]
    candidates = [a for a in candidates if a]
    for area in candidates:
        agg = _aggregate(indicator, area)
        agg = agg[agg["year"] >= since]
        if agg.empty:
            continue
        same = agg[agg["year"] == year] if year is not None else agg.iloc[0:0]
        row = same.iloc[-1] if len(same) else agg.iloc[-1]
        return RegionValue(area, str(row["area_name"]).strip(), float(row["value"]), int(row["year"]), "published")
    if not candidates:
        return RegionValue(None, N_("no region"), math.nan, None, N_("no region in the tables"))
    area = candidates[0]
    name = str(_area_names().get(area, area)).strip()
    values = _latest_by_country(indicator, since=since)
    values = values[values["iso3"].isin(_region_members(area))]
    if values.empty:
        return RegionValue(area, name, math.nan, None, N_("no country of the region reports"))
    return RegionValue(area, name, float(values["value"].median()), None,
                       N_("computed median of {count} countries").format(count=len(values)))


# --------------------------------------------------------------------------
# The profile
# --------------------------------------------------------------------------


def _fmt(x: float, digits: int = 1) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return _("no data")
    if abs(x) >= 1000:
        return format_decimal(f"{x:,.0f}")
    if abs(x) < 10 and digits == 1:
        return format_decimal(f"{x:.2f}")
    return format_decimal(f"{x:.{digits}f}")


_COMPUTED = re.compile(r"computed median of (\d+) countries")


def _kind(kind: str) -> str:
    """A ``region_kind`` of the table (data, in English) in the language of the course."""
    m = _COMPUTED.fullmatch(kind)
    if m:
        return _("computed median of {count} countries").format(count=m.group(1))
    return _(kind)


@dataclass(frozen=True)
class CountryProfile:
    """The key indicators of one country beside its income group and its region."""

    country: Country
    table: pd.DataFrame  #: one row an indicator (see :func:`country_profile`)
    since: int

    def missing(self) -> list[str]:
        """Indicators with no value for this country."""
        return list(self.table.loc[self.table["value"].isna(), "indicator"])

    def _rows(self) -> list[tuple[str, str, str, str, str]]:
        rows = []
        for r in self.table.itertuples():
            own = _("no data") if math.isnan(r.value) else f"{_fmt(r.value)} ({r.year})"
            grp = (_("no data") if math.isnan(r.group_median)
                   else _("{value} ({count} countries)").format(value=_fmt(r.group_median), count=r.group_n))
            if math.isnan(r.region_value):
                reg = _("no data ({kind})").format(kind=_kind(r.region_kind))
            elif r.region_kind == "published":
                reg = _("{value} ({year}, published)").format(value=_fmt(r.region_value), year=r.region_year)
            else:
                reg = f"{_fmt(r.region_value)} ({_kind(r.region_kind)})"
            rows.append((_(r.label), own, grp, _("{region}: {value}").format(region=_(r.region), value=reg), _(r.better)))
        return rows

    def _head(self) -> str:
        c = self.country
        group = _(c.income_group) if c.income_group else _("not classified")
        return (_("{name} ({iso3}). Income group: {group} (World Bank, 2022).").format(name=c.name, iso3=c.iso3, group=group)
                + " " + _("Group medians use each country's latest value from {since} on.").format(since=self.since))

    def to_text(self) -> str:
        lines = [self._head()]
        for label, own, grp, reg, better in self._rows():
            lines.append("- " + _("{label}: {own}; income group median {median}; {region}; better: {better}").format(
                label=label, own=own, median=grp, region=reg, better=better))
        return "\n".join(lines)

    def to_html(self) -> str:
        head = "".join(f"<th scope='col'>{html.escape(h)}</th>" for h in
                       (_("Indicator"), _("Country (year)"), _("Income-group median"), _("Region"), _("Better")))
        body = "".join(
            "<tr>" + f"<th scope='row' style='text-align:left'>{html.escape(label)}</th>"
            + "".join(f"<td>{html.escape(v)}</td>" for v in (own, grp, reg, better)) + "</tr>"
            for label, own, grp, reg, better in self._rows())
        caption = _("Profile of {country}").format(country=html.escape(self.country.name))
        return (f"<p>{html.escape(self._head())}</p><table><caption>{caption}"
                f"</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def country_profile(country: str, since: int = SINCE, indicators: list[str] | None = None) -> CountryProfile:
    """The key indicators of ``country`` beside its income group and its region.

    ``indicators`` defaults to :data:`INDICATORS`. The table has one row an
    indicator with the columns ``indicator``, ``label``, ``unit``, ``better``
    ("higher" or "lower"), ``value`` and ``year`` (the country's latest;
    NaN / missing year where the tables have nothing), ``group_median`` and
    ``group_n`` (median of the income group's latest values from ``since`` on,
    and how many countries report), ``gap_to_group`` (value minus median, in
    the indicator's unit), ``region`` (its name), ``region_area`` (its code in
    :func:`smartindustry.data.aggregate_areas`), ``region_value``,
    ``region_year`` and ``region_kind`` (see :func:`region_reference`).
    """
    c = find_country(country)
    ids = list(indicators) if indicators is not None else list(INDICATORS)
    rows = []
    for ind in ids:
        info = indicator_info(ind)
        label, better = INDICATORS.get(ind, (info["alias"], "higher"))
        value, year = latest(c.iso3, ind)
        if c.income_group is not None:
            med, n = group_median(ind, c.income_group, since=since)
        else:
            med, n = math.nan, 0
        reg = region_reference(c.iso3, ind, year=year, since=since)
        rows.append({
            "indicator": info["id"], "label": label, "unit": info["unit"], "better": better,
            "value": value, "year": year, "group_median": med, "group_n": n,
            "gap_to_group": value - med,
            "region": reg.name, "region_area": reg.area, "region_value": reg.value, "region_year": reg.year, "region_kind": reg.kind,
        })
    table = pd.DataFrame(rows)
    table["year"] = table["year"].astype("Int64")
    table["region_year"] = table["region_year"].astype("Int64")
    return CountryProfile(c, table, since)


# --------------------------------------------------------------------------
# The plan's numeric steps
# --------------------------------------------------------------------------


def gap_to_group(country: str, indicator: str, since: int = SINCE) -> float:
    """The country's latest value minus the median of its income group, in the indicator's unit.

    Positive: above the median. NaN when either is missing.
    """
    c = find_country(country)
    value, _year = latest(c.iso3, indicator)
    if c.income_group is None:
        return math.nan
    med, _count = group_median(indicator, c.income_group, since=since)
    return value - med


def ten_year_change(country: str, indicator: str, years: int = 10) -> float:
    """Latest value minus the value ``years`` years before it, in the indicator's unit.

    Both years must be in the tables (the latest year with a value, and
    exactly ``years`` earlier); otherwise NaN: a missing year is not guessed.
    """
    c = find_country(country)
    df = _values(indicator, "total")
    mine = df[df["iso3"] == c.iso3].set_index("year")["value"]
    if mine.empty:
        return math.nan
    last = int(mine.index.max())
    if last - years not in mine.index:
        return math.nan
    return float(mine.loc[last] - mine.loc[last - years])


def people_offline(country: str) -> tuple[float, int | None]:
    """People not using the Internet, in millions, in the latest year of Internet use: ``(millions, year)``.

    Population (World Bank) times (100 − Internet users in %) / 100, both of
    the same year. ``(nan, None)`` when either is missing for that year.
    """
    c = find_country(country)
    share, year = latest(c.iso3, "internet_users")
    if year is None:
        return math.nan, None
    pop = _values("population", "total")
    hit = pop.loc[(pop["iso3"] == c.iso3) & (pop["year"] == year), "value"]
    if hit.empty:
        return math.nan, year
    return float(hit.iloc[0]) * (100.0 - share) / 100.0 / 1e6, year


def per_person(country: str, indicator: str, factor: float = 1.0) -> tuple[float, int | None]:
    """A country total divided by its population of the same year: ``(value per person, year)``.

    ``indicator`` is a total (for example ``"co2_manufacturing"``, in million
    tonnes of CO2); ``factor`` converts its unit first (1e9 turns million
    tonnes into kg, so the result is in kg per person). The year is the
    latest year of the total; the population (World Bank) is of that same
    year. ``(nan, None)`` when the total is missing, ``(nan, year)`` when the
    population of that year is.
    """
    c = find_country(country)
    total, year = latest(c.iso3, indicator)
    if year is None:
        return math.nan, None
    pop = _values("population", "total")
    hit = pop.loc[(pop["iso3"] == c.iso3) & (pop["year"] == year), "value"]
    if hit.empty or float(hit.iloc[0]) == 0:
        return math.nan, year
    return total * factor / float(hit.iloc[0]), year


def sex_gaps(country: str) -> pd.DataFrame:
    """Women and men in the series the tables give by sex: who is left out.

    One row an indicator of :data:`SEX_INDICATORS`: ``indicator``, ``label``,
    ``year`` (the latest year with both values), ``female``, ``male`` (in % of
    the same sex), ``gap`` (male minus female, in percentage points) and
    ``ratio`` (female / male). NaN where the tables have no value by sex.
    """
    c = find_country(country)
    rows = []
    for ind, label in SEX_INDICATORS.items():
        df = _values(ind, None)
        mine = df[(df["iso3"] == c.iso3) & df["sex"].isin(["female", "male"])]
        wide = mine.pivot_table(index="year", columns="sex", values="value", observed=True)
        wide = wide.dropna() if {"female", "male"} <= set(wide.columns) else wide.iloc[0:0]
        if wide.empty:
            rows.append({"indicator": ind, "label": label, "year": None, "female": math.nan, "male": math.nan})
            continue
        year = int(wide.index.max())
        rows.append({"indicator": ind, "label": label, "year": year,
                     "female": float(wide.loc[year, "female"]), "male": float(wide.loc[year, "male"])})
    out = pd.DataFrame(rows)
    out["year"] = out["year"].astype("Int64")
    out["gap"] = out["male"] - out["female"]
    out["ratio"] = out["female"] / out["male"].where(out["male"] != 0)
    return out


def shortfalls(profile: CountryProfile) -> pd.DataFrame:
    """The indicators where the country is behind its income-group median, worst first.

    ``shortfall`` is how far behind, as a share of the median (0.25 = 25 %
    worse than the median), counted in the direction that is worse
    ("higher is better": below the median; "lower is better": above it).
    Indicators with no value or no median are left out (they are listed by
    :meth:`CountryProfile.missing`), as are those where the country is ahead.
    """
    t = profile.table.dropna(subset=["value", "group_median"]).copy()
    t = t[t["group_median"] != 0]
    sign = t["better"].map({"higher": 1.0, "lower": -1.0})
    t["shortfall"] = sign * (t["group_median"] - t["value"]) / t["group_median"].abs()
    t = t[t["shortfall"] > 0].sort_values(["shortfall", "indicator"], ascending=[False, True])
    return t[["indicator", "label", "value", "year", "group_median", "better", "shortfall"]].reset_index(drop=True)


def profile_demo(country: str = "KEN") -> CountryProfile:
    """The chapter's demo: the profile of one country (an ISO code or a name)."""
    return country_profile(country)
