"""The figures of a period as blocks (tables and charts) in the sections of the city's
specification (6): (1) the consultation desk, (2) the Entry Pass, (3) the furusato resident
registration and its support, (4) the promotion, (5) the portal, then effects and analysis,
then next year's plan. The KPI dashboard and the report render the same blocks with the same
templates and chart code; a report freezes them in its snapshot (JSON).

A block is a dict: {"type": "table", "id", "title", "columns", "rows", "note"} or
{"type": "chart", "id", "chart": "bar|barh|line|stacked", "title", "description",
"categories", "series": [{"name", "values"}], "unit", "note"}. Texts are in the active
language: build under `translation.override(language)`."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from reports import figures, periods
from reports.models import KPI, KPITarget, Section


def month_label(month):
    year, number = month
    return _("%(year)d-%(month)02d") % {"year": year, "month": number}


def table(block_id, title, columns, rows, note=""):
    return {
        "type": "table",
        "id": block_id,
        "title": title,
        "columns": [str(c) for c in columns],
        "rows": [list(row) for row in rows],
        "note": note,
    }


def chart(block_id, kind, title, description, categories, series, unit="", note=""):
    return {
        "type": "chart",
        "id": block_id,
        "chart": kind,
        "title": title,
        "description": description,
        "categories": [str(c) for c in categories],
        "series": [{"name": str(name), "values": list(values)} for name, values in series],
        "unit": unit,
        "note": note,
    }


def _number(value):
    return value if isinstance(value, int) else None


class Figures:
    """Everything a period's blocks need, computed once."""

    def __init__(self, period):
        self.period = period
        self.kpis = {row["code"]: row for row in figures.kpi_table(period)}

    def kpi_rows(self, codes):
        rows = []
        for code in codes:
            row = self.kpis[code]
            rows.append(
                [
                    row["label"],
                    row["actual"],
                    row["target"],
                    f"{row['rate']:.1f}%" if row["rate"] is not None else None,
                ]
            )
        return rows

    def kpi_block(self, block_id, title, codes):
        return table(
            block_id,
            title,
            [_("KPI"), _("Actual"), pgettext("KPI", "Target"), _("Achieved")],
            self.kpi_rows(codes),
        )

    def trend(self, code, block_id=None):
        """A KPI's months, actual against target."""
        row = self.kpis[code]
        months = row["months"]
        series = [(_("Actual"), [actual for _m, actual, _t in months])]
        if any(target is not None for _m, _a, target in months):
            series.append((pgettext("KPI", "Target"), [target for _m, _a, target in months]))
        return chart(
            block_id or f"trend-{code}",
            "bar",
            _("%(kpi)s by month") % {"kpi": row["label"]},
            _("%(kpi)s in each month of %(period)s, actual against the monthly target.")
            % {"kpi": row["label"], "period": self.period.label},
            [month_label(m) for m, _a, _t in months],
            series,
        )


def _persona_blocks(period):
    data = figures.persona(period)
    titles = {
        "relationship": _("Furusato residents by relationship to the city"),
        "age": _("Furusato residents by age"),
        "region": _("Furusato residents by region of residence"),
        "tier": _("Furusato residents by tier"),
        "interest": _("Furusato residents by interest"),
    }
    columns = [_("Group"), _("Members at the end of the period"), _("New in the period")]
    note = _(
        "Groups of fewer than 5 people are shown as <5; x hides a figure from which a hidden "
        "one could be worked out."
    )
    blocks = []
    for key, title in titles.items():
        rows = data[key]
        if key in ("relationship", "region"):
            blocks.append(
                chart(
                    f"persona-{key}-chart",
                    "barh",
                    title,
                    _(
                        "Members at the end of %(period)s in each group; "
                        "groups under five are left out."
                    )
                    % {"period": period.label},
                    [label for label, _n, _new in rows],
                    [(_("Members"), [_number(n) for _label, n, _new in rows])],
                )
            )
        blocks.append(table(f"persona-{key}", title, columns, rows, note))
    return blocks


def _entry_pass_effect(period):
    """What the people who got an Entry Pass in the period did afterwards."""
    from django.apps import apps
    from django.db.models import Exists, OuterRef

    from reports import entry_pass

    start, end = period.bounds()
    issued = apps.get_model("passes.Pass").objects.filter(
        user=OuterRef("pk"), issued_at__gte=start, issued_at__lt=end
    )
    holders = apps.get_model(settings.AUTH_USER_MODEL).objects.filter(Exists(issued))
    total, rows = entry_pass.effect(holders)
    return table(
        "entry-pass-effect",
        _("What Entry Pass holders did next"),
        [_("After their first pass"), _("People"), _("Share")],
        [
            (title, count, f"{share}%")
            if count == 0 or count >= figures.SMALL_CELL
            # The share and the total would give the hidden count back.
            else (title, "<5", figures.SECONDARY)
            for title, count, share in rows
        ],
        _("Of %(total)s people who got an Entry Pass in the period.") % {"total": f"{total:,}"},
    )


