vcl 4.1;
# Varnish in front of the application nodes (issue 20). The nodes and the addresses allowed to
# purge are not in this file: they are in "nodes.vcl", found on varnishd's vcl_path
# (scripts/cluster.sh writes one for loopback; config/varnish/nodes.example.vcl shows a deployment).
#
# What is cached is decided by the application, not here: the page cache (pagecache/) marks a
# response that is the same for every anonymous visitor with X-Cache-Tags and s-maxage. Everything
# else (a CSP nonce, a CSRF token, a Set-Cookie, the admin, errors, redirects) has no tags and is
# never stored, so no visitor ever receives another's nonce or token.

import directors;
import std;

# /healthz checks the node's database, cache and task queue (base/health.py); 2 good probes of 3
# put a node in, 2 failed ones take it out (within ~2 s).
probe healthz {
    .request = "GET /healthz HTTP/1.1"
        "Host: 127.0.0.1"
        "Connection: close"
        "User-Agent: varnish-probe";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

sub vcl_init {
    # A shard director: .backend(alt=N) gives the N-th alternative for the same key, so a retry is
    # sure to go to another node than the one that failed (a round robin shared by concurrent
    # requests could send it back to the dead one).
    new nodes = directors.shard();
    # The same nodes without probes: used only while every probe fails. /healthz also fails for
    # reasons that do not stop a node serving pages (the task queue's backlog when the worker is
    # down), and a site that answers is better than Varnish's 503 for everyone.
    new unprobed = directors.shard();
}

include "nodes.vcl";

sub vcl_init {
    nodes.reconfigure();
    unprobed.reconfigure();
}

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        # Only the application nodes (acl purgers in nodes.vcl) may drop cached pages.
        if (client.ip !~ purgers) {
            return (synth(405, "Method not allowed"));
        }
        if (req.method == "PURGE") {
            return (purge);
        }
        if (!req.http.X-Ban-Tags) {
            return (synth(400, "X-Ban-Tags missing"));
        }
        # Every stored response carries X-Cache-Tags: ",p:<key>,a:<key>,...," (pagecache/varnish.py).
        # Only obj.* in the expression: the ban lurker clears matching objects in the background.
        ban("obj.http.X-Cache-Tags ~ " + req.http.X-Ban-Tags);
        return (synth(200, "Banned"));
    }
    set req.backend_hint = nodes.backend(resolve=LAZY);
    if (!std.healthy(req.backend_hint)) {
        set req.backend_hint = unprobed.backend(resolve=LAZY);
    }
    # A client may not send the tags the cache keys bans on.
    unset req.http.X-Cache-Tags;
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Signed-in editors and someone who just sent a form (a flash message): the page cache's own
    # bypass cookies (pagecache.core.bypass_cookies).
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # A stale copy is served for up to 10 s while a fresh one is fetched.
    set req.grace = 10s;
    # Other cookies (csrftoken, a language choice) do not change a shared page: the node renders
    # the same bytes for them, and a page that uses the CSRF token sets a cookie and is not stored.
    return (hash);
}

sub vcl_hash {
    # The scheme is part of the key, as in the page cache: HSTS is sent only over HTTPS.
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_fetch {
    # Requests are spread over the nodes by a key drawn once per fetch; a retry takes the next
    # node for the same key, i.e. another node than the one that failed.
    if (bereq.retries == 0) {
        set bereq.http.X-Node-Key = bereq.xid;
    }
    if (std.healthy(nodes.backend(resolve=LAZY))) {
        set bereq.backend = nodes.backend(by=KEY, key=nodes.key(bereq.http.X-Node-Key), alt=bereq.retries);
    } else {
        set bereq.backend = unprobed.backend(by=KEY, key=unprobed.key(bereq.http.X-Node-Key), alt=bereq.retries);
    }
}

sub vcl_backend_response {
    # A node that is dying answers 502/503: an idempotent request tries the other node once.
    if (beresp.status >= 502 && beresp.status <= 504 && bereq.retries < 1
        && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Hashed static files (whitenoise marks them immutable): the same bytes for everyone, forever.
    # Their Vary (Accept-Encoding) is kept: one copy per encoding.
    if (bereq.url ~ "^/static/" && beresp.status == 200 && beresp.http.Cache-Control ~ "immutable"
        && !beresp.http.Set-Cookie) {
        return (deliver);
    }
    if (!beresp.http.X-Cache-Tags || beresp.http.Set-Cookie || beresp.status != 200) {
        # Not shared: remember that for a while so requests for it are not queued behind each other.
        set beresp.uncacheable = true;
        set beresp.ttl = 60s;
        return (deliver);
    }
    # The page cache serves a shared page to every anonymous visitor whatever their cookies or
    # language header; Varnish does the same instead of keeping one copy per Cookie value.
    if (beresp.http.Vary) {
        set beresp.http.X-Vary = beresp.http.Vary;
        unset beresp.http.Vary;
    }
    # Shared pages and open-data files leave the nodes uncompressed (whitenoise compresses only
    # static files): Varnish stores them gzipped once and unzips for the rare client without gzip.
    # Only shared responses: they carry no CSRF token nor anything personal for BREACH to guess at.
    if (beresp.http.Content-Type ~ "^(text/|application/(json|ld\+json|xml|atom\+xml|rss\+xml|javascript))"
        && !beresp.http.Content-Encoding) {
        set beresp.do_gzip = true;
        # Downstream caches must keep the compressed and the plain copy apart.
        if (beresp.http.X-Vary) {
            set beresp.http.X-Vary = beresp.http.X-Vary + ", Accept-Encoding";
        } else {
            set beresp.http.X-Vary = "Accept-Encoding";
        }
    }
    set beresp.grace = 1m;
    return (deliver);
}

sub vcl_backend_error {
    # The node closed the connection or refused it (killed): an idempotent request tries the other.
    if (bereq.retries < 1 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
}

sub vcl_deliver {
    if (resp.http.X-Vary) {
        set resp.http.Vary = resp.http.X-Vary;
        unset resp.http.X-Vary;
    }
    # Internal to the cache; X-Cache says whether this answer came from it.
    unset resp.http.X-Cache-Tags;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}

sub vcl_synth {
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.body = resp.reason;
    return (deliver);
}
