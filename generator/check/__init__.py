"""Phase 2, check: the rules that need all of the content at once (unique codes,
replacements, attachments, links, figures), the staff Markdown checks, the
check of one file for ``cchc new``/``import``, and the link checker of a built site."""
