package article

import (
	"strings"
	"unicode"
)

// overlap compares two texts by their 3-word shingles (each Japanese
// character is a word): the share of a's shingles found in b, and of b's
// found in a. Two extractors that chose the same body agree on both.
func overlap(a, b string) (aInB, bInA float64) {
	sa, sb := shingleSet(a), shingleSet(b)
	if len(sa) == 0 || len(sb) == 0 {
		return 0, 0
	}
	common := 0
	for s := range sa {
		if _, ok := sb[s]; ok {
			common++
		}
	}
	return float64(common) / float64(len(sa)), float64(common) / float64(len(sb))
}

func shingleSet(s string) map[string]struct{} {
	var words []string
	start := -1
	for i, r := range s {
		switch {
		case isWide(r) && unicode.IsLetter(r):
			if start >= 0 {
				words = append(words, strings.ToLower(s[start:i]))
				start = -1
			}
			words = append(words, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		default:
			if start >= 0 {
				words = append(words, strings.ToLower(s[start:i]))
				start = -1
			}
		}
	}
	if start >= 0 {
		words = append(words, strings.ToLower(s[start:]))
	}
	out := make(map[string]struct{}, len(words))
	for i := 0; i+3 <= len(words); i++ {
		out[words[i]+"\x00"+words[i+1]+"\x00"+words[i+2]] = struct{}{}
	}
	return out
}
