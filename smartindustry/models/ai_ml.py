"""Visual inspection of parts, for the chapter on AI and machine learning.

A factory checks every part at the end of the line. A camera gives each part
a **surface score** (0 = a clean surface, 10 = a badly marked one), and a
gauge measures how far one dimension is from its nominal size (the
**deviation**, in millimetres). Some parts are truly defective. The task of an
inspection rule or of a machine-learning model is to say, from the two
measurements, which parts to reject.

Everything here is plain numpy and pandas, with no machine-learning library,
so that every step can be read:

* :func:`simulate_parts` makes a seeded table of parts with a true label;
* :func:`train_test_split` splits it, seeded, into training and test parts;
* :func:`confusion` counts true and false positives and negatives;
* :func:`fit_logistic` fits a logistic regression by gradient descent;
* :func:`cost_per_1000` and :func:`cost_curve` put a price on the errors;
* :func:`inspection_demo` is the pure function behind the chapter's demo.

A **positive** is a part the check flags as defective. A **false positive**
is a good part rejected (a false reject); a **false negative** is a
defective part passed (a missed defect).

It is a teaching model, not a real inspection system: the numbers are chosen
to be plausible for a small machining line, and the chapter says so.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

import numpy as np
import pandas as pd

from ..i18n import format_decimal
from ..i18n import gettext as _

__all__ = [
    "FEATURES",
    "simulate_parts",
    "train_test_split",
    "Confusion",
    "confusion",
    "flag_by_threshold",
    "LogisticModel",
    "fit_logistic",
    "cost_per_1000",
    "cost_curve",
    "InspectionResult",
    "DEMO_THRESHOLDS",
    "book_case",
    "inspection_demo",
]

#: The two measured features, in the order the model uses them.
FEATURES = ("surface_score", "deviation_mm")


def simulate_parts(
    n: int = 5000,
    *,
    defect_rate: float = 0.08,
    surface_defect_share: float = 0.6,
    good_surface_mean: float = 2.0,
    good_surface_sd: float = 1.0,
    flaw_surface_mean: float = 5.5,
    flaw_surface_sd: float = 1.5,
    good_deviation_sd_mm: float = 0.03,
    flaw_deviation_mm: float = 0.08,
    camera_offset: float = 0.0,
    line: str = "A",
    seed: int = 7,
) -> pd.DataFrame:
    """Simulate ``n`` inspected parts with two measurements and a true label.

    Parameters
    ----------
    n:
        Number of parts.
    defect_rate:
        Share of parts that are truly defective (0 to 1).
    surface_defect_share:
        Share of the defective parts whose flaw is on the surface (a scratch,
        a pit); the others have a dimension flaw (the part is the wrong size).
    good_surface_mean, good_surface_sd:
        Mean and standard deviation of the camera's surface score for parts
        with a clean surface, in score points (the scale runs from 0 to 10).
    flaw_surface_mean, flaw_surface_sd:
        Mean and standard deviation of the surface score for parts with a
        surface flaw, in score points.
    good_deviation_sd_mm:
        Spread (standard deviation) of the signed difference between the
        measured and the nominal size of a part of the right size, in mm. The
        table holds its absolute value.
    flaw_deviation_mm:
        Extra deviation of a part with a dimension flaw, in mm (added to the
        absolute deviation of a right-sized part).
    camera_offset:
        Score points added to every surface score on this line, for example
        because of other lighting, another camera or a rougher (but good)
        material from another supplier. 0 on the line the model learns from.
    line:
        Name of the production line, stored in the column ``line``.
    seed:
        Seed of the random numbers: the same seed gives the same parts.

    Returns
    -------
    DataFrame with one row a part: ``part_id``, ``line``, ``surface_score``
    (0 to 10, one decimal), ``deviation_mm`` (three decimals, 0 or more) and
    ``defective`` (True for a truly defective part).
    """
    if n < 1:
        raise ValueError(_("n must be at least 1"))
    for name, value in (("defect_rate", defect_rate), ("surface_defect_share", surface_defect_share)):
        if not 0.0 <= value <= 1.0:
            raise ValueError(_("{name} must be between 0 and 1").format(name=name))
    if min(good_surface_sd, flaw_surface_sd, good_deviation_sd_mm) <= 0:
        raise ValueError(_("standard deviations must be positive"))
    rng = np.random.default_rng(seed)
    defective = rng.random(n) < defect_rate
    surface_flaw = defective & (rng.random(n) < surface_defect_share)
    size_flaw = defective & ~surface_flaw
    surface = np.where(
        surface_flaw,
        rng.normal(flaw_surface_mean, flaw_surface_sd, n),
        rng.normal(good_surface_mean, good_surface_sd, n),
    )
    surface = np.clip(surface + camera_offset, 0.0, 10.0)
    deviation = np.abs(rng.normal(0.0, good_deviation_sd_mm, n)) + np.where(size_flaw, flaw_deviation_mm, 0.0)
    return pd.DataFrame(
        {
            "part_id": np.arange(1, n + 1),
            "line": line,
            "surface_score": np.round(surface, 1),
            "deviation_mm": np.round(deviation, 3),
            "defective": defective,
        }
    )


def train_test_split(parts: pd.DataFrame, test_share: float = 0.3, seed: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split the parts at random into a training table and a test table.

    ``test_share`` (0 to 1) of the rows, chosen with ``seed``, go to the test
    table; the rest to the training table. Both keep their original order.
    """
    if not 0.0 < test_share < 1.0:
        raise ValueError(_("test_share must be between 0 and 1"))
    rng = np.random.default_rng(seed)
    n_test = int(round(len(parts) * test_share))
    test_rows = np.sort(rng.permutation(len(parts))[:n_test])
    is_test = np.zeros(len(parts), dtype=bool)
    is_test[test_rows] = True
    return parts[~is_test].copy(), parts[is_test].copy()


