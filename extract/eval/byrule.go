package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// RuleStat is how one rule did: the predicted deals it had a hand in and
// how many of them matched a gold deal.
type RuleStat struct {
	Rule  string `json:"rule"`
	Made  int    `json:"made"`
	Right int    `json:"right"`
}

// Precision is right/made.
func (s RuleStat) Precision() float64 { return ratio(s.Right, s.Made) }

// ruleKeys splits a deal's rule field ("amount:subject@en.trigger.lease,
// data:en.deal.lease_with") into the names a rule can be judged by: each
// strategy ("amount:subject"), each named rule after it
// ("en.trigger.lease", "data:en.deal.lease_with", "kind:en.kind.x"), and
// the steps that copied, joined or completed a deal ("list", "joined",
// "role": "list:…", "joined+…", "…+role").
func ruleKeys(rule string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(k string) {
		if k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	for _, part := range strings.Split(rule, ",") {
		for {
			k := strings.IndexAny(part, ":+")
			if k < 0 || !ruleSteps[part[:k]] {
				break
			}
			add(part[:k])
			part = part[k+1:]
		}
		how, id, ok := strings.Cut(part, "@")
		add(how)
		if !ok {
			continue
		}
		id, steps, _ := strings.Cut(id, "+")
		add(id)
		for _, s := range strings.Split(steps, "+") {
			add(s)
		}
	}
	return out
}

// ruleSteps are the steps a rule field may open with: a deal copied to a
// list's members or a round's participants, or joined with another.
var ruleSteps = map[string]bool{"list": true, "participant": true, "colead": true, "heading": true, "joined": true, "title": true}

// ByRule counts, for every rule name, the deals it had a hand in and how
// many of them were right, most deals first.
func (r *Report) ByRule() []RuleStat {
	idx := map[string]*RuleStat{}
	for _, res := range r.Results {
		right := make([]bool, len(res.Doc.Deals))
		for _, j := range res.Score.Pair {
			if j >= 0 {
				right[j] = true
			}
		}
		for j, d := range res.Doc.Deals {
			for _, k := range ruleKeys(d.Rule) {
				s := idx[k]
				if s == nil {
					s = &RuleStat{Rule: k}
					idx[k] = s
				}
				s.Made++
				if right[j] {
					s.Right++
				}
			}
		}
	}
	out := make([]RuleStat, 0, len(idx))
	for _, s := range idx {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Made != out[j].Made {
			return out[i].Made > out[j].Made
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

// WriteByRuleJSON prints ByRule as JSON lines.
func WriteByRuleJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	for _, s := range r.ByRule() {
		if err := enc.Encode(s); err != nil {
			return err
		}
	}
	return nil
}

// WriteByRule prints ByRule as a table: rule, deals made, right, wrong,
// precision.
func WriteByRule(w io.Writer, r *Report) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "rule\tmade\tright\twrong\tprecision\n")
	for _, s := range r.ByRule() {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.2f\n", s.Rule, s.Made, s.Right, s.Made-s.Right, s.Precision())
	}
	return tw.Flush()
}
