// Package pipeline owns the contract between kozan's stages: the data that
// flows between them (Page, Article, Deal, Amount, Document, Result), the
// records the store hands back (ArticleRecord, DealRecord, Review, CrawlRecord),
// deterministic IDs, and Run, which joins a crawler, an extractor and a sink
// with bounded channels.
//
// Files: types.go holds the data types, records.go the store records,
// ids.go the ID hashes, run.go the run loop and its stage interfaces.
//
// Stages (crawler, extract, index) import pipeline and never each other;
// cmd/kozan wires concrete stages together.
package pipeline
