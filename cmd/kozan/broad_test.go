package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kozan-dev/kozan/config"
	"github.com/kozan-dev/kozan/demo"
	"github.com/kozan-dev/kozan/pipeline"
)

// newsSite serves crawler/testdata/site: a news site with a home page,
// sections, listings paginated by path (/deals/page/2/) and by query
// (/markets/?page=2), tag and author pages, an about page, a soft 404
// served with 200, articles with and without JSON-LD, and a syndicated copy
// of one article under other chrome with another headline. Every page has
// an ETag and a Last-Modified; 200 answers are counted per path.
type newsSite struct {
	srv *httptest.Server
	mu  sync.Mutex
	ok  map[string]int // 200 answers per path (with query)
}

func newNewsSite(t *testing.T) *newsSite {
	t.Helper()
	root := filepath.Join("..", "..", "crawler", "testdata", "site")
	s := &newsSite{ok: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		file := ""
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
			return
		case p == "/markets/" && r.URL.Query().Get("page") != "":
			file = "markets/page-" + r.URL.Query().Get("page") + ".html"
		case strings.HasSuffix(p, "/"):
			file = strings.TrimPrefix(p, "/") + "index.html"
		case strings.HasSuffix(p, ".html"):
			file = strings.TrimPrefix(p, "/")
		default:
			file = strings.TrimPrefix(p, "/") + ".html"
		}
		body, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(file)))
		if err != nil || strings.Contains(file, "..") {
			http.NotFound(w, r)
			return
		}
		sum := sha256.Sum256(body)
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", "Thu, 12 Nov 2026 08:00:00 GMT")
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		s.mu.Lock()
		s.ok[r.URL.RequestURI()]++
		s.mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(body)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *newsSite) fetched() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := map[string]int{}
	for k, v := range s.ok {
		m[k] = v
	}
	return m
}

// siteArticles are the articles of crawler/testdata/site; every other page
// is a listing, the about page, the soft 404 or the syndicated copy.
var siteArticles = []string{
	"/2026/11/10/cipher-aws-barber-lake/",
	"/2026/11/12/terawulf-fluidstack-lease/",
	"/deals/iren-microsoft-contract-expands",
	"/markets/core-scientific-coreweave-colocation",
	"/markets/hashprice-slips-in-november",
	"/wire/press-bitfarms-paso-pe-sale.html",
}

