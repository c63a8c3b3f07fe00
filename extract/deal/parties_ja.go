package deal

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
)

// Roles of the names of a Japanese sentence, from its particles: labelJA.

// labelJA gives mentions of a Japanese sentence their particle roles.
// ms are sorted by position; text is the whole document.
// leadsGroupRE opens the text after a name that leads the group the
// sentence is about (「Xが率いる連合体は」「X傘下のファンドが主導する
// コンソーシアムが」).
var leadsGroupRE = regexp.MustCompile(`^(?:傘下の[^、。]{0,12}?)?(?:が|の)(?:率いる|主導する)(?:投資家|企業|投資)?(?:連合体|連合|コンソーシアム|グループ)(?:は|が)`)

// acquiredBefore reports the text before a name ending in a relative
// clause of buying a company (「…で買収した」「傘下に収めた」), a country's
// mark (米, 英…) after it allowed. The marks are fewer than org's: 日 after
// 買収した is the day of the purchase (「買収した日に」), no country.
func acquiredBefore(before string) bool {
	for _, c := range []string{"米", "英", "独", "仏", "豪", "加", "中", "韓", "台"} {
		if b, ok := strings.CutSuffix(before, c); ok {
			before = b
			break
		}
	}
	return text.HasAnySuffix(before, "買収した", "買収する", "買収済みの", "傘下に収めた", "子会社化した", "完全子会社化した")
}

