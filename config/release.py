"""The release a process runs, as a short id: part of every cache key (config/settings.py's CACHES).

What the cache holds are pickled objects of the code that wrote them (a work plan tree, facet counts).
When a new release is deployed beside workers of the old one, or after it, a process must never read
an entry of another release, whose classes may have other fields: the release id in the key prefix
keeps them apart, and entries of an old release simply expire.

RCPHUB_RELEASE, when the deployment sets it (a git commit, an image tag), is the id. Otherwise the id
is a digest of the project's Python source, the same in every process started from the same files.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRECTORIES = ("rcphub", "config")


def source_digest(root: Path = ROOT) -> str:
    """Return the first 12 hex digits of the SHA-256 of every .py file's path and bytes under `root`."""
    digest = hashlib.sha256()
    for directory in SOURCE_DIRECTORIES:
        for path in sorted((root / directory).rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()[:12]


def release_id() -> str:
    """Return RCPHUB_RELEASE if set, else the digest of the source."""
    return os.environ.get("RCPHUB_RELEASE", "").strip() or source_digest()
