import copy

import django_filters
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from core.admin_lists import SnippetListViewSet
from members.admin_views import MembershipFilterSet, MembershipIndexView, MembershipInspectView
from members.models import Benefit, LoginEvent, Membership, PersonalDataAccessLog


class ActionsLimitedPolicy(ModelPermissionPolicy):
    """Model permissions, but only for the actions listed: members' records and the access
    log are read in the admin, never added, edited or deleted there (numbers stay gap-free,
    the audit trail stays whole)."""

    def __init__(self, model, actions, **kwargs):
        super().__init__(model, **kwargs)
        self.actions = set(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a in self.actions])


register_permission_policy(Membership, ActionsLimitedPolicy(Membership, {"view"}))
register_permission_policy(
    PersonalDataAccessLog, ActionsLimitedPolicy(PersonalDataAccessLog, {"view"})
)
register_permission_policy(LoginEvent, ActionsLimitedPolicy(LoginEvent, {"view"}))


class BenefitViewSet(SnippetListViewSet):
    model = Benefit
    icon = "pick"
    menu_label = _("Member benefits")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["title", "provider", "valid_until", "live", "locale"]
    list_filter = ["live"]


register_snippet(BenefitViewSet)


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "group"
    menu_label = _("Furusato residents")
    name = "furusato_residents"
    index_view_class = MembershipIndexView
    inspect_view_class = MembershipInspectView
    inspect_view_enabled = True
    filterset_class = MembershipFilterSet
    list_display = [
        "member_number",
        "status",
        Column("residence", label=_("Residence")),
        Column("age_band", label=_("Age"), accessor="get_age_band_display"),
        "registered_at",
    ]
    # Each code (kept for analysis) is followed by its label, in the staff member's language.
    export_headings = {
        "status": _("Status (code)"),
        "status_label": _("Status"),
        "tier": _("Tier (code)"),
        "tier_label": _("Tier"),
        "user.last_name": _("Family name"),
        "user.first_name": _("Given name"),
        "user.email": _("E-mail address"),
        "residence_prefecture": _("Prefecture code"),
        "prefecture_name": _("Prefecture"),
        "residence_municipality": _("Municipality code"),
        "municipality_name": _("Municipality"),
        "age_band": _("Age (code)"),
        "age_band_label": _("Age"),
        "relationships": _("Relationship to the city (codes)"),
        "relationship_labels": _("Relationship to the city"),
        "interests": _("Interests (codes)"),
        "interest_labels": _("Interests"),
        "newsletter": _("Newsletter (1 = yes)"),
        "newsletter_label": _("Newsletter"),
        "language": _("Language (code)"),
        "language_name": _("Language"),
    }
    list_export = [
        "member_number",
        "status",
        "status_label",
        "tier",
        "tier_label",
        "user.last_name",
        "user.first_name",
        "name_kana",
        "user.email",
        "residence_prefecture",
        "prefecture_name",
        "residence_municipality",
        "municipality_name",
        "age_band",
        "age_band_label",
        "relationships",
        "relationship_labels",
        "relationship_note",
        "interests",
        "interest_labels",
        "newsletter",
        "newsletter_label",
        "language",
        "language_name",
        "registered_at",
        "activated_at",
        "privacy_policy_version",
    ]
    inspect_view_fields = [
        "member_number",
        "status",
        "tier",
        "name_kana",
        "residence_prefecture",
        "residence_municipality",
        "age_band",
        "relationships",
        "relationship_note",
        "interests",
        "newsletter",
        "language",
        "national_registration_id",
        "registered_at",
        "activated_at",
        "privacy_policy_version",
        "consented_at",
    ]
    export_filename = "furusato-residents"
    form_fields = ["tier", "national_registration_id"]
    add_to_admin_menu = False


class AccessLogViewSet(ModelViewSet):
    model = PersonalDataAccessLog
    icon = "history"
    menu_label = _("Personal data access log")
    name = "personal_data_access_log"
    list_display = ["at", "staff_email", "action", "detail"]
    list_filter = ["action"]
    form_fields = ["action"]
    inspect_view_enabled = False


class MembersGroup(ViewSetGroup):
    menu_label = _("Furusato residents")
    menu_icon = "group"
    menu_order = 300
    items = (MembershipViewSet, AccessLogViewSet)


@hooks.register("register_admin_viewset")
def register_members_group():
    return MembersGroup()


class CheckInMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("members.checkin_activity")

    def render_component(self, request):
        # The check-in page lives under the language prefix: its address is the one in the
        # staff member's language, worked out for each request (Wagtail builds its menu
        # items once, in whatever language the first request had).
        item = copy.copy(self)
        item.url = reverse("members:checkin")
        return MenuItem.render_component(item, request)


class ActivityCheckInViewSet(ViewSet):
    """The organizers' check-in screen in the admin menu. The screen is a page of the site
    (members.views.checkin, for phones at the door), so this viewset adds no admin URL, only
    the menu item, for those who may check members in."""

    name = "activity_checkin"
    icon = "tick"
    menu_label = _("Activity check-in")
    menu_order = 320
    menu_url = ""  # per request: CheckInMenuItem.render_component
    menu_item_class = CheckInMenuItem
    add_to_admin_menu = True


@hooks.register("register_admin_viewset")
def register_activity_checkin():
    return ActivityCheckInViewSet()


# Failed logins (members/login_events.py): read-only, in the Reports menu, for superusers and
# whoever holds "view failed login" (City editors, by migration 0009).
class LoginEventFilterSet(WagtailFilterSet):
    email = django_filters.CharFilter(label=_("Account (e-mail address)"), lookup_expr="icontains")
    # The start of an address (198.51.100) finds its whole range; any text is a plain search,
    # never an invalid value for the address column.
    ip_address = django_filters.CharFilter(label=_("IP address"), lookup_expr="startswith")
    at = django_filters.DateFromToRangeFilter(
        label=_("Date"),
        widget=django_filters.widgets.DateRangeWidget(attrs={"type": "date"}),
    )
    outcome = django_filters.ChoiceFilter(
        choices=LoginEvent.Outcome.choices, label=_("Outcome"), empty_label=_("All")
    )

    class Meta:
        model = LoginEvent
        fields = ["email", "ip_address", "at", "outcome"]


class LoginEventViewSet(ModelViewSet):
    model = LoginEvent
    icon = "warning"
    menu_label = _("Failed logins")
    menu_name = "failed-logins"
    menu_order = 200
    menu_hook = "register_reports_menu_item"
    name = "failed_logins"
    filterset_class = LoginEventFilterSet
    list_display = ["at", "email", "user", "ip_address", "outcome"]
    form_fields = ["outcome"]
    inspect_view_enabled = False
    add_to_admin_menu = True


@hooks.register("register_admin_viewset")
def register_failed_logins():
    # Imported here too: receivers must be connected wherever a login can fail.
    import members.login_events  # noqa: F401

    return LoginEventViewSet()
