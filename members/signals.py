"""Signals other apps connect to, so that a member's data download and account deletion
cover what they hold too (passes, consultations) without members/ importing them; and the
members app's own receivers (connected in MembersConfig.ready)."""

from django.dispatch import Signal

# sender=User model, user=...; each receiver returns a dict merged into the download.
collect_member_data = Signal()
# sender=User model, user=...; sent inside the deletion's transaction, before the user goes.
account_deleting = Signal()
# sender=User model, user=...; each receiver returns a dict of the registration's profile
# fields the account gave elsewhere (an Entry Pass holder's residence), filled in for them.
known_profile = Signal()

# The fields whose codes MembershipCode copies: a save that writes none of them leaves the
# rows as they are (activation, consent and reconsent saves name their update_fields).
CODE_FIELDS = {"relationships", "interests"}


def membership_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """Keep MembershipCode equal to the membership's fields: the one place that writes it.

    Fixtures (raw) bring their own rows, as dumpdata wrote them; bulk loaders add theirs with
    members.services.membership_code_rows, since bulk_create sends no signal."""
    if raw or (update_fields is not None and not CODE_FIELDS & set(update_fields)):
        return
    from members.services import sync_membership_codes

    sync_membership_codes(instance, created=created)
