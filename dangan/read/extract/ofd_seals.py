"""An OFD's electronic seals (GB/T 33190 §18, GB/T 38540 / GM/T 0031 SES): who stamped it, when, where.

`Signatures.xml` lists each signature's `Signature.xml`; its SignedInfo holds the Provider, the
SignatureDateTime and the StampAnnot (the page it sits on, its Boundary in mm), and points to the seal
file (`Seal.esl`: an SESeal in DER). A signature with no seal file carries its seal inside its
SignedValue (an SES_Signature embeds the SESeal it was made with). The seal's name (SES_ESPropertyInfo's
name, a UTF8String) holds the organ: 淄博市周村区自然资源局(不动产登记专用章).

No installed library parses ASN.1 generically (asn1crypto and pyasn1 are absent; cryptography only
parses certificates), so this file holds a small DER walker: it reads tag-length-value triples and
finds the SES_SealInfo by its form (a SEQUENCE whose first item is the header SEQUENCE opening with
IA5String "ES"), then the first UTF8String/BMPString of the SEQUENCE after its esID. A seal that
cannot be read is reported by the caller as a warning: the document's text is read all the same.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from dangan.model import Seal
from dangan.read.extract.ofd_xml import all_named, first_named, resolve

log = logging.getLogger(__name__)

MAX_SEAL = 4 * 2**20   # a seal file holds one picture: real ones are 10–30 kB
MAX_DEPTH = 12         # an SESeal nests 6 deep; an SES_Signature around it 3 more

_SEQUENCE, _UTF8, _IA5, _BMP = 0x30, 0x0C, 0x16, 0x1E

# An organ's name ends with its unit's word; a name that keeps none before its kind (测试用, 某某…社会测试) is no organ
_UNIT = r"(?:局|厅|委|会|办|院|府|部|处|室|所|站|中心|公司|队|馆|校|社|行|厂|组|署|庭|街道|镇|乡|村|社区|集团|园|场|台|司)"
# The seal's kind after its organ: bracketed (…(不动产登记专用章), …（公章）) or trailing (…财务专用章, …公章, …印章, …章);
# the organ is the longest head ending in a unit's word, so a kind's own words (财务, 合同) stay with the kind; other
# words before a bare 章 (…测试章) make no kind this form knows
_BRACKETED = re.compile(r"\s*[(（][^()（）]*章[)）]$")
_TRAILING = re.compile(rf"(?P<organ>.+{_UNIT})(?:[\u4e00-\u9fff]{{0,8}}?专用章|公章|印章|章)$")
_UNIT_END = re.compile(rf"{_UNIT}$")
_CJK_NAME = re.compile(r"[\u4e00-\u9fff（）()·]+")


class SealError(ValueError):
    """A seal file that is not the DER form GM/T 0031 gives."""


@dataclass(frozen=True, slots=True)
class _Node:
    tag: int
    start: int   # the value's first byte
    end: int


def der_items(data: bytes, start: int = 0, end: int | None = None) -> Iterator[_Node]:
    """The TLV items between `start` and `end` (one level)."""
    end = len(data) if end is None else end
    i = start
    while i < end:
        if i + 2 > end:
            raise SealError("truncated tag")
        tag = data[i]
        i += 1
        if tag & 0x1F == 0x1F:   # a high tag number: its bytes run while the top bit is set
            while i < end and data[i] & 0x80:
                i += 1
            i += 1
        if i >= end:
            raise SealError("truncated length")
        length = data[i]
        i += 1
        if length & 0x80:
            count = length & 0x7F
            if count == 0 or count > 4 or i + count > end:
                raise SealError("bad length")
            length = int.from_bytes(data[i:i + count], "big")
            i += count
        if i + length > end:
            raise SealError("value past its container")
        yield _Node(tag, i, i + length)
        i += length


def _text(data: bytes, node: _Node) -> str:
    raw = data[node.start:node.end]
    return raw.decode("utf-16-be" if node.tag == _BMP else "utf-8", errors="replace").strip()


def seal_info(data: bytes, start: int = 0, end: int | None = None, depth: int = 0) -> tuple[str, str]:
    """(the seal's name, its maker from the header) of the first SES_SealInfo found in `data`; ("", "") if none."""
    if depth > MAX_DEPTH:
        return "", ""
    for node in der_items(data, start, end):
        if node.tag != _SEQUENCE:
            continue
        items = list(der_items(data, node.start, node.end))
        if len(items) >= 3 and items[0].tag == _SEQUENCE:
            header = list(der_items(data, items[0].start, items[0].end))
            if header and header[0].tag == _IA5 and data[header[0].start:header[0].end] == b"ES":
                maker = _text(data, header[-1]) if header[-1].tag == _IA5 and len(header) > 1 else ""
                for prop in items[2:]:
                    if prop.tag == _SEQUENCE:
                        for value in der_items(data, prop.start, prop.end):
                            if value.tag in (_UTF8, _BMP):
                                return _text(data, value), maker
                raise SealError("no name in the seal's properties")
        found = seal_info(data, node.start, node.end, depth + 1)
        if found[0]:
            return found
    return "", ""


def seal_organ(name: str) -> str:
    """The organ a seal's name holds: the name before its kind (淄博市周村区自然资源局(不动产登记专用章) →
    淄博市周村区自然资源局), or the whole name when it is an organ's with no kind (国家税务总局浙江省税务局);
    "" when what is left is no organ's name (Latin letters, no unit's word at its end: 测试用, …社会测试)."""
    organ = _BRACKETED.sub("", name.strip()).strip()
    if m := _TRAILING.fullmatch(organ):
        organ = m.group("organ")
    if not _CJK_NAME.fullmatch(organ) or not _UNIT_END.search(organ):
        return ""
    return organ


def signed_at(value: str) -> str:
    """SignatureDateTime as ISO: producers write 2020-06-20 17:18:49, 20200620091849Z or 20200723130907.763Z."""
    value = value.strip()
    if m := re.fullmatch(r"(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z", value):
        y, mo, d, h, mi, s = m.groups()
        return f"{y}-{mo}-{d}T{h}:{mi}:{s}Z"
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})", value):
        return f"{m.group(1)}T{m.group(2)}"
    return value


