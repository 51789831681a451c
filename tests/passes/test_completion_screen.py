"""The completion screen shown at the counter: live (clock, moving band) just after the use only,
and the band stops and respects reduced motion."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from passes import services
from passes.models import Use

pytestmark = pytest.mark.django_db


def test_completion_screen_is_live_only_just_after_the_use(client, counter):
    use = services.redeem_offer(counter["pass"].pk, counter["offer"], via="poster").use
    client.force_login(counter["pass"].user)
    html = client.get(f"/en/pass/done/{use.pk}/").content.decode()
    assert "data-live-clock" in html and "completion__band" in html
    Use.objects.filter(pk=use.pk).update(used_at=timezone.now() - timedelta(minutes=11))
    html = client.get(f"/en/pass/done/{use.pk}/").content.decode()
    assert "data-live-clock" not in html and "completion__band" not in html
    assert "This offer was used at" in html
    client.force_login(counter["staff"].user)
    html = client.get(f"/en/pass/staff/done/{use.pk}/").content.decode()
    assert "data-live-clock" not in html


def test_the_completion_band_stops_and_respects_reduced_motion():
    css = Path(settings.BASE_DIR, "static/css/passes.css").read_text()
    band = re.search(r"\.completion__band \{[^}]*\}", css).group(0)
    assert "infinite" not in band and "linear 30" in band
    reduced = re.search(r"prefers-reduced-motion: reduce\) \{([^\n]*)\}", css).group(1)
    assert ".completion__band" in reduced
