from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from rcphub.api.urls import api
from rcphub.reports.dashboard_views import coalition_progress_view, home

urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("rcphub.accounts.urls")),
    path("reference/", include("rcphub.reference.urls")),
    # A coalition's progress reads work plans, support and events: served by reports, linked from its page.
    path("coalitions/<slug:slug>/progress/", coalition_progress_view, name="coalition_progress"),
    path("coalitions/", include("rcphub.coalitions.urls")),
    path("workplans/", include("rcphub.workplans.urls")),
    path("followup/", include("rcphub.followup.urls")),
    path("meetings/", include("rcphub.meetings.urls")),
    path("repository/", include("rcphub.repository.urls")),
    path("search/", include("rcphub.search.urls")),
    path("support/", include("rcphub.support.urls")),
    path("support/", include("rcphub.events.urls")),  # the calendar keeps its /support/ addresses
    path("funding/", include("rcphub.funding.urls")),
    path("reports/", include("rcphub.reports.urls")),
    path("imports/", include("rcphub.importers.urls")),
    path("briefs/", include("rcphub.reports.brief_urls")),
    path("audit/", include("rcphub.audit.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
if settings.RCPHUB_OIDC_ENABLED:
    # Sign-in with the organisation's identity provider (rcphub.accounts.oidc): only when configured.
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
