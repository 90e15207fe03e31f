"""Questions for the chapter "How to use this course" and its exercises."""

from __future__ import annotations

from ..exercises import Choice, CodeTask, Feedback, Mistake, MultipleChoice, Numeric, ShortText, compare_value
from ..i18n import gettext as _

# -- self-checks in the chapter --------------------------------------------------

ways_offline = MultipleChoice(
    id="howto-offline",
    prompt=(
        "A teacher in a rural school has a computer lab but no internet connection. "
        "Which way of using the course fits best?"
    ),
    choices=[
        Choice("Read the online book during class.", feedback="The online book needs an internet connection each time a page is opened."),
        Choice("Launch the notebooks on Binder.", feedback="Binder runs on a server on the internet, so it needs a connection."),
        Choice(
            "Install the course once on the lab computers and run the notebooks locally.",
            correct=True,
            feedback="Once installed, the notebooks and the data run with no connection at all.",
        ),
        Choice("Open the notebooks in Colab.", feedback="Colab is a service on the internet; it needs a connection."),
    ],
    hints=["Which of these options keeps working when the connection is off?"],
    solution="C. A local installation needs the internet only once, to install; after that it runs offline.",
)

share_online = Numeric(
    id="howto-share-online",
    prompt=(
        "In 2024, ITU estimated that 5.5 billion people used the internet and 2.6 billion did not. "
        "What percentage of all people used the internet?"
    ),
    answer=5.5 / (5.5 + 2.6) * 100,
    tolerance=0.6,
    unit="%",
    bounds=(0, 100),
    mistakes=[
        Mistake(5.5 / (5.5 + 2.6), "That is the share as a fraction. Multiply by 100 to get a percentage.", 0.01),
        Mistake(2.6 / (5.5 + 2.6) * 100, "That is the share of people offline. The question asks for those online.", 0.6),
        Mistake(5.5 / 2.6 * 100, "Divide by all people (online + offline), not by the people offline.", 1.0),
    ],
    hints=[
        "All people = people online + people offline.",
        "Share online = 5.5 / (5.5 + 2.6); then multiply by 100.",
    ],
    solution="5.5 / (5.5 + 2.6) × 100 = 5.5 / 8.1 × 100 ≈ 67.9 %. ITU rounds this to 68 %.",
    explanation="About two people in three were online in 2024; one in three was not.",
)

kernel_name = ShortText(
    id="howto-kernel",
    prompt="What is the name of the program that runs the code of a notebook and remembers its variables?",
    accepted=["kernel", "the kernel", "Jupyter kernel", "Python kernel", "IPython kernel"],
    wrong={
        "browser": "The browser shows the notebook, but the code runs in another program.",
        "Jupyter": "Jupyter is the whole system. Which part of it runs the code?",
        "JupyterLab": "JupyterLab is the interface you work in. Which program behind it runs the code?",
        "Python": "Close: the code is Python, and a program called the ... runs it for the notebook.",
    },
    hints=["It is the word that appears in the Kernel menu of JupyterLab."],
    solution="The kernel. Restarting it forgets all variables; that is why cells must run from top to bottom.",
)

feedback_kinds = MultipleChoice(
    id="howto-feedback",
    prompt="Which of these does a check in this course tell you? Select all that apply.",
    multiple=True,
    choices=[
        Choice("Whether your answer is right.", correct=True, feedback="Every check gives a verdict."),
        Choice("What is wrong with a wrong answer, where it can tell.", correct=True, feedback="Feedback names the problem, such as a missing column."),
        Choice("A hint for the next try.", correct=True, feedback="Each wrong try shows the next hint."),
        Choice("Your rank in the class.", feedback="Checks compare your answer with the expected one, never with other learners."),
    ],
    hints=["Three of the four are true. Which one would need other people's answers?"],
    solution="A, B and C.",
)

# -- exercises -----------------------------------------------------------------


percent_task = CodeTask(
    id="howto-percent",
    prompt=(
        "Write a function `percent(part, whole)` that returns `part` as a percentage of `whole`. "
        "For example, `percent(1, 4)` returns `25.0`."
    ),
    name="percent",
    cases=lambda: [(1, 4), (5.5, 8.1), (0, 7), (3, 3)],
    reference=lambda part, whole: part / whole * 100,
    stub="def percent(part, whole):\n    ...  # replace ... with your code\n",
    hints=[
        "A percentage is a fraction multiplied by 100.",
        "`return part / whole * 100`",
    ],
    solution="def percent(part, whole):\n    return part / whole * 100",
)


def _compare_offline_people(got: object, expected: float) -> Feedback:
    if isinstance(got, (int, float)) and not isinstance(got, bool) and abs(got - 2.6) < 0.01:
        return Feedback("incorrect", _("That is the number in billions. Store the full number of people: 2.6 billion is 2.6e9."))
    return compare_value(got, expected, rtol=0.01, what="`offline_people`")


offline_people = CodeTask(
    id="howto-offline-people",
    prompt=(
        "ITU counted 2.6 billion people offline in 2024. Store this number of people "
        "(not in billions: the full number) in a variable `offline_people`."
    ),
    name="offline_people",
    expected=lambda: 2.6e9,
    compare=_compare_offline_people,
    stub="offline_people = ...\n",
    hints=["One billion is 1 000 000 000, which Python can write as `1e9`.", "`offline_people = 2.6e9`"],
    solution="offline_people = 2.6e9   # or 2_600_000_000",
)

run_order = MultipleChoice(
    id="howto-run-order",
    prompt=(
        "You open a notebook, skip the first cell (the imports) and run the third cell. "
        "It stops with `NameError: name 'pd' is not defined`. What is the best fix?"
    ),
    choices=[
        Choice("Reinstall Python.", feedback="Nothing is broken in Python; a name is simply not defined yet in this kernel."),
        Choice("Run the cells from the top, in order (or use Run All).", correct=True,
               feedback="`pd` is defined by the import cell; the kernel only knows what has been run."),
        Choice("Delete the cell that failed.", feedback="The cell is fine; it needs what an earlier cell defines."),
    ],
    hints=["Where in the notebook is `pd` defined?"],
    solution="B. The kernel knows only the names defined by cells that have run.",
)
