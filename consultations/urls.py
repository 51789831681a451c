"""URLs of the consultations app (inside the language prefix, under /consultation/).

The form itself is the ConsultationPage at /<lang>/consultation/ (a Wagtail page)."""

from django.urls import path

from consultations import views

app_name = "consultations"
urlpatterns = [
    path("thread/<str:token>/", views.thread, name="thread"),
    path("thread/<str:token>/files/<int:pk>/", views.thread_attachment, name="thread_attachment"),
    path("mine/<str:reference>/", views.my_thread, name="my_thread"),
    path("mine/<str:reference>/files/<int:pk>/", views.my_attachment, name="my_attachment"),
]
