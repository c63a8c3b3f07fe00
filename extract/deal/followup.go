package deal

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

// jaValueNouns name the value of the deal just told ("契約総額は約32億ドル",
// "買収額は約90億ドル"): a clause opening on one restates that deal's amount.
var jaValueNouns = []string{"契約総額", "契約金額", "契約額", "買収総額", "買収金額", "買収額", "取得価額", "取得総額",
	"取得金額", "取得額", "購入総額", "購入金額", "購入額", "購入価格", "発注総額", "発注額", "総収入", "受注総額", "受注額", "売却総額", "売却額", "売却価格", "譲渡価額", "譲渡額",
	"融資総額", "融資額", "調達総額", "調達額", "出資額", "投資総額", "投資額", "取引総額", "取引額", "総事業費", "事業規模", "総費用", "費用総額", "総コスト", "総額", "金額", "契約規模"}

// enDealNouns open an English sentence about the deal just told ("The deal
// is valued at…", "The lease is expected to generate…").
var enDealNouns = map[string]bool{"deal": true, "agreement": true, "contract": true, "lease": true, "transaction": true,
	"acquisition": true, "purchase": true, "sale": true, "financing": true, "loan": true, "facility": true, "pact": true,
	"arrangement": true, "order": true, "partnership": true, "takeover": true, "merger": true, "offering": true,
	"agreements": true, "contracts": true, "leases": true, "deals": true, "consideration": true, "price": true}

// enValueWords say that the amount is the value of the deal named before.
var enValueWords = []string{"valued at", "worth", "value of", "generate", "bring in", "total ", "totals", "totaling",
	"totalling", "priced at", "price of", " values ", "amounts to", "represents", "is for ", "covers", "carries",
	"price is", "price was", "price will be", "value is", "value was", "consideration is", "consideration was"}

// kindOfValueNoun is the kind a Japanese value noun implies, or "" for any.
func kindOfValueNoun(n string) pipeline.Kind {
	switch {
	case strings.HasPrefix(n, "買収"), strings.HasPrefix(n, "取得"):
		return pipeline.KindAcquisition
	case strings.HasPrefix(n, "購入"), strings.HasPrefix(n, "発注"):
		return pipeline.KindPurchase
	case strings.HasPrefix(n, "融資"), strings.HasPrefix(n, "調達"):
		return pipeline.KindFinancing
	case strings.HasPrefix(n, "売却"), strings.HasPrefix(n, "譲渡"):
		return pipeline.KindAssetSale
	}
	return ""
}

// followUpAmount reports whether amount a of sentence sp restates the
// value of a deal told in the previous sentence: its clause opens on a
// value noun (契約総額は, "The deal is valued at") and names no
// organisation before the amount, so it cannot be a different deal. want
// is the kind the value noun implies ("" for any).
func followUpAmount(d *doc, sp [2]int, a pipeline.Amount, ms []mention, prev []pipeline.Deal, isJA bool) (want pipeline.Kind, ok bool) {
	for _, m := range ms {
		if m.Span[0] < a.Span[0] && !partyOf(m, prev) {
			return "", false
		}
	}
	if isJA {
		lo := sp[0]
		if k := strings.LastIndex(d.text[sp[0]:a.Span[0]], "、"); k >= 0 {
			lo = sp[0] + k + len("、")
		}
		pre := d.text[lo:a.Span[0]]
		for _, n := range jaValueNouns {
			k := strings.Index(pre, n)
			if k < 0 {
				continue
			}
			// The value noun governs the amount: only a particle, a hedge
			// (約, 最大, およそ) or a short aside (株式交換を含め, 10年間で)
			// sit between them.
			if len(pre)-(k+len(n)) > 30 {
				continue
			}
			return kindOfValueNoun(n), true
		}
		if contractOfAmount(d.text[a.Span[1]:sp[1]]) && !strings.ContainsAny(d.text[sp[0]:a.Span[0]], "はが") {
			// "新たに5年間で約37億ドルの契約を結び": a sentence with no
			// subject tells the amount of the contract just announced.
			return "", true
		}
		return "", false
	}
	lower := d.lower[sp[0]:a.Span[0]]
	ws := strings.Fields(lower)
	if k, ok := afterLeadPhrase(ws); ok && ws[0] != "under" && k < len(ws) {
		ws = ws[k:] // "Including two extension options, the lease has…"
	}
	if len(ws) == 1 && (ws[0] == "the" || ws[0] == "this") && amountNounRE.MatchString(d.lower[a.Span[1]:sp[1]]) {
		return "", true // "The €59m deal is expected to close in 2025": the deal just told
	}
	if len(ws) < 2 {
		return "", false
	}
	switch ws[0] {
	case "the", "this", "that", "these", "both", "under":
	default:
		return "", false
	}
	noun := false
	reach := 4
	if ws[0] == "under" {
		reach = 6 // "Under the terms of the agreement, the contract…"
	}
	for i := 1; i < len(ws) && i <= reach; i++ {
		if enDealNouns[strings.Trim(ws[i], ",")] {
			noun = true
			break
		}
	}
	if !noun {
		return "", false
	}
	for _, v := range enValueWords {
		if strings.Contains(lower, v) {
			return "", true
		}
	}
	if ws[0] == "under" && leadPhraseNoun(ws[1:]) && transferVerb(lower) {
		// "Under the 10-year agreement, the Company expects to purchase
		// approximately $210 million of renewable electricity": what
		// changes hands under the deal just told is its value.
		return "", true
	}
	return "", false
}

