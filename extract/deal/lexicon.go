package deal

import (
	"sort"
	"strings"

	"github.com/kozan-dev/kozan/pipeline"
)

// cueClass says what a lexicon word signals.
type cueClass uint8

const (
	cueTrigger  cueClass = iota // a deal word: the amount near it is a deal
	cueNegative                 // revenue, cash, valuation…: the amount near it is not
	cueSum                      // a sum over several deals: no amount in its zone is a deal
	cueContext                  // AI/HPC context: a generic contract becomes hpc_contract
	cueNeutral                  // shadows a deal word that is not one here ("including debt")
)

// word is one lexicon entry.
type word struct {
	s      string
	class  cueClass
	kind   pipeline.Kind // for triggers
	strong bool          // may make a deal without an amount (with a counterparty)
	ja     bool          // Japanese: matched anywhere; English: on word boundaries
	stem   bool          // English: the word may continue ("acqui" → acquire, acquisition)
}

// cue is one lexicon word found in the text.
type cue struct {
	start, end int
	w          *word
}

// Kind precedence when several triggers sit near an amount: the more
// specific kind wins.
var kindRank = map[pipeline.Kind]int{
	pipeline.KindAcquisition: 12, pipeline.KindBackstop: 11, pipeline.KindLease: 10,
	pipeline.KindColocation: 9, pipeline.KindHosting: 8, pipeline.KindFinancing: 7,
	pipeline.KindEquity: 6, pipeline.KindAssetSale: 5, pipeline.KindPurchase: 4,
	pipeline.KindHPCContract: 3, pipeline.KindPartnership: 2, pipeline.KindOther: 1,
}

func ja(s string, c cueClass, k pipeline.Kind, strong bool) word {
	return word{s: s, class: c, kind: k, strong: strong, ja: true}
}

func en(s string, c cueClass, k pipeline.Kind, strong bool) word {
	return word{s: s, class: c, kind: k, strong: strong}
}

func enStem(s string, c cueClass, k pipeline.Kind, strong bool) word {
	return word{s: s, class: c, kind: k, strong: strong, stem: true}
}

