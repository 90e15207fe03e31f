"""Accessible figure defaults for the course.

* A colour-blind-safe palette (Okabe and Ito, 2008), used in a fixed order so
  that the same category keeps its colour across a chapter.
* Readable sizes, light grid lines, no top/right frame.
* :func:`source_note` writes the data source and its date under a figure,
  so that a figure never travels without its citation.

Alt text for the book goes in the cell's metadata
(``"mystnb": {"image": {"alt": "..."}}``), next to the code that draws it.
"""

from __future__ import annotations

from typing import Any

import matplotlib as mpl

__all__ = ["PALETTE", "use_course_style", "source_note"]

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
