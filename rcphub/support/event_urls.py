"""Pages of the shared calendar (included by support/urls.py)."""

from django.urls import URLPattern, path  # noqa: F401

urlpatterns: list[URLPattern] = []
