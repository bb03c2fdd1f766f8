"""Media on S3-compatible object storage (django-storages), when the deployment configures one.

Two buckets, both plain django-storages ``S3Storage`` (any S3 endpoint: AWS, MinIO, SeaweedFS...):

- the **public** bucket (``AWS_STORAGE_BUCKET_NAME``, Django's ``default`` storage): Wagtail's
  images (``original_images/``) and renditions (``images/``), read by browsers straight from the
  bucket (or the CDN in front of it, ``AWS_S3_CUSTOM_DOMAIN``) with plain, unsigned URLs; and
  Wagtail's documents (``documents/``), which the bucket policy does *not* make public: every
  document is served through Wagtail's view (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``), which
  applies collection privacy and view restrictions, the download headers and the PDF sandbox.
- the **private** bucket (``AWS_PRIVATE_BUCKET_NAME``, storage alias ``private``): citizens'
  attachments (contacto), read only by the staff download view. No URL of any kind.

Credentials, region and endpoint come from Django's ``AWS_*`` settings, never from constructor
arguments: Wagtail's file-deletion task stores the storage's deconstructed arguments in the task
queue, and keys must not end up in the database.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils.deconstruct import deconstructible
from storages.backends.s3 import S3Storage

PUBLIC_PREFIXES = ("original_images/", "images/")


@deconstructible(path="base.storage.PublicMediaStorage")
class PublicMediaStorage(S3Storage):
    """The public bucket: unsigned URLs for images and renditions."""

    def get_default_settings(self):
        defaults = super().get_default_settings()
        defaults["bucket_name"] = settings.AWS_STORAGE_BUCKET_NAME
        defaults["querystring_auth"] = False
        defaults["file_overwrite"] = False
        defaults["default_acl"] = None
        return defaults


@deconstructible(path="base.storage.PrivateMediaStorage")
class PrivateMediaStorage(S3Storage):
    """The private bucket: read through permission-checked views only, so it has no URL at all."""

    def get_default_settings(self):
        defaults = super().get_default_settings()
        defaults["bucket_name"] = settings.AWS_PRIVATE_BUCKET_NAME
        defaults["file_overwrite"] = False
        defaults["default_acl"] = None
        defaults["custom_domain"] = None
        return defaults

    def url(self, name, *args, **kwargs):
        raise ValueError("Private files have no URL: they are served by permission-checked views.")


def public_media_url(endpoint_url, bucket, custom_domain=None, protocol="https:"):
    """The base URL of the public bucket's objects (``MEDIA_URL``), as ``PublicMediaStorage`` builds them."""
    if custom_domain:
        return f"{protocol}//{custom_domain}/"
    if endpoint_url:
        return f"{endpoint_url.rstrip('/')}/{bucket}/"
    return f"https://{bucket}.s3.amazonaws.com/"


def origin(url):
    """``scheme://host[:port]`` of a URL, for the CSP's ``img-src``."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def public_bucket_policy(bucket):
    """The bucket policy that makes only images and renditions readable by anyone (README, *Deploying*)."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicImagesAndRenditions",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [f"arn:aws:s3:::{bucket}/{prefix}*" for prefix in PUBLIC_PREFIXES],
            }
        ],
    }
