"""The furusato residents' figures for a period in Japan time, as the staff page and its CSV
show them: registrations of the period by status, and the members active at the end of the
period (and those among them who became active in it) by relationship, interest, prefecture,
age and tier.

The counts are reports.figures.persona()'s, exact: the page is for staff who may see each
member's record, while a published report suppresses small cells."""

import csv
import io

from django.db.models import Count
from django.utils.translation import gettext as _

from core.csv_export import for_excel, safe_cell
from members.models import Membership
from reports import figures


def membership_figures(period):
    start, end = period.bounds()
    registered = Membership.objects.filter(registered_at__gte=start, registered_at__lt=end)
    by_status = dict(registered.values_list("status").annotate(n=Count("pk")).order_by())
    persona = figures.persona(period, suppress=False)
    return {
        "period": period,
        "statuses": [
            (str(label), by_status.get(code, 0)) for code, label in Membership.Status.choices
        ],
        "registered": sum(by_status.values()),
        "total": persona["total"],
        "relationships": persona["relationship"],
        "interests": persona["interest"],
        "prefectures": persona["prefecture"],
        "ages": persona["age"],
        "tiers": persona["tier"],
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
    return for_excel(out.getvalue())
