"""Follow-up pages, one module per sub-domain: `reviews` (list, ledger, forms, what changed, dashboard)
and `commitments` (commitments, key actions and their status reports). HTTP only."""

from rcphub.followup.views.commitments import (
    commitment_create_view,
    commitment_detail,
    commitment_edit_view,
    commitment_status_view,
    key_action_create_view,
    key_action_status_view,
)
from rcphub.followup.views.reviews import (
    COMMITMENT_LABELS,
    dashboard_view,
    group_create_view,
    review_changes_view,
    review_create_view,
    review_detail,
    review_edit_view,
    review_file,
    review_list_view,
    round_create_view,
)

__all__ = [
    "COMMITMENT_LABELS",
    "commitment_create_view",
    "commitment_detail",
    "commitment_edit_view",
    "commitment_status_view",
    "dashboard_view",
    "group_create_view",
    "key_action_create_view",
    "key_action_status_view",
    "review_changes_view",
    "review_create_view",
    "review_detail",
    "review_edit_view",
    "review_file",
    "review_list_view",
    "round_create_view",
]
