"""Build the JupyterLite site of the course: every notebook runs in the browser, nothing to install.

    python tools/lite.py                     # the book's site: _build/html/lite
    python tools/lite.py --edition student   # the student edition: _build/lite-student (+ .zip)

What goes into the site, and where it comes from (see lite/README.md):

* JupyterLite itself (jupyterlite-core, jupyterlite-pyodide-kernel, the ipywidgets
  front end from jupyterlab_widgets): the Python packages pinned in requirements.lock.
* The Python runtime, Pyodide's core files: the npm package ``pyodide`` at the
  version the kernel expects, fetched with ``npm pack`` and checked against the
  pinned sha512 below. Nothing else of npm is used.
* Pure-Python wheels (IPython, dateutil, ipywidgets, ...): PyPI, exact versions
  and sha256 hashes in lite/wheels-pure.txt; contourpy compiled for Pyodide:
  lite/wheels-wasm.txt.
* The course package with the curated data tables inside it (a wheel built here,
  so ``import smartindustry`` and ``smartindustry.data`` work in Pyodide).
* The chapter and exercise notebooks (or their student editions), each with one
  setup cell at the top that installs the course package from the site.

numpy, pandas, matplotlib, kiwisolver and pillow compiled for Pyodide are on no
registry this project can reach: the site's lock file sends the browser to the
Pyodide CDN for those five files only (``CDN_WHEELS``). A folder holding those
exact files (same names, same sha256 as Pyodide's lock file) can be given with
``--wasm-wheels DIR`` (or the LITE_WASM_WHEELS environment variable); they are then
served from the site too, and the site needs no internet at all.

Downloads are cached in _build/cache/lite, so a rebuild works offline.
"""

from __future__ import annotations

import argparse
import base64
import copy
import csv
import hashlib
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LITE = ROOT / "lite"
CACHE = ROOT / "_build" / "cache" / "lite"

# The npm package with Pyodide's core runtime, and its integrity (npm view pyodide@VERSION dist.integrity).
PYODIDE_VERSION = "314.0.6"
PYODIDE_SHA512 = "BKDTJyIqFxC4BExLqeRS3f5xvXZIjOt8C3zGLN/Cc7tFxSwvKVhVkchQQ2AGLOtR4YrVOIFxbV8poyDOOmWwxQ=="
# Core files the browser loads (the rest of the npm package is types, maps and demos).
PYODIDE_FILES = ["pyodide.mjs", "pyodide.js", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json", "package.json"]
# Compiled wheels the notebooks need that no reachable registry has (see the module docstring).
CDN_WHEELS = ["numpy", "pandas", "matplotlib", "kiwisolver", "pillow"]
# What the kernel and the notebooks import from Pyodide's lock file (their dependencies follow).
LOCK_ROOTS = ["micropip", "ipython", "jedi", "traitlets", "prompt-toolkit", "pandas", "matplotlib"]
APPS = ["lab", "notebooks"]
SETUP_TAG = "lite-setup"
SETUP_CELL = (
    "# Only in the browser (JupyterLite): install the course's package and data from this site,\n"
    "# once per session (a few seconds). Elsewhere this cell does nothing.\n"
    "import sys\n"
    "\n"
    'if sys.platform == "emscripten":\n'
    "    %pip install smartindustry"
)


def canon(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def say(*args: object) -> None:
    print("lite:", *args, flush=True)


# -- Pyodide's core runtime (npm) ------------------------------------------------


class CannotFetch(Exception):
    """A download the site needs could not be made (no npm, no network)."""


def fetch_pyodide(cache: Path) -> Path:
    """The npm package ``pyodide`` unpacked in ``cache/pyodide`` (fetched once, hash checked)."""
    tgz = cache / f"pyodide-{PYODIDE_VERSION}.tgz"

    def ok() -> bool:
        return tgz.is_file() and base64.b64encode(hashlib.sha512(tgz.read_bytes()).digest()).decode() == PYODIDE_SHA512

    if not ok():
        npm = shutil.which("npm")
        if npm is None:
            raise CannotFetch("npm is needed once to fetch the Python runtime (npm package pyodide); "
                              "install Node.js and npm (apt-get install npm), then run `make book` again")
        cache.mkdir(parents=True, exist_ok=True)
        say(f"fetching pyodide@{PYODIDE_VERSION} with npm pack")
        try:
            subprocess.run([npm, "pack", f"pyodide@{PYODIDE_VERSION}", "--pack-destination", str(cache), "--silent"],
                           check=True, stdout=subprocess.DEVNULL, timeout=600)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise CannotFetch(f"npm could not fetch pyodide@{PYODIDE_VERSION} (offline?): {exc}") from None
        if not ok():
            tgz.unlink(missing_ok=True)
            sys.exit(f"lite: pyodide-{PYODIDE_VERSION}.tgz does not have the pinned sha512: refusing to use it")
    out = cache / "pyodide"
    stamp = out / ".from"
    if not (stamp.is_file() and stamp.read_text() == PYODIDE_SHA512):
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        with tarfile.open(tgz) as tar:
            for member in tar.getmembers():
                name = member.name.removeprefix("package/")
                if member.isfile() and name in PYODIDE_FILES:
                    (out / name).write_bytes(tar.extractfile(member).read())
        stamp.write_text(PYODIDE_SHA512)
    return out


# -- wheels from PyPI, pinned with hashes ------------------------------------------


def pins(path: Path) -> list[tuple[str, str, str]]:
    """(name, version, sha256) of each line ``name==version --hash=sha256:...``."""
    found = []
    for line in path.read_text().splitlines():
        m = re.match(r"\s*([A-Za-z0-9_.-]+)==(\S+)\s+--hash=sha256:([0-9a-f]{64})", line)
        if m:
            found.append((canon(m[1]), m[2], m[3]))
    return found


def wheel_name(path: Path) -> tuple[str, str]:
    name, version = path.name.split("-")[:2]
    return canon(name), version


def fetch_wheels(requirements: Path, dest: Path, platform: list[str]) -> dict[str, Path]:
    """Download the pinned wheels of ``requirements`` into ``dest`` (once); {name: file}."""
    wanted = pins(requirements)

    def have() -> dict[str, Path]:
        files = {}
        for whl in dest.glob("*.whl") if dest.is_dir() else []:
            name, version = wheel_name(whl)
            for pname, pversion, phash in wanted:
                if (pname, pversion) == (name, version) and sha256(whl) == phash:
                    files[name] = whl
        return files

    files = have()
    if len(files) < len(wanted):
        say(f"downloading {len(wanted) - len(files)} wheel(s) of {requirements.relative_to(ROOT)}")
        try:
            subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                            "--no-deps", "--only-binary=:all:", "--require-hashes", "--dest", str(dest),
                            "--requirement", str(requirements), *platform], check=True, timeout=900)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise CannotFetch(f"pip could not download the wheels of {requirements.name} (offline?): {exc}") from None
        files = have()
        missing = sorted({n for n, _, _ in wanted} - set(files))
        if missing:
            sys.exit(f"lite: no wheel with the pinned hash for {', '.join(missing)}")
    return files


