// Package deal finds deals in news text: who (the company, usually the
// miner that reports), with whom (the counterparty: customer, lender,
// acquirer), how much, what kind, and the sentence that proves it.
//
// Extract analyses a document once: money amounts (extract/money), deal and
// non-deal words (a lexicon scanned in one pass), and organisations (the
// gazetteer of extract/org plus, for Japanese, kagome's organisation tokens
// from one tokenization of the whole text). Relation rules then work
// sentence by sentence. Each amount is tied to the nearest deal word in its
// zone (the span between its neighbouring amounts) unless a non-deal word
// (revenue, cash, valuation, forecast, a sum) sits closer; its parties come
// from Japanese particles (は/が subject, と/との/から/に counterparty, を
// object) or English frames (subject, with/from/by/to, "acquire X",
// "invest in X", "X and Y"), falling back to the topic company of the
// paragraph (同社, "the company"). Deal words with a named counterparty and
// no amount make amount-less deals. The headline is read together with the
// first sentence. Finally the same deal mentioned twice is merged.
//
// Files:
//   - deal.go: Config, Extractor, Result, New, Extract, per-document analysis.
//   - lexicon.go: deal words, non-deal words, sums, AI context; the scanner.
//   - parties.go: roles of organisation mentions (Japanese particles, English frames).
//   - relation.go: the sentence rules: amount ↔ deal word ↔ parties, amount-less deals.
//   - followup.go: a sentence restating the value of the deal just told
//     (契約総額は…, "The deal is valued at…") gives it its amount.
//   - measure.go: contract term (years) and capacity (MW).
//   - dedupe.go: merging mentions of the same deal.
package deal
