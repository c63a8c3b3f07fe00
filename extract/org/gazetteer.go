package org

import (
	"crypto/sha256"
	_ "embed"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

//go:embed companies.yaml
var builtinYAML []byte

// Roles of gazetteer entries.
const (
	RoleMiner    = "miner"    // a bitcoin miner or miner-turned-datacenter operator
	RoleNeocloud = "neocloud" // a data-center operator or GPU cloud
)

// Entry is one company of the gazetteer file.
type Entry struct {
	Name    string   `yaml:"name"`    // canonical name
	Aliases []string `yaml:"aliases"` // other names, any script
	Tickers []string `yaml:"tickers"` // stock tickers, exact case
	Role    string   `yaml:"role"`    // miner, hyperscaler, ai, neocloud, investor, lender, vendor, utility, exchange, other
}

// pattern is one alias compiled for matching.
type pattern struct {
	key    []rune // folded, ignorable runes removed
	raw    []rune // original case, ignorable runes removed
	caps   []bool // raw rune must be upper case in the text
	exact  bool   // whole alias must match in exact case
	entry  int
	latinA bool // first rune is a Latin letter or digit
	latinZ bool // last rune is a Latin letter or digit
	kanaA  bool // first rune is katakana
	kanaZ  bool // last rune is katakana
}

// Gazetteer is a set of known companies. It is safe for concurrent use once
// loaded; LoadFile must not run concurrently with Find.
type Gazetteer struct {
	entries []Entry
	byFirst map[[2]rune][]pattern // folded first two runes (second 0 for one-rune keys) -> patterns, longest first
	keys    map[string]int        // folded key -> entry
	first   []uint64              // bit set of the folded first runes of keys below firstBits
	runes   sync.Pool             // *[]runeInfo buffers of findKnown
}

// firstBits bounds the runes of the first-rune bit set (the Basic
// Multilingual Plane); keys starting above it are always looked up.
const firstBits = 0x10000

// BuiltinDigest is the SHA-256 of the embedded company list.
func BuiltinDigest() [32]byte { return sha256.Sum256(builtinYAML) }

// Builtin returns a gazetteer loaded with the embedded company list.
func Builtin() (*Gazetteer, error) {
	g := &Gazetteer{byFirst: make(map[[2]rune][]pattern), keys: make(map[string]int)}
	if err := g.load(builtinYAML); err != nil {
		return nil, fmt.Errorf("builtin gazetteer: %w", err)
	}
	return g, nil
}

// LoadFile adds the companies of a YAML file in the built-in format. An
// entry whose name is already known adds its aliases to that company.
func (g *Gazetteer) LoadFile(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read gazetteer: %w", err)
	}
	if err := g.load(b); err != nil {
		return fmt.Errorf("gazetteer %s: %w", path, err)
	}
	return nil
}

func (g *Gazetteer) load(b []byte) error {
	var es []Entry
	if err := yaml.Unmarshal(b, &es); err != nil {
		return fmt.Errorf("parse: %w", err)
	}
	if g.byFirst == nil {
		g.byFirst = make(map[[2]rune][]pattern)
		g.keys = make(map[string]int)
	}
	for i, e := range es {
		e.Name = strings.TrimSpace(e.Name)
		if e.Name == "" {
			return fmt.Errorf("entry %d: empty name", i+1)
		}
		idx, ok := g.keys[foldKey(e.Name)]
		if !ok || g.entries[idx].Name != e.Name {
			idx = len(g.entries)
			g.entries = append(g.entries, Entry{Name: e.Name, Role: e.Role})
			g.add(idx, e.Name, false)
		}
		for _, a := range e.Aliases {
			g.add(idx, a, false)
		}
		for _, t := range e.Tickers {
			g.add(idx, t, true)
		}
		ent := &g.entries[idx]
		ent.Aliases = append(ent.Aliases, e.Aliases...)
		ent.Tickers = append(ent.Tickers, e.Tickers...)
		if e.Role != "" {
			ent.Role = e.Role
		}
	}
	for r := range g.byFirst {
		ps := g.byFirst[r]
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].key) > len(ps[j].key) })
	}
	return nil
}

