package extract

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Big news-like pages for the scaling benchmark and test. Every sentence is
// made here from templates of our own: companies the gazetteer knows and
// names it does not, amounts in many forms, deal words and the figures
// that are no deals (revenue, market value), with headings, lists and
// tables between the paragraphs, as long reports and live blogs have.

var (
	bigKnownJA   = []string{"マイクロソフト", "コアウィーブ", "テラウルフ", "アイリス・エナジー", "グーグル", "アマゾン", "ギャラクシー・デジタル", "クルーソー", "ハット8", "ビットファームズ"}
	bigUnknownJA = []string{"北辰マイニング株式会社", "東邦データ基盤", "株式会社みなと計算機", "グリッドノヴァ", "サクラ電算ホールディングス", "青葉キャピタル", "株式会社東北みらい銀行", "ホクセイ・コンピュート"}
	bigPlacesJA  = []string{"北海道", "青森県", "テキサス州", "ノルウェー", "石狩市", "福島県"}
	bigAmountsJA = []string{"12億ドル", "約３５０億円", "1,200万ドル", "5億5000万ドル", "８０億円", "US$3.2 billion", "150百万円", "2兆円"}

	bigKnownEN   = []string{"Microsoft", "CoreWeave", "TeraWulf", "IREN", "Google", "Amazon Web Services", "Galaxy Digital", "Crusoe", "Hut 8", "Bitfarms", "Fluidstack", "Nebius"}
	bigUnknownEN = []string{"Granite Hash Inc.", "Northwind Compute LLC", "Bluefield Power Corp.", "Aster Ridge Capital", "Copperline Data Holdings", "Vantor Grid Ltd.", "Solace Mining AS", "Harbor Lights Energy"}
	bigPlacesEN  = []string{"Texas", "North Dakota", "Quebec", "Norway", "Ohio", "Paraguay"}
	bigAmountsEN = []string{"$1.2 billion", "US$350 million", "$48.5 million", "€90 million", "USD 2.1 billion", "$700,000", "C$45 million", "£12.5 million"}
)

var bigTemplatesJA = []string{
	"%[1]sは%[7]d日、%[2]sと%[3]sの拠点で%[6]d年間の計算能力提供契約を結んだと発表した。契約総額は%[4]s。",
	"%[1]sは%[2]sから%[4]sを調達し、%[3]sに新しいデータセンターを建設する。",
	"同社は%[2]sとの間で、最大%[8]dメガワットの電力供給に関する覚書を締結した。",
	"%[1]sの%[9]d年12月期の売上高は%[4]sで、前年比%[7]d％増えた。",
	"%[2]sは%[1]sに%[4]sを出資し、株式の%[7]d％を取得する。",
	"%[1]sによると、%[3]sの施設は来年春に稼働する予定で、地元の雇用は%[8]d人を見込む。",
	"市場では、%[1]sの時価総額が%[5]sに達したとの見方もある。",
	"%[1]sは%[2]sを%[4]sで買収することで合意したと明らかにした。",
	"関係者によれば、交渉は数か月前から続いており、%[2]sの取締役会が今週承認した。",
	"%[3]sでは再生可能エネルギーの比率が高く、冷却にかかる費用が抑えられるという。",
	"%[1]sは%[2]sと%[6]d年間のリース契約を結び、年間の賃料収入は%[5]sになる見通しだ。",
	"同社の株価は前日比%[7]d％高の%[8]d円で取引を終えた。",
	"AIスタートアップ「ネクサラAI」と%[1]sは、%[3]sで%[6]d年間のGPUホスティング契約を結んだ。",
	"%[2]sが運用するファンドから%[4]sの融資を受けることで合意した。",
	"ルミナ・ラボ(Lumina Labs)と%[1]sは共同で%[4]sを投じ、%[3]sに拠点を設ける。",
	"1株あたり%[8]d円で、%[2]sに第三者割当増資を実施し、%[4]sを調達する。",
	// Document-level names: a short name defined in brackets, a name
	// described as an organisation once.
	"小売電気事業者のソーラーパワー%[8]d(以下「SP%[8]d」)は先月、SP%[8]dが%[2]sと%[4]sの融資契約を結んだと発表した。",
}

