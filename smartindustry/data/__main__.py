"""Command line: ``python -m smartindustry.data {build,refresh,docs,validate}``.

build     rebuild data/ (and appendix/data.md) from a folder of raw files
refresh   fetch the World Bank and UN SDG series from the official APIs
docs      regenerate appendix/data.md from data/datapackage.json
validate  check data/ against its datapackage.json

Errors are reported as one line on stderr with exit code 1; data/ is then
left exactly as it was.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import _docs
from ._pipeline import PipelineError, build
from ._tables import write_files
from ._validate import check_folder

#: The repository root when running from a clone or an editable install.
REPO = Path(__file__).resolve().parent.parent.parent


def default_data() -> Path:
    """The data folder written by build/refresh: ``<repo>/data``."""
    return REPO / "data"


def default_page(data: Path) -> Path | None:
    """The book page next to a data folder (``<repo>/appendix/data.md``)."""
    return data.resolve().parent / "appendix" / "data.md"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line arguments."""
    parser = argparse.ArgumentParser(prog="python -m smartindustry.data",
                                     description="Build, refresh and check the course data.")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="rebuild the tables from raw files")
    b.add_argument("--raw", required=True, type=Path, help="folder of raw files")
    r = sub.add_parser("refresh", help="fetch World Bank and UN SDG series from the APIs")
    r.add_argument("--only", default=None,
                   help="comma-separated indicator ids to refresh (default: all WB and UN SDG ones)")
    d = sub.add_parser("docs", help="regenerate the book page from datapackage.json")
    v = sub.add_parser("validate", help="check the tables against datapackage.json")
    for p in (b, r, d, v):
        p.add_argument("--out", type=Path, default=None,
                       help="data folder (default: data/ of the repository)")
    for p in (b, r, d):
        p.add_argument("--page", type=Path, default=None,
                       help="book page to write (default: appendix/data.md next to the data folder)")
        p.add_argument("--no-page", action="store_true", help="do not write the book page")
    for p in (b, r):
        p.add_argument("--quiet", action="store_true", help="no progress lines")
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> str:
    """Run one command and return the text to print on success."""
    data = args.out or default_data()
    page = None if getattr(args, "no_page", False) else (getattr(args, "page", None)
                                                         or default_page(data))
    if args.command == "build":
        return build(args.raw, data, page, quiet=args.quiet)
    if args.command == "refresh":
        from ._refresh import refresh  # only the online path needs urllib
        only = [i.strip() for i in args.only.split(",")] if args.only else None
        return refresh(data, page, quiet=args.quiet, only=only)
    if args.command == "docs":
        text = (data / "datapackage.json").read_text(encoding="utf-8")
        if page is None:
            return _docs.page_text(text)
        write_files({"page": _docs.page_text(text)}, {"page": page})
        return f"wrote {page}\n"
    errors = check_folder(data)
    if errors:
        raise PipelineError(f"{len(errors)} problems, first: {errors[0]}")
    return f"{data}: all tables valid\n"


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    args = parse_args(argv)
    from ._refresh import RefreshError
    try:
        sys.stdout.write(run(args))
    except (PipelineError, RefreshError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted; data/ was not changed", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
