package jtok

import (
	"math"
	"unicode/utf8"

	"github.com/ikawaha/kagome-dict/dict"
)

// This file is a port of kagome v2.10.3's lattice (tokenizer/lattice;
// MIT License, Copyright (c) 2020 ikawaha) restricted to what Tokens uses: Normal mode, no user
// dictionary. kagome takes every lattice node from a sync.Pool one by one
// and links them by pointer; here the nodes of one text live in one reused
// slice and are grouped by end position with a stable counting sort, which
// keeps kagome's node order and so its tie-breaking. The output is the same
// token sequence as kagome's Analyze(s, Normal); TestLatticeMatchesKagome
// and FuzzTokens check that.

const (
	maxCost   = 1<<31 - 1 // kagome's lattice.maximumCost
	maxUnkLen = 1024      // kagome's lattice.maximumUnknownWordLength
	noNode    = -1
)

// node class codes, as kagome's lattice.NodeClass.
const (
	classDummy uint8 = iota
	classKnown
	classUnknown
)

// node is one lattice node. Byte and rune positions are int32: texts longer
// than maxLatticeText go through kagome's own lattice.
type node struct {
	id     int32 // dictionary word id, -1 for BOS/EOS
	pos    int32 // byte offset of the surface
	end    int32 // byte offset just past the surface
	start  int32 // rune offset of the surface
	stop   int32 // rune offset just past the surface (its lattice column)
	cost   int32
	prev   int32 // best previous node, noNode for none
	left   int16
	right  int16
	weight int16
	class  uint8
}

// nodesPerRune sizes a fresh node slice: the lattice of Japanese news has
// about 6 nodes per rune, English text about 8.
const nodesPerRune = 8

// maxLatticeText is the longest text the arena lattice takes.
const maxLatticeText = math.MaxInt32 / 2

// arena is the reusable state of one lattice run.
type arena struct {
	nodes []node
	off   []int32 // column c holds order[off[c]:off[c+1]]
	order []int32 // node indexes grouped by column, in insertion order
	path  []int32 // best path, EOS first
}

// add appends a node ending at rune column stop.
func (a *arena) add(d *dict.Dict, id int, pos, end, start, stop int, class uint8) {
	var m dict.Morph
	switch class {
	case classKnown:
		m = d.Morphs[id]
	case classUnknown:
		m = d.UnkDict.Morphs[id]
	}
	a.nodes = append(a.nodes, node{
		id: int32(id), pos: int32(pos), end: int32(end), start: int32(start), stop: int32(stop),
		prev: noNode, left: m.LeftID, right: m.RightID, weight: m.Weight, class: class,
	})
}

// build adds the nodes of s, as kagome's Lattice.Build without a user
// dictionary.
func (a *arena) build(d *dict.Dict, tab *tables, s string) int {
	rc := utf8.RuneCountInString(s)
	if n := nodesPerRune*rc + 2; cap(a.nodes) < n {
		a.nodes = make([]node, 0, n) // one allocation instead of a growth chain
	}
	a.nodes = a.nodes[:0]
	a.add(d, -1, 0, 0, 0, 0, classDummy)
	a.add(d, -1, len(s), len(s), rc, rc+1, classDummy)
	runePos := -1
	for pos, ch := range s {
		runePos++
		anyMatches := false
		// d.Index.CommonPrefixSearchCallback, with the duplicate count
		// read from a slice instead of a map.
		d.Index.Da.CommonPrefixSearchCallback(s[pos:], func(x, l int) {
			var dup int
			if tab.dups != nil {
				dup = int(tab.dups[x])
			} else {
				dup = int(d.Index.Dup[int32(x)])
			}
			stop := runePos + utf8.RuneCountInString(s[pos:pos+l])
			for id := x; id <= x+dup; id++ {
				a.add(d, id, pos, pos+l, runePos, stop, classKnown)
			}
			anyMatches = true
		})
		class := d.CharacterCategory(ch)
		if anyMatches && !d.InvokeList[int(class)] {
			continue
		}
		var endPos int
		if ch != utf8.RuneError {
			endPos = pos + utf8.RuneLen(ch)
		} else {
			endPos = pos + 1
		}
		unkWordLen := 1
		if d.GroupList[int(class)] {
			for i, w := endPos, 0; i < len(s); i += w {
				var c rune
				c, w = utf8.DecodeRuneInString(s[i:])
				if d.CharacterCategory(c) != class {
					break
				}
				endPos += w
				unkWordLen++
				if unkWordLen >= maxUnkLen {
					break
				}
			}
		}
		prev := pos
		if c, size := utf8.DecodeLastRuneInString(s[pos:endPos]); c != utf8.RuneError {
			prev = endPos - size
		}
		id := int(tab.unkIndex[class])
		dup := int(tab.unkDup[class])
		for x := range dup + 1 {
			if pos < prev {
				a.add(d, id+x, pos, prev, runePos, runePos+utf8.RuneCountInString(s[pos:prev]), classUnknown)
			}
			a.add(d, id+x, pos, endPos, runePos, runePos+utf8.RuneCountInString(s[pos:endPos]), classUnknown)
		}
	}
	return rc + 2
}