func labelJA(text string, ms []mention) {
	for i := range ms {
		m := &ms[i]
		p := afterMention(text, m.Span[1])
		rest := text[p:]
		if n := fundOf(rest); n > 0 {
			// "米ブラックストーンが運用するファンドから": the manager
			// takes the place of its fund.
			rest = rest[n:]
		} else if loc := countedCompaniesRE.FindStringSubmatchIndex(rest); loc != nil {
			// 「ビストラ社、テラ・パワー社、オクロ社の3社と契約」: the list's
			// count stands between its last member and the particle.
			rest = rest[loc[2]:]
		}
		switch {
		case leadsGroupRE.MatchString(rest):
			// 「ブラックロック傘下の投資会社が率いる連合体は…買収」: the
			// group acts for its leader, who is the deal's side.
			m.label, m.wa = lSubj, true
		case strings.HasPrefix(rest, "を含む"), strings.HasPrefix(rest, "などの"):
			// 「ブラックロックとエヌビディアを含む投資家グループが…買収」:
			// members of a group named after them; the first named leads
			// it and acts for it.
			m.label = lPlain
			if i > 0 && ms[i-1].label == lPairA {
				ms[i-1].label = lSubj
			} else if i == 0 || !strings.HasPrefix(text[afterMention(text, ms[i-1].Span[1]):], "と") {
				m.label = lSubj
			}
		case strings.HasPrefix(rest, "主導"), strings.HasPrefix(rest, "の主導"), strings.HasPrefix(rest, "が主導"),
			strings.HasPrefix(rest, "を引受"), strings.HasPrefix(rest, "が引受"),
			// "Xなどが引き受ける20億ドルのGPU担保融資": the lender.
			strings.HasPrefix(rest, "が引き受け") && loanAfter(rest),
			// "X銀行をアレンジャーとするシンジケートローン": the lender.
			strings.HasPrefix(rest, "をアレンジャー"), strings.HasPrefix(rest, "を主幹事"),
			strings.HasPrefix(rest, "をエージェント"), strings.HasPrefix(rest, "を幹事"),
			// "X株式会社をリード投資家とする第三者割当増資", "Xを割当先とする": the investor.
			strings.HasPrefix(rest, "をリード投資家"), strings.HasPrefix(rest, "をリードインベスター"),
			strings.HasPrefix(rest, "を引受先"), strings.HasPrefix(rest, "を割当先"), strings.HasPrefix(rest, "を割当予定先"):
			m.label = lCP
		case strings.HasPrefix(rest, "による") && byBuyerRE.MatchString(rest[len("による"):]):
			// 「エクイニクスによるAxtelの1億7500万ドルの買収が完了」: X is
			// the buyer of the acquisition its clause names.
			m.label = lSubj
		case strings.HasPrefix(rest, "との"), strings.HasPrefix(rest, "から"), strings.HasPrefix(rest, "より"),
			strings.HasPrefix(rest, "へ"), strings.HasPrefix(rest, "によ"),
			strings.HasPrefix(rest, "と共同"), strings.HasPrefix(rest, "とともに"),
			strings.HasPrefix(rest, "向け"), strings.HasPrefix(rest, "製"),
			// 「マイクロソフトのデータセンターに電力を供給する」: the customer
			// whose site is supplied.
			strings.HasPrefix(rest, "のデータセンターに"), strings.HasPrefix(rest, "のデータセンターへ"),
			strings.HasPrefix(rest, "のデータセンター向け"):
			// "コアウィーブ向けに…提供", "エヌビディア製の…を購入": the customer, the maker.
			m.label = lCP
		case strings.HasPrefix(rest, "と"), strings.HasPrefix(rest, "及び"), strings.HasPrefix(rest, "および"):
			m.label = lCP
			n := strings.Index(rest, "と")
			step := len("と")
			if n != 0 {
				step = len("および")
				if strings.HasPrefix(rest, "及び") {
					step = len("及び")
				}
				n = 0
			}
			if i+1 < len(ms) && ms[i+1].Span[0] >= p+step && (ms[i+1].Span[0]-(p+step) <= 3 || slices.Contains(org.JALegalForms, text[p+step:ms[i+1].Span[0]])) {
				// 「北風データと株式会社ハット8が」: a legal form before the second name.
				m.label = lPairA
				if nr := text[afterMention(text, ms[i+1].Span[1]):]; step != len("と") && strings.HasPrefix(nr, "と") && !strings.HasPrefix(nr, "との間") {
					// "同社は米OpenAIおよびオラクルと提携し": both are
					// partners of the subject, not a pair of their own.
					m.label = lCP
				}
			} else if i+1 < len(ms) && strings.HasPrefix(rest, "と、") && ms[i+1].Span[0] > p && strings.HasPrefix(text[afterMention(text, ms[i+1].Span[1]):], "との間") &&
				!strings.ContainsAny(text[p+len("と、"):ms[i+1].Span[0]], "。、") {
				// 「マラソン・デジタルと、アブダビの政府系ファンドのゼロ・ツー
				// との間でパートナーシップが結ばれた」: the two sides of the deal.
				m.label = lPairA
			} else if i+1 < len(ms) && strings.HasPrefix(rest, "と、") && ms[i+1].Span[0] > p && describedSubject(text[p+len("と、"):ms[i+1].Span[0]], text[afterMention(text, ms[i+1].Span[1]):]) {
				// "X株式会社と、シンガポールに本拠を置く採掘大手のYは":
				// a described partner opening the sentence pairs with X.
				m.label = lPairA
			} else if i+1 < len(ms) && n == 0 && step == len("と") && ms[i+1].Span[0] > p+step && describedSubject(text[p+step:ms[i+1].Span[0]], text[afterMention(text, ms[i+1].Span[1]):]) &&
				pairOpens(text, m.Span[0]) {
				// 「ウエストHDと電気機器メーカーのTMEICは…締結」: a partner
				// described before its name, the pair opening the sentence.
				m.label = lPairA
			}
		case strings.HasPrefix(rest, "では、") && !strings.ContainsAny(text[lineStart(text, m.Span[0]):m.Span[0]], "、。"):
			// 「Coltでは、2021年に三井物産と…契約を締結しており」: an
			// organisation opening the sentence with では is its topic.
			m.label, m.wa = lSubj, true
		case strings.HasPrefix(rest, "は"), strings.HasPrefix(rest, "が"), strings.HasPrefix(rest, "も"),
			strings.HasPrefix(rest, ":"):
			m.label = lSubj
			m.wa = !strings.HasPrefix(rest, "が")
			if !m.wa && relativeClause(rest[len("が"):]) {
				// "グーグルが出資する英AIクラウドのX": the が clause
				// describes the next name; it is no party.
				m.label = lPoss
			} else if !m.wa && ownedRecipient(rest[len("が"):]) {
				// "Xがテキサス州で建設するデータセンターに対し、…融資": the
				// recipient is X's own project, so X receives.
				m.label = lDat
			}
		case strings.HasPrefix(rest, "、") && i == 0 && !strings.ContainsAny(text[lineStart(text, m.Span[0]):m.Span[0]], "、。") && !listOfThree(text, ms):
			// Headline style "A、Bと提携": the name opening the line is the subject.
			m.label = lSubj
		case strings.HasPrefix(rest, "に加え"), strings.HasPrefix(rest, "に続き"), strings.HasPrefix(rest, "に続いて"), strings.HasPrefix(rest, "に次いで"):
			// 「既に出資している三菱UFJ銀行に加え、三井住友銀行が出資する」:
			// X is one more of the subject's kind, not the recipient.
			m.label = lPlain
		case strings.HasPrefix(rest, "に"):
			// "Xに対し…融資枠を設ける": X receives (the borrower, investee).
			m.label = lDat
		case strings.HasPrefix(rest, "を介し"), strings.HasPrefix(rest, "を通じ"), strings.HasPrefix(rest, "を通して"), strings.HasPrefix(rest, "経由"):
			// 「子会社NBTCを介して…を取得」: the way the deal is done, not its object.
			m.label = lPlain
		case strings.HasPrefix(rest, "を"):
			m.label = lObj
		case strings.HasPrefix(rest, "の"):
			m.label = lPoss
			if sharesTaken(rest[len("の"):]) {
				// "Xの第三者割当増資を引き受け", "Xの株式の20%を取得": X
				// issues the shares, it is the company invested in.
				m.label = lInv
			} else if productBought(rest[len("の"):]) {
				// "米エヌビディアの最新GPU「B300」を購入": the maker sells.
				m.label = lCP
			} else if boughtAfter(rest[len("の"):]) {
				// 「ビットアイルの完全子会社化」「Xの買収を完了」: X is the company bought.
				m.label = lObj
			} else if assetBought(rest[len("の"):]) {
				// 「Bitfarmsのパラグアイにある鉱山を買収」: X owned what was
				// bought; X is the seller.
				m.label = lCP
			}
		default:
			m.label = lPlain
		}
		if m.label != lCP && acquiredBefore(text[:m.Span[0]]) {
			// 「同社は1億2500万ドルで買収したStronghold Digital Miningが…」:
			// the name a relative clause of buying describes is the one
			// bought, whatever its particle in the main clause.
			m.label = lObj
		}
		if i > 0 && ms[i-1].label == lPairA && m.label != lCP && m.label != lPairA {
			m.label = lPairB
		}
		if newEntityBefore(text[:m.Span[0]]) || newEntityAfter(text[afterMention(text, m.Span[1]):]) || newFund(text[:m.Span[0]], text[m.Span[1]:]) {
			// "合弁会社「ノーザン・コンピュート株式会社」を設立", 「X株式会社という
			// 合弁会社を設立」: the venture being set up is no party of the deal
			// that sets it up.
			m.label = lPoss
			continue
		}
		if (m.label == lPlain || m.label == lPoss) && org.JARoleBefore(text, m.Span[0]) {
			// "相手先はAIクラウド企業のコアウィーブで", "売却先は…X": the role
			// noun names the other side.
			m.label = lCP
		}
	}
	// "Xから米Y製GPUを購入": the seller is the counterparty, the maker of
	// the product only describes it.
	seller := false
	for i := range ms {
		if strings.HasPrefix(text[afterMention(text, ms[i].Span[1]):], "から") {
			seller = true
		}
	}
	if seller {
		for i := range ms {
			r := text[afterMention(text, ms[i].Span[1]):]
			if strings.HasPrefix(r, "製") || strings.HasPrefix(r, "の") && productBought(r[len("の"):]) {
				ms[i].label = lPoss
			}
		}
	}
	labelCountedGroup(text, ms)
	for i := 1; i < len(ms); i++ {
		// 「東京電力ホールディングス(HD)とNTTは」: the short name in brackets
		// right after a name found is that name's aside, no party of its own.
		if ms[i-1].Span[1] <= ms[i].Span[0] && text[ms[i-1].Span[1]:ms[i].Span[0]] == "(" && strings.HasPrefix(text[ms[i].Span[1]:], ")") {
			ms[i].label = lPlain
		}
	}
}

