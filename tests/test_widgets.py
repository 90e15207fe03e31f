"""The widgets only wire buttons to the pure checks; test that wiring without a browser."""

from __future__ import annotations

import json
import re

import ipywidgets as widgets
import pytest

from smartindustry.exercises import ShortText

from smartindustry.questions import how_to_use, industry40
from smartindustry.models.industry40 import line_week
from smartindustry.widgets import Demo, ask, question_form


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


def _spec_and_visible(page_html: str) -> tuple[dict, str]:
    found = re.search(r'<script type="application/json" class="si-spec">(.*?)</script>', page_html)
    assert found, "the form carries the question's spec"
    return json.loads(found.group(1)), page_html.replace(found.group(0), "")


def test_static_rendering_is_a_form_that_carries_the_spec():
    q = industry40.third_revolution
    bundle = ask(q)._repr_mimebundle_()
    assert bundle["text/plain"] == q.to_text()
    assert "application/vnd.jupyter.widget-view+json" in bundle  # Jupyter still shows the live widget
    form = bundle["text/html"]
    spec, visible = _spec_and_visible(form)
    assert spec == json.loads(json.dumps(q.to_spec()))  # one source of truth: the spec comes from Python
    assert "programmable logic controller" in visible
    assert "From about 1970" not in visible  # the feedback shows only after Check
    assert form == ask(q)._repr_mimebundle_()["text/html"]  # the same on every run (nbval compares it)
    for letter in "abcd":  # every option is a labelled radio button
        assert f'id="si-check-{q.id}-{letter}"' in form and f'for="si-check-{q.id}-{letter}"' in form
    assert form.count('type="radio"') == 4 and 'type="submit"' in form and 'aria-live="polite"' in form


def test_forms_for_every_kind_of_question():
    multi = ask(how_to_use.feedback_kinds)._repr_mimebundle_()["text/html"]
    assert multi.count('type="checkbox"') == 4 and "Choose all the answers that apply." in multi
    number = ask(how_to_use.share_online)._repr_mimebundle_()["text/html"]
    assert '<label for="si-check-howto-share-online-answer">Your answer (%)</label>' in number
    assert 'class="si-hint-button"' in number and 'class="si-solution-button"' in number
    text = ask(how_to_use.kernel_name)._repr_mimebundle_()["text/html"]
    spec, _ = _spec_and_visible(text)
    assert spec["spellings"]["kernel"] in how_to_use.kernel_name.accepted and spec["max_length"] == 200


def test_spec_json_cannot_close_its_script_element():
    q = ShortText(id="t-esc", prompt="Type </script> & more", accepted=["<b>"], hints=["h"], solution="s")
    form = question_form(q)
    spec, visible = _spec_and_visible(form)
    assert spec["prompt"] == "Type </script> & more"
    assert form.count("</script>") == 1


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
    bundle, meta = demo._repr_mimebundle_()
    assert bundle["text/plain"].startswith("Week (at Automation = 1.0, Policy = reactive):")
    # the French book's rendering rides along, and the words a translator needs
    assert meta["smartindustry"]["texts"] == ["Week", "try", "Automation", "Policy"]
    french = meta["smartindustry"]["fr"]["text/html"]
    assert "(avec Automation = 1.0, Policy = reactive)" in french and "Pour bouger les réglages" in french
    # the static page shows the result and how to run it, and no control that cannot work
    assert "<input" not in bundle["text/html"] and "<button" not in bundle["text/html"]
    assert "launch button" in bundle["text/html"] and ".ipynb" in bundle["text/html"]
