package article

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/kozan-dev/kozan/pipeline"
)

func mustDoc(t testing.TB, s string) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// FuzzExtract: any bytes in, no panic; an article out is UTF-8 and NFKC
// text, and an error is either a skip or a parse failure.
func FuzzExtract(f *testing.F) {
	for _, name := range []string{"wp_en_news", "sjis_portal_ja", "amp_en", "reiwa_ja", "listing_en", "short_en"} {
		b, err := os.ReadFile(filepath.Join("testdata", name+".html"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("<html><body><p>" + strings.Repeat("短い文。", 80) + "</p></body></html>"))
	f.Add([]byte("<table><tr><td>a<td>b<table><tr><td>" + strings.Repeat("x ", 150)))
	f.Add([]byte("<p>\xff\xfe invalid \xc3 utf-8 " + strings.Repeat("word ", 80)))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"令和8年"}]}</script><h1>x</h1>`))
	opt := testOptions()
	f.Fuzz(func(t *testing.T, body []byte) {
		a, err := Extract(pipeline.Page{URL: "https://a.example.com/p/1", Status: 200,
			Header: http.Header{"Content-Type": {"text/html"}}, Body: body}, opt)
		if err != nil {
			return
		}
		for field, v := range map[string]string{"text": a.Text, "title": a.Title, "author": a.Author, "site": a.SiteName, "url": a.URL} {
			if !utf8.ValidString(v) {
				t.Errorf("%s is not UTF-8: %q", field, v)
			}
		}
		if a.Lang != "ja" && a.Lang != "en" {
			t.Errorf("lang = %q", a.Lang)
		}
		if textLen(a.Text) < MinTextLen {
			t.Errorf("article text shorter than MinTextLen: %q", a.Text)
		}
		if a.PublishedAt != nil && (a.PublishedAt.Before(minDate) || a.PublishedAt.After(testNow.Add(24*60*60*1e9))) {
			t.Errorf("published_at out of range: %v", a.PublishedAt)
		}
	})
}

// TestConcurrentExtract: the pipeline runs Extract from several workers at
// once; results must equal the serial ones (run with -race).
func TestConcurrentExtract(t *testing.T) {
	fs := fixtures()
	want := make([]goldenOut, len(fs))
	for i, f := range fs {
		want[i] = run(t, f, engineAuto)
	}
	errs := make(chan string, len(fs)*4)
	done := make(chan struct{})
	for w := 0; w < 4; w++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for i, f := range fs {
				a, err := Extract(loadPage(t, f), testOptions())
				var got goldenOut
				if err != nil {
					got.Skip, _ = IsSkip(err)
				} else {
					got.Article = &a
				}
				if (got.Article == nil) != (want[i].Article == nil) || got.Skip != want[i].Skip ||
					(got.Article != nil && got.Article.Text != want[i].Article.Text) {
					errs <- f.name
				}
			}
		}()
	}
	for w := 0; w < 4; w++ {
		<-done
	}
	close(errs)
	for name := range errs {
		t.Errorf("%s: concurrent result differs", name)
	}
}
