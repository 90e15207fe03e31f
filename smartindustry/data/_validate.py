"""A small validator for the curated tables against ``datapackage.json``.

It checks what the Frictionless Table Schema specification describes and the
course relies on: header, field types (string, integer, number, boolean),
``required``, ``minimum``/``maximum``, ``enum``, ``pattern``, ``unique``,
primary keys, foreign keys and the file hash; and, per indicator, that every
value lies within the indicator's ``minimum``/``maximum`` and that every
indicator in the data is documented.

Every check returns a list of readable messages; an empty list means valid.
Pure Python (``csv`` and ``re``), so it also runs in the browser.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import math
import re
from collections.abc import Callable, Mapping
from pathlib import Path

MAX_MESSAGES_PER_CHECK = 5

TRUE_VALUES = {"true"}
FALSE_VALUES = {"false"}


def _parse_integer(text: str) -> int:
    """Parse a Table Schema integer (no decimal point, no exponent)."""
    if not re.fullmatch(r"[+-]?[0-9]+", text):
        raise ValueError(text)
    return int(text)


def _parse_number(text: str) -> float:
    """Parse a Table Schema number (finite decimal, optional exponent)."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def _parse_boolean(text: str) -> bool:
    """Parse ``true``/``false`` (the values the pipeline writes)."""
    if text in TRUE_VALUES:
        return True
    if text in FALSE_VALUES:
        return False
    raise ValueError(text)


PARSERS: dict[str, Callable[[str], object]] = {
    "string": str,
    "integer": _parse_integer,
    "number": _parse_number,
    "boolean": _parse_boolean,
}


@functools.lru_cache(maxsize=4)
def read_rows(text: str) -> tuple[list[str], list[list[str]]]:
    """Split CSV text into its header and rows of strings.

    Several checks read each table: within one check_package it is read once.
    """
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return [], []
    return rows[0], rows[1:]


def check_field_values(field: Mapping, column: list[str], missing: set[str]) -> list[str]:
    """Check one column against its field definition; return error messages."""
    name = field["name"]
    parse = PARSERS.get(field.get("type", "string"))
    if parse is None:
        return [f"field {name}: unsupported type {field.get('type')!r}"]
    cons = field.get("constraints", {})
    pattern = re.compile(cons["pattern"]) if "pattern" in cons else None
    enum = set(cons["enum"]) if "enum" in cons else None
    errors: list[str] = []
    seen: set[object] = set()

    def add(msg: str) -> None:
        if len(errors) < MAX_MESSAGES_PER_CHECK:
            errors.append(msg)

    for line, text in enumerate(column, start=2):
        if text in missing:
            if cons.get("required"):
                add(f"field {name}, line {line}: value is required")
            continue
        try:
            value = parse(text)
        except (ValueError, TypeError):
            add(f"field {name}, line {line}: {text!r} is not a valid {field['type']}")
            continue
        if "minimum" in cons and value < cons["minimum"]:
            add(f"field {name}, line {line}: {text} is below the minimum {cons['minimum']}")
        if "maximum" in cons and value > cons["maximum"]:
            add(f"field {name}, line {line}: {text} is above the maximum {cons['maximum']}")
        if enum is not None and value not in enum:
            add(f"field {name}, line {line}: {text!r} is not one of the allowed values")
        if pattern is not None and not pattern.fullmatch(text):
            add(f"field {name}, line {line}: {text!r} does not match {cons['pattern']}")
        if cons.get("unique"):
            if value in seen:
                add(f"field {name}, line {line}: {text!r} is not unique")
            seen.add(value)
    return errors


def _as_list(fields: str | list[str]) -> list[str]:
    """Table Schema allows a single field name or a list of names."""
    return [fields] if isinstance(fields, str) else list(fields)


def check_table(text: str, schema: Mapping) -> list[str]:
    """Validate the CSV text of one table against its Table Schema."""
    header, rows = read_rows(text)
    names = [f["name"] for f in schema["fields"]]
    if header != names:
        return [f"header is {header}, expected {names}"]
    errors: list[str] = []
    bad_width = [i + 2 for i, r in enumerate(rows) if len(r) != len(names)]
    if bad_width:
        return [f"line {bad_width[0]}: wrong number of cells ({len(bad_width)} such lines)"]
    missing = set(schema.get("missingValues", [""]))
    for i, field in enumerate(schema["fields"]):
        errors += check_field_values(field, [r[i] for r in rows], missing)
    if "primaryKey" in schema:
        idx = [names.index(k) for k in _as_list(schema["primaryKey"])]
        seen: set[tuple[str, ...]] = set()
        dups = 0
        for r in rows:
            key = tuple(r[i] for i in idx)
            if key in seen:
                dups += 1
                if dups <= MAX_MESSAGES_PER_CHECK:
                    errors.append(f"primary key {key} is duplicated")
            seen.add(key)
    return errors


