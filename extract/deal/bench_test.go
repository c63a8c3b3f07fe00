package deal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"

	"github.com/kozan-dev/kozan/extract/text"
)

// benchText is the seed article when present, else the Japanese corpus
// concatenated to about 26 KB.
func benchText(b *testing.B) string {
	b.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seed", "000_b2387dff09af2a47.txt"))
	if err == nil {
		return text.Normalize(string(raw))
	}
	cb, err := os.ReadFile(filepath.Join("testdata", "corpus_ja.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for sb.Len() < 26000 {
		sb.Write(cb)
	}
	return text.Normalize(sb.String())
}

// BenchmarkExtractJA measures tokenize + rules on a 26 KB Japanese
// article. Compare with BenchmarkKagomeBare (issue 12's target: at most
// 0.6×, not reached). Measured on the seed, test binaries of before and
// after run alternately, 6 times each, on a shared 2-core machine:
// median 7.5 ms (7.2–7.9) against kagome's 8.1 ms (7.7–8.7), about 0.92×
// (before this round 8.9 ms against 8.2 ms, about 1.1×; before the round
// before, 11.8–14.4 ms against 8.2–9.1 ms, about 1.5×). The rule work that
// followed brought it to 8.2–8.9 ms against 8.2–10.2 ms, 0.9–1.0× (-count 4,
// the machine busier). kagome reads only
// the sentences the rules need (69% of the seed: its sentences hold
// amounts, deal words or companies) through jtok's own lattice
// (BenchmarkTokensSeed: the seed whole in about 2.8 ms); that is about 30%
// of the cost. The organisation finder (extract/org, about 11%) and the
// rules the rest, spread over many small text tests: no single function
// of them takes more than 7%.
func BenchmarkExtractJA(b *testing.B) {
	x := newExtractor(b)
	s := benchText(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for b.Loop() {
		x.Extract("", s)
	}
}

// BenchmarkKagomeBare is kagome's bare tokenization of the same text.
func BenchmarkKagomeBare(b *testing.B) {
	kt, err := tokenizer.New(ipa.Dict(), tokenizer.OmitBosEos())
	if err != nil {
		b.Fatal(err)
	}
	s := benchText(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for b.Loop() {
		kt.Tokenize(s)
	}
}
