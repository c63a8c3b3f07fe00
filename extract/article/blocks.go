package article

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Text blocks stay apart. Pages written without white space between their
// blocks ("<h1>…</h1><time>…</time>TeraWulf said…<br>…") must not come out
// as one glued line ("…Fluidstack2026-11-12TeraWulf said…"): a headline's
// names would run into a body sentence and a date into a company name.
// Three repairs, each for a way a boundary gets lost:
//
//   - wrapLooseText puts the loose text of a container that also holds
//     blocks ("<div><h1>…</h1>text<br>text</div>") into paragraphs, so that
//     go-trafilatura (which drops such text after an element it strips)
//     and kozan's renderer both see a paragraph;
//   - ownLine makes a <time>, a byline or a dateline that is not inside a
//     paragraph a line of its own in the renderer;
//   - splitGlued puts a space between a sentence's end and the next one
//     when inline elements styled as blocks ("<span>….</span><span>The…")
//     were merged without one.

// textBlocks are the elements that hold running text themselves: an
// inline element inside one of them is part of its prose.
var textBlocks = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Td: true, atom.Th: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Pre: true, atom.Caption: true, atom.Figcaption: true,
	atom.Summary: true, atom.Address: true, atom.A: true, atom.Button: true, atom.Label: true,
}

// metaWords are class, id and itemprop words of a byline, a date or a
// dateline: such an element is a line of its own outside a paragraph.
var metaWords = map[string]bool{
	"byline": true, "author": true, "dateline": true, "date": true, "time": true, "timestamp": true,
	"posted": true, "published": true, "updated": true, "pubdate": true, "datepublished": true,
	"datemodified": true, "credit": true, "writer": true, "reporter": true, "source": true,
}

// ownLine reports an inline element that stands on a line of its own: a
// <time>, or a span, em, small or the like named a byline or a date, that
// is not inside a paragraph, heading, list item or table cell (there it is
// part of a sentence: "on <time>Nov 12</time>, TeraWulf said").
func ownLine(n *html.Node) bool {
	a := tagOf(n)
	if blockTags[a] || textBlocks[a] {
		return false
	}
	meta := a == atom.Time
	if !meta {
		if attr(n, "rel") == "author" {
			meta = true
		}
		for _, w := range classWords(n) {
			if metaWords[w] {
				meta = true
				break
			}
		}
		if ip := strings.ToLower(attr(n, "itemprop")); ip != "" && metaWords[ip] {
			meta = true
		}
	}
	inProse := func() bool {
		for p := n.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
			pa := tagOf(p)
			if textBlocks[pa] && !layoutCell(p) {
				return true
			}
			if blockTags[pa] || isCustomBlock(p) {
				return false
			}
		}
		return false
	}
	if !meta {
		// A date and nothing else ("<font size=2>2026-10-30</font>") between
		// blocks is a dateline too.
		if !dateInline[a] || inProse() {
			return false
		}
		t := strings.TrimSpace(textOf(n))
		return t != "" && utf8.RuneCountInString(t) <= 40 && isDateLine(cleanLine(t), "", time.Time{})
	}
	return !inProse()
}

// dateInline are the inline elements that may hold a dateline.
var dateInline = map[atom.Atom]bool{
	atom.Span: true, atom.Font: true, atom.Small: true, atom.Em: true, atom.I: true, atom.B: true,
	atom.Strong: true, atom.Cite: true, atom.Abbr: true,
}

// styledBlock reports an element its inline style makes a block.
func styledBlock(n *html.Node) bool {
	st := attr(n, "style")
	if st == "" {
		return false
	}
	st = strings.ReplaceAll(strings.ToLower(st), " ", "")
	return strings.Contains(st, "display:block") || strings.Contains(st, "display:flex") ||
		strings.Contains(st, "display:grid") || strings.Contains(st, "display:list-item")
}

// styledSpans are the inline elements a display:block style turns into a
// <div> for the extractors.
var styledSpans = map[atom.Atom]bool{
	atom.Span: true, atom.Font: true, atom.Small: true, atom.Label: true, atom.B: true,
	atom.Strong: true, atom.Em: true, atom.I: true,
}

// looseContainers may hold both blocks and loose text whose runs
// wrapLooseText puts into paragraphs.
var looseContainers = map[atom.Atom]bool{
	atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Body: true,
	atom.Header: true, atom.Footer: true, atom.Center: true, atom.Blockquote: true, atom.Td: true,
	atom.Th: true, atom.Form: true, atom.Details: true, atom.Font: true, atom.Span: true,
}

