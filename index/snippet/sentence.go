package snippet

import "github.com/kozan-dev/kozan/extract/text"

// rng is a byte range [start, end) of a string.
type rng struct{ start, end int }

// sentences splits text with the project's one sentence splitter
// (extract/text.Sentences: 。！？!? and line breaks, a '.' before a space
// unless it ends an abbreviation or a decimal, brackets kept whole), so a
// snippet is the very sentence the deal rules and the evidence see. Each
// sentence is trimmed of space; empty ones are dropped.
func sentences(s string) []rng {
	var out []rng
	for _, sp := range text.Sentences(s) {
		a, b := sp.Start, sp.End
		for a < b && isSpace(s[a]) {
			a++
		}
		for b > a && isSpace(s[b-1]) {
			b--
		}
		if a < b {
			out = append(out, rng{a, b})
		}
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }
