package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
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
	summaryFile string
}

func (a *app) runCmd() *cobra.Command {
	var f runFlags
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Crawl the configured sources, extract deals, store them (and index them in Elasticsearch)",
		Long: `run crawls every configured source (or those named with --source), extracts and
stores what it finds, and delivers it to Elasticsearch when configured.

It logs a "run started" record first and a "run finished" summary last, and writes
--metrics-file and --summary-file whatever the outcome (except when another run
holds the lock). Exit codes: 0 every source answered; 1 the run failed (bad
config, store unusable, every source failed); 2 usage; 3 some sources failed
(the others' work is stored); 4 cut short by --timeout or a signal (what was
fetched by then is stored); 75 another run holds the lock (nothing was done).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			a.runCommand = true
			return a.runOnce(cmd.Context(), f)
		},
	}
	cmd.Flags().StringArrayVar(&f.sources, "source", nil, "crawl only this source (repeatable)")
	cmd.Flags().IntVar(&f.maxPages, "max-pages", 0, "page budget for this run (default: crawl.max_pages)")
	cmd.Flags().BoolVar(&f.dryRun, "dry-run", false, "crawl and extract, print documents as JSON lines, store nothing")
	cmd.Flags().DurationVar(&f.timeout, "timeout", 0, "run deadline (e.g. 50m); work done by then is kept, exit 4")
	cmd.Flags().StringVar(&f.metricsFile, "metrics-file", "", "write Prometheus textfile metrics here (for node_exporter)")
	cmd.Flags().StringVar(&f.summaryFile, "summary-file", "", "write the run summary here as one JSON object")
	return cmd
}

// Run outcomes, in the summary's "outcome" and the exit code.
const (
	outcomeOK       = "ok"        // every source answered
	outcomePartial  = "partial"   // some sources failed; the others' work is stored
	outcomeCutShort = "cut_short" // --timeout or a signal stopped the crawl; what was fetched is stored
	outcomeFailed   = "failed"    // config, store or every source failed
)

// runReport is the run's summary: the "run finished" record, the
// --summary-file object and the source of the metrics.
type runReport struct {
	Outcome         string    `json:"outcome"`
	ExitCode        int       `json:"exit_code"`
	Error           string    `json:"error,omitempty"`
	StartedAt       time.Time `json:"started_at"`
	FinishedAt      time.Time `json:"finished_at"`
	DurationSeconds float64   `json:"duration_seconds"`
	RuleSet         string    `json:"rule_set"` // the extractor's rule-set version
	DryRun          bool      `json:"dry_run,omitempty"`
	pipeline.Summary
	SourcesDown []string      `json:"sources_down"` // sources none of whose fetches succeeded
	Crawl       crawler.Stats `json:"crawl"`
	ES          *esReport     `json:"es,omitempty"`
	CutShort    bool          `json:"cut_short"`
	Deadline    bool          `json:"deadline_reached"`
	Stopped     bool          `json:"stopped_by_signal"`
}

// exitError is an error with its own exit code. logged: the "run finished"
// record already said it, so main prints nothing more.
type exitError struct {
	code   int
	err    error
	logged bool
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// runOnce is `kozan run`: it logs the start, runs, and reports the outcome
// in every way it was asked to (log record, summary file, metrics file),
// also when the run failed or was cut short.
func (a *app) runOnce(ctx context.Context, f runFlags) error {
	rep := runReport{StartedAt: time.Now().UTC(), DryRun: f.dryRun, RuleSet: a.ruleSet()}
	a.log.Info("run started", "pid", os.Getpid(), "config", a.configPath, "sources", f.sources, "max_pages", f.maxPages,
		"timeout_seconds", f.timeout.Seconds(), "dry_run", f.dryRun, "rule_set", rep.RuleSet, "kozan_version", versionString())
	cfg, err := a.config()
	if err == nil {
		err = a.crawlRun(ctx, cfg, f, &rep)
	}
	if errors.Is(err, errLocked) {
		return err // another run is at work and will report; this one did nothing
	}
	return a.finishRun(&rep, f, err)
}

// finishRun settles the outcome, logs the summary and writes the files.
func (a *app) finishRun(rep *runReport, f runFlags, err error) error {
	rep.FinishedAt = time.Now().UTC()
	rep.DurationSeconds = rep.FinishedAt.Sub(rep.StartedAt).Round(time.Millisecond).Seconds()
	rep.CutShort = rep.Deadline || rep.Stopped
	for _, name := range slices.Sorted(maps.Keys(rep.Crawl.Sources)) {
		if !rep.Crawl.Sources[name].Up {
			rep.SourcesDown = append(rep.SourcesDown, name)
		}
	}
	if rep.SourcesDown == nil {
		rep.SourcesDown = []string{}
	}
	var out error
	switch {
	case err != nil:
		rep.Outcome, rep.ExitCode, rep.Error = outcomeFailed, exitCode(err), err.Error()
		out = &exitError{code: rep.ExitCode, err: err, logged: true}
	case rep.CutShort:
		why := "a signal"
		if rep.Deadline {
			why = fmt.Sprintf("the --timeout deadline (%s)", f.timeout)
		}
		rep.Outcome, rep.ExitCode = outcomeCutShort, exitCutShort
		out = &exitError{code: exitCutShort, logged: true,
			err: fmt.Errorf("run cut short by %s: what was fetched by then is stored", why)}
	case len(rep.SourcesDown) > 0:
		rep.Outcome, rep.ExitCode = outcomePartial, exitPartial
		out = &exitError{code: exitPartial, logged: true,
			err: fmt.Errorf("%d of %d sources failed (%s); the others' work is stored", len(rep.SourcesDown),
				len(rep.Crawl.Sources), downList(rep.Crawl, rep.SourcesDown))}
	default:
		rep.Outcome, rep.ExitCode = outcomeOK, exitOK
	}
	if out != nil && rep.Error == "" {
		rep.Error = out.Error()
	}
	a.logSummary(*rep)
	if f.metricsFile != "" {
		if werr := writeMetrics(f.metricsFile, *rep); werr != nil {
			a.log.Error("metrics file", "path", f.metricsFile, "err", werr)
			if out == nil {
				out = fmt.Errorf("metrics file %s: %w", f.metricsFile, werr)
			}
		}
	}
	if f.summaryFile != "" {
		if werr := writeFile(f.summaryFile, func(w io.Writer) error { return writeJSONLine(w, rep) }); werr != nil {
			a.log.Error("summary file", "path", f.summaryFile, "err", werr)
			if out == nil {
				out = fmt.Errorf("summary file %s: %w", f.summaryFile, werr)
			}
		}
	}
	return out
}

// downList names the down sources with their failure reasons.
func downList(st crawler.Stats, down []string) string {
	var parts []string
	for _, name := range down {
		var rs []string
		errs := st.Sources[name].Errors
		for _, r := range slices.Sorted(maps.Keys(errs)) {
			rs = append(rs, fmt.Sprintf("%s %d", r, errs[r]))
		}
		parts = append(parts, name+": "+strings.Join(rs, ", "))
	}
	return strings.Join(parts, "; ")
}

// crawlRun crawls, extracts and stores (the heart of `kozan run` and `kozan
// demo`), filling rep as it goes so that a failure still reports what was
// done.
func (a *app) crawlRun(ctx context.Context, cfg *config.Config, f runFlags, rep *runReport) error {
	sources, err := pickSources(cfg, f.sources)
	if err != nil {
		return err
	}
	if f.maxPages > 0 {
		cfg.Crawl.MaxPages = f.maxPages
	}
	rep.RuleSet = a.ruleSet()

	// The shared state (scale-out): the crawler's frontier, and the
	// fingerprints the store shares with the other processes' stores.
	var (
		redisState *crawler.RedisShared
		closeState func() error
	)
	defer func() {
		if closeState != nil {
			closeState()
		}
	}()
	connectState := func() error {
		if cfg.State == "" {
			return nil
		}
		var err error
		redisState, closeState, err = crawler.NewRedisShared(ctx, cfg.State, crawler.RedisOptions{Prefix: a.statePrefix})
		if err != nil {
			return fmt.Errorf("state %s: %w", redact(cfg.State), err)
		}
		return nil
	}

	var state crawler.State = emptyState{}
	var store *sqlite.Store
	if f.dryRun {
		// A dry run writes nothing: no store, no lock. An existing store
		// lends its crawl state (conditional GET) read-only.
		if _, err := os.Stat(cfg.Store); err == nil {
			s, err := a.readStore(ctx)
			if err != nil {
				return err
			}
			state = s
		}
		if err := connectState(); err != nil {
			return err
		}
	} else {
		if dir := filepath.Dir(cfg.Store); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("store directory: %w", err)
			}
		}
		lock, err := acquireLock(cfg.Store + ".lock")
		if err != nil {
			return err
		}
		defer lock.release()
		if err := connectState(); err != nil {
			return err
		}
		var fps sqlite.SharedFingerprints
		if redisState != nil {
			fps = redisState
		}
		if store, err = a.openStoreShared(ctx, fps); err != nil {
			return err
		}
		state = store
	}
	x, err := a.extractor()
	if err != nil {
		return err
	}
	var shared crawler.Shared
	if redisState != nil {
		shared = redisState
	}
	cr, err := crawler.New(crawlerConfig(cfg.Crawl), crawlerSources(sources), state, crawler.Options{Logger: a.log, Shared: shared, Classifier: x})
	if err != nil {
		return fmt.Errorf("crawler: %w", err)
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
	rep.Deadline = errors.Is(crawlCtx.Err(), context.DeadlineExceeded) && ctx.Err() == nil
	rep.Stopped = ctx.Err() != nil
	if err != nil {
		return fmt.Errorf("run: %w", err)
	}
	if cfg.Elasticsearch != nil && !f.dryRun && ctx.Err() == nil {
		r := a.syncES(ctx, cfg, store)
		rep.ES = &r
	}
	return nil
}

