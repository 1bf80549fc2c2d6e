package certificate

// Fonts returns the embedded DejaVu Serif VN faces (regular and bold),
// for other PDFs of electionflow that print Vietnamese text. The slices
// are copies: changing them changes no certificate.
func Fonts() (regular, bold []byte) {
	return append([]byte(nil), serifRegular...), append([]byte(nil), serifBold...)
}
