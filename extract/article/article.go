package article

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/kozan-dev/kozan/pipeline"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Options tunes Extract. The zero value works.
type Options struct {
	// Now is the clock for relative dates ("3時間前") and the future-date
	// check; default p.FetchedAt, else time.Now.
	Now func() time.Time
}

// MinTextLen is the fewest characters of main text an article has; a page
// with less is skipped as "too_short".
const MinTextLen = 200

// engine picks the main-text extractor.
type engine int

const (
	engineAuto        engine = iota // selectors, known CMS containers, then trafilatura
	engineHeuristic                 // selectors, known CMS containers, then densest text block
	engineTrafilatura               // go-trafilatura with its fallback only
)

// Extract turns a fetched page into an Article: main text, title, date,
// language, author, site name and canonical URL. p.Body must already be
// UTF-8; a <meta charset> left in it is ignored. A page that holds no
// article returns an error wrapping a *pipeline.SkipError.
func Extract(p pipeline.Page, opt Options) (pipeline.Article, error) {
	return extract(p, opt, engineAuto)
}

func extract(p pipeline.Page, opt Options, eng engine) (pipeline.Article, error) {
	now := time.Now()
	switch {
	case opt.Now != nil:
		now = opt.Now()
	case !p.FetchedAt.IsZero():
		now = p.FetchedAt
	}
	if err := checkPage(p); err != nil {
		return pipeline.Article{}, err
	}
	root, err := html.Parse(bytes.NewReader(p.Body))
	if err != nil {
		return pipeline.Article{}, fmt.Errorf("parse html %s: %w", p.URL, err)
	}
	doc := goquery.NewDocumentFromNode(root)

	ld := readLD(doc)
	site := collapseSpace(metaContent(doc, "og:site_name", "application-name", "twitter:site:name"))
	if site == "" {
		site = collapseSpace(ld.Publisher)
	}
	title := findTitle(doc, p, ld, site)
	langHint := normLang(doc.Find("html").AttrOr("lang", ""))
	if langHint == "" {
		langHint = normLang(metaContent(doc, "og:locale", "content-language", "language"))
	}
	if langHint == "" {
		langHint = normLang(p.Lang)
	}

	if reason := notArticle(doc, p, ld, title); reason != "" {
		return pipeline.Article{}, fmt.Errorf("extract %s: %w", p.URL, pipeline.Skip(reason))
	}

	a := pipeline.Article{
		URL:      canonicalURL(doc, p.URL),
		Title:    cleanLine(title),
		Author:   cleanLine(findAuthor(doc, ld)),
		SiteName: cleanLine(site),
	}

	// Dates from markup come before cleaning, which drops headers and bylines.
	pageLang := DetectLang(title+"\n"+sampleText(root, 4000), langHint)
	published, dated := metaDate(doc, ld, p, pageLang, now)
	var visible string
	if !dated {
		visible = visibleDateText(root, title)
	}

	clean(root)
	text := mainText(doc, root, p.Selectors.Body, eng)
	if utf8.RuneCountInString(text) < MinTextLen {
		return pipeline.Article{}, fmt.Errorf("extract %s: %w", p.URL, pipeline.Skip("too_short"))
	}
	a.Text = text
	a.Lang = DetectLang(text, langHint)
	if !dated {
		published, dated = textDate(visible, a.Lang, now)
	}
	if dated {
		published = published.UTC()
		a.PublishedAt = &published
	}
	if a.Title == "" {
		a.Title = firstLine(text)
	}
	return a, nil
}

// mainText picks the article body and renders it.
func mainText(doc *goquery.Document, root *html.Node, selector string, eng engine) string {
	if eng == engineTrafilatura {
		if n := trafilaturaBody(root, true); n != nil {
			return renderText(n)
		}
		return ""
	}
	if selector != "" {
		if sel := doc.Find(selector); sel.Length() > 0 {
			if t := renderText(sel.Nodes...); utf8.RuneCountInString(t) >= MinTextLen {
				return t
			}
		}
	}
	for _, s := range bodySelectors {
		sel := doc.Find(s)
		if sel.Length() == 0 {
			continue
		}
		var best *html.Node
		bestLen := 0
		sel.Each(func(_ int, m *goquery.Selection) {
			if l := proseLen(m.Nodes[0]); l > bestLen {
				best, bestLen = m.Nodes[0], l
			}
		})
		if best != nil && bestLen >= 140 {
			return renderText(best)
		}
	}
	if eng == engineAuto {
		if n := trafilaturaBody(root, false); n != nil {
			if t := renderText(n); utf8.RuneCountInString(t) >= MinTextLen {
				return t
			}
		}
	}
	if n := densest(root); n != nil {
		return renderText(n)
	}
	return ""
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	if r := []rune(line); len(r) > 120 {
		return string(r[:120])
	}
	return line
}

