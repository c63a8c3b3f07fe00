package deal

import (
	"strings"
	"testing"

	"github.com/kozan-dev/kozan/extract/text"
)

// TestWriteExplanation: the account names each sentence's organisations,
// figures, the vetoes with their rules, the data rules that fired, the
// candidates dropped with the reason, and the deals with their rules;
// sentences where nothing happened are left out.
func TestWriteExplanation(t *testing.T) {
	x := newExtractor(t)
	txt := text.Normalize("Riot Platforms signed a lease with Bluepeak Compute Inc. The weather was fine. " +
		"According to Bloomberg, the lease is worth $2 billion. Needham set a $4.00 price target.")
	var b strings.Builder
	if err := WriteExplanation(&b, txt, x.Extract("", txt)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"names    Riot Platforms, Bluepeak Compute (not in the company list)",
		`veto     party "Bloomberg" by en.party.source`,
		`veto     figure "$4.00" by en.figure.price_target`,
		"rule     data:en.deal.lease_with made Riot Platforms | Bluepeak Compute",
		"dropped  ",
		// The lease and its worth, told two sentences apart, are one deal.
		"DEAL     Riot Platforms | Bluepeak Compute | 2000000000 USD | lease [joined+",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("explanation lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "weather") {
		t.Errorf("a sentence where nothing happened is printed:\n%s", out)
	}
}
