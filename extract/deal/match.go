package deal

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

// DealRule is a relation pattern kept as data: a regular expression over
// the sentence in which every organisation mention is replaced by a
// placeholder, so a rule reads like the phrasing it covers:
//
//	{company}{gap}\b(ordered|purchased)\b{gap}\bfrom {counterparty}
//
// Placeholders: {company} and {counterparty} capture the deal's parties;
// {org} is any other organisation; {amount} is a money figure; {gap} is up
// to 80 bytes holding no organisation and no clause end (; 。 line break);
// {gap:N} bounds it at N bytes. A rule without {company}, or whose
// {company} is "the company", 同社 or 当社 in the sentence ("the firm"
// is often the firm just described, which the sentence rules read),
// takes the sentence's topic company (the last subject, else the
// article's miner).
// A match makes a deal of the rule's kind; the one money figure inside the
// matched phrase, if there is exactly one, is its value. The same deal
// found by the amount rules too merges with it and keeps the rule's name.
type DealRule struct {
	ID       string `yaml:"id"`
	Lang     string `yaml:"lang"`
	Priority int    `yaml:"priority"`
	About    string `yaml:"about"`
	Kind     string `yaml:"kind"`
	Pattern  string `yaml:"pattern"`
	// Needs: the pattern is tried only on a sentence that holds one of
	// these (lower-cased), a cheap test before the regular expression.
	Needs      []string `yaml:"needs"`
	Confidence float64  `yaml:"confidence"` // default 0.6
	// TopicParty: the deal's company is the company the text was about
	// before the sentence ("Partners Group acquired the company"): the
	// pattern captures only {company}, which becomes the other side.
	TopicParty bool `yaml:"topic_party"`
	// ToldCompany: the deal's company is the company of the last deal of
	// the rule's kind told before, the one party the pattern captures
	// ({company} or {counterparty}) its counterparty
	// ("Ascenty will enter into a $650 million term loan. Citi acted as
	// lead arranger": the borrower is the company); with no such deal
	// the rule makes none.
	ToldCompany bool `yaml:"told_company"`
	// RoleEvidence: the roles the pattern gives its {company} and
	// {counterparty} ("X's acquisition of Y", 「Yと共同出資」) are evidence
	// enough that X and Y are organisations, each named once (places,
	// people and products were vetoed before).
	// Without it a name the company list lacks needs more (see
	// partyEvident): "buying machines from Quarrystone" may name a place.
	RoleEvidence bool `yaml:"role_evidence"`
	// EachListed: every other member of the list the deal's counterparty
	// belongs to ("Citi, ING and Natixis are acting as joint lead
	// arrangers") is a counterparty of the same deal too.
	EachListed bool `yaml:"each_listed"`
	// UnlessAfter: the text right after the match starting with one of
	// these (lower-cased) makes no deal ("bought Nvidia servers from
	// Supermicro": the seller named after is another rule's party).
	UnlessAfter []string `yaml:"unless_after"`
	// AnySentence: the rule reads sentences that hold no deal word of the
	// lexicon too, when they hold one of its Needs ("Its other clients
	// include X": the clients are the deal); other rules read only
	// sentences with a deal word.
	AnySentence bool         `yaml:"any_sentence"`
	Examples    DealExamples `yaml:"examples"`

	re    *regexp.Regexp
	needs []int32 // Needs in Rules.phrases
	// words are the groups of words every match of the pattern holds one
	// word of each of (requiredWords), in Rules.phrases.
	words [][]int32
}

// DealExamples of a deal rule: in "fire", "TEXT => Company | Counterparty"
// (counterparty "null" for none) must be a deal this rule makes; in "keep",
// the rule must make no deal of TEXT.
type DealExamples struct {
	Fire []string `yaml:"fire"`
	Keep []string `yaml:"keep"`
}

// Placeholder marks in the masked sentence. They are private-use runes, so
// no news text contains them.
const (
	markOpen  = "\uE000"
	markClose = "\uE001"
	amtOpen   = "\uE002"
	amtClose  = "\uE003"
)

var amountMarkRE = regexp.MustCompile(amtOpen + `(\d+)` + amtClose)

