"""Addresses of the repository's pages."""

from django.urls import path

from rcphub.repository import views

app_name = "repository"
urlpatterns = [
    path("", views.index, name="index"),
    path("practices/", views.practice_list, name="practice_list"),
    path("practices/map.svg", views.practice_map, name="practice_map"),
    path("practices/new/", views.practice_create, name="practice_create"),
    path("practices/<int:pk>/", views.practice_detail, name="practice_detail"),
    path("practices/<int:pk>/edit/", views.practice_edit, name="practice_edit"),
    path("pledges/", views.pledge_list, name="pledge_list"),
    path("pledges/new/", views.pledge_create, name="pledge_create"),
    path("pledges/dashboard/", views.pledging_dashboard_view, name="pledging_dashboard"),
    path("pledges/<int:pk>/", views.pledge_detail, name="pledge_detail"),
    path("pledges/<int:pk>/edit/", views.pledge_edit, name="pledge_edit"),
    path("pledges/<int:pk>/reports/new/", views.pledge_report_create, name="pledge_report_create"),
    path("reports/<int:pk>/edit/", views.pledge_report_edit, name="pledge_report_edit"),
    path("<str:kind>/<int:pk>/submit/", views.submission_submit, name="submit"),
    path("mine/", views.my_submissions, name="my_submissions"),
    path("review/", views.review_queue, name="review_queue"),
    path("review/<str:kind>/<int:pk>/", views.review, name="review"),
    path("knowledge/", views.knowledge_list, name="knowledge_list"),
    path("knowledge/new/", views.knowledge_create, name="knowledge_create"),
    path("knowledge/<int:pk>/", views.knowledge_detail, name="knowledge_detail"),
    path("knowledge/<int:pk>/file/", views.knowledge_file, name="knowledge_file"),
    path("knowledge/<int:pk>/edit/", views.knowledge_edit, name="knowledge_edit"),
    path("knowledge/<int:pk>/delete/", views.knowledge_delete, name="knowledge_delete"),
    path("countries/", views.country_records, name="countries"),
]
