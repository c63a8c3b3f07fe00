package article

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// removeTags never hold article text (or hold only page furniture).
var removeTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Canvas: true, atom.Form: true, atom.Button: true,
	atom.Input: true, atom.Select: true, atom.Textarea: true, atom.Nav: true, atom.Aside: true,
	atom.Footer: true, atom.Header: true, atom.Figure: true, atom.Figcaption: true, atom.Dialog: true,
	atom.Menu: true, atom.Object: true, atom.Embed: true, atom.Video: true, atom.Audio: true,
}

// boilerRoles are ARIA landmarks outside the article.
var boilerRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"search": true, "dialog": true, "alertdialog": true, "menu": true, "menubar": true, "toolbar": true,
}

// boilerWords are class/id words (split on space, '-' and '_') of page furniture.
var boilerWords = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "breadcrumb": true, "breadcrumbs": true,
	"sidebar": true, "side": true, "related": true, "recommend": true,
	"recommended": true, "recommendations": true, "popular": true, "ranking": true, "rankings": true,
	"trending": true, "share": true, "sharing": true, "sharedaddy": true, "social": true, "sns": true,
	"cookie": true, "cookies": true, "consent": true, "gdpr": true, "newsletter": true, "subscribe": true,
	"subscription": true, "signup": true, "comment": true, "comments": true, "disqus": true,
	"footer": true, "header": true, "masthead": true, "advert": true, "advertisement": true, "ad": true,
	"ads": true, "adsbygoogle": true, "sponsor": true, "sponsored": true, "promo": true, "banner": true,
	"pagination": true, "pager": true, "tags": true, "taglist": true, "tag": true, "byline": true,
	"meta": true, "prevnext": true, "outbrain": true, "taboola": true, "modal": true, "popup": true,
	"toolbar": true, "hidden": true, "sr": true, "screen": true, "visually": true, "skip": true,
	"kanren": true, "osusume": true, "date": true, "posted": true, "timestamp": true, "published": true, "updated": true, "ninki": true, "pickup": true, "author": true, "bio": true,
	"caption": true, "credit": true, "more": true, "latest": true, "toc": true, "crumbs": true,
	"rss": true, "follow": true, "entry-footer": true, "print": true, "login": true,
}

// boilerPrefixes catch joined words such as "relatedPosts" or "sharebuttons".
var boilerPrefixes = []string{
	"related", "sidebar", "share", "social", "comment", "ranking", "popular", "recommend",
	"cookie", "newsletter", "breadcrumb", "advert", "sponsor", "trending", "taboola", "outbrain",
	"creator", "profile", "authorbox", "authorinfo", "author",
}

// keepWords mark elements that are the article body even when another word matches.
var keepWords = map[string]bool{
	"content": true, "body": true, "article": true, "entry": true, "post": true, "main": true,
	"story": true, "text": true, "release": true, "blog": true,
}

// reBoilerHeading matches the title of a teaser block: related, popular,
// ranking, "read more" and the like, in English and Japanese.
var reBoilerHeading = regexp.MustCompile(`(?i)^[\s\p{P}\p{S}]*(` +
	`関連記事|関連ニュース|関連リンク|関連情報|関連する記事|人気記事|人気の記事|人気ランキング|アクセスランキング|ランキング|` +
	`おすすめ記事|オススメ記事|おすすめ|注目記事|注目のニュース|最新記事|新着記事|最新ニュース|新着ニュース|` +
	`こちらの記事もおすすめ|この記事を読んだ人|あわせて読みたい|合わせて読みたい|あわせて読む|併せて読みたい|` +
	`よく読まれている記事|よく読まれている|読まれている記事|週間ランキング|コメント|シェア|タグ|カテゴリー?|` +
	`related( articles?| stories| posts| news| content| reading| coverage)?|more (stories|news|articles|from [^\n]{1,40})|` +
	`most (popular|read|viewed|shared)|popular( posts| stories| articles)?|trending( now| stories)?|` +
	`you (may|might) (also )?like|recommended( for you| stories| articles)?|latest (news|stories|articles|posts)|` +
	`read (more|next|also)|also read|see also|top stories|editor'?s picks|comments?|leave a (reply|comment)|share( this)?( article| story| post)?|tags?|topics|categories` +
	`)[\s\p{P}\p{S}]*$`)

