package money_test

import (
	"fmt"

	"github.com/kozan-dev/kozan/extract/money"
	"github.com/kozan-dev/kozan/extract/text"
)

func ExampleParser_Find() {
	p := money.New(money.Config{FXUSD: map[string]float64{"JPY": 0.0067}})
	s := text.Normalize("同社は約９６００万ドルを調達し、２００億円の融資枠と最大$8.7 billionの契約を得た。")
	for _, a := range p.Find(s) {
		fmt.Printf("%s: %.0f %s qualifier=%q approx=%v usd=%.0f\n", a.Text, a.Value, a.Currency, a.Qualifier, a.Approx, *a.USD)
	}
	// Output:
	// 約9600万ドル: 96000000 USD qualifier="about" approx=true usd=96000000
	// 200億円: 20000000000 JPY qualifier="" approx=false usd=134000000
	// 最大$8.7 billion: 8700000000 USD qualifier="up_to" approx=false usd=8700000000
}

func ExampleParser_Parse() {
	p := money.New(money.Config{})
	a, ok := p.Parse("$8-10 million")
	fmt.Println(ok, a.Value, a.Max, a.Currency, a.Approx)
	// Output: true 8e+06 1e+07 USD true
}
