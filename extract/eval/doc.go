// Package eval measures the deal extractor against answer keys: the scorer
// behind `kozan eval` and the tests that score the team's keys. One scorer
// serves both, so a number printed by a test is the number a user gets.
//
// Files:
//   - record.go: Record, GoldDeal, Value, Figure — the key's form of
//     shared/realnews/ANNOTATION.md (JSON lines, or one object in the seed's
//     form); Load, LoadFile (unknown keys are errors naming their line),
//     LoadAliases.
//   - texts.go: ReadText, a record's cached text with its sha256 checked
//     (ok, unverified, missing, changed): only present, unchanged texts are
//     scored.
//   - score.go: NameKey, Scorer (parties in either order, aliases, a null
//     counterparty matching only null — or anything for the older written
//     sets — amounts within 1% of the amount or of one of its other values),
//     the one-to-one matching (most pairs, then exact figures and kinds) and
//     the error classes.
//   - run.go: Run, which extracts and scores every record, and Report.
//   - report.go: WriteTable (a terminal table, the errors by class with
//     their evidence, --explain's sentence-by-sentence account) and
//     WriteJSON.
//   - byrule.go: Report.ByRule, WriteByRule, WriteByRuleJSON — every rule
//     name a deal's rule field holds, with the deals it had a hand in and
//     how many were right (`kozan eval --by-rule`).
//   - check.go: Check, the key's consistency with its text (form, sha256,
//     evidence in the text, every annotated figure a money mention of the
//     text and every money mention accounted for).
//
// Keys:
//   - realnews/dev.jsonl, realnews/test.jsonl: 507 excerpts of real news
//     (texts cached outside the repository; realnews/README.md and
//     SPLITS.md). TestRealnews scores the dev split (and the test split
//     with KOZAN_SCORE_TEST=1, scores only) and skips without the cache;
//     TestRealTextsNoPanic runs the extractor over every cached text and
//     sentence; TestRealnewsKeyWellFormed checks the key's size, splits,
//     form and that no URL is reserved.
//   - testdata/heldout_*.yaml and testdata/blindN_*.yaml: sets the team
//     wrote blind to the rules (TestHeldout; hidden sets print their
//     details only with KOZAN_EVAL_SHOW=<split>), testdata/aliases.yaml
//     their spellings of one party (also used for the real-news key).
//   - testdata/key: a tiny key of our own writing for the scorer's tests.
package eval