def build(period, figures_of_period=None):
    """[{"key", "title", "blocks"}] for the seven sections, in order."""
    data = figures_of_period or Figures(period)
    label = period.label
    sections = {key: [] for key in Section.values}

    # (1) The consultation desk
    channel_rows = figures.consultations_by_channel(period)
    by_month = figures.consultations_by_month(period)
    from consultations.models import Channel

    sections[Section.CONSULTATIONS] += [
        data.kpi_block(
            "kpi-consultations",
            _("Consultations against the targets"),
            [KPI.CONSULTATIONS, KPI.CONSULTATIONS_DESK, KPI.CONSULTATIONS_EVENT],
        ),
        chart(
            "consultations-by-month",
            "stacked",
            _("Consultations by month and channel"),
            _("Consultations received in each month of %(period)s, by channel.")
            % {"period": label},
            [month_label(m) for m in period.months()],
            [
                (lab, [by_month[m].get(code, 0) for m in period.months()])
                for code, lab in Channel.choices
            ],
        ),
        table(
            "consultations-by-channel",
            _("Consultations by channel (総務省 survey channels)"),
            [_("Channel"), _("At the desk"), _("At events"), _("Total")],
            channel_rows,
        ),
        table(
            "consultations-by-topic",
            _("Consultations by topic"),
            [_("Topic"), _("Consultations")],
            figures.consultations_by_topic(period),
            _("A consultation about several topics counts once for each."),
        ),
    ]

    # (2) The Entry Pass
    partners = figures.uses_by_partner(period)
    categories = figures.uses_by_category(period)
    sections[Section.ENTRY_PASS] += [
        data.kpi_block(
            "kpi-entry-pass",
            _("The Entry Pass against the targets"),
            [KPI.PASSES_ISSUED, KPI.OFFER_USES, KPI.ACTIVE_PARTNERS],
        ),
        data.trend(KPI.OFFER_USES),
        chart(
            "uses-by-category",
            "barh",
            _("Offer uses by partner category"),
            _("Offer uses in %(period)s at partners of each category.") % {"period": label},
            [c for c, _n in categories],
            [(_("Uses"), [n for _c, n in categories])],
        ),
        table(
            "uses-by-partner",
            _("Offer uses by partner"),
            [_("Partner"), _("Category"), _("Uses"), _("Passes used")],
            partners,
        ),
    ]

    # (3) Registration and support
    sections[Section.REGISTRATION] += [
        data.kpi_block(
            "kpi-registration",
            _("Registration and activities against the targets"),
            [
                KPI.REGISTRATIONS_BASIC,
                KPI.REGISTRATIONS_PREMIUM,
                KPI.ACTIVE_MEMBERS,
                KPI.ATTENDANCES,
                KPI.PREMIUM_REACHED,
            ],
        ),
        data.trend(KPI.REGISTRATIONS_BASIC),
        data.trend(KPI.ATTENDANCES),
        *_persona_blocks(period),
    ]

    # (4) Promotion
    campaign_rows = figures.campaigns(period)
    columns = [_("Name"), _("Clicks"), _("Unique visitors"), _("Conversions"), _("Conversion rate")]

    def campaign_table(block_id, title, rows):
        return table(
            block_id,
            title,
            columns,
            [
                [row.name, row.clicks, row.visitors, row.total, row.rate_percent or None]
                for row in rows
            ],
            _("Clicks are arrivals, not results: conversions are what visitors did afterwards."),
        )

    channels = campaign_rows["channel"]
    sections[Section.PROMOTION] += [
        data.kpi_block("kpi-promotion", _("Promotion against the targets"), [KPI.CONVERSIONS]),
        chart(
            "conversions-by-channel",
            "barh",
            _("Conversions by promotion channel"),
            _(
                "Registrations, passes, uses, consultations and sign-ups "
                "that each channel brought in %(period)s."
            )
            % {"period": label},
            [row.name for row in channels],
            [(_("Conversions"), [row.total for row in channels])],
        ),
        campaign_table("campaigns", _("Campaigns"), campaign_rows["campaign"]),
        campaign_table("channels", _("Promotion channels"), channels),
        campaign_table("creators", _("Creators"), campaign_rows["creator"]),
    ]

    # (5) The portal
    names = dict(settings.LANGUAGES)

    sections[Section.PORTAL] += [
        data.kpi_block("kpi-portal", _("The portal against the targets"), [KPI.VISITS]),
        data.trend(KPI.VISITS),
        table(
            "views-by-language",
            _("Page views by language"),
            [_("Language"), _("Page views")],
            [(names.get(code, code), n) for code, n in figures.page_views_by(period, "language")],
        ),
        table(
            "views-by-section",
            _("Page views by section"),
            [_("Section"), _("Page views")],
            [(code or _("Home page"), n) for code, n in figures.page_views_by(period, "section")],
        ),
        table(
            "top-pages",
            _("Most viewed pages"),
            [_("Page"), _("Page views")],
            figures.top_pages(period),
            _("Counted on the site itself: no cookie, no IP address; bots and previews excluded."),
        ),
    ]

    # Effects and analysis
    funnel = figures.funnel(period, {code: row["actual"] for code, row in data.kpis.items()})
    sections[Section.ANALYSIS] += [
        data.kpi_block("kpi-all", _("Every KPI against its target"), KPI.values),
        chart(
            "funnel",
            "barh",
            _("From a visit to a relationship"),
            _(
                "Page views, tracking-link clicks, passes, offer uses, registrations, "
                "activity sign-ups and consultations in %(period)s."
            )
            % {"period": label},
            [step for step, _n in funnel],
            [(_("Number"), [n for _step, n in funnel])],
        ),
        table(
            "funnel-table", _("From a visit to a relationship"), [_("Step"), _("Number")], funnel
        ),
        _entry_pass_effect(period),
    ]

    # Next year's plan: the next fiscal year's targets, when the city has set them.
    next_year = period.fiscal_year_number + 1
    targets = {t.kpi: t.annual for t in KPITarget.objects.filter(fiscal_year=next_year)}
    if targets:
        sections[Section.PLAN].append(
            table(
                "next-year-targets",
                _("Targets for FY%(year)d") % {"year": next_year},
                [_("KPI"), pgettext("KPI", "Target")],
                [(str(kpi.label), targets[kpi]) for kpi in KPI if kpi in targets],
            )
        )

    return [
        {"key": key, "title": str(title), "blocks": sections[key]} for key, title in Section.choices
    ]


def period_from_dict(data):
    return periods.Period.from_dict(data)
