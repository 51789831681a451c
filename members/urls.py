"""URLs of the members app (inside the language prefix)."""

app_name = "members"
urlpatterns = []
