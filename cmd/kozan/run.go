package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/kozan-dev/kozan/config"
	"github.com/kozan-dev/kozan/crawler"
	"github.com/kozan-dev/kozan/index/es"
	"github.com/kozan-dev/kozan/index/sqlite"
	"github.com/kozan-dev/kozan/pipeline"
	"github.com/spf13/cobra"
)

type runFlags struct {
	sources     []string
	maxPages    int
	dryRun      bool
	timeout     time.Duration
	metricsFile string
}

func (a *app) runCmd() *cobra.Command {
	var f runFlags
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Crawl the configured sources, extract deals, store them (and index them in Elasticsearch)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := a.config()
			if err != nil {
				return err
			}
			_, err = a.crawlRun(cmd.Context(), cfg, f)
			return err
		},
	}
	cmd.Flags().StringArrayVar(&f.sources, "source", nil, "crawl only this source (repeatable)")
	cmd.Flags().IntVar(&f.maxPages, "max-pages", 0, "page budget for this run (default: crawl.max_pages)")
	cmd.Flags().BoolVar(&f.dryRun, "dry-run", false, "crawl and extract, print documents as JSON lines, store nothing")
	cmd.Flags().DurationVar(&f.timeout, "timeout", 0, "run deadline (e.g. 50m); work done by then is kept")
	cmd.Flags().StringVar(&f.metricsFile, "metrics-file", "", "write Prometheus textfile metrics here (for node_exporter)")
	return cmd
}

// runReport is the run's summary record.
type runReport struct {
	pipeline.Summary
	Crawl    crawler.Stats `json:"crawl"`
	ES       *esReport     `json:"es,omitempty"`
	Duration time.Duration `json:"-"`
	Deadline bool          `json:"deadline_reached"`
	Stopped  bool          `json:"stopped_by_signal"`
}

// crawlRun is `kozan run` (and the heart of `kozan demo`).
func (a *app) crawlRun(ctx context.Context, cfg *config.Config, f runFlags) (runReport, error) {
	var rep runReport
	sources, err := pickSources(cfg, f.sources)
	if err != nil {
		return rep, err
	}
	if f.maxPages > 0 {
		cfg.Crawl.MaxPages = f.maxPages
	}
	start := time.Now()

	if dir := filepath.Dir(cfg.Store); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return rep, fmt.Errorf("store directory: %w", err)
		}
	}
	lock, err := acquireLock(cfg.Store + ".lock")
	if err != nil {
		return rep, err
	}
	defer lock.release()

	store, err := a.openStore(ctx)
	if err != nil {
		return rep, err
	}
	x, err := a.extractor()
	if err != nil {
		return rep, err
	}
	var shared crawler.Shared
	if cfg.State != "" {
		var closeShared func() error
		shared, closeShared, err = crawler.NewRedisShared(ctx, cfg.State, crawler.RedisOptions{})
		if err != nil {
			return rep, fmt.Errorf("state %s: %w", redact(cfg.State), err)
		}
		defer closeShared()
	}
	cr, err := crawler.New(*cfg, sources, store, crawler.Options{Logger: a.log, Shared: shared, Classifier: x})
	if err != nil {
		return rep, fmt.Errorf("crawler: %w", err)
	}

	// The crawler stops at a signal or the deadline; the stages behind it
	// finish what is in flight and commit it (work context is not cancelled).
	crawlCtx := ctx
	if f.timeout > 0 {
		var cancel context.CancelFunc
		crawlCtx, cancel = context.WithTimeout(ctx, f.timeout)
		defer cancel()
	}
	workCtx := context.WithoutCancel(ctx)
	var sink pipeline.Sink = store
	if f.dryRun {
		sink = &printSink{w: a.stdout}
	}
	progress := a.startProgress(cr)
	sum, err := pipeline.Run(workCtx, pipeline.RunConfig{Workers: runtime.NumCPU(), Logger: a.log},
		stoppable{cr, crawlCtx}, x, sink)
	progress()
	rep.Summary, rep.Crawl = sum, cr.Stats()
	rep.Deadline = errors.Is(crawlCtx.Err(), context.DeadlineExceeded)
	rep.Stopped = ctx.Err() != nil
	if err != nil {
		return rep, fmt.Errorf("run: %w", err)
	}
	if cfg.Elasticsearch != nil && !f.dryRun && ctx.Err() == nil {
		r := a.syncES(ctx, cfg, store)
		rep.ES = &r
	}
	rep.Duration = time.Since(start)
	a.logSummary(rep)
	if f.metricsFile != "" {
		if err := writeMetrics(f.metricsFile, rep); err != nil {
			a.log.Error("metrics file", "path", f.metricsFile, "err", err)
		}
	}
	return rep, nil
}

// stoppable gives the crawler its own context: when it ends (signal,
// deadline) the crawl stops cleanly and the pipeline drains.
type stoppable struct {
	c   pipeline.Crawler
	ctx context.Context
}

func (s stoppable) Crawl(ctx context.Context, out chan<- pipeline.Page) error {
	cctx, cancel := context.WithCancel(s.ctx)
	defer cancel()
	go func() {
		select {
		case <-ctx.Done():
			cancel()
		case <-cctx.Done():
		}
	}()
	err := s.c.Crawl(cctx, out)
	if err != nil && s.ctx.Err() != nil && ctx.Err() == nil {
		return nil // stopped on purpose: what was fetched is processed and kept
	}
	return err
}

