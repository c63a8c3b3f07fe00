package deal

import (
	"strings"
	"testing"

	"github.com/kozan-dev/kozan/extract/text"
)

// TestPhraseHitsAgree: every figure rule reads a figure the same through
// the rules' phrase hits as through its plain string searches, on every
// money figure of the written corpora and of the seed.
func TestPhraseHitsAgree(t *testing.T) {
	x := newExtractor(t)
	docs := corpusTexts(t)
	r := x.rules
	checked := 0
	for _, doc := range docs {
		lower := text.Lower(doc)
		hits := r.phrases.scan(lower)
		for _, ts := range text.Sentences(doc) {
			sp := [2]int{ts.Start, ts.End}
			for _, a := range x.money.Find(doc[sp[0]:sp[1]]) {
				a.Span[0] += sp[0]
				a.Span[1] += sp[0]
				plain := newFigureSite(lower, sp, a, nil)
				fast := newFigureSite(lower, sp, a, nil)
				fast.hits = hits
				for i := range r.Figures {
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

// TestPhraseHitsWithin: within agrees with strings.Contains on every
// window of texts where the words overlap, nest, repeat and are written
// in Japanese.
func TestPhraseHitsWithin(t *testing.T) {
	var ps phraseSet
	words := []string{"lease", "leased to", "as", "sea", "ease", "買収", "買収額", "収額", "$", "億ドル"}
	if len(words)-1 < mergeFrom {
		t.Fatal("the word list is too short to be looked up merged")
	}
	ids := make([]int32, len(words))
	for i, w := range words {
		ids[i] = ps.id(w)
	}
	if ps.id("lease") != ids[0] {
		t.Fatal("a word added twice got two ids")
	}
	if err := ps.build(); err != nil {
		t.Fatal(err)
	}
	for _, txt := range []string{
		"northwind leased to harbor; the lease eases as seas rise",
		"同社は買収額を5億ドルとした。買収は$3で",
		"",
		"leaseleaseleased to",
	} {
		h := ps.scan(txt)
		for lo := 0; lo <= len(txt); lo++ {
			for hi := lo; hi <= len(txt); hi++ {
				for i, w := range words {
					if got, want := h.within(ids[i:i+1], lo, hi), strings.Contains(txt[lo:hi], w); got != want {
						t.Fatalf("%q in %q[%d:%d]: got %v, want %v", w, txt, lo, hi, got, want)
					}
				}
				// Lists long enough to be looked up merged: the whole list
				// and its tail, which starts elsewhere.
				for _, from := range []int{0, 1} {
					want := false
					for _, w := range words[from:] {
						want = want || strings.Contains(txt[lo:hi], w)
					}
					if got := h.within(ids[from:], lo, hi); got != want {
						t.Fatalf("any of words[%d:] in %q[%d:%d]: got %v, want %v", from, txt, lo, hi, got, want)
					}
				}
			}
		}
	}
}
