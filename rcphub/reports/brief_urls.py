"""The briefs' addresses, under /briefs/."""

from django.urls import path

from rcphub.reports import views

app_name = "briefs"
urlpatterns = [
    path("", views.brief_list_view, name="list"),
    path("<slug:slug>/", views.brief_detail, name="detail"),
    path("<slug:slug>/brief.<str:fmt>", views.brief_file, name="file"),
    path("<slug:slug>/figures.<str:fmt>", views.brief_file, {"kind": "figures"}, name="figures"),
    path("<slug:slug>/editions/new/", views.edition_create_view, name="edition_create"),
    path("<slug:slug>/editions/<int:number>/", views.edition_detail, name="edition"),
    path("<slug:slug>/editions/<int:number>/edit/", views.edition_edit_view, name="edition_edit"),
    path("<slug:slug>/editions/<int:number>/publish/", views.edition_publish_view, name="edition_publish"),
    path("<slug:slug>/editions/<int:number>/brief.<str:fmt>", views.edition_file, name="edition_file"),
    path(
        "<slug:slug>/editions/<int:number>/figures.<str:fmt>",
        views.edition_file,
        {"kind": "figures"},
        name="edition_figures",
    ),
]
