"""Admin URLs of the data export, under /admin/hand-over/data/ (namespace content_data)."""

from django.urls import path

from content import admin_views

app_name = "content_data"

urlpatterns = [
    path("", admin_views.data_export_view, name="export"),
]