// reTeaserLead starts a one-line teaser inside the body: "Related: …", "【関連記事】…".
var reTeaserLead = regexp.MustCompile(`(?i)^[\s【\[\(<《▼▶►■●◆・]*(関連記事|関連|あわせて読みたい|合わせて読みたい|参考記事|related|read more|read also|also read|see also|recommended|more)\s*[】\]\)>》:：|-]`)

// classWords splits class and id values into lower-case words. What
// describes the element's state rather than its kind is left out: a BEM
// modifier after "--" ("TestReport__Section--Ads") and the words after
// has/with/no and position words ("o-section--has-ads",
// "layout-with-sidebar", "content-below-header"), and the id of
// a heading or paragraph.
func classWords(n *html.Node) []string {
	var words []string
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		if a.Key == "id" && (isHeading(n) || n.DataAtom == atom.P) {
			continue // generated from the heading's text ("nav_nur_die_folie")
		}
		for _, tok := range strings.Fields(strings.ToLower(a.Val)) {
			if i := strings.Index(tok, "--"); i > 0 {
				tok = tok[:i]
			}
		sub:
			for _, w := range strings.FieldsFunc(tok, func(r rune) bool { return r == '-' || r == '_' || r == ':' }) {
				switch w {
				case "has", "with", "no", "without", "below", "above", "after", "before", "under":
					break sub
				}
				words = append(words, w)
			}
		}
	}
	return words
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// isBoilerplate decides from the element itself (tag, role, class, id,
// hidden) that it is page furniture.
func isBoilerplate(n *html.Node) bool {
	if n.DataAtom == atom.Figure && hasDescendant(n, atom.Table, atom.Blockquote) {
		return false // a table of figures or a pull quote in a <figure>
	}
	if removeTags[n.DataAtom] && !(n.DataAtom == atom.Header && isArticleHeader(n)) {
		return true
	}
	if n.DataAtom == 0 && strings.HasPrefix(n.Data, "amp-") {
		switch n.Data {
		case "amp-fit-text", "amp-accordion", "amp-list", "amp-layout", "amp-story-page", "amp-story-grid-layer", "amp-story":
		default:
			return true
		}
	}
	if n.DataAtom == atom.Html || n.DataAtom == atom.Body || n.DataAtom == atom.Main || n.DataAtom == atom.Article {
		return false
	}
	if boilerRoles[strings.ToLower(attr(n, "role"))] {
		return true
	}
	if _, ok := attrOK(n, "hidden"); ok || attr(n, "aria-hidden") == "true" {
		return true
	}
	if st := strings.ToLower(attr(n, "style")); strings.Contains(strings.ReplaceAll(st, " ", ""), "display:none") {
		return true
	}
	if ip := attr(n, "itemprop"); ip == "articleBody" || ip == "text" {
		return false
	}
	words := classWords(n)
	boiler, keep := false, false
	for _, w := range words {
		if boilerWords[w] {
			boiler = true
			continue
		}
		if keepWords[w] {
			keep = true
			continue
		}
		for _, p := range boilerPrefixes {
			if strings.HasPrefix(w, p) {
				boiler = true
			}
		}
	}
	// "entry-content has-sidebar" is the body; "post-meta" and "entry-footer"
	// are not: a keep word only wins against weak boilerplate words.
	if boiler && keep {
		for _, w := range words {
			switch w {
			case "related", "sidebar", "share", "sharing", "social", "comments", "comment", "ranking",
				"popular", "recommended", "meta", "footer", "header", "tags", "byline", "author", "ad", "ads",
				"advert", "sponsored", "promo", "newsletter", "cookie", "nav", "breadcrumb", "pagination", "caption",
				"date", "posted", "timestamp":
				return !hasDescendantAttr(n, "itemprop", "articleBody")
			}
		}
		return false
	}
	return boiler
}

