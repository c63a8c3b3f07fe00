package org

import (
	"regexp"
	"slices"
	"strings"

	kztext "github.com/kozan-dev/kozan/extract/text"
)

// Former names: a company that changed its name is often written with the
// other name beside it — "Verne (formerly Verne Global)", "VNET Group,
// formerly known as 21Vianet,", "Formerly known as Colony Capital,
// DigitalBridge…", "Marathon Patent Group (now MARA)", 「ストラテジー(旧マイ
// クロストラテジー)」, 「スペースキット(旧商号 データドック)」. Both names
// stand for one party: formerNames gives the mentions of the one name the
// other's identity (the name a list knows wins, else the current one), so
// the deal rules never pair a company with itself under its old name.

// formerAfter are the words between a current name and its former name
// written after it; nowAfter those between a former name and the current
// one after it. Each is matched in lower case against the whole gap
// between the two mentions, so "formerly of OpenAI" (a person's past
// employer, no name before it) never matches.
var (
	formerAfter = []string{" (formerly ", " (formerly known as ", " (formerly called ", ", formerly ", ", formerly known as ",
		", formerly called ", " (previously ", " (previously known as ", ", previously known as ", " (f/k/a ", ", f/k/a ",
		" (fka ", ", fka ", " (formerly named ", "(旧", "(旧社名", "(旧社名 ", "(旧商号", "(旧商号 ", "(旧称", "(旧称 ", "、旧"}
	nowAfter = []string{" (now ", ", now ", " (now known as ", ", now known as ", " (now called ", ", now called ",
		", since renamed ", " (since renamed ", ", which renamed itself ", ", which rebranded as ", " (renamed ", ", renamed ",
		", rebranded as ", " (rebranded as ", "(現", "(現社名", "(現社名 ", "(現・", "、現"}
	// formerBefore opens a sentence part naming the former name first,
	// then the current one after a comma: "Formerly known as Colony
	// Capital, DigitalBridge…".
	formerBefore = []string{"formerly known as ", "previously known as ", "formerly called "}
)

// listedGap is a comma and a description of the name after it:
// ", NYSE-listed ", ", Texas-based ".
var listedGap = regexp.MustCompile(`^, [a-z0-9.]+-(listed|based|headquartered|owned|backed) $`)

// formerNames returns ms with each former name and its current name made
// one party (in place), and every other mention of the renamed spelling
// in the text renamed too.
func formerNames(text string, ms []Mention) []Mention {
	if !kztext.ContainsAny(text, "ormerly", "reviously", "now ", "f/k/a", "fka", "rename", "rebrand", "旧", "現") {
		return ms
	}
	same := map[string]Mention{} // a renamed spelling -> the identity it takes
	for i := 0; i+1 < len(ms); i++ {
		a, b := ms[i], ms[i+1]
		if b.Span[0] < a.Span[1] || b.Span[0]-a.Span[1] > 40 || a.Name == b.Name {
			continue
		}
		gap := strings.ToLower(text[a.Span[1]:b.Span[0]])
		if rest := text[b.Span[1]:]; strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’") {
			continue // "Harbor Labs, now Bitfarms' largest holder": a possessive, no name
		}
		var cur, old *Mention
		switch {
		case slices.Contains(formerAfter, gap):
			cur, old = &ms[i], &ms[i+1]
		case slices.Contains(nowAfter, gap):
			cur, old = &ms[i+1], &ms[i]
		case (gap == ", " || gap == "、" || listedGap.MatchString(gap)) && kztext.HasAnySuffix(strings.ToLower(text[max(0, a.Span[0]-24):a.Span[0]]), formerBefore...):
			cur, old = &ms[i+1], &ms[i]
		default:
			continue
		}
		keep, renamed := *cur, old
		if old.Known && !cur.Known {
			keep, renamed = *old, cur // the list's company, under whichever name
		}
		if renamed.Known && keep.Known {
			continue // two companies the list knows apart stay apart
		}
		same[renamed.Name] = keep
	}
	if len(same) == 0 {
		return ms
	}
	for i := range ms {
		if k, ok := same[ms[i].Name]; ok && !ms[i].Known {
			ms[i].Name, ms[i].Known, ms[i].Role = k.Name, k.Known, k.Role
		}
	}
	return ms
}
