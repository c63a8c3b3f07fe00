package deal

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

// kindNear picks the kind of a deal: the kind of its deal word, upgraded
// to a more specific kind written right next to it or to the anchor
// [as,ae) ("リース契約", "lease agreement"), within [lo,hi). A stock word
// (株式, shares, stake) turns a sale or purchase into equity.
func kindNear(cues []cue, trig cue, as, ae, lo, hi int) pipeline.Kind {
	kind := trig.w.kind
	stock := trig.w.s == "株式"
	if stock {
		kind = pipeline.KindOther
	}
	const radius = 15
	anchor := pipeline.Amount{Span: [2]int{as, ae}}
	tspan := pipeline.Amount{Span: [2]int{trig.start, trig.end}}
	for _, c := range cues {
		if c.w.class != cueTrigger || c.start < lo || c.end > hi {
			continue
		}
		if kind == pipeline.KindAssetSale && debtWords[c.w.s] && c.start >= ae && c.start-ae <= 2*radius+2 && !cueBetween(cues, ae, c.start) {
			kind = pipeline.KindFinancing // "sold $1.15 billion of zero-coupon notes": debt issued
			continue
		}
		strongKind := c.w.kind == pipeline.KindBackstop || c.w.kind == pipeline.KindAcquisition
		if dist(c, anchor) > radius && dist(c, tspan) > radius && !(strongKind && dist(c, anchor) <= 3*radius) {
			continue
		}
		if c.w.s == "株式" || c.w.s == "shares" || c.w.s == "stake" || c.w.s == "equity" || c.w.s == "warrants" || c.w.s == "新株予約権" {
			stock = true
			continue
		}
		if (c.w.s == "initial public offering" || c.w.s == "ipo") && (raiseWords[trig.w.s] || trig.w.kind == pipeline.KindFinancing) {
			kind = pipeline.KindEquity // "raised $X in its initial public offering": shares sold
			continue
		}
		if c.w.s == "private placement" && raiseWords[trig.w.s] && !placedDebt(cues, c) {
			kind = pipeline.KindEquity // "raised $X in a private placement of common stock"
			continue
		}
		if raiseWords[c.w.s] && contractNouns[trig.w.s] {
			continue // "secured a $9.7bn contract": a contract won, not money raised
		}
		generic := kind == pipeline.KindOther || kind == pipeline.KindPartnership || kind == pipeline.KindHPCContract
		if kind == pipeline.KindAssetSale && debtWords[c.w.s] && c.start >= ae {
			kind = pipeline.KindFinancing // "sold $900 million of bonds": debt issued
			continue
		}
		if kindRank[c.w.kind] > kindRank[kind] && (generic || c.w.kind == pipeline.KindAcquisition || c.w.kind == pipeline.KindBackstop) {
			kind = c.w.kind
		}
	}
	if kind == pipeline.KindOther || kind == pipeline.KindPartnership {
		// "closed the sale of its data centre … for total consideration of
		// $6.1 million": a generic value word takes the clause's
		// acquisition or sale.
		other := kind == pipeline.KindOther
		for _, c := range cues {
			if c.w.class != cueTrigger || c.start < lo || c.end > hi {
				continue
			}
			if c.w.kind == pipeline.KindAcquisition {
				kind = pipeline.KindAcquisition
			} else if other && c.w.kind == pipeline.KindAssetSale && kind == pipeline.KindOther {
				kind = pipeline.KindAssetSale
			}
		}
	}
	if stock && (kind == pipeline.KindAssetSale || kind == pipeline.KindPurchase || kind == pipeline.KindOther) {
		kind = pipeline.KindEquity
	}
	if kind == pipeline.KindAcquisition && acquiresShares(cues, lo, hi) {
		kind = pipeline.KindEquity
	}
	if kind == pipeline.KindEquity {
		// "invest ¥15 billion in a joint venture with X": the money goes
		// into a venture of both, not into X.
		for _, c := range cues {
			if c.w.class == cueTrigger && c.w.s == "joint venture" && c.start >= ae && c.end <= hi && c.start-ae <= 2*radius {
				kind = pipeline.KindPartnership
			}
		}
	}
	return kind
}

// raiseWords raise money without saying how: the way named next to the
// amount (a private placement) gives the kind.
var raiseWords = map[string]bool{"raised": true, "raise": true, "raises": true, "raising": true, "secured": true, "secures": true, "funding": true}

// roundWords name a venture round: money raised by selling shares
// ("raised $686M of a planned $818M funding round", "in a Series E round").
var roundWords = map[string]bool{"funding round": true, "financing round": true, "seed round": true, "series a": true,
	"series b": true, "series c": true, "series d": true, "series e": true, "series f": true}

