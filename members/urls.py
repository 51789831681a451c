"""Member URLs, inside the language prefix: /ja/members/..."""

from django.urls import path, re_path

from members import views

app_name = "members"
urlpatterns = [
    path("register/", views.RegistrationWizard.as_view(), name="register"),
    path("register/sent/", views.register_sent, name="register_sent"),
    path("my/", views.my_page, name="my_page"),
    path("my/profile/", views.edit_profile, name="edit_profile"),
    re_path(r"^my/data\.(?P<fmt>json|csv)$", views.download_data, name="download_data"),
    path("my/delete/", views.delete_account, name="delete_account"),
    path("my/consent/", views.consent, name="consent"),
    path("deleted/", views.deleted, name="deleted"),
    path("card/<str:token>/", views.verify_card, name="verify_card"),
    path("benefits/", views.benefits, name="benefits"),
    path("activities/<int:pk>/signup/", views.activity_signup, name="activity_signup"),
    path("signups/<int:pk>/cancel/", views.activity_cancel, name="activity_cancel"),
    path("checkin/", views.checkin, name="checkin"),
    path("checkin/<str:code>/", views.checkin, name="checkin_code"),
]
