package deal

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

// expandLists gives every member of a list of counterparties its own deal
// ("百十四銀行、香川銀行、高松信用金庫とシンジケートローンを組成",
// "contracts with Together AI, Fluidstack and Fireworks AI", "a $2.5
// billion agreement with A and B"): a deal found with one member is told
// of each, with its value, as the answer key gives each lender of a
// syndicated loan the loan's value. A pending deal is left alone (its
// value is still to come).
// The copies name the rule "list:" and the deal's own rule.
func expandLists(sc *sent, out []pipeline.Deal) []pipeline.Deal {
	n := len(out)
	for i := 0; i < n; i++ {
		dl := out[i]
		// Giving every member the amount, not only a loan's or a raise's:
		// on the real-news dev split of 1,055 records, 3 more right deals
		// and 2 more wrong.
		if dl.Counterparty == "" || strings.HasPrefix(dl.Rule, "pending:") {
			continue
		}
		members := listOf(sc, string(dl.Counterparty))
		if dl.Amount != nil && len(members) > 0 {
			switch listSum(sc, dl, members) {
			case groupLead:
				continue // "a consortium including A, B and C agreed to pay $X": the group's price, its lead named
			case openSum:
				// 「A、Bなどと計330億ドルの契約」: a sum, every member's deal
				// told without it, the one it was found with too.
				dl.Amount, out[i].Amount = nil, nil
			}
		}
		for _, m := range members {
			if m.Name == dl.Company || hasDeal(out, dl.Company, m.Name) {
				continue
			}
			out = append(out, withCounterparty(dl, m.Name, "list:"))
		}
	}
	return out
}

// listSum tells how a value told with a list of parties belongs to its
// members: groupLead for a group's members ("a consortium including A, B
// and C agreed to pay $X": the value is the group's, its lead named),
// openSum for a list left open ("A, B and others", 「A、Bなど」: the value
// is a sum) or told as the members' total before the value (「A、B、Cが合計で
// 最大250億円を出資」, "A and B invested a combined $80 million"; not a
// loan's: each lender of a syndicated loan is given the loan's value), 0
// when each member entered the agreement of that value ("led by A and B",
// "with A and B").
func listSum(sc *sent, dl pipeline.Deal, others []mention) int {
	name := string(dl.Counterparty)
	lo, hi := len(sc.d.text), 0
	for _, m := range sc.ms {
		if m.Name == name || slices.ContainsFunc(others, func(o mention) bool { return o.Span == m.Span }) {
			lo, hi = min(lo, m.Span[0]), max(hi, m.Span[1])
		}
	}
	if hi == 0 {
		return 0
	}
	before := strings.TrimRight(sc.d.lower[max(0, lo-20):lo], " ")
	if a := dl.Amount; a != nil && a.Span[1] <= lo && text.HasAnySuffix(before, "including", "such as", " like") &&
		fromBackersRE.MatchString(sc.d.lower[a.Span[1]:lo]) {
		// "raised $100 million from investors including A, B and C": some
		// of the backers, each in the round, none for the whole sum.
		return openSum
	}
	if text.HasAnySuffix(before, groupCues...) {
		return groupLead
	}
	after := sc.d.lower[hi:min(len(sc.d.lower), hi+20)]
	if text.HasAnyPrefix(after, "を含む", "が率いる") {
		return groupLead // 「AとBを含む投資家グループ」
	}
	if text.HasAnyPrefix(after, " and others", ", among others", " among others", "など", "等") || strings.HasSuffix(before, "such as") {
		return openSum
	}
	pair := slices.ContainsFunc(others, func(o mention) bool { return o.Name == dl.Company })
	if a := dl.Amount; a != nil && !pair && dl.Kind != pipeline.KindFinancing && a.Span[0] >= hi && a.Span[0]-hi <= 40 &&
		text.ContainsAny(sc.d.lower[hi:a.Span[0]], sumCues...) {
		return openSum
	}
	return 0
}

// sumCues, between a list of parties and the value, tell the value is the
// members' total (総額 is not one: 「AとBは総額23億ドルで経営統合」 is the
// deal's value, and the list its two sides).
var sumCues = []string{"合計", "あわせて", "合わせて", " combined ", "a total of", " in total", " together "}

// The ways listSum reads a value told with a list.
const (
	groupLead = 1 + iota
	openSum
)

// withCounterparty is a copy of dl with another counterparty, its rule
// opened by the step that made it ("list:", "cobuyer:").
func withCounterparty(dl pipeline.Deal, cp, step string) pipeline.Deal {
	dl.Counterparty = pipeline.NullString(cp)
	dl.Rule = step + dl.Rule
	return dl
}

