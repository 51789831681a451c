"""Attachments live outside MEDIA_ROOT: the web server serves /media/ to anyone, while
attachments are streamed only by the views that check who asks (staff with the permission,
the person with their thread link or as the logged-in member)."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


def private_root():
    return str(getattr(settings, "CONSULTATION_PRIVATE_ROOT", settings.VAR_DIR / "private"))


@deconstructible(path="consultations.storage.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """A FileSystemStorage under CONSULTATION_PRIVATE_ROOT (default var/private), with no
    URL. The location is read on each use, so that a changed setting applies."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)

    @property
    def base_location(self):
        return private_root()

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Consultation attachments have no public URL.")


private_storage = PrivateStorage()
