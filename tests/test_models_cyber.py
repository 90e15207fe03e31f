"""Risk scores, passphrase entropy and incident-response order for the cybersecurity chapter.

The numbers the chapter and its exercises quote are pinned here.
"""

from __future__ import annotations

import inspect
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartindustry.models import cyber as security
from smartindustry.data import aggregates
from smartindustry.questions import cyber
from smartindustry.models.cyber import (
    IR_STEPS,
    MAX_LENGTH,
    THREATS,
    WORDLIST_SIZE,
    average_guess_seconds,
    character_pool,
    diagnose_order,
    example_register,
    human_duration,
    passphrase_bits,
    random_string_bits,
    risk_category,
    risk_demo,
    risk_score,
    score_matrix,
    strength_report,
    threat_table,
)

# -- risk ------------------------------------------------------------------------


def test_risk_score_is_likelihood_times_impact_and_checks_its_levels():
    assert risk_score(3, 5) == 15
    assert risk_score(1, 1) == 1 and risk_score(5, 5) == 25
    for bad in [(0, 3), (6, 1), (2.5, 2), (True, 3), ("3", 2), (float("nan"), 1)]:
        with pytest.raises(ValueError):
            risk_score(*bad)


@pytest.mark.parametrize("score, category", [(1, "low"), (4, "low"), (5, "medium"), (9, "medium"),
                                             (10, "high"), (15, "high"), (16, "critical"), (25, "critical")])
def test_category_cut_offs(score, category):
    assert risk_category(score) == category


def test_category_rejects_scores_outside_the_matrix():
    for bad in [0, 26, -1, "high", None]:
        with pytest.raises(ValueError):
            risk_category(bad)


def test_score_matrix_has_impact_5_on_top():
    m = score_matrix()
    assert list(m.index) == [5, 4, 3, 2, 1] and list(m.columns) == [1, 2, 3, 4, 5]
    assert m.loc[5, 5] == 25 and m.loc[1, 5] == 5 and m.loc[4, 4] == 16


def test_the_five_example_threats_before_and_after_their_controls():
    t = threat_table().set_index("threat")
    assert list(t["score"]) == [16, 20, 12, 15, 10]
    assert list(t["priority"]) == ["critical", "critical", "high", "high", "high"]
    assert list(t["score_after"]) == [8, 5, 8, 6, 5]
    assert set(t["priority_after"]) == {"medium"}
    ransomware = t.loc["Ransomware spreads from the office to the machines"]
    assert (ransomware["likelihood_after"], ransomware["impact_after"]) == (2, 3)  # the only impact control


def test_risk_demo_default_and_the_exercise_case():
    r = risk_demo("Phishing email to office staff", 4, 4, True)
    assert (r.before.score, r.before.category, r.after.score, r.after.category) == (16, "critical", 8, "medium")
    assert "The score falls from 16 to 8." in r.to_text()
    html = r.to_html()
    assert "<strong>before</strong>" in html and "<strong>after</strong>" in html
    r = risk_demo("Default password on the remote-access gateway", 4, 5, True)
    assert (r.after.likelihood, r.after.impact, r.after.category) == (1, 5, "medium")
    r = risk_demo("Default password on the remote-access gateway", 4, 5, False)
    assert r.after is None and "Control not applied" in r.to_text()


def test_risk_demo_gives_messages_not_errors():
    assert "Unknown threat" in risk_demo("Meteor", 3, 3, True).to_text()
    assert "from 1 to 5" in risk_demo("Phishing email to office staff", 7, 3, True).to_text()


def test_example_register_is_seeded_with_unique_threats():
    a, b = example_register(6, seed=0), example_register(6, seed=0)
    pd.testing.assert_frame_equal(a, b)
    assert a["threat"].is_unique and a["likelihood"].between(1, 5).all() and a["impact"].between(1, 5).all()
    assert len(example_register(50, seed=1)) == 12