// hasDeal reports a deal between company and cp among ds.
func hasDeal(ds []pipeline.Deal, company, cp string) bool {
	for _, d := range ds {
		if d.Company == company && string(d.Counterparty) == cp || d.Company == cp && string(d.Counterparty) == company {
			return true
		}
	}
	return false
}

// listOf returns the other members of the list of names the sentence's
// mention named name belongs to: names joined only by list marks (、 ・
// および や, ", " " and "), asides in brackets skipped.
func listOf(sc *sent, name string) []mention {
	ms := sc.ms
	at := -1
	for i, m := range ms {
		if m.Name == name && usable(m) {
			at = i
			break
		}
	}
	if at < 0 {
		return nil
	}
	txt := sc.d.text
	joined := func(i int) bool { // ms[i] and ms[i+1] are one list
		if !sc.isJA && ms[i+1].label == lSubj || ms[i].Span[1] > ms[i+1].Span[0] {
			return false // "a loan with Citigroup and Vireo signed…": Vireo opens a clause of its own
		}
		return joinedAsList(txt, ms[i], ms[i+1], sc.isJA)
	}
	lo, hi := listAround(ms, at, joined)
	var out []mention
	for i := lo; i <= hi; i++ {
		if i != at && usable(ms[i]) && ms[i].Name != name {
			out = append(out, ms[i])
		}
	}
	return out
}

// joinedAsList reports two names, a before b, that the text between joins
// as members of one list: list marks with asides set aside, and in
// Japanese legal forms and 社 too (「ビストラ(Vistra)社、テラ・パワー社」),
// or a name and its spelling in brackets, one member.
func joinedAsList(txt string, a, b mention, isJA bool) bool {
	gap := txt[a.Span[1]:b.Span[0]]
	if isJA {
		return jaListGap(gap) || (gap == "(" || gap == "（") && a.Name == b.Name
	}
	if listMark(stripAsides(gap), false) {
		return true
	}
	// "backed by Blue Owl Capital's Real Assets platform and Primary
	// Digital": a member told by its unit stays a member.
	if rest, ok := possessiveUnit(gap); ok && listMark(rest, false) {
		return true
	}
	// "Citibank Europe, and Nordea Bank": a known name's span may leave out
	// a capitalised word of its full name (a region, a unit) before the mark.
	rest := gap
	for range 2 {
		w := len(rest)
		if len(rest) > 2 && rest[0] == ' ' && rest[1] >= 'A' && rest[1] <= 'Z' {
			w = 2
			for w < len(rest) && (rest[w] >= 'a' && rest[w] <= 'z' || rest[w] >= 'A' && rest[w] <= 'Z') {
				w++
			}
		}
		if w == len(rest) {
			return false
		}
		rest = rest[w:]
		if a.Known && listMark(rest, false) {
			return true
		}
	}
	return false
}

// listAround returns the first and last index of the run of ms around
// at that joined (whether ms[i] and ms[i+1] are one list) keeps together.
func listAround(ms []mention, at int, joined func(i int) bool) (lo, hi int) {
	lo, hi = at, at
	for lo > 0 && joined(lo-1) {
		lo--
	}
	for hi+1 < len(ms) && joined(hi) {
		hi++
	}
	return lo, hi
}

// listHead returns the first member of the English list m belongs to
// when the list is introduced as a group's members ("an investor group
// including BlackRock, Nvidia and Microsoft agreed to acquire…", "led
// by A, B and C"): the first named leads and stands for the group. It
// returns nil otherwise.
func listHead(sc *sent, m *mention) *mention {
	if sc.isJA || m == nil {
		return nil
	}
	ms := sc.ms
	at := -1
	for i := range ms {
		if ms[i].Span == m.Span {
			at = i
			break
		}
	}
	if at <= 0 {
		return nil
	}
	txt := sc.d.text
	lo := at
	for lo > 0 && ms[lo-1].Span[1] <= ms[lo].Span[0] && joinedAsList(txt, ms[lo-1], ms[lo], false) {
		lo--
	}
	if lo == at || !usable(ms[lo]) {
		return nil
	}
	before := strings.TrimRight(sc.d.lower[max(0, ms[lo].Span[0]-20):ms[lo].Span[0]], " ")
	if text.HasAnySuffix(before, groupCues...) || strings.HasSuffix(before, "led by") {
		return &ms[lo]
	}
	return nil
}

// groupCues introduce a list of parties as a group's members ("a consortium
// including A, B and C"). A list "led by" its members names a group's lead
// too (listHead), but each of them entered the agreement of its value
// (listSum).
var groupCues = []string{"including", "includes", "include", "comprising"}

