package crawler

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
	"golang.org/x/text/encoding/japanese"
)

// testNow is the crawl's clock: feed and sitemap dates are relative to it.
var testNow = time.Date(2026, 2, 20, 12, 0, 0, 0, time.UTC)

// hit is one request the test site received.
type hit struct {
	path   string
	status int
	at     time.Time
	ua     string
}

// site is an httptest news site with every case the crawler must survive.
type site struct {
	srv   *httptest.Server
	other *httptest.Server // an unconfigured host: redirects there are refused

	mu       sync.Mutex
	hits     []hit
	counts   map[string]int // requests per path
	versions map[string]int // article revision per path (bumped to change content)
	hugeSent int64          // bytes of /news/huge.html the server managed to write
	hugeDone bool
	arrivals []hit // every request at its arrival
	otherHit int
}

func newSite(t testing.TB) *site {
	s := &site{counts: map[string]int{}, versions: map[string]int{}}
	s.other = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.otherHit++
		s.mu.Unlock()
		fmt.Fprint(w, "<html><body><article>elsewhere</article></body></html>")
	}))
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(func() { s.srv.Close(); s.other.Close() })
	return s
}

func (s *site) url(p string) string { return s.srv.URL + p }

// requested reports how many times path was requested.
func (s *site) requested(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[path]
}

// ok200 counts the 200 responses per path.
func (s *site) ok200() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := map[string]int{}
	for _, h := range s.hits {
		if h.status == 200 {
			m[h.path]++
		}
	}
	return m
}

func (s *site) record(r *http.Request, status int) {
	p := r.URL.Path
	if r.URL.RawQuery != "" {
		p += "?" + r.URL.RawQuery
	}
	s.mu.Lock()
	s.hits = append(s.hits, hit{path: p, status: status, at: time.Now(), ua: r.UserAgent()})
	s.mu.Unlock()
}

// article renders an article page; text makes its body unique.
func article(title, text string, extraHead string) string {
	return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + title + `</title>` + extraHead +
		`</head><body><nav><a href="/">top</a></nav><article><h1>` + title + `</h1><p>` + text +
		`</p></article></body></html>`
}

