from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from allauth.account.signals import email_confirmed
        from django.db.models.signals import post_save

        from members import (  # noqa: F401 - connect their signal receivers
            login_events,  # failed logins, for the staff log and the e-mailed-code rule
            two_factor,  # the 2FA check's invalidation
        )
        from members.signals import membership_saved

        email_confirmed.connect(activate_on_email_confirmed, dispatch_uid="members.activate")
        post_save.connect(
            membership_saved, sender="members.Membership", dispatch_uid="members.codes"
        )


def activate_on_email_confirmed(sender, request, email_address, **kwargs):
    """A registration becomes a membership (with its number) once the e-mail is verified."""
    from members.models import Membership
    from members.services import activate_membership

    membership = Membership.objects.filter(
        user_id=email_address.user_id, status=Membership.Status.PENDING
    ).first()
    if membership is not None:
        activate_membership(membership)
