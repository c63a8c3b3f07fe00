package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lower is strings.ToLower, byte for byte (invalid bytes become U+FFFD as
// there), without its per-rune case lookup for the kana and CJK
// characters of Japanese text, which have no case: the rules lower short
// stretches of mixed text many times per document.
func Lower(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return lowerFrom(s, i)
			}
			i++
			continue
		}
		if kanaKanji(s, i) {
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || !caseless(r) && unicode.ToLower(r) != r {
			return lowerFrom(s, i)
		}
		i += n
	}
	return s
}

// kanaKanji reports a rune of U+3000–U+9FFF at s[i] (a lead byte E3–E9
// and two continuation bytes): caseless, read without decoding.
func kanaKanji(s string, i int) bool {
	return i+2 < len(s) && s[i] >= 0xE3 && s[i] <= 0xE9 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80
}

// lowerFrom lowers s, whose bytes before i need no change.
func lowerFrom(s string, i int) string {
	var b strings.Builder
	b.Grow(len(s) + utf8.UTFMax)
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		if kanaKanji(s, i) {
			b.WriteString(s[i : i+3])
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case caseless(r):
			b.WriteString(s[i : i+n])
		default:
			b.WriteRune(unicode.ToLower(r))
		}
		i += n
	}
	return b.String()
}

// caseless reports runes of the CJK symbols, kana, CJK ideographs, Yi,
// Lisu and Vai blocks (U+3000–U+A63F), none of which has a lower case
// (TestLowerCaseless checks the range).
func caseless(r rune) bool { return r >= 0x3000 && r < 0xA640 }
