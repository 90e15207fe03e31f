"""Small pure functions for the chapter "The digital divide".

* :func:`parity_score` is the gender parity score used by ITU: the share of
  women using the Internet divided by the share of men.
* :func:`usage_gap` puts 4G coverage (SDG 9.c.1) and Internet use (SDG
  17.8.1) side by side for one year and takes the difference.
* :func:`connectivity_profile` gathers what the course tables say about one
  country in one year, for the chapter's interactive demo.

All values come from the course tables through :mod:`smartindustry.data`;
nothing is estimated or filled in here. A missing value stays missing.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import pandas as pd

from ..data import countries, load_indicator
from ..i18n import N_, format_decimal, gettext as _

__all__ = ["DEMO_COUNTRIES", "Profile", "connectivity_profile", "parity_score", "usage_gap"]

#: Countries offered in the demo: every region and income group, most with
#: Internet use by sex for some years between 2015 and 2021.
DEMO_COUNTRIES = [
    "Bangladesh", "Brazil", "Egypt", "Ethiopia", "Germany", "India", "Indonesia", "Kenya",
    "Mexico", "Morocco", "Pakistan", "Peru", "Rwanda", "Thailand", "Vietnam", "Zambia",
]

#: The World Bank's group of the few countries it does not classify: data of the country table,
#: marked here so that it is translated where it is shown, like the other income groups
#: (:data:`smartindustry.models.sdg9.INCOME_GROUPS`).
_NOT_CLASSIFIED = N_("Not classified")


def parity_score(female, male):
    """Gender parity score: female share / male share (both in % of their population).

    1 means equal shares; below 1, fewer women than men (in proportion) use the
    Internet; above 1, more women. ITU reads 0.98 to 1.02 as parity.
    Works on numbers and on pandas Series alike; returns NaN when ``male`` is 0
    or a value is missing.
    """
    if isinstance(female, pd.Series) or isinstance(male, pd.Series):
        male = pd.Series(male).where(lambda s: s != 0)
        return female / male
    try:
        f, m = float(female), float(male)
    except (TypeError, ValueError):
        return math.nan
    if m == 0 or math.isnan(f) or math.isnan(m):
        return math.nan
    return f / m


def usage_gap(year: int) -> pd.DataFrame:
    """4G coverage, Internet use and the usage gap of every country with both values in ``year``.

    Columns: ``iso3``, ``country``, ``coverage_4g`` (% of population covered by
    at least a 4G mobile network), ``internet_use`` (% of population using the
    Internet), ``usage_gap`` (coverage minus use, in percentage points; negative
    where more people use the Internet than live under a 4G signal, through 3G,
    fixed lines or satellites). Sorted by ``iso3``.
    """
    cover = load_indicator("mobile_coverage_4g", years=(year, year))
    use = load_indicator("internet_users", sex="total", years=(year, year))
    both = cover[["iso3", "country", "value"]].merge(
        use[["iso3", "value"]], on="iso3", suffixes=("_cover", "_use"))
    out = pd.DataFrame({
        "iso3": both["iso3"].astype(str),
        "country": both["country"].astype(str),
        "coverage_4g": both["value_cover"],
        "internet_use": both["value_use"],
    })
    out["usage_gap"] = out["coverage_4g"] - out["internet_use"]
    return out.sort_values("iso3").reset_index(drop=True)


def _value(indicator: str, iso3: str, year: int, sex: str | None = None) -> float:
    df = load_indicator(indicator, sex=sex, years=(year, year))
    hit = df.loc[df["iso3"] == iso3, "value"]
    return float(hit.iloc[0]) if len(hit) else math.nan


@dataclass(frozen=True)
class Profile:
    """What the course tables say about one country in one year (all in % of population)."""

    country: str
    year: int
    income_group: str
    coverage_4g: float
    use_total: float
    use_female: float
    use_male: float
    electricity: float

    @property
    def parity(self) -> float:
        """Gender parity score (female / male share of Internet users)."""
        return parity_score(self.use_female, self.use_male)

    @property
    def gap(self) -> float:
        """Usage gap: 4G coverage minus Internet use, in percentage points."""
        return self.coverage_4g - self.use_total

    def rows(self) -> list[tuple[str, str]]:
        """(label, formatted value) pairs; missing values say so."""

        no_data = _("no data")

        def pct(x: float) -> str:
            return no_data if math.isnan(x) else f"{format_decimal(f'{x:.1f}')} %"

        parity = no_data if math.isnan(self.parity) else format_decimal(f"{self.parity:.2f}")
        gap = no_data if math.isnan(self.gap) else _("{value} points").format(value=format_decimal(f"{self.gap:+.1f}"))
        return [
            (_("Income group (World Bank, 2022)"), _(self.income_group)),
            (_("Population covered by 4G"), pct(self.coverage_4g)),
            (_("Population using the Internet"), pct(self.use_total)),
            (_("Usage gap (coverage minus use)"), gap),
            (_("Women using the Internet"), pct(self.use_female)),
            (_("Men using the Internet"), pct(self.use_male)),
            (_("Gender parity score (women / men)"), parity),
            (_("Population with electricity"), pct(self.electricity)),
        ]

    def to_text(self) -> str:
        lines = [f"{self.country}, {self.year}"]
        lines += ["  " + _("{label}: {value}").format(label=label, value=value) for label, value in self.rows()]
        return "\n".join(lines)

    def to_html(self) -> str:
        body = "".join(
            f"<tr><th scope='row' style='text-align:left'>{html.escape(label)}</th>"
            f"<td style='text-align:right'>{html.escape(value)}</td></tr>"
            for label, value in self.rows()
        )
        return (f"<table><caption>{html.escape(self.country)}, {self.year}</caption>"
                f"<tbody>{body}</tbody></table>")


def connectivity_profile(country: str, year: int) -> Profile:
    """The :class:`Profile` of ``country`` (its name in :func:`countries`) in ``year``.

    Sources: 9.c.1 4G coverage and 17.8.1 Internet users (UN SDG Global
    Database), 7.1.1 access to electricity (World Bank WDI). Values that the
    tables do not have for that year are NaN and shown as "no data".
    """
    table = countries()
    row = table[table["name"] == country]
    if row.empty:
        raise ValueError(_("unknown country name {name}").format(name=repr(country)))
    iso3 = str(row["iso3"].iloc[0])
    group = row["wb_income_group"].iloc[0]
    year = int(year)
    return Profile(
        country=country,
        year=year,
        income_group=N_("not classified") if pd.isna(group) else str(group),
        coverage_4g=_value("mobile_coverage_4g", iso3, year),
        use_total=_value("internet_users", iso3, year, sex="total"),
        use_female=_value("internet_users", iso3, year, sex="female"),
        use_male=_value("internet_users", iso3, year, sex="male"),
        electricity=_value("electricity_access", iso3, year),
    )
