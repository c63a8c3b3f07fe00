// Package sqlite is kozan's embedded store: crawl state, articles, deals with
// their review status, an FTS5 index over pre-tokenized text, an outbox of
// what Elasticsearch has not acknowledged, and the merging of the same deal
// reported by several sources. It uses modernc.org/sqlite (pure Go) and is
// always there, whether or not Elasticsearch is configured.
//
// Files:
//   - store.go: Options, Store, Open (read-write, or read-only with mode=ro
//     and an immutable fallback), Close, connection settings, Stats.
//   - schema.go: the numbered schema migrations and how they are applied.
//   - put.go: Put (the pipeline.Sink): crawl state, articles, syndicated
//     and near-duplicate copies (also of articles other processes stored,
//     through Options.Fingerprints), deals, supersession, outbox entries,
//     in one transaction.
//   - merge.go: the pure predicate deciding whether two deals are the same
//     agreement (SameDeal).
//   - group.go: placing a deal into a merge group, promoting a new canonical
//     deal, refreshing a group's URLs and earliest date.
//   - query.go: CrawlState, CopyOf, Articles, Article, Deals (streaming), DealSources.
//   - search.go: Search over FTS5 with bm25 ranking; snippets come from
//     index/snippet, shared with index/es.
//   - review.go: ApplyReviews and ApplyReviewFile (only what a file changed
//     applies), the review history, UndoImport, ResolveDealID.
//   - html.go: the kept, gzip-compressed HTML of each article and Pages,
//     which gives it back for re-extraction.
//   - outbox.go: Outbox, Ack, OutboxLen and the enqueue helper.
//   - stmt.go: the prepared-statement cache and the write transaction type
//     that uses it.
//
// Ordering and identity: Deals come newest first by published_at (the
// extraction time when unknown), then by id. A deal's extracted_at is when it
// was first extracted. Article and deal IDs are pipeline.ArticleID and
// pipeline.DealID, so a re-run overwrites and never duplicates.
//
// Times are stored as INTEGER Unix nanoseconds in UTC; they come back in UTC.
package sqlite
