package text

import "strings"

// HasAnyPrefix reports s starting with one of ps.
func HasAnyPrefix(s string, ps ...string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// HasAnySuffix reports s ending with one of ps.
func HasAnySuffix(s string, ps ...string) bool {
	for _, p := range ps {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// Capitals reports s made of min to max ASCII capitals ("IREN", "CORZ"):
// the shape of a ticker or an acronym.
func Capitals(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// JoinWrapped returns s with the line breaks of hard-wrapped prose turned
// into spaces: a single break between a letter, digit or comma and a
// lower-case ASCII letter ("entered into a\ndefinitive agreement") is no end
// of a sentence. Headings, list items and paragraphs start with a capital,
// a digit or a mark, and keep their breaks. Every byte offset of s stays
// valid: the result has the same length.
func JoinWrapped(s string) string {
	var b []byte
	for i := 1; i+1 < len(s); i++ {
		if s[i] != '\n' || s[i+1] < 'a' || s[i+1] > 'z' {
			continue
		}
		if c := s[i-1]; c == ',' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			if b == nil {
				b = []byte(s)
			}
			b[i] = ' '
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

// EachIndex calls f with the start and end of every occurrence of sub in
// s, left to right, occurrences not overlapping.
func EachIndex(s, sub string, f func(at, end int)) {
	if sub == "" {
		return
	}
	for off := 0; ; {
		k := strings.Index(s[off:], sub)
		if k < 0 {
			return
		}
		at := off + k
		off = at + len(sub)
		f(at, off)
	}
}

// ContainsAny reports s holding one of subs.
func ContainsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
