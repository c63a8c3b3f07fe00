package deal

import (
	"fmt"
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
	id     string        // the lexicon entry it belongs to
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

// classByName maps a lexicon entry's class to its cue class.
var classByName = map[string]cueClass{
	"trigger": cueTrigger, "negative": cueNegative, "sum": cueSum, "context": cueContext, "neutral": cueNeutral,
}

// LexEntry is a named group of lexicon words (rules/lexicon_*.yaml): deal
// words of one kind (triggers), words that make a nearby figure no deal
// value (negative), sums over several deals, AI/HPC context, and words that
// shadow a deal word (neutral).
type LexEntry struct {
	ID     string `yaml:"id"`
	Lang   string `yaml:"lang"` // en or ja; defaults to the file's lang
	Class  string `yaml:"class"`
	Kind   string `yaml:"kind"`   // triggers: the deal kind the word suggests
	Strong bool   `yaml:"strong"` // triggers: may make a deal without an amount
	// NeedsCounterparty (triggers): a deal this word makes must name its
	// other side, unless its sentence holds one of Unless. "invest": a
	// company investing with nobody named is spending (a capex plan, no
	// deal); one that received an investment ("received", 受け) raised
	// money.
	NeedsCounterparty bool     `yaml:"needs_counterparty"`
	Unless            []string `yaml:"unless"`
	Stem              bool     `yaml:"stem"` // English: matches any word it begins
	About             string   `yaml:"about"`
	Words             []string `yaml:"words"`
	Examples          Examples `yaml:"examples"`
}

func (e *LexEntry) check(ids map[string]bool) error {
	if err := checkID(e.ID, e.Lang, ids); err != nil {
		return err
	}
	if e.Lang == "" {
		return fmt.Errorf("lexicon entry %s: no lang (set it on the entry or the file)", e.ID)
	}
	c, ok := classByName[e.Class]
	if !ok {
		return fmt.Errorf("lexicon entry %s: class %q, want trigger, negative, sum, context or neutral", e.ID, e.Class)
	}
	if c == cueTrigger && !pipeline.Kind(e.Kind).Valid() {
		return fmt.Errorf("lexicon entry %s: kind %q is not one of %v", e.ID, e.Kind, pipeline.Kinds)
	}
	if c != cueTrigger && (e.Kind != "" || e.Strong) {
		return fmt.Errorf("lexicon entry %s: only triggers have a kind or strength", e.ID)
	}
	if len(e.Words) == 0 {
		return fmt.Errorf("lexicon entry %s: no words", e.ID)
	}
	if c != cueTrigger && e.NeedsCounterparty {
		return fmt.Errorf("lexicon entry %s: only triggers may need a counterparty", e.ID)
	}
	if len(e.Unless) > 0 && !e.NeedsCounterparty {
		return fmt.Errorf("lexicon entry %s: unless is for an entry that needs_counterparty", e.ID)
	}
	return nil
}

// spending reports a deal whose deal word needs a counterparty (an entry
// with needs_counterparty) told without one, its sentence holding none of
// the entry's unless words: "Nvidia has invested $250 million in Vietnam"
// is spending, "Riot received $8 million in power credits" income, not a
// deal. An equity word's deal counts only while it is still equity. It
// returns the entry's id.
func (r *Rules) spending(d pipeline.Deal) (string, bool) {
	if d.Counterparty != "" {
		return "", false
	}
	if e := r.trigger(d.Rule); e != nil && e.NeedsCounterparty {
		if e.Kind == string(pipeline.KindEquity) && d.Kind != pipeline.KindEquity {
			return "", false // an investment a kind rule read as a loan or a venture
		}
		lower := strings.ToLower(d.Evidence)
		for _, u := range e.Unless {
			if hasWord(lower, strings.ToLower(u)) {
				return "", false
			}
		}
		return e.ID, true
	}
	return "", false
}

// trigger returns the lexicon entry of the deal word a deal's rule names
// first ("amount:subject@ja.trigger.invest,kind:…" → ja.trigger.invest),
// nil when its rule names none (a data rule's deal).
func (r *Rules) trigger(rule string) *LexEntry {
	_, id, ok := strings.Cut(rule, "@")
	if !ok {
		return nil
	}
	if k := strings.IndexAny(id, ",+"); k >= 0 {
		id = id[:k]
	}
	for i := range r.Lexicon {
		if e := &r.Lexicon[i]; e.ID == id && e.Class == "trigger" {
			return e
		}
	}
	return nil
}

// weakWord reports a deal made by a weak deal word (an entry not strong:
// "shares", "purchase", 投資, 支払), which tells a deal only with its value:
// when the figure is no deal value ("their shares dip to $7.99 and
// $13.78", 「88億ドルを投資予定であり、米グーグルも…」), there is no deal
// left, counterparty or not. On the real-news dev split, with the ids
// ending .weak only: 2 right, 5 wrong.
func (r *Rules) weakWord(rule string) bool {
	first, _, _ := strings.Cut(rule, ",")
	e := r.trigger(first)
	return e != nil && !e.Strong
}

// words lists the lexicon's words with the entry each belongs to.
func (r *Rules) words() []word {
	var ws []word
	for i := range r.Lexicon {
		e := &r.Lexicon[i]
		for _, s := range e.Words {
			ws = append(ws, word{s: s, class: classByName[e.Class], kind: pipeline.Kind(e.Kind),
				strong: e.Strong, ja: e.Lang == "ja", stem: e.Stem, id: e.ID})
		}
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
