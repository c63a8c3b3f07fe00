package deal

import (
	"strings"

	"github.com/kozan-dev/kozan/pipeline"
)

// jaValueNouns name the value of the deal just told ("契約総額は約32億ドル",
// "買収額は約90億ドル"): a clause opening on one restates that deal's amount.
var jaValueNouns = []string{"契約総額", "契約金額", "契約額", "買収総額", "買収金額", "買収額", "取得価額", "取得総額",
	"取得金額", "取得額", "総収入", "受注総額", "受注額", "売却総額", "売却額", "売却価格", "譲渡価額", "譲渡額",
	"融資総額", "融資額", "調達総額", "調達額", "出資額", "投資総額", "投資額", "取引総額", "取引額", "総額", "金額", "契約規模"}

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
			// The value noun governs the amount: only a particle and a
			// hedge (約, 最大, およそ) sit between them.
			if len(pre)-(k+len(n)) > 15 {
				continue
			}
			return kindOfValueNoun(n), true
		}
		return "", false
	}
	lower := d.lower[sp[0]:a.Span[0]]
	ws := strings.Fields(lower)
	if len(ws) < 2 {
		return "", false
	}
	switch ws[0] {
	case "the", "this", "that", "under":
	default:
		return "", false
	}
	noun := false
	for i := 1; i < len(ws) && i <= 4; i++ {
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
	return "", false
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
	return a == b || strings.HasPrefix(b, a+" ")
}

// attachFollowUp gives amount a to the best amount-less deal of the
// previous sentence (prev), in place. It reports whether a was taken.
func (x *Extractor) attachFollowUp(d *doc, sp [2]int, a pipeline.Amount, want pipeline.Kind, prev []pipeline.Deal) bool {
	best := -1
	for i := range prev {
		p := prev[i]
		if p.Amount != nil || p.Counterparty == "" {
			continue
		}
		if want != "" && p.Kind != want && !(want == pipeline.KindAcquisition && p.Kind == pipeline.KindPurchase) {
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
	dl.Amount = &amt
	dl.Rule += "+next"
	dl.Confidence = round2(dl.Confidence + 0.05)
	if dl.TermYears == nil {
		if v, ok := findTerm(d.text, d.lower, sp[0], sp[1], a.Span[0]); ok {
			dl.TermYears = &v
		}
	}
	return true
}

// roleOpeners open a sentence naming the other side of the deal just told
// ("The buyer, Asunción-based X, will…", "買い手は…").
var roleOpeners = []string{"the buyer", "the purchaser", "the acquirer", "the lender", "the tenant", "the customer",
	"the investor", "the acquiring company", "買い手は", "売却先は", "譲渡先は", "融資元は", "借り手は", "顧客は"}

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
	if !opener {
		return false
	}
	var m *mention
	for i := range ms {
		if ms[i].Span[0]-sp[0] <= 80 && usable(ms[i]) {
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
