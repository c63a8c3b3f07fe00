package crawler

import (
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

// Config is the crawler's politeness and budgets: the crawler's own type,
// which cmd/kozan fills from kozan.yaml. The zero value works: it obeys
// robots.txt, fetches one page at a time per host with no delay, and takes
// the defaults below for what is left zero.
type Config struct {
	UserAgent    string        // default DefaultUserAgent
	Parallelism  int           // concurrent requests per host; default 1
	Delay        time.Duration // between requests to one host; zero: none
	Timeout      time.Duration // per request; default DefaultTimeout
	MaxBody      int64         // bytes; a larger body is an error; default DefaultMaxBody
	MaxPages     int           // per run; zero: no limit
	IgnoreRobots bool          // robots.txt is obeyed unless this is set
	Retries      int           // per request, on 5xx/429/transport errors; zero: none
	MaxRedirects int           // per request; zero: DefaultMaxRedirects, negative: none
	Horizon      time.Duration // feed/sitemap items older than this are skipped; zero: no limit
	StripParams  []string      // query parameters removed from URLs, beside utm_*, fbclid, gclid
	AllowHosts   []string      // extra hosts links may go to (besides the sources' hosts)
	AllowPrivate bool          // allow hosts that resolve to private or loopback addresses
}

// Defaults of Config's zero fields.
const (
	DefaultUserAgent    = "kozan/1 (+https://github.com/kozan-dev/kozan)"
	DefaultTimeout      = 20 * time.Second
	DefaultMaxBody      = 5 << 20
	DefaultMaxRedirects = 5
)

// withDefaults fills the zero fields that have a default.
func (c Config) withDefaults() Config {
	if c.UserAgent == "" {
		c.UserAgent = DefaultUserAgent
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.MaxBody <= 0 {
		c.MaxBody = DefaultMaxBody
	}
	if c.Parallelism <= 0 {
		c.Parallelism = 1
	}
	switch {
	case c.MaxRedirects == 0:
		c.MaxRedirects = DefaultMaxRedirects
	case c.MaxRedirects < 0:
		c.MaxRedirects = 0
	}
	return c
}

// Source is one news site to crawl.
type Source struct {
	Name      string
	Lang      string // ja, en or "": a hint for the extractor
	Feeds     []string
	Sitemaps  []string
	StartURLs []string
	Follow    []string // patterns of the links to follow from listings
	Deny      []string // patterns of the links never to follow
	MaxDepth  int      // listing depth; zero: 2
	Selectors pipeline.Selectors
}
