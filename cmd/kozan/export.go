package main

import (
	"fmt"
	"io"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/kozan-dev/kozan/index/sqlite"

	"github.com/kozan-dev/kozan/pipeline"
	"github.com/kozan-dev/kozan/review"
	"github.com/spf13/cobra"
)

func (a *app) exportCmd() *cobra.Command {
	var f dealFlags
	var format, out string
	cmd := &cobra.Command{
		Use:   "export --format csv|xlsx|jsonl [--out FILE] [filters]",
		Short: "Export deals for review (CSV with BOM, XLSX workbook, or JSON lines)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			switch format {
			case "csv", "xlsx", "jsonl":
			default:
				return usageError{fmt.Errorf("--format %q: want csv, xlsx or jsonl", format)}
			}
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
			each := func(fn func(pipeline.DealRecord) error) error { return s.Deals(ctx, filter, fn) }
			if out == "" || out == "-" {
				if _, err := review.Export(ctx, a.stdout, format, each); err != nil {
					return fmt.Errorf("export to standard output: %w", err)
				}
				return nil
			}
			var n int
			err = writeFile(out, func(w io.Writer) error {
				var err error
				n, err = review.Export(ctx, w, format, each)
				return err
			})
			if err != nil {
				return fmt.Errorf("export to %s: %w", out, err)
			}
			fmt.Fprintf(a.stderr, "exported %d deals to %s\n", n, out)
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "csv, xlsx or jsonl (required)")
	cmd.Flags().StringVar(&out, "out", "", "write here instead of standard output (a regular file is replaced atomically, keeping its mode; a symlink is followed; a device or pipe is written directly)")
	f.register(cmd)
	cmd.MarkFlagRequired("format")
	return cmd
}

