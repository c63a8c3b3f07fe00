package crawler

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
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
	html := doc.Find("html").First()
	if _, ok := html.Attr("amp"); ok {
		pi.isAMP = true
	} else if _, ok := html.Attr("⚡"); ok {
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
	main.Find("script,style,noscript").Remove()
	text := strings.Join(strings.Fields(main.Text()), " ")
	pi.textLen = len(text)
	sum := sha256.Sum256([]byte(text))
	pi.textHash = hex.EncodeToString(sum[:])
	return pi, nil
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
