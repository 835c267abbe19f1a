from django.urls import path

from rcphub.funding import views

app_name = "funding"

urlpatterns = [
    path("", views.fund_list_view, name="fund_list"),
    path("new/", views.fund_create_view, name="fund_create"),
    path("<int:pk>/", views.fund_detail, name="fund_detail"),
    path("<int:pk>/edit/", views.fund_edit_view, name="fund_edit"),
    path("<int:pk>/contributions/new/", views.contribution_create_view, name="contribution_create"),
    path("<int:pk>/joint-programmes/new/", views.joint_programme_create_view, name="joint_programme_create"),
    path("joint-programmes/<int:pk>/", views.joint_programme_detail, name="joint_programme_detail"),
    path("joint-programmes/<int:pk>/edit/", views.joint_programme_edit_view, name="joint_programme_edit"),
    path(
        "joint-programmes/<int:pk>/state/",
        views.joint_programme_transition_view,
        name="joint_programme_transition",
    ),
]
