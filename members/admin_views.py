"""The staff's view of the members in the Wagtail admin: a filtered list, each member's
details and a CSV export (the member figures are in reports). Every view and export of
personal data is logged.

A deleted account leaves an anonymous membership behind (members.services.delete_account)
for the city's counts only: the deletion page promises that nothing that identifies the
person is kept, so the list, its export and the detail page leave those rows out (the
figures in reports still count them)."""

import datetime

import django_filters
from django.shortcuts import get_object_or_404
from django.utils import formats, timezone
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.coreutils import multigetattr

from core.csv_export import safe_cell
from members.choices import AgeBand, Interest, Relationship
from members.models import Membership, PersonalDataAccessLog
from members.residence import municipality_name, prefecture_choices, prefecture_name


def prefecture_filter_choices():
    return prefecture_choices()


def staff_visible_memberships(queryset):
    """Memberships of people who still have an account: a deleted account's anonymous row
    (no user) is for the counts in reports, never for a list of people."""
    return queryset.filter(user__isnull=False)


def japan_time(value):
    """A date and time as staff read it: in the admin's time zone (Japan time unless a staff
    member chose another in their profile), e.g. 2026年12月7日 18:14."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    return f"{formats.date_format(local, 'DATE_FORMAT')} {formats.time_format(local, 'H:i')}"


def yes_no(value):
    return _("Yes") if value else _("No")


def list_separator():
    return "、" if (get_language() or "ja").startswith(("ja", "zh")) else ", "


def language_name(code):
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


# The data download keeps each code for analysis and adds its label in the next column.
EXPORT_LABELS = {
    "status_label": lambda m: m.get_status_display(),
    "tier_label": lambda m: m.get_tier_display(),
    "prefecture_name": lambda m: prefecture_name(m.residence_prefecture),
    "municipality_name": lambda m: municipality_name(m.residence_municipality),
    "age_band_label": lambda m: m.get_age_band_display(),
    "relationship_labels": lambda m: list_separator().join(m.relationship_labels),
    "interest_labels": lambda m: list_separator().join(m.interest_labels),
    "newsletter_label": lambda m: str(yes_no(m.newsletter)),
    "language_name": lambda m: language_name(m.language),
}


class MembershipFilterSet(WagtailFilterSet):
    # Withdrawn memberships are anonymous rows, never listed: nothing to filter for.
    status = django_filters.ChoiceFilter(
        choices=[
            (value, label)
            for value, label in Membership.Status.choices
            if value != Membership.Status.WITHDRAWN
        ],
        label=_("Status"),
    )
    relationship = django_filters.ChoiceFilter(
        choices=Relationship.choices, method="filter_code", label=_("Relationship")
    )
    interest = django_filters.ChoiceFilter(
        choices=Interest.choices, method="filter_code", label=_("Interest")
    )
    residence_prefecture = django_filters.ChoiceFilter(
        choices=prefecture_filter_choices, label=_("Prefecture")
    )
    age_band = django_filters.ChoiceFilter(choices=AgeBand.choices, label=_("Age"))
    registered_at = django_filters.DateFromToRangeFilter(
        label=_("Registered"),
        widget=django_filters.widgets.DateRangeWidget(attrs={"type": "date"}),
    )

    class Meta:
        model = Membership
        fields = ["status", "residence_prefecture", "age_band", "registered_at"]

    def filter_code(self, queryset, name, value):
        field = "relationships" if name == "relationship" else "interests"
        return queryset.filter(**{f"{field}__contains": f",{value},"})


def describe_filters(request):
    params = {k: v for k, v in request.GET.items() if v and k not in ("export", "p")}
    return ", ".join(f"{k}={v}" for k, v in sorted(params.items()))[:400] or "-"


class MembershipIndexView(IndexView):
    # Dates in the download are Japan time (the admin's time zone), not UTC: the XLSX cell
    # is a plain date and time as staff read it, the CSV cell the same without microseconds.
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {
            IndexView.FORMAT_XLSX: lambda value: timezone.make_naive(
                timezone.localtime(value)
            ).replace(microsecond=0),
            IndexView.FORMAT_CSV: lambda value: timezone.localtime(value).strftime(
                "%Y-%m-%d %H:%M:%S"
            ),
        },
    }

    def get_base_queryset(self):
        return staff_visible_memberships(super().get_base_queryset()).select_related("user")

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.is_export:
            PersonalDataAccessLog.record(
                request,
                "export",
                f"{self.request.GET.get('export')} — {describe_filters(request)}",
            )
        else:
            PersonalDataAccessLog.record(request, "list", describe_filters(request))
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_export"] = request_can_export(self.request)
        return context

    def render_to_response(self, context, **response_kwargs):
        if self.is_export and not request_can_export(self.request):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        return super().render_to_response(context, **response_kwargs)

    def to_row_dict(self, item):
        return {
            field: EXPORT_LABELS[field](item)
            if field in EXPORT_LABELS
            else multigetattr(item, field)
            for field in self.list_export
        }

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: safe_cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )


def request_can_export(request):
    return request.user.has_perm("members.export_membership")


class MembershipInspectView(InspectView):
    """One member's record in words: prefecture and municipality names, the choices' labels,
    yes or no, the language's name and dates in Japan time, not the stored codes."""

    def get_object(self, queryset=None):
        return get_object_or_404(staff_visible_memberships(Membership.objects), pk=self.pk)

    def get_field_display_value(self, field_name, field):
        value = getattr(self.object, field_name, None)
        if field_name == "residence_prefecture":
            return prefecture_name(value)
        if field_name == "residence_municipality":
            return municipality_name(value)
        if field_name == "relationships":
            return list_separator().join(self.object.relationship_labels)
        if field_name == "interests":
            return list_separator().join(self.object.interest_labels)
        if field_name == "language":
            return language_name(value)
        if isinstance(value, bool):
            return yes_no(value)
        if isinstance(value, datetime.datetime):
            return japan_time(value)
        return super().get_field_display_value(field_name, field)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        PersonalDataAccessLog.record(
            request, "view", f"{self.object.member_number or self.object.pk}"
        )
        return response
