package article

import (
	"bytes"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"github.com/kozan-dev/kozan/pipeline"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A page is classified before it becomes an article: an article, a listing
// (home, section, tag, author, archive, paginated index, search results:
// used for discovery, never stored) or another page (about, contact, legal,
// error and soft-404 pages). The evidence is a set of named signals, each
// voting for one class with a weight (classSignals); the class with the
// most weight wins, an article on a tie, and the heaviest signal of the
// winning class is the one reported as deciding. A page with no signal at
// all is an article: losing a real article costs more than storing a page
// too many.

// signalDef is one kind of evidence about a page's class.
type signalDef struct {
	class  pipeline.PageClass
	weight float64
	doc    string
}

// classSignals are the signals the classifier knows, by name. The weights
// were set on kozan's own test sites and checked on real pages (see
// TestClassifyRealPages): no single weak signal outweighs a page's JSON-LD
// type, and structure (one long text against many teasers) decides when
// the markup is silent.
var classSignals = map[string]signalDef{
	"http_status":       {pipeline.PageOther, 100, "the server answered with an error status"},
	"not_found":         {pipeline.PageOther, 100, `the headline says "page not found" (a soft 404)`},
	"ld_article":        {pipeline.PageArticle, 4, "JSON-LD @type NewsArticle, Article, BlogPosting…"},
	"ld_listing":        {pipeline.PageListing, 4, "JSON-LD @type CollectionPage, ItemList, SearchResultsPage, ProfilePage (no article type)"},
	"ld_other":          {pipeline.PageOther, 4, "JSON-LD @type AboutPage, ContactPage, FAQPage, Product…"},
	"og_article":        {pipeline.PageArticle, 2, "og:type article"},
	"published_date":    {pipeline.PageArticle, 1.5, "a publication date in the markup (article:published_time, datePublished, <time pubdate>)"},
	"wp_single":         {pipeline.PageArticle, 3, "WordPress body class single/postid"},
	"wp_archive":        {pipeline.PageListing, 3, "WordPress body class archive/category/tag/search/paged/home/blog"},
	"url_pagination":    {pipeline.PageListing, 3, "a pagination URL (/page/2, ?page=2, ?paged=2)"},
	"url_listing":       {pipeline.PageListing, 2.5, "a listing URL (/tag/, /category/, /author/, /topics/, /archive/, /search, a bare /2026/ or /2026/02/)"},
	"url_root":          {pipeline.PageListing, 5, "the site's home page (path /)"},
	"url_other":         {pipeline.PageOther, 3, "an about, contact, legal or account URL"},
	"url_article":       {pipeline.PageArticle, 1, "an article-shaped URL (a date and a slug, a long slug, a numeric id)"},
	"url_known_article": {pipeline.PageArticle, 1.5, "the URL has the shape of this host's articles"},
	"url_known_listing": {pipeline.PageListing, 1.5, "the URL has the shape of this host's listings"},
	"long_text":         {pipeline.PageArticle, 2.5, "one block of running text of 300+ characters"},
	"some_text":         {pipeline.PageArticle, 1, "one block of running text of 150+ characters"},
	"main_text":         {pipeline.PageArticle, 1.5, "1200+ characters of running text outside teasers"},
	"teasers_dominate":  {pipeline.PageListing, 4, "4+ repeated teasers (linked headlines) holding twice the text of the rest"},
	"teasers":           {pipeline.PageListing, 2, "4+ repeated teasers holding more text than the rest"},
	"link_dense":        {pipeline.PageListing, 1, "most of the page's text is link text, and no paragraph of 150+ characters"},
	"little_text":       {pipeline.PageOther, 2, "hardly any running text and no teasers"},
}

// pageFeatures are the measurements the signals are read from.
type pageFeatures struct {
	status                              int
	notFound                            bool
	ldArticle, ldListing, ldOther       bool
	ogArticle, published                bool
	wpSingle, wpArchive                 bool
	urlPage, urlList, urlRoot, urlOther bool
	urlArticle                          bool
	shape                               string
	teasers                             int     // repeated teasers in the page's content area
	teaserText                          int     // textLen of those teasers
	rest                                int     // textLen of running text outside links, sides and teasers
	longest                             int     // textLen of the longest paragraph of running text outside teasers
	bodyProse                           int     // textLen of running text outside links on the whole page
	linkShare                           float64 // share of the content area's text inside links
}

// Classifier tells articles from listings and other pages. It learns the
// URL shapes of each host's articles and listings as it classifies with
// confidence, and uses them on pages where the markup says little. Build
// one per run; it is safe for concurrent use.
type Classifier struct {
	mu     sync.Mutex
	shapes map[string]map[string]*shapeCount // host → URL shape → classes seen
}

type shapeCount struct{ article, listing int }

// NewClassifier returns a Classifier with no URL shapes learned.
func NewClassifier() *Classifier {
	return &Classifier{shapes: map[string]map[string]*shapeCount{}}
}

// Classify tells what the page is and which signal decided it. p.Body must
// be UTF-8 HTML. A page that is not HTML at all is "other".
func (c *Classifier) Classify(p pipeline.Page) pipeline.Classification {
	if err := checkPage(p); err != nil {
		reason, _ := IsSkip(err)
		return pipeline.Classification{Class: pipeline.PageOther, Signal: reason}
	}
	root, err := html.Parse(bytes.NewReader(p.Body))
	if err != nil {
		return pipeline.Classification{Class: pipeline.PageOther, Signal: "not_html"}
	}
	expandNoscript(root)
	doc := goquery.NewDocumentFromNode(root)
	return c.classify(doc, p, readLD(doc))
}

// classify measures the page and weighs its signals.
func (c *Classifier) classify(doc *goquery.Document, p pipeline.Page, ld ldInfo) pipeline.Classification {
	f := measure(doc, p, ld)
	fired := signalsOf(f)
	if c != nil {
		fired = append(fired, c.shapeSignals(p.URL, f.shape)...)
	}
	cl := decide(fired)
	if c != nil {
		c.learn(p.URL, f.shape, cl, fired)
	}
	return cl
}

// decide weighs the fired signals: the class with the most weight wins
// (an article on a tie, and when nothing fired).
func decide(fired []string) pipeline.Classification {
	total := map[pipeline.PageClass]float64{}
	best := map[pipeline.PageClass]string{}
	for _, s := range fired {
		d := classSignals[s]
		total[d.class] += d.weight
		if b, ok := best[d.class]; !ok || d.weight > classSignals[b].weight {
			best[d.class] = s
		}
	}
	win := pipeline.PageArticle
	for _, cl := range []pipeline.PageClass{pipeline.PageListing, pipeline.PageOther} {
		if total[cl] > total[win] {
			win = cl
		}
	}
	sig := best[win]
	if sig == "" {
		sig = "default"
	}
	return pipeline.Classification{Class: win, Signal: sig}
}

// signalsOf lists the signals the features fire.
func signalsOf(f pageFeatures) []string {
	var s []string
	add := func(ok bool, name string) {
		if ok {
			s = append(s, name)
		}
	}
	add(f.status >= 400, "http_status")
	add(f.notFound, "not_found")
	add(f.ldArticle, "ld_article")
	add(f.ldListing && !f.ldArticle, "ld_listing")
	add(f.ldOther && !f.ldArticle, "ld_other")
	add(f.ogArticle, "og_article")
	add(f.published, "published_date")
	add(f.wpSingle, "wp_single")
	add(f.wpArchive && !f.wpSingle, "wp_archive")
	add(f.urlPage, "url_pagination")
	add(f.urlList && !f.urlPage, "url_listing")
	add(f.urlRoot, "url_root")
	add(f.urlOther, "url_other")
	add(f.urlArticle && !f.urlPage && !f.urlList && !f.urlRoot, "url_article")
	add(f.longest >= 300, "long_text")
	add(f.longest >= 150 && f.longest < 300, "some_text")
	add(f.rest >= 1200, "main_text")
	add(f.teasers >= 4 && f.longest < 300 && f.teaserText > 2*f.rest, "teasers_dominate")
	add(f.teasers >= 4 && f.longest < 300 && f.teaserText > f.rest && f.teaserText <= 2*f.rest, "teasers")
	add(f.linkShare > 0.6 && f.longest < 150, "link_dense")
	add(f.teasers < 3 && f.bodyProse < 200, "little_text")
	return s
}

// measure reads the features of a page.
func measure(doc *goquery.Document, p pipeline.Page, ld ldInfo) pageFeatures {
	f := pageFeatures{status: p.Status}
	h1 := collapseSpace(doc.Find("h1").First().Text())
	docTitle := collapseSpace(doc.Find("title").First().Text())
	site := collapseSpace(metaContent(doc, "og:site_name"))
	for _, t := range []string{h1, cleanTitle(docTitle, site, true)} {
		if isNotFoundTitle(t) {
			f.notFound = true
		}
	}
	for _, t := range ld.Types {
		switch {
		case articleTypes[t]:
			f.ldArticle = true
		case ldListingTypes[t]:
			f.ldListing = true
		case ldOtherTypes[t]:
			f.ldOther = true
		}
	}
	f.ogArticle = strings.EqualFold(metaContent(doc, "og:type"), "article")
	f.published = metaContent(doc, "article:published_time", "og:article:published_time") != "" ||
		(f.ldArticle && len(ld.DatePublished) > 0) ||
		doc.Find(`[itemprop="datePublished"], time[pubdate]`).Length() > 0
	if body := doc.Find("body"); body.Length() > 0 {
		words := map[string]bool{}
		for _, w := range strings.Fields(strings.ToLower(body.AttrOr("class", ""))) {
			words[w] = true
		}
		f.wpSingle = words["single"] || words["single-post"] || words["postid"] || hasPrefixWord(words, "postid-")
		f.wpArchive = words["archive"] || words["category"] || words["tag"] || words["search"] ||
			words["search-results"] || words["paged"] || words["home"] || words["blog"] || words["author"] ||
			words["date"]
	}
	f.urlPage, f.urlList, f.urlRoot, f.urlOther, f.urlArticle, f.shape = urlSignals(p.URL)
	if body := doc.Find("body"); body.Length() > 0 {
		content := body.Get(0)
		sd := newSides(content)
		teasers := map[*html.Node]bool{}
		f.teasers, f.teaserText = countTeasers(content, teasers, sd)
		f.longest = longestProse(content, teasers, sd)
		f.rest = restProse(content, teasers, sd)
		f.bodyProse = sd.total
		all, link := textShares(content, sd)
		if all > 0 {
			f.linkShare = float64(link) / float64(all)
		}
	}
	return f
}

func hasPrefixWord(words map[string]bool, prefix string) bool {
	for w := range words {
		if strings.HasPrefix(w, prefix) {
			return true
		}
	}
	return false
}

// ldListingTypes and ldOtherTypes are the JSON-LD types of listings and of
// other pages.
var (
	ldListingTypes = map[string]bool{"CollectionPage": true, "ItemList": true, "SearchResultsPage": true,
		"ProfilePage": true, "Blog": true, "DataFeed": true}
	ldOtherTypes = map[string]bool{"AboutPage": true, "ContactPage": true, "FAQPage": true, "Product": true,
		"CheckoutPage": true, "QAPage": true, "JobPosting": true, "Event": true, "SoftwareApplication": true}
)

var (
	rePagination = regexp.MustCompile(`(?i)(/page/\d+/?$|/p\d+/?$|[?&](page|paged|pg|pn|start|offset)=\d+)`)
	reListPath   = regexp.MustCompile(`(?i)/(tags?|category|categories|cat|author|authors|writer|topics?|archives?|section|sections|search|kategorie|schlagwort|rubrik|themen|tema|etiqueta|categoria|list|latest|ichiran|一覧|タグ|カテゴリー?)(/|$)|[?&](s|q|tag|cat|category|author|search|keyword)=|^/\d{4}(/\d{1,2})?/?$`)
	reOtherPath  = regexp.MustCompile(`(?i)/(about|about-us|aboutus|ueber-uns|uber-uns|über-uns|a-propos|chi-siamo|quienes-somos|team|company|contact|contact-us|kontakt|impressum|imprint|privacy|privacy-policy|datenschutz|terms|terms-of-use|terms-of-service|tos|legal|disclaimer|cookie-policy|cookies|faq|help|support|careers|jobs|login|signin|sign-in|signup|register|subscribe|newsletter|advertise|sitemap|accessibility|copyright|policy|会社概要|お問い合わせ|プライバシー|利用規約|運営会社)(\.html?|\.php)?/?$`)
	reDatePath   = regexp.MustCompile(`/(19|20)\d{2}/\d{1,2}(/\d{1,2})?/`)
	reNumericID  = regexp.MustCompile(`\d{4,}`)
)

// urlSignals reads the URL: pagination, a listing or other path, the home
// page, an article-shaped path, and its shape.
func urlSignals(raw string) (page, list, root, other, article bool, shape string) {
	u, err := url.Parse(raw)
	if err != nil {
		return
	}
	path := u.EscapedPath()
	if dec, err := url.PathUnescape(path); err == nil {
		path = dec
	}
	full := path
	if u.RawQuery != "" {
		full += "?" + u.RawQuery
	}
	if m := rePagination.FindStringSubmatch(full); m != nil && !strings.HasSuffix(m[0], "=1") && !strings.HasSuffix(m[0], "=0") {
		page = true
	}
	list = reListPath.MatchString(full)
	trimmed := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(path, "/"), "/index.html"), "/index.php")
	root = trimmed == "" && (u.RawQuery == "" || page)
	other = reOtherPath.MatchString(path)
	last := trimmed[strings.LastIndex(trimmed, "/")+1:]
	last = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(last, ".html"), ".htm"), ".php")
	words := strings.FieldsFunc(last, func(r rune) bool { return r == '-' || r == '_' || r == '+' })
	article = reDatePath.MatchString(path+"/") && last != "" ||
		len(words) >= 3 ||
		reNumericID.MatchString(last) ||
		reNumericID.MatchString(u.RawQuery) && !page && !list ||
		nonASCIISlug(last)
	return page, list, root, other, article, urlShape(u)
}

