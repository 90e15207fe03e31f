"""Comparing a learner's result with the expected one, and saying what differs.

Plain data in (numbers, text, DataFrames, functions), :class:`Feedback` out;
used by code tasks and by the grader, outside the learner's kernel.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np
import pandas as pd

from .feedback import NOT_WRITTEN, Feedback
from .parsing import parse_number
from .question import replace_feedback
from ..i18n import N_, gettext as _
from .text import cap, describe, format_number


def copies(args: tuple[Any, ...]) -> list[Any]:
    """Copies of mutable arguments, so that no function can change the test data."""
    return [a.copy() if hasattr(a, "copy") else a for a in args]


@dataclass(frozen=True)
class ColumnMistake:
    """A known mistake in one column of a table: the learner's values are the expected ones times ``factor``.

    ``factor=-1`` is a difference taken the wrong way round; ``1e6`` a unit a million times too small.
    ``message`` (marked with ``N_``) says what went wrong.
    """

    column: str
    factor: float
    message: str


def compare_frames(
    got: Any,
    expected: pd.DataFrame,
    *,
    check_index: bool = False,
    sort: bool = True,
    rtol: float = 1e-6,
    atol: float = 1e-9,
    what: str = N_("your table"),
    mistakes: Sequence[ColumnMistake] = (),
) -> Feedback:
    """Compare a learner's DataFrame with the expected one, and say what differs.

    Column order never matters. With ``check_index=False`` the index is
    ignored (reset); with ``sort=True`` rows are compared after sorting by all
    columns, so row order does not matter either. Numbers match within
    ``rtol``/``atol``. A categorical column (``iso3`` from the course tables)
    compares by its values. A table that is right but for one of the known
    ``mistakes`` gets that mistake's message.
    """
    fb = _compare_frames(got, expected, check_index=check_index, sort=sort, rtol=rtol, atol=atol, what=what)
    if fb.correct or not mistakes or not isinstance(got, pd.DataFrame) or len(got) != len(expected):
        return fb
    for m in mistakes:
        if m.column not in got.columns:
            continue
        undone = got.assign(**{m.column: pd.to_numeric(got[m.column], errors="coerce") / m.factor})
        if _compare_frames(undone, expected, check_index=check_index, sort=sort, rtol=rtol, atol=atol, what=what).correct:
            return Feedback("incorrect", _(m.message))
    return fb


def _as_values(frame: pd.DataFrame) -> pd.DataFrame:
    """Categorical columns as plain values, so that rows sort and compare by what they hold."""
    categorical = [c for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)]
    return frame.astype({c: object for c in categorical}) if categorical else frame


def _compare_frames(got: Any, expected: pd.DataFrame, *, check_index: bool, sort: bool, rtol: float, atol: float,
                    what: str) -> Feedback:
    what = _(what)
    if isinstance(got, pd.Series) and got.name is not None and not check_index:
        got = got.reset_index()
    if not isinstance(got, pd.DataFrame):
        return Feedback("unreadable", _("{what} should be a DataFrame, but it is {got}.").format(what=cap(what), got=describe(got)))
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
            _("{what} has no column {missing}. Its columns are {columns}.").format(
                what=cap(what), missing=", ".join(repr(str(c)) for c in missing), columns=[str(c) for c in got.columns]
            ),
        )
    extra = [c for c in got.columns if c not in expected.columns]
    got, expected = _as_values(got[list(expected.columns)]), _as_values(expected)
    if len(got) != len(expected):
        return Feedback(
            "incorrect",
            _("{what} has {rows} rows; {expected} were expected. Check your filter or grouping.").format(
                what=cap(what), rows=len(got), expected=len(expected)
            ),
        )
    if check_index:
        if not got.index.equals(expected.index):
            return Feedback("incorrect", _("The index (row labels) of {what} is not the expected one.").format(what=what))
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
    note = " " + _("(The extra column(s) {columns} were ignored.)").format(columns=[str(c) for c in extra]) if extra else ""
    return Feedback("correct", _("{what} matches the expected result.").format(what=cap(what)) + note, 1.0)


def _compare_columns(a: pd.Series, b: pd.Series, name: str, rtol: float, atol: float) -> Feedback | None:
    if pd.api.types.is_numeric_dtype(b) and not pd.api.types.is_bool_dtype(b):
        av = pd.to_numeric(a, errors="coerce")
        if av.isna().sum() > b.isna().sum():
            return Feedback("incorrect", _("Column '{name}' should hold numbers, but some values are text or missing.").format(name=name))
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
        _("Column '{name}' differs in {count} row(s); for example row {row} has {got} where {expected} was expected.").format(
            name=name, count=int((~same).sum()), row=i, got=repr(a.iloc[i]), expected=repr(b.iloc[i])
        ),
    )


def compare_value(got: Any, expected: Any, *, rtol: float = 1e-6, atol: float = 1e-9, what: str = N_("your answer")) -> Feedback:
    """Compare a single value (number, text, list) with the expected one."""
    what = _(what)
    if isinstance(expected, numbers.Number) and not isinstance(expected, bool):
        try:
            value, _note = parse_number(got)
        except ValueError as exc:
            return Feedback("unreadable", str(exc))
        if math.isclose(value, float(expected), rel_tol=rtol, abs_tol=atol):
            return Feedback("correct", _("{what} ({value}) is right.").format(what=cap(what), value=format_number(value)), 1.0)
        direction = _("{what} ({value}) is too high.") if value > expected else _("{what} ({value}) is too low.")
        return Feedback("incorrect", direction.format(what=cap(what), value=format_number(value)))
    if isinstance(got, type(expected)) and got == expected:
        return Feedback("correct", _("{what} is right.").format(what=cap(what)), 1.0)
    return Feedback("incorrect", _("{what} is {got}, which is not the expected result.").format(what=cap(what), got=describe(got)))


def check_function(
    fn: Any,
    cases: Sequence[tuple[tuple[Any, ...], Any]],
    compare: Callable[[Any, Any], Feedback] | None = None,
    *,
    name: str = N_("your function"),
) -> Feedback:
    """Call a learner's function on each (args, expected) case and compare results.

    ``compare(got, expected)`` defaults to :func:`compare_value`, or
    :func:`compare_frames` when the expected result is a DataFrame. Errors
    raised by the learner's function become feedback, not tracebacks.
    """
    name = _(name)
    if not callable(fn):
        return Feedback("unreadable", _("{name} should be a function (made with `def`), but it is {got}.").format(name=cap(name), got=describe(fn)))
    passed = 0
    for args, expected in cases:
        try:
            got = fn(*copies(args))
        except NotImplementedError:
            return Feedback("empty", _(NOT_WRITTEN))
        except Exception as exc:
            return Feedback("incorrect", _("{name} stopped with {error}: {message}").format(
                name=cap(name), error=type(exc).__name__, message=str(exc)[:200]))
        if got is None:
            return Feedback("incorrect", _("{name} returned None. Did you forget `return`?").format(name=cap(name)))
        cmp = compare or (compare_frames if isinstance(expected, pd.DataFrame) else compare_value)
        fb = cmp(got, expected)
        if not fb.correct:
            return replace_feedback(
                fb,
                status="partial" if passed else fb.status,
                score=passed / len(cases),
                message=fb.message + " " + _("({passed} of {total} test cases passed.)").format(passed=passed, total=len(cases)),
            )
        passed += 1
    return Feedback("correct", _("{name} gives the right result in all {total} test cases.").format(name=cap(name), total=len(cases)), 1.0)
