"""Template tags of the support app, for pages of lower apps that show a request's traces."""

from __future__ import annotations

from typing import Any

from django import template

from rcphub.support.permissions import can_view_request

register = template.Library()


@register.simple_tag(takes_context=True)
def visible_origin_requests(context: Any, activity: Any) -> list[Any]:
    """Return the support requests behind the activity that the reader may see.

    Reads the activity's prefetched requests (see `workplans.selectors.workplan_tree`): no query.
    """
    user = context.get("user") or getattr(context.get("request"), "user", None)
    return [r for r in activity.support_requests.all() if can_view_request(user=user, support_request=r)]
