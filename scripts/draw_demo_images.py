"""Draw the demo's illustrations with Pillow: flat pictures, no text, nothing downloaded.

    .venv/bin/python scripts/draw_demo_images.py OUTDIR [--width 1600 --height 900] [KEY ...]

writes OUTDIR/demo-<key>.png for every key (or the keys given). Drawing is deterministic: the
same key and size always give the same bytes. The demo bundle's images (content/tomakomai/
images/) were drawn with it and converted with scripts/bundle_images_to_webp.py; the titles
and descriptions below are the ones the bundle's images/index.json gives them.
Needs only Pillow, not Django.
"""

import argparse
import io
import math
import random
import sys
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

IMAGE_SPECS = {
    "sea": {
        "title": ("夕暮れの海", "The sea at dusk"),
        "description": (
            "夕焼けの空と、水平線に沈みかけた太陽、光の帯を映す波立つ海、手前の砂浜を描いたイラスト"
        ),
    },
    "port": {
        "title": ("港とフェリー", "Ferry in the port"),
        "description": (
            "青空の下の港で、白いフェリーが海に浮かび、岸壁に赤いクレーンと色とりどりのコンテナが"
            "並ぶ様子を描いたイラスト"
        ),
    },
    "mountain": {
        "title": ("溶岩ドームのある火山", "Volcano with a lava dome"),
        "description": (
            "山頂に丸い溶岩ドームがのった火山と、そこから立ちのぼる白い噴気、"
            "ふもとに広がる緑の丘と針葉樹を描いたイラスト"
        ),
    },
    "lake": {
        "title": ("山に囲まれた湖", "Lake ringed by hills"),
        "description": "なだらかな緑の山々に囲まれ、空を映して青く光る湖を描いたイラスト",
    },
    "forest": {
        "title": ("針葉樹の森", "Conifer forest"),
        "description": (
            "淡い空の下、奥から手前へと幾重にも重なって立ち並ぶ針葉樹の森を描いたイラスト"
        ),
    },
    "wetland": {
        "title": ("湿原の水辺と野鳥", "Wetland reeds and birds"),
        "description": (
            "手前に穂をつけたヨシが茂る水辺と、水面に浮かぶ白い水鳥、"
            "空を群れで飛ぶ鳥を描いたイラスト"
        ),
    },
    "town": {
        "title": ("煙突のあるまちなみ", "Town with factory chimneys"),
        "description": (
            "窓の並ぶ色とりどりの建物と街路樹、その奥にそびえる紅白の煙突と工場を描いた、"
            "まちなみのイラスト"
        ),
    },
    "food": {
        "title": ("ホッキ貝のひと皿", "A plate of surf clams"),
        "description": (
            "木のテーブルの上の白い皿に、こげ茶色の殻つきの貝と、殻を開けて紅色の身を見せた貝を"
            "盛り付け、横に箸を添えたところを真上から描いたイラスト"
        ),
    },
    "berries": {
        "title": ("ハスカップの実", "Haskap berries"),
        "description": (
            "緑の葉をつけた枝から下がる、細長い濃い青紫色のハスカップの実を描いたイラスト"
        ),
    },
    "snow": {
        "title": ("雪の丘", "Snowy hills"),
        "description": (
            "雪におおわれたなだらかな丘と、雪をかぶった針葉樹、舞い落ちる雪を描いたイラスト"
        ),
    },
    "work": {
        "title": ("海の見える窓辺の仕事机", "Laptop by a window with a sea view"),
        "description": (
            "海と水平線が見える窓辺の木のテーブルに、開いたノートパソコンと湯気の立つマグカップ、"
            "小さな鉢植えが置かれたイラスト"
        ),
    },
    "festival": {
        "title": ("夜に灯る提灯", "Lanterns glowing at night"),
        "description": (
            "星の出た夜空の下、ひもに連なって赤や橙色に灯る提灯と、家々の屋根のシルエットを"
            "描いたイラスト"
        ),
    },
}

_SUPERSAMPLE = 2
_TAU = 2 * math.pi


# --- drawing helpers ------------------------------------------------------------------------


def _mix(a, b, t):
    t = min(1.0, max(0.0, t))
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=False))


def _at(stops, t):
    """Colour at position t in [0, 1] of a gradient given as [(position, colour), ...]."""
    if t <= stops[0][0]:
        return stops[0][1]
    for (p0, c0), (p1, c1) in zip(stops, stops[1:], strict=False):
        if t <= p1:
            return _mix(c0, c1, (t - p0) / max(1e-9, p1 - p0))
    return stops[-1][1]


def _vgradient(draw, box, stops):
    x0, y0, x1, y1 = (round(v) for v in box)
    span = max(1, y1 - y0 - 1)
    for y in range(y0, y1):
        draw.line([(x0, y), (x1, y)], fill=_at(stops, (y - y0) / span))


def _ridge(rng, w, h, base, amp, waves=3, bottom=None, steps=120):
    """A wavy skyline polygon from a horizon at fraction `base` of the height, closed below."""
    terms = [
        (rng.uniform(0, _TAU), rng.uniform(0.6, 1.4) * (k + 1), amp / (k + 1)) for k in range(waves)
    ]
    points = []
    for i in range(steps + 1):
        x = w * i / steps
        y = base * h + sum(a * h * math.sin(f * _TAU * x / w + p) for p, f, a in terms)
        points.append((x, y))
    bottom = h if bottom is None else bottom
    return [*points, (w, bottom), (0, bottom)]


def _ellipse(draw, cx, cy, rx, ry, **kwargs):
    draw.ellipse([cx - rx, cy - ry, cx + rx, cy + ry], **kwargs)


def _rotated_ellipse(cx, cy, rx, ry, angle, steps=48, pinch=0.0):
    """Points of an ellipse rotated by `angle`; `pinch` narrows one end (leaf and shell shapes)."""
    ca, sa = math.cos(angle), math.sin(angle)
    points = []
    for i in range(steps):
        t = _TAU * i / steps
        x = rx * math.cos(t)
        y = ry * math.sin(t) * (1 - pinch * (math.cos(t) + 1) / 2)
        points.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    return points