def test_register_task_cases_cover_every_cut_off():
    scores = set()
    for (df,) in cyber.risk_register_task.cases():
        scores |= set(cyber.risk_register_reference(df)["score"])
    assert {4, 5, 9, 10, 15, 16} <= scores


def test_register_task_rejects_wrong_cut_offs():
    def off_by_one(df):
        out = df.copy()
        out["score"] = out["likelihood"] * out["impact"]
        out["priority"] = pd.cut(out["score"], bins=[0, 5, 10, 16, 25], labels=["low", "medium", "high", "critical"]).astype(str)
        return out

    fb = cyber.risk_register_task.check(off_by_one)
    assert not fb.correct and "priority" in fb.message


# -- entropy ---------------------------------------------------------------------


def test_entropy_numbers_quoted_in_the_chapter():
    assert round(random_string_bits(8, 26), 1) == 37.6
    assert round(random_string_bits(10, 95), 1) == 65.7
    assert round(random_string_bits(12, 95), 1) == 78.8
    assert WORDLIST_SIZE == 7776
    assert round(math.log2(WORDLIST_SIZE), 1) == 12.9
    assert round(passphrase_bits(4), 1) == 51.7
    assert round(passphrase_bits(5), 1) == 64.6
    assert round(passphrase_bits(6), 1) == 77.5


@pytest.mark.parametrize("bits, rate, text", [
    (random_string_bits(8, 26), 1e10, "10.4 seconds"),
    (random_string_bits(8, 26), 10, "330.9 years"),
    (passphrase_bits(4), 1e10, "2.1 days"),
    (random_string_bits(10, 95), 1e10, "94.9 years"),
    (passphrase_bits(6), 1e10, "350,270 years"),
    (random_string_bits(12, 95), 1e10, "856,149 years"),
    (random_string_bits(10, 95), 10, "94.9 billion years"),
    (200, 1e10, "more than a million billion years"),
    (3, 1e10, "under a second"),
])
def test_times_to_guess_quoted_in_the_chapter(bits, rate, text):
    assert human_duration(average_guess_seconds(bits, rate)) == text


def test_five_word_passphrase_takes_about_45_years_offline():
    years = average_guess_seconds(passphrase_bits(5), 1e10) / (365.25 * 24 * 3600)
    assert round(years) == 45


def test_average_guess_is_half_the_space():
    assert average_guess_seconds(10, 1) == 512
    with pytest.raises(ValueError):
        average_guess_seconds(10, 0)


def test_character_pool():
    assert character_pool("mango") == (26, ("lowercase letters",))
    assert character_pool("Mango2024!")[0] == 95
    assert character_pool("abc 12")[0] == 26 + 10 + 33
    assert character_pool("café")[0] == 26 + 100
    assert len(__import__("string").punctuation) + 1 == 33


def test_strength_report_of_the_default_example_keeps_no_text():
    r = strength_report("Mango2024!")
    assert r.ok and r.length == 10 and r.pool == 95 and round(r.bits, 1) == 65.7
    assert "94.9 years" in r.to_text()
    assert "nothing was sent, saved or logged" in r.to_text()
    assert "Mango" not in repr(r) and "Mango" not in r.to_text() and "Mango" not in r.to_html()


def test_strength_report_words_and_common_passwords():
    r = strength_report("river-mango-candle-seventy", method="words")
    assert r.words == 4 and round(r.bits, 1) == 51.7 and "2.1 days" in r.to_text()
    r = strength_report("Password1")
    assert r.very_common and "most common passwords" in r.to_text()


@pytest.mark.parametrize("bad, words", [
    ("", "Type a password"),
    ("   ", "Type a password"),
    (12345, "Please give text"),
    (None, "Please give text"),
    ("x" * (MAX_LENGTH + 1), "at most 200"),
])
def test_strength_report_validates_its_input(bad, words):
    r = strength_report(bad)
    assert not r.ok and words in r.to_text()


