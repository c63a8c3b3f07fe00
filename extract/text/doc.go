// Package text prepares article text for extraction: Unicode normalisation
// and sentence splitting with byte offsets into the normalised text.
//
// Files: normalize.go holds Normalize (NFKC plus wave dashes, zero-width
// characters and odd spaces); sentence.go holds Span and Sentences, the
// Japanese/English sentence splitter; simhash.go holds Simhash and
// Distance, the fingerprint near-duplicate articles are found by; lower.go
// holds Lower, strings.ToLower without a case lookup for kana and kanji.
// predicates.go holds HasAnyPrefix and Capitals, the string tests the org
// and deal rules share.
//
// Every offset this package returns is a byte offset into the string it was
// given, on a rune boundary. Callers normalise once with Normalize and keep
// all later offsets (sentences, amounts, evidence) in that normalised text.
package text
