"""Record changes for followers: a commitment's new progress record, a body's publication."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from participacion.models import InstanciaPage
from programa_gobierno.models import RegistroAvance

from . import services


@receiver(post_save, sender=RegistroAvance)
def progress_recorded(sender, instance, created, **kwargs):
    """Each new progress record (written when a publication moves progress or status) is news."""
    if created:
        services.record_progress(instance)


@receiver(page_published, sender=InstanciaPage)
def body_published(sender, instance, **kwargs):
    """New or changed sessions and new documents of a published body are news."""
    services.record_body_publication(instance)
