# nodes.vcl for several machines: put it beside default.vcl (varnishd -p vcl_path=/etc/varnish).
# The nodes' private addresses; only they may PURGE or BAN (they send the purges on publish).
backend node1 { .host = "10.0.0.11"; .port = "8080"; .probe = healthz; .connect_timeout = 1s; .first_byte_timeout = 60s; }
backend node2 { .host = "10.0.0.12"; .port = "8080"; .probe = healthz; .connect_timeout = 1s; .first_byte_timeout = 60s; }
# The same nodes without a probe, used only while every probe fails (see default.vcl).
backend node1_unprobed { .host = "10.0.0.11"; .port = "8080"; .connect_timeout = 1s; .first_byte_timeout = 60s; }
backend node2_unprobed { .host = "10.0.0.12"; .port = "8080"; .connect_timeout = 1s; .first_byte_timeout = 60s; }
acl purgers { "10.0.0.11"; "10.0.0.12"; "10.0.0.20"; }  # the nodes and the task worker
sub vcl_init {
    nodes.add_backend(node1); nodes.add_backend(node2);
    unprobed.add_backend(node1_unprobed); unprobed.add_backend(node2_unprobed);
}
