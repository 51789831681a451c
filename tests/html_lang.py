"""The language a screen reader would use for a piece of text on a rendered page.

`lang_of(html, text)` finds the element whose own text contains `text` and returns the lang
of its nearest ancestor-or-self that has one (the <html lang> at the top): what the tests of
the Japanese fallback assert on, rather than on the exact markup around the text."""

from html.parser import HTMLParser

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _Finder(HTMLParser):
    def __init__(self, text, default):
        super().__init__(convert_charrefs=True)
        self.text = text
        self.default = default
        self.stack = []  # (tag, lang or None)
        self.found = []  # effective lang of each text node that contains the text

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        self.stack.append((tag, dict(attrs).get("lang")))

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        # Text in <script> (JSON-LD) and <title> is not read as part of the page's content.
        if self.stack and self.stack[-1][0] in {"script", "style", "title"}:
            return
        if self.text in data:
            self.found.append(
                next(
                    (lang for _tag, lang in reversed(self.stack) if lang is not None),
                    self.default,
                )
            )


def langs_of(html, text, default=None):
    """The effective lang of every text node containing `text` (empty: nowhere); `default`
    where no element around it has a lang (a part of a page, cut out by `between`)."""
    finder = _Finder(text, default)
    finder.feed(html)
    finder.close()
    return finder.found


def lang_of(html, text, default=None):
    """The effective lang of the text nodes containing `text`; fails when it is not on the
    page, or is there in several languages."""
    found = set(langs_of(html, text, default))
    assert found, f"{text!r} is not on the page"
    assert len(found) == 1, f"{text!r} is marked with several languages: {found}"
    return found.pop()


def between(html, start, end):
    """The part of the page from the first `start` to the next `end` after it."""
    begin = html.index(start)
    return html[begin : html.index(end, begin)]
