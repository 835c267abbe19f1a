"""Writes on the repository: the submission workflow of practices, pledges and pledge reports;
knowledge products, voluntary reports and champion countries.

Each service is the one write path for its change, in one transaction. The moves allowed are in
`models.SUBMISSION_TRANSITIONS`; quality checks run before publishing; the submitter is told by
e-mail when the secretariat publishes or returns a submission.

Related objects may be given as instances or by their codes, as the API and forms receive them:
GCM objectives by number (1–23), GCM principles by letter, SDG targets by code, countries by ISO3
code, implementer types by code, entities (pledger, partners, implementers, lead reporter) and the
matched pledge by id. An unknown one is refused with a ValidationError naming the field.

One module a sub-domain: `practices`, `pledges` (and their reports), `workflow` (submit, return,
publish), `knowledge` (knowledge products), `countries` (review cycles, voluntary reports, champion countries) and
`common` (what they share). Import the services from here.
"""

from rcphub.repository.services.common import LANGUAGES, clean_language, clean_languages, resolve_many
from rcphub.repository.services.countries import (
    VOLUNTARY_REPORT_FIRST_YEAR,
    champion_country_set,
    review_cycle_save,
    voluntary_report_create,
    voluntary_report_update,
)
from rcphub.repository.services.knowledge import (
    KNOWLEDGE_FIELDS,
    knowledge_product_create,
    knowledge_product_delete,
    knowledge_product_update,
)
from rcphub.repository.services.pledges import (
    PLEDGE_FIELDS,
    PLEDGE_M2M,
    PLEDGE_REPORT_FIELDS,
    pledge_create,
    pledge_quality_errors,
    pledge_report_create,
    pledge_report_quality_errors,
    pledge_report_update,
    pledge_update,
)
from rcphub.repository.services.practices import (
    PRACTICE_FIELDS,
    PRACTICE_M2M,
    SUMMARY_MAX,
    SUMMARY_MIN,
    practice_create,
    practice_quality_errors,
    practice_update,
)
from rcphub.repository.services.workflow import (
    pledge_publish,
    pledge_report_publish,
    pledge_report_return,
    pledge_report_submit,
    pledge_return,
    pledge_submit,
    practice_publish,
    practice_return,
    practice_submit,
    submission_publish,
    submission_return,
    submission_submit,
)

__all__ = [
    "KNOWLEDGE_FIELDS",
    "LANGUAGES",
    "PLEDGE_FIELDS",
    "PLEDGE_M2M",
    "PLEDGE_REPORT_FIELDS",
    "PRACTICE_FIELDS",
    "PRACTICE_M2M",
    "SUMMARY_MAX",
    "SUMMARY_MIN",
    "VOLUNTARY_REPORT_FIRST_YEAR",
    "champion_country_set",
    "clean_language",
    "clean_languages",
    "knowledge_product_create",
    "knowledge_product_delete",
    "knowledge_product_update",
    "pledge_create",
    "pledge_publish",
    "pledge_quality_errors",
    "pledge_report_create",
    "pledge_report_publish",
    "pledge_report_quality_errors",
    "pledge_report_return",
    "pledge_report_submit",
    "pledge_report_update",
    "pledge_return",
    "pledge_submit",
    "pledge_update",
    "practice_create",
    "practice_publish",
    "practice_quality_errors",
    "practice_return",
    "practice_submit",
    "practice_update",
    "resolve_many",
    "review_cycle_save",
    "submission_publish",
    "submission_return",
    "submission_submit",
    "voluntary_report_create",
    "voluntary_report_update",
]
