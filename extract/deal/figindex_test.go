package deal

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kozan-dev/kozan/extract/text"
)

// TestFigIndexAgrees: every figure rule reads a figure the same through
// the word index as through its plain string searches, on every money
// figure of the written corpora and of the seed.
func TestFigIndexAgrees(t *testing.T) {
	x := newExtractor(t)
	var docs []string
	for _, f := range []string{"corpus_en.yaml", "corpus_ja.yaml"} {
		b, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, text.Normalize(string(b)))
	}
	if b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seed", "000_b2387dff09af2a47.txt")); err == nil {
		docs = append(docs, text.Normalize(string(b)))
	}
	r := x.rules
	checked := 0
	for _, doc := range docs {
		lower := text.Lower(doc)
		for _, ts := range text.Sentences(doc) {
			sp := [2]int{ts.Start, ts.End}
			for _, a := range x.money.Find(doc[sp[0]:sp[1]]) {
				a.Span[0] += sp[0]
				a.Span[1] += sp[0]
				plain := newFigureSite(lower, sp, a, nil)
				fast := newFigureSite(lower, sp, a, nil)
				fast.figs = r.figs
				for i := range r.Figures {
					fast.rule = i
					if got, want := r.Figures[i].firesAt(fast), r.Figures[i].firesAt(plain); got != want {
						t.Errorf("%s on %q: indexed %v, searched %v", r.Figures[i].ID, a.Text, got, want)
					}
					checked++
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no figure checked")
	}
}
