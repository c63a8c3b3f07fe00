package jtok

import (
	"sync"
	"unicode/utf8"

	"github.com/ikawaha/kagome-dict/dict"
)

// kagome's lattice (tokenizer/lattice, Normal mode, no user dictionary)
// written again over one reusable slice of nodes: kagome takes every node
// from a sync.Pool and gives it back one by one, a third of its time on
// news text. Build, Forward and Backward follow kagome's step for step (the
// same nodes in the same order, the same costs and ties), so the tokens are
// kagome's; TestViterbiMatchesKagome compares them.

const (
	maxCost              = 1<<31 - 1
	maxUnknownWordLength = 1024
	bosEosID             = -1
)

type nodeClass uint8

const (
	classDummy nodeClass = iota
	classKnown
	classUnknown
)

// node is one lattice node; prev is an index into lattice.nodes, -1 for
// none.
type node struct {
	id                  int32
	pos                 int32 // byte offset of the surface in the input
	start               int32 // rune offset of the surface
	end                 int32 // byte offset just past the surface
	cost                int32
	left, right, weight int32
	prev                int32
	class               nodeClass
}

// vlattice holds the nodes of one input and, per rune position, the nodes
// that end there.
type vlattice struct {
	nodes []node
	ends  [][]int32
	path  []int32
	// per rune of the input (buildFast): byte offset (one more at the
	// end), character class, end of its run of one class; rune index per
	// byte offset of a rune start
	offs, runEnd, runeOf []int32
	cls                  []byte
}

var lattices = sync.Pool{New: func() any { return new(vlattice) }}

func (la *vlattice) add(d *dict.Dict, endRune int, id, position, start, end int, class nodeClass) {
	var m dict.Morph
	switch class {
	case classKnown:
		m = d.Morphs[id]
	case classUnknown:
		m = d.UnkDict.Morphs[id]
	}
	la.nodes = append(la.nodes, node{id: int32(id), pos: int32(position), start: int32(start), end: int32(end),
		left: int32(m.LeftID), right: int32(m.RightID), weight: int32(m.Weight), prev: -1, class: class})
	la.ends[endRune] = append(la.ends[endRune], int32(len(la.nodes)-1))
}

// buildFast is build for valid UTF-8 without U+FFFD (which kagome
// treats as an invalid byte): each rune's class and the end of its run of
// one class are read once, not again from every rune of the run, and
// node ends come from a table, not from counting runes.
func (la *vlattice) buildFast(t *Tokenizer, inp string) {
	d := t.d
	la.offs, la.cls = la.offs[:0], la.cls[:0]
	if cap(la.runeOf) < len(inp)+1 {
		la.runeOf = make([]int32, len(inp)+1)
	}
	la.runeOf = la.runeOf[:len(inp)+1]
	for pos, ch := range inp {
		la.runeOf[pos] = int32(len(la.offs))
		la.offs = append(la.offs, int32(pos))
		la.cls = append(la.cls, d.CharacterCategory(ch))
	}
	rc := len(la.offs)
	la.runeOf[len(inp)] = int32(rc)
	la.offs = append(la.offs, int32(len(inp)))
	if cap(la.runEnd) < rc {
		la.runEnd = make([]int32, rc)
	}
	la.runEnd = la.runEnd[:rc]
	for i := rc - 1; i >= 0; i-- {
		la.runEnd[i] = int32(i + 1)
		if i+1 < rc && la.cls[i] == la.cls[i+1] {
			la.runEnd[i] = la.runEnd[i+1]
		}
	}
	la.reset(rc)
	la.add(d, 0, bosEosID, 0, 0, 0, classDummy)
	la.add(d, rc+1, bosEosID, len(inp), rc, len(inp), classDummy)
	for i := 0; i < rc; i++ {
		pos := int(la.offs[i])
		anyMatches := false
		d.Index.CommonPrefixSearchCallback(inp[pos:], func(id, l int) {
			la.add(d, int(la.runeOf[pos+l]), id, pos, i, pos+l, classKnown)
			anyMatches = true
		})
		class := la.cls[i]
		if anyMatches && !d.InvokeList[int(class)] {
			continue
		}
		endRune := i + 1
		if d.GroupList[int(class)] {
			endRune = min(int(la.runEnd[i]), i+maxUnknownWordLength)
		}
		endPos, prev := int(la.offs[endRune]), int(la.offs[endRune-1])
		id, dup := int(t.unkID[class]), int(t.unkDup[class])
		for x := range dup + 1 {
			if pos < prev {
				la.add(d, endRune-1, id+x, pos, i, prev, classUnknown)
			}
			la.add(d, endRune, id+x, pos, i, endPos, classUnknown)
		}
	}
}

