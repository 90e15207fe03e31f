"""Drive the book's JupyterLite site in headless Chromium (for tests/test_lite.py and `make bench`).

A visit opens one notebook in the site's Notebook app, waits for the Python
kernel (Pyodide, started from the site's own files), runs code in it and
records every request: bytes from the site, and each request for an address
outside the site (those fail: no host name resolves but 127.0.0.1).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from page_weights import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: F401  (serve: re-exported)

# no host name resolves but this machine's: whatever asks for the internet fails, and is counted
ARGS = [*CHROMIUM_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]

KERNEL = "window.jupyterapp.shell.currentWidget.sessionContext.session.kernel"
KERNEL_IDLE = f"""() => {{
  try {{ const k = {KERNEL}; return !!k && k.status === 'idle'; }} catch (e) {{ return false; }}
}}"""
EXECUTE = f"""async (code) => {{
  const k = {KERNEL};
  const future = k.requestExecute({{code, store_history: false}});
  const out = [];
  future.onIOPub = (m) => {{
    const t = m.header.msg_type, c = m.content;
    if (t === 'stream') out.push(c.text);
    else if (t === 'error') out.push('ERROR ' + c.ename + ': ' + c.evalue + '\\n');
    else if (t === 'execute_result' || t === 'display_data')
      out.push((c.data['text/html'] || c.data['text/plain'] || '') + '\\n');
  }};
  await future.done;
  return out.join('');
}}"""


@dataclass
class Visit:
    """What one visit saw."""

    site_bytes: int = 0
    site_requests: int = 0
    outside: list[str] = field(default_factory=list)
    seconds_to_kernel: float = 0.0
    seconds_to_first_output: float = 0.0
    outputs: list[str] = field(default_factory=list)


class Lite:
    """One Chromium with one browser profile (so a second visit finds the first one's cache)."""

    def __init__(self, base: str):
        from playwright.sync_api import sync_playwright

        self.base = base
        self._pw = sync_playwright().start()
        self.browser = self._pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        self.context = self.browser.new_context()
        self.visit: Visit | None = None

        # No request routing here: Playwright turns the browser's cache off when routing,
        # and the second visit is about that cache. Outside addresses do not resolve (ARGS).
        def request(req):
            url = req.url
            if self.visit is not None and not url.startswith((self.base, "data:", "blob:")):
                self.visit.outside.append(url)

        def finished(request):
            if self.visit is not None and request.url.startswith(self.base):
                self.visit.site_requests += 1
                try:
                    self.visit.site_bytes += max(0, request.sizes()["responseBodySize"])
                except Exception:  # a request the browser dropped (no sizes)
                    pass

        self.context.on("request", request)
        self.context.on("requestfinished", finished)

    def open(self, path: str, *codes: str, timeout_s: float = 300) -> Visit:
        """Open notebook ``path`` (relative to the site's files), run each of ``codes`` in its kernel."""
        visit = self.visit = Visit()
        page = self.context.new_page()
        start = time.monotonic()
        page.goto(f"{self.base}notebooks/index.html?path={path}")
        page.wait_for_function(KERNEL_IDLE, timeout=timeout_s * 1000, polling=250)
        visit.seconds_to_kernel = time.monotonic() - start
        for i, code in enumerate(codes):
            visit.outputs.append(page.evaluate(EXECUTE, code))
            if i == 0:
                visit.seconds_to_first_output = time.monotonic() - start
        self.page = page
        return visit

    def run_all(self, timeout_s: float = 600) -> str:
        """Run every cell of the open notebook (as Run > Run All Cells); the text of all outputs."""
        page = self.page
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_function(
            """() => { const cells = document.querySelectorAll('.jp-CodeCell .jp-InputPrompt');
                       const busy = [...cells].some(c => c.textContent.includes('*'));
                       const k = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
                       return !busy && k.status === 'idle'; }""",
            timeout=timeout_s * 1000, polling=500)
        return page.inner_text(".jp-Notebook")

    def close(self) -> None:
        self.context.close()
        self.browser.close()
        self._pw.stop()


def site_files_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


FIRST_CELL = 'print("ready:", 6 * 7)'


def measure(html: Path, notebook: str = "exercises/01_how_to_use_exercises.ipynb") -> dict:
    """Bytes from the site and seconds to the first cell's output, first and second visit
    (the second in the same browser profile, so with the first one's cache)."""
    server = serve(html)
    browser = Lite(server.base + "lite/")
    figures: dict = {"notebook": notebook}
    try:
        for name in ("first_visit", "second_visit"):
            visit = browser.open(notebook, FIRST_CELL)
            assert "ready: 42" in visit.outputs[0], visit.outputs
            figures[name] = {"site_bytes": visit.site_bytes, "site_requests": visit.site_requests,
                             "outside_requests": sorted(set(visit.outside)),
                             "seconds_to_kernel": round(visit.seconds_to_kernel, 1),
                             "seconds_to_first_output": round(visit.seconds_to_first_output, 1)}
            browser.page.close()
    finally:
        browser.close()
        server.shutdown()
    return figures


def report(figures: dict) -> str:
    lines = [f"JupyterLite, {figures['notebook']} (first cell: {FIRST_CELL})"]
    for name in ("first_visit", "second_visit"):
        f = figures[name]
        lines.append(f"  {name.replace('_', ' '):13} {f['site_bytes']:>12,} B from the site in {f['site_requests']} requests; "
                     f"kernel ready {f['seconds_to_kernel']:.1f} s, first output {f['seconds_to_first_output']:.1f} s; "
                     f"{len(f['outside_requests'])} request(s) outside the site")
    return "\n".join(lines)


if __name__ == "__main__":
    import json
    import sys

    result = measure(Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html").resolve())
    print(report(result))
    print(json.dumps(result, indent=1))
