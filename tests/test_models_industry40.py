"""The simulation's behaviour is pinned: same seed, same week; assumptions hold."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from smartindustry.models.industry40 import IDEAL_RATE, MAINTENANCE_POLICIES, OEE, line_week, oee, simulate_line


def test_same_seed_same_week_and_other_seed_other_week():
    a = simulate_line(168, seed=9)
    pd.testing.assert_frame_equal(a, simulate_line(168, seed=9))
    assert not a.equals(simulate_line(168, seed=10))


def test_the_book_week_is_pinned():
    """The numbers quoted in the Industry 4.0 chapter."""
    line = simulate_line(168, maintenance="reactive", seed=9)
    assert line["state"].value_counts().to_dict() == {"running": 138, "breakdown": 30}
    result = oee(line)
    assert result.breakdowns == 5 and result.services == 0
    assert result.availability == pytest.approx(138 / 168)
    assert round(result.oee, 3) == 0.578
    assert result.good_units == 5823


def test_columns_types_and_ranges():
    line = simulate_line(100, automation=0.3, maintenance="predictive", seed=1)
    assert list(line.columns) == [
        "hour", "timestamp", "state", "wear", "vibration_mm_s", "temperature_c",
        "units_made", "units_defective", "downtime_min",
    ]
    assert len(line) == 100 and line["hour"].tolist() == list(range(100))
    assert line["timestamp"].iloc[1] - line["timestamp"].iloc[0] == pd.Timedelta(hours=1)
    assert set(line["state"]) <= {"running", "breakdown", "service"}
    assert (line["units_defective"] <= line["units_made"]).all()
    assert (line["vibration_mm_s"] >= 0).all()
    stopped = line["state"] != "running"
    assert (line.loc[stopped, "units_made"] == 0).all()
    assert (line.loc[stopped, "downtime_min"] == 60).all()
    assert (line.loc[~stopped, "downtime_min"] == 0).all()


def test_breakdowns_last_repair_hours():
    line = simulate_line(400, seed=2, repair_hours=4)
    runs = (line["state"] != line["state"].shift()).cumsum()
    lengths = line[line["state"] == "breakdown"].groupby(runs).size()
    # a run may be cut at the end of the simulation, and two breakdowns never touch
    assert (lengths.iloc[:-1] == 4).all() if len(lengths) > 1 else True
    assert len(lengths) >= 2


def test_automation_raises_speed_and_quality_not_availability():
    low = line_week(automation=0.0, maintenance="reactive", seed=4)
    high = line_week(automation=1.0, maintenance="reactive", seed=4)
    assert high.performance > low.performance + 0.15
    assert high.quality > low.quality
    assert high.availability == low.availability


def test_policies_rank_as_the_chapter_says_on_average():
    means = {
        p: np.mean([line_week(0.5, p, seed=s).oee for s in range(30)]) for p in MAINTENANCE_POLICIES
    }
    assert means["reactive"] < means["preventive"] < means["predictive"]
    assert round(means["predictive"], 3) == 0.759


def test_preventive_services_on_schedule():
    line = simulate_line(100, maintenance="preventive", service_interval=10, seed=3)
    assert (line["state"] == "service").sum() >= 5


def test_oee_on_a_hand_made_log():
    log = pd.DataFrame(
        {
            "state": ["running"] * 7 + ["breakdown"],
            "units_made": [40] * 7 + [0],
            "units_defective": [2] * 7 + [0],
            "downtime_min": [0] * 7 + [60],
        }
    )
    result = oee(log)
    assert result.availability == pytest.approx(7 / 8)
    assert result.performance == pytest.approx(280 / (IDEAL_RATE * 7))
    assert result.quality == pytest.approx(266 / 280)
    assert result.oee == pytest.approx(266 / (IDEAL_RATE * 8))
    assert result.breakdowns == 1
    assert "OEE 55.4%" in result.to_text()
    assert "<caption>" in result.to_html()


def test_oee_of_an_idle_line_is_zero_not_an_error():
    log = pd.DataFrame({"state": ["breakdown"], "units_made": [0], "units_defective": [0], "downtime_min": [60]})
    assert oee(log) == OEE(0.0, 0.0, 0.0, 0, 1, 0)


@pytest.mark.parametrize(
    "kwargs",
    [{"maintenance": "magic"}, {"automation": 1.5}, {"automation": -0.1}, {"hours": 0}],
)
def test_bad_arguments_are_refused_with_a_message(kwargs):
    with pytest.raises(ValueError):
        simulate_line(**kwargs)
