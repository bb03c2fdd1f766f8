"""Keep the public progress history: a dated entry whenever a publication moves progress or status."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .history import record_progress
from .models import CompromisoPage


@receiver(page_published, sender=CompromisoPage)
def record_progress_on_publish(sender, instance, **kwargs):
    """Write a history entry if the published commitment's progress or status changed."""
    record_progress(instance)
