"""A web page saved as one file (MHTML: Word's and browsers' "single file web page", often named .doc or .mht).

The file is a MIME message (``MIME-Version: 1.0``, ``Content-Type: multipart/related``) whose parts
are the page's HTML and its images, each encoded (base64 or quoted-printable) and the HTML in its own
charset. Read as it stands it is base64 or ``=E5=B9=B3`` runs: the page is its first ``text/html`` part,
decoded from its transfer encoding, with the charset the part declares.
"""
from __future__ import annotations

import email
import re
from email import policy

# the message's headers open the file (after a BOM or blank lines at most); the multipart type is among them
_HEADERS = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:[A-Za-z-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*){0,20}?"
                      rb"MIME-Version\s*:", re.I)
_MULTIPART = re.compile(rb"content-type\s*:\s*multipart/related", re.I)
HEAD_BYTES = 8192


def is_web_archive(head: bytes) -> bool:
    """The file opens with a MIME message's headers declaring a multipart/related body."""
    return _HEADERS.match(head) is not None and _MULTIPART.search(head[:HEAD_BYTES]) is not None


def web_archive_page(data: bytes) -> tuple[bytes, str | None] | None:
    """The HTML page of a web archive, decoded from its transfer encoding, with its declared charset; None
    when the archive holds no HTML part."""
    message = email.message_from_bytes(data, policy=policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if payload:
                return payload, part.get_content_charset()
    return None
