package crawler

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/kozan-dev/kozan/index/sqlite"
	"github.com/kozan-dev/kozan/pipeline"
)

const (
	benchArticles = 2000
	benchPerList  = 100
)

// benchSite serves 20 listing pages (/list/?page=N, 100 article links and
// rel=next each) and 2,000 articles of about 6 KB.
func benchSite(b *testing.B) (*httptest.Server, *atomic.Int64) {
	var served atomic.Int64
	para := strings.Repeat("<p>Hashline Mining agreed to host GPU servers for a cloud customer under a five-year contract worth $220 million.</p>\n", 50)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch {
		case r.URL.Path == "/list/":
			pg, _ := strconv.Atoi(r.URL.Query().Get("page"))
			if pg == 0 {
				pg = 1
			}
			var sb strings.Builder
			sb.WriteString("<html><head><title>list</title></head><body><ul>")
			for i := (pg - 1) * benchPerList; i < pg*benchPerList && i < benchArticles; i++ {
				fmt.Fprintf(&sb, `<li><a href="/a/%d">article %d</a></li>`, i, i)
			}
			if pg*benchPerList < benchArticles {
				fmt.Fprintf(&sb, `</ul><a rel="next" href="/list/?page=%d">next</a>`, pg+1)
			}
			sb.WriteString("</body></html>")
			w.Write([]byte(sb.String()))
		case strings.HasPrefix(r.URL.Path, "/a/"):
			fmt.Fprintf(w, `<html><head><title>%s</title></head><body><a href="/list/">list</a><article><h1>Article %s</h1>%s</article></body></html>`,
				r.URL.Path, r.URL.Path, para+r.URL.Path)
		default:
			http.NotFound(w, r)
		}
	}))
	b.Cleanup(srv.Close)
	return srv, &served
}

// peakHeap samples the heap in use until stop is closed.
func peakHeap(stop <-chan struct{}) func() uint64 {
	var peak atomic.Uint64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 { wg.Wait(); return peak.Load() }
}

const benchParallel = 8

// BenchmarkCrawlKozan crawls the 2,000-page loopback site with politeness
// off (no delay, no robots) through kozan's crawler.
func BenchmarkCrawlKozan(b *testing.B) {
	benchCrawl(b, nil)
}

// BenchmarkCrawlSeenStore crawls the same site with a real store that
// already remembers many other URLs: the crawler asks the store about each
// URL as it goes and keeps nothing per stored row, so peak memory must not
// grow with the store.
func BenchmarkCrawlSeenStore(b *testing.B) {
	for _, n := range []int{0, 20_000, 200_000} {
		b.Run(fmt.Sprintf("seen=%d", n), func(b *testing.B) {
			benchCrawl(b, seenStore(b, n))
		})
	}
}

// seenStore is a store whose crawl state holds n URLs of another site.
func seenStore(b *testing.B, n int) State {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "kozan.db")
	s, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		b.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	st, err := tx.Prepare(`INSERT INTO crawl_state (url, canonical_url, etag, content_hash, first_seen, last_seen)
		VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	now := time.Now().UnixNano()
	for i := range n {
		u := fmt.Sprintf("https://news.example/%d/%d", i/1000, i)
		if _, err := st.Exec(u, u, fmt.Sprintf(`"e%d"`, i), fmt.Sprintf("%064x", i), now, now); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	db.Close()
	s, err = sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func benchCrawl(b *testing.B, state State) {
	srv, _ := benchSite(b)
	cfg := defaultSetup()
	cfg.Crawl.IgnoreRobots = true
	cfg.Crawl.Delay = 0
	cfg.Crawl.Parallelism = benchParallel
	cfg.Crawl.MaxPages = 0
	cfg.Sources = []Source{{Name: "bench", StartURLs: []string{srv.URL + "/list/"},
		Follow: []string{"^" + regexp.QuoteMeta(srv.URL) + `/a/\d+$`}, MaxDepth: 100}}
	b.ReportAllocs()
	var peak uint64
	var pages int64
	start := time.Now()
	for b.Loop() {
		c, err := New(cfg.Crawl, cfg.Sources, state, Options{Logger: testLogger(b)})
		if err != nil {
			b.Fatal(err)
		}
		out := make(chan pipeline.Page, 16)
		done := make(chan struct{})
		go func() {
			for range out {
			}
			close(done)
		}()
		runtime.GC()
		stop := make(chan struct{})
		wait := peakHeap(stop)
		if err := c.Crawl(context.Background(), out); err != nil {
			b.Fatal(err)
		}
		close(out)
		<-done
		close(stop)
		peak = max(peak, wait())
		if got := c.Stats().Emitted; got != benchArticles {
			b.Fatalf("emitted %d pages, want %d", got, benchArticles)
		}
		pages += c.Stats().Emitted + c.Stats().Listings
	}
	b.ReportMetric(float64(pages)/time.Since(start).Seconds(), "pages/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// BenchmarkCrawlBareColly crawls the same site with a bare async colly
// collector following every link, for comparison.
func BenchmarkCrawlBareColly(b *testing.B) {
	srv, _ := benchSite(b)
	b.ReportAllocs()
	var peak uint64
	var pages int64
	start := time.Now()
	for b.Loop() {
		col := colly.NewCollector(colly.Async(true))
		if err := col.Limit(&colly.LimitRule{DomainGlob: "*", Parallelism: benchParallel}); err != nil {
			b.Fatal(err)
		}
		var n atomic.Int64
		col.OnHTML("a[href]", func(e *colly.HTMLElement) { e.Request.Visit(e.Attr("href")) })
		col.OnResponse(func(*colly.Response) { n.Add(1) })
		runtime.GC()
		stop := make(chan struct{})
		wait := peakHeap(stop)
		col.Visit(srv.URL + "/list/")
		col.Wait()
		close(stop)
		peak = max(peak, wait())
		if n.Load() != benchArticles+benchArticles/benchPerList {
			b.Fatalf("fetched %d pages, want %d", n.Load(), benchArticles+benchArticles/benchPerList)
		}
		pages += n.Load()
	}
	b.ReportMetric(float64(pages)/time.Since(start).Seconds(), "pages/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