// transferVerb reports a verb of buying, paying or earning in the words
// before an amount ("expects to purchase", "will pay", "to receive").
func transferVerb(lower string) bool {
	return text.ContainsAny(lower, " purchase ", " buy ", " pay ", " receive ", " generate ", " earn ", " spend ", " supply ", " deliver ", " provide ")
}

// amountNounRE follows an amount that opens a sentence as the deal's
// modifier: "(The €59m) deal", "(The $1.2 billion) all-stock transaction".
var amountNounRE = regexp.MustCompile(`^[ -](?:all-stock |all-cash |cash |cash-and-stock |stock |proposed |planned )?` + amountDealNoun)

// amountDealNoun is the deal noun an amount may modify ("the €59m deal").
const amountDealNoun = `(?:deal|acquisition|transaction|agreement|purchase|sale|contract|lease|takeover|buyout|merger|financing|loan|facility|investment)\b`

// amountDealOpenRE opens a sentence on an amount and a deal noun: "The
// €59m deal", "This $2 billion transaction".
var amountDealOpenRE = regexp.MustCompile(`^(?:the|this) (?:us\$|a\$|c\$|s\$|hk\$|\$|€|£|¥)?[\d.,]+ ?(?:million|billion|bn|mn|mln|m|b)?(?:[ -](?:dollar|euro|pound))?[ -](?:all-stock |all-cash |cash |proposed |planned )?` + amountDealNoun)

// dealReference reports a sentence opening on the deal just told ("The
// lease is expected to generate…", "This agreement…", 同契約は, 本契約の):
// a press release puts it in a paragraph of its own, still about the
// previous paragraph's deal.
func dealReference(lower string) bool {
	lower = afterReportPhrase(lower)
	if amountDealOpenRE.MatchString(lower) {
		return true // "The €59m deal is expected to be completed…"
	}
	if strings.Contains(lower, "契約の総額") || strings.Contains(lower, "契約総額") || strings.HasPrefix(lower, "契約期間は") && strings.Contains(lower, "総額") {
		return true // "基本契約の総額だけで92億ドルを超える"
	}
	if text.HasAnyPrefix(lower, "同契約", "本契約", "当該契約", "契約総額", "買収額", "買収総額", "取引総額") {
		return true
	}
	for _, n := range jaValueNouns {
		if strings.HasPrefix(lower, n) && strings.HasPrefix(lower[len(n):], "は") {
			return true // 「契約規模は最大194億ドルで」 opening a paragraph: the deal just told
		}
	}
	if text.HasAnyPrefix(lower, "合弁会社", "新会社", "共同出資会社") || strings.Contains(lower, " the venture") || strings.Contains(lower, " the joint venture") || strings.Contains(lower, " the jv") {
		return true // a party's share of the venture just told
	}
	if _, ok := passiveAgent(lower); ok {
		return true // "The funding round, which was upsized, was led by X"
	}
	ws := strings.Fields(lower)
	if k, ok := afterLeadPhrase(ws); ok {
		if leadPhraseNoun(ws[1:k]) {
			return true // "Under the amended contract, …"
		}
		ws = ws[k:]
	}
	if len(ws) < 3 || ws[0] != "the" && ws[0] != "this" && ws[0] != "these" && ws[0] != "both" {
		return false // "These agreements, projected to generate…": the deals just told
	}
	for i := 1; i < len(ws) && i <= 3; i++ {
		if w := strings.Trim(ws[i], ","); enDealNouns[w] {
			return true
		}
	}
	return false
}

// afterReportPhrase drops a Japanese opening that only names the source
// ("同社の発表によると、", "関係者によれば、").
func afterReportPhrase(lower string) string {
	k := strings.Index(lower, "、")
	if k < 0 || k > 60 {
		return lower
	}
	head := lower[:k]
	for _, p := range []string{"によると", "によれば", "の発表では", "の説明では"} {
		if strings.HasSuffix(head, p) {
			return lower[k+len("、"):]
		}
	}
	return lower
}

// leadPhrase are prepositions and participles that open a sentence before
// its subject ("Including…, the lease", "Under the amended contract, …").
var leadPhrase = map[string]bool{"including": true, "excluding": true, "under": true, "following": true,
	"after": true, "with": true, "combined": true, "together": true, "assuming": true}

// afterLeadPhrase returns the index of the first word after an opening
// phrase ("Including two five-year extension options, the lease has…").
func afterLeadPhrase(ws []string) (int, bool) {
	if len(ws) < 4 || !leadPhrase[ws[0]] {
		return 0, false
	}
	for i := 1; i < len(ws) && i < 10; i++ {
		if strings.HasSuffix(ws[i], ",") {
			return i + 1, true
		}
	}
	return 0, false
}