// valueAfterRE is the price a clause gives after a deal phrase: "for",
// "worth", "valued at" and the figure, with no other organisation, no
// figure and no clause end between.
var valueAfterRE = regexp.MustCompile(`(?i)^[^` + markOpen + amtOpen + `;\n]{0,100}?\b(?:for|worth|valued at|totaling|totalling|at a cost of|for a total of|for total consideration of|(?:an? )?(?:expected |total |estimated |initial )?(?:contract |deal )?value of)\s+(?:a total of\s+|approximately\s+|about\s+|around\s+|roughly\s+|nearly\s+|up to\s+|some\s+)?` +
	amtOpen + `(\d+)` + amtClose)

var placeholderRE = regexp.MustCompile(`\{(company|counterparty|org|amount|gap)(?::(\d+))?\}`)

func (r *DealRule) compile(ids map[string]bool) error {
	if err := checkID(r.ID, r.Lang, ids); err != nil {
		return err
	}
	if !pipeline.Kind(r.Kind).Valid() {
		return fmt.Errorf("deal rule %s: kind %q is not one of %v", r.ID, r.Kind, pipeline.Kinds)
	}
	if r.Confidence == 0 {
		r.Confidence = 0.6
	}
	var bad error
	expr := placeholderRE.ReplaceAllStringFunc(r.Pattern, func(p string) string {
		m := placeholderRE.FindStringSubmatch(p)
		switch m[1] {
		case "company":
			// "The company", 「同社」 stand for the topic company.
			return `(?:` + markOpen + `(?P<company>\d+)` + markClose + `|\b[Tt]he company\b|同社|当社)`
		case "counterparty":
			return markOpen + `(?P<` + m[1] + `>\d+)` + markClose
		case "org":
			return markOpen + `\d+` + markClose
		case "amount":
			return amtOpen + `\d+` + amtClose
		}
		n := 80
		if m[2] != "" {
			v, err := strconv.Atoi(m[2])
			if err != nil || v <= 0 {
				bad = fmt.Errorf("deal rule %s: bad gap %q", r.ID, p)
			}
			n = v
		}
		return `[^` + markOpen + markClose + `;。\n]{0,` + strconv.Itoa(n) + `}?`
	})
	if bad != nil {
		return bad
	}
	if !strings.Contains(r.Pattern, "{counterparty}") && !strings.Contains(r.Pattern, "{company}") {
		return fmt.Errorf("deal rule %s: the pattern names neither {company} nor {counterparty}", r.ID)
	}
	if r.AnySentence && len(r.Needs) == 0 {
		return fmt.Errorf("deal rule %s: any_sentence needs needs: the words that let it read a sentence without a deal word", r.ID)
	}
	re, err := regexp.Compile(`(?i)` + expr)
	if err != nil {
		return fmt.Errorf("deal rule %s: pattern: %w", r.ID, err)
	}
	r.re = re
	return nil
}

// needed reports whether the sentence sp of the document holds one of
// Needs and a word of each group the pattern requires.
func (r *DealRule) needed(lower string, hits *phraseHits, sp [2]int) bool {
	return (len(r.Needs) == 0 || containsAny(lower, hits, r.Needs, r.needs, sp[0], sp[1])) && hits.withinEach(r.words, sp[0], sp[1])
}

// masked is the sentence with each mention and each amount replaced by
// its placeholder (mentions by index into ms, amounts into d.amounts).
func masked(d *doc, sp [2]int, ms []mention) string {
	type mark struct {
		span [2]int
		s    string
	}
	var marks []mark
	quoted := quotedNames(d.text, sp)
	for i, m := range ms {
		if m.Span[0] >= sp[0] && m.Span[1] <= sp[1] && (!insideLonger(quoted, m.Span) || modelAfter(d.text[m.Span[1]:sp[1]])) {
			// A maker opening a quoted product name (「Bitmain Antminer
			// S21」) is the maker, not part of a new company's name.
			marks = append(marks, mark{m.Span, markOpen + strconv.Itoa(i) + markClose})
		}
	}
	// Amounts are sorted by position: start at the sentence's first.
	for i := sort.Search(len(d.amounts), func(i int) bool { return d.amounts[i].Span[0] >= sp[0] }); i < len(d.amounts) && d.amounts[i].Span[0] < sp[1]; i++ {
		if a := d.amounts[i]; a.Span[1] <= sp[1] && !overlaps(ms, a.Span) {
			marks = append(marks, mark{a.Span, amtOpen + strconv.Itoa(i) + amtClose})
		}
	}
	sort.Slice(marks, func(i, j int) bool { return marks[i].span[0] < marks[j].span[0] })
	var b strings.Builder
	at := sp[0]
	for _, m := range marks {
		if m.span[0] < at {
			continue
		}
		b.WriteString(d.text[at:m.span[0]])
		b.WriteString(m.s)
		at = m.span[1]
	}
	b.WriteString(d.text[at:sp[1]])
	return b.String()
}

