"""Generate the book page ``appendix/data.md`` from ``datapackage.json``.

The page is MyST Markdown for Jupyter Book: one ``#`` title, ``##`` sections,
plain pipe tables, no raw HTML and no cross-references, so a Sphinx build
with ``-W -n`` has nothing to warn about.  Run ``python -m smartindustry.data
docs`` after editing the descriptor by hand (``build`` and ``refresh`` run it
for you).
"""

from __future__ import annotations

import json

from ._catalogue import SEX_VALUES


def _cell(text: object) -> str:
    """Text safe inside a Markdown table cell (pipes escaped, no line breaks)."""
    s = "" if text is None else str(text)
    for ch in ("\\", "|", "*", "_", "$", "<", ">", "`"):
        s = s.replace(ch, "\\" + ch)
    return " ".join(s.split())


def _code(text: str) -> str:
    """Inline code (for ids); ids contain only letters, digits and underscores."""
    return f"`{text}`"


def _years(cover: dict) -> str:
    """Year range of an indicator, e.g. ``1990-2024``."""
    if cover.get("first_year") is None:
        return "none"
    return f"{cover['first_year']}-{cover['last_year']}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A pipe table as lines of Markdown."""
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def page_text(descriptor_json: str) -> str:
    """Return the Markdown page for a descriptor given as JSON text."""
    pkg = json.loads(descriptor_json)
    inds = pkg["indicators"]
    lines = [
        "# Data used in this course",
        "",
        "This page is generated from `data/datapackage.json` by "
        "`python -m smartindustry.data docs`. Do not edit it by hand.",
        "",
        "The course reads real, public data: selected indicators for SDG 9 (industry, innovation "
        "and infrastructure), for digital and economic inclusion, and for agriculture, cities, "
        "energy and innovation. Country values and "
        "aggregate values (world, regions, income groups) are kept in separate tables, so a "
        "region is never added to a country total by accident.",
        "",
        "## Loading the data",
        "",
        "```python",
        "from smartindustry.data import load_indicator, countries, aggregates, indicators",
        "",
        "coverage_4g = load_indicator(\"9.c.1 4G\")      # by alias",
        "mva = load_indicator(\"mva_share_gdp\")          # or by id",
        "world_mva = aggregates(\"mva_share_gdp\", area=\"UN-001\")",
        "catalogue = indicators()",
        "```",
        "",
        "## Indicators",
        "",
        "Coverage counts countries and territories with at least one value; the years are the "
        "first and last year with a value for any country.",
        "",
    ]
    rows = []
    for ind in inds:
        cov = ind["coverage"]
        rows.append([_code(ind["id"]), _cell(ind["alias"]), _cell(ind["unit"]),
                     _cell(ind["sdg_indicator"] or "-"), str(cov["countries"]), _years(cov),
                     _cell(ind["organisation"])])
    lines += _table(["Id", "Name", "Unit", "SDG", "Countries", "Years", "Source"], rows)
    lines += ["", "## Definitions and series codes", ""]
    rows = []
    for ind in inds:
        codes = ", ".join(s["code"] for s in ind["series"])
        kept = {part for s in ind["series"] for part in s["sex"].split(", ")}
        sexes = ", ".join(sex for sex in SEX_VALUES if sex in kept)
        rows.append([_code(ind["id"]), _cell(ind["title"]), _cell(codes), sexes,
                     _cell(ind["extract_date"])])
    lines += _table(["Id", "Definition", "Source series", "Sex", "Extract date"], rows)
    lines += ["", "## Sources, licences and citations", "",
              "Cite each source as its licence asks when you reuse a figure or a table.", ""]
    rows = []
    seen = set()
    for ind in inds:
        key = (ind["citation"], ind["licence"]["name"])
        if key in seen:
            continue
        seen.add(key)
        ids = ", ".join(_code(i["id"]) for i in inds
                        if (i["citation"], i["licence"]["name"]) == key)
        rows.append([_cell(ind["citation"]), _cell(ind["licence"]["title"]), ids])
    lines += _table(["Citation", "Licence", "Indicators"], rows)
    lines += ["", "Country codes, UN regions and the LDC, LLDC and SIDS lists come from the ISO 3166 "
              "and UN M49 standards (Datahub country-codes, public domain dedication). World Bank "
              "regions and income groups are the classifications of September 2022.", ""]
    lines += ["## Tables", ""]
    rows = []
    for res in pkg["resources"]:
        fields = ", ".join(_code(f["name"]) for f in res["schema"]["fields"])
        rows.append([_code(res["path"]), _cell(res["description"]), fields])
    lines += _table(["File", "Content", "Columns"], rows)
    lines += ["", "## What the data cannot tell", "",
              "- Many values are estimates or modelled (column `nature`: E = estimated, "
              "M = modelled; the ILO unemployment and employment series are modelled estimates).",
              "- Coverage is uneven: R&D, e-waste and informal employment exist for far fewer "
              "countries than population or GDP, and values by sex for fewer countries than "
              "totals. A missing value is not a zero.",
              "- The World Bank Enterprise Survey series (firms with power outages, firms with "
              "female ownership) have one survey every few years, so each country has one to six "
              "values; slum population is given every second year and irrigated land for at most "
              "70 countries a year. Compare countries only in the years each one has.",
              "- Industrial robots are available for five economies and the world only; there is "
              "no 5G coverage series and no UNIDO competitive industrial performance index.",
              "- Aggregates are computed by each source with its own country lists and methods; "
              "UN, World Bank and Our World in Data world totals can differ.",
              f"- Values are rounded to {_cell(pkg['value_rounding'])}",
              ""]
    return "\n".join(lines)