var bigTemplatesEN = []string{
	"%[1]s said on Monday it had signed a %[6]d-year lease with %[2]s for %[8]d MW at its %[3]s campus, worth about %[4]s.",
	"%[2]s will invest %[4]s in %[1]s for a %[7]d%% stake, the companies said in a joint statement.",
	"Revenue for the quarter was %[5]s, up %[7]d%% from a year earlier, while the company's market capitalization stood near %[4]s.",
	"%[1]s agreed to acquire %[2]s for %[4]s in cash and stock, subject to regulatory approval.",
	"According to people familiar with the matter, talks between %[1]s and %[2]s began last spring.",
	"The %[3]s site draws on hydro power, which keeps cooling costs low, executives said.",
	"%[1]s secured a %[4]s credit facility from %[2]s to fund the build-out of %[8]d megawatts of capacity.",
	"Shares of %[1]s rose %[7]d%% to $%[8]d.%[6]d in early trading.",
	"%[2]s, which already hosts GPUs for %[1]s in %[3]s, expects to deliver the first halls by the end of %[9]d.",
	"The agreement includes two five-year extension options that could lift its total value to %[5]s.",
	"Analysts at several banks said the deal values %[2]s at roughly %[4]s, including debt.",
	"%[1]s did not disclose the financial terms of its memorandum of understanding with %[2]s.",
	"Zorvia Technologies, Inc. (NASDAQ: ZRV) (\u201cZorvia\u201d or the \u201cCompany\u201d) said Zorvia will host %[8]d MW for %[2]s under a %[4]s contract.",
	"The company ended the quarter with %[5]s in cash and cash equivalents and paid %[4]s in cash and stock for the %[3]s site.",
	"The Northern Bank for Power and Development (NBPD) lent %[4]s to %[1]s, which bought the land from %[2]s.",
	"%[1]s will pay $%[7]d.%[6]d per share, or %[4]s in total, to buy %[2]s.",
	"%[1]s increased the contract with %[2]s from %[5]s to %[4]s and agreed to buy Nvidia GB300 systems from Dell.",
}

// bigArticle writes paragraphs of news-like text until b holds about size
// more bytes. html wraps the text in paragraphs, headings, lists and
// tables; otherwise the text is plain, one paragraph per line.
func bigArticle(b *strings.Builder, size int, ja, html bool, r *rand.Rand) {
	known, unknown, places, amounts, tmpls := bigKnownEN, bigUnknownEN, bigPlacesEN, bigAmountsEN, bigTemplatesEN
	if ja {
		known, unknown, places, amounts, tmpls = bigKnownJA, bigUnknownJA, bigPlacesJA, bigAmountsJA, bigTemplatesJA
	}
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	party := func() string {
		if r.IntN(3) == 0 {
			return pick(unknown)
		}
		return pick(known)
	}
	sentence := func() string {
		return fmt.Sprintf(pick(tmpls), party(), party(), pick(places), pick(amounts), pick(amounts),
			2+r.IntN(14), 1+r.IntN(28), 10+r.IntN(490), 2025+r.IntN(4))
	}
	start := b.Len()
	for para := 0; b.Len()-start < size; para++ {
		n := 2 + r.IntN(5)
		var p strings.Builder
		for i := 0; i < n; i++ {
			if i > 0 && !ja {
				p.WriteByte(' ')
			}
			p.WriteString(sentence())
		}
		if !html {
			b.WriteString(p.String())
			b.WriteString("\n\n")
			continue
		}
		switch {
		case para%12 == 5:
			fmt.Fprintf(b, "<h2>%s</h2>\n", strings.TrimRight(sentence(), "。."))
		case para%17 == 8:
			b.WriteString("<ul>\n")
			for i := 0; i < 4; i++ {
				fmt.Fprintf(b, "<li>%s</li>\n", sentence())
			}
			b.WriteString("</ul>\n")
		case para%23 == 11:
			b.WriteString("<table><tr><th>Company</th><th>MW</th><th>Value</th></tr>\n")
			for i := 0; i < 5; i++ {
				fmt.Fprintf(b, "<tr><td>%s</td><td>%d</td><td>%s</td></tr>\n", party(), 10+r.IntN(490), pick(amounts))
			}
			b.WriteString("</table>\n")
		}
		fmt.Fprintf(b, "<p>%s</p>\n", p.String())
	}
}

// bigPage returns an HTML news page of about size bytes, Japanese or
// English: a head with scripts, a menu, the article and a footer.
func bigPage(size int, ja bool, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 7))
	var b strings.Builder
	b.Grow(size + 4096)
	lang, title := "en", "Miner signs AI hosting lease as capacity race heats up"
	if ja {
		lang, title = "ja", "北辰マイニング、AIデータセンターで大型契約"
	}
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="%s"><head><meta charset="utf-8"><title>%s | Ledger</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="2026-02-17T13:45:00Z">
<script>window.dataLayer=window.dataLayer||[];</script></head><body><header><nav><ul>`, lang, title)
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&b, `<li><a href="/section/%d/">Section %d</a></li>`, i, i)
	}
	fmt.Fprintf(&b, "</ul></nav></header><main><article><h1>%s</h1><div class=\"entry-content\">\n", title)
	bigArticle(&b, size-b.Len()-200, ja, true, r)
	b.WriteString("</div></article></main><footer>© Ledger</footer></body></html>\n")
	return []byte(b.String())
}

// bigText returns plain article text of about size bytes.
func bigText(size int, ja bool, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 11))
	var b strings.Builder
	b.Grow(size + 1024)
	bigArticle(&b, size, ja, false, r)
	return b.String()
}