// matchDeals runs the deal rules over one sentence and returns the deals
// they make, each naming its rule. trig says the sentence holds a deal word
// of the lexicon; without one only the rules with AnySentence read it.
func (x *Extractor) matchDeals(d *doc, sp [2]int, ms []mention, st *state, isJA, trig bool) []pipeline.Deal {
	if len(x.rules.Deals) == 0 || len(ms) == 0 && !st.hasTopic && !st.hasDocMiner {
		return nil // a rule without a name takes the topic's ("同社は…取得")
	}
	var s string // masked on first use
	var out []pipeline.Deal
	for i := range x.rules.Deals {
		r := &x.rules.Deals[i]
		if r.Lang != "" && (r.Lang == "ja") != isJA || !trig && !r.AnySentence || !r.needed(d.lower, d.hits, sp) {
			continue
		}
		if s == "" {
			s = masked(d, sp, ms)
		}
		for _, loc := range r.re.FindAllStringSubmatchIndex(s, -1) {
			if deniedMatch(s, loc[0], loc[1], isJA) {
				continue // "has not signed a lease with Y", 「Yとの提携憶測」
			}
			if len(r.UnlessAfter) > 0 && text.HasAnyPrefix(strings.ToLower(s[loc[1]:min(len(s), loc[1]+24)]), r.UnlessAfter...) {
				continue
			}
			sub := make([]string, len(loc)/2)
			for k := range sub {
				if loc[2*k] >= 0 {
					sub[k] = s[loc[2*k]:loc[2*k+1]]
				}
			}
			// One figure inside the matched phrase ("secured a $50
			// million credit facility from Y") is the deal's value.
			var amt *pipeline.Amount
			as := amountMarkRE.FindAllStringSubmatch(sub[0], -1)
			if len(as) == 0 && !isJA {
				// "bought 32 EH/s of machines from Y, representing 4% of
				// the network, for $256 million": the price the clause
				// gives after the phrase.
				if m := valueAfterRE.FindStringSubmatch(s[loc[1]:]); m != nil {
					as = [][]string{{m[0], m[1]}}
				}
			}
			// A figure a figure rule set aside (a conversion in
			// parentheses, 「77億2500万円(5150万ドル)で」) does not count.
			var vals []int
			for _, m := range as {
				k, _ := strconv.Atoi(m[1])
				if _, no := d.noValue[d.amounts[k].Span]; !no {
					vals = append(vals, k)
				}
			}
			if len(vals) == 1 && !(r.EachListed && listTotal(sub[0], vals[0])) {
				a := d.amounts[vals[0]]
				amt = &a
			}
			var comp, cp *mention
			for k, name := range r.re.SubexpNames() {
				if sub[k] == "" || (name != "company" && name != "counterparty") {
					continue
				}
				idx, _ := strconv.Atoi(sub[k])
				if name == "company" {
					comp = &ms[idx]
				} else {
					cp = &ms[idx]
				}
			}
			if r.TopicParty {
				if !st.hasBefore || comp == nil || sameName(st.before.Name, comp.Name) {
					continue
				}
				// The text's company is the deal's; the name captured, its
				// tenant, customer or backer, the other side. A deal of the
				// rule's kind told just before names that company more
				// surely than the topic: 「DBJはハイレゾ香川に出資する。みず
				// ほ銀行も出資契約を結んだ」 joins ハイレゾ香川's backers,
				// not DBJ's. Only backers join that way: the company of an
				// acquisition told before is its buyer, while "acquired the
				// company" means the topic.
				t := st.before
				if k := pipeline.Kind(r.Kind); k == pipeline.KindEquity || k == pipeline.KindFinancing {
					if b, ok := toldOfKind(st.lastTold, k, sp[0]); ok && !sameName(b.company, comp.Name) {
						t = b.companyMention()
					}
				}
				comp, cp = &t, comp
			}
			if r.ToldCompany {
				p := comp // the party the pattern captured, whichever its name
				if p == nil {
					p = cp
				}
				b, ok := toldOfKind(st.lastTold, pipeline.Kind(r.Kind), sp[0])
				if p == nil || !ok || sameName(b.company, p.Name) {
					continue
				}
				cm := b.companyMention()
				cp, comp = p, &cm
			}
			captured := comp != nil // the pattern gave it its role
			if comp == nil {
				switch {
				case st.hasTopic && isJA && startsWithAnaphor(d.lower[sp[0]:sp[1]]):
					t := st.passingTopic(d, st.topic)
					comp = &t
				case st.hasTopic:
					comp = &st.topic
				case st.hasDocMiner:
					comp = &st.docMiner
				default:
					continue
				}
			}
			dl := pipeline.Deal{Company: comp.Name, Kind: pipeline.Kind(r.Kind), Evidence: d.text[sp[0]:sp[1]],
				EvidenceSpan: sp, Confidence: r.Confidence, Rule: "data:" + r.ID}
			if !(r.RoleEvidence && captured) && !x.partyEvident(d, comp) || cp != nil && !r.RoleEvidence && !x.partyEvident(d, cp) {
				continue
			}
			dl.Amount = amt
			if cp != nil {
				if sameName(cp.Name, comp.Name) {
					continue
				}
				// The miner is the deal's company.
				if cp.miner && !comp.miner {
					comp, cp = cp, comp
					dl.Company = comp.Name
				}
				dl.Counterparty = pipeline.NullString(cp.Name)
			}
			out = append(out, dl)
			if r.EachListed && cp != nil && string(dl.Counterparty) == cp.Name {
				out = append(out, x.listedWith(d, ms, cp, dl, r.RoleEvidence, isJA)...)
			}
		}
	}
	return out
}

