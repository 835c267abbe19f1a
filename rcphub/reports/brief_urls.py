"""The briefs' addresses, under /briefs/."""

from django.urls import path

from rcphub.reports import views

app_name = "briefs"
urlpatterns = [
    path("", views.brief_list_view, name="list"),
    path("<slug:slug>/", views.brief_detail, name="detail"),
]
