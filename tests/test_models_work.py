"""The task-exposure model: its data is sound, its numbers (quoted in the work chapter) are pinned."""

from __future__ import annotations

import pytest

from smartindustry.models.work import (
    OCCUPATIONS,
    SCENARIOS,
    TASK_TYPES,
    Task,
    exposure_share,
    exposure_table,
    occupation_tasks,
    task_exposure,
    task_type,
)


def test_every_occupation_adds_up_to_100_percent_with_known_types():
    assert len(OCCUPATIONS) == 6
    for name, occ in OCCUPATIONS.items():
        assert occ.name == name and occ.example
        assert sum(t.share for t in occ.tasks) == 100, name
        assert all(t.kind in TASK_TYPES and t.share > 0 for t in occ.tasks), name


def test_task_type_names():
    assert task_type(True, True) == "routine manual"
    assert task_type(True, False) == "routine cognitive"
    assert task_type(False, True) == "non-routine manual"
    assert task_type(False, False) == "non-routine cognitive"


def test_scenarios_are_fractions_and_grow_one_after_the_other():
    names = list(SCENARIOS)
    assert names == ["none", "machines", "machines and software", "plus AI", "plus AI and robots"]
    for s in SCENARIOS.values():
        assert all(k in TASK_TYPES and 0 <= v <= 1 for k, v in s.items())
    for a, b in zip(names, names[1:]):
        assert all(SCENARIOS[b].get(k, 0) >= SCENARIOS[a].get(k, 0) for k in TASK_TYPES)


def test_exposure_share_is_the_time_weighted_automatable_fraction():
    tasks = [Task("a", 30, True, True), Task("b", 50, False, False), Task("c", 20, True, False)]
    assert exposure_share(tasks, {}) == 0
    assert exposure_share(tasks, {t: 1.0 for t in TASK_TYPES}) == 1
    assert exposure_share(tasks, {"routine manual": 1.0}) == pytest.approx(0.30)
    assert exposure_share(tasks, {"routine manual": 1.0, "non-routine cognitive": 0.5}) == pytest.approx(0.55)
    # shares need not add up to 100
    assert exposure_share([Task("a", 1, True, True), Task("b", 3, False, True)], {"routine manual": 1}) == 0.25


def test_bad_inputs_are_refused():
    tasks = [Task("a", 30, True, True)]
    with pytest.raises(ValueError):
        exposure_share(tasks, {"robotic": 1.0})
    with pytest.raises(ValueError):
        exposure_share(tasks, {"routine manual": 1.5})
    with pytest.raises(ValueError):
        exposure_share([Task("a", 0, True, True)], {})
    with pytest.raises(ValueError):
        task_exposure("astronaut")
    with pytest.raises(ValueError):
        task_exposure("nurse", "magic")
    with pytest.raises(ValueError):
        exposure_table(["magic"])
    with pytest.raises(ValueError):
        occupation_tasks("astronaut")


def test_the_chapter_numbers_are_pinned():
    """The exposures quoted in the work chapter and its exercises (percent of working time)."""
    table = exposure_table()
    expected = {
        "garment machine operator": [0, 50, 70, 70, 85],
        "call-centre agent": [0, 0, 60, 80, 80],
        "electrician": [0, 0, 10, 30, 55],
        "nurse": [0, 15, 30, 50, 65],
        "smallholder farmer": [0, 50, 50, 60, 75],
        "bookkeeper": [0, 0, 80, 90, 90],
    }
    assert list(table.index) == list(expected)
    for occ, values in expected.items():
        assert table.loc[occ].tolist() == pytest.approx(values), occ


def test_exposure_result_renders_and_matches_the_table():
    result = task_exposure("bookkeeper", "machines and software")
    assert result.exposed_share == pytest.approx(0.80)
    text = result.to_text()
    assert text.startswith("bookkeeper, scenario 'machines and software': 80%")
    assert "not job loss" in text
    html = result.to_html()
    assert "<table" in html and "80%" in html and "enter invoices" in html
    frame = result.to_frame()
    assert frame["share_pct"].sum() == 100 and frame["exposed_pct"].sum() == pytest.approx(80)
    assert task_exposure().occupation == "call-centre agent"


def test_occupation_tasks_table():
    df = occupation_tasks("nurse")
    assert list(df.columns) == ["task", "share_pct", "routine", "manual", "type"]
    assert df["share_pct"].sum() == 100
