package deal

import "strings"

// figIndex finds, in one pass over the look-back window of a figure, the
// last place each figure rule's before and before_needs word occurs, so
// that each rule's "one of these words within n runes" is a lookup instead
// of a strings.Contains per word per rule per figure (the figure rules ran
// about a fifth of the extractor's time on a Japanese article).
type figIndex struct {
	words []string           // every distinct word, by id
	byKey map[uint16][]int32 // ids of the words of two bytes or more by their first two bytes
	short [256][]int32       // ids of the one-byte words
	span  int                // runes to scan back: the longest window a rule reads
	// Per figure rule (r.Figures order): the ids of its Before words when
	// it has a window (Within > 0), and of its BeforeNeeds.
	before, needs [][]int32
}

// newFigIndex indexes the words of the figure rules.
func newFigIndex(frs []FigureRule) *figIndex {
	fx := &figIndex{byKey: map[uint16][]int32{}, span: 200}
	ids := map[string]int32{}
	id := func(w string) int32 {
		if k, ok := ids[w]; ok {
			return k
		}
		k := int32(len(fx.words))
		ids[w] = k
		fx.words = append(fx.words, w)
		if len(w) == 1 {
			fx.short[w[0]] = append(fx.short[w[0]], k)
		} else {
			key := uint16(w[0])<<8 | uint16(w[1])
			fx.byKey[key] = append(fx.byKey[key], k)
		}
		return k
	}
	fx.before = make([][]int32, len(frs))
	fx.needs = make([][]int32, len(frs))
	for i := range frs {
		fr := &frs[i]
		if fr.Within > 0 {
			fx.span = max(fx.span, fr.Within)
			for _, w := range fr.Before {
				if w != "" {
					fx.before[i] = append(fx.before[i], id(w))
				}
			}
		}
		for _, w := range fr.BeforeNeeds {
			if w != "" {
				fx.needs[i] = append(fx.needs[i], id(w))
			}
		}
	}
	return fx
}

// lastAt scans the last span runes of before and returns the words found
// there, each with the byte offset in before where its last whole
// occurrence starts. Few words occur near one figure: a short list beats a
// table of every word.
func (fx *figIndex) lastAt(before string) []wordAt {
	var found []wordAt
	set := func(k int32, i int) {
		for j := range found {
			if found[j].id == k {
				found[j].at = int32(i)
				return
			}
		}
		found = append(found, wordAt{k, int32(i)})
	}
	from := len(before) - len(lastRunes(before, fx.span))
	for i := from; i < len(before); i++ {
		if i+1 < len(before) {
			for _, k := range fx.byKey[uint16(before[i])<<8|uint16(before[i+1])] {
				if strings.HasPrefix(before[i:], fx.words[k]) {
					set(k, i)
				}
			}
		}
		for _, k := range fx.short[before[i]] {
			set(k, i)
		}
	}
	return found
}

// wordAt is a figure-rule word found before a figure and where.
type wordAt struct{ id, at int32 }

// anyFrom reports one of ids occurring at or after byte from of before.
func anyFrom(found []wordAt, ids []int32, from int) bool {
	for _, w := range found {
		if int(w.at) < from {
			continue
		}
		for _, k := range ids {
			if w.id == k {
				return true
			}
		}
	}
	return false
}
