"""``cchc import``: bring the national portal's procedure list into content/.

``table`` reads the export (.xlsx or .csv) into clean rows, ``levels`` tells
which agencies are the commune level, ``plan`` decides what to create or update
and writes it, through ``generator.staff.yamledit`` so staff text is never re-dumped.
"""
