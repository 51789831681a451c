"""Import a bundle into this site: into an empty install, or again as an update.

Objects are matched by natural key (a page by its translation key and language, a snippet by
its translation key and language or its code, an image by its file). What an import wrote is
remembered (``ImportRecord``), so that a later import updates it, leaves it when nothing
changed, and refuses — unless forced — to overwrite what an editor changed since.
The bundle is read and checked whole before anything is written, and the import runs in one
transaction: a bad bundle imports nothing.
"""

import hashlib
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from modelsearch import index as search_index
from modelsearch import signal_handlers
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site, TranslatableMixin
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from content.bundle import FORMAT, MANIFEST, BundleReader
from content.exporter import (
    NATURAL_KEYS,
    SETTINGS,
    SNIPPETS,
    SNIPPETS_AFTER_PAGES,
    Exporter,
    page_key,
    snippet_key,
)
from content.models import ImportRecord
from content.serializer import (
    PAGE_INTERNAL_FIELDS,
    BundleError,
    ImportRefs,
    Unresolved,
    canonical,
    content_fields,
    get_model,
    load_instance,
    walk_stream,
)


@contextmanager
def search_updates_paused():
    """Wagtail's per-object search index updates, off for the duration (``after_import``
    rebuilds the index once)."""
    handlers = [(post_save, signal_handlers.post_save_signal_handler)]
    handlers.append((post_delete, signal_handlers.post_delete_signal_handler))
    models_ = [
        m for m in search_index.get_indexed_models() if getattr(m, "search_auto_update", True)
    ]
    for model in models_:
        for signal, handler in handlers:
            signal.disconnect(handler, sender=model)
    try:
        yield
    finally:
        for model in models_:
            for signal, handler in handlers:
                signal.connect(handler, sender=model)


def digest(entry):
    return hashlib.sha256(canonical(entry).encode("utf-8")).hexdigest()


@dataclass
class PageEntry:
    file: str
    path: str  # "/ja/stories/x/"
    data: dict
    model: type

    @property
    def parent_path(self):
        parts = self.path.strip("/").split("/")
        return "/" + "/".join(parts[:-1]) + "/" if len(parts) > 1 else None

    @property
    def is_translation(self):
        return "translation_of" in self.data


@dataclass
class Plan:
    created: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)

    def summary(self):
        return (
            f"{len(self.created)} to create, {len(self.changed)} to change, "
            f"{len(self.unchanged)} unchanged"
        )


