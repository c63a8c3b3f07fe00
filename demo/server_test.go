package demo

import (
	"bytes"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/kozan-dev/kozan/crawler"
	"github.com/mmcdole/gofeed"
)

func startServer(t testing.TB) *Server {
	t.Helper()
	s, err := Start(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

func get(t testing.TB, u string, hdr ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	c := &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

// servedPath is the URL path a site file is served at.
func servedPath(name string) string {
	for _, idx := range []string{"index.html", "index.rss"} {
		if name == idx || strings.HasSuffix(name, "/"+idx) {
			return "/" + strings.TrimSuffix(name, idx)
		}
	}
	return "/" + name
}

func TestServeEveryFile(t *testing.T) {
	s := startServer(t)
	wantType := map[string]string{
		".html": "text/html; charset=utf-8", ".rss": "application/rss+xml; charset=UTF-8",
		".atom": "application/atom+xml; charset=utf-8", ".xml": "application/xml; charset=utf-8",
		".txt": "text/plain; charset=utf-8", ".css": "text/css; charset=utf-8",
	}
	for _, site := range []string{SiteJA, SiteEN} {
		base := s.URL(site)
		if !strings.HasPrefix(base, "http://127.0.0.1:") {
			t.Fatalf("URL(%s) = %q, want a loopback base", site, base)
		}
		st := s.sites[site]
		for name, f := range st.files {
			if name == "404.html" {
				continue
			}
			t.Run(site+"/"+name, func(t *testing.T) {
				resp, body := get(t, base+servedPath(name))
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("status %d", resp.StatusCode)
				}
				if got, want := resp.Header.Get("Content-Type"), wantType[path.Ext(name)]; got != want {
					t.Errorf("Content-Type = %q, want %q", got, want)
				}
				if resp.Header.Get("ETag") != f.etag || resp.Header.Get("Last-Modified") == "" {
					t.Errorf("validators: ETag %q (want %q), Last-Modified %q", resp.Header.Get("ETag"), f.etag, resp.Header.Get("Last-Modified"))
				}
				if bytes.Contains(body, []byte("BASE}}")) || bytes.Contains(body, []byte("%7BBASE")) {
					t.Errorf("unreplaced base placeholder")
				}
			})
		}
	}
	if s.URL("nope") != "" {
		t.Errorf("URL of an unknown site is not empty")
	}
}

func TestRedirectsAndNotFound(t *testing.T) {
	s := startServer(t)
	ja, en := s.URL(SiteJA), s.URL(SiteEN)
	tests := []struct {
		name, url  string
		wantStatus int
		wantLoc    string
	}{
		{"missing slash", ja + "/news", http.StatusMovedPermanently, "/news/"},
		{"shortlink", ja + "/?p=1201", http.StatusMovedPermanently, "/archives/1201/"},
		{"unknown shortlink", ja + "/?p=9", http.StatusOK, ""},
		{"unknown page", ja + "/archives/9/", http.StatusNotFound, ""},
		{"unknown file", en + "/news/2026/01/01/nothing.html", http.StatusNotFound, ""},
		{"404 file itself", en + "/404.html", http.StatusNotFound, ""},
		{"dot dot", en + "/news/../robots.txt", http.StatusNotFound, ""},
		{"tracking query", ja + "/archives/1201/?utm_source=rss&utm_medium=rss", http.StatusOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, _ := get(t, tt.url)
			if resp.StatusCode != tt.wantStatus || resp.Header.Get("Location") != tt.wantLoc {
				t.Errorf("got %d %q, want %d %q", resp.StatusCode, resp.Header.Get("Location"), tt.wantStatus, tt.wantLoc)
			}
		})
	}
	req, _ := http.NewRequest(http.MethodPost, ja+"/", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: got %d, want 405", resp.StatusCode)
	}
}

func TestConditionalGet(t *testing.T) {
	s := startServer(t)
	for _, site := range []string{SiteJA, SiteEN} {
		for _, p := range []string{"/", "/news/", "/robots.txt", "/sitemap.xml"} {
			u := s.URL(site) + p
			resp, _ := get(t, u)
			etag, lm := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
			tests := []struct {
				name string
				hdr  []string
				want int
			}{
				{"etag", []string{"If-None-Match", etag}, http.StatusNotModified},
				{"etag list", []string{"If-None-Match", `"x", ` + etag}, http.StatusNotModified},
				{"weak etag", []string{"If-None-Match", "W/" + etag}, http.StatusNotModified},
				{"other etag", []string{"If-None-Match", `"x"`}, http.StatusOK},
				{"since", []string{"If-Modified-Since", lm}, http.StatusNotModified},
				{"since before", []string{"If-Modified-Since", "Mon, 02 Jan 2006 15:04:05 GMT"}, http.StatusOK},
				{"etag wins", []string{"If-None-Match", `"x"`, "If-Modified-Since", lm}, http.StatusOK},
			}
			for _, tt := range tests {
				t.Run(site+p+"/"+tt.name, func(t *testing.T) {
					resp, body := get(t, u, tt.hdr...)
					if resp.StatusCode != tt.want {
						t.Fatalf("got %d, want %d", resp.StatusCode, tt.want)
					}
					if tt.want == http.StatusNotModified && (len(body) != 0 || resp.Header.Get("ETag") != etag) {
						t.Errorf("304 with %d body bytes, ETag %q", len(body), resp.Header.Get("ETag"))
					}
				})
			}
		}
	}
}

func TestRobots(t *testing.T) {
	s := startServer(t)
	for site, private := range map[string]string{SiteJA: "/wp-admin/", SiteEN: "/admin/"} {
		t.Run(site, func(t *testing.T) {
			_, body := get(t, s.URL(site)+"/robots.txt")
			r := parseRobots(string(body))
			if !r.disallowed(private) {
				t.Errorf("%s is not disallowed", private)
			}
			if r.disallowed("/news/") {
				t.Errorf("/news/ is disallowed")
			}
			if len(r.sitemaps) != 1 || r.sitemaps[0] != s.URL(site)+"/sitemap.xml" {
				t.Errorf("Sitemap lines = %q", r.sitemaps)
			}
			_, home := get(t, s.URL(site)+"/")
			if !bytes.Contains(home, []byte(`href="`+private)) && !bytes.Contains(home, []byte(`href="`+s.URL(site)+private)) {
				t.Errorf("home page does not link to %s", private)
			}
			before := s.Hits(site, private)
			get(t, s.URL(site)+private)
			if got := s.Hits(site, private); got != before+1 {
				t.Errorf("Hits(%s) = %d, want %d", private, got, before+1)
			}
		})
	}
}

type robots struct {
	disallow, allow, sitemaps []string
}

func parseRobots(s string) robots {
	var r robots
	for _, line := range strings.Split(s, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "disallow":
			r.disallow = append(r.disallow, v)
		case "allow":
			r.allow = append(r.allow, v)
		case "sitemap":
			r.sitemaps = append(r.sitemaps, v)
		}
	}
	return r
}

