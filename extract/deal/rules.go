package deal

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/pipeline"
)

// The rules kept as data (rules/*.yaml): lexicon entries, vetoes that say
// when a mention is no party or a figure no deal value, sentence rules and
// relation patterns, each with examples that must and must not fire
// (rules_test.go runs them). doc.go says how to add one.

//go:embed rules/*.yaml
var builtinRules embed.FS

// RuleFile is the form of a rules file.
type RuleFile struct {
	Lang      string         `yaml:"lang"` // the lexicon entries' language, unless an entry sets its own
	Lexicon   []LexEntry     `yaml:"lexicon"`
	Parties   []PartyRule    `yaml:"parties"`
	Figures   []FigureRule   `yaml:"figures"`
	Sentences []SentenceRule `yaml:"sentences"`
	Deals     []DealRule     `yaml:"deals"`
	Kinds     []KindRule     `yaml:"kinds"`
	// OrgWords are words that mark an unknown name as an organisation
	// (Inc, Holdings, Bank, 銀行…): a deal rule takes a name no list knows
	// as a party only when it carries one.
	OrgWords []string `yaml:"org_words"`
}

// SentenceRule says when a sentence tells no deal of the article: a link
// to a related story, the original headline of a translation.
type SentenceRule struct {
	ID       string   `yaml:"id"`
	Lang     string   `yaml:"lang"`
	Priority int      `yaml:"priority"`
	About    string   `yaml:"about"`
	Starts   []string `yaml:"starts"` // the sentence (lower-cased, leading marks trimmed) starts with one
	// ContainsAll: the sentence (lower-cased) holds every word of one of
	// these groups ("analysts" and "chance": an analyst's scenario).
	ContainsAll [][]string `yaml:"contains_all"`
	Examples    Examples   `yaml:"examples"`

	all [][]int32 // ContainsAll in Rules.phrases
}

// Examples of a rule: texts it must fire on and texts it must not. The
// mention or figure the example is about is written in [brackets].
type Examples struct {
	Fire []string `yaml:"fire"`
	Keep []string `yaml:"keep"`
}

// PartyRule says when an organisation mention is no party of a deal: a
// source a report is attributed to, a news outlet, a public body, a date.
// A rule fires when any of its conditions holds.
type PartyRule struct {
	ID       string   `yaml:"id"`
	Lang     string   `yaml:"lang"` // en, ja, or "" for the language of the id (en.…, ja.…), else both
	Priority int      `yaml:"priority"`
	About    string   `yaml:"about"`
	Before   []string `yaml:"before"` // the text right before the name ends with one (lower-cased)
	After    []string `yaml:"after"`  // the text right after the name starts with one (lower-cased)
	// AfterMatch is a regular expression the text right after the name
	// matches at its start (case as written).
	AfterMatch string `yaml:"after_match"`
	// BeforeMatch is a regular expression the text before the name (case
	// as written) matches at its end: names listed after a cue ("such as
	// A, B and C") share the cue.
	BeforeMatch string `yaml:"before_match"`
	// BeforeNeeds are words (lower-cased) one of which the 200 bytes
	// before the name must hold for BeforeMatch to be tried: a cheap test
	// that spares the expression most names.
	BeforeNeeds []string `yaml:"before_needs"`
	// UnlessBefore are words (lower-cased) that, anywhere in the 60
	// bytes before the name, keep a Before or BeforeMatch condition from
	// holding: "invested $50 million in X", "a shareholder in X" name no
	// place.
	UnlessBefore []string `yaml:"unless_before"`
	// ElsewhereMatch is a regular expression the text after any use of
	// the name in the document matches at its start (case as written): a
	// name the text also writes as a site's ("the Helios facility",
	// "Dorothy 2") is that site wherever it stands.
	ElsewhereMatch string `yaml:"elsewhere_match"`
	// Surname: a person's name — a given name and one capitalised word
	// ("Kevin Mammel"), or a one-word name the text also writes right
	// after a given name ("Rishi Sunak has pledged…", later "Sunak"):
	// people are named again by their last word, companies by their
	// first. The given names are org.GivenName's list.
	Surname bool     `yaml:"surname"`
	Names   []string `yaml:"names"` // the name itself (compared lower-cased, without dots)
	Match   string   `yaml:"match"` // a regular expression the whole name matches
	Roles   []string `yaml:"roles"` // the gazetteer role of a known name
	// Both: the rule fires only when a condition on the text before the
	// name and one on the text after it both hold (by default either does).
	Both bool `yaml:"both"`
	// UnknownOnly limits the rule to names the gazetteer does not know.
	UnknownOnly bool `yaml:"unknown_only"`
	// Of limits the rule to these names (compared like Names); its other
	// conditions decide: a known company named by a plain word is that
	// word in some places only.
	Of       []string `yaml:"of"`
	Examples Examples `yaml:"examples"`

	names       map[string]bool
	of          map[string]bool
	re          *regexp.Regexp
	afterRE     *regexp.Regexp
	beforeRE    *suffixRE
	elsewhereRE *regexp.Regexp
	// BeforeNeeds and UnlessBefore in Rules.phrases; the groups of words
	// BeforeMatch and AfterMatch require (requiredWords).
	beforeNeeds, unless     []int32
	beforeWords, afterWords [][]int32
}

