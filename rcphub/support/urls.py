from django.urls import URLPattern, path  # noqa: F401

from rcphub.support import event_urls

app_name = "support"
urlpatterns: list[URLPattern] = [
    *event_urls.urlpatterns,
]
