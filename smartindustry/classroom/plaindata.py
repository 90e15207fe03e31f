"""Plain data: how values cross between the grader and a submission's process.

The grader never receives Python objects from a submission, only JSON text.
:func:`encode` turns a value into JSON-ready data made of dicts, lists,
strings, numbers, booleans and ``None``; :func:`decode` rebuilds the value
from such data, using only trusted constructors (``int``, ``str``,
``pandas.DataFrame``, ...). A learner's object that pretends to be something
else (a string subclass that equals everything, a DataFrame subclass with a
patched ``equals``) arrives as what it really holds, or as :class:`Opaque`
when it cannot be read at all.

Supported: ``None``, bool, int, float (also NaN and infinities), str,
list, tuple, set, dict, ``...``, numpy scalars and arrays, pandas
``DataFrame``, ``Series``, ``Index`` / ``MultiIndex``, ``Timestamp``,
``Timedelta``, missing values, and ``datetime`` dates, times and
timestamps. Anything else becomes :class:`Opaque`.

The same module runs in the grader (decode the learner's results, encode the
test cases) and in the sandboxed process (the reverse); :func:`decode` must
stay safe on any input, because the grader decodes what an untrusted process
wrote.
"""

from __future__ import annotations

import datetime as _dt
import math
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["encode", "decode", "Opaque", "DecodeError", "MAX_DEPTH"]

#: Deepest nesting that is encoded or decoded.
MAX_DEPTH = 40

#: dtypes a table column may be rebuilt with; anything else is rebuilt as ``object``.
_DTYPES = {
    "bool", "boolean", "object", "str", "string", "category",
    "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64",
    "float16", "float32", "float64", "Float32", "Float64",
}
_TIME_UNITS = {"s", "ms", "us", "ns"}


class DecodeError(ValueError):
    """The data does not describe a value (wrong shape, unknown kind, too deep)."""


class Opaque:
    """A value the grader could not read, described by its type name only.

    It equals nothing but itself, so that it can never pass a check.
    """

    __slots__ = ("type_name",)

    def __init__(self, type_name: str) -> None:
        self.type_name = str(type_name)[:80]

    def __repr__(self) -> str:
        return f"<an object of type {self.type_name}>"


# --------------------------------------------------------------------------
# encode (runs on any value; in the sandbox, the value is the learner's)
# --------------------------------------------------------------------------


def _float(x: float) -> Any:
    if math.isfinite(x):
        return x
    return {"$": "float", "v": "nan" if math.isnan(x) else ("inf" if x > 0 else "-inf")}


def _type_name(value: Any) -> str:
    try:
        return type(value).__name__
    except Exception:  # pragma: no cover - a type with a broken name
        return "unknown"


def encode(value: Any, _depth: int = 0) -> Any:
    """Turn ``value`` into JSON-ready plain data (see the module docstring)."""
    if _depth > MAX_DEPTH:
        return {"$": "opaque", "type": "too deeply nested"}
    d = _depth + 1
    if value is None:
        return None
    if value is Ellipsis:
        return {"$": "ellipsis"}
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return _float(float(value))
    if isinstance(value, str):  # also numpy strings and str subclasses: keep the characters only
        return str.__str__(value)
    if value is pd.NA:
        return {"$": "na"}
    if value is pd.NaT:
        return {"$": "nat"}
    if isinstance(value, pd.DataFrame):
        return {
            "$": "frame",
            "columns": [encode(c, d) for c in value.columns],
            "data": [_encode_column(value.iloc[:, i], d) for i in range(value.shape[1])],
            "index": _encode_index(value.index, d),
        }
    if isinstance(value, pd.Series):
        return {"$": "series", "name": encode(value.name, d), "data": _encode_column(value, d), "index": _encode_index(value.index, d)}
    if isinstance(value, pd.Index):
        return {"$": "index", "index": _encode_index(value, d)}
    if isinstance(value, np.ndarray):
        if value.ndim == 0:
            return encode(value.item(), d)
        return {"$": "array", "items": [encode(v, d) for v in value.tolist()]}
    if isinstance(value, pd.Timestamp):
        return {"$": "timestamp", "v": value.isoformat()}
    if isinstance(value, pd.Timedelta):
        return {"$": "timedelta", "ns": int(value.value)}
    if isinstance(value, _dt.datetime):
        return {"$": "timestamp", "v": value.isoformat()}
    if isinstance(value, _dt.date):
        return {"$": "date", "v": value.isoformat()}
    if isinstance(value, _dt.time):
        return {"$": "time", "v": value.isoformat()}
    if isinstance(value, _dt.timedelta):
        return {"$": "timedelta", "ns": int(pd.Timedelta(value).value)}
    if isinstance(value, (np.datetime64, np.timedelta64)):
        return encode(pd.Timestamp(value) if isinstance(value, np.datetime64) else pd.Timedelta(value), d)
    if isinstance(value, list):
        return [encode(v, d) for v in list.__iter__(value)]
    if isinstance(value, tuple):
        return {"$": "tuple", "items": [encode(v, d) for v in tuple.__iter__(value)]}
    if isinstance(value, (set, frozenset)):
        return {"$": "set", "items": [encode(v, d) for v in value]}
    if isinstance(value, dict):
        return {"$": "dict", "items": [[encode(k, d), encode(v, d)] for k, v in dict.items(value)]}
    return {"$": "opaque", "type": _type_name(value)}