class Importer:
    def __init__(self, path, *, force=False, keep_changed=False):
        self.reader = BundleReader(path)
        self.force = force
        self.keep_changed = keep_changed

    # -- reading and checking ---------------------------------------------------------------
    def read(self):
        manifest = self.reader.read_json(MANIFEST)
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            found = manifest.get("format") if isinstance(manifest, dict) else None
            raise BundleError(MANIFEST, f"format {found!r} is not known (this site reads {FORMAT})")
        self.manifest = manifest
        known = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
        for language in manifest.get("languages", []):
            if language not in known:
                raise BundleError(MANIFEST, f"language {language!r} is not one of this site's")
        self.images = self.read_media("images")
        self.documents = self.read_media("documents")
        self.snippets = {}
        for label in SNIPPETS:
            name = f"snippets/{label}.json"
            entries = self.reader.read_json(name) if self.reader.exists(name) else []
            if not isinstance(entries, list):
                raise BundleError(name, "expected a list of snippets")
            self.snippets[label] = entries
        for name in self.reader.names("snippets/"):
            label = PurePosixPath(name).stem
            if label not in self.snippets:
                raise BundleError(name, f"unknown snippet type {label!r}")
        self.pages = self.read_pages()
        self.settings = {}
        for label in SETTINGS:
            name = f"settings/{label}.json"
            if self.reader.exists(name):
                self.settings[label] = self.reader.read_json(name)
        self.redirects = (
            self.reader.read_json("redirects.json") if self.reader.exists("redirects.json") else []
        )
        self.check_references()

    def read_media(self, folder):
        index = f"{folder}/index.json"
        if not self.reader.exists(index):
            return []
        entries = self.reader.read_json(index)
        for entry in entries:
            if not self.reader.exists(entry.get("file", "")):
                raise BundleError(entry.get("file") or index, f"missing file listed in {index}")
        return entries

    def read_pages(self):
        pages = {}
        for name in self.reader.names("pages/"):
            if not name.endswith("/index.json"):
                raise BundleError(name, "unexpected file (pages are <path>/index.json)")
            path = name[len("pages") : -len("index.json")]
            data = self.reader.read_json(name)
            if not isinstance(data, dict):
                raise BundleError(name, "expected a page object")
            for required in ("type", "key", "locale"):
                if required not in data:
                    raise BundleError(name, f"missing {required!r}")
            model = get_model(data["type"], name)
            if not issubclass(model, Page):
                raise BundleError(name, f"{data['type']} is not a page type")
            if "fields" not in data and "translation_of" not in data:
                raise BundleError(name, "a page needs 'fields' or 'translation_of'")
            if path.strip("/").split("/")[0] != data["locale"]:
                raise BundleError(name, f"a {data['locale']} page outside pages/{data['locale']}/")
            pages[path] = PageEntry(name, path, data, model)
        for entry in pages.values():
            parent = entry.parent_path
            if parent is not None and parent not in pages:
                raise BundleError(entry.file, f"parent page {parent} is not in the bundle")
        return pages

    def check_references(self):
        """Every reference names something in the bundle; every block type is known."""
        targets = {"page": set(self.pages), "image": set(), "document": set()}
        targets["image"] = {e["file"] for e in self.images}
        targets["document"] = {e["file"] for e in self.documents}
        snippet_targets = set()
        for label, entries in self.snippets.items():
            for entry in entries:
                snippet_targets.add(
                    ImportRefs.snippet_key({"snippet": label, **_natural(label, entry)})
                )
        originals = {(e.data["key"], e.data["locale"]) for e in self.pages.values()}

        def check(ref, where):
            if not isinstance(ref, dict):
                return ref
            for kind in ("page", "image", "document"):
                if kind in ref and ref[kind] not in targets[kind]:
                    raise BundleError(
                        where, f"refers to {kind} {ref[kind]}, which is not in the bundle"
                    )
            if "snippet" in ref and ImportRefs.snippet_key(ref) not in snippet_targets:
                raise BundleError(
                    where,
                    f"refers to {ref['snippet']} {ref.get('key') or ref.get('code')}, "
                    "which is not in the bundle",
                )
            return ref

        checker = _ReferenceChecker(check, targets)
        for entry in self.pages.values():
            if entry.is_translation:
                if (entry.data["key"], entry.data["translation_of"]) not in originals:
                    raise BundleError(entry.file, "translation of a page that is not in the bundle")
                continue
            checker.check_instance(
                entry.model, entry.data["fields"], entry.file, PAGE_INTERNAL_FIELDS
            )
        for label, entries in self.snippets.items():
            model = apps.get_model(label)
            for entry in entries:
                if "fields" in entry:
                    checker.check_instance(model, entry["fields"], f"snippets/{label}.json", set())
        for label, data in self.settings.items():
            checker.check_instance(apps.get_model(label), data, f"settings/{label}.json", {"site"})

    # -- planning -----------------------------------------------------------------------------
    def plan(self):
        """What an import would create, change and leave, from the database as it is now."""
        self.current = Exporter().export_entries() if Site.objects.exists() else None
        current = self.current.entries if self.current else {}
        records = dict(ImportRecord.objects.values_list("key", "digest"))
        plan = Plan()
        self.bundle_entries = {}
        for key, entry in self.iter_bundle_entries():
            self.bundle_entries[key] = entry
            now = current.get(key)
            if now is None:
                plan.created.append(key)
            elif digest(now) == digest(entry):
                plan.unchanged.append(key)
            elif records.get(key) == digest(now) or self.force or _made_by_install(key, records):
                plan.changed.append(key)
            else:
                reason = (
                    "changed after the last import"
                    if key in records
                    else "exists and was not imported"
                )
                plan.conflicts.append(f"{key} ({reason})")
                plan.changed.append(key)
        self.planned = plan
        return plan

    def iter_bundle_entries(self):
        for entry in self.images:
            yield f"image:{entry['file']}", entry
        for entry in self.documents:
            yield f"document:{entry['file']}", entry
        for label, entries in self.snippets.items():
            for entry in entries:
                yield snippet_key(label, entry), entry
        for entry in sorted(self.pages.values(), key=lambda e: e.path):
            yield page_key(entry.data), entry.data
        for label, data in self.settings.items():
            yield f"settings:{label}", data
        for entry in self.redirects:
            yield f"redirect:{entry['old_path']}", entry

    # -- writing ------------------------------------------------------------------------------
    def run(self, dry_run=False):
        self.read()
        plan = self.plan()
        if plan.conflicts and self.keep_changed:
            kept = {conflict.split(" ", 1)[0] for conflict in plan.conflicts}
            plan.changed = [key for key in plan.changed if key not in kept]
            plan.unchanged += sorted(kept)
        elif plan.conflicts and not self.force:
            raise BundleError(
                "",
                "not imported: changed in this site since the last import (use --force to "
                "overwrite): " + "; ".join(plan.conflicts),
            )
        if dry_run:
            return plan
        self.todo = set(plan.created) | set(plan.changed)
        # The search and reference indexes are rebuilt once afterwards, not object by object.
        with transaction.atomic(), disable_reference_index_auto_update(), search_updates_paused():
            self.write()
            after = Exporter().export_entries()
            for key in self.bundle_entries:
                if key in after.entries:
                    ImportRecord.objects.update_or_create(
                        key=key, defaults={"digest": digest(after.entries[key])}
                    )
        if self.todo:
            self.after_import()
        return plan

    def write(self):
        self.refs = ImportRefs()
        self.locales = {}
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            self.locales[code], _ = Locale.objects.get_or_create(language_code=code)
        self.existing_refs()
        self.import_media("images", get_image_model(), self.images)
        self.import_media("documents", get_document_model(), self.documents)
        for label in SNIPPETS:
            if label not in SNIPPETS_AFTER_PAGES:
                self.import_snippets(label, translations=False)
        self.remove_welcome_page()
        originals = [
            e for e in sorted(self.pages.values(), key=_tree_order) if not e.is_translation
        ]
        for entry in originals:
            self.create_page_shell(entry)
        for label in SNIPPETS:
            if label in SNIPPETS_AFTER_PAGES:
                self.import_snippets(label, translations=False)
        for entry in originals:
            self.fill_page(entry)
        for entry in sorted(self.pages.values(), key=_tree_order):
            if entry.is_translation:
                self.import_page_translation(entry)
        for label in SNIPPETS:
            self.import_snippets(label, translations=True)
        self.order_pages()
        self.point_site()  # first: settings and redirects belong to the site
        self.import_settings()
        self.import_redirects()

    def existing_refs(self):
        """Objects already here that the bundle names, so that references reach them."""
        current = self.current
        if current is None:
            return
        for entry in self.pages.values():
            pk = current.page_ids.get(page_key(entry.data))
            if pk is not None:
                self.refs.pages[entry.path] = pk
        for pk, name in current.refs.image_files.items():
            self.refs.images[name] = pk
        for pk, name in current.refs.document_files.items():
            self.refs.documents[name] = pk
        for (label, pk), natural in current.refs.snippet_keys.items():
            self.refs.snippets[ImportRefs.snippet_key({"snippet": label, **natural})] = pk

    def import_media(self, folder, model, entries):
        kind = folder[:-1]
        table = self.refs.images if kind == "image" else self.refs.documents
        for entry in entries:
            key = f"{kind}:{entry['file']}"
            if key not in self.todo:
                continue
            obj = model.objects.get(pk=table[entry["file"]]) if entry["file"] in table else model()
            if obj.pk is None:
                data = self.reader.read_bytes(entry["file"])
                obj.file = ContentFile(data, name=PurePosixPath(entry["file"]).name)
            obj.title = entry["title"]
            obj.collection = self.collection(entry.get("collection", []))
            if kind == "image":
                obj.description = entry.get("alt_text", "")
                obj.is_decorative = entry.get("decorative", False)
                obj.credit = entry.get("credit", "")
                focal = entry.get("focal_point") or [None] * 4
                (
                    obj.focal_point_x,
                    obj.focal_point_y,
                    obj.focal_point_width,
                    obj.focal_point_height,
                ) = focal
            obj.save()
            obj.tags.set(entry.get("tags", []))
            table[entry["file"]] = obj.pk

    def collection(self, names):
        node = Collection.get_first_root_node()
        for name in names:
            child = node.get_children().filter(name=name).first()
            node = child or node.add_child(name=name)
        return node

    # -- snippets -----------------------------------------------------------------------------
    def import_snippets(self, label, translations):
        model = apps.get_model(label)
        where = f"snippets/{label}.json"
        for entry in self.snippets[label]:
            is_translation = "translation_of" in entry
            if is_translation != translations:
                continue
            key = snippet_key(label, entry)
            natural = _natural(label, entry)
            ref_key = ImportRefs.snippet_key({"snippet": label, **natural})
            if key not in self.todo:
                continue
            if is_translation:
                source = model.objects.get(
                    translation_key=entry["key"], locale=self.locales[entry["translation_of"]]
                )
                target = self.translate(source, entry["locale"], entry["strings"], live=True)
                self.refs.snippets[ref_key] = target.pk
                continue
            pk = self.refs.snippets.get(ref_key)
            obj = model.objects.get(pk=pk) if pk else model()
            if issubclass(model, TranslatableMixin):
                obj.translation_key = entry["key"]
                obj.locale = self.locales[entry["locale"]]
            for name in NATURAL_KEYS.get(label, ()):
                setattr(obj, name, entry[name])
            load_instance(obj, entry["fields"], self.refs, where)
            obj.save()
            self.refs.snippets[ref_key] = obj.pk

    # -- pages --------------------------------------------------------------------------------
    def remove_welcome_page(self):
        """Wagtail's "Welcome to your new Wagtail site!" page holds the slug a home page needs."""
        root = Page.get_first_root_node()
        for page in root.get_children():
            if page.specific_class is Page and page.numchild == 0:
                for site in Site.objects.filter(root_page=page):
                    site.root_page = root
                    site.save()
                page.delete()

    def create_page_shell(self, entry):
        """Create a page that is not here yet, without its references to pages and snippets
        created later (``fill_page`` sets everything once they all exist)."""
        if entry.path in self.refs.pages:
            return
        page = entry.model()
        page.translation_key = entry.data["key"]
        page.locale = self.locales[entry.data["locale"]]
        load_instance(
            page,
            entry.data["fields"],
            self.refs,
            entry.file,
            lenient=True,
            skip=PAGE_INTERNAL_FIELDS,
        )
        page.live = False
        page.has_unpublished_changes = True
        if entry.parent_path is None:
            parent = Page.get_first_root_node()
        else:
            parent = Page.objects.get(pk=self.refs.pages[entry.parent_path])
        parent.add_child(instance=page)
        self.refs.pages[entry.path] = page.pk
        self.todo.add(page_key(entry.data))

    def fill_page(self, entry):
        if page_key(entry.data) not in self.todo:
            return
        page = Page.objects.get(pk=self.refs.pages[entry.path]).specific
        load_instance(page, entry.data["fields"], self.refs, entry.file, skip=PAGE_INTERNAL_FIELDS)
        revision = page.save_revision(clean=True)
        if entry.data.get("live", True):
            revision.publish()
        elif page.live:
            page.unpublish()

    def import_page_translation(self, entry):
        if page_key(entry.data) not in self.todo:
            return
        source = Page.objects.get(
            translation_key=entry.data["key"], locale=self.locales[entry.data["translation_of"]]
        ).specific
        target = self.translate(
            source, entry.data["locale"], entry.data["strings"], live=entry.data.get("live", True)
        )
        self.refs.pages[entry.path] = target.pk

    def translate(self, source_instance, language, strings, live):
        """Store the translator's strings in wagtail-localize and let it write the translation,
        so that it stays linked to its source (translators can go on in its editor)."""
        locale = self.locales[language]
        source, _ = TranslationSource.update_or_create_from_instance(source_instance)
        Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        # A rich text with several paragraphs or list items has one segment per paragraph,
        # all with the block's context: the source text tells them apart.
        by_context = defaultdict(list)
        for string in strings:
            by_context[string["context"]].append(string)
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        ):
            candidates = by_context.get(segment.context.path, [])
            match = next((s for s in candidates if s.get("source") == segment.string.data), None)
            if match is None and len(candidates) == 1:
                match = candidates[0]  # the source was edited since: the translator's text
            if match is None:
                continue
            text = match["text"]
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
        is_page = isinstance(source_instance, Page)
        # Pages are saved as a draft and published here, not on commit: a publish deferred to
        # the end of the transaction would write back an old copy of the tree's counters.
        source.create_or_update_translation(locale, publish=not is_page, fallback=True)
        target = source_instance.get_translation(locale)
        if is_page:
            target = target.specific
            if live:
                target.get_latest_revision().publish()
            elif target.live:
                target.unpublish()
        return target

    def order_pages(self):
        """Siblings in the bundle's order."""
        by_parent = defaultdict(list)
        for entry in self.pages.values():
            by_parent[entry.parent_path].append(entry)
        for parent_path, entries in by_parent.items():
            if parent_path is None:
                continue
            wanted = [
                self.refs.pages[e.path]
                for e in sorted(entries, key=lambda e: e.data.get("order", 0))
            ]
            parent = Page.objects.get(pk=self.refs.pages[parent_path])
            current = [
                pk for pk in parent.get_children().values_list("pk", flat=True) if pk in set(wanted)
            ]
            if current == wanted:
                continue
            for pk in wanted:
                Page.objects.get(pk=pk).move(Page.objects.get(pk=parent.pk), pos="last-child")

    # -- settings, redirects, site ------------------------------------------------------------
    def import_settings(self):
        site = Site.objects.filter(is_default_site=True).first()
        for label, data in self.settings.items():
            if f"settings:{label}" not in self.todo or site is None:
                continue
            instance = apps.get_model(label).for_site(site)
            load_instance(instance, data, self.refs, f"settings/{label}.json", skip={"site"})
            instance.save()

    def import_redirects(self):
        site = Site.objects.filter(is_default_site=True).first()
        for entry in self.redirects:
            if f"redirect:{entry['old_path']}" not in self.todo:
                continue
            page = self.refs.resolve(entry["redirect_page"]) if entry.get("redirect_page") else None
            Redirect.objects.update_or_create(
                old_path=Redirect.normalise_path(entry["old_path"]),
                site=None if entry.get("all_sites") else site,
                defaults={
                    "is_permanent": entry.get("is_permanent", True),
                    "redirect_page_id": page,
                    "redirect_link": entry.get("redirect_link", ""),
                },
            )

    def point_site(self):
        root_path = self.manifest.get("root", f"/{settings.LANGUAGE_CODE}/")
        if root_path not in self.refs.pages:
            return
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(is_default_site=True, hostname="localhost", port=80)
        site.root_page_id = self.refs.pages[root_path]
        if self.manifest.get("site_name"):
            site.site_name = self.manifest["site_name"]
        site.save()

    def after_import(self):
        from django.core.management import call_command

        from home.search import rebuild_index

        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        rebuild_index()


