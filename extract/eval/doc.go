// Package eval measures the deal extractor on a held-out set of news
// excerpts written independently of its rules (so the numbers are a second
// opinion, not the rules' own corpus). It has no production code: everything
// lives in tests.
//
// Files:
//   - testdata/heldout_en.yaml, testdata/heldout_ja.yaml: the excerpts, each
//     with id, split (dev or final), style, optional title, text and the
//     expected deals (company, counterparty|null, amount|null, currency|null,
//     kind).
//   - testdata/blind2_en.yaml, testdata/blind2_ja.yaml: a second blind set
//     (split blind2, 25 English and 20 Japanese excerpts, about a quarter
//     negatives), written after the first had been partly tuned on. It is
//     scored on its own lines and never fails the build.
//   - testdata/blind3_en.yaml, testdata/blind3_ja.yaml: a third blind set
//     (split blind3, 28 English and 22 Japanese excerpts, 13 negatives),
//     written for the end-of-day measurement without reading the rules or
//     the earlier sets. Scored per language and overall on its own lines,
//     never failing; its texts, misses and false positives are printed only
//     with -v and KOZAN_EVAL_SHOW=1, so rule authors see just the scores.
//   - testdata/blind4_en.yaml, testdata/blind4_ja.yaml: a fourth blind set
//     (split blind4, 30 English and 20 Japanese excerpts, 13 negatives),
//     written the same way for the final measurement, scored and hidden like
//     blind3.
//   - testdata/blind5_en.yaml, testdata/blind5_ja.yaml: a fifth blind set
//     (split blind5, 25 English and 15 Japanese excerpts, 10 negatives),
//     written without reading the rules or the earlier sets, shaped like
//     the real excerpts the extractor will be judged on; scored and hidden
//     like blind3.
//   - testdata/aliases.yaml: spellings of the same party (English, Japanese,
//     Chinese, tickers) used only by the scorer.
//   - set_test.go: loading the sets and checking each is well formed.
//   - score_test.go: name normalisation, deal matching and precision/recall.
//   - eval_test.go: TestHeldout, which runs the real extractor on every
//     excerpt and logs precision, recall and F1 per split and language, with
//     every miss and false positive. It fails only below a low floor: it is a
//     measurement, not a gate.
//
// Run it with
//
//	go test ./extract/eval/ -v -run Heldout
package eval
