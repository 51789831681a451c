"""The desk's figures page and its survey CSV (in reports) show the fiscal year asked for,
kept within 2000 … 2100: a year like 99999 or -5 in the address would not make a date."""

import pytest

pytestmark = pytest.mark.django_db

FIGURES = "/admin/reports/figures/consultations/"  # the figures pages are in reports


@pytest.mark.parametrize(
    "asked, shown",
    [("99999", 2100), ("2101", 2100), ("-5", 2000), ("0", 2000), ("1", 2000), ("2025", 2025)],
)
def test_the_figures_show_the_year_asked_for_within_2000_to_2100(client, staff_user, asked, shown):
    client.force_login(staff_user)
    response = client.get(FIGURES, {"year": asked})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<option value="{shown}" selected>' in html
    assert f"survey.csv?year={shown}" in html
    response = client.get(f"{FIGURES}survey.csv", {"year": asked})
    assert response.status_code == 200
    assert f'filename="consultations-fy{shown}.csv"' in response["Content-Disposition"]
