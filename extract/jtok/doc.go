// Package jtok wraps one kagome v2 tokenizer (IPA dictionary) for kozan.
//
// The tokenizer is built once by New and shared read-only by every worker.
// Tokens carries byte offsets into the input, and Join renders the
// space-separated lowercase token string used by the full-text indexes
// (SQLite FTS5 and the Elasticsearch *_tokens fields), so documents and
// queries are tokenized the same way.
//
// Files:
//   - jtok.go: Tokenizer, Token, New, Tokens, AppendTokens, Join, the POS
//     interning (a POS list index per dictionary word id) and the free list
//     of lattice states.
//   - lattice.go: a port of kagome's Viterbi lattice (Normal mode, no user
//     dictionary) whose nodes live in one reused slice instead of one
//     sync.Pool object each; same tokens as kagome, about 3× faster. Texts
//     over 1 GB go through kagome's own lattice.
package jtok
