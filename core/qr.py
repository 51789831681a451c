"""QR codes (segno), drawn one way everywhere: error correction level M, which survives a
scratched poster or a cracked phone screen and still fits a pass code in a small symbol."""

import io

import segno

ERROR_CORRECTION = "m"
CONTENT_TYPES = {"svg": "image/svg+xml", "png": "image/png"}


def make(data):
    return segno.make(data, error=ERROR_CORRECTION)


def inline_svg(data, *, css_class, title=None, scale=5, border=2, **options):
    """An <svg> element to put in a page (title: its accessible name)."""
    if title is not None:
        options["title"] = title
    return make(data).svg_inline(scale=scale, border=border, svgclass=css_class, **options)


def image_file(data, kind, *, title=None, scale=10, border=4):
    """(bytes, content type) of an SVG or PNG file to download and print."""
    out = io.BytesIO()
    if kind == "svg":
        make(data).save(out, kind="svg", scale=scale, border=border, xmldecl=True, title=title)
    else:
        make(data).save(out, kind="png", scale=scale, border=border)
    return out.getvalue(), CONTENT_TYPES[kind]
