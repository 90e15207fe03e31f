"""Translations: every catalogue complete and faithful, and in step with the English source.

English is the source of the course. The book's pages are translated from
``locales/<lang>/LC_MESSAGES`` and the course package's texts (questions,
feedback, alt text) from ``smartindustry/locales/<lang>``. These tests fail when
a message is untranslated or fuzzy, when a translation lost a role, a citation,
a link or a number of its English, and when the English changed without the
catalogues being updated (`make i18n-update`).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from smartindustry.exercises import MultipleChoice, Numeric, ShortText, check
from smartindustry.i18n import format_decimal, gettext, language, set_language
from smartindustry.i18n.catalogue import templates
from smartindustry.i18n.po import Message, problems, read_po
from smartindustry.i18n.questions import translated
from smartindustry.questions import all_questions

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from i18n import BOOK_LOCALES, PACKAGE_LOCALES, catalogues, is_book  # noqa: E402

LANGS = ["fr"]


@pytest.fixture
def french():
    set_language("fr")
    yield
    set_language(None)


# -- complete and faithful ------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated_and_keeps_its_markup_and_numbers(lang):
    found = []
    paths = catalogues(lang)
    assert len(paths) > 80
    for path in paths:
        for message in read_po(path):
            for problem in problems(message, french=lang == "fr", myst=is_book(path)):
                found.append(f"{path.relative_to(ROOT)}:{message.line}: {problem}")
    assert not found, f"{len(found)} problem(s) (python tools/i18n.py check):\n" + "\n".join(found[:40])


@pytest.mark.parametrize(
    "english, translation, problem",
    [
        ("See the {term}`digital divide`.", "Voir la fracture numérique.", "markup lost: term 'digital divide'"),
        ("See the {term}`digital divide`.", "Voir la {term}`fracture numérique`.", "markup lost: term 'digital divide'"),
        ("As {cite}`itu_2023` says.", "Comme le dit {cite}`itu_2024`.", "markup lost: cite 'itu_2023'"),
        ("Run `make book`.", "Lancez `make livre`.", "markup lost: code 'make book'"),
        ("The [data](../appendix/data.md).", "Les [données](../appendix/donnees.md).", "markup lost: link"),
        ("2.6 billion people in 2024.", "2,7 milliards de personnes en 2024.", "numbers differ: missing 2.6"),
        ("2.6 billion people in 2024.", "2,6 milliards de personnes.", "numbers differ: missing 2024"),
        ("About 1,757.5 kg per hectare.", "Environ 1 757,5 kg par hectare.", None),
        ("About 1,757.5 kg per hectare.", "Environ 1\u00a0757,5 kg par hectare.", None),
        ("In 62.6 % of cases.", "Dans 62,6\u00a0% des cas.", None),
        ("See the {term}`digital divide`.", "Voir la {term}`fracture numérique <digital divide>`.", None),
        ("See {doc}`the data <../appendix/data>`.", "Voir {doc}`les données <../appendix/data>`.", None),
        ("Anything.", "", "not translated"),
        ("A reject costs US\\$5, a miss US\\$50.", "Un rejet coûte 5 USD, un défaut 50 USD.", None),
        ("A reject costs US\\$5, a miss US\\$50.", "Un rejet coûte 6 USD, un défaut 50 USD.", "numbers differ"),
        ("The mean is $\\bar{x} = 2$.", "La moyenne est $\\bar{x} = 3$.", "markup lost: math"),
    ],
)
def test_the_checks_find_what_a_reader_could_not(english, translation, problem):
    found = problems(Message(english, translation))
    if problem is None:
        assert found == []
    else:
        assert any(p.startswith(problem) for p in found), found


def test_in_a_question_a_dollar_is_a_dollar():
    english = "A false reject costs US$4 and a missed defect costs US$36."
    assert problems(Message(english, "Un faux rejet coûte 4 USD et un défaut manqué 36 USD."), myst=False) == []
    assert problems(Message(english, "Un faux rejet coûte 4 USD et un défaut manqué 35 USD."), myst=False)


def test_a_fuzzy_message_is_a_problem(tmp_path):
    po = tmp_path / "x.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n#, fuzzy\nmsgid "Hello"\nmsgstr "Bonjour"\n\n'
                  'msgid "A \\"quoted\\" "\n"text"\nmsgstr ""\n"Un texte "\n"«\u00a0cité\u00a0»"\n', encoding="utf-8")
    messages = read_po(po)
    assert [(m.id, m.string, m.fuzzy) for m in messages] == [
        ("Hello", "Bonjour", True), ('A "quoted" text', "Un texte «\u00a0cité\u00a0»", False)]
    assert problems(messages[0])[0].startswith("fuzzy")


# -- in step with the English ------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_package_catalogues_hold_exactly_the_package_texts(lang):
    for name, found in templates().items():
        path = PACKAGE_LOCALES / lang / f"{name}.po"
        assert path.exists(), f"{path} is missing: run make i18n-update"
        ids = {m.id for m in read_po(path)}
        assert ids == set(found), (
            f"{path.relative_to(ROOT)} is not in step with the English (run make i18n-update): "
            f"new {sorted(set(found) - ids)[:3]}, gone {sorted(ids - set(found))[:3]}")


@pytest.mark.parametrize("lang", LANGS)
def test_book_catalogues_hold_exactly_the_messages_of_the_pages(tmp_path, lang):
    proc = subprocess.run(
        [str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT), "--path-output", str(tmp_path),
         "--builder", "custom", "--custom-builder", "gettext", "-q"],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    pot = tmp_path / "_build" / "gettext"
    templates_found = sorted(p.relative_to(pot).with_suffix("") for p in pot.rglob("*.pot"))
    translations = sorted(p.relative_to(BOOK_LOCALES / lang / "LC_MESSAGES").with_suffix("")
                          for p in (BOOK_LOCALES / lang / "LC_MESSAGES").rglob("*.po"))
    assert templates_found == translations
    for page in templates_found:
        source = {m.id for m in read_po(pot / page.with_suffix(".pot"))}
        target = {m.id for m in read_po(BOOK_LOCALES / lang / "LC_MESSAGES" / page.with_suffix(".po"))}
        assert source == target, (
            f"{page}: catalogue not in step with the English (run make i18n-update): "
            f"new {sorted(source - target)[:2]}, gone {sorted(target - source)[:2]}")


@pytest.mark.parametrize("lang", LANGS)
def test_the_parts_of_the_book_are_translated_in_the_table_of_contents(lang):
    from i18n import TOC_CATALOGUE, toc_captions, translated_toc

    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    captions = toc_captions(toc)
    assert len(captions) >= 6
    assert {m.id for m in read_po(BOOK_LOCALES / lang / TOC_CATALOGUE)} == set(captions), "run make i18n-update"
    french = translated_toc(toc, lang)
    assert toc_captions(french) != captions and french.count("- file:") == toc.count("- file:")


# -- the package speaks French --------------------------------------------------------------


def test_english_is_the_default_and_the_language_is_chosen_once():
    assert language() == "en"
    assert set_language("fr") == "fr" and gettext("Check") == "Vérifier"
    assert set_language(None) == "en" and gettext("Check") == "Check"
    with pytest.raises(ValueError):
        set_language("xx")
    assert format_decimal("2,495.5", "fr") == "2\u00a0495,5" and format_decimal("2,495.5", "en") == "2,495.5"


def test_every_question_has_a_french_version_with_the_same_key():
    questions = all_questions()
    assert len(questions) > 150
    for q in questions.values():
        fr = translated(q, "fr")
        assert fr.id == q.id and type(fr) is type(q)
        assert fr.prompt != q.prompt, f"{q.id}: the prompt is not translated"
        if isinstance(q, MultipleChoice):
            assert [c.correct for c in fr.choices] == [c.correct for c in q.choices]
        if isinstance(q, Numeric):
            assert (fr.answer, fr.allowed_error()) == (q.answer, q.allowed_error())
        if isinstance(q, ShortText):
            assert set(q.accepted) <= set(fr.accepted)
    assert translated(q, "en") is q


def test_a_learner_checks_in_french_and_types_a_decimal_comma(french):
    from smartindustry.questions.divide import parity_ethiopia

    right = check(parity_ethiopia, "0,70")
    assert right.correct and right.message == "0,7\u00a0: c’est juste."
    wrong = check(parity_ethiopia, "abc")
    assert wrong.status == "unreadable" and wrong.message.startswith("«\u00a0abc\u00a0» n’est pas un nombre lisible")
    assert wrong.label == "Vérifiez la forme de votre réponse"
    assert "Indice\u00a0:" in wrong.to_text()


def test_each_stored_french_figure_was_drawn_with_the_current_translations():
    """A figure's French drawing is stored with the notebook; after its words are translated anew, run make outputs."""
    import nbformat

    from smartindustry.i18n import translations
    from smartindustry.plots import FIGURE_METADATA

    table = translations("fr")
    figures = stale = 0
    for path in sorted((ROOT / "chapters").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for out in cell.get("outputs", []):
                meta = out.get("metadata", {}).get(FIGURE_METADATA, {})
                if "image/png" not in out.get("data", {}) or "texts" not in meta:
                    continue
                figures += 1
                now = {t: table[t] for t in meta["texts"] if t in table}
                if meta.get("fr", {}).get("translations", {}) != now or (now and "image/png" not in meta.get("fr", {})):
                    stale += 1
                    print(f"{path.name}: a figure drawn with other translations (make outputs NB={path.relative_to(ROOT)})")
    assert figures >= 30
    assert stale == 0
