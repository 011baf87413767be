"""The Content-Security-Policy of every page: scripts, styles and everything else
only from the site itself.

The same policy is a ``<meta http-equiv>`` in every page (theme/main.html, the print
sheets) and a header in the nginx configuration (deploy/nginx/cchc.conf, which adds
``frame-ancestors``: a meta policy cannot say it). Material's inline scripts are
files in theme/assets/javascripts/, Python-Markdown's alignment styles are classes
(markdown_safety.py), and staff Markdown is cleaned (sanitize.py), so nothing inline
is needed. ``img-src data:`` is for the icons in Material's stylesheet.
"""

from __future__ import annotations

POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; "
          "object-src 'none'; frame-src 'none'; base-uri 'self'; form-action 'self'")
# Only in the HTTP header (ignored in a meta element).
HEADER_ONLY = "frame-ancestors 'self'"

