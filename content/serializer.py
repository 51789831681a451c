"""Model instances to and from the bundle's JSON.

A bundle carries no database ids: a page is referred to by its URL path in the bundle
(``{"page": "/ja/stories/hokki/"}``), an image or document by its file in the bundle
(``{"image": "images/port-1a2b3c4d.webp"}``), a snippet by its natural key
(``{"snippet": "passes.partner", "key": "<translation key>", "locale": "ja"}``). StreamField
values stay in Wagtail's own JSON, with the ids of chooser blocks and of rich-text links and
embeds replaced by those references.
"""

import datetime as dt
import decimal
import json
import re
import uuid

from django.apps import apps
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.models import AbstractDocument
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage
from wagtail.models import Page, TranslatableMixin

# Page fields that are Wagtail's bookkeeping, not content: the tree, revisions, publication
# history, locks, ownership. The tree position and live state are carried by the bundle itself.
PAGE_INTERNAL_FIELDS = {
    "id",
    "path",
    "depth",
    "numchild",
    "translation_key",
    "locale",
    "latest_revision",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
    "draft_title",
    "content_type",
    "url_path",
    "owner",
    "latest_revision_created_at",
    "alias_of",
}
CHILD_SKIPPED_RELATIONS = {"wagtail_admin_comments"}


class BundleError(Exception):
    """One line naming the file and the problem."""

    def __init__(self, where, problem):
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}" if where else problem)


class Unresolved(Exception):
    """A reference to something not (yet) in the database."""


