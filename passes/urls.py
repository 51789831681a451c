"""URLs of the passes app (inside the language prefix)."""

app_name = "passes"
urlpatterns = []