// nonASCIISlug reports a last path segment made of eight or more letters
// of a non-Latin script ("ビットコイン採掘企業が…").
func nonASCIISlug(s string) bool {
	n := 0
	for _, r := range s {
		if r > 0x2e80 && unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 8
}

// urlShape abstracts a URL to the shape its host's pages of one kind share:
// each path segment becomes a class (a number, a year, a slug of several
// words, a word kept as it is), and query keys are kept without values.
// "/2026/02/14/gridlock-credits/" → "/Y/N/N/S", "/news/a1.html" → "/news/W.html".
func urlShape(u *url.URL) string {
	var b strings.Builder
	for _, seg := range strings.Split(strings.Trim(u.Path, "/"), "/") {
		if seg == "" {
			continue
		}
		b.WriteByte('/')
		ext := ""
		if i := strings.LastIndexByte(seg, '.'); i > 0 && len(seg)-i <= 5 {
			seg, ext = seg[:i], seg[i:]
		}
		switch {
		case len(seg) == 4 && allDigits(seg) && (seg[:2] == "19" || seg[:2] == "20"):
			b.WriteString("Y")
		case allDigits(seg):
			b.WriteString("N")
		case len(strings.FieldsFunc(seg, func(r rune) bool { return r == '-' || r == '_' })) >= 3 || nonASCIISlug(seg):
			b.WriteString("S")
		case reNumericID.MatchString(seg) || len(seg) > 20:
			b.WriteString("I")
		default:
			if ext != "" {
				b.WriteString("W") // a page name beside its siblings: a1.html, a2.html
			} else {
				b.WriteString(strings.ToLower(seg))
			}
		}
		b.WriteString(ext)
	}
	if u.RawQuery != "" {
		var keys []string
		for k := range u.Query() {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteString("?" + strings.Join(keys, "&"))
	}
	if b.Len() == 0 {
		return "/"
	}
	return b.String()
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// shapeSignals compares the page's URL shape with the shapes this host's
// pages were classified by with confidence.
func (c *Classifier) shapeSignals(raw, shape string) []string {
	u, err := url.Parse(raw)
	if err != nil || shape == "/" {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.shapes[u.Host][shape]
	switch {
	case n == nil:
		return nil
	case n.article >= 2 && n.article >= 3*n.listing:
		return []string{"url_known_article"}
	case n.listing >= 2 && n.listing >= 3*n.article:
		return []string{"url_known_listing"}
	}
	return nil
}

// learn remembers the shape of a page classified with confidence (its
// class outweighs the others by a wide margin, without the shape's help).
func (c *Classifier) learn(raw, shape string, cl pipeline.Classification, fired []string) {
	if cl.Class == pipeline.PageOther {
		return
	}
	var margin float64
	for _, s := range fired {
		if s == "url_known_article" || s == "url_known_listing" {
			continue
		}
		d := classSignals[s]
		if d.class == cl.Class {
			margin += d.weight
		} else {
			margin -= d.weight
		}
	}
	if margin < 4 {
		return
	}
	u, err := url.Parse(raw)
	if err != nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	m := c.shapes[u.Host]
	if m == nil {
		m = map[string]*shapeCount{}
		c.shapes[u.Host] = m
	}
	n := m[shape]
	if n == nil {
		n = &shapeCount{}
		m[shape] = n
	}
	if cl.Class == pipeline.PageArticle {
		n.article++
	} else {
		n.listing++
	}
}

// sideWords are class and id words of the parts of a page around its
// content (menus, sidebars, related-story boxes): teasers and text there
// say nothing about the page itself.
var sideWords = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "sidebar": true,
	"related": true, "popular": true, "ranking": true, "recommend": true, "recommended": true,
	"trending": true, "widget": true, "widgets": true, "footer": true, "header": true, "masthead": true,
	"breadcrumb": true, "breadcrumbs": true, "ad": true, "ads": true, "advert": true, "banner": true,
	"comments": true, "comment": true, "share": true, "social": true, "newsletter": true, "promo": true,
	"kanren": true, "ninki": true, "osusume": true, "more": true, "readmore": true, "outbrain": true, "taboola": true,
}

// sides tells the parts around the content from the content: an element
// that looks like a sidebar or a menu (isSide) but holds half the page's
// running text, or the headline, is the content after all (a theme that
// calls its wrapper "page-header-wrap").
type sides struct {
	prose map[*html.Node]int // textLen of running text outside links under each element
	total int
}

func newSides(root *html.Node) sides {
	s := sides{prose: map[*html.Node]int{}}
	var walk func(n *html.Node) int
	walk = func(n *html.Node) int {
		sum := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				sum += textLen(strings.TrimSpace(c.Data))
			case html.ElementNode:
				if skipTags[c.DataAtom] {
					continue
				}
				v := walk(c)
				if c.DataAtom != atom.A {
					sum += v
				}
			}
		}
		s.prose[n] = sum
		return sum
	}
	s.total = walk(root)
	return s
}

func (s sides) side(n *html.Node) bool {
	return isSide(n) && s.prose[n]*2 <= s.total && !hasMainContent(n)
}

// isSide reports an element around the content: a nav, aside, header,
// footer or form, a landmark role, or a class naming a sidebar or menu.
func isSide(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Nav, atom.Aside, atom.Footer, atom.Header, atom.Form, atom.Menu:
		return true
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
		return true
	}
	if boilerRoles[strings.ToLower(attr(n, "role"))] {
		return true
	}
	for _, w := range classWords(n) {
		if sideWords[w] {
			return true
		}
		for _, p := range []string{"related", "sidebar", "widget", "ranking", "popular", "recommend"} {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
	}
	return false
}

// countTeasers counts the teasers in the content area and their text:
// siblings of one kind (same tag and class) of which at least three each
// hold a linked headline (a link of 20+ characters, or 10+ Japanese ones)
// and little else. Every such group counts, and its members are marked.
func countTeasers(root *html.Node, marks map[*html.Node]bool, sd sides) (count, text int) {
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		groups := map[string][]*html.Node{}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || sd.side(c) {
				continue
			}
			if isTeaser(c) {
				k := c.Data + "." + attr(c, "class")
				groups[k] = append(groups[k], c)
			}
		}
		for _, g := range groups {
			if len(g) < 3 {
				continue
			}
			for _, m := range g {
				marks[m] = true
				count++
				text += textLen(strings.TrimSpace(collapseSpace(textOf(m))))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && !sd.side(c) && !marks[c] {
				walk(c)
			}
		}
	}
	walk(root)
	return count, text
}

