package crawler

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gocolly/colly/v2"
)

// hdrOrigCT carries the response's Content-Type past colly, which would
// otherwise decode a declared charset itself (and miss <meta charset>).
const hdrOrigCT = "X-Kozan-Content-Type"

var (
	errTooManyRedirects = errors.New("too many redirects")
	errRedirectLoop     = errors.New("redirect loop")
)

// fetchResult is what one colly request produced.
type fetchResult struct {
	kind   TaskKind
	status int
	header http.Header
	body   []byte
	final  *url.URL // URL after redirects
	err    error
	reason string // why the fetch failed or was refused, for Stats.Errors
}

// newCollector builds the colly collector for one crawl. colly performs the
// request, reads the body up to max_body+1 bytes (so an oversized body is
// detected, not silently truncated) and un-gzips .xml.gz; robots.txt,
// revisits and charsets are kozan's.
func (c *Crawler) newCollector(ctx context.Context) *colly.Collector {
	col := colly.NewCollector(
		colly.UserAgent(c.cfg.UserAgent),
		colly.StdlibContext(ctx),
		colly.AllowURLRevisit(),
		colly.IgnoreRobotsTxt(),
		colly.ParseHTTPErrorResponse(),
		colly.MaxBodySize(int(c.maxBody)+1),
	)
	col.SetClient(&http.Client{Transport: c.rt, Jar: c.jar})
	col.SetRedirectHandler(func(req *http.Request, via []*http.Request) error {
		if len(via) > c.cfg.MaxRedirects {
			return fmt.Errorf("%w (%d)", errTooManyRedirects, len(via))
		}
		to, _ := Canonical(req.URL.String(), nil)
		for _, v := range via {
			if from, _ := Canonical(v.URL.String(), nil); from == to {
				return fmt.Errorf("%w at %s", errRedirectLoop, to)
			}
		}
		if err := c.guard.check(req.Context(), req.URL); err != nil {
			return err
		}
		c.stats.redirects.Add(1)
		return nil
	})
	col.OnResponseHeaders(func(r *colly.Response) {
		res, _ := r.Ctx.GetAny("r").(*fetchResult)
		if res == nil {
			return
		}
		if n, err := strconv.ParseInt(r.Headers.Get("Content-Length"), 10, 64); err == nil && n > c.maxBody {
			res.reason = "too_large"
			r.Request.Abort()
			return
		}
		if r.StatusCode/100 == 2 && (res.kind == KindArticle || res.kind == KindListing) && !htmlType(r.Headers.Get(hdrOrigCT)) {
			res.reason = "non_html"
			r.Request.Abort()
		}
	})
	col.OnResponse(func(r *colly.Response) {
		res, _ := r.Ctx.GetAny("r").(*fetchResult)
		if res == nil {
			return
		}
		res.status = r.StatusCode
		res.body = r.Body
		res.final = r.Request.URL
		h := r.Headers.Clone()
		if ct := h.Get(hdrOrigCT); ct != "" {
			h.Set("Content-Type", ct)
		}
		h.Del(hdrOrigCT)
		res.header = h
	})
	col.OnError(func(r *colly.Response, err error) {
		res, _ := r.Ctx.GetAny("r").(*fetchResult)
		if res == nil {
			return
		}
		res.err = err
		if r.StatusCode != 0 {
			res.status = r.StatusCode
		}
	})
	return col
}

// fetch requests u with the collector and classifies the outcome.
func (c *Crawler) fetch(col *colly.Collector, kind TaskKind, u string, hdr http.Header) *fetchResult {
	res := &fetchResult{kind: kind}
	cctx := colly.NewContext()
	cctx.Put("r", res)
	if hdr == nil {
		hdr = http.Header{}
	}
	hdr.Set("User-Agent", c.cfg.UserAgent)
	if kind == KindArticle || kind == KindListing {
		hdr.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
	} else {
		hdr.Set("Accept", "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5")
	}
	err := col.Request(http.MethodGet, u, nil, cctx, hdr)
	if res.err == nil {
		res.err = err
	}
	switch {
	case res.reason != "":
		if res.err == nil {
			res.err = errors.New(strings.ReplaceAll(res.reason, "_", " "))
		}
	case res.err != nil:
		res.reason = errReason(res.err)
	case res.status != http.StatusNotModified && len(res.body) > int(c.maxBody):
		res.reason = "too_large"
		res.err = fmt.Errorf("body over %d bytes", c.maxBody)
	case res.status >= 400:
		res.reason = statusReason(res.status)
		res.err = fmt.Errorf("http %d", res.status)
	}
	if res.final == nil {
		res.final, _ = url.Parse(u)
	}
	return res
}

