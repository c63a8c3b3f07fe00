package jtok

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ikawaha/kagome-dict/dict"
	"github.com/ikawaha/kagome-dict/dict/trie"
	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"
	"github.com/ikawaha/kagome/v2/tokenizer/lattice"
)

// Token is one morpheme of the input.
type Token struct {
	Surface string   // the token text as it appears in the input
	POS     []string // part of speech hierarchy, e.g. [名詞 固有名詞 組織 *]; shared, do not modify
	Start   int      // byte offset of the first byte in the input
	End     int      // byte offset just past the last byte
}

// Tokenizer is a kagome tokenizer with the IPA dictionary. It is safe for
// concurrent use.
type Tokenizer struct {
	d       *dict.Dict
	posOf   []int32    // known-word id -> index into posList
	posList [][]string // interned POS name lists
	unknown [][]string // unknown-word id -> POS
	// unkID and unkDup are the dictionary's unknown-word ids per
	// character class (UnkDict.Index and IndexDup, read once).
	unkID, unkDup [256]int32
	// da is the dictionary's double array, dups[id] the number of words
	// after id with the same surface (IndexTable.Dup as a slice).
	da   trie.DoubleArray
	dups []uint8
}

// New builds the tokenizer. The dictionary is loaded once per process.
func New() (*Tokenizer, error) {
	d := ipa.DictShrink() // without the feature strings (readings, base forms): only POS is read
	if _, err := tokenizer.New(d, tokenizer.OmitBosEos()); err != nil {
		return nil, fmt.Errorf("new kagome tokenizer: %w", err)
	}
	t := &Tokenizer{d: d, posOf: make([]int32, len(d.POSTable.POSs))}
	index := make(map[uint64]int32)
	for id, p := range d.POSTable.POSs {
		k := packPOS(p)
		i, ok := index[k]
		if !ok {
			names := make([]string, len(p))
			for j, n := range p {
				names[j] = d.POSTable.NameList[n]
			}
			i = int32(len(t.posList))
			t.posList = append(t.posList, names)
			index[k] = i
		}
		t.posOf[id] = i
	}
	start, depth := 0, 1
	if v, ok := d.UnkDict.ContentsMeta[dict.POSStartIndex]; ok {
		start = int(v)
	}
	if v, ok := d.UnkDict.ContentsMeta[dict.POSHierarchy]; ok {
		depth = int(v)
	}
	t.unknown = make([][]string, len(d.UnkDict.Contents))
	for id, feat := range d.UnkDict.Contents {
		end := start + depth
		if end > len(feat) {
			end = len(feat)
		}
		if start < end {
			t.unknown[id] = append([]string(nil), feat[start:end]...)
		}
	}
	for c := range 256 {
		t.unkID[c] = d.UnkDict.Index[int32(c)]
		t.unkDup[c] = d.UnkDict.IndexDup[int32(c)]
	}
	rows := int(d.Connection.Row)
	for _, ms := range []dict.Morphs{d.Morphs, d.UnkDict.Morphs} {
		for _, m := range ms {
			if m.RightID < 0 || int(m.RightID) >= rows || m.LeftID < 0 || int(m.LeftID) >= int(d.Connection.Col) {
				return nil, fmt.Errorf("kagome dictionary: connection ids %d, %d outside the %d×%d matrix", m.RightID, m.LeftID, rows, d.Connection.Col)
			}
		}
	}
	t.da = d.Index.Da
	n := 0
	for id, dup := range d.Index.Dup {
		if dup < 0 || dup > 255 || id < 0 {
			return nil, fmt.Errorf("kagome dictionary: %d words share the surface of word %d", dup, id)
		}
		n = max(n, int(id)+1)
	}
	t.dups = make([]uint8, n)
	for id, dup := range d.Index.Dup {
		t.dups[id] = uint8(dup)
	}
	return t, nil
}

// packPOS packs up to four POS ids into one map key.
func packPOS(p dict.POS) uint64 {
	var k uint64
	for i := 0; i < len(p) && i < 4; i++ {
		k |= uint64(p[i]) << (16 * i)
	}
	return k
}

