package deal

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
)

// label is the grammatical role of an organisation mention in its sentence.
type label uint8

const (
	lPlain label = iota // no marker
	lSubj               // Xは, Xが, "X signed", "X:" headings
	lPairA              // the first of "XとY", "X and Y"
	lPairB              // the second of a pair
	lCP                 // Xと, Xとの, Xから, Xに, "with X", "from X", "by X"
	lDat                // Xに (a recipient: buyer, investee)
	lObj                // Xを, "acquire X"
	lInv                // "invest in X", "stake in X": X is the company
	lPoss               // Xの, "X's"
)

// mention is an organisation mention with its role.
type mention struct {
	org.Mention
	label label
	wa    bool // Japanese subject marked with は (the sentence topic), not が
	miner bool
	weak  bool // an unknown name from kagome or a capitalised frame
	// passive marks the recipient of a passive verb ("was extended to X").
	passive bool
	// funder marks the one leading a financing ("…notes, JPMorgan-led"):
	// its money goes to someone else.
	funder bool
}

// labelJA gives mentions of a Japanese sentence their particle roles.
// ms are sorted by position; text is the whole document.
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
			if i+1 < len(ms) && ms[i+1].Span[0]-(p+step) <= 3 && ms[i+1].Span[0] >= p+step {
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
		case strings.HasPrefix(rest, "、") && i == 0 && !strings.ContainsAny(text[lineStart(text, m.Span[0]):m.Span[0]], "、。"):
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
		if i > 0 && ms[i-1].label == lPairA && m.label != lCP && m.label != lPairA {
			m.label = lPairB
		}
		if newEntityBefore(text[:m.Span[0]]) || newEntityAfter(text[afterMention(text, m.Span[1]):]) {
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
// subject: an issue, then 引き受け/引受/取得 in the same clause.
func sharesTaken(rest string) bool {
	if !text.HasAnyPrefix(rest, shareIssues...) {
		return false
	}
	rest = clauseHead(rest)
	return strings.Contains(rest, "引き受") || strings.Contains(rest, "引受") || strings.Contains(rest, "取得")
}

// ownedRecipient reports rest (what follows Xが) as a relative clause in
// 連体形 describing a noun that receives the deal (…建設するデータセンターに
// 対し): one clause, no 、 or 。 before に対し.
func ownedRecipient(rest string) bool {
	k := strings.Index(rest, "に対し")
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
	return r >= 0x30A1 && r <= 0x30FA || r == 'ー'
}

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
			if e < 0 || e > 40 && !profileBracket(text[p:p+e]) {
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
		if !(r >= 0x4E00 && r <= 0x9FFF || r >= 0x30A1 && r <= 0x30FA || r == 'ー' || r >= '0' && r <= '9') {
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

// ownedFigure is a possessive followed by a money figure within three
// words: "'s recent $1.5 billion raise".
var ownedFigure = regexp.MustCompile(`^['’]s\s+(?:[A-Za-z-]+\s+){0,3}?(?:(?:US|C|A|HK|S)?\$|€|£|¥)\s?\d`)

// boughtAfter reports what follows Xの naming X as the company bought:
// 「ビットアイルの完全子会社化」「Xの買収」「Xの全株式」.
func boughtAfter(s string) bool {
	for _, p := range []string{"完全子会社化", "子会社化", "買収", "株式取得", "全株式", "全株"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// assetBought reports an asset of the name before it (its site, plant,
// data center, business) bought in the same clause: 「(Xの)パラグアイにある
// 鉱山を買収」「(Xの)テキサス州の施設を取得」.
func assetBought(s string) bool {
	s = s[:runeBoundary(s, min(len(s), 90))]
	k := -1
	for _, v := range []string{"を買収", "を取得", "を購入", "を買い取"} {
		if i := strings.Index(s, v); i >= 0 && (k < 0 || i < k) {
			k = i
		}
	}
	if k <= 0 || strings.ContainsAny(s[:k], "、。はが「」") {
		return false
	}
	return text.ContainsAny(s[:k], "施設", "拠点", "鉱山", "採掘場", "データセンター", "用地", "土地", "工場", "事業", "サイト", "設備", "資産", "キャンパス", "発電所")
}

// relationGap is a possessive relation word between two names: "'s
// rival", "’s former parent", "'s sister company".
var relationGap = regexp.MustCompile(`^['’]s? (?:former |larger |smaller |main |chief |biggest |closest )?(?:rival|rivals|competitor|peer|sister company|parent|parent company)\s+$`)

// enPreps mark the counterparty in English.
var enPreps = map[string]label{
	"with": lCP, "from": lCP, "by": lCP, "to": lDat, "via": lCP, "alongside": lCP, "between": lPairA,
	"for": lCP, "and": lCP, "including": lCP, "customer": lCP, "client": lCP, "tenant": lCP, "partner": lCP,
	// "an agreement that grants Fluidstack full use of the campus": the
	// one a deal gives something to is its other side.
	"grants": lCP, "granting": lCP, "gives": lCP, "giving": lCP,
	// "ICG has backed Proximity Data Centres with £25m": the one backed,
	// funded or lent to receives the money.
	"backed": lDat, "backs": lDat, "funded": lDat, "funds": lDat, "financed": lDat, "lent": lDat,
}

// modifiesAgreement reports a name between a determiner or an agreement's
// adjective (ws, the words before it, nearest first) and an agreement noun
// (rest, lower-cased): "a five-year ESDS deal".
func modifiesAgreement(ws []string, rest string) bool {
	if !agreementNounNext(strings.TrimPrefix(rest, " ")) {
		return false
	}
	switch w := ws[0]; {
	case w == "a", w == "an", w == "the", w == "its", w == "their", w == "new", w == "another", w == "latest",
		w == "multi-year", w == "long-term", strings.HasSuffix(w, "-year"):
		return true
	}
	return false
}

// enAcq words before a name make it the object of an acquisition.
var enAcq = map[string]bool{
	"acquire": true, "acquires": true, "acquired": true, "acquiring": true, "buy": true, "buys": true,
	"bought": true, "buying": true, "purchase": true, "purchased": true, "purchasing": true, "of": false,
	"takeover": true, "merge": true, "absorb": true,
}

// labelEN gives mentions of an English sentence their roles. sent is the
// sentence span.
func labelEN(text string, sent [2]int, ms []mention) {
	for i := range ms {
		m := &ms[i]
		m.label = lPlain
		// Words before the name, nearest first, stopping at punctuation.
		// "Alphabet's Google": the owner's place is the name's place.
		at, first := m.Span[0], i
		for first > 0 && ms[first-1].Span[1] >= sent[0] && ownerOf(text[ms[first-1].Span[1]:ms[first].Span[0]]) {
			first--
			at = ms[first].Span[0]
		}
		ws := wordsBefore(text, sent[0], at, 5)
		if len(ws) == 5 && org.UnitNoun(ws[0]) {
			ws = wordsBefore(text, sent[0], at, 9) // "from Digital Currency Group's mining subsidiary Foundry"
		}
		pws := ws
		if len(ws) > 1 && org.PlacePossessive(ws[0]) {
			pws = ws[1:] // "a unit of Japan's Sojitz": the country describes the name
		} else if len(ws) > 1 && org.PlaceBased(ws[0]) {
			// "a subsidiary of Hong Kong-based West Data Group": the
			// place's words describe the name too.
			for k := 1; k < min(len(ws), 4); k++ {
				if ws[k] == "of" {
					pws = ws[k:]
					break
				}
			}
		}
		prevMention := first > 0 && ms[first-1].Span[1] >= sent[0]
		if l, ok := parentRole(pws); ok {
			// "to the AI data center subsidiary of Gridline Mining": the
			// parent takes the role of the preposition before its unit.
			m.label = l
			ws = nil
		}
		for k, w := range ws {
			if w == "–" || w == "—" || w == "-" || w == "|" {
				break // "… from Generate Capital – Soluna announced": a dash opens a clause
			}
			if enAcq[w] || k < 2 && (w == "of" && len(ws) > k+1 && (ws[k+1] == "acquisition" || ws[k+1] == "takeover" || ws[k+1] == "purchase")) {
				m.label = lObj
				break
			}
			if w == "in" && (investBefore(ws[k+1:]) || k+1 == len(ws) && investBeforeRaw(text, sent[0], m.Span[0])) {
				m.label = lInv
				break
			}
			if w == "and" && k > 0 && k+1 < len(ws) && descriptorRun(ws[:k]) && descriptorRun(ws[k+1:k+2]) {
				continue // "to data centre developer and operator Pure DC": the and joins two nouns of one description
			}
			if l, ok := enPreps[w]; ok && (k < 4 || longDescriptor(ws[:k]) || unitOfNamedRun(ws[:k])) {
				if w == "and" {
					if k == 0 && clauseVerbAfter(text[m.Span[1]:sent[1]]) && (!prevMention || ms[i-1].label != lPlain && ms[i-1].label != lSubj) {
						// "A closed a loan with B and C signed…": C opens
						// a clause of its own.
						m.label = lSubj
					} else if k == 0 && prevMention && ms[i-1].Span[1]+6 >= m.Span[0] || k > 0 && prevMention && descriptorRun(ws[:k]) &&
						strings.HasPrefix(text[ms[i-1].Span[1]:], " and ") {
						m.label = lPairB
						if (ms[i-1].label == lPlain || ms[i-1].label == lSubj) && prepListBefore(strings.ToLower(text[max(sent[0], ms[i-1].Span[0]-70):ms[i-1].Span[0]])) {
							// "financing from a group of investors, NVIDIA, and
							// Related Companies": members of a list of the other
							// side, no pair of their own.
							ms[i-1].label, m.label = lCP, lCP
						} else if ms[i-1].label == lPlain || ms[i-1].label == lSubj {
							ms[i-1].label = lPairA
						}
					} else if k == 0 && clauseVerbAfter(text[m.Span[1]:sent[1]]) {
						// "A sold $X of notes, B raised $Y and C priced a
						// $Z offering": C opens a clause of its own.
						m.label = lSubj
					}
					break
				}
				if w == "to" && k == 0 && i+0 < len(ms) {
					m.label = lDat
					if len(ws) > 2 {
						switch ws[2] {
						case "was", "were", "been", "is", "are", "be":
							m.passive = true
						}
					}
					break
				}
				m.label = l
				break
			}
		}
		if m.label == lPlain && len(ws) > 0 && modifiesAgreement(ws, strings.ToLower(text[m.Span[1]:sent[1]])) {
			// "a five-year ESDS deal", "the new Fluidstack lease": the name
			// before the agreement noun is its other side.
			m.label = lCP
		}
		if m.label == lPlain && len(ws) == 0 {
			// "from its largest shareholder, Growler Mining", "to a local
			// investor group, Abay Power": the name restates a role noun
			// governed by a preposition before the comma.
			if l, ok := appositiveRole(text, sent[0], m.Span[0]); ok {
				m.label = l
			}
		}
		rest := text[m.Span[1]:sent[1]]
		if m.label == lObj && productAfter(rest) {
			// "buy the Nvidia GPUs", "acquire Bitmain S21 machines": the
			// maker sells products, it is not the company bought.
			m.label = lCP
			if moneyRaisedToBuy(strings.ToLower(text[sent[0]:m.Span[0]])) {
				// "raised $200 million in debt to buy Nvidia GPUs": the
				// maker is no side of the financing that pays for them.
				m.label = lPlain
			}
		}
		if possessive(rest) && m.label != lPlain && m.label != lObj && m.label != lInv && !(len(ws) > 0 && adjacentPrep[ws[0]]) {
			// "part of Lambda's payments", "including Nvidia's GB300": a
			// possessive far from its preposition owns a thing, not a role.
			m.label = lPoss
		}
		if len(ws) > 0 && (ws[0] == "company's" || ws[0] == "company’s" || ws[0] == "its" || ws[0] == "our") && unitAfter(rest) {
			// "for the Company's Volta Cloud subsidiary": the company's
			// own unit, no other party.
			m.label = lPoss
			continue
		}
		if sourceAfter(rest) {
			// "a Jefferies report said", "according to a JPMorgan research
			// note": the name is a source of the news, not a party.
			m.label = lPoss
			continue
		}
		if m.label == lPlain || m.label == lPoss {
			if ownedFigure.MatchString(rest) {
				// "Lambda's recent $1.5 billion raise", "Microsoft's $1.5
				// billion investment in Core42": the owner of the figure's
				// deal is its subject.
				m.label = lSubj
				continue
			}
		}
		if m.label == lPlain {
			switch {
			case (len(ws) == 0 && first == i) && ownsDeal(rest):
				// "Cipher's existing agreements with A and B cover…":
				// the owner of the deals opening the sentence is its company.
				m.label = lSubj
			case strings.HasPrefix(rest, "'s"), strings.HasPrefix(rest, "’s"):
				m.label = lPoss
			case !prevMention || len(ws) == 0 || startsClause(ws):
				m.label = lSubj
			case strings.HasPrefix(rest, ":"):
				m.label = lSubj
			}
		}
	}
	// "agreed to buy CyrusOne's rival CoreSite": the name after a
	// possessive relation word takes the role, the owner is no party.
	for i := 0; i+1 < len(ms); i++ {
		if ms[i].Span[1] <= ms[i+1].Span[0] && relationGap.MatchString(text[ms[i].Span[1]:ms[i+1].Span[0]]) {
			if ms[i+1].label == lPlain {
				ms[i+1].label = ms[i].label
			}
			ms[i].label = lPoss
		}
	}
	// "with investors including Nvidia, Dell and Lenovo": names listed after
	// a counterparty are counterparties too, not a pair of their own.
	for i := 1; i < len(ms); i++ {
		if ms[i-1].label == lCP && (ms[i].label == lPlain || ms[i].label == lPairA || ms[i].label == lPairB) &&
			ms[i-1].Span[1] <= ms[i].Span[0] && listMark(stripAsides(text[ms[i-1].Span[1]:ms[i].Span[0]]), false) {
			ms[i].label = lCP
		}
	}
	// "Nvidia-backed Crusoe", "SoftBank-owned SB Energy": the backer
	// describes the name after it and is no party; the name takes its place.
	for i := 0; i+1 < len(ms); i++ {
		between := strings.ToLower(text[ms[i].Span[1]:ms[i+1].Span[0]])
		if backerBetween(between) {
			if ms[i+1].label == lPlain {
				ms[i+1].label = ms[i].label
			}
			ms[i].label = lPoss
		}
	}
	// "a Google-backed lease with Fluidstack": a backer describing a deal
	// or a thing, not a name, is no party of the sentence's deal.
	for i := range ms {
		rest := strings.ToLower(text[ms[i].Span[1]:min(len(text), ms[i].Span[1]+40)])
		for _, b := range [...]string{"-backed ", "-funded ", "-supported ", "-sponsored ", " sponsored "} {
			if after, ok := strings.CutPrefix(rest, b); ok && after != "" && after[0] >= 'a' && after[0] <= 'z' && !strings.HasPrefix(after, "by ") {
				ms[i].label = lPoss
				break
			}
		}
	}
	// "$4.6B of senior secured notes, JPMorgan-led.": the one leading a
	// financing is its lender or arranger, not the one raising it.
	for i := range ms {
		rest := text[ms[i].Span[1]:min(len(text), ms[i].Span[1]+16)]
		for _, b := range [...]string{"-led", "-arranged", "-underwritten"} {
			if after, ok := strings.CutPrefix(rest, b); ok && (after == "" || after[0] == '.' || after[0] == ',' || after[0] == ';' || after[0] == ')') {
				ms[i].funder = true
				break
			}
		}
	}
	// "buy $X of Nvidia GB300 systems … from Dell": the seller named after
	// from beats the maker of the products.
	for i := range ms {
		if ms[i].label == lPoss || dealPrepBefore(text[sent[0]:ms[i].Span[0]]) || !productAfter(text[ms[i].Span[1]:sent[1]]) {
			continue
		}
		for j := i + 1; j < len(ms); j++ {
			if strings.HasSuffix(strings.ToLower(text[sent[0]:ms[j].Span[0]]), "from ") {
				ms[i].label = lPoss
				break
			}
		}
	}
	// "Hut 8 Corp. (Nasdaq: HUT)": a ticker in brackets after its name
	// restates the name and takes its role.
	for i := 1; i < len(ms); i++ {
		if ms[i].Name == ms[i-1].Name && tickerBracket(text[ms[i-1].Span[1]:ms[i].Span[0]]) {
			ms[i].label = ms[i-1].label
		}
	}
	// "A said B agreed to invest…": A reports the deal, B is its counterparty.
	for i := 0; i+1 < len(ms); i++ {
		between := text[ms[i].Span[1]:ms[i+1].Span[0]]
		if reportVerbBetween(between) &&
			(ms[i].label == lSubj || ms[i].label == lPlain) {
			ms[i].label, ms[i+1].label = lSubj, lCP
		}
	}
	// Headline style "A, B expand pact": two names opening the sentence,
	// joined by a comma and followed by a verb, are a pair.
	if len(ms) >= 2 && strings.TrimSpace(text[sent[0]:ms[0].Span[0]]) == "" && text[ms[0].Span[1]:ms[1].Span[0]] == ", " {
		rest := text[ms[1].Span[1]:sent[1]]
		if w := strings.Fields(rest); len(w) > 0 && rest[0] == ' ' && w[0] != "and" && w[0] != "or" &&
			w[0][0] >= 'a' && w[0][0] <= 'z' && (len(ms) == 2 || ms[2].Span[0] > ms[1].Span[1]+len(w[0])+2) {
			ms[0].label, ms[1].label = lPairA, lPairB
		}
	}
	// "X and Y signed…": a pair at the start.
	for i := 0; i+1 < len(ms); i++ {
		if ms[i].label == lSubj && ms[i+1].label == lCP {
			between := text[ms[i].Span[1]:ms[i+1].Span[0]]
			if strings.TrimSpace(between) == "and" {
				ms[i].label, ms[i+1].label = lPairA, lPairB
			}
		}
	}
	// "DataBank, a DigitalBridge portfolio data center company, announced…":
	// the name opening the sentence is the subject; a name inside the
	// description only describes it.
	if len(ms) > 1 && ms[0].Span[0] == bulletEnd(text, sent[0]) {
		rest := text[ms[0].Span[1]:sent[1]]
		if strings.HasPrefix(rest, ", ") && appositiveCompany(rest[2:]) {
			end := ms[0].Span[1] + 2 + strings.IndexByte(rest[2:], ',')
			ms[0].label = lSubj
			for i := 1; i < len(ms) && ms[i].Span[1] <= end; i++ {
				ms[i].label = lPoss
			}
		}
	}
}

// prepListBefore reports the text before a list's first member (lower
// case) opening a list of a deal's other side: "from a group of
// investors, ", "led by " (not "an investor group including", which
// may open the sentence's subject).
func prepListBefore(before string) bool {
	if strings.Contains(before, ". ") {
		before = before[strings.LastIndex(before, ". ")+2:]
	}
	for _, w := range []string{" from ", " led by "} {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// clauseVerbs are finite deal verbs a name opening its own clause takes
// ("and CleanSpark priced a $1.15 billion offering").
var clauseVerbs = map[string]bool{"priced": true, "raised": true, "sold": true, "signed": true, "closed": true,
	"secured": true, "completed": true, "issued": true, "bought": true, "acquired": true, "inked": true,
	"struck": true, "added": true, "took": true, "won": true, "borrowed": true, "agreed": true, "landed": true,
	"upsized": true, "launched": true, "announced": true, "drew": true, "tapped": true, "obtained": true,
	"placed": true, "offered": true, "arranged": true, "entered": true}

// clauseVerbAfter reports a finite deal verb right after a name.
func clauseVerbAfter(rest string) bool {
	rest = strings.TrimPrefix(rest, ".") // "Tundra Hash Inc. priced"
	ws := strings.Fields(rest)
	if len(ws) == 0 || rest[0] != ' ' {
		return false
	}
	for len(ws) > 1 && legalForm[strings.ToLower(strings.TrimRight(ws[0], ".,"))] {
		ws = ws[1:] // "Tundra Hash Inc. priced"
	}
	w := ws[0]
	if (w == "also" || w == "separately" || w == "has" || w == "had") && len(ws) > 1 {
		w = ws[1]
	}
	return clauseVerbs[w]
}

// legalForm are legal forms a mention may leave after it.
var legalForm = map[string]bool{"inc": true, "corp": true, "ltd": true, "llc": true, "co": true, "plc": true, "limited": true}

// backerBetween reports a compound adjective of ownership or backing
// joining a backer to the name it describes ("-backed ", "-owned ").
func backerBetween(between string) bool {
	switch between {
	case "-backed ", "-owned ", "-funded ", "-controlled ", "-supported ", "-majority-owned ", "-affiliated ":
		return true
	}
	return false
}

// unitNouns name a part of a company ("the data center subsidiary of X").
var unitNouns = map[string]bool{"subsidiary": true, "unit": true, "arm": true, "affiliate": true, "division": true,
	"subsidiaries": true, "units": true, "business": true, "spinoff": true, "spin-off": true}

// unitAfter reports a unit noun right after a name ("Volta Cloud
// subsidiary", "BUZZ HPC unit").
func unitAfter(rest string) bool {
	ws := strings.Fields(strings.ToLower(rest))
	for i, w := range ws {
		if i >= 2 {
			break
		}
		if unitNouns[strings.Trim(w, ".,;")] {
			return true
		}
	}
	return false
}

// parentRole reads "<prep> the … subsidiary of X" in ws (the words before
// X, nearest first) and returns the role of the preposition.
func parentRole(ws []string) (label, bool) {
	if len(ws) < 3 || ws[0] != "of" || !unitNouns[ws[1]] {
		return lPlain, false
	}
	for _, w := range ws[2:] {
		switch w {
		case "to":
			return lDat, true
		case "from", "with", "for", "by":
			return lCP, true
		}
	}
	return lPlain, false
}

// ownsDeal reports a possessive naming the name's deals ("'s existing
// agreements with", "'s new lease with").
func ownsDeal(rest string) bool {
	if !possessive(rest) {
		return false
	}
	ws := strings.Fields(strings.ToLower(rest))
	for i := 1; i < len(ws) && i <= 3; i++ {
		switch strings.Trim(ws[i], ",") {
		case "agreement", "agreements", "contract", "contracts", "deal", "deals", "lease", "leases", "pact":
			return i+1 < len(ws) && ws[i+1] == "with"
		}
	}
	return false
}

// ownerOf reports the possessive between an owner and the company it owns
// ("Alphabet's Google", "SoftBank’s SB Energy").
func ownerOf(between string) bool {
	return between == "'s " || between == "’s "
}

// reportVerbBetween reports "said", "said that", "said on Monday",
// "announced Tuesday that" between two names: the first reports the deal
// of the second.
func reportVerbBetween(b string) bool {
	b = strings.TrimLeft(b, ".,") // "Hut 8 Corp. said"
	ws := strings.Fields(b)
	if len(ws) == 0 || b[0] != ' ' || b[len(b)-1] != ' ' {
		return false
	}
	switch strings.ToLower(strings.Trim(ws[0], ",.")) {
	case "inc", "corp", "ltd", "co", "plc", "llc", "ag", "sa", "nv":
		ws = ws[1:] // "Cipher Mining Inc said…"
	}
	if len(ws) == 0 {
		return false
	}
	verb := ws[0]
	if verb != "said" && verb != "says" && verb != "announced" {
		return false
	}
	ws = ws[1:]
	that := len(ws) > 0 && ws[len(ws)-1] == "that"
	if that {
		ws = ws[:len(ws)-1]
	}
	if verb == "announced" && !that {
		return false // "A announced B…" without "that" reports nothing of B
	}
	if len(ws) > 0 && ws[0] == "on" {
		ws = ws[1:]
	}
	if len(ws) == 1 && strings.HasSuffix(ws[0], "day") {
		ws = ws[1:]
	}
	return len(ws) == 0
}

// sourceNouns follow a name that is the source of a figure ("a Barclays
// report", "JPMorgan analysts"), not a party to a deal.
var sourceNouns = []string{" report", " research", " analyst", " analysts", " note", " estimate", " estimates", " survey", " data showed", " data show"}

// sourceAfter reports a source noun right after a name, as a whole word
// ("a Barclays report", not "Canaan reported").
func sourceAfter(rest string) bool {
	for _, n := range sourceNouns {
		if strings.HasPrefix(rest, n) && (len(rest) == len(n) || !isWordByte(rest[len(n)])) {
			return true
		}
	}
	return false
}

// descriptorRun reports words (nearest first) that describe the name after
// them: "Japanese trading house", "AI cloud provider".
func descriptorRun(ws []string) bool {
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	if len(ws) == 1 && org.PlacePossessive(ws[0]) {
		return true // "and Japan's Hokuriku Energy Trading"
	}
	return slices.Contains(descriptorNouns, ws[0])
}

// descriptorNouns end a description of an organisation written before its name
// ("data centre developer and operator Pure DC", "real estate firm DL
// Invest").
var descriptorNouns = []string{"house", "company", "firm", "biz", "provider", "operator", "developer", "startup", "start-up", "lab",
	"giant", "group", "conglomerate", "bank", "utility", "maker", "manufacturer", "producer", "miner", "investor", "fund",
	"manager", "platform", "insurer", "lender", "supplier", "vendor", "partner", "hyperscaler", "player", "specialist", "owner"}

// longDescriptor reports the words between a preposition and a name as
// a description of the name ending in a role noun, up to seven words ("with
// the artificial intelligence infrastructure group Nebius", "to data centre
// developer and operator Pure DC"): the name keeps the preposition's role.
func longDescriptor(ws []string) bool {
	if len(ws) < 4 || len(ws) > 7 || !descriptorRun(ws[:1]) {
		return false
	}
	for k, w := range ws[1:] {
		if !isLowerWord(w) {
			return false
		}
		if w == "and" && k+2 < len(ws) && descriptorRun(ws[k:k+1]) && descriptorRun(ws[k+2:k+3]) {
			continue // "developer and operator": two role nouns of one description
		}
		switch w {
		case "said", "says", "is", "was", "has", "had", "will", "and", "or", "to", "for", "from", "with", "by", "that", "which":
			return false
		}
	}
	return true
}

// unitOfNamedRun reports the words between a preposition and a name
// (lower-cased, nearest first) as a named company's unit ("from Digital
// Currency Group's mining subsidiary Foundry"): the unit keeps the
// preposition's role (its owner is no party, en.party.possessor); "its
// subsidiary", "the company's unit" name the company's own part.
func unitOfNamedRun(ws []string) bool {
	if len(ws) < 2 || !org.UnitNoun(ws[0]) {
		return false
	}
	for k := 1; k < len(ws) && k < 4; k++ {
		w := ws[k]
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			// "Digital Currency Group's" names a company; "the group's",
			// "its" the company itself.
			named := !org.GenericPossessive(w) || k+1 < len(ws) && ws[k+1] != "the" && isLowerWord(ws[k+1]) && !enPrepWord(ws[k+1])
			return named && len(ws)-k <= 5
		}
		if !isLowerWord(w) {
			return false
		}
	}
	return false
}

// enPrepWord reports a preposition of enPreps.
func enPrepWord(w string) bool {
	_, ok := enPreps[w]
	return ok
}

// isLowerWord reports a word of lower-case ASCII letters and hyphens.
func isLowerWord(w string) bool {
	for _, r := range w {
		if (r < 'a' || r > 'z') && r != '-' {
			return false
		}
	}
	return w != ""
}

// adjacentPrep keep their role over a possessive right after them ("with
// Microsoft's cloud unit").
var adjacentPrep = map[string]bool{"with": true, "from": true, "by": true, "to": true, "between": true, "and": true}

func possessive(rest string) bool {
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s")
}

// investBefore reports an invest/stake word among the next few words
// before "in" ("invested $100 million in X", "a 5% stake in X").
func investBefore(ws []string) bool {
	for i, w := range ws {
		if i >= 4 {
			break
		}
		if strings.HasPrefix(w, "invest") || w == "stake" || w == "interest" || w == "investment" {
			return true
		}
	}
	return false
}

// investBeforeRaw reports an invest word shortly before the "in" that
// ends text[:end] when a bracket cut the word list ("invest ¥20 billion
// ($134 million) in U.S. developer X").
func investBeforeRaw(text string, start, end int) bool {
	lo := end - 120
	if lo < start {
		lo = start
	}
	w := strings.ToLower(text[lo:end])
	k := strings.LastIndex(w, " in ")
	if k < 0 {
		return false
	}
	w = w[:k]
	if j := strings.LastIndexAny(w, ".;"); j >= 0 && j+1 < len(w) && w[j+1] == ' ' {
		w = w[j+1:]
	}
	if len(w) > 60 {
		w = w[len(w)-60:]
	}
	return strings.Contains(w, "invest") || strings.Contains(w, " stake")
}

// roleNouns describe a party before its name in apposition ("its largest
// shareholder, X").
var roleNouns = map[string]bool{"shareholder": true, "investor": true, "group": true, "partner": true, "lender": true,
	"bank": true, "buyer": true, "purchaser": true, "acquirer": true, "customer": true, "client": true, "tenant": true,
	"company": true, "firm": true, "developer": true, "operator": true, "provider": true, "fund": true, "manager": true,
	"consortium": true, "utility": true, "startup": true, "backer": true, "owner": true, "affiliate": true}

// appositiveRole reads "<prep> [its largest] <role noun>, <name>": the
// name's role is the preposition's.
func appositiveRole(text string, start, pos int) (label, bool) {
	b := strings.TrimRight(text[start:pos], " ")
	if !strings.HasSuffix(b, ",") {
		return lPlain, false
	}
	ws := wordsBefore(text, start, start+len(b)-1, 5)
	if len(ws) < 2 || !roleNouns[ws[0]] {
		return lPlain, false
	}
	for k := 1; k < len(ws) && k < 4; k++ {
		switch ws[k] {
		case "with", "from", "by", "for":
			return lCP, true
		case "to":
			return lDat, true
		}
	}
	return lPlain, false
}

// startsClause reports whether the words before a name (nearest first) end a
// clause or a sentence-initial phrase ("On Monday, X", "Meanwhile X").
func startsClause(ws []string) bool {
	if len(ws) == 0 {
		return true
	}
	if len(ws) == 1 && (ws[0] == "and" || ws[0] == "but" || ws[0] == "while") {
		return true
	}
	switch ws[0] {
	case "miner", "operator", "company", "firm", "provider", "developer", "lab", "giant", "startup", "meanwhile",
		"rival", "peer", "hyperscaler", "the", "said", "that", "while", "whereas", "when", "after", "as", "also",
		"owner", "parent", "subsidiary", "unit", "affiliate", "based", "where", "–", "—", "-", "|":
		return true
	}
	// "said that Japanese trading house X will…": a descriptor before a
	// name opening a reported clause.
	for k := 1; k < len(ws) && k <= 4; k++ {
		if (ws[k] == "that" || ws[k] == "said") && descriptorRun(ws[:k]) {
			return true
		}
	}
	return false
}

// wordsBefore returns up to n lowercase words before end (nearest first),
// stopping at sentence punctuation or start.
func wordsBefore(text string, start, end, n int) []string {
	if n < 8 {
		n = 8
	}
	var out []string
	i := end
	for len(out) < n && i > start {
		// skip spaces
		for i > start && (text[i-1] == ' ' || text[i-1] == '-') {
			i--
		}
		if i <= start {
			break
		}
		c := text[i-1]
		if c == '.' && dottedAbbrev(text[start:i]) {
			// "U.S.", "U.K.": an abbreviation, not the end of a sentence.
			j := strings.LastIndexByte(text[start:i], ' ') + start + 1
			i = j
			continue
		}
		if c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '.' {
			break
		}
		j := i
		for j > start {
			r, sz := utf8.DecodeLastRuneInString(text[start:j])
			if r == ',' && j-2 >= start && j < len(text) && isDigitByte(text[j-2]) && isDigitByte(text[j]) {
				j-- // "buy 12,000 rigs": a thousands separator, one word
				continue
			}
			if r == ' ' || r == ',' || r == ';' || r == ':' || r == '(' || r == '"' {
				break
			}
			j -= sz
		}
		if j == i {
			break
		}
		w := strings.ToLower(text[j:i])
		if w == "the" || w == "a" || w == "an" || w == "its" || w == "u.s." || w == "new" {
			i = j
			continue
		}
		out = append(out, w)
		i = j
	}
	return out
}

// dottedAbbrev reports s ending in a dotted abbreviation ("U.S.", "U.K.").
func dottedAbbrev(s string) bool {
	w := s[strings.LastIndexByte(s, ' ')+1:]
	if len(w) < 4 || len(w) > 6 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if i%2 == 1 && w[i] != '.' || i%2 == 0 && !(w[i] >= 'A' && w[i] <= 'Z') {
			return false
		}
	}
	return true
}

// productNouns are things bought from a maker, not companies.
var productNouns = map[string]bool{"gpu": true, "gpus": true, "chip": true, "chips": true, "server": true, "servers": true,
	"system": true, "systems": true, "accelerator": true, "accelerators": true, "hardware": true, "machine": true,
	"machines": true, "miners": true, "rigs": true, "units": true, "processors": true, "equipment": true,
	"racks": true, "superchips": true, "asics": true, "asic": true, "antminers": true, "whatsminers": true}

// productAfter reports a product noun right after a name, possibly behind
// model codes or a product family ("Nvidia GPUs", "Nvidia B200 chips",
// "Bitmain S21 XP machines", "Bitmain Antminer S23 rigs").
func productAfter(rest string) bool {
	for i, w := range strings.Fields(rest) {
		if i >= 4 {
			break
		}
		raw := strings.TrimRight(w, ",.;:")
		w = strings.ToLower(raw)
		if productNouns[w] {
			return true
		}
		if !strings.ContainsAny(w, "0123456789") && !(len(raw) <= 4 && strings.ToUpper(raw) == raw) && !(i == 0 && productNames[w]) && !modelSuffixes[w] {
			return false
		}
	}
	return false
}

// moneyRaisedToBuy reports a sentence before a maker's name that raises
// or borrows money to buy its products ("raised $200 million in debt to
// buy Nvidia GPUs").
func moneyRaisedToBuy(before string) bool {
	k := max(strings.LastIndex(before, " to buy "), strings.LastIndex(before, " to purchase "), strings.LastIndex(before, " to acquire "))
	if k < 0 || len(before)-k > 30 {
		return false
	}
	return text.ContainsAny(before[:k], " raised ", " raises ", " raising ", " borrowed ", " borrows ", " borrowing ", " in debt", " loan", " financing",
		" credit facility", " notes ", " secured $", " secures $")
}

// modelSuffixes follow a model number in a product's name ("S19 Pro",
// "S21 XP Hyd", "A1566 Pro").
var modelSuffixes = map[string]bool{"pro": true, "max": true, "plus": true, "ultra": true, "xp": true, "hydro": true,
	"hyd": true, "mini": true, "lite": true, "se": true, "air": true, "immersion": true}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// tickerBracket reports the text between a name and its ticker in brackets
// (" (Nasdaq: ", " Ltd. (NYSE: ", " ("), a legal form at most before it.
func tickerBracket(between string) bool {
	i := strings.Index(between, " (")
	if i < 0 || len(between) > 30 || strings.Contains(between, ")") {
		return false
	}
	if form := strings.Trim(between[:i], ".,"); strings.Contains(strings.TrimSpace(form), " ") {
		return false
	}
	b := strings.TrimSpace(between[i+2:])
	return b == "" || strings.HasSuffix(b, ":")
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