// placedDebt reports debt placed privately: a debt word right after the
// placement ("a private placement of convertible notes").
func placedDebt(cues []cue, pp cue) bool {
	for _, c := range cues {
		if c.start >= pp.end && c.start-pp.end <= 30 && debtWords[c.w.s] {
			return true
		}
	}
	return false
}

// cueBetween reports a deal or non-deal word in [lo,hi), other than a
// financing word ("senior secured notes").
func cueBetween(cues []cue, lo, hi int) bool {
	for _, c := range cues {
		if c.start >= lo && c.end <= hi && c.w.kind != pipeline.KindFinancing {
			return true
		}
	}
	return false
}

// debtWords are securities a company sells to borrow.
var debtWords = map[string]bool{"bonds": true, "notes": true, "debt": true, "convertible": true, "社債": true, "債券": true}

// mainKind is the kind of a deal whose amount sits by a value phrase
// ("a 15-year lease with X…, with a contract value of $7 billion"): the
// last deal word of a service kind (lease, colocation, hosting) before the
// amount in the zone.
func mainKind(cues []cue, trig cue, a pipeline.Amount, lo, hi int) pipeline.Kind {
	kind := pipeline.KindOther
	for _, c := range cues {
		if c.start < lo || c.end > a.Span[0] || c.w.class != cueTrigger {
			continue
		}
		switch c.w.kind {
		case pipeline.KindLease, pipeline.KindColocation, pipeline.KindHosting:
			kind = c.w.kind
		}
	}
	if kind != pipeline.KindOther {
		return kind
	}
	// "a $90 million agreement with Lambda to provide hosting for its
	// GPUs": the service named right after the agreement.
	for _, c := range cues {
		if c.start < a.Span[1] || c.end > hi || c.start-a.Span[1] > maxDistEN || c.w.class != cueTrigger {
			continue
		}
		switch c.w.kind {
		case pipeline.KindLease, pipeline.KindColocation, pipeline.KindHosting:
			return c.w.kind
		}
	}
	return kind
}

// ppaIn reports a power purchase agreement in [lo,hi).
func ppaIn(cues []cue, lo, hi int) bool {
	for _, c := range cues {
		if c.start >= lo && c.end <= hi && c.w.class == cueTrigger && c.w.kind == pipeline.KindOther &&
			(strings.Contains(c.w.s, "power") || strings.Contains(c.w.s, "ppa") || strings.Contains(c.w.s, "electricity") ||
				strings.Contains(c.w.s, "energy supply") || strings.Contains(c.w.s, "電力")) {
			return true
		}
	}
	return false
}

// acquiresShares reports an acquisition word whose object is shares or
// warrants, not a company ("warrants to acquire 24 million shares", "株式の
// 一部を取得"): a stake, not a takeover.
func acquiresShares(cues []cue, lo, hi int) bool {
	for i, c := range cues {
		if c.start < lo || c.end > hi || c.w.class != cueTrigger || c.w.kind != pipeline.KindAcquisition {
			continue
		}
		if i > 0 && cues[i-1].w.s == "warrants" && c.start-cues[i-1].end < 20 {
			return true
		}
		for _, n := range cues[i+1:] {
			if n.start-c.end > 40 || n.end > hi {
				break
			}
			if n.w.s == "shares" || n.w.s == "warrants" || n.w.s == "stake" && n.start-c.end <= 30 { // "acquired a $100 million stake in X"
				return true
			}
			if n.w.class == cueTrigger && n.w.kind == pipeline.KindAcquisition {
				break
			}
		}
	}
	return false
}

func stockInClause(cues []cue, lo, hi int) bool {
	for _, c := range cues {
		if c.start >= lo && c.end <= hi && (c.w.s == "株式" || c.w.s == "stake" || c.w.s == "shares" || c.w.s == "warrants" || c.w.s == "新株予約権") {
			return true
		}
	}
	return false
}

func hasPartnerWord(cues []cue, lo, hi int) bool {
	for _, c := range cues {
		if c.w.class == cueTrigger && c.w.kind == pipeline.KindPartnership && c.start >= lo && c.end <= hi {
			return true
		}
	}
	return false
}

// objectInZone reports an organisation bought or acquired in [lo,hi)
// ("buy Soluna", "Xを取得").
func objectInZone(ms []mention, lo, hi int) bool {
	for _, m := range ms {
		if m.label == lObj && m.Span[0] >= lo && m.Span[1] <= hi && usable(m) && (m.Known || !m.weak) {
			return true
		}
	}
	return false
}

// boughtCompany reports a resolved deal whose company or counterparty is
// the object of the purchase.
func boughtCompany(zm []mention, p parties) bool {
	if p.cp == nil {
		return false
	}
	return p.company.label == lObj || p.cp.label == lObj
}