func statusReason(code int) string {
	switch {
	case code == 404 || code == 410 || code == 429:
		return "status_" + strconv.Itoa(code)
	case code >= 500:
		return "status_5xx"
	default:
		return "status_4xx"
	}
}

func errReason(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, errRedirectLoop):
		return "redirect_loop"
	case errors.Is(err, errTooManyRedirects):
		return "too_many_redirects"
	case errors.Is(err, errOffHost):
		return "offhost_redirect"
	case errors.Is(err, errPrivate):
		return "private_address"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection_refused"
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		return "host_unreachable"
	case errors.As(err, new(*net.DNSError)):
		return "dns"
	default:
		return "transport"
	}
}

// htmlType reports whether a Content-Type may hold an HTML page. An empty
// type is sniffed later.
func htmlType(ct string) bool {
	if ct == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return true
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// transport wraps the base RoundTripper with per-host parallelism and delay
// (shared through Shared.HostSlot), a per-attempt timeout, and bounded
// retries with exponential backoff and jitter on 5xx, 429 (Retry-After
// honoured) and transport errors.
type transport struct {
	base http.RoundTripper
	c    *Crawler

	mu   sync.Mutex
	sems map[string]chan struct{}
}

func (t *transport) sem(host string) chan struct{} {
	t.mu.Lock()
	defer t.mu.Unlock()
	s, ok := t.sems[host]
	if !ok {
		s = make(chan struct{}, t.c.parallel)
		t.sems[host] = s
	}
	return s
}

// RoundTrip implements http.RoundTripper.
func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	host := req.URL.Host
	sem := t.sem(host)
	for attempt := 0; ; attempt++ {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if err := t.slot(ctx, host); err != nil {
			<-sem
			return nil, err
		}
		actx, cancel := context.WithTimeout(ctx, t.c.timeout)
		t.c.stats.requests.Add(1)
		resp, err := t.base.RoundTrip(req.WithContext(actx))
		retryWait, retry := t.retryable(resp, err, attempt)
		if !retry || ctx.Err() != nil {
			if err != nil {
				cancel()
				<-sem
				return nil, err
			}
			if ct := resp.Header.Get("Content-Type"); ct != "" {
				resp.Header.Set(hdrOrigCT, ct)
				if mt, _, perr := mime.ParseMediaType(ct); perr == nil {
					resp.Header.Set("Content-Type", mt)
				}
			}
			resp.Body = &releaseBody{ReadCloser: resp.Body, release: func() { cancel(); <-sem }}
			return resp, nil
		}
		if resp != nil {
			_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
			resp.Body.Close()
		}
		cancel()
		<-sem
		t.c.stats.retries.Add(1)
		t.c.log.Debug("retrying", "url", req.URL.String(), "attempt", attempt+1, "wait", retryWait, "err", err)
		if err := sleep(ctx, retryWait); err != nil {
			return nil, err
		}
	}
}

// slot waits until the host's politeness delay allows a request.
func (t *transport) slot(ctx context.Context, host string) error {
	for {
		wait, err := t.c.shared.HostSlot(ctx, host, t.c.hostDelay(host))
		if err != nil {
			return fmt.Errorf("host slot %s: %w", host, err)
		}
		if wait <= 0 {
			return nil
		}
		if err := sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// retryable says whether an attempt should be repeated, and after how long.
func (t *transport) retryable(resp *http.Response, err error, attempt int) (time.Duration, bool) {
	if attempt >= t.c.cfg.Retries || req0Method(resp) {
		return 0, false
	}
	backoff := t.c.opt.RetryBase << attempt
	backoff += time.Duration(rand.Int64N(int64(backoff)/2 + 1))
	if backoff > 30*time.Second {
		backoff = 30 * time.Second
	}
	if err != nil {
		return backoff, !errors.Is(err, context.Canceled)
	}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable:
		if ra, ok := retryAfter(resp.Header.Get("Retry-After"), t.c.now()); ok {
			if ra > t.c.opt.MaxRetryAfter {
				return 0, false
			}
			return max(ra, backoff/4), true
		}
		return backoff, true
	case resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented:
		return backoff, true
	}
	return 0, false
}

func req0Method(resp *http.Response) bool {
	return resp != nil && resp.Request != nil && resp.Request.Method != http.MethodGet
}

// retryAfter parses a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// releaseBody runs release once when the body is closed.
type releaseBody struct {
	io.ReadCloser
	once    sync.Once
	release func()
}

func (b *releaseBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.release)
	return err
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
