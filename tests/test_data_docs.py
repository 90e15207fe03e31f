"""The generated book page appendix/data.md."""

from __future__ import annotations

import json
import re
from pathlib import Path

from smartindustry.data import _docs
from smartindustry.data.__main__ import main

REPO = Path(__file__).resolve().parent.parent
PAGE = REPO / "appendix" / "data.md"
DESCRIPTOR = REPO / "data" / "datapackage.json"


def page_lines() -> list[str]:
    return PAGE.read_text(encoding="utf-8").splitlines()


def outside_code(lines: list[str]) -> list[str]:
    """Lines that are not inside a fenced code block."""
    out, fenced = [], False
    for line in lines:
        if line.startswith("```"):
            fenced = not fenced
            continue
        if not fenced:
            out.append(line)
    return out


def test_committed_page_is_what_the_generator_writes():
    expected = _docs.page_text(DESCRIPTOR.read_text(encoding="utf-8"))
    assert PAGE.read_text(encoding="utf-8") == expected, \
        "appendix/data.md is stale: run  python -m smartindustry.data docs"


def test_docs_command_writes_the_same_page(tmp_path, capsys):
    target = tmp_path / "appendix" / "data.md"
    assert main(["docs", "--page", str(target)]) == 0
    assert target.read_bytes() == PAGE.read_bytes()


def test_one_title_and_no_skipped_heading_levels():
    levels = [len(m.group(1)) for m in (re.match(r"(#+) ", line) for line in outside_code(page_lines()))
              if m]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:]))


def test_every_indicator_is_listed_with_its_coverage():
    text = PAGE.read_text(encoding="utf-8")
    for ind in json.loads(DESCRIPTOR.read_text(encoding="utf-8"))["indicators"]:
        cov = ind["coverage"]
        row = next(line for line in text.splitlines() if line.startswith(f"| `{ind['id']}` |"))
        assert f"| {cov['countries']} | {cov['first_year']}-{cov['last_year']} |" in row
    assert "World Bank, World Development Indicators" in text
    assert "UN SDG Global Database (UNSD)" in text
    assert "Gapminder" in text and "International Federation of Robotics" in text


def test_tables_are_well_formed_and_no_raw_html():
    lines = outside_code(page_lines())
    assert not any(re.search(r"<[a-zA-Z/]", line) for line in lines)
    table: list[str] = []
    for line in lines + [""]:
        if line.startswith("|"):
            table.append(line)
            continue
        if table:
            widths = {len(re.findall(r"(?<!\\)\|", row)) for row in table}
            assert len(widths) == 1, table[0]
            assert set(table[1].replace("|", "").split()) == {"---"}
            table = []


def test_readme_documents_every_indicator():
    readme = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    for ind in json.loads(DESCRIPTOR.read_text(encoding="utf-8"))["indicators"]:
        assert f"| `{ind['id']}` | {ind['alias']}" in readme, ind["id"]


def test_the_readme_says_how_many_ewaste_values_look_implausible():
    """data/README.md: 323 of 391 values (33 of 38 countries) outside 1-50 kg per person; its examples."""
    from smartindustry.data import load_indicator

    text = " ".join((REPO / "data" / "README.md").read_text(encoding="utf-8").split())
    assert "323 of the 391 values (33 of 38 countries)" in text
    d = load_indicator("ewaste_per_capita")
    d = d[d["sex"] == "total"]
    odd = d[(d["value"] < 1) | (d["value"] > 50)]
    assert (len(odd), len(d), odd["iso3"].nunique(), d["iso3"].nunique()) == (323, 391, 33, 38)
    value = d.set_index([d["iso3"].astype(str), "year"])["value"]
    assert round(value[("DEU", 2017)], 3) == 0.008 and round(value[("ZAF", 2019)]) == 2615