// leadPhraseNoun reports "the/this <deal noun>" in an opening phrase ("Under
// the amended contract,").
func leadPhraseNoun(ws []string) bool {
	if len(ws) < 2 || ws[0] != "the" && ws[0] != "this" {
		return false
	}
	for _, w := range ws[1:] {
		if enDealNouns[strings.Trim(w, ",")] {
			return true
		}
	}
	return false
}

// contractOfAmount reports an amount that names a contract right after it
// (…億ドルの契約を結び, (約5600億円)規模の契約を締結).
func contractOfAmount(rest string) bool {
	return text.HasAnyPrefix(sizeWordAfter(rest, 40), "の契約を結", "の契約を締結", "の契約に合意", "の契約で合意")
}

// sizeWordAfter is the text after an amount past a bracketed aside shorter
// than within bytes ((約5600億円)) and the size word 規模 after it: where
// the noun the amount sizes is named.
func sizeWordAfter(rest string, within int) string {
	if strings.HasPrefix(rest, "(") {
		if e := strings.IndexByte(rest, ')'); e > 0 && e < within {
			rest = rest[e+1:]
		}
	}
	return strings.TrimPrefix(rest, "規模")
}

// partyOf reports an organisation that is a party of one of the deals just
// told ("…to acquire X. The transaction values X at $N"): naming it again
// does not start a different deal.
func partyOf(m mention, prev []pipeline.Deal) bool {
	for _, p := range prev {
		if sameName(p.Company, m.Name) || sameName(string(p.Counterparty), m.Name) {
			return true
		}
	}
	return false
}

// sameName reports two names of one organisation, one perhaps without its
// legal form ("Fjordkraft Compute" and "Fjordkraft Compute ASA").
func sameName(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	// Japanese writes a short form without a space (ミライ電源 for
	// ミライ電源ホールディングス).
	return a == b || strings.HasPrefix(b, a+" ") || hasJapanese(a) && utf8.RuneCountInString(a) >= 3 && strings.HasPrefix(b, a)
}

// ventureWords name a joint venture told before ("the venture", 新会社).
var ventureWords = []string{"venture", "the jv", "the new company", "the partnership", "新会社", "合弁", "共同出資会社"}

// ventureContribution reports an amount a party of an amount-less
// partnership just told puts into the venture ("Hut 8 will contribute
// $90m for a 51% interest in the venture", "Xは新会社に約2000億円を出資し"):
// it is the value of that partnership.
func ventureContribution(d *doc, sp [2]int, a pipeline.Amount, ms []mention, prev []pipeline.Deal) bool {
	part := false
	for _, p := range prev {
		if p.Kind == pipeline.KindPartnership && p.Amount == nil && p.Counterparty != "" {
			part = true
		}
	}
	if !part {
		return false
	}
	lower := d.lower[sp[0]:sp[1]]
	venture := false
	for _, w := range ventureWords {
		if strings.Contains(lower, w) {
			venture = true
		}
	}
	if !venture {
		return false
	}
	for _, m := range ms {
		if m.Span[0] < a.Span[0] && !partyOf(m, prev) {
			return false
		}
	}
	if shareOfVenture(d.lower[a.Span[1]:sp[1]]) {
		return true // "will put in $85 million for its half of the venture"
	}
	for _, c := range cuesIn(d.cues, sp) {
		if c.w.class == cueTrigger && (c.w.kind == pipeline.KindEquity || c.w.kind == pipeline.KindPartnership) && dist(c, a) <= maxDistEN {
			return true
		}
	}
	return false
}

// shareOfVenture reports an amount followed by the party's share of the
// venture (" for its half of the venture", " for a 49% stake in the JV").
func shareOfVenture(rest string) bool {
	if e := strings.IndexAny(rest, ",;"); e >= 0 {
		rest = rest[:e]
	}
	if strings.HasPrefix(rest, " (") {
		if e := strings.IndexByte(rest, ')'); e > 0 {
			rest = rest[e+1:]
		}
	}
	if !strings.HasPrefix(rest, " for its ") && !strings.HasPrefix(rest, " for a ") {
		return false
	}
	for _, w := range []string{"half", "share", "stake", "interest", "portion"} {
		if strings.Contains(rest, w) {
			for _, v := range ventureWords {
				if strings.Contains(rest, v) {
					return true
				}
			}
		}
	}
	return false
}

