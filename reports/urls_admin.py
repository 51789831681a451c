from django.urls import path

from reports import admin_views

app_name = "reports_admin"

urlpatterns = [
    path("dashboard/", admin_views.dashboard, name="dashboard"),
    path("targets/", admin_views.targets, name="targets"),
    path("targets/<int:year>/", admin_views.targets, name="targets_year"),
    path("report/<int:pk>/versions/", admin_views.versions, name="versions"),
    path("report/<int:pk>/generate/", admin_views.generate, name="generate"),
    path("report/<int:pk>/preview/", admin_views.preview, name="preview"),
    path("report/<int:pk>/v<int:number>/status/", admin_views.status, name="status"),
    path("report/<int:pk>/v<int:number>/<str:kind>/", admin_views.download, name="download"),
]
