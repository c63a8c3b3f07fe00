package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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
	} else {
		if err := prepareDemoDir(dir); err != nil {
			return err
		}
		// The config first: it marks the directory as a demo's, also when
		// the run is interrupted.
		if err := writeDemoConfig(dir); err != nil {
			return err
		}
	}
	srv, err := demo.Start(ctx)
	if err != nil {
		return fmt.Errorf("demo sites: %w", err)
	}
	defer srv.Close()

	cfg := config.Defaults()
	cfg.Dir = dir
	cfg.Store = filepath.Join(dir, "kozan.db")
	cfg.Sources = configSources(srv.Sources())
	cfg.Crawl.Delay = 20 * time.Millisecond // our own loopback sites: polite, but quick
	cfg.Crawl.Timeout = 10 * time.Second
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("demo config: %w", err)
	}
	a.cfg = &cfg
	var rep runReport
	if err := a.crawlRun(ctx, &cfg, runFlags{timeout: 2 * time.Minute}, &rep); err != nil {
		return err
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

// demoMarker begins the kozan.yaml a kept demo writes; it is how a later
// demo knows the directory is a demo's.
const demoMarker = "# written by kozan demo --keep"

// writeDemoConfig leaves a kozan.yaml beside a kept demo store so the other
// commands can read it. The demo sites are gone once demo exits, so it
// has no sources.
func writeDemoConfig(dir string) error {
	body := demoMarker + ": the store of the demo run\nstore: kozan.db\n"
	if err := os.WriteFile(filepath.Join(dir, "kozan.yaml"), []byte(body), 0o644); err != nil {
		return fmt.Errorf("demo --keep: %w", err)
	}
	return nil
}

// demoFiles are the files a kept demo leaves.
var demoFiles = map[string]bool{"kozan.yaml": true, "kozan.db": true, "kozan.db-wal": true,
	"kozan.db-shm": true, "kozan.db-journal": true, "kozan.db.lock": true}

// prepareDemoDir makes dir ready for a kept demo: it is created when
// missing; an empty directory is used as it is; a previous demo's directory
// (its kozan.yaml carries demoMarker, and it holds nothing but demo files)
// has its old store removed, since the new run serves the sites on new
// ports. Anything else is refused, naming what is in the way: demo never
// writes its fictional deals into a real store or replaces a real config.
func prepareDemoDir(dir string) error {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return fmt.Errorf("demo --keep %s: %w", dir, err)
	}
	if len(ents) == 0 {
		return nil
	}
	var foreign []string
	for _, e := range ents {
		if !demoFiles[e.Name()] || !e.Type().IsRegular() {
			foreign = append(foreign, e.Name())
		}
	}
	cfg, err := os.ReadFile(filepath.Join(dir, "kozan.yaml"))
	switch {
	case len(foreign) > 0:
		if len(foreign) > 5 {
			foreign = append(foreign[:5], "…")
		}
		return fmt.Errorf("demo --keep %s: the directory holds files that are not a previous demo's (%s); "+
			"choose a new or empty directory", dir, strings.Join(foreign, ", "))
	case err != nil:
		return fmt.Errorf("demo --keep %s: the directory holds a store but no demo kozan.yaml: it may be a real store; "+
			"choose a new or empty directory", dir)
	case !bytes.HasPrefix(cfg, []byte(demoMarker)):
		return fmt.Errorf("demo --keep %s: its kozan.yaml was not written by kozan demo: it may be a real config and store; "+
			"choose a new or empty directory", dir)
	}
	for name := range demoFiles {
		if name == "kozan.yaml" {
			continue
		}
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("demo --keep %s: remove the previous demo's store: %w", dir, err)
		}
	}
	return nil
}
