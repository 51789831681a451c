from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """allauth, speaking with the site's own name (from SiteIdentity, per language)."""

    def send_mail(self, template_prefix, email, context):
        from home.models import SiteIdentity

        identity = SiteIdentity.for_active_locale()
        if identity is not None and "current_site" not in context:
            domain = self.request.get_host() if self.request else ""
            context = {
                **context,
                "current_site": SimpleNamespace(name=identity.site_name, domain=domain),
            }
        super().send_mail(template_prefix, email, context)