// lexicon builds the word list. Longer words shadow the shorter words they
// contain (設備投資 is a negative, not the trigger 投資).
func lexicon() []word {
	T, N, S, C, X := cueTrigger, cueNegative, cueSum, cueContext, cueNeutral
	const (
		acq   = pipeline.KindAcquisition
		back  = pipeline.KindBackstop
		lease = pipeline.KindLease
		colo  = pipeline.KindColocation
		host  = pipeline.KindHosting
		fin   = pipeline.KindFinancing
		eq    = pipeline.KindEquity
		sale  = pipeline.KindAssetSale
		buy   = pipeline.KindPurchase
		hpc   = pipeline.KindHPCContract
		part  = pipeline.KindPartnership
		other = pipeline.KindOther
	)
	ws := []word{
		// Japanese triggers.
		ja("買収", T, acq, true), ja("合併", T, acq, true), ja("経営統合", T, acq, true),
		ja("締結", T, other, true), ja("契約", T, other, true), ja("合意", T, other, true),
		ja("覚書", T, part, true), ja("合弁", T, part, true), ja("ジョイントベンチャー", T, part, true), ja("提携", T, part, true), ja("協業", T, part, true),
		ja("パートナーシップ", T, part, true), ja("協力", T, part, false), ja("連携", T, part, false),
		ja("調達", T, fin, false), ja("融資", T, fin, true), ja("借入", T, fin, false), ja("借り入れ", T, fin, false),
		ja("社債", T, fin, false), ja("債券", T, fin, false), ja("利回り債", T, fin, false), ja("発行", T, fin, false),
		ja("借換", T, fin, false), ja("ローン", T, fin, false), ja("ファイナンス", T, fin, false),
		ja("ファシリティ", T, fin, false), ja("プロジェクト資金", T, fin, false), ja("資金を確保", T, fin, false), ja("資金枠", T, fin, true), ja("転換", T, fin, false), ja("約束", T, fin, false),
		ja("コミットメントライン", T, fin, true), ja("融資枠", T, fin, true), ja("与信枠", T, fin, true), ja("当座貸越", T, fin, true),
		ja("出資", T, eq, true), ja("投資", T, eq, false), ja("増資", T, eq, false), ja("株式", T, eq, false),
		ja("第三者割当", T, eq, true), ja("新株予約権", T, eq, true), ja("ワラント", T, eq, true), ja("引受", T, eq, false), ja("引き受け", T, eq, false),
		ja("子会社化", T, acq, true), ja("傘下", T, acq, false), ja("基本合意", T, other, true), ja("基本合意書", T, part, true), ja("MOU", T, part, true), ja("支払", T, other, false), ja("保証", T, back, true), ja("バックストップ", T, back, true),
		ja("電力購入契約", T, other, true), ja("電力供給契約", T, other, true), ja("PPA", T, other, true),
		ja("売却", T, sale, true), ja("譲渡", T, sale, true), ja("購入", T, buy, false), ja("取得", T, buy, false),
		ja("発注", T, buy, true), ja("受注", T, hpc, true), ja("注文", T, other, false),
		ja("リース", T, lease, true), ja("賃貸", T, lease, true), ja("賃借", T, lease, true), ja("借り受け", T, lease, true), ja("ホスティング", T, host, false),
		ja("托管", T, host, false), ja("コロケーション", T, colo, true),
		// Japanese negatives: the amount is a figure, not an agreement.
		ja("売上", N, "", false), ja("収益", N, "", false), ja("収入", N, "", false), ja("利益", N, "", false),
		ja("損失", N, "", false), ja("赤字", N, "", false), ja("黒字", N, "", false), ja("現金", N, "", false), ja("手元資金", N, "", false), ja("手元流動性", N, "", false),
		ja("保有", N, "", false), ja("時価総額", N, "", false), ja("評価額", N, "", false), ja("価値", N, "", false),
		ja("時価", N, "", false), ja("見込", N, "", false), ja("見通し", N, "", false), ja("予測", N, "", false),
		ja("予想", N, "", false), ja("目標", N, "", false), ja("株価", N, "", false), ja("価格", N, "", false),
		ja("費用", N, "", false), ja("自社株買い", N, "", false), ja("買い戻", N, "", false), ja("コスト", N, "", false), ja("支出", N, "", false), ja("設備投資", N, "", false),
		ja("伸び", N, "", false), ja("増加", N, "", false), ja("減少", N, "", false), ja("前年比", N, "", false),
		ja("前年同期", N, "", false), ja("残高", N, "", false), ja("純資産", N, "", false), ja("市場規模", N, "", false),
		ja("推定", N, "", false), ja("試算", N, "", false), ja("手数料", N, "", false), ja("報酬", N, "", false),
		ja("営業キャッシュフロー", N, "", false), ja("EBITDA", N, "", false), ja("ハッシュプライス", N, "", false),
		ja("達する可能性", N, "", false), ja("可能性", N, "", false), ja("に達する", N, "", false), ja("計画", N, "", false),
		// Japanese sums.
		ja("総額", S, "", false), ja("合計", S, "", false), ja("累計", S, "", false), ja("合わせて", S, "", false),
		ja("累積", S, "", false),
		// Japanese AI/HPC context.
		ja("HPC", C, "", false), ja("AI", C, "", false), ja("GPU", C, "", false), ja("計算", C, "", false),
		ja("データセンター", C, "", false), ja("クラウド", C, "", false), ja("コンピュート", C, "", false),

		// English triggers.
		en("agreement", T, other, true), en("agreements", T, other, true), en("contract", T, other, true),
		en("contracts", T, other, true), en("deal", T, other, true), en("deals", T, other, false),
		en("signed", T, other, true), en("signs", T, other, true), en("inked", T, other, true), en("inks", T, other, true),
		en("entered into", T, other, true), en("enters into", T, other, true), en("memorandum", T, part, true),
		en("agreed", T, other, true), en("pact", T, other, true), en("extension", T, other, false),
		en("lease", T, lease, true), en("leases", T, lease, true), en("leased", T, lease, true), en("leasing", T, lease, true),
		en("hosting", T, host, true), en("host", T, host, false), en("colocation", T, colo, true), en("co-location", T, colo, true),
		enStem("acqui", T, acq, true), en("merger", T, acq, true), en("merge", T, acq, true), en("takeover", T, acq, true),
		en("buyout", T, acq, true), en("take-private", T, acq, true),
		en("buy", T, buy, false), en("buys", T, buy, false), en("bought", T, buy, false), en("purchase", T, buy, false),
		en("purchased", T, buy, false), en("purchases", T, buy, false), en("order", T, buy, false), en("orders", T, buy, false), en("ordered", T, buy, false),
		en("sold", T, sale, true), en("sell", T, sale, true), en("sells", T, sale, true), en("sale", T, sale, false),
		en("divest", T, sale, true), en("divested", T, sale, true), en("divestiture", T, sale, true), en("offload", T, sale, false),
		en("financing", T, fin, true), en("financed", T, fin, true), en("finance", T, fin, false), en("loan", T, fin, true),
		en("loans", T, fin, false), en("credit facility", T, fin, true), en("credit line", T, fin, true), en("line of credit", T, fin, true), en("facility", T, fin, false),
		en("notes", T, fin, false), en("convertible", T, fin, false), en("debt", T, fin, false), en("bonds", T, fin, false), en("bond", T, fin, false),
		en("raised", T, fin, false), en("raise", T, fin, false), en("raises", T, fin, false), en("raising", T, fin, false),
		en("secured", T, fin, false), en("secures", T, fin, false), en("borrow", T, fin, false), en("borrowed", T, fin, false), en("lend", T, fin, false), en("lends", T, fin, false), en("lent", T, fin, false),
		en("lender", T, fin, false), en("lenders", T, fin, false), en("refinanc", T, fin, false),
		en("investment", T, eq, true), en("invest", T, eq, true), en("invests", T, eq, true), en("invested", T, eq, true),
		en("investing", T, eq, true), en("contribute", T, eq, false), en("contributes", T, eq, false), en("contributed", T, eq, false),
		en("contribution", T, eq, false), en("stake", T, eq, true), en("warrants", T, eq, true), en("warrant", T, eq, false), en("equity", T, eq, false), en("shares", T, eq, false),
		en("private placement", T, eq, true), en("pipe", T, eq, false), en("offering", T, fin, false), en("initial public offering", T, eq, true), en("ipo", T, eq, true), en("funding", T, fin, false),
		en("backstop", T, back, true), en("backstops", T, back, true), en("backstopped", T, back, true),
		en("backstopping", T, back, true), en("guarantee", T, back, true), en("guaranteed", T, back, true), en("guarantees", T, back, true), en("guaranteeing", T, back, true),
		en("partnership", T, part, true), en("partnered", T, part, true), en("partners with", T, part, true),
		en("partnering", T, part, true), en("collaboration", T, part, true), en("joint venture", T, part, true),
		en("alliance", T, part, true), en("letter of intent", T, other, true), en("memorandum of understanding", T, part, true),
		en("term sheet", T, other, true), en("receive", T, other, false), en("receives", T, other, false),
		en("received", T, other, false), en("pay", T, other, false), en("pays", T, other, false), en("paid", T, other, false),
		en("won", T, other, false), en("wins", T, other, false), en("awarded", T, other, false), en("tie-up", T, part, true), en("contracted revenue", T, other, false), en("contracted rent", T, other, false),
		en("contract value", T, other, false), en("revenue over the", T, other, false), en("over the term", T, other, false),
		en("over the life", T, other, false), en("in total equity value", T, acq, false), en("total equity value", T, acq, false),
		en("equity value", T, acq, false), en("enterprise value", T, acq, false), en("in total enterprise value", T, acq, false),
		en("transaction value", T, other, false), en("deal value", T, other, false), en("purchase price", T, buy, false),
		en("aggregate principal amount", T, fin, false), en("gross proceeds", T, fin, false), en("net proceeds", N, "", false), en("in aggregate principal amount", T, fin, false),
		en("repurchase", N, "", false), en("repurchased", N, "", false), en("repurchases", N, "", false),
		en("buyback", N, "", false), en("buy back", N, "", false), en("redeem", N, "", false), en("redeemed", N, "", false),
		en("in total consideration", T, other, false), en("total consideration", T, other, false),
		// Power purchase agreements buy electricity, not assets: kind other
		// (see ppaIn), never refined into an HPC contract.
		en("power purchase agreement", T, other, true), en("power purchase agreements", T, other, true),
		en("power supply agreement", T, other, true), en("ppa", T, other, true),
		// English words that shadow a deal word.
		en("hosting site", X, "", false), en("hosting sites", X, "", false), en("hosting facility", X, "", false),
		en("hosting facilities", X, "", false), en("hosting campus", X, "", false), en("interest in", T, eq, false),
		en("including debt", X, "", false), en("including net debt", X, "", false), en("assumption of debt", X, "", false), en("including the assumption of debt", X, "", false),
		// English negatives.
		en("revenue", N, "", false), en("revenues", N, "", false), en("outstanding", N, "", false), en("sales of", N, "", false), en("profit", N, "", false),
		en("profits", N, "", false), en("income", N, "", false), en("earnings", N, "", false), en("ebitda", N, "", false),
		en("cash", N, "", false), en("holds", N, "", false), en("holding", N, "", false), en("holdings", N, "", false),
		en("valuation", N, "", false), en("valued", N, "", false), en("valuing", N, "", false), en("values", N, "", false),
		en("price target", N, "", false), en("tranche", N, "", false), en("market cap", N, "", false),
		en("market capitalization", N, "", false), en("market value", N, "", false), en("forecast", N, "", false),
		en("guidance", N, "", false), en("expects", N, "", false), en("projected", N, "", false), en("target", N, "", false),
		en("cost", N, "", false), en("costs", N, "", false), en("capex", N, "", false), en("capital expenditure", N, "", false),
		en("capital expenditures", N, "", false), en("spending", N, "", false), en("price", N, "", false),
		en("hashprice", N, "", false), en("loss", N, "", false), en("losses", N, "", false), en("treasury", N, "", false),
		en("reserves", N, "", false), en("liquidity", N, "", false), en("per share", N, "", false), en("rose", N, "", false),
		en("fell", N, "", false), en("increased", N, "", false), en("decreased", N, "", false), en("up from", N, "", false),
		en("down from", N, "", false), en("compared with", N, "", false), en("compared to", N, "", false),
		en("year-over-year", N, "", false), en("backlog", N, "", false), en("balance sheet", N, "", false),
		en("net", N, "", false), en("plans to spend", N, "", false), en("budget", N, "", false),
		en("penalty", N, "", false), en("worth of bitcoin", N, "", false), en("salary", N, "", false),
		en("compensation", N, "", false), en("could be worth", N, "", false), en("would be worth", N, "", false),
		en("could be", N, "", false), en("would be", N, "", false), en("potential", N, "", false),
		en("estimates", N, "", false), en("argued", N, "", false), en("could", N, "", false), en("would", N, "", false),
		en("might", N, "", false), en("annual", N, "", false), en("annualized", N, "", false), en("guided", N, "", false),
		en("run-rate", N, "", false), en("total", N, "", false), en("totaling", N, "", false), en("totalling", N, "", false),
		en("jumped", N, "", false), en("surged", N, "", false), en("climbed", N, "", false), en("slid", N, "", false),
		en("dropped", N, "", false), en("tumbled", N, "", false), en("soared", N, "", false), en("plunged", N, "", false),
		en("traded", N, "", false), en("trades", N, "", false), en("trading", N, "", false), en("closed at", N, "", false),
		// English sums.
		en("in total", S, "", false), en("combined", S, "", false), en("collectively", S, "", false),
		en("altogether", S, "", false), en("total of", S, "", false), en("aggregate", S, "", false),
		en("cumulative", S, "", false), en("industry-wide", S, "", false), en("taken together", S, "", false),
		en("add up to", S, "", false), en("adds up to", S, "", false), en("added up to", S, "", false),
		// English AI/HPC context.
		en("hpc", C, "", false), en("ai", C, "", false), en("gpu", C, "", false), en("gpus", C, "", false),
		en("compute", C, "", false), en("computing", C, "", false), en("cloud", C, "", false),
		en("data center", C, "", false), en("data centers", C, "", false), en("datacenter", C, "", false),
		en("hyperscaler", C, "", false), en("inference", C, "", false), en("training", C, "", false),
	}
	return ws
}