// FigureRule says when a money figure is no deal's value: a price target,
// a share price, a per-unit cost, a gain booked on a sale.
type FigureRule struct {
	ID       string   `yaml:"id"`
	Lang     string   `yaml:"lang"`
	Priority int      `yaml:"priority"`
	About    string   `yaml:"about"`
	Before   []string `yaml:"before"` // the sentence before the figure ends with one (lower-cased, spaces trimmed)
	Within   int      `yaml:"within"` // or, with Within > 0, one of Before occurs in the Within runes before the figure
	After    []string `yaml:"after"`  // the text after the figure starts with one (lower-cased)
	// AfterMatch is a regular expression the lower-cased text right
	// after the figure matches at its start.
	AfterMatch string `yaml:"after_match"`
	// AfterNeeds are words (lower-cased) one of which the text after the
	// figure must hold for AfterMatch to be tried: a cheap test that
	// spares the expression most figures.
	AfterNeeds []string `yaml:"after_needs"`
	// BeforeMatch is a regular expression the lower-cased sentence before
	// the figure (its last Within runes, else 200) matches at its end
	// ("brings its construction financing to"); BeforeNeeds, like
	// AfterNeeds, are words one of which that text must hold first.
	BeforeMatch string   `yaml:"before_match"`
	BeforeNeeds []string `yaml:"before_needs"`
	MaxUSD      float64  `yaml:"max_usd"`
	Currency    string   `yaml:"currency"` // only figures in this currency (BTC…)
	// AfterFigure: the figure restates the figure just before it in
	// another currency (a bitcoin count aside), with only one of Before between them ("1億5000万ドル、
	// 約155億円", "$1.5 billion (¥220 billion)").
	AfterFigure bool `yaml:"after_figure"`
	// Both: the rule fires only when a Before and an After both hold
	// (by default either does).
	Both bool `yaml:"both"`
	// NoDeal: the figure's sentence tells no deal at all (talks, a plan),
	// not even one without its value.
	NoDeal   bool     `yaml:"no_deal"`
	Examples Examples `yaml:"examples"`

	afterRE  *regexp.Regexp
	beforeRE *suffixRE
	// In Rules.phrases: Before when the rule has a window (Within > 0),
	// BeforeNeeds and AfterNeeds.
	before, beforeNeeds, afterNeeds []int32
	beforeWords, afterWords         [][]int32 // the groups of words BeforeMatch and AfterMatch require
}

// Rules are the deal rules kept as data: the lexicon, the party, figure and
// sentence vetoes and the relation patterns, each kind by priority (highest
// first).
type Rules struct {
	Lexicon   []LexEntry
	Parties   []PartyRule
	Figures   []FigureRule
	Sentences []SentenceRule
	Deals     []DealRule
	Kinds     []KindRule
	OrgWords  []string
	// Digest is the SHA-256 of the rule files' bytes, in the order loaded:
	// it changes whenever a rule does.
	Digest [32]byte

	// phrases holds every word the rules test a stretch of text for, so
	// that a document is searched for all of them in one pass (LoadRules).
	phrases phraseSet
	// anyNeeds are the Needs of the deal rules that read sentences
	// without a deal word (DealRule.AnySentence), in phrases.
	anyNeeds     []int32
	anyNeedWords []string
}

// dataRulesRead reports whether the deal rules read the sentence sp: it
// holds a deal word of the lexicon (trig), or a need of a rule that reads
// any sentence.
func (r *Rules) dataRulesRead(hits *phraseHits, lower string, sp [2]int, trig bool) bool {
	if len(r.Deals) == 0 {
		return false
	}
	return trig || len(r.anyNeeds) > 0 && containsAny(lower, hits, r.anyNeedWords, r.anyNeeds, sp[0], sp[1])
}

