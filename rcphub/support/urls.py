from django.urls import URLPattern, path

from rcphub.support import views

app_name = "support"
urlpatterns: list[URLPattern] = [
    path("requests/", views.request_list_view, name="requests"),
    path("requests/new/", views.request_create_view, name="request_create"),
    path("requests/<int:pk>/", views.request_detail_view, name="request"),
    path("requests/<int:pk>/transition/", views.request_transition_view, name="request_transition"),
    path("requests/<int:pk>/route/", views.request_route_view, name="request_route"),
    path("requests/<int:pk>/rate/", views.request_rate_view, name="request_rate"),
    path("turnaround/", views.turnaround_view, name="turnaround"),
    path("experts/", views.expert_list_view, name="experts"),
    path("experts/<int:pk>/", views.expert_detail_view, name="expert"),
]
