"""A real SMTP server (aiosmtpd) on 127.0.0.1, started by the test: it refuses every recipient
("451 4.3.0 Try again later") until the test lets it accept, then records what it receives.
The site sends through the queue (core.mail) to it, as in production."""

import email
import email.policy
import importlib
import io
import re
import socket
from datetime import timedelta

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RecordingHandler:
    def __init__(self):
        self.refusing = True
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refusing:
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            (
                list(envelope.rcpt_tos),
                email.message_from_bytes(envelope.original_content, policy=email.policy.default),
            )
        )
        return "250 Message accepted for delivery"


class SMTPServer:
    def __init__(self):
        self.handler = RecordingHandler()
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def refuse(self):
        self.handler.refusing = True

    def accept(self):
        self.handler.refusing = False

    @property
    def messages(self):
        return self.handler.messages

    def received_by(self, address):
        """The messages that reached `address`, as email.message.EmailMessage."""
        return [message for rcpt_tos, message in self.messages if address in rcpt_tos]


@pytest.fixture
def smtp_server():
    server = SMTPServer()
    server.controller.start()
    yield server
    server.controller.stop()


@pytest.fixture
def queued_mail(settings, smtp_server):
    """The production arrangement: every e-mail through the queue, sent by SMTP."""
    settings.EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
    settings.EMAIL_TRANSPORT_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    return smtp_server


def send_due_after(minutes, command="send_queued_emails"):
    """Cron's run of the command `minutes` from now."""
    with time_machine.travel(timezone.now() + timedelta(minutes=minutes), tick=True):
        call_command(command, stdout=io.StringIO())


def text_of(message):
    """The plain-text part of a received message."""
    part = message.get_body(preferencelist=("plain",))
    return part.get_content() if part else ""


def link_in(message, pattern):
    found = re.search(pattern, text_of(message))
    assert found, text_of(message)
    return found.group(0)


@pytest.fixture
def failed_emails_role(db):
    """What migration core.0002 grants (tests build the database without migrations)."""
    importlib.import_module("core.migrations.0002_failed_emails_permission").grant(apps, None)