func pickSources(cfg *config.Config, names []string) ([]config.Source, error) {
	if len(cfg.Sources) == 0 {
		return nil, errors.New("no sources configured: add a sources list to the config (see deploy/sources.yaml)")
	}
	if len(names) == 0 {
		return cfg.Sources, nil
	}
	var out []config.Source
	for _, n := range names {
		s, ok := cfg.Source(n)
		if !ok {
			var all []string
			for _, s := range cfg.Sources {
				all = append(all, s.Name)
			}
			return nil, usageError{fmt.Errorf("--source %q: no such source (have %s)", n, strings.Join(all, ", "))}
		}
		out = append(out, s)
	}
	return out, nil
}

func (a *app) logSummary(r runReport) {
	attrs := []any{"pages", r.Pages, "not_modified", r.NotModified, "articles", r.Articles, "deals", r.Deals,
		"skipped", r.Skipped, "listings", r.Listings, "other", r.Other, "failed", r.Failed, "duration", r.Duration.Round(time.Millisecond).String(),
		"crawl", r.Crawl}
	if r.ES != nil {
		attrs = append(attrs, "es_indexed", r.ES.Indexed, "es_retried", r.ES.Retried, "es_failed", r.ES.Failed, "es_pending", r.ES.Pending)
		if r.ES.Err != "" {
			attrs = append(attrs, "es_err", r.ES.Err)
		}
	}
	if r.Deadline {
		attrs = append(attrs, "deadline_reached", true)
	}
	if r.Stopped {
		attrs = append(attrs, "stopped_by_signal", true)
	}
	a.log.Info("run finished", attrs...)
}

// printSink is the --dry-run sink: documents go to stdout, nothing is stored.
type printSink struct {
	mu sync.Mutex
	w  interface{ Write([]byte) (int, error) }
}

func (p *printSink) Put(_ context.Context, r pipeline.Result) error {
	if r.Doc == nil {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	b, err := json.Marshal(r.Doc)
	if err != nil {
		return err
	}
	_, err = p.w.Write(append(b, '\n'))
	return err
}

// startProgress draws a one-line progress display when stderr is a terminal;
// the returned func stops it.
func (a *app) startProgress(cr *crawler.Crawler) func() {
	if !isTerminal(a.stderr) {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(500 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				fmt.Fprint(a.stderr, "\r\033[K")
				return
			case <-t.C:
				s := cr.Stats()
				fmt.Fprintf(a.stderr, "\r\033[Kcrawling: %d requests, %d pages fetched, %d not modified, %d sent to extraction", s.Requests, s.Fetched, s.NotModified, s.Emitted)
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

func redact(u string) string {
	if i := strings.Index(u, "@"); i >= 0 {
		if j := strings.Index(u, "://"); j >= 0 && j < i {
			return u[:j+3] + "…" + u[i:]
		}
	}
	return u
}

// esReport is what an outbox sync did.
type esReport struct {
	Indexed int    `json:"indexed"`
	Retried int    `json:"retried"`
	Failed  int    `json:"failed"`
	Pending int    `json:"pending"`
	Err     string `json:"err,omitempty"`
}

// syncES delivers the store's outbox to Elasticsearch. An outage is not a
// failure of the run: what was not acknowledged stays pending for next time.
func (a *app) syncES(ctx context.Context, cfg *config.Config, store *sqlite.Store) esReport {
	var r esReport
	client, err := a.esClient(cfg)
	if err == nil {
		err = deliverOutbox(ctx, a.log, store, client, &r)
	}
	if err != nil {
		r.Err = err.Error()
		a.log.Warn("elasticsearch sync incomplete; pending documents stay in the outbox", "err", err)
	}
	if n, err := store.OutboxLen(ctx); err == nil {
		r.Pending = n
	}
	return r
}

func (a *app) esClient(cfg *config.Config) (*es.Client, error) {
	if cfg.Elasticsearch == nil {
		return nil, errNoES
	}
	x, err := a.extractor()
	if err != nil {
		return nil, err
	}
	return es.New(*cfg.Elasticsearch, es.Options{Logger: a.log, Getenv: a.getenv, Tokenize: x.Tokens})
}

// deliverOutbox sends the outbox in batches until it is empty or a batch
// makes no progress.
func deliverOutbox(ctx context.Context, log *slog.Logger, store *sqlite.Store, client *es.Client, r *esReport) error {
	for {
		items, err := store.Outbox(ctx, 500)
		if err != nil {
			return fmt.Errorf("read outbox: %w", err)
		}
		if len(items) == 0 {
			return nil
		}
		rep, err := client.Index(ctx, items)
		r.Indexed += rep.Indexed
		r.Retried += rep.Retried
		r.Failed += rep.Failed
		for _, e := range rep.Errors {
			log.Warn("elasticsearch refused a document", "err", e)
		}
		// A document ES refuses with a 4xx (mapping, malformed) will be refused
		// again: it leaves the outbox (logged above; the store still holds it),
		// so it cannot block delivery of everything behind it.
		done := append(append([]int64{}, rep.Acked...), rep.Rejected...)
		if len(done) > 0 {
			if aerr := store.Ack(ctx, done); aerr != nil {
				return fmt.Errorf("ack outbox: %w", aerr)
			}
		}
		if err != nil {
			return err
		}
		if len(done) == 0 {
			return fmt.Errorf("no progress: %d documents not acknowledged: %s", rep.Failed, strings.Join(first(rep.Errors, 3), "; "))
		}
	}
}

func first(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
