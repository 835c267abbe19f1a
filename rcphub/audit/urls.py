from django.urls import path

from rcphub.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.audit_trail, name="trail"),
    path("audit.csv", views.audit_trail_csv, name="csv"),
]
