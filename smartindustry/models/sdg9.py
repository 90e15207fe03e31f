"""Small helpers to read SDG 9 indicators honestly, for the chapter "SDG 9 and the 2030 Agenda".

They work on the course tables (:mod:`smartindustry.data`) and are plain
functions of their arguments:

* :func:`latest_values` keeps the most recent value of each country;
* :func:`with_income_group` adds the World Bank income group of each country;
* :func:`income_group_summary` describes one indicator in one income group:
  how many countries report, from which years, the median and the spread.
  Its result has ``to_text()`` and ``to_html()``, so it can drive a
  :class:`smartindustry.widgets.Demo`.

Income groups are the World Bank classification of 2022 (see ``countries()``).
A median of countries is a simple, unweighted statistic: each country counts
once, whatever its population or economy. It is not the same thing as the
weighted aggregates published by the UN or the World Bank.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from ..data import countries, indicator_info, load_indicator
from ..i18n import N_, format_decimal, gettext as _

__all__ = [
    "INCOME_GROUPS",
    "DEMO_INDICATORS",
    "latest_values",
    "with_income_group",
    "GroupSummary",
    "income_group_summary",
    "summary_figure",
]

#: World Bank income groups, from poorest to richest.
#: The names are data (values of the country table); they are translated where they are shown.
INCOME_GROUPS = (N_("Low income"), N_("Lower middle income"), N_("Upper middle income"), N_("High income"))

#: The indicators offered in the chapter's demo: label -> indicator id.
DEMO_INDICATORS = {
    N_("9.2.1 MVA share of GDP (%)"): "mva_share_gdp",
    N_("9.2.1 MVA per capita (constant 2015 USD)"): "mva_per_capita",
    N_("9.5.1 R&D spending (% of GDP)"): "rd_share_gdp",
    N_("9.b.1 Medium and high-tech share (% of MVA)"): "medhigh_tech_share",
    N_("9.c.1 4G coverage (% of population)"): "mobile_coverage_4g",
    N_("9.c.1 3G coverage (% of population)"): "mobile_coverage_3g",
}


def latest_values(df: pd.DataFrame) -> pd.DataFrame:
    """The most recent value of each country in a table from ``load_indicator``.

    Returns one row per country with the columns of ``df`` (at least ``iso3``,
    ``year`` and ``value``), sorted by ``iso3``. Missing values are dropped
    first, so the latest year is the latest year with a number. Keep one sex
    (``load_indicator(..., sex="total")``) before calling it.
    """
    known = df.dropna(subset=["value"])
    out = known.sort_values(["iso3", "year"]).groupby("iso3", observed=True).tail(1)
    return out.sort_values("iso3").reset_index(drop=True)


def with_income_group(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with a column ``income_group`` (World Bank, 2022) joined on ``iso3``.

    Countries and territories with no income group get a missing value.
    """
    groups = countries()[["iso3", "wb_income_group"]].rename(columns={"wb_income_group": "income_group"})
    groups["iso3"] = groups["iso3"].astype(str)
    out = df.assign(iso3=df["iso3"].astype(str)).merge(groups, on="iso3", how="left")
    return out


@dataclass(frozen=True)
class GroupSummary:
    """One indicator in one income group: coverage and distribution of the latest values."""

    indicator: str
    title: str
    unit: str
    income_group: str
    since: int
    n_group: int  #: countries in the income group (from the country table)
    n_reporting: int  #: of these, countries with a value in ``since`` or later
    first_latest_year: int | None  #: the oldest of the countries' latest years
    last_latest_year: int | None  #: the newest of the countries' latest years
    n_estimated: int  #: latest values marked as estimates (nature "E")
    median: float | None
    q1: float | None
    q3: float | None
    low: tuple[str, float] | None  #: (country, value) with the lowest latest value
    high: tuple[str, float] | None  #: (country, value) with the highest latest value
    values: tuple[float, ...] = ()  #: the latest values, sorted

    @property
    def coverage(self) -> float:
        """Share of the group's countries that report, from 0 to 1."""
        return self.n_reporting / self.n_group if self.n_group else 0.0

    def _lines(self) -> list[str]:
        lines = [
            _("{title} ({unit}): {group} countries, latest value from {since} on.").format(
                title=self.title, unit=self.unit, group=_(self.income_group), since=self.since),
            _("Countries reporting: {reporting} of {total} ({coverage}).").format(
                reporting=self.n_reporting, total=self.n_group, coverage=format_decimal(f"{self.coverage:.0%}")),
        ]
        if not self.n_reporting:
            lines.append(_("No country of this group has a value in these years: there is nothing to summarise."))
            return lines
        years = (f"{self.first_latest_year}" if self.first_latest_year == self.last_latest_year
                 else _("{first} to {last}").format(first=self.first_latest_year, last=self.last_latest_year))
        lines += [
            _("Latest years used: {years}.").format(years=years),
            _("Median {median}; middle half of countries between {q1} and {q3}.").format(
                median=_num(self.median), q1=_num(self.q1), q3=_num(self.q3)),
            _("Lowest: {low} ({low_value}); highest: {high} ({high_value}).").format(
                low=self.low[0], low_value=_num(self.low[1]), high=self.high[0], high_value=_num(self.high[1])),
            _("Latest values that are estimates (nature E): {estimated} of {reporting}.").format(
                estimated=self.n_estimated, reporting=self.n_reporting),
        ]
        if self.n_reporting < 10:
            lines.append(_("Fewer than 10 countries report: read the median with great care."))
        return lines

    def to_text(self) -> str:
        """The summary as plain text, one fact a line."""
        return "\n".join(self._lines())

    def to_html(self) -> str:
        """The summary as an HTML list (no colours needed to read it)."""
        first, *rest = self._lines()
        items = "".join(f"<li>{html.escape(line)}</li>" for line in rest)
        return f"<p>{html.escape(first)}</p><ul>{items}</ul>"