// LoadRules reads the built-in rule files, then each extra file (config
// `rules`), whose rules are added to them. Rule ids must be unique.
func LoadRules(extra ...string) (*Rules, error) {
	type named struct {
		name string
		RuleFile
	}
	var files []named
	var raw bytes.Buffer // every file's bytes, for Digest
	add := func(name string, b []byte) error {
		raw.Write(b)
		f, err := parseRules(b)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		files = append(files, named{name, f})
		return nil
	}
	names, err := fs.Glob(builtinRules, "rules/*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, n := range names {
		b, err := builtinRules.ReadFile(n)
		if err != nil {
			return nil, err
		}
		if err := add(path.Base(n), b); err != nil {
			return nil, err
		}
	}
	for _, p := range extra {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("rules: %w", err)
		}
		if err := add("rules "+p, b); err != nil {
			return nil, err
		}
	}
	r := &Rules{}
	ids := map[string]bool{}
	r.Digest = sha256.Sum256(raw.Bytes())
	for _, f := range files {
		if err := r.add(f.RuleFile, ids); err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
	}
	sort.SliceStable(r.Parties, func(i, j int) bool { return r.Parties[i].Priority > r.Parties[j].Priority })
	sort.SliceStable(r.Figures, func(i, j int) bool { return r.Figures[i].Priority > r.Figures[j].Priority })
	sort.SliceStable(r.Sentences, func(i, j int) bool { return r.Sentences[i].Priority > r.Sentences[j].Priority })
	sort.SliceStable(r.Deals, func(i, j int) bool { return r.Deals[i].Priority > r.Deals[j].Priority })
	sort.SliceStable(r.Kinds, func(i, j int) bool { return r.Kinds[i].Priority > r.Kinds[j].Priority })
	if err := r.indexPhrases(); err != nil {
		return nil, err
	}
	return r, nil
}

// indexPhrases gives their ids in r.phrases to the words the rules test
// stretches of text for: the deal rules' needs, the figure rules' windows
// and needs, the sentence rules' groups, the party rules' needs, and the
// words each rule expression requires (requiredWords).
func (r *Rules) indexPhrases() error {
	for i := range r.Deals {
		r.Deals[i].needs = r.phrases.idsOf(r.Deals[i].Needs)
		r.Deals[i].words = r.phrases.groups(requiredWords(r.Deals[i].re.String()))
		if r.Deals[i].AnySentence && len(r.Deals[i].needs) == len(r.Deals[i].Needs) {
			r.anyNeeds = append(r.anyNeeds, r.Deals[i].needs...)
			r.anyNeedWords = append(r.anyNeedWords, r.Deals[i].Needs...)
		}
	}
	for i := range r.Figures {
		fr := &r.Figures[i]
		if fr.Within > 0 {
			fr.before = r.phrases.idsOf(fr.Before)
		}
		fr.beforeNeeds = r.phrases.idsOf(fr.BeforeNeeds)
		fr.afterNeeds = r.phrases.idsOf(fr.AfterNeeds)
		fr.beforeWords = r.phrases.groups(requiredWords(fr.BeforeMatch))
		fr.afterWords = r.phrases.groups(requiredWords(fr.AfterMatch))
	}
	for i := range r.Sentences {
		sr := &r.Sentences[i]
		sr.all = make([][]int32, len(sr.ContainsAll))
		for k, group := range sr.ContainsAll {
			sr.all[k] = r.phrases.idsOf(group)
		}
	}
	for i := range r.Parties {
		pr := &r.Parties[i]
		pr.beforeNeeds = r.phrases.idsOf(pr.BeforeNeeds)
		pr.unless = r.phrases.idsOf(pr.UnlessBefore)
		pr.beforeWords = r.phrases.groups(requiredWords(pr.BeforeMatch))
		pr.afterWords = r.phrases.groups(requiredWords(pr.AfterMatch))
	}
	return r.phrases.build()
}

// parseRules decodes a rules file; an unknown key is an error, a file with
// nothing but comments is an empty one.
func parseRules(b []byte) (RuleFile, error) {
	var f RuleFile
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return f, err
	}
	return f, nil
}

// idLang is a rule's language: lang when set, else the language its id
// opens with (en.…, ja.…), else both.
func idLang(id, lang string) string {
	switch {
	case lang != "":
		return lang
	case strings.HasPrefix(id, "en."):
		return "en"
	case strings.HasPrefix(id, "ja."):
		return "ja"
	}
	return ""
}

func checkID(id, lang string, ids map[string]bool) error {
	if id == "" {
		return fmt.Errorf("a rule without id")
	}
	if ids[id] {
		return fmt.Errorf("rule id %s used twice", id)
	}
	ids[id] = true
	if lang != "" && lang != "en" && lang != "ja" {
		return fmt.Errorf("rule %s: lang %q, want en, ja or empty", id, lang)
	}
	return nil
}

