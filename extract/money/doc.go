// Package money finds and parses money amounts in normalised Japanese and
// English news text: "128億ドル", "1億6850万ドル", "一億二千万円", "約9600万ドル",
// "92億ドル超", "US$3.7 billion", "$1.4bn", "€120m", "$8-10 million",
// "up to $8.7 billion".
//
// Files: money.go holds Config, Parser, Find and Parse and the amount
// grammar (prefix currency, number, suffix currency, ranges, guards);
// number.go parses numerals (Arabic with thousands separators and decimals,
// kanji digits with 十百千, the big units 万億兆, English scale words);
// words.go parses English number words ("five million dollars"); currency.go
// holds the currency prefix and suffix tables; qualifier.go the qualifier
// words (約, 超, 最大, 以上, 未満, about, more than, up to…).
//
// Input must be normalised with text.Normalize first (full-width digits and
// signs folded by NFKC, wave dashes folded to "~"); spans are byte offsets
// into that text.
//
// Decisions:
//
//   - An amount needs a currency written next to the number, before it
//     ($, US$, HK$, ¥, €, £, USD, EUR, RMB, 人民币, "euro 5"…) or after it
//     (ドル, 米ドル, 円, ユーロ, 元, 人民元, ポンド, dollars, yen, euros, yuan,
//     USD, "45$", "12,50 €"…). Bare numbers, percentages, share counts,
//     years, hashrates and MW are never amounts; neither is slang without a
//     currency ("10 grand"). A bare "$" is USD and a bare "¥" is JPY.
//   - ISO codes match in any case ("usd 100", "100 eur", "rmb 300", "Usd
//     7") except CAD, KRW and INR, which are also words or abbreviations
//     and must be upper-case. "us$"/"hk$" fold too. A code inside a
//     currency pair or a token ("EUR/USD 1.0850", "BTC-USD 95,000",
//     "--min-usd 100") is not a prefix, and neither "Euro 2024" (a year after
//     the word euro) nor "Euro 6" (an emissions standard) is an amount.
//   - Dollars other than the US dollar keep their own code, never USD:
//     Canadian/Australian/Hong Kong/Singapore/New Zealand/(New) Taiwan
//     dollars, C$, A$, HK$, S$, NZ$, NT$, カナダドル, 豪ドル, 香港ドル,
//     シンガポールドル, 台湾ドル → CAD, AUD, HKD, SGD, NZD, TWD.
//   - European number forms are read when unambiguous: "1.299,00",
//     "€1.234.567,89", "1.234.567", and a decimal comma of one or two digits
//     ("€2,50", "12,5"). A single dot group without a comma ("€1.299") stays
//     the English decimal 1.299; a comma before three digits stays a
//     thousands separator ("€1,299" = 1299).
//   - With a currency next to it, a number may use spaces between groups of
//     three ("1 500 円", "€ 1 200"), and a single-letter scale may follow a
//     space after a prefix ("$2.5 m").
//   - A banknote or coin names its face value: "1万円札" holds the amount
//     1万円, "五百円玉" the amount 五百円.
//   - Text and Span cover the whole expression including qualifier words
//     written next to it: "約9600万ドル", "92億ドル超", "up to $8.7 billion".
//   - Qualifier: 約/およそ/概ね/前後/程度/about/approximately/around/roughly →
//     "about"; 超/以上/強/余り/more than/over/at least/in excess of → "over";
//     未満/以下/弱/近く/less than/under/nearly/almost → "under";
//     最大/上限/up to/as much as → "up_to". When a bound and "about" appear
//     together (約4.57億ドル超) the bound wins and Approx stays true.
//   - Approx is true for "about", for vague numerals and for ranges; a bound
//     alone ("over", "under", "up_to") is not approximate.
//   - Vague Japanese numerals keep their order of magnitude as a lower bound:
//     a leading 数 counts as 1 and a trailing 数 as 0, so 数百億ドル = 100億
//     (1e10) USD, 数千万円 = 1000万 (1e7) JPY, 数十億 = 数億×10 = 1e9,
//     十数億ドル = 10億 (1e9) USD; Approx is true and the qualifier is empty
//     unless a word sets one. English vague phrases ("billions of dollars")
//     have no number and are not amounts; English number words with a
//     currency word are ("five million dollars", "half a billion euros").
//   - Cents (99 cents, 50セント, 25¢) are USD hundredths; pence (10 pence,
//     5ペンス) are GBP hundredths. Whole dollars or pounds followed by their
//     hundredths make one amount: "3ドル50セント" = 3.5 USD, "ten dollars
//     and fifty cents" = 10.5 USD, "£2 and 20 pence" = 2.2 GBP.
//   - Slang counts only with its currency, in lower case: "20 bucks" is
//     USD, "100 quid" GBP ("the 2024 Bucks" is a team); "10 grand" names no
//     currency and is not an amount.
//   - Ranges ("$8-10 million", "$8 million to $10 million", "between $8m and
//     $10m", "8~10億ドル", "80億~100億ドル") give Value = lower bound, Max =
//     upper bound, Approx = true. A lower bound without a scale takes the
//     upper bound's scale when that keeps it below the upper bound. "from $8m
//     to $10m" is a change, so it yields two amounts.
//   - Bitcoin counts ("500 BTC", "500ビットコイン", "₿5") are amounts with
//     Currency "BTC" and a nil USD value, so reviewers see them;
//     Config.SkipBTC drops them from Find. A dollar price next to the word
//     ("$100,000 bitcoin") stays a USD amount.
//   - USD = Value × Config.FXUSD[Currency] (USD is always 1); nil when the
//     rate is unknown or the currency is BTC.
//   - Guards: a lone kanji digit after another kanji is a word (関東一円,
//     統一元); 元 followed by 素/化/論/年… is not the yuan; "20 pounds" is
//     GBP unless the words around make it a weight ("weighs 5 pounds",
//     "lost 20 pounds", "10 pounds of rice", "35 pounds per square inch", "a
//     20-pound bird", 体重150ポンド, 重さ5ポンド) — a scaled amount ("5
//     million pounds") or £ is always money; 約 inside 契約/予約/節約… is not
//     "about"; a number glued to a Latin word (H100) needs a currency prefix.
package money
