package article

import (
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// trafilaturaBody runs go-trafilatura on an already parsed (and cleaned)
// document and returns its main-content node, or nil. The document is
// parsed by kozan from UTF-8 (trafilatura.Extract would sniff and re-decode
// the bytes, so it is never used); trafilatura clones it before working.
// Its own date search is switched off: kozan reads dates itself.
func trafilaturaBody(doc *html.Node, fallback bool) *html.Node {
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		EnableFallback:  fallback,
		ExcludeComments: true,
		Focus:           trafilatura.Balanced,
		HtmlDateMode:    trafilatura.Disabled,
	})
	if err != nil || res == nil {
		return nil
	}
	return res.ContentNode
}
