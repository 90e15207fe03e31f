"""Drive the book's JupyterLite site in headless Chromium (for tests/test_lite.py and `make bench`).

A visit opens one notebook in the site's Notebook app, waits for the Python
kernel (Pyodide, started from the site's own files), runs code in it and
records every request: bytes from the site, and each request for an address
outside the site (those fail: no host name resolves but 127.0.0.1).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from page_weights import CHROMIUM, CHROMIUM_ARGS

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


class serve:
    """Serve ``site`` on 127.0.0.1 (Python's http.server, in its own process) and keep its request
    log, so the bytes the browser downloaded are counted at the server: a 200 sends the whole file,
    a 304 ("not modified": the browser's copy is good) sends none. ``.base`` is the address."""

    LINE = re.compile(r'"(?:GET|HEAD) (\S+) HTTP/[\d.]+" (\d{3})')

    def __init__(self, site: Path):
        import select
        import subprocess
        import sys
        import tempfile

        self.site = site
        self.log = tempfile.NamedTemporaryFile("w+", suffix=".log")
        self.process = subprocess.Popen(
            [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(site)],
            stdout=subprocess.PIPE, stderr=self.log, text=True)
        ready, _, _ = select.select([self.process.stdout], [], [], 30)
        line = self.process.stdout.readline() if ready else ""
        found = re.search(r"port (\d+)", line)
        if not found:
            self.shutdown()
            raise RuntimeError(f"the web server did not start: {line!r}")
        self.base = f"http://127.0.0.1:{found.group(1)}/"
        self._read = 0

    def sent(self) -> tuple[int, int]:
        """(bytes, requests) served since the last call."""
        self.log.flush()
        with open(self.log.name, encoding="utf-8", errors="replace") as fh:
            fh.seek(self._read)
            text = fh.read()
            self._read = fh.tell()
        total = count = 0
        for path, status in self.LINE.findall(text):
            count += 1
            if status == "200":
                target = self.site / unquote(urlsplit(path).path).lstrip("/")
                if target.is_dir():
                    target = target / "index.html"
                total += target.stat().st_size if target.is_file() else 0
        return total, count

    def shutdown(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process.stdout.close()
        self.log.close()


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

    def __init__(self, server: serve, base: str | None = None):
        from playwright.sync_api import sync_playwright

        self.server = server
        self.base = base or server.base + "lite/"
        self.origin = server.base  # the site's server: http://127.0.0.1:PORT/
        import tempfile

        self._pw = sync_playwright().start()
        # a browser profile on disk, as a reader's browser has: its cache keeps large files such
        # as the 9.6 MB WebAssembly runtime (a profile in memory does not)
        self._profile = tempfile.TemporaryDirectory(prefix="lite-profile-")
        self.context = self._pw.chromium.launch_persistent_context(
            self._profile.name, executable_path=str(CHROMIUM), args=ARGS)
        self.visit: Visit | None = None

        # No request routing here: Playwright turns the browser's cache off when routing,
        # and the second visit is about that cache. Outside addresses do not resolve (ARGS).
        def request(req):
            url = req.url
            if self.visit is not None and not url.startswith((self.origin, "data:", "blob:")):
                self.visit.outside.append(url)

        self.context.on("request", request)

    def open(self, path: str, *codes: str, timeout_s: float = 300) -> Visit:
        """Open notebook ``path`` (relative to the site's files), run each of ``codes`` in its kernel."""
        visit = self.visit = Visit()
        self.server.sent()  # from here on
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
        self.count()
        return visit

    def count(self) -> Visit:
        """Add what the server sent since the last count to the current visit."""
        sent, requests = self.server.sent()
        self.visit.site_bytes += sent
        self.visit.site_requests += requests
        return self.visit

    def run_new_cell(self, code: str, timeout_s: float = 120) -> None:
        """Add a code cell at the end of the open notebook with ``code`` and run it (as a reader would)."""
        self.page.evaluate("""async (code) => {
          const app = window.jupyterapp, nb = app.shell.currentWidget.content;
          nb.activeCellIndex = nb.widgets.length - 1;
          await app.commands.execute('notebook:insert-cell-below');
          await app.commands.execute('notebook:change-cell-to-code');
          nb.activeCell.model.sharedModel.setSource(code);
          await app.commands.execute('notebook:run-cell');
        }""", code)
        self.page.wait_for_function(KERNEL_IDLE, timeout=timeout_s * 1000, polling=250)

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
        self._pw.stop()
        self._profile.cleanup()


def site_files_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


FIRST_CELL = 'print("ready:", 6 * 7)'


def measure(html: Path, notebook: str = "exercises/01_how_to_use_exercises.ipynb") -> dict:
    """Bytes from the site and seconds to the first cell's output, first and second visit
    (the second in the same browser profile, so with the first one's cache)."""
    server = serve(html)
    browser = Lite(server)
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