// restProse counts the running text (outside links) of the content area
// that is not in a teaser.
func restProse(root *html.Node, teasers map[*html.Node]bool, sd sides) int {
	total := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				total += textLen(strings.TrimSpace(c.Data))
			case html.ElementNode:
				if sd.side(c) || teasers[c] || c.DataAtom == atom.A || skipTags[c.DataAtom] {
					continue
				}
				walk(c)
			}
		}
	}
	walk(root)
	return total
}

// isTeaser reports an element that is one teaser: a linked headline
// and at most a short summary beside it.
func isTeaser(n *html.Node) bool {
	if blockTags[n.DataAtom] == false && n.DataAtom != atom.A && n.DataAtom != atom.Li {
		return false
	}
	if moreTextThan(n, 700) {
		return false // read no further than that: a big container is no teaser
	}
	all := textLen(strings.TrimSpace(collapseSpace(textOf(n))))
	if all == 0 || all > 700 {
		return false
	}
	best := 0
	var walk func(m *html.Node)
	walk = func(m *html.Node) {
		if m.Type == html.ElementNode && m.DataAtom == atom.A && attr(m, "href") != "" {
			if l := textLen(strings.TrimSpace(collapseSpace(textOf(m)))); l > best {
				best = l
			}
			return
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return best >= 20
}

// longestProse is the textLen of the longest paragraph of running text
// (outside links) in the content area.
func longestProse(root *html.Node, teasers map[*html.Node]bool, sd sides) int {
	best := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || sd.side(c) || teasers[c] || skipTags[c.DataAtom] {
				continue
			}
			switch c.DataAtom {
			case atom.P, atom.Div, atom.Td, atom.Li, atom.Dd, atom.Blockquote, atom.Section, atom.Article:
				var b strings.Builder
				for g := c.FirstChild; g != nil; g = g.NextSibling {
					switch {
					case g.Type == html.TextNode:
						b.WriteString(g.Data)
					case g.Type == html.ElementNode && !blockTags[g.DataAtom] && g.DataAtom != atom.A && !skipTags[g.DataAtom]:
						b.WriteString(textOf(g))
					case g.Type == html.ElementNode && g.DataAtom == atom.Br:
						b.WriteByte(' ')
					}
				}
				if l := textLen(strings.TrimSpace(collapseSpace(b.String()))); l > best {
					best = l
				}
			}
			walk(c)
		}
	}
	walk(root)
	return best
}

// textShares counts (by textLen) the text of the content area and the part
// of it inside links.
func textShares(root *html.Node, sd sides) (all, link int) {
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				l := textLen(strings.TrimSpace(c.Data))
				all += l
				if inLink {
					link += l
				}
			case html.ElementNode:
				if sd.side(c) {
					continue
				}
				walk(c, inLink || c.DataAtom == atom.A)
			}
		}
	}
	walk(root, false)
	return all, link
}

// moreTextThan reports whether the text under n (as textOf reads it) holds
// more than limit characters other than white space; each counts at least
// one in textLen, so such a node's textLen is over limit too. It stops
// reading as soon as it knows, so asking it of every node of a page costs
// no more than the page.
func moreTextThan(n *html.Node, limit int) bool {
	count := 0
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			for _, r := range n.Data {
				if !unicode.IsSpace(r) {
					if count++; count > limit {
						return true
					}
				}
			}
			return false
		case html.ElementNode:
			if skipTags[tagOf(n)] {
				return false
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	return walk(n)
}
