package article

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/go-shiori/dom"
	"github.com/kozan-dev/kozan/pipeline"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// comparisonPage is one page of go-trafilatura's evaluation set: snippets
// the main text must hold (with) and must not hold (without).
type comparisonPage struct {
	url, file     string
	with, without []string
	body          []byte // UTF-8 HTML, decoded as go-trafilatura's own script does
	news          bool   // the page says it is an article (og:type, JSON-LD, published_time)
}

// comparisonDir finds go-trafilatura's module in the module cache; "" when
// it is absent.
func comparisonDir() string {
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		return ""
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "github.com", "markusmobius", "go-trafilatura@v1.12.2")
	if _, err := os.Stat(filepath.Join(dir, "scripts", "comparison", "data.go")); err != nil {
		return ""
	}
	return dir
}

// loadComparison reads the expectations from scripts/comparison/data.go (a
// Go map literal, read with go/parser) and the pages they name.
func loadComparison(t *testing.T, dir string) []comparisonPage {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join(dir, "scripts", "comparison", "data.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	str := func(e ast.Expr) string {
		if bl, ok := e.(*ast.BasicLit); ok && bl.Kind == token.STRING {
			if s, err := strconv.Unquote(bl.Value); err == nil {
				return s
			}
		}
		return ""
	}
	strs := func(e ast.Expr) []string {
		cl, ok := e.(*ast.CompositeLit)
		if !ok {
			return nil
		}
		var out []string
		for _, el := range cl.Elts {
			out = append(out, str(el))
		}
		return out
	}
	var pages []comparisonPage
	ast.Inspect(f, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		u := str(kv.Key)
		entry, ok := kv.Value.(*ast.CompositeLit)
		if u == "" || !ok {
			return true
		}
		p := comparisonPage{url: u}
		for _, el := range entry.Elts {
			field, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			switch id, _ := field.Key.(*ast.Ident); id.Name {
			case "File":
				p.file = str(field.Value)
			case "With":
				p.with = strs(field.Value)
			case "Without":
				p.without = strs(field.Value)
			}
		}
		if p.file != "" {
			pages = append(pages, p)
		}
		return false
	})
	sort.Slice(pages, func(i, j int) bool { return pages[i].url < pages[j].url })
	out := pages[:0]
	for _, p := range pages {
		var raw []byte
		for _, sub := range []string{"comparison", "mock"} {
			if raw, err = os.ReadFile(filepath.Join(dir, "test-files", sub, p.file)); err == nil {
				break
			}
		}
		if err != nil {
			continue
		}
		root, err := dom.Parse(bytes.NewReader(raw))
		if err != nil {
			continue
		}
		var b bytes.Buffer
		if err := html.Render(&b, root); err != nil {
			continue
		}
		p.body = b.Bytes()
		head := strings.ToLower(string(p.body[:min(len(p.body), 200<<10)]))
		p.news = strings.Contains(head, `og:type" content="article`) || strings.Contains(head, "article:published_time") ||
			strings.Contains(head, `"newsarticle"`) || strings.Contains(head, `"@type":"article"`) ||
			strings.Contains(head, `"@type": "article"`) || strings.Contains(head, `"reportagenewsarticle"`)
		out = append(out, p)
	}
	return out
}

// snippetScore counts found/missed wanted snippets and found/absent unwanted ones.
type snippetScore struct{ tp, fn, fp, tn int }

// snippetNorm puts text and snippets in one form (NFKC, single spaces,
// one line) so that kozan's NFKC rendering and trafilatura's raw text are
// scored alike.
func snippetNorm(s string) string { return cleanLine(s) }

func (s *snippetScore) add(p comparisonPage, text string) {
	text = snippetNorm(text)
	for _, w := range p.with {
		if w = snippetNorm(w); w != "" && strings.Contains(text, w) {
			s.tp++
		} else {
			s.fn++
		}
	}
	for _, w := range p.without {
		if w = snippetNorm(w); w != "" && strings.Contains(text, w) {
			s.fp++
		} else {
			s.tn++
		}
	}
}

func (s snippetScore) prf() (p, r, f float64) {
	p = float64(s.tp) / float64(s.tp+s.fp)
	r = float64(s.tp) / float64(s.tp+s.fn)
	return p, r, 2 * p * r / (p + r)
}

