from django.urls import path

from rcphub.importers import views

app_name = "importers"

urlpatterns = [
    path("", views.import_list_view, name="list"),
    path("new/", views.import_upload_view, name="upload"),
    path("<int:pk>/", views.import_detail_view, name="detail"),
    path("<int:pk>/commit/", views.import_commit_view, name="commit"),
    path("<int:pk>/cancel/", views.import_cancel_view, name="cancel"),
    path("<int:pk>/file/", views.import_file_view, name="file"),
]
