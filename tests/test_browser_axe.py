"""axe-core on every page of the built book, in the light and the dark theme.

(A module of its own, so that it runs beside the other browser tests on the
second core. The fixtures and the skip rule are those of test_browser.py.)
"""

from __future__ import annotations

import pytest

from test_browser import REASON, Watch, _axe, axe_script, browser, pages, server, site  # noqa: F401

pytestmark = pytest.mark.skipif(REASON is not None, reason=f"browser tests skipped: {REASON}")

# Switching the theme changes colours only: in the dark theme, the rules about colour.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation_on_any_page(browser, server, pages, axe_script, scheme):
    watch = Watch(browser, server, color_scheme=scheme)
    found = []
    for name in pages:
        page = watch.open(server + name, idle=False)
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        found += [f"{name}: {v}" for v in _axe(page, axe_script, None if scheme == "light" else COLOUR_RULES)]
        page.close()
    watch.close()
    assert found == []
