from django.urls import path

from rcphub.coalitions import views

app_name = "coalitions"

urlpatterns = [
    path("", views.coalition_list_page, name="list"),
    path("<slug:slug>/", views.coalition_detail, name="detail"),
    path("<slug:slug>/terms-of-reference/", views.coalition_tor, name="tor"),
    path("<slug:slug>/edit/", views.coalition_edit, name="edit"),
    path("<slug:slug>/members/add/", views.member_add, name="member_add"),
    path("<slug:slug>/members/<int:pk>/end/", views.member_end, name="member_end"),
    path("<slug:slug>/networks/add/", views.network_add, name="network_add"),
    path("<slug:slug>/networks/<int:pk>/edit/", views.network_edit, name="network_edit"),
    path("<slug:slug>/networks/<int:pk>/terms-of-reference/", views.network_tor, name="network_tor"),
]
