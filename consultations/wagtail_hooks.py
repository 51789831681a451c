"""The staff inbox: one "Consultations" menu item for whoever may view consultations."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSet

from consultations import admin_views
from core.admin_views import menu_item_class_shown_to


class ConsultationInboxViewSet(ViewSet):
    name = "consultations_admin"
    url_prefix = "consultations"
    menu_label = _("Consultations")
    menu_name = "consultations"
    menu_icon = "mail"
    menu_order = 250
    add_to_admin_menu = True
    menu_item_class = menu_item_class_shown_to(admin_views.VIEW)

    @property
    def menu_url(self):
        return reverse("consultations_admin:index")

    def get_urlpatterns(self):
        return [
            path("", admin_views.index, name="index"),
            path("new/", admin_views.create, name="create"),
            path("files/<int:pk>/", admin_views.attachment, name="attachment"),
            path("<int:pk>/", admin_views.detail, name="detail"),
            path("<int:pk>/<str:action>/", admin_views.act, name="act"),
        ]


@hooks.register("register_admin_viewset")
def register_consultation_inbox():
    return ConsultationInboxViewSet()