PURE = ["--python-version", "3.14", "--implementation", "py", "--abi", "none", "--platform", "any"]
WASM = ["--python-version", "3.14", "--implementation", "cp", "--abi", "cp314", "--platform", "pyemscripten_2026_0_wasm32"]


# -- the course package, with its data, as a wheel -----------------------------------


DATA_FILES = ["datapackage.json", "observations.csv", "aggregates.csv", "countries.csv", "aggregate_areas.csv"]


def course_wheel(dest: Path) -> Path:
    """smartindustry-<version>-py3-none-any.whl with the curated tables in smartindustry/data/tables."""
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    name, version = meta["name"], meta["version"]
    dist = f"{name}-{version}.dist-info"
    files: list[tuple[str, bytes]] = []
    for path in sorted((ROOT / name).rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            files.append((path.relative_to(ROOT).as_posix(), path.read_bytes()))
    for table in DATA_FILES:
        files.append((f"{name}/data/tables/{table}", (ROOT / "data" / table).read_bytes()))
    requires = "".join(f"Requires-Dist: {dep}\n" for dep in meta.get("dependencies", []))
    files.append((f"{dist}/METADATA", (f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
                                       f"Summary: {meta.get('description', '')}\n"
                                       f"Requires-Python: {meta.get('requires-python', '')}\n{requires}").encode()))
    files.append((f"{dist}/WHEEL", b"Wheel-Version: 1.0\nGenerator: tools/lite.py\nRoot-Is-Purelib: true\n"
                                   b"Tag: py3-none-any\n"))
    record = io.StringIO()
    writer = csv.writer(record, lineterminator="\n")
    for arcname, data in files:
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        writer.writerow([arcname, f"sha256={digest}", len(data)])
    writer.writerow([f"{dist}/RECORD", "", ""])
    files.append((f"{dist}/RECORD", record.getvalue().encode()))
    dest.mkdir(parents=True, exist_ok=True)
    whl = dest / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(whl, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for arcname, data in files:
            info = zipfile.ZipInfo(arcname, date_time=(2020, 2, 2, 0, 0, 0))  # the same bytes on every build
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return whl


# -- Pyodide's lock file: local files where we have them, the CDN for the rest -------------------


def cdn_base() -> str:
    from jupyterlite_pyodide_kernel import constants

    if constants.PYODIDE_VERSION != PYODIDE_VERSION:
        sys.exit(f"lite: jupyterlite-pyodide-kernel expects Pyodide {constants.PYODIDE_VERSION}, "
                 f"tools/lite.py pins {PYODIDE_VERSION}: update PYODIDE_VERSION and PYODIDE_SHA512 together")
    return constants.PYODIDE_CDN_URL.rstrip("/") + "/"


def closure(packages: dict, roots: list[str]) -> list[str]:
    index = {canon(k): k for k in packages}
    seen: list[str] = []

    def walk(name: str) -> None:
        key = index.get(canon(name))
        if key is None or key in seen:
            return
        seen.append(key)
        for dep in packages[key]["depends"]:
            walk(dep)

    for root in roots:
        walk(root)
    return seen


def write_runtime(pyodide: Path, out: Path, wheels: dict[str, Path], wasm_dir: Path | None) -> dict:
    """Copy the runtime into ``out`` with a lock file that lists only what the notebooks need."""
    out.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        if name != "pyodide-lock.json":
            shutil.copy2(pyodide / name, out / name)
    lock = json.loads((pyodide / "pyodide-lock.json").read_text())
    packages = lock["packages"]
    keep = closure(packages, LOCK_ROOTS)
    new: dict[str, dict] = {}
    remote: list[str] = []
    for key in keep:
        entry = copy.deepcopy(packages[key])
        name = canon(entry["name"])
        local = wheels.get(name)
        extra = wasm_dir / entry["file_name"] if wasm_dir else None
        if local is not None:
            shutil.copy2(local, out / local.name)
            entry.update(file_name=local.name, sha256=sha256(local), version=wheel_name(local)[1])
        elif extra is not None and extra.is_file() and sha256(extra) == entry["sha256"]:
            shutil.copy2(extra, out / extra.name)
        else:
            if name not in CDN_WHEELS:
                sys.exit(f"lite: no local wheel for {name} (add it to lite/wheels-pure.txt or lite/wheels-wasm.txt)")
            entry["file_name"] = cdn_base() + entry["file_name"]
            remote.append(entry["file_name"])
        new[key] = entry
    lock["packages"] = new
    (out / "pyodide-lock.json").write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n")
    return {"remote": remote, "packages": sorted(new)}


# -- notebooks ------------------------------------------------------------------------


ROLE = re.compile(r"\{(?:term|ref|doc|numref|download|eq)\}`([^`]*?)(?:\s*<([^>`]*)>)?`")
CITE = re.compile(r"\{cite(?::\w+)?\}`([^`]*)`")
LABEL = re.compile(r"^\([\w-]+\)=[ \t]*\n", re.M)


def plain_markdown(text: str) -> str:
    """The book's MyST roles as plain Markdown (JupyterLab does not read them): {term}`sensor` -> sensor."""
    text = LABEL.sub("", text)
    text = ROLE.sub(lambda m: m.group(1) or m.group(2) or "", text)
    return CITE.sub(lambda m: "[" + m.group(1).replace(",", ", ") + "]", text)


def with_setup_cell(source: Path, dest: Path) -> None:
    """Copy a notebook, adding the setup cell before its first code cell."""
    import nbformat

    nb = nbformat.read(source, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = plain_markdown(cell.source)
    cell = nbformat.v4.new_code_cell(SETUP_CELL, metadata={"tags": [SETUP_TAG, "remove-cell"]})
    cell.id = "lite-setup"
    first = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code"), len(nb.cells))
    nb.cells.insert(first, cell)
    dest.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, dest)


def contents(edition: str, out: Path) -> list[str]:
    """Write the notebooks of an edition into ``out``; their paths relative to it."""
    shutil.rmtree(out, ignore_errors=True)
    if edition == "book":
        sources = {f"{folder}/{p.name}": p for folder in ("chapters", "exercises")
                   for p in sorted((ROOT / folder).glob("*.ipynb"))}
    else:
        student = out.parent / "student-editions"
        shutil.rmtree(student, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "smartindustry.classroom", "student", "--out", str(student)],
                       check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        sources = {f"chapters/{p.name}": p for p in sorted((ROOT / "chapters").glob("*.ipynb"))}
        sources |= {f"exercises/{p.name}": p for p in sorted(student.rglob("*.ipynb"))}
    for rel, src in sources.items():
        with_setup_cell(src, out / rel)
    return sorted(sources)


# -- the build -------------------------------------------------------------------------


def build(edition: str, output: Path, wasm_dir: Path | None) -> dict:
    import tempfile

    with tempfile.TemporaryDirectory(prefix=f"lite-src-{edition}-") as tmp:
        return _build(edition, output, wasm_dir, Path(tmp))


def _build(edition: str, output: Path, wasm_dir: Path | None, work: Path) -> dict:
    pyodide = fetch_pyodide(CACHE)
    pure = fetch_wheels(LITE / "wheels-pure.txt", CACHE / "wheels", PURE)
    wasm = fetch_wheels(LITE / "wheels-wasm.txt", CACHE / "wheels-wasm", WASM)
    lock_wheels = {k: v for k, v in {**pure, **wasm}.items() if k not in {"comm", "ipywidgets", "jupyterlab-widgets"}}
    runtime = write_runtime(pyodide, work / "static" / "pyodide", lock_wheels, wasm_dir)
    pypi = work / "pypi"
    pypi.mkdir()
    for name in ("comm", "ipywidgets", "jupyterlab-widgets"):
        shutil.copy2(pure[name], pypi / pure[name].name)
    course_wheel(pypi)
    shutil.copy2(LITE / "jupyter-lite.json", work / "jupyter-lite.json")
    notebooks = contents(edition, work / "files")
    shutil.rmtree(output, ignore_errors=True)
    cmd = [str(Path(sys.executable).with_name("jupyter")), "lite", "build", "--lite-dir", str(work),
           "--contents", str(work / "files"), "--output-dir", str(output), "--no-sourcemaps",
           "--no-unused-shared-packages", "--log-level", "WARN"]
    for app in APPS:
        cmd += ["--apps", app]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1580601600"}
    proc = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"lite: jupyter lite build failed:\n{(proc.stdout + proc.stderr)[-4000:]}")
    shutil.rmtree(output / ".jupyterlite.doit.db", ignore_errors=True)
    for leftover in output.glob(".jupyterlite.doit.db*"):
        leftover.unlink()
    local = sum(p.stat().st_size for p in (output / "static" / "pyodide").iterdir())
    report = {"edition": edition, "notebooks": notebooks, "pyodide": PYODIDE_VERSION,
              "remote_wheels": runtime["remote"], "lock_packages": runtime["packages"],
              "runtime_bytes_local": local}
    (output / "lite-build.json").write_text(json.dumps(report, indent=1) + "\n")
    return report


NOT_BUILT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Run in the browser: not in this copy</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 2em auto; padding: 0 1em; line-height: 1.5">
<h1>Run in the browser: not in this copy of the book</h1>
<p>This copy of the book was built without its in-browser Python (JupyterLite), because one of
its files could not be fetched when the book was built:</p>
<p><code>{reason}</code></p>
<p>You can still run the notebooks with Binder or Colab (the rocket button on each page), download
them (the download button) and run them with your own Python, or rebuild the book with
<code>make book</code> on a machine with npm and access to the package registries.</p>
<p><a href="../../intro.html">Back to the book</a></p>
</body></html>
"""


def write_not_built(output: Path, reason: str) -> None:
    """Where the site would be: a page that says why it is missing (the book's links open it)."""
    shutil.rmtree(output, ignore_errors=True)
    page = NOT_BUILT.format(reason=html.escape(reason))
    for folder in (output, output / "notebooks"):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(page.replace('href="../../intro.html"', 'href="../intro.html"') if folder == output else page,
                                           encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edition", choices=["book", "student"], default="book")
    parser.add_argument("--out", type=Path, help="output folder (default: _build/html/lite, or _build/lite-student)")
    parser.add_argument("--wasm-wheels", type=Path, default=os.environ.get("LITE_WASM_WHEELS") or None,
                        help="folder with Pyodide's numpy, pandas, matplotlib, kiwisolver, pillow wheels")
    parser.add_argument("--zip", action="store_true", help="also zip the site (student edition: for a teacher)")
    args = parser.parse_args(argv)
    out = args.out or (ROOT / "_build" / ("html/lite" if args.edition == "book" else "lite-student"))
    try:
        report = build(args.edition, out.resolve(), args.wasm_wheels)
    except CannotFetch as exc:
        if args.edition != "book":
            sys.exit(f"lite: {exc}")
        # The book itself is built and complete; its "Run in the browser" links then open a
        # page that says why this copy has no in-browser run, instead of a missing page.
        write_not_built(out.resolve(), str(exc))
        say(f"the in-browser run (JupyterLite) was not built: {exc}")
        say("the book is complete without it; its 'Run in the browser' links say so")
        return 0
    say(f"{len(report['notebooks'])} notebooks in {out}")
    if report["remote_wheels"]:
        say(f"{len(report['remote_wheels'])} wheels load from the Pyodide CDN (not on any reachable registry): "
            + ", ".join(Path(u).name for u in report["remote_wheels"]))
    else:
        say("every file is served from the site: no internet needed")
    if args.zip:
        archive = shutil.make_archive(str(out), "zip", root_dir=out.parent, base_dir=out.name)
        say(f"zipped: {archive}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
