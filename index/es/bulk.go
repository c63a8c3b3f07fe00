package es

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/elastic/go-elasticsearch/v8/esutil"

	"github.com/kozan-dev/kozan/pipeline"
)

// IndexReport says what Index did with a batch of outbox items.
type IndexReport struct {
	Indexed  int      `json:"indexed"`  // items Elasticsearch acknowledged
	Retried  int      `json:"retried"`  // item retries (429/5xx) in the extra passes
	Failed   int      `json:"failed"`   // items not acknowledged at the end (rejected, or still 429/5xx)
	Pending  int      `json:"pending"`  // items not acknowledged: they stay in the outbox
	Acked    []int64  `json:"acked"`    // outbox seqs acknowledged: remove them from the outbox
	Rejected []int64  `json:"rejected"` // outbox seqs refused with a 4xx (mapping, bad document): retrying will not help
	Errors   []string `json:"errors"`   // one line per failed item, with the reason
}

// bulkOp is one prepared bulk action.
type bulkOp struct {
	seq    int64
	kind   string
	id     string
	index  string
	action string // index, update or delete
	body   []byte // nil for delete
}

// Index writes outbox items to the aliases with the bulk API (RequireAlias,
// deterministic IDs). Articles are indexed whole; deals are updates with
// upsert, so a re-run never resets a review status set in ES: the record's
// review is sent when it has a status, and a new deal without one is
// created as pending. Deleted items are deleted (a missing document counts
// as deleted).
//
// Items failing with 429 or 5xx are retried in at most Options.ItemPasses
// extra passes with backoff; items failing with another status are reported
// in Rejected and Errors. When Elasticsearch cannot be reached (or refuses
// a whole bulk request) Index returns an error along with the report: items
// acknowledged before the failure are in Acked, every other item stays
// pending. Acked is always safe to apply to the outbox.
func (c *Client) Index(ctx context.Context, items []pipeline.OutboxItem) (rep IndexReport, err error) {
	ops := make([]bulkOp, 0, len(items))
	for _, it := range items {
		op, err := c.prepare(it)
		if err != nil {
			rep.Failed++
			rep.Rejected = append(rep.Rejected, it.Seq)
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s %s (seq %d): %v", it.Kind, it.ID, it.Seq, err))
			continue
		}
		ops = append(ops, op)
	}
	defer func() {
		rep.Indexed = len(rep.Acked)
		rep.Pending = len(items) - len(rep.Acked)
	}()

	for pass := 0; len(ops) > 0; pass++ {
		retry, retryErrs, perr := c.bulkPass(ctx, ops, &rep)
		if perr != nil {
			rep.Failed += len(retry)
			return rep, fmt.Errorf("bulk: %w", perr)
		}
		if len(retry) == 0 {
			break
		}
		if pass >= c.passes {
			rep.Failed += len(retry)
			rep.Errors = append(rep.Errors, retryErrs...)
			break
		}
		rep.Retried += len(retry)
		c.log.Debug("bulk items retried", "items", len(retry), "pass", pass+1)
		t := time.NewTimer(c.backoff(pass + 1))
		select {
		case <-ctx.Done():
			t.Stop()
			rep.Failed += len(retry)
			return rep, fmt.Errorf("bulk: %w", ctx.Err())
		case <-t.C:
		}
		ops = retry
	}
	if rep.Failed > 0 {
		c.log.Warn("elasticsearch items failed", "failed", rep.Failed, "acked", len(rep.Acked))
	}
	return rep, nil
}

