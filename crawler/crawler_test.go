package crawler

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

// wantArticles are the article pages the site yields, by path; the
// syndicated pair (/news/a2.html, /partner/a2-copy.html) is checked apart.
var wantArticles = []string{
	"/f/rss-1.html", "/f/rdf-1.html", "/f/atom-1.html", // feeds: RSS 2.0, RDF, Atom
	"/s/news-1.html", "/s/gz-1.html", // news sitemap, .xml.gz urlset via a sitemap index
	"/news/robots-only.html",                          // Sitemap: line in robots.txt
	"/news/a1.html", "/news/a3.html", "/news/a4.html", // listing, page 2, page 3
	"/news/amp-story/", "/news/canon.html", "/news/final.html",
	"/news/flaky.html", "/news/busy.html",
	"/news/sjis.html", "/news/eucjp.html", "/news/bom.html",
}

// neverRequested are paths a polite, bounded crawler must not touch.
var neverRequested = []string{
	"/news/private/x.html", "/admin/x.html", // robots Disallow, deny pattern
	"/f/old.html", "/s/old.html", "/sitemap-2019.xml", // older than the horizon
	"/news/?page=4", "/news/a5-too-deep.html", // past max_depth
	"/news/amp-story/amp/", // AMP variant resolved before fetching
	"/news/r1.html?x",      // (sanity: never linked)
}

