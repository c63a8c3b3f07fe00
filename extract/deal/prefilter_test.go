package deal

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/kozan-dev/kozan/extract/text"
)

func TestRequiredWords(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want [][]string
	}{
		{`(?i)\b(secured|obtained) a (loan|credit facility) from`, [][]string{{"obtained", "secured"}, {"credit facility", "loan"}, {" from"}}},
		{`\x{E000}\d+\x{E001}Signed`, nil},
		{`(?i)Lease`, [][]string{{"lease"}}},
		{`Lease`, nil},     // case-sensitive capital: lower-cased text does not hold it
		{`(a|bb) in`, nil}, // words shorter than minWord tell nothing
		{`(?:leased?|rent)+ into`, [][]string{{"lease", "rent"}, {" into"}}},
		{`(?:lease|x*) into`, [][]string{{" into"}}}, // a branch without a word drops the group
		{`\x{E000}\d+\x{E001}と提携`, [][]string{{"と提携"}}},
		{`の(?:投資家|株主)(?:に|から|の)支援`, [][]string{{"投資家", "株主"}, {"支援"}}}, // one kana is in every sentence: no group
		{`(?i)Straße`, nil}, // ß folds outside ASCII
		{`(`, nil},
	} {
		if got := requiredWords(tc.expr); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.expr, got, tc.want)
		}
	}
}

// TestRequiredWordsSound: wherever a party or figure rule's expression
// matches the text before or after a bracketed name or a figure of its
// examples, and wherever a deal rule fires on its examples, the text holds
// a word of each group the expression requires: the prefilter cannot hide
// a match the examples show.
func TestRequiredWordsSound(t *testing.T) {
	x := newExtractor(t)
	r := x.rules
	holds := func(id, lower string, groups [][]string) {
		t.Helper()
		for _, g := range groups {
			found := false
			for _, w := range g {
				found = found || strings.Contains(lower, w)
			}
			if !found {
				t.Errorf("%s: %q holds none of %q", id, lower, g)
			}
		}
	}
	n := 0
	for _, d := range r.Deals {
		for _, ex := range d.Examples.Fire {
			ex, _, _ = strings.Cut(ex, " => ")
			holds(d.ID, text.Lower(text.Normalize(ex)), requiredWords(d.re.String()))
			n++
		}
	}
	for _, p := range r.Parties {
		for _, ex := range append(p.Examples.Fire, p.Examples.Keep...) {
			before, rest, ok := strings.Cut(text.Normalize(ex), "[")
			_, after, ok2 := strings.Cut(rest, "]")
			if !ok || !ok2 {
				continue
			}
			before = before[max(0, len(before)-200):]
			if p.beforeRE != nil && p.beforeRE.MatchString(before) {
				holds(p.ID, text.Lower(before), requiredWords(p.BeforeMatch))
				n++
			}
			if p.afterRE != nil && p.afterRE.MatchString(after) {
				holds(p.ID, text.Lower(after), requiredWords(p.AfterMatch))
				n++
			}
		}
	}
	for _, f := range r.Figures {
		for _, ex := range append(f.Examples.Fire, f.Examples.Keep...) {
			lower := text.Lower(text.Normalize(ex))
			before, rest, ok := strings.Cut(lower, "[")
			_, after, ok2 := strings.Cut(rest, "]")
			if !ok || !ok2 {
				continue
			}
			if f.beforeRE != nil && f.beforeRE.MatchString(lastRunes(before, max(f.Within, 200))) {
				holds(f.ID, before, requiredWords(f.BeforeMatch))
				n++
			}
			if f.afterRE != nil && f.afterRE.MatchString(after) {
				holds(f.ID, after, requiredWords(f.AfterMatch))
				n++
			}
		}
	}
	if n < 50 {
		t.Fatalf("only %d matches checked", n)
	}
}

// FuzzRequiredWords: wherever an expression matches a text, the text
// lower-cased holds a word of each group requiredWords gives.
func FuzzRequiredWords(f *testing.F) {
	for _, s := range [][2]string{
		{`(?i)\b(secured|obtained) a (loan|credit facility) from`, "It SECURED a Credit Facility from X"},
		{`(?:leased?|rent)+ into`, "rentlease into"},
		{`と提携`, "北風と提携した"},
		{`(?i)Straße`, "STRASSE"},
		{`x{2,}abc|abd`, "xxabd"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, expr, in string) {
		re, err := regexp.Compile(expr)
		if err != nil || !re.MatchString(in) {
			return
		}
		lower := text.Lower(in)
		for _, g := range requiredWords(expr) {
			found := false
			for _, w := range g {
				found = found || strings.Contains(lower, w)
			}
			if !found {
				t.Fatalf("%q matches %q, which holds none of %q", expr, in, g)
			}
		}
	})
}
