package text

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s in NFKC form with a few extra foldings that matter for
// extraction: wave dashes (〜 U+301C, ～ U+FF5E, ∼ U+223C, ⁓ U+2053) become
// "~", the minus sign U+2212 and the hyphens U+2010 and U+2011 become "-"
// ("Google‐backed" is "Google-backed"), zero-width characters and the BOM
// are removed, and every space-like rune NFKC leaves alone (NBSP variants,
// ideographic space) becomes an ASCII space, and invalid UTF-8 bytes become
// U+FFFD. Full-width digits and letters
// become ASCII and ㋿ becomes 令和 through NFKC itself. Normalize is
// idempotent: Normalize(Normalize(s)) == Normalize(s).
func Normalize(s string) string {
	// NFKC is idempotent, so the result is final once it has nothing left to
	// fold. Folding can create new NFKC compositions (a zero-width joiner
	// removed between a letter and a combining mark), hence the loop; in
	// practice it runs once.
	out := s
	if !utf8.ValidString(out) {
		out = strings.ToValidUTF8(out, "\uFFFD")
	}
	out = norm.NFKC.String(fold(out))
	for range 3 {
		if strings.IndexFunc(out, needsFold) < 0 {
			break
		}
		out = norm.NFKC.String(fold(out))
	}
	return out
}

// fold applies the non-NFKC mappings; it returns s itself when nothing
// needs changing, so clean text costs one scan.
func fold(s string) string {
	i := strings.IndexFunc(s, needsFold)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		switch {
		case isZeroWidth(r):
			// dropped
		case r == '\u301C' || r == '\uFF5E' || r == '\u223C' || r == '\u2053':
			b.WriteByte('~')
		case r == '\u2212' || r == '\u2010' || r == '\u2011':
			b.WriteByte('-')
		case isOddSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsFold(r rune) bool {
	return isZeroWidth(r) || r == '\u301C' || r == '\uFF5E' || r == '\u223C' ||
		r == '\u2053' || r == '\u2212' || r == '\u2010' || r == '\u2011' || isOddSpace(r)
}

// isZeroWidth reports zero-width spaces, joiners, word joiner, soft hyphen
// and the byte order mark.
func isZeroWidth(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u180E':
		return true
	}
	return false
}

// isOddSpace reports space runes other than ASCII space, tab and line breaks.
func isOddSpace(r rune) bool {
	switch r {
	case '\u00A0', '\u1680', '\u202F', '\u205F', '\u3000':
		return true
	}
	return r >= '\u2000' && r <= '\u200A'
}
