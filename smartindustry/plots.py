"""Accessible figure defaults for the course.

* A colour-blind-safe palette (Okabe and Ito, 2008), used in a fixed order so
  that the same category keeps its colour across a chapter.
* Readable sizes, light grid lines, no top/right frame.
* :func:`source_note` writes the data source and its date under a figure,
  so that a figure never travels without its citation.

Alt text for the book goes in the cell's metadata
(``"mystnb": {"image": {"alt": "..."}}``), next to the code that draws it.

Figures in other languages. When a notebook shows a figure, the course also
stores, in the output's metadata (``"smartindustry"``), the figure's texts
(title, axis labels, legend, notes, category labels) and, for each language
whose catalogue translates some of them (``smartindustry/locales/<lang>/figures.po``),
the same figure drawn with the translated texts. The translated book shows that
image (``smartindustry.book``); the English book and nbval never read it.
"""

from __future__ import annotations

import re
from typing import Any

import matplotlib as mpl
import matplotlib.ticker  # noqa: F401  (mpl.ticker)

__all__ = ["PALETTE", "use_course_style", "source_note", "figure_texts", "translated_figure", "FIGURE_METADATA"]

#: The key of a figure output's metadata that holds its texts and its translations.
FIGURE_METADATA = "smartindustry"

#: Okabe–Ito colours: black, orange, sky blue, bluish green, yellow, blue,
#: vermillion, reddish purple. Distinguishable with the common colour-vision
#: deficiencies; pair colour with labels or markers anyway.
PALETTE = ["#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"]
# Order used for lines and bars: strong contrast on white first (no yellow early).
CYCLE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]


def use_course_style() -> None:
    """Set matplotlib defaults for every figure of the course."""
    mpl.rcParams.update(
        {
            "axes.prop_cycle": mpl.cycler(color=CYCLE),
            "figure.figsize": (7.0, 3.8),
            "figure.dpi": 80,
            "savefig.dpi": 80,
            "font.size": 11,
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "legend.frameon": False,
            "figure.facecolor": "white",
            "svg.hashsalt": "smartindustry",
        }
    )
    _register_translations()


def source_note(fig: Any, text: str) -> None:
    """Write 'Source: ...' in small type under the figure, below the x-axis label."""
    ax = fig.axes[0]
    text = text.removeprefix("Source: ")  # citation() texts already start with it
    ax.annotate(
        f"Source: {text}",
        xy=(0, 0),
        xycoords="axes fraction",
        xytext=(0, -44),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=8.5,
        color="#333333",
    )


# -- figures in other languages ----------------------------------------------------------


def _texts(fig: Any) -> list[Any]:
    """The text artists of a figure that carry words (not the numbers of the axes)."""
    from matplotlib.text import Text

    found = []
    for artist in fig.findobj(Text):
        text = artist.get_text()
        if artist.get_visible() and any(ch.isalpha() for ch in text):
            found.append(artist)
    return found


#: A number as a figure writes it (1.01, −0.5, 12.5 %), whose decimal point French writes as a comma.
_DECIMAL = re.compile(r"[−+-]?\d[\d,]*\.\d+\s?%?")


def figure_texts(fig: Any) -> list[str]:
    """The figure's texts a translator translates, in a stable order, each once."""
    return sorted({t.get_text() for t in _texts(fig)})


def translated_figure(fig: Any, lang: str) -> tuple[bytes | None, dict[str, str]]:
    """The figure as PNG with its texts in ``lang`` (None if none is translated), and the translations used.

    The figure itself is left as it was.
    """
    import io

    from matplotlib.text import Text

    from .i18n import format_decimal, translations

    table = translations(lang)
    words = [a for a in _texts(fig) if a.get_text() in table]
    if not words:
        return None, {}
    used = {a.get_text(): table[a.get_text()] for a in words}

    def shown(text: str) -> str:  # words from the catalogue, decimals in the language's form
        return table.get(text) or (format_decimal(text, lang) if _DECIMAL.fullmatch(text) else text)

    artists = [a for a in fig.findobj(Text) if a.get_visible() and shown(a.get_text()) != a.get_text()]
    # Tick labels are drawn anew from each axis's formatter: for the drawing, the formatter's labels pass
    # through `shown` (the ticks, the limits and the English figure are not touched).
    axes = [(axis, axis.get_major_formatter(), axis.isDefault_majfmt)
            for ax in fig.axes for axis in (ax.xaxis, ax.yaxis)]
    english = [a.get_text() for a in artists]
    try:
        for artist in artists:
            artist.set_text(shown(artist.get_text()))
        for axis, formatter, _default in axes:
            axis.set_major_formatter(_Shown(formatter, shown))
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", bbox_inches="tight", metadata={"Software": None})
    finally:
        for artist, text in zip(artists, english):
            artist.set_text(text)
        for axis, formatter, default in axes:
            axis.set_major_formatter(formatter)
            axis.isDefault_majfmt = default
    return buffer.getvalue(), dict(sorted(used.items()))


class _Shown(mpl.ticker.Formatter):
    """An axis's own tick formatter, its labels passed through ``shown`` (translated words, French decimals)."""

    def __init__(self, inner: Any, shown: Any) -> None:
        self.inner, self.shown = inner, shown

    def set_locs(self, locs: Any) -> None:
        self.inner.set_locs(locs)

    def __call__(self, x: float, pos: int | None = None) -> str:
        return self.shown(self.inner(x, pos))

    def format_ticks(self, values: Any) -> list[str]:
        return [self.shown(label) for label in self.inner.format_ticks(values)]

    def get_offset(self) -> str:
        return self.inner.get_offset()


def _figure_bundle(fig: Any, include: Any = None, exclude: Any = None) -> tuple[dict, dict]:
    """IPython: no data of its own (the inline backend draws the PNG); the metadata described above."""
    import base64

    from .i18n import LANGUAGES

    meta: dict[str, Any] = {"texts": figure_texts(fig)}
    for lang in LANGUAGES:
        if lang == "en":
            continue
        png, used = translated_figure(fig, lang)
        if png is not None:
            meta[lang] = {"image/png": base64.b64encode(png).decode("ascii"), "translations": used}
    return {}, {FIGURE_METADATA: meta}


def _register_translations() -> None:
    """Show every figure with its texts and translations in its metadata (in IPython only)."""
    try:
        from IPython import get_ipython
        from matplotlib.figure import Figure
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.mimebundle_formatter.for_type(Figure, _figure_bundle)