def _made_by_install(key, records):
    """Settings exist on every install (made on first use): only a change made after an
    import is an editor's."""
    return key.startswith("settings:") and key not in records


def _natural(label, entry):
    names = NATURAL_KEYS.get(label, ("key", "locale"))
    return {name: entry[name] for name in names if name in entry}


def _tree_order(entry):
    return (entry.path.count("/"), entry.data.get("order", 0), entry.path)


class _ReferenceChecker:
    """Walks an instance's data as the import will, calling ``check`` on every reference."""

    def __init__(self, check, targets):
        self.check = check
        self.targets = targets

    def check_instance(self, model, data, where, skip):
        fields = {f.name: f for f in content_fields(model, skip)}
        for name, value in data.items():
            f = fields.get(name)
            if f is None:
                continue
            if isinstance(f, models.ForeignKey):
                self.check(value, where)
            elif isinstance(f, StreamField):
                if not isinstance(value, list):
                    raise BundleError(where, f"field {name!r} is not a list of blocks")
                walk_stream(
                    f.stream_block,
                    value,
                    lambda t, ref: self.check(ref, where),
                    lambda html: self.rich(html, where),
                    where,
                )
            elif isinstance(f, RichTextField):
                self.rich(value, where)
        for f in model._meta.many_to_many:
            if isinstance(f, ParentalManyToManyField):
                for ref in data.get(f.name, []):
                    self.check(ref, where)
        for relation in get_all_child_relations(model):
            for child in data.get(relation.get_accessor_name(), []) or []:
                self.check_instance(relation.related_model, child, where, {relation.field.name})

    def rich(self, html, where):
        refs = ImportRefs()
        for kind in ("page", "image", "document"):
            table = {"page": refs.pages, "image": refs.images, "document": refs.documents}[kind]
            for target in self.targets[kind]:
                table[target] = 0
        try:
            refs.rich_text(html, lenient=False)
        except Unresolved as error:
            ref = error.args[0]
            kind, value = next(iter(ref.items()))
            raise BundleError(
                where, f"links to {kind} {value}, which is not in the bundle"
            ) from None
        return html


def import_bundle(path, *, force=False, dry_run=False, keep_changed=False):
    """Import the bundle at ``path``. ``force`` overwrites what editors changed since the last
    import; ``keep_changed`` leaves it and imports the rest (the demo's re-seeding)."""
    return Importer(path, force=force, keep_changed=keep_changed).run(dry_run=dry_run)
