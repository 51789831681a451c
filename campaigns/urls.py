from django.urls import path

from campaigns import views

app_name = "campaigns"

urlpatterns = [
    path("<slug:code>", views.go, name="go"),
    path("<slug:code>/", views.go),
]