func (pr *PartyRule) compile(ids map[string]bool) error {
	if err := checkID(pr.ID, pr.Lang, ids); err != nil {
		return err
	}
	pr.Lang = idLang(pr.ID, pr.Lang)
	pr.names = map[string]bool{}
	for _, n := range pr.Names {
		pr.names[nameKeyLoose(n)] = true
	}
	if len(pr.Of) > 0 {
		pr.of = map[string]bool{}
		for _, n := range pr.Of {
			pr.of[nameKeyLoose(n)] = true
		}
	}
	if pr.Match != "" {
		re, err := regexp.Compile(`^(?:` + pr.Match + `)$`)
		if err != nil {
			return fmt.Errorf("party rule %s: match: %w", pr.ID, err)
		}
		pr.re = re
	}
	if pr.AfterMatch != "" {
		re, err := regexp.Compile(`^(?:` + pr.AfterMatch + `)`)
		if err != nil {
			return fmt.Errorf("party rule %s: after_match: %w", pr.ID, err)
		}
		pr.afterRE = re
	}
	if pr.BeforeMatch != "" {
		re, err := compileSuffix(pr.BeforeMatch)
		if err != nil {
			return fmt.Errorf("party rule %s: before_match: %w", pr.ID, err)
		}
		pr.beforeRE = re
	}
	if pr.ElsewhereMatch != "" {
		re, err := regexp.Compile(`^(?:` + pr.ElsewhereMatch + `)`)
		if err != nil {
			return fmt.Errorf("party rule %s: elsewhere_match: %w", pr.ID, err)
		}
		pr.elsewhereRE = re
	}
	if len(pr.Before)+len(pr.After)+len(pr.Names)+len(pr.Roles) == 0 && pr.re == nil && pr.afterRE == nil && pr.beforeRE == nil && pr.elsewhereRE == nil && !pr.Surname {
		return fmt.Errorf("party rule %s: no condition", pr.ID)
	}
	return nil
}

// nameKeyLoose is a name lower-cased without dots and with single spaces.
func nameKeyLoose(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(toLower(s), ".", "")), " ")
}

func (pr *PartyRule) applies(isJA bool) bool {
	return pr.Lang == "" || (pr.Lang == "ja") == isJA
}

// fires reports whether the rule makes the mention m of text no party.
// lower is text lower-cased in ASCII; role is m's gazetteer role.
// keys are nameKeyLoose of m's name and text, computed once per mention.
func (pr *PartyRule) fires(text, lower string, hits *phraseHits, m org.Mention, keys [2]string, role string, pm *partyMemo) bool {
	memo := pm.answersMap()
	if pr.UnknownOnly && m.Known || pr.of != nil && !pr.of[keys[0]] && !pr.of[keys[1]] {
		return false
	}
	if pr.names[keys[0]] || pr.names[keys[1]] {
		return true
	}
	if pr.re != nil && pr.nameMatches(m, memo) {
		return true
	}
	for _, r := range pr.Roles {
		if role != "" && r == role {
			return true
		}
	}
	// The answer depends on the name only: read the text once per name,
	// not once per mention (a long page names a party often).
	if pr.elsewhereRE != nil && memoised(memo, elsewhereKey{re: pr.elsewhereRE, name: m.Name}, func() bool {
		return writtenElsewhere(text, pm.wordIndex(), m.Name, pr.elsewhereRE)
	}) {
		return true
	}
	if pr.Surname && (personName(m.Text) || memoised(memo, elsewhereKey{name: m.Text, text: "surname"}, func() bool {
		return surnameUse(text, pm.wordIndex(), m.Text)
	})) {
		return true
	}
	if pr.Both {
		// The text after the name is read at its start only, the cheaper
		// test: most names fail it and spare the look-back.
		return pr.holdsAfter(text, lower, hits, m) && pr.holdsBefore(text, lower, hits, m)
	}
	return pr.holdsBefore(text, lower, hits, m) || pr.holdsAfter(text, lower, hits, m)
}

// holdsBefore reports whether the text before the mention ends with one
// of Before or matches BeforeMatch (unless UnlessBefore is near). hits,
// when not nil, are the rules' words in lower.
func (pr *PartyRule) holdsBefore(text, lower string, hits *phraseHits, m org.Mention) bool {
	hit := false
	before := lower[:m.Span[0]]
	for _, b := range pr.Before {
		if strings.HasSuffix(before, b) {
			hit = true
			break
		}
	}
	lo := max(0, m.Span[0]-200)
	if !hit && pr.beforeRE != nil && (len(pr.BeforeNeeds) == 0 || containsAny(lower, hits, pr.BeforeNeeds, pr.beforeNeeds, lo, m.Span[0])) &&
		(hits == nil || hits.withinEach(pr.beforeWords, lo, m.Span[0])) && pr.beforeRE.MatchString(text[lo:m.Span[0]]) {
		hit = true
	}
	if hit && len(pr.UnlessBefore) > 0 && containsAny(lower, hits, pr.UnlessBefore, pr.unless, max(0, m.Span[0]-60), m.Span[0]) {
		hit = false
	}
	return hit
}

