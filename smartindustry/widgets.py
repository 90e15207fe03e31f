"""Thin ipywidgets layers over :mod:`smartindustry.exercises` and the simulations.

* :func:`ask` shows a question with an input, a **Check** button, a **Hint**
  button and a **Show solution** button. Checking is done by the question's own
  pure ``check`` method; this module only wires buttons to it.
* :class:`Demo` shows controls (sliders, drop-downs) next to the result of a
  pure function of their values, such as a simulation.

Every widget also carries a plain-text and an HTML rendering of its content,
so that a reader with no running Python (the static book, a PDF, a screen
reader, the notebook tests) still sees the question or the demo's result.
All feedback is written into HTML widgets, never printed, so nothing depends
on how a front end routes printed text.

In the static book a question is a small HTML form (:func:`question_form`)
that carries the question's ``to_spec()``; the book's ``selfcheck.js``
(in ``smartindustry/static``) checks answers there with the same rules as
``Question.check``, with no kernel and no network.
"""

from __future__ import annotations

import base64
import html
import io
from typing import Any, Callable, Mapping

import ipywidgets as widgets

from .exercises import Feedback, MultipleChoice, Numeric, Question, ShortText, inline_html
from .exercises.page import question_form
from .i18n import LANGUAGES, N_, language, using
from .i18n import gettext as _
from .plots import FIGURE_METADATA
from .i18n.questions import translated

__all__ = ["ask", "QuestionWidget", "Demo", "STYLE", "figure_html", "question_form"]

#: CSS for questions and feedback. It uses the page's own text colour and
#: translucent tints, so it reads well in light and dark themes; the verdict
#: is also written in words, never shown by colour alone.
STYLE = """<style>
.si-question, .si-demo {border-left: 4px solid rgba(90,110,190,.8); padding: .3em .8em; margin: .4em 0;}
.si-feedback {border-left: 4px solid; padding: .4em .8em; margin: .3em 0; border-radius: 3px;}
.si-correct {border-color: #1a7f37; background: rgba(26,127,55,.12);}
.si-partial {border-color: #9a6700; background: rgba(154,103,0,.12);}
.si-incorrect, .si-unreadable, .si-empty, .si-error {border-color: #cf222e; background: rgba(207,34,46,.10);}
.si-solution {border-left: 4px solid rgba(128,128,128,.7); padding: .4em .8em; white-space: pre-wrap; font-family: var(--jp-code-font-family, monospace);}
.si-static-note {font-size: .9em; opacity: .85;}
</style>"""

#: The line under a demo in the static book, where its controls cannot run.
LAUNCH_NOTE = N_(
    '<p class="si-static-note">To move the controls and see the result change, run this notebook: '
    "on Binder, Colab or a JupyterHub with the launch button (rocket icon) at the top of this page, "
    "or download it as .ipynb and open it in JupyterLab on your computer.</p>"
)


class QuestionWidget(widgets.VBox):
    """A question with instant feedback, progressive hints and a solution.

    Use :func:`ask` to make one.
    """

    def __init__(self, question: Question) -> None:
        self.question = question
        self.attempt = 0
        self.input = self._make_input(question)
        self.check_button = widgets.Button(description=_("Check"), button_style="primary", tooltip=_("Check my answer"))
        self.hint_button = widgets.Button(description=_("Hint"), tooltip=_("Show the next hint"), disabled=not question.hints)
        self.solution_button = widgets.Button(description=_("Show solution"), tooltip=_("Show the worked solution"),
                                              disabled=not question.solution)
        self.feedback = widgets.HTML(value="")
        self.extra = widgets.HTML(value="")
        self._hints_shown = 0
        self.check_button.on_click(lambda _: self.submit())
        self.hint_button.on_click(lambda _: self.show_hint())
        self.solution_button.on_click(lambda _: self.show_solution())
        prompt = widgets.HTML(value=STYLE + f'<p class="si-prompt"><strong>{html.escape(question.id)}.</strong> {inline_html(question.prompt)}</p>')
        buttons = widgets.HBox([self.check_button, self.hint_button, self.solution_button])
        super().__init__([prompt, self.input, buttons, self.feedback, self.extra])
        self.add_class("si-question-widget")

    # -- input -----------------------------------------------------------
    @staticmethod
    def _make_input(q: Question) -> widgets.Widget:
        layout = widgets.Layout(width="auto")
        if isinstance(q, MultipleChoice):
            labels = [f"{l}. {c.text}" for l, c in zip(q.letters, q.choices)]
            if q.multiple:
                boxes = [widgets.Checkbox(value=False, description=t, indent=False, layout=layout) for t in labels]
                return widgets.VBox(boxes)
            return widgets.RadioButtons(options=list(zip(labels, q.letters)), value=None, layout=layout)
        placeholder = _("a number") if isinstance(q, Numeric) else _("a word or short phrase")
        unit = f" ({q.unit})" if isinstance(q, Numeric) and q.unit else ""
        box = widgets.Text(value="", placeholder=placeholder, description=f"{_('Answer')}{unit}{_(':')}", continuous_update=False,
                           style={"description_width": "initial"})
        return box

    def value(self) -> Any:
        """The answer currently entered, in the form ``question.check`` reads."""
        if isinstance(self.input, widgets.VBox):
            return [b.description.split(".", 1)[0] for b in self.input.children if b.value]
        return self.input.value

    # -- actions ---------------------------------------------------------
    def submit(self) -> Feedback:
        """Check the current answer and show the feedback."""
        self.attempt += 1
        result = self.question.check(self.value(), attempt=self.attempt)
        if result.correct:
            self.attempt = 0
        self.feedback.value = result.to_html()
        return result

    def show_hint(self) -> str | None:
        """Show the next hint (hints build on each other)."""
        self._hints_shown = min(self._hints_shown + 1, len(self.question.hints))
        hints = self.question.hints[: self._hints_shown]
        self.extra.value = "".join(
            f'<div class="si-feedback si-partial"><em>{_("Hint {number}:").format(number=i)}</em> {inline_html(h)}</div>'
            for i, h in enumerate(hints, 1)
        )
        return hints[-1] if hints else None

    def show_solution(self) -> str:
        """Show the worked solution."""
        self.extra.value = f'<div class="si-solution">{inline_html(self.question.solution)}</div>'
        return self.question.solution

    # -- what readers with no kernel see ---------------------------------
    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        data = super()._repr_mimebundle_(**kwargs) or {}
        data["text/plain"] = self.question.to_text()
        data["text/html"] = question_form(self.question)
        return data