// attachFollowUp gives amount a to the best amount-less deal of the
// previous sentence (prev), in place. It reports whether a was taken.
func (x *Extractor) attachFollowUp(d *doc, sp [2]int, a pipeline.Amount, want pipeline.Kind, prev []pipeline.Deal) bool {
	best := -1
	for i := range prev {
		p := prev[i]
		if p.Amount != nil || p.Counterparty == "" && !strings.HasPrefix(p.Rule, pendingRule+"unnamed:") {
			continue
		}
		// A stake is bought and sold too: "全所有株式を丸紅に譲渡…。譲渡価額は
		// 3億6400万円" values the share transfer told before.
		if want != "" && p.Kind != want && !(want == pipeline.KindAcquisition && p.Kind == pipeline.KindPurchase) &&
			!(p.Kind == pipeline.KindEquity && (want == pipeline.KindAssetSale || want == pipeline.KindAcquisition)) {
			continue
		}
		if best < 0 || p.Kind != pipeline.KindPartnership && prev[best].Kind == pipeline.KindPartnership {
			best = i
		}
	}
	if best < 0 {
		return false
	}
	amt := a
	dl := &prev[best]
	if dl.Kind == pipeline.KindEquity && want == pipeline.KindAssetSale {
		dl.Kind = want // the stake's sale, valued
	}
	dl.Amount = &amt
	dl.Rule += "+next"
	dl.Confidence = round2(dl.Confidence + 0.05)
	if dl.TermYears == nil {
		if v, ok := findTerm(d.text, d.lower, sp[0], sp[1], a.Span[0]); ok {
			dl.TermYears = &v
		}
	}
	// The other members of a list told in the same sentence share the
	// value: 「シングテルと米KKRは…STT GDCを…取得…。買収額は66億シンガ
	// ポールドル」 is the price each buyer's deal is part of.
	for i := range prev {
		o := &prev[i]
		if i == best || o.Amount != nil || o.Counterparty == "" || o.EvidenceSpan != dl.EvidenceSpan || o.Kind != dl.Kind ||
			o.Company != dl.Company || !strings.HasPrefix(o.Rule, "list:") && !strings.HasPrefix(dl.Rule, "list:") {
			continue
		}
		v := a
		o.Amount = &v
		o.Rule += "+next"
	}
	return true
}

// roleOpeners open a sentence naming the other side of the deal just told
// ("The buyer, Asunción-based X, will…", "買い手は…").
var roleOpeners = []string{"the buyer", "the purchaser", "the acquirer", "the lender", "the tenant", "the customer",
	"the investor", "the acquiring company", "買い手は", "売却先は", "譲渡先は", "融資元は", "借り手は", "顧客は"}

// agentVerbs name who provided a deal in a passive sentence ("The
// facility was led by X").
var agentVerbs = []string{"led", "co-led", "arranged", "provided", "underwritten", "funded", "backed", "financed",
	"syndicated", "extended", "anchored", "made"}

// passiveAgent reads "The <deal noun> was <verb> by …" (or "This …") at the start of a
// sentence and returns the offset after "by". The verb may also follow
// the noun as a participle ("The new funding round, backed by X, …") and
// an arranger may be "arranged with" X ("The debt facility, arranged with
// Y acting as the initial lender, …").
func passiveAgent(lower string) (int, bool) {
	if k := reportedRest(lower); k > 0 {
		// "Vantage claims the debt package, led by MUFG and SocGen, is…":
		// the report's own words.
		if j, ok := passiveAgent(lower[k:]); ok {
			return k + j, true
		}
		return 0, false
	}
	if !strings.HasPrefix(lower, "the ") && !strings.HasPrefix(lower, "this ") {
		return 0, false // both forms open on "The <deal noun>" ("This latest raise was led by X")
	}
	if loc := agentAfterAside.FindStringIndex(lower); loc != nil {
		// "The funding round, which was materially upsized, was led by X".
		return loc[1], true
	}
	ws := strings.Fields(lower)
	if len(ws) < 4 || ws[0] != "the" && ws[0] != "this" {
		return 0, false
	}
	noun := -1
	for i := 1; i < len(ws) && i <= 3; i++ {
		w := strings.TrimSuffix(ws[i], ",")
		if enDealNouns[w] || w == "notes" || w == "round" || w == "credit" || w == "bonds" || w == "fundraising" || w == "raise" || w == "placement" || w == "package" ||
			w == "funding" && (i+1 == len(ws) || ws[i+1] != "round" && ws[i+1] != "round,") {
			noun = i
		}
	}
	if noun < 0 || noun+2 >= len(ws) {
		return 0, false
	}
	i := noun + 1
	switch ws[i] {
	case "was", "is", "were", "are":
		i++
	case "will", "has":
		if ws[i+1] != "be" && ws[i+1] != "been" {
			return 0, false
		}
		i += 2
	default:
		if !strings.HasSuffix(ws[noun], ",") {
			return 0, false
		}
	}
	if i+1 >= len(ws) || ws[i+1] != "by" && !(ws[i] == "arranged" && ws[i+1] == "with") {
		return 0, false
	}
	verb := false
	for _, v := range agentVerbs {
		if ws[i] == v {
			verb = true
		}
	}
	if !verb {
		return 0, false
	}
	k := strings.Index(lower, " "+ws[i]+" "+ws[i+1]+" ")
	if k < 0 {
		return 0, false
	}
	return k + len(" "+ws[i]+" "+ws[i+1]+" "), true
}

