"""Questions for the chapter "AI and machine learning in industry, and its governance" and its exercises."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..exercises import Choice, CodeTask, Feedback, Mistake, MultipleChoice, Numeric, ShortText
from ..i18n import format_decimal
from ..i18n import gettext as _
from ..models.ai_ml import simulate_parts

# -- self-checks in the chapter --------------------------------------------------

supervised = MultipleChoice(
    id="ai-supervised",
    prompt="Which of these is an example of supervised machine learning?",
    choices=[
        Choice(
            "An engineer writes the rule 'reject a part when its surface score is 4.0 or more' into the inspection software.",
            feedback="That is a rule written by hand. Nothing is learned from examples.",
        ),
        Choice(
            "A program studies 10,000 photos of cashew kernels, each sorted by an experienced grader into 'whole' "
            "or 'broken', and then sorts new kernels.",
            correct=True,
            feedback="Yes: it learns from examples that carry the right answer (the grader's label).",
        ),
        Choice(
            "A controller stops a conveyor belt whenever a light beam across it is broken.",
            feedback="That is automation with a fixed rule. There are no examples and no learning.",
        ),
        Choice(
            "Software groups machines by how similar their vibration patterns are, with no labels at all.",
            feedback="That learns from data, but without right answers: it is called unsupervised learning.",
        ),
    ],
    hints=["Supervised learning needs examples that come with the right answer. Which option has labelled examples?"],
    solution="B. The grader's sorting gives each photo a label; the program learns from these labelled examples.",
)

missed_defect_word = ShortText(
    id="ai-false-negative",
    prompt=(
        "A check flags defective parts; a rejected part is a 'positive'. What do we call a truly defective "
        "part that the check passes? (Two words.)"
    ),
    accepted=["false negative", "false negatives", "missed defect", "FN"],
    wrong={
        "false positive": "A false positive is a good part that is rejected (a false reject). Here the part is defective and passed.",
        "true negative": "A true negative is a good part that is passed. Here the part is defective.",
        "true positive": "A true positive is a defective part that is caught. Here the defect was not caught.",
    },
    hints=["The check said 'no defect' (negative), and it was wrong (false)."],
    solution="A false negative (a missed defect).",
)

accuracy_trap = Numeric(
    id="ai-accuracy-trap",
    prompt=(
        "A batch has 1,000 parts, of which 20 are defective. A 'check' passes every part without looking. "
        "What is its accuracy, in percent?"
    ),
    answer=98.0,
    tolerance=0.05,
    unit="%",
    bounds=(0, 100),
    mistakes=[
        Mistake(2.0, "2 % is the share of defective parts. Accuracy is the share of parts judged rightly: here every good part.", 0.05),
        Mistake(0.0, "0 % is its recall: it catches no defect. Accuracy counts the good parts it rightly passes too.", 0.05),
        Mistake(0.98, "That is accuracy as a fraction; give it in percent (multiply by 100).", 0.001),
    ],
    hints=[
        "Accuracy = (parts rightly rejected + parts rightly passed) / all parts.",
        "It rejects nothing, so it is right about every good part: 980 of 1,000.",
    ],
    solution="It passes all 980 good parts rightly and misses all 20 defects: accuracy = 980 / 1,000 = 98 %.",
    explanation="A check that does nothing can look very accurate when defects are rare. Look at recall too.",
)

rule_of_thumb = Numeric(
    id="ai-rule-of-thumb",
    prompt=(
        "A false reject costs US$4 and a missed defect costs US$36. The model's probabilities are honest. "
        "Above which probability of 'defective' is it cheaper to reject a part? (A number between 0 and 1.)"
    ),
    answer=0.1,
    tolerance=0.005,
    bounds=(0, 1),
    mistakes=[
        Mistake(0.9, "You swapped the costs. Divide the cost of a false reject by the sum of both costs.", 0.005),
        Mistake(4 / 36, "You divided by the cost of a missed defect only. Divide by the sum of both costs: 4 + 36.", 0.002),
        Mistake(0.5, "0.5 is the usual default, which treats both errors as equally costly. Here a miss costs 9 times more.", 0.005),
        Mistake(9.0, "That is the ratio of the costs. The threshold is a probability between 0 and 1.", 0.01),
    ],
    hints=[
        "Rejecting costs (1 − p) × 4 on average; passing costs p × 36. Reject when passing costs more.",
        "The two are equal when p = 4 / (4 + 36).",
    ],
    solution="Reject when p × 36 > (1 − p) × 4, that is when p > 4 / (4 + 36) = 0.1.",
    explanation="The dearer a miss, the lower the threshold: doubtful parts are rejected.",
)

who_is_harmed = MultipleChoice(
    id="ai-who-is-harmed",
    prompt=(
        "In the chapter, the model trained on line A rejects 30.9 % of the good parts of line B, where the "
        "camera reads one point higher, and misses only 2.7 % of its defects. Who bears most of this harm?"
    ),
    choices=[
        Choice(
            "The customers of line B, who receive more faulty parts.",
            feedback="On line B almost every defect is caught. That harm falls on the customers of line C, where scores read lower.",
        ),
        Choice(
            "Supplier B and the workers of line B: good parts are scrapped, pay per good part falls, and the supplier looks poor in the records.",
            correct=True,
            feedback="Yes. The errors fall on people who did not choose the model, and who may not know it is in use.",
        ),
        Choice(
            "No one: the defects are caught, so the model is doing its job.",
            feedback="Rejecting good parts has a cost: material, work and the supplier's reputation.",
        ),
        Choice(
            "The company that developed the model.",
            feedback="The developer may never learn of the problem; the people on line B feel it first.",
        ),
    ],
    hints=["Most errors on line B are false rejects. Whose parts are they?"],
    solution="B. False rejects hit the supplier and the workers of line B, whose good parts are scrapped.",
)

governance_practice = MultipleChoice(
    id="ai-governance-practice",
    prompt=(
        "A factory is about to use an inspection model. Which practices follow the OECD AI Principles and "
        "the UNESCO Recommendation on the Ethics of AI? Select all that apply."
    ),
    choices=[
        Choice("Report how well the model works for each line, supplier and material.", correct=True,
               feedback="Fairness: problems that an average hides show up group by group."),
        Choice("Let trained staff review rejected parts and overrule the model.", correct=True,
               feedback="Human oversight: a person can catch and correct the model's errors."),
        Choice(
            "Keep it secret from suppliers that a model decides, to avoid complaints.",
            feedback="That goes against transparency: the people affected should know that a model decides, and how to question it.",
        ),
        Choice("Name one person who is responsible for the model, its threshold and its errors.", correct=True,
               feedback="Accountability: someone must answer for the system."),
        Choice(
            "Check the overall accuracy once before launch, and never again.",
            feedback="An overall figure can hide bias, and a model must be checked again when materials, lamps or suppliers change.",
        ),
    ],
    multiple=True,
    hints=["Think of four words: fairness, human oversight, transparency, accountability. Which options serve them?"],
    solution="A, B and D. C goes against transparency; E ignores fairness and robustness over time.",
)

# -- exercises -----------------------------------------------------------------

precision_from_matrix = Numeric(
    id="ai-precision",
    prompt=(
        "A camera system in a garment factory in Bangladesh inspects 1,000 shirts. It rejects 45 defective "
        "shirts (true positives) and 30 good shirts (false positives). It passes 15 defective shirts (false "
        "negatives) and 910 good shirts (true negatives). What is its precision, in percent?"
    ),
    answer=60.0,
    tolerance=0.1,
    unit="%",
    bounds=(0, 100),
    mistakes=[
        Mistake(75.0, "75 % is the recall, TP / (TP + FN): the share of defective shirts caught. Precision looks at the rejected shirts.", 0.1),
        Mistake(95.5, "95.5 % is the accuracy. Precision looks only at the rejected shirts.", 0.1),
        Mistake(40.0, "40 % is the share of rejected shirts that are good, FP / (TP + FP). Precision is the other part.", 0.1),
        Mistake(7.5, "7.5 % is the share of all shirts that are rejected. Precision divides by the rejected shirts only.", 0.05),
        Mistake(0.6, "That is precision as a fraction; give it in percent (multiply by 100).", 0.001),
    ],
    hints=[
        "Precision answers: of the shirts the system rejected, what share was truly defective?",
        "Rejected shirts = TP + FP = 45 + 30 = 75. Precision = TP / 75.",
    ],
    solution="Precision = TP / (TP + FP) = 45 / (45 + 30) = 0.60 = 60 %.",
    explanation="Four in ten rejected shirts were good: a cost in cloth and work, even though recall (75 %) is fair.",
)

# `confusion(df, threshold)` is checked on simulated parts other than the chapter's,
# so that counts typed in by hand cannot pass.

_KEYS = ("tp", "fp", "fn", "tn")


def confusion_reference(df: pd.DataFrame, threshold: float) -> dict[str, int]:
    """The four counts when parts with surface_score >= threshold are rejected (the reference solution)."""
    rejected = df["surface_score"] >= threshold
    defective = df["defective"]
    return {
        "tp": int((defective & rejected).sum()),
        "fp": int((~defective & rejected).sum()),
        "fn": int((defective & ~rejected).sum()),
        "tn": int((~defective & ~rejected).sum()),
    }


def _confusion_cases() -> list[tuple[Any, ...]]:
    return [
        (simulate_parts(400, seed=21), 4.0),
        (simulate_parts(600, camera_offset=1.0, line="B", seed=5), 3.5),
        (simulate_parts(300, defect_rate=0.2, seed=13), 5.0),
    ]


def _compare_counts(got: Any, expected: dict[str, int]) -> Feedback:
    if isinstance(got, pd.Series):
        got = got.to_dict()
    if not isinstance(got, Mapping):
        return Feedback(
            "unreadable",
            _("`confusion` should return a dictionary such as {example}, "
              "but it returned a value of type {kind}.").format(
                example="{'tp': 3, 'fp': 1, 'fn': 2, 'tn': 94}", kind=type(got).__name__),
        )
    missing = [k for k in _KEYS if k not in got]
    if missing:
        return Feedback("incorrect", _("The dictionary has no key {keys}. Use the keys 'tp', 'fp', 'fn' and 'tn'.").format(
            keys=", ".join(repr(k) for k in missing)))
    try:
        values = {k: float(got[k]) for k in _KEYS}
    except (TypeError, ValueError):
        return Feedback("unreadable", _("Each of the four counts should be a number (use `.sum()` on a column of True/False)."))
    if all(values[k] == expected[k] for k in _KEYS):
        return Feedback("correct", _("All four counts are right."), 1.0)
    if (values["fp"], values["fn"]) == (expected["fn"], expected["fp"]) and values["tp"] == expected["tp"]:
        return Feedback(
            "incorrect",
            _("You swapped 'fp' and 'fn'. A false positive is a GOOD part that is rejected; a false negative "
              "is a DEFECTIVE part that is passed."),
        )
    if sum(values.values()) != sum(expected.values()):
        return Feedback("incorrect", _("The four counts add up to {total}, but there are {parts} parts. Each part belongs in exactly one cell.").format(
            total=format_decimal(f"{sum(values.values()):g}"), parts=sum(expected.values())))
    wrong = [k for k in _KEYS if values[k] != expected[k]]
    if len(wrong) > 1:
        message = _("The counts {keys} are not right (for example '{key}' is {got}, "
                    "expected {expected}). Is a part whose score equals the threshold rejected?")
    else:
        message = _("The count {keys} is not right (for example '{key}' is {got}, "
                    "expected {expected}). Is a part whose score equals the threshold rejected?")
    return Feedback(
        "incorrect",
        message.format(keys=", ".join(repr(k) for k in wrong), key=wrong[0],
                       got=format_decimal(f"{values[wrong[0]]:g}"), expected=expected[wrong[0]]),
    )


confusion_task = CodeTask(
    id="ai-confusion-function",
    prompt=(
        "Write a function `confusion(df, threshold)` that rejects the parts whose `surface_score` is at or above "
        "`threshold`, compares this with the column `defective`, and returns a dictionary with the four counts "
        "under the keys 'tp', 'fp', 'fn' and 'tn'."
    ),
    name="confusion",
    cases=_confusion_cases,
    reference=confusion_reference,
    compare=_compare_counts,
    stub="def confusion(df, threshold):\n    ...  # replace ... with your code\n",
    hints=[
        "Make two columns of True/False: `rejected = df['surface_score'] >= threshold` and `defective = df['defective']`.",
        "`&` means 'and', `~` means 'not'. A true positive is `defective & rejected`; a false positive is `~defective & rejected`.",
        "`.sum()` counts the True values. Return `{'tp': ..., 'fp': ..., 'fn': ..., 'tn': ...}`.",
    ],
    solution=(
        "def confusion(df, threshold):\n"
        "    rejected = df['surface_score'] >= threshold\n"
        "    defective = df['defective']\n"
        "    return {\n"
        "        'tp': int((defective & rejected).sum()),\n"
        "        'fp': int((~defective & rejected).sum()),\n"
        "        'fn': int((defective & ~rejected).sum()),\n"
        "        'tn': int((~defective & ~rejected).sum()),\n"
        "    }"
    ),
)

threshold_choice = Numeric(
    id="ai-threshold-choice",
    prompt=(
        "At another plant, a false reject costs US$10 and a missed defect US$40. Using the chapter's model and "
        "its 1,500 test parts, which threshold (0.01, 0.02, ..., 0.99) gives the lowest expected cost of errors per 1,000 parts?"
    ),
    answer=0.21,
    tolerance=0.0401,
    bounds=(0, 1),
    mistakes=[
        Mistake(0.5, "0.5 is the default threshold. It ignores the costs: here a missed defect costs four times a false reject.", 0.005),
        Mistake(
            0.48,
            "That threshold gives the highest accuracy. Accuracy counts both errors as equal; here a missed defect costs "
            "four times a false reject, so the cheapest threshold is lower.",
            0.03,
        ),
        Mistake(0.8, "You swapped the costs: 40 / (10 + 40) = 0.8. A dear miss should LOWER the threshold.", 0.03),
        Mistake(0.07, "That is the chapter's threshold for costs of US$5 and US$50. Compute the curve with US$10 and US$40.", 0.015),
    ],
    hints=[
        "Use `cost_curve(test['defective'], p_test, thresholds, false_reject_cost=10, missed_defect_cost=40)`.",
        "Find the row with the smallest `cost_per_1000`: `curve.loc[curve['cost_per_1000'].idxmin()]`.",
        "Check with the rule of thumb: 10 / (10 + 40) = 0.2. The curve's lowest point should be near it.",
    ],
    solution=(
        "The lowest cost, US$1,033 per 1,000 parts, is reached at 0.18 (and again at 0.19 and 0.21). Every threshold "
        "from 0.17 to 0.25 costs within about 6 % of that, so any of them is a good choice. The rule of thumb "
        "10 / (10 + 40) = 0.2 agrees."
    ),
    explanation="The curve is flat near its lowest point: small changes of threshold there cost little.",
)

bias_case = MultipleChoice(
    id="ai-bias-case",
    prompt=(
        "A garment exporter in Bangladesh buys a fabric-inspection model trained on the fabrics of a mill in "
        "Europe. The vendor reports 98 % accuracy. On the exporter's own cotton, the model rejects three times "
        "as many metres of good cloth as it did in the vendor's tests. What should the exporter do first?"
    ),
    choices=[
        Choice(
            "Raise the threshold on every line until the false rejects fall.",
            feedback="That lets more defects through on every line and hides the cause: the model has not seen this cotton.",
        ),
        Choice(
            "Test the model on a labelled sample of its own fabric, report the results for each fabric and line, and "
            "retrain or adjust it with local examples, with staff reviewing rejects meanwhile.",
            correct=True,
            feedback="Yes: measure where it fails, fix it with local data, and keep people in the loop until it works.",
        ),
        Choice(
            "Trust the vendor's 98 %: it was measured on many more metres of cloth.",
            feedback="Accuracy on someone else's fabric says little about yours. The data, not the amount, is the problem.",
        ),
        Choice(
            "Stop all quality inspection, since the model is biased.",
            feedback="Without inspection, every defect reaches the buyers. The model needs fixing, not the inspection removing.",
        ),
    ],
    hints=["Where did the model's examples come from, and where is it used now?", "What would you need to know before changing anything?"],
    solution="B. The model learned from other fabric; it must be tested and adjusted on local examples, with people overseeing it.",
)

demo_reflection = MultipleChoice(
    id="ai-demo-reflection",
    prompt=(
        "In the demo, raise the cost ratio (missed defect / false reject) from 2 to 40. "
        "What happens to the threshold with the lowest cost, and why?"
    ),
    choices=[
        Choice(
            "It rises, because dear misses call for more caution before rejecting.",
            feedback="Move the slider and look again: caution about misses means rejecting MORE parts, so a lower threshold.",
        ),
        Choice(
            "It falls, because when a miss costs much more, it pays to reject parts that are only perhaps defective.",
            correct=True,
            feedback="Yes: from 0.25 at a ratio of 2 to 0.03 at 40. The costs, not the model, set the threshold.",
        ),
        Choice(
            "It stays at 0.5, because the model does not change.",
            feedback="The model does not change, but the best threshold does: it depends on the costs.",
        ),
        Choice(
            "It falls, because the model becomes more accurate.",
            feedback="The model and its probabilities are the same at every cost ratio; only the price of each error changes.",
        ),
    ],
    hints=["Watch the last line of the demo's result as you move the cost-ratio slider."],
    solution="B. The threshold of lowest cost falls from 0.25 (ratio 2) to 0.03 (ratio 40).",
)
