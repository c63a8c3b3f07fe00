package article

import (
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// trafilaturaBody runs go-trafilatura (with its Readability and
// DOM Distiller fallback) on an already parsed and cleaned document and
// returns its main-content node, or nil. The document is parsed by kozan
// from UTF-8: trafilatura.Extract would sniff the bytes and re-decode them
// by a leftover <meta charset>, so it is never used; ExtractDocument clones
// the tree before working. Its own date search is off: kozan reads dates.
//
// Japanese says in 100 characters what English says in 250, so for "ja"
// the size under which trafilatura gives up and falls back to the whole
// page's text is lowered accordingly.
func trafilaturaBody(doc *html.Node, lang string) *html.Node {
	cfg := trafilatura.DefaultConfig()
	if lang == "ja" {
		cfg.MinExtractedSize = 100
	}
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		Config:          cfg,
		EnableFallback:  true,
		ExcludeComments: true,
		Focus:           trafilatura.FavorRecall,
		HtmlDateMode:    trafilatura.Disabled,
	})
	if err != nil || res == nil {
		return nil
	}
	return res.ContentNode
}
