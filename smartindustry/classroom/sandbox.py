"""Run one submission in a separate, limited process, and read back what it returns.

This is the grader's side of :mod:`smartindustry.classroom._child`. It starts
a fresh Python (``python -I``: no user site-packages, no ``PYTHON*``
variables), in a new session (so that the whole process group can be killed),
with a minimal environment, no stdin, and a wall-clock deadline. It reads the
child's output through a pipe with a size cap, and kills the process group
when the deadline or the cap is passed. It never interprets that output
beyond splitting it into JSON lines: :mod:`smartindustry.classroom.grading`
does that, defensively.
"""

from __future__ import annotations

import json
import os
import pwd
import selectors
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Limits", "RunResult", "run_child", "sandbox_settings"]


@dataclass(frozen=True)
class Limits:
    """Resource limits for one submission. Times in seconds, sizes in MB."""

    #: wall-clock time for the whole notebook; the process group is killed after it
    timeout: float = 120.0
    #: time for one cell, and for one call of a learner's function by the grader
    cell_timeout: float = 30.0
    #: address space (virtual memory) of the process
    memory_mb: int = 2048
    #: largest file the submission may write
    file_mb: int = 32
    #: size of the private /tmp (when started as root)
    tmpfs_mb: int = 64
    #: most output the grader reads back; more is a failure
    output_mb: int = 8
    #: largest single answer, encoded
    answer_kb: int = 2000


@dataclass
class RunResult:
    """What came back from one child process."""

    records: list[dict[str, Any]] = field(default_factory=list)
    returncode: int | None = None
    timed_out: bool = False
    too_much_output: bool = False
    unreadable_output: bool = False
    stderr: str = ""
    seconds: float = 0.0

    def last(self, event: str) -> dict[str, Any] | None:
        for record in reversed(self.records):
            if record.get("event") == event:
                return record
        return None


def _readable_by_everyone(path: Path) -> bool:
    """True if every folder on the way to ``path`` lets other users in, and ``path`` lets them read."""
    try:
        path = path.resolve()
        for folder in [*reversed(path.parents), path]:
            mode = folder.stat().st_mode
            if not mode & stat.S_IXOTH:
                return False
        return bool(path.stat().st_mode & stat.S_IROTH)
    except OSError:
        return False


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def sandbox_settings(course_root: Path, hide: list[Path], user: str | int = "nobody") -> dict[str, Any]:
    """The sandbox part of a job: which user, which folders to make private or hide."""
    import sysconfig

    needed = [
        Path(course_root),
        Path(sys.prefix),
        Path(sys.base_prefix),
        Path(sysconfig.get_paths()["stdlib"]),
        Path(sysconfig.get_paths()["purelib"]),
        Path(__file__).parents[1],
    ]
    settings: dict[str, Any] = {"namespaces": True}
    if os.geteuid() == 0:
        if isinstance(user, int) or str(user).isdigit():
            uid = gid = int(user)
        else:
            try:
                entry = pwd.getpwnam(str(user))
                uid, gid = entry.pw_uid, entry.pw_gid
            except KeyError:
                uid = gid = 65534
        if uid == 0:
            raise ValueError("the sandbox user must not be root")
        settings.update(uid=uid, gid=gid, read_all=not all(_readable_by_everyone(p) for p in needed))
    settings["private_dirs"] = [
        d for d in ("/tmp", "/var/tmp", "/dev/shm") if os.path.isdir(d) and not any(_inside(p, Path(d)) for p in needed)
    ]
    settings["hide"] = [
        str(Path(h).resolve()) for h in hide if Path(h).is_dir() and not any(_inside(p, Path(h)) for p in needed)
    ]
    return settings


