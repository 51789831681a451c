"""The staff's view of the members in the Wagtail admin: a filtered list, each member's
details and a CSV export (the member figures are in reports). Every view and export of
personal data is logged."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.coreutils import multigetattr

from home.csv_export import safe_cell
from members.choices import AgeBand, Interest, Relationship
from members.models import Membership, PersonalDataAccessLog
from members.residence import prefecture_choices


def prefecture_filter_choices():
    return prefecture_choices()


class MembershipFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=Membership.Status.choices, label=_("Status"))
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
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user")

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
        # A deleted account leaves its membership without a user: those cells stay empty.
        return {
            field: ""
            if field.startswith("user.") and item.user_id is None
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
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        PersonalDataAccessLog.record(
            request, "view", f"{self.object.member_number or self.object.pk}"
        )
        return response