// holdsAfter reports whether the text after the mention (after a
// possessive 's) starts with one of After or matches AfterMatch.
func (pr *PartyRule) holdsAfter(text, lower string, hits *phraseHits, m org.Mention) bool {
	end := m.Span[1]
	for _, poss := range []string{"'s", "’s"} {
		if strings.HasSuffix(text[m.Span[0]:end], poss) {
			end -= len(poss) // "Fluidstack's lease obligations": read after the name
		}
	}
	after := lower[end:]
	for _, a := range pr.After {
		if strings.HasPrefix(after, a) {
			return true
		}
	}
	if pr.afterRE != nil {
		rest := text[end:]
		if len(rest) > 200 {
			rest = rest[:200]
		}
		return (hits == nil || hits.withinEach(pr.afterWords, end, end+len(rest))) && pr.afterRE.MatchString(rest)
	}
	return false
}

// elsewhereKey memoises, within one document, writtenElsewhere (re is the
// rule's elsewhere pattern, text empty) and a rule's match on a name (re is
// its name pattern, text the name as written).
type elsewhereKey struct {
	re         *regexp.Regexp
	name, text string
}

// nameMatches reports whether the rule's name pattern matches m's name or
// its text as written; a long page names the same party thousands of
// times, so the answer is kept per document.
func (pr *PartyRule) nameMatches(m org.Mention, memo map[elsewhereKey]bool) bool {
	return memoised(memo, elsewhereKey{pr.re, m.Name, m.Text}, func() bool {
		return pr.re.MatchString(m.Name) || m.Text != m.Name && pr.re.MatchString(m.Text)
	})
}

// memoised returns memo's answer for k, else f's, kept in memo (which may
// be nil: no memory then).
func memoised(memo map[elsewhereKey]bool, k elsewhereKey, f func() bool) bool {
	if hit, seen := memo[k]; seen {
		return hit
	}
	hit := f()
	if memo != nil {
		memo[k] = hit
	}
	return hit
}

// surnameUse reports a one-word name (as written) that text writes right
// after a given name (org.GivenName) with no capitalised word after it
// ("Kevin Sunak Capital" is a company's name).
func surnameUse(text string, words *wordIndex, name string) bool {
	if len(name) < 3 || strings.ContainsAny(name, " 0123456789&-.") || !(name[0] >= 'A' && name[0] <= 'Z') || strings.ToUpper(name) == name ||
		org.CorporateWord(name) {
		return false
	}
	return words.eachUse(text, name, 50, func(end int) bool { return givenNameBefore(text, name, end) })
}

// personName reports a name written as a given name and one capitalised
// word that is no organisation's ("Kevin Mammel", not "Sharon AI").
func personName(name string) bool {
	first, last, ok := strings.Cut(name, " ")
	return ok && org.GivenName(first) && !strings.Contains(last, " ") && len(last) > 1 &&
		last[0] >= 'A' && last[0] <= 'Z' && strings.ToUpper(last) != last && !org.CorporateWord(last) && !org.IsStop(last)
}

// givenNameBefore reports the use of name ending at end written right
// after a given name and before no capitalised word (see surnameUse,
// which checks the name itself once).
func givenNameBefore(text, name string, end int) bool {
	at := end - len(name)
	if at < 2 || text[at-1] != ' ' {
		return false
	}
	k := at - 1
	for k > 0 && isWordByte(text[k-1]) {
		k--
	}
	if k > 0 && (text[k-1] == '-' || text[k-1] == '.') {
		return false // "Jean-Kevin", "Mr.Kevin": not a given name standing alone
	}
	w := text[k : at-1]
	if !org.GivenName(w) {
		return false
	}
	rest := strings.TrimLeft(text[end:min(len(text), end+30)], " ")
	return rest == "" || !(rest[0] >= 'A' && rest[0] <= 'Z')
}

// writtenElsewhere reports a use of name in text (as a word) after which
// re matches; it reads at most 50 uses and 80 bytes after each. words,
// when not nil, is text's word index.
func writtenElsewhere(text string, words *wordIndex, name string, re *regexp.Regexp) bool {
	return words.eachUse(text, name, 50, func(end int) bool {
		return re.MatchString(text[end:min(len(text), end+80)])
	})
}

