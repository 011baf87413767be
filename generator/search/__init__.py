"""Site search: how text is matched (``text``) and the static index (``index``).

The browser side is ``theme/assets/javascripts/cchc-search.js``; it repeats
``text.words`` exactly, and the tests check that both agree.
"""
