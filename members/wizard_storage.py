"""Wizard storage that starts a session only when there is something to keep.

formtools' SessionStorage writes its empty state into the session as soon as the wizard is
instantiated, so every cookie-less GET of the registration page (a visitor, a crawler, a load
balancer's probe) created a session row and a session cookie. This storage keeps the state
in memory until a step has data (the first valid POST); `persist()`, called by the wizard once
the request is handled, then writes it to the session. A wizard already in the session is read
and written there directly, as formtools does.

It also remembers when the wizard was last used, so that a reload resumes the step reached
(RegistrationWizard.get) while a wizard left alone for IDLE_SECONDS starts fresh: on a shared
computer the next person does not find someone else's name and address in the form.
"""

import time

from formtools.wizard.storage.base import BaseStorage

# Long enough to look up a postcode or fetch one's kana spelling; well inside the profile
# step's time trap (core.abuse, 24 hours), which the last step checks again.
IDLE_SECONDS = 2 * 60 * 60


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

    def touch(self):
        """Note that the wizard was used now (only once it holds a step's data)."""
        if self.data[self.step_data_key]:
            self.data["used_at"] = time.time()

    def is_resumable(self, steps):
        """A wizard in progress, at a known step, used within IDLE_SECONDS."""
        data = self.data
        used_at = data.get("used_at") or 0
        return bool(
            data[self.step_data_key]
            and data[self.step_key] in steps
            and time.time() - used_at < IDLE_SECONDS
        )

    def persist(self):
        """Move the state into the session once there is something in it."""
        if self._unsaved is not None and self.has_content():
            self.request.session[self.prefix] = self._unsaved
            self._unsaved = None