def column_values(text: str, column: str) -> list[str]:
    """All values of one column of a CSV text."""
    header, rows = read_rows(text)
    i = header.index(column)
    return [r[i] for r in rows]


def check_foreign_keys(texts: Mapping[str, str], resource: Mapping) -> list[str]:
    """Check that every foreign key of ``resource`` points to an existing row."""
    errors = []
    for fk in resource["schema"].get("foreignKeys", []):
        here = _as_list(fk["fields"])[0]
        ref = fk["reference"]
        there = _as_list(ref["fields"])[0]
        targets = set(column_values(texts[ref["resource"]], there))
        unknown = sorted(set(column_values(texts[resource["name"]], here)) - targets)
        if unknown:
            errors.append(f"{resource['name']}.{here}: {len(unknown)} codes not in "
                          f"{ref['resource']}.{there}, e.g. {unknown[:5]}")
    return errors


def check_indicator_values(text: str, indicators: list[Mapping]) -> list[str]:
    """Check values against each indicator's bounds, and that indicators are documented."""
    header, rows = read_rows(text)
    i_ind, i_val = header.index("indicator"), header.index("value")
    spec = {ind["id"]: ind for ind in indicators}
    errors: list[str] = []
    undocumented = sorted({r[i_ind] for r in rows} - set(spec))
    if undocumented:
        errors.append(f"indicators not documented in the descriptor: {undocumented}")
    out_of_range: dict[str, int] = {}
    for r in rows:
        ind = spec.get(r[i_ind])
        if ind is None:
            continue
        try:
            v = float(r[i_val])
        except ValueError:
            continue  # reported by the type check
        lo, hi = ind.get("minimum"), ind.get("maximum")
        if (lo is not None and v < lo) or (hi is not None and v > hi):
            out_of_range[ind["id"]] = out_of_range.get(ind["id"], 0) + 1
    for ind_id, n in sorted(out_of_range.items()):
        errors.append(f"{ind_id}: {n} values outside [{spec[ind_id].get('minimum')}, "
                      f"{spec[ind_id].get('maximum')}]")
    return errors


def check_package(descriptor: Mapping, texts: Mapping[str, str], check_hash: bool = True) -> list[str]:
    """Validate every resource of a descriptor; ``texts`` maps resource name to CSV text."""
    try:
        return _check_package(descriptor, texts, check_hash)
    finally:
        read_rows.cache_clear()  # keep no tables in memory after the check


def _check_package(descriptor: Mapping, texts: Mapping[str, str], check_hash: bool) -> list[str]:
    errors: list[str] = []
    for res in descriptor["resources"]:
        name = res["name"]
        if name not in texts:
            errors.append(f"{name}: file {res['path']} is missing")
            continue
        if check_hash and "hash" in res:
            digest = "sha256:" + hashlib.sha256(texts[name].encode("utf-8")).hexdigest()
            if digest != res["hash"]:
                errors.append(f"{name}: file content does not match the hash in the descriptor")
        errors += [f"{name}: {e}" for e in check_table(texts[name], res["schema"])]
    if errors:
        return errors
    for res in descriptor["resources"]:
        errors += check_foreign_keys(texts, res)
        if "indicator" in [f["name"] for f in res["schema"]["fields"]]:
            errors += [f"{res['name']}: {e}"
                       for e in check_indicator_values(texts[res["name"]], descriptor["indicators"])]
    return errors


def check_folder(folder: Path) -> list[str]:
    """Validate ``folder/datapackage.json`` and the tables it lists."""
    folder = Path(folder)
    try:
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"cannot read datapackage.json: {exc}"]
    texts = {}
    for res in descriptor.get("resources", []):
        path = folder / res["path"]
        if path.exists():
            texts[res["name"]] = path.read_text(encoding="utf-8")
    return check_package(descriptor, texts)