var articleTexts = map[string][2]string{
	"/f/rss-1.html":          {"Hashline signs colocation deal", "Hashline Mining agreed to host 40 MW of GPU servers for Nimbus AI for $220 million over five years."},
	"/f/rdf-1.html":          {"北辰マイニング、新拠点", "北辰マイニングは北海道に50MWの新拠点を建設すると発表した。投資額は約120億円。"},
	"/f/atom-1.html":         {"Crestpeak raises capital", "Crestpeak Digital closed a $500 million convertible note offering due 2031."},
	"/f/old.html":            {"Old news", "An item older than the horizon."},
	"/partner/a2-copy.html":  {"Copy", ""},
	"/s/news-1.html":         {"Ridgeway leases site", "Ridgeway Power leased its Texas campus to Lumen Cloud for 10 years."},
	"/s/gz-1.html":           {"Glacier Bit buys miners", "Glacier Bit purchased 12,000 miners from a vendor for $36 million."},
	"/s/old.html":            {"Old sitemap item", "Older than the horizon."},
	"/news/robots-only.html": {"Robots sitemap", "Stonefield Data announced a 200 MW HPC campus with Orion Compute."},
	"/news/a1.html":          {"清流テック、AIデータセンター契約", "清流テックは米国の大手クラウド企業と総額37億ドルのAIデータセンター契約を締結した。"},
	"/news/a2.html":          {"Syndicated story", "Borealis Hash agreed to sell two sites to Vantage Grid for $90 million in cash."},
	"/news/a3.html":          {"Page two story", "Kestrel Mining secured a $150 million credit facility from a bank group."},
	"/news/a4.html":          {"Page three story", "Aurora Hosting expanded its colocation contract with Pinecrest to 60 MW."},
	"/news/amp-story/":       {"AMP story", "Summit Grid announced a partnership with Vector AI on liquid cooling."},
	"/news/canon.html":       {"Canonical story", "Harbor Digital acquired Bluewater Mining for 1,200 BTC."},
	"/news/final.html":       {"Redirected story", "Ironleaf Power signed a 15-year lease with Tessera Compute."},
	"/news/flaky.html":       {"Flaky story", "Cobalt Ridge raised $75 million in an equity offering."},
	"/news/busy.html":        {"Busy story", "Maple Hash entered a hosting agreement for 25 MW with Quill AI."},
	"/news/private/x.html":   {"Private", "never fetched"},
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	key := p
	if r.URL.RawQuery != "" {
		key += "?" + r.URL.RawQuery
	}
	s.mu.Lock()
	s.counts[key]++
	n := s.counts[key]
	s.arrivals = append(s.arrivals, hit{path: key, at: time.Now(), ua: r.UserAgent()})
	s.mu.Unlock()
	status := 200
	defer func() { s.record(r, status) }()
	xml := func(body string) {
		w.Header().Set("Content-Type", "application/xml")
		io.WriteString(w, body)
	}
	base := s.srv.URL
	switch {
	case p == "/robots.txt":
		fmt.Fprintf(w, "User-agent: *\nDisallow: /\n\nUser-agent: kozan\nDisallow: /news/private/\nDisallow: /admin/\nCrawl-delay: 0.02\n\nSitemap: %s/robots-sitemap.xml\n", base)
	case p == "/feed.rss":
		xml(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>` + base + `/</link>
<item><title>Hashline signs colocation deal</title><link>` + base + `/f/rss-1.html?utm_source=rss</link><pubDate>Mon, 16 Feb 2026 10:00:00 +0000</pubDate></item>
<item><title>Copy</title><link>` + base + `/partner/a2-copy.html</link><pubDate>Tue, 17 Feb 2026 10:00:00 GMT</pubDate></item>
<item><title>Old news</title><link>` + base + `/f/old.html</link><pubDate>Mon, 01 Dec 2025 10:00:00 +0000</pubDate></item>
</channel></rss>`)
	case p == "/feed.rdf":
		// RSS 1.0, Shift_JIS declared in the prolog only.
		body := `<?xml version="1.0" encoding="Shift_JIS"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="` + base + `/"><title>ニュース</title><link>` + base + `/</link></channel>
<item rdf:about="` + base + `/f/rdf-1.html"><title>北辰マイニング、新拠点</title><link>` + base + `/f/rdf-1.html</link><dc:date>2026-02-18T09:00:00+09:00</dc:date></item>
</rdf:RDF>`
		enc, _ := japanese.ShiftJIS.NewEncoder().String(body)
		w.Header().Set("Content-Type", "application/rdf+xml")
		io.WriteString(w, enc)
	case p == "/atom.xml":
		xml(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>a</title>
<entry><title>Crestpeak raises capital</title><link rel="alternate" href="` + base + `/f/atom-1.html"/><id>x</id><published>Mon, 02 Feb 2026 10:00:00 PRC+0800</published><updated>Mon, 02 Feb 2026 10:00:00 PRC+0800</updated></entry>
</feed>`)
	case p == "/sitemap_index.xml":
		xml(`<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>` + base + `/sitemap-news.xml</loc><lastmod>2026-02-19</lastmod></sitemap>
<sitemap><loc>` + base + `/sitemap-posts.xml.gz</loc></sitemap>
<sitemap><loc>` + base + `/sitemap-2019.xml</loc><lastmod>2019-01-01</lastmod></sitemap>
</sitemapindex>`)
	case p == "/sitemap-news.xml":
		xml(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>` + base + `/s/news-1.html</loc><news:news><news:publication><news:name>T</news:name><news:language>en</news:language></news:publication><news:publication_date>2026-02-19T08:00:00Z</news:publication_date><news:title>Ridgeway leases site</news:title></news:news></url>
</urlset>`)
	case p == "/sitemap-posts.xml.gz":
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		io.WriteString(zw, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>`+base+`/s/gz-1.html</loc><lastmod>2026-02-10</lastmod></url>
<url><loc>`+base+`/s/old.html</loc><lastmod>2024-05-01</lastmod></url>
</urlset>`)
		zw.Close()
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(buf.Bytes())
	case p == "/robots-sitemap.xml":
		xml(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>` + base + `/news/robots-only.html</loc></url></urlset>`)
	case p == "/news/" && r.URL.Query().Get("page") == "":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<html><head><title>News</title><link rel="next" href="/news/?page=2"></head><body><ul>
<li><a href="/news/a1.html?utm_source=top&fbclid=abc#comments">a1 tracked</a>
<li><a href="/news/a1.html">a1</a>
<li><a href="/news/a2.html">a2</a>
<li><a href="/news/amp-story/amp/">amp</a>
<li><a href="/news/amp-story/?utm_medium=email">amp tracked</a>
<li><a href="/news/alt.html">alt</a>
<li><a href="/news/sjis.html">sjis</a><li><a href="/news/eucjp.html">euc</a><li><a href="/news/bom.html">bom</a>
<li><a href="/news/r1.html">redirect</a><li><a href="/news/loop1.html">loop</a><li><a href="/news/away.html">away</a>
<li><a href="/news/missing.html">404</a><li><a href="/news/flaky.html">flaky</a><li><a href="/news/busy.html">busy</a>
<li><a href="/news/slow.html">slow</a><li><a href="/news/huge.html">huge</a><li><a href="/news/blob.html">blob</a>
<li><a href="/news/doc.pdf">pdf</a><li><a href="/news/private/x.html">private</a><li><a href="/admin/x.html">admin</a>
<li><a href="`+s.other.URL+`/news/offsite.html">offsite link</a><li><a href="mailto:x@example.com">mail</a>
</ul></body></html>`)
	case p == "/news/":
		pg := r.URL.Query().Get("page")
		links := map[string]string{"2": `<a href="/news/a3.html">a3</a><a rel="next" href="/news/?page=3">next</a>`,
			"3": `<a href="/news/a4.html">a4</a><a rel="next" href="/news/?page=4">next</a>`,
			"4": `<a href="/news/a5-too-deep.html">a5</a>`}[pg]
		if links == "" {
			status = 404
			http.NotFound(w, r)
			return
		}
		io.WriteString(w, `<html><head><title>News p`+pg+`</title></head><body>`+links+`</body></html>`)
	case (p == "/news/sjis.html" || p == "/news/eucjp.html" || p == "/news/bom.html") && unchanged(w, r):
		status = 304
	case p == "/news/sjis.html":
		// Shift_JIS declared by <meta> only, after more than 1024 bytes of head.
		page := `<html><head><title>シフトJIS</title><script>/*` + strings.Repeat("x", 3000) + `*/</script><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body><article><p>日本語の記事：鉱山会社が契約を締結した。</p></article></body></html>`
		enc, _ := japanese.ShiftJIS.NewEncoder().String(page)
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, enc)
	case p == "/news/eucjp.html":
		page := `<html><head><title>EUC</title></head><body><article><p>EUC-JPの記事：電力供給契約を発表した。</p></article></body></html>`
		enc, _ := japanese.EUCJP.NewEncoder().String(page)
		w.Header().Set("Content-Type", "text/html; charset=EUC-JP")
		io.WriteString(w, enc)
	case p == "/news/bom.html":
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "\xef\xbb\xbf<html><head><title>BOM</title></head><body><article><p>BOM付きの記事：ホスティング契約。</p></article></body></html>")
	case p == "/news/alt.html":
		status = s.articlePage(w, r, "/news/canon.html", `<link rel="canonical" href="/news/canon.html">`)
	case p == "/news/amp-story/amp/":
		status = s.articlePage(w, r, "/news/amp-story/", `<link rel="canonical" href="/news/amp-story/">`)
	case p == "/news/amp-story/":
		status = s.articlePage(w, r, p, `<link rel="amphtml" href="/news/amp-story/amp/">`)
	case p == "/news/a2.html" || p == "/partner/a2-copy.html":
		status = s.articlePage(w, r, "/news/a2.html", "")
	case p == "/news/r1.html":
		http.Redirect(w, r, "/news/r2.html", http.StatusMovedPermanently)
		status = 301
	case p == "/news/r2.html":
		http.Redirect(w, r, "/news/r3.html", http.StatusFound)
		status = 302
	case p == "/news/r3.html":
		http.Redirect(w, r, "/news/final.html", http.StatusTemporaryRedirect)
		status = 307
	case p == "/news/loop1.html":
		http.Redirect(w, r, "/news/loop2.html", http.StatusFound)
		status = 302
	case p == "/news/loop2.html":
		http.Redirect(w, r, "/news/loop1.html", http.StatusFound)
		status = 302
	case p == "/news/away.html":
		http.Redirect(w, r, s.other.URL+"/news/x.html", http.StatusFound)
		status = 302
	case p == "/news/flaky.html" && n == 1:
		status = 500
		http.Error(w, "oops", 500)
	case p == "/news/busy.html" && n == 1:
		status = 429
		w.Header().Set("Retry-After", "1")
		http.Error(w, "slow down", 429)
	case p == "/news/slow.html":
		select {
		case <-time.After(10 * time.Second):
		case <-r.Context().Done():
		}
		status = 0
	case p == "/news/huge.html":
		w.Header().Set("Content-Type", "text/html")
		chunk := bytes.Repeat([]byte("<p>padding padding padding padding</p>\n"), 1024)
		var sent int64
		for sent < 30<<20 {
			n, err := w.Write(chunk)
			sent += int64(n)
			if err != nil {
				break
			}
		}
		s.mu.Lock()
		s.hugeSent = sent
		s.hugeDone = true
		s.mu.Unlock()
	case p == "/news/blob.html":
		w.Header().Set("Content-Type", "text/html")
		w.Write(append([]byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13}, bytes.Repeat([]byte{0, 1, 2}, 500)...))
	case p == "/news/doc.pdf":
		w.Header().Set("Content-Type", "application/pdf")
		io.WriteString(w, "%PDF-1.4 not html")
	default:
		if _, ok := articleTexts[p]; ok {
			status = s.articlePage(w, r, p, "")
			return
		}
		status = 404
		http.NotFound(w, r)
	}
}

