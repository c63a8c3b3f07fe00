// Package es indexes kozan's articles and deals into Elasticsearch 8 and
// searches them, sets up the index templates, versioned indices and aliases,
// and imports the Kibana saved objects.
//
// Files:
//   - client.go: Options, Client, New (addresses, CA file or fingerprint,
//     credentials from the environment only, retries with backoff on
//     429/502/503/504, timeouts), the request helper and the debug
//     round-trip logger (method, path, status: never headers).
//   - mapping.go: Settings, Mappings (the *_tokens analyzer, cjk sub-fields,
//     keyword+normalizer names, scaled_float amount_usd, review fields,
//     dynamic strict), MappingHash and Fields.
//   - setup.go: Setup — composable templates whose _meta holds the mapping
//     hash and version, <prefix>-<kind>-vN indices behind <prefix>-<kind>
//     write aliases, atomic alias moves and reindexing on a mapping change.
//   - docs.go: ArticleDoc and DealDoc, the indexed documents.
//   - bulk.go: Index — outbox items through esutil.BulkIndexer to the
//     aliases (RequireAlias), deals as update+upsert, a bounded retry pass
//     for 429/5xx items, and the IndexReport the outbox is settled with.
//   - search.go: Search and SearchBody; snippets come from index/snippet,
//     shared with the SQLite store, so both backends print the same.
//   - kibana.go: the embedded saved objects (kibana/kozan.ndjson, identical
//     to deploy/kibana/kozan.ndjson) and ImportKibana.
//
// Mapping changes: Setup puts the template under the next version, creates
// the new index, moves the alias in one _aliases call, then copies the old
// documents with _reindex (op_type create, so documents written after the
// move win). Until the copy succeeds the template's _meta.migrate_from names
// the old indices, so an interrupted setup is finished by the next one. The
// old index is kept for rollback; delete it by hand.
package es
