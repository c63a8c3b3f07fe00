package extract

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/kozan-dev/kozan/pipeline"
)

var (
	noIndexOnce sync.Once
	noIndex     *Extractor
	noIndexErr  error
)

// newNoIndexExtractor is the extractor kozan extract builds: no index
// tokens, kagome only where the deal rules need it.
func newNoIndexExtractor(tb testing.TB) *Extractor {
	tb.Helper()
	noIndexOnce.Do(func() { noIndex, noIndexErr = New(Config{NoIndexTokens: true}) })
	if noIndexErr != nil {
		tb.Fatal(noIndexErr)
	}
	return noIndex
}

// BenchmarkExtractPage is kozan extract on one long HTML page (a live blog,
// a report: many paragraphs with amounts, company names, lists and
// tables) of 1 MB and of the default max_body, 5 MiB: the cost must grow
// linearly with the page (before: 1 MB 6 s and 485 MB, 30 MB 18 minutes).
func BenchmarkExtractPage(b *testing.B) {
	x := newNoIndexExtractor(b)
	for _, lang := range []string{"ja", "en"} {
		for _, mb := range []int{1, 5} {
			page := bigPage(mb<<20, lang == "ja", 1)
			b.Run(fmt.Sprintf("%s/%dMB", lang, mb), func(b *testing.B) {
				b.SetBytes(int64(len(page)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := x.Extract(context.Background(), pipeline.Page{URL: "https://ledger.example/a", Body: page}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// extractCost returns the bytes and the number of allocations one Extract
// of page makes.
func extractCost(t *testing.T, x *Extractor, page []byte) (bytes, allocs float64) {
	t.Helper()
	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	if _, err := x.Extract(context.Background(), pipeline.Page{URL: "https://ledger.example/a", Body: page}); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&m1)
	return float64(m1.TotalAlloc - m0.TotalAlloc), float64(m1.Mallocs - m0.Mallocs)
}

// TestExtractCostLinear: on a page four times as long, kozan extract
// allocates at most 1.5 times as much per input byte (bytes and
// allocations), in both languages: no step of the pipeline (trafilatura,
// the tokenizer, the organisation finder, the deal rules) is quadratic.
// It measures memory, not time, so a loaded machine does not fail it.
func TestExtractCostLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and extracts pages of 1 MB")
	}
	for _, idx := range []bool{false, true} {
		x := newNoIndexExtractor(t)
		if idx {
			x = newExtractor(t)
		}
		for _, lang := range []string{"ja", "en"} {
			t.Run(fmt.Sprintf("%s/index=%v", lang, idx), func(t *testing.T) {
				small, large := bigPage(256<<10, lang == "ja", 3), bigPage(1<<20, lang == "ja", 3)
				sb, sa := extractCost(t, x, small)
				lb, la := extractCost(t, x, large)
				perB := (lb / float64(len(large))) / (sb / float64(len(small)))
				perA := (la / float64(len(large))) / (sa / float64(len(small)))
				t.Logf("256 KB: %.0f MB in %.0f allocations; 1 MB: %.0f MB in %.0f allocations (per byte ×%.2f, ×%.2f)", sb/1e6, sa, lb/1e6, la, perB, perA)
				if perB > 1.5 || perA > 1.5 {
					t.Errorf("per input byte, the 1 MB page costs ×%.2f the bytes and ×%.2f the allocations of the 256 KB page, want at most ×1.5", perB, perA)
				}
			})
		}
	}
}
