// Package deal finds deals in news text: who (the company, usually the
// miner that reports), with whom (the counterparty: customer, lender,
// acquirer), how much, what kind, and the sentence that proves it. Every
// deal names the rules that made it (Deal.Rule), and WriteExplanation tells,
// sentence by sentence, which rules fired and why a candidate was dropped
// (`kozan extract --explain`, `kozan eval --explain`).
//
// # How a document is read
//
//  1. Analysis (analyze.go: analyze, veto): money figures (extract/money), lexicon
//     words in one pass (lexicon.go), organisations (the gazetteer of
//     extract/org, and kagome's organisation tokens for Japanese in the
//     sentences that hold an amount, a deal word or a name found without
//     kagome, or open on a role: needPieces; only those are tokenized,
//     or taken from the whole text's tokens when the caller has them for
//     the search index); names completed from the document (defined.go:
//     short names a text defines, 「X(以下「Y」)」; a Japanese name shown
//     once to be an organisation's, at every use; a name cut at "for" or
//     "of" stretched to what its bracketed acronym spells), then the veto
//     rules: mentions that are no parties and figures that are no deal
//     values are set aside (Result.Vetoes); names.go completes names
//     from the document (investees, list members, 同行, acronyms, Reuters
//     codes, names written longer) and headline.go reads the title. On a
//     text of 16 KB or more the organisation finder and the figure rules
//     each run on a goroutine of their own beside the other passes
//     (parallel.go: background; vetoFigures), and so do the relation
//     patterns of step 3, a sentence behind (dataRuns), and the second
//     half of each batch of Japanese pieces to tokenize (tokenNames); the
//     output is the same as read in one goroutine.
//  2. Sentence rules (relation.go, parties_ja.go, parties_en.go, followup.go): each figure is
//     tied to the nearest deal word of its clause unless a figure word
//     (revenue, cash, valuation…) sits closer; its parties come from
//     Japanese particles (は/が subject, と/との/から/に counterparty, を
//     object) or English frames (subject, with/from/by/to, "acquire X"),
//     else from the paragraph's topic company (同社, "the company") and the
//     miner prior (a deal of this news belongs to a miner). Strong deal
//     words with a named counterparty make deals without an amount; a
//     sentence restating the value of the deal just told gives it its
//     amount. The rule is written "amount:<how>@<lexicon entry>".
//  3. Relation patterns (match.go): data rules over the sentence with its
//     organisations and figures masked ("{company}{gap}\bfrom
//     {counterparty}"); each match is a deal named "data:<id>".
//  4. Resolution (settle.go, kinds.go, dedupe.go): kind rules refine the
//     kinds, an asset sale is told from the buyer's side when the party
//     order asks for it (of two miners, the acquirer); pending deals whose value never came,
//     deals whose only figure was vetoed, parts of an acquisition price,
//     deals between co-lenders or co-investors (each another company's
//     lender or investor: its deals instead), a maker named only before its
//     products, and nameless data deals beside a fuller one are dropped
//     (Result.Dropped, each with the stage's reason);
//     the same deal told twice is merged and keeps the names of the data
//     rules that found it too (two value-less deals of one pair only when
//     their kinds may tell one deal, a value-less one into one with a
//     value unless their kinds are of two families; a figure and its conversion into
//     dollars are one, by the dollar value the text gives when it gives
//     one: textConversions); a subsidiary introduced as such gives way to its
//     parent (roles.go parentOf, withParents); each known party is named
//     as the article writes it among the company list's names
//     (spelling.go: Cipher Mining in a 2023 story, Cipher Digital in
//     2026).
//
// # Rules kept as data (rules/*.yaml, embedded; more from kozan.yaml `rules`)
//
//   - lexicon_en.yaml, lexicon_ja.yaml — lexicon entries: deal words by kind
//     (triggers; strong ones may make a deal without an amount), figure
//     words, sums over several deals, AI/HPC context, shadowing words.
//   - en.yaml, ja.yaml — parties: when a mention is no party (a report's
//     source, a news outlet, a public body, a date, a headline verb, a run
//     of common words); figures: when a figure is no deal value (a price
//     target, a per-unit cost, an option to upsize, a market move, a figure
//     restated in another currency, a gain booked on a sale, anything under
//     US$10,000); sentences: sentences that tell no deal of the article (a
//     related-story link, an original headline); deals: relation patterns;
//     kinds: kind refinements (a site bought is an acquisition, machines
//     from a hardware vendor a purchase); org_words: the words that let a
//     name no list knows be a data rule's party.
//
// Every entry has an id, a priority and examples that must and must not
// fire; rules_test.go runs every example through the extractor and asserts
// that exactly that rule fired (or did not). A party rule whose id opens
// with en. or ja. applies to that language only. Conditions: before,
// after, names, roles, match, after_match, before_match (with
// before_needs, words one of which must be near for the expression to
// run), elsewhere_match (an expression the text after any other use of
// the name matches: "the Helios facility") — any one fires, or with
// both: true one before and one after the name; unless_before, words any
// of which in the 60 bytes before the name keep a before condition from
// holding ("invested $50 million in X" is no place); of limits a party
// rule to some names, its other conditions deciding ("Strategy" ending
// "Future Energy Strategy"); deal rules: pattern (with needs),
// topic_party, role_evidence (the pattern's slots make its parties
// organisations without more evidence: "X's acquisition of Y"), each_listed (every other member of the counterparty's list is
// a counterparty too: "Citi, ING and Natixis are acting as joint lead
// arrangers"), unless_after (words right after the match that make no
// deal: "… Nvidia servers from Supermicro") and told_company (the company is that of the last deal of
// the rule's kind told before; the captured name its counterparty) and
// any_sentence (the rule reads sentences without a deal word of the
// lexicon too, those holding one of its needs: "Its clients include X");
// figure rules: before (within), after, after_match
// (with after_needs, words one of which must follow the figure for the
// expression to run), before_match (with before_needs: an expression the
// sentence before the figure ends on, "brings its financing to"),
// max_usd, currency, after_figure, and no_deal (the
// figure's sentence tells no deal at all: talks, an offer turned down, a
// plan).
//
// # Adding a rule
//
//  1. Find the phrasing with `kozan extract --explain FILE`: the sentence
//     shows what was set aside, matched and dropped.
//  2. Add an entry to the right file and kind — a word to a lexicon entry,
//     a `before`/`after`/`names`/`match` condition to a party or figure
//     rule, a pattern to `deals` — with an id of the form
//     <lang>.<what>.<name>, a priority, an `about`, and examples of your
//     own writing: at least one that fires and one that must not.
//  3. `go test ./extract/deal` runs the examples and the team's written
//     corpora (their floors fail the build); `kozan eval --gold
//     extract/eval/realnews/dev.jsonl --texts ~/.cache/kozan/realnews
//     --aliases extract/eval/testdata/aliases.yaml` measures the change on
//     real news. A rule that names the companies of one text is worse than
//     none.
//
// Rules that need more than a phrase — clause zones, particles, apposition,
// the miner prior — stay in Go. The sentence rules run in phases, a file
// each:
//
//   - relation.go — the driver: sent, the sentence context built once per
//     sentence (its language, mentions with their roles, cues, subject,
//     topic and the paragraph's miner), passed by pointer to the phases;
//     sentence ties each figure to its deal word, kind and parties, then
//     adds the amount-less deals.
//   - candidates.go — what a sentence offers: its mentions (English names
//     read after prepositions and at the start), cues and amounts, a
//     zone's mentions, and the lists of names that make a figure a sum.
//   - figures.go — figures that are no deal value: per-unit prices,
//     former sizes, run rates and backlogs, balances, gains booked, net
//     proceeds, figures restated in another currency, options and
//     increments beside a new total.
//   - triggers.go — the deal word of a figure (nearestTrigger, markClause)
//     and the figure or sum words that keep it from being a deal value
//     (blockedByNegative).
//   - kindnear.go — the kind from the deal words around the figure
//     (kindNear, mainKind: stock, debt, PPA, service kinds) and AI/HPC
//     context (refineKind).
//   - roles.go — company and counterparty from the roles of the zone
//     (resolve, nearestCP) and the miner prior (minerPrior).
//   - amountless.go — deals without an amount from strong deal words with
//     a named counterparty, pending ones from weak words (dropPending),
//     agreements signed or reached with the other side unnamed
//     (signedDeal).
//   - lists.go — every member of a list of counterparties gets the
//     amount-less deal told of one (「A、B、Cと…」, "with A, B and C"), and a
//     financing or equity deal with its figure (each lender, each investor).
//   - discourse.go — the topic from sentence to sentence (state,
//     readTopic, state.after) and anaphors ("the company", 同社; "the two
//     companies", 両社 as the pair of the last deal told: pairAnaphora).
//   - lang.go, lang_ja.go, lang_en.go — lang, what Japanese and English do
//     differently (labelling roles, clause bounds, the reach of a deal
//     word, the counterparty's side, sum words), and each language's own
//     helpers (relative clauses and particles; asides and clause breaks).
//     A rule of one language only tests sent.isJA.
//
// Beside them: deal.go (the door: Config, Extractor, Extract and the order
// the phases run in), parties.go (the mention and its roles; parties_ja.go
// gives them from particles, parties_en.go from frames), followup.go
// (values told in the next sentence), measure.go (term and capacity),
// dedupe.go, truecase.go (names versus capitalised common words), boiler.go
// (press-release boilerplate), product.go (makers named before their
// products), phrases.go (every word the rules test a stretch of text for,
// found in one Aho–Corasick pass over the document and looked up by
// range), prefilter.go (the words a rule's expression requires, read from
// its syntax tree: the expression runs only where they are), suffix.go
// (a look-back expression run reversed from the end of its window). A panic of the rules is recovered into
// Result.Err (recoverResult): the caller keeps the article and reports it. Why each of them is as it is was written in the commit log,
// round by round.
//
// # Decisions
//
// Figures that are never deal values: cash held, a value that holds only
// if options are exercised, per-unit prices, the former size of a changed
// deal (upsized from $X, 当初は…), net proceeds, vague magnitudes ("several
// billion"; extract/money already reads 数十億ドル as none), instalments, a
// share price after a move, enterprise or equity value when no deal is
// told. An amended or upsized deal reports its new total.
//
// Kinds: warrants and shares bought are equity; buying a company is an
// acquisition (priced by "valuing X at", never by a per-share price); a
// value phrase takes the service kind named before it (lease, colocation,
// hosting); power purchase agreements (PPA, 電力購入契約) are kind other and
// never refined into HPC contracts.
package deal
