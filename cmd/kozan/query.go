package main

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/kozan-dev/kozan/extract"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/kozan-dev/kozan/config"
	"github.com/kozan-dev/kozan/index/es"
	"github.com/kozan-dev/kozan/pipeline"
	"github.com/spf13/cobra"
)

// searchTimeout is how long `kozan search` waits for Elasticsearch before it
// answers from the store's own full-text index instead.
const searchTimeout = 3 * time.Second

func (a *app) searchCmd() *cobra.Command {
	var limit int
	var asJSON, local bool
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Full-text search over stored articles (Elasticsearch when configured, else the store)",
		Long: `search asks Elasticsearch when the config names it. When Elasticsearch does not
answer within 3 seconds (down, unreachable, or an error), search says so on stderr
and answers from the store's own full-text index instead; --local goes there
directly.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			q := strings.Join(args, " ")
			cfg, err := a.config()
			if err != nil {
				return err
			}
			x, err := a.extractor()
			if err != nil {
				return err
			}
			toks := x.Tokens(q)
			if strings.TrimSpace(toks) == "" {
				return usageError{fmt.Errorf("query %q has no searchable words", q)}
			}
			var hits []pipeline.SearchHit
			fromES := false
			if cfg.Elasticsearch != nil && !local {
				hits, err = a.searchES(ctx, cfg, q, toks, limit)
				if err == nil {
					fromES = true
				} else {
					fmt.Fprintf(a.stderr, "kozan: elasticsearch did not answer (%v); searching the local store instead\n", err)
				}
			}
			if !fromES {
				s, err := a.readStore(ctx)
				if err != nil {
					return err
				}
				if hits, err = s.Search(ctx, toks, limit); err != nil {
					return fmt.Errorf("search store: %w", err)
				}
			}
			if asJSON {
				return writeJSONLines(a.stdout, hits)
			}
			if len(hits) == 0 {
				fmt.Fprintf(a.stdout, "no articles match %q\n", q)
				return nil
			}
			for _, h := range hits {
				fmt.Fprintf(a.stdout, "%s  %s  [%s] %s\n    %s\n    %s\n\n", dateOf(h.PublishedAt), h.Lang, h.Source, h.Title, h.Snippet, h.URL)
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&limit, "limit", 20, "at most this many results")
	cmd.Flags().BoolVar(&asJSON, "json", false, "one JSON object per line")
	cmd.Flags().BoolVar(&local, "local", false, "search the store's own full-text index, not Elasticsearch")
	return cmd
}

// searchES asks Elasticsearch once, briefly: a person is waiting, and the
// store can answer instead.
func (a *app) searchES(ctx context.Context, cfg *config.Config, q, toks string, limit int) ([]pipeline.SearchHit, error) {
	x, err := a.extractor()
	if err != nil {
		return nil, err
	}
	c, err := es.New(esConfig(*cfg.Elasticsearch), es.Options{Logger: a.log, Getenv: a.getenv, Tokenize: x.Tokens, Canonical: x.Canonical,
		MaxRetries: 1, Backoff: func(int) time.Duration { return 100 * time.Millisecond }})
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, searchTimeout)
	defer cancel()
	hits, err := c.Search(ctx, q, toks, limit)
	if err != nil && ctx.Err() == context.DeadlineExceeded {
		return nil, fmt.Errorf("no answer within %s", searchTimeout)
	}
	return hits, err
}

func (a *app) articlesCmd() *cobra.Command {
	var since, source string
	var asJSON bool
	var limit int
	cmd := &cobra.Command{
		Use:   "articles",
		Short: "List the articles the store holds",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			f := pipeline.ArticleFilter{Source: source, Limit: limit}
			if since != "" {
				t, err := parseWhen(since, time.Now())
				if err != nil {
					return usageError{fmt.Errorf("--since: %w", err)}
				}
				f.Since = t
			}
			s, err := a.readStore(ctx)
			if err != nil {
				return err
			}
			arts, err := s.Articles(ctx, f)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSONLines(a.stdout, arts)
			}
			rows := [][]string{}
			for _, r := range arts {
				rows = append(rows, []string{dateOf(r.PublishedAt), r.Lang, r.Source, strconv.Itoa(r.DealCount), r.Title, r.URL})
			}
			return printTable(a.stdout, []string{"DATE", "LANG", "SOURCE", "DEALS", "TITLE", "URL"}, rows, []int{0, 0, 16, 0, 50, 0})
		},
	}
	cmd.Flags().StringVar(&since, "since", "", "fetched since (2026-11-01, or a duration like 7d, 48h)")
	cmd.Flags().StringVar(&source, "source", "", "only this source")
	cmd.Flags().IntVar(&limit, "limit", 0, "at most this many")
	cmd.Flags().BoolVar(&asJSON, "json", false, "one JSON object per line")
	return cmd
}

// dealFlags are the deal filters shared by `deals` and `export`.
type dealFlags struct {
	since, until, company, counterparty, kind, status, lang, source string
	minUSD                                                          float64
	all                                                             bool
	limit                                                           int
}

func (f *dealFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.since, "since", "", "published on or after (2026-11-01, or a duration like 7d)")
	fl.StringVar(&f.until, "until", "", "published before (2026-11-30, or a duration)")
	fl.StringVar(&f.company, "company", "", "company or counterparty (canonical name, any case)")
	fl.StringVar(&f.counterparty, "counterparty", "", "counterparty")
	fl.StringVar(&f.kind, "kind", "", "deal kind: "+kindList())
	fl.Float64Var(&f.minUSD, "min-usd", 0, "amount at least this many US dollars")
	fl.StringVar(&f.status, "status", "", "review status: pending, approved or rejected")
	fl.StringVar(&f.lang, "lang", "", "ja or en")
	fl.StringVar(&f.source, "source", "", "only deals from this source")
	fl.BoolVar(&f.all, "include-superseded", false, "also deals the latest version of their article no longer supports")
}

// canonicalParties writes --company and --counterparty as the company
// list names them (built-in and the config's companies file), with all
// their names, so any alias finds a known company's deals whichever name
// their articles wrote: "Cipher Mining", "マイクロソフト", "CIFR".
// A name the list does not know is kept as written.
func (a *app) canonicalParties(f pipeline.DealFilter) (pipeline.DealFilter, error) {
	if f.Company == "" && f.Counterparty == "" {
		return f, nil
	}
	c, err := a.config()
	if err != nil {
		return f, err
	}
	g, err := extract.Companies(c.Companies)
	if err != nil {
		return f, err
	}
	for _, p := range []struct {
		name  *string
		names *[]string
	}{{&f.Company, &f.CompanyNames}, {&f.Counterparty, &f.CounterpartyNames}} {
		if name, ok := g.Canonical(strings.TrimSpace(*p.name)); ok && *p.name != "" {
			*p.name = name
			*p.names = g.Names(name)
		}
	}
	return f, nil
}

func kindList() string {
	var s []string
	for _, k := range pipeline.Kinds {
		s = append(s, string(k))
	}
	return strings.Join(s, ", ")
}

func (f *dealFlags) filter(now time.Time) (pipeline.DealFilter, error) {
	out := pipeline.DealFilter{Company: f.company, Counterparty: f.counterparty, Kind: pipeline.Kind(f.kind),
		MinUSD: f.minUSD, Status: f.status, Lang: f.lang, Source: f.source, IncludeSuperseded: f.all, Limit: f.limit}
	var err error
	if f.since != "" {
		if out.Since, err = parseWhen(f.since, now); err != nil {
			return out, usageError{fmt.Errorf("--since: %w", err)}
		}
	}
	if f.until != "" {
		if out.Until, err = parseWhen(f.until, now); err != nil {
			return out, usageError{fmt.Errorf("--until: %w", err)}
		}
	}
	if f.kind != "" && !out.Kind.Valid() {
		return out, usageError{fmt.Errorf("--kind %q: want one of %s", f.kind, kindList())}
	}
	switch f.status {
	case "", pipeline.StatusPending, pipeline.StatusApproved, pipeline.StatusRejected:
	default:
		return out, usageError{fmt.Errorf("--status %q: want pending, approved or rejected", f.status)}
	}
	if f.lang != "" && f.lang != "ja" && f.lang != "en" {
		return out, usageError{fmt.Errorf("--lang %q: want ja or en", f.lang)}
	}
	if f.minUSD < 0 {
		return out, usageError{fmt.Errorf("--min-usd must not be negative")}
	}
	return out, nil
}

func (a *app) dealsCmd() *cobra.Command {
	var f dealFlags
	var asJSON bool
	var showSources string
	cmd := &cobra.Command{
		Use:   "deals",
		Short: "Show the deals the store holds",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			filter, err := f.filter(time.Now())
			if err != nil {
				return err
			}
			if filter, err = a.canonicalParties(filter); err != nil {
				return err
			}
			s, err := a.readStore(ctx)
			if err != nil {
				return err
			}
			if showSources != "" {
				return a.showSources(cmd, showSources, asJSON)
			}
			var recs []pipeline.DealRecord
			err = s.Deals(ctx, filter, func(r pipeline.DealRecord) error {
				if asJSON {
					return writeJSONLine(a.stdout, r)
				}
				recs = append(recs, r)
				return nil
			})
			if err != nil || asJSON {
				return err
			}
			return printDeals(a.stdout, recs)
		},
	}
	f.register(cmd)
	cmd.Flags().IntVar(&f.limit, "limit", 0, "at most this many")
	cmd.Flags().BoolVar(&asJSON, "json", false, "one JSON object per line")
	cmd.Flags().StringVar(&showSources, "show-sources", "", "explain a deal (its id, or a unique prefix as the table shows): every article it was merged from, and why")
	return cmd
}

func (a *app) showSources(cmd *cobra.Command, id string, asJSON bool) error {
	s, err := a.readStore(cmd.Context())
	if err != nil {
		return err
	}
	full, err := s.ResolveDealID(cmd.Context(), id)
	if err != nil {
		return err
	}
	d, members, err := s.DealSources(cmd.Context(), full)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSONLine(a.stdout, map[string]any{"deal": d, "sources": members})
	}
	fmt.Fprintf(a.stdout, "deal %s\n  %s ↔ %s  %s  %s\n  evidence: %s\n\n", d.ID, d.Company, orDash(string(d.Counterparty)), formatAmount(d.Amount), d.Kind, d.Evidence)
	if len(members) == 0 {
		fmt.Fprintf(a.stdout, "reported once: %s %s %s\n", dateOf(d.PublishedAt), d.Source, d.URL)
		return nil
	}
	rows := [][]string{{dateOf(d.PublishedAt), d.Lang, d.Source, formatAmount(d.Amount), "(this deal)", d.URL}}
	for _, m := range members {
		rows = append(rows, []string{dateOf(m.PublishedAt), m.Lang, m.Source, formatAmount(m.Amount), m.MergeReason, m.URL})
	}
	return printTable(a.stdout, []string{"DATE", "LANG", "SOURCE", "AMOUNT", "WHY MERGED", "URL"}, rows, []int{0, 0, 16, 0, 90, 0})
}

// printDeals prints the deals table.
func printDeals(w io.Writer, recs []pipeline.DealRecord) error {
	if len(recs) == 0 {
		_, err := fmt.Fprintln(w, "no deals")
		return err
	}
	rows := [][]string{}
	for _, r := range recs {
		src := r.Source
		if n := len(r.URLs); n > 1 {
			src += fmt.Sprintf(" +%d", n-1)
		}
		rows = append(rows, []string{pipeline.ShortID(r.ID), dateOf(r.PublishedAt), r.Company, orDash(string(r.Counterparty)),
			formatAmount(r.Amount), string(r.Kind), src, r.Review.Status})
	}
	return printTable(w, []string{"ID", "DATE", "COMPANY", "COUNTERPARTY", "AMOUNT", "KIND", "SOURCE", "STATUS"}, rows, []int{0, 0, 22, 26, 28, 0, 20, 0})
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func dateOf(t *time.Time) string {
	if t == nil || t.IsZero() {
		return "----------"
	}
	return t.UTC().Format("2006-01-02")
}

// parseWhen reads 2026-11-01, an RFC 3339 time, or a duration back from now (7d, 48h).
func parseWhen(s string, now time.Time) (time.Time, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if strings.HasSuffix(s, "d") {
		if n, err := strconv.Atoi(strings.TrimSuffix(s, "d")); err == nil && n >= 0 {
			return now.AddDate(0, 0, -n), nil
		}
	}
	if d, err := time.ParseDuration(s); err == nil && d >= 0 {
		return now.Add(-d), nil
	}
	return time.Time{}, fmt.Errorf("%q: want a date (2026-11-01), an RFC 3339 time, or a duration (7d, 48h)", s)
}

func writeJSONLine(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

func writeJSONLines[T any](w io.Writer, vs []T) error {
	for _, v := range vs {
		if err := writeJSONLine(w, v); err != nil {
			return err
		}
	}
	return nil
}
