package deal

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"unicode/utf8"
)

// suffixRE matches an expression against the end of a text: does some
// match of it end exactly where the text ends? Go's engine tries every
// start position of the text for an expression anchored only at its end,
// which on the rules' 200-byte look-back windows was a tenth of a long
// English page. suffixRE runs the expression reversed, anchored at the
// start of the reversed text instead: one start position. The answer is
// the same (a concatenation read backwards, a literal's runes reversed,
// the text's start and end swapped; word boundaries and classes are
// symmetric).
type suffixRE struct {
	fwd *regexp.Regexp // (?:expr)$, for explanations and tests
	rev *regexp.Regexp // ^(?:reversed expr)
}

// compileSuffix compiles expr for matching at the end of a text.
func compileSuffix(expr string) (*suffixRE, error) {
	fwd, err := regexp.Compile(`(?:` + expr + `)$`)
	if err != nil {
		return nil, err
	}
	re, err := syntax.Parse(`(?:`+expr+`)$`, syntax.Perl)
	if err != nil {
		return nil, err
	}
	reverseSyntax(re)
	rev, err := regexp.Compile(re.String())
	if err != nil {
		return nil, err
	}
	return &suffixRE{fwd: fwd, rev: rev}, nil
}

// reverseSyntax turns re into the expression that matches the reversed
// texts of re's matches.
func reverseSyntax(re *syntax.Regexp) {
	switch re.Op {
	case syntax.OpLiteral:
		slices.Reverse(re.Rune)
	case syntax.OpConcat:
		slices.Reverse(re.Sub)
	case syntax.OpBeginText:
		re.Op = syntax.OpEndText
	case syntax.OpEndText:
		re.Op, re.Flags = syntax.OpBeginText, re.Flags&^syntax.WasDollar
	case syntax.OpBeginLine:
		re.Op = syntax.OpEndLine
	case syntax.OpEndLine:
		re.Op = syntax.OpBeginLine
	}
	for _, s := range re.Sub {
		reverseSyntax(s)
	}
}

// MatchString reports whether a match of the expression ends where s ends.
func (r *suffixRE) MatchString(s string) bool {
	var buf [256]byte
	return r.rev.Match(reverseRunes(buf[:0], s))
}

// String is the expression as written, anchored at the end.
func (r *suffixRE) String() string { return r.fwd.String() }

// reverseRunes appends the runes of s to dst in reverse order (bytes that
// are no valid UTF-8 are kept one by one).
func reverseRunes(dst []byte, s string) []byte {
	for i := len(s); i > 0; {
		_, n := utf8.DecodeLastRuneInString(s[:i])
		dst = append(dst, s[i-n:i]...)
		i -= n
	}
	return dst
}
