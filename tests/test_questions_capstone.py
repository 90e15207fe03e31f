"""The capstone's question bank: quoted figures match the tables, and the own-country checkers recompute for the country named."""

from __future__ import annotations

import math

import pytest

from smartindustry.models.capstone import country_profile, gap_to_group, people_offline, sex_gaps, shortfalls
from smartindustry.questions import capstone as q


def test_figures_quoted_in_prompts_match_the_tables():
    ken = country_profile("KEN").table.set_index("indicator")
    assert ken.loc["internet_users", "value"] == q.KEN_INTERNET_2021
    assert round(ken.loc["internet_users", "group_median"], 2) == q.LMIC_INTERNET_MEDIAN
    assert ken.loc["mva_per_capita", "value"] == q.KEN_MVA_PC_2022
    assert round(ken.loc["mva_per_capita", "group_median"], 2) == q.LMIC_MVA_PC_MEDIAN
    assert ken.loc["mobile_coverage_4g", "value"] == q.KEN_4G_2021
    assert (round(ken.loc["electricity_access", "region_value"], 1), ken.loc["electricity_access", "region_kind"]) == (53.3, "published")
    assert round(ken.loc["researchers_per_million", "region_value"], 1) == 57.8
    assert ken.loc["logistics_performance", "value"] == 2.81 and int(ken.loc["logistics_performance", "year"]) == 2018
    vnm = country_profile("VNM").table.set_index("indicator")
    assert vnm.loc["logistics_performance", "value"] == 3.3 and int(vnm.loc["logistics_performance", "year"]) == 2022
    assert round(vnm.loc["mva_per_capita", "value"]) == 971 and round(vnm.loc["informal_employment", "value"], 1) == 70.4
    bgd = sex_gaps("BGD").set_index("indicator")
    assert int(bgd.loc["mobile_ownership", "year"]) == 2021
    assert (round(bgd.loc["mobile_ownership", "female"], 1), round(bgd.loc["mobile_ownership", "male"], 1)) == (51.4, 72.3)
    assert bgd.loc["internet_users", "female"] == pytest.approx(32.7, abs=0.051)
    assert bgd.loc["internet_users", "male"] == pytest.approx(45.3, abs=0.051)  # 45.25
    bgd_profile = country_profile("BGD")
    assert set(bgd_profile.missing()) == {"rd_share_gdp", "researchers_per_million"}
    b = bgd_profile.table.set_index("indicator")
    assert (b.loc["internet_users", "value"], int(b.loc["internet_users", "year"])) == (38.92, 2021)
    assert (b.loc["informal_employment", "value"], int(b.loc["informal_employment", "year"])) == (94.7, 2017)


def test_own_gap_is_recomputed_for_the_country_named():
    for code in ("KEN", "VNM", "PER", "ETH"):
        right = gap_to_group(code, "internet_users")
        assert q.own_gap.check({"country": code, "gap": right}).correct, code
        assert q.own_gap.check({"country": code.lower(), "gap": round(right, 2)}).correct
    # Kenya's number does not pass for another country
    assert not q.own_gap.check({"country": "VNM", "gap": gap_to_group("KEN", "internet_users")}).correct
    assert "wrong sign" in q.own_gap.check({"country": "KEN", "gap": 29.29}).message
    assert "percent of the median" in q.own_gap.check({"country": "KEN", "gap": (28.76 / 58.05 - 1) * 100}).message


def test_own_country_checkers_handle_bad_input_and_missing_data():
    assert q.own_gap.check({"country": "KEN", "gap": ...}).status == "empty"
    assert q.own_gap.check({"country": "Atlantis", "gap": 1}).status == "incorrect"
    assert "not one the course knows" in q.own_gap.check({"country": "Atlantis", "gap": 1}).message
    assert q.own_gap.check({"country": "KEN", "gap": "a lot"}).status == "unreadable"
    assert q.own_gap.check(12.0).status == "unreadable"
    assert q.own_gap.check({"country": "KEN", "gap": None}).status == "incorrect"
    # a country with no Internet-use value: the right answer is None
    none_country = "XKX"  # Kosovo: no value of 17.8.1 in the tables
    assert math.isnan(gap_to_group(none_country, "internet_users"))
    assert q.own_gap.check({"country": none_country, "gap": None}).correct
    assert "missing is not zero" in q.own_gap.check({"country": none_country, "gap": 0}).message


