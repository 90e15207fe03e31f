"""Comparing a learner's result with the expected one, and saying what differs.

Plain data in (numbers, text, DataFrames, functions), :class:`Feedback` out;
used by code tasks and by the grader, outside the learner's kernel.
"""

from __future__ import annotations

import math
import numbers
from typing import Any, Callable, Sequence

import numpy as np
import pandas as pd

from .feedback import NOT_WRITTEN, Feedback
from .parsing import parse_number
from .question import replace_feedback
from .text import cap, describe, format_number


def copies(args: tuple[Any, ...]) -> list[Any]:
    """Copies of mutable arguments, so that no function can change the test data."""
    return [a.copy() if hasattr(a, "copy") else a for a in args]


def compare_frames(
    got: Any,
    expected: pd.DataFrame,
    *,
    check_index: bool = False,
    sort: bool = True,
    rtol: float = 1e-6,
    atol: float = 1e-9,
    what: str = "your table",
) -> Feedback:
    """Compare a learner's DataFrame with the expected one, and say what differs.

    Column order never matters. With ``check_index=False`` the index is
    ignored (reset); with ``sort=True`` rows are compared after sorting by all
    columns, so row order does not matter either. Numbers match within
    ``rtol``/``atol``.
    """
    if isinstance(got, pd.Series) and got.name is not None and not check_index:
        got = got.reset_index()
    if not isinstance(got, pd.DataFrame):
        return Feedback("unreadable", f"{cap(what)} should be a DataFrame, but it is {describe(got)}.")
    missing = [c for c in expected.columns if c not in got.columns]
    if missing and check_index is False:
        # perhaps the learner kept a grouping key in the index
        flat = got.reset_index()
        if all(c in flat.columns for c in expected.columns):
            got = flat
            missing = []
    if missing:
        return Feedback(
            "incorrect",
            f"{cap(what)} has no column {', '.join(repr(str(c)) for c in missing)}. "
            f"Its columns are {[str(c) for c in got.columns]}.",
        )
    extra = [c for c in got.columns if c not in expected.columns]
    got = got[list(expected.columns)]
    if len(got) != len(expected):
        return Feedback(
            "incorrect",
            f"{cap(what)} has {len(got)} rows; {len(expected)} were expected. "
            "Check your filter or grouping.",
        )
    if check_index:
        if not got.index.equals(expected.index):
            return Feedback("incorrect", f"The index (row labels) of {what} is not the expected one.")
        a, b = got, expected
    else:
        a, b = got.reset_index(drop=True), expected.reset_index(drop=True)
        if sort:
            try:
                a = a.sort_values(list(a.columns), kind="mergesort").reset_index(drop=True)
                b = b.sort_values(list(b.columns), kind="mergesort").reset_index(drop=True)
            except TypeError:
                pass
    for col in expected.columns:
        fb = _compare_columns(a[col], b[col], str(col), rtol, atol)
        if fb is not None:
            return fb
    note = f" (The extra column(s) {[str(c) for c in extra]} were ignored.)" if extra else ""
    return Feedback("correct", f"{cap(what)} matches the expected result.{note}", 1.0)


def _compare_columns(a: pd.Series, b: pd.Series, name: str, rtol: float, atol: float) -> Feedback | None:
    if pd.api.types.is_numeric_dtype(b) and not pd.api.types.is_bool_dtype(b):
        av = pd.to_numeric(a, errors="coerce")
        if av.isna().sum() > b.isna().sum():
            return Feedback("incorrect", f"Column '{name}' should hold numbers, but some values are text or missing.")
        x = av.to_numpy(dtype=float, na_value=np.nan)
        y = b.to_numpy(dtype=float, na_value=np.nan)
        same = np.isclose(x, y, rtol=rtol, atol=atol, equal_nan=True)
    else:
        same = (a.astype("object").to_numpy() == b.astype("object").to_numpy()) | (a.isna().to_numpy() & b.isna().to_numpy())
    if bool(np.all(same)):
        return None
    i = int(np.argmin(same))
    return Feedback(
        "incorrect",
        f"Column '{name}' differs in {int((~same).sum())} row(s); for example row {i} "
        f"has {a.iloc[i]!r} where {b.iloc[i]!r} was expected.",
    )


def compare_value(got: Any, expected: Any, *, rtol: float = 1e-6, atol: float = 1e-9, what: str = "your answer") -> Feedback:
    """Compare a single value (number, text, list) with the expected one."""
    if isinstance(expected, numbers.Number) and not isinstance(expected, bool):
        try:
            value, _ = parse_number(got)
        except ValueError as exc:
            return Feedback("unreadable", str(exc))
        if math.isclose(value, float(expected), rel_tol=rtol, abs_tol=atol):
            return Feedback("correct", f"{cap(what)} ({format_number(value)}) is right.", 1.0)
        direction = "too high" if value > expected else "too low"
        return Feedback("incorrect", f"{cap(what)} ({format_number(value)}) is {direction}.")
    if isinstance(got, type(expected)) and got == expected:
        return Feedback("correct", f"{cap(what)} is right.", 1.0)
    return Feedback("incorrect", f"{cap(what)} is {describe(got)}, which is not the expected result.")


def check_function(
    fn: Any,
    cases: Sequence[tuple[tuple[Any, ...], Any]],
    compare: Callable[[Any, Any], Feedback] | None = None,
    *,
    name: str = "your function",
) -> Feedback:
    """Call a learner's function on each (args, expected) case and compare results.

    ``compare(got, expected)`` defaults to :func:`compare_value`, or
    :func:`compare_frames` when the expected result is a DataFrame. Errors
    raised by the learner's function become feedback, not tracebacks.
    """
    if not callable(fn):
        return Feedback("unreadable", f"{cap(name)} should be a function (made with `def`), but it is {describe(fn)}.")
    passed = 0
    for args, expected in cases:
        try:
            got = fn(*copies(args))
        except NotImplementedError:
            return Feedback("empty", NOT_WRITTEN)
        except Exception as exc:
            return Feedback("incorrect", f"{cap(name)} stopped with {type(exc).__name__}: {str(exc)[:200]}")
        if got is None:
            return Feedback("incorrect", f"{cap(name)} returned None. Did you forget `return`?")
        cmp = compare or (compare_frames if isinstance(expected, pd.DataFrame) else compare_value)
        fb = cmp(got, expected)
        if not fb.correct:
            return replace_feedback(
                fb,
                status="partial" if passed else fb.status,
                score=passed / len(cases),
                message=f"{fb.message} ({passed} of {len(cases)} test cases passed.)",
            )
        passed += 1
    return Feedback("correct", f"{cap(name)} gives the right result in all {len(cases)} test cases.", 1.0)
