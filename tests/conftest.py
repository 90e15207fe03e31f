"""Shared test settings."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]

# Tests run the same way from any folder.
os.environ.setdefault("PYTHONHASHSEED", "0")
