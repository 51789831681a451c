"""Background work: the desk's e-mails go through django-tasks.

A failed attempt stays in Delivery. With a backend that can defer tasks (a database or queue
backend with a worker), the task queues itself again with a growing delay; with the immediate
backend (development, tests, a server without a worker), `manage.py retry_consultation_emails`
run from cron sends what is due (services.due_deliveries_q). Each attempt is claimed with a
conditional UPDATE (services.claim_delivery), so cron and worker never send twice; both
stop after MAX_DELIVERY_ATTEMPTS. The rules themselves (the growing delay, the claim, what is
due) are core.mail's, shared with the site's mail queue; the desk keeps its own limits."""

from django.utils import timezone
from django_tasks import task


@task()
def send_consultation_email(delivery_id):
    from consultations.models import Delivery
    from consultations.services import MAX_DELIVERY_ATTEMPTS, deliver

    delivery = (
        Delivery.objects.select_related("consultation", "message")
        .filter(pk=delivery_id, sent_at__isnull=True)
        .first()
    )
    if delivery is None or delivery.attempts >= MAX_DELIVERY_ATTEMPTS:
        return False
    if delivery.next_attempt_at and delivery.next_attempt_at > timezone.now():
        return False  # another attempt (cron, a second task) ran meanwhile: not due yet
    sent = deliver(delivery)
    this_task = send_consultation_email
    if (
        sent is False
        and delivery.attempts < MAX_DELIVERY_ATTEMPTS
        and this_task.get_backend().supports_defer
    ):
        this_task.using(run_after=delivery.next_attempt_at).enqueue(delivery_id)
    return bool(sent)
