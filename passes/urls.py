"""URLs of the passes app (inside the language prefix: /ja/pass/..., /en/pass/...)."""

from django.urls import path

from passes import views

app_name = "passes"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("apply/", views.apply, name="apply"),
    path("apply/sent/", views.apply_sent, name="apply_sent"),
    path("code.json", views.code_json, name="code"),
    path("cancel/", views.cancel, name="cancel"),
    path("use/", views.partner_code, name="partner_code"),
    path("p/<str:token>/", views.partner_offers, name="partner"),
    path("done/<int:use_id>/", views.done, name="done"),
    path("staff/", views.staff, name="staff"),
    path("staff/done/<int:use_id>/", views.staff_done, name="staff_done"),
]
