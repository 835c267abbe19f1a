"""The one write path of the audit trail: an export of internal data was downloaded."""

from __future__ import annotations

from typing import Any

from axes.helpers import get_client_ip_address
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest

from rcphub.audit.models import AuditEvent, AuditKind


def record_export(
    request: HttpRequest, obj: models.Model | None, *, what: str, internal: bool = True
) -> AuditEvent | None:
    """Record that the request's user downloaded `what` of `obj`, from its address, if it was `internal`.

    A download of public content records nothing: the trail is of internal data leaving the platform.

    The address is read as django-axes reads it for sign-ins (the same proxy settings), so the two
    kinds of row compare.
    """
    if not internal:
        return None
    user: Any = getattr(request, "user", None)
    event = AuditEvent(
        kind=AuditKind.EXPORT,
        user=user if user is not None and user.is_authenticated else None,
        what=what[:200],
        address=get_client_ip_address(request) or None,
    )
    if obj is not None:
        event.content_type = ContentType.objects.get_for_model(obj)
        event.object_id = obj.pk
        event.object_repr = str(obj)[:300]
    event.save()
    return event
