package crawler

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"net/url"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageInfo is what the crawler reads from an HTML page.
type pageInfo struct {
	canonical string   // rel=canonical, absolute
	amphtml   string   // rel=amphtml, absolute
	isAMP     bool     // <html amp> or <html ⚡>
	links     []string // a[href], absolute, in document order
	next      []string // rel=next (link or a), absolute
	textHash  string   // sha256 of the main text (article, main, or body), whitespace-collapsed
	textLen   int
}

// rePageLink matches pagination URLs: /page/2, ?page=2, ?paged=2, ?p=2 is not pagination.
var rePageLink = regexp.MustCompile(`(?i)(/page/\d+/?$|[?&](page|paged|pg)=\d+)`)

// parsePage parses a UTF-8 HTML page once for links, canonical and a body hash.
func parsePage(body []byte, base *url.URL) (pageInfo, error) {
	var pi pageInfo
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return pi, err
	}
	if b, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if bu, err := base.Parse(strings.TrimSpace(b)); err == nil {
			base = bu
		}
	}
	abs := func(h string) string {
		h = strings.TrimSpace(h)
		if h == "" || strings.HasPrefix(h, "#") || strings.HasPrefix(strings.ToLower(h), "javascript:") ||
			strings.HasPrefix(strings.ToLower(h), "mailto:") {
			return ""
		}
		u, err := base.Parse(h)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			return ""
		}
		return u.String()
	}
	root := doc.Find("html").First()
	if _, ok := root.Attr("amp"); ok {
		pi.isAMP = true
	} else if _, ok := root.Attr("⚡"); ok {
		pi.isAMP = true
	}
	doc.Find("link[rel][href]").Each(func(_ int, s *goquery.Selection) {
		rels := strings.Fields(strings.ToLower(s.AttrOr("rel", "")))
		h := abs(s.AttrOr("href", ""))
		if h == "" {
			return
		}
		for _, rel := range rels {
			switch rel {
			case "canonical":
				if pi.canonical == "" {
					pi.canonical = h
				}
			case "amphtml":
				if pi.amphtml == "" {
					pi.amphtml = h
				}
			case "next":
				pi.next = append(pi.next, h)
			}
		}
	})
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		h := abs(s.AttrOr("href", ""))
		if h == "" {
			return
		}
		if strings.Contains(" "+strings.ToLower(s.AttrOr("rel", ""))+" ", " next ") {
			pi.next = append(pi.next, h)
		}
		pi.links = append(pi.links, h)
	})
	main := doc.Find("article").First()
	if main.Length() == 0 {
		main = doc.Find("main").First()
	}
	if main.Length() == 0 {
		main = doc.Find("body").First()
	}
	th := textHasher{h: sha256.New()}
	for _, n := range main.Nodes {
		th.walk(n)
	}
	th.flush()
	pi.textLen = th.n
	pi.textHash = hex.EncodeToString(th.h.Sum(nil))
	return pi, nil
}

// textHasher hashes the text of a node tree with whitespace runs collapsed
// to one space and trimmed, skipping script, style and noscript, without
// building the text.
type textHasher struct {
	h       hash.Hash
	n       int  // bytes hashed
	pending bool // a space is due before the next word
	buf     [512]byte
	bn      int
}

func (t *textHasher) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		t.text(n.Data)
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript:
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t.walk(c)
	}
}

func (t *textHasher) text(s string) {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v' {
			if t.n > 0 {
				t.pending = true
			}
			continue
		}
		if t.pending {
			t.put(' ')
			t.pending = false
		}
		t.put(b)
	}
}

func (t *textHasher) put(b byte) {
	if t.bn == len(t.buf) {
		t.h.Write(t.buf[:])
		t.bn = 0
	}
	t.buf[t.bn] = b
	t.bn++
	t.n++
}

func (t *textHasher) flush() {
	t.h.Write(t.buf[:t.bn])
	t.bn = 0
}

// looksBinary reports whether a body served as HTML is binary: NUL bytes or
// a known binary signature in the first 1 KiB.
func looksBinary(body []byte) bool {
	b := body
	if len(b) > 1024 {
		b = b[:1024]
	}
	for _, sig := range [][]byte{[]byte("%PDF-"), {0x89, 'P', 'N', 'G'}, {0xff, 0xd8, 0xff}, []byte("GIF8"),
		[]byte("PK\x03\x04"), {0x1f, 0x8b}, []byte("\x7fELF")} {
		if bytes.HasPrefix(b, sig) {
			return true
		}
	}
	// UTF-16 pages carry NULs legitimately; they start with a BOM.
	if bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		return false
	}
	return bytes.IndexByte(b, 0) >= 0
}