// TestBroadFollowStoresOnlyArticles crawls the test site with the rule
// users write first (follow everything on the site, the home page as the
// start URL): the store holds exactly the articles, each once, and a second
// run downloads no article again.
func TestBroadFollowStoresOnlyArticles(t *testing.T) {
	site := newNewsSite(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "kozan.yaml")
	yaml := "store: k.db\ncrawl: {delay: 5ms, parallelism: 2}\nsources:\n" +
		"  - name: hashline\n    lang: en\n    start_urls: ['" + site.srv.URL + "/']\n" +
		"    follow: ['^" + regexp.QuoteMeta(site.srv.URL) + "/']\n    max_depth: 3\n"
	if err := os.WriteFile(cfg, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := kozan(t, "", "run", "--config", cfg, "--log-level", "debug")
	if code != exitOK {
		t.Fatalf("run: exit %d\n%s", code, errOut)
	}
	for _, want := range []string{`"class":"listing","signal":"teasers_dominate"`, `"class":"other","signal":"not_found"`,
		`"class":"other","signal":"url_other"`, `"class":"listing","signal":"ld_listing"`} {
		if !strings.Contains(errOut, want) {
			t.Errorf("debug log lacks %q", want)
		}
	}
	got, aliases := storedArticles(t, cfg, site.srv.URL)
	wantStored := siteArticles
	if !slices.Equal(got, wantStored) {
		t.Errorf("store holds\n  %s\nwant exactly the articles\n  %s", strings.Join(got, "\n  "), strings.Join(wantStored, "\n  "))
	}
	copyURL := site.srv.URL + "/partners/wire/terawulf-fluidstack-ai-lease.html"
	if a := aliases["/2026/11/12/terawulf-fluidstack-lease/"]; !slices.Equal(a, []string{copyURL}) {
		t.Errorf("the original's aliases are %v, want the syndicated copy %s", a, copyURL)
	}
	first := site.fetched()
	for _, p := range []string{"/deals/page/2/", "/markets/?page=2", "/markets/?page=3", "/tag/hpc/", "/author/jane-roe/", "/about/", "/2026/11/missing-story/"} {
		if first[p] == 0 {
			t.Errorf("%s was never fetched: the listings were not followed", p)
		}
	}

	code, _, errOut = kozan(t, "", "run", "--config", cfg)
	if code != exitOK {
		t.Fatalf("second run: exit %d\n%s", code, errOut)
	}
	second := site.fetched()
	for _, p := range siteArticles {
		if second[p] != first[p] {
			t.Errorf("second run downloaded the unchanged %s again", p)
		}
	}
	if got, _ := storedArticles(t, cfg, site.srv.URL); !slices.Equal(got, wantStored) {
		t.Errorf("after the second run the store holds %v", got)
	}
}

// storedArticles lists the paths of the articles the store holds, sorted,
// and their aliases (copies) by path.
func storedArticles(t *testing.T, cfg, base string) ([]string, map[string][]string) {
	t.Helper()
	code, out, errOut := kozan(t, "", "articles", "--json", "--config", cfg)
	if code != exitOK {
		t.Fatalf("articles: exit %d: %s", code, errOut)
	}
	var paths []string
	aliases := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var r pipeline.ArticleRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		paths = append(paths, strings.TrimPrefix(r.URL, base))
		aliases[strings.TrimPrefix(r.URL, base)] = r.Aliases
	}
	sort.Strings(paths)
	return paths, aliases
}

// TestDemoBroadFollow crawls the demo sites with their follow rules widened
// to the whole site (and the home pages as start URLs): the store holds the
// same articles as with the narrow rules, and nothing else.
func TestDemoBroadFollow(t *testing.T) {
	if testing.Short() {
		t.Skip("demo crawl in -short mode")
	}
	srv, err := demo.Start(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	narrow := configSources(srv.Sources())
	run := func(sources []config.Source) []string {
		dir := t.TempDir()
		cfg := config.Defaults()
		cfg.Dir = dir
		cfg.Store = filepath.Join(dir, "kozan.db")
		cfg.Sources = sources
		cfg.Crawl.Delay = 5 * time.Millisecond
		if err := cfg.Validate(); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		a := &app{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" },
			logLevel: "warn", cfg: &cfg}
		if err := a.setupLogger(); err != nil {
			t.Fatal(err)
		}
		rep := &runReport{}
		err := a.crawlRun(context.Background(), &cfg, runFlags{timeout: 2 * time.Minute}, rep)
		if err != nil {
			t.Fatalf("run: %v\n%s", err, errb.String())
		}
		store, err := a.openStore(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		recs, err := store.Articles(context.Background(), pipeline.ArticleFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var urls []string
		for _, r := range recs {
			urls = append(urls, r.URL)
		}
		sort.Strings(urls)
		t.Logf("%d articles; summary %+v; classified %v", len(urls), rep.Summary, rep.Crawl.Classified)
		return urls
	}
	want := run(narrow)
	var broad []config.Source
	for _, s := range narrow {
		home := strings.TrimSuffix(srv.URL(s.Name), "/")
		s.Follow = []string{"^" + regexp.QuoteMeta(home) + "/"}
		s.StartURLs = []string{home + "/"}
		s.Feeds, s.Sitemaps = nil, nil
		s.MaxDepth = 3
		broad = append(broad, s)
	}
	got := run(broad)
	if !slices.Equal(got, want) {
		t.Errorf("broad rules stored\n  %s\nnarrow rules stored\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}
