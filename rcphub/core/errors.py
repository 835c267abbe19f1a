"""Errors shared by every app's services and selectors."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _


class NotFound(Http404):
    """The object does not exist or the user may not see it: both answer alike."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or _("Not found."))


class ConflictError(ValidationError):
    """Someone else saved the object since the form was opened."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Someone else changed this since you opened it. Reload the page to see their change, then edit again."
            ),
            code="conflict",
        )


class TransitionError(ValidationError):
    """A state change that the transition rules do not allow."""