// Tokens splits s into morphemes (kagome Normal mode). Byte offsets refer to s.
func (t *Tokenizer) Tokens(s string) []Token {
	return t.AppendTokens(nil, s)
}

// maxPiece bounds a piece, the stretch of text kagome's lattice reads at
// once. A piece ends after a line break or a 。, so a piece is a sentence
// or less and no token crosses two; a line that runs on without either (a
// page flattened to one line, a table of figures) is cut at its last space
// or punctuation mark before the bound, else at the bound itself.
// kagome's lattice costs more than linear time in its input (30 KB: 9 ms,
// 120 KB: 68 ms) and holds several nodes per rune: piece by piece, the
// cost stays linear and the memory small.
const maxPiece = 10 << 10

// AppendTokens is Tokens appending to dst, so that a caller can reuse one
// buffer across documents. It runs kagome's lattice directly, without
// building kagome's own token slice, piece by piece (see Pieces).
func (t *Tokenizer) AppendTokens(dst []Token, s string) []Token {
	return t.AppendPieces(dst, s, nil)
}

// AppendPieces is AppendTokens over only the pieces of s (see Pieces) for
// which keep(start, end) is true, or all when keep is nil. The tokens of a
// piece do not depend on the rest of s: they equal those AppendTokens
// gives for it.
func (t *Tokenizer) AppendPieces(dst []Token, s string, keep func(start, end int) bool) []Token {
	for start := 0; start < len(s); {
		end := pieceEnd(s, start)
		if keep == nil || keep(start, end) {
			dst = t.appendChunk(dst, s[start:end], start)
		}
		start = end
	}
	return dst
}

// AppendPiece appends the tokens of the piece p of s (one of Pieces(s)).
func (t *Tokenizer) AppendPiece(dst []Token, s string, p [2]int) []Token {
	return t.appendChunk(dst, s[p[0]:p[1]], p[0])
}

// Pieces returns the byte spans of s that are tokenized one at a time, in
// order, covering s: each ends after a line break or a 。 (and the line
// breaks right after it), or within maxPiece bytes, see maxPiece.
func Pieces(s string) [][2]int {
	var out [][2]int
	for start := 0; start < len(s); {
		end := pieceEnd(s, start)
		out = append(out, [2]int{start, end})
		start = end
	}
	return out
}

// pieceEnd returns where the piece that starts at start ends.
func pieceEnd(s string, start int) int {
	window := s[start:min(len(s), start+maxPiece)]
	if i := indexBreak(window); i >= 0 {
		end := start + i + 1
		if s[start+i] != '\n' {
			end = start + i + len("。")
		}
		for end < len(s) && s[end] == '\n' {
			end++
		}
		return end
	}
	if start+len(window) == len(s) {
		return len(s)
	}
	if i := strings.LastIndexAny(window, breaks); i >= 0 {
		_, n := utf8.DecodeRuneInString(window[i:])
		return start + i + n
	}
	end := start + len(window)
	for end > start+1 && !utf8.RuneStart(s[end]) {
		end--
	}
	return end
}

// indexBreak is strings.IndexAny(s, "\n。") read byte by byte: 。 is
// E3 80 82, and E3 never follows as a continuation byte.
func indexBreak(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			return i
		case 0xE3:
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x82 {
				return i
			}
		}
	}
	return -1
}

// breaks end a piece that has no line break and no 。: kagome makes
// them tokens of their own, so the cut changes no token of a text
// with spaces or punctuation.
const breaks = " \t、,，.．!！?？;；:：)）」』"

// maxRun bounds a run of characters of one grouped class (katakana,
// Latin letters, digits, symbols) that goes to the lattice whole. From
// every character of such a run kagome reads ahead to the run's end (up
// to 1,024 characters) for an unknown word, so a long run costs time
// quadratic in its length: 30 KB of katakana took 0.8 s. No word is this
// long; a longer run is cut into pieces of maxRun characters.
const maxRun = 64

