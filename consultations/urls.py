"""URLs of the consultations app (inside the language prefix)."""

app_name = "consultations"
urlpatterns = []