func newTestCrawler(t testing.TB, s *site, cfg crawlSetup, st State, shared Shared) *Crawler {
	t.Helper()
	c, err := New(cfg.Crawl, cfg.Sources, st, Options{Logger: testLogger(t), Now: func() time.Time { return testNow },
		RetryBase: 10 * time.Millisecond, Shared: shared})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCrawlSite(t *testing.T) {
	s := newSite(t)
	c := newTestCrawler(t, s, s.config(), newFakeState(), nil)
	start := time.Now()
	got, err := c.Crawl2(t)
	if err != nil {
		t.Fatalf("Crawl: %v", err)
	}
	t.Logf("crawl took %v; stats %+v", time.Since(start), c.Stats())

	articles := map[string]pipeline.Page{}
	var notices []pipeline.Page
	for u, p := range got {
		if p.NotModified {
			notices = append(notices, p)
			continue
		}
		articles[strings.TrimPrefix(u, s.srv.URL)] = p
	}
	want := slices.Clone(wantArticles)
	var copyURL string
	switch {
	case articles["/news/a2.html"].URL != "":
		want, copyURL = append(want, "/news/a2.html"), "/partner/a2-copy.html"
	case articles["/partner/a2-copy.html"].URL != "":
		want, copyURL = append(want, "/partner/a2-copy.html"), "/news/a2.html"
	}
	slices.Sort(want)
	if g := keys(articles); !slices.Equal(g, want) {
		t.Errorf("emitted articles:\n got %v\nwant %v", g, want)
	}
	if copyURL == "" {
		t.Errorf("neither copy of the syndicated article was emitted")
	}
	// The syndicated copy is announced as a NotModified duplicate, nothing else is.
	if len(notices) != 1 || notices[0].URL != s.url(copyURL) || notices[0].Header.Get(HeaderDuplicate) != "body" {
		t.Errorf("duplicate notices = %+v, want one for %s", notices, copyURL)
	}

	for _, p := range neverRequested {
		if n := s.requested(p); n != 0 {
			t.Errorf("%s requested %d times, want never", p, n)
		}
	}
	if s.otherHit != 0 {
		t.Errorf("off-host server got %d requests, want 0", s.otherHit)
	}
	for _, h := range s.arrivals {
		if !strings.HasPrefix(h.ua, "kozan/") {
			t.Errorf("%s requested with User-Agent %q", h.path, h.ua)
		}
	}

	// Crawl-delay 0.02s: request starts on the host are spaced by it. Any
	// five consecutive requests span at least four delays (less scheduling
	// jitter on a loaded machine: without the delay they arrive within a few ms).
	for i := 4; i < len(s.arrivals); i++ {
		if span := s.arrivals[i].at.Sub(s.arrivals[i-4].at); span < 45*time.Millisecond {
			t.Errorf("requests %d..%d span only %v, want >= 4 × Crawl-delay", i-4, i, span)
			for _, h := range s.arrivals[i-4 : i+1] {
				t.Logf("  %s %s", h.at.Format("15:04:05.000000"), h.path)
			}
			break
		}
	}
	// 429 with Retry-After: 1 waited about a second.
	var busy []time.Time
	for _, h := range s.arrivals {
		if h.path == "/news/busy.html" {
			busy = append(busy, h.at)
		}
	}
	if len(busy) != 2 || busy[1].Sub(busy[0]) < 900*time.Millisecond {
		t.Errorf("busy.html requests at %v, want 2 about 1s apart", busy)
	}
	// The 30 MB page was not read whole.
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		s.mu.Lock()
		done := s.hugeDone
		s.mu.Unlock()
		if done {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if s.hugeSent >= 30<<20 {
		t.Errorf("server sent the whole 30 MB page (%d bytes): body not limited", s.hugeSent)
	}

	st := c.Stats()
	for _, tc := range []struct {
		name      string
		got, want int64
	}{
		{"too_large", st.TooLarge, 1},
		{"non_html", st.NonHTML, 2},
		{"errors[redirect_loop]", st.Errors["redirect_loop"], 1},
		{"errors[offhost_redirect]", st.Errors["offhost_redirect"], 1},
		{"errors[status_404]", st.Errors["status_404"], 1},
		{"errors[timeout]", st.Errors["timeout"], 1},
		{"duplicates", st.Duplicates, 1},
		{"robots_denied", st.RobotsDenied, 1},
		{"horizon_skipped", st.HorizonSkipped, 3},
		{"feeds", st.Feeds, 3},
		{"sitemaps", st.Sitemaps, 4},
		{"listings", st.Listings, 3},
		{"offhost_refused", st.OffhostRefused, 1}, // the off-host redirect (the off-site link matches no follow pattern)
		{"emitted", st.Emitted, int64(len(got))},
	} {
		if tc.got != tc.want {
			t.Errorf("stats %s = %d, want %d", tc.name, tc.got, tc.want)
		}
	}
	if st.Retries < 4 { // flaky 500, busy 429, slow timeout ×2
		t.Errorf("stats retries = %d, want >= 4", st.Retries)
	}

	// Page contents: decoded once, identity and hints.
	page := func(p string) pipeline.Page { return articles[p] }
	for _, tc := range []struct{ path, contains string }{
		{"/news/sjis.html", "鉱山会社が契約を締結した"},
		{"/news/eucjp.html", "電力供給契約を発表した"},
		{"/news/bom.html", "ホスティング契約"},
		{"/news/a1.html", "AIデータセンター契約"},
	} {
		b := page(tc.path).Body
		if !strings.Contains(string(b), tc.contains) {
			t.Errorf("%s body lacks %q: %.200q", tc.path, tc.contains, b)
		}
		if strings.HasPrefix(string(b), "\ufeff") {
			t.Errorf("%s body keeps its BOM", tc.path)
		}
	}
	if b := string(page("/news/sjis.html").Body); !strings.Contains(b, "charset=utf-8") {
		t.Errorf("sjis.html meta charset not relabelled to utf-8")
	}
	for _, tc := range []struct {
		path  string
		alias []string
	}{
		{"/news/a1.html", []string{"/news/a1.html?utm_source=top&fbclid=abc#comments"}},
		{"/news/amp-story/", []string{"/news/amp-story/amp/", "/news/amp-story/?utm_medium=email"}},
		{"/news/canon.html", []string{"/news/alt.html"}},
		{"/news/final.html", []string{"/news/r1.html"}},
		{"/f/rss-1.html", []string{"/f/rss-1.html?utm_source=rss"}},
	} {
		p := page(tc.path)
		for _, a := range tc.alias {
			if !slices.Contains(p.Aliases, s.url(a)) {
				t.Errorf("%s aliases = %v, want to contain %s", tc.path, p.Aliases, a)
			}
		}
	}
	if p := page("/f/rdf-1.html"); p.HintTitle != "北辰マイニング、新拠点" || p.Source != "feeds" || p.Lang != "ja" {
		t.Errorf("rdf item: hint title %q source %q lang %q", p.HintTitle, p.Source, p.Lang)
	}
	if p := page("/f/atom-1.html"); p.HintDate == nil || !p.HintDate.Equal(time.Date(2026, 2, 2, 2, 0, 0, 0, time.UTC)) {
		t.Errorf("atom item with PRC+0800 date: hint date %v", p.HintDate)
	}
	if p := page("/s/news-1.html"); p.HintTitle != "Ridgeway leases site" || p.HintDate == nil {
		t.Errorf("news sitemap hints: %q %v", p.HintTitle, p.HintDate)
	}
	if p := page("/news/final.html"); p.FetchURL != s.url("/news/final.html") || p.Status != 200 || p.ETag == "" || p.LastMod == "" {
		t.Errorf("final.html: fetch url %s status %d etag %q lastmod %q", p.FetchURL, p.Status, p.ETag, p.LastMod)
	}
}

// Crawl2 runs Crawl into a map (a test helper with a short name).
func (c *Crawler) Crawl2(t testing.TB) (map[string]pipeline.Page, error) { return collect(t, c) }

func TestCrawlIncremental(t *testing.T) {
	s := newSite(t)
	st := newFakeState()
	cfg := s.config()
	c := newTestCrawler(t, s, cfg, st, nil)
	first, err := c.Crawl2(t)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range first {
		st.put(p)
	}
	before := s.ok200()
	s.mu.Lock()
	s.versions["/news/a3.html"]++
	s.mu.Unlock()

	c2 := newTestCrawler(t, s, cfg, st, nil)
	second, err := c2.Crawl2(t)
	if err != nil {
		t.Fatal(err)
	}
	after := s.ok200()
	articlePaths := append(slices.Clone(wantArticles), "/news/a2.html", "/partner/a2-copy.html")
	for _, p := range articlePaths {
		fetched := after[p] - before[p]
		want := 0
		if p == "/news/a3.html" {
			want = 1
		}
		if fetched != want {
			t.Errorf("second run downloaded %s %d times, want %d", p, fetched, want)
		}
	}
	var changed []string
	for u, p := range second {
		if !p.NotModified {
			changed = append(changed, strings.TrimPrefix(u, s.srv.URL))
		}
	}
	if !slices.Equal(changed, []string{"/news/a3.html"}) {
		t.Errorf("second run emitted bodies for %v, want only the changed /news/a3.html", changed)
	}
	if p := second[s.url("/news/a3.html")]; !strings.Contains(string(p.Body), "Update 1") {
		t.Errorf("changed article body lacks the update: %.200q", p.Body)
	}
	if n := c2.Stats().NotModified; n < int64(len(wantArticles)) {
		t.Errorf("second run not_modified = %d, want >= %d", n, len(wantArticles))
	}
}