// partyMemo is what the party rules keep for one document: their answers
// that depend on a name only, and the document's word index (nil on a
// short text, where reading the text is cheap).
type partyMemo struct {
	answers map[elsewhereKey]bool
	words   *wordIndex
}

func (pm *partyMemo) answersMap() map[elsewhereKey]bool {
	if pm == nil {
		return nil
	}
	return pm.answers
}

func (pm *partyMemo) wordIndex() *wordIndex {
	if pm == nil {
		return nil
	}
	return pm.words
}

// wordIndex holds where each ASCII word of a text starts, so that the
// uses of a name are found without reading a long text once per name.
type wordIndex struct {
	at map[string][]int
}

// newWordIndex indexes text's words (runs of isWordByte bytes).
func newWordIndex(text string) *wordIndex {
	w := &wordIndex{at: map[string][]int{}}
	for i := 0; i < len(text); {
		if !isWordByte(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isWordByte(text[j]) {
			j++
		}
		w.at[text[i:j]] = append(w.at[text[i:j]], i)
		i = j
	}
	return w
}

// eachUse is eachWordUse through the index: the uses of a name that opens
// on a word are among its first word's starts. max counts the uses read.
// A nil index, or a name opening on no word byte, reads the text.
func (w *wordIndex) eachUse(text, name string, max int, f func(end int) bool) bool {
	if w == nil || name == "" || !isWordByte(name[0]) {
		return eachWordUse(text, name, max, f)
	}
	k := 0
	for k < len(name) && isWordByte(name[k]) {
		k++
	}
	n := 0
	for _, at := range w.at[name[:k]] {
		if n >= max {
			break
		}
		end := at + len(name)
		if !strings.HasPrefix(text[at:], name) || end < len(text) && isWordByte(text[end]) {
			continue
		}
		n++
		if f(end) {
			return true
		}
	}
	return false
}

// eachWordUse calls f with the end of each use of name in text as a whole
// word, at most max uses, and reports whether f returned true for one.
func eachWordUse(text, name string, max int, f func(end int) bool) bool {
	if name == "" {
		return false
	}
	for i, n := 0, 0; n < max; n++ {
		k := strings.Index(text[i:], name)
		if k < 0 {
			return false
		}
		at, end := i+k, i+k+len(name)
		i = end
		if at > 0 && isWordByte(text[at-1]) || end < len(text) && isWordByte(text[end]) {
			continue
		}
		if f(end) {
			return true
		}
	}
	return false
}

// vetoParty returns the id of the first rule that makes m no party.
// memo (may be nil) keeps the document's writtenElsewhere answers.
func (r *Rules) vetoParty(text, lower string, hits *phraseHits, m org.Mention, role string, isJA bool, pm *partyMemo) (string, bool) {
	keys := [2]string{nameKeyLoose(m.Name), nameKeyLoose(m.Text)}
	for i := range r.Parties {
		pr := &r.Parties[i]
		if pr.applies(isJA) && pr.fires(text, lower, hits, m, keys, role, pm) {
			return pr.ID, true
		}
	}
	return "", false
}

// lastRunes returns the last n runes of s (s when it is shorter). Most
// figure rules look back a few dozen runes: the cut is found from the end
// without decoding, on UTF-8's lead bytes.
func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		i--
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
	}
	return s[i:]
}

// figureSite is a figure as the figure rules read it: the lower-cased
// text, the sentence before the figure, and the look-back windows the
// rules asked for so far (a few sizes serve every rule).
type figureSite struct {
	lower  string
	before string // the sentence before the figure, trailing spaces trimmed
	a      pipeline.Amount
	prev   *pipeline.Amount
	wins   [6]struct {
		n int
		s string
	}
	nwins int
	// hits, when set, are the rules' words in lower: firesAt looks a
	// rule's words up there instead of searching. from is where before
	// starts in lower.
	hits  *phraseHits
	from  int
	after string
	hasAf bool
}

// afterText is the text after the figure, past a conversion in brackets.
func (s *figureSite) afterText() string {
	if !s.hasAf {
		s.after, s.hasAf = skipConversion(s.lower[s.a.Span[1]:]), true
	}
	return s.after
}

func newFigureSite(lower string, sp [2]int, a pipeline.Amount, prev *pipeline.Amount) *figureSite {
	start := a.Span[0]
	if start < sp[0] {
		sp[0] = start
	}
	return &figureSite{lower: lower, before: strings.TrimRight(lower[sp[0]:start], " "), a: a, prev: prev, from: sp[0]}
}