def _encode_column(col: pd.Series, depth: int) -> dict[str, Any]:
    dtype = str(col.dtype)
    if dtype.startswith("datetime64["):
        tz = getattr(col.dt, "tz", None)
        naive = col.dt.tz_convert("UTC").dt.tz_localize(None) if tz is not None else col
        unit = dtype[len("datetime64["):].split(",")[0].rstrip("]")
        ints = naive.to_numpy(dtype=f"datetime64[{unit}]").view("int64")
        nat = naive.isna().to_numpy()
        return {"dtype": f"datetime64[{unit}]", "tz": str(tz) if tz is not None else None,
                "values": [None if n else int(v) for v, n in zip(ints.tolist(), nat.tolist())]}
    if dtype.startswith("timedelta64["):
        return {"dtype": "timedelta", "values": [None if pd.isna(v) else int(pd.Timedelta(v).value) for v in col.tolist()]}
    return {"dtype": dtype, "values": [encode(v, depth) for v in col.tolist()]}


def _encode_index(index: pd.Index, depth: int) -> dict[str, Any]:
    if isinstance(index, pd.RangeIndex):
        return {"range": [int(index.start), int(index.stop), int(index.step)], "names": [encode(index.name, depth)]}
    if isinstance(index, pd.MultiIndex):
        levels = [index.get_level_values(i) for i in range(index.nlevels)]
    else:
        levels = [index]
    return {
        "names": [encode(n, depth) for n in index.names],
        "levels": [_encode_column(pd.Series(level, copy=False), depth) for level in levels],
    }


# --------------------------------------------------------------------------
# decode (runs in the grader on untrusted data: check every shape)
# --------------------------------------------------------------------------


def _need(condition: bool, what: str) -> None:
    if not condition:
        raise DecodeError(what)


def _decode_float(v: Any) -> float:
    _need(v in ("nan", "inf", "-inf"), "bad float")
    return float(v)


