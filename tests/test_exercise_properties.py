"""Property-based tests: no input, however odd, makes a checker raise."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartindustry.exercises import STATUSES, Feedback, Question, compare_frames, parse_number
from smartindustry.questions import all_questions

QUESTIONS = list(all_questions().values())
SIMPLE = [q for q in QUESTIONS if q.kind != "code"]

scalars = st.one_of(
    st.none(),
    st.just(...),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**500), max_value=10**500),
    st.floats(allow_nan=True, allow_infinity=True),
    st.complex_numbers(),
    st.text(max_size=60),
    st.text(alphabet="0123456789,. -+e%\u2212\u00a0", max_size=20),
    st.binary(max_size=20),
    st.decimals(allow_nan=True),
    st.fractions(),
    st.sampled_from([pd.NA, pd.NaT, np.nan, np.float32(1.5), np.int64(3), object(), len, "A", "a, c", "B C"]),
)
answers = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=5), inner, max_size=3),
        st.lists(st.floats(allow_nan=True), max_size=4).map(pd.Series),
        st.lists(st.integers(), max_size=4).map(np.array),
        st.lists(st.floats(allow_nan=True), max_size=4).map(lambda xs: pd.DataFrame({"value": xs})),
    ),
    max_leaves=8,
)


def _valid(fb: Feedback) -> bool:
    return (
        isinstance(fb, Feedback)
        and fb.status in STATUSES
        and isinstance(fb.message, str)
        and fb.message.strip() != ""
        and 0.0 <= fb.score <= 1.0
        and (fb.score == 1.0) == fb.correct
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer=answers, attempt=st.one_of(st.integers(), st.none(), st.text(max_size=3)))
def test_no_answer_makes_any_question_raise(answer, attempt):
    for question in SIMPLE:
        fb = question.check(answer, attempt=attempt)
        assert _valid(fb), (question.id, answer, fb)
        # the generic "could not check" path is for bugs only
        assert fb.status != "error", (question.id, answer, fb)


@settings(max_examples=60, deadline=None)
@given(answer=answers)
def test_code_task_checkers_never_raise(answer):
    for question in QUESTIONS:
        if question.kind == "code":
            fb = question.check(answer)
            assert _valid(fb), (question.id, answer, fb)


@settings(max_examples=500, deadline=None)
@given(text=st.text(max_size=40))
def test_parse_number_returns_a_finite_float_or_a_kind_error(text):
    try:
        value, note = parse_number(text)
    except ValueError as exc:
        assert str(exc)
    else:
        assert math.isfinite(value) and isinstance(note, str)


@settings(max_examples=200, deadline=None)
@given(x=st.floats(allow_nan=False, allow_infinity=False, width=64))
def test_parse_number_reads_back_what_python_prints(x):
    assert parse_number(repr(x))[0] == x
    assert parse_number(x)[0] == x


frames = st.lists(
    st.tuples(st.sampled_from(["a", "b", "c"]), st.floats(allow_nan=True, allow_infinity=True)),
    max_size=6,
).map(lambda rows: pd.DataFrame(rows, columns=["key", "value"]))


@settings(max_examples=200, deadline=None)
@given(got=st.one_of(frames, answers), expected=frames)
def test_compare_frames_never_raises(got, expected):
    fb = compare_frames(got, expected)
    assert _valid(fb)


@settings(max_examples=100, deadline=None)
@given(expected=frames)
def test_compare_frames_accepts_any_frame_compared_with_itself(expected):
    assert compare_frames(expected.sample(frac=1, random_state=0), expected).correct


def test_every_question_is_a_question():
    assert QUESTIONS and all(isinstance(q, Question) for q in QUESTIONS)
