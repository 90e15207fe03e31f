"""The sandboxed process that runs ONE submission (started by the grader, never by hand).

Usage (by :mod:`smartindustry.classroom.grading` only)::

    python -I -m smartindustry.classroom._child  < job.json

Nothing this process writes is trusted: the grader reads its output as plain
JSON data, checks every shape, and judges the answers with the course's own
code in the grader's process. This file only has to make an honest
submission's answers come out faithfully, and keep a hostile one contained.

Order of work:

1. read the job (JSON on stdin) while still trusted; keep a private copy of
   stdout for the results; point stdin, stdout and stderr at ``/dev/null``;
2. when started as root: a private network namespace (no network) and mount
   namespace, with fresh size-limited ``tmpfs`` on ``/tmp``, ``/var/tmp`` and
   ``/dev/shm`` and empty ones over the folders to hide (the submissions, the
   grades); best effort, each step reported;
3. run the course's own setup cell (trusted imports) before any learner code;
4. resource limits (memory, CPU time, file size, open files, no new
   processes or threads, no core dumps) and, as root, switch to an
   unprivileged user; ``no_new_privs`` in all cases;
5. run every code cell of the submission in order, each with a time limit;
   an error stops only its own cell;
6. for each exercise, take the learner's answer as plain data, or call the
   learner's function on the grader's test cases and take the results;
7. write one JSON line with everything, and exit at once.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import resource
import signal
import sys
import traceback

# numpy, pandas and the codec are imported before any learner code runs.
import pandas as _pd

from smartindustry.classroom import plaindata

# No new threads may start in here (see the limits below); pandas would
# otherwise read large CSV files with a pool of threads.
_pd.set_option("mode.max_threads", 1)

_dumps = json.dumps
_encode = plaindata.encode
_decode = plaindata.decode

CLONE_NEWNS = 0x00020000
CLONE_NEWNET = 0x40000000
MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_RDONLY = 2, 4, 8, 1
MS_REC, MS_PRIVATE = 0x4000, 1 << 18
PR_SET_KEEPCAPS, PR_SET_NO_NEW_PRIVS = 8, 38
CAP_DAC_READ_SEARCH = 2


class CellTimeout(BaseException):
    """Raised in learner code when a cell or a call runs past its time limit."""


class _Null:
    """A text stream that forgets everything written to it."""

    encoding = "utf-8"

    def write(self, text):
        return len(text) if isinstance(text, str) else 0

    def flush(self):
        pass

    def isatty(self):
        return False


def _libc():
    return ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)


def _errtext(libc_call_result: int) -> str:
    return os.strerror(ctypes.get_errno()) if libc_call_result != 0 else ""


def _private_namespaces(job: dict, notes: dict) -> str | None:
    """As root: no network, private /tmp, hidden folders. Return the working folder, or None."""
    libc = _libc()
    if libc.unshare(CLONE_NEWNET) == 0:
        notes["network"] = "none (private network namespace)"
    else:
        notes["network"] = f"not isolated ({_errtext(-1)})"
    if libc.unshare(CLONE_NEWNS) != 0:
        notes["files"] = f"shared file system ({_errtext(-1)})"
        return None
    if libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None) != 0:
        notes["files"] = f"shared file system ({_errtext(-1)})"
        return None
    size = int(job["sandbox"].get("tmpfs_mb", 64))
    uid, gid = job["sandbox"].get("uid"), job["sandbox"].get("gid")
    private = []
    for target in job["sandbox"].get("private_dirs", []):
        opts = f"size={size}m,mode=1777".encode()
        if os.path.isdir(target) and libc.mount(b"tmpfs", target.encode(), b"tmpfs", MS_NOSUID | MS_NODEV, opts) == 0:
            private.append(target)
    hidden = []
    for path in job["sandbox"].get("hide", []):
        if os.path.isdir(path) and libc.mount(b"tmpfs", path.encode(), b"tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_RDONLY, b"size=4k,mode=000") == 0:
            hidden.append(path)
    if "/tmp" not in private:
        notes["files"] = f"private {', '.join(private) or 'nothing'}; {len(hidden)} other folder(s) hidden"
        return None
    work = "/tmp/work"
    os.makedirs(work, mode=0o700, exist_ok=True)
    if uid is not None:
        os.chown(work, uid, gid)
    notes["files"] = f"private {', '.join(private)} ({size} MB each); {len(hidden)} other folder(s) hidden"
    return work


def _set_limits(job: dict) -> None:
    lim = job["limits"]

    def setlimit(which, value):
        value = int(value)
        try:
            resource.setrlimit(which, (value, value))
        except (ValueError, OSError):
            soft, hard = resource.getrlimit(which)
            if hard == resource.RLIM_INFINITY or value <= hard:
                resource.setrlimit(which, (value, hard))

    setlimit(resource.RLIMIT_AS, lim["memory_mb"] * 2**20)
    setlimit(resource.RLIMIT_CPU, lim["cpu_s"])
    setlimit(resource.RLIMIT_FSIZE, lim["file_mb"] * 2**20)
    setlimit(resource.RLIMIT_NOFILE, lim.get("open_files", 256))
    setlimit(resource.RLIMIT_CORE, 0)
    # The count is per user: with a limit of 1, no new process or thread can start.
    setlimit(resource.RLIMIT_NPROC, lim.get("processes", 1))


def _drop_privileges(job: dict, notes: dict) -> None:
    libc = _libc()
    libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    if os.geteuid() != 0:
        notes["user"] = f"uid {os.getuid()} (not started as root: same user as the grader)"
        return
    sb = job["sandbox"]
    uid, gid = int(sb["uid"]), int(sb["gid"])
    keep_read = bool(sb.get("read_all"))
    os.setgroups([])
    os.setgid(gid)
    if keep_read:
        libc.prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0)
    os.setuid(uid)
    if keep_read:
        # Keep one capability: read and search any folder (the Python
        # installation may sit in a folder other users cannot read). Writing
        # follows the normal permissions of the unprivileged user.
        class Header(ctypes.Structure):
            _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

        class Data(ctypes.Structure):
            _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]

        header = Header(0x20080522, 0)
        data = (Data * 2)()
        data[0].effective = data[0].permitted = 1 << CAP_DAC_READ_SEARCH
        if libc.capset(ctypes.byref(header), data) != 0:
            raise OSError("capset failed: " + _errtext(-1))
        libc.prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0)
    if os.getuid() != uid or os.geteuid() != uid:
        raise OSError("could not switch user")
    notes["user"] = f"uid {uid}" + (" with the right to read files only" if keep_read else "")


def _short_error(exc: BaseException) -> dict:
    name = type(exc).__name__
    try:
        message = str(exc)
    except BaseException:  # a learner's exception whose __str__ fails
        message = ""
    return {"type": str(name)[:60], "message": message[:300]}


def _transformer():
    try:
        from IPython.core.inputtransformer2 import TransformerManager

        return TransformerManager().transform_cell
    except Exception:  # pragma: no cover - IPython is part of the course environment
        return lambda source: source


class _Shell:
    """Enough of IPython's ``get_ipython()`` for cells with magics: they are skipped."""

    def run_line_magic(self, *args, **kwargs):
        return None

    def run_cell_magic(self, name, line, cell):
        if name in ("time", "timeit", "capture"):
            exec(compile(cell, "<cell magic>", "exec"), _NS)
        return None

    def system(self, *args, **kwargs):
        return None

    def getoutput(self, *args, **kwargs):
        return []

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