def _overlay(img):
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    return layer, ImageDraw.Draw(layer)


def _glow(img, cx, cy, radius, colour, strength=160):
    layer, d = _overlay(img)
    for i in range(12, 0, -1):
        r = radius * i / 12
        alpha = round(strength * (1 - i / 12) ** 1.6 + 8)
        _ellipse(d, cx, cy, r, r, fill=(*colour, alpha))
    layer = layer.filter(ImageFilter.GaussianBlur(radius / 10))
    img.alpha_composite(layer)


def _cloud(draw, rng, cx, cy, size, colour=(255, 255, 255, 215)):
    for _ in range(6):
        dx = rng.uniform(-1.2, 1.2) * size
        dy = rng.uniform(-0.25, 0.15) * size
        r = rng.uniform(0.45, 0.8) * size
        _ellipse(draw, cx + dx, cy + dy, r, r * 0.6, fill=colour)


def _conifer(draw, x, base, height, colour, snow=None):
    width = height * 0.42
    trunk = height * 0.08
    draw.rectangle([x - trunk / 2, base - height * 0.12, x + trunk / 2, base], fill=(90, 65, 45))
    for k in range(3):
        top = base - height + k * height * 0.25
        bottom = top + height * 0.5
        half = width * (0.55 + 0.22 * k) / 2
        draw.polygon([(x, top), (x + half, bottom), (x - half, bottom)], fill=colour)
        if snow:
            draw.polygon(
                [
                    (x, top),
                    (x + half * 0.45, top + height * 0.22),
                    (x - half * 0.45, top + height * 0.22),
                ],
                fill=snow,
            )


def _waves(draw, rng, w, y0, y1, colour, count, length=(0.03, 0.09), thickness=(1, 3)):
    for _ in range(count):
        t = rng.random() ** 1.4
        y = y0 + (y1 - y0) * t
        scale = 0.4 + 1.6 * t
        x = rng.uniform(-0.05, 1.0) * w
        seg = rng.uniform(*length) * w * scale
        amp = seg * 0.06
        pts = [(x + seg * i / 12, y - amp * math.sin(math.pi * i / 12)) for i in range(13)]
        draw.line(pts, fill=colour, width=max(1, round(rng.uniform(*thickness) * scale)))


def _birds(draw, rng, cx, cy, spread, count, size, colour, formation=False):
    for i in range(count):
        if formation:
            side = 1 if i % 2 else -1
            rank = (i + 1) // 2
            x = cx - rank * spread * 0.9
            y = cy + side * rank * spread * 0.45
        else:
            x = cx + rng.uniform(-1, 1) * spread * 3
            y = cy + rng.uniform(-1, 1) * spread
        s = size * rng.uniform(0.8, 1.2)
        draw.line(
            [(x - s, y - s * 0.35), (x - s * 0.45, y - s * 0.05), (x, y + s * 0.1)],
            fill=colour,
            width=max(2, round(s * 0.18)),
            joint="curve",
        )
        draw.line(
            [(x, y + s * 0.1), (x + s * 0.45, y - s * 0.05), (x + s, y - s * 0.35)],
            fill=colour,
            width=max(2, round(s * 0.18)),
            joint="curve",
        )


# --- one function per picture ---------------------------------------------------------------


def _sea(img, d, rng, w, h):
    horizon = 0.56 * h
    _vgradient(
        d,
        (0, 0, w, horizon),
        [(0, (34, 48, 104)), (0.45, (126, 92, 148)), (0.8, (242, 142, 96)), (1, (255, 198, 140))],
    )
    layer, ld = _overlay(img)
    for _ in range(4):
        _cloud(
            ld,
            rng,
            rng.uniform(0.05, 0.95) * w,
            rng.uniform(0.12, 0.35) * h,
            0.06 * w,
            colour=(255, 190, 170, 70),
        )
    img.alpha_composite(layer.filter(ImageFilter.GaussianBlur(w / 200)))
    sun_x, sun_r = 0.66 * w, 0.085 * h
    _glow(img, sun_x, horizon, sun_r * 4, (255, 190, 120), strength=150)
    _ellipse(d, sun_x, horizon, sun_r, sun_r, fill=(255, 226, 160))
    _vgradient(d, (0, horizon, w, h), [(0, (44, 66, 118)), (1, (14, 30, 64))])
    for i in range(26):
        t = i / 26
        y = horizon + 6 + t * 0.34 * h
        half = sun_r * (1.2 - t * 0.7) * rng.uniform(0.6, 1.1)
        d.line([(sun_x - half, y), (sun_x + half, y)], fill=(255, 200, 140), width=round(2 + t * 8))
    _waves(d, rng, w, horizon + 4, 0.86 * h, (92, 124, 176), 140)
    beach = [(0, 0.9 * h)]
    for i in range(1, 41):
        x = w * i / 40
        beach.append((x, 0.9 * h - 0.1 * h * (i / 40) ** 2 + 0.006 * h * math.sin(i)))
    d.polygon([*beach, (w, h), (0, h)], fill=(226, 196, 150))
    d.line([(x, y - 3) for x, y in beach], fill=(246, 240, 228), width=round(h * 0.008))