def _child_env(workdir: str) -> dict[str, str]:
    passed = {k: os.environ[k] for k in ("SMARTINDUSTRY_DATA",) if k in os.environ}
    return {
        **passed,
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": workdir,
        "TMPDIR": workdir,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": workdir,
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "NUMEXPR_MAX_THREADS": "1",
    }


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def run_child(job: dict[str, Any], limits: Limits, python: str | None = None) -> RunResult:
    """Run one job in a fresh sandboxed process and collect its JSON-line records."""
    result = RunResult()
    start = time.monotonic()
    base = tempfile.mkdtemp(prefix="si-grade-")
    try:
        os.chmod(base, 0o711)
        workdir = os.path.join(base, "work")
        os.mkdir(workdir, 0o700)
        sandbox = dict(job.get("sandbox", {}))
        if "uid" in sandbox:
            os.chown(workdir, sandbox["uid"], sandbox["gid"])
        sandbox["workdir"] = workdir
        job = {
            **job,
            "sandbox": sandbox,
            "limits": {
                "memory_mb": limits.memory_mb,
                "cpu_s": int(limits.timeout) + 1,
                "file_mb": limits.file_mb,
                "open_files": 256,
                "processes": 1,
            },
            "cell_timeout": limits.cell_timeout,
            "max_answer_bytes": limits.answer_kb * 1000,
        }
        sandbox["tmpfs_mb"] = limits.tmpfs_mb
        payload = json.dumps(job, allow_nan=False).encode("utf-8")
        proc = subprocess.Popen(
            [python or sys.executable, "-I", "-m", "smartindustry.classroom._child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=workdir,
            env=_child_env(workdir),
            start_new_session=True,
            close_fds=True,
        )
        _exchange(proc, payload, limits, result, start)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    result.seconds = time.monotonic() - start
    return result


def _exchange(proc: subprocess.Popen, payload: bytes, limits: Limits, result: RunResult, start: float) -> None:
    deadline = start + limits.timeout
    cap = limits.output_mb * 2**20
    out = bytearray()
    err = bytearray()
    try:
        assert proc.stdin is not None
        proc.stdin.write(payload)
        proc.stdin.close()
    except (BrokenPipeError, OSError):
        pass
    sel = selectors.DefaultSelector()
    assert proc.stdout is not None and proc.stderr is not None
    sel.register(proc.stdout, selectors.EVENT_READ, out)
    sel.register(proc.stderr, selectors.EVENT_READ, err)
    exited_at = None
    while sel.get_map():
        now = time.monotonic()
        if now > deadline:
            result.timed_out = True
            break
        if exited_at is None and proc.poll() is not None:
            exited_at = now
        if exited_at is not None and now - exited_at > 2.0:
            break  # the process is gone; something else holds the pipe open
        for key, _ in sel.select(timeout=0.2):
            chunk = os.read(key.fileobj.fileno(), 65536)
            if not chunk:
                sel.unregister(key.fileobj)
                continue
            buf = key.data
            if buf is err:
                if len(err) < 64_000:
                    err.extend(chunk[: 64_000 - len(err)])
                continue
            buf.extend(chunk)
            if len(buf) > cap:
                result.too_much_output = True
                break
        if result.too_much_output:
            break
    if not (result.timed_out or result.too_much_output):
        try:  # the child closed its output; let it finish exiting
            proc.wait(timeout=max(0.1, min(2.0, deadline - time.monotonic())))
        except subprocess.TimeoutExpired:
            pass
    _kill_group(proc)  # whatever is left in its process group
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:  # pragma: no cover - a process that survives SIGKILL
        pass
    for stream in (proc.stdout, proc.stderr):
        try:
            stream.close()
        except OSError:
            pass
    sel.close()
    result.returncode = proc.returncode
    result.stderr = err.decode("utf-8", "replace")
    if result.too_much_output:
        return
    for line in bytes(out).split(b"\n"):
        if not line.strip():
            continue
        try:
            record = json.loads(line.decode("utf-8"), parse_constant=_no_constants)
        except (ValueError, RecursionError):
            result.unreadable_output = True
            continue
        if isinstance(record, dict) and isinstance(record.get("event"), str):
            result.records.append(record)
        else:
            result.unreadable_output = True


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")
