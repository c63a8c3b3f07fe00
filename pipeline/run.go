package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

// Crawler produces pages. It sends on out (selecting on ctx.Done) and returns
// when it has nothing more to fetch; Run closes out after Crawl returns.
// A per-page failure is the crawler's to log and count; an error returned
// from Crawl ends the run.
type Crawler interface {
	Crawl(ctx context.Context, out chan<- Page) error
}

// Extractor turns a page into a document. An error wrapping a *SkipError means
// the page holds no article (a listing, a 404 page); any other error is an
// item error: counted, logged once, and the run goes on.
type Extractor interface {
	Extract(ctx context.Context, p Page) (Document, error)
}

// Sink stores results. It is called from a single goroutine. An error from
// Put is an infrastructure failure and ends the run.
type Sink interface {
	Put(ctx context.Context, r Result) error
}

// SkipError says a page holds no article, and why. Class is what the page
// is instead (PageOther when unset).
type SkipError struct {
	Reason string
	Class  PageClass
}

func (e *SkipError) Error() string { return "not an article: " + e.Reason }

// Skip returns a *SkipError with the reason, for a page of class other.
func Skip(reason string) error { return &SkipError{Reason: reason, Class: PageOther} }

// SkipClass returns a *SkipError for a page classified as class by signal;
// its reason is "class:signal".
func SkipClass(c Classification) error {
	return &SkipError{Reason: string(c.Class) + ":" + c.Signal, Class: c.Class}
}

// RunConfig tunes Run. The zero value works.
type RunConfig struct {
	Workers int          // extraction workers; default 2
	Buffer  int          // capacity of each channel; default 16
	Logger  *slog.Logger // default slog.Default()
}

// Summary counts what a run did.
type Summary struct {
	Pages       int64 `json:"pages"`        // pages the crawler produced
	NotModified int64 `json:"not_modified"` // 304s: nothing to extract
	Articles    int64 `json:"articles"`     // documents stored
	Deals       int64 `json:"deals"`        // deals in those documents
	Skipped     int64 `json:"skipped"`      // pages that hold no article
	Listings    int64 `json:"listings"`     // skipped pages that are listings (home, section, tag, pagination…)
	Other       int64 `json:"other"`        // skipped pages that are neither (about, legal, errors, too short…)
	Failed      int64 `json:"failed"`       // item errors in extraction
}

// Run crawls, extracts and stores until the crawler is done or ctx ends.
// Stages are joined by bounded channels; every send selects on ctx.Done.
func Run(ctx context.Context, cfg RunConfig, c Crawler, x Extractor, s Sink) (Summary, error) {
	if cfg.Workers <= 0 {
		cfg.Workers = 2
	}
	if cfg.Buffer <= 0 {
		cfg.Buffer = 16
	}
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	var sum struct{ pages, notMod, articles, deals, skipped, listings, other, failed atomic.Int64 }

	g, ctx := errgroup.WithContext(ctx)
	pages := make(chan Page, cfg.Buffer)
	results := make(chan Result, cfg.Buffer)

	g.Go(func() error {
		defer close(pages)
		if err := c.Crawl(ctx, pages); err != nil {
			return fmt.Errorf("crawl: %w", err)
		}
		return nil
	})

	var workers errgroup.Group
	for range cfg.Workers {
		workers.Go(func() error {
			for p := range pages {
				sum.pages.Add(1)
				r := Result{Page: p}
				switch {
				case p.NotModified:
					sum.notMod.Add(1)
					r.Skip = "not_modified"
				default:
					doc, err := x.Extract(ctx, p)
					var skip *SkipError
					switch {
					case err == nil:
						r.Doc = &doc
					case errors.As(err, &skip):
						sum.skipped.Add(1)
						class := skip.Class
						if class == "" {
							class = PageOther
						}
						if class == PageListing {
							sum.listings.Add(1)
						} else {
							sum.other.Add(1)
						}
						r.Skip = skip.Reason
						log.Debug("page skipped", "url", p.URL, "source", p.Source, "class", string(class), "reason", skip.Reason)
					case ctx.Err() != nil:
						return ctx.Err()
					default:
						sum.failed.Add(1)
						r.Skip = "error: " + err.Error()
						log.Warn("extract failed", "url", p.URL, "source", p.Source, "err", err)
					}
				}
				select {
				case results <- r:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	}
	g.Go(func() error {
		defer close(results)
		return workers.Wait()
	})

	g.Go(func() error {
		for r := range results {
			if err := s.Put(ctx, r); err != nil {
				return fmt.Errorf("store %s: %w", r.Page.URL, err)
			}
			if r.Doc != nil {
				sum.articles.Add(1)
				sum.deals.Add(int64(len(r.Doc.Deals)))
			}
		}
		return nil
	})

	err := g.Wait()
	out := Summary{
		Pages: sum.pages.Load(), NotModified: sum.notMod.Load(), Articles: sum.articles.Load(),
		Deals: sum.deals.Load(), Skipped: sum.skipped.Load(), Listings: sum.listings.Load(), Other: sum.other.Load(),
		Failed: sum.failed.Load(),
	}
	return out, err
}
