"""How work-plan activities are found by full-text search (registered from WorkplansConfig.ready)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from rcphub.core.models import Visibility
from rcphub.search.registry import SearchEntry
from rcphub.search.services import search_index_many, search_register
from rcphub.workplans.models import PUBLISHED_STATES, Activity, WorkPlan


def activity_search_entry(activity: Activity) -> SearchEntry:
    """Describe an activity for the index: public only if it, its plan (endorsed/closed) and its coalition are."""
    work_plan = activity.output.result.work_plan
    coalition = work_plan.coalition
    public = (
        activity.visibility == Visibility.PUBLIC
        and work_plan.state in PUBLISHED_STATES
        and coalition.visibility == Visibility.PUBLIC
    )
    body = "\n".join(part for part in (activity.code, activity.description, activity.footnotes) if part)
    return SearchEntry(
        title=activity.title,
        body=body,
        url=reverse("workplans:activity", args=[activity.pk]),
        public=public,
        coalition_id=coalition.pk,
    )


def _activities_of(**filters: Any) -> Any:
    return Activity.objects.filter(**filters).select_related("output__result__work_plan__coalition")


def reindex_work_plan(sender: Any, instance: WorkPlan, raw: bool = False, **kwargs: Any) -> None:
    """Re-index the plan's activities, whose visibility follows the plan's state."""
    if not raw:
        search_index_many(instances=_activities_of(output__result__work_plan=instance))


def reindex_coalition(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    """Re-index the coalition's activities, whose visibility follows the coalition's."""
    if not raw:
        search_index_many(instances=_activities_of(output__result__work_plan__coalition=instance))


def register_search() -> None:
    """Register activities with the search index and follow plan and coalition changes."""
    from django.db.models.signals import post_save

    from rcphub.coalitions.models import Coalition

    search_register(Activity, activity_search_entry)
    post_save.connect(reindex_work_plan, sender=WorkPlan, dispatch_uid="rcphub.workplans.search.plan")
    post_save.connect(reindex_coalition, sender=Coalition, dispatch_uid="rcphub.workplans.search.coalition")