// isArticleHeader reports a <header> inside <main> or <article> (or named
// as the header of an entry, post, article or story) that holds
// running text (a lede, a standfirst, a section intro), not only the
// headline, a byline and links.
func isArticleHeader(n *html.Node) bool {
	inMain := false
	for _, w := range classWords(n) {
		switch w {
		case "entry", "post", "article", "story":
			inMain = true // "entry__header", "Post__header"
		}
	}
	for p := n.Parent; p != nil && !inMain; p = p.Parent {
		if p.Type == html.ElementNode && (p.DataAtom == atom.Main || p.DataAtom == atom.Article) {
			inMain = true
			break
		}
	}
	return inMain && textLen(strings.TrimSpace(textOf(n))) >= 100 && proseLen(n) >= 80 && linkDensity(n) < 0.3
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasDescendantAttr(n *html.Node, key, val string) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (attr(c, key) == val || hasDescendantAttr(c, key, val)) {
			return true
		}
	}
	return false
}

// cleaner removes page furniture from a parsed page in place.
type cleaner struct {
	total int  // prose characters on the whole page
	light bool // only furniture by tag, ARIA role or hidden, and teaser blocks (measurement)
}

// clean strips boilerplate from doc. An element that holds more than half
// of the page's prose is never removed, whatever its class says: it is the
// article (or wraps it) on a theme that names wrappers "has-sidebar".
func clean(doc *html.Node) {
	c := cleaner{total: proseLen(doc)}
	c.walk(doc)
	c.teasers(doc)
}

// cleanLight is clean without the class and id words: for measuring what
// those words win (engineLightClean).
func cleanLight(doc *html.Node) {
	c := cleaner{total: proseLen(doc), light: true}
	c.walk(doc)
	c.teasers(doc)
}

// isFurniture is isBoilerplate without the class and id words.
func isFurniture(n *html.Node) bool {
	if removeTags[n.DataAtom] && !(n.DataAtom == atom.Header && isArticleHeader(n)) {
		return n.DataAtom != atom.Figure || !hasDescendant(n, atom.Table, atom.Blockquote)
	}
	if boilerRoles[strings.ToLower(attr(n, "role"))] || attr(n, "aria-hidden") == "true" {
		return true
	}
	_, hidden := attrOK(n, "hidden")
	return hidden
}

func (c *cleaner) walk(n *html.Node) {
	for ch := n.FirstChild; ch != nil; {
		next := ch.NextSibling
		switch ch.Type {
		case html.CommentNode:
			n.RemoveChild(ch)
		case html.ElementNode:
			furniture := false
			if c.light {
				furniture = isFurniture(ch)
			} else {
				furniture = isBoilerplate(ch)
			}
			if skipTags[ch.DataAtom] || furniture && (c.total == 0 || c.removable(ch)) {
				n.RemoveChild(ch)
			} else {
				c.walk(ch)
			}
		}
		ch = next
	}
}

// removable reports whether a boilerplate-looking element may go: not when
// it holds more than half of the page's prose, nor when it holds a quarter
// and the headline or main/articleBody (a "container sidebar_right" wrapper).
func (c *cleaner) removable(n *html.Node) bool {
	p := proseLen(n)
	if p*2 > c.total {
		return false
	}
	if p*4 > c.total && n.DataAtom != atom.Aside && n.DataAtom != atom.Nav && n.DataAtom != atom.Footer &&
		hasMainContent(n) {
		return false
	}
	return true
}

func hasMainContent(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.H1 || c.DataAtom == atom.Main || attr(c, "itemprop") == "articleBody" || hasMainContent(c) {
			return true
		}
	}
	return false
}

// teasers removes blocks titled "関連記事", "Related stories" and the like,
// and one-line teasers ("Related: …") inside the body.
func (c *cleaner) teasers(doc *html.Node) {
	var heads, leads []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type != html.ElementNode {
				continue
			}
			switch ch.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Dt, atom.Strong, atom.B, atom.Span, atom.Div, atom.P:
				t := strings.TrimSpace(textOf(ch))
				if t != "" && utf8.RuneCountInString(t) <= 40 && !strings.Contains(t, "\n") && reBoilerHeading.MatchString(t) {
					heads = append(heads, ch)
					continue
				}
				if (ch.DataAtom == atom.P || ch.DataAtom == atom.Div) && utf8.RuneCountInString(t) <= 200 &&
					reTeaserLead.MatchString(t) && linkDensity(ch) > 0.3 {
					leads = append(leads, ch)
					continue
				}
			case atom.Li:
			}
			walk(ch)
		}
	}
	walk(doc)
	for _, l := range leads {
		if l.Parent != nil {
			l.Parent.RemoveChild(l)
		}
	}
	for _, h := range heads {
		c.dropBlock(h)
	}
}

