"""Questions for the chapter "Cybersecurity for connected industry" and its exercises."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from ..exercises import Choice, CodeTask, Feedback, Mistake, MultipleChoice, Numeric, ShortText
from ..models.cyber import IR_STEPS, WORDLIST_SIZE, diagnose_order, example_register, risk_category

# -- self-checks in the chapter --------------------------------------------------

it_ot_priority = MultipleChoice(
    id="cyber-it-ot",
    prompt=(
        "For the control system of a water treatment plant in Peru (its controllers, pumps and operator "
        "screens), which goal usually comes first?"
    ),
    choices=[
        Choice("Keeping data secret (confidentiality).",
               feedback="Secrecy often comes first in office IT. In a plant, a leak of data is bad, but an "
                        "unsafe or stopped process is worse."),
        Choice("Keeping the process running safely (availability and safety).", correct=True,
               feedback="Yes: in operational technology, safety of people and a working process come first."),
        Choice("Installing every security update on the day it comes out.",
               feedback="An update can restart a computer or break control software in the middle of the "
                        "process. In OT, updates are tested first and installed in a planned window."),
        Choice("Replacing controllers every three years, like office computers.",
               feedback="Controllers and machines are built to run for many years; replacing them often is "
                        "costly and risky. Their long life is one reason OT security is hard."),
    ],
    hints=["Think of what happens to the town if the pumps stop, or if the chemical dose is wrong."],
    solution="B. Availability and safety come first in OT; confidentiality usually comes first in office IT.",
)

lateral_movement = ShortText(
    id="cyber-lateral",
    prompt=(
        "An attacker gets into one office computer with a phishing email, then uses it to reach other "
        "computers, and finally the network of the machines. What is this second step called "
        "(moving from one system to others inside the network)?"
    ),
    accepted=["lateral movement", "moving laterally", "lateral move", "lateral movements", "pivoting"],
    wrong={
        "phishing": "Phishing is how the attacker got in (the first step). What is the spread inside called?",
        "ransomware": "Ransomware is often the last step: the harm. What do we call the spread before it?",
        "privilege escalation": "Close: that is gaining more rights on a system. The question asks about "
                                "moving from one system to others.",
        "social engineering": "Social engineering means tricking people, as in phishing: the first step.",
    },
    hints=["It is a sideways move, from computer to computer: the Latin for 'side' is 'latus'."],
    solution="Lateral movement.",
)

risk_after_control = Numeric(
    id="cyber-risk-after",
    prompt=(
        "A threat has likelihood 3 and impact 5 (score 15). Its control, network segmentation with backups "
        "tested offline, lowers the likelihood by 1 level and the impact by 2 levels. What is the risk score "
        "after the control?"
    ),
    answer=6,
    tolerance=0,
    bounds=(1, 25),
    mistakes=[
        Mistake(15, "That is the score before the control. Lower both levels first, then multiply."),
        Mistake(12, "You took 1 + 2 = 3 points off the score. The control lowers the levels: (3 - 1) x (5 - 2)."),
        Mistake(10, "You lowered only the likelihood. The control lowers the impact by 2 levels too."),
        Mistake(9, "You lowered only the impact. The control lowers the likelihood by 1 level too."),
    ],
    hints=["New likelihood = 3 - 1; new impact = 5 - 2.", "Score = new likelihood x new impact."],
    solution="(3 - 1) x (5 - 2) = 2 x 3 = 6, which is in the medium category (5 to 9).",
)

control_for_impact = MultipleChoice(
    id="cyber-control-impact",
    prompt=(
        "Ransomware has already encrypted the planning server of a garment factory in Bangladesh. "
        "Which control, if it had been in place before, now does the most to limit the harm?"
    ),
    choices=[
        Choice("Multi-factor authentication on email.",
               feedback="It makes a break-in less likely, so it lowers the likelihood. Once the data are "
                        "encrypted, it cannot bring them back."),
        Choice("Backups kept offline and tested by restoring them.", correct=True,
               feedback="Yes: a tested offline copy lets the factory restore its data without the "
                        "attackers. It lowers the impact."),
        Choice("A rule that passwords must have 12 characters.",
               feedback="Longer passwords make guessing harder (likelihood). They do not restore anything."),
        Choice("Paying the ransom.",
               feedback="Paying is not a control: there is no guarantee that the data come back or that the "
                        "attackers leave, and it funds the next attack."),
    ],
    hints=["Some controls make an attack less likely; others make it less harmful. Which one restores the data?"],
    solution="B. Offline, tested backups lower the impact of ransomware: the data can be restored.",
)

entropy_lowercase = Numeric(
    id="cyber-entropy-8",
    prompt=(
        "A password of 8 characters is made by picking each character at random from the 26 lowercase "
        "letters. What is its entropy, in bits? (Give one decimal.)"
    ),
    answer=8 * math.log2(26),
    tolerance=0.1,
    unit="bits",
    bounds=(0, 1000),
    mistakes=[
        Mistake(8 * 26, "You multiplied by the pool size. Multiply by log2 of the pool size: log2(26) = 4.70.", 0.5),
        Mistake(8 * math.log10(26), "You used log10. Bits need log2: log2(26) = 4.70.", 0.1),
        Mistake(8 * math.log(26), "You used the natural log (ln). Bits need log2: log2(26) = 4.70.", 0.1),
        Mistake(26.0**8, "That is the number of possible passwords. The entropy is log2 of that number.", 1e9),
    ],
    hints=["bits = length x log2(pool size).", "log2(26) is about 4.70; multiply it by 8."],
    solution="8 x log2(26) = 8 x 4.70 = 37.6 bits.",
)

ir_first_step = MultipleChoice(
    id="cyber-ir-first",
    prompt=(
        "At 6 a.m., an operator in a bottling plant in Kenya sees a ransom note on the operator screen of "
        "line 2. She has told the shift supervisor, who called the person in charge of incidents. What "
        "should come next?"
    ),
    choices=[
        Choice("Disconnect line 2's computers from the network, keep the machines in a safe state, and "
               "leave the computers as they are.", correct=True,
               feedback="Yes: contain first, so that it does not spread, without destroying what shows how "
                        "the attackers got in."),
        Choice("Wipe the operator computer and reinstall it at once.",
               feedback="That is eradication, and it comes later: wiping now destroys the evidence, and the "
                        "attackers may still be in other computers."),
        Choice("Pay the ransom so that the line can restart quickly.",
               feedback="There is no guarantee that paying brings the system back; the first job is to stop "
                        "the spread."),
        Choice("Wait to see whether the other lines are affected too.",
               feedback="Waiting lets ransomware spread. Containment comes right after detection and reporting."),
    ],
    hints=["The incident has been detected and reported. Which step of the life cycle comes next?"],
    solution="A. Contain: isolate the affected computers while keeping the process safe, and keep the evidence.",
)

small_firm_practices = MultipleChoice(
    id="cyber-small-firm",
    prompt="Which of these practices in a small metal workshop raise its cyber risk? Select all that apply.",
    multiple=True,
    choices=[
        Choice("Everyone uses the same password for the machine software, and it never changes.", correct=True,
               feedback="A shared password cannot be taken back from a person who leaves, and no one knows who "
                        "did what."),
        Choice("A pirated copy of the design software, which cannot receive security updates.", correct=True,
               feedback="Unlicensed software gets no updates and often comes with malware hidden in it."),
        Choice("A second-hand cutting machine joined to the Wi-Fi with the settings of its last owner.",
               correct=True,
               feedback="Old settings may include default passwords or remote access for someone else."),
        Choice("A backup on an external disk that is unplugged after use and tested once a month.",
               feedback="That is a good control: it lowers the impact of ransomware."),
        Choice("Two-step login (multi-factor authentication) on the owner's email.",
               feedback="That is a good control: a stolen password alone is no longer enough."),
    ],
    hints=["Three options make an attack easier; two are controls that make it harder or less harmful."],
    solution="A, B and C raise the risk; D and E are good controls.",
)

# -- exercises -------------------------------------------------------------------


def _compare_order(got: Any, expected: Any) -> Feedback:
    """Which steps of the learner's list are out of order (see :func:`smartindustry.models.cyber.diagnose_order`)."""
    d = diagnose_order(got, tuple(expected))
    return Feedback(d.status, d.message, d.score)


