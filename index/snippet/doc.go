// Package snippet builds the search-result snippet shared by kozan's two
// search backends, the embedded SQLite store (index/sqlite) and
// Elasticsearch (index/es), so `kozan search` prints the same snippet for
// the same article and query whichever backend answers. It is part of the
// index stage: both backends import it, no other stage needs to.
//
// A snippet is the sentence of the article text holding the most distinct
// query terms (ties go to the earliest sentence), with every match in
// [brackets], clipped around the first match to MaxRunes runes. When no
// sentence matches it is the title (bracketed when the title matches), then
// the start of the text.
//
// Files:
//   - terms.go: Terms, the snippet terms of a query (deduplicated, no
//     punctuation or particles, longest first).
//   - sentence.go: sentences, cut by the project's one sentence splitter
//     (extract/text.Sentences), so a snippet is the sentence the deal rules
//     and the evidence see.
//   - snippet.go: Make, term matching (ASCII case-insensitive, whole words
//     for Latin terms), merging of overlapping and adjacent matches, and
//     clipping.
package snippet
