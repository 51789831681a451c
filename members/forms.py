"""The registration wizard's steps and the member's own forms. Every form declares its
fields: anything else a request carries (is_staff, member_number, ...) is ignored."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from core.abuse import HoneypotTimeTrapForm
from members.choices import AgeBand, Interest, Relationship
from members.names import SingleLineCharField
from members.residence import ResidenceFields


class RelationshipStep(forms.Form):
    title = _("Your connection to the city")
    relationships = forms.MultipleChoiceField(
        label=_("How are you connected to the city?"),
        help_text=_("Choose all that apply."),
        choices=Relationship.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one.")},
    )
    relationship_note = forms.CharField(
        label=_("If you chose “Other”, tell us briefly"),
        max_length=200,
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        require_note_for_other(self, cleaned)
        return cleaned


def require_note_for_other(form, cleaned):
    if (
        Relationship.OTHER in (cleaned.get("relationships") or [])
        and not cleaned.get("relationship_note", "").strip()
    ):
        form.add_error("relationship_note", _("Tell us how you are connected."))


class NameFields(forms.Form):
    last_name = SingleLineCharField(
        label=_("Family name"),
        max_length=60,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    first_name = SingleLineCharField(
        label=_("Given name"),
        max_length=60,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    name_kana = SingleLineCharField(
        label=_("Name in kana (optional)"),
        max_length=80,
        required=False,
        help_text=_("For example: トマコマイ ハナコ"),
    )
    age_band = forms.ChoiceField(label=_("Age"), choices=[("", "—"), *AgeBand.choices])


class ProfileStep(NameFields, ResidenceFields, HoneypotTimeTrapForm):
    """Name, residence and age; and e-mail and password when no one is logged in."""

    title = _("About you")
    LOGIN_PASSWORD = "password"
    LOGIN_CODE = "code"

    email = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send a link to confirm it. Your membership starts once you do."),
    )
    login_method = forms.ChoiceField(
        label=_("How do you want to log in?"),
        choices=[
            (LOGIN_PASSWORD, _("With a password")),
            (LOGIN_CODE, _("With a one-time code sent by e-mail (no password)")),
        ],
        initial=LOGIN_PASSWORD,
        widget=forms.RadioSelect,
    )
    password1 = forms.CharField(
        label=_("Password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not only digits, not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    field_order = [
        "last_name",
        "first_name",
        "name_kana",
        "email",
        "login_method",
        "password1",
        "password2",
        "residence_prefecture",
        "residence_municipality",
        "age_band",
    ]

    def __init__(self, *args, with_account=True, password_chosen=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.password_chosen = password_chosen
        if not with_account:
            for name in ("email", "login_method", "password1", "password2"):
                del self.fields[name]
        elif password_chosen:
            self.fields["password1"].help_text = _(
                "Leave both empty to keep the password you chose."
            )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        if "login_method" not in self.fields:
            return cleaned
        if cleaned.get("login_method") == self.LOGIN_PASSWORD:
            password = cleaned.get("password1") or ""
            if not password and not cleaned.get("password2") and self.password_chosen:
                pass  # chosen earlier; the wizard keeps only its hash
            elif not password:
                self.add_error("password1", _("Choose a password, or log in by e-mailed code."))
            elif password != cleaned.get("password2"):
                self.add_error("password2", _("The two passwords are not the same."))
            else:
                from members.models import User

                probe = User(
                    email=cleaned.get("email", ""),
                    first_name=cleaned.get("first_name", ""),
                    last_name=cleaned.get("last_name", ""),
                )
                try:
                    password_validation.validate_password(password, probe)
                except forms.ValidationError as error:
                    self.add_error("password1", error)
        return cleaned


class InterestsStep(forms.Form):
    title = _("Interests and newsletter")
    interests = forms.MultipleChoiceField(
        label=_("What are you interested in?"),
        help_text=_("Optional. We use it to tell you about what matters to you."),
        choices=Interest.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    newsletter = forms.BooleanField(
        label=_("Send me the newsletter by e-mail"),
        required=False,
        initial=False,
    )
    national_registration_id = forms.CharField(
        label=_("National furusato resident registration ID (optional)"),
        help_text=_(
            "Only if the national system has already given you one. Never enter your "
            "My Number (individual number)."
        ),
        max_length=40,
        required=False,
    )

    def clean_national_registration_id(self):
        value = self.cleaned_data["national_registration_id"].strip()
        digits = "".join(ch for ch in value if ch.isdigit())
        # A 12-digit number is what a My Number looks like: never store one.
        if len(digits) == 12 and len(value.replace("-", "").replace(" ", "")) == 12:
            raise forms.ValidationError(
                _("This looks like a My Number. Please do not enter your My Number.")
            )
        return value


class ConsentStep(forms.Form):
    title = _("Check and agree")
    consent = forms.BooleanField(
        label=_("I have read the privacy policy and agree to it"),
        error_messages={"required": _("Please agree to the privacy policy to register.")},
    )


class ProfileForm(NameFields, ResidenceFields):
    """What a member changes on My page."""

    relationships = RelationshipStep.base_fields["relationships"]
    relationship_note = RelationshipStep.base_fields["relationship_note"]
    interests = InterestsStep.base_fields["interests"]
    newsletter = InterestsStep.base_fields["newsletter"]
    national_registration_id = InterestsStep.base_fields["national_registration_id"]

    clean_national_registration_id = InterestsStep.clean_national_registration_id

    def clean(self):
        cleaned = super().clean()
        require_note_for_other(self, cleaned)
        return cleaned


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account and personal data will be erased"),
        error_messages={"required": _("Tick the box to confirm.")},
    )


class ConsentForm(ConsentStep):
    pass


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Check-in code"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
