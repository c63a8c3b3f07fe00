package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/kozan-dev/kozan/crawler"
)

// dateSignals reports how an article page states its publication date.
func dateSignals(t testing.TB, body []byte) (timeAttr, jsonLD, meta bool) {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	timeAttr = doc.Find("article time[datetime]").Length() > 0
	meta = doc.Find(`meta[property="article:published_time"]`).Length() > 0
	doc.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
		var ld map[string]any
		if err := json.Unmarshal([]byte(s.Text()), &ld); err != nil {
			t.Errorf("bad JSON-LD: %v", err)
		}
		if _, ok := ld["datePublished"]; ok {
			jsonLD = true
		}
	})
	return timeAttr, jsonLD, meta
}

var visibleJADate = regexp.MustCompile(`(20\d\d|令和\d+)年\d{1,2}月\d{1,2}日`)

func TestArticlePages(t *testing.T) {
	s := startServer(t)
	styles := map[string]int{}
	for _, site := range []string{SiteJA, SiteEN} {
		paths := s.articlePaths(site)
		if len(paths) < 8 {
			t.Errorf("%s has %d articles, want at least 8", site, len(paths))
		}
		for _, p := range paths {
			t.Run(site+p, func(t *testing.T) {
				_, body := get(t, s.URL(site)+p)
				ta, ld, meta := dateSignals(t, body)
				doc, _ := goquery.NewDocumentFromReader(bytes.NewReader(body))
				text := articleText(t, body)
				switch {
				case ta:
					styles["time"]++
				case ld:
					styles["jsonld"]++
				case meta:
					styles["meta"]++
				case site == SiteJA && visibleJADate.MatchString(text):
					styles["visible-only"]++
				default:
					t.Errorf("no date at all")
				}
				if site == SiteJA {
					if n := utf8.RuneCountInString(strings.Join(strings.Fields(doc.Find(".entry-content").Text()), "")); n < 400 || n > 1500 {
						t.Errorf("body has %d characters, want 400-1500", n)
					}
				} else if n := len(strings.Fields(doc.Find(".release-body").Text())); n < 150 || n > 600 {
					t.Errorf("body has %d words, want 150-600", n)
				}
				if got := doc.Find(`link[rel="canonical"]`).AttrOr("href", ""); got != s.URL(site)+p {
					t.Errorf("canonical %q", got)
				}
				if doc.Find("h1").Length() != 1 || doc.Find("nav").Length() == 0 || doc.Find("aside").Length() == 0 || doc.Find("footer").Length() == 0 {
					t.Errorf("want one h1, a nav, a sidebar and a footer")
				}
				teasers := doc.Find("aside li a")
				if teasers.Length() < 3 {
					t.Errorf("sidebar has %d popular teasers, want at least 3", teasers.Length())
				}
				teasers.Each(func(_ int, a *goquery.Selection) {
					if h := a.AttrOr("href", ""); strings.HasSuffix(h, p) {
						t.Errorf("a popular teaser links to the article itself")
					}
				})
				if doc.Find(`a[href*="twitter.com/intent"]`).Length() == 0 {
					t.Errorf("no share bar")
				}
			})
		}
	}
	for _, st := range []string{"time", "jsonld", "meta", "visible-only"} {
		if styles[st] == 0 {
			t.Errorf("no article states its date by %s (got %v)", st, styles)
		}
	}
}

func TestFictionNotice(t *testing.T) {
	s := startServer(t)
	for _, site := range []string{SiteJA, SiteEN} {
		for name := range s.sites[site].files {
			if !strings.HasSuffix(name, ".html") || strings.Contains(name, "admin") {
				continue
			}
			_, body := get(t, s.URL(site)+servedPath(name))
			if name == "404.html" {
				continue
			}
			if !bytes.Contains(bytes.ToLower(body), []byte("sample site for kozan's demo; all stories are fictional")) {
				t.Errorf("%s%s lacks the fiction notice", site, servedPath(name))
			}
		}
	}
}

func TestListings(t *testing.T) {
	s := startServer(t)
	for _, site := range []string{SiteJA, SiteEN} {
		t.Run(site, func(t *testing.T) {
			_, p1 := get(t, s.URL(site)+"/news/")
			resp, p2 := get(t, s.URL(site)+"/news/page/2/")
			if resp.StatusCode != 200 {
				t.Fatalf("/news/page/2/: status %d", resp.StatusCode)
			}
			links := func(b []byte) int {
				doc, _ := goquery.NewDocumentFromReader(bytes.NewReader(b))
				n := 0
				doc.Find("main a[href]").Each(func(_ int, a *goquery.Selection) {
					if isArticle(site, a.AttrOr("href", "")) {
						n++
					}
				})
				return n
			}
			if links(p1) == 0 || links(p2) == 0 {
				t.Errorf("listing pages link %d and %d articles", links(p1), links(p2))
			}
			if !bytes.Contains(p1, []byte(`/news/page/2/"`)) {
				t.Errorf("/news/ does not link to page 2")
			}
			for _, kind := range []string{"category", "tag"} {
				doc, _ := goquery.NewDocumentFromReader(bytes.NewReader(p1))
				href, ok := doc.Find(`a[href*="/` + kind + `/"]`).First().Attr("href")
				if !ok {
					t.Errorf("no %s link", kind)
					continue
				}
				if !strings.HasPrefix(href, "http") {
					href = s.URL(site) + href
				}
				if resp, body := get(t, href); resp.StatusCode != 200 || links(body) == 0 {
					t.Errorf("%s page %s: status %d, %d article links", kind, href, resp.StatusCode, links(body))
				}
			}
		})
	}
}

// TestSourcesValid: both sites, Japanese first, each a source the crawler
// accepts (kozan.yaml's validation of them runs in cmd/kozan's demo).
func TestSourcesValid(t *testing.T) {
	s := startServer(t)
	srcs := s.Sources()
	if len(srcs) != 2 || srcs[0].Name != SiteJA || srcs[1].Name != SiteEN ||
		srcs[0].Lang != "ja" || srcs[1].Lang != "en" {
		t.Errorf("sources %+v", srcs)
	}
	if _, err := crawler.New(crawler.Config{}, srcs, nil, crawler.Options{}); err != nil {
		t.Errorf("the crawler refuses the demo's sources: %v", err)
	}
}

func TestStartStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	s, err := Start(ctx)
	if err != nil {
		t.Fatal(err)
	}
	u := s.URL(SiteEN) + "/robots.txt"
	if resp, _ := get(t, u); resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	cancel()
	deadline := time.Now().Add(5 * time.Second)
	for {
		resp, err := http.Get(u)
		if err != nil {
			break
		}
		resp.Body.Close()
		if time.Now().After(deadline) {
			t.Fatal("server still answers after its context was cancelled")
		}
		time.Sleep(10 * time.Millisecond)
	}
	s.Close() // a second close is harmless
}

func BenchmarkServeArticle(b *testing.B) {
	s := startServer(b)
	st := s.sites[SiteJA]
	req := httptest.NewRequest(http.MethodGet, "/archives/1201/", nil)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		st.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}

func BenchmarkStart(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		s, err := Start(b.Context())
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
