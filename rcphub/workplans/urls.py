from django.urls import path

from rcphub.workplans import views

app_name = "workplans"

urlpatterns = [
    path("new/<slug:slug>/", views.workplan_create_view, name="create"),
    path("<int:pk>/", views.workplan_detail, name="detail"),
    path("<int:pk>/changes/", views.workplan_changes_view, name="changes"),
    path("<int:pk>/export.<str:fmt>", views.workplan_export, name="export"),
    path("<int:pk>/edit/", views.workplan_edit_view, name="edit"),
    path("<int:pk>/transition/", views.workplan_transition_view, name="transition"),
    path("<int:pk>/rounds/new/", views.round_create_view, name="round_create"),
    path("<int:pk>/results/new/", views.result_create_view, name="result_create"),
    path("results/<int:pk>/edit/", views.result_edit_view, name="result_edit"),
    path("results/<int:result_pk>/outputs/new/", views.output_create_view, name="output_create"),
    path("outputs/<int:pk>/edit/", views.output_edit_view, name="output_edit"),
    path("outputs/<int:output_pk>/activities/new/", views.activity_create_view, name="activity_create"),
    path("activities/<int:pk>/", views.activity_detail, name="activity"),
    path("activities/<int:pk>/edit/", views.activity_edit_view, name="activity_edit"),
    path("activities/<int:pk>/status/", views.activity_status_view, name="activity_status"),
]
