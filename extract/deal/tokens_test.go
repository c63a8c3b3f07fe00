package deal

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
)

// tokenCases are every passage the package's tests and the eval sets hold,
// and the seed article when present.
func tokenCases(t *testing.T) []corpusCase {
	t.Helper()
	cases := append(loadCorpus(t, "corpus_en.yaml"), loadCorpus(t, "corpus_ja.yaml")...)
	files, err := filepath.Glob(filepath.Join("..", "eval", "testdata", "*_*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cs []corpusCase
		if err := yaml.Unmarshal(b, &cs); err != nil {
			continue // not a list of passages (aliases.yaml)
		}
		cases = append(cases, cs...)
	}
	if raw, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seed", "000_b2387dff09af2a47.txt")); err == nil {
		cases = append(cases, corpusCase{ID: "seed", Text: string(raw)})
	}
	if len(cases) < 500 {
		t.Fatalf("%d passages, want at least 500", len(cases))
	}
	return cases
}

// TestNeededPiecesChangeNothing: tokenizing only the pieces the rules need
// (the default, as `kozan extract` does), tokenizing everything, and
// reusing the whole text's tokens (as `kozan run` does for the index) give
// the same result on every passage.
func TestNeededPiecesChangeNothing(t *testing.T) {
	x := newExtractor(t)
	all := &Extractor{tok: x.tok, money: x.money, gaz: x.gaz, rules: x.rules, words: x.words, lexIdx: x.lexIdx, tokenizeAll: true}
	for _, c := range tokenCases(t) {
		title, txt := text.Normalize(c.Title), text.Normalize(c.Text)
		// Names differ by design: kagome's names are read only where the
		// rules need them, and so do the party rules' vetoes of them.
		// Everything else must be the same.
		noNames := func(r Result) Result {
			r.Names = nil
			var vs []Veto
			for _, v := range r.Vetoes {
				if v.What != "party" {
					vs = append(vs, v)
				}
			}
			r.Vetoes = vs
			return r
		}
		got := noNames(x.Extract(title, txt))
		if want := noNames(all.Extract(title, txt)); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: needed pieces only:\n got %+v\nwant %+v (every piece)", c.ID, got.Deals, want.Deals)
		}
		if shared := noNames(x.ExtractTokens(title, txt, x.tok.Tokens(txt))); !reflect.DeepEqual(got, shared) {
			t.Errorf("%s: own tokens:\n got %+v\nwant %+v (the whole text's)", c.ID, got.Deals, shared.Deals)
		}
	}
}

// TestTokenNamesParallel: tokenizing a text piece by piece, batch by
// batch, on one goroutine or two, finds the names org.FromTokens finds in
// all its tokens at once, on the Japanese passages joined into one long text (a
// name's run of tokens may then cross a batch's halves and batches) and
// on each passage alone.
func TestTokenNamesParallel(t *testing.T) {
	x := newExtractor(t)
	var sb strings.Builder
	var texts []string
	for _, c := range tokenCases(t) {
		txt := text.Normalize(c.Text)
		if !hasJapanese(txt) {
			continue
		}
		texts = append(texts, txt)
		sb.WriteString(txt)
		sb.WriteString("\n")
	}
	long := sb.String()
	if len(long) < 4*tokenBatch {
		t.Fatalf("the Japanese passages make %d bytes, want at least %d", len(long), 4*tokenBatch)
	}
	// One line of 100 KB without a line break or a 。: its pieces are cut
	// at spaces, and a run of Latin name tokens goes on across pieces and
	// batches.
	line := strings.Repeat("Zorvia Quantum Holdings Kestrel Data Partners ", 2300)
	texts = append(texts, line)
	for i, txt := range append(texts, long) {
		one := org.FromTokens(txt, x.tok.Tokens(txt))
		for _, async := range []bool{false, true} {
			if got := x.tokenNames(txt, nil, async); !reflect.DeepEqual(got, one) {
				t.Fatalf("text %d (%d bytes), async %v: piece by piece\n got %v\nwant %v (all tokens at once)", i, len(txt), async, got, one)
			}
		}
		if len(one) == 0 && i >= len(texts)-1 {
			t.Fatalf("text %d: no names", i)
		}
	}
}

func TestHeadWords(t *testing.T) {
	for _, s := range []string{"", "  ", "a", " GB300 systems from Dell, the", "one  two\tthree\nfour five six", "一 二　三 四 五"} {
		for n := 1; n <= 5; n++ {
			got := strings.Fields(headWords(s, n))
			want := strings.Fields(s)
			want = want[:min(n, len(want))]
			if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Errorf("Fields(headWords(%q, %d)) = %q, want %q", s, n, got, want)
			}
		}
	}
}

// TestTermDefinedTwice: a page of several releases that each define the
// same short name made overlapping duplicate mentions (and labelEN
// panicked slicing between them); each use is now read once.
func TestTermDefinedTwice(t *testing.T) {
	x := newExtractor(t)
	s := "Zorvia Technologies, Inc. (NASDAQ: ZRV) (“Zorvia” or the “Company”) said Zorvia will host 50 MW for Microsoft under a $1 billion contract. "
	txt := text.Normalize(strings.Repeat(strings.Repeat(s, 2)+"\n", 2))
	res := x.Extract("", txt)
	checkResult(t, txt, res)
	if len(res.Deals) != 1 || res.Deals[0].Company != "Zorvia Technologies" {
		t.Errorf("got %+v, want one deal of Zorvia Technologies", res.Deals)
	}
}