// window returns the last n runes before the figure.
func (s *figureSite) window(n int) string {
	for i := 0; i < s.nwins; i++ {
		if s.wins[i].n == n {
			return s.wins[i].s
		}
	}
	w := lastRunes(s.before, n)
	if s.nwins < len(s.wins) {
		s.wins[s.nwins].n, s.wins[s.nwins].s = n, w
		s.nwins++
	}
	return w
}

// firesAt reports whether the figure of site is no deal's value by this
// rule.
func (fr *FigureRule) firesAt(site *figureSite) bool {
	lower, a, prev := site.lower, site.a, site.prev
	if fr.Currency != "" && !strings.EqualFold(fr.Currency, a.Currency) {
		return false
	}
	if fr.AfterFigure {
		// A bitcoin count's value in money is what the deal is worth.
		if prev == nil || prev.Currency == a.Currency || prev.Currency == "BTC" || prev.Span[1] > a.Span[0] {
			return false
		}
		between := strings.TrimSpace(lower[prev.Span[1]:a.Span[0]])
		for _, b := range fr.Before {
			if between == b {
				return true
			}
		}
		return false
	}
	if fr.MaxUSD > 0 && a.USD != nil && a.Max == 0 && *a.USD < fr.MaxUSD {
		return true
	}
	before := site.before
	if fr.Within > 0 {
		before = site.window(fr.Within)
	}
	indexed := site.hits != nil
	end := site.from + len(site.before) // where before ends in lower
	hitBefore := false
	if indexed && fr.Within > 0 {
		hitBefore = site.hits.within(fr.before, end-len(before), end)
	} else {
		for _, b := range fr.Before {
			if fr.Within > 0 && strings.Contains(before, b) || fr.Within == 0 && strings.HasSuffix(before, b) {
				hitBefore = true
				break
			}
		}
	}
	if !hitBefore && fr.beforeRE != nil {
		win := before
		if fr.Within == 0 {
			win = site.window(200)
		}
		hitBefore = (len(fr.BeforeNeeds) == 0 || containsAny(lower, site.hits, fr.BeforeNeeds, fr.beforeNeeds, end-len(win), end)) &&
			(!indexed || site.hits.withinEach(fr.beforeWords, end-len(win), end)) && fr.beforeRE.MatchString(win)
	}
	hitAfter := false
	after := site.afterText()
	for _, s := range fr.After {
		if strings.HasPrefix(after, s) {
			hitAfter = true
			break
		}
	}
	if !hitAfter && fr.afterRE != nil {
		at := len(lower) - len(after) // after is the rest of lower
		hi := at + min(len(after), 200)
		hitAfter = (len(fr.AfterNeeds) == 0 || containsAny(lower, site.hits, fr.AfterNeeds, fr.afterNeeds, at, hi)) &&
			(!indexed || site.hits.withinEach(fr.afterWords, at, hi)) && fr.afterRE.MatchString(after[:hi-at])
	}
	if fr.Both {
		return hitBefore && hitAfter
	}
	return hitBefore || hitAfter
}

// skipConversion skips a figure's conversion written in parentheses right
// after it ("1,200億インドルピー(14.7億米ドル)を投資", "€4m (US$5m) in
// cash"): what follows it is what follows the figure.
func skipConversion(after string) string {
	rest := strings.TrimPrefix(after, " ")
	if !strings.HasPrefix(rest, "(") && !strings.HasPrefix(rest, "（") {
		return after
	}
	k := strings.IndexAny(rest[:min(len(rest), 60)], ")）")
	if k < 0 || !strings.ContainsAny(rest[:k], "0123456789") {
		return after
	}
	if strings.HasPrefix(rest[k:], "）") {
		return rest[k+len("）"):]
	}
	return rest[k+1:]
}

// noDeal reports a figure rule whose figure tells no deal at all.
func (r *Rules) noDeal(id string) bool {
	for i := range r.Figures {
		if r.Figures[i].ID == id {
			return r.Figures[i].NoDeal
		}
	}
	return false
}

// vetoFigure returns the id of the first rule that makes a no deal's value.
// prev is the figure before a in the text, if any.
func (r *Rules) vetoFigure(lower string, hits *phraseHits, sp [2]int, a pipeline.Amount, prev *pipeline.Amount, isJA bool) (string, bool) {
	site := newFigureSite(lower, sp, a, prev)
	site.hits = hits
	for i := range r.Figures {
		fr := &r.Figures[i]
		if (fr.Lang == "" || (fr.Lang == "ja") == isJA) && fr.firesAt(site) {
			return fr.ID, true
		}
	}
	return "", false
}

