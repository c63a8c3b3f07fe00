package main

import (
	"context"
	"fmt"
	"time"

	"github.com/kozan-dev/kozan/index/sqlite"
	"github.com/kozan-dev/kozan/pipeline"
	"github.com/spf13/cobra"
)

func (a *app) reextractCmd() *cobra.Command {
	var since, source string
	var all bool
	cmd := &cobra.Command{
		Use:   "reextract [--since D] [--source S] [--all]",
		Short: "Run the current extraction rules over the stored HTML of articles",
		Long: `reextract runs this kozan's extractor over the HTML the store kept of each article
(html.keep in the config; on by default), without fetching anything. New deals are
added (pending review); deals the text no longer supports are superseded (hidden
from deals, export and search, and from Elasticsearch after the next sync); deals
that stay keep their reviews.

By default only articles last extracted with another rule set are done ('kozan
version' names this one); --all does every article. Articles stored before kozan
kept HTML, or whose page was over html.max_size, cannot be re-extracted.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			f := sqlite.PageFilter{Source: source}
			if since != "" {
				t, err := parseWhen(since, time.Now())
				if err != nil {
					return usageError{fmt.Errorf("--since: %w", err)}
				}
				f.Since = t
			}
			return a.reextract(ctx, f, all)
		},
	}
	cmd.Flags().StringVar(&since, "since", "", "only articles fetched since (2026-11-01, or a duration like 7d)")
	cmd.Flags().StringVar(&source, "source", "", "only articles of this source")
	cmd.Flags().BoolVar(&all, "all", false, "also articles already extracted with this rule set")
	return cmd
}

// reextractReport is what a reextract did.
type reextractReport struct {
	RuleSet    string `json:"rule_set"`
	Pages      int    `json:"pages"`     // stored pages looked at
	Skipped    int    `json:"skipped"`   // already extracted with this rule set
	Extracted  int    `json:"extracted"` // pages run through the extractor
	Failed     int    `json:"failed"`    // pages the extractor failed on
	DealsAdded int    `json:"deals_added"`
	Superseded int    `json:"superseded"`
}

func (a *app) reextract(ctx context.Context, f sqlite.PageFilter, all bool) error {
	cfg, err := a.config()
	if err != nil {
		return err
	}
	if _, err := a.updateStore(ctx); err != nil {
		return err
	}
	lock, err := acquireLock(cfg.Store + ".lock") // a run and a reextract do not write at once
	if err != nil {
		return err
	}
	defer lock.release()
	s := a.store
	x, err := a.extractor()
	if err != nil {
		return err
	}
	rep := reextractReport{RuleSet: a.ruleSet()}
	before, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	err = s.Pages(ctx, f, func(sp sqlite.StoredPage) error {
		rep.Pages++
		if !all && sp.RuleSet == rep.RuleSet {
			rep.Skipped++
			return nil
		}
		p := sp.Page
		if src, ok := cfg.Source(p.Source); ok {
			p.Selectors = pipeline.Selectors(src.Selectors)
		}
		doc, err := x.Extract(ctx, p)
		if err != nil {
			rep.Failed++
			a.log.Warn("reextract failed", "url", p.URL, "err", err)
			return nil
		}
		rep.Extracted++
		return s.Put(ctx, pipeline.Result{Page: p, Doc: &doc})
	})
	if err != nil {
		return fmt.Errorf("reextract: %w", err)
	}
	after, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	rep.Superseded = after.Superseded - before.Superseded
	rep.DealsAdded = (after.Deals + after.MergedDeals + after.Superseded) - (before.Deals + before.MergedDeals + before.Superseded)
	fmt.Fprintf(a.stdout, "reextract with rule set %s: %d stored pages, %d re-extracted, %d already current, %d failed; %d deals added, %d superseded\n",
		rep.RuleSet, rep.Pages, rep.Extracted, rep.Skipped, rep.Failed, rep.DealsAdded, rep.Superseded)
	if rep.Pages == 0 {
		fmt.Fprintln(a.stdout, "no stored HTML: articles fetched before kozan kept HTML (or with html.keep: false) need `kozan run` to fetch them again")
	}
	if cfg.Elasticsearch != nil && rep.Extracted > 0 {
		r := a.syncES(ctx, cfg, s)
		fmt.Fprintf(a.stdout, "elasticsearch: %d indexed, %d pending\n", r.Indexed, r.Pending)
	}
	return nil
}