// tables are dictionary maps read per rune, as arrays.
type tables struct {
	dups     []int32    // d.Index.Dup by word id; nil: read the map
	unkIndex [256]int32 // d.UnkDict.Index by character class
	unkDup   [256]int32 // d.UnkDict.IndexDup by character class
}

// newTables builds the tables of d.
func newTables(d *dict.Dict) *tables {
	t := &tables{dups: denseDups(d)}
	for c := range 256 {
		t.unkIndex[c] = d.UnkDict.Index[int32(c)]
		t.unkDup[c] = d.UnkDict.IndexDup[int32(c)]
	}
	return t
}

// denseDups returns d.Index.Dup as a slice indexed by word id, or nil when
// an id falls outside the dictionary.
func denseDups(d *dict.Dict) []int32 {
	dups := make([]int32, len(d.Morphs))
	for k, v := range d.Index.Dup {
		if k < 0 || int(k) >= len(dups) {
			return nil
		}
		dups[k] = v
	}
	return dups
}

// group sorts the node indexes by column, stably.
func (a *arena) group(cols int) {
	if cap(a.off) < cols+1 {
		a.off = make([]int32, cols+1)
	}
	a.off = a.off[:cols+1]
	clear(a.off)
	for i := range a.nodes {
		a.off[a.nodes[i].stop+1]++
	}
	for c := 1; c <= cols; c++ {
		a.off[c] += a.off[c-1]
	}
	if cap(a.order) < len(a.nodes) {
		a.order = make([]int32, len(a.nodes))
	}
	a.order = a.order[:len(a.nodes)]
	// off[c] is the next free slot of column c while filling.
	for i := range a.nodes {
		c := a.nodes[i].stop
		a.order[a.off[c]] = int32(i)
		a.off[c]++
	}
	// Shift back: column c now starts where column c-1 ended.
	for c := cols; c > 0; c-- {
		a.off[c] = a.off[c-1]
	}
	a.off[0] = 0
}

// forward runs kagome's Viterbi forward pass (Normal mode).
func (a *arena) forward(d *dict.Dict, cols int) {
	conn := &d.Connection
	for i := 1; i < cols; i++ {
		for _, ti := range a.order[a.off[i]:a.off[i+1]] {
			t := &a.nodes[ti]
			prevList := a.order[a.off[t.start]:a.off[t.start+1]]
			if len(prevList) == 0 {
				t.cost = maxCost
				continue
			}
			for j, pi := range prevList {
				n := &a.nodes[pi]
				c := conn.At(int(n.right), int(t.left))
				total := int64(c) + int64(t.weight) + int64(n.cost)
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

// backward collects the best path from EOS back to BOS.
func (a *arena) backward(cols int) {
	a.path = a.path[:0]
	last := a.order[a.off[cols-1]:a.off[cols]]
	if len(last) == 0 {
		return
	}
	for p := last[0]; p != noNode; p = a.nodes[p].prev {
		a.path = append(a.path, p)
	}
}