// listTotalWords say a figure is what the members of a list put in
// together (「A、BとCが合計で最大250億円を出資する」), not each one's.
var listTotalWords = []string{"合計で", "合計", "総額で", "合わせて", "combined", "in total", "together"}

// listTotal reports the figure k of a masked match m told as a list's
// total: a total word right before it.
func listTotal(m string, k int) bool {
	at := strings.Index(m, amtOpen+strconv.Itoa(k)+amtClose)
	if at < 0 {
		return false
	}
	before := strings.TrimRight(m[max(0, at-40):at], " 、")
	before = strings.TrimSuffix(before, "最大")
	before = strings.TrimSuffix(before, "約")
	return text.HasAnySuffix(strings.ToLower(strings.TrimRight(before, " ")), listTotalWords...)
}

// toldNear is how far back, in bytes, a deal told before is still the one
// a sentence goes on about (a lender, a joiner of the round): a paragraph
// or two.
const toldNear = 1500

// toldOfKind returns the last deal of kind k told when its sentence ends
// at most toldNear bytes before at.
func toldOfKind(refs []toldRef, k pipeline.Kind, at int) (toldRef, bool) {
	for _, r := range refs {
		if r.kind == k && r.end <= at && at-r.end <= toldNear {
			return r, true
		}
	}
	return toldRef{}, false
}

// listedWith returns dl told of every other member of the list of names
// its counterparty cp belongs to (names joined only by list marks,
// joinedAsList), each a party by the rule's evidence.
func (x *Extractor) listedWith(d *doc, ms []mention, cp *mention, dl pipeline.Deal, roleEvidence, isJA bool) []pipeline.Deal {
	at := slices.IndexFunc(ms, func(m mention) bool { return m.Span == cp.Span })
	if at < 0 {
		return nil
	}
	lo, hi := listAround(ms, at, func(i int) bool {
		return ms[i].Span[1] <= ms[i+1].Span[0] && joinedAsList(d.text, ms[i], ms[i+1], isJA)
	})
	var out []pipeline.Deal
	for i := lo; i <= hi; i++ {
		m := &ms[i]
		if i == at || !usable(*m) || sameName(m.Name, dl.Company) || sameName(m.Name, cp.Name) || !roleEvidence && !x.partyEvident(d, m) ||
			hasDeal(out, dl.Company, m.Name) {
			continue
		}
		out = append(out, withCounterparty(dl, m.Name, "list:"))
	}
	return out
}

