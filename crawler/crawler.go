package crawler

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/kozan-dev/kozan/pipeline"
	"golang.org/x/sync/errgroup"
)

// State is the store's memory of each URL between runs. The crawler asks it
// once per article URL (it never preloads), to send If-None-Match and
// If-Modified-Since. The store's Sink writes the records from the emitted
// pages (Page.ETag, Page.LastMod).
type State interface {
	CrawlState(ctx context.Context, url string) (pipeline.CrawlRecord, bool, error)
}

// Options tunes a Crawler beyond kozan.yaml. The zero value works.
type Options struct {
	Logger        *slog.Logger     // default slog.Default()
	Client        *http.Client     // its Transport (and Jar) are used under kozan's; nil: a transport that refuses private addresses
	Resolver      Resolver         // for the private-address guard; default net.DefaultResolver
	Now           func() time.Time // default time.Now
	Shared        Shared           // frontier and visited set; nil: a fresh in-memory one per Crawl
	Workers       int              // concurrent fetches in total; default parallelism × hosts, at most 64
	RetryBase     time.Duration    // first retry backoff, doubled each attempt; default 500ms
	MaxRetryAfter time.Duration    // a longer Retry-After gives up instead of waiting; default 2m
	IdleTimeout   time.Duration    // with a shared frontier, stop waiting for other processes' tasks after this; default 5m (longer than the Redis lease, so a crashed process's tasks are taken over first)
	Classifier    Classifier       // tells articles from listings and other pages; nil: every fetched candidate is an article
}

// Classifier tells what a fetched article candidate is. A listing's links
// are followed (it is how a broad follow rule finds articles); every page
// is still sent on, with its class, so that the store records its crawl
// state and the run counts it.
type Classifier interface {
	Classify(p pipeline.Page) pipeline.Classification
}

// Crawler fetches the configured sources. Build it with New; Crawl may be
// called again after it returns, but not concurrently.
type Crawler struct {
	cfg     Config
	sources map[string]*source
	order   []*source
	state   State
	opt     Options
	log     *slog.Logger
	guard   *guard
	rt      *transport
	jar     http.CookieJar
	shared  Shared
	stats   counters
	agent   string
	maxBody int64
	timeout time.Duration
	strip   []string

	parallel int
	now      func() time.Time
	pages    atomic.Int64

	robotsMu sync.Mutex
	robots   map[string]*robotsEntry

	aliasMu sync.Mutex
	aliases map[string][]string // canonical URL → URLs discovered after it was enqueued
}

// source is a configured source with its patterns compiled.
type source struct {
	cfg      Source
	follow   []*regexp.Regexp
	deny     []*regexp.Regexp
	maxDepth int
	ok, bad  atomic.Int64 // successful and failed fetches

	errMu  sync.Mutex
	errors map[string]int64 // failed fetches by reason
}

// fail counts a failed fetch of the source.
func (s *source) fail(reason string) {
	s.bad.Add(1)
	s.errMu.Lock()
	if s.errors == nil {
		s.errors = map[string]int64{}
	}
	s.errors[reason]++
	s.errMu.Unlock()
}

// stats is the source's part of Stats.
func (s *source) stats() SourceStats {
	st := SourceStats{OK: s.ok.Load(), Failed: s.bad.Load(), Errors: map[string]int64{}}
	s.errMu.Lock()
	for k, v := range s.errors {
		st.Errors[k] = v
	}
	s.errMu.Unlock()
	st.Up = !(st.OK == 0 && st.Failed > 0)
	return st
}

