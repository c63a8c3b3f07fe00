package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// blockTags start and end a line of text.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Caption: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Nav: true, atom.Figure: true,
	atom.Figcaption: true, atom.Hr: true, atom.Address: true, atom.Center: true, atom.Details: true,
	atom.Summary: true, atom.Form: true, atom.Fieldset: true, atom.Body: true, atom.Html: true,
}

// skipTags never carry article text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Object: true,
	atom.Embed: true, atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Input: true,
	atom.Head: true, atom.Title: true, atom.Meta: true, atom.Link: true, atom.Video: true, atom.Audio: true,
	atom.Img: true, atom.Picture: true, atom.Source: true, atom.Map: true,
}

// renderer turns a DOM subtree into lines of text: one line per paragraph,
// heading, list item or table row (cells joined by " | ").
type renderer struct {
	lines []string
	cur   strings.Builder
	// With meta set, kinds records for each line whether it is body
	// structure worth restoring (see lineBody).
	meta     bool
	kinds    []bool
	block    atom.Atom // the innermost block element open
	inLink   bool
	linkRune int // bytes of cur written inside links
}

// renderText returns the text of n: lines joined by "\n", NFKC-normalised,
// empty lines dropped.
func renderText(nodes ...*html.Node) string {
	var r renderer
	for _, n := range nodes {
		r.node(n)
	}
	r.flush()
	return strings.Join(r.lines, "\n")
}

// renderLines is renderText line by line, with whether each line is body
// structure: a paragraph, heading, list item, definition, quote or table
// row that is not mostly a link (not a caption, credit or teaser link).
func renderLines(nodes ...*html.Node) (lines []string, body []bool) {
	r := renderer{meta: true}
	for _, n := range nodes {
		r.node(n)
	}
	r.flush()
	return r.lines, r.kinds
}

// lineBody lists the block elements whose lines are body structure.
var lineBody = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Blockquote: true, atom.Pre: true, atom.Table: true,
	atom.Tr: true, atom.Td: true, atom.Th: true,
}

func (r *renderer) flush() {
	if r.cur.Len() == 0 {
		return
	}
	raw := r.cur.Len()
	line := splitGlued(cleanLine(r.cur.String()))
	r.cur.Reset()
	if line != "" {
		r.lines = append(r.lines, line)
		if r.meta {
			r.kinds = append(r.kinds, lineBody[r.block] && r.linkRune*2 < raw)
		}
	}
	r.linkRune = 0
}

func (r *renderer) write(s string) {
	r.cur.WriteString(s)
	if r.inLink {
		r.linkRune += len(s)
	}
}

func (r *renderer) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.write(n.Data)
		return
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			r.node(c)
		}
		return
	case html.ElementNode:
	default:
		return
	}
	a := tagOf(n)
	if skipTags[a] {
		return
	}
	switch a {
	case atom.Br:
		r.flush()
		return
	case atom.Table:
		if isDataTable(n) {
			r.flush()
			r.table(n)
			r.flush()
			return
		}
	case atom.Pre:
		r.flush()
		outer := r.block
		r.block = atom.Pre
		for _, l := range strings.Split(textOf(n), "\n") {
			r.cur.WriteString(l)
			r.flush()
		}
		r.block = outer
		return
	}
	block := blockTags[a] || isCustomBlock(n) || styledBlock(n) || ownLine(n)
	if block {
		r.flush()
	} else if a == atom.Td || a == atom.Th {
		r.cur.WriteByte(' ')
	}
	outerBlock, outerLink := r.block, r.inLink
	if block {
		r.block = a
	}
	if a == atom.A {
		r.inLink = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.node(c)
	}
	if block {
		r.flush()
	}
	r.block, r.inLink = outerBlock, outerLink
}

// tagOf is n's atom; nodes built by go-trafilatura carry only the tag name.
func tagOf(n *html.Node) atom.Atom {
	if n.DataAtom == 0 && n.Type == html.ElementNode {
		return atom.Lookup([]byte(n.Data))
	}
	return n.DataAtom
}