// lexIndex finds the lexicon words that can start at a position. Words
// are grouped by their first two bytes, longest first, in one flat table
// (off is indexed by the two-byte key), so a scan costs one array lookup
// per byte and no hashing; words of a single byte sit in short.
type lexIndex struct {
	off   []uint32 // len 1<<16+1: ids[off[k]:off[k+1]] start with key k
	ids   []int32
	short [256][]int32
}

// indexLexicon lowercases the words and builds their index.
func indexLexicon(ws []word) *lexIndex {
	idx := &lexIndex{off: make([]uint32, 1<<16+1)}
	var byKey [1 << 16][]int32
	for i := range ws {
		ws[i].s = strings.ToLower(ws[i].s)
		w := ws[i].s
		if len(w) == 1 {
			idx.short[w[0]] = append(idx.short[w[0]], int32(i))
			continue
		}
		k := uint16(w[0])<<8 | uint16(w[1])
		byKey[k] = append(byKey[k], int32(i))
	}
	for k := range byKey {
		l := byKey[k]
		sort.SliceStable(l, func(x, y int) bool { return len(ws[l[x]].s) > len(ws[l[y]].s) })
		idx.off[k] = uint32(len(idx.ids))
		idx.ids = append(idx.ids, l...)
	}
	idx.off[1<<16] = uint32(len(idx.ids))
	return idx
}

