package sitegen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strings"
	"text/template"
	"time"
)

// Base is the placeholder the server replaces with the site's base URL.
const Base = "{{BASE}}"

// Output is one rendered site.
type Output struct {
	Files   map[string][]byte    // file path relative to the site root ("archives/1201/index.html") → content
	LastMod map[string]time.Time // file path → modification time (for Last-Modified)
}

func newOutput() *Output {
	return &Output{Files: map[string][]byte{}, LastMod: map[string]time.Time{}}
}

func (o *Output) add(name string, b []byte, mod time.Time) {
	o.Files[name] = b
	o.LastMod[name] = mod.UTC()
}

// LoadArticles parses every *.txt file in dir of fsys, newest first.
func LoadArticles(fsys fs.FS, dir string) ([]*Article, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	var arts []*Article
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", n, err)
		}
		a, err := ParseArticle(n, b)
		if err != nil {
			return nil, err
		}
		arts = append(arts, a)
	}
	sort.SliceStable(arts, func(i, j int) bool { return arts[i].Published.After(arts[j].Published) })
	return arts, nil
}

// Render renders both sites from the content tree (holding ja/*.txt and
// en/*.txt) and returns them by source name (demo-ja, demo-en).
func Render(content fs.FS) (map[string]*Output, error) {
	ja, err := LoadArticles(content, "ja")
	if err != nil {
		return nil, err
	}
	en, err := LoadArticles(content, "en")
	if err != nil {
		return nil, err
	}
	jo, err := RenderJA(ja)
	if err != nil {
		return nil, fmt.Errorf("render ja: %w", err)
	}
	eo, err := RenderEN(en)
	if err != nil {
		return nil, fmt.Errorf("render en: %w", err)
	}
	return map[string]*Output{"demo-ja": jo, "demo-en": eo}, nil
}

// Manifest encodes the Last-Modified times of every site's files as JSON:
// {"demo-ja": {"archives/1201/index.html": "2026-10-20T00:30:00Z", ...}, ...}.
func Manifest(outs map[string]*Output) ([]byte, error) {
	m := map[string]map[string]time.Time{}
	for site, o := range outs {
		m[site] = o.LastMod
	}
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	return append(b, '\n'), nil
}

// page is what every HTML template receives.
type page struct {
	Base       string
	Path       string // site path of the page ("/archives/1201/")
	Title      string // page title without the site name
	Desc       string
	Art        *Article
	List       []*Article // listing entries
	Prev, Next string     // pagination paths
	PageNo     int
	Popular    []*Article
	Categories []Term
	Tags       []Term
	JSONLD     string
	NoIndex    bool
}

var funcs = template.FuncMap{
	"esc":  escText,
	"attr": html.EscapeString,
	"iso":  func(t time.Time) string { return t.Format(time.RFC3339) },
	"jadate": func(t time.Time) string {
		t = t.In(jst)
		return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
	},
	"jadot": func(t time.Time) string { return t.In(jst).Format("2006.01.02") },
	"jatime": func(t time.Time) string {
		t = t.In(jst)
		return fmt.Sprintf("%d年%d月%d日 %02d:%02d", t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute())
	},
	"reiwa": func(t time.Time) string {
		t = t.In(jst)
		return fmt.Sprintf("令和%d年%d月%d日", t.Year()-2018, t.Month(), t.Day())
	},
	"endate": func(t time.Time) string { return t.In(et).Format("Jan 2, 2006, 15:04") + " ET" },
	"endateline": func(t time.Time) string {
		t = t.In(et)
		m := t.Format("Jan.")
		if len(t.Month().String()) <= 4 {
			m = t.Month().String() // May, June, July are not abbreviated in AP style
		}
		return fmt.Sprintf("%s %d, %d", m, t.Day(), t.Year())
	},
	"enday": func(t time.Time) string { return t.In(et).Format("January 2, 2006") },
	"q":     url.QueryEscape,
}

var (
	jst = time.FixedZone("JST", 9*3600)
	et  = time.FixedZone("EDT", -4*3600)
)