// prepare turns an outbox item into a bulk action.
func (c *Client) prepare(it pipeline.OutboxItem) (bulkOp, error) {
	op := bulkOp{seq: it.Seq, kind: it.Kind, id: it.ID}
	switch it.Kind {
	case pipeline.OutboxArticle:
		op.index = c.Alias(KindArticles)
		if it.Deleted {
			op.action = "delete"
			break
		}
		doc, err := c.articleDoc(it.ID, it.Article)
		if err != nil {
			return op, err
		}
		op.id, op.action = doc.ID, "index"
		b, err := json.Marshal(doc)
		if err != nil {
			return op, fmt.Errorf("encode article: %w", err)
		}
		op.body = b
	case pipeline.OutboxDeal:
		op.index = c.Alias(KindDeals)
		if it.Deleted {
			op.action = "delete"
			break
		}
		doc, err := c.dealDoc(it.ID, it.Deal)
		if err != nil {
			return op, err
		}
		op.id, op.action = doc.ID, "update"
		body := map[string]any{"doc": doc}
		if doc.Review == nil {
			up := doc
			up.Review = &reviewDoc{Status: pipeline.StatusPending}
			body["upsert"] = up
		} else {
			body["doc_as_upsert"] = true
		}
		b, err := json.Marshal(body)
		if err != nil {
			return op, fmt.Errorf("encode deal: %w", err)
		}
		op.body = b
	default:
		return op, fmt.Errorf("unknown outbox kind %q", it.Kind)
	}
	if op.id == "" {
		return op, errors.New("item without an id")
	}
	return op, nil
}

// bulkPass sends ops once. It returns the ops to retry (429/5xx) with their
// reasons, and an error when a bulk request as a whole failed.
func (c *Client) bulkPass(ctx context.Context, ops []bulkOp, rep *IndexReport) ([]bulkOp, []string, error) {
	var (
		mu        sync.Mutex
		retry     []bulkOp
		retryErrs []string
		flushErr  error
	)
	bi, err := esutil.NewBulkIndexer(esutil.BulkIndexerConfig{
		Client:        c.transport(),
		NumWorkers:    1,
		FlushBytes:    4 << 20,
		FlushInterval: time.Minute, // Close flushes; a batch is bounded by the caller
		RequireAlias:  true,
		Refresh:       c.refresh,
		Timeout:       c.timeout,
		OnError: func(_ context.Context, err error) {
			mu.Lock()
			defer mu.Unlock()
			if flushErr == nil {
				flushErr = err
			}
		},
	})
	if err != nil {
		return nil, nil, fmt.Errorf("bulk indexer: %w", err)
	}
	for _, op := range ops {
		item := esutil.BulkIndexerItem{
			Index: op.index, Action: op.action, DocumentID: op.id, RequireAlias: true,
			OnSuccess: func(_ context.Context, _ esutil.BulkIndexerItem, _ esutil.BulkIndexerResponseItem) {
				mu.Lock()
				defer mu.Unlock()
				rep.Acked = append(rep.Acked, op.seq)
			},
			OnFailure: func(_ context.Context, _ esutil.BulkIndexerItem, res esutil.BulkIndexerResponseItem, err error) {
				mu.Lock()
				defer mu.Unlock()
				reason := fmt.Sprintf("%s %s (seq %d): %d %s: %s", op.kind, op.id, op.seq, res.Status, res.Error.Type, res.Error.Reason)
				if res.Error.Cause.Reason != "" {
					reason += " (" + res.Error.Cause.Reason + ")"
				}
				switch {
				case err != nil:
					if flushErr == nil {
						flushErr = err
					}
				case op.action == "delete" && res.Status == http.StatusNotFound:
					rep.Acked = append(rep.Acked, op.seq)
				case res.Status == http.StatusTooManyRequests || res.Status >= 500:
					retry = append(retry, op)
					retryErrs = append(retryErrs, reason)
				default:
					rep.Failed++
					rep.Rejected = append(rep.Rejected, op.seq)
					rep.Errors = append(rep.Errors, reason)
					c.log.Debug("elasticsearch rejected item", "kind", op.kind, "id", op.id, "status", res.Status, "err", res.Error.Reason)
				}
			},
		}
		if op.body != nil {
			item.Body = bytes.NewReader(op.body)
		}
		if err := bi.Add(ctx, item); err != nil {
			_ = bi.Close(context.WithoutCancel(ctx))
			return nil, nil, fmt.Errorf("bulk add: %w", err)
		}
	}
	if err := bi.Close(ctx); err != nil {
		return retry, retryErrs, err
	}
	mu.Lock()
	defer mu.Unlock()
	if flushErr != nil {
		return retry, retryErrs, flushErr
	}
	return retry, retryErrs, nil
}
