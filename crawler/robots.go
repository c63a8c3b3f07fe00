package crawler

import (
	"fmt"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/temoto/robotstxt"
)

// robotsEntry is one host's robots.txt, fetched once per crawl.
type robotsEntry struct {
	once    sync.Once
	group   *robotstxt.Group // nil: everything allowed
	denyAll bool             // robots.txt unreachable or 5xx: nothing allowed
	// down says why the host could not be asked (the fetch failure reason,
	// e.g. connection_refused, timeout, status_5xx) when denyAll is set
	// for that reason; err is the failure. Its URLs are failures of their
	// source, not robots denials.
	down     string
	err      error
	delay    atomic.Int64 // Crawl-delay for our agent, in nanoseconds
	sitemaps []string
}

// robotsFor returns the robots.txt of the scheme+host of u, fetching it on
// first use. When robots are not respected it returns an allow-all entry.
func (c *Crawler) robotsFor(col *colly.Collector, u *url.URL) *robotsEntry {
	key := u.Scheme + "://" + u.Host
	c.robotsMu.Lock()
	e, ok := c.robots[key]
	if !ok {
		e = &robotsEntry{}
		c.robots[key] = e
	}
	c.robotsMu.Unlock()
	e.once.Do(func() {
		if c.cfg.IgnoreRobots {
			return
		}
		res := c.fetch(col, "robots", key+"/robots.txt", nil)
		status := res.status
		if res.err != nil && status < 400 {
			// Unreachable robots.txt (transport error, timeout): RFC 9309
			// says assume complete disallow.
			c.log.Warn("robots.txt unreachable; host skipped", "host", u.Host, "err", res.err)
			e.denyAll = true
			e.down, e.err = res.reason, res.err
			if e.down == "" {
				e.down = errReason(res.err)
			}
			return
		}
		data, err := robotstxt.FromStatusAndBytes(status, res.body)
		if err != nil {
			c.log.Debug("robots.txt unparsable; allowing all", "host", u.Host, "err", err)
			return
		}
		if status >= 500 {
			c.log.Warn("robots.txt answered a server error; host skipped", "host", u.Host, "status", status)
			e.denyAll = true
			e.down, e.err = statusReason(status), fmt.Errorf("robots.txt: HTTP %d", status)
			return
		}
		e.group = data.FindGroup(c.agent)
		if e.group != nil {
			e.delay.Store(int64(e.group.CrawlDelay))
		}
		e.sitemaps = data.Sitemaps
	})
	return e
}

// allowed reports whether robots.txt lets us fetch u.
func (e *robotsEntry) allowed(u *url.URL) bool {
	if e.denyAll {
		return false
	}
	if e.group == nil {
		return true
	}
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return e.group.Test(p)
}

// hostDelay is the delay between two requests to host: the configured delay
// or the host's Crawl-delay, whichever is longer.
func (c *Crawler) hostDelay(host string) time.Duration {
	d := c.cfg.Delay
	c.robotsMu.Lock()
	for _, scheme := range []string{"https://", "http://"} {
		if e, ok := c.robots[scheme+host]; ok && time.Duration(e.delay.Load()) > d {
			d = time.Duration(e.delay.Load())
		}
	}
	c.robotsMu.Unlock()
	return d
}

// agentToken is the product token of a User-Agent ("kozan/1 (+…)" → "kozan"),
// the name robots.txt groups are matched against.
func agentToken(ua string) string {
	tok, _, _ := strings.Cut(strings.TrimSpace(ua), "/")
	tok, _, _ = strings.Cut(tok, " ")
	return strings.ToLower(tok)
}
