package deal

import (
	"testing"

	"github.com/kozan-dev/kozan/extract/org"
)

func TestTitleCase(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Galaxy to Buy Texas Miner Brazos Hash in $1.4bn All-Stock Deal", true},
		{"Prairie Volt lands Oracle as first AI tenant at Ellendale", false},
		{"Helix Signs Lease", true},
		{"ハイブ、3,000万ドルを調達", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := titleCase(tt.in); got != tt.want {
				t.Errorf("titleCase(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestTruecaseFix(t *testing.T) {
	x := newExtractor(t)
	body := "Helix Digital Inc. agreed to acquire Copperline Hash Corp., which runs 300 MW in the Permian Basin. " +
		"Annual rent starts at $60 million. Quanta said it would join. The deal includes Zephyr as a partner."
	d := x.analyze(body, nil)
	tc := newTruecase(body, d.mentions)
	tests := []struct {
		name              string
		text              string
		initial, headline bool
		want              string // "" when the candidate is dropped
	}{
		{"sentence-start common word", "Annual", true, false, ""},
		{"sentence-start name used mid-sentence", "Zephyr", true, false, "Zephyr"},
		{"sentence-start name never used mid-sentence", "Quanta", true, false, ""},
		{"company suffix keeps the word", "Annual Capital Partners", true, false, "Annual Capital Partners"},
		{"mid-sentence candidate untouched", "Annual", false, false, "Annual"},
		{"headline holds a body name", "Permian Miner Copperline Hash", false, true, "Copperline Hash"},
		{"headline words without evidence dropped", "Bold Zephyr", false, true, "Zephyr"},
		{"headline first word of a body name", "Helix", false, true, "Helix"},
		{"known name kept", "Microsoft", true, false, "Microsoft"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := org.Mention{Name: tt.text, Text: tt.text, Span: [2]int{0, len(tt.text)}}
			got, ok := tc.fix(x, tt.text, m, tt.initial, tt.headline)
			if !ok {
				got.Name = ""
			}
			if got.Name != tt.want {
				t.Errorf("fix(%q) = %q, want %q", tt.text, got.Name, tt.want)
			}
		})
	}
}
