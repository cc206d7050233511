"""Readers for the image tests: a PNG's size and pixels, an SVG's texts, a fontconfig without Hangul."""

from __future__ import annotations

import struct
import subprocess
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG = "{http://www.w3.org/2000/svg}"


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """The (type, body) chunks of a PNG, each CRC checked; AssertionError if it is not a whole PNG."""
    assert data[:8] == PNG_SIGNATURE, "not a PNG signature"
    chunks, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        kind, body = data[offset + 4:offset + 8], data[offset + 8:offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length:offset + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"bad CRC in chunk {kind!r}"
        chunks.append((kind, body))
        offset += 12 + length
    assert chunks[0][0] == b"IHDR" and chunks[-1][0] == b"IEND", [kind for kind, _ in chunks]
    return chunks


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) in pixels, from the IHDR chunk."""
    return struct.unpack(">II", png_chunks(data)[0][1][:8])


def png_scanlines(data: bytes) -> bytes:
    """The image's filtered scanlines (the inflated IDAT stream). Two PNGs from the same encoder have
    equal scanlines exactly when their pixels are equal, so this compares pictures, not file bytes."""
    return zlib.decompress(b"".join(body for kind, body in png_chunks(data) if kind == b"IDAT"))


def svg_texts(data: bytes | str) -> list[str]:
    """The text content of every ``<text>`` element of an SVG (which must parse as XML)."""
    root = ET.fromstring(data)
    assert root.tag == f"{SVG}svg", root.tag
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def latin_only_fontconfig(folder: Path) -> Path:
    """A fontconfig file whose only font is one of this machine's fonts without Hangul (DejaVu Sans on
    Debian): set ``FONTCONFIG_FILE`` to it and fontconfig, so Chromium, knows no Korean font."""
    def files(lang: str) -> list[str]:
        listed = subprocess.run(["fc-list", "--format", "%{file}\n", f":lang={lang}"],
                                capture_output=True, text=True, check=True)
        return sorted({line for line in listed.stdout.splitlines() if line})

    korean = set(files("ko"))
    latin = next(path for path in files("en") if path not in korean and path.endswith((".ttf", ".otf")))
    fonts = folder / "fonts"
    fonts.mkdir()
    (fonts / Path(latin).name).symlink_to(latin)
    config = folder / "fonts.conf"
    config.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>{fonts}</dir>
  <cachedir>{folder / "cache"}</cachedir>
</fontconfig>
""", encoding="utf-8")
    return config