// agentAfterAside is "The <deal noun>, <an aside>, was <verb> by " at the
// start of a sentence.
var agentAfterAside = regexp.MustCompile(`^(?:the|this) (?:new |latest |initial |recent |\w+ )?(?:funding round|financing round|round|financing|raise|loan|facility|credit facility|offering|notes|investment|deal),[^.;]{1,90}?, (?:was|were|is|has been|will be) (?:led|arranged|provided|underwritten|funded|backed|financed|anchored|co-led) by `)

// participantsFrom is where a sentence lists the other investors of a
// round it tells: "with participation from A and B", "alongside A".
var participantsFrom = []string{"participation from ", "participation of ", "participation by ", "alongside ", "joined by ", "participating investors include ",
	"attracted backing from ", "drew backing from ", "backing from investors ", "with backing from "}

// securitiesBuyers reads "The shares were sold … to <buyers>" at the start
// of a sentence (also notes, stock, securities; sold, issued, placed,
// allocated) and returns the offset after "to" (or "with": "placed with
// X"): the buyers of the
// securities just told ("to a group of investors led by X") are the other
// side of that deal.
func securitiesBuyers(lower string) (int, bool) {
	ws := strings.Fields(lower[:min(len(lower), 60)])
	if len(ws) < 4 || ws[0] != "the" {
		return 0, false
	}
	i := 1
	if ws[i] == "new" || ws[i] == "common" || ws[i] == "preferred" {
		i++
	}
	switch ws[i] {
	case "shares", "stock", "notes", "securities", "bonds", "units":
	default:
		return 0, false
	}
	i++
	switch ws[i] {
	case "were", "was", "are", "will":
	default:
		return 0, false
	}
	verb := -1
	for _, v := range []string{" sold ", " issued ", " placed ", " allocated "} {
		if k := strings.Index(lower, v); k >= 0 && k < 40 {
			verb = k + len(v) - 1
			break
		}
	}
	if verb < 0 {
		return 0, false
	}
	rest := lower[verb:min(len(lower), verb+70)]
	for _, p := range []string{" to ", " with "} {
		if k := strings.Index(rest, p); k >= 0 {
			return verb + k + len(p), true
		}
	}
	return 0, false
}

// fillCounterparty gives the first organisation of a sentence opening on a
// role word to the last deal of prev without a counterparty. It reports
// whether it did.
func fillCounterparty(d *doc, sp [2]int, ms []mention, prev []pipeline.Deal) bool {
	lower := d.lower[sp[0]:sp[1]]
	opener := false
	for _, o := range roleOpeners {
		if strings.HasPrefix(lower, o) {
			opener = true
			break
		}
	}
	from := sp[0]
	if !opener {
		k, ok := passiveAgent(lower)
		if !ok {
			k, ok = securitiesBuyers(lower)
		}
		if !ok {
			return false
		}
		from = sp[0] + k
	}
	var m *mention
	for i := range ms {
		if ms[i].Span[0] >= from && ms[i].Span[0]-from <= 80 && usable(ms[i]) {
			if !opener && strings.ContainsAny(d.text[from:ms[i].Span[0]], ",;") {
				break // "The loan, arranged by a group of banks, will fund … leased to X": not the agent
			}
			m = &ms[i]
			break
		}
	}
	if m == nil {
		return false
	}
	for i := len(prev) - 1; i >= 0; i-- {
		p := &prev[i]
		if p.Counterparty == "" && p.Company != m.Name {
			p.Counterparty = pipeline.NullString(m.Name)
			p.Rule += "+role"
			return true
		}
	}
	return false
}

// participants are the other investors a sentence naming the lead of a
// round lists ("led by X with participation from A and B"): each took part
// in the deal, without a figure of its own.
func participants(d *doc, sp [2]int, ms []mention, lead pipeline.Deal) []pipeline.Deal {
	lower := d.lower[sp[0]:sp[1]]
	from := -1
	for _, w := range participantsFrom {
		if k := strings.Index(lower, w); k >= 0 && (from < 0 || k < from) {
			from = k + len(w)
		}
	}
	if from < 0 {
		return nil
	}
	from += sp[0]
	var out []pipeline.Deal
	prevEnd := from
	var prevM mention
	for _, m := range ms {
		if m.Span[0] < from || !usable(m) || m.Name == lead.Company || m.Name == string(lead.Counterparty) {
			continue
		}
		if m.Span[0] > prevEnd && prevEnd != from && !joinedAsList(d.text, prevM, m, false) {
			break // the list has ended
		}
		if gap := strings.TrimSpace(d.lower[from:m.Span[0]]); prevEnd == from && gap != "" && gap != "the" &&
			!(len(gap) <= 60 && (strings.HasSuffix(gap, " including") || strings.HasSuffix(gap, " such as"))) {
			break // "participation from major industry names including A, B…"
		}
		out = append(out, tookPart(d, sp, lead, m.Name, "participant:"))
		prevEnd, prevM = m.Span[1], m
	}
	return out
}

