"""Convert a content bundle's PNG and JPEG images to WebP, in place.

    .venv/bin/python scripts/bundle_images_to_webp.py content/tomakomai [--quality 78]

Files are renamed the way export_content names them (<stem>-<sha256[:10]>.webp) and every
reference in the bundle's JSON files is rewritten, so the bundle stays consistent.
"""

import argparse
import hashlib
import io
import json
import re
from pathlib import Path

from PIL import Image


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--quality", type=int, default=78)
    args = parser.parse_args()
    index_path = args.bundle / "images" / "index.json"
    index = json.loads(index_path.read_text())
    renamed = {}
    for entry in index:
        old = args.bundle / entry["file"]
        if old.suffix.lower() not in {".png", ".jpg", ".jpeg"}:
            continue
        buffer = io.BytesIO()
        Image.open(old).convert("RGB").save(buffer, "WEBP", quality=args.quality, method=6)
        data = buffer.getvalue()
        stem = re.sub(r"-[0-9a-f]{10}$", "", old.stem)
        new_name = f"images/{stem}-{hashlib.sha256(data).hexdigest()[:10]}.webp"
        (args.bundle / new_name).write_bytes(data)
        old.unlink()
        renamed[entry["file"]] = new_name
        entry["file"] = new_name
    index.sort(key=lambda e: e["file"])
    index_path.write_text(json.dumps(index, ensure_ascii=False, sort_keys=True, indent=2) + "\n")
    for path in args.bundle.rglob("*.json"):
        text = path.read_text()
        changed = text
        for old, new in renamed.items():
            changed = changed.replace(old, new)  # names carry a hash: unique
        if changed != text:
            path.write_text(changed)
    total = sum(p.stat().st_size for p in (args.bundle / "images").glob("*.webp"))
    print(f"{len(renamed)} images converted; images now {total / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
