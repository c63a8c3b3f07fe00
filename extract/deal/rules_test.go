package deal

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kozan-dev/kozan/extract/text"
)

// bracketed removes the [brackets] of an example and returns the text and
// the byte span of what they held, in the normalised text.
func bracketed(t *testing.T, ex string) (string, [2]int) {
	t.Helper()
	i, j := strings.Index(ex, "["), strings.Index(ex, "]")
	if i < 0 || j < i {
		t.Fatalf("example %q has no [bracketed] part", ex)
	}
	pre := text.Normalize(ex[:i])
	mid := text.Normalize(ex[i+1 : j])
	return pre + mid + text.Normalize(ex[j+1:]), [2]int{len(pre), len(pre) + len(mid)}
}

// TestRuleExamples runs every veto rule's examples through the whole
// extractor: a "fire" example must have its bracketed mention or figure set
// aside by exactly that rule, a "keep" example must not have it set aside
// by that rule.
func TestRuleExamples(t *testing.T) {
	x := newExtractor(t)
	check := func(t *testing.T, id, what string, fire, keep []string) {
		if len(fire) == 0 || len(keep) == 0 {
			t.Errorf("rule %s needs examples that fire and examples that keep", id)
		}
		for _, ex := range append(fire, keep...) {
			txt, sp := bracketed(t, ex)
			res := x.Extract("", txt)
			by := ""
			for _, v := range res.Vetoes {
				if v.What == what && v.Span[0] < sp[1] && sp[0] < v.Span[1] {
					by = v.Rule
					break
				}
			}
			wantFire := containsString(fire, ex)
			if wantFire && by != id {
				t.Errorf("%s should set aside %q in %q; vetoed by %q (vetoes %+v)", id, txt[sp[0]:sp[1]], txt, by, res.Vetoes)
			}
			if !wantFire && by == id {
				t.Errorf("%s should keep %q in %q", id, txt[sp[0]:sp[1]], txt)
			}
		}
	}
	for _, r := range x.rules.Parties {
		t.Run(r.ID, func(t *testing.T) { check(t, r.ID, "party", r.Examples.Fire, r.Examples.Keep) })
	}
	for _, r := range x.rules.Figures {
		t.Run(r.ID, func(t *testing.T) { check(t, r.ID, "figure", r.Examples.Fire, r.Examples.Keep) })
	}
	for _, r := range x.rules.Sentences {
		t.Run(r.ID, func(t *testing.T) { check(t, r.ID, "sentence", r.Examples.Fire, r.Examples.Keep) })
	}
}

// TestDealRuleExamples runs every deal rule's examples through the whole
// extractor: "TEXT => Company | Counterparty" must be among the deals made
// by that rule (or told by it of each member of a list, each_listed); a
// keep example gets no deal from it.
func TestDealRuleExamples(t *testing.T) {
	x := newExtractor(t)
	for _, r := range x.rules.Deals {
		t.Run(r.ID, func(t *testing.T) {
			checkOutcomes(t, r.ID, r.Examples, func(txt string) []string {
				var got []string
				for _, d := range x.Extract("", text.Normalize(txt)).Fired {
					if strings.TrimPrefix(d.Rule, "list:") == "data:"+r.ID {
						cp := string(d.Counterparty)
						if cp == "" {
							cp = "null"
						}
						got = append(got, d.Company+" | "+cp)
					}
				}
				return got
			})
		})
	}
}

// checkOutcomes runs a rule's examples: each "TEXT => OUTCOME" must be one
// of what made(TEXT) lists for the rule, each keep example must make none.
func checkOutcomes(t *testing.T, id string, ex DealExamples, made func(string) []string) {
	t.Helper()
	if len(ex.Fire) == 0 || len(ex.Keep) == 0 {
		t.Errorf("rule %s needs examples that fire and examples that keep", id)
	}
	for _, e := range ex.Fire {
		txt, want, ok := strings.Cut(e, " => ")
		if !ok {
			t.Fatalf("fire example %q lacks ' => outcome'", e)
		}
		if got := made(txt); !containsString(got, strings.TrimSpace(want)) {
			t.Errorf("%q: rule %s made %q, want %q", txt, id, got, want)
		}
	}
	for _, e := range ex.Keep {
		if got := made(e); len(got) > 0 {
			t.Errorf("%q: rule %s made %q, want none", e, id, got)
		}
	}
}

func TestLoadRulesErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, yaml, err string }{
		{"duplicate id", "parties:\n  - {id: en.party.source, roles: [media]}\n", "used twice"},
		{"no condition", "parties:\n  - {id: my.rule}\n", "no condition"},
		{"unknown key", "parties:\n  - {id: my.rule, befor: [x]}\n", "field befor not found"},
		{"bad regexp", "parties:\n  - {id: my.rule, match: '('}\n", "match"},
		{"figure without condition", "figures:\n  - {id: my.fig}\n", "no before, after, after_match, before_match or max_usd"},
		{"bad lang", "figures:\n  - {id: my.fig, lang: fr, max_usd: 3}\n", "lang"},
		{"after_needs alone", "figures:\n  - {id: my.fig, after: [' in fees'], after_needs: [fees]}\n", "after_needs without after_match"},
		{"any_sentence without needs", "deals:\n  - {id: my.deal, kind: equity, pattern: 'backers include {company}', any_sentence: true}\n", "any_sentence needs needs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+".yaml")
			if err := os.WriteFile(p, []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := LoadRules(p); err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("err = %v, want %q", err, tt.err)
			}
		})
	}
	empty := filepath.Join(dir, "empty.yaml")
	os.WriteFile(empty, []byte("# nothing yet\n"), 0o644)
	if _, err := LoadRules(empty); err != nil {
		t.Errorf("a rules file of comments only: %v", err)
	}
	p := filepath.Join(dir, "extra.yaml")
	os.WriteFile(p, []byte("parties:\n  - {id: user.party.venue, names: [Consensus 2025]}\n"), 0o644)
	r, err := LoadRules(p)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, pr := range r.Parties {
		found = found || pr.ID == "user.party.venue"
	}
	if !found {
		t.Error("a user's rule file was not added")
	}
}

// TestLexiconExamples scans every lexicon entry's examples: a "fire"
// example's bracketed word is found as that entry, a "keep" example's
// bracketed text is not.
func TestLexiconExamples(t *testing.T) {
	x := newExtractor(t)
	for _, e := range x.rules.Lexicon {
		t.Run(e.ID, func(t *testing.T) {
			if len(e.Examples.Fire) == 0 || len(e.Examples.Keep) == 0 {
				t.Errorf("entry %s needs examples that fire and examples that keep", e.ID)
			}
			for _, ex := range append(append([]string(nil), e.Examples.Fire...), e.Examples.Keep...) {
				txt, sp := bracketed(t, ex)
				found := false
				for _, c := range x.analyze(txt, nil).cues {
					if c.w.id == e.ID && c.start < sp[1] && sp[0] < c.end {
						found = true
					}
				}
				if fire := containsString(e.Examples.Fire, ex); fire != found {
					t.Errorf("%q: found as %s = %v, want %v", ex, e.ID, found, fire)
				}
			}
		})
	}
}

// TestKindRuleExamples: "TEXT => kind" must give a deal of that kind
// refined by the rule; a keep example gets no deal refined by it.
func TestKindRuleExamples(t *testing.T) {
	x := newExtractor(t)
	for _, k := range x.rules.Kinds {
		t.Run(k.ID, func(t *testing.T) {
			checkOutcomes(t, k.ID, k.Examples, func(txt string) []string {
				var got []string
				for _, d := range x.Extract("", text.Normalize(txt)).Deals {
					if strings.Contains(d.Rule, ",kind:"+k.ID) {
						got = append(got, string(d.Kind))
					}
				}
				return got
			})
		})
	}
}

// TestWordIndexUses: the word index finds the same whole-word uses of a
// name as reading the text does.
func TestWordIndexUses(t *testing.T) {
	txt := "Hut 8 and Hutton met. Hut 8's deal with AT&T; AT&T-backed Core Scientific and Core Scientifics. hut 8, Hut 81, Hut 8."
	w := newWordIndex(txt)
	for _, name := range []string{"Hut 8", "Hut", "AT&T", "Core Scientific", "Core", "hut 8", "Nobody", "8"} {
		var want, got []int
		eachWordUse(txt, name, len(txt), func(end int) bool { want = append(want, end); return false })
		w.eachUse(txt, name, len(txt), func(end int) bool { got = append(got, end); return false })
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("uses of %q: index %v, text %v", name, got, want)
		}
	}
	if !mentionedTwice(txt, w, "Hut 8") || mentionedTwice(txt, w, "Hutton") {
		t.Errorf("mentionedTwice through the index: Hut 8 twice, Hutton once")
	}
}