// escText escapes text content as a CMS does: markup characters only, quotes
// left as written.
func escText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func execute(t *template.Template, name string, data any) ([]byte, error) {
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, name, data); err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return b.Bytes(), nil
}

// newsArticleLD is the schema.org NewsArticle of a page.
func newsArticleLD(a *Article, url, publisher, lang string) (string, error) {
	ld := map[string]any{
		"@context":         "https://schema.org",
		"@type":            "NewsArticle",
		"headline":         a.Title,
		"datePublished":    a.Published.Format(time.RFC3339),
		"dateModified":     a.LastMod().Format(time.RFC3339),
		"inLanguage":       lang,
		"mainEntityOfPage": map[string]string{"@type": "WebPage", "@id": url},
		"author":           map[string]string{"@type": "Person", "name": a.Author},
		"publisher":        map[string]string{"@type": "Organization", "name": publisher},
		"articleSection":   a.Category.Label,
	}
	b, err := json.MarshalIndent(ld, "", "  ")
	if err != nil {
		return "", fmt.Errorf("json-ld: %w", err)
	}
	return string(b), nil
}

// breadcrumbLD is a schema.org BreadcrumbList: pages carry one even when
// their date is stated elsewhere.
func breadcrumbLD(items ...[2]string) (string, error) {
	var list []map[string]any
	for i, it := range items {
		list = append(list, map[string]any{"@type": "ListItem", "position": i + 1, "name": it[0], "item": it[1]})
	}
	b, err := json.MarshalIndent(map[string]any{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": list}, "", "  ")
	if err != nil {
		return "", fmt.Errorf("json-ld: %w", err)
	}
	return string(b), nil
}

// terms collects the distinct categories and tags of the articles, in order
// of first use.
func terms(arts []*Article) (cats, tags []Term) {
	seenC, seenT := map[string]bool{}, map[string]bool{}
	for _, a := range arts {
		if !seenC[a.Category.Slug] {
			seenC[a.Category.Slug] = true
			cats = append(cats, a.Category)
		}
		for _, t := range a.Tags {
			if !seenT[t.Slug] {
				seenT[t.Slug] = true
				tags = append(tags, t)
			}
		}
	}
	return cats, tags
}

// popular picks up to n popular articles other than self.
func popular(arts []*Article, self *Article, n int) []*Article {
	var out []*Article
	for _, a := range arts {
		if a.Popular && a != self && len(out) < n {
			out = append(out, a)
		}
	}
	return out
}

// listed filters out articles hidden from listings.
func listed(arts []*Article) []*Article {
	var out []*Article
	for _, a := range arts {
		if a.Hidden != "listing" {
			out = append(out, a)
		}
	}
	return out
}

// newest is the latest modification among the articles.
func newest(arts []*Article) time.Time {
	var t time.Time
	for _, a := range arts {
		if a.LastMod().After(t) {
			t = a.LastMod()
		}
	}
	return t
}

// paginate splits the articles into pages of size n.
func paginate(arts []*Article, n int) [][]*Article {
	var pages [][]*Article
	for len(arts) > n {
		pages = append(pages, arts[:n])
		arts = arts[n:]
	}
	return append(pages, arts)
}

// staticPage is a page every site has (about, a login page robots.txt
// disallows, the 404 page).
type staticPage struct{ name, tmpl, path, title string }

// addStatic renders the static pages; all but "about" are noindex.
func addStatic(o *Output, t *template.Template, base func(page) page, mod time.Time, pages []staticPage) error {
	for _, f := range pages {
		b, err := execute(t, f.tmpl, base(page{Path: f.path, Title: f.title, NoIndex: f.tmpl != "about"}))
		if err != nil {
			return err
		}
		o.add(f.name, b, mod)
	}
	return nil
}

// feedItems is the newest n articles a feed lists (hidden ones are reached
// only through listings or the sitemap).
func feedItems(arts []*Article, n int) []*Article {
	var feed []*Article
	for _, a := range arts {
		if a.Hidden == "" && len(feed) < n {
			feed = append(feed, a)
		}
	}
	return feed
}
