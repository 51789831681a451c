"""The test suite's media storage (config.settings.test): in memory, one store per process.

Django builds a new default storage whenever a test changes STORAGES (and again when the change
is undone). A plain InMemoryStorage would start empty each time, so the images that the demo
site built for the whole session (tests/sites.py) would vanish for every later test on that
worker. Every instance of this class shares the process's one in-memory tree."""

from django.core.files.storage import InMemoryStorage


class SharedInMemoryStorage(InMemoryStorage):
    _shared_root = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if SharedInMemoryStorage._shared_root is None:
            SharedInMemoryStorage._shared_root = self._root
        self._root = SharedInMemoryStorage._shared_root
