"""Provenance of an evaluation report: what code, libraries, data and weights produced it.

Why: a score without the commit, the library versions, the data revision and a hash of the
weights cannot be reproduced or compared. Everything here is cheap (a git call, package
metadata, one pass over the weight files) and never fails the report: an unknown value is
``None``.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = ["LIBRARIES", "WEIGHT_SUFFIXES", "git_state", "library_versions", "checkpoint_hash", "provenance"]

LIBRARIES = ("torch", "transformers", "trl", "peft", "dagster", "duckdb", "polars")
WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt", ".pth", ".gguf", ".ckpt")
REPO_ROOT = Path(__file__).resolve().parents[2]


def git_state(repo: Path = REPO_ROOT) -> dict[str, Any]:
    """``{"commit": sha | None, "dirty": bool | None}`` of the checkout holding the code."""
    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, timeout=20)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return done.stdout if done.returncode == 0 else None

    commit = git("rev-parse", "HEAD")
    status = git("status", "--porcelain", "--untracked-files=no") if commit else None
    return {"commit": commit.strip() if commit else None, "dirty": bool(status.strip()) if status is not None else None}


def library_versions(names: tuple[str, ...] = LIBRARIES) -> dict[str, str | None]:
    """Python and the installed version of each library (``None`` when not installed)."""
    out: dict[str, str | None] = {"python": sys.version.split()[0]}
    for name in names:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def checkpoint_hash(model_dir: Path, chunk: int = 1 << 20) -> str | None:
    """sha256 (first 16 hex digits) over the weight files of ``model_dir`` (names and bytes, sorted).

    Only weights count, so re-written logs or configs do not change the hash; a directory with no
    weight file falls back to every regular file. ``None`` when the directory does not exist.
    """
    model_dir = Path(model_dir)
    if not model_dir.is_dir():
        return None
    files = sorted(p for p in model_dir.rglob("*") if p.is_file())
    weights = [p for p in files if p.suffix in WEIGHT_SUFFIXES] or files
    h = hashlib.sha256()
    for path in weights:
        h.update(str(path.relative_to(model_dir)).encode() + b"\0")
        with open(path, "rb") as fh:
            while block := fh.read(chunk):
                h.update(block)
    return h.hexdigest()[:16]


def provenance(*, base_model_id: str, model_dirs: Mapping[str, Path], data_revision: str,
               eval_tasks_hash: str) -> dict[str, Any]:
    """The provenance block stored in the report (HTML/markdown and report.json)."""
    return {
        "git": git_state(), "libraries": library_versions(), "base_model_id": base_model_id,
        "data_revision": data_revision, "eval_tasks_hash": eval_tasks_hash,
        "checkpoints": {name: {"path": str(path), "weights_sha256": checkpoint_hash(path)}
                        for name, path in model_dirs.items()},
    }
