"""The application number as a QR code in SVG, for the terminal's scanner (ISO/IEC 18004 via the
qrcode library). Served as its own same-origin URL so the CSP needs no data: or inline images."""

from __future__ import annotations

import io

import qrcode
import qrcode.image.svg


def qr_svg(text: str) -> bytes:
    # Level M (15 % recovery) survives a cracked phone screen; a UUID fits version 3.
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(text)
    code.make(fit=True)
    image = code.make_image(image_factory=qrcode.image.svg.SvgPathFillImage)
    out = io.BytesIO()
    image.save(out)
    return out.getvalue()
