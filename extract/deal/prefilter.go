package deal

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// requiredWords reads a rule's regular expression and returns groups of
// words, lower-cased in ASCII: every text the expression matches holds at
// least one word of each group ("secure" or "obtain…" for the verb, "loan"
// or "facilit…" for the noun). The rules test them in the document's
// phrase hits before running the expression, the prefilter RE2 and code
// search build from trigrams. A group is left out when one of its words
// would not be found in lower-cased text (an upper-case letter without
// case folding, a letter whose case folding is not ASCII's, a placeholder
// mark) or is shorter than minWord bytes.
func requiredWords(expr string) [][]string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	var parts []*syntax.Regexp
	if re.Op == syntax.OpConcat {
		parts = re.Sub
	} else {
		parts = []*syntax.Regexp{re}
	}
	var out [][]string
	for _, p := range parts {
		for p.Op == syntax.OpCapture {
			p = p.Sub[0]
		}
		if ws := oneOf(p); ws != nil {
			out = append(out, ws)
		}
	}
	return out
}

// minWord is the fewest bytes other than spaces a word worth a group has:
// shorter ones (" a ", " in") are in nearly every sentence.
const minWord = 3

// oneOf returns words one of which any match of re holds, or nil.
func oneOf(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		w, ok := lowerLiteral(re)
		if !ok || len(strings.ReplaceAll(w, " ", "")) < minWord || utf8.RuneCountInString(w) < 2 {
			return nil // one kana or kanji (の, に, 社) is in nearly every Japanese sentence too
		}
		return []string{w}
	case syntax.OpCapture:
		return oneOf(re.Sub[0])
	case syntax.OpPlus:
		return oneOf(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return oneOf(re.Sub[0])
		}
	case syntax.OpConcat:
		// Any part's words do; the longest shortest word is the most
		// telling.
		var best []string
		for _, s := range re.Sub {
			if ws := oneOf(s); ws != nil && (best == nil || shortest(ws) > shortest(best)) {
				best = ws
			}
		}
		return best
	case syntax.OpAlternate:
		var all []string
		for _, s := range re.Sub {
			ws := oneOf(s)
			if ws == nil {
				return nil
			}
			all = append(all, ws...)
		}
		slices.Sort(all)
		return slices.Compact(all)
	}
	return nil
}

// lowerLiteral returns a literal as lower-cased text holds it, and false
// when lower-casing in ASCII cannot tell (a letter folded outside ASCII, a
// capital matched case-sensitively). Of a literal holding placeholder
// marks, which the text does not hold, the longest stretch between them
// is returned. (Text is NFKC-normalised: the Kelvin sign and the long s
// that case folding also matches to k and s are not in it.)
func lowerLiteral(re *syntax.Regexp) (string, bool) {
	fold := re.Flags&syntax.FoldCase != 0
	var b strings.Builder
	best := ""
	for _, r := range re.Rune {
		switch {
		case r >= 0xE000 && r <= 0xF8FF:
			if b.Len() > len(best) {
				best = b.String()
			}
			b.Reset()
			continue
		case r < 0x80:
			if 'A' <= r && r <= 'Z' {
				if !fold {
					return "", false
				}
				r += 'a' - 'A'
			}
		case unicode.SimpleFold(r) != r:
			return "", false
		}
		b.WriteRune(r)
	}
	if b.Len() > len(best) {
		best = b.String()
	}
	return best, best != ""
}

func shortest(ws []string) int {
	n := len(ws[0])
	for _, w := range ws[1:] {
		n = min(n, len(w))
	}
	return n
}
