"""Admin forms: the dashboard's date range and the tracking-link form's UTM hints."""

from datetime import date, timedelta

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from campaigns.models import CHANNEL_MEDIUM, CampaignPage
from core import japan_time

DEFAULT_DAYS = 30
# A year like 99999 would not make a date, and a century of figures is nobody's question.
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)


def default_range(today=None):
    """The last 30 days, today included (Japan time)."""
    today = today or japan_time.today()
    return today - timedelta(days=DEFAULT_DAYS - 1), today


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DashboardFilterForm(forms.Form):
    date_from = forms.DateField(
        label=_("From"),
        widget=DateInput(),
        input_formats=["%Y-%m-%d"],
        error_messages={
            "required": _("Enter the first day of the period."),
            "invalid": _("Enter the first day as a date, e.g. 2026-04-01."),
        },
    )
    date_to = forms.DateField(
        label=_("To"),
        widget=DateInput(),
        input_formats=["%Y-%m-%d"],
        error_messages={
            "required": _("Enter the last day of the period."),
            "invalid": _("Enter the last day as a date, e.g. 2026-04-30."),
        },
    )
    campaign = forms.ModelChoiceField(
        label=_("Campaign"),
        queryset=CampaignPage.objects.none(),
        required=False,
        empty_label=_("All campaigns"),
        error_messages={"invalid_choice": _("Choose a campaign from the list.")},
    )

    def __init__(self, data=None, **kwargs):
        date_from, date_to = default_range()
        if data is not None and not any(data.get(k) for k in ("date_from", "date_to", "campaign")):
            data = None  # the first visit: show the default period without errors
        elif data is not None:
            # A campaign chosen without dates (e.g. a bookmarked address): the default period.
            data = data.copy()
            data.setdefault("date_from", date_from.isoformat())
            data.setdefault("date_to", date_to.isoformat())
        super().__init__(data, initial={"date_from": date_from, "date_to": date_to}, **kwargs)
        self.fields["campaign"].queryset = CampaignPage.objects.originals().order_by(
            "-starts_at", "title"
        )

    def full_clean(self):
        super().full_clean()
        # Tie each message to its field for screen readers.
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"{self[name].auto_id}_error"}
                )

    def clean_date_from(self):
        return self._in_bounds(self.cleaned_data["date_from"])

    def clean_date_to(self):
        return self._in_bounds(self.cleaned_data["date_to"])

    def _in_bounds(self, value):
        if not EARLIEST <= value <= LATEST:
            raise forms.ValidationError(
                _("Enter a date between %(earliest)s and %(latest)s.")
                % {"earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat()}
            )
        return value

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("The last day must be the same as or after the first day."))
        return cleaned

    def values(self):
        """(date_from, date_to, campaign): the cleaned values, or the defaults when the
        form was not submitted."""
        if self.is_bound:
            data = self.cleaned_data
            return data["date_from"], data["date_to"], data.get("campaign")
        return (*default_range(), None)


class TrackingLinkForm(WagtailAdminModelForm):
    """Says which UTM values an empty field stands for (TrackingLink.utm_values)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        hints = {
            "utm_source": _("Empty: the channel, e.g. instagram."),
            "utm_medium": _("Empty: set by the channel (%(examples)s).")
            % {"examples": ", ".join(sorted(set(CHANNEL_MEDIUM.values())))},
            "utm_campaign": _("Empty: the campaign's code."),
            "utm_content": _("Empty: the creator's handle."),
        }
        for name, hint in hints.items():
            if name in self.fields:
                self.fields[name].help_text = hint
        if "code" in self.fields:
            self.fields["code"].widget.attrs.setdefault("autocomplete", "off")
