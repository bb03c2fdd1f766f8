"""Full-page cache for anonymous visitors, purged whenever published content changes."""