// coAgents are the other members of the list the agent fillCounterparty
// gave lead belongs to ("The loan was provided by A, B and C"): each
// entered the one agreement and gets its own copy of the deal, amount
// included, unless the list says it names only some ("…and others").
func coAgents(d *doc, sp [2]int, ms []mention, lead pipeline.Deal) []pipeline.Deal {
	at := -1
	for i, m := range ms {
		if m.Name == string(lead.Counterparty) && m.Span[0] >= sp[0] && usable(m) {
			at = i
			break
		}
	}
	if at < 0 {
		return nil
	}
	var out []pipeline.Deal
	prev := ms[at]
	end := prev.Span[1]
	for i := at + 1; i < len(ms); i++ {
		m := ms[i]
		if m.Span[0] < end || !joinedAsList(d.text, prev, m, false) {
			break
		}
		prev, end = m, m.Span[1]
		if !usable(m) || m.Name == lead.Company || m.Name == string(lead.Counterparty) {
			continue
		}
		c := lead
		c.Counterparty = pipeline.NullString(m.Name)
		c.Rule = "list:" + lead.Rule
		out = append(out, c)
	}
	rest := d.lower[end:min(len(d.lower), end+30)]
	if text.HasAnyPrefix(rest, " and others", ", and others", " among others", ", among others") {
		return nil
	}
	return out
}

// fillLender gives the lender or backer a later sentence names ("The debt
// facility, arranged with Deutsche Bank acting as the initial lender, …")
// to the last money deal told without a counterparty, however many
// sentences before: the sentence's money noun says which deal it is about.
func fillLender(d *doc, sp [2]int, ms []mention, told []pipeline.Deal) bool {
	lower := d.lower[sp[0]:sp[1]]
	if !moneyNounOpens(lower) {
		return false
	}
	if _, ok := passiveAgent(lower); !ok {
		return false
	}
	if i := lastOpenMoneyDeal(d, told, true); i >= 0 {
		return fillCounterparty(d, sp, ms, told[i:i+1]) // a view of told: filling it fills told
	}
	return false
}

// lastOpenMoneyDeal returns the index of the last deal of told that has a
// figure but no counterparty and is a financing (or, with equity, an
// equity round too), or -1: the deal a later sentence naming its lenders
// or leads completes.
func lastOpenMoneyDeal(d *doc, told []pipeline.Deal, equity bool) int {
	for i := len(told) - 1; i >= 0; i-- {
		dl := told[i]
		if dl.Counterparty == "" && dl.Amount != nil && (dl.Kind == pipeline.KindFinancing || equity && dl.Kind == pipeline.KindEquity) {
			if _, no := d.noValue[dl.Amount.Span]; no {
				continue // "a $50 million accordion option": no deal of its own, the loan before it is
			}
			return i
		}
	}
	return -1
}

// shareMoneyDeal gives names to the open deal dl: the first fills its
// counterparty (its rule gains tag), each other one gets a copy of the
// deal, figure included, told in sentence sp, its rule prefixed with
// copyPrefix. It returns the copies.
func shareMoneyDeal(d *doc, sp [2]int, dl *pipeline.Deal, names []string, tag, copyPrefix string) []pipeline.Deal {
	var out []pipeline.Deal
	for _, n := range names {
		if dl.Counterparty == "" {
			dl.Counterparty = pipeline.NullString(n)
			dl.Rule += tag
			continue
		}
		c := withCounterparty(*dl, n, copyPrefix)
		c.Evidence, c.EvidenceSpan = d.text[sp[0]:sp[1]], sp
		out = append(out, c)
	}
	return out
}

// reportLead is a short reporting clause opening a sentence ("Vantage
// claims", "The company said that") before the words it reports.
var reportLead = regexp.MustCompile(`^[^,.;:]{1,60}? (?:claims|claimed|said|says|noted|notes|added|adds|stated|states) (?:that )?`)

// reportedRest returns where the reported words start after a reporting
// clause that opens the sentence, when they open on "the" or "this"; 0
// without one.
func reportedRest(lower string) int {
	// The verb starts within reportLead's first 61 runes (at most 244
	// bytes): most sentences (all Japanese ones) hold none of its verbs
	// there.
	if !text.ContainsAny(lower[:min(len(lower), 256)], " claim", " said", " says", " note", " add", " state") {
		return 0
	}
	loc := reportLead.FindStringIndex(lower)
	if loc == nil || !strings.HasPrefix(lower[loc[1]:], "the ") && !strings.HasPrefix(lower[loc[1]:], "this ") {
		return 0
	}
	return loc[1]
}

// moneyNounOpens reports a sentence opening on a money deal's noun within
// its first four words: "The debt facility", "The new funding round" (after
// a reporting clause too: "Vantage claims the debt package…").
func moneyNounOpens(lower string) bool {
	lower = lower[reportedRest(lower):]
	ws := headFields(lower, 5)
	for i := 1; i < len(ws) && i <= 4; i++ {
		switch strings.Trim(ws[i], ",") {
		case "facility", "loan", "loans", "notes", "bonds", "financing", "round", "funding", "raise", "investment", "credit", "debt", "offering", "package":
			return ws[0] == "the" || ws[0] == "this" // "This latest raise was led by X"
		}
	}
	return false
}

