// Package extract turns fetched pages and plain texts into documents: the
// article (main text, title, date, language) and every deal it reports.
//
// It is the door to its sub-packages: text (NFKC normalisation, sentence
// splitting), money (amounts), jtok (the shared kagome tokenizer), org (the
// company gazetteer and unknown organisations), deal (relation rules) and
// article (HTML → Article). extract.go wires them; one Extractor is built once
// (it loads the kagome dictionary) and is safe for concurrent use. The text
// is tokenized once for the search index and the deal rules; with
// Config.NoIndexTokens (kozan extract, eval) only the sentences the rules
// need are.
package extract