def test_strength_report_rejects_bad_settings():
    assert not strength_report("abc", method="dice").ok
    assert not strength_report("abc", guesses_per_second=0).ok
    assert not strength_report("abc", guesses_per_second=float("inf")).ok


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=250))
def test_strength_report_never_raises(text):
    r = strength_report(text)
    assert r.to_text() and r.to_html()


def test_the_security_module_is_local():
    """No network, no files, no logging: the password functions are safe to run on any text."""
    source = inspect.getsource(security)
    for word in ("socket", "urllib", "requests", "http.client", "logging", "open(", "write(", "print("):
        assert word not in source, word


# -- incident response ------------------------------------------------------------


def test_the_right_order_is_correct_with_aliases_and_any_case():
    assert diagnose_order(list(IR_STEPS)).status == "correct"
    d = diagnose_order(["Detect", "Containment", "collect evidence", "eradication", "RESTORE", "lessons learned"])
    assert d.status == "correct" and d.score == 1.0


def test_a_swap_is_named():
    d = diagnose_order(["contain", "detect and report", "preserve evidence", "eradicate", "recover", "learn lessons"])
    assert d.status == "partial" and "swapped" in d.message and "'contain'" in d.message


def test_the_chapter_example_names_the_step_to_move():
    proposed = ["detect and report", "contain", "eradicate", "recover", "preserve evidence", "learn lessons"]
    d = diagnose_order(proposed)
    assert d.out_of_order == ("preserve evidence",)
    assert d.message == ("5 of 6 steps are already in order. Move this step: 'preserve evidence' belongs "
                         "after 'contain' and before 'eradicate'.")


def test_reversed_order_is_incorrect_and_lists_five_steps():
    d = diagnose_order(list(reversed(IR_STEPS)))
    assert d.status == "incorrect" and len(d.out_of_order) == 5 and d.message.startswith("1 of 6 steps is")


@pytest.mark.parametrize("answer, words", [
    ("detect, contain", "Give a list"),
    (["detect", "contain"], "Missing"),
    (["detect", "detect", "contain", "eradicate", "recover", "learn lessons"], "more than once"),
    (["detect", "pray", "contain", "eradicate", "recover", "learn lessons"], "not one of the steps"),
    ([1, 2, 3, 4, 5, 6], "should be text"),
])
def test_unreadable_orders_get_a_message(answer, words):
    d = diagnose_order(answer)
    assert d.status == "unreadable" and words in d.message


def test_the_order_task_uses_the_diagnosis():
    fb = cyber.ir_order_task.check(["detect and report", "contain", "eradicate", "recover", "preserve evidence", "learn lessons"])
    assert fb.status == "partial" and "'preserve evidence' belongs" in fb.message
    assert sorted(cyber.IR_SHUFFLED) == sorted(IR_STEPS) and list(cyber.IR_SHUFFLED) != list(IR_STEPS)


@settings(max_examples=200, deadline=None)
@given(answer=st.one_of(st.lists(st.sampled_from([*IR_STEPS, "detect", "x", ""]), max_size=8),
                        st.lists(st.integers(), max_size=3), st.text(max_size=20), st.none()))
def test_diagnose_order_never_raises(answer):
    d = diagnose_order(answer)
    assert d.status in {"correct", "partial", "incorrect", "unreadable"} and d.message


def test_threats_are_five_with_valid_levels():
    assert len(THREATS) == 5
    for t in THREATS.values():
        assert 1 <= t.likelihood <= 5 and 1 <= t.impact <= 5 and t.control


# -- the data quoted in the small-firms section -------------------------------------


def test_secure_servers_by_income_group():
    df = aggregates("secure_servers_per_million", area=["WB-HIC", "WB-LIC"])
    v = df.set_index(["area", "year"])["value"]
    assert round(v[("WB-HIC", 2024)]) == 85831 and round(v[("WB-LIC", 2024)]) == 26
    assert round(v[("WB-HIC", 2015)]) == 2935 and round(v[("WB-HIC", 2018)]) == 30848
    assert round(v[("WB-HIC", 2024)]) / round(v[("WB-LIC", 2024)]) > 3000
