package review

import (
	"bufio"
	"context"
	"encoding/json"
	"io"

	"github.com/kozan-dev/kozan/pipeline"
)

// exportJSONL writes one pipeline.DealRecord JSON object per line, as
// DESIGN.md describes `export --format jsonl`. A deal with no status gets
// "pending", as in the other formats.
func exportJSONL(ctx context.Context, w io.Writer, each Each) (int, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	n := 0
	err := each(func(r pipeline.DealRecord) error {
		if err := checkCtx(ctx, n); err != nil {
			return err
		}
		r.Review.Status = statusOf(r.Review)
		if err := enc.Encode(&r); err != nil {
			return err
		}
		n++
		return nil
	})
	if err != nil {
		return n, err
	}
	return n, bw.Flush()
}