// articlePage serves the article at textPath with ETag/Last-Modified and
// answers conditional requests with 304.
func (s *site) articlePage(w http.ResponseWriter, r *http.Request, textPath, head string) int {
	at := articleTexts[textPath]
	s.mu.Lock()
	v := s.versions[textPath]
	s.mu.Unlock()
	text := at[1]
	if v > 0 {
		text += fmt.Sprintf(" Update %d: the parties amended the agreement.", v)
	}
	body := article(at[0], text, head)
	sum := sha256.Sum256([]byte(body))
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	lm := time.Date(2026, 2, 1+v, 0, 0, 0, 0, time.UTC).Format(http.TimeFormat)
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", lm)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		if inm == etag {
			w.WriteHeader(http.StatusNotModified)
			return 304
		}
	} else if ims := r.Header.Get("If-Modified-Since"); ims == lm {
		w.WriteHeader(http.StatusNotModified)
		return 304
	}
	io.WriteString(w, body)
	return 200
}

// unchanged sets a fixed Last-Modified and answers a matching
// If-Modified-Since with 304.
func unchanged(w http.ResponseWriter, r *http.Request) bool {
	lm := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC).Format(http.TimeFormat)
	w.Header().Set("Last-Modified", lm)
	if r.Header.Get("If-Modified-Since") == lm {
		w.WriteHeader(http.StatusNotModified)
		return true
	}
	return false
}