// partyEvident reports a mention that may be a party of a data rule's
// deal: a known organisation, a name carrying an organisation word or
// right after a description of one (org.DescribedAt), a name whose shares
// are spoken of (バーテラの発行済み全株式: only a company
// has shares), or a name the text gives as an organisation more than once
// ("bought the rigs from Foundry … Foundry is also financing …").
func (x *Extractor) partyEvident(d *doc, m *mention) bool {
	if m.Known || x.rules.orgEvidence(m.Name) || x.rules.orgEvidence(m.Text) || org.SharesFollow(d.text[m.Span[1]:]) || legalAround(d.text, m.Span) ||
		orgDescribedBefore(d.text, m.Span) || org.DescribedAt(d.text, m.Span[0]) || ricAfter(d.text, m.Span[0]+len(m.Text)) {
		return true
	}
	return mentionedTwice(d.text, d.party.words, m.Text)
}

// orgDescribers end a Japanese description written right before a name
// that says it is an organisation: 「AI開発企業アドバイズX」「投資会社エンジン・ナンバーワン」.
var orgDescribers = []string{"企業", "会社", "大手", "事業者", "メーカー", "ファンド", "新興", "スタートアップ", "銀行", "団体", "法人"}

// orgDescribedBefore reports a Japanese name right after a description
// that makes it an organisation.
func orgDescribedBefore(txt string, sp [2]int) bool {
	return text.HasAnySuffix(txt[:sp[0]], orgDescribers...)
}

// legalAround reports a Japanese legal form written right after or before
// the name (南星電機株式会社, 株式会社南星電機, 南星電機(株)): a company;
// or a Japanese public body's name.
func legalAround(txt string, sp [2]int) bool {
	return text.HasAnyPrefix(txt[sp[1]:], org.JALegalForms...) ||
		text.HasAnySuffix(txt[:sp[0]], org.JALegalForms...) ||
		// A local government or public body the finder read as the other
		// side of an agreement (玄海町と進出協定を結んだ).
		hasJapanese(txt[sp[0]:sp[1]]) && text.HasAnySuffix(txt[sp[0]:sp[1]], "県", "市", "町", "村", "府", "郡", "庁", "省", "局")
}

// mentionedTwice reports name written at least twice in txt, as a word
// (words: txt's word index, or nil).
func mentionedTwice(txt string, words *wordIndex, name string) bool {
	n := 0
	return words.eachUse(txt, name, len(txt), func(int) bool {
		n++
		return n == 2
	})
}

// deniedMatch reports a pattern's match s[i:j] that denies or only
// guesses at its deal: a negation inside it (English) or right after it
// (Japanese).
func deniedMatch(s string, i, j int, isJA bool) bool {
	if isJA {
		return jaNegated.MatchString(s[j:])
	}
	for _, w := range strings.Fields(strings.ToLower(s[i:j])) {
		if w == "not" || w == "never" || strings.HasSuffix(w, "n't") {
			return true
		}
	}
	return false
}

// quotedNames returns the insides of the 「」 quotes in text[sp[0]:sp[1]]:
// a name quoted there is a new company's or a project's
// (「MCデジタル・リアルティ」を設立), and a known name inside it is part of
// that name, not a party of the sentence.
func quotedNames(text string, sp [2]int) [][2]int {
	var out [][2]int
	for i := sp[0]; i < sp[1]; {
		k := strings.Index(text[i:sp[1]], "「")
		if k < 0 {
			break
		}
		open := i + k + len("「")
		e := strings.Index(text[open:sp[1]], "」")
		if e < 0 {
			break
		}
		out = append(out, [2]int{open, open + e})
		i = open + e + len("」")
	}
	return out
}

// insideLonger reports span inside one of qs and shorter than it.
func insideLonger(qs [][2]int, span [2]int) bool {
	for _, q := range qs {
		if span[0] >= q[0] && span[1] <= q[1] && span != q {
			return true
		}
	}
	return false
}
