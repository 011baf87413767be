"""Content problems: the record every phase reports with (``record.py``), their
Vietnamese wording (``catalog.py``), the CI formats (``formats.py``) and the
staff guide's error table made from the catalog (``guide.py``)."""