// fakeState is an in-memory State that records what emitted pages carried,
// as the store's Sink would.
type fakeState struct {
	mu      sync.Mutex
	records map[string]pipeline.CrawlRecord
	asked   int
}

func newFakeState() *fakeState { return &fakeState{records: map[string]pipeline.CrawlRecord{}} }

func (f *fakeState) CrawlState(_ context.Context, u string) (pipeline.CrawlRecord, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked++
	r, ok := f.records[u]
	return r, ok, nil
}

func (f *fakeState) put(p pipeline.Page) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, u := range append([]string{p.URL}, p.Aliases...) {
		f.records[u] = pipeline.CrawlRecord{URL: u, ETag: p.ETag, LastModified: p.LastMod}
	}
}

// crawlSetup is what New takes, built by a test.
type crawlSetup struct {
	Crawl   Config
	Sources []Source
}

// defaultSetup is the crawl configuration kozan.yaml defaults to.
func defaultSetup() crawlSetup {
	return crawlSetup{Crawl: Config{UserAgent: DefaultUserAgent, Parallelism: 2, Delay: time.Second,
		Timeout: 20 * time.Second, MaxBody: 5 << 20, MaxPages: 500, Retries: 3, MaxRedirects: 5}}
}

// config is the setup for the site: small delays and timeouts.
func (s *site) config() crawlSetup {
	cfg := defaultSetup()
	base := regexp.QuoteMeta(s.srv.URL)
	cfg.Crawl.Delay = 0
	cfg.Crawl.Parallelism = 4
	cfg.Crawl.Timeout = time.Second
	cfg.Crawl.MaxBody = 1 << 20
	cfg.Crawl.Retries = 2
	cfg.Crawl.MaxRedirects = 5
	cfg.Crawl.Horizon = 30 * 24 * time.Hour
	cfg.Sources = []Source{
		{Name: "feeds", Lang: "ja", Feeds: []string{s.url("/feed.rss"), s.url("/feed.rdf"), s.url("/atom.xml")}},
		{Name: "maps", Lang: "en", Sitemaps: []string{s.url("/sitemap_index.xml")}},
		{Name: "listing", Lang: "ja", StartURLs: []string{s.url("/news/")},
			Follow: []string{"^" + base + `/news/[^?]+$`}, Deny: []string{`/admin/`}, MaxDepth: 2},
	}
	return cfg
}

// collect runs a crawl and returns the emitted pages by URL.
func collect(t testing.TB, c *Crawler) (map[string]pipeline.Page, error) {
	t.Helper()
	out := make(chan pipeline.Page, 16)
	got := map[string]pipeline.Page{}
	var dups []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		for p := range out {
			if _, ok := got[p.URL]; ok {
				dups = append(dups, p.URL)
			}
			got[p.URL] = p
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := c.Crawl(ctx, out)
	close(out)
	<-done
	if len(dups) > 0 {
		t.Errorf("pages emitted twice: %v", dups)
	}
	return got, err
}

func testLogger(t testing.TB) *slog.Logger {
	if testing.Verbose() {
		return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(b []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
