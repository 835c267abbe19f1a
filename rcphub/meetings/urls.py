from django.urls import URLPattern, path

from rcphub.meetings import views

app_name = "meetings"
urlpatterns: list[URLPattern] = [
    path("", views.meeting_list_view, name="list"),
    path("new/", views.meeting_create_view, name="create"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/edit/", views.meeting_edit_view, name="edit"),
    path("<int:pk>/delete/", views.meeting_delete_view, name="delete"),
    path("decisions/<int:pk>/edit/", views.decision_edit_view, name="decision_edit"),
    path("decisions/<int:pk>/delete/", views.decision_delete_view, name="decision_delete"),
    path("<int:pk>/agenda/add/", views.agenda_item_add_view, name="agenda_item_add"),
    path("<int:pk>/decisions/add/", views.decision_create_view, name="decision_create"),
    path("<int:pk>/note.pdf", views.note_pdf_view, name="note_pdf"),
    path("<int:pk>/note.docx", views.note_docx_view, name="note_docx"),
]