// leadsJA gives the leads a Japanese sentence names for a round or loan
// told before (「今回の資金調達ラウンドはAのほか、Bが主導した」) to the last
// money deal told without a counterparty: the first lead fills it, the
// others are co-leads of the same deal and figure. It returns the
// co-leads' deals.
func leadsJA(d *doc, sp [2]int, ms []mention, told []pipeline.Deal) ([]pipeline.Deal, bool) {
	lower := d.lower[sp[0]:sp[1]]
	if !strings.Contains(lower, "が主導") && !strings.Contains(lower, "がリード") || !text.ContainsAny(lower, "ラウンド", "資金調達", "融資", "社債", "出資") {
		return nil, false
	}
	var leads []mention
	for _, m := range ms {
		if usable(m) && (m.label == lCP || strings.HasPrefix(d.text[afterMention(d.text, m.Span[1]):], "のほか")) {
			leads = append(leads, m) // 「Aのほか、…Bが主導」: A leads too
		}
	}
	if len(leads) == 0 {
		return nil, false
	}
	i := lastOpenMoneyDeal(d, told, true)
	if i < 0 {
		return nil, false
	}
	dl := &told[i]
	var names []string
	for _, m := range leads {
		if m.Name != dl.Company {
			names = append(names, m.Name)
		}
	}
	out := shareMoneyDeal(d, sp, dl, names, "+lead", "colead:")
	return out, dl.Counterparty != ""
}

// lenderRoles name a bank's part in a loan: a sentence that gives one to
// the names it holds tells who lends.
var lenderRoles = []string{"administrative agent", "lead arranger", "lead arrangers", "mandated lead arranger", "joint lead arranger",
	"lender group includes", "lender group included", "lending group includes", "lending syndicate includes", "the lenders are",
	"was led by", "were led by", "co-led by", "lenders include", "lenders included", "lenders were", "lending group",
	"syndicate led by", "with support from", "banks led by", "group of banks led by", "consortium of banks led by",
	"joint coordinator", "joint coordinators", "global coordinator", "global coordinators", "coordinating bank", "coordinating banks", "coordinating lead arrangers",
	"involved in the syndicated", "participated in the syndicated", "part of the syndicate", "lenders in the syndicate"}

// lendersEN gives the banks an English sentence without a figure names in
// a lender's role ("MUFG served as the administrative agent for the loan,
// which was led by TD Securities, ING and Santander") to the last loan
// told without a counterparty: the first fills it, each other one is a
// deal of its own with the same figure. It returns the new deals.
func lendersEN(d *doc, sp [2]int, ms []mention, told []pipeline.Deal) ([]pipeline.Deal, bool) {
	lower := d.lower[sp[0]:sp[1]]
	// A loan's own roles need no word of the loan beside them: "A and B
	// were among the mandated lead arrangers".
	loanRole := text.ContainsAny(lower, "lead arranger", "administrative agent", "joint coordinator", "global coordinator", "coordinating lead arranger")
	if !text.ContainsAny(lower, lenderRoles...) || !loanRole && !text.ContainsAny(lower, " loan", "facility", "credit", "debt financing", "financing", "lender group", "lending group", "lending syndicate") {
		return nil, false
	}
	i := lastOpenMoneyDeal(d, told, false)
	for k := len(told) - 1; k > i; k-- {
		if told[k].Kind == pipeline.KindFinancing && strings.Contains(told[k].Rule, "+lenders") {
			// "OCBC acted as joint coordinator for the financing. … DBS
			// said it was also involved in the syndicated financing": the
			// loan whose lenders were just named, not an older open one.
			i = k
			break
		}
	}
	if i < 0 {
		return nil, false
	}
	dl := &told[i]
	seen := map[string]bool{dl.Company: true, string(dl.Counterparty): true}
	var banks []string
	for k, m := range ms {
		if k > 0 && strings.TrimSpace(d.text[ms[k-1].Span[1]:m.Span[0]]) == "(" {
			continue // "Global Infrastructure Partners (BlackRock)": the lender's owner in an aside
		}
		if usable(m) && !seen[m.Name] && !roleTitle(m.Name) {
			seen[m.Name] = true
			banks = append(banks, m.Name)
		}
	}
	if len(banks) == 0 {
		return nil, false
	}
	return shareMoneyDeal(d, sp, dl, banks, "+lenders", ""), true
}

// otherBackersRE opens an English sentence listing the other backers of
// the money deal told before ("Other investors were A, B and C", "Other
// lenders in the facility include A").
var otherBackersRE = regexp.MustCompile(`^(the )?other (investors|lenders|backers|participants|banks|shareholders)( [a-z-]+){0,6} (were|are|include|included|includes|comprise|comprised)\b`)

