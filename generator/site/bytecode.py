"""Compiled Jinja templates kept for the life of the process.

Every build makes new Jinja environments (the theme's in mkdocs, cchc's own for
site_src/), and each compiles its templates again: about a third of a second per
build for Material's. A province builds many communes in one process
(``cchc build-communes``): with this cache, each template is compiled once.
Jinja checks each entry against the template's current source (its checksum), so
an edited template is compiled again.
"""

from __future__ import annotations

import jinja2

_kept: dict[tuple[str, str], bytes] = {}


class SharedBytecodeCache(jinja2.BytecodeCache):
    """This process's compiled templates of one kind of environment (``namespace``:
    environments with other settings compile the same source differently), in front
    of ``backing`` (a folder kept between builds) when given."""

    def __init__(self, namespace: str, backing: jinja2.BytecodeCache | None = None) -> None:
        self.namespace, self.backing = namespace, backing

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = _kept.get((self.namespace, bucket.key))
        if data is not None:
            bucket.bytecode_from_string(data)  # resets itself when the source changed
            if bucket.code is not None:
                return
        if self.backing is not None:
            self.backing.load_bytecode(bucket)
            if bucket.code is not None:
                _kept[self.namespace, bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        _kept[self.namespace, bucket.key] = bucket.bytecode_to_string()
        if self.backing is not None:
            self.backing.dump_bytecode(bucket)
