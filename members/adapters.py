from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import translate_url
from django.utils import translation


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
