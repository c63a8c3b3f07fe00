package deal

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// boilerMarks open the boilerplate sections of a press release (company
// profile, forward-looking statements, contacts) when a sentence starts
// with them. Compared lower-cased.
var boilerMarks = []string{"forward-looking statement", "forward-looking information", "forward looking statement",
	"forward looking information", "safe harbor", "safe harbour", "cautionary note", "cautionary statement",
	"media contact", "media inquiries", "media enquiries", "investor relations", "investor contact",
	"investors contact", "press contact", "contacts:", "contact:",
	"this press release contains forward-looking", "this news release contains forward-looking",
	"this release contains forward-looking", "this press release includes forward-looking",
	"this news release includes forward-looking",
	"【会社概要】", "会社概要", "【本リリースに関するお問い合わせ】", "本件に関するお問い合わせ", "本リリースに関するお問い合わせ",
	"【お問い合わせ】", "お問い合わせ先", "【本件に関するお問い合わせ】", "【報道関係者お問い合わせ先】", "報道関係者お問い合わせ先"}

// boilerplate marks the sentences that stand in press-release boilerplate:
// from a sentence opening a section "About <Name>", "Forward-Looking
// Statements", "Media Contact", 会社概要, 本件に関するお問い合わせ… to the
// end of the text, or to the next heading that opens no such section. Deals
// told there are not news.
func boilerplate(txt, lower string, sents [][2]int) []bool {
	out := make([]bool, len(sents))
	in := false
	for i, s := range sents {
		l := lower[s[0]:s[1]]
		switch {
		case boilerStart(txt[s[0]:s[1]], l):
			in = true
		case in && headingAt(txt, s):
			in = false
		}
		out[i] = in
	}
	return out
}

// boilerStart reports a sentence opening a boilerplate section.
func boilerStart(s, l string) bool {
	l = strings.TrimLeft(l, "#*-_ ")
	for _, m := range boilerMarks {
		if strings.HasPrefix(l, m) {
			return true
		}
	}
	s = strings.TrimLeft(s, "#*-_ ")
	rest, ok := strings.CutPrefix(s, "About ")
	if !ok {
		return false
	}
	// "About HIVE Digital Technologies Ltd.": a capitalised name, not "About
	// $40 million" nor "About half of…".
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(r) {
		return false
	}
	w := rest
	if k := strings.IndexAny(w, " ,.:"); k >= 0 {
		w = w[:k]
	}
	switch strings.ToLower(w) {
	case "half", "one", "two", "three", "a", "the", "us", "u", "usd", "a$", "c$":
		return false
	}
	// "About Bit Digital and WhiteFiber": a news article's section on two
	// companies; a press release's boilerplate is about one.
	return !twoNames(rest)
}

// twoNames reports a run of capitalised words that joins two names with
// "and" ("Bit Digital and WhiteFiber"), read from the start of s.
func twoNames(s string) bool {
	ws := strings.Fields(s)
	for i, w := range ws {
		if (w == "and" || w == "&") && i > 0 && i+1 < len(ws) {
			r, _ := utf8.DecodeRuneInString(ws[i+1])
			return unicode.IsUpper(r)
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.HasSuffix(w, ".") || strings.HasSuffix(w, ",") {
			return false
		}
	}
	return false
}

// headingAt reports a sentence standing alone on its line as a heading: a
// markdown heading, or a short line without a final stop.
func headingAt(txt string, s [2]int) bool {
	a := s[0]
	for a > 0 && strings.IndexByte("#*-_ ", txt[a-1]) >= 0 {
		a--
	}
	if a < s[0] && strings.Contains(txt[a:s[0]], "#") {
		return true // "### Second Story"
	}
	lineStart := a == 0 || txt[a-1] == '\n'
	lineEnd := s[1] == len(txt) || txt[s[1]] == '\n'
	if !lineStart || !lineEnd {
		return false
	}
	t := strings.TrimSpace(txt[s[0]:s[1]])
	if strings.HasPrefix(t, "#") {
		return true
	}
	if len(t) > 60 || t == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".!?。:：", last)
}