// scanLexicon finds every lexicon word in lower (the text with ASCII letters
// lowercased, same offsets), longest match first, without overlaps.
func scanLexicon(lower string, ws []word, idx *lexIndex) []cue {
	var out []cue
	for i := 0; i < len(lower); {
		c := lower[i]
		if c&0xC0 == 0x80 {
			i++ // inside a multi-byte rune: no word starts here
			continue
		}
		var cands []int32
		if i+1 < len(lower) {
			k := uint16(c)<<8 | uint16(lower[i+1])
			cands = idx.ids[idx.off[k]:idx.off[k+1]]
		}
		matched := matchAt(lower, i, ws, cands, &out)
		if matched == 0 {
			matched = matchAt(lower, i, ws, idx.short[c], &out)
		}
		if matched > 0 {
			i += matched
		} else {
			i++
		}
	}
	return out
}

// matchAt appends the first of cands that matches at i with its word
// boundaries and returns the length it covers, 0 when none does.
func matchAt(lower string, i int, ws []word, cands []int32, out *[]cue) int {
	for _, wi := range cands {
		w := &ws[wi]
		if !strings.HasPrefix(lower[i:], w.s) {
			continue
		}
		e := i + len(w.s)
		if !w.ja {
			if i > 0 && isWordByte(lower[i-1]) {
				continue
			}
			if !w.stem && e < len(lower) && isWordByte(lower[e]) {
				continue
			}
			if w.stem {
				for e < len(lower) && isWordByte(lower[e]) {
					e++
				}
			}
		} else if isASCIIWord(w.s) {
			// Latin words in Japanese text (AI, HPC) need boundaries too.
			if i > 0 && isWordByte(lower[i-1]) || e < len(lower) && isWordByte(lower[e]) {
				continue
			}
		}
		*out = append(*out, cue{start: i, end: e, w: w})
		return e - i
	}
	return 0
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isWordByte(s[i]) {
			return false
		}
	}
	return true
}

// asciiLower lowercases ASCII letters only, so offsets do not move.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
