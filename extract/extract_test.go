package extract

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/kozan-dev/kozan/extract/deal"
	"github.com/kozan-dev/kozan/extract/jtok"
	"github.com/kozan-dev/kozan/extract/money"
	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

var (
	sharedOnce sync.Once
	shared     *Extractor
	sharedErr  error
)

func newExtractor(tb testing.TB) *Extractor {
	tb.Helper()
	sharedOnce.Do(func() { shared, sharedErr = New(Config{}) })
	if sharedErr != nil {
		tb.Fatal(sharedErr)
	}
	return shared
}

// docs are short passages of our own, one per language and style.
var docs = []struct{ name, title, body string }{
	{"ja", "北辰マイニング、AIデータセンターで提携",
		"北辰マイニングは12日、米クラウド大手のマイクロソフトと、北海道の拠点で5年間の計算能力提供契約を結んだと発表した。契約総額は約１２億ドル。同社の株価は前日比8％高となった。"},
	{"en", "Granite Hash signs GPU lease",
		"Granite Hash Inc. said on Monday it had signed a 10-year lease with CoreWeave for 120 MW at its Texas campus, worth about $2.1 billion. Revenue for the quarter was $48 million."},
}

// TestSharedTokensChangeNothing: the facade tokenizes once for the search
// index and the deal rules; the result must equal the deal extractor run
// on its own and the tokenizer's own Join.
func TestSharedTokensChangeNothing(t *testing.T) {
	x := newExtractor(t)
	tok, err := jtok.New()
	if err != nil {
		t.Fatal(err)
	}
	g, err := org.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	alone, err := deal.New(deal.Config{Tokenizer: tok, Money: money.New(money.Config{}), Gazetteer: g})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		t.Run(d.name, func(t *testing.T) {
			doc := x.Text("test", d.title, d.body, "")
			if len(doc.Deals) == 0 {
				t.Fatalf("no deal found in %q", d.body)
			}
			body := text.Normalize(d.body)
			want := alone.Extract(text.Normalize(d.title), body)
			if !reflect.DeepEqual(doc.Deals, want.Deals) {
				t.Errorf("deals differ:\n got %+v\nwant %+v", doc.Deals, want.Deals)
			}
			if got, want := doc.Article.TextTokens, tok.Join(body); got != want {
				t.Errorf("text tokens:\n got %q\nwant %q", got, want)
			}
		})
	}
}

func TestExtractPage(t *testing.T) {
	x := newExtractor(t)
	html := `<html lang="en"><head><title>Granite Hash signs GPU lease | Wire</title>
<meta property="article:published_time" content="2026-03-02T09:00:00Z"></head><body>
<nav>Home Markets Mining</nav><article><h1>Granite Hash signs GPU lease</h1>
<p>` + strings.Repeat(docs[1].body+" ", 3) + `</p></article><footer>© Wire</footer></body></html>`
	doc, err := x.Extract(context.Background(), pipeline.Page{URL: "https://wire.example/a/1", Source: "wire", Body: []byte(html), Status: 200, Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}}})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Article.Lang != "en" || doc.Article.PublishedAt == nil || len(doc.Deals) != 1 {
		t.Fatalf("got lang %q, date %v, %d deals: %+v", doc.Article.Lang, doc.Article.PublishedAt, len(doc.Deals), doc.Deals)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := x.Extract(ctx, pipeline.Page{URL: "https://wire.example/a/1", Body: []byte(html)}); err == nil {
		t.Error("a cancelled context extracted anyway")
	}
}

// BenchmarkTextJA is the whole per-article cost after HTML: normalisation,
// one tokenization for the index and the rules, deals.
func BenchmarkTextJA(b *testing.B) {
	x := newExtractor(b)
	body := seedOr(b, docs[0].body)
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		x.Text("bench", "", body, "ja")
	}
}

// seedOr is the seed article when present (26 KB of real Japanese news),
// else def repeated to a similar size.
func seedOr(tb testing.TB, def string) string {
	raw, err := os.ReadFile(filepath.Join("..", "..", "shared", "seed", "000_b2387dff09af2a47.txt"))
	if err == nil {
		return string(raw)
	}
	return strings.Repeat(def, 26000/len(def)+1)
}

// TestGluedBlocksEvidence: on pages written without white space between
// blocks, a deal's evidence is one body sentence: no headline, no date,
// no neighbouring paragraph glued to it.
func TestGluedBlocksEvidence(t *testing.T) {
	x := newExtractor(t)
	for _, name := range []string{"h1_time_p", "loose_br", "ja_glued"} {
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("article", "testdata", "blocks", name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := x.Extract(context.Background(), pipeline.Page{URL: "https://news.example.com/" + name, Status: 200,
				Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}}, Body: body})
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Deals) == 0 {
				t.Fatalf("no deal in\n%s", doc.Article.Text)
			}
			for _, d := range doc.Deals {
				ev := doc.Article.Text[d.EvidenceSpan[0]:d.EvidenceSpan[1]]
				if strings.Contains(ev, "\n") || strings.Contains(ev, "2026-11") || strings.Contains(ev, "2026年") ||
					strings.Contains(ev, doc.Article.Title) {
					t.Errorf("evidence runs over a block boundary: %q", ev)
				}
				t.Logf("%s–%s %s: %q", d.Company, d.Counterparty, d.Kind, ev)
			}
		})
	}
}

func TestCanonical(t *testing.T) {
	x, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{"Cipher Mining": "Cipher Digital", "サイファー・マイニング": "Cipher Digital",
		"Northwind Hashing": "Northwind Hashing"} {
		if got := x.Canonical(in); got != want {
			t.Errorf("Canonical(%q) = %q, want %q", in, got, want)
		}
	}
}
