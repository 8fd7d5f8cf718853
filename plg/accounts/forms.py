from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from plg.core.validators import MAX_PASSWORD
from plg.post.services import send_beside_response


class LoginForm(AuthenticationForm):
    """Log in with an e-mail address, with messages in our own words."""

    username = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    password = forms.CharField(
        label=_("Wachtwoord"), max_length=MAX_PASSWORD, strip=False, widget=forms.PasswordInput
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Dit e-mailadres en dit wachtwoord horen niet bij elkaar. "
            "Let op hoofdletters in je wachtwoord."
        ),
        "inactive": _("Dit account is niet actief."),
    }


class ResetForm(PasswordResetForm):
    """Django's reset form, its mail built and sent by the post app (decision 33).

    Never stored: the link is a key to the account, and a stored row keeps its text until it
    has left. Sent beside the request, so the page answers alike, and as fast, whether or not
    the address has an account; a failure is logged without the address and not shown. The
    link leads to ``SITE_URL``, never to the host a request named.
    """

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        context = {**context, "site_url": settings.SITE_URL}
        send_beside_response(
            aan=to_email,
            onderwerp=render_to_string(subject_template_name, context),
            tekst=render_to_string(email_template_name, context),
            waarom="A password-reset mail",
        )