// labelCountedGroup reads 「A、B、Cの3社は…協定を締結した」: names listed
// and counted as the subject are the deal's sides, the first with each of
// the others (expandLists gives each its deal).
func labelCountedGroup(text string, ms []mention) {
	for last := 1; last < len(ms); last++ {
		r := text[afterMention(text, ms[last].Span[1]):]
		n := countedSubject(r)
		if n < 3 {
			continue
		}
		first := last
		for first > 0 && ms[first-1].Span[1] <= ms[first].Span[0] &&
			listMark(stripAsides(text[ms[first-1].Span[1]:ms[first].Span[0]]), true) {
			first--
		}
		if last-first+1 != n {
			continue // the count is not the list's: a member was not found
		}
		ms[first].label = lPairA
		ms[first+1].label = lPairB
		for i := first + 2; i <= last; i++ {
			ms[i].label = lPlain
		}
	}
}

// countedSubject returns n when rest opens on 「のn社は」 (or が, で, による),
// 0 otherwise.
func countedSubject(rest string) int {
	rest, ok := strings.CutPrefix(rest, "の")
	if !ok {
		return 0
	}
	r, size := utf8.DecodeRuneInString(rest)
	n := strings.IndexRune("0123456789", r)
	if n < 0 {
		n = strings.IndexRune("〇一二三四五六七八九", r)
	}
	if n < 0 {
		if r >= '０' && r <= '９' {
			n = int(r - '０')
		} else {
			return 0
		}
	}
	rest = rest[size:]
	for _, unit := range []string{"社は", "社が", "社で", "社による", "社の間", "者は", "者が", "者で", "者による", "者の間"} {
		if strings.HasPrefix(rest, unit) {
			return n
		}
	}
	return 0
}

