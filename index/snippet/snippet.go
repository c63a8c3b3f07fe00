package snippet

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxRunes bounds a snippet's length in runes, before the brackets and the
// "…" marking a clipped start or end are added.
const MaxRunes = 240

// Make returns the snippet of an article for terms (see Terms): the sentence
// of text holding the most distinct terms, ties going to the earliest, with
// every match in [brackets]. ASCII letters match case-insensitively, and a
// term starting or ending with a Latin letter or digit matches only on a
// word boundary there ("ai" is not in "said"). Overlapping or adjacent
// matches share one bracket ("[37億ドル]" for 37, 億, ドル). A sentence
// longer than MaxRunes is clipped around its first match, the cuts marked
// with "…". When no sentence holds a term, the title is used if it does;
// otherwise the snippet is the start of the text (the title when the text is
// empty), without brackets.
func Make(text, title string, terms []string) string {
	m := newMatcher(terms)
	lower := lowerASCII(text)
	sents := sentences(text)
	best, bestN := -1, 0
	for i, s := range sents {
		if n := m.distinct(lower[s.start:s.end]); n > bestN {
			best, bestN = i, n
		}
	}
	if best >= 0 {
		s := sents[best]
		return render(text[s.start:s.end], m.spans(lower[s.start:s.end]))
	}
	title = strings.TrimSpace(title)
	if sp := m.spans(lowerASCII(title)); len(sp) > 0 {
		return render(title, sp)
	}
	if len(sents) > 0 {
		return render(text[sents[0].start:sents[0].end], nil)
	}
	return render(title, nil)
}

// matcher holds the lowered, deduplicated terms.
type matcher struct{ terms []string }

func newMatcher(terms []string) matcher {
	var m matcher
	seen := map[string]bool{}
	for _, t := range terms {
		if lt := lowerASCII(t); lt != "" && !seen[lt] {
			seen[lt] = true
			m.terms = append(m.terms, lt)
		}
	}
	return m
}

// distinct counts the terms found in the lowered sentence ls.
func (m matcher) distinct(ls string) int {
	n := 0
	for _, t := range m.terms {
		if next(ls, t, 0) >= 0 {
			n++
		}
	}
	return n
}

// spans returns every match in the lowered ls, sorted, with overlapping
// and adjacent matches merged.
func (m matcher) spans(ls string) []rng {
	var out []rng
	for _, t := range m.terms {
		for i := next(ls, t, 0); i >= 0; i = next(ls, t, i+1) {
			out = append(out, rng{i, i + len(t)})
		}
	}
	if len(out) == 0 {
		return nil
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	merged := out[:1]
	for _, sp := range out[1:] {
		last := &merged[len(merged)-1]
		if sp.start <= last.end {
			last.end = max(last.end, sp.end)
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

// next returns the byte offset of the first valid match of the lowered term
// t in ls at or after from, or -1. A valid match starts and ends on rune
// boundaries and, where the term starts or ends with a word rune, is not
// glued to another word rune on that side.
func next(ls, t string, from int) int {
	if t == "" {
		return -1
	}
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	for from <= len(ls)-len(t) {
		i := strings.Index(ls[from:], t)
		if i < 0 {
			return -1
		}
		start, end := from+i, from+i+len(t)
		if utf8.RuneStart(ls[start]) && (end == len(ls) || utf8.RuneStart(ls[end])) &&
			!(isWordRune(first) && start > 0 && isWordRune(lastRune(ls[:start]))) &&
			!(isWordRune(last) && end < len(ls) && isWordRune(firstRune(ls[end:]))) {
			return start
		}
		from = start + 1
	}
	return -1
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }

// isWordRune reports the runes a Latin word is made of: ASCII letters and
// digits and Latin letters such as é. Japanese text around a Latin term
// ("IRENは") is not part of the word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return r != utf8.RuneError && unicode.Is(unicode.Latin, r)
}

// lowerASCII lowercases ASCII letters only, so byte offsets are kept.
func lowerASCII(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// render clips s around its first span and puts the spans that survive the
// clip in [brackets].
func render(s string, spans []rng) string {
	from, to := window(s, spans)
	var b strings.Builder
	b.Grow(to - from + 2*len(spans) + 2*len("…"))
	if from > 0 {
		b.WriteString("…")
	}
	pos := from
	for _, sp := range spans {
		if sp.start < from || sp.end > to {
			continue
		}
		b.WriteString(s[pos:sp.start])
		b.WriteByte('[')
		b.WriteString(s[sp.start:sp.end])
		b.WriteByte(']')
		pos = sp.end
	}
	b.WriteString(s[pos:to])
	if to < len(s) {
		b.WriteString("…")
	}
	return b.String()
}

// window returns the byte range of s to show: all of s when it has at most
// MaxRunes runes, else MaxRunes runes starting up to a third of that before
// the first span (further back when the sentence ends sooner).
func window(s string, spans []rng) (from, to int) {
	if utf8.RuneCountInString(s) <= MaxRunes {
		return 0, len(s)
	}
	if len(spans) > 0 {
		from = spans[0].start
	}
	for n := 0; n < MaxRunes/3 && from > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(s[:from])
		from -= size
	}
	to = from
	n := 0
	for ; n < MaxRunes && to < len(s); n++ {
		_, size := utf8.DecodeRuneInString(s[to:])
		to += size
	}
	for ; n < MaxRunes && from > 0; n++ { // the sentence ended: use the budget before
		_, size := utf8.DecodeLastRuneInString(s[:from])
		from -= size
	}
	return from, to
}
