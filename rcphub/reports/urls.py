from django.urls import path

from rcphub.reports import views

app_name = "reports"
urlpatterns = [
    path("followup/<int:review_pk>/", views.followup_status, name="followup_status"),
    path(
        "followup/<int:review_pk>/status.<str:fmt>", views.followup_status_file, name="followup_status_file"
    ),
]
