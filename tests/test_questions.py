"""Every question of the course: its own solution passes, its stub does not, its data is sound."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from smartindustry.exercises import CodeTask, MultipleChoice, Numeric, ShortText
from smartindustry.questions import all_questions, bank_modules, get, industry40
from smartindustry.models.industry40 import simulate_line

QUESTIONS = all_questions()


def _namespace() -> dict:
    """What the exercise notebooks have defined when a code task is checked."""
    return {"pd": pd, "np": np, "line": simulate_line(168, maintenance="reactive", seed=9)}


def test_there_are_banks_and_questions():
    assert {"how_to_use", "industry40"} <= set(bank_modules())
    assert len(QUESTIONS) >= 15


def test_get_finds_a_question_and_rejects_unknown_ids():
    assert get("howto-kernel").kind == "short_text"
    with pytest.raises(KeyError):
        get("no-such-question")


@pytest.mark.parametrize("qid", sorted(QUESTIONS))
def test_question_is_complete(qid):
    q = QUESTIONS[qid]
    assert q.prompt.strip() and q.hints and q.solution.strip(), qid
    json.dumps(q.to_spec())  # plain data for a page with no Python
    assert q.id in q.to_html()


@pytest.mark.parametrize("qid", sorted(QUESTIONS))
def test_the_key_passes_and_a_wrong_answer_fails(qid):
    q = QUESTIONS[qid]
    if isinstance(q, MultipleChoice):
        assert q.check(", ".join(sorted(q.key))).correct
        wrong = [l for l in q.letters if l not in q.key]
        assert not q.check(wrong[0]).correct
        # each wrong option explains itself
        assert all(c.feedback for c in q.choices if not c.correct), qid
    elif isinstance(q, Numeric):
        assert q.check(q.answer).correct
        assert q.check(str(q.answer).replace(".", ",")).correct
        assert not q.check(q.answer * 1.5 + 1).correct
        for m in q.mistakes:
            assert q.check(m.value).message == m.message, (qid, m)
            assert not q.check(m.value).correct
    elif isinstance(q, ShortText):
        for a in q.accepted:
            assert q.check(a).correct, (qid, a)
        for w, message in q.wrong.items():
            assert q.check(w).message == message
    else:
        assert isinstance(q, CodeTask)
        ns = _namespace()
        exec(q.solution, ns)
        assert q.check(ns[q.name]).correct, (qid, q.check(ns[q.name]))
        stub_ns = _namespace()
        exec(q.stub, stub_ns)
        fb = q.check(stub_ns[q.name])
        assert not fb.correct and fb.status in {"empty", "incorrect"}, (qid, fb)


def test_daily_summary_checker_rejects_a_table_typed_for_one_week_only():
    task = QUESTIONS["i40-daily-summary"]
    week = industry40.daily_summary_reference(simulate_line(168, seed=9))
    fb = task.check(lambda line: week)
    assert fb.status == "partial" and "1 of 3 test cases" in fb.message


def test_daily_summary_feedback_names_the_missing_column():
    task = QUESTIONS["i40-daily-summary"]

    def no_good_units(line):
        days = line.assign(date=line["timestamp"].dt.date)
        return days.groupby("date", as_index=False)[["units_made", "units_defective"]].sum()

    fb = task.check(no_good_units)
    assert fb.status == "incorrect" and "no column 'good_units'" in fb.message


def test_breakdown_hours_recognises_the_complement():
    task = QUESTIONS["i40-breakdown-hours"]
    assert task.check(30).correct
    assert "NOT broken down" in task.check(138).message
