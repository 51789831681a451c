"""Build the test suite's small content bundle (tests/bundle/) from the demo bundle.

    .venv/bin/python scripts/build_test_bundle.py [content/tomakomai] [tests/bundle]

It keeps the pages listed in PAGES in every language of the demo, every snippet, the settings
and the images the kept content uses, drops references to pages it leaves out, and puts one
block of every type the demo uses into the test bundle's "moving" section (with the blocks'
English strings), so that the tests render every block type in Japanese and English.
Run it again after the demo bundle changes; review the diff of tests/bundle/.
"""

import json
import re
import shutil
import sys
from pathlib import Path

# 15 pages per language: each page type the tests meet through the portal's own content.
PAGES = [
    "",
    "moving/",
    "stories/",
    "stories/hokki-clam-mornings/",
    "news/",
    "news/consultation-desk-opens/",
    "events/",
    "events/online-two-region-seminar/",
    "privacy/",
    "furusato-resident/",
    "activities/",
    "activities/beach-cleanup/",
    "entry-pass/",
    "entry-pass/partners/",
    "consultation/",
]
BLOCKS_PAGE = "moving/"


def dump(data):
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def load_pages(bundle):
    pages = {}
    for path in sorted((bundle / "pages").rglob("index.json")):
        url = "/" + path.parent.relative_to(bundle / "pages").as_posix() + "/"
        url = url.replace("//", "/")
        pages[url] = json.loads(path.read_text())
    return pages


def main():
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "content/tomakomai")
    target = Path(sys.argv[2] if len(sys.argv) > 2 else "tests/bundle")
    manifest = json.loads((source / "manifest.json").read_text())
    pages = load_pages(source)
    default = manifest["default_language"]
    originals = {url: data for url, data in pages.items() if "fields" in data}
    kept_keys = {
        pages[f"/{default}/{path}"]["key"] for path in PAGES if f"/{default}/{path}" in pages
    }
    kept = {url: data for url, data in pages.items() if data["key"] in kept_keys}
    # A translated page must sit under a kept parent (its folder), like its source.
    kept = {
        url: data
        for url, data in kept.items()
        if url.count("/") == 2 or url.rsplit("/", 2)[0] + "/" in kept
    }
    kept_urls = set(kept)
    kept_codes = None  # tracking links, known once they are pruned

    def prune(value):
        """Drop references to pages that are left out (lists lose the item, fields go null)."""
        if isinstance(value, dict):
            if set(value) == {"page"}:
                return value if value["page"] in kept_urls else None
            if value.get("snippet") == "campaigns.trackinglink" and kept_codes is not None:
                return value if value["code"] in kept_codes else None
            out = {}
            for key, item in value.items():
                out[key] = prune(item)
            return out
        if isinstance(value, list):
            items = [prune(item) for item in value]
            # Child objects whose page reference was dropped (featured stories, menu items).
            return [
                item
                for item, before in zip(items, value, strict=True)
                if not _lost_page(before, item)
            ]
        if isinstance(value, str) and 'linktype="page"' in value:
            return re.sub(
                r'<a linktype="page" page="([^"]+)">(.*?)</a>',
                lambda m: m.group(0) if m.group(1) in kept_urls else m.group(2),
                value,
            )
        return value

    blocks_url = f"/{default}/{BLOCKS_PAGE}"
    seen_types = {
        block["type"] for block in kept[blocks_url]["fields"].get("body", []) if "type" in block
    }
    extra_blocks, extra_strings = [], []
    for url, data in sorted(originals.items()):
        if url in kept_urls and url != blocks_url:
            seen_types |= {b["type"] for b in data["fields"].get("body", []) or []}
    for _url, data in sorted(originals.items()):
        for block in data["fields"].get("body", []) or []:
            if block["type"] in seen_types:
                continue
            seen_types.add(block["type"])
            extra_blocks.append(block)
            for other in pages.values():
                if other.get("key") == data["key"] and "strings" in other:
                    extra_strings += [
                        (other["locale"], s)
                        for s in other["strings"]
                        if s["context"].startswith(f"body.{block['id']}")
                    ]
    kept[blocks_url]["fields"]["body"] = kept[blocks_url]["fields"]["body"] + extra_blocks
    for data in kept.values():
        if data["key"] == kept[blocks_url]["key"] and "strings" in data:
            data["strings"] += [s for language, s in extra_strings if language == data["locale"]]

    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    links = prune(json.loads((source / "snippets" / "campaigns.trackinglink.json").read_text()))
    kept_codes = {link["code"] for link in links if not _points_nowhere(link)}
    pruned = {url: prune(data) for url, data in kept.items()}
    used_images = set()
    for url, data in pruned.items():
        folder = target / "pages" / url.strip("/")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.json").write_text(dump(data))
    for folder_name in ("snippets", "settings"):
        for path in sorted((source / folder_name).glob("*.json")):
            data = prune(json.loads(path.read_text()))
            if path.name == "campaigns.trackinglink.json":
                data = [e for e in data if not _points_nowhere(e)]
            (target / folder_name).mkdir(exist_ok=True)
            (target / folder_name / path.name).write_text(dump(data))
    for path in sorted(target.rglob("*.json")):
        used_images |= set(re.findall(r"images/[\w.-]+\.\w+", path.read_text()))
    (target / "images").mkdir()
    index = json.loads((source / "images" / "index.json").read_text())
    index = [entry for entry in index if entry["file"] in used_images]
    for entry in index:
        shutil.copy(source / entry["file"], target / entry["file"])
    (target / "images" / "index.json").write_text(dump(index))
    for name in ("redirects.json",):
        if (source / name).exists():
            shutil.copy(source / name, target / name)
    (target / "manifest.json").write_text(dump(manifest))
    languages = sorted({d["locale"] for d in pruned.values()})
    per_language = {
        lang: sum(1 for d in pruned.values() if d["locale"] == lang) for lang in languages
    }
    print(f"{target}: pages {per_language}, {len(index)} images, blocks {sorted(seen_types)}")


def _lost_page(before, after):
    if isinstance(before, dict) and isinstance(after, dict):
        for key, value in before.items():
            if isinstance(value, dict) and set(value) == {"page"} and after.get(key) is None:
                if not any(k.endswith("url") and before.get(k) for k in before):
                    return True
    return False


def _points_nowhere(link):
    fields = link.get("fields", {})
    return fields.get("target") == "page" and not fields.get("target_page")


if __name__ == "__main__":
    main()