// isCustomBlock treats unknown elements (AMP components, custom elements) as blocks.
func isCustomBlock(n *html.Node) bool {
	return tagOf(n) == 0 && strings.Contains(n.Data, "-")
}

// table renders a table of figures, one row per line.
func (r *renderer) table(t *html.Node) {
	for _, row := range tableRows(t) {
		var cells []string
		for c := row.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (tagOf(c) == atom.Td || tagOf(c) == atom.Th) {
				cells = append(cells, cleanLine(textOf(c)))
			}
		}
		empty := true
		for _, c := range cells {
			if c != "" {
				empty = false
			}
		}
		if !empty {
			r.lines = append(r.lines, strings.Join(cells, " | "))
			if r.meta {
				r.kinds = append(r.kinds, true)
			}
		}
	}
	if cap := firstChild(t, atom.Caption); cap != nil {
		if l := cleanLine(textOf(cap)); l != "" {
			r.lines = append(r.lines, l)
			if r.meta {
				r.kinds = append(r.kinds, true)
			}
		}
	}
}

func tableRows(t *html.Node) []*html.Node {
	var rows []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch tagOf(c) {
			case atom.Tr:
				rows = append(rows, c)
			case atom.Thead, atom.Tbody, atom.Tfoot:
				walk(c)
			}
		}
	}
	walk(t)
	return rows
}

func firstChild(n *html.Node, a atom.Atom) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && tagOf(c) == a {
			return c
		}
	}
	return nil
}

// isDataTable tells a table of figures from a layout table: no nested
// tables, no paragraphs or long prose in its cells, at least two columns.
func isDataTable(t *html.Node) bool {
	rows := tableRows(t)
	if len(rows) == 0 {
		return false
	}
	maxCells := 0
	for _, row := range rows {
		cells := 0
		for c := row.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || (tagOf(c) != atom.Td && tagOf(c) != atom.Th) {
				continue
			}
			cells++
			if hasDescendant(c, atom.Table, atom.P, atom.Div, atom.Ul, atom.Ol, atom.Blockquote, atom.H1, atom.H2, atom.H3) {
				return false
			}
			if utf8.RuneCountInString(strings.TrimSpace(textOf(c))) > 150 {
				return false
			}
		}
		maxCells = max(maxCells, cells)
	}
	return maxCells >= 2
}

func hasDescendant(n *html.Node, atoms ...atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			for _, a := range atoms {
				if tagOf(c) == a {
					return true
				}
			}
			if hasDescendant(c, atoms...) {
				return true
			}
		}
	}
	return false
}

// textOf concatenates the text under n, skipping scripts and styles,
// with a newline for <br> and block boundaries.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipTags[tagOf(n)] {
				return
			}
			if tagOf(n) == atom.Br {
				b.WriteByte('\n')
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blockTags[tagOf(n)] {
			b.WriteByte('\n')
		}
	}
	walk(n)
	return b.String()
}

// cleanLine NFKC-normalises a line and collapses its white space; a source
// line break between two Japanese characters is dropped.
func cleanLine(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space, brk := false, false
	var prev rune
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if r < utf8.RuneSelf { // ASCII: the common case, without table lookups
			switch {
			case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f':
				space = b.Len() > 0
				brk = brk || r == '\n' || r == '\r'
				continue
			case r < 0x20 || r == 0x7f:
				continue
			}
		} else {
			if r == utf8.RuneError || (unicode.IsControl(r) && !unicode.IsSpace(r)) || r == '\u200b' || r == '\ufeff' {
				continue
			}
			if unicode.IsSpace(r) {
				space = b.Len() > 0
				continue
			}
		}
		if space {
			// A source line break between two Japanese characters is
			// not a space; a written space (often U+3000) is.
			if !(brk && isWide(prev) && isWide(r)) {
				b.WriteByte(' ')
			}
			space = false
		}
		brk = false
		if size == 1 {
			b.WriteByte(byte(r))
		} else {
			b.WriteString(s[i-size : i])
		}
		prev = r
	}
	return b.String()
}

// isWide reports Japanese script and punctuation characters.
func isWide(r rune) bool {
	if r < 0x2e80 {
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef) || r == 'ー'
}