func (r robots) disallowed(p string) bool {
	for _, d := range r.disallow {
		if d != "" && strings.HasPrefix(p, d) {
			return true
		}
	}
	return false
}

func TestFeeds(t *testing.T) {
	s := startServer(t)
	for _, src := range s.Sources() {
		for _, f := range src.Feeds {
			t.Run(f, func(t *testing.T) {
				_, body := get(t, f)
				feed, err := gofeed.NewParser().ParseString(string(body))
				if err != nil {
					t.Fatal(err)
				}
				want := map[string]string{SiteJA: "rss", SiteEN: "atom"}[src.Name]
				if feed.FeedType != want {
					t.Errorf("feed type %q, want %q", feed.FeedType, want)
				}
				if len(feed.Items) < 3 {
					t.Fatalf("%d items", len(feed.Items))
				}
				for _, it := range feed.Items {
					if it.Title == "" || it.PublishedParsed == nil || !strings.HasPrefix(it.Link, s.URL(src.Name)+"/") {
						t.Errorf("item %q: link %q, published %v", it.Title, it.Link, it.PublishedParsed)
					}
				}
			})
		}
	}
}

// sitemapDoc is a sitemap index or a urlset.
type sitemapDoc struct {
	XMLName  xml.Name
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"sitemap"`
	URLs []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
		News    *struct {
			Title string `xml:"title"`
			Date  string `xml:"publication_date"`
		} `xml:"news"`
	} `xml:"url"`
}

// sitemapURLs reads a sitemap or sitemap index and returns the page URLs.
func sitemapURLs(t testing.TB, u string) []string {
	t.Helper()
	resp, body := get(t, u)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: status %d", u, resp.StatusCode)
	}
	var doc sitemapDoc
	if err := xml.Unmarshal(body, &doc); err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	var out []string
	for _, sm := range doc.Sitemaps {
		out = append(out, sitemapURLs(t, sm.Loc)...)
	}
	for _, x := range doc.URLs {
		if _, err := time.Parse(time.RFC3339, x.LastMod); err != nil {
			t.Errorf("%s: lastmod: %v", x.Loc, err)
		}
		if x.News != nil {
			if _, err := time.Parse(time.RFC3339, x.News.Date); err != nil || x.News.Title == "" {
				t.Errorf("%s: news entry %+v", x.Loc, x.News)
			}
		}
		out = append(out, x.Loc)
	}
	return out
}

func TestSitemaps(t *testing.T) {
	s := startServer(t)
	for _, site := range []string{SiteJA, SiteEN} {
		t.Run(site, func(t *testing.T) {
			urls := sitemapURLs(t, s.URL(site)+"/sitemap.xml")
			arts := 0
			for _, u := range urls {
				if !strings.HasPrefix(u, s.URL(site)+"/") {
					t.Errorf("foreign URL %q", u)
				}
				if resp, _ := get(t, u); resp.StatusCode != http.StatusOK {
					t.Errorf("%s: status %d", u, resp.StatusCode)
				}
				if isArticle(site, u) {
					arts++
				}
			}
			if want := len(s.articlePaths(site)); arts != want {
				t.Errorf("sitemap lists %d articles, the site has %d", arts, want)
			}
		})
	}
}

// articlePaths lists the article paths a site serves.
func (s *Server) articlePaths(site string) []string {
	var out []string
	for name := range s.sites[site].files {
		if p := servedPath(name); isArticle(site, p) {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

var articleRE = map[string]*regexp.Regexp{
	SiteJA: regexp.MustCompile(`/archives/\d+/$`),
	SiteEN: regexp.MustCompile(`/news/\d{4}/\d{2}/\d{2}/[a-z0-9-]+\.html$`),
}

func isArticle(site, u string) bool { return articleRE[site].MatchString(u) }

// crawl is a minimal crawler over one source, walking it as a general news
// crawler does: feed and sitemap entries matching a follow pattern are
// articles; start URLs are
// listings (depth 0) whose links matching a follow pattern are articles and
// whose pagination links (rel="next", /page/N/) are listings one level
// deeper, up to max_depth; robots.txt is honoured and utm_* parameters are
// stripped. With expandArticles, links on article pages that match a follow
// pattern are taken as well (a more liberal crawler). It returns the URLs
// reached, with their kind.
func crawl(t testing.TB, src crawler.Source, expandArticles bool) map[string]string {
	t.Helper()
	var follow []*regexp.Regexp
	for _, f := range src.Follow {
		follow = append(follow, regexp.MustCompile(f))
	}
	base, err := url.Parse(append(append(src.Feeds, src.Sitemaps...), src.StartURLs...)[0])
	if err != nil {
		t.Fatal(err)
	}
	_, rb := get(t, base.Scheme+"://"+base.Host+"/robots.txt")
	rules := parseRobots(string(rb))
	type item struct {
		u, kind string
		depth   int
	}
	follows := func(u string) bool {
		for _, re := range follow {
			if re.MatchString(stripTracking(u)) {
				return true
			}
		}
		return false
	}
	seen := map[string]string{}
	var queue []item
	push := func(u, kind string, d int) {
		u = stripTracking(u)
		p, err := url.Parse(u)
		if err != nil || p.Host != base.Host || rules.disallowed(p.Path) {
			return
		}
		if _, ok := seen[u]; !ok {
			seen[u] = kind
			queue = append(queue, item{u, kind, d})
		}
	}
	for _, f := range src.Feeds {
		_, body := get(t, f)
		feed, err := gofeed.NewParser().ParseString(string(body))
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range feed.Items {
			if follows(it.Link) {
				push(it.Link, "article", 1)
			}
		}
	}
	for _, sm := range src.Sitemaps {
		for _, u := range sitemapURLs(t, sm) {
			if follows(u) {
				push(u, "article", 1)
			}
		}
	}
	for _, u := range src.StartURLs {
		push(u, "listing", 0)
	}
	for len(queue) > 0 {
		it := queue[0]
		queue = queue[1:]
		if it.kind == "article" && !expandArticles {
			continue
		}
		resp, body := get(t, it.u)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", it.u, resp.StatusCode)
			continue
		}
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		from, _ := url.Parse(it.u)
		doc.Find("a[href], link[rel=next]").Each(func(_ int, a *goquery.Selection) {
			ref, err := url.Parse(a.AttrOr("href", ""))
			if err != nil {
				return
			}
			u := stripTracking(from.ResolveReference(ref).String())
			if follows(u) {
				push(u, "article", it.depth+1)
				return
			}
			next := a.AttrOr("rel", "") == "next" || pageLink.MatchString(ref.Path)
			if it.kind == "listing" && next && it.depth+1 <= src.MaxDepth {
				push(u, "listing", it.depth+1)
			}
		})
	}
	return seen
}

var pageLink = regexp.MustCompile(`/page/\d+/?$`)

func stripTracking(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	q := p.Query()
	for k := range q {
		if strings.HasPrefix(k, "utm_") {
			q.Del(k)
		}
	}
	p.RawQuery = q.Encode()
	p.Fragment = ""
	return p.String()
}
