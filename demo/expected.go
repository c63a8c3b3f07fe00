package demo

import (
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/kozan-dev/kozan/pipeline"
)

//go:embed expected.json
var expectedJSON []byte

// ExpectedDeal is one deal a demo article reports: the answer key a reviewer
// would want exported from that page.
type ExpectedDeal struct {
	Site         string              `json:"site"`         // SiteJA or SiteEN (the source name)
	Path         string              `json:"path"`         // article path on the site; the URL is Server.URL(Site) + Path
	Company      string              `json:"company"`      // canonical name
	Counterparty pipeline.NullString `json:"counterparty"` // canonical name, "" (null) when the article names none
	Amount       *float64            `json:"amount"`       // in Currency units, nil (null) when the article states none
	Currency     string              `json:"currency"`     // ISO 4217, "" (null) when Amount is nil
	Approx       bool                `json:"approx"`       // stated as approximate (約, about)
	Qualifier    string              `json:"qualifier"`    // "", about, over, under, up_to
	Kind         pipeline.Kind       `json:"kind"`         //
	TermYears    *float64            `json:"term_years"`   // contract term when stated
	AmountText   string              `json:"amount_text"`  // the amount as the page writes it ("" when none)
	Evidence     string              `json:"evidence"`     // a fragment of the article text stating the deal; contains AmountText
	Same         string              `json:"same"`         // a key shared with the same deal reported on the other site, else ""
}

// NonDeal is a figure a demo article states that is not a deal (revenue,
// market value, a sum over companies, a price): extracting it as a deal is a
// false positive.
type NonDeal struct {
	Site       string  `json:"site"`
	Path       string  `json:"path"`
	Amount     float64 `json:"amount"`
	Currency   string  `json:"currency"`
	AmountText string  `json:"amount_text"` // as the page writes it
	Why        string  `json:"why"`
}

type answerKey struct {
	About    string         `json:"about"`
	Deals    []ExpectedDeal `json:"deals"`
	NotDeals []NonDeal      `json:"not_deals"`
}

func loadKey() (answerKey, error) {
	var k answerKey
	if err := json.Unmarshal(expectedJSON, &k); err != nil {
		return answerKey{}, fmt.Errorf("demo: expected.json: %w", err)
	}
	return k, nil
}

// Expected returns the answer key: every deal the demo articles contain, in
// site and article order.
func Expected() ([]ExpectedDeal, error) {
	k, err := loadKey()
	if err != nil {
		return nil, err
	}
	return k.Deals, nil
}

// NotDeals returns the money figures in the demo articles that are not deals.
func NotDeals() ([]NonDeal, error) {
	k, err := loadKey()
	if err != nil {
		return nil, err
	}
	return k.NotDeals, nil
}
