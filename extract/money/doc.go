// Package money finds and parses money amounts in normalised Japanese and
// English news text: "128億ドル", "1億6850万ドル", "一億二千万円", "約9600万ドル",
// "92億ドル超", "US$3.7 billion", "$1.4bn", "€120m", "$8-10 million",
// "up to $8.7 billion".
//
// Files: money.go holds Config, Parser, Find and Parse and the amount
// grammar (prefix currency, number, suffix currency, ranges, sub-units,
// signs, guards); number.go parses numerals (Arabic with thousands
// separators and decimals, kanji digits with 十百千 or positional with 〇,
// the big units 万億兆, English and Indian scale words); words.go parses
// English number words ("five million dollars", "a quarter of a billion");
// kana.go parses numbers in hiragana ("さんぜんまんえん"); currency.go holds
// the currency prefix and suffix tables (symbols, ISO codes, scaled codes,
// currency names in English and Japanese); qualifier.go the qualifier words
// (約, 超, 最大, 以上, 未満, about, more than, up to…).
//
// Tests: testdata/suite.tsv (the field's forms) and testdata/forms.tsv
// (forms beyond it, with traps) are scored by TestSuite and TestForms with
// floors; probe.tsv … probe4.tsv, written by a second team member from
// lists of forms without reading the parser, by TestProbe;
// testdata/corpus.txt is a golden file.
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
//     thousands separator ("€1,299" = 1299). The Swiss apostrophe groups
//     thousands too ("CHF 2'500'000" = 2.5e6).
//   - With a currency next to it, a number may use spaces between groups of
//     three ("1 500 円", "€ 1 200"), and a single-letter scale may follow a
//     space after a prefix ("$2.5 m"); a comma-grouped number may go on in
//     spaced groups before a currency suffix ("$3,000 000 USD" = 3e6).
//   - The rand's "R" is a prefix at a word's start before a scaled or
//     comma-grouped figure ("R2bn", "R1,500"); "R2" alone is no amount.
//   - A banknote or coin names its face value: "1万円札" holds the amount
//     1万円, "五百円玉" the amount 五百円.
//   - Text and Span cover the whole expression including qualifier words
//     written next to it: "約9600万ドル", "92億ドル超", "up to $8.7 billion".
//   - Qualifier: 約/およそ/概ね/前後/程度/about/approximately/around/roughly →
//     "about"; 超/以上/強/余り/more than/over/at least/in excess of → "over";
//     未満/以下/弱/近く/less than/under/nearly/almost → "under";
//     最大/上限/up to/as much as → "up_to"; a negated bound is the other
//     bound ("no more than", "at most" → "under"; "no less than" → "over").
//     When a bound and "about" appear
//     together (約4.57億ドル超) the bound wins and Approx stays true.
//   - Approx is true for "about" and for ranges; a bound alone ("over",
//     "under", "up_to") is not approximate.
//   - Vague numerals are sizes, not amounts: 数百億ドル, 数千万円, 十数億ドル
//     have no value that is exactly right, so Find reports none (the
//     answer key counts them as no amount too), as English vague phrases
//     ("billions of dollars") are none; English number words with a
//     currency word are amounts ("five million dollars", "half a billion
//     euros").
//   - Cents (99 cents, 50セント, 25¢) are USD hundredths; pence (10 pence,
//     5ペンス) are GBP hundredths. Whole dollars or pounds followed by their
//     hundredths make one amount: "3ドル50セント" = 3.5 USD, "ten dollars
//     and fifty cents" = 10.5 USD, "£2 and 20 pence" = 2.2 GBP, "£4 and
//     30p" = 4.3 GBP.
//   - Slang counts only with its currency, in lower case: "20 bucks" is
//     USD, "100 quid" GBP ("the 2024 Bucks" is a team); "10 grand" names no
//     currency and is not an amount.
//   - A scale may be written with the code: "MUSD 12", "12 MUSD", "MMUSD",
//     "USDm 45", "USDbn" are millions/billions; "kUSD 250", "KEUR" and the
//     German "TEUR"/"TSEK" thousands; these are case-sensitive ("TUSD" is a
//     stablecoin and is not read as thousands). "$5MM"/"$12 MM", and "mm"
//     glued to its digits ("$1.2mm"), are finance shorthand for millions;
//     "EUR 2.5 Mio" and "3,5 Mrd. Euro" are read; lakh (1e5), crore (1e7)
//     and "lakh crore" (1e12) are scale words ("Rs 5 crore", "₹2-3 lakh").
//     A scale word after a code that
//     follows the number is the table's unit: "96 USD million" = 96e6 USD,
//     "2 EUR bn". "USD million 5" is not a form.
//   - Fractions of a scale word in words: "half a million", "a half-billion",
//     "a quarter (of a) billion", "three quarters of a billion", "one and a
//     half million", "a billion and a half". "a dollar" (= 1) and "half a
//     dollar" (= 0.5) count only before a lower-case currency word that ends
//     the phrase (punctuation, end, or "a day", "each", "and"…), so "a
//     dollar store" and "a euro zone" are not amounts. "$1.5 billion" was
//     always read.
//   - Sub-units written with whole units make one amount: cents for the
//     dollar family and the euro ("3 euros and 50 cents", "3ユーロ50セント",
//     "50 euro cents" = 0.5 EUR), pence for the pound, 銭 for the yen
//     ("2222円13銭", "50銭" = 0.5 JPY), 角 and 分 for the yuan after 元
//     ("3元5角2分" = 3.52, "五元三角"); "and" and と may join them
//     ("545ドルと5セント"). 角 and 分 alone are not money (三角形, 10分), nor is
//     銭 in 銭湯. "20p" is pence only glued, lower-case, at most three digits,
//     not a video resolution (720p, 1080p), and next to a price word ("rose
//     20p", "to 145p", "is 85p", "5p a litre").
//   - Other currencies' hundredths: sen for the ringgit ("RM 4 and 50
//     sen", "80 sen"), paise for the rupee, a glued c after whole dollars
//     ("$3 and 75c"); cents in words may follow whole units in digits ("2
//     dollars and sixty-five cents"). Currencies without a hundredth in
//     use (won, dong, rupiah, bitcoin…) take none.
//   - Hundredths may also be written without their unit where they close
//     the phrase: "thirteen dollars forty five" = 13.45, "3 euros and 40." =
//     3.4, "2ドルと15です" = 2.15; without "and"/と the amount must end with a
//     currency word ("$5 10" is two numbers), and after "between" the "and"
//     joins a range ("between $5 and 10."). The yuan's tenths and
//     hundredths in English follow "yuan"/"kuai": "8 yuan 5 jiao", "two
//     kuai and three mao", "1 kuai 2 mao 5 fen", and the spoken "three kuai
//     four mao six" = 3.46.
//   - A run of spaces reads as one ("9  万  円", "40  million dollars");
//     Span and Text still cover the original text.
//   - A counted number in words with a hyphenated currency is an amount
//     ("a twenty-dollar bill", "a one-yen bid", "a three-million-euro
//     grant"); a scale word or a fraction is not ("a billion-euro
//     business", "a half-million-dollar home").
//   - Spaces: groups of three digits separated by spaces ("1 000 000 円",
//     "5 000 $", "$ 1 250 000", "12 500 kr") when a currency is next to them;
//     "1 2 3 4" is not a number.
//   - Kanji numerals: the Chinese-style 万億 and 億万 are 1e12 ("1万億円" =
//     1兆円); digits written positionally with 〇 are read ("二〇〇万円",
//     "一二三四円"; "二〇二五年" has no currency and stays a year); 零円 = 0.
//     Accounting units are multiplied through: "1,234百万円" = 1.234e9,
//     "5,000千円" = 5e6.
//   - Numbers in hiragana (いち…きゅう, じゅう, ひゃく/びゃく/ぴゃく, せん/ぜん,
//     まん, おく, ちょう, with いっ/ろっ/はっ before a unit) are amounts before a
//     currency (えん, どる, 円, ドル…, one space allowed): "いちおくえん",
//     "にせんにひゃくごじゅうろく ドル". A lone one-kana digit (に, ご) counts
//     only before えん/どる, since "日本にドルが" is a particle.
//   - Negative amounts: a minus written right before the amount makes Value
//     negative and is part of Text: "-$5 million" = -5e6 USD, "-€250",
//     "-5億円", "minus $2 million", "negative $7.5 million", "USD -2.1 million" (a
//     minus between a code and its figure), マイナス2億円, and ▲/△ as Japanese
//     accounts write a minus (▲3億円 = △3億円 = -3e8 JPY). "-" counts only
//     after a space, the start, or a non-alphanumeric rune that is not a
//     digit, so "Q3-5億円" and "$3-$5" (a range) stay positive; a range is
//     never negative. A figure in brackets right after the currency's sign
//     is an accounting negative ("$(10.4) million" = -10.4e6 USD,
//     "$(10.4)M"); a bracketed whole ("($5 million)") stays positive:
//     parentheses in news are mostly conversions.
//   - A bare ¥ is yen, unless a dollar figure converting one of the text's
//     bare ¥ figures right after it sets a rate of yuan (4 to 12 to the
//     dollar: "¥3.06bn ($466m)"): then every bare ¥ of the text is yuan.
//     "won" after a spelled-out number without a scale ("though one won")
//     is the verb, not Korean won.
//   - Currency names beyond the majors, in English and Japanese, map to ISO
//     codes (francs/フラン → CHF, rupees/ルピー/Rs/₹ → INR, won/ウォン/₩ → KRW,
//     dirhams/ディルハム → AED, riyals/リヤル → SAR, ringgit/リンギット/RM →
//     MYR, baht/バーツ/฿ → THB, rubles/ルーブル/₽ → RUB, lira/リラ/₺ → TRY,
//     reais/レアル/R$ → BRL, rand/ランド → ZAR, rupiah/ルピア/Rp → IDR,
//     dong/ドン/₫ → VND, zł → PLN, 新台币 → TWD, 港元 → HKD, 人民元/人民币 as a
//     prefix → CNY, "\100" (the Shift_JIS yen sign) → JPY, the local
//     abbreviations KSh/Ksh → KES, TSh → TZS, USh → UGX, NIS → ILS (before
//     or after the number), Dh/Dhs → AED, SR → SAR, QR → QAR, KD → KWD,
//     GH₵ → GHS; the two-letter ones only before a scaled, grouped or
//     decimal figure, since "SR 20" and "QR 50" name other things…). A bare name
//     shared by several countries goes to the commonest: pesos/ペソ → MXN
//     (Philippine, Argentine, Chilean, Colombian pesos by adjective),
//     francs/フラン → CHF, kroner/krone/クローネ → NOK, kronor/krona/kr/クローナ
//     → SEK, riyals → SAR, "¥" → JPY. The euro's predecessors keep their
//     codes (Deutsche marks/マルク → DEM, pesetas/ペセタ → ESP, guilders/ギルダー
//     → NLG, markkaa → FIM, lire → ITL, escudos → PTE, French/Belgian
//     francs → FRF/BEF), as does the balboa (PAB). Words that are also English words or
//     names match in lower case only ("won", "rand", "dong", "kr"), and
//     "2020 won" (a year before the verb) is not an amount; katakana names
//     that start longer words do not match before katakana (ランドセル,
//     フランス, リラックス, レアル・マドリード). ISO codes beyond the majors match
//     in upper case only (TRY, MAD are words); "PHP" needs thousands, cents
//     or a scale ("PHP 8.2" is a language version).
//   - Spacing variants: "$ 5", "5 $", "5$", "US $5", "USD $5,000", "HK $ 10
//     billion", "c $ 300 million" (CAD), "$100 USD" (one amount); "A $5
//     billion deal" stays USD.
//   - Ranges ("$8-10 million", "$8 million to $10 million", "between $8m and
//     $10m", "8~10億ドル", "80億~100億ドル") give Value = lower bound, Max =
//     upper bound, Approx = true. A lower bound without a scale takes the
//     upper bound's scale when that keeps it below the upper bound. The
//     text of "between $8m and $10m" starts at "between". "from $8m to
//     $10m" is a change, so it yields two amounts, and so is "rose $1.20 to
//     $84.35" (a verb of change before it); after a verb of range ("range
//     from £80,000 to £120,000", "cost from") it is one range. Japanese
//     「100億から200億円」 is a range unless a change follows (に増額,
//     へ引き上げ; になる, に上る and に達する keep the range).
//   - Bitcoin counts ("500 BTC", "500ビットコイン", "₿5") are amounts with
//     Currency "BTC" and a nil USD value, so reviewers see them;
//     Config.SkipBTC drops them from Find. A dollar price next to the word
//     ("$100,000 bitcoin") stays a USD amount. A count before "bitcoin"
//     that describes the things counted ("5,000 bitcoin miners", "20,000
//     Bitcoin mining machines", "10 Bitcoin ATMs") is no amount.
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
