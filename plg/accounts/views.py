"""Django's account views, with throttles: a locked login and too many reset mails say so."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.i18n import set_language

from plg.accounts.backends import login_address
from plg.accounts.forms import LoginForm, ResetForm
from plg.accounts.models import User
from plg.accounts.school_accounts import login_page_context
from plg.core.throttle import TOO_MANY_MAILS, may_mail


def choose_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch, and for someone logged in the choice kept with their account:
    the mails, calendar files and feed that reach them outside the browser follow it."""
    response = set_language(request)
    chosen = request.POST.get("language", "")
    if request.user.is_authenticated and chosen in dict(settings.LANGUAGES):
        User.objects.filter(pk=request.user.pk).update(language=chosen)
    return response


def geblokkeerd(
    request: HttpRequest, response: HttpResponse | None, credentials: dict[str, Any] | None
) -> HttpResponse:
    """django-axes' answer to a locked login: the login page again, with what was typed."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    form = LoginForm(request, initial={"username": login_address(request, credentials)})
    message = _(
        "Te veel mislukte pogingen om met dit e-mailadres aan te melden. Wacht %(minuten)s "
        "minuten en probeer het dan opnieuw, of vraag een nieuw wachtwoord aan."
    ) % {"minuten": minutes}
    return render(
        request,
        "registration/login.html",
        {
            **login_page_context(request),
            "form": form,
            "geblokkeerd": message,
            "next": request.POST.get("next", ""),
        },
        status=429,
    )


def remember_language(response: HttpResponse, user: User) -> None:
    """Signing in on another device brings back the language the person chose before."""
    if user.language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )


class LoginView(auth_views.LoginView):
    """E-mail and password, and the school's account where the school set one up."""

    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), **login_page_context(self.request)}

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        remember_language(response, form.get_user())
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """A few reset mails per address and per place an hour; the page says when it is enough."""

    form_class = ResetForm

    def form_valid(self, form: ResetForm) -> HttpResponse:
        if not may_mail(self.request, "reset", form.cleaned_data["email"]):
            form.add_error("email", TOO_MANY_MAILS)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)
