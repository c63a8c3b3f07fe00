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
	// Classifier classifies a page the crawler did not (p.Class == "");
	// nil classifies without the URL shapes a run learns.
	Classifier *Classifier
}

// MinTextLen is the fewest characters of main text an article has; a page
// with less is skipped as "too_short". A Japanese character counts twice:
// it carries at least as much as two Latin letters.
const MinTextLen = 200

// textLen measures text against MinTextLen.
func textLen(s string) int {
	n := 0
	for _, r := range s {
		n++
		if isWide(r) {
			n++
		}
	}
	return n
}

// engine picks the main-text extractor.
type engine int

const (
	engineAuto        engine = iota // selectors, known CMS containers, then trafilatura
	engineHeuristic                 // selectors, known CMS containers, then densest text block
	engineTrafilatura               // go-trafilatura with its fallback only
	engineNoClean                   // go-trafilatura on the uncleaned page (measurement only)
	engineLightClean                // as engineAuto, cleaning only by tag, role and teaser headings (measurement only)
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
	if p.Class != "" && p.Class != pipeline.PageArticle {
		return pipeline.Article{}, fmt.Errorf("extract %s: %w", p.URL, pipeline.SkipClass(pipeline.Classification{Class: p.Class, Signal: p.Signal}))
	}
	root, err := html.Parse(bytes.NewReader(p.Body))
	if err != nil {
		return pipeline.Article{}, fmt.Errorf("parse html %s: %w", p.URL, err)
	}
	expandNoscript(root)
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

	cl := pipeline.Classification{Class: p.Class, Signal: p.Signal}
	if cl.Class == "" {
		cl = opt.Classifier.classify(doc, p, ld)
	}
	if cl.Class != pipeline.PageArticle {
		return pipeline.Article{}, fmt.Errorf("extract %s: %w", p.URL, pipeline.SkipClass(cl))
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

	switch eng {
	case engineNoClean:
	case engineLightClean:
		cleanLight(root)
	default:
		clean(root)
	}
	if eng != engineNoClean {
		wrapLooseText(root)
	}
	text := trimHead(mainText(doc, root, p.Selectors.Body, pageLang, eng), title, pageLang, now)
	if textLen(text) < MinTextLen {
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

// mainText picks the article body and renders it. The source's selector
// wins when it matches. Otherwise go-trafilatura and kozan's own choice (a
// known CMS container, else the densest block) both run: trafilatura's
// text is kept, with the body lines kozan's rendering has between its lines
// put back when both found the same body (fillGaps); kozan's choice is used
// alone only when trafilatura finds too little.
func mainText(doc *goquery.Document, root *html.Node, selector, lang string, eng engine) string {
	if selector != "" && eng != engineTrafilatura {
		if sel := doc.Find(selector); sel.Length() > 0 {
			dropLinkLines(sel.Nodes...)
			if t := renderText(sel.Nodes...); textLen(t) >= MinTextLen {
				return t
			}
		}
	}
	var own *html.Node
	var ownLines []string
	var ownBody []bool
	if eng != engineTrafilatura && eng != engineNoClean {
		if own = knownBody(doc); own == nil {
			own = densest(root)
		}
		if own != nil {
			dropLinkLines(own)
			ownLines, ownBody = renderLines(own)
		}
	}
	var traf string
	if eng != engineHeuristic {
		short := 0
		for _, l := range ownLines {
			short += utf8.RuneCountInString(l)
		}
		if n := trafilaturaBody(root, lang, short < shortBody(lang)); n != nil {
			traf = dropNavLines(renderText(n), linkTexts(root))
		}
		if eng == engineTrafilatura || eng == engineNoClean {
			return traf
		}
	}
	if eng == engineHeuristic || textLen(traf) < MinTextLen {
		return strings.Join(ownLines, "\n")
	}
	return fillGaps(ownLines, ownBody, traf)
}

// fillGaps repairs trafilatura's text with kozan's rendering of the same
// body. When kozan's own body holds nearly all of trafilatura's lines in
// the same order, the body lines (paragraphs, headings, list items, table
// rows; not captions, credits or links) kozan has between two of
// trafilatura's lines are put back: trafilatura's balanced mode leaves out
// short ones, which often carry the facts ("契約電力:最大5万キロワット").
// Nothing is added before trafilatura's first line or after its last.
func fillGaps(ownLines []string, ownBody []bool, traf string) string {
	trafLines := strings.Split(traf, "\n")
	pos := make(map[string]int, len(ownLines))
	for i := len(ownLines) - 1; i >= 0; i-- {
		pos[ownLines[i]] = i
	}
	first, last, found, total := -1, -1, 0, 0
	for _, l := range trafLines {
		n := textLen(l)
		total += n
		i, ok := pos[l]
		if !ok || i < last {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
		found += n
	}
	if first < 0 || found*10 < total*9 {
		return traf
	}
	// Walk trafilatura's lines; before each one found in order, put back
	// kozan's body lines since the previous one.
	out := make([]string, 0, len(trafLines)+last-first)
	cur := first
	for _, l := range trafLines {
		if i, ok := pos[l]; ok && i >= cur && i <= last {
			for j := cur; j < i; j++ {
				if ownBody[j] {
					out = append(out, ownLines[j])
				}
			}
			cur = i + 1
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

func knownBody(doc *goquery.Document) *html.Node {
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
			return best
		}
	}
	return nil
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
	var h1 string
	doc.Find("h1").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if t := collapseSpace(s.Text()); t != "" && !inBoilerplate(s.Nodes[0]) {
			h1 = t
			return false
		}
		return true
	})
	if og := collapseSpace(metaContent(doc, "og:title", "twitter:title")); og != "" {
		// "Headline｜Author" or "Headline（Publisher）" when the h1 is just "Headline".
		if utf8.RuneCountInString(h1) >= 10 && len(og) > len(h1) && strings.HasPrefix(og, h1) {
			return h1
		}
		return cleanTitle(og, site, og == docTitle)
	}
	if ld.Headline != "" {
		return cleanTitle(ld.Headline, site, false)
	}
	if h1 != "" && (site == "" || h1 != site) {
		return cleanTitle(h1, site, false)
	}
	if docTitle != "" {
		if t := visibleTitle(doc, docTitle); t != "" {
			return t
		}
		return cleanTitle(docTitle, site, true)
	}
	return collapseSpace(p.HintTitle)
}

// visibleTitle finds the headline of a page without h1 or og:title: the
// longest part of <title> (split at separators such as " - " and "｜") that
// starts a line of the page, taking the whole line when it goes on (titles
// are often cut short).
func visibleTitle(doc *goquery.Document, docTitle string) string {
	var parts []string
	rest := []string{docTitle}
	for _, sep := range titleSeparators {
		var next []string
		for _, r := range rest {
			next = append(next, strings.Split(r, sep)...)
		}
		rest = next
	}
	for _, r := range rest {
		if r = strings.TrimSpace(r); utf8.RuneCountInString(r) >= 8 {
			parts = append(parts, r)
		}
	}
	if len(parts) < 2 || doc.Find("body").Length() == 0 {
		return ""
	}
	best := ""
	for _, line := range strings.Split(textOf(doc.Find("body").Get(0)), "\n") {
		line = collapseSpace(line)
		for _, p := range parts {
			if strings.HasPrefix(line, p) && utf8.RuneCountInString(line) <= utf8.RuneCountInString(p)+40 &&
				utf8.RuneCountInString(line) > utf8.RuneCountInString(best) {
				best = line
			}
		}
	}
	return best
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
	reNotFound = regexp.MustCompile(`(?i)(\b404\b|\b410\b|page not found|not found|can'?t be found|cannot be found|could not be found|page (does not|doesn't) exist|no longer available|` +
		`お探しのページは見つかりません(でした)?|ページが見つかりません(でした)?|ページは見つかりませんでした|ページは存在しません|` +
		`指定されたページ(は|が)(見つかりません|存在しません)|該当するページ(は|が)(見つかりません|ありません)|記事が見つかりません|記事は削除されました|` +
		`エラー|error)`)
	reTitleNoise = regexp.MustCompile(`[\s\p{P}\p{S}]+`)
)

// isNotFoundTitle reports a headline that says "page not found" and little
// else ("404 Not Found", "お探しのページは見つかりません"), not a story that
// mentions an error.
func isNotFoundTitle(t string) bool {
	if t == "" || utf8.RuneCountInString(t) > 60 {
		return false
	}
	ms := reNotFound.FindAllStringIndex(t, -1)
	if ms == nil {
		return false
	}
	rest, hasCore := t, false
	for i := len(ms) - 1; i >= 0; i-- {
		m := strings.ToLower(t[ms[i][0]:ms[i][1]])
		if m != "エラー" && m != "error" {
			hasCore = true
		}
		rest = rest[:ms[i][0]] + " " + rest[ms[i][1]:]
	}
	rest = reTitleNoise.ReplaceAllString(rest, "")
	for _, w := range []string{"oops", "sorry", "that", "the", "this", "page", "申し訳ございません", "ページ", "file"} {
		rest = strings.ReplaceAll(strings.ToLower(rest), w, "")
	}
	return hasCore && utf8.RuneCountInString(rest) <= 6
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

// trimHead drops what precedes the first paragraph in a body cell of a
// legacy layout: short menu lines, the headline, and date-only lines.
func trimHead(text, title, lang string, now time.Time) string {
	lines := strings.Split(text, "\n")
	titleLine := cleanLine(title)
	start := 0
	if titleLine != "" {
		for i := 0; i < len(lines) && i < 8; i++ {
			l := lines[i]
			if l == titleLine || (strings.HasPrefix(l, titleLine) && utf8.RuneCountInString(l) <= utf8.RuneCountInString(titleLine)+40) {
				start = i + 1
				break
			}
			if utf8.RuneCountInString(l) > 20 {
				break
			}
		}
	}
	for start < len(lines) && start < 10 && utf8.RuneCountInString(lines[start]) <= 40 && isDateLine(lines[start], lang, now) {
		start++
	}
	return strings.Join(lines[start:], "\n")
}

// isDateLine reports a line that holds a date and little else.
func isDateLine(line, lang string, now time.Time) bool {
	if _, ok := ParseDate(line, lang, now); !ok {
		return false
	}
	rest := reDateish.ReplaceAllString(line, "")
	return utf8.RuneCountInString(strings.TrimSpace(rest)) <= 6
}

var reDateish = regexp.MustCompile(`(?i)[\d\s年月日時分秒:/.,\-+()]|令和|平成|元|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|am|pm|posted|on|updated?|公開|更新|配信|掲載|(mon|tue|wed|thu|fri|sat|sun)[a-z]*|[月火水木金土日]|utc|gmt|jst|et`)
