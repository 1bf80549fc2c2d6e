package pdfdoc

import _ "embed"

// The faces embedded in every document: DejaVu Serif Book and Bold cut
// down to the Latin and Vietnamese letters, with composite glyphs
// decomposed, by fonts/make_fonts.py (Bitstream Vera licence in
// fonts/LICENSE). gopdf embeds only the glyphs a document uses.
var (
	//go:embed fonts/DejaVuSerifVN.ttf
	serifRegular []byte
	//go:embed fonts/DejaVuSerifVN-Bold.ttf
	serifBold []byte
)

// Face is one of the embedded type faces, by its PDF name.
type Face string

// The two embedded faces.
const (
	Regular Face = "DejaVuSerifVN"
	Bold    Face = "DejaVuSerifVN-Bold"
)

// faceData returns the font file of a face.
func faceData(f Face) []byte {
	if f == Bold {
		return serifBold
	}
	return serifRegular
}

// Font is a face and a size in points.
type Font struct {
	Face Face
	Size float64
}

// RegularFont and BoldFont are the faces at a size.
func RegularFont(size float64) Font { return Font{Regular, size} }

// BoldFont is the bold face at a size.
func BoldFont(size float64) Font { return Font{Bold, size} }
