package review

import (
	"context"
	"encoding/csv"
	"io"

	"github.com/kozan-dev/kozan/pipeline"
)

// bom is the UTF-8 byte order mark; Excel needs it to read UTF-8 CSV.
const bom = "\uFEFF"

// exportCSV writes a BOM, the header and one record per deal, RFC 4180
// quoted. Records end in LF, not CRLF: encoding/csv in CRLF mode drops a
// lone CR inside a field, and Excel, LibreOffice and Google Sheets all read
// LF. Multi-URL cells hold the URLs one per line.
func exportCSV(ctx context.Context, w io.Writer, each Each) (int, error) {
	if _, err := io.WriteString(w, bom); err != nil {
		return 0, err
	}
	cw := csv.NewWriter(w)
	header := columnNames()
	if err := cw.Write(header[:]); err != nil {
		return 0, err
	}
	var (
		n      int
		cells  row
		record = make([]string, numCols)
	)
	err := each(func(r pipeline.DealRecord) error {
		if err := checkCtx(ctx, n); err != nil {
			return err
		}
		makeRow(&r, &cells)
		for i := range cells {
			record[i] = csvField(&cells[i])
		}
		if err := cw.Write(record); err != nil {
			return err
		}
		n++
		if n%1024 == 0 {
			return cw.Error() // a broken pipe ends the export early
		}
		return nil
	})
	if err != nil {
		return n, err
	}
	cw.Flush()
	return n, cw.Error()
}

// csvField writes one cell: numbers plainly, dates as YYYY-MM-DD, text guarded.
func csvField(c *cell) string {
	switch c.kind {
	case cellText, cellURLs:
		return guard(c.s)
	case cellNumber:
		return formatNumber(c.f)
	case cellDate:
		return c.t.Format("2006-01-02")
	}
	return ""
}
