"""vCard 3.0 contact cards (RFC 2426) for the hotlines.

Why 3.0: it is the version both phone families import without asking — iOS
Contacts (and Safari, which offers "Thêm vào Danh bạ"), and Android's contacts
importer, which reads 2.1 and 3.0 but handles 4.0 poorly. Text is UTF-8 (3.0
has no CHARSET parameter; the file is served as UTF-8), lines end in CRLF and are
folded at 75 octets without splitting a UTF-8 character, as the RFC requires.

A hotline is an organisation, not a person: ``N`` is empty, ``FN`` and ``ORG``
carry the hotline's name, and ``X-ABShowAs:COMPANY`` makes iPhones list it
under that name (Android shows ``FN``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FOLD_AT = 75  # octets per line, CRLF excluded (RFC 2425 §5.8.1)
# Line breaks other than CR/LF (NEL, LINE and PARAGRAPH SEPARATOR): some importers
# end a line there, so each becomes an escaped newline like "\n".
_OTHER_BREAKS = re.compile("[\x85\u2028\u2029]")
# Other control characters (VT, FF, C0, DEL, C1): never part of a name; a space.
_CONTROLS = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")


def escape(value: str) -> str:
    """A text value: backslash, comma, semicolon and newlines escaped (RFC 2426 §4);
    other line breaks escaped as newlines, control characters made spaces."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROLS.sub(" ", _OTHER_BREAKS.sub("\n", value))
    return value.replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into CRLF + space continued chunks of at most 75 octets."""
    chunks: list[str] = []
    current, size = "", 0
    limit = FOLD_AT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            chunks.append(current)
            current, size = "", 0
            limit = FOLD_AT - 1  # continuation lines start with a space
        current += char
        size += width
    chunks.append(current)
    return "\r\n ".join(chunks)


@dataclass
class Card:
    """One contact: a name, numbers (as dialled, e.g. "+842253812345"), the rest optional."""

    name: str
    phones: list[str]
    uid: str
    email: str | None = None
    url: str | None = None
    note_lines: list[str] = field(default_factory=list)
    category: str | None = None

    def lines(self) -> list[str]:
        out = ["BEGIN:VCARD", "VERSION:3.0", "PRODID:-//cchc//Duong day nong//VI",
               f"UID:{self.uid}", "N:;;;;", f"FN:{escape(self.name)}",
               f"ORG:{escape(self.name)}", "X-ABShowAs:COMPANY"]
        out += [f"TEL;TYPE=WORK,VOICE:{phone}" for phone in self.phones]
        if self.email:
            out.append(f"EMAIL;TYPE=INTERNET,WORK:{escape(self.email)}")
        if self.url:
            out.append(f"URL:{self.url}")
        if self.category:
            out.append(f"CATEGORIES:{escape(self.category)}")
        if self.note_lines:
            out.append(f"NOTE:{escape(chr(10).join(self.note_lines))}")
        out.append("END:VCARD")
        return out


def serialize(cards: list[Card]) -> bytes:
    """One ``.vcf`` file holding ``cards`` (phones import every card in it)."""
    lines = [fold(line) for card in cards for line in card.lines()]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")
