"""A PDF file from its objects, for tests that need a PDF no library here writes (a scan with a stamped
text layer, an encrypted or oversized one): objects numbered from 1, the cross-reference table, the trailer."""
from __future__ import annotations


def pdf_bytes(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """The file: object N is objects[N - 1] (the catalog first); `trailer` adds entries to the trailer's
    dictionary (/Encrypt 4 0 R /ID [...])."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, b" " + trailer if trailer else b"", xref)
    return bytes(out)
