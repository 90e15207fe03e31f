"""The widgets only wire buttons to the pure checks; test that wiring without a browser."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from smartindustry.questions import how_to_use, industry40
from smartindustry.sim import line_week
from smartindustry.widgets import Demo, ask


def test_single_choice_widget_gives_feedback_in_html():
    w = ask(how_to_use.ways_offline)
    w.input.value = "A"
    fb = w.submit()
    assert fb.status == "incorrect" and "needs an internet connection" in w.feedback.value
    assert "Hint:" in w.feedback.value
    w.input.value = "C"
    assert w.submit().correct and "Correct" in w.feedback.value


def test_nothing_chosen_is_no_answer_not_an_error():
    w = ask(how_to_use.ways_offline)
    assert w.submit().status == "empty"


def test_multiple_choice_widget_reads_the_ticked_boxes():
    w = ask(how_to_use.feedback_kinds)
    for box in w.input.children[:3]:
        box.value = True
    assert w.value() == ["A", "B", "C"]
    assert w.submit().correct


def test_text_widget_handles_bad_input():
    w = ask(how_to_use.share_online)
    w.input.value = "lots"
    fb = w.submit()
    assert fb.status == "unreadable" and "not a number" in w.feedback.value
    w.input.value = "67,9"
    assert w.submit().correct


def test_hints_build_up_and_the_solution_shows():
    w = ask(how_to_use.share_online)
    assert w.show_hint() == how_to_use.share_online.hints[0]
    assert w.show_hint() == how_to_use.share_online.hints[1]
    assert w.show_hint() == how_to_use.share_online.hints[1]
    assert "Hint 2" in w.extra.value
    assert "67.9" in w.show_solution() and "67.9" in w.extra.value


def test_static_renderings_show_the_question_without_the_key():
    bundle = ask(industry40.third_revolution)._repr_mimebundle_()
    assert bundle["text/plain"] == industry40.third_revolution.to_text()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "programmable logic controller" in bundle["text/html"]
    assert "From about 1970" not in bundle["text/html"]  # the feedback (and key) stays hidden


def test_code_tasks_are_not_widgets():
    with pytest.raises(TypeError):
        ask(industry40.daily_summary_task)


def test_demo_recomputes_when_a_control_changes():
    slider = widgets.FloatSlider(value=0.0, min=0, max=1, step=0.1, description="Automation")
    policy = widgets.Dropdown(options=["reactive", "predictive"], value="reactive", description="Policy")
    demo = Demo(line_week, {"automation": slider, "maintenance": policy}, title="Week", instruction="try")
    first = demo.result
    slider.value = 1.0
    assert demo.result.performance > first.performance
    assert demo.result.to_html() == demo.output.value
    text = demo._repr_mimebundle_()["text/plain"]
    assert text.startswith("Week (at Automation = 1.0, Policy = reactive):")
