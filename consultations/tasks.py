"""Background work: the desk's e-mails go through django-tasks.

A failed attempt stays in Delivery. With a backend that can defer tasks (a database or queue
backend with a worker), the task queues itself again with a growing delay; with the immediate
backend (development, tests, a server without a worker), `manage.py retry_consultation_emails`
run from cron sends what is still pending. Both stop after MAX_DELIVERY_ATTEMPTS."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task


def retry_delay(attempts):
    """5, 10, 20, 40 … minutes, at most a day."""
    return timedelta(minutes=min(5 * 2 ** (attempts - 1), 24 * 60))


@task()
def send_consultation_email(delivery_id):
    from consultations.models import Delivery
    from consultations.services import MAX_DELIVERY_ATTEMPTS, deliver

    delivery = (
        Delivery.objects.select_related("consultation", "message")
        .filter(pk=delivery_id, sent_at__isnull=True)
        .first()
    )
    if delivery is None:
        return False
    sent = deliver(delivery)
    this_task = send_consultation_email
    if (
        not sent
        and delivery.attempts < MAX_DELIVERY_ATTEMPTS
        and this_task.get_backend().supports_defer
    ):
        this_task.using(run_after=timezone.now() + retry_delay(delivery.attempts)).enqueue(
            delivery_id
        )
    return sent
