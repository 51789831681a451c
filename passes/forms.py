from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from core import japan_time
from core.abuse import HoneypotTimeTrapForm
from members.residence import ResidenceFields
from passes.models import Purpose
from passes.services import lives_in_city, max_stay_days


class DateInput(forms.DateInput):
    input_type = "date"


class PassApplicationForm(ResidenceFields, HoneypotTimeTrapForm):
    """The Entry Pass application. `email`/`password` only for visitors without an account."""

    stay_from = forms.DateField(label=_("First day of your stay"), widget=DateInput)
    stay_until = forms.DateField(label=_("Last day of your stay"), widget=DateInput)
    purpose = forms.ChoiceField(
        label=_("Purpose of your stay"), choices=Purpose.choices, widget=forms.RadioSelect
    )
    party_size = forms.IntegerField(
        label=_("Number of people in your party"),
        min_value=1,
        max_value=20,
        initial=1,
        help_text=_("Including you. The offers are for the pass holder's party."),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("We send a link to confirm it. Your pass starts working once you confirm."),
    )
    password = forms.CharField(
        label=_("Password (optional)"),
        required=False,
        strip=False,
        min_length=10,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_(
            "At least 10 characters; a longer passphrase is best. Without a password you log "
            "in with a code we e-mail you."
        ),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.is_authenticated:
            del self.fields["email"]
            del self.fields["password"]
        else:
            self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["party_size"].widget.attrs["inputmode"] = "numeric"

    def clean_password(self):
        """The same strength check as everywhere else a password is chosen."""
        password = self.cleaned_data.get("password") or ""
        if password:
            from django.contrib.auth import get_user_model, password_validation

            probe = get_user_model()(email=self.cleaned_data.get("email", ""))
            password_validation.validate_password(password, probe)
        return password

    def clean_residence_municipality(self):
        municipality = self.cleaned_data.get("residence_municipality")
        if lives_in_city(municipality):
            raise forms.ValidationError(
                _(
                    "The Entry Pass is for visitors who live outside the city. Residents can "
                    "use the city's own services instead."
                )
            )
        return municipality

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("stay_from"), cleaned.get("stay_until")
        today = japan_time.today()
        if start and end:
            if end < start:
                self.add_error("stay_until", _("The last day must be on or after the first day."))
            elif end < today:
                self.add_error("stay_until", _("This stay is over. Enter a stay from today on."))
            elif (end - start).days + 1 > max_stay_days():
                self.add_error(
                    "stay_until",
                    _("A pass covers at most %(days)d days. Apply again for a later stay.")
                    % {"days": max_stay_days()},
                )
            if start > today + timedelta(days=365):
                self.add_error("stay_from", _("Apply at most a year before your stay."))
        return cleaned


class PartnerCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Partner code"),
        max_length=12,
        help_text=_("The code printed under the QR code on the partner's poster."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            {"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        )


class UseOfferForm(forms.Form):
    """The visitor's Use button: which offer, and the signed nonce that makes a double tap
    harmless."""

    offer = forms.IntegerField(widget=forms.HiddenInput)
    nonce = forms.CharField(widget=forms.HiddenInput)


class StaffUseForm(forms.Form):
    code = forms.CharField(
        label=_("Visitor's pass code"),
        max_length=20,
        help_text=_("Scan the QR code on the visitor's pass, or type the code under it."),
    )
    offer = forms.TypedChoiceField(
        label=_("Offer"), coerce=int, widget=forms.RadioSelect, empty_value=None
    )
    nonce = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, offers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].choices = [(o.pk, o.title) for o in offers]
        if len(self.fields["offer"].choices) == 1:
            self.fields["offer"].initial = self.fields["offer"].choices[0][0]
        self.fields["code"].widget.attrs.update(
            {"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        )
