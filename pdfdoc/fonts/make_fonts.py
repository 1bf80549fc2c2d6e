#!/usr/bin/env python3
"""Derive the fonts that package certificate embeds from DejaVu Serif.

    apt-get install -y fonts-dejavu-core python3-fonttools
    python3 pdfdoc/fonts/make_fonts.py [/usr/share/fonts/truetype/dejavu]

For each face it
  1. keeps only the characters Vietnamese documents need (Latin, Latin-1,
     Latin Extended-A/B and Additional, combining marks, punctuation, ₫ €),
     without hinting or OpenType layout tables, which the PDF does not use;
  2. decomposes every composite glyph into a simple one. DejaVu builds most
     Vietnamese letters from nested components (ộ = o + dotbelowcomb +
     uni0302, dotbelowcomb = dotaccent, ...) and github.com/signintech/gopdf
     v0.33.0 follows only one level of components when it subsets a font,
     so ộ, ạ, ị, ố, ự ... lose their marks in the PDF. Simple glyphs avoid it;
  3. renames the family "DejaVu Serif VN", as a modified font should not pass
     for the original.

The output is deterministic (no new timestamps), so running the script again
on the same input gives the same bytes. Licence: fonts/LICENSE (Bitstream
Vera licence; DejaVu changes are public domain) permits modifying and
redistributing the fonts under a name without "Bitstream" or "Vera".
"""

import os
import sys

from fontTools import subset
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

FACES = [
    ("DejaVuSerif.ttf", "DejaVuSerifVN.ttf", "Book"),
    ("DejaVuSerif-Bold.ttf", "DejaVuSerifVN-Bold.ttf", "Bold"),
]

UNICODES = (
    list(range(0x0020, 0x007F))  # Basic Latin
    + list(range(0x00A0, 0x0250))  # Latin-1, Latin Extended-A and -B (Đ Ă Ơ Ư ...)
    + list(range(0x0300, 0x0370))  # combining diacritical marks
    + list(range(0x1E00, 0x1F00))  # Latin Extended Additional (ạ ả ấ ... ỹ)
    + list(range(0x2000, 0x2070))  # general punctuation
    + [0x20AB, 0x20AC, 0x2116]  # ₫ € №
)

FAMILY = "DejaVu Serif VN"


def decompose(font):
    glyf = font["glyf"]
    glyphs = font.getGlyphSet()
    for name in font.getGlyphOrder():
        if not glyf[name].isComposite():
            continue
        rec = DecomposingRecordingPen(glyphs)
        glyphs[name].draw(rec)
        pen = TTGlyphPen(None)
        rec.replay(pen)
        glyph = pen.glyph()
        glyph.recalcBounds(glyf)
        glyf[name] = glyph
    # Decomposed glyphs have more points and contours than the originals.
    font["maxp"].recalc(font)


def rename(font, style):
    ps = FAMILY.replace(" ", "") + ("" if style == "Book" else "-" + style)
    full = FAMILY if style == "Book" else FAMILY + " " + style
    names = {1: FAMILY, 2: style, 3: ps + " (derived from DejaVu Serif 2.37)", 4: full, 6: ps}
    table = font["name"]
    for rec in list(table.names):
        if rec.nameID in (16, 17):
            table.removeNames(nameID=rec.nameID)
    for name_id, value in names.items():
        table.setName(value, name_id, 3, 1, 0x409)
        table.setName(value, name_id, 1, 0, 0)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/dejavu"
    out = os.path.dirname(os.path.abspath(__file__))
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "MATH", "FFTM", "kern"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.glyph_names = False
    for src_name, out_name, style in FACES:
        font = TTFont(os.path.join(src, src_name), recalcTimestamp=False)
        sub = subset.Subsetter(options)
        sub.populate(unicodes=UNICODES)
        sub.subset(font)
        decompose(font)
        rename(font, style)
        path = os.path.join(out, out_name)
        font.save(path)
        print(path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
