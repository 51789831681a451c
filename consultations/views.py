"""Public views: the consultation page's form → confirmation → thank-you, and the person's
thread (by signed link, or from My page for the logged-in owner)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from consultations import services, working_days
from consultations.forms import ConsultationForm, PersonReplyForm
from consultations.models import Attachment, Consultation, Message
from core.abuse import within_rate_limit
from core.responses import make_private, private_view


def _privacy_version(request):
    from home.models import SiteSettings

    site_settings = SiteSettings.for_request(request)
    return getattr(site_settings, "privacy_policy_version", ""), getattr(
        site_settings, "privacy_policy_page", None
    )


def serve_consultation_page(page, request):
    """GET: the form. POST action=confirm: the confirmation step; action=back: the form with
    the entries; action=send: store once per token and show the reference number."""
    step = "form"
    extra = {}
    if request.method == "POST":
        action = request.POST.get("action")
        form = ConsultationForm(data=request.POST)
        if action == "send":
            signed = request.POST.get("submission_token", "")
            # Looked up whatever its age: a reload days later still shows the same page.
            token = services.read_submission_token(signed, max_age=None)
            existing = (
                Consultation.objects.filter(submission_token=token).first() if token else None
            )
            if existing is not None:  # a double click or a reload
                step, extra = "thanks", {"consultation": existing}
            elif services.read_submission_token(signed) is None:
                form.is_valid()
                form.add_error(None, _("This form has expired. Please check your entries."))
            elif form.is_valid():
                if not within_rate_limit(request, "consultation_submit"):
                    # The confirmation step again, with what the person typed and the same
                    # token: sending again later stores it once.
                    extra = {
                        "summary": form.summary(),
                        "hidden": _hidden_pairs(form),
                        "submission_token": signed,
                        "limited": True,
                    }
                    response = _render(page, request, form, "confirm", status=429, **extra)
                    return make_private(response, hide_from_search=True)
                version, _page = _privacy_version(request)
                consultation, _created = services.submit_consultation(
                    form.cleaned_data,
                    user=request.user,
                    language=translation.get_language() or "ja",
                    token=token,
                    privacy_version=version,
                )
                step, extra = "thanks", {"consultation": consultation}
        elif action == "confirm" and form.is_valid():
            step = "confirm"
            extra = {
                "summary": form.summary(),
                "hidden": _hidden_pairs(form),
                "submission_token": services.new_submission_token(),
            }
        elif action != "confirm":
            form.errors.clear()  # "back": the entries, without errors
            form.cleaned_data = {}
    else:
        initial = {}
        if request.user.is_authenticated:
            initial = {"name": request.user.get_full_name(), "email": request.user.email}
        form = ConsultationForm(initial=initial)
    # Search engines may index the empty form (the city wants it found); every answer to a
    # POST (entries, confirmation, reference number) stays out of them.
    hide = request.method == "POST"
    return make_private(_render(page, request, form, step, **extra), hide_from_search=hide)


def _hidden_pairs(form):
    names = (*ConsultationForm.PUBLIC_FIELDS, *ConsultationForm.TRAP_FIELDS)
    return [(name, value) for name in names for value in form.data.getlist(name)]


def _render(page, request, form, step, status=200, **extra):
    context = page.get_context(request)
    _version, policy_page = _privacy_version(request)
    context.update(
        {
            "form": form,
            "step": step,
            "privacy_policy_page": policy_page,
            "response_days": services.response_days(),
            "desk_closed_days": working_days.desk_closed_days(),
            **extra,
        }
    )
    return TemplateResponse(request, page.get_template(request), context, status=status)


# -- the person's thread --------------------------------------------------------------------
def _thread_response(request, consultation, base_url, attachment_url_name, url_arg):
    if request.method == "POST":
        form = PersonReplyForm(request.POST, request.FILES)
        if not within_rate_limit(request, "consultation_reply"):
            form.is_valid()
            form.add_error(None, _("Too many answers in a short time. Please try again later."))
            status = 429
        elif form.is_valid():
            files = [form.cleaned_data["attachment"]] if form.cleaned_data["attachment"] else []
            services.person_reply(consultation, form.cleaned_data["message"], files)
            messages.success(request, _("Your answer has been sent to the desk."))
            return HttpResponseRedirect(base_url, status=303)
        else:
            status = 400
    else:
        form = PersonReplyForm()
        status = 200
    thread = (
        consultation.messages.exclude(kind=Message.Kind.NOTE)
        .prefetch_related("attachments")
        .order_by("created_at", "pk")
    )
    context = {
        "consultation": consultation,
        "thread": thread,
        "form": form,
        "attachment_url_name": attachment_url_name,
        "url_arg": url_arg,
    }
    return TemplateResponse(request, "consultations/thread.html", context, status=status)


# The thread and its files are reached by a private link: personal, and kept out of search
# engines should the link ever be published.
@private_view(hide_from_search=True)
def thread(request, token):
    consultation = services.consultation_from_token(token)
    if consultation is None:
        raise Http404
    return _thread_response(
        request, consultation, request.path, "consultations:thread_attachment", token
    )


@private_view(hide_from_search=True)
@login_required
def my_thread(request, reference):
    consultation = get_object_or_404(
        Consultation, reference=reference, user=request.user, anonymized_at__isnull=True
    )
    return _thread_response(
        request, consultation, request.path, "consultations:my_attachment", reference
    )


def _person_attachment(consultation, pk):
    attachment = get_object_or_404(
        Attachment.objects.exclude(message__kind=Message.Kind.NOTE),
        pk=pk,
        message__consultation=consultation,
    )
    return FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name
    )


@private_view(hide_from_search=True)
def thread_attachment(request, token, pk):
    consultation = services.consultation_from_token(token)
    if consultation is None:
        raise Http404
    return _person_attachment(consultation, pk)


@private_view(hide_from_search=True)
@login_required
def my_attachment(request, reference, pk):
    consultation = get_object_or_404(
        Consultation, reference=reference, user=request.user, anonymized_at__isnull=True
    )
    return _person_attachment(consultation, pk)