// listMark reports a separator of list members.
func listMark(s string, isJA bool) bool {
	if isJA {
		switch s {
		case "、", "・", "および", "及び", "や", ",", "/", "／":
			return true
		case "のほか、", "のほか":
			return true // 「伊藤忠商事のほか、東急不動産、横浜銀行が名を連ねる」
		}
		// 「シャープ、米サーバー大手のスーパー・マイクロ」: a member's
		// description after the list mark.
		if s == "と" {
			return true // 「DigitalBridgeとLa Caisseによって」
		}
		d, ok := cutListMark(s)
		if ok && strings.HasSuffix(d, "の") && utf8.RuneCountInString(d) <= 12 &&
			!strings.ContainsAny(strings.TrimSuffix(d, "の"), "とはがをにでも、") {
			return true
		}
		// 「デジタルブリッジと米KKR」: a country's one-kanji prefix.
		return ok && len(d) == len("米") && strings.Contains("米英独仏中韓豪加印台露伊蘭", d)
	}
	// "Bluepeak Inc., Harbor Labs": the dot of a legal form the name's
	// span left out; "A and the B Authority".
	switch strings.TrimSpace(strings.TrimPrefix(s, ".")) {
	case ",", ", and", "and", ", &", "and the", ", and the":
		return true
	}
	// "with cloud gaming company Boosteroid and real estate firm DL Invest":
	// a member's description after the list mark.
	return memberDescribedRE.MatchString(s)
}

// memberDescribedRE is an English list mark followed by the next member's
// description: a few lower-case words ending on a word for an
// organisation.
var memberDescribedRE = regexp.MustCompile(`^\s*(,|, and|and|, &)\s+(the )?([a-z][\w&'’-]* ){0,4}(` + strings.Join(descriptorNouns, "|") + `)\s+$`)

// cutListMark cuts a Japanese list mark that a member's description may
// follow (「、米サーバー大手の」, 「とカナダの」) from the start of s.
func cutListMark(s string) (string, bool) {
	if d, ok := strings.CutPrefix(s, "、"); ok {
		return d, true
	}
	return strings.CutPrefix(s, "と")
}

