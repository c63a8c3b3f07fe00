package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/kozan-dev/kozan/config"
	"github.com/kozan-dev/kozan/demo"
	"github.com/kozan-dev/kozan/pipeline"
	"github.com/spf13/cobra"
)

func (a *app) demoCmd() *cobra.Command {
	var keep string
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Serve the bundled Japanese and English sample sites on 127.0.0.1, run the whole pipeline, print the deals",
		Long: `demo needs no network and no config: it serves two bundled, fictional news sites
(one Japanese, one English) on loopback, crawls them with the real crawler, extracts
articles and deals, stores them in a temporary SQLite store (or in --keep DIR, which
you can then query with 'kozan --config DIR/kozan.yaml deals|search|export'), and
prints the deals table.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.demo(cmd.Context(), keep)
		},
	}
	cmd.Flags().StringVar(&keep, "keep", "", "keep the store (and a kozan.yaml for it) in this directory")
	return cmd
}

func (a *app) demo(ctx context.Context, keep string) error {
	dir := keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "kozan-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	srv, err := demo.Start(ctx)
	if err != nil {
		return fmt.Errorf("demo sites: %w", err)
	}
	defer srv.Close()

	cfg := config.Defaults()
	cfg.Dir = dir
	cfg.Store = filepath.Join(dir, "kozan.db")
	cfg.Sources = srv.Sources()
	cfg.Crawl.Delay = 20 * time.Millisecond // our own loopback sites: polite, but quick
	cfg.Crawl.Timeout = 10 * time.Second
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("demo config: %w", err)
	}
	a.cfg = &cfg
	rep, err := a.crawlRun(ctx, &cfg, runFlags{timeout: 2 * time.Minute})
	if err != nil {
		return err
	}
	if keep != "" {
		if err := writeDemoConfig(dir); err != nil {
			return err
		}
	}
	store, err := a.openStore(ctx)
	if err != nil {
		return err
	}
	var recs []pipeline.DealRecord
	if err := store.Deals(ctx, pipeline.DealFilter{}, func(r pipeline.DealRecord) error {
		recs = append(recs, r)
		return nil
	}); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "kozan demo: %d pages, %d articles, %d deals (sites %s and %s)\n\n",
		rep.Pages, rep.Articles, len(recs), srv.URL(demo.SiteJA), srv.URL(demo.SiteEN))
	if err := printDeals(a.stdout, recs); err != nil {
		return err
	}
	if keep != "" {
		fmt.Fprintf(a.stdout, "\nstore kept: try  kozan --config %s deals  or  kozan --config %s search 契約\n",
			filepath.Join(dir, "kozan.yaml"), filepath.Join(dir, "kozan.yaml"))
	}
	return nil
}

// writeDemoConfig leaves a kozan.yaml beside a kept demo store so the other
// commands can read it. The demo sites are gone once demo exits, so it
// has no sources.
func writeDemoConfig(dir string) error {
	body := "# written by kozan demo --keep: the store of the demo run\nstore: kozan.db\n"
	return os.WriteFile(filepath.Join(dir, "kozan.yaml"), []byte(body), 0o644)
}