#: The steps as the exercise shows them, shuffled (always the same shuffle).
IR_SHUFFLED = ("recover", "contain", "learn lessons", "detect and report", "eradicate", "preserve evidence")

ir_order_task = CodeTask(
    id="cyber-ir-order",
    prompt=(
        "Put the six steps of handling an incident in order, from first to last, as a list of their names in "
        f"`ir_order`. The steps, shuffled: {', '.join(repr(s) for s in IR_SHUFFLED)}."
    ),
    name="ir_order",
    expected=lambda: list(IR_STEPS),
    compare=_compare_order,
    stub="ir_order = ...\n",
    hints=[
        "Nothing can be done before someone notices the incident and tells the right person.",
        "Stop the spread before you clean up, and keep the evidence before you wipe anything.",
        "The order is: detect and report, contain, preserve evidence, then remove the cause, restore, and learn.",
    ],
    solution=(
        "ir_order = ['detect and report', 'contain', 'preserve evidence', 'eradicate', 'recover', 'learn lessons']"
    ),
)

passphrase_entropy = Numeric(
    id="cyber-passphrase-bits",
    prompt=(
        f"A passphrase is made of 5 words, each picked at random (with dice) from a list of {WORDLIST_SIZE:,} "
        "words. What is its entropy, in bits? (Give one decimal.)"
    ),
    answer=5 * math.log2(WORDLIST_SIZE),
    tolerance=0.1,
    unit="bits",
    bounds=(0, 1000),
    mistakes=[
        Mistake(math.log2(WORDLIST_SIZE), "That is the entropy of one word. The passphrase has 5.", 0.1),
        Mistake(5 * math.log10(WORDLIST_SIZE), "You used log10. Bits need log2: log2(7,776) = 12.9.", 0.1),
        Mistake(5 * math.log(WORDLIST_SIZE), "You used the natural log (ln). Bits need log2: log2(7,776) = 12.9.", 0.1),
        Mistake(6 * math.log2(WORDLIST_SIZE), "That is for 6 words; this passphrase has 5.", 0.1),
    ],
    hints=["bits = number of words x log2(list size).", "log2(7,776) is about 12.92 (because 2 to the power 12.92 is 7,776)."],
    solution="5 x log2(7,776) = 5 x 12.92 = 64.6 bits.",
    explanation="Each word picked at random from 7,776 adds about 12.9 bits, as much as two random characters from all 95.",
)