// dropBlock removes a teaser heading with its block: the enclosing
// container when that holds little prose beyond links, else the heading and
// the link lists that follow it.
func (c *cleaner) dropBlock(h *html.Node) {
	if !attached(h) {
		return // inside a block an earlier heading took away
	}
	// A heading nested in <strong>/<span> acts from its block parent.
	for h.Parent != nil && h.Parent.Type == html.ElementNode && !blockTags[h.Parent.DataAtom] {
		h = h.Parent
	}
	box := h.Parent
	for box != nil && box.Type == html.ElementNode && box.DataAtom != atom.Body && box.DataAtom != atom.Html &&
		box.DataAtom != atom.Article && box.DataAtom != atom.Main && attr(box, "itemprop") != "articleBody" {
		if !teaserBox(box) {
			break
		}
		if parent := box.Parent; parent != nil && parent.Type == html.ElementNode && teaserBox(parent) && onlyChildBlock(parent, box) {
			box = parent
			continue
		}
		if box.Parent != nil {
			box.Parent.RemoveChild(box)
		}
		return
	}
	// The heading sits in the body: drop it and the link-heavy siblings after it.
	parent := h.Parent
	if parent == nil {
		return
	}
	for s := h.NextSibling; s != nil; {
		next := s.NextSibling
		if s.Type == html.ElementNode {
			if isHeading(s) || linkDensity(s) < 0.5 {
				break
			}
			parent.RemoveChild(s)
		}
		s = next
	}
	parent.RemoveChild(h)
}

// attached reports whether n is still in the document.
func attached(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n.Type == html.DocumentNode {
			return true
		}
	}
	return false
}

func onlyChildBlock(parent, child *html.Node) bool {
	for c := parent.FirstChild; c != nil; c = c.NextSibling {
		if c != child && c.Type == html.ElementNode && proseLen(c) > 0 {
			return false
		}
	}
	return true
}

// teaserBox reports a container of links and short teasers.
func teaserBox(n *html.Node) bool {
	text := utf8.RuneCountInString(strings.TrimSpace(textOf(n)))
	if text == 0 {
		return true
	}
	return linkDensity(n) >= 0.45 || proseLen(n) < 120
}

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// linkDensity is the share of n's text that sits inside links.
func linkDensity(n *html.Node) float64 {
	var all, link int
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		switch n.Type {
		case html.TextNode:
			l := utf8.RuneCountInString(strings.TrimSpace(n.Data))
			all += l
			if inLink {
				link += l
			}
			return
		case html.ElementNode:
			if skipTags[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.A {
				inLink = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	if all == 0 {
		return 0
	}
	return float64(link) / float64(all)
}

// proseLen counts characters of text outside links under n: a measure of
// how much of the page's running text an element holds.
func proseLen(n *html.Node) int {
	total := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			total += utf8.RuneCountInString(strings.TrimSpace(n.Data))
			return
		case html.ElementNode:
			if skipTags[n.DataAtom] || n.DataAtom == atom.A {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return total
}

// dropLinkLines removes navigation left inside an article body: short
// blocks made only of two or more links ("ニュース一覧へ戻る　印刷する",
// "Previous | Next").
func dropLinkLines(nodes ...*html.Node) {
	for _, n := range nodes {
		dropLinkLinesIn(n)
	}
}

func dropLinkLinesIn(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			if blockTags[c.DataAtom] && countLinks(c) >= 2 && linkDensity(c) >= 0.95 &&
				utf8.RuneCountInString(strings.TrimSpace(textOf(c))) <= 60 {
				n.RemoveChild(c)
			} else {
				dropLinkLinesIn(c)
			}
		}
		c = next
	}
}

func countLinks(n *html.Node) int {
	k := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if c.DataAtom == atom.A {
				k++
			} else {
				k += countLinks(c)
			}
		}
	}
	return k
}

