from django.urls import path

from rcphub.reference import views

app_name = "reference"

urlpatterns = [
    path("", views.index, name="index"),
    path("countries/", views.countries, name="countries"),
    path("sdg/", views.sdg, name="sdg"),
    path("sdg/<str:code>/", views.sdg_goal, name="sdg_goal"),
    path("gcm/", views.gcm, name="gcm"),
    path("entities/", views.entities, name="entities"),
]
