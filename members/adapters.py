from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext

from members import login_events


class AccountAdapter(DefaultAccountAdapter):
    """allauth, speaking with the site's own name (from SiteIdentity, per language), in the
    recipient's language."""

    def send_mail(self, template_prefix, email, context):
        from home.models import SiteIdentity
        from members.services import language_for_address

        language = language_for_address(email)
        # Links allauth made in the request's language lead to pages in the mail's (translated
        # while the request's language is active: only then do their paths resolve).
        context = {
            key: translate_url(value, language)
            if key.endswith("_url") and isinstance(value, str)
            else value
            for key, value in context.items()
        }
        with translation.override(language):
            identity = SiteIdentity.for_active_locale()
            if identity is not None and "current_site" not in context:
                domain = self.request.get_host() if self.request else ""
                context = {
                    **context,
                    "current_site": SimpleNamespace(name=identity.site_name, domain=domain),
                }
            super().send_mail(template_prefix, email, context)

    def pre_authenticate(self, request, **credentials):
        """allauth's per-address limit on failed logins; a refusal is logged for staff."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            from members.models import LoginEvent

            login_events.record_event(
                request, credentials.get("email", ""), LoginEvent.Outcome.RATE_LIMITED
            )
            raise

    def is_login_by_code_required(self, login):
        """Besides allauth's own rule: after repeated failed logins for the account, the right
        password must be confirmed with the code e-mailed to the owner (never a refusal)."""
        from allauth.account.internal.flows.login import get_authentication_records

        if super().is_login_by_code_required(login):
            return True
        records = get_authentication_records(self.request, login.user)
        if not records or records[-1]["method"] != "password":
            return False
        stage_data = login.state.get("stages", {}).get("login_by_code", {}).get("data")
        if stage_data:
            return True  # asked already, in this login; the code is on its way
        addresses = {
            login_events.normalize_email(address)
            for address in (records[-1].get("email"), login.user.email)
            if address
        }
        failures = sum(login_events.count_recent_failures(address) for address in addresses)
        if failures < login_events.failures_before_code():
            return False
        from members.models import LoginEvent

        login_events.record_event(
            self.request,
            records[-1].get("email") or login.user.email,
            LoginEvent.Outcome.CODE_REQUIRED,
            user=login.user,
        )
        messages.warning(
            self.request,
            gettext(
                "There have been several failed attempts to log in to this account recently, "
                "so we have e-mailed you a login code as well. Enter it to finish logging in."
            ),
        )
        return True
