"""Protection every public form shares: a cache-backed rate limit, a honeypot and a signed
time trap (no CAPTCHA: it shuts out people using screen readers and costs every visitor).
A form behind a signed personal link (the person's consultation thread) keeps the honeypot and
the rate limit but has no time trap: the link is the proof, and a quick answer is a real one.

Rate limits reuse allauth's limiter, so a form counts clients the way the login does (the
address behind TRUSTED_PROXY_COUNT proxies) and shares its cache (Redis in production). Each
action's rate is in settings.ACCOUNT_RATE_LIMITS, e.g. ``"consultation_submit": "5/600s/ip"``.
"""

import time

from allauth.core import ratelimit
from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

TIME_TRAP_SALT = "tsunagaru.form-started"


def within_rate_limit(request, action, key=None):
    """Count one attempt at `action`; False once the client (or `key`) is over the limit."""
    return ratelimit.consume(request, action=action, key=key)


class HoneypotForm(forms.Form):
    """The honeypot alone, for forms whose link already proves a person: the answer in a
    person's signed thread. It has no time trap, so an answer typed at once is accepted and an
    answer written over a long evening has not expired.

    `website` is hidden from people (CSS and the accessibility tree); bots fill it in.
    Render it with ``{% include "includes/form_traps.html" %}``.
    """

    website = forms.CharField(required=False, label=_("Leave this field empty"))

    TRAP_FIELDS = ("website",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    def clean(self):
        cleaned = super().clean()
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Your message could not be sent. Please try again."))
        return cleaned

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name not in self.TRAP_FIELDS]


class HoneypotTimeTrapForm(HoneypotForm):
    """Mix into a public form: ``class ConsultationForm(HoneypotTimeTrapForm, forms.ModelForm)``.

    The honeypot of HoneypotForm, and `form_started`, a signed time: the first submission of a
    form, sent back faster than a person can fill it in (settings.FORM_TIME_TRAP_SECONDS), or
    after a day, is refused with a message to try again.
    Render both with ``{% include "includes/form_traps.html" %}``.
    """

    form_started = forms.CharField(required=False, widget=forms.HiddenInput)

    TRAP_FIELDS = ("website", "form_started")
    MAX_AGE = 24 * 60 * 60

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["form_started"] = signing.dumps(time.time(), salt=TIME_TRAP_SALT)

    def clean(self):
        cleaned = super().clean()  # the honeypot first
        try:
            started = float(
                signing.loads(
                    self.data.get(self.add_prefix("form_started"), ""),
                    salt=TIME_TRAP_SALT,
                    max_age=self.MAX_AGE,
                )
            )
        except (signing.BadSignature, TypeError, ValueError):
            started = None
        if started is None or time.time() - started > self.MAX_AGE:
            raise forms.ValidationError(
                _("This form has expired. Please check your entries and send it again.")
            ) from None
        if time.time() - started < getattr(settings, "FORM_TIME_TRAP_SECONDS", 3):
            raise forms.ValidationError(
                _("That was faster than we expected. Please check your entries and send again.")
            )
        return cleaned