// add compiles one alias of entry idx.
func (g *Gazetteer) add(idx int, alias string, ticker bool) {
	alias = strings.TrimSpace(alias)
	if alias == "" {
		return
	}
	var p pattern
	p.entry = idx
	wordStart := true
	letters, upper := 0, 0
	for _, r := range alias {
		if ignorable(r) {
			wordStart = true
			continue
		}
		if unicode.IsLetter(r) && r < 0x3000 {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
		p.key = append(p.key, fold(r))
		p.raw = append(p.raw, r)
		p.caps = append(p.caps, unicode.IsUpper(r) && (wordStart || len(p.raw) == 1))
		wordStart = false
	}
	if len(p.key) == 0 {
		return
	}
	p.exact = ticker || (letters >= 2 && upper == letters) || letters == 1
	p.latinA, p.latinZ = isLatin(p.raw[0]), isLatin(p.raw[len(p.raw)-1])
	p.kanaA, p.kanaZ = isKana(p.raw[0]), isKana(p.raw[len(p.raw)-1])
	k := string(p.key)
	if _, ok := g.keys[k]; !ok || !ticker {
		if _, dup := g.keys[k]; !dup {
			g.keys[k] = idx
		}
	}
	if r := p.key[0]; r >= 0 && r < firstBits {
		if g.first == nil {
			g.first = make([]uint64, firstBits/64)
		}
		g.first[r>>6] |= 1 << (uint(r) & 63)
	}
	head := [2]rune{p.key[0], 0}
	if len(p.key) > 1 {
		head[1] = p.key[1]
	}
	for _, q := range g.byFirst[head] {
		if q.entry == idx && string(q.raw) == string(p.raw) {
			return
		}
	}
	g.byFirst[head] = append(g.byFirst[head], p)
}

// Canonical returns the canonical name for any alias, ticker or spelling of
// a known company (matched on the folded key), and whether it is known.
func (g *Gazetteer) Canonical(name string) (string, bool) {
	if i, ok := g.keys[foldKey(name)]; ok {
		return g.entries[i].Name, true
	}
	return strings.TrimSpace(name), false
}

// Names returns every name of the company any name of it stands for: its
// canonical name, aliases and tickers (nil when unknown). Deals carry the
// name their article writes (among these), so a search by company looks
// for all of them.
func (g *Gazetteer) Names(name string) []string {
	i, ok := g.keys[foldKey(name)]
	if !ok {
		return nil
	}
	e := g.entries[i]
	return append(append([]string{e.Name}, e.Aliases...), e.Tickers...)
}

// Spelling returns the list's own spelling of name — the canonical name,
// alias or ticker that folds to the same key ("CipherDigital", "Cleanspark"
// → "Cipher Digital", "CleanSpark") — or name when the list has none.
func (g *Gazetteer) Spelling(name string) string {
	k := foldKey(name)
	for _, n := range g.Names(name) {
		if foldKey(n) == k {
			return n
		}
	}
	return name
}

// Role returns the role of a canonical name ("" when unknown).
func (g *Gazetteer) Role(canonical string) string {
	if i, ok := g.keys[foldKey(canonical)]; ok {
		return g.entries[i].Role
	}
	return ""
}

// Len returns the number of companies.
func (g *Gazetteer) Len() int { return len(g.entries) }

// foldKey is the matching key of a name: folded, ignorable runes removed.
func foldKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if !ignorable(r) {
			b.WriteRune(fold(r))
		}
	}
	return b.String()
}

// ignorable runes are skipped by the matching key.
func ignorable(r rune) bool {
	switch r {
	case ' ', '\u00a0', '\t', '・', '･', '-', '‐', '‑', '.', '_':
		return true
	}
	return false
}

func fold(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case r >= 0x3000 && r < 0xA640:
		// CJK, kana and their punctuation have no case; katakana spellings
		// of one foreign name vary in a voiced mark and a small vowel
		// (ビットファームズ/ビットファームス, ヴァンテージ/バンテージ,
		// コアウィーブ/コアウイーブ): they fold together.
		switch r {
		case 'ズ':
			return 'ス'
		case 'ヴ':
			return 'ブ'
		case 'ィ':
			return 'イ'
		case 'ェ':
			return 'エ'
		}
		return r
	case r == '’' || r == 'ʼ':
		return '\'' // "Ontario Teachers’ Pension Plan" is the list's "Ontario Teachers' Pension Plan"
	}
	return unicode.ToLower(r)
}

// isLatin reports an ASCII-range letter or digit (after NFKC).
func isLatin(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= 0xC0 && r < 0x250 && unicode.IsLetter(r)
}

// isKana reports katakana (with the prolonged sound mark).
func isKana(r rune) bool {
	return r >= 0x30A1 && r <= 0x30FA || r == 'ー' || r == 0x30FD || r == 0x30FE
}
