package snippet

import (
	"strings"
	"unicode/utf8"
)

// rng is a byte range [start, end) of a string.
type rng struct{ start, end int }

// sentences splits text after 。！？!? and line breaks, and after a '.'
// followed by a space or line break unless the '.' ends an abbreviation
// ("U.S.", "Inc."). A '.' between digits (3.7, 1.75) is never followed by a
// space, so decimals stay whole. Each sentence is trimmed of space; empty
// ones are dropped.
func sentences(text string) []rng {
	var out []rng
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpace(text[s]) {
			s++
		}
		for e > s && isSpace(text[e-1]) {
			e--
		}
		if s < e {
			out = append(out, rng{s, e})
		}
		start = end
	}
	for i, r := range text {
		switch r {
		case '。', '！', '？', '!', '?', '\n':
			emit(i + utf8.RuneLen(r))
		case '.':
			if j := i + 1; j < len(text) && (text[j] == ' ' || text[j] == '\n') && !abbreviation(text[start:i]) {
				emit(j)
			}
		}
	}
	emit(len(text))
	return out
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// knownAbbreviation reports words (lowercase, without the final '.') whose
// '.' does not end a sentence.
func knownAbbreviation(w string) bool {
	switch w {
	case "inc", "corp", "co", "ltd", "llc", "plc", "bhd",
		"mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "approx",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec":
		return true
	}
	return false
}

// abbreviation reports whether before (the text before a '.') ends with an
// initial ("U.S", "J") or a known abbreviation.
func abbreviation(before string) bool {
	k := len(before)
	for k > 0 && (isLetter(before[k-1]) || before[k-1] == '.') {
		k--
	}
	if k > 0 && before[k-1] >= utf8.RuneSelf {
		return false // glued to non-ASCII text: not a Latin word
	}
	w := before[k:]
	if w == "" {
		return false
	}
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true // an initial: "J. Smith"
	}
	if strings.Contains(w, ".") {
		for _, part := range strings.Split(w, ".") {
			if len(part) == 0 || len(part) > 2 {
				return false // "example.com"
			}
		}
		return true // dotted initials: "U.S", "e.g", "p.m"
	}
	return knownAbbreviation(strings.ToLower(w))
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
