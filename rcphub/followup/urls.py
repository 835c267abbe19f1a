from django.urls import path

from rcphub.followup import views

app_name = "followup"

urlpatterns = [
    path("", views.review_list_view, name="list"),
    path("dashboard/", views.dashboard_view, name="dashboard"),
    path("reviews/new/", views.review_create_view, name="review_create"),
    path("reviews/<int:pk>/", views.review_detail, name="review"),
    path("reviews/<int:pk>/file/", views.review_file, name="review_file"),
    path("reviews/<int:pk>/edit/", views.review_edit_view, name="review_edit"),
    path("reviews/<int:pk>/changes/", views.review_changes_view, name="changes"),
    path("reviews/<int:pk>/groups/new/", views.group_create_view, name="group_create"),
    path("reviews/<int:pk>/rounds/new/", views.round_create_view, name="round_create"),
    path("reviews/<int:pk>/commitments/new/", views.commitment_create_view, name="commitment_create"),
    path("commitments/<int:pk>/", views.commitment_detail, name="commitment"),
    path("commitments/<int:pk>/edit/", views.commitment_edit_view, name="commitment_edit"),
    path("commitments/<int:pk>/key-actions/new/", views.key_action_create_view, name="key_action_create"),
    path("commitments/<int:pk>/status/", views.commitment_status_view, name="commitment_status"),
    path("key-actions/<int:pk>/status/", views.key_action_status_view, name="key_action_status"),
]
