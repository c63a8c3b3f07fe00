// Package deal finds deals in news text: who (the company, usually the
// miner that reports), with whom (the counterparty: customer, lender,
// acquirer), how much, what kind, and the sentence that proves it.
//
// Extract analyses a document once: money amounts (extract/money), deal and
// non-deal words (a lexicon scanned in one pass), and organisations (the
// gazetteer of extract/org plus, for Japanese, kagome's organisation tokens
// in the sentences that hold an amount, a lexicon word or an organisation
// found without kagome, or that open on a role: needPieces in deal.go; only
// those are tokenized, or taken from the whole text's tokens when the
// caller has them for the search index). Relation rules then work
// sentence by sentence. Each amount is tied to the nearest deal word in its
// zone (the span between its neighbouring amounts) unless a non-deal word
// (revenue, cash, valuation, forecast, a sum) sits closer; its parties come
// from Japanese particles (は/が subject, と/との/から/に counterparty, を
// object) or English frames (subject, with/from/by/to, "acquire X",
// "invest in X", "X and Y"), falling back to the topic company of the
// paragraph (同社, "the company"). Deal words with a named counterparty and
// no amount make amount-less deals. The headline is read together with the
// first sentence; a headline of two clauses (split at a space between
// Japanese words, ／, ;) joins only its first clause to the body, the others
// are read after it with its subject as topic, so a guarantor backs the
// miner, never the customer. A headline deal beats a weaker body guess of
// another counterparty in the same sentence. Finally the same deal
// mentioned twice is merged.
//
// Japanese names no list knows: a press-release profile bracket
// ("(本社:…、代表取締役社長:…)") may stand between a name and は; a katakana
// run before に/への…出資/投資 is the investee; an unknown name after 株式会社
// reaches to a company-name ending (銀行, 電力…). A maker before a product
// noun ("buy the Nvidia GPUs") is the vendor of a purchase, not a company
// bought.
//
// Across sentences: a sentence that restates the value of the deal just
// told (契約総額は…, 買収額は…, "The deal is valued at…", "The lease is
// expected to generate…") and names no organisation before the amount
// gives that amount to the previous sentence's amount-less deal; a sentence
// opening on a role ("The buyer, X", 買い手は) names its counterparty. A
// guarantor that backs a deal without naming the miner (グーグルが賃料支払いを
// 保証する, "Google agreed to provide a backstop") is the counterparty of a
// backstop deal of the paragraph's miner. Within a sentence, amount zones
// stop at clause breaks (し、, "; ") when another amount lies beyond.
//
// Parties written around a role: a name in apposition to a role noun after
// a preposition takes the preposition's role ("from its largest
// shareholder, X"); a Japanese name after a role noun (相手先は/売却先は…X で)
// is the counterparty; a seller (Xから) beats the maker of the product
// (米Y製GPU); "A Inc said on Monday B would…" makes A report B's deal; a
// headline "A, B expand pact" is a pair; "The facility was led by X" names
// the previous deal's lender. A weak buying, selling or funding word with a
// named counterparty makes a pending deal that stands only when the next
// sentence gives its value (購入額は…, "The purchase price was…"); a
// party's contribution to a joint venture just told is that partnership's
// amount. "and <deal verb>" opens the next deal's clause when another
// amount follows.
//
// Japanese clauses around a name: a が clause headed by a describing verb
// in 連体形 (グーグルが出資する英AIクラウドのX) only describes the next
// name, it is no party; Xの第三者割当増資/株式を引き受け/取得 makes X the
// company invested in; Xの[最新]GPU…を購入/調達 makes the maker X the
// seller (unless another party sells: Yから); a name in corner brackets (スタートアップ「X」と)
// takes the particle after the bracket. A value noun may stand a short
// aside before its amount (取得額は株式交換を含め約…).
//
// Round 6: "Alphabet's Google" puts Google in its owner's place (the
// subject of a backstop); "X's existing agreements with A and B" makes X
// the company and one deal per listed partner (plural deal nouns only);
// "placed orders worth $X with Dell" is a purchase from Dell; "and
// separately signed" opens a new clause even when no amount follows (the
// PPA after a priced purchase is its own amount-less deal); "The company"
// after a sentence about a tenant is the article's miner (st.miner), and
// "The facility/loan/lease…" refers to the deal just told. In Japanese,
// Xなどの銀行団から / Xなど3メガバンクは take the group's particle, Xに対し is
// the recipient (the borrower), Xをリード投資家/割当先とする names the
// investor, a known Latin name glued to katakana and a legal form
// (SBIインベストメント株式会社) is its own company, and a subjectless
// sentence "新たに…約X億ドルの契約を結び" gives its amount to the contract
// just announced. A payment told as part of an acquisition price ("will
// pay $X in cash and issue shares", 買収額のうち現金で…) is no new deal
// (dropPriceParts); the same deal found twice merges.
//
// Round 7 (English precision): revenue tied to a contract's term ("$X of
// cumulative revenue over its 15-year term") is the contract's value, and a
// paragraph opening on the deal just told ("The lease is expected to
// generate…", 同契約は) still restates it; a guarantor in a paragraph of its
// own backs the article's miner; names in an aside about the subject (",
// which already holds a stake in X,") are no parties; "to the … subsidiary
// of X" makes X the recipient; a named borrower keeps its place before a
// miner that lends; a topic named plainly in a new paragraph stays the
// topic; sentence-initial common nouns (Construction, Proceeds) are no
// names; an unknown party takes the fullest form the article uses
// (fullNames: Gridline → Gridline Mining); "sold $X of bonds" is financing.
// Never deal values: "per $1,000 principal amount", a share price after
// "3.2% higher at", a quarter-end balance ("ended the quarter with cash and
// digital assets of $X"), and a negated deal word ("no long-term debt").
//
// Round 8: a changed deal keeps its new size ("from $X to $Y", "to $Y
// from $X", 当初予定のXからYに), while a changed price target is no deal; a
// sentence opening on a list of three names ("A, B and C Raise $X") sums
// their deals, as do "taken together" and "add up to"; a gain, loss or
// charge booked on a deal is no value. A later sentence "Including …, the
// lease has a total contract value of $X" (also after a deal-less sentence
// opening its paragraph) restates the deal just told; a JV party's "$X for
// its half of the venture" is the partnership's amount, and a joint
// venture word makes a partnership before AI context refines it. An owner
// or founder in an appositive ("X, the Blackstone-owned operator,") is no
// party; "buy X's site" is X's asset sale; "$X of common stock … at-the-
// market" is equity; "the Company's X subsidiary" is no party; the venture
// being set up (合弁会社「X」を設立) is no party, and a 、 inside a profile
// bracket does not cut a partner off its clause. In org: "Bank of <Place>"
// keeps its place, a country's possessive (Japan's) and opening
// participles (Including, Combined) are no names, a Title Case headline
// verb ends a name unless a corporate word follows, "Trading" ends one.
//
// Round 9: the earlier size told after a deal's new one ("upsized to $Y,
// from the $X announced") and a value an analyst implies ("implying an
// enterprise value of $X") are no deals. In a list of deals a name after
// "and" with its own finite deal verb ("and CleanSpark priced a $X
// offering") opens its own clause. "a unit of Japan's X" makes X the party
// of the preposition before the unit; in "X-backed Y" the backer is no
// party and Y takes its place. "Under the N-year agreement, the Company
// expects to purchase $X" restates the deal just told, as does a Japanese
// paragraph opening on a source (同社の発表によると、) and telling 契約の総額,
// a 契約期間は…総額… clause, or 総事業費. "X株式会社と、…大手のYは" pairs X
// with the described subject Y; Xなどが引き受ける…融資 makes X the lender
// (引き受け is no share deal there), and a Japanese sentence with no
// subject in a new paragraph stays with the miner told before. An English
// headline conjunction (" as ", " while " before a name) opens a second
// clause, so a guarantor named there never becomes the lead deal's company.
//
// Round 10 (structural precision): truecasing (truecase.go) — a word
// capitalised only at a sentence start or in a Title Case headline keeps
// its place in an unknown name only when the body writes it capitalised
// mid-sentence, a company suffix or the gazetteer vouches for it, or it
// opens a body name ("Annual rent…", "Gross proceeds…" make no party); a
// headline candidate holding a body name becomes it ("Texas Miner Brazos
// Hash" → Brazos Hash). Press-release boilerplate (boiler.go: About
// <Name>, Forward-Looking Statements, Safe Harbor, contacts, 会社概要,
// 本件に関するお問い合わせ… up to the next heading) makes no deals. Run-
// rates, backlogs, market values and analysts' estimates ("$X a year",
// annual rent, "backlog of contracted revenue", "across its tenants",
// "market capitalization reaching", "could generate") price no deal, so
// beside a contract total the total is the deal. A maker followed by a
// model or product family (product.go: "Nvidia GB300 capacity") is no
// party unless a deal preposition governs it. A new paragraph naming "the
// venture" comes back to the joint venture just told.
//
// Round 11 (the miner prior): news of this kind reports miners' deals, so
// a deal whose parties hold no miner belongs to the miner the sentence is
// about — its reporting subject ("WhiteFiber said Macquarie agreed to
// provide…"), or, when the sentence refers back (an anaphor such as "its",
// no subject of its own, a company taken from the topic), the paragraph's
// miner or the article's (the headline's miner, else the miner it names
// most: docMiner). The non-miner named becomes the counterparty; a maker
// before its model ("Nvidia B300"), a weak unknown name or a code (CB-6)
// never does. A ticker in brackets after
// its name ("Hut 8 Corp. (Nasdaq: HUT)") takes the name's role, so the
// owner in "X, a subsidiary of Y (Nasdaq: Y)," stays no party.
// A seller after from beats the maker of the products bought ("buy $X of
// Nvidia GB300 systems from Dell" is a purchase from Dell).
// Net proceeds however phrased ("estimates that the net proceeds from the
// offering will be approximately $X") are no deal, unless a sale is made
// "for net proceeds of $X".
// A fund's manager takes the fund's place (米Xが運用するファンドから, Xの
// ファンドを引受先とする): X is the investor.
//
// Round 12: the describing words before a former size are stripped in any
// order ("upsized from the previously announced $X … to $Y"). A count
// ("buy 12,000 Bitmain Antminer S23 rigs") or a product family between a
// buying verb and its maker keeps the maker the seller. A descriptor
// opening a reported clause ("said that Japanese trading house X will take
// a stake") leaves X the clause's subject, so the reporting miner's deal
// has X as counterparty. A fund of any kind (クレジットファンド, 不動産投資
// ファンド) run by X makes X the investor or lender. A bank group led by
// the names before it (X、Yの3メガバンクを中心とする銀行団が) takes the group's
// particle, and Xが…建設するデータセンターに対し makes X the recipient. A
// credit line or line of credit is financing, and "and X drew $Y from…"
// opens X's own clause in a list of deals.
//
// Round 13: the initial purchasers' option on more notes ("an option to
// purchase up to an additional $X") is no deal; an expanded deal is its new
// total ("a further $X …, lifting the contract's total value to $Y",
// 追加分は…X、契約総額はYに達する), the increment is none; "after upsizing the
// deal from $X" is a former size; a cumulative sum (累計調達額) is no deal.
// A lender group after など may be long (Xなど国内金融機関5行から). "The
// consideration consists of $X in cash and … shares" is a part of the
// acquisition price just told. "The shares were sold … to a group of
// investors led by X" (placed with X) names the buyers of the securities
// just told: X is the counterparty of that deal, and money raised in a
// private placement of stock is equity (of notes, financing). A contract
// with a party described but not named ("a hyperscaler it did not name",
// 大手ハイパースケーラーと, 社名非公表の) is a pending deal with no
// counterparty: it stands when the next sentence gives its value.
//
// Round 14: an amount restating one just told in another currency ("The
// loan, equivalent to about $X", "€X, or about $Y", (約…円)) is the same
// deal, not a new one (a fiat value of bitcoin stays the value); 当初
// anywhere in a Japanese clause before its amount (…は当初、…総額X,
// 当初の…X) marks a former size, unless a change to it lies between
// (当初予定のXからYに). In a list of deals "placed", "offered",
// "arranged" and "entered" open a name's own clause like "priced", and the
// names before that subject belong to the earlier deal ("A closed a loan
// with B, and C issued $X of notes": C's deal has no counterparty);
// "sold $X of zero-coupon notes" is financing even with a few describing
// words before the debt word. Owners are never parties: an aside after an
// anaphoric subject ("The company, which is majority-owned by X and…,",
// also when the headline is read with it) names no party, and a name
// whose appositive tells its owner ("W, the AI unit of bitcoin miner X,
// raised…") deals for itself, the miner prior leaves it alone. Money
// raised in an initial public offering (IPO) is equity; "N shares at $X"
// is a price per share. "a deal the miner values at $X" gives the deal
// its value, like "valued at".
//
// Figures that are never deal values: cash held ("had $X in cash and
// equivalents", cash on hand, 手元資金), a value that holds only if
// options are exercised, per-unit prices, the former size of
// a changed deal ("upsized from the $X", 当初は…), net proceeds, vague
// magnitudes (数十億ドル, "several billion"), instalments ("$X at
// closing"), a share price after a percentage move, and enterprise or
// equity value when no deal is told.
//
// Kinds: warrants and shares bought are equity, a stake or interest sold
// is equity, buying a company is an acquisition (priced by "valuing X at",
// never by a per-share price), a value phrase takes the service kind named
// before it (lease, colocation, hosting). Power purchase agreements
// (PPA, 電力購入契約) are kind other: they buy electricity, not assets, and
// are never refined into HPC contracts; only a PPA in the amount's own
// clause makes it one (Xを…で買収し、あわせてYと電力購入契約 keeps the
// acquisition).
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
//   - truecase.go: names versus common words capitalised at a sentence
//     start or in a Title Case headline.
//   - boiler.go: press-release boilerplate sections.
//   - product.go: makers named before their products.
package deal