// stockSold reports shares right after an amount ("$2.1 billion of Class
// A common stock through an at-the-market program"): an equity sale.
func stockSold(rest string) bool {
	// "sold $X of common stock"; "raised gross proceeds of $9.9 million
	// through the issue of 38,064,000 ordinary shares".
	n := 60
	if text.HasAnyPrefix(rest, " through the issue of ", " through the issuance of ", " through an issue of ", " through a share issue",
		" through a placing", " in a placing", " in a share placement", " through the sale of ") {
		n = 90
	} else if !strings.HasPrefix(rest, " of ") {
		return false
	}
	rest = rest[:min(len(rest), n)]
	for _, w := range []string{"common stock", "common shares", "ordinary shares", "class a shares", "preferred stock",
		"american depositary", "at-the-market", "its shares", "new shares"} {
		if strings.Contains(rest, w) {
			return true
		}
	}
	return false
}

// assetOf reports a possessive naming an asset of the company before it
// ("'s 86-megawatt site in Knoxville", "'s Texas data center").
func assetOf(rest string) bool {
	if k := strings.Index(rest, "'s "); k > 1 && k < 14 && rest[0] == ' ' && capitalisedStart(rest[1:]) && !strings.Contains(rest[1:k], " ") {
		rest = rest[k:] // "Bitdeer Technologies Group's": the rest of the name
	}
	if !possessive(rest) {
		return false
	}
	ws := strings.Fields(strings.ToLower(rest[min(len(rest), 3):]))
	for i, w := range ws {
		if i >= 5 {
			break
		}
		switch strings.Trim(w, ",.") {
		case "site", "sites", "facility", "facilities", "campus", "data", "plant", "mine", "assets", "portfolio", "fleet", "property", "building":
			return true
		}
	}
	return false
}

// refineKind turns a generic contract into an AI/HPC contract when the
// sentence or the counterparty says so.
func refineKind(k pipeline.Kind, ctx bool, p parties, g *org.Gazetteer) pipeline.Kind {
	if k != pipeline.KindOther {
		return k
	}
	if energyParty(p.company, g) || p.cp != nil && energyParty(*p.cp, g) {
		// "Energy Transfer … entered into a long-term agreement with
		// CloudBurst Data Centers": a utility's deal supplies power or gas,
		// of kind other even in an AI story.
		return k
	}
	if ctx {
		return pipeline.KindHPCContract
	}
	if p.cp != nil {
		switch g.Role(p.cp.Name) {
		case "hyperscaler", "neocloud", "ai":
			return pipeline.KindHPCContract
		}
	}
	return k
}

// energyWords end the English names of energy companies.
var energyWords = []string{" Energy", " Power", " Electric", " Gas", " Utilities", " Energia"}

// energyParty reports a utility the company list knows, or a name it does
// not know that ends on an English energy word ("Harbor Energy"): an
// energy company. Crusoe Energy is a cloud the list knows.
func energyParty(m mention, g *org.Gazetteer) bool {
	role := g.Role(m.Name)
	return role == "utility" || role == "" && text.HasAnySuffix(m.Name, energyWords...)
}

// sentenceContext reports AI/HPC context words in the sentence.
func sentenceContext(cues []cue) bool {
	for _, c := range cues {
		if c.w.class == cueContext {
			return true
		}
	}
	return false
}

// roundAfter reports a venture round named after the amount a, within the
// sentence's next 80 bytes: the money raised is equity.
func roundAfter(cues []cue, a pipeline.Amount) bool {
	for _, c := range cues {
		if roundWords[c.w.s] && c.start >= a.Span[1] && c.start-a.Span[1] <= 80 {
			return true
		}
	}
	return false
}

// majorityRE is a stake of a given share: "a 64% stake", "51% interest",
// 株式の88%, 88%の株式, 株式の8割 (tenths), 株式の過半数.
var majorityRE = regexp.MustCompile(`(\d{2,3}(?:\.\d+)?) ?% (?:controlling |majority |equity |ownership )?(?:stake|interest|ownership)` +
	`|株式の?(\d{2,3}(?:\.\d+)?) ?%|(\d{2,3}(?:\.\d+)?) ?%の(?:発行済み?)?株式|株式の([1-9]|10)割|(株式の過半数|過半数の株式)`)

// majorityStake reports a stake of more than half told in s: buying it is
// taking control, an acquisition ("MARA acquired a 64% stake in Exaion",
// 「株式の8割を買い取る」).
func majorityStake(s string) bool {
	for _, m := range majorityRE.FindAllStringSubmatch(s, -1) {
		if m[5] != "" {
			return true
		}
		pct, scale := m[1]+m[2]+m[3], 1.0
		if m[4] != "" {
			pct, scale = m[4], 10
		}
		if v, err := strconv.ParseFloat(pct, 64); err == nil && v*scale > 50 && v*scale <= 100 {
			return true
		}
	}
	return false
}
