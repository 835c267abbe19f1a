"""Demo content as data: each app keeps its demo records in YAML files in its `demo/` folder.

The files hold only content (names, texts, dates, codes); the app's small loader turns them into
records through its services. YAML reads dates written as 2026-06-30 as `datetime.date`.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

try:  # the C parser where libyaml is present: the same result, several times faster
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]


def demo_content(package: str, name: str) -> Any:
    """Return the content of `<name>.yaml` in the demo package `package` (e.g. "rcphub.repository.demo")."""
    text = resources.files(package).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=SafeLoader)
