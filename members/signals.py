"""Signals other apps connect to, so that a member's data download and account deletion
cover what they hold too (passes, consultations) without members/ importing them."""

from django.dispatch import Signal

# sender=User model, user=...; each receiver returns a dict merged into the download.
collect_member_data = Signal()
# sender=User model, user=...; sent inside the deletion's transaction, before the user goes.
account_deleting = Signal()
