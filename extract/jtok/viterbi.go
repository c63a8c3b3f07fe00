package jtok

import (
	"math"
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
	// first[i] is the index of the first node that starts at rune i
	// (nodes are added rune by rune; BOS and EOS come first), first[rc]
	// the number of nodes
	first []int32
	prevs []prevNode
	// forward's table of the prevs of one position by right id: slot
	// is valid where stamp is gen
	slot, stamp []int32
	gen         int32
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
// one class are read once, not again from every rune of the run, node ends
// come from a table, not from counting runes, and the dictionary's double
// array is walked here, its duplicate counts read from a slice, not from a
// map through two callbacks.
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
	da, dups := t.da, t.dups
	for i := 0; i < rc; i++ {
		la.first[i] = int32(len(la.nodes))
		pos := int(la.offs[i])
		anyMatches := false
		// trie.DoubleArray.CommonPrefixSearchCallback, and
		// dict.IndexTable's duplicates of each id found.
		for k, p, q := pos, 0, 0; k < len(inp) && inp[k] != 0; k++ {
			p = q
			q = int(da[p].Base) + int(inp[k])
			if q >= len(da) || int(da[q].Check) != p {
				break
			}
			ahead := int(da[q].Base) // + the terminator, 0
			if ahead < len(da) && int(da[ahead].Check) == q && int(da[ahead].Base) <= 0 {
				id, l := int(-da[ahead].Base), k+1-pos
				dup := 0
				if id < len(dups) {
					dup = int(dups[id])
				}
				for x := id; x < id+dup+1; x++ {
					la.add(d, int(la.runeOf[pos+l]), x, pos, i, pos+l, classKnown)
				}
				anyMatches = true
			}
		}
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
	la.first[rc] = int32(len(la.nodes))
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
	if cap(la.first) < rc+1 {
		la.first = make([]int32, rc+1)
	}
	la.first = la.first[:rc+1]
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
		la.first[runePos] = int32(len(la.nodes))
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
	la.first[rc] = int32(len(la.nodes))
}

// forward is kagome's Lattice.Forward in Normal mode, start position by
// start position rather than end by end: the nodes that end where a node
// starts are final either way, and each node still reads them in kagome's
// order, so the costs and the ties are kagome's. The nodes that end at a
// position are read once into prevs for all the nodes that start there,
// and each node's column of the connection matrix is found once.
//
// Of the nodes that end at a position with one right id, only the
// cheapest (the first of the cheapest) can be a best predecessor: the
// others are left out, and a tie is broken by the node's index, which is
// kagome's order. That holds only while no total reaches maxCost (kagome
// clamps it there, and the first of the clamped totals wins). Nodes whose
// cost is near maxCost (those no node reached, and theirs) lose to any of
// low cost whatever the connection (it adds at most ±2¹⁶), and are left
// out beside them; a position with none of low cost, or with a cost in
// between, reads all its nodes as kagome does.
func (la *vlattice) forward(t *Tokenizer) {
	const (
		low  = maxCost / 2       // costs up to low never reach maxCost
		high = maxCost - 1<<20   // costs from high lose to any up to low
		neg  = -maxCost/2 - 1<<8 // nor do costs go this low
	)
	conn, rows := t.d.Connection.Vec, int(t.d.Connection.Row)
	if cap(la.slot) < rows {
		la.slot = make([]int32, rows)
		la.stamp = make([]int32, rows)
	}
	rc := len(la.first) - 1
	for p := 0; p <= rc; p++ {
		from, to := int(la.first[p]), int(la.first[min(p+1, rc)])
		if p == rc {
			from, to = 1, 2 // EOS
		}
		if from == to {
			continue
		}
		la.gen++
		la.prevs = la.prevs[:0]
		lows, exact := 0, false // exact: read every node, clamping as kagome does
		for _, pi := range la.ends[p] {
			switch c := la.nodes[pi].cost; {
			case c < neg || c > low && c < high:
				exact = true
			case c <= low:
				lows++
			}
		}
		exact = exact || lows == 0
		for _, pi := range la.ends[p] {
			n := &la.nodes[pi]
			r := n.right
			if !exact {
				if n.cost > low {
					continue
				}
				if la.stamp[r] == la.gen {
					if k := la.slot[r]; n.cost < la.prevs[k].cost {
						la.prevs[k] = prevNode{right: r, cost: n.cost, idx: pi}
					}
					continue
				}
				la.stamp[r], la.slot[r] = la.gen, int32(len(la.prevs))
			}
			la.prevs = append(la.prevs, prevNode{right: r, cost: n.cost, idx: pi})
		}
		if !exact {
			for k := range la.prevs {
				pv := &la.prevs[k]
				pv.key = int64(pv.cost)<<32 | int64(pv.idx)
			}
		}
		prevs := la.prevs
		for k := from; k < to; k++ {
			n := &la.nodes[k]
			if len(prevs) == 0 {
				n.cost = maxCost
				continue
			}
			col := conn[rows*int(n.left):] // connection.At(right, left)
			if exact {
				w := int64(n.weight)
				var best, bp int32
				for j, pv := range prevs {
					total := int64(col[pv.right]) + w + int64(pv.cost)
					if total > maxCost {
						total = maxCost
					}
					if j == 0 || int32(total) < best {
						best, bp = int32(total), pv.idx
					}
				}
				n.cost, n.prev = best, bp
				continue
			}
			// The least (cost, index), branch-free: key holds the cost
			// in its high half and the index (≥ 0) in its low one.
			best := int64(math.MaxInt64)
			for _, pv := range prevs {
				best = min(best, pv.key+int64(col[pv.right])<<32)
			}
			n.cost, n.prev = int32(best>>32)+n.weight, int32(best&(1<<32-1))
		}
	}
}

// prevNode is what forward reads of a node that ends where others start.
type prevNode struct {
	right, cost, idx int32
	key              int64 // cost<<32 | idx, for the fast path
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