// skipSentence returns the id of the first rule that makes the sentence sp
// of lower (the document lower-cased, hits its rule words) tell no deal.
func (r *Rules) skipSentence(lower string, hits *phraseHits, sp [2]int) (string, bool) {
	l := strings.TrimLeft(lower[sp[0]:sp[1]], "|#*-_>•・ ")
	for _, sr := range r.Sentences {
		for _, p := range sr.Starts {
			if strings.HasPrefix(l, p) {
				return sr.ID, true
			}
		}
		for k, group := range sr.ContainsAll {
			if containsAll(lower, hits, group, sr.all[k], sp[0], sp[1]) {
				return sr.ID, true
			}
		}
	}
	return "", false
}

// orgEnd reports a Japanese name ending in one of the organisation words
// (百十四銀行, 北風電力株式会社).
func (r *Rules) orgEnd(name string) bool {
	if !hasJapanese(name) {
		return false
	}
	for _, w := range r.OrgWords {
		if hasJapanese(w) && strings.HasSuffix(name, w) && len(name) > len(w) {
			return true
		}
	}
	return false
}

// orgEvidence reports a name no list knows that carries an organisation
// word as a word of its own (Latin) or anywhere (Japanese).
func (r *Rules) orgEvidence(name string) bool {
	l := strings.ToLower(name)
	for _, w := range r.OrgWords {
		lw := strings.ToLower(w)
		if hasJapanese(lw) {
			if strings.Contains(l, lw) {
				return true
			}
			continue
		}
		for _, f := range strings.FieldsFunc(l, func(c rune) bool { return c == ' ' || c == ',' || c == '.' }) {
			if f == lw {
				return true
			}
		}
	}
	return false
}

// add checks a file's rules and adds them; ids holds the ids taken so far.
func (r *Rules) add(f RuleFile, ids map[string]bool) error {
	for _, e := range f.Lexicon {
		if e.Lang == "" {
			e.Lang = f.Lang
		}
		if err := e.check(ids); err != nil {
			return err
		}
		r.Lexicon = append(r.Lexicon, e)
	}
	for _, pr := range f.Parties {
		if err := pr.compile(ids); err != nil {
			return err
		}
		r.Parties = append(r.Parties, pr)
	}
	for _, fr := range f.Figures {
		if err := checkID(fr.ID, fr.Lang, ids); err != nil {
			return err
		}
		if fr.AfterMatch != "" {
			re, err := regexp.Compile(`^(?:` + fr.AfterMatch + `)`)
			if err != nil {
				return fmt.Errorf("figure rule %s: after_match: %w", fr.ID, err)
			}
			fr.afterRE = re
			fr.Lang = idLang(fr.ID, fr.Lang) // an expression reads one language's words
		}
		for k, b := range fr.Before {
			// The text before a figure is read without its trailing
			// spaces: "a fine of " is "a fine of" right before "$3 million".
			fr.Before[k] = strings.TrimRight(b, " ")
		}
		if fr.BeforeMatch != "" {
			re, err := compileSuffix(fr.BeforeMatch)
			if err != nil {
				return fmt.Errorf("figure rule %s: before_match: %w", fr.ID, err)
			}
			fr.beforeRE = re
			fr.Lang = idLang(fr.ID, fr.Lang)
		}
		if len(fr.Before) == 0 && len(fr.After) == 0 && fr.MaxUSD == 0 && fr.afterRE == nil && fr.beforeRE == nil {
			return fmt.Errorf("figure rule %s: no before, after, after_match, before_match or max_usd", fr.ID)
		}
		if len(fr.AfterNeeds) > 0 && fr.afterRE == nil {
			return fmt.Errorf("figure rule %s: after_needs without after_match", fr.ID)
		}
		if len(fr.BeforeNeeds) > 0 && fr.beforeRE == nil {
			return fmt.Errorf("figure rule %s: before_needs without before_match", fr.ID)
		}
		r.Figures = append(r.Figures, fr)
	}
	for _, sr := range f.Sentences {
		if err := checkID(sr.ID, sr.Lang, ids); err != nil {
			return err
		}
		if len(sr.Starts) == 0 && len(sr.ContainsAll) == 0 {
			return fmt.Errorf("sentence rule %s: no starts or contains_all", sr.ID)
		}
		r.Sentences = append(r.Sentences, sr)
	}
	r.OrgWords = append(r.OrgWords, f.OrgWords...)
	for _, kr := range f.Kinds {
		if err := kr.check(ids); err != nil {
			return err
		}
		kr.words, kr.unless = lowerAll(kr.Words), lowerAll(kr.Unless)
		r.Kinds = append(r.Kinds, kr)
	}
	for _, dr := range f.Deals {
		if err := dr.compile(ids); err != nil {
			return err
		}
		r.Deals = append(r.Deals, dr)
	}
	return nil
}
