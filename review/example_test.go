package review_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/kozan-dev/kozan/pipeline"
	"github.com/kozan-dev/kozan/review"
)

func ExampleNormalizeStatus() {
	for _, s := range []string{"Approved", "却下", "保留", "maybe"} {
		st, ok := review.NormalizeStatus(s)
		fmt.Printf("%s → %q %v\n", s, st, ok)
	}
	// Output:
	// Approved → "approved" true
	// 却下 → "rejected" true
	// 保留 → "pending" true
	// maybe → "" false
}

func ExampleImportCSV() {
	file := "id,status,note,reviewer\n" +
		strings.Repeat("ab", 32) + ",承認,checked the filing,ken\n" +
		strings.Repeat("cd", 32) + ",aproved,,\n"
	_, err := review.ImportCSV(strings.NewReader(file))
	fmt.Println(err)
	// Output:
	// 1 problem, nothing imported:
	//   row 3, column "status": "aproved" is not one of approved, rejected, pending, 承認, 却下, 保留
}

func ExampleExport() {
	deals := []pipeline.DealRecord{{
		Deal: pipeline.Deal{Company: "Hut 8", Counterparty: "Northwind Cloud", Kind: pipeline.KindHosting,
			Evidence: "=looks like a formula", Confidence: 0.9},
		ID: strings.Repeat("ef", 32),
	}}
	each := func(fn func(pipeline.DealRecord) error) error {
		for _, d := range deals {
			if err := fn(d); err != nil {
				return err
			}
		}
		return nil
	}
	n, err := review.Export(context.Background(), os.Stdout, "jsonl", each)
	fmt.Println(n, err)
	// Output:
	// {"company":"Hut 8","counterparty":"Northwind Cloud","kind":"hosting","amount":null,"term_years":null,"capacity_mw":null,"evidence":"=looks like a formula","evidence_span":[0,0],"confidence":0.9,"id":"efefefefefefefefefefefefefefefefefefefefefefefefefefefefefefefef","article_id":"","url":"","title":"","source":"","lang":"","published_at":null,"extracted_at":"0001-01-01T00:00:00Z","review":{"status":"pending","note":"","reviewer":"","reviewed_at":null}}
	// 1 <nil>
}