def _num(x: float | None) -> str:
    """A number rounded for reading: 3 significant digits, thousands separated."""
    if x is None:
        return _("n/a")
    if abs(x) >= 100:
        return format_decimal(f"{x:,.0f}")
    return format_decimal(f"{x:.3g}" if abs(x) < 1 else f"{x:.1f}")


def income_group_summary(indicator: str = "rd_share_gdp", income_group: str = "Low income",
                         since: int = 2000) -> GroupSummary:
    """Summarise the latest value (from ``since`` on) of each country in an income group.

    ``indicator`` is an id or alias of :func:`smartindustry.data.load_indicator`;
    ``income_group`` one of :data:`INCOME_GROUPS`; ``since`` the oldest year
    (inclusive) a value may come from to count. Values by sex: the total only.
    The median and quartiles are unweighted statistics of countries.
    """
    if income_group not in INCOME_GROUPS:
        raise ValueError(_("income_group must be one of {groups}, not {value}").format(
            groups=INCOME_GROUPS, value=repr(income_group)))
    info = indicator_info(indicator)
    df = load_indicator(indicator, sex="total")
    df = df[df["year"] >= since]
    latest = with_income_group(latest_values(df))
    table = countries()
    n_group = int((table["wb_income_group"] == income_group).sum())
    mine = latest[latest["income_group"] == income_group].sort_values(["value", "iso3"])
    n = len(mine)
    values = tuple(round(float(v), 6) for v in mine["value"])
    if n == 0:
        return GroupSummary(info["id"], info["alias"], info["unit"], income_group, since, n_group, 0,
                            None, None, 0, None, None, None, None, None, ())
    q = mine["value"].quantile([0.25, 0.5, 0.75])
    return GroupSummary(
        indicator=info["id"],
        title=info["alias"],
        unit=info["unit"],
        income_group=income_group,
        since=since,
        n_group=n_group,
        n_reporting=n,
        first_latest_year=int(mine["year"].min()),
        last_latest_year=int(mine["year"].max()),
        n_estimated=int((mine["nature"].astype(str) == "E").sum()),
        median=float(q[0.5]),
        q1=float(q[0.25]),
        q3=float(q[0.75]),
        low=(str(mine["country"].iloc[0]), float(mine["value"].iloc[0])),
        high=(str(mine["country"].iloc[-1]), float(mine["value"].iloc[-1])),
        values=values,
    )


def summary_figure(result: GroupSummary):
    """A strip of the countries' latest values with the median marked: (figure, alt text)."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.5, 1.9))
    if result.values:
        ys = [(i % 5) * 0.1 for i in range(len(result.values))]  # a little vertical spread, no randomness
        ax.scatter(result.values, ys, s=22, alpha=0.75, color="#0072B2", label=_("one country"))
        ax.axvline(result.median, color="#D55E00", linestyle="--",
                   label=_("median {value}").format(value=_num(result.median)))
        ax.legend(loc="upper right", fontsize=8, ncols=2)
    ax.set(yticks=[], ylim=(-0.15, 0.75), xlabel=result.unit,
           title=_("{group}: {reporting} of {total} countries report").format(
               group=_(result.income_group), reporting=result.n_reporting, total=result.n_group))
    ax.grid(axis="y", visible=False)
    fig.tight_layout()
    group = _(result.income_group)
    if result.values:
        alt = _("Dot plot of the latest {title} of {reporting} {group} countries, median {median} {unit}.").format(
            title=result.title, reporting=result.n_reporting, group=group, median=_num(result.median), unit=result.unit)
    else:
        alt = _("Dot plot of the latest {title} of {reporting} {group} countries: no values.").format(
            title=result.title, reporting=result.n_reporting, group=group)
    return fig, alt
