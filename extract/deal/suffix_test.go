package deal

import (
	"testing"

	"github.com/kozan-dev/kozan/extract/text"
)

func TestSuffixRE(t *testing.T) {
	for _, tc := range []struct {
		expr, in string
		want     bool
	}{
		{`sold to `, "The miner sold to ", true},
		{`sold to `, "The miner sold to a", false},
		{`(?:^|\n)[ (]*`, "", true},
		{`(?:^|\n)[ (]*`, "Harbor Wire\n (", true},
		{`(?:^|\n)[ (]*`, "Harbor Wire (", false},
		{`\b(?:such as|like) (?:[A-Z]\w*(?:,| and) )+`, "miners such as Riot, Hut and ", true},
		{`\bin $`, "a site in ", true},
		{`\bin $`, "a site within ", false},
		{`の(発行|募集)$`, "社債の発行", true},
		{`(?i)LED BY `, "a round led by ", true},
		{`[0-9] ?`, "型番S21 ", true},
	} {
		r, err := compileSuffix(tc.expr)
		if err != nil {
			t.Fatalf("%s: %v", tc.expr, err)
		}
		if got := r.MatchString(tc.in); got != tc.want {
			t.Errorf("%s on %q: got %v, want %v", tc.expr, tc.in, got, tc.want)
		}
		if got := r.fwd.MatchString(tc.in); got != tc.want {
			t.Errorf("%s on %q: the forward expression says %v, want %v", tc.expr, tc.in, got, tc.want)
		}
	}
}

// TestSuffixREAgrees: every party and figure rule's look-back expression
// answers the same reversed as forward, at every end of the written
// corpora and the seed (200-byte windows, as the rules read them).
func TestSuffixREAgrees(t *testing.T) {
	x := newExtractor(t)
	docs := corpusTexts(t)
	var res []*suffixRE
	for i := range x.rules.Parties {
		if r := x.rules.Parties[i].beforeRE; r != nil {
			res = append(res, r)
		}
	}
	for i := range x.rules.Figures {
		if r := x.rules.Figures[i].beforeRE; r != nil {
			res = append(res, r)
		}
	}
	if len(res) < 10 {
		t.Fatalf("only %d look-back expressions", len(res))
	}
	checked, matched := 0, 0
	for _, doc := range docs {
		lower := text.Lower(doc)
		for end := 0; end <= len(doc); end += 19 {
			for _, s := range []string{doc, lower} {
				win := s[max(0, end-200):end]
				for _, r := range res {
					got, want := r.MatchString(win), r.fwd.MatchString(win)
					if got != want {
						t.Fatalf("%s on %q: reversed %v, forward %v", r, win, got, want)
					}
					checked++
					if want {
						matched++
					}
				}
			}
		}
	}
	if matched == 0 {
		t.Fatalf("none of %d windows matched: the test reads nothing", checked)
	}
	t.Logf("%d windows, %d matches", checked, matched)
}

// FuzzSuffixRE: for any expression Go accepts and any text, the reversed
// expression answers as the forward one does.
func FuzzSuffixRE(f *testing.F) {
	for _, s := range [][2]string{
		{`sold to `, "The miner sold to "},
		{`(?:^|\n)[ (]*`, "Harbor Wire\n ("},
		{`\b(?:such as|like) (?:[A-Z]\w*(?:,| and) )+`, "miners such as Riot, Hut and "},
		{`(?i)led\s+by\b.{0,5}`, "a round LED  BY x"},
		{`の(発行|募集)`, "社債の発行"},
		{`(?m)^a|b$`, "x\na"},
		{`[^a-c]{2,3}?\B`, "zzz"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, expr, in string) {
		r, err := compileSuffix(expr)
		if err != nil {
			return
		}
		if got, want := r.MatchString(in), r.fwd.MatchString(in); got != want {
			t.Fatalf("%q on %q: reversed %v, forward %v", expr, in, got, want)
		}
	})
}