// findTitle reads the headline: the source's title selector, og:title,
// the JSON-LD headline, h1, <title> without the site name, the feed's title.
func findTitle(doc *goquery.Document, p pipeline.Page, ld ldInfo, site string) string {
	docTitle := collapseSpace(doc.Find("title").First().Text())
	if p.Selectors.Title != "" {
		if t := collapseSpace(doc.Find(p.Selectors.Title).First().Text()); t != "" {
			return cleanTitle(t, site, false)
		}
	}
	if og := collapseSpace(metaContent(doc, "og:title", "twitter:title")); og != "" {
		return cleanTitle(og, site, og == docTitle)
	}
	if ld.Headline != "" {
		return cleanTitle(ld.Headline, site, false)
	}
	var h1 string
	doc.Find("h1").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if t := collapseSpace(s.Text()); t != "" && !inBoilerplate(s.Nodes[0]) {
			h1 = t
			return false
		}
		return true
	})
	if h1 != "" && (site == "" || h1 != site) {
		return cleanTitle(h1, site, false)
	}
	if docTitle != "" {
		return cleanTitle(docTitle, site, true)
	}
	return collapseSpace(p.HintTitle)
}

// inBoilerplate reports whether n sits in page furniture (a header logo h1,
// a sidebar).
func inBoilerplate(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom != atom.Header && isBoilerplate(p) {
			return true
		}
	}
	return false
}

// checkPage rejects responses that cannot hold an article: an error
// status, a non-HTML content type, a body that is not HTML text.
func checkPage(p pipeline.Page) error {
	if p.Status >= 400 {
		return fmt.Errorf("extract %s: %w", p.URL, pipeline.Skip(fmt.Sprintf("http_status_%d", p.Status)))
	}
	if ct := p.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err == nil && mt != "text/html" && mt != "application/xhtml+xml" {
			return fmt.Errorf("extract %s: %w", p.URL, pipeline.Skip("not_html: "+mt))
		}
	}
	head := p.Body
	if len(head) > 2048 {
		head = head[:2048]
	}
	head = bytes.TrimLeft(head, " \t\r\n\ufeff")
	if len(p.Body) == 0 || bytes.IndexByte(head, 0) >= 0 || !bytes.Contains(head, []byte("<")) || !utf8.Valid(trimPartialRune(head)) {
		return fmt.Errorf("extract %s: %w", p.URL, pipeline.Skip("not_html"))
	}
	return nil
}

func trimPartialRune(b []byte) []byte {
	for i := 0; i < utf8.UTFMax && len(b) > 0; i++ {
		r, size := utf8.DecodeLastRune(b)
		if r != utf8.RuneError || size != 1 {
			break
		}
		b = b[:len(b)-1]
	}
	return b
}

// IsSkip reports whether err says the page holds no article, and why.
func IsSkip(err error) (string, bool) {
	var s *pipeline.SkipError
	if errors.As(err, &s) {
		return s.Reason, true
	}
	return "", false
}

var (
	reNotFound = regexp.MustCompile(`(?i)(\b404\b|page not found|not found|page (does not|doesn't) exist|no longer available|` +
		`お探しのページは見つかりません|ページが見つかりません|ページは見つかりませんでした|ページは存在しません|` +
		`指定されたページ|該当するページ|記事が見つかりません|記事は削除|エラー)`)
	reListingURL = regexp.MustCompile(`(?i)/(tag|tags|category|categories|author|search|topics?|archives?|page/\d+)(/|$|\?)|[?&](s|page|paged|tag|cat)=`)
)

// notArticle names why a page is not an article (a 404 page served with
// 200, a listing, a tag page), or returns "".
func notArticle(doc *goquery.Document, p pipeline.Page, ld ldInfo, title string) string {
	h1 := collapseSpace(doc.Find("h1").First().Text())
	docTitle := collapseSpace(doc.Find("title").First().Text())
	for _, t := range []string{h1, docTitle, title} {
		if t != "" && utf8.RuneCountInString(t) <= 60 && reNotFound.MatchString(t) {
			return "not_found"
		}
	}
	isArticleLD, isListLD := false, false
	for _, t := range ld.Types {
		switch {
		case articleTypes[t]:
			isArticleLD = true
		case t == "CollectionPage" || t == "ItemList" || t == "SearchResultsPage" || t == "ProfilePage":
			isListLD = true
		}
	}
	ogType := strings.ToLower(metaContent(doc, "og:type"))
	articleSignal := isArticleLD || ogType == "article" || metaContent(doc, "article:published_time") != ""
	if isListLD && !isArticleLD {
		return "listing"
	}
	body := doc.Find("body")
	bodyWords := map[string]bool{}
	for _, w := range classWords(body.Get(0)) {
		bodyWords[w] = true
	}
	if body.Length() > 0 && !bodyWords["single"] && !bodyWords["singular"] && !bodyWords["postid"] {
		for _, w := range []string{"archive", "category", "tag", "search", "blog", "home", "paged", "author"} {
			if bodyWords[w] && !articleSignal {
				return "listing"
			}
		}
	}
	if articleSignal {
		return ""
	}
	// Many teasers, each a linked headline, and no article markup.
	teasers := doc.Find("article").Length()
	linked := 0
	doc.Find("h2, h3").Each(func(_ int, s *goquery.Selection) {
		t := collapseSpace(s.Text())
		lt := collapseSpace(s.Find("a").Text())
		if t != "" && lt != "" && len(lt)*10 >= len(t)*8 {
			linked++
		}
	})
	if teasers >= 4 || linked >= 6 || (reListingURL.MatchString(p.URL) && (teasers >= 2 || linked >= 3)) {
		return "listing"
	}
	return ""
}

// sampleText is up to max bytes of the page's visible text, for guessing
// its language before the main text is known.
func sampleText(root *html.Node, max int) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if b.Len() >= max {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipTags[n.DataAtom] || removeTags[n.DataAtom] {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return b.String()
}
