from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.core.validators import single_line


class UserManager(BaseUserManager["User"]):
    """People log in with their e-mail address; there is no username."""

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        user = self.build_user(email, password, **extra)
        user.save(using=self._db)
        return user

    def build_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        """An unsaved user with the password hashed: hashing is slow on purpose, so it happens
        before the transaction that stores the user."""
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mailadres"), unique=True)
    first_name = models.CharField(
        _("voornaam"), max_length=100, blank=True, validators=[single_line]
    )
    last_name = models.CharField(
        _("familienaam"), max_length=100, blank=True, validators=[single_line]
    )
    is_active = models.BooleanField(_("actief"), default=True)
    is_staff = models.BooleanField(_("beheerder"), default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    language = models.CharField(
        _("taal"),
        max_length=8,
        blank=True,
        help_text=_("Gekozen in het menu; leeg is de taal van de installatie."),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []  # type: ignore[misc]

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["first_name", "last_name", "email"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        full = f"{self.first_name} {self.last_name}".strip()
        return full or self.email

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.first_name or self.email