// loanAfter reports a loan or bond noun shortly after a name's verb
// (…が引き受ける20億ドルのGPU担保融資).
func loanAfter(rest string) bool {
	rest = rest[:runeBoundary(rest, min(len(rest), 90))]
	if k := strings.Index(rest, "。"); k >= 0 {
		rest = rest[:k]
	}
	return text.ContainsAny(rest, "融資", "ローン", "借入", "借り入れ", "社債", "ファイナンス", "ファシリティ", "債券")
}

// pairOpens reports a name at i that opens its sentence or clause, after
// at most a description ending in の, を手掛ける or である: the first of a
// pair that is the sentence's subject.
func pairOpens(s string, i int) bool {
	start := 0
	if k := strings.LastIndexAny(s[:i], "。\n、"); k >= 0 {
		_, n := utf8.DecodeRuneInString(s[k:])
		start = k + n
	}
	lead := s[start:i]
	return lead == "" || len(lead) <= 90 && !strings.ContainsAny(lead, "はが") && text.HasAnySuffix(lead, "の", "手掛ける", "する", "である")
}

// describedSubject reports a name described without a clause of its own
// (gap has no 、 or 。 and ends on の, or is empty) and marked as the
// sentence's subject by は.
func describedSubject(gap, after string) bool {
	if strings.ContainsAny(gap, "、。") || len(gap) > 90 || gap != "" && !strings.HasSuffix(gap, "の") {
		return false
	}
	return strings.HasPrefix(after, "は")
}

// newEntityBefore reports a venture or new company named right before a
// name (合弁会社「X」, 新会社の「X」): the company set up, not a party.
func newEntityBefore(before string) bool {
	for _, w := range []string{"合弁会社", "新会社", "共同出資会社", "合弁企業"} {
		for _, sep := range []string{"「", "の「", "である「", "", "である"} {
			if strings.HasSuffix(before, w+sep) {
				return true
			}
		}
	}
	return false
}

