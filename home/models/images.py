"""Images: Wagtail's image model with a credit line and required alt text."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image

IMAGE_MODEL = "home.PortalImage"


class PortalImage(AbstractImage):
    """Wagtail's image plus what a public site needs: a credit line, and alt text that is
    required unless the editor marks the image as decorative (JIS X 8341-3 / WCAG 1.1.1)."""

    credit = models.CharField(_("credit"), max_length=120, blank=True)
    is_decorative = models.BooleanField(
        _("decorative image"),
        default=False,
        help_text=_("Tick only if the image adds no information; screen readers will skip it."),
    )

    admin_form_fields = Image.admin_form_fields + ("credit", "is_decorative")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def clean(self):
        super().clean()
        if not self.is_decorative and not (self.description or "").strip():
            raise ValidationError(
                {
                    "description": _(
                        "Describe the image for people who cannot see it, or mark it decorative."
                    )
                }
            )

    @property
    def default_alt_text(self):
        return "" if self.is_decorative else (self.description or "")


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
