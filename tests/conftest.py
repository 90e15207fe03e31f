"""Shared test settings and the one build of the book that the build and browser tests share."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import matplotlib
import pytest

from smartindustry.sphinxext import LANGUAGES

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]

# Tests run the same way from any folder.
os.environ.setdefault("PYTHONHASHSEED", "0")


def jupyter_book() -> Path:
    """The jupyter-book command of this environment."""
    jb = Path(sys.executable).with_name("jupyter-book")
    if not jb.exists():
        found = shutil.which("jupyter-book")
        assert found, "jupyter-book is not installed: run `make test`, which installs it"
        jb = Path(found)
    return jb


@pytest.fixture(scope="session")
def built_book(tmp_path_factory, request) -> tuple[dict, Path]:
    """Build the book once per test run (once for all xdist workers): (build result, html folder)."""
    worker = getattr(request.config, "workerinput", None)
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if worker is not None else base  # the folder of this run, shared by its workers
    out, done = shared / "book", shared / "book.json"
    try:
        import fcntl
    except ImportError:  # no file locks (Windows): each worker builds its own copy
        fcntl, out, done = None, base / "book", base / "book.json"
    with open(shared / "book.lock", "w") as lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            proc = subprocess.run(
                [str(jupyter_book()), "build", str(ROOT), "--path-output", str(out), "-W", "-n", "--keep-going"],
                capture_output=True, text=True, timeout=900,
            )
            result = {"returncode": proc.returncode, "log": proc.stdout + proc.stderr}
            # Every translation, into <html>/<lang>/, as `make book` does (tools/i18n.py build).
            for lang in LANGUAGES:
                tr = subprocess.run(
                    [sys.executable, str(ROOT / "tools" / "i18n.py"), "build", "--lang", lang,
                     "--site", str(out / "_build" / "html"), "--work", str(shared / lang)],
                    capture_output=True, text=True, timeout=900,
                )
                result[lang] = {"returncode": tr.returncode, "log": tr.stdout + tr.stderr}
            done.write_text(json.dumps(result))
    return json.loads(done.read_text()), out / "_build" / "html"


# -- notebooks under load ------------------------------------------------------------
#
# nbval starts one kernel per notebook and then, before the first cell, waits
# for the kernel's first replies with fixed limits (10 s for a kernel_info
# reply, 30 s in all), and after each cell waits 5 s for each message of its
# output. On a 2-core machine that also builds the book and drives Chromium, a
# starting kernel can miss those limits: every cell of the notebook then
# errors at once. Here the kernel gets the time of `--nbval-kernel-startup-timeout`
# (set in pyproject.toml) for its first replies too, a kernel that still fails
# to start is started again once, and outputs are awaited for OUTPUT_SECONDS.

OUTPUT_SECONDS = 60
KERNEL_STARTS = 2

try:
    from queue import Empty

    import nbval.plugin as _nbval
except ImportError:  # nbval missing: the notebook tests cannot run anyway
    _nbval = None


if _nbval is not None:

    class PatientKernel(_nbval.RunningKernel):
        """nbval's kernel, with the start-up limit applied to its first replies as well."""

        def __init__(self, kernel_name, cwd=None, startup_timeout=60):
            self.ready_seconds = float(startup_timeout)
            super().__init__(kernel_name, cwd=cwd, startup_timeout=startup_timeout)

        def _ensure_iopub_up(self) -> None:
            """Ask for kernel_info until its reply and its idle status on IOPub both arrive."""
            deadline = time.monotonic() + self.ready_seconds
            while True:
                msg_id = self.kc.kernel_info()
                try:
                    self.await_reply(msg_id, timeout=max(1.0, deadline - time.monotonic()))
                    self.await_idle(msg_id, 1)
                    return
                except Empty:
                    if time.monotonic() >= deadline:
                        self.stop()
                        raise RuntimeError(f"the kernel did not answer within {self.ready_seconds:.0f} s")

    def start_kernel(*args, **kwargs) -> PatientKernel:
        """Start a kernel; if it fails to start, try once more before the notebook's cells fail."""
        for attempt in range(1, KERNEL_STARTS + 1):
            try:
                return PatientKernel(*args, **kwargs)
            except RuntimeError:
                if attempt == KERNEL_STARTS:
                    raise
        raise AssertionError("unreachable")

    _nbval.RunningKernel = start_kernel


def pytest_collection_modifyitems(items) -> None:
    if _nbval is None:
        return
    for item in items:
        if isinstance(item, _nbval.IPyNbCell):
            item.output_timeout = OUTPUT_SECONDS
