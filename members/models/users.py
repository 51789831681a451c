"""Accounts. E-mail is the login: members, pass holders, partner staff and editors share one
user model, so a pass holder later becomes a furusato resident without retyping anything."""

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if extra_fields.get("is_staff") is not True or extra_fields.get("is_superuser") is not True:
            raise ValueError("A superuser must have is_staff=True and is_superuser=True.")
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("e-mail address"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email

    def get_full_name(self):
        """In the order of the name's script: 山田 花子, 김 민준, Anna Smith (members.names)."""
        from members.names import display_name

        return display_name(self)

    def save(self, *args, **kwargs):
        # One address, one account, whatever case it was typed in.
        self.email = (self.email or "").strip().lower()
        # Names set anywhere (the admin's user forms, imports) stay on one line: a line break
        # in a name would add a fake header line to e-mail bodies.
        from members.names import single_line

        self.first_name = single_line(self.first_name)
        self.last_name = single_line(self.last_name)
        super().save(*args, **kwargs)