// comparisonVariants are the extractors measured on the set.
func comparisonVariants() []struct {
	name string
	run  func(p comparisonPage) string
} {
	kozan := func(eng engine) func(p comparisonPage) string {
		return func(p comparisonPage) string {
			a, err := extract(pipeline.Page{URL: p.url, Status: 200,
				Header: http.Header{"Content-Type": {"text/html"}}, Body: p.body}, testOptions(), eng)
			if err != nil {
				return ""
			}
			return a.Text
		}
	}
	plain := func(focus trafilatura.ExtractionFocus) func(p comparisonPage) string {
		return func(p comparisonPage) string {
			root, err := html.Parse(bytes.NewReader(p.body))
			if err != nil {
				return ""
			}
			u, _ := url.Parse(p.url)
			res, err := trafilatura.ExtractDocument(root, trafilatura.Options{
				EnableFallback: true, ExcludeComments: true, Focus: focus, OriginalURL: u})
			if err != nil || res == nil {
				return ""
			}
			return res.ContentText
		}
	}
	return []struct {
		name string
		run  func(p comparisonPage) string
	}{
		{"kozan Extract", kozan(engineAuto)},
		{"kozan cleaning+trafilatura only", kozan(engineTrafilatura)},
		{"kozan no cleaning+trafilatura", kozan(engineNoClean)},
		{"kozan light cleaning (tags, roles)", kozan(engineLightClean)},
		{"kozan heuristic only", kozan(engineHeuristic)},
		{"trafilatura+fallback balanced", plain(trafilatura.Balanced)},
		{"trafilatura+fallback recall", plain(trafilatura.FavorRecall)},
	}
}

// TestTrafilaturaComparison scores extractors on go-trafilatura's own
// evaluation set (about 980 real pages with snippets that must and must
// not appear), read from the module cache. It is slow (a minute), so it
// runs only with KOZAN_COMPARISON=1 (KOZAN_COMPARISON=all adds the plain
// trafilatura and other variants) and skips when the module is absent.
// Scores: precision, recall and F1 over snippets, on all pages and on the
// news-like ones (og:type article, NewsArticle JSON-LD, published_time).
//
//	KOZAN_COMPARISON=all go test ./extract/article -run TestTrafilaturaComparison -v
func TestTrafilaturaComparison(t *testing.T) {
	mode := os.Getenv("KOZAN_COMPARISON")
	if mode == "" {
		t.Skip("set KOZAN_COMPARISON=1 (or all) to run")
	}
	dir := comparisonDir()
	if dir == "" {
		t.Skip("go-trafilatura v1.12.2 not in the module cache")
	}
	pages := loadComparison(t, dir)
	if len(pages) < 500 {
		t.Skipf("only %d comparison pages readable", len(pages))
	}
	news := 0
	for _, p := range pages {
		if p.news {
			news++
		}
	}
	t.Logf("%d pages, %d news-like", len(pages), news)
	for i, v := range comparisonVariants() {
		if mode != "all" && i > 0 {
			break
		}
		var mu sync.Mutex
		var all, nw snippetScore
		var wg sync.WaitGroup
		work := make(chan comparisonPage)
		for range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for p := range work {
					text := v.run(p)
					mu.Lock()
					all.add(p, text)
					if p.news {
						nw.add(p, text)
					}
					if os.Getenv("KOZAN_COMPARISON_SHOW") == v.name {
						var miss []string
						for _, w := range p.with {
							if !strings.Contains(text, w) {
								miss = append(miss, "-"+w)
							}
						}
						for _, w := range p.without {
							if strings.Contains(text, w) {
								miss = append(miss, "+"+w)
							}
						}
						if len(miss) > 0 {
							fmt.Printf("%s %s %q\n", p.file, p.url, miss)
						}
					}
					mu.Unlock()
				}
			}()
		}
		for _, p := range pages {
			work <- p
		}
		close(work)
		wg.Wait()
		p, r, f := all.prf()
		np, nr, nf := nw.prf()
		t.Logf("%-34s all: P %.3f R %.3f F1 %.3f | news: P %.3f R %.3f F1 %.3f", v.name, p, r, f, np, nr, nf)
		if i == 0 && f < 0.91 {
			t.Errorf("kozan Extract F1 %.3f < 0.91 on the comparison set", f)
		}
	}
}
