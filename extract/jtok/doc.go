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
//     read directly, no intermediate kagome token slice, over bounded
//     chunks: whole lines, else cut at 。, spaces or punctuation, and runs
//     of one character class cut every 64 characters, so that the cost is
//     linear in the input), Join and the POS interning (a POS list index
//     per dictionary word id).
//   - viterbi.go: kagome's lattice (Build, Forward, Backward in Normal
//     mode) over one reusable slice of nodes instead of a sync.Pool per
//     node, each rune's class and run end read once, the double array
//     walked inline; Forward start position by start position, reading
//     per position only the cheapest node of each right id, branch-free;
//     the same nodes, costs and ties, so the same tokens
//     (TestViterbiMatchesKagome, FuzzViterbi).
package jtok
