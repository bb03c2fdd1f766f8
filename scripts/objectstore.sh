#!/usr/bin/env bash
# The S3-compatible object store on loopback, in the foreground: `scripts/objectstore.sh PORT DATADIR`.
# Creates the media buckets (idempotent): AWS_STORAGE_BUCKET_NAME (public: images and renditions
# readable by anyone through the bucket policy of base/storage.py) and AWS_PRIVATE_BUCKET_NAME.
#
# STAND-IN: this is moto's server (moto[server], from requirements-dev.txt), which keeps objects in
# memory and enforces no bucket policy. It is used only because no real S3 server can be installed
# on this machine (no Go toolchain for MinIO/SeaweedFS; only PyPI, Debian and npm). The site talks
# to it with standard django-storages/boto3, so a real endpoint is only configuration
# (AWS_S3_ENDPOINT_URL, keys, bucket names). Objects are lost when it stops; DATADIR keeps its log.
# TERM or INT stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:?usage: scripts/objectstore.sh PORT DATADIR}
DATADIR=${2:?usage: scripts/objectstore.sh PORT DATADIR}
BIN=.venv/bin
mkdir -p "$DATADIR"
export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-objectstore-local}
export AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-objectstore-local-secret}
export AWS_DEFAULT_REGION=${AWS_S3_REGION_NAME:-us-east-1}

$BIN/moto_server -H 127.0.0.1 -p "$PORT" >>"$DATADIR/objectstore.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; exit 0' TERM INT

AWS_S3_ENDPOINT_URL="http://127.0.0.1:$PORT" $BIN/python - <<'PY'
import json, os, time

import boto3
from botocore.exceptions import ClientError, EndpointConnectionError

from base.storage import public_bucket_policy

s3 = boto3.client("s3", endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"])
for _ in range(100):
    try:
        s3.list_buckets()
        break
    except EndpointConnectionError:
        time.sleep(0.1)
public = os.environ.get("AWS_STORAGE_BUCKET_NAME") or "gobierno-abierto-media"
private = os.environ.get("AWS_PRIVATE_BUCKET_NAME") or "gobierno-abierto-private"
for bucket in (public, private):
    try:
        s3.create_bucket(Bucket=bucket)
    except ClientError as error:
        if error.response["Error"]["Code"] not in {"BucketAlreadyOwnedByYou", "BucketAlreadyExists"}:
            raise
s3.put_bucket_policy(Bucket=public, Policy=json.dumps(public_bucket_policy(public)))
print(f"objectstore: http://127.0.0.1:{os.environ['AWS_S3_ENDPOINT_URL'].rsplit(':', 1)[1]} buckets {public}, {private}")
PY
wait "$server"
