from typing import Any

from django import template

from rcphub.audit.permissions import can_read_audit_trail

register = template.Library()


@register.filter
def reads_audit_trail(user: Any) -> bool:
    """Return True if the navigation should link the audit trail for this user."""
    return can_read_audit_trail(user=user)
