package deal_test

import (
	"fmt"

	"github.com/kozan-dev/kozan/extract/deal"
	"github.com/kozan-dev/kozan/extract/jtok"
	"github.com/kozan-dev/kozan/extract/money"
	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
)

func Example() {
	tok, err := jtok.New()
	if err != nil {
		panic(err)
	}
	gaz, err := org.Builtin()
	if err != nil {
		panic(err)
	}
	x, err := deal.New(deal.Config{Tokenizer: tok, Gazetteer: gaz,
		Money: money.New(money.Config{FXUSD: map[string]float64{"JPY": 0.0067}})})
	if err != nil {
		panic(err)
	}
	body := text.Normalize("採掘企業TeraWulfは、AIクラウドのFluidstackと10年間で３７億ドルのリース契約を締結した。同社の売上高は1億ドルだった。")
	res := x.Extract("", body)
	for _, d := range res.Deals {
		fmt.Printf("%s / %s / %s / %s / %g years\n", d.Company, d.Counterparty, d.Kind, d.Amount.Text, *d.TermYears)
	}
	fmt.Println(len(res.Amounts), "amounts")
	// Output:
	// TeraWulf / Fluidstack / lease / 37億ドル / 10 years
	// 2 amounts
}
