"""The worker's side of the mail queue (core.mail).

With a backend that can defer tasks (django_tasks_db's DatabaseBackend and `manage.py
db_worker` in production), a failed attempt queues the task again for its next attempt, 1, 2,
4 … minutes later. With the immediate backend (`make run`, a small install without a
worker) the first attempt runs at once and `manage.py send_queued_emails`, from cron every
minute, sends what is due. Attempts are claimed (core.mail.claim): never sent twice."""

from django.utils import timezone
from django_tasks import task


@task()
def send_outgoing_email(outgoing_id):
    from core.mail import max_attempts, send_now
    from core.models import OutgoingEmail

    outgoing = OutgoingEmail.objects.filter(pk=outgoing_id, sent_at__isnull=True).first()
    if outgoing is None or outgoing.attempts >= max_attempts():
        return False
    this_task = send_outgoing_email
    can_defer = this_task.get_backend().supports_defer
    if outgoing.next_attempt_at and outgoing.next_attempt_at > timezone.now():
        # Another process (cron) made an attempt meanwhile: this task keeps the series going.
        if can_defer:
            this_task.using(run_after=outgoing.next_attempt_at).enqueue(outgoing_id)
        return False
    sent = send_now(outgoing)
    if sent is False and outgoing.attempts < max_attempts() and can_defer:
        this_task.using(run_after=outgoing.next_attempt_at).enqueue(outgoing_id)
    return bool(sent)
