package sqlite

import (
	"strings"
	"testing"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

func TestSameDeal(t *testing.T) {
	jan10 := time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)
	jpy := func(v float64) *pipeline.Amount { return &pipeline.Amount{Value: v, Currency: "JPY"} }
	noUSD := func(v float64, cur string) *pipeline.Amount { return &pipeline.Amount{Value: v, Currency: cur} }
	deal := func(company, counterparty string, kind pipeline.Kind, a *pipeline.Amount) pipeline.Deal {
		return pipeline.Deal{Company: company, Counterparty: pipeline.NullString(counterparty), Kind: kind, Amount: a}
	}
	iren := deal("IREN", "Microsoft", pipeline.KindHPCContract, usd(3.7e9, "$3.7 billion"))
	tests := []struct {
		name   string
		a, b   pipeline.Deal
		gap    time.Duration
		want   bool
		reason string // a substring of the reason
	}{
		{"same report in two languages", iren, deal("IREN", "Microsoft", pipeline.KindHPCContract, usd(3.7e9, "約37億ドル")), 24 * time.Hour, true, "same parties"},
		{"parties in the other order", iren, deal("Microsoft", "IREN", pipeline.KindHPCContract, usd(3.7e9, "")), 0, true, "same parties"},
		{"party names differ in case", iren, deal("iren", "MICROSOFT", pipeline.KindHPCContract, usd(3.7e9, "")), 0, true, ""},
		{"amounts within 5%", iren, deal("IREN", "Microsoft", pipeline.KindHPCContract, usd(3.6e9, "")), 0, true, "within 5%"},
		{"different amounts never merge", iren, deal("IREN", "Microsoft", pipeline.KindHPCContract, usd(9.7e9, "")), 0, false, "different amounts"},
		{"just outside 5%", iren, deal("IREN", "Microsoft", pipeline.KindHPCContract, usd(3.5e9, "")), 0, false, "different amounts"},
		{"one amount missing", iren, deal("IREN", "Microsoft", pipeline.KindHPCContract, nil), 0, true, "one amount missing"},
		{"missing counterparty on one side", iren, deal("IREN", "", pipeline.KindHPCContract, nil), 0, true, "counterparty missing"},
		{"missing counterparty, company is the other's counterparty", deal("Microsoft", "", pipeline.KindHPCContract, nil), iren, 0, true, ""},
		{"missing counterparty, unrelated company", iren, deal("Cipher Mining", "", pipeline.KindHPCContract, nil), 0, false, "different parties"},
		{"different counterparty", iren, deal("IREN", "Amazon", pipeline.KindHPCContract, usd(3.7e9, "")), 0, false, "different parties"},
		{"kind other matches", iren, deal("IREN", "Microsoft", pipeline.KindOther, usd(3.7e9, "")), 0, true, "one is other"},
		{"different kinds, same amount", iren, deal("IREN", "Microsoft", pipeline.KindLease, usd(3.7e9, "")), 0, true, "same amount"},
		{"different kinds, one amount missing", iren, deal("IREN", "Microsoft", pipeline.KindPartnership, nil), 0, false, "different kinds"},
		{"29 days apart", iren, iren, 29 * 24 * time.Hour, true, "29 days"},
		{"31 days apart", iren, iren, -31 * 24 * time.Hour, false, "31 days"},
		{"same currency without USD", deal("Hut 8", "Anthropic", pipeline.KindLease, jpy(5e11)), deal("Hut 8", "Anthropic", pipeline.KindLease, jpy(5.1e11)), 0, true, "JPY"},
		{"different currencies without USD", deal("Hut 8", "Anthropic", pipeline.KindLease, jpy(5e11)), deal("Hut 8", "Anthropic", pipeline.KindLease, noUSD(3e9, "EUR")), 0, false, "cannot be compared"},
		{"no company", deal("", "Microsoft", pipeline.KindOther, nil), deal("", "Microsoft", pipeline.KindOther, nil), 0, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, reason := SameDeal(tc.a, tc.b, jan10, jan10.Add(tc.gap))
			if got != tc.want || !strings.Contains(reason, tc.reason) {
				t.Errorf("SameDeal = %v, %q; want %v, reason containing %q", got, reason, tc.want, tc.reason)
			}
			if back, _ := SameDeal(tc.b, tc.a, jan10.Add(tc.gap), jan10); back != got {
				t.Errorf("SameDeal is not symmetric: %v one way, %v the other", got, back)
			}
		})
	}
}