// New checks the sources and builds a Crawler. cfg supplies politeness
// and budgets (its zero fields take their defaults); state may be nil (no
// conditional requests).
func New(cfg Config, sources []Source, state State, opt Options) (*Crawler, error) {
	cc := cfg.withDefaults()
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.RetryBase <= 0 {
		opt.RetryBase = 500 * time.Millisecond
	}
	if opt.MaxRetryAfter <= 0 {
		opt.MaxRetryAfter = 2 * time.Minute
	}
	if opt.IdleTimeout <= 0 {
		opt.IdleTimeout = 5 * time.Minute
	}
	c := &Crawler{
		cfg: cc, sources: map[string]*source{}, state: state, opt: opt, log: opt.Logger,
		agent: agentToken(cc.UserAgent), maxBody: cc.MaxBody, timeout: cc.Timeout,
		strip: cc.StripParams, parallel: cc.Parallelism, now: opt.Now,
	}
	var seeds []string
	var errs []error
	for _, s := range sources {
		src := &source{cfg: s, maxDepth: s.MaxDepth}
		if src.maxDepth == 0 {
			src.maxDepth = 2
		}
		for _, p := range s.Follow {
			re, err := regexp.Compile(p)
			if err != nil {
				errs = append(errs, fmt.Errorf("source %s: follow %q: %w", s.Name, p, err))
				continue
			}
			src.follow = append(src.follow, re)
		}
		for _, p := range s.Deny {
			re, err := regexp.Compile(p)
			if err != nil {
				errs = append(errs, fmt.Errorf("source %s: deny %q: %w", s.Name, p, err))
				continue
			}
			src.deny = append(src.deny, re)
		}
		if _, dup := c.sources[s.Name]; dup || s.Name == "" {
			errs = append(errs, fmt.Errorf("source %q: empty or duplicate name", s.Name))
		}
		c.sources[s.Name] = src
		c.order = append(c.order, src)
		for _, l := range [][]string{s.Feeds, s.Sitemaps, s.StartURLs} {
			for _, u := range l {
				if _, err := Canonical(u, nil); err != nil {
					errs = append(errs, fmt.Errorf("source %s: %w", s.Name, err))
				}
				seeds = append(seeds, u)
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	c.guard = newGuard(seeds, cc.AllowHosts, cc.AllowPrivate, opt.Resolver)
	var base http.RoundTripper
	if opt.Client != nil {
		base = opt.Client.Transport
		c.jar = opt.Client.Jar
	}
	if base == nil {
		base = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           c.guard.dialContext(&net.Dialer{Timeout: cc.Timeout, KeepAlive: 30 * time.Second}),
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          256,
			MaxIdleConnsPerHost:   max(cc.Parallelism, 2),
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   cc.Timeout,
			ResponseHeaderTimeout: cc.Timeout,
		}
	}
	c.rt = &transport{base: base, c: c, sems: map[string]chan struct{}{}}
	return c, nil
}

// Stats returns the counters of the current or last crawl.
func (c *Crawler) Stats() Stats {
	st := c.stats.snapshot()
	st.Sources = make(map[string]SourceStats, len(c.order))
	for _, s := range c.order {
		st.Sources[s.cfg.Name] = s.stats()
	}
	return st
}

// ErrAllSourcesFailed is returned by Crawl when no source answered at all.
var ErrAllSourcesFailed = errors.New("every source failed")

// Crawl fetches every source and sends article candidate pages on out (it
// does not close out). A 304 is sent as a Page with NotModified set.
// Per-page failures are logged at debug level and counted in Stats. Crawl
// returns an error when every source failed, when the shared state fails, or
// when ctx ends.
func (c *Crawler) Crawl(ctx context.Context, out chan<- pipeline.Page) error {
	c.stats = counters{}
	c.pages.Store(0)
	c.robots = map[string]*robotsEntry{}
	c.aliases = map[string][]string{}
	for _, s := range c.order {
		s.ok.Store(0)
		s.bad.Store(0)
		s.errMu.Lock()
		s.errors = nil
		s.errMu.Unlock()
	}
	c.shared = c.opt.Shared
	_, local := c.shared.(*memShared)
	if c.shared == nil {
		c.shared = NewMemoryShared()
		local = true
	}
	col := c.newCollector(ctx)
	start := c.now()

	for _, s := range c.order {
		for _, u := range s.cfg.Feeds {
			if err := c.enqueue(ctx, s, u, Task{Kind: KindFeed}); err != nil {
				return err
			}
		}
		for _, u := range s.cfg.Sitemaps {
			if err := c.enqueue(ctx, s, u, Task{Kind: KindSitemap}); err != nil {
				return err
			}
		}
		for _, u := range s.cfg.StartURLs {
			if err := c.enqueue(ctx, s, u, Task{Kind: KindListing}); err != nil {
				return err
			}
		}
	}

	workers := c.opt.Workers
	if workers <= 0 {
		hosts := len(c.guard.sourceHosts)
		workers = min(max(c.parallel*hosts, 1), 64)
	}
	g, gctx := errgroup.WithContext(ctx)
	for range workers {
		g.Go(func() error { return c.work(gctx, col, out, local) })
	}
	err := g.Wait()
	st := c.stats.snapshot()
	c.log.Info("crawl done", "requests", st.Requests, "fetched", st.Fetched, "emitted", st.Emitted,
		"not_modified", st.NotModified, "errors", st.Errors, "duration_seconds", c.now().Sub(start).Round(time.Millisecond).Seconds())
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	failed := 0
	for _, s := range c.order {
		if s.ok.Load() == 0 && s.bad.Load() > 0 {
			failed++
		}
	}
	if failed > 0 && failed == len(c.order) {
		return fmt.Errorf("%w (%d)", ErrAllSourcesFailed, failed) // the caller says crawl
	}
	return nil
}

// work takes tasks until the frontier is empty and no task is in flight.
func (c *Crawler) work(ctx context.Context, col *colly.Collector, out chan<- pipeline.Page, local bool) error {
	poll := 5 * time.Millisecond
	if !local {
		poll = 50 * time.Millisecond
	}
	var idleSince time.Time
	var lastPending int64 = -1
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		t, ok, err := c.shared.Next(ctx)
		if err != nil {
			return fmt.Errorf("crawl frontier: %w", err)
		}
		if !ok {
			p, err := c.shared.Pending(ctx)
			if err != nil {
				return fmt.Errorf("crawl frontier: %w", err)
			}
			if p <= 0 {
				return nil
			}
			if p != lastPending || idleSince.IsZero() {
				lastPending, idleSince = p, time.Now()
			} else if !local && time.Since(idleSince) > c.opt.IdleTimeout {
				c.log.Warn("gave up waiting for tasks held by other crawlers", "pending", p)
				return nil
			}
			if err := sleep(ctx, poll); err != nil {
				return err
			}
			continue
		}
		idleSince = time.Time{}
		perr := c.process(ctx, col, t, out)
		if err := c.shared.Done(context.WithoutCancel(ctx), t); err != nil {
			return fmt.Errorf("crawl frontier: %w", err)
		}
		if perr != nil {
			return perr
		}
	}
}

// enqueue canonicalises raw, applies the host guard and adds a task.
// It returns an error only when the shared state fails.
func (c *Crawler) enqueue(ctx context.Context, s *source, raw string, t Task) error {
	canon, err := Canonical(raw, c.strip)
	if err != nil {
		return nil
	}
	var aliases []string
	if raw != canon {
		aliases = append(aliases, raw)
	}
	if t.Kind == KindArticle {
		if orig, ok := ampOriginal(canon, c.guard.hostAllowed); ok {
			aliases = append(aliases, canon)
			canon = orig
		}
	}
	u, err := url.Parse(canon)
	if err != nil {
		return nil
	}
	if matchAny(s.deny, canon) {
		return nil
	}
	if err := c.guard.check(ctx, u); err != nil {
		if errors.Is(err, errPrivate) {
			c.stats.privateRefused.Add(1)
		} else {
			c.stats.offhostRefused.Add(1)
		}
		c.log.Debug("link refused", "url", canon, "source", s.cfg.Name, "err", err)
		return nil
	}
	t.URL, t.Source, t.Aliases = canon, s.cfg.Name, aliases
	added, err := c.shared.Enqueue(ctx, t)
	if err != nil {
		return fmt.Errorf("crawl frontier: %w", err)
	}
	if !added && len(aliases) > 0 && t.Kind == KindArticle {
		c.aliasMu.Lock()
		c.aliases[canon] = append(c.aliases[canon], aliases...)
		c.aliasMu.Unlock()
	}
	return nil
}

// process handles one task; only a shared-state failure or ctx ending
// returns an error.
func (c *Crawler) process(ctx context.Context, col *colly.Collector, t Task, out chan<- pipeline.Page) error {
	s := c.sources[t.Source]
	if s == nil {
		c.log.Debug("task of unknown source dropped", "url", t.URL, "source", t.Source)
		return nil
	}
	u, err := url.Parse(t.URL)
	if err != nil {
		return nil
	}
	rob := c.robotsFor(col, u)
	if rob.down != "" {
		// The host did not answer for robots.txt: this URL failed, and so
		// does its source if nothing else of it answers.
		c.failed(s, t, &fetchResult{kind: t.Kind, err: rob.err, reason: rob.down})
		return nil
	}
	if !rob.allowed(u) {
		c.stats.robotsDenied.Add(1)
		c.log.Debug("robots.txt disallows", "url", t.URL, "source", t.Source)
		return nil
	}
	if t.Kind == KindListing && t.Depth == 0 && len(s.cfg.Feeds) == 0 && len(s.cfg.Sitemaps) == 0 {
		for _, sm := range rob.sitemaps {
			if err := c.enqueue(ctx, s, sm, Task{Kind: KindSitemap}); err != nil {
				return err
			}
		}
	}
	switch t.Kind {
	case KindFeed:
		return c.doFeed(ctx, col, s, t)
	case KindSitemap:
		return c.doSitemap(ctx, col, s, t)
	case KindListing:
		return c.doListing(ctx, col, s, t)
	case KindArticle:
		return c.doArticle(ctx, col, s, t, out)
	}
	return nil
}

// fetchXML fetches a feed or a sitemap, gunzipped and decoded to UTF-8
// once. A nil result means the fetch failed and was recorded; a decoding
// error comes back with the result for the caller to record.
func (c *Crawler) fetchXML(col *colly.Collector, s *source, t Task) (*fetchResult, []byte, error) {
	res := c.fetch(col, t.Kind, t.URL, nil)
	if c.failed(s, t, res) {
		return nil, nil, nil
	}
	body, err := gunzipIfNeeded(res.body)
	if err == nil {
		body, _, err = DecodeHTML(body, res.header.Get("Content-Type"))
	}
	return res, body, err
}

func (c *Crawler) doFeed(ctx context.Context, col *colly.Collector, s *source, t Task) error {
	res, body, err := c.fetchXML(col, s, t)
	if res == nil {
		return nil
	}
	var items []feedItem
	if err == nil {
		items, err = parseFeed(body)
	}
	if err != nil {
		c.failedParse(s, t, "bad_feed", err)
		return nil
	}
	c.stats.feeds.Add(1)
	s.ok.Add(1)
	for _, it := range items {
		if c.tooOld(it.Date) {
			c.stats.horizonSkipped.Add(1)
			continue
		}
		if err := c.enqueue(ctx, s, resolve(res.final, it.Link), Task{Kind: KindArticle, Depth: 1, HintTitle: it.Title, HintDate: it.Date}); err != nil {
			return err
		}
	}
	return nil
}

func (c *Crawler) doSitemap(ctx context.Context, col *colly.Collector, s *source, t Task) error {
	res, body, err := c.fetchXML(col, s, t)
	if res == nil {
		return nil
	}
	var children, pages []feedItem
	if err == nil {
		children, pages, err = parseSitemap(body)
	}
	if err != nil {
		c.failedParse(s, t, "bad_sitemap", err)
		return nil
	}
	c.stats.sitemaps.Add(1)
	s.ok.Add(1)
	for _, ch := range children {
		if c.tooOld(ch.Date) {
			c.stats.horizonSkipped.Add(1)
			continue
		}
		if err := c.enqueue(ctx, s, resolve(res.final, ch.Link), Task{Kind: KindSitemap}); err != nil {
			return err
		}
	}
	for _, p := range pages {
		if c.tooOld(p.Date) {
			c.stats.horizonSkipped.Add(1)
			continue
		}
		link := resolve(res.final, p.Link)
		if len(s.follow) > 0 && !c.follows(s, link) {
			continue
		}
		if err := c.enqueue(ctx, s, link, Task{Kind: KindArticle, Depth: 1, HintTitle: p.Title, HintDate: p.Date}); err != nil {
			return err
		}
	}
	return nil
}

func (c *Crawler) doListing(ctx context.Context, col *colly.Collector, s *source, t Task) error {
	if !c.budget() {
		return nil
	}
	res := c.fetch(col, KindListing, t.URL, nil)
	if c.failed(s, t, res) {
		return nil
	}
	_, _, pi, ok := c.decodePage(s, t, res)
	if !ok {
		return nil
	}
	c.stats.lists.Add(1)
	s.ok.Add(1)
	return c.discover(ctx, s, t, res.final.Host, pi)
}

// discover enqueues a listing's links: those that follow as article
// candidates, pagination and rel=next as listings while the depth allows.
func (c *Crawler) discover(ctx context.Context, s *source, t Task, finalHost string, pi pageInfo) error {
	for _, l := range pi.links {
		canon, err := Canonical(l, c.strip)
		if err != nil {
			continue
		}
		switch {
		case c.follows(s, canon):
			if err := c.enqueue(ctx, s, l, Task{Kind: KindArticle, Depth: t.Depth + 1}); err != nil {
				return err
			}
		case t.Depth+1 <= s.maxDepth && (slices.Contains(pi.next, l) || isPagination(canon, finalHost)):
			if err := c.enqueue(ctx, s, l, Task{Kind: KindListing, Depth: t.Depth + 1}); err != nil {
				return err
			}
		}
	}
	for _, l := range pi.next {
		if t.Depth+1 <= s.maxDepth && !slices.Contains(pi.links, l) {
			if err := c.enqueue(ctx, s, l, Task{Kind: KindListing, Depth: t.Depth + 1}); err != nil {
				return err
			}
		}
	}
	return nil
}

// follows reports whether a listing link leads to an article: it matches a
// follow pattern (or, with no follow patterns, stays on a source host and is
// not pagination) and no deny pattern.
func (c *Crawler) follows(s *source, canon string) bool {
	if matchAny(s.deny, canon) {
		return false
	}
	if len(s.follow) > 0 {
		return matchAny(s.follow, canon)
	}
	u, err := url.Parse(canon)
	return err == nil && c.guard.hostAllowed(u.Host) && !isPagination(canon, "") && u.Path != "/"
}

func isPagination(canon, host string) bool {
	u, err := url.Parse(canon)
	if err != nil || (host != "" && u.Host != host) {
		return false
	}
	return rePageLink.MatchString(u.Path) || rePageLink.MatchString("?"+u.RawQuery)
}

func (c *Crawler) doArticle(ctx context.Context, col *colly.Collector, s *source, t Task, out chan<- pipeline.Page) error {
	if !c.budget() {
		return nil
	}
	hdr := http.Header{}
	var rec pipeline.CrawlRecord
	if c.state != nil {
		r, found, err := c.state.CrawlState(ctx, t.URL)
		switch {
		case err != nil:
			c.log.Warn("crawl state unavailable; fetching unconditionally", "url", t.URL, "err", err)
		case found:
			rec = r
			if r.ETag != "" {
				hdr.Set("If-None-Match", r.ETag)
			}
			if r.LastModified != "" {
				hdr.Set("If-Modified-Since", r.LastModified)
			}
		}
	}
	res := c.fetch(col, KindArticle, t.URL, hdr)
	now := c.now()
	if res.err == nil && res.status == http.StatusNotModified {
		s.ok.Add(1)
		c.stats.notModified.Add(1)
		pageURL, err := Canonical(res.final.String(), c.strip)
		if err != nil {
			pageURL = t.URL
		}
		p := c.page(s, t, res, pageURL, c.takeAliases(t, pageURL, nil), now)
		p.NotModified = true
		if p.ETag == "" {
			p.ETag = rec.ETag
		}
		if p.LastMod == "" {
			p.LastMod = rec.LastModified
		}
		return c.emit(ctx, out, p)
	}
	if c.failed(s, t, res) {
		return nil
	}
	body, cs, pi, ok := c.decodePage(s, t, res)
	if !ok {
		return nil
	}
	c.stats.fetched.Add(1)
	s.ok.Add(1)

	pageURL, err := Canonical(res.final.String(), c.strip)
	if err != nil {
		pageURL = t.URL
	}
	var extra []string
	if pi.canonical != "" {
		if cu, err := Canonical(pi.canonical, c.strip); err == nil && cu != pageURL {
			if pu, err := url.Parse(cu); err == nil && c.guard.hostAllowed(pu.Host) {
				extra = append(extra, pageURL)
				pageURL = cu
			}
		}
	} else if orig, ok := ampOriginal(pageURL, c.guard.hostAllowed); ok && pi.isAMP {
		extra = append(extra, pageURL)
		pageURL = orig
	}
	if pi.amphtml != "" {
		if au, err := Canonical(pi.amphtml, c.strip); err == nil {
			extra = append(extra, au)
		}
	}
	if first, err := c.shared.Claim(ctx, "page:"+pageURL); err != nil {
		return fmt.Errorf("crawl claim: %w", err)
	} else if !first {
		c.log.Debug("duplicate page", "url", t.URL, "canonical", pageURL)
		return c.duplicate(ctx, out, s, t, res, pageURL, now)
	}
	var class pipeline.Classification
	if c.opt.Classifier != nil {
		cp := c.page(s, t, res, pageURL, nil, now)
		cp.Body = body
		class = c.opt.Classifier.Classify(cp)
		c.stats.classified(string(class.Class))
		c.log.Debug("page classified", "url", pageURL, "source", s.cfg.Name, "class", string(class.Class), "signal", class.Signal)
		if class.Class == pipeline.PageListing {
			// A listing found by a broad follow rule: its links are how
			// the articles are found, as far as the depth allows.
			c.stats.lists.Add(1)
			if t.Depth <= s.maxDepth {
				if err := c.discover(ctx, s, t, res.final.Host, pi); err != nil {
					return err
				}
			}
		}
	}
	if pi.textLen > 0 && (class.Class == "" || class.Class == pipeline.PageArticle) {
		if first, err := c.shared.Claim(ctx, "body:"+pi.textHash); err != nil {
			return fmt.Errorf("crawl claim: %w", err)
		} else if !first {
			c.log.Debug("duplicate body (syndicated copy)", "url", pageURL, "source", s.cfg.Name)
			return c.duplicate(ctx, out, s, t, res, "", now)
		}
	}
	p := c.page(s, t, res, pageURL, c.takeAliases(t, pageURL, extra), now)
	p.Body = body
	p.Class, p.Signal = class.Class, class.Signal
	c.log.Debug("page fetched", "url", pageURL, "charset", cs, "bytes", len(body))
	return c.emit(ctx, out, p)
}

// HeaderDuplicate is set on the NotModified page the crawler emits for a
// fetched URL whose page was already emitted in this run (same canonical URL
// or same main text): its value is "url" or "body".
const HeaderDuplicate = "X-Kozan-Duplicate"

// duplicate handles a page whose canonical URL (dupOf != "") or main text
// was already emitted in this run. Nothing is extracted twice: the fetched
// URL is sent as a NotModified page carrying its validators, so the store
// records it and the next run asks for it conditionally instead of
// downloading it again. When the fetched URL is the emitted one, nothing is sent.
func (c *Crawler) duplicate(ctx context.Context, out chan<- pipeline.Page, s *source, t Task, res *fetchResult, dupOf string, now time.Time) error {
	c.stats.duplicates.Add(1)
	if t.URL == dupOf {
		return nil
	}
	p := c.page(s, t, res, t.URL, nil, now)
	p.NotModified = true
	p.Header = p.Header.Clone()
	if p.Header == nil {
		p.Header = http.Header{}
	}
	kind := "body"
	if dupOf != "" {
		kind = "url"
	}
	p.Header.Set(HeaderDuplicate, kind)
	return c.emit(ctx, out, p)
}

// page builds the Page for an article response.
func (c *Crawler) page(s *source, t Task, res *fetchResult, pageURL string, aliases []string, now time.Time) pipeline.Page {
	p := pipeline.Page{
		URL: pageURL, FetchURL: res.final.String(), Aliases: aliases, Source: s.cfg.Name, Lang: s.cfg.Lang,
		Status: res.status, Header: res.header, FetchedAt: now, Selectors: s.cfg.Selectors,
		HintTitle: t.HintTitle, HintDate: t.HintDate,
	}
	if res.header != nil {
		p.ETag = res.header.Get("ETag")
		p.LastMod = res.header.Get("Last-Modified")
	}
	return p
}

// takeAliases merges the task's aliases, aliases found later, the task URL
// and extra, without pageURL, sorted.
func (c *Crawler) takeAliases(t Task, pageURL string, extra []string) []string {
	c.aliasMu.Lock()
	later := c.aliases[t.URL]
	delete(c.aliases, t.URL)
	c.aliasMu.Unlock()
	all := slices.Concat(t.Aliases, later, extra, []string{t.URL})
	seen := map[string]bool{pageURL: true}
	var out []string
	for _, a := range all {
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	sort.Strings(out)
	return out
}

func (c *Crawler) emit(ctx context.Context, out chan<- pipeline.Page, p pipeline.Page) error {
	select {
	case out <- p:
		c.stats.emitted.Add(1)
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// budget takes one page from max_pages; false when the budget is spent.
func (c *Crawler) budget() bool {
	if c.cfg.MaxPages > 0 && c.pages.Add(1) > int64(c.cfg.MaxPages) {
		c.stats.budgetSkipped.Add(1)
		return false
	}
	return true
}

func (c *Crawler) tooOld(d *time.Time) bool {
	return d != nil && c.cfg.Horizon > 0 && d.Before(c.now().Add(-c.cfg.Horizon))
}

// failed counts and logs a failed fetch; it reports whether res failed.
func (c *Crawler) failed(s *source, t Task, res *fetchResult) bool {
	if res.err == nil && res.status/100 == 2 {
		return false
	}
	reason := res.reason
	if reason == "" {
		reason = statusReason(res.status)
	}
	switch reason {
	case "too_large":
		c.stats.tooLarge.Add(1)
	case "non_html":
		c.stats.nonHTML.Add(1)
	case "offhost_redirect":
		c.stats.offhostRefused.Add(1)
	case "private_address":
		c.stats.privateRefused.Add(1)
	}
	c.stats.fail(reason)
	if reason != "canceled" {
		s.fail(reason)
	}
	level := slog.LevelDebug
	if t.Kind == KindFeed || t.Kind == KindSitemap || (t.Kind == KindListing && t.Depth == 0) {
		level = slog.LevelWarn
	}
	c.log.Log(context.Background(), level, "fetch failed", "url", t.URL, "source", t.Source, "kind", string(t.Kind),
		"reason", reason, "status", res.status, "err", res.err)
	return true
}

func (c *Crawler) failedParse(s *source, t Task, reason string, err error) {
	if reason == "non_html" {
		c.stats.nonHTML.Add(1)
	}
	c.stats.fail(reason)
	s.fail(reason)
	c.log.Debug("page skipped", "url", t.URL, "source", t.Source, "reason", reason, "err", err)
}

func matchAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

func resolve(base *url.URL, ref string) string {
	if base == nil {
		return ref
	}
	u, err := base.Parse(ref)
	if err != nil {
		return ref
	}
	return u.String()
}

// decodePage decodes a fetched HTML body to UTF-8 and parses its links and
// identity. A binary body or unparseable HTML is counted and logged as a
// per-page failure, and ok is false.
func (c *Crawler) decodePage(s *source, t Task, res *fetchResult) (body []byte, charset string, pi pageInfo, ok bool) {
	if looksBinary(res.body) {
		c.failedParse(s, t, "non_html", errors.New("binary body served as HTML"))
		return nil, "", pi, false
	}
	body, charset, err := DecodeHTML(res.body, res.header.Get("Content-Type"))
	if err == nil {
		pi, err = parsePage(body, res.final)
	}
	if err != nil {
		c.failedParse(s, t, "bad_html", err)
		return nil, "", pi, false
	}
	return body, charset, pi, true
}