// wrapLooseText puts each run of loose text in a container that also holds
// blocks into a <p> of its own. A run ends at a block, at a <br><br>
// (a paragraph break in a legacy layout) and at an element ownLine stands
// apart. A table cell is only touched when it is no table of figures.
func wrapLooseText(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !skipTags[tagOf(c)] {
			if styledSpans[tagOf(c)] && styledBlock(c) {
				// A block by its style: say so in its tag, which is all
				// go-trafilatura reads.
				c.Data, c.DataAtom = "div", atom.Div
			}
			wrapLooseText(c)
		}
	}
	if n.Type != html.ElementNode || !(looseContainers[tagOf(n)] || isCustomBlock(n)) {
		return
	}
	if (tagOf(n) == atom.Td || tagOf(n) == atom.Th) && !layoutCell(n) {
		return
	}
	hasBlock := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isBlockNode(c) {
			hasBlock = true
			break
		}
	}
	if !hasBlock {
		return
	}
	var run []*html.Node
	end := func() {
		if hasLooseText(run) {
			p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
			n.InsertBefore(p, run[0])
			for _, m := range run {
				n.RemoveChild(m)
				p.AppendChild(m)
			}
		}
		run = run[:0]
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.ElementNode && (isBlockNode(c) || ownLine(c) || skipTags[tagOf(c)]):
			end()
		case c.Type == html.ElementNode && tagOf(c) == atom.Br && endsWithBreak(run):
			end() // <br><br>: the paragraph ends
		case len(run) == 0 && (c.Type != html.ElementNode && (c.Type != html.TextNode || strings.TrimSpace(c.Data) == "") ||
			c.Type == html.ElementNode && tagOf(c) == atom.Br):
			// white space, a comment or a <br> before a run stays outside it
		case c.Type == html.TextNode || c.Type == html.ElementNode:
			run = append(run, c)
		}
		c = next
	}
	end()
}

// layoutCell reports a table cell that holds blocks (a page laid out in
// a table), not a cell of a table of figures.
func layoutCell(n *html.Node) bool {
	a := tagOf(n)
	return (a == atom.Td || a == atom.Th) &&
		hasDescendant(n, atom.Table, atom.P, atom.Div, atom.Ul, atom.Ol, atom.Blockquote, atom.H1, atom.H2, atom.H3)
}

func isBlockNode(n *html.Node) bool {
	return blockTags[tagOf(n)] || isCustomBlock(n) || styledBlock(n)
}

// endsWithBreak reports a run whose last node, white space aside, is a <br>.
func endsWithBreak(run []*html.Node) bool {
	for i := len(run) - 1; i >= 0; i-- {
		m := run[i]
		if m.Type == html.TextNode && strings.TrimSpace(m.Data) == "" {
			continue
		}
		return m.Type == html.ElementNode && tagOf(m) == atom.Br
	}
	return false
}

// hasLooseText reports a run with prose outside links: a run of links
// alone (a menu between blocks) is left as it is.
func hasLooseText(run []*html.Node) bool {
	for _, m := range run {
		switch {
		case m.Type == html.TextNode:
			if strings.TrimSpace(m.Data) != "" {
				return true
			}
		case m.Type == html.ElementNode && tagOf(m) != atom.A:
			if strings.TrimSpace(textOf(m)) != "" && proseLen(m) > 0 {
				return true
			}
		}
	}
	return false
}

// splitGlued puts a space after the end of a sentence that runs into the
// next one without one ("$8700 million.The company", "said.\"The"): a
// lower-case letter or digit, a full stop, question or exclamation mark,
// maybe a closing quote or bracket, then (maybe after an opening quote)
// an upper-case letter followed by a lower-case one. Abbreviations (U.S.A, Ph.D.) and names such as
// "Node.js" or "example.com" do not match.
func splitGlued(s string) string {
	var b strings.Builder
	last, quotes := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '"' {
			quotes++
		}
		if c != '.' && c != '!' && c != '?' || i == 0 {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLower(prev) && !unicode.IsDigit(prev) && prev != ')' && prev != '%' {
			continue
		}
		// A closing bracket or quote ends the sentence; an opening quote
		// starts the next one.
		j, q := i+1, quotes
		for j < len(s) && (s[j] == ')' || s[j] == '"' && q%2 == 1) {
			if s[j] == '"' {
				q++
			}
			j++
		}
		k := j
		if k < len(s) && s[k] == '"' {
			k++
		}
		if k+1 >= len(s) {
			continue
		}
		r1, n1 := utf8.DecodeRuneInString(s[k:])
		r2, _ := utf8.DecodeRuneInString(s[k+n1:])
		if r1 >= utf8.RuneSelf || r2 >= utf8.RuneSelf || !unicode.IsUpper(r1) || !unicode.IsLower(r2) {
			continue
		}
		b.WriteString(s[last:j])
		b.WriteByte(' ')
		last = j
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}