// emptyState is the crawl state of a dry run without a store: every URL is new.
type emptyState struct{}

func (emptyState) CrawlState(context.Context, string) (pipeline.CrawlRecord, bool, error) {
	return pipeline.CrawlRecord{}, false, nil
}

// stoppable gives the crawler its own context: when it ends (signal,
// deadline) the crawl stops cleanly and the pipeline drains.
type stoppable struct {
	c   pipeline.Crawler
	ctx context.Context
}

func (s stoppable) Crawl(ctx context.Context, out chan<- pipeline.Page) error {
	// The crawler sees a plain cancellation whatever the reason (signal,
	// deadline, pipeline failure), so a fetch cut short counts as canceled,
	// not as a timeout of its source.
	cctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	go func() {
		select {
		case <-ctx.Done():
		case <-s.ctx.Done():
		case <-cctx.Done():
		}
		cancel()
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

// logSummary writes the one "run finished" record: INFO when every source
// answered, WARN when some failed or the run was cut short, ERROR when it
// failed. Durations are in seconds, as in the metrics.
func (a *app) logSummary(r runReport) {
	attrs := []any{"outcome", r.Outcome, "exit_code", r.ExitCode, "started_at", r.StartedAt,
		"duration_seconds", r.DurationSeconds, "rule_set", r.RuleSet,
		"pages", r.Pages, "not_modified", r.NotModified, "articles", r.Articles, "deals", r.Deals,
		"skipped", r.Skipped, "listings", r.Listings, "other", r.Other, "failed", r.Failed, "sources_down", r.SourcesDown, "cut_short", r.CutShort,
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
	if r.Error != "" {
		attrs = append(attrs, "err", r.Error)
	}
	level := slog.LevelInfo
	switch r.Outcome {
	case outcomePartial, outcomeCutShort:
		level = slog.LevelWarn
	case outcomeFailed:
		level = slog.LevelError
	}
	a.log.Log(context.Background(), level, "run finished", attrs...)
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
	return es.New(esConfig(*cfg.Elasticsearch), es.Options{Logger: a.log, Getenv: a.getenv, Tokenize: x.Tokens, Canonical: x.Canonical})
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
