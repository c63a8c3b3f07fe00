package article

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/kozan-dev/kozan/pipeline"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// metaDate reads the publication date from markup, in order: JSON-LD
// datePublished, article:published_time, <time datetime> in the article,
// other common meta tags, the URL, the feed's date. A source whose date is
// unreadable, before 2009 or in the future is passed over.
func metaDate(doc *goquery.Document, ld ldInfo, p pipeline.Page, lang string, now time.Time) (time.Time, bool) {
	if p.Selectors.Date != "" {
		var out time.Time
		ok := false
		doc.Find(p.Selectors.Date).EachWithBreak(func(_ int, s *goquery.Selection) bool {
			for _, v := range []string{s.AttrOr("datetime", ""), s.AttrOr("content", ""), s.Text()} {
				if out, ok = ParseDate(v, lang, now); ok {
					return false
				}
			}
			return true
		})
		if ok {
			return out, true
		}
	}
	for _, d := range ld.DatePublished {
		if t, ok := ParseDate(d, lang, now); ok {
			return t, true
		}
	}
	for _, k := range []string{"article:published_time", "og:article:published_time"} {
		if t, ok := ParseDate(metaContent(doc, k), lang, now); ok {
			return t, true
		}
	}
	if t, ok := timeElement(doc, lang, now); ok {
		return t, true
	}
	for _, k := range []string{"datePublished", "pubdate", "publishdate", "publish-date", "publish_date",
		"date", "dc.date", "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date.created",
		"parsely-pub-date", "sailthru.date", "article.published", "article_date_original",
		"cxenseparse:recs:publishtime", "citation_publication_date", "og:published_time", "published_time",
		"original-publish-date", "release_date", "article:modified_time", "dateModified", "og:updated_time"} {
		if t, ok := ParseDate(metaContent(doc, k), lang, now); ok {
			return t, true
		}
	}
	if t, ok := dateFromURL(p.URL, lang, now); ok {
		return t, true
	}
	if p.FetchURL != "" {
		if t, ok := dateFromURL(p.FetchURL, lang, now); ok {
			return t, true
		}
	}
	if p.HintDate != nil {
		if t := p.HintDate.UTC(); !t.Before(minDate) && !t.After(now.Add(24*time.Hour)) {
			return t, true
		}
	}
	return time.Time{}, false
}

// timeElement reads the best <time datetime> of the article: one marked as
// the publication date first, then the first one outside sidebars and
// teasers; an "updated" time only when nothing else is there.
func timeElement(doc *goquery.Document, lang string, now time.Time) (time.Time, bool) {
	var first, updated time.Time
	var hasFirst, hasUpdated bool
	var marked time.Time
	hasMarked := false
	doc.Find("time[datetime], [itemprop=datePublished][datetime], [itemprop=datePublished][content]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		n := s.Nodes[0]
		if inBoilerplateDate(n) {
			return true
		}
		v := s.AttrOr("datetime", s.AttrOr("content", ""))
		t, ok := ParseDate(v, lang, now)
		if !ok {
			return true
		}
		words := strings.ToLower(attr(n, "class") + " " + attr(n, "itemprop") + " " + attr(n, "id"))
		switch {
		case strings.Contains(words, "publish") || strings.Contains(words, "entry-date") || strings.Contains(words, "posted") ||
			strings.Contains(words, "datepublished") || hasAttr(n, "pubdate"):
			marked, hasMarked = t, true
			return false
		case strings.Contains(words, "update") || strings.Contains(words, "modif"):
			if !hasUpdated {
				updated, hasUpdated = t, true
			}
		default:
			if !hasFirst {
				first, hasFirst = t, true
			}
		}
		return true
	})
	switch {
	case hasMarked:
		return marked, true
	case hasFirst:
		return first, true
	case hasUpdated:
		return updated, true
	}
	return time.Time{}, false
}

func hasAttr(n *html.Node, key string) bool {
	_, ok := attrOK(n, key)
	return ok
}

// inBoilerplateDate reports a date element inside a sidebar, teaser list,
// navigation or comment, where dates belong to other stories. Headers and
// bylines are fine: that is where the article's own date is.
func inBoilerplateDate(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		switch p.DataAtom {
		case atom.Aside, atom.Nav:
			return true
		case atom.Article, atom.Main, atom.Body:
			return false
		}
		if boilerRoles[strings.ToLower(attr(p, "role"))] {
			return true
		}
		if isTeaserList(p) {
			return true
		}
	}
	return false
}

// visibleDateText renders the page's text from just above the headline
// on, without navigation, sidebars and teaser lists, for the last-resort
// visible date search. It does not change the document.
func visibleDateText(root *html.Node, title string) string {
	var b strings.Builder
	headline := -1
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipTags[n.DataAtom] || n.DataAtom == atom.Aside || n.DataAtom == atom.Nav || isTeaserList(n) {
				return
			}
			if n.DataAtom == atom.Br {
				b.WriteByte('\n')
				return
			}
			if n.DataAtom == atom.H1 && headline < 0 {
				headline = b.Len()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blockTags[n.DataAtom] {
			b.WriteByte('\n')
		}
	}
	walk(root)
	text := b.String()
	if headline > 0 {
		// The date line often sits just above the headline.
		start := strings.LastIndex(text[:headline], "\n")
		if start > 0 {
			if prev := strings.LastIndex(text[:start], "\n"); prev >= 0 {
				start = prev
			}
		}
		text = text[max(start, 0):]
	}
	return text
}

// isTeaserList reports a sidebar or teaser block by its class or id.
func isTeaserList(n *html.Node) bool {
	for _, w := range classWords(n) {
		switch {
		case w == "sidebar" || w == "related" || w == "ranking" || w == "popular" || w == "recommend" ||
			w == "recommended" || w == "comment" || w == "comments" || w == "widget" || w == "trending" ||
			w == "kanren" || w == "ninki" || w == "osusume" || w == "latest" || w == "more":
			return true
		case strings.HasPrefix(w, "related") || strings.HasPrefix(w, "sidebar") || strings.HasPrefix(w, "ranking"):
			return true
		}
	}
	return false
}

// textDate finds the date written near the headline. Short lines (a
// byline, a dateline) come first, and only there do relative forms ("3時間前",
// "yesterday") count: in a sentence they are about something else. Then
// any line with a full date.
func textDate(text, lang string, now time.Time) (time.Time, bool) {
	var lines []string
	for line := range strings.SplitSeq(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			if len(line) > 400 {
				line = line[:400]
			}
			lines = append(lines, line)
			if len(lines) == 400 {
				break
			}
		}
	}
	for _, line := range lines {
		n := utf8.RuneCountInString(line)
		if n > 80 {
			continue
		}
		clock := now
		if n > 30 {
			clock = time.Time{} // no relative dates
		}
		if t, ok := ParseDate(line, lang, clock); ok && !t.After(now.Add(24*time.Hour)) {
			return t, true
		}
	}
	for _, line := range lines {
		if t, ok := ParseDate(line, lang, time.Time{}); ok && !t.After(now.Add(24*time.Hour)) {
			return t, true
		}
	}
	return time.Time{}, false
}
