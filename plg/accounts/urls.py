from django.contrib.auth import views as auth_views
from django.urls import path

from plg.accounts.oidc import StartSchoolLogin, school_login_return
from plg.accounts.views import LoginView, PasswordResetView

urlpatterns = [
    path("aanmelden/", LoginView.as_view(), name="login"),
    # the return first: "terug" is not a provider
    path("aanmelden/school/terug/", school_login_return, name="school_aanmelden_terug"),
    path("aanmelden/school/<slug:account>/", StartSchoolLogin.as_view(), name="school_aanmelden"),
    path("afmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("wachtwoord/vergeten/", PasswordResetView.as_view(), name="password_reset"),
    path(
        "wachtwoord/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord/nieuw/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord/klaar/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
