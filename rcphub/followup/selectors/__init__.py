"""Reads on the follow-up ledger, with the visibility filter; a constant number of queries per call.

One module per sub-domain: `reviews`, `commitments` (and key actions), `status` (status as at a date
and what is derived from it), `ledger` (a review's table as at a date, counts across rounds),
`changes` (what changed between two dates), `dashboard`, `summary` (the ledger at a glance). The visibility rule lives in
`rcphub.followup.permissions.review_visibility_q`.
"""

from rcphub.followup.permissions import review_visibility_q
from rcphub.followup.selectors.changes import ReviewChanges, StatusMove, review_changes
from rcphub.followup.selectors.commitments import (
    COMMITMENT_PREFETCH,
    COMMITMENT_STATUS_FILTERS,
    CommitmentFilters,
    commitment_change_history,
    commitment_filters_check,
    commitment_get,
    commitment_get_for_manage,
    commitment_get_for_report,
    commitment_list,
    commitment_status_history,
    key_action_get_for_commitment,
    key_action_get_for_manage,
    key_action_get_for_report,
)
from rcphub.followup.selectors.dashboard import DashboardRow, FollowUpDashboard, followup_dashboard
from rcphub.followup.selectors.ledger import (
    CommitmentRow,
    KeyActionRow,
    ReviewLedger,
    commitment_ledger_row,
    review_ledger,
    review_status_across_rounds,
)
from rcphub.followup.selectors.reviews import (
    ReviewFilters,
    reporting_round_get_for_report,
    review_get,
    review_get_for_manage,
    review_group_get_by_code,
    review_group_get_for_manage,
    review_list,
    review_list_with_counts,
    review_organisations,
    review_organisations_for_create,
)
from rcphub.followup.selectors.status import (
    LIGHTS,
    FollowUpState,
    commitments_as_at,
    derive_state,
    key_actions_as_at,
    open_q,
    overdue_q,
    state_of,
    status_label,
)
from rcphub.followup.selectors.summary import LedgerSummary, Tally, TallyRow, ledger_summary

__all__ = [
    "COMMITMENT_PREFETCH",
    "COMMITMENT_STATUS_FILTERS",
    "LIGHTS",
    "CommitmentFilters",
    "CommitmentRow",
    "DashboardRow",
    "FollowUpDashboard",
    "FollowUpState",
    "KeyActionRow",
    "LedgerSummary",
    "ReviewChanges",
    "ReviewFilters",
    "ReviewLedger",
    "StatusMove",
    "Tally",
    "TallyRow",
    "commitment_change_history",
    "commitment_filters_check",
    "commitment_get",
    "commitment_get_for_manage",
    "commitment_get_for_report",
    "commitment_ledger_row",
    "commitment_list",
    "commitment_status_history",
    "commitments_as_at",
    "derive_state",
    "followup_dashboard",
    "key_action_get_for_commitment",
    "key_action_get_for_manage",
    "key_action_get_for_report",
    "key_actions_as_at",
    "ledger_summary",
    "open_q",
    "overdue_q",
    "reporting_round_get_for_report",
    "review_changes",
    "review_get",
    "review_get_for_manage",
    "review_group_get_by_code",
    "review_group_get_for_manage",
    "review_ledger",
    "review_list",
    "review_list_with_counts",
    "review_organisations",
    "review_organisations_for_create",
    "review_status_across_rounds",
    "review_visibility_q",
    "state_of",
    "status_label",
]