// appendChunk tokenizes one chunk whose first byte is at offset base,
// piece by piece when it holds a long run (see maxRun).
func (t *Tokenizer) appendChunk(dst []Token, s string, base int) []Token {
	for s != "" {
		n := t.runCut(s)
		dst = t.appendLattice(dst, s[:n], base)
		s, base = s[n:], base+n
	}
	return dst
}

// runCut returns the length of s's first piece: all of s, or up to the
// end of the first run of maxRun characters of one grouped class.
func (t *Tokenizer) runCut(s string) int {
	var class byte
	run := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		c := t.d.CharacterCategory(r)
		if run > 0 && c == class {
			run++
		} else {
			class, run = c, 1
		}
		if run == maxRun && t.d.GroupList[int(class)] {
			return i
		}
	}
	return len(s)
}

// appendLattice runs kagome's lattice over s, whose first byte is at
// offset base.
func (t *Tokenizer) appendLattice(dst []Token, s string, base int) []Token {
	if s == "" {
		return dst
	}
	la := lattices.Get().(*vlattice)
	defer lattices.Put(la)
	if utf8.ValidString(s) && !strings.ContainsRune(s, utf8.RuneError) {
		la.buildFast(t, s)
	} else {
		la.build(t.d, s)
	}
	la.forward(t)
	path := la.backward()
	for i := len(path) - 1; i >= 0; i-- {
		n := &la.nodes[path[i]]
		if n.id == bosEosID || n.class == classDummy || n.end == n.pos {
			continue
		}
		var pos []string
		switch {
		case n.class == classKnown && int(n.id) < len(t.posOf):
			pos = t.posList[t.posOf[n.id]]
		case n.class == classUnknown && int(n.id) < len(t.unknown):
			pos = t.unknown[n.id]
		}
		dst = append(dst, Token{Surface: s[n.pos:n.end], POS: pos, Start: base + int(n.pos), End: base + int(n.end)})
	}
	return dst
}

// appendKagome is appendLattice with kagome's own lattice (the tests
// compare the two).
func (t *Tokenizer) appendKagome(dst []Token, s string, base int) []Token {
	if s == "" {
		return dst
	}
	la := lattice.New(t.d, nil)
	defer la.Free()
	la.Build(s)
	la.Forward(lattice.Normal)
	la.Backward(lattice.Normal)
	for i := len(la.Output) - 1; i >= 0; i-- {
		n := la.Output[i]
		if n.ID == lattice.BosEosID || n.Class == lattice.DUMMY || n.Surface == "" {
			continue
		}
		dst = append(dst, Token{Surface: n.Surface, POS: t.pos(n), Start: base + n.Position, End: base + n.Position + len(n.Surface)})
	}
	return dst
}

// pos returns the interned POS of a lattice node.
func (t *Tokenizer) pos(n *lattice.Node) []string {
	switch n.Class {
	case lattice.KNOWN:
		if n.ID >= 0 && n.ID < len(t.posOf) {
			return t.posList[t.posOf[n.ID]]
		}
	case lattice.UNKNOWN:
		if n.ID >= 0 && n.ID < len(t.unknown) {
			return t.unknown[n.ID]
		}
	}
	return nil
}

// Join returns the surfaces of s's tokens, lowercased and joined by single
// spaces, leaving out whitespace and punctuation-only tokens. It is the
// tokenization of the full-text indexes, for documents and queries alike.
func (t *Tokenizer) Join(s string) string {
	return JoinTokens(t.Tokens(s), len(s))
}

// JoinTokens is Join over tokens already made (size, the input's length,
// only sizes the buffer).
func JoinTokens(toks []Token, size int) string {
	var b strings.Builder
	b.Grow(size + size/4)
	for _, tok := range toks {
		if !hasWordRune(tok.Surface) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		writeLower(&b, tok.Surface)
	}
	return b.String()
}

// hasWordRune reports whether s holds a letter or a digit.
func hasWordRune(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return true
		}
	}
	return false
}

// writeLower writes s lowercased, dropping any inner whitespace so that a
// token never splits into two index terms.
func writeLower(b *strings.Builder, s string) {
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		if unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
}