func (a *app) reviewCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "review", Short: "Take reviewed deals back from a spreadsheet; review history and undo"}
	var force bool
	imp := &cobra.Command{
		Use:   "import FILE.csv|FILE.xlsx",
		Short: "Apply the statuses, notes and reviewers of an edited export",
		Long: `import reads a file made by 'kozan export' and edited by a reviewer. It checks every
row first: one bad row stops the import with the row and column named, and nothing
is applied.

Only what the reviewer changed in the file counts: the export carries each row's
status, note and reviewer as exported (the hidden "exported" column), and a field
left as exported never overrides the store. A change to a deal reviewed in the
store after the file was exported is not applied unless --force; even with
--force, rows and fields left as exported are not applied. Every change is kept in
the review history ('kozan review history') and an import can be undone
('kozan review undo IMPORT').`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			ups, err := review.Import(args[0])
			if err != nil {
				return fmt.Errorf("review import %s: %w (nothing was applied)", args[0], err)
			}
			s, err := a.updateStore(ctx)
			if err != nil {
				return err
			}
			rep, err := s.ApplyReviewFile(ctx, ups, sqlite.ReviewOptions{File: absPath(args[0]), By: a.user(), Force: force})
			if err != nil {
				return fmt.Errorf("review import: %w (nothing was applied)", err)
			}
			fmt.Fprintf(a.stdout, "%d rows read: %d changed, %d unchanged, %d unknown ids, %d stale (newer review in the store)\n",
				len(ups), len(rep.Changed), rep.Unchanged, len(rep.Unknown), len(rep.Stale))
			for _, id := range rep.Unknown {
				fmt.Fprintf(a.stdout, "  unknown deal id: %s\n", id)
			}
			for _, d := range rep.StaleDeals {
				fmt.Fprintf(a.stdout, "  not applied, reviewed since the export (use --force to overwrite): %s %s ↔ %s %s — now %s",
					pipeline.ShortID(d.ID), d.Company, orDash(string(d.Counterparty)), formatAmount(d.Amount), d.Review.Status)
				if d.Review.Reviewer != "" {
					fmt.Fprintf(a.stdout, " by %s", d.Review.Reviewer)
				}
				if d.Review.ReviewedAt != nil {
					fmt.Fprintf(a.stdout, " at %s", d.Review.ReviewedAt.UTC().Format("2006-01-02 15:04"))
				}
				fmt.Fprintln(a.stdout)
			}
			if rep.Import != 0 {
				fmt.Fprintf(a.stdout, "recorded as import %d: see 'kozan review history', undo with 'kozan review undo %d'\n", rep.Import, rep.Import)
			}
			cfg, _ := a.config()
			if cfg != nil && cfg.Elasticsearch != nil && len(rep.Changed) > 0 {
				r := a.syncES(ctx, cfg, s)
				fmt.Fprintf(a.stdout, "elasticsearch: %d indexed, %d pending\n", r.Indexed, r.Pending)
			}
			return nil
		},
	}
	imp.Flags().BoolVar(&force, "force", false, "apply the rows you changed even when the store has a newer review")

	var asJSON bool
	hist := &cobra.Command{
		Use:   "history [DEAL-ID]",
		Short: "Show a deal's review history, or without an id the list of imports",
		Long: `history DEAL-ID shows every change to the deal's review: when, which import and
file, who ran it, and the status, note and reviewer before and after. The id may be
a unique prefix (the deals table shows 12 characters). Without an id it lists the
imports, newest first, with the number 'kozan review undo' takes.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := a.readStore(ctx)
			if err != nil {
				return err
			}
			if len(args) == 0 {
				imps, err := s.ReviewImports(ctx)
				if err != nil {
					return err
				}
				if asJSON {
					return writeJSONLines(a.stdout, imps)
				}
				if len(imps) == 0 {
					_, err := fmt.Fprintln(a.stdout, "no review imports yet")
					return err
				}
				rows := [][]string{}
				for _, im := range imps {
					note := ""
					switch {
					case im.UndoneBy != 0:
						note = fmt.Sprintf("undone by %d", im.UndoneBy)
					case im.Forced:
						note = "--force"
					}
					rows = append(rows, []string{strconv.FormatInt(im.ID, 10), im.At.Format("2006-01-02 15:04:05"), im.By,
						strconv.Itoa(im.Changed), note, im.File})
				}
				return printTable(a.stdout, []string{"IMPORT", "AT (UTC)", "BY", "CHANGED", "", "FILE"}, rows, []int{0, 0, 16, 0, 0, 0})
			}
			id, changes, err := s.ReviewHistory(ctx, args[0])
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSONLines(a.stdout, changes)
			}
			fmt.Fprintf(a.stdout, "deal %s\n", id)
			if len(changes) == 0 {
				_, err := fmt.Fprintln(a.stdout, "no review changes recorded")
				return err
			}
			rows := [][]string{}
			for _, c := range changes {
				rows = append(rows, []string{c.At.Format("2006-01-02 15:04:05"), strconv.FormatInt(c.Import, 10), c.By,
					reviewCell(c.From), reviewCell(c.To), c.File})
			}
			return printTable(a.stdout, []string{"AT (UTC)", "IMPORT", "BY", "FROM", "TO", "FILE"}, rows, []int{0, 0, 16, 50, 50, 0})
		},
	}
	hist.Flags().BoolVar(&asJSON, "json", false, "one JSON object per line")

	undo := &cobra.Command{
		Use:   "undo IMPORT",
		Short: "Put back the reviews an import changed, as they were before it",
		Long: `undo IMPORT restores every review the import changed to what it was before, unless
the deal was reviewed again since (then it is left as it is, and listed). The undo
is recorded in the history like an import. 'kozan review history' lists the imports.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			n, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || n <= 0 {
				return usageError{fmt.Errorf("review undo %q: want an import number (see 'kozan review history')", args[0])}
			}
			s, err := a.updateStore(ctx)
			if err != nil {
				return err
			}
			rep, err := s.UndoImport(ctx, n, a.user())
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "import %d undone: %d reviews restored, %d reviewed again since and kept (recorded as import %d)\n",
				n, len(rep.Restored), len(rep.Kept), rep.Import)
			for _, id := range rep.Kept {
				fmt.Fprintf(a.stdout, "  kept, reviewed since: %s\n", id)
			}
			cfg, _ := a.config()
			if cfg != nil && cfg.Elasticsearch != nil && len(rep.Restored) > 0 {
				r := a.syncES(ctx, cfg, s)
				fmt.Fprintf(a.stdout, "elasticsearch: %d indexed, %d pending\n", r.Indexed, r.Pending)
			}
			return nil
		},
	}
	cmd.AddCommand(imp, hist, undo)
	return cmd
}

// reviewCell shows a review in one cell: "approved · note · by ken".
func reviewCell(r pipeline.Review) string {
	parts := []string{r.Status}
	if r.Note != "" {
		parts = append(parts, strconv.Quote(r.Note))
	}
	if r.Reviewer != "" {
		parts = append(parts, "by "+r.Reviewer)
	}
	return strings.Join(parts, " · ")
}

// user is who runs the command, for the review history.
func (a *app) user() string {
	for _, k := range []string{"KOZAN_USER", "USER", "LOGNAME"} {
		if v := a.getenv(k); v != "" {
			return v
		}
	}
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return ""
}

func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}
