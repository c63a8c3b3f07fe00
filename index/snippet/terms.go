package snippet

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Terms returns the snippet terms of a search: the space-separated
// queryTokens (the query tokenized like the index), or the words of the raw
// query when queryTokens holds no useful term. Terms are deduplicated
// case-insensitively, stripped of enclosing quotes and brackets, and exclude
// punctuation-only tokens and one-rune tokens that are not a word by
// themselves (particles such as の or と); they come longest first.
//
// The raw query is only a fallback so that a backend given only the tokens
// (the SQLite store) and one given both (Elasticsearch) get the same terms.
func Terms(queryTokens, query string) []string {
	out := collect(queryTokens)
	if len(out) == 0 {
		out = collect(query)
	}
	sort.SliceStable(out, func(i, j int) bool {
		return utf8.RuneCountInString(out[i]) > utf8.RuneCountInString(out[j])
	})
	return out
}

func collect(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.Fields(s) {
		w = strings.TrimFunc(w, enclosing)
		if !useful(w) {
			continue
		}
		if k := lowerASCII(w); !seen[k] {
			seen[k] = true
			out = append(out, w)
		}
	}
	return out
}

// enclosing reports quotes, brackets and clause punctuation, which are
// trimmed from both ends of a term.
func enclosing(r rune) bool {
	return unicode.In(r, unicode.Ps, unicode.Pe, unicode.Pi, unicode.Pf) || strings.ContainsRune("\"'`*,;:!?、。・", r)
}

// useful reports whether w is worth highlighting: it holds a letter or a
// digit, and a one-rune term must be a Han character, a digit, a Latin
// letter or Katakana (not a particle such as の).
func useful(w string) bool {
	if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) {
		return false
	}
	if utf8.RuneCountInString(w) > 1 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.Is(unicode.Han, r) || unicode.IsDigit(r) || unicode.In(r, unicode.Latin, unicode.Katakana)
}
