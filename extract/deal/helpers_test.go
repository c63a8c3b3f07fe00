package deal

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/extract/jtok"
	"github.com/kozan-dev/kozan/extract/money"
	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
)

var (
	sharedOnce sync.Once
	sharedX    *Extractor
	sharedErr  error
)

// newExtractor returns one extractor shared by the tests (the dictionary
// loads once).
func newExtractor(tb testing.TB) *Extractor {
	tb.Helper()
	sharedOnce.Do(func() {
		tok, err := jtok.New()
		if err != nil {
			sharedErr = err
			return
		}
		g, err := org.Builtin()
		if err != nil {
			sharedErr = err
			return
		}
		sharedX, sharedErr = New(Config{Tokenizer: tok, Gazetteer: g,
			Money: money.New(money.Config{FXUSD: map[string]float64{"JPY": 0.0067, "CNY": 0.14, "EUR": 1.08, "GBP": 1.27}})})
	})
	if sharedErr != nil {
		tb.Fatalf("New: %v", sharedErr)
	}
	return sharedX
}

// checkResult checks the invariants of a Result: spans inside the text, on
// rune boundaries, evidence equal to its span, valid kinds.
func checkResult(tb testing.TB, txt string, res Result) {
	tb.Helper()
	if res.Err != nil {
		tb.Fatalf("the rules failed on %q: %v", txt, res.Err) // a panic they recovered from is still a bug
	}
	inside := func(sp [2]int) bool {
		if sp[0] < 0 || sp[1] > len(txt) || sp[0] > sp[1] {
			return false
		}
		if !utf8.ValidString(txt) {
			return true
		}
		return (sp[0] == len(txt) || utf8.RuneStart(txt[sp[0]])) && (sp[1] == len(txt) || utf8.RuneStart(txt[sp[1]]))
	}
	for _, a := range res.Amounts {
		if !inside(a.Span) {
			tb.Fatalf("amount span %v outside text (len %d) or off rune boundary", a.Span, len(txt))
		}
	}
	for _, d := range res.Deals {
		if !inside(d.EvidenceSpan) {
			tb.Fatalf("evidence span %v outside text (len %d) or off rune boundary", d.EvidenceSpan, len(txt))
		}
		if d.Amount != nil && !inside(d.Amount.Span) {
			tb.Fatalf("deal amount span %v outside text", d.Amount.Span)
		}
		if !d.Kind.Valid() {
			tb.Fatalf("invalid kind %q", d.Kind)
		}
		if d.Company == "" {
			tb.Fatalf("deal without company: %+v", d)
		}
	}
}

// corpusTexts are the written corpora, each read as one text, and the seed
// when it is beside the repository: texts for tests that compare two ways
// of reading the same thing at every place of real-looking text.
func corpusTexts(tb testing.TB) []string {
	tb.Helper()
	var docs []string
	for _, f := range []string{"corpus_en.yaml", "corpus_ja.yaml"} {
		b, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, text.Normalize(string(b)))
	}
	if b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seed", "000_b2387dff09af2a47.txt")); err == nil {
		docs = append(docs, text.Normalize(string(b)))
	}
	return docs
}
