"""Export the whole site as a bundle (format ``tsunagaru-content/1``, see content/README.md)."""

import hashlib
import re
from collections import defaultdict
from pathlib import PurePosixPath

from django.apps import apps
from django.conf import settings
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site, TranslatableMixin
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from content.bundle import FORMAT, MANIFEST, BundleWriter
from content.serializer import (
    PAGE_INTERNAL_FIELDS,
    BundleError,
    ExportRefs,
    dump_instance,
    model_label,
)

# Snippets in a bundle, in the order an import creates them. Those that point at pages come
# after the pages (menus, tracking links); pages that point at them get them in a second pass.
SNIPPETS = [
    "home.storytheme",
    "home.siteidentity",
    "campaigns.creator",
    "members.benefit",
    "passes.partner",
    "passes.offer",
    "home.navigationmenu",
    "campaigns.trackinglink",
]
SNIPPETS_AFTER_PAGES = {"home.navigationmenu", "campaigns.trackinglink"}
# Natural keys of snippets that are not translatable.
NATURAL_KEYS = {"campaigns.trackinglink": ("code",)}
SETTINGS = ["home.sitesettings"]


def language_order():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def snippet_natural_key(instance):
    label = model_label(type(instance))
    if label in NATURAL_KEYS:
        return {name: getattr(instance, name) for name in NATURAL_KEYS[label]}
    return {"key": str(instance.translation_key), "locale": instance.locale.language_code}


def site_pages(site):
    """Every page of the site in every language: the root page and its translations, with
    their descendants, in tree order. Alias pages (placeholders of wagtail-localize) are left
    out: they hold no content of their own."""
    root = site.root_page
    homes = Page.objects.filter(depth=root.depth, translation_key=root.translation_key)
    pages = []
    for home in homes.order_by("path"):
        pages += list(
            Page.objects.filter(path__startswith=home.path, alias_of__isnull=True)
            .select_related("locale")
            .order_by("path")
            .specific()
        )
    return pages


def page_bundle_paths(pages, root_depth):
    """Page id → its URL path in the bundle, "/<language>/<slugs>/"."""
    paths = {}
    by_path = {}
    for page in pages:
        if page.depth == root_depth:
            bundle_path = f"/{page.locale.language_code}/"
        else:
            parent = by_path.get(page.path[: -Page.steplen])
            if parent is None:
                continue  # under an alias page: not exported
            bundle_path = f"{paths[parent.pk]}{page.slug}/"
        paths[page.pk] = bundle_path
        by_path[page.path] = page
    return paths


def page_key(entry):
    return f"page:{entry['key']}:{entry['locale']}"


def snippet_key(label, entry):
    natural = ":".join(str(entry[name]) for name in NATURAL_KEYS.get(label, ("key", "locale")))
    return f"snippet:{label}:{natural}"


def page_file(bundle_path):
    return f"pages{bundle_path}index.json"


def media_file_name(folder, obj):
    """A stable file name: the stored name's stem and a hash of the bytes (no database id)."""
    try:
        with obj.file.open("rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise BundleError(
            obj.file.name, f"the file of {folder[:-1]} {obj.title!r} is missing from the storage"
        ) from None
    original = PurePosixPath(obj.file.name)
    digest = hashlib.sha256(data).hexdigest()[:10]
    # The stored name without what storage and earlier imports added ("_AbC1234", "-<hash>").
    stem = re.sub(r"_[A-Za-z0-9]{7}$", "", original.stem)
    stem = re.sub(rf"-{digest}$", "", stem)
    stem = slugify(stem)[:40].strip("-") or folder.rstrip("s")
    return f"{folder}/{stem}-{digest}{original.suffix.lower()}", data


def collection_path(collection):
    return [c.name for c in collection.get_ancestors(inclusive=True) if c.depth > 1]


def translation_entry(instance, translation_record):
    """A translation as its source's key plus the translated strings (by wagtail-localize's
    context path), which is how a translator's work is stored."""
    source = translation_record.source
    segments = (
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    )
    translated = {
        (row.translation_of_id, row.context_id): row.data
        for row in StringTranslation.objects.filter(
            translation_of__in=[segment.string_id for segment in segments],
            locale_id=instance.locale_id,
        )
    }
    strings = []
    for segment in segments:
        text = translated.get((segment.string_id, segment.context_id))
        if text is not None:
            strings.append(
                {"context": segment.context.path, "source": segment.string.data, "text": text}
            )
    return {"translation_of": source.locale.language_code, "strings": strings}


def translation_records():
    """(translation key, target language) → the wagtail-localize Translation."""
    records = {}
    for record in Translation.objects.select_related("source__locale", "target_locale"):
        records[(str(record.source.object_id), record.target_locale.language_code)] = record
    return records


