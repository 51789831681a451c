"""The staff inbox in the Wagtail admin: list with filters, detail with the whole thread,
reply, notes, assignment and status, manual entry, attachments (the figures and the survey
CSV are in reports).

Consultation staff hold view/add/change; City editors hold view only (read-only screens).
Every view of a consultation, every change and every export is written to StaffViewLog."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consultations import services
from consultations.forms import (
    InboxFilterForm,
    ManualConsultationForm,
    StaffMessageForm,
    StaffUpdateForm,
)
from consultations.models import Attachment, Consultation, StaffViewLog
from core import japan_time
from core.admin_views import require_permission
from core.responses import make_private
from members.residence import prefecture_name

VIEW = "consultations.view_consultation"
CHANGE = "consultations.change_consultation"
ADD = "consultations.add_consultation"


def index(request):
    require_permission(request, VIEW)
    form = InboxFilterForm(request.GET or None)
    queryset = Consultation.objects.select_related("assignee")
    if form.is_valid():
        queryset = services.filter_consultations(queryset, **form.cleaned_data)
    page = Paginator(queryset, 50).get_page(request.GET.get("p"))
    overdue_ids = set(
        Consultation.objects.filter(services.overdue_q(), pk__in=[c.pk for c in page]).values_list(
            "pk", flat=True
        )
    )
    query = request.GET.copy()
    query.pop("p", None)
    return make_private(
        TemplateResponse(
            request,
            "consultations/admin/index.html",
            {
                "page_title": _("Consultations"),
                "header_icon": "mail",
                "filter_form": form,
                "page_obj": page,
                "overdue_ids": overdue_ids,
                "query": query.urlencode(),
                "can_add": request.user.has_perm(ADD),
            },
        )
    )


def detail(request, pk):
    require_permission(request, VIEW)
    consultation = get_object_or_404(Consultation.objects.select_related("assignee", "user"), pk=pk)
    services.log_staff_action(request.user, consultation, StaffViewLog.Action.VIEW)
    can_change = request.user.has_perm(CHANGE)
    return make_private(
        TemplateResponse(
            request,
            "consultations/admin/detail.html",
            {
                "page_title": _("Consultation %(reference)s")
                % {"reference": consultation.reference},
                "header_icon": "mail",
                "consultation": consultation,
                "prefecture": prefecture_name(consultation.residence_prefecture),
                "thread": consultation.messages.select_related("author").prefetch_related(
                    "attachments"
                ),
                "deliveries": consultation.deliveries.filter(
                    sent_at__isnull=True,
                    attempts__gt=0,
                    attempts__lt=services.MAX_DELIVERY_ATTEMPTS,
                ),
                "given_up": consultation.deliveries.filter(
                    sent_at__isnull=True, attempts__gte=services.MAX_DELIVERY_ATTEMPTS
                ),
                "can_change": can_change,
                "reply_form": StaffMessageForm(prefix="reply"),
                "note_form": StaffMessageForm(prefix="note"),
                "update_form": StaffUpdateForm(
                    initial={
                        "status": consultation.status,
                        "assignee": consultation.assignee_id or "",
                    }
                ),
                "view_logs": consultation.view_logs.select_related("user")[:20],
            },
        )
    )


@require_POST
def act(request, pk, action):
    """reply, note or update; the form errors and the services' refusals (an anonymized
    consultation, a reply without an e-mail address) come back as messages on the detail
    page."""
    require_permission(request, CHANGE)
    consultation = get_object_or_404(Consultation, pk=pk)
    try:
        # Refused before the form and its files are read (services.ensure_changeable).
        services.ensure_changeable(consultation)
        _act(request, consultation, action)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return HttpResponseRedirect(reverse("consultations_admin:detail", args=[pk]))


def _act(request, consultation, action):
    if action in ("reply", "note"):
        form = StaffMessageForm(request.POST, request.FILES, prefix=action)
        if form.is_valid():
            files = [form.cleaned_data["attachment"]] if form.cleaned_data["attachment"] else []
            if action == "reply":
                services.reply_to_person(
                    consultation, form.cleaned_data["body"], staff_user=request.user, files=files
                )
                messages.success(request, _("Your reply has been sent by e-mail."))
            else:
                services.add_note(
                    consultation, form.cleaned_data["body"], staff_user=request.user, files=files
                )
                messages.success(request, _("The internal note has been added."))
        else:
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
    elif action == "update":
        form = StaffUpdateForm(request.POST)
        if form.is_valid():
            try:
                services.update_consultation(
                    consultation,
                    staff_user=request.user,
                    status=form.cleaned_data["status"],
                    assignee=form.cleaned_data["assignee"],
                )
                messages.success(request, _("The consultation has been updated."))
            except ValueError as error:
                messages.error(request, str(error))
        else:
            messages.error(request, _("Choose a status and an assignee from the lists."))
    else:
        raise PermissionDenied


def create(request):
    require_permission(request, ADD)
    if request.method == "POST":
        form = ManualConsultationForm(request.POST)
        if form.is_valid():
            consultation = services.create_manual_consultation(
                form.cleaned_data, staff_user=request.user
            )
            messages.success(
                request,
                _("Consultation %(reference)s has been entered.")
                % {"reference": consultation.reference},
            )
            return HttpResponseRedirect(
                reverse("consultations_admin:detail", args=[consultation.pk])
            )
    else:
        form = ManualConsultationForm(
            initial={"created_at": japan_time.now().strftime("%Y-%m-%dT%H:%M")}
        )
    return make_private(
        TemplateResponse(
            request,
            "consultations/admin/create.html",
            {"page_title": _("Enter a consultation"), "header_icon": "mail", "form": form},
        )
    )


def attachment(request, pk):
    require_permission(request, VIEW)
    item = get_object_or_404(Attachment.objects.select_related("message"), pk=pk)
    services.log_staff_action(
        request.user,
        item.message.consultation,
        StaffViewLog.Action.ATTACHMENT,
        detail=item.original_name,
    )
    return make_private(
        FileResponse(item.file.open("rb"), as_attachment=True, filename=item.original_name)
    )
