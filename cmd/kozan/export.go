package main

import (
	"fmt"
	"io"
	"time"

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
	cmd := &cobra.Command{Use: "review", Short: "Take reviewed deals back from a spreadsheet"}
	var force bool
	imp := &cobra.Command{
		Use:   "import FILE.csv|FILE.xlsx",
		Short: "Apply the statuses, notes and reviewers of an edited export",
		Long: `import reads a file made by 'kozan export' and edited by a reviewer. It checks every
row first: one bad row stops the import with the row and column named, and nothing
is applied. Rows whose deal was reviewed in the store after the file was exported
are not applied unless --force.`,
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
			rep, err := s.ApplyReviews(ctx, ups, force)
			if err != nil {
				return fmt.Errorf("review import: %w (nothing was applied)", err)
			}
			fmt.Fprintf(a.stdout, "%d rows read: %d changed, %d unchanged, %d unknown ids, %d stale (newer review in the store)\n",
				len(ups), len(rep.Changed), rep.Unchanged, len(rep.Unknown), len(rep.Stale))
			for _, id := range rep.Unknown {
				fmt.Fprintf(a.stdout, "  unknown deal id: %s\n", id)
			}
			for _, id := range rep.Stale {
				fmt.Fprintf(a.stdout, "  not applied, reviewed since the export (use --force to overwrite): %s\n", id)
			}
			cfg, _ := a.config()
			if cfg != nil && cfg.Elasticsearch != nil && len(rep.Changed) > 0 {
				r := a.syncES(ctx, cfg, s)
				fmt.Fprintf(a.stdout, "elasticsearch: %d indexed, %d pending\n", r.Indexed, r.Pending)
			}
			return nil
		},
	}
	imp.Flags().BoolVar(&force, "force", false, "apply rows even when the store has a newer review")
	cmd.AddCommand(imp)
	return cmd
}
