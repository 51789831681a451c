"""The fixed terms every install starts with, in the interface's own wording (the UI
catalogues), and who may keep the glossary: City and Contractor editors edit it, Translators
read it. The groups come from home.0002 (tests/conftest.py calls these functions too)."""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

# ja, en, zh-hans, zh-hant, ko, note
TERMS = [
    (
        "ふるさと住民",
        "furusato resident",
        "故乡居民",
        "故鄉居民",
        "후루사토 주민",
        "市に住んでいない、ふるさと住民として登録した人。「住民」と訳さないこと。",
    ),
    (
        "エントリーパス",
        "Entry Pass",
        "入门通行证",
        "入門通行證",
        "엔트리 패스",
        "滞在のための優待パス（固有名詞）。",
    ),
    ("相談窓口", "consultation desk", "咨询窗口", "諮詢窗口", "상담 창구", ""),
    (
        "ふるさと納税",
        "furusato nozei",
        "故乡纳税",
        "故鄉納稅",
        "고향납세",
        "制度名。英語ではローマ字のまま。",
    ),
    ("二地域居住", "two-region living", "两地居住", "兩地居住", "두 지역 거주", ""),
    ("ワーケーション", "workcation", "工作度假", "工作度假", "워케이션", ""),
    (
        "関係人口",
        "related population (kankei jinko)",
        "关系人口",
        "關係人口",
        "관계인구",
        "市に住んでいないが、市と継続的に関わる人々。",
    ),
    (
        "担い手活動",
        "local activities",
        "地方活动（担い手）",
        "地方活動（在地推手）",
        "지역 활동(지역의 일꾼)",
        "ふるさと住民がチェックインする地域の活動。",
    ),
]

EDITORS = ["City editors", "Contractor editors"]
EDITOR_PERMISSIONS = [
    "add_glossaryterm",
    "change_glossaryterm",
    "delete_glossaryterm",
    "view_glossaryterm",
]
READER_PERMISSIONS = ["view_glossaryterm"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("content")
    app_config.models_module = True
    create_contenttypes(app_config, verbosity=0, apps=apps)
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name in EDITORS + ["Translators"]:
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        codenames = EDITOR_PERMISSIONS if name in EDITORS else READER_PERMISSIONS
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="content", codename__in=codenames)
        )


def seed_terms(apps, schema_editor):
    GlossaryTerm = apps.get_model("content", "GlossaryTerm")
    for ja, en, zh_hans, zh_hant, ko, note in TERMS:
        GlossaryTerm.objects.get_or_create(
            ja=ja,
            defaults={"en": en, "zh_hans": zh_hans, "zh_hant": zh_hant, "ko": ko, "note": note},
        )


def forwards(apps, schema_editor):
    grant(apps, schema_editor)
    seed_terms(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0002_glossary_term"),
        ("home", "0002_roles_and_city_approval_workflow"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
