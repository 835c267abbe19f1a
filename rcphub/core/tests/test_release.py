"""Cache keys carry the release, so that no process reads what another release's code cached."""

from pathlib import Path

from django.conf import settings
from django.core.cache import cache

from config.release import release_id, source_digest


def _tree(root: Path, text: str) -> Path:
    for directory in ("rcphub", "config"):
        (root / directory).mkdir(parents=True, exist_ok=True)
    (root / "rcphub" / "models.py").write_text(text)
    (root / "config" / "settings.py").write_text("DEBUG = False\n")
    return root


def test_the_digest_follows_the_source_and_nothing_else(tmp_path):
    first = source_digest(_tree(tmp_path / "a", "class Tree:\n    pass\n"))
    same = source_digest(_tree(tmp_path / "b", "class Tree:\n    pass\n"))
    changed = source_digest(_tree(tmp_path / "c", "class Tree:\n    version = 2\n"))
    (tmp_path / "b" / "rcphub" / "notes.txt").write_text("not code")

    assert first == same == source_digest(tmp_path / "b")
    assert changed != first
    assert len(first) == 12


def test_a_deployment_names_its_release(monkeypatch):
    monkeypatch.setenv("RCPHUB_RELEASE", "2026.12-4f2a")
    assert release_id() == "2026.12-4f2a"
    monkeypatch.setenv("RCPHUB_RELEASE", "  ")
    assert release_id() == source_digest()


def test_every_cache_key_carries_the_release():
    assert settings.CACHES["default"]["KEY_PREFIX"] == f"rcphub:{settings.RCPHUB_RELEASE}"
    assert cache.make_key("facets:x").startswith(f"rcphub:{settings.RCPHUB_RELEASE}:")