// otherBackers gives each organisation a sentence opening with
// otherBackersRE names its own copy of the last financing or equity deal
// told, without the figure: each took part, none for the whole sum.
func otherBackers(d *doc, sp [2]int, ms []mention, told []pipeline.Deal) ([]pipeline.Deal, bool) {
	if !otherBackersRE.MatchString(d.lower[sp[0]:sp[1]]) {
		return nil, false
	}
	i := -1
	for k := len(told) - 1; k >= 0; k-- {
		if told[k].Kind == pipeline.KindFinancing || told[k].Kind == pipeline.KindEquity {
			i = k
			break
		}
	}
	if i < 0 {
		return nil, false
	}
	lead := told[i]
	seen := map[string]bool{lead.Company: true, string(lead.Counterparty): true}
	var out []pipeline.Deal
	for _, m := range ms {
		if !usable(m) || seen[m.Name] || roleTitle(m.Name) {
			continue
		}
		seen[m.Name] = true
		out = append(out, tookPart(d, sp, lead, m.Name, "backers:"))
	}
	return out, len(out) > 0
}

// joinedRoundRE finds an English sentence telling who else took part in
// the round or raise told before: "A and B also participated", "Existing
// investors A and B also joined the round", "A led the financing round
// along with investors including B and C". A verb that goes on to its own
// object ("also invested in Y", "also joined the board") is not matched:
// the verb must end the clause or name the round.
var joinedRoundRE = regexp.MustCompile(`\b(?:(?:also|likewise) (?:participated|joined|invested|took part|co-invested)(?:[.,;]|$| in (?:the|this) (?:[a-z0-9-]+ ){0,3}(?:round|raise|financing|fundraising|fund-raising|funding|offering|placement)\b)|(?:also )?(?:participated|took part|co-invested) in (?:the|this) (?:[a-z0-9-]+ ){0,3}(?:round|raise|financing|fundraising|fund-raising|funding|offering|placement)\b|(?:also )?joined (?:the|this) (?:[a-z0-9-]+ ){0,3}(?:round|raise|financing|fundraising|fund-raising|funding|offering|placement)\b|(?:led|co-led|anchored) (?:the|this) (?:[a-z0-9-]+ ){0,3}(?:round|raise|financing|fundraising|fund-raising|funding|offering|placement)\b)`)

// roundJoiners gives each organisation a sentence matching joinedRoundRE
// names its own copy of the last equity or financing deal told in the
// toldNear bytes before, without the figure: each took part in it, none for
// the whole sum. The organisation that "led the round" fills that deal's
// counterparty when it has none, figure kept (it is the round's lead).
func roundJoiners(d *doc, sp [2]int, ms []mention, told []pipeline.Deal) ([]pipeline.Deal, bool) {
	lower := d.lower[sp[0]:sp[1]]
	// Every match holds one of these verbs: a cheap test that spares the
	// expression nearly every sentence of a long page.
	if !text.ContainsAny(lower, "participated", "joined", "invested", "took part", "co-invested", "led ", "anchored") {
		return nil, false
	}
	loc := joinedRoundRE.FindStringIndex(lower)
	if loc == nil {
		return nil, false
	}
	i := -1
	for k := len(told) - 1; k >= 0; k-- {
		if told[k].EvidenceSpan[1] < sp[0]-toldNear {
			break // deals are told in text order
		}
		if told[k].Kind == pipeline.KindFinancing || told[k].Kind == pipeline.KindEquity {
			i = k
			break
		}
	}
	if i < 0 {
		return nil, false
	}
	lead := &told[i]
	led := text.ContainsAny(lower[loc[0]:loc[1]], "led ", "anchored ")
	seen := map[string]bool{lead.Company: true, string(lead.Counterparty): true}
	var out []pipeline.Deal
	for _, m := range ms {
		if !usable(m) || seen[m.Name] || roleTitle(m.Name) {
			continue
		}
		if !led && m.Span[0] >= sp[0]+loc[0] {
			break // "A also participated, said B": the names before the verb took part
		}
		seen[m.Name] = true
		if hasDeal(told, lead.Company, m.Name) {
			continue // "A is investing $350 million in X, while B also took part": A's deal is told
		}
		if led && m.Span[0] < sp[0]+loc[0] && lead.Counterparty == "" {
			lead.Counterparty = pipeline.NullString(m.Name)
			lead.Rule += "+role"
			continue
		}
		out = append(out, tookPart(d, sp, *lead, m.Name, "joined:"))
	}
	return out, len(out) > 0
}

// tookPart is lead's copy for one more party that took part in it, told in
// sentence sp without a figure of its own: its rule is lead's, prefixed.
func tookPart(d *doc, sp [2]int, lead pipeline.Deal, name, prefix string) pipeline.Deal {
	c := withCounterparty(lead, name, prefix)
	c.Amount = nil
	c.Evidence, c.EvidenceSpan = d.text[sp[0]:sp[1]], sp
	return c
}

// roleTitle reports a capitalised role read as a name ("Joint Lead
// Arranger", "Administrative Agent").
func roleTitle(name string) bool {
	l := strings.ToLower(name)
	return text.ContainsAny(l, "arranger", "agent", "bookrunner", "lender", "underwriter", "trustee", "adviser", "advisor", "coordinator")
}
