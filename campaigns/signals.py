"""Conversions are stored when they happen, from the source of the visit that made them.

Only a visitor's own action converts: a consultation typed in by staff (phone, desk) or an
offer used through the partner's staff screen is not attributed to the staff member's
browser. An offer use takes the source of the pass it was used with.

A changed tracking link also empties the cached pages: a press release shows its short link."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from campaigns.attribution import current_request, record_conversion, source_of_conversion
from campaigns.models import Conversion, ConversionKind, TrackingLink
from consultations.models import Channel as ConsultationChannel
from consultations.models import Consultation
from core.cache_version import invalidate
from members.models import ActivitySignup, Membership
from passes.models import Pass, Use


def _visitor_request():
    request = current_request.get()
    if request is None or request.path.startswith("/admin"):
        return None
    return request


@receiver(post_save, sender=Membership, dispatch_uid="campaigns.membership")
def membership_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw and _visitor_request():
        record_conversion(ConversionKind.REGISTRATION, instance)


@receiver(post_save, sender=Pass, dispatch_uid="campaigns.pass")
def pass_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw and _visitor_request():
        record_conversion(ConversionKind.ENTRY_PASS, instance)


@receiver(post_save, sender=Use, dispatch_uid="campaigns.use")
def offer_used(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    request = _visitor_request()
    if (
        request is not None
        and request.user.is_authenticated
        and (request.user.pk == instance.entry_pass.user_id)
    ):
        if record_conversion(ConversionKind.OFFER_USE, instance):
            return
    pass_conversion = Conversion.objects.filter(
        kind=ConversionKind.ENTRY_PASS, object_id=str(instance.entry_pass_id)
    ).first()
    source = source_of_conversion(pass_conversion)
    if source:
        record_conversion(ConversionKind.OFFER_USE, instance, source=source)


@receiver(post_save, sender=Consultation, dispatch_uid="campaigns.consultation")
def consultation_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.channel == ConsultationChannel.WEB and _visitor_request():
        record_conversion(ConversionKind.CONSULTATION, instance)


@receiver(post_save, sender=ActivitySignup, dispatch_uid="campaigns.activity_signup")
def activity_signed_up(sender, instance, created, raw=False, **kwargs):
    if created and not raw and _visitor_request():
        record_conversion(ConversionKind.ACTIVITY_SIGNUP, instance)


@receiver(post_save, sender=TrackingLink, dispatch_uid="campaigns.tracking_link_saved")
@receiver(post_delete, sender=TrackingLink, dispatch_uid="campaigns.tracking_link_deleted")
def tracking_link_changed(sender, instance, raw=False, **kwargs):
    """A press release shows its short link inside its cached fragment: a link given to (or
    taken from) a release, renamed or deleted empties the cached pages (clicks are rows of
    their own and change nothing here)."""
    if not raw:
        invalidate()
