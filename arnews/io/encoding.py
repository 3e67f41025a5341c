"""Decoding article bytes: UTF-8 (with or without BOM), UTF-16, Windows-1256 and ISO-8859-6.

UTF-8 is preferred whenever the bytes are valid UTF-8; byte-order marks and the NUL pattern of
UTF-16 are checked next; other bytes go to charset-normalizer, limited to the encodings Arabic
news is actually published in, and the result must look like text.
"""

from __future__ import annotations

import codecs

from ..errors import DecodingError

#: Legacy encodings tried for non-UTF bytes, most likely first.
LEGACY_ENCODINGS = ("cp1256", "iso8859_6")


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    bad = sum(1 for c in text if (c < " " and c not in "\t\n\r\f\v") or "\x7f" <= c <= "\x9f")
    return bad / len(text) > 0.01


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    even_nul = data[0::2].count(0) / (len(data) / 2)
    odd_nul = data[1::2].count(0) / (len(data) / 2)
    # Arabic in UTF-16 has few NULs (high byte 0x06), so look at the bytes' pattern instead:
    # every second byte is 0x06 or 0x00 (ASCII spaces, digits).
    hi_le = sum(1 for b in data[1::2] if b in (0x00, 0x06, 0x20)) / (len(data) / 2)
    hi_be = sum(1 for b in data[0::2] if b in (0x00, 0x06, 0x20)) / (len(data) / 2)
    for enc, score, nul in (("utf-16-le", hi_le, odd_nul), ("utf-16-be", hi_be, even_nul)):
        if score > 0.9 and nul > 0.02:
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding name)``; raise :class:`DecodingError` if it is not text."""
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data[3:].decode("utf-8", errors="strict"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise DecodingError("the file starts with a UTF-16 byte-order mark but is not valid UTF-16") from exc
    # UTF-16 Arabic without a BOM is often valid UTF-8 byte by byte (0x06 and 0x00 are ASCII
    # controls), so its byte pattern is checked first.
    text = _utf16_without_bom(data)
    if text is not None:
        return _checked(text, "utf-16")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise DecodingError("the file looks binary (it contains NUL bytes), not text")
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    candidates = ([best.encoding] if best is not None else []) + list(LEGACY_ENCODINGS)
    for enc in candidates:
        try:
            return _checked(data.decode(enc), enc)
        except (UnicodeDecodeError, DecodingError):
            continue
    raise DecodingError("the file is not in a text encoding arnews recognises "
                        "(UTF-8, UTF-16, Windows-1256, ISO-8859-6)")


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if _looks_binary(text):
        raise DecodingError("the file looks binary (control characters), not text")
    return text, encoding
