// Package jtok wraps one kagome v2 tokenizer (IPA dictionary) for kozan.
//
// The tokenizer is built once by New and shared read-only by every worker.
// Tokens carries byte offsets into the input, and Join renders the
// space-separated lowercase token string used by the full-text indexes
// (SQLite FTS5 and the Elasticsearch *_tokens fields), so documents and
// queries are tokenized the same way.
//
// Files:
//   - jtok.go: Tokenizer, Token, New, Tokens, AppendTokens (kagome's lattice
//     read directly, no intermediate kagome token slice), Join and the POS
//     interning (a POS list index per dictionary word id).
package jtok
