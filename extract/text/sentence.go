package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) into a string.
type Span struct{ Start, End int }

// Text returns the part of src the span covers.
func (s Span) Text(src string) string { return src[s.Start:s.End] }

// maxOpen is how far (in bytes) an open bracket may reach before the
// splitter stops treating the text after it as bracketed: a bracket that is
// never closed must not swallow the rest of an article.
const maxOpen = 300

// isAbbreviation reports words that never end an English sentence when
// followed by a period.
func isAbbreviation(w string) bool {
	switch w {
	case "Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "No", "Nos", "Mr", "Ms", "Mrs", "Dr", "St",
		"Mt", "Ft", "Prof", "Gov", "Sen", "Rep", "Gen", "Col", "Lt", "Capt", "Sgt", "Bros",
		"vs", "approx", "est", "al", "Fig", "Ave", "Blvd", "Dept", "Univ", "Mfg", "Pty", "Messrs",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec":
		return true
	}
	return false
}

type openBracket struct {
	close rune
	pos   int
}

// Sentences splits s into sentences and returns their byte spans, in order,
// non-overlapping, trimmed of surrounding white space and never empty.
//
// Japanese sentences end at 。, ! and ? (full-width forms fold to these under
// NFKC) and at line breaks; terminators inside brackets 「」『』()【】[] do
// not split unless the bracket has been open for more than 300 bytes. English
// sentences end at . ! ? followed by a space and a capital letter, a digit, a
// quote or bracket, a non-ASCII letter, or the end of the text; not after
// abbreviations (Inc. Corp. U.S. e.g. Jan. …), single capital initials or
// inside decimals like 3.7. A company form or country abbreviation (Inc.
// Corp. Co. Ltd. U.S. U.K.) does end a sentence when the next word is one
// that opens sentences ("… with Acme Corp. The deal …"). A line break always
// ends a sentence.
func Sentences(s string) []Span {
	var out []Span
	emit := func(a, b int) {
		for a < b {
			r, w := utf8.DecodeRuneInString(s[a:b])
			if !unicode.IsSpace(r) {
				break
			}
			a += w
		}
		for b > a {
			r, w := utf8.DecodeLastRuneInString(s[a:b])
			if !unicode.IsSpace(r) {
				break
			}
			b -= w
		}
		if a < b {
			out = append(out, Span{a, b})
		}
	}
	var stack []openBracket
	start := 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n' || r == '\r':
			emit(start, i)
			start = i + w
			stack = stack[:0]
			i += w
			continue
		case closerOf(r) != 0:
			stack = append(stack, openBracket{closerOf(r), i})
		case isCloser(r):
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k].close == r {
					stack = stack[:k]
					break
				}
			}
		case r == '。' || r == '!' || r == '?' || r == '.':
			if len(stack) > 0 {
				if i-stack[0].pos <= maxOpen {
					break
				}
				stack = stack[:0]
			}
			j := endOfTerminator(s, i)
			if splitsAt(s, i, j, r) {
				emit(start, j)
				start = j
				i = j
				continue
			}
		}
		i += w
	}
	emit(start, len(s))
	return out
}

// endOfTerminator returns the end of the terminator run starting at i:
// repeated terminators and any closing quotes or brackets right after them.
func endOfTerminator(s string, i int) int {
	j := i
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if r == '。' || r == '!' || r == '?' || r == '.' || isCloser(r) || r == '"' || r == '\'' {
			j += w
			continue
		}
		break
	}
	return j
}

// splitsAt decides whether the terminator r at s[i] (its run ending at j)
// ends a sentence.
func splitsAt(s string, i, j int, r rune) bool {
	if r == '。' || j >= len(s) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(s[j:])
	if r == '!' || r == '?' {
		return next == ' ' || next == '\t' || next == '\n' || next == '\r' || next >= utf8.RuneSelf
	}
	// A period.
	var follower rune
	switch {
	case next == ' ' || next == '\t':
		k := j
		for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
			k++
		}
		if k >= len(s) {
			return true
		}
		follower, _ = utf8.DecodeRuneInString(s[k:])
		if follower >= 'a' && follower <= 'z' {
			return false
		}
		if follower < utf8.RuneSelf && !(follower >= 'A' && follower <= 'Z') &&
			!(follower >= '0' && follower <= '9') && !strings.ContainsRune("\"'([{`*#-", follower) && follower != '\n' && follower != '\r' {
			return false
		}
	case next >= utf8.RuneSelf:
		// A period directly followed by Japanese text: a full-width period
		// folded by NFKC, or an abbreviation such as "Inc.が".
	default:
		return false
	}
	if !abbreviationBefore(s, i) {
		return true
	}
	// "… with Acme Corp. The deal …": a company suffix followed by a word
	// that starts sentences ends the sentence after all.
	return companySuffixBefore(s, i) && follower != 0 && startsSentence(s, j)
}

// companySuffixBefore reports whether the word before the period at s[i]
// is a company-form abbreviation (Inc., Corp., Co., Ltd.) or the "U.S." /
// "U.K." that often end a sentence.
func companySuffixBefore(s string, i int) bool {
	for _, w := range [...]string{"Inc", "Corp", "Co", "Ltd", "U.S", "U.K"} {
		if strings.HasSuffix(s[:i], w) && (i == len(w) || !isASCIILetter(s[i-len(w)-1])) {
			return true
		}
	}
	return false
}

// startsSentence reports whether the first word after position j (past
// spaces) is one that usually opens a sentence.
func startsSentence(s string, j int) bool {
	for j < len(s) && s[j] == ' ' {
		j++
	}
	k := j
	for k < len(s) && isASCIILetter(s[k]) {
		k++
	}
	switch s[j:k] {
	case "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We",
		"In", "On", "At", "But", "However", "Meanwhile", "According", "Shares", "Under",
		"Separately", "Earlier", "Last", "Analysts", "A", "An":
		return true
	}
	return false
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// abbreviationBefore reports whether the word ending just before the period
// at s[i] is an abbreviation, a single capital initial or a dotted acronym.
func abbreviationBefore(s string, i int) bool {
	k := i
	for k > 0 {
		c := s[k-1]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' {
			k--
			continue
		}
		break
	}
	word := s[k:i]
	if word == "" {
		return false
	}
	if strings.Contains(word, ".") {
		// U.S. e.g. i.e. a.m. Ph.D.: short dotted parts; a domain
		// (example.com.) ends its sentence.
		for _, part := range strings.Split(word, ".") {
			if len(part) > 2 {
				return false
			}
		}
		return true
	}
	if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' {
		// "valued at $15B. KKR…": a scale letter after digits is no initial.
		return k == 0 || s[k-1] < '0' || s[k-1] > '9'
	}
	return isAbbreviation(word)
}

// closerOf returns the closing bracket for an opening one, or 0.
func closerOf(r rune) rune {
	switch r {
	case '「':
		return '」'
	case '『':
		return '』'
	case '(':
		return ')'
	case '【':
		return '】'
	case '[':
		return ']'
	case '〔':
		return '〕'
	case '《':
		return '》'
	case '〈':
		return '〉'
	case '“':
		return '”'
	}
	return 0
}

func isCloser(r rune) bool {
	switch r {
	case '」', '』', ')', '】', ']', '〕', '》', '〉', '”':
		return true
	}
	return false
}
