package demo_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/kozan-dev/kozan/demo"
)

func ExampleStart() {
	s, err := demo.Start(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	for _, src := range s.Sources() {
		base := s.URL(src.Name)
		trim := func(us []string) []string {
			var out []string
			for _, u := range us {
				out = append(out, strings.TrimPrefix(u, base))
			}
			return out
		}
		fmt.Println(src.Name, src.Lang, trim(src.Feeds), trim(src.Sitemaps), trim(src.StartURLs))
	}
	// Output:
	// demo-ja ja [/feed/] [] [/news/]
	// demo-en en [/feed.atom] [/sitemap.xml] []
}

func ExampleExpected() {
	deals, err := demo.Expected()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range deals[:3] {
		amount := "-"
		if d.Amount != nil {
			amount = fmt.Sprintf("%.0f %s", *d.Amount, d.Currency)
		}
		fmt.Printf("%s %s | %s | %s | %s\n", d.Site, d.Path, d.Company, d.Counterparty, amount)
	}
	fmt.Println(len(deals), "deals")
	// Output:
	// demo-ja /archives/1201/ | TeraWulf | Crusoe | 7400000000 USD
	// demo-ja /archives/1201/ | TeraWulf | Google | 1900000000 USD
	// demo-ja /archives/1201/ | TeraWulf | Google | -
	// 18 deals
}
