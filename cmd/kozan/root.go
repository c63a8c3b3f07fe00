package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"strings"

	"github.com/kozan-dev/kozan/config"
	"github.com/kozan-dev/kozan/extract"
	"github.com/kozan-dev/kozan/index/sqlite"
	"github.com/spf13/cobra"
)

// app holds what commands share: streams, flags, and lazily opened stages.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string

	configPath string
	logLevel   string
	runCommand bool // `kozan run`: a fatal error is logged (JSON when logs are JSON)

	log   *slog.Logger
	cfg   *config.Config
	store *sqlite.Store
	ex    *extract.Extractor
	rules string // the rule set, once named (ruleSet)
	// noIndex builds the extractor without index tokens (commands that
	// store nothing: extract, eval).
	noIndex bool

	statePrefix string // Redis key prefix of the shared state; "" the crawler's default (tests set their own)
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "kozan",
		Short:         "Crawl bitcoin-mining news and extract its AI/HPC deals",
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return a.setupLogger()
		},
	}
	root.PersistentFlags().StringVar(&a.configPath, "config", "", "config file (default kozan.yaml, else the store kozan.db)")
	root.PersistentFlags().StringVar(&a.logLevel, "log-level", "info", "debug, info, warn or error")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(a.runCmd(), a.demoCmd(), a.extractCmd(), a.searchCmd(), a.articlesCmd(),
		a.dealsCmd(), a.exportCmd(), a.reviewCmd(), a.reextractCmd(), a.esCmd(), a.evalCmd(), a.versionCmd())
	return root
}

// isCobraUsage recognises cobra's own errors about how it was called.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "accepts ", "requires at least", "requires exactly", "invalid argument", "required flag", "flag needs an argument"} {
		if strings.HasPrefix(msg, p) || strings.Contains(msg, " "+p) {
			return true
		}
	}
	return false
}

// setupLogger logs JSON when stderr is not a terminal, text otherwise.
func (a *app) setupLogger() error {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(a.logLevel)); err != nil {
		return usageError{fmt.Errorf("--log-level: %w", err)}
	}
	opts := &slog.HandlerOptions{Level: lvl}
	if isTerminal(a.stderr) {
		a.log = slog.New(slog.NewTextHandler(a.stderr, opts))
	} else {
		a.log = slog.New(slog.NewJSONHandler(a.stderr, opts))
	}
	return nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// config loads the config once.
func (a *app) config() (*config.Config, error) {
	if a.cfg != nil {
		return a.cfg, nil
	}
	c, err := config.Load(a.configPath)
	if err != nil {
		return nil, err
	}
	a.cfg = &c
	return a.cfg, nil
}

// openStore opens the store named in the config once.
func (a *app) openStore(ctx context.Context) (*sqlite.Store, error) {
	return a.openStoreShared(ctx, nil)
}

// openStoreShared is openStore for `kozan run` with shared state: the
// store checks new articles against the fingerprints of the other
// processes' stores too.
func (a *app) openStoreShared(ctx context.Context, fps sqlite.SharedFingerprints) (*sqlite.Store, error) {
	if a.store != nil {
		return a.store, nil
	}
	c, err := a.config()
	if err != nil {
		return nil, err
	}
	s, err := sqlite.Open(ctx, c.Store, sqlite.Options{Logger: a.log, NearDuplicateBits: c.NearDuplicateBits,
		KeepHTML: c.HTML.Keeps(), MaxHTML: int64(c.HTML.MaxSize), RuleSet: a.ruleSet(), Fingerprints: fps})
	if err != nil {
		return nil, err
	}
	a.store = s
	return s, nil
}

// readStore opens an existing store read-only, for the commands that only
// read it (search, articles, deals, export, review history): they never
// write to a store or create one, and a store on read-only media works. A
// mistyped path or a run from the wrong directory is an error naming the
// path, not a new empty store.
func (a *app) readStore(ctx context.Context) (*sqlite.Store, error) {
	return a.existingStore(ctx, true)
}

// updateStore opens an existing store for the commands that update it but
// never create it (review import and undo, es sync, reextract).
func (a *app) updateStore(ctx context.Context) (*sqlite.Store, error) {
	return a.existingStore(ctx, false)
}

func (a *app) existingStore(ctx context.Context, readOnly bool) (*sqlite.Store, error) {
	if a.store != nil {
		if a.store.ReadOnly() && !readOnly {
			return nil, errors.New("internal: store opened read-only, then needed for writing")
		}
		return a.store, nil
	}
	c, err := a.config()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(c.Store); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("no store at %s: run `kozan run` first, or pass --config with the right store", c.Store)
		}
		return nil, fmt.Errorf("open store %s: %w", c.Store, err)
	}
	if !readOnly {
		return a.openStore(ctx)
	}
	s, err := sqlite.Open(ctx, c.Store, sqlite.Options{Logger: a.log, ReadOnly: true})
	if err != nil {
		if errors.Is(err, sqlite.ErrNotStore) {
			return nil, fmt.Errorf("%w: run `kozan run` to create the store, or pass --config with the right one", err)
		}
		return nil, err
	}
	a.store = s
	return s, nil
}

// extractor builds the extractor (and its kagome dictionary) once.
func (a *app) extractor() (*extract.Extractor, error) {
	if a.ex != nil {
		return a.ex, nil
	}
	c, err := a.config()
	if err != nil {
		return nil, err
	}
	x, err := extract.New(extract.Config{FXUSD: c.FXUSD, Companies: c.Companies, Rules: c.Rules, NoIndexTokens: a.noIndex})
	if err != nil {
		return nil, fmt.Errorf("extractor: %w", err)
	}
	a.ex = x
	return x, nil
}

func (a *app) close() {
	if a.store != nil {
		if err := a.store.Close(); err != nil && a.log != nil {
			a.log.Error("close store", "err", err)
		}
		a.store = nil
	}
}

var errNoES = errors.New("elasticsearch is not configured (add elasticsearch.addresses to the config)")
