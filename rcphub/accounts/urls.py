from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from rcphub.accounts import views
from rcphub.accounts.forms import EmailAuthenticationForm, PasswordResetForm

app_name = "accounts"

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=EmailAuthenticationForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(success_url=reverse_lazy("accounts:password_change_done")),
        name="password_change",
    ),
    path("password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("profile/", views.profile, name="profile"),
    # Invitations by e-mail: the secretariats' pages (404 for those who may not invite), then the link.
    path("invitations/", views.invitations, name="invitations"),
    path("invitations/new/", views.invitation_new, name="invitation_new"),
    path("invitations/<int:pk>/revoke/", views.invitation_revoke_page, name="invitation_revoke"),
    path("invitations/<str:token>/", views.invitation_accept_page, name="invitation_accept"),
    # Password reset by e-mail: the same answer whether or not the address has an account.
    path(
        "password_reset/",
        auth_views.PasswordResetView.as_view(
            form_class=PasswordResetForm,
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path("password_reset/done/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
