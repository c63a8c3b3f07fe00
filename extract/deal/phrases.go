package deal

import (
	"fmt"
	"slices"
	"strings"

	"github.com/coregx/ahocorasick"

	kztext "github.com/kozan-dev/kozan/extract/text"
)

// phraseSet is the words the rules test a stretch of text for ("one of
// these words before the figure", a deal rule's needs), each with an id,
// found in one Aho–Corasick pass over a document instead of one
// strings.Contains per word per rule per sentence.
type phraseSet struct {
	words []string
	ids   map[string]int32
	ac    *ahocorasick.Automaton
}

// id returns w's id, adding it to the set. Call it before build only.
func (ps *phraseSet) id(w string) int32 {
	if k, ok := ps.ids[w]; ok {
		return k
	}
	if ps.ids == nil {
		ps.ids = map[string]int32{}
	}
	k := int32(len(ps.words))
	ps.ids[w] = k
	ps.words = append(ps.words, w)
	return k
}

// idsOf returns the ids of ws (empty words left out), adding them.
func (ps *phraseSet) idsOf(ws []string) []int32 {
	var out []int32
	for _, w := range ws {
		if w != "" {
			out = append(out, ps.id(w))
		}
	}
	return out
}

// groups returns the ids of each group of words, adding them.
func (ps *phraseSet) groups(gs [][]string) [][]int32 {
	var out [][]int32
	for _, g := range gs {
		if ids := ps.idsOf(g); len(ids) == len(g) && len(ids) > 0 {
			out = append(out, ids)
		}
	}
	return out
}

// build compiles the automaton once every word is in.
func (ps *phraseSet) build() error {
	if len(ps.words) == 0 {
		return nil
	}
	ac, err := ahocorasick.NewBuilder().AddStrings(ps.words).Build()
	if err != nil {
		return fmt.Errorf("rule words: %w", err)
	}
	ps.ac = ac
	return nil
}

// phraseHits is where each word of a phraseSet occurs in one text: the
// start offsets of word k are at[off[k]:off[k+1]], ascending.
type phraseHits struct {
	lens []int32
	off  []int32
	at   []int32
	// merged holds, for the word lists of mergeFrom words or more looked
	// up (a figure rule's dozens of words, a party rule's needs), the
	// occurrences of any of their words, built on first use: one binary
	// search instead of one per word.
	merged map[listKey]*mergedHits
}

// listKey names a word list by where it is held: the rules' lists are
// built once and never change.
type listKey struct {
	first *int32
	n     int
}

// mergedHits are the occurrences of any word of a list, by start; minEnd[i]
// is the smallest end among occurrences i and after.
type mergedHits struct {
	start, minEnd []int32
}

// mergeFrom is the length from which a word list is looked up merged.
const mergeFrom = 3

// scan finds every occurrence, overlapping ones included, of the set's
// words in lower (a document lower-cased in ASCII).
func (ps *phraseSet) scan(lower string) *phraseHits {
	h := &phraseHits{lens: make([]int32, len(ps.words)), off: make([]int32, len(ps.words)+1)}
	if ps.ac == nil {
		return h
	}
	for k, w := range ps.words {
		h.lens[k] = int32(len(w))
	}
	ms := ps.ac.FindAllOverlapping([]byte(lower))
	// Counting sort by word; the automaton reports matches by their end,
	// so each word's starts come out ascending.
	for _, m := range ms {
		h.off[m.PatternID+1]++
	}
	for k := 1; k < len(h.off); k++ {
		h.off[k] += h.off[k-1]
	}
	h.at = make([]int32, len(ms))
	next := make([]int32, len(ps.words))
	copy(next, h.off)
	for _, m := range ms {
		h.at[next[m.PatternID]] = int32(m.Start)
		next[m.PatternID]++
	}
	return h
}

// within reports whether one of the words ids occurs wholly inside the
// text's bytes [lo, hi).
func (h *phraseHits) within(ids []int32, lo, hi int) bool {
	if len(ids) >= mergeFrom {
		m := h.mergedOf(ids)
		i, _ := slices.BinarySearch(m.start, int32(lo))
		return i < len(m.start) && int(m.minEnd[i]) <= hi
	}
	for _, k := range ids {
		at := h.at[h.off[k]:h.off[k+1]]
		// The first occurrence starting at lo or later ends first.
		i, _ := slices.BinarySearch(at, int32(lo))
		if i < len(at) && int(at[i])+int(h.lens[k]) <= hi {
			return true
		}
	}
	return false
}

// mergedOf returns the merged occurrences of the words ids.
func (h *phraseHits) mergedOf(ids []int32) *mergedHits {
	key := listKey{&ids[0], len(ids)}
	if m, ok := h.merged[key]; ok {
		return m
	}
	type occ struct{ start, end int32 }
	var os []occ
	for _, k := range ids {
		for _, at := range h.at[h.off[k]:h.off[k+1]] {
			os = append(os, occ{at, at + h.lens[k]})
		}
	}
	slices.SortFunc(os, func(a, b occ) int { return int(a.start - b.start) })
	m := &mergedHits{start: make([]int32, len(os)), minEnd: make([]int32, len(os))}
	for i := len(os) - 1; i >= 0; i-- {
		m.start[i], m.minEnd[i] = os[i].start, os[i].end
		if i+1 < len(os) && m.minEnd[i+1] < m.minEnd[i] {
			m.minEnd[i] = m.minEnd[i+1]
		}
	}
	if h.merged == nil {
		h.merged = map[listKey]*mergedHits{}
	}
	h.merged[key] = m
	return m
}

// withinEach reports whether a word of each of the groups occurs wholly
// inside [lo, hi) (true without groups).
func (h *phraseHits) withinEach(groups [][]int32, lo, hi int) bool {
	for _, g := range groups {
		if !h.within(g, lo, hi) {
			return false
		}
	}
	return true
}

// containsAny reports whether lower[lo:hi] holds one of words, whose ids
// in the rules' phrases are ids: looked up in hits when there are hits,
// else searched.
func containsAny(lower string, hits *phraseHits, words []string, ids []int32, lo, hi int) bool {
	if hits != nil && len(ids) == len(words) {
		return hits.within(ids, lo, hi)
	}
	return kztext.ContainsAny(lower[lo:hi], words...)
}

// containsAll reports whether lower[lo:hi] holds every one of words (at
// least one), whose ids are ids, like containsAny.
func containsAll(lower string, hits *phraseHits, words []string, ids []int32, lo, hi int) bool {
	if len(words) == 0 {
		return false
	}
	for j, w := range words {
		if hits != nil && len(ids) == len(words) {
			if !hits.within(ids[j:j+1], lo, hi) {
				return false
			}
		} else if !strings.Contains(lower[lo:hi], w) {
			return false
		}
	}
	return true
}
