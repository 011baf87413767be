"""Phase 4, the site: ``site_src/`` written and pruned, mkdocs run (one process or
one per core), the two copies of ``site/`` and the atomic switch, the commune's
mkdocs settings, the Content-Security-Policy, staff Markdown sanitising inside
mkdocs, and the preview server with its hooks."""