// newFund reports a fund named in corner brackets as it is formed
// (ファンド「X」を組成): the subject's own vehicle, no other side of the
// commitments it gathers. A fund invested in (ファンド「X」に出資) stays a
// party.
func newFund(before, rest string) bool {
	if !text.HasAnySuffix(before, "ファンド「", "ファンドの「", "ファンドである「") {
		return false
	}
	rest, ok := strings.CutPrefix(rest, "」")
	return ok && text.HasAnyPrefix(rest, "を組成", "を設立", "を立ち上げ", "を新設", "を創設", "の組成", "の設立", "の立ち上げ")
}

// newEntityAfter reports a name called a new venture right after it
// (「X株式会社という合弁会社」「Xという新会社」).
func newEntityAfter(rest string) bool {
	rest, ok := strings.CutPrefix(rest, "という")
	return ok && text.HasAnyPrefix(rest, "合弁会社", "新会社", "共同出資会社", "合弁企業", "特別目的会社")
}

// jaProducts are things bought from their maker (GPU, サーバー, 採掘機).
var jaProducts = []string{"GPU", "サーバー", "サーバ", "チップ", "半導体", "AI半導体", "マイニング機", "採掘機", "マイニングマシン",
	"マシン", "ASIC", "アクセラレーター", "スーパーコンピューター", "スパコン", "演算装置"}

// jaProductLead are words that may stand before the product noun.
var jaProductLead = []string{"最新型", "最新鋭", "最新", "最先端", "新型", "次世代", "高性能", "主力", "旗艦"}

// productBought reports rest (after Xの) naming X's product bought in the
// same clause: [最新]GPU[「B300」]を…購入/調達/導入/発注.
func productBought(rest string) bool {
	for _, l := range jaProductLead {
		if strings.HasPrefix(rest, l) {
			rest = rest[len(l):]
			break
		}
	}
	if !text.HasAnyPrefix(rest, jaProducts...) {
		return false
	}
	rest = clauseHead(rest)
	k := strings.Index(rest, "を")
	if k < 0 {
		return false
	}
	rest = rest[k:]
	return text.ContainsAny(rest, "購入", "調達", "導入", "発注", "取得", "買い")
}

// clauseHead cuts s at its first 、 or 。.
func clauseHead(s string) string {
	if k := strings.IndexAny(s, "、。"); k >= 0 {
		return s[:k]
	}
	return s
}

// shareIssues are what a company issues to an investor.
var shareIssues = []string{"第三者割当増資", "第三者割当", "増資", "新株", "株式", "優先株", "普通株"}

// sharesTaken reports rest (after Xの) naming X's shares taken by the
// subject: an issue, then 引き受け/引受/取得 (or 買収/買い取り/購入: 「YからXの株式
// 100%を買収」, X is bought, not the seller) in the same clause.
func sharesTaken(rest string) bool {
	if !text.HasAnyPrefix(rest, shareIssues...) {
		return false
	}
	rest = clauseHead(rest)
	return text.ContainsAny(rest, "引き受", "引受", "取得", "買収", "買い取", "購入")
}

// ownedRecipient reports rest (what follows Xが) as a relative clause in
// 連体形 describing a noun that receives the deal (…建設するデータセンターに
// 対し): one clause, no 、 or 。 before に対し.
func ownedRecipient(rest string) bool {
	k := strings.Index(rest, "に対し")
	if j := strings.Index(rest, "への"); j >= 0 && (k < 0 || j < k) && text.HasAnyPrefix(rest[j+len("への"):], "資金支援", "融資", "出資", "投資", "資金提供") {
		k = j // 「Xが英国で展開するプロジェクトへの資金支援」
	}
	if k < 0 || k > 120 || strings.ContainsAny(rest[:k], "、。") {
		return false
	}
	clause := rest[:k]
	for _, v := range []string{"する", "した", "している", "進める", "進めている", "計画する", "持つ", "保有する", "運営する"} {
		j := strings.LastIndex(clause, v)
		if j < 0 {
			continue
		}
		noun := clause[j+len(v):]
		if noun == "" || utf8.RuneCountInString(noun) > 20 {
			continue
		}
		c, _ := utf8.DecodeRuneInString(noun)
		if c >= 0x3041 && c <= 0x309F {
			continue // a verb ending goes on: こと, ため
		}
		return true
	}
	return false
}

