package article

import (
	"strings"
	"unicode"
)

// DetectLang says whether text is Japanese ("ja") or English ("en") from its
// script mix: kana and kanji against Latin letters. A Japanese character
// carries about as much as a Latin word, so kana/kanji weigh four times a
// Latin letter. The hint (a lang attribute or the source's configured
// language) decides when the text is too short to tell, or on a tie.
func DetectLang(text, hint string) string {
	hint = normLang(hint)
	var kana, han, latin int
	for i, r := range text {
		if i > 64<<10 { // enough to decide
			break
		}
		switch {
		case r < 0x80:
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				latin++
			}
		case unicode.In(r, unicode.Hiragana, unicode.Katakana) && r != 'ー' && r != '・':
			kana++
		case unicode.Is(unicode.Han, r):
			han++
		case r < 0x250 && unicode.IsLetter(r):
			latin++
		}
	}
	cjk := kana + han
	if cjk+latin/4 < 10 { // too short to tell
		if hint != "" {
			return hint
		}
		if cjk > 0 && cjk*4 >= latin {
			return "ja"
		}
		return "en"
	}
	switch ja, en := cjk*4, latin; {
	case ja > en:
		return "ja"
	case en > ja:
		return "en"
	case hint != "":
		return hint
	}
	return "en"
}

// normLang maps a lang attribute ("ja-JP", "en_US", "EN") to "ja", "en" or "".
func normLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case strings.HasPrefix(s, "ja"), strings.HasPrefix(s, "jp"):
		return "ja"
	case strings.HasPrefix(s, "en"):
		return "en"
	}
	return ""
}
