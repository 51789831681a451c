"""Wizard storage that starts a session only when there is something to keep.

formtools' SessionStorage writes its empty state into the session as soon as the wizard is
instantiated, so every cookie-less GET of the registration page (a visitor, a crawler, a load
balancer's probe) created a session row and a session cookie. This storage keeps the state
in memory until a step has data (the first valid POST); `persist()`, called by the wizard once
the request is handled, then writes it to the session. A wizard already in the session is read
and written there directly, as formtools does.
"""

from formtools.wizard.storage.base import BaseStorage


class LazySessionStorage(BaseStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._unsaved = None
        if self.prefix not in self.request.session:
            self._unsaved = {}
            self.init_data()

    def _get_data(self):
        if self._unsaved is not None:
            return self._unsaved
        self.request.session.modified = True
        return self.request.session[self.prefix]

    def _set_data(self, value):
        if self._unsaved is not None:
            self._unsaved = value
            return
        self.request.session[self.prefix] = value
        self.request.session.modified = True

    data = property(_get_data, _set_data)

    def has_content(self):
        data = self.data
        return bool(
            data[self.step_data_key] or data[self.extra_data_key] or data[self.step_files_key]
        )

    def persist(self):
        """Move the state into the session once there is something in it."""
        if self._unsaved is not None and self.has_content():
            self.request.session[self.prefix] = self._unsaved
            self._unsaved = None
