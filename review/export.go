package review

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/kozan-dev/kozan/pipeline"
)

// Each is a streaming source of deals: it calls fn once per deal, in the
// order the deals should appear, and stops with fn's error if fn fails. The
// store's Deals(ctx, filter, fn), curried, is one.
type Each func(fn func(pipeline.DealRecord) error) error

// Formats lists the formats Export writes.
func Formats() []string { return []string{"csv", "xlsx", "jsonl"} }

// ctxEvery is how many rows are written between checks of ctx.
const ctxEvery = 256

// Export writes the deals each yields to w in format ("csv", "xlsx" or
// "jsonl") and returns how many deal rows it wrote.
//
// Exports stream: CSV and JSONL hold one deal at a time; XLSX rows go
// through excelize's StreamWriter (which spills to a temporary file past
// 16 MiB) and only the per-company and per-source roll-ups stay in memory.
// The XLSX file is written to w when all rows are in, since a zip's
// directory comes last.
//
// Text cells that a spreadsheet would take for a formula (beginning with
// = + - @, a tab or a carriage return) get a leading ' in CSV and XLSX alike;
// Import removes it.
func Export(ctx context.Context, w io.Writer, format string, each Each) (int, error) {
	if each == nil {
		return 0, errors.New("export: no deal source")
	}
	var (
		n   int
		err error
	)
	switch format {
	case "csv":
		n, err = exportCSV(ctx, w, each)
	case "xlsx":
		n, err = exportXLSX(ctx, w, each, xlsxOptions{})
	case "jsonl":
		n, err = exportJSONL(ctx, w, each)
	default:
		return 0, fmt.Errorf("export: unknown format %q (want csv, xlsx or jsonl)", format)
	}
	if err != nil {
		return n, fmt.Errorf("export %s: %w", format, err)
	}
	return n, nil
}

// checkCtx returns ctx's error every ctxEvery rows.
func checkCtx(ctx context.Context, n int) error {
	if n%ctxEvery == 0 {
		return ctx.Err()
	}
	return nil
}