// reset empties the lattice for an input of rc runes.
func (la *vlattice) reset(rc int) {
	la.nodes = la.nodes[:0]
	if cap(la.ends) < rc+2 {
		la.ends = make([][]int32, rc+2)
	}
	la.ends = la.ends[:rc+2]
	for i := range la.ends {
		la.ends[i] = la.ends[i][:0]
	}
}

// build is kagome's Lattice.Build without the user dictionary.
func (la *vlattice) build(d *dict.Dict, inp string) {
	rc := utf8.RuneCountInString(inp)
	la.reset(rc)
	la.add(d, 0, bosEosID, 0, 0, 0, classDummy)
	la.add(d, rc+1, bosEosID, len(inp), rc, len(inp), classDummy)
	runePos := -1
	for pos, ch := range inp {
		runePos++
		anyMatches := false
		d.Index.CommonPrefixSearchCallback(inp[pos:], func(id, l int) {
			la.add(d, runePos+utf8.RuneCountInString(inp[pos:pos+l]), id, pos, runePos, pos+l, classKnown)
			anyMatches = true
		})
		class := d.CharacterCategory(ch)
		if anyMatches && !d.InvokeList[int(class)] {
			continue
		}
		endPos := pos + 1
		if ch != utf8.RuneError {
			endPos = pos + utf8.RuneLen(ch)
		}
		unkWordLen := 1
		if d.GroupList[int(class)] {
			for i, w := endPos, 0; i < len(inp); i += w {
				var c rune
				c, w = utf8.DecodeRuneInString(inp[i:])
				if d.CharacterCategory(c) != class {
					break
				}
				endPos += w
				unkWordLen++
				if unkWordLen >= maxUnknownWordLength {
					break
				}
			}
		}
		prev := pos
		if c, size := utf8.DecodeLastRuneInString(inp[pos:endPos]); c != utf8.RuneError {
			prev = endPos - size
		}
		id := int(d.UnkDict.Index[int32(class)])
		dup := int(d.UnkDict.IndexDup[int32(class)])
		for x := range dup + 1 {
			if pos < prev {
				la.add(d, runePos+utf8.RuneCountInString(inp[pos:prev]), id+x, pos, runePos, prev, classUnknown)
			}
			la.add(d, runePos+utf8.RuneCountInString(inp[pos:endPos]), id+x, pos, runePos, endPos, classUnknown)
		}
	}
}

// forward is kagome's Lattice.Forward in Normal mode.
func (la *vlattice) forward(d *dict.Dict) {
	for i := 1; i < len(la.ends); i++ {
		for _, ti := range la.ends[i] {
			t := &la.nodes[ti]
			prevList := la.ends[t.start]
			if len(prevList) == 0 {
				t.cost = maxCost
				continue
			}
			for j, pi := range prevList {
				n := &la.nodes[pi]
				total := int64(d.Connection.At(int(n.right), int(t.left))) + int64(t.weight) + int64(n.cost)
				if total > maxCost {
					total = maxCost
				}
				if j == 0 || int32(total) < t.cost {
					t.cost = int32(total)
					t.prev = pi
				}
			}
		}
	}
}

// backward returns the best path, last node first (kagome's Output).
func (la *vlattice) backward() []int32 {
	la.path = la.path[:0]
	if len(la.ends) == 0 || len(la.ends[len(la.ends)-1]) == 0 {
		return la.path
	}
	for p := la.ends[len(la.ends)-1][0]; p >= 0; p = la.nodes[p].prev {
		la.path = append(la.path, p)
	}
	return la.path
}