def risk_register_reference(df: pd.DataFrame) -> pd.DataFrame:
    """The register with a ``score`` (likelihood x impact) and a ``priority`` (category) column."""
    out = df.copy()
    out["score"] = out["likelihood"] * out["impact"]
    out["priority"] = out["score"].apply(risk_category)
    return out


#: A register whose scores sit on both sides of every cut-off (4|5, 9|10, 15|16).
_BOUNDARIES = pd.DataFrame({
    "threat": ["Shared laptop", "Old router", "Open Wi-Fi", "Weak PIN", "Unsigned update", "Exposed screen"],
    "likelihood": [2, 5, 3, 5, 3, 4],
    "impact": [2, 1, 3, 2, 5, 4],
})

risk_register_task = CodeTask(
    id="cyber-risk-register",
    prompt=(
        "Write a function `risk_register(df)` that takes a register with the columns `threat`, `likelihood` "
        "and `impact` (1 to 5 each) and returns it with two new columns: `score` (likelihood x impact) and "
        "`priority`: 'low' for scores 1 to 4, 'medium' for 5 to 9, 'high' for 10 to 15 and 'critical' for 16 to 25."
    ),
    name="risk_register",
    cases=lambda: [(example_register(n, seed=seed),) for n, seed in ((8, 11), (5, 12), (12, 13))] + [(_BOUNDARIES,)],
    reference=risk_register_reference,
    stub="def risk_register(df):\n    ...  # replace ... with your code\n",
    hints=[
        "Start with `out = df.copy()`, so that the original table does not change.",
        "`out['score'] = out['likelihood'] * out['impact']` multiplies row by row.",
        "For the priority, write a small function `category(score)` with `if`/`elif`, and use "
        "`out['score'].apply(category)`; or use `pd.cut` with the bins [0, 4, 9, 15, 25].",
    ],
    solution=(
        "def risk_register(df):\n"
        "    out = df.copy()\n"
        "    out['score'] = out['likelihood'] * out['impact']\n"
        "    bins = [0, 4, 9, 15, 25]\n"
        "    names = ['low', 'medium', 'high', 'critical']\n"
        "    out['priority'] = pd.cut(out['score'], bins=bins, labels=names).astype(str)\n"
        "    return out"
    ),
)

