"""Names are one line: a person's name is put into e-mail bodies ("Dear {name},"), CSV rows
and staff screens, so a line break typed or pasted into it would show as a fake header line
("Bcc: …") or a broken row. Every form where a person types a name uses SingleLineCharField."""

import re

from django import forms

# Line breaks, tabs and the other characters Python treats as line or field separators; a run
# of them (with the spaces around) becomes one space. Ideographic spaces stay: 苫小牧　花子.
_BREAK = r"\t\n\v\f\r\x1c-\x1f\x85\u2028\u2029"
_BREAKS = re.compile(rf" *[{_BREAK}][{_BREAK} ]*")


def single_line(text):
    """text on one line: breaks and tabs collapsed into single spaces, ends stripped."""
    if not text:
        return text
    return _BREAKS.sub(" ", text).strip()


class SingleLineCharField(forms.CharField):
    """A CharField for names: whatever was typed or pasted is kept on one line."""

    def to_python(self, value):
        return single_line(super().to_python(value))
