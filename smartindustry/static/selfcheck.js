/* Self-check questions on the static pages of the book.
 *
 * Each question is a <form class="si-check"> written by
 * smartindustry.widgets.question_form(). It carries the question's
 * Question.to_spec() as JSON, so the answer key comes from the same Python
 * definition that checks answers in a running notebook. This file applies the
 * same rules as the package smartindustry.exercises (Question.check), in the browser,
 * with no kernel and no network. tests/test_selfcheck_parity.py runs many
 * answers through both and compares the results.
 *
 * Works as a plain <script> (window.SmartIndustrySelfCheck) and as a Node
 * module (module.exports), for the parity test. No dependencies.
 */
(function (root) {
  "use strict";

  // The characters Python's str.isspace() and re's \s accept.
  var WS = "\\t\\n\\v\\f\\r\\x1c-\\x1f\\x85\\p{Zs}\\u2028\\u2029";
  var WORD = "\\p{L}\\p{N}_"; // Python's \w: str.isalnum() or "_"

  // Texts are written in English and translated with the table of the page's
  // language (window.SI_TRANSLATIONS, written by the book's build from the course
  // package's catalogues): the same English templates as the Python checker's _().
  var TRANSLATIONS = root.SI_TRANSLATIONS || {};
  var DECIMAL_COMMA = TRANSLATIONS[""] === "fr";

  /** gettext(template).format(values): the template in the page's language, {names} filled in. */
  function t(template, values) {
    var text = Object.prototype.hasOwnProperty.call(TRANSLATIONS, template) ? TRANSLATIONS[template] : template;
    return !values ? text : text.replace(/\{(\w+)\}/g, function (m, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : m;
    });
  }

  /** Marks a text for translation where it is defined (translated where shown, with t). */
  function N_(text) { return text; }

  /** Use another language's table (the parity test runs both languages in Node.js). */
  function setTranslations(table) {
    TRANSLATIONS = table || {};
    DECIMAL_COMMA = TRANSLATIONS[""] === "fr";
  }

  var NOT_ANSWERED = N_("Replace the `...` with your answer, run that cell, then run the check again.");
  var LABELS = {
    correct: N_("Correct"),
    partial: N_("Partly right"),
    incorrect: N_("Not yet"),
    unreadable: N_("Check the form of your answer"),
    empty: N_("No answer yet"),
    error: N_("Could not check")
  };

  // -- Python string helpers -------------------------------------------------

  function cps(s) { return Array.from(s); } // code points, as Python counts
  function len(s) { return cps(s).length; }

  function escapeClass(chars) { return chars.replace(/[\\\]\[^-]/g, "\\$&"); }

  /** str.strip(chars); whitespace when chars is not given. */
  function strip(s, chars) {
    var cls = chars === undefined ? WS : escapeClass(chars);
    return s.replace(new RegExp("^[" + cls + "]+|[" + cls + "]+$", "gu"), "");
  }

  function rstrip(s, chars) {
    return s.replace(new RegExp("[" + escapeClass(chars) + "]+$", "u"), "");
  }

  /** str.casefold(): full case folding, character by character, as Python folds. */
  function casefold(s) {
    return cps(s).map(function (c) {
      if (c === "\u0131") return c; // dotless i folds to itself
      var f = c.toUpperCase().toLowerCase().toUpperCase().toLowerCase().replace(/\u03c2/g, "\u03c3");
      return f.replace(/[\u13f8-\u13fd\uab70-\uabbf]/g, function (x) { return x.toUpperCase(); });
    }).join("");
  }

  function isAlpha(s) { return /^\p{L}+$/u.test(s); }

  function isUpper(s) { return /\p{Uppercase}/u.test(s) && !/[\p{Lowercase}\p{Lt}]/u.test(s); }

  /** Compare two strings by code point, as Python does. */
  function cmp(a, b) {
    var x = cps(a), y = cps(b);
    for (var i = 0; i < Math.min(x.length, y.length); i++) {
      var d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d) return d < 0 ? -1 : 1;
    }
    return x.length === y.length ? 0 : (x.length < y.length ? -1 : 1);
  }

  /** Escape text for HTML and turn `code` spans into <code> (exercises.text.inline_html). */
  function inlineHtml(text) {
    var escaped = String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    return escaped.replace(/`([^`]+)`/g, "<code>$1</code>");
  }

  /** exercises.text.normalise_text: fold case, hyphens, spacing and a leading article. */
  function normaliseText(text) {
    var t = casefold(text.normalize("NFKC"));
    t = t.replace(/[\u2010-\u2015\-_/]/gu, " ");
    t = t.replace(new RegExp("[^" + WORD + WS + ".%+]", "gu"), "");
    t = t.replace(new RegExp("[" + WS + "]+", "gu"), " ");
    t = strip(t, " .");
    return t.replace(/^(the|a|an) /u, "");
  }

  // -- numbers -----------------------------------------------------------------

  /** The value of a decimal digit of any script (Python reads them all). */
  function digitValue(ch) {
    var cp = ch.codePointAt(0), v = 0;
    // Every run of ten decimal digits starts after a character that is not
    // one (the runs that touch are folded to ASCII by NFKC before this).
    while (v < 9 && /\p{Nd}/u.test(String.fromCodePoint(cp - v - 1))) v++;
    return v;
  }

  var SEPARATOR = new RegExp("(?<=\\p{Nd})[" + WS + "\\u00a0\\u202f'_](?=\\p{Nd}{3}(?![" + WORD + "]))", "gu");
  var THOUSANDS = /^[+-]?\p{Nd}{1,3}(,\p{Nd}{3})+(\.\p{Nd}+)?$/u;
  var NUMBER = /^[+-]?(\p{Nd}+(\.\p{Nd}*)?|\.\p{Nd}+)([eE][+-]?\p{Nd}+)?$/u;

  function ReadError(message) { this.message = message; }

  /** exercises.parsing.parse_number for text: returns [value, note] or throws ReadError. */
  function parseNumber(answer, unit) {
    var note = "";
    var text = strip(answer.normalize("NFKC"));
    text = text.replace(/[\u2212\u2012\u2013]/g, "-");
    if (unit && text.toLowerCase().endsWith(unit.toLowerCase())) {
      var chars = cps(text);
      text = strip(chars.slice(0, Math.max(chars.length - len(unit), 0)).join(""));
    }
    text = strip(rstrip(text, "%"));
    text = text.replace(SEPARATOR, "");
    var comma = text.indexOf(",") >= 0;
    if (comma && text.indexOf(".") >= 0) {
      if (text.lastIndexOf(",") > text.lastIndexOf(".")) text = text.replace(/\./g, "").replace(/,/g, ".");
      else text = text.replace(/,/g, "");
    } else if (comma) {
      if (THOUSANDS.test(text) && text.split(",").length > 2) {
        text = text.replace(/,/g, "");
      } else {
        if (THOUSANDS.test(text)) {
          note = t("We read \"{answer}\" with a decimal comma. " +
            "If you meant thousands, write the number without the comma.", { answer: strip(answer) });
        }
        text = text.replace(/,/g, ".");
      }
    }
    if (!NUMBER.test(text)) {
      var given = cps(strip(answer));
      var shown = given.length <= 30 ? given.join("") : given.slice(0, 27).join("") + "...";
      throw new ReadError(t("\"{answer}\" is not a number we can read. Write digits, such as 12.5.", { answer: shown }));
    }
    var value = Number(text.replace(/\p{Nd}/gu, digitValue));
    if (!isFinite(value)) throw new ReadError(t("Your answer is infinite: did you divide by zero?"));
    return [value, note];
  }

  // Number formatting exactly as Python's format(), from the exact decimal
  // value of the double, rounding half to even.

  /** The exact decimal value of x: {neg, digits, frac} with |x| = digits / 10**frac. */
  function exactDecimal(x) {
    var view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    var hi = view.getUint32(0), lo = view.getUint32(4);
    var exp = (hi >>> 20) & 0x7ff;
    var mant = (BigInt(hi & 0xfffff) << BigInt(32)) | BigInt(lo);
    if (exp === 0) exp = 1; else mant |= BigInt(1) << BigInt(52);
    var e2 = exp - 1075;
    if (e2 >= 0) return { neg: hi >>> 31 === 1, digits: (mant << BigInt(e2)).toString(), frac: 0 };
    return { neg: hi >>> 31 === 1, digits: (mant * BigInt(5) ** BigInt(-e2)).toString(), frac: -e2 };
  }

  /** Drop the last `drop` digits of a digit string, rounding half to even. */
  function roundOff(digits, drop) {
    if (drop <= 0) return digits + "0".repeat(-drop);
    if (drop > digits.length) digits = "0".repeat(drop - digits.length) + digits;
    var keep = digits.slice(0, digits.length - drop) || "0";
    var rest = digits.slice(digits.length - drop);
    var half = "5" + "0".repeat(drop - 1);
    var up = rest > half || (rest === half && Number(keep[keep.length - 1]) % 2 === 1);
    return up ? (BigInt(keep) + BigInt(1)).toString() : BigInt(keep).toString();
  }

  /** f"{x:.{places}f}" */
  function formatFixed(x, places) {
    var d = exactDecimal(x);
    var n = roundOff(d.digits, d.frac - places);
    if (n.length <= places) n = "0".repeat(places + 1 - n.length) + n;
    var out = places ? n.slice(0, n.length - places) + "." + n.slice(n.length - places) : n;
    return (d.neg ? "-" : "") + out;
  }

  /** f"{x:.{precision}g}" */
  function formatGeneral(x, precision) {
    var d = exactDecimal(x);
    var sign = d.neg ? "-" : "";
    var digits = d.digits.replace(/^0+/, "");
    if (!digits) return sign + "0";
    var exp = digits.length - 1 - d.frac;
    var sig = roundOff(digits, digits.length - precision);
    if (sig.length > precision) { sig = sig.slice(0, precision); exp += 1; }
    var out;
    if (exp >= -4 && exp < precision) {
      out = formatFixed(Math.abs(x), Math.max(precision - 1 - exp, 0));
      if (out.indexOf(".") >= 0) out = out.replace(/0+$/, "").replace(/\.$/, "");
    } else {
      var mantissa = sig[0] + (precision > 1 ? "." + sig.slice(1) : "");
      mantissa = mantissa.indexOf(".") >= 0 ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
      var e = Math.abs(exp);
      out = mantissa + "e" + (exp < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
    }
    return sign + out;
  }

  /** exercises.text.format_number */
  function fmt(x) {
    var ax = Math.abs(x);
    var text = (ax >= 1e12 || (ax > 0 && ax < 1e-4)) ? formatGeneral(x, 4) : rstrip(rstrip(formatFixed(x, 6), "0"), ".");
    // i18n.format_decimal: in French, a decimal comma and a no-break space between thousands
    return DECIMAL_COMMA ? text.replace(/[,.]/g, function (c) { return c === "," ? "\u00a0" : ","; }) : text;
  }

  function unitSuffix(unit) { return !unit ? "" : (unit === "%" ? unit : " " + unit); }

  function join() { return Array.prototype.filter.call(arguments, Boolean).join(" "); }

  // -- difflib.get_close_matches(word, possibilities, n=1, cutoff) -------------

  /** SequenceMatcher(None, a, b).ratio(), on lists of code points. */
  function ratio(a, b) {
    var b2j = new Map();
    b.forEach(function (ch, j) { (b2j.get(ch) || b2j.set(ch, []).get(ch)).push(j); });
    if (b.length >= 200) { // difflib's autojunk: drop very common elements
      var ntest = Math.floor(b.length / 100) + 1;
      Array.from(b2j.keys()).forEach(function (ch) { if (b2j.get(ch).length > ntest) b2j.delete(ch); });
    }
    function longest(alo, ahi, blo, bhi) {
      var besti = alo, bestj = blo, bestsize = 0, j2len = new Map();
      for (var i = alo; i < ahi; i++) {
        var newj2len = new Map(), js = b2j.get(a[i]) || [];
        for (var t = 0; t < js.length; t++) {
          var j = js[t];
          if (j < blo) continue;
          if (j >= bhi) break;
          var k = (j2len.get(j - 1) || 0) + 1;
          newj2len.set(j, k);
          if (k > bestsize) { besti = i - k + 1; bestj = j - k + 1; bestsize = k; }
        }
        j2len = newj2len;
      }
      while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) { besti--; bestj--; bestsize++; }
      while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
      return [besti, bestj, bestsize];
    }
    var matches = 0, queue = [[0, a.length, 0, b.length]];
    while (queue.length) {
      var q = queue.pop(), m = longest(q[0], q[1], q[2], q[3]);
      var i = m[0], j = m[1], k = m[2];
      if (k) {
        matches += k;
        if (q[0] < i && q[2] < j) queue.push([q[0], i, q[2], j]);
        if (i + k < q[1] && j + k < q[3]) queue.push([i + k, q[1], j + k, q[3]]);
      }
    }
    var total = a.length + b.length;
    return total ? 2.0 * matches / total : 1.0;
  }

  function closestMatch(word, possibilities, cutoff) {
    var b = cps(word), best = null;
    possibilities.forEach(function (x) {
      var score = ratio(cps(x), b);
      if (score >= cutoff && (!best || score > best[0] || (score === best[0] && cmp(x, best[1]) > 0))) best = [score, x];
    });
    return best && best[1];
  }

  // -- the checks --------------------------------------------------------------

  function feedback(status, message, score, hint, explanation) {
    return { status: status, message: message, score: score || 0, hint: hint === undefined ? null : hint,
             explanation: explanation === undefined ? null : explanation };
  }

  function parseChoices(spec, answer) {
    var letters = spec.choices.map(function (c) { return c.letter; });
    var items;
    if (typeof answer === "string") {
      var text = strip(answer), given = normaliseText(text);
      for (var i = 0; i < spec.choices.length; i++) {
        if (given === normaliseText(spec.choices[i].text)) return [letters[i]];
      }
      items = text.split(new RegExp("[" + WS + ",;]+", "u")).filter(Boolean);
      if (items.length === 1 && len(text) > 1 && isAlpha(text) && isUpper(text)) items = cps(text);
    } else if (Array.isArray(answer)) {
      items = answer;
    } else {
      throw new ReadError(t("Please answer with letters, such as \"{letter}\".", { letter: letters[0] }));
    }
    var chosen = [];
    items.forEach(function (item) {
      var letter = strip(strip(String(item)), ".)").toUpperCase();
      if (letters.indexOf(letter) < 0) {
        throw new ReadError(t("\"{item}\" is not one of the options ({letters}).", { item: strip(String(item)), letters: letters.join(", ") }));
      }
      if (chosen.indexOf(letter) < 0) chosen.push(letter);
    });
    if (!chosen.length) throw new ReadError(t("No option was chosen."));
    return chosen.sort();
  }

  function checkChoice(spec, answer) {
    var chosen;
    try { chosen = parseChoices(spec, answer); } catch (e) {
      if (e instanceof ReadError) return feedback("unreadable", e.message);
      throw e;
    }
    var byLetter = {};
    spec.choices.forEach(function (c) { byLetter[c.letter] = c; });
    if (!spec.multiple) {
      if (chosen.length > 1) return feedback("unreadable", t("Choose only one option for this question."));
      var c = byLetter[chosen[0]];
      if (c.correct) return feedback("correct", c.feedback || t("{letter} is right.", { letter: chosen[0] }), 1.0);
      return feedback("incorrect", c.feedback || t("{letter} is not the best answer.", { letter: chosen[0] }));
    }
    var key = spec.choices.filter(function (c) { return c.correct; }).map(function (c) { return c.letter; });
    var right = chosen.filter(function (l) { return key.indexOf(l) >= 0; });
    var wrong = chosen.filter(function (l) { return key.indexOf(l) < 0; });
    var missed = key.filter(function (l) { return chosen.indexOf(l) < 0; });
    if (!wrong.length && !missed.length) {
      var notes = chosen.map(function (l) { return byLetter[l].feedback; }).filter(Boolean).join(" ");
      return feedback("correct", notes || t("You found all the right options."), 1.0);
    }
    var score = Math.max(0.0, (right.length - wrong.length) / key.length);
    var msgs = wrong.map(function (l) {
      var reason = byLetter[l].feedback;
      return reason ? t("{letter} does not apply: {reason}", { letter: l, reason: reason })
        : t("{letter} does not apply.", { letter: l });
    });
    if (missed.length) {
      var more = missed.length === 1 ? N_("You found {right} of the {total} right options; {missed} more applies.")
        : N_("You found {right} of the {total} right options; {missed} more apply.");
      msgs.push(t(more, { right: right.length, total: key.length, missed: missed.length }));
    }
    return feedback(score > 0 ? "partial" : "incorrect", msgs.join(" "), score);
  }

  function checkNumber(spec, answer) {
    var parsed;
    try { parsed = parseNumber(String(answer), spec.unit); } catch (e) {
      if (e instanceof ReadError) return feedback("unreadable", e.message);
      throw e;
    }
    var value = parsed[0], note = parsed[1], unit = unitSuffix(spec.unit);
    if (Math.abs(value - spec.answer) <= spec.allowed_error) {
      return feedback("correct", join(note, t("{value} is right.", { value: fmt(value) + unit })), 1.0);
    }
    for (var i = 0; i < spec.mistakes.length; i++) {
      var m = spec.mistakes[i];
      if (Math.abs(value - m.value) <= m.tolerance) return feedback("incorrect", join(note, m.message));
    }
    if (spec.bounds) {
      var low = spec.bounds[0], high = spec.bounds[1];
      if (!(low <= value && value <= high)) {
        return feedback("incorrect", join(note, t("{value} is outside the range that makes sense here ({low} to {high}). " +
          "Check your units and your calculation.", { value: fmt(value) + unit, low: fmt(low), high: fmt(high) + unit })));
      }
    }
    var direction = value > spec.answer ? N_("{value} is too high.") : N_("{value} is too low.");
    return feedback("incorrect", join(note, t(direction, { value: fmt(value) + unit })));
  }

  function checkText(spec, answer) {
    if (typeof answer !== "string") return feedback("unreadable", t("Please write a word or a short phrase."));
    if (len(answer) > spec.max_length) {
      return feedback("unreadable", t("That is {length} characters long; a few words are enough.", { length: len(answer) }));
    }
    var given = normaliseText(answer);
    var spellings = new Map(Object.entries(spec.spellings));
    if (spellings.has(given)) return feedback("correct", t("\"{answer}\" is right.", { answer: strip(answer) }), 1.0);
    var wrong = new Map(Object.entries(spec.wrong));
    if (wrong.has(given)) return feedback("incorrect", wrong.get(given));
    var close = closestMatch(given, Array.from(spellings.keys()), 0.85);
    if (close && len(close) >= 6) {
      return feedback("correct", t("Right, though the usual spelling is \"{spelling}\".", { spelling: spellings.get(close) }), 1.0);
    }
    return feedback("incorrect", t("\"{answer}\" is not what we are looking for.", { answer: strip(answer) }));
  }

  var CHECKS = { multiple_choice: checkChoice, numeric: checkNumber, short_text: checkText };

  function hintFor(spec, attempt) {
    if (!spec.hints || !spec.hints.length) return null;
    var i = Math.max(Math.floor(Number(attempt)) || 1, 1);
    return spec.hints[Math.min(i, spec.hints.length) - 1];
  }

  function isEmpty(answer) {
    if (answer === null || answer === undefined) return true;
    if (typeof answer === "string") { var t = strip(answer); return t === "" || t === "..."; }
    return Array.isArray(answer) && answer.length === 0;
  }

  /** Question.check(answer, attempt) for a question's spec. Never throws. */
  function check(spec, answer, attempt) {
    attempt = attempt || 1;
    if (isEmpty(answer)) return feedback("empty", t(NOT_ANSWERED), 0.0, hintFor(spec, attempt));
    var result;
    try {
      result = CHECKS[spec.kind](spec, answer);
    } catch (e) {
      return feedback("error", t("Sorry, this answer could not be checked ({error}). Please tell your teacher.",
        { error: e && e.name || "Error" }));
    }
    if (result.status !== "correct" && result.hint === null) result.hint = hintFor(spec, attempt);
    if (result.status === "correct" && spec.explanation && result.explanation === null) result.explanation = spec.explanation;
    return result;
  }

  // -- the page ----------------------------------------------------------------

  var EMPTY_ON_PAGE = N_("Choose or type your answer first, then press Check.");

  /** Feedback.to_html(), inside the form's live region. */
  function renderFeedback(r) {
    var colon = t(":");
    var html = "<div class=\"si-feedback si-" + r.status + "\"><strong>" + t(LABELS[r.status]) + colon + "</strong> " +
      inlineHtml(r.status === "empty" ? t(EMPTY_ON_PAGE) : r.message);
    if (r.explanation && r.status === "correct") html += "<br><em>" + t("Why") + colon + "</em> " + inlineHtml(r.explanation);
    if (r.hint && r.status !== "correct") html += "<br><em>" + t("Hint") + colon + "</em> " + inlineHtml(r.hint);
    return html + "</div>";
  }

  function readAnswer(form, spec) {
    if (spec.kind === "multiple_choice") {
      var ticked = Array.prototype.map.call(form.querySelectorAll("input:checked"), function (i) { return i.value; });
      return spec.multiple ? ticked : (ticked[0] || null);
    }
    return form.querySelector("input[type=text]").value;
  }

  function setup(form) {
    if (form.getAttribute("data-si-ready")) return;
    var spec = JSON.parse(form.querySelector("script.si-spec").textContent);
    var live = form.querySelector(".si-live");
    var hints = form.querySelector(".si-hints");
    var solution = form.querySelector(".si-solution");
    var hintButton = form.querySelector("button.si-hint-button");
    var solutionButton = form.querySelector("button.si-solution-button");
    var attempt = 0, shown = 0;

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      attempt += 1;
      var result = check(spec, readAnswer(form, spec), attempt);
      if (result.status === "correct") attempt = 0;
      live.innerHTML = renderFeedback(result);
    });
    if (hintButton) {
      hintButton.addEventListener("click", function () {
        if (shown === spec.hints.length) { // all shown: this click folds them away
          shown = 0;
          hints.hidden = true;
          hints.innerHTML = "";
        } else {
          shown += 1;
          hints.hidden = false;
          hints.innerHTML = spec.hints.slice(0, shown).map(function (h, i) {
            return "<div class=\"si-feedback si-partial\"><em>" + t("Hint {number}:", { number: i + 1 }) + "</em> " + inlineHtml(h) + "</div>";
          }).join("");
        }
        hintButton.setAttribute("aria-expanded", String(shown > 0));
        hintButton.textContent = t(shown === 0 ? N_("Hint") : (shown < spec.hints.length ? N_("Next hint") : N_("Hide hints")));
      });
    }
    if (solutionButton) {
      solutionButton.addEventListener("click", function () {
        var open = solution.hidden;
        if (open && !solution.innerHTML) solution.innerHTML = inlineHtml(spec.solution);
        solution.hidden = !open;
        solutionButton.setAttribute("aria-expanded", String(open));
        solutionButton.textContent = t(open ? N_("Hide solution") : N_("Show solution"));
      });
    }
    Array.prototype.forEach.call(form.querySelectorAll("button[disabled]"), function (b) { b.disabled = false; });
    form.setAttribute("data-si-ready", "true");
  }

  function setupAll() { Array.prototype.forEach.call(document.querySelectorAll("form.si-check"), setup); }

  var api = {
    check: check, parseNumber: parseNumber, normaliseText: normaliseText, fmt: fmt,
    renderFeedback: renderFeedback, setupAll: setupAll, labels: LABELS, setTranslations: setTranslations
  };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.SmartIndustrySelfCheck = api;
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setupAll);
    else setupAll();
  }
})(this);
