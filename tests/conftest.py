"""Shared test settings and the one build of the book that the build and browser tests share."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import matplotlib
import pytest

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
            done.write_text(json.dumps({"returncode": proc.returncode, "log": proc.stdout + proc.stderr}))
    return json.loads(done.read_text()), out / "_build" / "html"
