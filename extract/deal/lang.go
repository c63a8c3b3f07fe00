package deal

import (
	"strings"

	"github.com/kozan-dev/kozan/pipeline"
)

// lang holds the few operations of the sentence rules that Japanese and
// English do differently: how roles are read, where a clause ends, how
// far a deal word reaches, on which side the counterparty stands. ja
// (lang_ja.go) and en (lang_en.go) implement it. A rule that exists in one
// language only tests sent.isJA where it applies.
type lang interface {
	// maxDist is the distance (bytes) within which a deal word ties to
	// an amount.
	maxDist() int
	// read labels the sentence's mentions with their roles (particles or
	// frames) and returns its cues without those that name no deal of it.
	read(txt string, sp [2]int, ms []mention, cues []cue) []cue
	// genericSubject reports a sentence whose subject is a group, not the
	// topic company ("Miners raised…", "採掘企業各社は…").
	genericSubject(lower string) bool
	// elidedSubject reports a sentence that opens on its verb, its
	// subject left out ("- Secured $9.7bn contract with Microsoft", a
	// release's highlights): it is about the article's company.
	elidedSubject(lower string) bool
	// zoneClause narrows an amount's zone [lo,hi) to its clause when
	// another amount lies beyond the clause break (before: the break
	// before the amount, after: the one after it).
	zoneClause(txt string, lo, hi int, a pipeline.Amount, before, after bool) (int, int)
	// amountClause is the clause around amount a within [lo,hi) whose deal
	// words all belong to the amount; ok is false when the language has
	// none (English clauses share their deal words).
	amountClause(txt string, a pipeline.Amount, lo, hi int) (clo, chi int, ok bool)
	// clauseAround bounds the clause of a deal word within sentence sp.
	clauseAround(txt string, sp [2]int, c cue) (int, int)
	// cpCost ranks a counterparty candidate m by its distance from the
	// anchor at pos; the side the language rarely names it on costs more.
	cpCost(m *mention, pos int) int
	// sumBlocks reports a sum word c that keeps amount a, in the zone
	// [lo,hi) whose deal word lies td bytes away, from being one deal.
	sumBlocks(txt string, c cue, a pipeline.Amount, lo, hi, td int) bool
}

// Distances (bytes) within which a deal word ties to an amount.
const (
	maxDistJA = 63 // about 21 characters
	maxDistEN = 90
)

// langOf is the language of a sentence: Japanese when it holds Japanese
// script.
func langOf(s string) lang {
	if hasJapanese(s) {
		return ja{}
	}
	return en{}
}

// cutAt narrows [lo,hi) around amount a to the nearest breaks before
// and after it.
func cutAt(txt string, lo, hi int, a pipeline.Amount, before, after bool, breaks []string) (int, int) {
	for _, br := range breaks {
		if before {
			if k := strings.LastIndex(txt[lo:a.Span[0]], br); k >= 0 {
				lo += k + len(br)
			}
		}
		if after {
			if k := strings.Index(txt[a.Span[1]:hi], br); k >= 0 {
				hi = a.Span[1] + k
			}
		}
	}
	return lo, hi
}