def test_own_offline():
    millions, _ = people_offline("KEN")
    assert q.own_offline.check({"country": "Kenya", "millions": round(millions, 2)}).correct
    online = millions / (1 - 28.76 / 100) - millions
    assert "USE the Internet" in q.own_offline.check({"country": "KEN", "millions": online}).message
    assert "millions" in q.own_offline.check({"country": "KEN", "millions": millions * 1e6}).message
    assert not q.own_offline.check({"country": "VNM", "millions": millions}).correct


def test_ten_year_function_is_checked_on_other_countries_and_missing_values():
    def typed_in(df, iso3):  # Kenya's Internet change, typed in
        return 19.96

    def zero_for_missing(df, iso3):
        s = df[df["iso3"] == iso3].dropna(subset=["value"]).set_index("year")["value"]
        last = s.index.max()
        return float(s[last] - s[last - 10]) if last - 10 in s.index else 0.0

    assert not q.ten_year_task.check(typed_in).correct
    fb = q.ten_year_task.check(zero_for_missing)
    assert not fb.correct and "Missing is not zero" in fb.message


def test_priorities():
    behind = list(shortfalls(country_profile("KEN"))["indicator"])
    assert q.own_priorities.check({"country": "KEN", "priorities": behind[:3]}).correct
    assert q.own_priorities.check({"country": "KEN", "priorities": [behind[2], behind[0], behind[1]]}).correct
    fb = q.own_priorities.check({"country": "KEN", "priorities": ["internet_users", "mobile_coverage_4g", "electricity_access"]})
    assert not fb.correct and "ahead" in fb.message
    assert not q.own_priorities.check({"country": "KEN", "priorities": ["internet_users"] * 3}).correct
    assert not q.own_priorities.check({"country": "KEN", "priorities": ["internet", "x", "y"]}).correct
    assert q.own_priorities.check({"country": "KEN", "priorities": [..., ..., ...]}).status == "empty"
    # Viet Nam is behind on one indicator only: it must be in the list, with two others that have data
    assert q.own_priorities.check({"country": "VNM", "priorities": ["co2_per_mva", "internet_users", "rd_share_gdp"]}).correct
    assert not q.own_priorities.check({"country": "VNM", "priorities": ["internet_users", "rd_share_gdp", "mva_share_gdp"]}).correct
    # Bangladesh has no R&D value: it cannot be a measured priority
    fb = q.own_priorities.check({"country": "BGD", "priorities": ["medhigh_tech_share", "internet_users", "rd_share_gdp"]})
    assert not fb.correct and "no value" in fb.message


def test_the_rubric_is_for_teachers_only():
    from pathlib import Path

    import nbformat

    from smartindustry.classroom.assignment import load_assignment
    from smartindustry.classroom.editions import instructor_edition, nbgrader_edition, student_edition

    root = Path(__file__).resolve().parents[1]
    notes = (root / "instructor" / "18_capstone.md").read_text(encoding="utf-8")
    rubric = notes.split("### Rubric for the plan", 1)[1]
    assert "| **5. Risks and follow-up** |" in rubric and "20 points" in notes
    nb = nbformat.read(root / "exercises" / "18_capstone_exercises.ipynb", as_version=4)
    tagged = [c for c in nb.cells if "instructor" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and "remove-cell" in tagged[0].metadata["tags"]  # hidden in the book too
    assert tagged[0].source.split("### Rubric for the plan", 1)[1].strip() == rubric.strip()  # one rubric, in step
    a = load_assignment(root / "exercises" / "18_capstone_exercises.ipynb", root)
    assert len(a.exercises) == 9 and a.max_points == 9
    text = lambda book: "\n".join(c.source for c in book.cells)  # noqa: E731
    assert text(instructor_edition(a, root)).count("| **1. Evidence** |") == 2  # the notebook's cell and the notes
    assert "Rubric for the plan" not in text(student_edition(a))
    assert "Rubric for the plan" not in text(nbgrader_edition(a))


def test_own_per_person():
    from smartindustry.models.capstone import per_person

    kg, _ = per_person("KEN", "co2_manufacturing", factor=1e9)
    assert q.own_per_person.check({"country": "KEN", "kg": round(kg, 2)}).correct
    assert "tonnes per person" in q.own_per_person.check({"country": "KEN", "kg": kg / 1000}).message
    assert "population of 2025" in q.own_per_person.check({"country": "KEN", "kg": 2.46e9 / 57532493}).message
    assert not q.own_per_person.check({"country": "VNM", "kg": kg}).correct
