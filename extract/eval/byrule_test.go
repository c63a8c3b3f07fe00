package eval

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/kozan-dev/kozan/pipeline"
)

func TestRuleKeys(t *testing.T) {
	tests := []struct {
		rule string
		want []string
	}{
		{"amount:subject@en.trigger.lease", []string{"amount:subject", "en.trigger.lease"}},
		{"amount:subject@en.trigger.lease,data:en.deal.lease_with", []string{"amount:subject", "en.trigger.lease", "data:en.deal.lease_with"}},
		{"list:noamount:topic@ja.trigger.partnership", []string{"list", "noamount:topic", "ja.trigger.partnership"}},
		{"joined+noamount:subject@en.trigger.lease", []string{"joined", "noamount:subject", "en.trigger.lease"}},
		{"participant:amount:subject@en.trigger.financing.weak+role", []string{"participant", "amount:subject", "en.trigger.financing.weak", "role"}},
		{"kind:en.kind.site_bought", []string{"kind:en.kind.site_bought"}},
	}
	for _, tt := range tests {
		if got := ruleKeys(tt.rule); !slices.Equal(got, tt.want) {
			t.Errorf("ruleKeys(%q) = %q, want %q", tt.rule, got, tt.want)
		}
	}
}

// TestByRule: a rule is credited with the deals it had a hand in, right
// when the deal matched a gold deal.
func TestByRule(t *testing.T) {
	deals := []pipeline.Deal{
		{Company: "A", Rule: "amount:subject@en.trigger.lease"},
		{Company: "B", Rule: "amount:subject@en.trigger.other,data:en.deal.x"},
		{Company: "C", Rule: "noamount:topic@en.trigger.other"},
	}
	rep := Report{Results: []Result{{
		Doc:   pipeline.Document{Deals: deals},
		Score: ItemScore{Pair: []int{0, -1, 2}}, // gold 0 ↔ deal 0, gold 2 ↔ deal 2
	}}}
	got := map[string]RuleStat{}
	for _, s := range rep.ByRule() {
		got[s.Rule] = s
	}
	for rule, want := range map[string][2]int{
		"amount:subject":   {2, 1},
		"en.trigger.other": {2, 1},
		"data:en.deal.x":   {1, 0},
		"noamount:topic":   {1, 1},
		"en.trigger.lease": {1, 1},
	} {
		if s := got[rule]; s.Made != want[0] || s.Right != want[1] {
			t.Errorf("%s: made %d right %d, want %d and %d", rule, s.Made, s.Right, want[0], want[1])
		}
	}
	if first := rep.ByRule()[0].Rule; first != "amount:subject" && first != "en.trigger.other" {
		t.Errorf("rules are not listed most deals first: %s first", first)
	}
	var b bytes.Buffer
	if err := WriteByRule(&b, &rep); err != nil || !strings.Contains(b.String(), "data:en.deal.x") || !strings.Contains(b.String(), "0.00") {
		t.Errorf("table:\n%s (%v)", b.String(), err)
	}
}