def ask(question: Question) -> QuestionWidget:
    """Show ``question`` with an answer box and instant feedback."""
    if not isinstance(question, (MultipleChoice, Numeric, ShortText)):
        raise TypeError("ask() shows multiple-choice, numeric and short-text questions; "
                        "check code tasks with smartindustry.exercises.check(task, your_answer)")
    return QuestionWidget(translated(question))


# --------------------------------------------------------------------------
# Demos
# --------------------------------------------------------------------------


def figure_html(fig: Any, alt: str) -> str:
    """A matplotlib figure as an <img> with alt text (PNG, no metadata that changes)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=80, metadata={"Software": None}, bbox_inches="tight")
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}" style="max-width:100%">'


class Demo(widgets.VBox):
    """Controls and the live result of ``fn(**values)``.

    ``fn`` is a pure function of the control values; its result must have
    ``to_text()`` and ``to_html()`` methods. ``figure``, if given, draws the
    result (``figure(result) -> (matplotlib Figure, alt text)``) and is shown
    only in a running notebook. The static rendering shows the result for the
    starting values of the controls, as text and HTML.
    """

    def __init__(
        self,
        fn: Callable[..., Any],
        controls: Mapping[str, widgets.ValueWidget],
        *,
        title: str,
        instruction: str,
        figure: Callable[[Any], tuple[Any, str]] | None = None,
    ) -> None:
        self.fn = fn
        self.controls = dict(controls)
        self.title = title
        self.instruction = instruction
        self.figure = figure
        self.output = widgets.HTML(value="")
        self.plot = widgets.HTML(value="")
        header = widgets.HTML(value=STYLE + f"<p><strong>{html.escape(title)}</strong>: {inline_html(instruction)}</p>")
        for control in self.controls.values():
            control.observe(lambda _change: self.update(), names="value")
            control.style = {"description_width": "initial"}
            control.layout = widgets.Layout(width="min(32em, 100%)")
        super().__init__([header, *self.controls.values(), self.output, self.plot])
        self.result = None
        self.update()

    def values(self) -> dict[str, Any]:
        """The current value of every control, by name."""
        return {name: c.value for name, c in self.controls.items()}

    def update(self) -> Any:
        """Recompute the result and redraw."""
        self.result = self.fn(**self.values())
        self.output.value = self.result.to_html()
        if self.figure is not None:
            import matplotlib.pyplot as plt

            fig, alt = self.figure(self.result)
            self.plot.value = figure_html(fig, alt)
            plt.close(fig)
        return self.result

    def static(self) -> tuple[str, str]:
        """What a reader with no running Python sees: (text, HTML), in the current language."""
        settings = ", ".join(f"{_(c.description.rstrip(':'))} = {c.value}" for c in self.controls.values())
        at = _("(at {settings})").format(settings=settings)
        title = _(self.title)
        text = f"{title} {at}{_(':')}\n{self.result.to_text()}"
        page = (
            f'<div class="si-demo"><p><strong>{html.escape(title)}</strong> '
            + f"{html.escape(at)}</p>{self.result.to_html()}"
            + _(LAUNCH_NOTE)
            + "</div>"
        )
        return text, page

    def texts(self) -> list[str]:
        """The demo's own words a translator translates (the result's come from the model's catalogue)."""
        return [self.title, self.instruction, *(c.description.rstrip(":") for c in self.controls.values())]

    def _repr_mimebundle_(self, **kwargs: Any) -> tuple[dict[str, Any], dict[str, Any]]:
        data = super()._repr_mimebundle_(**kwargs) or {}
        data["text/plain"], data["text/html"] = self.static()
        # the same, in each translation, for the translated book (see smartindustry.plots for figures)
        meta: dict[str, Any] = {"texts": self.texts()}
        for lang in LANGUAGES:
            if lang != language():
                with using(lang):
                    meta[lang] = {"text/html": self.static()[1]}
        return data, {FIGURE_METADATA: meta}
