"""Repository pages: lists with facets, details, submission forms, own submissions, the review queue,
knowledge products, the country records and the pledging dashboard. HTTP only: the reads are in
selectors and filters, the writes in services.

One module a sub-domain: `practices`, `pledges` (and their reports), `review` (the submission
workflow), `knowledge`, `index` (the home page, the country records), `dashboard` (the pledging
dashboard), and `common` (what they share). The addresses (`repository.urls`) name the views here.
"""

from rcphub.repository.views.dashboard import pledging_dashboard_view
from rcphub.repository.views.index import country_records, index
from rcphub.repository.views.knowledge import (
    knowledge_create,
    knowledge_delete,
    knowledge_detail,
    knowledge_edit,
    knowledge_file,
    knowledge_list,
)
from rcphub.repository.views.maps import practice_map
from rcphub.repository.views.pledges import (
    pledge_create,
    pledge_detail,
    pledge_edit,
    pledge_list,
    pledge_report_create,
    pledge_report_edit,
)
from rcphub.repository.views.practices import practice_create, practice_detail, practice_edit, practice_list
from rcphub.repository.views.review import my_submissions, review, review_queue, submission_submit

__all__ = [
    "country_records",
    "index",
    "knowledge_create",
    "knowledge_delete",
    "knowledge_detail",
    "knowledge_edit",
    "knowledge_file",
    "knowledge_list",
    "my_submissions",
    "pledge_create",
    "pledge_detail",
    "pledge_edit",
    "pledge_list",
    "pledge_report_create",
    "pledge_report_edit",
    "pledging_dashboard_view",
    "practice_create",
    "practice_detail",
    "practice_edit",
    "practice_list",
    "practice_map",
    "review",
    "review_queue",
    "submission_submit",
]
