package crawler

import (
	"sync"
	"sync/atomic"
)

// Stats counts what a crawl did. Errors are keyed by reason (timeout,
// status_404, status_5xx, too_large, transport, redirect_loop, …).
type Stats struct {
	Requests       int64            `json:"requests"`        // HTTP requests sent, retries included
	Fetched        int64            `json:"fetched"`         // responses with a body that was used
	NotModified    int64            `json:"not_modified"`    // 304 answers to conditional requests
	Emitted        int64            `json:"emitted"`         // pages sent to the pipeline (304s included)
	Retries        int64            `json:"retries"`         // requests repeated after 5xx, 429 or transport errors
	Redirects      int64            `json:"redirects"`       // redirects followed
	RobotsDenied   int64            `json:"robots_denied"`   // URLs not fetched because robots.txt disallows them
	OffhostRefused int64            `json:"offhost_refused"` // links or redirects to hosts outside the sources
	PrivateRefused int64            `json:"private_refused"` // hosts refused because they resolve to private addresses
	TooLarge       int64            `json:"too_large"`       // bodies over max_body
	NonHTML        int64            `json:"non_html"`        // responses skipped as not HTML (or binary)
	Duplicates     int64            `json:"duplicates"`      // pages not emitted: same canonical URL or same body as an emitted page
	HorizonSkipped int64            `json:"horizon_skipped"` // feed/sitemap items older than the horizon
	BudgetSkipped  int64            `json:"budget_skipped"`  // URLs left unfetched because max_pages was reached
	Feeds          int64            `json:"feeds"`           // feeds parsed
	Sitemaps       int64            `json:"sitemaps"`        // sitemaps parsed
	Listings       int64            `json:"listings"`        // listing pages parsed (start pages, pagination, pages classified as listings)
	Classified     map[string]int64 `json:"classified"`      // fetched article candidates by class (article, listing, other)
	Errors         map[string]int64 `json:"errors"`          // failed URLs by reason
	// Sources is each source's part, by source name.
	Sources map[string]SourceStats `json:"sources"`
}

// SourceStats is what one source's crawl did. A source is down when none of
// its fetches succeeded and at least one failed (a host that refuses
// connections, a feed that answers 404); a source with nothing to fetch is
// not down.
type SourceStats struct {
	Up     bool             `json:"up"`
	OK     int64            `json:"ok"`     // fetches that succeeded (304s included)
	Failed int64            `json:"failed"` // fetches that failed
	Errors map[string]int64 `json:"errors"` // failed fetches by reason
}

// counters is the live, concurrent form of Stats.
type counters struct {
	requests, fetched, notModified, emitted, retries, redirects       atomic.Int64
	robotsDenied, offhostRefused, privateRefused, tooLarge, nonHTML   atomic.Int64
	duplicates, horizonSkipped, budgetSkipped, feeds, sitemaps, lists atomic.Int64

	mu      sync.Mutex
	errors  map[string]int64
	classes map[string]int64
}

func (c *counters) classified(class string) {
	c.mu.Lock()
	if c.classes == nil {
		c.classes = map[string]int64{}
	}
	c.classes[class]++
	c.mu.Unlock()
}

func (c *counters) fail(reason string) {
	c.mu.Lock()
	if c.errors == nil {
		c.errors = map[string]int64{}
	}
	c.errors[reason]++
	c.mu.Unlock()
}

func (c *counters) snapshot() Stats {
	s := Stats{
		Requests: c.requests.Load(), Fetched: c.fetched.Load(), NotModified: c.notModified.Load(),
		Emitted: c.emitted.Load(), Retries: c.retries.Load(), Redirects: c.redirects.Load(),
		RobotsDenied: c.robotsDenied.Load(), OffhostRefused: c.offhostRefused.Load(),
		PrivateRefused: c.privateRefused.Load(), TooLarge: c.tooLarge.Load(), NonHTML: c.nonHTML.Load(),
		Duplicates: c.duplicates.Load(), HorizonSkipped: c.horizonSkipped.Load(),
		BudgetSkipped: c.budgetSkipped.Load(), Feeds: c.feeds.Load(), Sitemaps: c.sitemaps.Load(),
		Listings: c.lists.Load(), Classified: map[string]int64{}, Errors: map[string]int64{},
	}
	c.mu.Lock()
	for k, v := range c.errors {
		s.Errors[k] = v
	}
	for k, v := range c.classes {
		s.Classified[k] = v
	}
	c.mu.Unlock()
	return s
}