# --------------------------------------------------------------------------
# Counting errors
# --------------------------------------------------------------------------


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


@dataclass(frozen=True)
class Confusion:
    """The four counts of a confusion matrix, and the measures made from them.

    ``tp``: defective parts rejected (caught); ``fp``: good parts rejected
    (false rejects); ``fn``: defective parts passed (missed defects);
    ``tn``: good parts passed.
    """

    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def n(self) -> int:
        """All parts checked."""
        return self.tp + self.fp + self.fn + self.tn

    @property
    def accuracy(self) -> float:
        """Share of all parts judged rightly: (tp + tn) / n."""
        return _ratio(self.tp + self.tn, self.n)

    @property
    def precision(self) -> float:
        """Share of rejected parts that are truly defective: tp / (tp + fp). NaN if none is rejected."""
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        """Share of defective parts that are caught: tp / (tp + fn). NaN if none is defective."""
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def false_reject_rate(self) -> float:
        """Share of good parts that are rejected: fp / (fp + tn)."""
        return _ratio(self.fp, self.fp + self.tn)

    def table(self) -> pd.DataFrame:
        """The matrix as a small table: rows = truth, columns = decision."""
        return pd.DataFrame(
            [[self.tp, self.fn], [self.fp, self.tn]],
            index=pd.Index(["truly defective", "truly good"], name="truth"),
            columns=pd.Index(["rejected", "passed"], name="decision"),
        )

    def to_dict(self) -> dict[str, int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn}


def confusion(truth: Sequence[bool] | pd.Series, flagged: Sequence[bool] | pd.Series) -> Confusion:
    """Count the four outcomes for true labels ``truth`` and decisions ``flagged`` (True = reject)."""
    t = np.asarray(truth, dtype=bool)
    f = np.asarray(flagged, dtype=bool)
    if t.shape != f.shape:
        raise ValueError(_("truth and flagged must have the same length"))
    return Confusion(
        tp=int((t & f).sum()),
        fp=int((~t & f).sum()),
        fn=int((t & ~f).sum()),
        tn=int((~t & ~f).sum()),
    )


def flag_by_threshold(parts: pd.DataFrame, threshold: float, feature: str = "surface_score") -> pd.Series:
    """A rule written by hand: reject a part when ``feature`` is at or above ``threshold``."""
    return parts[feature] >= threshold


# --------------------------------------------------------------------------
# Logistic regression, by gradient descent
# --------------------------------------------------------------------------


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


@dataclass(frozen=True)
class LogisticModel:
    """A fitted logistic regression.

    The model turns the features into a probability of "defective":
    ``p = 1 / (1 + exp(-(bias + w1 * z1 + w2 * z2)))`` where ``z`` are the
    features standardised with the training means and standard deviations.
    """

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    means: tuple[float, ...]
    sds: tuple[float, ...]
    losses: tuple[float, ...] = field(repr=False, default=())

    def _z(self, parts: pd.DataFrame) -> np.ndarray:
        x = parts[list(self.features)].to_numpy(dtype=float)
        return (x - np.array(self.means)) / np.array(self.sds)

    def predict_proba(self, parts: pd.DataFrame) -> pd.Series:
        """The model's probability that each part is defective (0 to 1)."""
        p = _sigmoid(self._z(parts) @ np.array(self.weights) + self.bias)
        return pd.Series(p, index=parts.index, name="p_defective")


