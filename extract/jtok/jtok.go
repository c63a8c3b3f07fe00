package jtok

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ikawaha/kagome-dict/dict"
	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"
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
	kt      *tokenizer.Tokenizer
	d       *dict.Dict
	known   map[uint64][]string // packed POS ids -> interned names
	unknown [][]string          // unknown-word id -> POS
}

// New builds the tokenizer. The dictionary is loaded once per process.
func New() (*Tokenizer, error) {
	d := ipa.Dict()
	kt, err := tokenizer.New(d, tokenizer.OmitBosEos())
	if err != nil {
		return nil, fmt.Errorf("new kagome tokenizer: %w", err)
	}
	t := &Tokenizer{kt: kt, d: d, known: make(map[uint64][]string)}
	for _, p := range d.POSTable.POSs {
		k := packPOS(p)
		if _, ok := t.known[k]; ok {
			continue
		}
		names := make([]string, len(p))
		for i, id := range p {
			names[i] = d.POSTable.NameList[id]
		}
		t.known[k] = names
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
	if s == "" {
		return nil
	}
	kts := t.kt.Analyze(s, tokenizer.Normal)
	out := make([]Token, 0, len(kts))
	for _, k := range kts {
		if k.Class == tokenizer.DUMMY || k.Surface == "" {
			continue
		}
		out = append(out, Token{Surface: k.Surface, POS: t.pos(k), Start: k.Position, End: k.Position + len(k.Surface)})
	}
	return out
}

func (t *Tokenizer) pos(k tokenizer.Token) []string {
	switch k.Class {
	case tokenizer.KNOWN:
		if k.ID >= 0 && k.ID < len(t.d.POSTable.POSs) {
			return t.known[packPOS(t.d.POSTable.POSs[k.ID])]
		}
	case tokenizer.UNKNOWN:
		if k.ID >= 0 && k.ID < len(t.unknown) {
			return t.unknown[k.ID]
		}
	default:
		return k.POS()
	}
	return nil
}

// Join returns the surfaces of s's tokens, lowercased and joined by single
// spaces, leaving out whitespace and punctuation-only tokens. It is the
// tokenization of the full-text indexes, for documents and queries alike.
func (t *Tokenizer) Join(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	for _, tok := range t.Tokens(s) {
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
