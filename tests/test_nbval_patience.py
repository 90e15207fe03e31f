"""The notebook tests wait for a slow kernel instead of failing all of a notebook's cells at once."""

from __future__ import annotations

from queue import Empty

import nbval.plugin
import pytest

import conftest


def test_nbval_starts_its_kernels_through_the_patient_start():
    assert nbval.plugin.RunningKernel is conftest.start_kernel


def test_a_kernel_that_fails_to_start_is_started_once_more(monkeypatch):
    starts = []

    class Flaky:
        def __init__(self, *args, **kwargs):
            starts.append(kwargs)
            if len(starts) == 1:
                raise RuntimeError("Kernel didn't respond in 60 seconds")

    monkeypatch.setattr(conftest, "PatientKernel", Flaky)
    assert isinstance(conftest.start_kernel("python3", cwd=".", startup_timeout=5), Flaky)
    assert len(starts) == 2


def test_a_kernel_that_never_starts_still_fails(monkeypatch):
    class Dead:
        def __init__(self, *args, **kwargs):
            raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr(conftest, "PatientKernel", Dead)
    with pytest.raises(RuntimeError, match="died"):
        conftest.start_kernel("python3")


class SlowClient:
    """A kernel client whose kernel_info replies come only after ``late`` requests."""

    def __init__(self, late: int):
        self.late, self.asked = late, 0

    def kernel_info(self) -> str:
        self.asked += 1
        return f"msg-{self.asked}"


def _kernel(late: int, seconds: float) -> conftest.PatientKernel:
    kernel = object.__new__(conftest.PatientKernel)
    kernel.kc, kernel.ready_seconds, kernel.stopped = SlowClient(late), seconds, False

    def await_reply(msg_id, timeout=None):
        assert timeout >= 1.0
        if kernel.kc.asked <= kernel.kc.late:
            raise Empty

    kernel.await_reply = await_reply
    kernel.await_idle = lambda msg_id, timeout: None
    kernel.stop = lambda: setattr(kernel, "stopped", True)
    return kernel


def test_first_replies_are_awaited_past_nbvals_ten_seconds():
    kernel = _kernel(late=3, seconds=60)
    kernel._ensure_iopub_up()
    assert kernel.kc.asked == 4 and not kernel.stopped


def test_a_kernel_silent_past_the_limit_is_stopped_and_reported():
    kernel = _kernel(late=10**9, seconds=0)
    with pytest.raises(RuntimeError, match="did not answer within 0 s"):
        kernel._ensure_iopub_up()
    assert kernel.stopped


def test_a_real_kernel_starts_and_runs_a_cell(tmp_path):
    kernel = conftest.start_kernel("python3", cwd=str(tmp_path), startup_timeout=120)
    try:
        msg_id = kernel.execute_cell_input("print(6 * 7)", allow_stdin=False)
        kernel.await_reply(msg_id, timeout=60)
        texts = []
        while True:
            msg = kernel.get_message("iopub", timeout=60)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                texts.append(msg["content"]["text"])
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        assert "".join(texts) == "42\n"
    finally:
        kernel.stop()


def test_notebook_cells_wait_a_minute_for_their_output(request):
    cells = [item for item in request.session.items if isinstance(item, nbval.plugin.IPyNbCell)]
    if not cells:
        pytest.skip("no notebook collected in this run (the whole suite collects them)")
    assert {cell.output_timeout for cell in cells} == {conftest.OUTPUT_SECONDS}