// stripAsides drops bracketed asides (a ticker, a market, an English name)
// from s: "<6753>(東証プライム)、" is "、".
func stripAsides(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '<', '（', '＜', '[':
			depth++
			continue
		case ')', '>', '）', '＞', ']':
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// groupCountRE follows the last member of a Japanese list of companies
// counted after it: 「A、B、Cの3社は」「…の5社で」「…の4社による」.
var groupCountRE = regexp.MustCompile(`^(の|計)?[2-9２-９二三四五六七八九]社(は|が|で|による|の間で|間で|間の|と)`)

// signedByRE opens a list of the signatories of an agreement:
// 「覚書を締結したのは、A、B、C」.
var signedByRE = regexp.MustCompile(`(締結|署名|調印)(した|する)のは、$`)

// groupWorkJA are the words of a group's joint work after its list.
var groupWorkJA = []string{"協定", "覚書", "提携", "連携", "協業", "合意", "共同", "協力", "設立", "開発", "構築", "実証", "整備", "推進", "運営"}

// groupJoined reports two names of a Japanese list of companies: joined by
// a list mark (legal forms aside: 「日本郵船株式会社、株式会社NTTファシリティーズ」),
// or the second the first's abbreviation in brackets (インターネットイニシアティブ(IIJ)).
func groupJoined(txt string, a, b mention) bool {
	gap := txt[a.Span[1]:b.Span[0]]
	if (gap == "(" || gap == "（") && text.HasAnyPrefix(txt[b.Span[1]:], ")", "）") {
		return true
	}
	return jaListGap(gap)
}

// jaListGap reports the text between two Japanese names a list mark once
// legal forms, asides and the word 社 are set aside.
func jaListGap(gap string) bool {
	for _, f := range org.JALegalForms {
		gap = strings.ReplaceAll(gap, f, "")
	}
	// 「Evroc社、スタズビック(Studsvik)社」: the next member found by its
	// bracketed spelling, its written name before the bracket.
	if text.HasAnySuffix(gap, "(", "（") {
		g := strings.TrimRight(gap, "(（")
		if k := strings.LastIndex(g, "、"); k >= 0 && listItemNameJA(g[k+len("、"):]) {
			gap = g[:k+len("、")]
		}
	}
	// 「ブリカラ(Blykalla)社、Evroc社」: the word 社 after a name, its
	// aside before it.
	gap = strings.TrimPrefix(stripAsides(gap), "社")
	return listMark(gap, true)
}

// groupJA tells the partnership of a Japanese list of three or more
// companies counted or signing together (「A、B、Cの3社は…データセンターを
// 開発する」, 「覚書を締結したのは、A、B、C」): the first named with each other
// member, as the key annotates a consortium. Pairs other rules told are
// left alone.
func groupJA(sc *sent, out []pipeline.Deal) []pipeline.Deal {
	ms, txt := sc.ms, sc.d.text
	for i := 0; i < len(ms); i++ {
		j := i
		for j+1 < len(ms) && ms[j].Span[1] <= ms[j+1].Span[0] && groupJoined(txt, ms[j], ms[j+1]) {
			j++
		}
		if j-i+1 < 3 {
			i = j
			continue
		}
		after := txt[ms[j].Span[1]:sc.sp[1]]
		if text.HasAnySuffix(txt[:ms[j].Span[0]], "(", "（") {
			after = strings.TrimLeft(after, ")）") // 「スタズビック(Studsvik)社の3社は」, the name found in its brackets
		}
		if k := closingAside(after); k > 0 {
			after = after[k:]
		}
		if strings.HasPrefix(after, "(") || strings.HasPrefix(after, "（") {
			after = stripAsides(after) // 「スタズビック(Studsvik)社の3社は」
		}
		for _, f := range org.JALegalForms {
			after = strings.TrimPrefix(after, f) // 「東急不動産株式会社の3社は」
		}
		after = strings.TrimPrefix(after, "社")
		count := groupCountRE.FindString(after)
		counted := count != ""
		if counted && text.HasAnyPrefix(after[len(count):], "いずれも", "それぞれ", "各社とも") {
			// 「A、B、C、Dの4社はいずれも…10億ドル規模の調達を行った」: each
			// member made the deal told of one of them, with its figure.
			out = eachOfGroup(ms[i:j+1], out)
			i = j
			continue
		}
		signed := signedByRE.MatchString(txt[max(sc.sp[0], ms[i].Span[0]-40):ms[i].Span[0]])
		if !counted && !signed || counted && !text.ContainsAny(after, groupWorkJA...) {
			i = j
			continue
		}
		head, first, rule := ms[i], i+1, "group:ja.group"
		if strings.HasSuffix(count, "と") && sc.hasSubj && sc.subj.Span[1] <= ms[i].Span[0] {
			// 「メタ社は…A社、B社、C社の3社と契約を締結」: the members deal
			// with the subject, not with each other.
			head, first, rule = sc.subj, i, "group:ja.group_with"
		}
		for k := first; k <= j; k++ {
			m := ms[k]
			if !usable(m) || !usable(head) || sameName(m.Name, head.Name) || hasDeal(out, head.Name, m.Name) {
				continue // a name and its abbreviation in brackets are one member
			}
			out = append(out, pipeline.Deal{Company: head.Name, Counterparty: pipeline.NullString(m.Name), Kind: pipeline.KindPartnership,
				Evidence: txt[sc.sp[0]:sc.sp[1]], EvidenceSpan: sc.sp, Confidence: 0.6, Rule: rule})
		}
		i = j
	}
	return out
}

// eachOfGroup gives every member of a counted group the deals without
// counterparty told of one of them in the sentence.
func eachOfGroup(members []mention, out []pipeline.Deal) []pipeline.Deal {
	for _, dl := range out { // the deals told before: range reads out's length once
		if dl.Counterparty != "" || !slices.ContainsFunc(members, func(m mention) bool { return m.Name == dl.Company }) {
			continue
		}
		for _, m := range members {
			if !usable(m) || hasDeal(out, m.Name, "") {
				continue
			}
			e := dl
			e.Company, e.Rule = m.Name, "each:ja.group@"+dl.Rule
			out = append(out, e)
		}
	}
	return out
}

// possessiveUnit cuts "'s Real Assets platform" (a possessive and at most
// four words ending on a unit noun) from the start of gap and returns the
// rest.
func possessiveUnit(gap string) (string, bool) {
	rest, ok := strings.CutPrefix(gap, "'s ")
	if !ok {
		if rest, ok = strings.CutPrefix(gap, "’s "); !ok {
			return gap, false
		}
	}
	for range 4 {
		w, after, found := strings.Cut(rest, " ")
		if !found {
			return gap, false
		}
		lw := strings.ToLower(strings.TrimRight(w, ","))
		if unitNoun(lw) || lw == "platform" || lw == "fund" || lw == "funds" {
			if strings.HasSuffix(w, ",") {
				return ", " + after, true
			}
			return " " + after, true
		}
		rest = after
	}
	return gap, false
}
