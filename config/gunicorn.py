"""gunicorn settings for production (``gunicorn -c config/gunicorn.py config.wsgi``).

Everything can be overridden from the environment (``GUNICORN_BIND``, ``WEB_CONCURRENCY``...).
The access log carries no personal data: no client address, no user name, no query string
(search terms, tracking codes), no referrer and no user agent: time, method, path, status,
size and duration only. Both the access log and gunicorn's error log pass through the
filter that masks e-mails, IPs and RUTs (``base.logfilters.RedactingGunicornLogger``).
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8080")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Restart workers now and then so no leak can build up; jitter avoids restarting all at once.
max_requests = 2000
max_requests_jitter = 200
# Only the TLS proxy on this machine may tell us the original scheme (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
# gunicorn's own lines ("Invalid request from ip=…", tracebacks) are masked like Django's logs.
logger_class = "base.logfilters.RedactingGunicornLogger"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# %(t)s time, %(m)s method, %(U)s path WITHOUT query string, %(s)s status, %(B)s bytes, %(M)s ms.
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
