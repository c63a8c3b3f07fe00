package deal

import (
	"fmt"
	"strings"

	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

// KindRule refines the kind of a deal found: a deal of one of the kinds
// From becomes To when its evidence holds one of Words (lower-cased;
// English words on word boundaries) and none of Unless, and, if CounterpartyRoles is set, its
// counterparty has one of those gazetteer roles. The deal then names the
// rule ("…,kind:<id>").
type KindRule struct {
	ID                string       `yaml:"id"`
	Lang              string       `yaml:"lang"`
	Priority          int          `yaml:"priority"`
	About             string       `yaml:"about"`
	From              []string     `yaml:"from"`
	To                string       `yaml:"to"`
	Words             []string     `yaml:"words"`
	Unless            []string     `yaml:"unless"` // none of these may be in the evidence
	CounterpartyRoles []string     `yaml:"counterparty_roles"`
	Examples          DealExamples `yaml:"examples"` // fire: "TEXT => kind"; keep: TEXT the rule leaves alone

	words, unless []string // Words and Unless lower-cased once
}

// lowerAll lower-cases each of ws.
func lowerAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.ToLower(w)
	}
	return out
}

func (k *KindRule) check(ids map[string]bool) error {
	if err := checkID(k.ID, k.Lang, ids); err != nil {
		return err
	}
	if !pipeline.Kind(k.To).Valid() {
		return fmt.Errorf("kind rule %s: to %q is not one of %v", k.ID, k.To, pipeline.Kinds)
	}
	if len(k.From) == 0 || len(k.Words) == 0 && len(k.CounterpartyRoles) == 0 {
		return fmt.Errorf("kind rule %s: needs from and words or counterparty_roles", k.ID)
	}
	for _, f := range k.From {
		if !pipeline.Kind(f).Valid() {
			return fmt.Errorf("kind rule %s: from %q is not one of %v", k.ID, f, pipeline.Kinds)
		}
	}
	return nil
}

// kindSite is what the kind rules read of one deal, computed once for all
// of them: its counterparty's role, its evidence lower-cased, and that
// evidence before it tells the use of the proceeds.
type kindSite struct {
	cpRole, ev, raised string
}

func (x *Extractor) newKindSite(d pipeline.Deal) kindSite {
	ev := asciiLower(d.Evidence)
	return kindSite{cpRole: x.roleOf(string(d.Counterparty)), ev: ev, raised: beforeProceeds(ev)}
}

// fires reports whether the rule refines d, read as site.
func (k *KindRule) fires(d pipeline.Deal, site kindSite) bool {
	if !containsString(k.From, string(d.Kind)) {
		return false
	}
	if len(k.CounterpartyRoles) > 0 && !containsString(k.CounterpartyRoles, site.cpRole) {
		return false
	}
	ev, raised := site.ev, site.raised
	// Its words first: most rules have none in a deal's evidence, and
	// then the words that stop it need no look.
	found := len(k.words) == 0
	for _, w := range k.words {
		if hasWord(ev, w) {
			found = true
			break
		}
	}
	if !found {
		return false
	}
	for _, w := range k.unless {
		if hasWord(raised, w) {
			return false
		}
	}
	return true
}

// proceedsCues open what the money raised will pay for ("…, which will be
// used for repayment of debt", 「調達資金は借入金の返済に充てる」).
var proceedsCues = []string{" that will be used", " which will be used", " to be used", " will be used", " proceeds will",
	" proceeds of which", " to repay", " to refinance", " use the proceeds", " for working capital", "調達資金は", "資金使途", "の返済に充て"}

// beforeProceeds cuts lower-cased evidence where it starts to tell the
// use of the proceeds: a loan repaid with the money of a stock offering
// does not make the offering a loan.
func beforeProceeds(ev string) string {
	cut := len(ev)
	for _, c := range proceedsCues {
		if k := strings.Index(ev, c); k >= 0 && k < cut {
			cut = k
		}
	}
	return ev[:cut]
}

