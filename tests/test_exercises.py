"""Unit tests of the checking functions: right answers pass, wrong answers get the right message."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from smartindustry.exercises import (
    Choice,
    CodeTask,
    Feedback,
    Mistake,
    MultipleChoice,
    Numeric,
    ShortText,
    check,
    check_function,
    compare_frames,
    compare_value,
    parse_number,
)

SINGLE = MultipleChoice(
    id="t-single",
    prompt="Which?",
    choices=[Choice("Steam", feedback="too early"), Choice("Chips", True, "yes, chips"), Choice("Data")],
    hints=["first hint", "second hint"],
    explanation="because",
)
MULTI = MultipleChoice(
    id="t-multi",
    prompt="Which ones?",
    multiple=True,
    choices=[Choice("a", True), Choice("b", True), Choice("c", feedback="c is wrong"), Choice("d", True)],
)
NUM = Numeric(
    id="t-num",
    prompt="How much?",
    answer=67.9,
    tolerance=0.5,
    unit="%",
    bounds=(0, 100),
    mistakes=[Mistake(0.679, "fraction, not percent", 0.01)],
    hints=["h"],
)
TEXT = ShortText(id="t-text", prompt="Name it", accepted=["Internet of Things", "IoT"], wrong={"internet": "too broad"})


# -- multiple choice --------------------------------------------------------------


@pytest.mark.parametrize("answer", ["B", "b", " b ", "B.", ["B"], ("b",), "Chips", "chips"])
def test_single_choice_accepts_the_key_in_many_forms(answer):
    fb = SINGLE.check(answer)
    assert fb.status == "correct"
    assert fb.score == 1.0
    assert fb.message == "yes, chips"
    assert fb.explanation == "because"


def test_single_choice_wrong_option_gives_its_feedback_and_the_hint_for_the_attempt():
    fb = SINGLE.check("A", attempt=1)
    assert (fb.status, fb.message, fb.hint, fb.score) == ("incorrect", "too early", "first hint", 0.0)
    assert SINGLE.check("A", attempt=2).hint == "second hint"
    assert SINGLE.check("A", attempt=9).hint == "second hint"  # the last hint repeats


def test_single_choice_rejects_two_letters_and_unknown_letters_kindly():
    assert SINGLE.check("A, B").status == "unreadable"
    fb = SINGLE.check("E")
    assert fb.status == "unreadable" and "(A, B, C)" in fb.message
    fb = SINGLE.check(2)
    assert fb.status == "unreadable" and "letter" in fb.message


def test_multiple_choice_scores_partially_and_names_wrong_options():
    assert MULTI.check("A, B, D").status == "correct"
    assert MULTI.check("abd").status == "unreadable"  # lower-case run of letters is not an answer
    assert MULTI.check("ABD").status == "correct"
    fb = MULTI.check(["A", "B"])
    assert fb.status == "partial" and fb.score == pytest.approx(2 / 3)
    assert "1 more applies" in fb.message
    fb = MULTI.check("A, C")
    assert fb.status == "incorrect" and fb.score == 0.0
    assert "C does not apply: c is wrong" in fb.message


def test_multiple_choice_definition_errors_are_caught_at_definition():
    with pytest.raises(ValueError):
        MultipleChoice(id="x", prompt="?", choices=[Choice("a", True), Choice("b", True)])
    with pytest.raises(ValueError):
        MultipleChoice(id="x", prompt="?", choices=[Choice("a")])


# -- numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,value",
    [
        ("1.5", 1.5),
        ("1,5", 1.5),
        ("  -2 ", -2.0),
        ("\u22122.5", -2.5),
        ("12 000", 12000.0),
        ("1,234,567", 1234567.0),
        ("1,234.5", 1234.5),
        ("1.234,5", 1234.5),
        ("3.2e3", 3200.0),
        ("45 %", 45.0),
        ("45%", 45.0),
        (".5", 0.5),
    ],
)
def test_parse_number_reads_how_people_write(text, value):
    assert parse_number(text)[0] == pytest.approx(value)


def test_parse_number_notes_an_ambiguous_comma():
    value, note = parse_number("1,500")
    assert value == 1.5 and "decimal comma" in note


@pytest.mark.parametrize(
    "bad,fragment",
    [
        ("abc", "not a number we can read"),
        (float("nan"), "NaN"),
        (float("inf"), "infinite"),
        (True, "True/False"),
        (pd.Series([1.0, 2.0]), "2 values"),
        ({"a": 1}, "type dict"),
        (10**400, "too large"),
    ],
)
def test_parse_number_explains_what_is_wrong(bad, fragment):
    with pytest.raises(ValueError, match=fragment):
        parse_number(bad)


def test_parse_number_takes_one_element_containers_and_numpy():
    assert parse_number(pd.Series([2.5]))[0] == 2.5
    assert parse_number(np.float32(2.5))[0] == 2.5
    assert parse_number(np.int64(7))[0] == 7.0
    assert parse_number(pd.DataFrame({"a": [4]}))[0] == 4.0


def test_numeric_tolerance_bounds_and_mistakes():
    assert NUM.check(67.9).correct
    assert NUM.check("68,3 %").correct
    assert not NUM.check(68.5).correct
    assert "too high" in NUM.check(70).message
    assert "too low" in NUM.check(60).message
    assert NUM.check(0.679).message == "fraction, not percent"
    fb = NUM.check(250)
    assert fb.status == "incorrect" and "outside the range" in fb.message
    assert NUM.check("sixty").status == "unreadable"
    assert NUM.check("sixty").hint == "h"


def test_numeric_needs_a_finite_answer():
    with pytest.raises(ValueError):
        Numeric(id="x", prompt="?", answer=math.inf)


# -- text --------------------------------------------------------------------------------


@pytest.mark.parametrize("answer", ["IoT", "iot", "the Internet of Things", "internet-of-things", "  Internet   of things. "])
def test_short_text_accepts_variants(answer):
    assert TEXT.check(answer).correct


def test_short_text_typo_common_wrong_and_bad_types():
    fb = TEXT.check("Internet of Thing")
    assert fb.correct and "usual spelling" in fb.message
    assert TEXT.check("internet").message == "too broad"
    assert TEXT.check("blockchain").status == "incorrect"
    assert TEXT.check(42).status == "unreadable"
    assert TEXT.check("x" * 500).status == "unreadable"


# -- empty answers -----------------------------------------------------------------------


@pytest.mark.parametrize("q", [SINGLE, MULTI, NUM, TEXT])
@pytest.mark.parametrize("empty", [None, ..., "", "   ", "...", [], ()])
def test_empty_answers_say_no_answer_yet(q, empty):
    fb = q.check(empty)
    assert fb.status == "empty" and "..." in fb.message


# -- code tasks and comparisons ----------------------------------------------------------


EXPECTED = pd.DataFrame({"region": ["Africa", "Asia"], "users": [0.4, 2.9]})


def test_compare_frames_accepts_reordered_rows_and_columns_and_index_keys():
    got = EXPECTED[["users", "region"]].iloc[::-1]
    assert compare_frames(got, EXPECTED).correct
    assert compare_frames(EXPECTED.set_index("region"), EXPECTED).correct  # key kept in the index
    assert compare_frames(EXPECTED.set_index("region")["users"], EXPECTED).correct


def test_compare_frames_says_what_differs():
    assert "no column 'users'" in compare_frames(EXPECTED.rename(columns={"users": "n"}), EXPECTED).message
    assert "1 rows; 2 were expected" in compare_frames(EXPECTED.head(1), EXPECTED).message
    wrong = EXPECTED.assign(users=[0.4, 3.0])
    fb = compare_frames(wrong, EXPECTED)
    assert fb.status == "incorrect" and "Column 'users' differs in 1 row" in fb.message
    assert compare_frames([1, 2], EXPECTED).status == "unreadable"
    text = EXPECTED.assign(users=["a", "b"])
    assert "should hold numbers" in compare_frames(text, EXPECTED).message
    extra = EXPECTED.assign(note="x")
    fb = compare_frames(extra, EXPECTED)
    assert fb.correct and "extra column" in fb.message


def test_compare_value():
    assert compare_value("2,5", 2.5).correct
    assert compare_value(3, 2.5).message.endswith("is too high.")
    assert compare_value("x", 2.5).status == "unreadable"
    assert compare_value("abc", "abc").correct
    assert not compare_value("abd", "abc").correct


def test_check_function_reports_errors_none_and_partial_success():
    cases = [((1, 2), 3), ((2, 2), 4), ((0, 5), 5)]
    assert check_function(lambda a, b: a + b, cases).correct
    fb = check_function(lambda a, b: None, cases)
    assert "forget `return`" in fb.message
    fb = check_function(lambda a, b: a / 0, cases)
    assert "ZeroDivisionError" in fb.message and fb.status == "incorrect"
    fb = check_function(lambda a, b: a + b if a else 0, cases)
    assert fb.status == "partial" and fb.score == pytest.approx(2 / 3)
    assert check_function(42, cases).status == "unreadable"

    def stub(a, b):
        raise NotImplementedError("Exercise: add")

    assert check_function(stub, cases).status == "empty"


def test_check_function_does_not_let_the_learner_change_the_test_data():
    frame = pd.DataFrame({"x": [1, 2]})

    def mutating(df):
        df["x"] = 0
        return int(df["x"].sum())

    check_function(mutating, [((frame,), 3)])
    assert frame["x"].tolist() == [1, 2]


def test_a_broken_check_gives_an_error_status_not_an_exception():
    task = CodeTask(id="t-broken", prompt="?", expected=lambda: 1 / 0)
    fb = task.check(5)
    assert fb.status == "error" and "tell your teacher" in fb.message
    task = CodeTask(id="t-wrong-type", prompt="?", expected=lambda: 5, compare=lambda got, exp: "yes")
    assert task.check(5).status == "error"


def test_value_and_function_tasks():
    value = CodeTask(id="t-value", prompt="?", name="total", expected=lambda: EXPECTED)
    assert value.check(EXPECTED.copy()).correct
    assert "`total` has 1 rows" in value.check(EXPECTED.head(1)).message
    assert not value.is_function_task
    fn = CodeTask(id="t-fn", prompt="?", name="double", cases=lambda: [(1,), (2.5,)], reference=lambda x: 2 * x)
    assert fn.is_function_task
    assert fn.expected_results() == [((1,), 2), ((2.5,), 5.0)]
    assert fn.check(lambda x: x + x).correct
    fb = fn.check(lambda x: x + 1)
    assert fb.status == "partial" and "`double()`" in fn.check(lambda x: None).message
    with pytest.raises(ValueError):
        CodeTask(id="t-neither", prompt="?")
    with pytest.raises(ValueError):
        CodeTask(id="t-both", prompt="?", expected=lambda: 1, cases=lambda: [], reference=abs)


def test_check_tracks_attempts_for_progressive_hints():
    q = Numeric(id="t-attempts", prompt="?", answer=1.0, hints=["one", "two", "three"])
    assert check(q, 5).hint == "one"
    assert check(q, 5).hint == "two"
    assert check(q, 1).correct
    assert check(q, 5).hint == "one"  # a right answer starts the count again


# -- renderings ------------------------------------------------------------------------


def test_feedback_text_and_html_say_the_verdict_in_words():
    fb = Feedback("incorrect", "Use `sum`.", hint="Try <b>")
    assert fb.to_text() == "Not yet: Use `sum`.\nHint: Try <b>"
    html = fb.to_html()
    assert 'role="status"' in html and "<code>sum</code>" in html and "Try &lt;b&gt;" in html
    assert fb._repr_mimebundle_()["text/plain"] == fb.to_text()


def test_question_renderings_and_spec_hold_no_surprises():
    text = SINGLE.to_text()
    assert "A. Steam" in text and "C. Data" in text
    html = SINGLE.to_html()
    assert 'id="si-q-t-single"' in html and "Chips" in html and "yes, chips" not in html
    spec = SINGLE.to_spec()
    assert [c["correct"] for c in spec["choices"]] == [False, True, False]
    assert NUM.to_spec()["allowed_error"] == 0.5
    assert TEXT.to_spec()["accepted"] == ["internet of things", "iot"]