def fit_logistic(
    train: pd.DataFrame,
    features: Sequence[str] = FEATURES,
    *,
    label: str = "defective",
    learning_rate: float = 1.0,
    iterations: int = 500,
) -> LogisticModel:
    """Fit a logistic regression with plain gradient descent.

    Each feature is standardised (mean 0, standard deviation 1 on the
    training parts). The weights start at zero, and each of ``iterations``
    steps moves them by ``learning_rate`` times the gradient of the average
    log loss (cross-entropy). There is no randomness: the same training table
    always gives the same model.
    """
    x = train[list(features)].to_numpy(dtype=float)
    y = train[label].to_numpy(dtype=float)
    means = x.mean(axis=0)
    sds = x.std(axis=0)
    sds = np.where(sds > 0, sds, 1.0)
    z = (x - means) / sds
    w = np.zeros(z.shape[1])
    b = 0.0
    losses = []
    for _ in range(iterations):
        p = _sigmoid(z @ w + b)
        error = p - y
        w = w - learning_rate * (z.T @ error) / len(y)
        b = b - learning_rate * float(error.mean())
        eps = 1e-12
        losses.append(float(-np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))))
    return LogisticModel(
        features=tuple(features),
        weights=tuple(float(v) for v in w),
        bias=float(b),
        means=tuple(float(v) for v in means),
        sds=tuple(float(v) for v in sds),
        losses=tuple(losses),
    )


# --------------------------------------------------------------------------
# The cost of errors
# --------------------------------------------------------------------------


def cost_per_1000(result: Confusion, false_reject_cost: float, missed_defect_cost: float) -> float:
    """Expected cost of the errors per 1,000 parts inspected, in the unit of the costs.

    ``false_reject_cost`` is the cost of rejecting one good part (scrap or
    re-inspection); ``missed_defect_cost`` the cost of passing one defective
    part (warranty, return, safety, reputation). Caught defects and passed
    good parts cost nothing extra here.
    """
    if result.n == 0:
        return float("nan")
    return 1000.0 * (result.fp * false_reject_cost + result.fn * missed_defect_cost) / result.n


def cost_curve(
    truth: Sequence[bool] | pd.Series,
    scores: Sequence[float] | pd.Series,
    thresholds: Sequence[float],
    false_reject_cost: float,
    missed_defect_cost: float,
) -> pd.DataFrame:
    """For each threshold (reject when score >= threshold): the counts, measures and cost per 1,000 parts."""
    s = np.asarray(scores, dtype=float)
    rows = []
    for t in thresholds:
        c = confusion(truth, s >= t)
        rows.append(
            {
                "threshold": float(t),
                **c.to_dict(),
                "accuracy": c.accuracy,
                "precision": c.precision,
                "recall": c.recall,
                "cost_per_1000": cost_per_1000(c, false_reject_cost, missed_defect_cost),
            }
        )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------
