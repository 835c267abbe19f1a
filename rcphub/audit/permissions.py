"""Who may read the audit trail."""

from __future__ import annotations

from typing import Any

from rcphub.accounts.permissions import is_platform_secretariat


def can_read_audit_trail(*, user: Any) -> bool:
    """Return True if the user may read the audit trail: the platform secretariat only."""
    return bool(getattr(user, "is_authenticated", False)) and is_platform_secretariat(user)
