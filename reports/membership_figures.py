"""The furusato residents' figures for a period in Japan time, as the staff page and its CSV
show them: registrations of the period by status, and the members active at the end of the
period (and those among them who became active in it) by relationship, interest, prefecture,
age and tier.

"Active at the end" and "new in the period" are reports.figures.persona()'s definitions, but
the counts here are exact and by prefecture: the page is for staff who may see each member's
record, while persona() suppresses small cells and groups regions for a published report."""

import csv
import io

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from home.csv_export import safe_cell
from members.choices import AgeBand, Interest, Relationship, Tier
from members.models import Membership
from members.residence import prefecture_choices


def _counts(members, new_q, column):
    """{value of column: (members, new)} in one grouped query."""
    return {
        row[column]: (row["n"], row["new"])
        for row in members.values(column)
        .annotate(n=Count("pk"), new=Count("pk", filter=new_q))
        .order_by()
    }


def _code_counts(members, new_q, field, choices):
    """[(label, members, new)] of a several-choices field, in one aggregate query."""
    aggregates = {}
    for code, _label in choices:
        chosen = Q(**{f"{field}__contains": f",{code},"})
        aggregates[f"n_{code}"] = Count("pk", filter=chosen)
        aggregates[f"new_{code}"] = Count("pk", filter=chosen & new_q)
    counts = members.aggregate(**aggregates)
    return [(str(label), counts[f"n_{code}"], counts[f"new_{code}"]) for code, label in choices]


def membership_figures(period):
    start, end = period.bounds()
    registered = Membership.objects.filter(registered_at__gte=start, registered_at__lt=end)
    by_status = dict(registered.values_list("status").annotate(n=Count("pk")).order_by())
    members = Membership.objects.filter(
        status=Membership.Status.ACTIVE, activated_at__isnull=False, activated_at__lt=end
    )
    new_q = Q(activated_at__gte=start)
    prefecture_names = dict(prefecture_choices())
    prefectures = sorted(
        (
            (prefecture_names.get(code, code or "—"), n, new)
            for code, (n, new) in _counts(members, new_q, "residence_prefecture").items()
        ),
        key=lambda row: (-row[1], row[0]),
    )
    ages = _counts(members, new_q, "age_band")
    tiers = _counts(members, new_q, "tier")
    totals = members.aggregate(n=Count("pk"), new=Count("pk", filter=new_q))
    return {
        "period": period,
        "statuses": [
            (str(label), by_status.get(code, 0)) for code, label in Membership.Status.choices
        ],
        "registered": sum(by_status.values()),
        "total": (totals["n"], totals["new"]),
        "relationships": _code_counts(members, new_q, "relationships", Relationship.choices),
        "interests": _code_counts(members, new_q, "interests", Interest.choices),
        "prefectures": prefectures,
        "ages": [(str(label), *ages.get(code, (0, 0))) for code, label in AgeBand.choices],
        "tiers": [(str(label), *tiers.get(code, (0, 0))) for code, label in Tier.choices],
    }


def write_csv(out, data):
    """One row per figure: section, item, members at the end of the period, new in it."""
    writer = csv.writer(out)
    period = data["period"]
    writer.writerow([_("Section"), _("Item"), _("Members"), _("New in the period")])
    writer.writerow(
        [_("Period"), safe_cell(f"{period.start.isoformat()} – {period.end.isoformat()}"), "", ""]
    )
    for label, n in data["statuses"]:
        writer.writerow([_("Registered in the period, by status"), safe_cell(label), n, ""])
    writer.writerow([_("Active members"), _("Total"), *data["total"]])
    sections = [
        (_("By relationship"), data["relationships"]),
        (_("By interest"), data["interests"]),
        (_("By prefecture"), data["prefectures"]),
        (_("By age"), data["ages"]),
        (_("By tier"), data["tiers"]),
    ]
    for title, rows in sections:
        for label, n, new in rows:
            writer.writerow([safe_cell(title), safe_cell(label), n, new])


def csv_text(data):
    out = io.StringIO()
    write_csv(out, data)
    return "\ufeff" + out.getvalue()  # BOM: Excel opens UTF-8 Japanese correctly