def decode(data: Any, _depth: int = 0) -> Any:
    """Rebuild a value from plain data; raise :class:`DecodeError` if it is malformed."""
    _need(_depth <= MAX_DEPTH + 2, "too deeply nested")
    d = _depth + 1
    if data is None or type(data) in (bool, str):
        return data
    if type(data) is int:
        return data
    if type(data) is float:
        _need(math.isfinite(data), "bad float")
        return data
    if type(data) is list:
        return [decode(v, d) for v in data]
    _need(type(data) is dict and type(data.get("$")) is str, "not a value")
    kind = data["$"]
    if kind == "ellipsis":
        return Ellipsis
    if kind == "float":
        return _decode_float(data.get("v"))
    if kind == "na":
        return pd.NA
    if kind == "nat":
        return pd.NaT
    if kind in ("tuple", "set", "array"):
        items = data.get("items")
        _need(type(items) is list, "bad items")
        values = [decode(v, d) for v in items]
        if kind == "tuple":
            return tuple(values)
        if kind == "array":
            try:
                return np.array(values)
            except Exception as exc:
                raise DecodeError("bad array") from exc
        try:
            return set(values)
        except TypeError as exc:
            raise DecodeError("unhashable set item") from exc
    if kind == "dict":
        items = data.get("items")
        _need(type(items) is list and all(type(p) is list and len(p) == 2 for p in items), "bad dict")
        try:
            return {decode(k, d): decode(v, d) for k, v in items}
        except TypeError as exc:
            raise DecodeError("unhashable dict key") from exc
    if kind in ("timestamp", "date", "time"):
        v = data.get("v")
        _need(type(v) is str and len(v) <= 64, "bad time")
        try:
            if kind == "timestamp":
                return pd.Timestamp(v)
            if kind == "date":
                return _dt.date.fromisoformat(v)
            return _dt.time.fromisoformat(v)
        except (ValueError, OverflowError) as exc:
            raise DecodeError("bad time") from exc
    if kind == "timedelta":
        ns = data.get("ns")
        _need(type(ns) is int, "bad timedelta")
        try:
            return pd.Timedelta(ns, unit="ns")
        except (ValueError, OverflowError) as exc:
            raise DecodeError("bad timedelta") from exc
    if kind == "opaque":
        return Opaque(str(data.get("type", "unknown")))
    if kind == "frame":
        columns = data.get("columns")
        cols = data.get("data")
        _need(type(columns) is list and type(cols) is list and len(columns) == len(cols), "bad table")
        index = _decode_index(data.get("index"), d)
        series = [_decode_column(c, d) for c in cols]
        for s in series:
            _need(len(s) == len(index), "columns of different lengths")
        try:
            frame = pd.concat([s.set_axis(index) for s in series], axis=1) if series else pd.DataFrame(index=index)
            frame.columns = pd.Index([_label(decode(c, d)) for c in columns], tupleize_cols=False) if series else frame.columns
        except (TypeError, ValueError) as exc:
            raise DecodeError("bad table") from exc
        return frame
    if kind == "series":
        index = _decode_index(data.get("index"), d)
        s = _decode_column(data.get("data"), d)
        _need(len(s) == len(index), "bad series")
        s = s.set_axis(index)
        s.name = _label(decode(data.get("name"), d))
        return s
    if kind == "index":
        return _decode_index(data.get("index"), d)
    raise DecodeError(f"unknown kind {kind[:20]!r}")


def _label(value: Any) -> Any:
    """Column and index names must be hashable."""
    try:
        hash(value)
    except TypeError as exc:
        raise DecodeError("unhashable label") from exc
    return value


def _decode_column(data: Any, depth: int) -> pd.Series:
    _need(type(data) is dict and type(data.get("dtype")) is str and type(data.get("values")) is list, "bad column")
    dtype, values = data["dtype"], data["values"]
    try:
        if dtype.startswith("datetime64["):
            unit = dtype[len("datetime64["):-1]
            _need(unit in _TIME_UNITS and all(v is None or type(v) is int for v in values), "bad datetime column")
            ints = np.array([np.iinfo("int64").min if v is None else v for v in values], dtype="int64")
            s = pd.Series(ints.view(f"datetime64[{unit}]"))
            tz = data.get("tz")
            if tz is not None:
                _need(type(tz) is str and len(tz) < 64, "bad time zone")
                s = s.dt.tz_localize("UTC").dt.tz_convert(tz)
            return s
        if dtype == "timedelta":
            _need(all(v is None or type(v) is int for v in values), "bad timedelta column")
            return pd.Series(pd.to_timedelta([pd.NaT if v is None else v for v in values], unit="ns"))
        items = [decode(v, depth) for v in values]
        if dtype in _DTYPES:
            return pd.Series(items, dtype=dtype if items or dtype != "category" else "object")
        return pd.Series(items, dtype="object")
    except DecodeError:
        raise
    except Exception as exc:  # pandas refuses the values for this dtype
        raise DecodeError(f"bad column ({type(exc).__name__})") from exc


def _decode_index(data: Any, depth: int) -> pd.Index:
    _need(type(data) is dict and type(data.get("names")) is list, "bad index")
    names = [_label(decode(n, depth)) for n in data["names"]]
    if "range" in data:
        r = data["range"]
        _need(type(r) is list and len(r) == 3 and all(type(x) is int for x in r) and r[2] != 0, "bad range")
        _need(abs(r[1] - r[0]) // abs(r[2]) <= 10_000_000, "range too long")
        return pd.RangeIndex(r[0], r[1], r[2], name=names[0] if names else None)
    levels = data.get("levels")
    _need(type(levels) is list and len(levels) >= 1 and len(levels) == len(names), "bad index levels")
    arrays = [_decode_column(level, depth) for level in levels]
    _need(len({len(a) for a in arrays}) == 1, "bad index levels")
    try:
        if len(arrays) == 1:
            return pd.Index(arrays[0], name=names[0], tupleize_cols=False)
        return pd.MultiIndex.from_arrays(arrays, names=names)
    except (TypeError, ValueError) as exc:
        raise DecodeError("bad index") from exc