ot_patching = MultipleChoice(
    id="cyber-ot-patching",
    prompt=(
        "The IT manager of a cement plant in Viet Nam wants the plant's control computers (operator screens "
        "and engineering stations) to install every security update automatically each night, as the office "
        "computers do. What is the best answer?"
    ),
    choices=[
        Choice("Yes: treat them exactly like the office computers.",
               feedback="An automatic restart or a changed file can stop the kiln or break the control "
                        "software. OT computers need a different routine."),
        Choice("No: control computers should never be updated.",
               feedback="Then every known weakness stays open for the life of the plant, often many years."),
        Choice("Test each update first on a spare or test system, check that the machine supplier supports it, "
               "and install it in an agreed maintenance window; where an update is not possible, protect the "
               "computer by segmentation and strict remote access.", correct=True,
               feedback="Yes: patch, but safely and on the plant's schedule, and add other protection where "
                        "patching is not possible."),
        Choice("Cut the plant off from every network forever, so that updates are not needed.",
               feedback="Plants need data to flow (orders, maintenance, supplier support), and an isolated "
                        "network can still be infected by a USB drive, as Stuxnet showed."),
    ],
    hints=["In OT, availability and safety come first. Which answer still closes known weaknesses?"],
    solution="C. Updates are tested and planned with production; segmentation protects what cannot be updated.",
)

demo_reflection = MultipleChoice(
    id="cyber-demo-reflection",
    prompt=(
        "In the demo, choose 'Default password on the remote-access gateway' with likelihood 4 and impact 5, "
        "and apply its control. The likelihood falls to 1, but the risk stays medium (score 5). Why?"
    ),
    choices=[
        Choice("Because 1 x 5 = 5 is already medium: to go lower, a control must reduce the impact, such as "
               "segmentation, tested backups or a way to run the process by hand.", correct=True,
               feedback="Yes: a severe impact keeps a risk on the list, however rare it becomes."),
        Choice("Because the demo has a mistake: a control should always make a risk low.",
               feedback="No mistake: the score is likelihood x impact, and the impact is still 5."),
        Choice("Because likelihood does not matter in a risk matrix.",
               feedback="It does: the score fell from 20 (critical) to 5 (medium) because the likelihood fell."),
        Choice("Because rare events should be ignored.",
               feedback="Rare, severe events do happen, such as a tampered supplier update; they still need "
                        "a plan to limit the harm."),
    ],
    hints=["Compute the score after the control: likelihood 1 x impact 5. Which category is 5?"],
    solution="A. Lowering the likelihood to its minimum leaves a score equal to the impact; only impact controls go further.",
)