# The demo
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class InspectionResult:
    """What the demo shows: the threshold, the costs, the confusion matrix, the cost per 1,000 parts,
    and the threshold that would cost least at these costs."""

    threshold: float
    false_reject_cost: float
    missed_defect_cost: float
    counts: Confusion
    best_threshold: float
    best_cost: float

    @property
    def cost(self) -> float:
        """Cost of the errors per 1,000 parts at this threshold."""
        return cost_per_1000(self.counts, self.false_reject_cost, self.missed_defect_cost)

    def to_text(self) -> str:
        c = self.counts
        return "\n".join([
            _("Reject when the model's probability >= {threshold}; a false reject costs "
              "${false_reject}, a missed defect ${missed}.").format(
                threshold=format_decimal(f"{self.threshold:.2f}"),
                false_reject=format_decimal(f"{self.false_reject_cost:g}"),
                missed=format_decimal(f"{self.missed_defect_cost:g}")),
            _("Caught defects (TP) {tp}, false rejects (FP) {fp}, missed defects (FN) {fn}, "
              "good parts passed (TN) {tn}.").format(tp=c.tp, fp=c.fp, fn=c.fn, tn=c.tn),
            self._measures(),
            _("Cost of errors: ${cost} per 1,000 parts.").format(cost=format_decimal(f"{self.cost:,.0f}"))
            + " " + self._lowest(),
        ])

    def _measures(self, escape: bool = False) -> str:
        c = self.counts
        precision, recall = _pct(c.precision), _pct(c.recall)
        if escape:
            precision, recall = html.escape(precision), html.escape(recall)
        return _("Accuracy {accuracy}, precision {precision}, recall {recall}.").format(
            accuracy=format_decimal(f"{c.accuracy:.1%}"), precision=precision, recall=recall)

    def _lowest(self) -> str:
        return _("At these costs the lowest cost, ${cost}, is at threshold {threshold}.").format(
            cost=format_decimal(f"{self.best_cost:,.0f}"), threshold=format_decimal(f"{self.best_threshold:.2f}"))

    def to_html(self) -> str:
        c = self.counts
        cell = 'style="padding:.2em .8em;text-align:right"'
        threshold = _("Threshold {threshold}.").format(threshold=format_decimal(f"{self.threshold:.2f}"))
        cost = _(
            "<strong>Cost of errors: ${cost} per 1,000 parts</strong> "
            "(false reject ${false_reject}, missed defect ${missed})."
        ).format(cost=format_decimal(f"{self.cost:,.0f}"), false_reject=format_decimal(f"{self.false_reject_cost:g}"),
                 missed=format_decimal(f"{self.missed_defect_cost:g}"))
        return (
            f'<table class="si-confusion"><caption>{_("Test parts by truth (rows) and decision (columns)")}</caption>'
            f'<tr><th></th><th scope="col" {cell}>{_("rejected")}</th><th scope="col" {cell}>{_("passed")}</th></tr>'
            f'<tr><th scope="row">{_("truly defective")}</th>'
            f'<td {cell}>{_("{count} caught (TP)").format(count=c.tp)}</td>'
            f'<td {cell}>{_("{count} missed (FN)").format(count=c.fn)}</td></tr>'
            f'<tr><th scope="row">{_("truly good")}</th>'
            f'<td {cell}>{_("{count} false rejects (FP)").format(count=c.fp)}</td>'
            f'<td {cell}>{_("{count} passed (TN)").format(count=c.tn)}</td></tr>'
            "</table>"
            f"<p>{threshold} {self._measures(escape=True)}<br>"
            f"{cost} {self._lowest()}</p>"
        )


def _pct(x: float) -> str:
    return _("undefined (no part in the denominator)") if np.isnan(x) else format_decimal(f"{x:.1%}")


#: Thresholds the demo tries when it looks for the cheapest one: 0.01, 0.02, ..., 0.99.
DEMO_THRESHOLDS = tuple(round(0.01 * i, 2) for i in range(1, 100))


@lru_cache(maxsize=8)
def book_case(seed: int = 7) -> tuple[tuple[bool, ...], tuple[float, ...]]:
    """Truth and model probabilities for the test parts of the chapter's case.

    5,000 parts simulated with ``seed``, 30 % kept for testing (split seed 1),
    and a logistic regression fitted on the other 70 % with the defaults of
    :func:`fit_logistic`.
    """
    train, test = train_test_split(simulate_parts(5000, seed=seed), test_share=0.3, seed=1)
    model = fit_logistic(train)
    return tuple(bool(v) for v in test["defective"]), tuple(float(v) for v in model.predict_proba(test))


def inspection_demo(
    threshold: float = 0.5,
    cost_ratio: float = 10.0,
    false_reject_cost: float = 5.0,
    seed: int = 7,
) -> InspectionResult:
    """The chapter's case: the logistic model on the test parts, at a given threshold and costs.

    ``threshold`` is the probability (0 to 1) at or above which a part is
    rejected. ``false_reject_cost`` is in US dollars a part; a missed defect
    costs ``cost_ratio`` times as much. ``seed`` chooses the simulated parts
    (the split and the model follow from it).
    """
    truth, proba = book_case(seed)
    missed_defect_cost = float(cost_ratio) * float(false_reject_cost)
    counts = confusion(truth, np.asarray(proba) >= threshold)
    curve = cost_curve(truth, proba, DEMO_THRESHOLDS, false_reject_cost, missed_defect_cost)
    best = curve.loc[curve["cost_per_1000"].idxmin()]
    return InspectionResult(
        float(threshold), float(false_reject_cost), missed_defect_cost, counts,
        float(best["threshold"]), float(best["cost_per_1000"]),
    )
