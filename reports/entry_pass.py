"""The Entry Pass figures for the city: issued and active passes, uses by partner, category,
offer, day, hour, residence and purpose, offers nobody used, and the effect (pass holders who
later became furusato residents, joined an activity or consulted). The page counts since the
site started; uses by partner and by category come from reports.figures, as in the report."""

import csv
import logging
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldError
from django.db.models import Count, Exists, OuterRef, Subquery
from django.db.models.functions import ExtractHour
from django.utils.translation import gettext as _

from core import japan_time
from core.csv_export import safe_cell
from members.residence import prefecture_name
from passes.models import Offer, Partner, Pass, PassStatus, Purpose, Use
from reports import figures as cross_app
from reports import periods

logger = logging.getLogger(__name__)

ISSUED = (PassStatus.ACTIVE, PassStatus.EXPIRED, PassStatus.CANCELLED)


def _model(label):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def effect(holders):
    """Share of pass holders who, after their first pass was issued, registered as furusato
    residents, signed up for an activity or consulted. Models not built yet count 0."""
    first_pass = (
        Pass.objects.filter(user=OuterRef("pk"), issued_at__isnull=False)
        .order_by("issued_at")
        .values("issued_at")[:1]
    )
    holders = holders.annotate(first_pass=Subquery(first_pass))
    total = holders.count()
    rows = []
    checks = [
        ("members.Membership", _("Registered as furusato residents"), "user", "registered_at"),
        ("members.ActivitySignup", _("Signed up for an activity"), "user", "created_at"),
        ("consultations.Consultation", _("Consulted the city"), "user", "created_at"),
    ]
    for label, title, user_field, date_field in checks:
        model = _model(label)
        count = 0
        if model is not None:
            try:
                later = model.objects.filter(
                    **{user_field: OuterRef("pk"), f"{date_field}__gt": OuterRef("first_pass")}
                )
                count = holders.filter(Exists(later)).count()
            except FieldError:
                logger.warning("Entry Pass effect: %s has no %s/%s", label, user_field, date_field)
        rows.append((title, count, _share(count, total)))
    return total, rows


def _share(count, total):
    return round(100 * count / total, 1) if total else 0.0


def since_the_start(today=None):
    """The whole life of the site, up to today (Japan time)."""
    today = today or japan_time.today()
    return periods.Period.custom(min(periods.site_start(), today), today)


def figures(today=None, days=30):
    today = today or japan_time.today()
    period = since_the_start(today)
    issued = Pass.objects.filter(status__in=ISSUED, issued_at__isnull=False)
    uses = Use.objects.all()
    purposes = dict(Purpose.choices)

    by_partner = [(name, n) for name, _category, n, _passes in cross_app.uses_by_partner(period)]
    by_category = sorted(cross_app.uses_by_category(period), key=lambda row: -row[1])
    by_offer = [
        (f"{row['partner__name']} — {row['offer__title']}", row["n"])
        for row in uses.values("partner__name", "offer__title")
        .annotate(n=Count("id"))
        .order_by("-n", "partner__name")
    ]
    since = today - timedelta(days=days - 1)
    per_day = dict(
        uses.filter(day__gte=since).values_list("day").annotate(n=Count("id")).order_by()
    )
    by_day = [
        (since + timedelta(days=i), per_day.get(since + timedelta(days=i), 0)) for i in range(days)
    ]
    per_hour = dict(
        uses.annotate(hour=ExtractHour("used_at", tzinfo=japan_time.JST))
        .values_list("hour")
        .annotate(n=Count("id"))
        .order_by()
    )
    by_hour = [(f"{hour:02d}:00", per_hour.get(hour, 0)) for hour in range(24)]
    by_prefecture = [
        (prefecture_name(row["residence_prefecture"]), row["n"], row["uses"])
        for row in issued.values("residence_prefecture")
        .annotate(n=Count("id", distinct=True), uses=Count("uses"))
        .order_by("-n")
    ]
    by_purpose = [
        (purposes.get(row["purpose"], row["purpose"]), row["n"], row["uses"])
        for row in issued.values("purpose")
        .annotate(n=Count("id", distinct=True), uses=Count("uses"))
        .order_by("-n")
    ]
    unused = list(
        Offer.objects.originals()
        .filter(~Exists(Use.objects.filter(offer=OuterRef("pk"))))
        .select_related("partner")
        .order_by("partner__name", "pk")
    )
    holders = apps.get_model(settings.AUTH_USER_MODEL).objects.filter(
        Exists(issued.filter(user=OuterRef("pk")))
    )
    holder_count, effect_rows = effect(holders)
    return {
        "issued": issued.count(),
        "active": Pass.objects.filter(status=PassStatus.ACTIVE, valid_until__gte=today).count(),
        "uses": uses.count(),
        "partners": Partner.objects.originals().filter(active=True).count(),
        "period": period,
        "by_partner": by_partner,
        "by_category": by_category,
        "by_offer": by_offer,
        "by_day": by_day,
        "by_hour": by_hour,
        "by_prefecture": by_prefecture,
        "by_purpose": by_purpose,
        "unused": unused,
        "holders": holder_count,
        "effect": effect_rows,
    }


def write_csv(out, data):
    writer = csv.writer(out)
    writer.writerow([_("Section"), _("Item"), _("Count"), _("Extra")])
    writer.writerow([_("Passes"), _("Issued"), data["issued"], ""])
    writer.writerow([_("Passes"), _("Active"), data["active"], ""])
    writer.writerow([_("Uses"), _("Total"), data["uses"], ""])
    sections = [
        (_("Uses by partner"), data["by_partner"]),
        (_("Uses by category"), data["by_category"]),
        (_("Uses by offer"), data["by_offer"]),
        (_("Uses by day"), [(d.isoformat(), n) for d, n in data["by_day"]]),
        (_("Uses by hour (Japan time)"), data["by_hour"]),
    ]
    for title, rows in sections:
        for label, count in rows:
            writer.writerow([safe_cell(title), safe_cell(label), count, ""])
    for title, rows in [
        (_("Passes and uses by prefecture"), data["by_prefecture"]),
        (_("Passes and uses by purpose"), data["by_purpose"]),
    ]:
        for label, count, used in rows:
            writer.writerow([safe_cell(title), safe_cell(label), count, used])
    for offer in data["unused"]:
        writer.writerow(
            [_("Offers nobody used"), safe_cell(f"{offer.partner.name} — {offer.title}"), 0, ""]
        )
    for title, count, share in data["effect"]:
        writer.writerow([_("Effect"), safe_cell(title), count, f"{share}%"])
