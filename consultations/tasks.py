"""Background work: e-mails go through django-tasks (immediate in development; a failed
attempt stays in Delivery for `manage.py retry_consultation_emails`)."""

from django_tasks import task


@task()
def send_consultation_email(delivery_id):
    from consultations.models import Delivery
    from consultations.services import deliver

    delivery = (
        Delivery.objects.select_related("consultation", "message")
        .filter(pk=delivery_id, sent_at__isnull=True)
        .first()
    )
    if delivery is None:
        return False
    return deliver(delivery)