class Exporter:
    def __init__(self, site=None):
        self.site = site or Site.objects.get(is_default_site=True)
        self.writer = BundleWriter()
        self.counts = defaultdict(int)
        # Natural key → entry, for an import to compare the database with a bundle.
        self.entries = {}

    def export(self):
        self.page_ids = {}
        pages = site_pages(self.site)
        root_depth = self.site.root_page.depth
        page_paths = page_bundle_paths(pages, root_depth)
        image_files = self.export_media("images", get_image_model())
        document_files = self.export_media("documents", get_document_model())
        snippet_keys = {}
        snippet_objects = {}
        for label in SNIPPETS:
            model = apps.get_model(label)
            objects = list(model.objects.all())
            snippet_objects[label] = objects
            for obj in objects:
                snippet_keys[(label, obj.pk)] = snippet_natural_key(obj)
        self.refs = ExportRefs(page_paths, image_files, document_files, snippet_keys)
        self.translations = translation_records()
        for label in SNIPPETS:
            self.export_snippets(label, snippet_objects[label])
        self.export_pages(pages, page_paths)
        self.export_settings()
        self.export_redirects()
        self.writer.add_json(
            MANIFEST,
            {
                "format": FORMAT,
                "default_language": settings.LANGUAGE_CODE,
                "languages": sorted(
                    {p.locale.language_code for p in pages},
                    key=language_order().index,
                ),
                "site_name": self.site.site_name,
                "root": f"/{self.site.root_page.locale.language_code}/",
            },
        )
        return self.writer

    def export_entries(self):
        """Export in memory only: the entries by natural key and the references."""
        self.export()
        return self

    # -- pages ------------------------------------------------------------------------------
    def export_pages(self, pages, page_paths):
        order_among_siblings = {}
        siblings = defaultdict(int)
        for page in pages:
            parent_path = page.path[: -Page.steplen]
            order_among_siblings[page.pk] = siblings[parent_path]
            siblings[parent_path] += 1
        for page in pages:
            if page.pk not in page_paths:
                continue
            language = page.locale.language_code
            entry = {
                "type": model_label(type(page)),
                "key": str(page.translation_key),
                "locale": language,
                "order": order_among_siblings[page.pk],
                "live": page.live,
            }
            record = self.translations.get((entry["key"], language))
            if record is not None and record.source.locale_id != page.locale_id:
                entry["title"] = page.title
                entry.update(translation_entry(page, record))
            else:
                content = page if page.live else page.get_latest_revision_as_object()
                entry["fields"] = dump_instance(content, self.refs, skip=PAGE_INTERNAL_FIELDS)
            self.writer.add_json(page_file(page_paths[page.pk]), entry)
            self.entries[page_key(entry)] = entry
            self.page_ids[page_key(entry)] = page.pk
            self.counts[f"pages ({language})"] += 1

    # -- snippets ---------------------------------------------------------------------------
    def export_snippets(self, label, objects):
        model = apps.get_model(label)
        translatable = issubclass(model, TranslatableMixin)
        entries = []
        for obj in objects:
            entry = dict(snippet_natural_key(obj))
            if translatable:
                record = self.translations.get((entry["key"], entry["locale"]))
                if record is not None and record.source.locale_id != obj.locale_id:
                    entries.append({**entry, **translation_entry(obj, record)})
                    continue
                skip = {"locale", "translation_key"}
            else:
                skip = set(NATURAL_KEYS.get(label, ()))
            entries.append({**entry, "fields": dump_instance(obj, self.refs, skip=skip)})
        for entry in entries:
            self.entries[snippet_key(label, entry)] = entry
        languages = language_order()
        entries.sort(
            key=lambda e: (
                e.get("key", ""),
                languages.index(e["locale"]) if "locale" in e else 0,
                e.get("code", ""),
            )
        )
        self.writer.add_json(f"snippets/{label}.json", entries)
        self.counts["snippets"] += len(entries)

    # -- images and documents ---------------------------------------------------------------
    def export_media(self, folder, model):
        files = {}
        entries = []
        for obj in model.objects.select_related("collection").order_by("title", "pk"):
            name, data = media_file_name(folder, obj)
            files[obj.pk] = name
            if name in self.writer.files:
                continue  # the same file twice with the same title: one copy
            self.writer.add_bytes(name, data)
            entry = {
                "file": name,
                "title": obj.title,
                "collection": collection_path(obj.collection),
                "tags": sorted(obj.tags.names()),
            }
            if folder == "images":
                entry.update(
                    {
                        "alt_text": obj.description,
                        "decorative": getattr(obj, "is_decorative", False),
                        "credit": getattr(obj, "credit", ""),
                        "focal_point": (
                            [
                                obj.focal_point_x,
                                obj.focal_point_y,
                                obj.focal_point_width,
                                obj.focal_point_height,
                            ]
                            if obj.focal_point_x is not None
                            else None
                        ),
                    }
                )
            entries.append(entry)
            self.entries[f"{folder[:-1]}:{name}"] = entry
        entries.sort(key=lambda e: e["file"])
        self.writer.add_json(f"{folder}/index.json", entries)
        self.counts[folder] = len(entries)
        return files

    # -- settings and redirects -------------------------------------------------------------
    def export_settings(self):
        for label in SETTINGS:
            model = apps.get_model(label)
            instance = model.for_site(self.site)
            entry = dump_instance(instance, self.refs, skip={"site"})
            self.writer.add_json(f"settings/{label}.json", entry)
            self.entries[f"settings:{label}"] = entry

    def export_redirects(self):
        entries = []
        redirects = Redirect.objects.filter(site__in=[None, self.site.pk]).order_by("old_path")
        for redirect in redirects:
            entries.append(
                {
                    "old_path": redirect.old_path,
                    "is_permanent": redirect.is_permanent,
                    "redirect_page": self.refs.ref(Page, redirect.redirect_page_id),
                    "redirect_link": redirect.redirect_link,
                    "all_sites": redirect.site_id is None,
                }
            )
        self.writer.add_json("redirects.json", entries)
        for entry in entries:
            self.entries[f"redirect:{entry['old_path']}"] = entry
        self.counts["redirects"] = len(entries)


def export_bundle(target, site=None):
    exporter = Exporter(site)
    writer = exporter.export()
    if target is not None:
        writer.write(target)
    return exporter
