"""Execute course notebooks top to bottom and store their outputs.

Usage: python tools/run_notebooks.py NOTEBOOK [NOTEBOOK ...]

First the Colab lines at the top of each setup cell are brought in step with
`_config.yml` (tools/colab.py). Each notebook runs in a fresh kernel, in its own folder, with widget state
stored (so that JupyterLab can show the widgets before anything is run).
Metadata that changes from run to run (timings, Python patch version) is
dropped, so that a rerun with no change in code gives no change in the file
except where an output really changed.
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

import colab

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANGUAGE_INFO = {"name": "python", "pygments_lexer": "ipython3"}


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Keep only the metadata that matters, and give every cell a stable id."""
    nb.metadata.pop("jupytext", None)
    nb.metadata["kernelspec"] = KERNELSPEC
    nb.metadata["language_info"] = LANGUAGE_INFO
    seen: set[str] = set()
    for i, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)
        if not cell.get("id") or cell.id in seen:
            digest = hashlib.sha1(f"{i}:{cell.source}".encode()).hexdigest()[:8]
            cell.id = f"c{digest}"
        seen.add(cell.id)
        if cell.cell_type == "code":
            for out in cell.outputs:
                out.get("metadata", {}).pop("execution", None)
            cell.outputs = merged_streams(cell.outputs)
    return nb


def merged_streams(outputs: list) -> list:
    """Consecutive printed text of one stream as one output: how the kernel cut it up varies from run to run."""
    merged: list = []
    for out in outputs:
        last = merged[-1] if merged else None
        if (out.get("output_type") == "stream" and last is not None and last.get("output_type") == "stream"
                and last.get("name") == out.get("name")):
            last["text"] = "".join(last["text"]) + "".join(out["text"])
        else:
            merged.append(out)
    return merged


WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def stable_widget_ids(nb: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """Replace the random ids of widget models with ids that are the same on every run."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    if not state:
        return nb
    text = nbformat.writes(nb)
    for i, old in enumerate(list(state)):
        new = hashlib.md5(f"{name}:{i}".encode()).hexdigest()
        text = text.replace(old, new)
    return nbformat.reads(text, as_version=4)


def run(path: Path) -> float:
    """Execute one notebook in place; return the seconds it took."""
    start = time.perf_counter()
    colab.apply(path, *colab.repository())
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=True,
        record_timing=False,
    )
    client.execute()
    nbformat.write(stable_widget_ids(normalise(nb), path.name), path)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    for name in argv:
        seconds = run(Path(name))
        print(f"{name}: executed in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