// linkTexts collects the texts of links and of short blocks made (almost)
// only of links: menus, "back to the list" lines, teaser headlines; not
// in-page anchors ("#section"), which name the body's own headings. One
// bottom-up pass: each element reports its text (while short), its length
// and the length inside links.
func linkTexts(root *html.Node) map[string]bool {
	out := map[string]bool{}
	const maxText = 400 // bytes of raw text kept per element
	type acc struct {
		text      strings.Builder
		long      bool
		all, link int
	}
	var walk func(n *html.Node, inLink bool, a *acc)
	walk = func(n *html.Node, inLink bool, a *acc) {
		switch n.Type {
		case html.TextNode:
			l := utf8.RuneCountInString(strings.TrimSpace(n.Data))
			a.all += l
			if inLink {
				a.link += l
			}
			if !a.long {
				if a.text.Len()+len(n.Data) > maxText {
					a.long = true
				} else {
					a.text.WriteString(n.Data)
				}
			}
			return
		case html.ElementNode:
			if skipTags[n.DataAtom] {
				return
			}
		}
		// In-page anchors (a table of contents) repeat the body's headings.
		href, hasHref := attrOK(n, "href")
		isLink := n.Type == html.ElementNode && n.DataAtom == atom.A && hasHref && !isAnchorLink(href)
		isBlock := n.Type == html.ElementNode && blockTags[n.DataAtom]
		if !isLink && !isBlock {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, inLink, a)
			}
			return
		}
		var own acc
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink || isLink, &own)
		}
		if !own.long && own.all > 0 && (isLink || float64(own.link) >= 0.75*float64(own.all)) {
			if t := cleanLine(own.text.String()); t != "" && utf8.RuneCountInString(t) <= 100 {
				out[t] = true
			}
		}
		a.all += own.all
		a.link += own.link
		if !a.long {
			if own.long || a.text.Len()+own.text.Len() > maxText {
				a.long = true
			} else {
				a.text.WriteString(own.text.String())
				if isBlock {
					a.text.WriteByte('\n')
				}
			}
		}
	}
	var top acc
	walk(root, false, &top)
	return out
}

// isAnchorLink reports a link to a named place in a page ("#fazit",
// "/story.html#section-2"): a table of contents, not navigation. A bare
// "#" (a script-driven menu button) is navigation.
func isAnchorLink(href string) bool {
	i := strings.IndexByte(href, '#')
	return i >= 0 && i < len(href)-1 && href[i+1] != '!' && href[i+1] != '/'
}

var reCopyright = regexp.MustCompile(`(?i)^(copyright|©|\(c\))|all rights reserved|無断転載|無断複製`)

// dropNavLines removes lines that are a link or a menu of links on the
// page, and copyright lines, from extracted text.
func dropNavLines(text string, links map[string]bool) string {
	lines := strings.Split(text, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if links[l] || (utf8.RuneCountInString(l) <= 120 && reCopyright.MatchString(l)) {
			continue
		}
		kept = append(kept, l)
	}
	return strings.Join(kept, "\n")
}

// expandNoscript replaces a <noscript> in the body that carries the article
// (Blogger and other script-rendered themes put the post there and in a
// <script type="text/template">) by its parsed content. The parser, with
// scripting on, leaves noscript content as raw text, which would otherwise
// be lost with the script; a noscript holding only a tracking pixel or an
// image stays as it is and is removed by clean.
func expandNoscript(root *html.Node) {
	var found []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || c.DataAtom == atom.Head {
				continue
			}
			if c.DataAtom == atom.Noscript {
				if c.FirstChild != nil && c.FirstChild.Type == html.TextNode && len(c.FirstChild.Data) >= 400 &&
					strings.Contains(c.FirstChild.Data, "<p") {
					found = append(found, c)
				}
				continue
			}
			walk(c)
		}
	}
	walk(root)
	for _, ns := range found {
		parent := ns.Parent
		ctx := parent
		if ctx.Type != html.ElementNode {
			continue
		}
		nodes, err := html.ParseFragment(strings.NewReader(ns.FirstChild.Data), ctx)
		if err != nil {
			continue
		}
		text := 0
		for _, n := range nodes {
			text += proseLen(n)
		}
		if text < 200 {
			continue
		}
		for _, n := range nodes {
			parent.InsertBefore(n, ns)
		}
		parent.RemoveChild(ns)
	}
}
