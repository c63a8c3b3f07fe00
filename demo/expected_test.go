package demo

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/text/unicode/norm"
)

// TestReachable checks that a crawler given Sources reaches every article
// (hence every page of the answer key), and that the discovery methods are
// really mixed: some article only through the Japanese listing pages, some
// only through the English sitemap.
func TestReachable(t *testing.T) {
	s := startServer(t)
	for _, src := range s.Sources() {
		t.Run(src.Name, func(t *testing.T) {
			got := crawl(t, src, false)
			for _, p := range s.articlePaths(src.Name) {
				if kind := got[s.URL(src.Name)+p]; kind != "article" {
					t.Errorf("%s is not reached as an article (%q)", p, kind)
				}
			}
			for u, kind := range got {
				if strings.Contains(u, "admin") {
					t.Errorf("crawl reached a robots-disallowed URL %s", u)
				}
				if kind == "article" && !isArticle(src.Name, u) {
					t.Errorf("follow patterns take %s for an article", u)
				}
			}
			only := src
			only.StartURLs, only.Sitemaps = nil, nil // feeds, and every link on their articles
			viaFeeds := crawl(t, only, true)
			var hidden []string
			for _, p := range s.articlePaths(src.Name) {
				if _, ok := viaFeeds[s.URL(src.Name)+p]; !ok {
					hidden = append(hidden, p)
				}
			}
			if len(hidden) == 0 {
				t.Errorf("every article is reachable through the feed alone; want some only via listing/sitemap")
			}
			t.Logf("only via listing or sitemap: %v", hidden)
		})
	}
}

var spaces = regexp.MustCompile(`\s+`)

// articleText is the NFKC-normalised text of a page's <article> element,
// whitespace collapsed.
func articleText(t testing.TB, body []byte) string {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	a := doc.Find("article").First()
	if a.Length() == 0 {
		t.Fatal("no <article>")
	}
	return spaces.ReplaceAllString(norm.NFKC.String(a.Text()), " ")
}

func TestAnswerKeyConsistent(t *testing.T) {
	s := startServer(t)
	deals, err := Expected()
	if err != nil {
		t.Fatal(err)
	}
	nd, err := NotDeals()
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	text := func(site, p string) string {
		t.Helper()
		if x, ok := texts[site+p]; ok {
			return x
		}
		if !isArticle(site, p) {
			t.Fatalf("%s %s is not an article path", site, p)
		}
		resp, body := get(t, s.URL(site)+p)
		if resp.StatusCode != 200 {
			t.Fatalf("%s%s: status %d", site, p, resp.StatusCode)
		}
		texts[site+p] = articleText(t, body)
		return texts[site+p]
	}
	same := map[string][]ExpectedDeal{}
	perSite := map[string]int{}
	for i, d := range deals {
		t.Run(d.Site+d.Path+"/"+d.Company+"-"+string(d.Kind), func(t *testing.T) {
			perSite[d.Site]++
			if !d.Kind.Valid() {
				t.Errorf("deal %d: kind %q", i, d.Kind)
			}
			if d.Company == "" || d.Company == string(d.Counterparty) {
				t.Errorf("deal %d: company %q, counterparty %q", i, d.Company, d.Counterparty)
			}
			switch d.Qualifier {
			case "", "about", "over", "under", "up_to":
			default:
				t.Errorf("deal %d: qualifier %q", i, d.Qualifier)
			}
			if (d.Qualifier == "about") != d.Approx {
				t.Errorf("deal %d: approx %v with qualifier %q", i, d.Approx, d.Qualifier)
			}
			if (d.Amount == nil) != (d.Currency == "") || (d.Amount == nil) != (d.AmountText == "") {
				t.Errorf("deal %d: amount %v, currency %q, amount_text %q", i, d.Amount, d.Currency, d.AmountText)
			}
			if d.Amount != nil && (*d.Amount <= 0 || !strings.Contains(d.Evidence, d.AmountText)) {
				t.Errorf("deal %d: amount %v, amount_text %q not in evidence %q", i, *d.Amount, d.AmountText, d.Evidence)
			}
			if d.Amount != nil && parseWritten(d.AmountText) != *d.Amount {
				t.Errorf("deal %d: amount_text %q reads %v, amount is %v", i, d.AmountText, parseWritten(d.AmountText), *d.Amount)
			}
			ev := spaces.ReplaceAllString(norm.NFKC.String(d.Evidence), " ")
			if !strings.Contains(text(d.Site, d.Path), ev) {
				t.Errorf("deal %d: evidence %q not in the article text", i, d.Evidence)
			}
			if d.Same != "" {
				same[d.Same] = append(same[d.Same], d)
			}
		})
	}
	for key, ds := range same {
		if len(ds) != 2 || ds[0].Site == ds[1].Site || *ds[0].Amount != *ds[1].Amount || ds[0].Company != ds[1].Company ||
			ds[0].Counterparty != ds[1].Counterparty || ds[0].Kind != ds[1].Kind {
			t.Errorf("same %q: want one deal on each site with equal parties, amount and kind, got %+v", key, ds)
		}
	}
	if len(same) == 0 {
		t.Errorf("no deal reported by both sites")
	}
	for _, n := range nd {
		if !strings.Contains(text(n.Site, n.Path), norm.NFKC.String(n.AmountText)) {
			t.Errorf("not-deal %q not in %s%s", n.AmountText, n.Site, n.Path)
		}
		if parseWritten(n.AmountText) != n.Amount {
			t.Errorf("not-deal %q reads %v, amount is %v", n.AmountText, parseWritten(n.AmountText), n.Amount)
		}
	}
}

var (
	jaAmount = regexp.MustCompile(`^(?:約|最大|超|およそ)?(?:(\d[\d,]*)億)?(?:(\d[\d,]*)万)?(\d[\d,]*(?:\.\d+)?)?(ドル|円)$`)
	enAmount = regexp.MustCompile(`^(?:(?:up to|about|more than|nearly) )?\$(\d[\d,]*(?:\.\d+)?)(?: ?(billion|bn|million|m))?$`)
)

// parseWritten reads an amount as the answer key writes it, independently of
// kozan's money parser, so that a wrong value in expected.json is caught.
// It returns -1 for a form it does not know.
func parseWritten(s string) float64 {
	if m := jaAmount.FindStringSubmatch(s); m != nil && (m[1] != "" || m[2] != "" || m[3] != "") {
		n := func(x string) float64 {
			v, _ := strconv.ParseFloat(strings.ReplaceAll(x, ",", ""), 64)
			return v
		}
		return n(m[1])*100_000_000 + n(m[2])*10_000 + n(m[3])
	}
	if m := enAmount.FindStringSubmatch(s); m != nil {
		exp := map[string]string{"billion": "e9", "bn": "e9", "million": "e6", "m": "e6", "": ""}[m[2]]
		v, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", "")+exp, 64)
		if err == nil {
			return v
		}
	}
	return -1
}

func TestParseWritten(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"74億ドル", 7.4e9},
		{"約37億ドル", 3.7e9},
		{"23億5000万ドル", 2.35e9},
		{"3,000万ドル", 3e7},
		{"3万9800ドル", 39800},
		{"14.2円", 14.2},
		{"超70億ドル", 7e9},
		{"200億円", 2e10},
		{"$2.35 billion", 2.35e9},
		{"up to $4.3 billion", 4.3e9},
		{"$1.1bn", 1.1e9},
		{"$725 million", 7.25e8},
		{"twelve", -1},
		{"円", -1},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := parseWritten(tt.in); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