def _port(img, d, rng, w, h):
    horizon = 0.55 * h
    _vgradient(d, (0, 0, w, horizon), [(0, (96, 162, 222)), (1, (206, 232, 248))])
    layer, ld = _overlay(img)
    for cx, cy in ((0.2, 0.16), (0.55, 0.1), (0.83, 0.22)):
        _cloud(ld, rng, cx * w, cy * h, 0.05 * w)
    img.alpha_composite(layer)
    d.polygon(_ridge(rng, w, h, 0.52, 0.012, bottom=horizon + 2), fill=(150, 176, 196))
    _vgradient(d, (0, horizon, w, h), [(0, (52, 122, 180)), (1, (22, 72, 124))])
    _waves(d, rng, w, horizon + 4, h, (110, 170, 214), 110)
    # quay with containers and cranes
    quay_top = 0.7 * h
    d.polygon([(0.6 * w, quay_top), (w, quay_top), (w, h), (0.52 * w, h)], fill=(166, 166, 160))
    d.line([(0.6 * w, quay_top), (w, quay_top)], fill=(120, 120, 116), width=round(h * 0.01))
    palette = [(200, 60, 50), (40, 90, 160), (60, 140, 90), (230, 170, 40), (120, 70, 140)]
    cw, ch = 0.07 * w, 0.045 * h
    for row in range(3):
        for col in range(4 - row):
            x = 0.66 * w + col * cw * 1.04 + row * cw * 0.5
            y = quay_top - (row + 1) * ch
            colour = palette[rng.randrange(len(palette))]
            d.rectangle(
                [x, y, x + cw, y + ch], fill=colour, outline=_mix(colour, (0, 0, 0), 0.35), width=2
            )
            for k in range(1, 8):
                rx = x + cw * k / 8
                d.line([(rx, y + 3), (rx, y + ch - 3)], fill=_mix(colour, (0, 0, 0), 0.2), width=2)
    red, white = (206, 52, 42), (240, 240, 236)
    for cx, top in ((0.63, 0.22), (0.86, 0.26)):
        leg = 0.055 * w
        x0, x1 = cx * w, cx * w + leg
        beam = top * h
        lw = round(w * 0.008)
        for x in (x0, x1):
            d.line([(x, quay_top), (x, beam)], fill=red, width=lw)
        d.line([(x0, 0.5 * h), (x1, 0.5 * h)], fill=white, width=lw)
        d.line([(x0 - 0.16 * w, beam), (x1 + 0.05 * w, beam)], fill=red, width=lw)
        d.line([(x0, beam), (x0 + leg / 2, beam - 0.08 * h), (x1, beam)], fill=white, width=lw // 2)
        d.line([(x0 - 0.16 * w, beam), (x0 + leg / 2, beam - 0.08 * h)], fill=white, width=lw // 3)
        d.rectangle([x0 - 0.02 * w, beam, x0 + 0.01 * w, beam + 0.03 * h], fill=(60, 60, 70))
    # ferry
    water = 0.76 * h
    left, right = 0.05 * w, 0.53 * w
    hull = [
        (left, water - 0.1 * h),
        (right, water - 0.1 * h),
        (right - 0.02 * w, water),
        (left + 0.05 * w, water),
    ]
    d.polygon(hull, fill=(246, 246, 244))
    d.polygon(
        [
            (left + 0.008 * w, water - 0.045 * h),
            (right - 0.009 * w, water - 0.045 * h),
            (right - 0.013 * w, water - 0.03 * h),
            (left + 0.02 * w, water - 0.03 * h),
        ],
        fill=(30, 70, 140),
    )
    d.polygon(
        [
            (left + 0.05 * w, water),
            (right - 0.02 * w, water),
            (right - 0.024 * w, water + 0.012 * h),
            (left + 0.055 * w, water + 0.012 * h),
        ],
        fill=(150, 40, 40),
    )
    deck = water - 0.1 * h
    for tier, (a, b) in enumerate(((0.1, 0.5), (0.16, 0.47), (0.23, 0.44))):
        y1 = deck - tier * 0.05 * h
        d.rectangle(
            [a * w, y1 - 0.05 * h, b * w, y1],
            fill=(250, 250, 250),
            outline=(200, 205, 210),
            width=2,
        )
        for k in range(int((b - a) * 60)):
            x = a * w + 0.012 * w + k * w / 60
            if x < b * w - 0.012 * w:
                d.rectangle([x, y1 - 0.034 * h, x + 0.008 * w, y1 - 0.018 * h], fill=(50, 70, 100))
    d.rectangle([0.38 * w, deck - 0.22 * h, 0.42 * w, deck - 0.15 * h], fill=(30, 70, 140))
    d.rectangle([0.38 * w, deck - 0.22 * h, 0.42 * w, deck - 0.2 * h], fill=(206, 52, 42))
    layer, ld = _overlay(img)
    ld.rectangle(
        [left + 0.06 * w, water + 0.014 * h, right - 0.03 * w, water + 0.05 * h],
        fill=(255, 255, 255, 40),
    )
    img.alpha_composite(layer.filter(ImageFilter.GaussianBlur(w / 300)))


def _mountain(img, d, rng, w, h):
    _vgradient(
        d, (0, 0, w, h), [(0, (104, 164, 218)), (0.7, (214, 234, 244)), (1, (226, 238, 240))]
    )
    layer, ld = _overlay(img)
    _cloud(ld, rng, 0.15 * w, 0.18 * h, 0.05 * w)
    _cloud(ld, rng, 0.88 * w, 0.12 * h, 0.04 * w)
    img.alpha_composite(layer)
    base, rim = 0.76 * h, 0.34 * h
    body = [
        (0.02 * w, base),
        (0.25 * w, 0.58 * h),
        (0.4 * w, rim + 0.02 * h),
        (0.44 * w, rim),
        (0.58 * w, rim),
        (0.62 * w, rim + 0.02 * h),
        (0.78 * w, 0.58 * h),
        (w, base),
    ]
    d.polygon(body, fill=(104, 112, 136))
    d.polygon(
        [
            (0.51 * w, rim),
            (0.58 * w, rim),
            (0.62 * w, rim + 0.02 * h),
            (0.78 * w, 0.58 * h),
            (w, base),
            (0.6 * w, base),
        ],
        fill=(88, 94, 118),
    )
    for k in range(9):
        top_x = (0.44 + 0.018 * k) * w
        foot_x = (0.22 + 0.075 * k + rng.uniform(-0.015, 0.015)) * w
        d.line(
            [(top_x, rim + 0.04 * h), (foot_x, base - 0.01 * h)],
            fill=(96, 102, 126),
            width=round(w * 0.003),
        )
    dome = [(0.455 * w, rim)]
    for i in range(1, 30):
        t = i / 30
        dome.append((0.455 * w + 0.11 * w * t, rim - 0.085 * h * math.sin(math.pi * t) ** 0.7))
    dome.append((0.565 * w, rim))
    d.polygon(dome, fill=(72, 62, 64))
    d.line(dome[3:12], fill=(110, 96, 96), width=round(w * 0.004))
    layer, ld = _overlay(img)
    for i in range(10):
        t = i / 10
        x = 0.53 * w + t * 0.16 * w + rng.uniform(-0.01, 0.01) * w
        y = rim - 0.08 * h - t * 0.2 * h
        r = 0.018 * w + t * 0.04 * w
        _ellipse(ld, x, y, r, r * 0.7, fill=(255, 255, 255, round(190 - 140 * t)))
    img.alpha_composite(layer.filter(ImageFilter.GaussianBlur(w / 150)))
    d.polygon(_ridge(rng, w, h, 0.74, 0.02), fill=(92, 150, 96))
    for _ in range(40):
        x = rng.uniform(0, 1) * w
        _conifer(d, x, 0.8 * h + rng.uniform(0, 0.03) * h, 0.08 * h, (52, 110, 72))
    d.polygon(_ridge(rng, w, h, 0.86, 0.025), fill=(46, 100, 62))
    for _ in range(18):
        x = rng.uniform(0, 1) * w
        _conifer(d, x, 0.95 * h + rng.uniform(0, 0.05) * h, 0.16 * h, (30, 78, 50))


def _lake(img, d, rng, w, h):
    _vgradient(
        d, (0, 0, w, h), [(0, (112, 172, 224)), (0.5, (214, 236, 246)), (1, (214, 236, 246))]
    )
    layer, ld = _overlay(img)
    _cloud(ld, rng, 0.3 * w, 0.14 * h, 0.06 * w)
    _cloud(ld, rng, 0.75 * w, 0.2 * h, 0.05 * w)
    img.alpha_composite(layer)
    d.polygon(_ridge(rng, w, h, 0.36, 0.05), fill=(128, 160, 170))
    d.polygon(_ridge(rng, w, h, 0.45, 0.03), fill=(92, 140, 112))
    cx, cy, rx, ry = 0.5 * w, 0.64 * h, 0.48 * w, 0.16 * h
    lake_mask = Image.new("L", img.size, 0)
    _ellipse(ImageDraw.Draw(lake_mask), cx, cy, rx, ry, fill=255)
    water = Image.new("RGBA", img.size)
    _vgradient(
        ImageDraw.Draw(water),
        (0, cy - ry, w, cy + ry),
        [(0, (150, 200, 232)), (0.4, (54, 130, 196)), (1, (30, 92, 160))],
    )
    wd = ImageDraw.Draw(water)
    _waves(wd, rng, w, cy - ry * 0.8, cy + ry, (190, 224, 244), 70, length=(0.02, 0.06))
    img.paste(water, (0, 0), lake_mask)
    left = [
        (0, 0.42 * h),
        (0.1 * w, 0.46 * h),
        (0.2 * w, 0.55 * h),
        (0.24 * w, 0.64 * h),
        (0.14 * w, 0.74 * h),
        (0, 0.8 * h),
    ]
    d.polygon(left, fill=(70, 124, 84))
    right = [
        (w, 0.4 * h),
        (0.88 * w, 0.47 * h),
        (0.8 * w, 0.56 * h),
        (0.78 * w, 0.62 * h),
        (0.9 * w, 0.72 * h),
        (w, 0.76 * h),
    ]
    d.polygon(right, fill=(64, 116, 80))
    front = [(0, 0.78 * h)]
    for i in range(41):
        t = i / 40
        front.append((t * w, 0.82 * h + 0.06 * h * (2 * t - 1) ** 2 - 0.01 * h * math.sin(9 * t)))
    d.polygon([*front, (w, h), (0, h)], fill=(86, 146, 82))
    for _ in range(26):
        x = rng.choice([rng.uniform(0, 0.2), rng.uniform(0.82, 1)]) * w
        _conifer(d, x, rng.uniform(0.86, 1.0) * h, rng.uniform(0.1, 0.16) * h, (40, 92, 58))


def _forest(img, d, rng, w, h):
    _vgradient(
        d, (0, 0, w, h), [(0, (176, 212, 226)), (0.6, (232, 238, 226)), (1, (232, 238, 226))]
    )
    layers = [
        (0.5, 0.16, (150, 182, 176), 34),
        (0.62, 0.22, (104, 148, 128), 26),
        (0.76, 0.3, (62, 112, 84), 18),
        (0.95, 0.42, (30, 74, 52), 11),
    ]
    for base, height, colour, count in layers:
        d.polygon(_ridge(rng, w, h, base - 0.01, 0.008), fill=colour)
        xs = sorted(rng.uniform(-0.03, 1.03) * w for _ in range(count))
        for x in xs:
            tree_h = height * h * rng.uniform(0.75, 1.1)
            _conifer(d, x, base * h + rng.uniform(0, 0.02) * h, tree_h, colour)


def _wetland(img, d, rng, w, h):
    horizon = 0.56 * h
    _vgradient(
        d, (0, 0, w, horizon), [(0, (150, 190, 222)), (0.7, (232, 226, 206)), (1, (246, 224, 188))]
    )
    d.polygon(_ridge(rng, w, h, 0.53, 0.008, bottom=horizon + 4), fill=(84, 112, 92))
    _vgradient(
        d, (0, horizon, w, h), [(0, (200, 214, 214)), (0.5, (120, 160, 184)), (1, (70, 112, 144))]
    )
    _waves(d, rng, w, horizon + 6, h, (226, 236, 236), 90, length=(0.04, 0.1), thickness=(1, 2))
    for sx, sy, s in ((0.36, 0.66, 1.0), (0.47, 0.69, 1.15), (0.62, 0.64, 0.85)):
        x, y, u = sx * w, sy * h, 0.03 * w * s
        _ellipse(d, x, y, u * 1.1, u * 0.45, fill=(250, 250, 248))
        d.line(
            [(x - u * 0.7, y - u * 0.1), (x - u * 0.95, y - u * 0.9), (x - u * 0.8, y - u * 1.4)],
            fill=(250, 250, 248),
            width=round(u * 0.22),
            joint="curve",
        )
        _ellipse(d, x - u * 0.82, y - u * 1.45, u * 0.18, u * 0.16, fill=(250, 250, 248))
        d.polygon(
            [
                (x - u * 0.95, y - u * 1.5),
                (x - u * 1.25, y - u * 1.38),
                (x - u * 0.95, y - u * 1.36),
            ],
            fill=(236, 170, 60),
        )
        d.line([(x - u * 1.0, y + u * 0.5), (x + u, y + u * 0.5)], fill=(210, 224, 228), width=3)
    _birds(d, rng, 0.7 * w, 0.2 * h, 0.035 * w, 9, 0.018 * w, (60, 60, 72), formation=True)
    _birds(d, rng, 0.25 * w, 0.3 * h, 0.03 * w, 4, 0.014 * w, (70, 70, 84))
    for _ in range(260):
        x = rng.uniform(-0.02, 1.02) * w
        if 0.3 * w < x < 0.7 * w and rng.random() < 0.7:
            continue
        top = h * rng.uniform(0.5, 0.8)
        lean = rng.uniform(-0.03, 0.03) * w
        colour = _mix((118, 132, 66), (170, 140, 84), rng.random())
        d.line(
            [(x, h), (x + lean * 0.5, (h + top) / 2), (x + lean, top)],
            fill=colour,
            width=round(w * rng.uniform(0.0015, 0.003)),
            joint="curve",
        )
        if rng.random() < 0.45:
            plume = _rotated_ellipse(x + lean, top - 0.02 * h, 0.006 * w, 0.03 * h, 0.15)
            d.polygon(plume, fill=_mix((150, 112, 80), (196, 170, 130), rng.random()))


def _town(img, d, rng, w, h):
    _vgradient(
        d, (0, 0, w, h), [(0, (136, 190, 232)), (0.7, (230, 240, 246)), (1, (230, 240, 246))]
    )
    # factory and chimneys in the distance
    d.rectangle([0.5 * w, 0.46 * h, 0.95 * w, 0.62 * h], fill=(176, 186, 200))
    d.polygon([(0.5 * w, 0.46 * h), (0.6 * w, 0.42 * h), (0.6 * w, 0.46 * h)], fill=(166, 176, 190))
    layer, ld = _overlay(img)
    for i, cx in enumerate((0.64, 0.72, 0.8)):
        top = (0.12 + 0.04 * i) * h
        x0, x1 = cx * w - 0.012 * w, cx * w + 0.012 * w
        for k in range(8):
            y0 = top + (0.62 * h - top) * k / 8
            y1 = top + (0.62 * h - top) * (k + 1) / 8
            d.rectangle([x0, y0, x1, y1], fill=(210, 60, 50) if k % 2 == 0 else (244, 244, 240))
        for j in range(7):
            r = 0.02 * w + j * 0.012 * w
            _ellipse(
                ld,
                cx * w + j * 0.03 * w,
                top - 0.03 * h - j * 0.02 * h,
                r,
                r * 0.6,
                fill=(236, 238, 242, 150 - j * 18),
            )
    img.alpha_composite(layer.filter(ImageFilter.GaussianBlur(w / 250)))
    colours = [
        (232, 214, 186),
        (196, 214, 226),
        (222, 190, 170),
        (240, 232, 210),
        (184, 200, 184),
        (214, 200, 222),
    ]
    x = -0.02 * w
    while x < w:
        bw = rng.uniform(0.08, 0.15) * w
        top = rng.uniform(0.3, 0.6) * h
        colour = rng.choice(colours)
        d.rectangle(
            [x, top, x + bw, 0.84 * h], fill=colour, outline=_mix(colour, (0, 0, 0), 0.25), width=3
        )
        d.rectangle(
            [x - 0.004 * w, top - 0.012 * h, x + bw + 0.004 * w, top],
            fill=_mix(colour, (0, 0, 0), 0.3),
        )
        cols = max(2, int(bw / (0.028 * w)))
        for row in range(int((0.78 * h - top) / (0.06 * h))):
            for col in range(cols):
                wx = x + bw * (col + 0.3) / cols
                wy = top + 0.04 * h + row * 0.06 * h
                lit = rng.random() < 0.25
                d.rectangle(
                    [wx, wy, wx + bw * 0.4 / cols, wy + 0.032 * h],
                    fill=(255, 232, 160) if lit else (94, 120, 150),
                )
        x += bw + rng.uniform(0.005, 0.02) * w
    d.rectangle([0, 0.84 * h, w, 0.88 * h], fill=(200, 198, 192))
    d.rectangle([0, 0.88 * h, w, h], fill=(92, 96, 104))
    for k in range(10):
        x = (k + 0.3) * w / 10
        d.rectangle([x, 0.935 * h, x + 0.04 * w, 0.945 * h], fill=(236, 236, 230))
    for k in range(6):
        x = (k + 0.5) * w / 6
        d.rectangle([x - 0.004 * w, 0.78 * h, x + 0.004 * w, 0.86 * h], fill=(100, 76, 56))
        _ellipse(d, x, 0.75 * h, 0.03 * w, 0.05 * h, fill=(76, 140, 82))


def _clam(d, cx, cy, size, angle, open_):
    shell = _rotated_ellipse(cx, cy, size, size * 0.78, angle, pinch=0.35)
    if not open_:
        d.polygon(shell, fill=(112, 80, 58), outline=(70, 48, 34), width=3)
        for k in range(1, 5):
            scale = 1 - 0.19 * k  # growth lines: smaller rings drawn towards the hinge
            shift = size * (0.97 - scale)
            ring = _rotated_ellipse(
                cx + math.cos(angle) * shift,
                cy + math.sin(angle) * shift,
                size * scale,
                size * 0.78 * scale,
                angle,
                pinch=0.35,
            )
            d.line([*ring, ring[0]], fill=(150, 114, 84), width=4)
        return
    d.polygon(shell, fill=(128, 92, 66), outline=(70, 48, 34), width=3)
    inner = _rotated_ellipse(cx, cy, size * 0.9, size * 0.68, angle, pinch=0.35)
    d.polygon(inner, fill=(244, 238, 228))
    flesh = _rotated_ellipse(cx, cy, size * 0.74, size * 0.5, angle, pinch=0.3)
    d.polygon(flesh, fill=(240, 226, 204))
    tongue = _rotated_ellipse(
        cx + math.cos(angle) * size * 0.22,
        cy + math.sin(angle) * size * 0.22,
        size * 0.5,
        size * 0.3,
        angle,
        pinch=0.5,
    )
    d.polygon(tongue, fill=(222, 86, 92))


def _food(img, d, rng, w, h):
    d.rectangle([0, 0, w, h], fill=(170, 120, 80))
    for k in range(6):
        y = k * h / 5
        d.line([(0, y), (w, y)], fill=(130, 88, 56), width=round(h * 0.006))
    for _ in range(70):
        y = rng.uniform(0, 1) * h
        x = rng.uniform(-0.2, 0.9) * w
        d.line(
            [(x, y), (x + rng.uniform(0.1, 0.3) * w, y + rng.uniform(-4, 4))],
            fill=(156, 108, 70),
            width=2,
        )
    cx, cy, r = 0.46 * w, 0.52 * h, 0.4 * h
    layer, ld = _overlay(img)
    _ellipse(ld, cx + 0.015 * w, cy + 0.03 * h, r, r, fill=(40, 20, 10, 110))
    img.alpha_composite(layer.filter(ImageFilter.GaussianBlur(w / 120)))
    _ellipse(d, cx, cy, r, r, fill=(250, 250, 246), outline=(214, 214, 208), width=3)
    _ellipse(d, cx, cy, r * 0.78, r * 0.78, fill=(240, 240, 234))
    s = r * 0.26
    closed = [
        (-0.42, -0.3, 0.4),
        (0.05, -0.5, -0.3),
        (0.45, -0.2, 0.9),
        (-0.5, 0.25, -0.6),
        (0.35, 0.42, 2.6),
    ]
    for dx, dy, a in closed:
        _clam(d, cx + dx * r, cy + dy * r, s, a, False)
    for dx, dy, a in ((-0.06, 0.1, 0.3), (-0.1, 0.55, -0.2), (0.32, 0.08, 2.8)):
        _clam(d, cx + dx * r, cy + dy * r, s * 1.05, a, True)
    for k in range(2):
        x0, y0 = 0.8 * w + k * 0.025 * w, 0.12 * h
        x1, y1 = 0.86 * w + k * 0.025 * w, 0.92 * h
        d.line([(x0, y0), (x1, y1)], fill=(60, 34, 24), width=round(w * 0.011))
        d.line(
            [(x0, y0), (x0 + (x1 - x0) * 0.25, y0 + (y1 - y0) * 0.25)],
            fill=(170, 40, 40),
            width=round(w * 0.011),
        )


def _berries(img, d, rng, w, h):
    _vgradient(d, (0, 0, w, h), [(0, (214, 232, 204)), (1, (160, 198, 150))])
    layer, ld = _overlay(img)
    for _ in range(18):
        pts = _rotated_ellipse(
            rng.uniform(0, 1) * w,
            rng.uniform(0, 1) * h,
            0.1 * w,
            0.04 * w,
            rng.uniform(0, math.pi),
            pinch=0.2,
        )
        ld.polygon(pts, fill=(130, 176, 118, 70))
    img.alpha_composite(layer.filter(ImageFilter.GaussianBlur(w / 60)))
    branches = [
        [(0.0, 0.7), (0.3, 0.55), (0.62, 0.36), (1.0, 0.2)],
        [(0.3, 0.55), (0.42, 0.78), (0.5, 1.02)],
        [(0.62, 0.36), (0.76, 0.56), (0.9, 0.72)],
    ]
    nodes = []
    for b in branches:
        pts = [(x * w, y * h) for x, y in b]
        d.line(pts, fill=(116, 84, 60), width=round(h * 0.014), joint="curve")
        for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
            direction = math.atan2(y1 - y0, x1 - x0)
            for k in range(1, 3):
                t = k / 3
                nodes.append((x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, direction))
    leaf_len = 0.075 * w
    for x, y, direction in nodes:
        for side in (-1, 1):
            a = direction + side * 1.05 + rng.uniform(-0.15, 0.15)
            leaf = _rotated_ellipse(
                x + math.cos(a) * leaf_len,
                y + math.sin(a) * leaf_len,
                leaf_len,
                leaf_len * 0.42,
                a,
                pinch=0.25,
            )
            colour = _mix((66, 124, 66), (112, 170, 96), rng.random())
            d.polygon(leaf, fill=colour)
            d.line(
                [(x, y), (x + math.cos(a) * leaf_len * 1.9, y + math.sin(a) * leaf_len * 1.9)],
                fill=_mix(colour, (230, 240, 210), 0.35),
                width=3,
            )
    for x, y, _direction in nodes:
        for k in range(2):
            bx = x + (k - 0.5) * 0.03 * w
            by = y + 0.11 * h + rng.uniform(0, 0.02) * h
            d.line([(x, y), (bx, by - 0.05 * h)], fill=(100, 110, 62), width=4)
            tilt = math.pi / 2 + (k - 0.5) * 0.35
            berry = _rotated_ellipse(bx, by, 0.034 * w, 0.017 * w, tilt, pinch=-0.15)
            d.polygon(berry, fill=(46, 36, 90))
            inner = _rotated_ellipse(bx - 0.003 * w, by, 0.028 * w, 0.012 * w, tilt)
            d.polygon(inner, fill=(74, 68, 128))
            _ellipse(d, bx - 0.006 * w, by - 0.018 * w, 0.003 * w, 0.01 * w, fill=(180, 180, 216))


def _snow(img, d, rng, w, h):
    _vgradient(
        d, (0, 0, w, h), [(0, (150, 190, 228)), (0.6, (222, 234, 246)), (1, (222, 234, 246))]
    )
    d.polygon(_ridge(rng, w, h, 0.42, 0.04), fill=(208, 220, 238))
    d.polygon(_ridge(rng, w, h, 0.56, 0.035), fill=(232, 238, 248))
    for _ in range(22):
        x = rng.uniform(0, 1) * w
        _conifer(
            d,
            x,
            0.6 * h + rng.uniform(0, 0.04) * h,
            rng.uniform(0.08, 0.12) * h,
            (58, 84, 82),
            snow=(246, 248, 252),
        )
    front = _ridge(rng, w, h, 0.74, 0.03)
    d.polygon(front, fill=(250, 252, 255))
    d.line(front[:-2], fill=(200, 214, 236), width=round(h * 0.006))
    for _ in range(7):
        x = rng.uniform(0, 1) * w
        _conifer(
            d,
            x,
            0.86 * h + rng.uniform(0, 0.1) * h,
            rng.uniform(0.18, 0.26) * h,
            (40, 66, 64),
            snow=(250, 252, 255),
        )
    layer, ld = _overlay(img)
    for _ in range(420):
        r = rng.uniform(0.002, 0.006) * w
        _ellipse(ld, rng.uniform(0, 1) * w, rng.uniform(0, 1) * h, r, r, fill=(255, 255, 255, 210))
    img.alpha_composite(layer.filter(ImageFilter.GaussianBlur(w / 1600)))


def _work(img, d, rng, w, h):
    d.rectangle([0, 0, w, h], fill=(236, 226, 210))
    wx0, wy0, wx1, wy1 = 0.08 * w, 0.06 * h, 0.92 * w, 0.6 * h
    horizon = 0.36 * h
    view = Image.new("RGBA", (round(wx1 - wx0), round(wy1 - wy0)))
    vw, vh, vd = view.width, view.height, ImageDraw.Draw(view)
    sea_top = horizon - wy0
    _vgradient(vd, (0, 0, vw, sea_top), [(0, (120, 180, 228)), (1, (214, 236, 248))])
    _vgradient(vd, (0, sea_top, vw, vh), [(0, (70, 140, 196)), (1, (40, 100, 160))])
    _waves(vd, rng, vw, sea_top + 4, vh, (150, 200, 234), 40)
    for cx, cy, size in ((0.25, 0.18, 0.05), (0.68, 0.3, 0.04)):
        _cloud(vd, rng, cx * vw, cy * vh, size * vw, colour=(255, 255, 255))
    img.paste(view, (round(wx0), round(wy0)))
    d.polygon(
        [
            (0.66 * w, horizon - 0.005 * h),
            (0.72 * w, horizon - 0.005 * h),
            (0.715 * w, horizon + 0.004 * h),
            (0.665 * w, horizon + 0.004 * h),
        ],
        fill=(250, 250, 250),
    )
    frame = round(0.014 * w)
    d.rectangle([wx0, wy0, wx1, wy1], outline=(250, 248, 242), width=frame)
    d.line([((wx0 + wx1) / 2, wy0), ((wx0 + wx1) / 2, wy1)], fill=(250, 248, 242), width=frame)
    d.rectangle([wx0 - 0.02 * w, wy1, wx1 + 0.02 * w, wy1 + 0.02 * h], fill=(250, 248, 242))
    _vgradient(d, (0, 0.66 * h, w, h), [(0, (196, 146, 100)), (1, (166, 116, 76))])
    d.rectangle([0, 0.66 * h, w, 0.675 * h], fill=(150, 104, 68))
    # laptop
    base = [(0.3 * w, 0.86 * h), (0.66 * w, 0.86 * h), (0.62 * w, 0.74 * h), (0.34 * w, 0.74 * h)]
    d.polygon(base, fill=(200, 202, 208), outline=(150, 152, 160), width=3)
    d.polygon(
        [
            (0.43 * w, 0.84 * h),
            (0.53 * w, 0.84 * h),
            (0.525 * w, 0.815 * h),
            (0.435 * w, 0.815 * h),
        ],
        fill=(180, 182, 190),
    )
    for row in range(4):
        y = 0.755 * h + row * 0.014 * h
        inset = 0.004 * w * (3 - row)
        d.line([(0.36 * w - inset, y), (0.6 * w + inset, y)], fill=(170, 172, 180), width=3)
    d.rectangle([0.35 * w, 0.47 * h, 0.61 * w, 0.74 * h], fill=(50, 54, 64))
    _vgradient(
        d, (0.36 * w, 0.485 * h, 0.6 * w, 0.725 * h), [(0, (224, 240, 250)), (1, (186, 216, 240))]
    )
    d.rectangle([0.37 * w, 0.5 * h, 0.59 * w, 0.53 * h], fill=(90, 140, 200))
    for k in range(3):
        y = 0.56 * h + k * 0.05 * h
        d.rounded_rectangle([0.37 * w, y, 0.47 * w, y + 0.035 * h], radius=6, fill=(255, 255, 255))
        d.rounded_rectangle([0.49 * w, y, 0.59 * w, y + 0.035 * h], radius=6, fill=(255, 255, 255))
    # mug with steam
    mx, my = 0.76 * w, 0.8 * h
    d.rectangle([mx - 0.035 * w, my - 0.1 * h, mx + 0.035 * w, my], fill=(246, 246, 240))
    _ellipse(d, mx, my, 0.035 * w, 0.012 * h, fill=(246, 246, 240))
    _ellipse(d, mx, my - 0.1 * h, 0.035 * w, 0.012 * h, fill=(120, 80, 50))
    d.arc(
        [mx + 0.02 * w, my - 0.085 * h, mx + 0.06 * w, my - 0.025 * h],
        -90,
        90,
        fill=(246, 246, 240),
        width=round(w * 0.006),
    )
    for k in range(2):
        sx = mx - 0.012 * w + k * 0.024 * w
        d.line(
            [(sx + 0.006 * w * math.sin(i), my - 0.12 * h - i * 0.012 * h) for i in range(8)],
            fill=(255, 255, 255),
            width=4,
            joint="curve",
        )
    # potted plant
    px = 0.16 * w
    d.polygon(
        [
            (px - 0.03 * w, 0.78 * h),
            (px + 0.03 * w, 0.78 * h),
            (px + 0.022 * w, 0.86 * h),
            (px - 0.022 * w, 0.86 * h),
        ],
        fill=(196, 110, 70),
    )
    for k in range(7):
        a = -math.pi / 2 + (k - 3) * 0.35
        leaf = _rotated_ellipse(
            px + math.cos(a) * 0.03 * w,
            0.76 * h + math.sin(a) * 0.05 * h,
            0.03 * w,
            0.011 * w,
            a,
            pinch=0.3,
        )
        d.polygon(leaf, fill=(70, 140, 80))


def _festival(img, d, rng, w, h):
    _vgradient(d, (0, 0, w, h), [(0, (12, 16, 48)), (0.7, (52, 36, 82)), (1, (78, 46, 78))])
    for _ in range(160):
        x, y = rng.uniform(0, 1) * w, rng.uniform(0, 0.6) * h
        r = rng.uniform(1, 3.2)
        _ellipse(d, x, y, r, r, fill=(255, 250, 220))
    roofs = [(0, h)]
    x = 0.0
    while x < w:
        bw = rng.uniform(0.1, 0.18) * w
        top = rng.uniform(0.72, 0.82) * h
        roofs += [(x, top + 0.04 * h), (x + bw / 2, top), (x + bw, top + 0.04 * h)]
        x += bw
    d.polygon([*roofs, (w, h)], fill=(22, 20, 36))
    strings = [(0.14, 0.12), (0.34, 0.14), (0.54, 0.1)]
    lanterns = []
    for y0, sag in strings:
        pts = [(t * w, y0 * h + sag * h * 4 * t * (1 - t)) for t in (i / 60 for i in range(61))]
        d.line(pts, fill=(40, 34, 40), width=4)
        for i in range(3, 60, 6):
            lanterns.append(pts[i])
    layer, ld = _overlay(img)
    for x, y in lanterns:
        for i in range(8, 0, -1):
            r = 0.1 * h * i / 8
            _ellipse(ld, x, y + 0.07 * h, r, r, fill=(255, 150, 80, round(70 * (1 - i / 8) + 6)))
    img.alpha_composite(layer.filter(ImageFilter.GaussianBlur(h / 60)))
    colours = [(222, 58, 42), (236, 112, 40), (214, 44, 60)]
    for n, (x, y) in enumerate(lanterns):
        rx, ry = 0.026 * w, 0.05 * h
        cy = y + 0.07 * h
        colour = colours[n % 3]
        d.line([(x, y), (x, cy - ry)], fill=(40, 34, 40), width=3)
        _ellipse(d, x, cy, rx, ry, fill=colour)
        _ellipse(
            d,
            x - rx * 0.25,
            cy - ry * 0.1,
            rx * 0.45,
            ry * 0.7,
            fill=_mix(colour, (255, 230, 160), 0.45),
        )
        for k in range(1, 6):
            yy = cy - ry + 2 * ry * k / 6
            half = rx * math.sqrt(max(0.0, 1 - ((yy - cy) / ry) ** 2))
            d.line([(x - half, yy), (x + half, yy)], fill=_mix(colour, (90, 20, 20), 0.35), width=2)
        d.rectangle(
            [x - rx * 0.55, cy - ry - 0.008 * h, x + rx * 0.55, cy - ry + 0.006 * h],
            fill=(30, 26, 30),
        )
        d.rectangle(
            [x - rx * 0.55, cy + ry - 0.006 * h, x + rx * 0.55, cy + ry + 0.008 * h],
            fill=(30, 26, 30),
        )


_PAINTERS = {
    "sea": _sea,
    "port": _port,
    "mountain": _mountain,
    "lake": _lake,
    "forest": _forest,
    "wetland": _wetland,
    "town": _town,
    "food": _food,
    "berries": _berries,
    "snow": _snow,
    "work": _work,
    "festival": _festival,
}


def render_png(key: str, width: int = 1600, height: int = 900) -> bytes:
    """Draw the illustration for `key` and return PNG bytes (same key, same bytes)."""
    if key not in _PAINTERS:
        raise KeyError(f"unknown demo image key: {key}")
    w, h = width * _SUPERSAMPLE, height * _SUPERSAMPLE
    img = Image.new("RGBA", (w, h), (255, 255, 255, 255))
    rng = random.Random(zlib.crc32(key.encode()))
    _PAINTERS[key](img, ImageDraw.Draw(img), rng, w, h)
    out = img.convert("RGB").resize((width, height), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    out.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def main(argv=None):
    parser = argparse.ArgumentParser(description="Draw the demo illustrations as PNG files.")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("keys", nargs="*", metavar="KEY", help=", ".join(_PAINTERS))
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args(argv)
    unknown = set(args.keys) - set(_PAINTERS)
    if unknown:
        parser.error(f"unknown keys: {', '.join(sorted(unknown))}")
    args.outdir.mkdir(parents=True, exist_ok=True)
    for key in args.keys or list(_PAINTERS):
        path = args.outdir / f"demo-{key}.png"
        path.write_bytes(render_png(key, args.width, args.height))
        print(f"{path}  {IMAGE_SPECS[key]['title'][1]}")


if __name__ == "__main__":
    sys.exit(main())