// describingVerbs head a relative clause that only describes a company
// (Xが出資する…, Xが支援する…, Xが運営する…).
var describingVerbs = []string{"出資", "支援", "後押し", "運営", "設立", "創業", "開発", "手掛け", "手がけ", "率い", "展開", "傘下に持つ"}

// relativeClause reports rest (what follows Xが) as a relative clause
// describing a noun: a describing verb in 連体形 (する, した, している…)
// followed by the noun it describes, not by こと, 方針, 予定 or punctuation.
func relativeClause(rest string) bool {
	for _, v := range describingVerbs {
		if !strings.HasPrefix(rest, v) {
			continue
		}
		r := rest[len(v):]
		for _, e := range []string{"している", "していた", "した", "する", "る", "た"} {
			if !strings.HasPrefix(r, e) {
				continue
			}
			r = r[len(e):]
			c, _ := utf8.DecodeRuneInString(r)
			if c == utf8.RuneError || c == '、' || c == '。' || c >= 0x3041 && c <= 0x309F {
				return false // こと, と, ため…: the clause goes on
			}
			for _, n := range []string{"方針", "予定", "計画", "見通し", "意向", "考え", "可能性", "契約", "形"} {
				if strings.HasPrefix(r, n) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// profileBracket reports a press-release profile after a company name,
// "(本社:東京都港区、代表取締役社長:山田太郎)" or "(NASDAQ: WULF、本社:…)":
// labelled fields, no sentence end.
func profileBracket(b string) bool {
	return len(b) <= 240 && strings.Contains(b, ":") && !strings.Contains(b, "。")
}

func isKatakanaAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isKatakana(r)
}

// isKatakana reports a katakana letter or the long-vowel mark.
func isKatakana(r rune) bool { return r >= 0x30A1 && r <= 0x30FA || r == 'ー' }

// lineStart is the offset of the start of the line holding i.
func lineStart(text string, i int) int {
	return strings.LastIndexByte(text[:i], '\n') + 1
}

// latinLegalAt is the length of a Latin legal form opening s after a
// space or a comma (" Inc.", ", Ltd."), or 0.
func latinLegalAt(s string) int {
	t := strings.TrimLeft(s, " ,")
	if len(t) == len(s) || len(t) == 0 || t[0] < 'A' || t[0] > 'Z' {
		return 0
	}
	w := t
	if k := strings.IndexFunc(t, func(r rune) bool { return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '.') }); k >= 0 {
		w = t[:k]
	}
	if !org.LegalForm(w) {
		return 0
	}
	return len(s) - len(t) + len(w)
}

// afterMention skips what may sit between a name and its particle: a
// parenthesised ticker or alias, 社, 氏, spaces.
func afterMention(text string, p int) int {
	for p < len(text) {
		switch {
		case latinLegalAt(text[p:]) > 0:
			// 「NTT Finance Americas Inc.(以下「NTTFA」)との間で」: a Latin
			// legal form the name left out.
			p += latinLegalAt(text[p:])
		case text[p] == ' ':
			p++
		case text[p] == '.' && p > 0 && (text[p-1]|0x20 >= 'a' && text[p-1]|0x20 <= 'z'):
			p++ // the dot of a legal form the name holds: 「NTT Finance Americas Inc.との間で」
		case strings.HasPrefix(text[p:], "」"):
			p += len("」") // a name in brackets: スタートアップ「X」と
		case text[p] == ')' && strings.LastIndexByte(text[max(0, p-40):p], '(') >= 0:
			p++ // 「ニューヨーク・デジタル・インベストメント・グループ(NYDIG)の子会社から」: the short name in brackets stands for the long one
		case text[p] == '(':
			e := strings.IndexByte(text[p:], ')')
			// The limit counts runes: a katakana gloss of a Latin name
			// ("Constellation Energy(コンステレーション・エナジー)と") takes
			// three bytes a rune.
			if e < 0 || utf8.RuneCountInString(text[p:p+e]) > 24 && !profileBracket(text[p:p+e]) {
				return p
			}
			p += e + 1
		case text[p] == '<':
			// A securities code: データセクション<3905.T>は.
			e := strings.IndexByte(text[p:], '>')
			if e < 0 || e > 12 {
				return p
			}
			p += e + 1
		case strings.HasPrefix(text[p:], "社"):
			p += len("社")
		case hasCorpSuffix(text[p:]) > 0:
			// "MARAホールディングスと", "デジタルマイン株式会社は": the suffix
			// is part of the name.
			p += hasCorpSuffix(text[p:])
		case strings.HasPrefix(text[p:], "・") && p+len("・") < len(text) && isKatakanaAt(text, p+len("・")):
			// A katakana name that goes on ("グリフォン・デジタル・マイニング").
			p += len("・")
			for p < len(text) && (isKatakanaAt(text, p) || strings.HasPrefix(text[p:], "・")) {
				_, n := utf8.DecodeRuneInString(text[p:])
				p += n
			}
		case strings.HasPrefix(text[p:], "など") || strings.HasPrefix(text[p:], "ほか") ||
			strings.HasPrefix(text[p:], "他") && len(text) > p+len("他") && isDigitByte(text[p+len("他")]):
			// "みずほ銀行など3行から", "三菱UFJ銀行など邦銀3行は", "X銀行ほか3行
			// との間で": the list's particle is the name's.
			if strings.HasPrefix(text[p:], "他") {
				p += len("他")
			} else {
				p += len("など")
			}
			if q, ok := listGroup(text, p); ok {
				// "Xなどの銀行団から", "Xなど3メガバンクは": the group's particle.
				p = q
				continue
			}
			for n := 0; n < 4 && p < len(text); n++ {
				r, sz := utf8.DecodeRuneInString(text[p:])
				if r < 0x4E00 || r > 0x9FFF {
					break
				}
				p += sz
			}
			for p < len(text) && text[p] >= '0' && text[p] <= '9' {
				p++
			}
			for _, u := range []string{"行", "社", "機関"} {
				if strings.HasPrefix(text[p:], u) {
					p += len(u)
					break
				}
			}
		case strings.HasPrefix(text[p:], "グループ") && !strings.HasPrefix(text[p:], "グループ会社"):
			p += len("グループ")
		default:
			if q, ok := ledGroup(text, p); ok {
				// "X、Yの3メガバンクを中心とする銀行団が": the group's particle.
				p = q
				continue
			}
			return p
		}
	}
	return p
}

// byBuyerRE reads the rest of 「Xによる…の買収」 up to its acquisition noun,
// within the clause: X is the buyer.
var byBuyerRE = regexp.MustCompile(`^[^、。はが]{0,60}?の(?:完全子会社化|子会社化|買収|株式取得|取得)(?:は|が|を|に|の|、|。|$)`)

// listOfThree reports the first three names of ms written as one list of
// other sides, 「A、B、Cとの…」: a list opening the sentence names several
// partners of the topic company, not a subject and its partner.
func listOfThree(s string, ms []mention) bool {
	if len(ms) < 3 {
		return false
	}
	for k := 0; k < 2; k++ {
		p := afterMention(s, ms[k].Span[1])
		if !strings.HasPrefix(s[p:], "、") || ms[k+1].Span[0] != p+len("、") {
			return false
		}
	}
	// The list is the other side (「…との」「…と」「…から」), not a counted
	// subject (「A、B、Cの3社は」).
	rest := s[afterMention(s, ms[2].Span[1]):]
	return text.HasAnyPrefix(rest, "と", "から", "、")
}

// ledGroup reads a group led by the name before p ("を中心とする銀行団",
// "の3メガバンクを中心とした協調融資団"): the end of the group when a party
// particle follows it.
func ledGroup(text string, p int) (int, bool) {
	q := p
	if strings.HasPrefix(text[q:], "の") {
		e := groupWord(text, q+len("の"))
		if e == q+len("の") {
			return p, false
		}
		q = e
	}
	led := false
	for _, w := range []string{"を中心とする", "を中心とした", "を主幹事とする", "が主導する", "が率いる"} {
		if strings.HasPrefix(text[q:], w) {
			q += len(w)
			led = true
			break
		}
	}
	if !led {
		return p, false
	}
	return listGroup(text, q)
}

// groupWord returns the end of a group noun at q (銀行団, 3メガバンク: up
// to ten kanji, katakana or digits: 国内金融機関5行), q when there is none.
func groupWord(text string, q int) int {
	for n := 0; n < 10 && q < len(text); n++ {
		r, sz := utf8.DecodeRuneInString(text[q:])
		if !(isKanjiRune(r) && r != '々' || isKatakana(r) || r >= '0' && r <= '9') {
			break
		}
		q += sz
	}
	return q
}

// listGroup reads the group a listed name belongs to after など
// (の銀行団, 3メガバンク, の金融機関): the end of the group when a party
// particle follows it.
func listGroup(text string, p int) (int, bool) {
	q := p
	if strings.HasPrefix(text[q:], "の") {
		q += len("の")
	}
	e := groupWord(text, q)
	if e == q {
		return p, false
	}
	q = e
	for _, pt := range []string{"から", "より", "は", "が", "と", "に対", "による", "により"} {
		if strings.HasPrefix(text[q:], pt) {
			return q, true
		}
	}
	return p, false
}

// jaCorpSuffixes end a Japanese company name.
var jaCorpSuffixes = []string{"ホールディングス", "株式会社", "(株)", "合同会社", "有限会社", "コーポレーション", "インク", "HD",
	"データセンターズ", "データセンター", "グループ", "テクノロジーズ", "キャピタル", "パートナーズ", "エンジニアリング",
	"ソリューションズ", "インダストリーズ", "エンタープライズ", "インベストメンツ"}

// hasCorpSuffix returns the length of the corporate suffix s opens with, or 0.
func hasCorpSuffix(s string) int {
	for _, x := range jaCorpSuffixes {
		if strings.HasPrefix(s, x) {
			return len(x)
		}
	}
	return 0
}

// fundOf returns the length of a clause naming a fund run by the name
// before it (Xが運用するファンド, Xが管理する投資ファンド, Xの運用ファンド,
// Xが運用するクレジットファンド) or an unnamed unit of it (Xの子会社から), or
// 0.
// countedCompaniesRE is the count a Japanese list of companies ends on
// before its particle: 「の3社と」「など2社が」「の両社は」.
var countedCompaniesRE = regexp.MustCompile(`^(?:の|など|ら)?(?:[0-9０-９]{1,2}|[二三四五六七八九十]{1,2}|両)(?:社|行)((?:[はがとにをの]|から|より))`)

func fundOf(rest string) int {
	// 「NYDIGの子会社から借り入れた」: an unnamed unit of X acts for X.
	for _, w := range []string{"の完全子会社", "の子会社", "の関連会社", "の金融子会社", "の投資部門", "の融資部門"} {
		if strings.HasPrefix(rest, w) && !strings.HasPrefix(rest[len(w):], "化") && !strings.HasPrefix(rest[len(w):], "で") {
			return len(w)
		}
	}
	r := rest
	switch {
	case strings.HasPrefix(r, "が"):
		r = r[len("が"):]
		v := false
		for _, w := range []string{"運用する", "運用している", "運営する", "管理する", "組成した", "組成する", "率いる"} {
			if strings.HasPrefix(r, w) {
				r, v = r[len(w):], true
				break
			}
		}
		if !v {
			return 0
		}
	case strings.HasPrefix(r, "の運用する"):
		r = r[len("の運用する"):]
	case strings.HasPrefix(r, "の"):
		r = r[len("の"):]
	default:
		return 0
	}
	// The fund may carry a kind before it (投資ファンド, クレジットファンド,
	// プライベート・エクイティ・ファンド): katakana or a few kanji words.
	k := strings.Index(r[:min(len(r), 60+len("ファンド"))], "ファンド")
	if k < 0 || k > 60 {
		return 0
	}
	kind := r[:k]
	for _, w := range []string{"投資", "債券", "不動産", "私募", "運用"} {
		kind = strings.ReplaceAll(kind, w, "")
	}
	for _, c := range kind {
		if !(c >= 'ァ' && c <= 'ヺ' || c == 'ー' || c == '・') {
			return 0
		}
	}
	return len(rest) - len(r) + k + len("ファンド")
}
