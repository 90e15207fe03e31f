"""Code tasks: the learner writes code that defines a value or a function."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

import pandas as pd

from .compare import check_function, compare_frames, compare_value, copies
from .feedback import Feedback
from .question import Question
from ..i18n import gettext as _


@dataclass(eq=False)
class CodeTask(Question):
    """The learner writes code that defines ``name``: a value or a function.

    A **value task** gives ``expected``: a function with no arguments that
    returns the expected value (computed from the course data or a simulation).
    A **function task** gives ``cases`` (a function returning a list of
    argument tuples) and ``reference`` (the reference implementation); the
    learner's function is called on every case and its results compared with
    the reference's.

    ``compare(got, expected) -> Feedback`` says how results are compared; by
    default :func:`compare_frames` for DataFrames and :func:`compare_value`
    otherwise. It works on plain data only (numbers, text, DataFrames), so a
    grader can run the learner's code in a separate process, bring back the
    results as data, and judge them with trusted code.

    ``stub`` is the starter code shown to learners.
    """

    name: str = "answer"
    stub: str = ""
    expected: Callable[[], Any] | None = None
    cases: Callable[[], Sequence[tuple[Any, ...]]] | None = None
    reference: Callable[..., Any] | None = None
    compare: Callable[[Any, Any], Feedback] | None = None

    kind = "code"

    def __post_init__(self) -> None:
        value_task = self.expected is not None
        function_task = self.cases is not None and self.reference is not None
        if value_task == function_task:
            raise ValueError(f"{self.id}: give either `expected` (a value task) or `cases` and `reference` (a function task)")

    @property
    def is_function_task(self) -> bool:
        """True when the learner writes a function, False when they compute a value."""
        return self.cases is not None

    def answer_format(self) -> str:
        return _("Write your code so that it defines `{name}`, then run the check.").format(name=self.name)

    def to_spec(self) -> dict[str, Any]:
        spec = super().to_spec()
        spec.update(name=self.name, stub=self.stub, function=self.is_function_task)
        return spec

    def compare_result(self, got: Any, expected: Any) -> Feedback:
        """Compare one result with the expected one (plain data in, feedback out)."""
        if self.compare is not None:
            result = self.compare(got, expected)
        elif isinstance(expected, pd.DataFrame):
            result = compare_frames(got, expected, what=f"`{self.name}`")
        else:
            result = compare_value(got, expected, what=f"`{self.name}`")
        if not isinstance(result, Feedback):
            raise TypeError("compare must return Feedback")
        return result

    def expected_results(self) -> list[tuple[tuple[Any, ...], Any]]:
        """For a function task: the (arguments, expected result) of every case."""
        assert self.cases is not None and self.reference is not None
        return [(args, self.reference(*copies(args))) for args in self.cases()]

    def _check(self, answer: Any) -> Feedback:
        if self.is_function_task:
            # The cases load data and run the reference: only worth it when there is a function to try.
            cases = self.expected_results() if callable(answer) else []
            return check_function(answer, cases, self.compare_result, name=f"`{self.name}()`")
        assert self.expected is not None
        return self.compare_result(answer, self.expected())
