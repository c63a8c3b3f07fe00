package pipeline

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDealIDStableAndDistinct(t *testing.T) {
	base := Deal{Company: "IREN", Counterparty: "Microsoft", Kind: KindHPCContract, Amount: &Amount{Value: 9.7e9, Currency: "USD"}}
	same := base
	same.Evidence = "different sentence, same deal"
	same.Confidence = 0.5
	if DealID("a1", base) != DealID("a1", same) {
		t.Error("evidence and confidence must not change the deal ID")
	}
	variants := map[string]Deal{}
	v := base
	v.Counterparty = ""
	variants["no counterparty"] = v
	v = base
	v.Amount = &Amount{Value: 9.7e9, Currency: "JPY"}
	variants["currency"] = v
	v = base
	v.Kind = KindLease
	variants["kind"] = v
	v = base
	v.Amount = nil
	variants["no amount"] = v
	for name, d := range variants {
		if DealID("a1", d) == DealID("a1", base) {
			t.Errorf("%s: same ID as base", name)
		}
	}
	if DealID("a2", base) == DealID("a1", base) {
		t.Error("article ID must be part of the deal ID")
	}
	if len(ArticleID("https://example.com/a")) != 64 {
		t.Error("article ID is not a hex sha256")
	}
}

func TestDealJSONContract(t *testing.T) {
	d := Deal{Company: "Hut 8", Kind: KindHPCContract, Amount: &Amount{Value: 7e9, Currency: "USD"}}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"counterparty":null`, `"term_years":null`, `"capacity_mw":null`, `"kind":"hpc_contract"`, `"evidence_span":[0,0]`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %s", b, want)
		}
	}
	d.Counterparty = "Google"
	d.Amount = nil
	b, _ = json.Marshal(d)
	if !strings.Contains(string(b), `"counterparty":"Google"`) || !strings.Contains(string(b), `"amount":null`) {
		t.Errorf("got %s", b)
	}
	var back Deal
	if err := json.Unmarshal(b, &back); err != nil || back.Counterparty != "Google" {
		t.Errorf("round trip: %v %+v", err, back)
	}
	if !KindBackstop.Valid() || Kind("loan").Valid() {
		t.Error("Kind.Valid is wrong")
	}
}