_NS: dict = {}


def main() -> None:
    job = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")  # the results; not inherited by exec

    def emit(record: dict) -> None:
        out.write(_dumps(record, allow_nan=False) + "\n")
        out.flush()

    devnull = os.open(os.devnull, os.O_RDWR)
    notes: dict = {}
    work = None
    if os.geteuid() == 0 and job["sandbox"].get("namespaces", True):
        work = _private_namespaces(job, notes)
    if work is None:
        work = job["sandbox"]["workdir"]
        notes.setdefault("files", "shared file system; a temporary working folder")
    os.chdir(work)
    os.environ.update({"HOME": work, "TMPDIR": work, "MPLCONFIGDIR": work})

    namespace = _NS
    namespace.update({"__name__": "__main__", "__builtins__": __builtins__})
    namespace["get_ipython"] = lambda: _Shell()
    namespace["display"] = lambda *args, **kwargs: None
    transform = _transformer()
    try:  # the course's own setup cell, before any learner code
        exec(compile(job.get("setup", ""), "<course setup>", "exec"), namespace)
        notes["setup"] = "ok"
    except Exception as exc:
        notes["setup"] = f"failed: {type(exc).__name__}: {exc}"[:300]

    _set_limits(job)
    _drop_privileges(job, notes)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a too-large file gives an error, not a kill

    def on_alarm(signum, frame):
        raise CellTimeout()

    signal.signal(signal.SIGALRM, on_alarm)
    limit = float(job["cell_timeout"])
    emit({"event": "start", "sandbox": notes})

    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    sys.stdin = open(os.devnull)
    sys.stdout = sys.stderr = _Null()

    cells = []
    for i, source in enumerate(job["cells"]):
        emit({"event": "cell", "index": i})
        record = {"index": i, "status": "ok"}
        try:
            code = compile(transform(source), f"<cell {i + 1}>", "exec")
            signal.setitimer(signal.ITIMER_REAL, limit)
            try:
                exec(code, namespace)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        except CellTimeout:
            record = {"index": i, "status": "timeout", "error": {"type": "Timeout", "message": f"stopped after {limit:g} s"}}
        except BaseException as exc:  # SystemExit, MemoryError, ... stop the cell, not the notebook
            record = {"index": i, "status": "error", "error": _short_error(exc)}
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        sys.stdout = sys.stderr = _Null()
        cells.append(record)

    emit({"event": "extracting"})
    answers = {}
    max_bytes = int(job["max_answer_bytes"])

    def plain(value):
        data = _encode(value)
        if len(_dumps(data, allow_nan=False)) > max_bytes:
            return {"$": "opaque", "type": f"answer larger than {max_bytes // 1000} kB"}
        return data

    def timed(fn, *args):
        signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            return fn(*args)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)

    for ex in job["exercises"]:
        key = ex["key"]
        try:
            value = timed(eval, ex["expr"], namespace)
        except NameError as exc:
            answers[key] = {"status": "missing", "error": _short_error(exc)}
            continue
        except CellTimeout:
            answers[key] = {"status": "error", "error": {"type": "Timeout", "message": "reading the answer took too long"}}
            continue
        except BaseException as exc:
            answers[key] = {"status": "error", "error": _short_error(exc)}
            continue
        try:
            if not ex["function"] or not callable(value):
                answers[key] = {"status": "value", "value": timed(plain, value)}
                continue
            results = []
            for case in ex["cases"]:
                try:
                    args = _decode(case)
                    got = timed(value, *args)
                    results.append({"ok": timed(plain, got)})
                except CellTimeout:
                    results.append({"raised": {"type": "Timeout", "message": f"took longer than {limit:g} s"}})
                except BaseException as exc:
                    results.append({"raised": _short_error(exc)})
            answers[key] = {"status": "function", "results": results}
        except BaseException as exc:
            answers[key] = {"status": "error", "error": _short_error(exc)}

    emit({"event": "result", "cells": cells, "answers": answers})
    out.close()
    os._exit(0)


if __name__ == "__main__":
    try:
        main()
    except BaseException:
        traceback.print_exc()
        os._exit(70)
