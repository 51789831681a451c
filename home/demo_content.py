"""Demo logins: one per role. The demo's content is the bundle content/tomakomai/ (imported by
seed_demo); what is state rather than content (users, passes, consultations…) is made by each
app's demo scenarios."""

from core import roles

# One demo login per role. Printed by `seed_demo` in development only.
DEMO_PASSWORD = "tsunagaru-demo-2026"
# The demo's staff logins that can see personal data use two-factor authentication
# (members/two_factor.py): each has an authenticator app holding this published secret (add it
# to a real app with the otpauth URI seed_demo prints). In `make run` the code MFA_DEMO_CODE
# (config/settings/dev.py, default 000000) is accepted as well.
DEMO_TOTP_SECRET = "ORZXK3TBM5QXE5JNMRSW23ZNGJTGCIJB"
USERS = [
    {
        "email": "admin@example.jp",
        "first_name": "管理者",
        "last_name": "デモ",
        "role": None,
        "superuser": True,
        "label": "Administrator (all rights)",
    },
    {
        "email": "city@example.jp",
        "first_name": "市子",
        "last_name": "苫小牧",
        "role": roles.CITY_EDITORS,
        "label": "City editor (approves and publishes)",
    },
    {
        "email": "contractor@example.jp",
        "first_name": "請負",
        "last_name": "佐藤",
        "role": roles.CONTRACTOR_EDITORS,
        "label": "Contractor editor (writes, submits for approval)",
    },
    {
        "email": "translator@example.jp",
        "first_name": "Alex",
        "last_name": "Smith",
        "role": roles.TRANSLATORS,
        "label": "Translator (translates content, submits it for approval)",
    },
    {
        "email": "consult@example.jp",
        "first_name": "相談",
        "last_name": "高橋",
        "role": roles.CONSULTATION_STAFF,
        "label": "Consultation staff",
    },
    {
        "email": "member@example.jp",
        "first_name": "花子",
        "last_name": "山田",
        "role": None,
        "label": "Member (card, sign-ups, one attended activity)",
    },
]
