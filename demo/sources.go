package demo

import (
	"regexp"

	"github.com/kozan-dev/kozan/crawler"
)

// Sources returns the crawl sources of both sites, Japanese first. The
// Japanese site is found through its RSS feed (the newest stories) and its
// paginated listing (every story); the English site through its Atom feed
// (the newest releases) and its sitemap index (every release). Follow
// patterns match article URLs only: a crawler finds the listing's further
// pages by their rel="next" links and /news/page/N/ paths (depth 1, 2...).
func (s *Server) Sources() []crawler.Source {
	ja, en := s.URL(SiteJA), s.URL(SiteEN)
	qja, qen := regexp.QuoteMeta(ja), regexp.QuoteMeta(en)
	return []crawler.Source{
		{
			Name:      SiteJA,
			Lang:      "ja",
			Feeds:     []string{ja + "/feed/"},
			StartURLs: []string{ja + "/news/"},
			Follow:    []string{`^` + qja + `/archives/\d+/$`},
			MaxDepth:  2,
		},
		{
			Name:     SiteEN,
			Lang:     "en",
			Feeds:    []string{en + "/feed.atom"},
			Sitemaps: []string{en + "/sitemap.xml"},
			Follow:   []string{`^` + qen + `/news/\d{4}/\d{2}/\d{2}/[a-z0-9-]+\.html$`},
			MaxDepth: 2,
		},
	}
}
