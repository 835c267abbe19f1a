"""The REST API under /api/v1/: each app's router, one auth, one way to answer errors.

OpenAPI schema at /api/v1/openapi.json (with every answer the auth and the error handling can give:
`rcphub.api.openapi`), interactive docs at /api/v1/docs.
"""

from rcphub.api.auth import api_auth
from rcphub.api.errors import install_error_handlers
from rcphub.api.openapi import RcphubApi
from rcphub.coalitions.api import router as coalitions_router
from rcphub.events.api import router as events_router
from rcphub.followup.api import router as followup_router
from rcphub.funding.api import router as funding_router
from rcphub.importers.api import router as importers_router
from rcphub.meetings.api import router as meetings_router
from rcphub.reference.api import router as reference_router
from rcphub.reports.api import router as reports_router
from rcphub.repository.api import router as repository_router
from rcphub.search.api import router as search_router
from rcphub.support.api import router as support_router
from rcphub.workplans.api import router as workplans_router

api = RcphubApi(
    title="rcphub API",
    version="1",
    description=(
        "Coalitions, work plans and their progress, and reference data of the Regional Collaborative Platform. "
        "Visitors read what is public; sign in (browser session) or send `Authorization: Bearer <token>` "
        "to read your coalitions' internal items and to report progress."
    ),
    urls_namespace="api",
    auth=api_auth,
)
install_error_handlers(api)

api.add_router("/reference/", reference_router)
api.add_router("/", coalitions_router)
api.add_router("/", workplans_router)
api.add_router("/", followup_router)
api.add_router("/", meetings_router)
api.add_router("/", repository_router)
api.add_router("/", search_router)
api.add_router("/", support_router)
api.add_router("/", events_router)
api.add_router("/", funding_router)
api.add_router("/", reports_router)
api.add_router("/", importers_router)