// hasWord finds w in s, on word boundaries when w is Latin.
func hasWord(s, w string) bool {
	if !latinPhrase(w) {
		return strings.Contains(s, w)
	}
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return false
		}
		i += off
		e := i + len(w)
		if (i == 0 || !isWordByte(s[i-1])) && (e == len(s) || !isWordByte(s[e])) {
			return true
		}
		off = i + 1
	}
}

// latinPhrase reports w made of ASCII word bytes and spaces: it is
// matched on word boundaries. (isASCIIWord without its spaces, read in
// place: kind rules test their phrases on every deal.)
func latinPhrase(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] != ' ' && !isWordByte(w[i]) {
			return false
		}
	}
	return true
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// roleOf is the gazetteer role of the company a deal names, or "" for a
// name the list does not know.
func (x *Extractor) roleOf(name string) string {
	if c, ok := x.gaz.Canonical(name); ok {
		return x.gaz.Role(c)
	}
	return ""
}

// refineKinds applies the kind rules, then reports an asset sale between
// two named parties from the buyer's side when the party order of
// shared/realnews/ANNOTATION.md asks for it (the miner's or data-center
// side, the miner's first; of two miners, the acquirer): when the buyer is
// a miner, or a data-center operator buying from no miner, or the seller
// is a company the list knows and neither (a data-center operator selling
// a site or a business of its own stays the seller), or a company it does
// not know sells a site (a factory, land, a campus, a data center) to one
// it knows: the buyer is the data-center side. The buyer then acquires.
func (x *Extractor) refineKinds(ds []pipeline.Deal) []pipeline.Deal {
	role := x.roleOf
	for i := range ds {
		d := &ds[i]
		isJA := hasJapanese(d.Evidence)
		site := x.newKindSite(*d)
		for j := range x.rules.Kinds {
			k := &x.rules.Kinds[j]
			if k.Lang != "" && (k.Lang == "ja") != isJA {
				continue
			}
			if k.fires(*d, site) {
				d.Kind = pipeline.Kind(k.To)
				d.Rule += ",kind:" + k.ID
				break
			}
		}
		if d.Kind == pipeline.KindEquity && strings.HasPrefix(d.Rule, "data:") && majorityStake(strings.ToLower(d.Evidence)) {
			// A data rule's stake of more than half (株式の8割を買い取る)
			// is control taken, as for a deal word's (relation.go).
			d.Kind = pipeline.KindAcquisition
			d.Rule += ",kind:majority-stake"
		}
		if d.Kind == pipeline.KindAssetSale && d.Counterparty != "" {
			seller, buyer := role(d.Company), role(string(d.Counterparty))
			// A data-center operator selling a site or a business of its own
			// is the data-center side: its sale stays an asset sale (the
			// company it holds sold on is the buyer's acquisition).
			opSells := seller == org.RoleNeocloud && (siteSold(d.Evidence) || text.ContainsAny(strings.ToLower(d.Evidence), " business", "事業"))
			if buyer == org.RoleMiner || buyer == org.RoleNeocloud && seller != org.RoleMiner || seller != "" && seller != org.RoleMiner && !opSells ||
				seller == "" && buyer != "" && siteSold(d.Evidence) {
				d.Company, d.Counterparty = string(d.Counterparty), pipeline.NullString(d.Company)
				d.Kind = pipeline.KindAcquisition
				d.Rule += ",kind:buyer-side"
			}
		}
	}
	return ds
}

// siteSold reports a site, land or buildings in a sale's evidence.
func siteSold(ev string) bool {
	return text.ContainsAny(ev, "工場", "用地", "土地", "敷地", "跡地", "建物", "施設", "データセンター") ||
		text.ContainsAny(strings.ToLower(ev), " site", " campus", " facility", " land", " acres", " plant", " building", " data center", " data centre")
}
