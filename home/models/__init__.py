from home.models.events import EventIndexPage, EventPage
from home.models.images import IMAGE_MODEL, PortalImage, PortalRendition
from home.models.news import NewsCategory, NewsIndexPage, NewsPage
from home.models.pages import (
    HomePage,
    HomePageFeaturedStory,
    SectionExternalLink,
    SectionPage,
    StandardPage,
)
from home.models.search import SearchDocument
from home.models.site import NavigationMenu, NavigationMenuItem, SiteIdentity, SiteSettings
from home.models.stories import StoryIndexPage, StoryPage, StoryTheme

__all__ = [
    "IMAGE_MODEL",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "HomePageFeaturedStory",
    "NavigationMenu",
    "NavigationMenuItem",
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "PortalImage",
    "PortalRendition",
    "SearchDocument",
    "SectionExternalLink",
    "SectionPage",
    "SiteIdentity",
    "SiteSettings",
    "StandardPage",
    "StoryIndexPage",
    "StoryPage",
    "StoryTheme",
]