def model_label(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def get_model(label, where):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        raise BundleError(where, f"unknown type {label!r}") from None


# -- plain values -----------------------------------------------------------------------------


def plain_value(value):
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def canonical(data):
    """The JSON text a digest is taken of and files are written in (stable across machines)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


# -- rich text --------------------------------------------------------------------------------

_TAG = re.compile(r"<(a|embed)\b([^>]*?)(/?)>")
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')
_KIND_MODELS = {"page": "page", "image": "image", "document": "document"}


def _rewrite_rich_text(html, replace):
    """Apply ``replace(kind, attrs)`` to Wagtail's internal link and embed tags."""
    if not html or ("linktype=" not in html and "embedtype=" not in html):
        return html

    def one(match):
        tag, attr_text, closing = match.groups()
        attrs = dict(_ATTR.findall(attr_text))
        kind = attrs.get("linktype") if tag == "a" else attrs.get("embedtype")
        if kind not in _KIND_MODELS:
            return match.group(0)
        attrs = replace(kind, attrs)
        rendered = "".join(f' {name}="{value}"' for name, value in attrs.items())
        return f"<{tag}{rendered}{closing}>"

    return _TAG.sub(one, html)


# -- references ---------------------------------------------------------------------------------


class ExportRefs:
    """Database ids → bundle references, for one export."""

    def __init__(self, page_paths, image_files, document_files, snippet_keys):
        self.page_paths = page_paths  # page id → "/ja/…/"
        self.image_files = image_files  # image id → "images/…"
        self.document_files = document_files
        self.snippet_keys = snippet_keys  # (label, id) → natural key dict
        self.warnings = []

    def ref(self, model, pk):
        if pk is None:
            return None
        if issubclass(model, Page):
            path = self.page_paths.get(pk)
            if path is None:
                self.warnings.append(f"a link to page {pk} outside the site is left out")
            return {"page": path} if path else None
        if issubclass(model, AbstractImage):
            return {"image": self.image_files[pk]}
        if issubclass(model, AbstractDocument):
            return {"document": self.document_files[pk]}
        label = model_label(model)
        key = self.snippet_keys.get((label, pk))
        if key is None:
            raise BundleError(label, f"object {pk} is not part of a bundle")
        return {"snippet": label, **key}

    def rich_text(self, html):
        def replace(kind, attrs):
            pk = attrs.pop("id", None)
            if pk is None or not pk.isdigit():
                return attrs
            model = {"page": Page, "image": AbstractImage, "document": AbstractDocument}[kind]
            ref = self.ref(model, int(pk))
            if ref:
                attrs[kind] = ref[kind]
            return attrs

        return _rewrite_rich_text(html, replace)


class ImportRefs:
    """Bundle references → database ids, for one import (filled as objects are created)."""

    def __init__(self):
        self.pages = {}  # "/ja/…/" → id
        self.images = {}
        self.documents = {}
        self.snippets = {}  # (label, frozen natural key) → id

    @staticmethod
    def snippet_key(ref):
        return (ref["snippet"], tuple(sorted((k, v) for k, v in ref.items() if k != "snippet")))

    def resolve(self, ref):
        if ref is None:
            return None
        if "page" in ref:
            table, key = self.pages, ref["page"]
        elif "image" in ref:
            table, key = self.images, ref["image"]
        elif "document" in ref:
            table, key = self.documents, ref["document"]
        elif "snippet" in ref:
            table, key = self.snippets, self.snippet_key(ref)
        else:
            raise BundleError("", f"not a reference: {ref!r}")
        if key not in table:
            raise Unresolved(ref)
        return table[key]

    def rich_text(self, html, lenient):
        def replace(kind, attrs):
            value = attrs.pop(kind, None)
            if value is None:
                return attrs
            try:
                attrs = {"id": str(self.resolve({kind: value})), **attrs}
            except Unresolved:
                if not lenient:
                    raise
            return attrs

        return _rewrite_rich_text(html, replace)


# -- StreamField values -------------------------------------------------------------------------


def walk_stream(block, value, on_ref, on_rich_text, where):
    """Return ``value`` (raw JSON of ``block``) with chooser values passed through ``on_ref``
    and rich text through ``on_rich_text``. Unknown block types are a BundleError."""
    if value is None:
        return None
    if isinstance(block, blocks.StreamBlock):
        out = []
        for item in value:
            child = block.child_blocks.get(item.get("type"))
            if child is None:
                raise BundleError(where, f"unknown block {item.get('type')!r}")
            out.append(
                {
                    **item,
                    "value": walk_stream(child, item.get("value"), on_ref, on_rich_text, where),
                }
            )
        return out
    if isinstance(block, blocks.ListBlock):
        out = []
        for item in value:
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                inner = walk_stream(block.child_block, item["value"], on_ref, on_rich_text, where)
                out.append({**item, "value": inner})
            else:
                out.append(walk_stream(block.child_block, item, on_ref, on_rich_text, where))
        return out
    if isinstance(block, TypedTableBlock):
        columns = value.get("columns", [])
        rows = []
        for row in value.get("rows", []):
            cells = []
            for column, cell in zip(columns, row.get("values", []), strict=False):
                child = block.child_blocks.get(column.get("type"))
                if child is None:
                    raise BundleError(where, f"unknown table column type {column.get('type')!r}")
                cells.append(walk_stream(child, cell, on_ref, on_rich_text, where))
            rows.append({**row, "values": cells})
        return {**value, "rows": rows}
    if isinstance(block, blocks.StructBlock):
        if not isinstance(value, dict):
            # ImageBlock also accepts a bare image id (older data).
            if "image" in block.child_blocks:
                value = {"image": value}
            else:
                return value
        out = dict(value)
        for name, child in block.child_blocks.items():
            if name in out:
                out[name] = walk_stream(child, out[name], on_ref, on_rich_text, where)
        return out
    if isinstance(block, blocks.ChooserBlock):
        return on_ref(block.target_model, value)
    if isinstance(block, blocks.RichTextBlock):
        return on_rich_text(value)
    return value


# -- whole instances ----------------------------------------------------------------------------


def content_fields(model, skip=()):
    """Concrete fields that are content: not the primary key, parent links or ``skip``."""
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name in skip:
            continue
        if isinstance(field, models.OneToOneField) and field.remote_field.parent_link:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            continue  # timestamps of this database, not content
        yield field


def dump_instance(instance, refs, skip=()):
    """The content of ``instance`` as JSON-ready data (references instead of ids)."""
    model = type(instance)
    where = model_label(model)
    data = {}
    for field in content_fields(model, skip):
        if isinstance(field, models.ForeignKey):
            if field.related_model is apps.get_model("wagtailcore.Locale"):
                continue
            data[field.name] = refs.ref(field.related_model, getattr(instance, field.attname))
        elif isinstance(field, StreamField):
            raw = field.stream_block.get_prep_value(getattr(instance, field.name))
            data[field.name] = walk_stream(
                field.stream_block,
                raw,
                lambda target, pk: refs.ref(_model(target), pk),
                refs.rich_text,
                where,
            )
        elif isinstance(field, RichTextField):
            data[field.name] = refs.rich_text(getattr(instance, field.name))
        else:
            data[field.name] = plain_value(field.value_from_object(instance))
    for field in model._meta.many_to_many:
        if isinstance(field, ParentalManyToManyField):
            related = field.related_model
            values = [refs.ref(related, obj.pk) for obj in getattr(instance, field.name).all()]
            data[field.name] = sorted(values, key=canonical)
    for relation in get_all_child_relations(model):
        name = relation.get_accessor_name()
        if name in CHILD_SKIPPED_RELATIONS:
            continue
        child_model = relation.related_model
        child_skip = {relation.field.name, "sort_order", "locale"}
        children = getattr(instance, name).all()
        if "sort_order" in {f.name for f in child_model._meta.fields}:
            children = sorted(children, key=lambda c: (c.sort_order is None, c.sort_order or 0))
        data[name] = [dump_instance(child, refs, child_skip) for child in children]
    return data


def _model(target):
    if isinstance(target, str):
        return apps.get_model(target)
    return target


def load_instance(instance, data, refs, where, *, lenient=False, skip=()):
    """Set ``instance``'s content from ``data``. With ``lenient``, references to objects not
    imported yet become empty (a second pass sets them); otherwise they are an error."""
    model = type(instance)
    deferred = []

    def resolve(ref):
        try:
            return refs.resolve(ref)
        except Unresolved:
            if lenient:
                deferred.append(ref)
                return None
            raise BundleError(
                where, f"refers to {_describe(ref)}, which the bundle does not hold"
            ) from None

    def rich(html):
        try:
            return refs.rich_text(html, lenient)
        except Unresolved as error:
            ref = error.args[0]
            raise BundleError(
                where, f"links to {_describe(ref)}, which the bundle does not hold"
            ) from None

    fields = {field.name: field for field in content_fields(model, skip)}
    for name, value in data.items():
        field = fields.get(name)
        if field is None:
            continue
        if isinstance(field, models.ForeignKey):
            setattr(instance, field.attname, resolve(value))
        elif isinstance(field, StreamField):
            raw = walk_stream(
                field.stream_block,
                value or [],
                lambda target, ref: resolve(ref) if isinstance(ref, dict) else ref,
                rich,
                where,
            )
            setattr(instance, name, json.dumps(raw))
        elif isinstance(field, RichTextField):
            setattr(instance, name, rich(value))
        else:
            try:
                setattr(instance, name, field.to_python(value))
            except Exception as error:  # noqa: BLE001 - Django's ValidationError and friends
                raise BundleError(where, f"field {name!r}: {error}") from None
    for field in model._meta.many_to_many:
        if isinstance(field, ParentalManyToManyField) and field.name in data and not lenient:
            ids = [pk for pk in (resolve(ref) for ref in data[field.name]) if pk is not None]
            getattr(instance, field.name).set(ids)
    for relation in get_all_child_relations(model):
        name = relation.get_accessor_name()
        if name in CHILD_SKIPPED_RELATIONS or name not in data or lenient:
            continue  # a first, lenient pass makes the object only; the second adds children
        child_model = relation.related_model
        child_skip = {relation.field.name, "sort_order", "locale"}
        children = []
        for order, child_data in enumerate(data[name]):
            child = child_model()
            if "sort_order" in {f.name for f in child_model._meta.fields}:
                child.sort_order = order
            if issubclass(child_model, TranslatableMixin):
                child.locale_id = instance.locale_id
            deferred += load_instance(
                child,
                child_data,
                refs,
                f"{where} {name}[{order}]",
                lenient=lenient,
                skip=child_skip,
            )
            children.append(child)
        setattr(instance, name, children)
    return deferred


def _describe(ref):
    if "snippet" in ref:
        return f"{ref['snippet']} {ref.get('key') or ref.get('code') or ref}"
    return next(iter(ref.values()))
