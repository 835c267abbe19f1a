"""What every request body of the API shares: a JSON object with only the fields its schema names."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import ConfigDict, model_validator

from rcphub.core.dates import QueryDate

# A date sent in a body: an ISO date (YYYY-MM-DD) within the dates rcphub answers for, as in a query.
BodyDate = QueryDate


class BodyIn(Schema):
    """A request body: a field the schema does not name is refused (422 naming it, type
    `extra_forbidden`), and so is a body that is not an object (a list, a string, null)."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, data: Any) -> Any:
        # ninja hands its validators the parsed JSON wrapped in a DjangoGetter.
        sent = getattr(data, "_obj", data)
        if isinstance(sent, dict | cls):
            return data
        raise ValueError(_("The body must be a JSON object of the fields to set."))