def read_seals(names: set[str], read: Callable[[str], bytes], xml: Callable[[str], Any],
               signatures: list[str], page_numbers: dict[str, int]) -> tuple[list[Seal], list[str]]:
    """The seals of the signatures listed in each `Signatures.xml` (package paths), and a Chinese note for
    each one that could not be read: the clerk's words (which seal, by its place in the file); the package
    path and the error go to the log."""
    seals: list[Seal] = []
    notes: list[str] = []
    number = 0
    for index_file in signatures:
        if index_file not in names:
            continue
        for entry in all_named(xml(index_file), "Signature"):
            number += 1
            loc = resolve(index_file, entry.get("BaseLoc", ""))
            try:
                seal = _one_seal(names, read, xml, loc, page_numbers)
            except (SealError, KeyError, ValueError) as exc:
                log.warning("OFD signature %s unreadable: %s: %s", loc, type(exc).__name__, exc)
                notes.append(f"第 {number} 个电子签章无法读取，正文已照常读取")
                continue
            if seal is not None:
                seals.append(seal)
    return seals, notes


def _one_seal(names: set[str], read: Callable[[str], bytes], xml: Callable[[str], Any], loc: str,
              page_numbers: dict[str, int]) -> Seal | None:
    if loc not in names:
        raise SealError("missing Signature.xml")
    signature = xml(loc)
    info = first_named(signature, "SignedInfo")
    if info is None:
        raise SealError("no SignedInfo")
    seal_loc = first_named(first_named(info, "Seal"), "BaseLoc")
    value_loc = first_named(signature, "SignedValue")
    source = resolve(loc, seal_loc.text) if seal_loc is not None and seal_loc.text else ""
    if not source and value_loc is not None and value_loc.text:
        source = resolve(loc, value_loc.text)   # the seal inside the SES_Signature
    if not source:
        return None   # a signature with no seal (a digital signature only): nothing stamped
    if source not in names:
        raise SealError("missing seal file")
    data = read(source)
    name, maker = seal_info(data)
    stamp = first_named(info, "StampAnnot")
    page = page_numbers.get(stamp.get("PageRef", "")) if stamp is not None else None
    boundary = " ".join((stamp.get("Boundary") or "").split()) if stamp is not None else ""
    if not name and stamp is None:
        return None   # a 数字签名 (Type="Sign") over the seal's signature: no seal of its own
    if not name:
        raise SealError("no SES_SealInfo")
    when = first_named(info, "SignatureDateTime")
    return Seal(name=name, organ=seal_organ(name), signed_at=signed_at(when.text or "") if when is not None else "",
                provider=_provider(first_named(info, "Provider")) or maker, page=page, boundary=boundary)


def _provider(node: Any) -> str:
    """ProviderName as an attribute (GB/T 33190) or, as some producers write it, a child element."""
    if node is None:
        return ""
    name = node.get("ProviderName") or ""
    if not name and (child := first_named(node, "ProviderName")) is not None:
        name = child.text or ""
    company = node.get("Company") or ""
    if not company and (child := first_named(node, "Company")) is not None:
        company = child.text or ""
    name, company = name.strip(), company.strip()
    return f"{name}（{company}）" if company and company not in name else name
