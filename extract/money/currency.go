package money

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// affix is one way of writing a currency next to a number.
type affix struct {
	text  string
	code  string
	word  bool // an ASCII word or code: needs word boundaries, matched case-insensitively
	exact bool // an ISO code or all-caps ticker: matched case-sensitively
	cents bool // a hundredth of the currency (cents, セント, ¢)
	code3 bool // a three-letter ISO code, matched in any case
	// scale multiplies the number: "MUSD 12" and "12 MUSD" are 12 million
	// USD, "kUSD 250" 250 thousand. Zero means 1.
	scale float64
	// kana marks a katakana name that is also the start of other words: it
	// does not match when a katakana letter or "・" follows (ランドセル,
	// フランス, リラックス, レアル・マドリード).
	kana bool
	// glued suffixes must touch the number ("20p"), never after a space.
	glued bool
}

// mult is the factor an affix applies to its number.
func (a affix) mult() float64 {
	if a.scale == 0 {
		return 1
	}
	return a.scale
}

// prefixTable lists currencies written before the number ("US$3.7
// billion", "USD 5.5 billion", "€120m").
func prefixTable() []affix {
	return append(append(append(codeAffixes(), []affix{
		{text: "U.S.$", code: "USD", word: true}, {text: "US$", code: "USD", word: true},
		{text: "US $", code: "USD", word: true}, {text: "USD$", code: "USD", word: true},
		{text: "HK$", code: "HKD", word: true}, {text: "C$", code: "CAD"},
		{text: "CA$", code: "CAD"}, {text: "CAD$", code: "CAD"}, {text: "Can$", code: "CAD", word: true},
		{text: "Cdn$", code: "CAD", word: true}, {text: "Aus$", code: "AUD", word: true}, {text: "A$", code: "AUD"},
		{text: "AU$", code: "AUD"}, {text: "AUD$", code: "AUD"}, {text: "NZ$", code: "NZD"},
		{text: "S$", code: "SGD"}, {text: "SG$", code: "SGD"}, {text: "NT$", code: "TWD"},
		{text: "R$", code: "BRL"}, {text: "$US", code: "USD"}, {text: "$A", code: "AUD", exact: true},
		{text: "$NZ", code: "NZD", exact: true}, {text: "$", code: "USD"},
		{text: "JP¥", code: "JPY"}, {text: "CN¥", code: "CNY"}, {text: "RMB¥", code: "CNY"},
		{text: "¥", code: "JPY"}, {text: "€", code: "EUR"}, {text: "£", code: "GBP"},
		{text: "₩", code: "KRW"}, {text: "₹", code: "INR"}, {text: "₿", code: "BTC"},
		{text: "人民币", code: "CNY"}, {text: "人民幣", code: "CNY"}, {text: "人民元", code: "CNY"},
		{text: "euro", code: "EUR", word: true},
		{text: "ringgit", code: "MYR", word: true}, {text: "ringgits", code: "MYR", word: true},
		{text: "Malaysian ringgit", code: "MYR", word: true}, {text: "Malaysian ringgits", code: "MYR", word: true},
		{text: "Malaysia ringgit", code: "MYR", word: true}, {text: "Malaysia ringgits", code: "MYR", word: true},
		{text: "CAD", code: "CAD", exact: true}, {text: "KRW", code: "KRW", exact: true},
		{text: "INR", code: "INR", exact: true},
		{text: "USD $", code: "USD", word: true, exact: true}, {text: "HK $", code: "HKD", word: true},
		// Tokenised text spaces the letters from the sign ("c $ 300 million",
		// "hk $ 10.05 billion"); "A $"/"S $" stay out ("A $5 billion deal").
		{text: "C $", code: "CAD", word: true}, {text: "NZ $", code: "NZD", word: true},
		{text: "NT $", code: "TWD", word: true},
		{text: "\\", code: "JPY"}, // the yen sign as Shift_JIS shows it: "\100"
		{text: "Rs.", code: "INR", word: true, exact: true}, {text: "Rs", code: "INR", word: true, exact: true},
		{text: "RM", code: "MYR", word: true, exact: true}, {text: "R", code: "ZAR", exact: true}, {text: "Rp", code: "IDR", word: true, exact: true},
		// Local abbreviations of news in Kenya, Tanzania, Uganda and the
		// Gulf ("KSh 245 million", "Dh1.2bn", "SR3.75 billion"; the shekel's
		// NIS is with the codes); the two-letter ones need a scaled, grouped
		// or decimal figure (see plausible).
		{text: "KSh", code: "KES", word: true, exact: true}, {text: "Ksh", code: "KES", word: true, exact: true},
		{text: "TSh", code: "TZS", word: true, exact: true}, {text: "USh", code: "UGX", word: true, exact: true},
		{text: "Dhs", code: "AED", word: true, exact: true},
		{text: "Dh", code: "AED", word: true, exact: true}, {text: "SR", code: "SAR", word: true, exact: true},
		{text: "QR", code: "QAR", word: true, exact: true}, {text: "KD", code: "KWD", word: true, exact: true},
		{text: "GH₵", code: "GHS"}, {text: "GH¢", code: "GHS"},
		{text: "Fr.", code: "CHF", word: true, exact: true}, {text: "SFr.", code: "CHF", word: true, exact: true},
		{text: "sFr.", code: "CHF", word: true, exact: true},
		{text: "$m", code: "USD", scale: 1e6}, {text: "£m", code: "GBP", scale: 1e6}, {text: "€m", code: "EUR", scale: 1e6},
	}...), worldSymbols()...), scaledCodes()...)
}

// worldSymbols are currency signs written on either side of the number
// ("₽500", "10 000 ₽", "₫500,000").
func worldSymbols() []affix {
	var out []affix
	for _, c := range [...][2]string{
		{"₽", "RUB"}, {"₺", "TRY"}, {"₫", "VND"}, {"₱", "PHP"}, {"฿", "THB"}, {"₦", "NGN"},
		{"₪", "ILS"}, {"₴", "UAH"}, {"₸", "KZT"}, {"₡", "CRC"}, {"₾", "GEL"}, {"₭", "LAK"},
		{"₼", "AZN"}, {"₲", "PYG"},
	} {
		out = append(out, affix{text: c[0], code: c[1]})
	}
	return out
}

// scaledCodes are ISO codes written with a scale letter, as reports do:
// "MUSD 12" / "12 MUSD" / "MMUSD" / "USDm 45" are millions, "kUSD 250" /
// "KEUR" / "TEUR" (German Tausend) / "TSEK" thousands, "USDbn" billions.
// They are matched case-sensitively.
func scaledCodes() []affix {
	var out []affix
	add := func(text, code string, scale float64) {
		out = append(out, affix{text: text, code: code, word: true, exact: true, scale: scale})
	}
	for _, c := range [...]string{"USD", "EUR", "GBP", "JPY", "CHF", "CNY", "AUD", "CAD", "HKD", "SGD",
		"NZD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "ZAR", "BRL", "MXN", "INR", "KRW", "RUB", "TRY"} {
		add("M"+c, c, 1e6)
		add("MM"+c, c, 1e6)
		add("k"+c, c, 1e3)
		add("K"+c, c, 1e3)
		add(c+"m", c, 1e6)
		add(c+"mn", c, 1e6)
		add(c+"bn", c, 1e9)
		add(c+"k", c, 1e3)
	}
	for _, c := range [...]string{"EUR", "SEK", "NOK", "DKK", "CHF"} {
		add("T"+c, c, 1e3)
	}
	return out
}

// suffixTable lists currencies written after the number ("128億ドル", "5.5
// billion dollars", "300 million EUR").
func suffixTable() []affix {
	return withNakaguro(append(append(append(append(codeAffixes(), []affix{
		{text: "米ドル", code: "USD"}, {text: "USドル", code: "USD", exact: true}, {text: "ドル", code: "USD"},
		{text: "米国ドル", code: "USD"},
		{text: "香港ドル", code: "HKD"}, {text: "豪ドル", code: "AUD"}, {text: "オーストラリアドル", code: "AUD"},
		{text: "カナダドル", code: "CAD"}, {text: "シンガポールドル", code: "SGD"}, {text: "NZドル", code: "NZD", exact: true},
		{text: "ニュージーランドドル", code: "NZD"}, {text: "台湾ドル", code: "TWD"}, {text: "新台湾ドル", code: "TWD"},
		{text: "ニュー台湾ドル", code: "TWD"}, {text: "NTドル", code: "TWD", exact: true},
		{text: "円", code: "JPY"}, {text: "日本円", code: "JPY"},
		{text: "ユーロ", code: "EUR"},
		{text: "人民元", code: "CNY"}, {text: "中国元", code: "CNY"}, {text: "元", code: "CNY"},
		{text: "英ポンド", code: "GBP"}, {text: "ポンド", code: "GBP"},
		{text: "ウォン", code: "KRW"}, {text: "ルピー", code: "INR"}, {text: "スイスフラン", code: "CHF"},
		{text: "ルーブル", code: "RUB"}, {text: "レアル", code: "BRL", kana: true},
		{text: "ビットコイン", code: "BTC"}, {text: "セント", code: "USD", cents: true},
		{text: "¢", code: "USD", cents: true}, {text: "ペンス", code: "GBP", cents: true},
		{text: "pence", code: "GBP", word: true, cents: true},
		{text: "$", code: "USD"}, {text: "¥", code: "JPY"},
		{text: "cents", code: "USD", word: true, cents: true}, {text: "cent", code: "USD", word: true, cents: true},
		{text: "U.S. cents", code: "USD", word: true, cents: true}, {text: "U.S. cent", code: "USD", word: true, cents: true},
		{text: "US cents", code: "USD", word: true, cents: true}, {text: "US cent", code: "USD", word: true, cents: true},
		{text: "美元", code: "USD"}, {text: "日元", code: "JPY"}, {text: "欧元", code: "EUR"},
		{text: "英镑", code: "GBP"}, {text: "港元", code: "HKD"}, {text: "人民币", code: "CNY"},
		{text: "€", code: "EUR"}, {text: "£", code: "GBP"},
		{text: "U.S. dollars", code: "USD", word: true}, {text: "US dollars", code: "USD", word: true},
		{text: "U.S. dollar", code: "USD", word: true}, {text: "US dollar", code: "USD", word: true},
		{text: "American dollars", code: "USD", word: true},
		{text: "dollars", code: "USD", word: true}, {text: "dollar", code: "USD", word: true},
		{text: "Hong Kong dollars", code: "HKD", word: true}, {text: "Hong Kong dollar", code: "HKD", word: true},
		{text: "HK dollars", code: "HKD", word: true}, {text: "HK dollar", code: "HKD", word: true},
		{text: "Canadian dollars", code: "CAD", word: true}, {text: "Canadian dollar", code: "CAD", word: true},
		{text: "Australian dollars", code: "AUD", word: true}, {text: "Australian dollar", code: "AUD", word: true},
		{text: "Aussie dollars", code: "AUD", word: true},
		{text: "Singapore dollars", code: "SGD", word: true}, {text: "Singapore dollar", code: "SGD", word: true},
		{text: "New Zealand dollars", code: "NZD", word: true}, {text: "New Zealand dollar", code: "NZD", word: true},
		{text: "New Taiwan dollars", code: "TWD", word: true}, {text: "New Taiwan dollar", code: "TWD", word: true},
		{text: "Taiwan dollars", code: "TWD", word: true}, {text: "Taiwan dollar", code: "TWD", word: true},
		{text: "NT dollars", code: "TWD", word: true},
		{text: "Japanese yen", code: "JPY", word: true}, {text: "yen", code: "JPY", word: true},
		{text: "euros", code: "EUR", word: true}, {text: "euro", code: "EUR", word: true},
		{text: "pounds sterling", code: "GBP", word: true}, {text: "pound sterling", code: "GBP", word: true},
		{text: "British pounds", code: "GBP", word: true}, {text: "sterling", code: "GBP", word: true},
		{text: "pounds", code: "GBP", word: true}, {text: "pound", code: "GBP", word: true},
		{text: "Chinese yuan", code: "CNY", word: true}, {text: "yuan renminbi", code: "CNY", word: true},
		{text: "yuan", code: "CNY", word: true},
		{text: "bucks", code: "USD", word: true, exact: true}, {text: "quid", code: "GBP", word: true, exact: true},
		{text: "renminbi", code: "CNY", word: true},
		{text: "Korean won", code: "KRW", word: true}, {text: "rupees", code: "INR", word: true},
		{text: "bitcoins", code: "BTC", word: true}, {text: "bitcoin", code: "BTC", word: true},
		{text: "CAD", code: "CAD", exact: true}, {text: "KRW", code: "KRW", exact: true},
		{text: "INR", code: "INR", exact: true}, {text: "BTC", code: "BTC", exact: true},
		{text: "euro cents", code: "EUR", word: true, cents: true}, {text: "euro cent", code: "EUR", word: true, cents: true},
		{text: "eurocents", code: "EUR", word: true, cents: true},
		{text: "US cents", code: "USD", word: true, cents: true},
		{text: "penny", code: "GBP", word: true, cents: true}, {text: "pennies", code: "GBP", word: true, cents: true},
		{text: "p", code: "GBP", word: true, exact: true, cents: true, glued: true},
		{text: "銭", code: "JPY", cents: true},
		{text: "paise", code: "INR", word: true, exact: true, cents: true},
		{text: "sen", code: "MYR", word: true, exact: true, cents: true}, {text: "sens", code: "MYR", word: true, exact: true, cents: true},
		{text: "US$", code: "USD", word: true}, {text: "Rs", code: "INR", word: true, exact: true},
		{text: "RM", code: "MYR", word: true, exact: true},
		{text: "Lebanese pounds", code: "LBP", word: true}, {text: "Lebanese pound", code: "LBP", word: true},
		{text: "えん", code: "JPY"}, {text: "どる", code: "USD"},
		{text: "zł", code: "PLN"}, {text: "kr", code: "SEK", word: true, exact: true},
	}...), worldWords()...), worldSymbols()...), scaledCodes()...))
}

// jaUnits are the Japanese names of currency units a country's name may
// stand before.
var jaUnits = []string{"ドル", "ルピー", "レアル", "ルーブル", "ウォン", "クローナ", "クローネ", "ペソ", "リラ", "ランド",
	"ルピア", "ドン", "リヤル", "バーツ", "フラン", "ズウォティ", "コルナ", "ディルハム", "ポンド", "ユーロ", "元",
	"バルボア", "マルク", "ペセタ", "ギルダー", "マルッカ", "リアル", "ディナール", "シリング", "テンゲ"}

// withNakaguro adds, for every Japanese currency name made of a country
// and a unit (インドルピー, カナダドル), the same name with a middle dot
// between them (インド・ルピー, カナダ・ドル), as news often writes it.
func withNakaguro(table []affix) []affix {
	have := map[string]bool{}
	for _, a := range table {
		have[a.text] = true
	}
	out := table
	for _, a := range table {
		for _, u := range jaUnits {
			country, ok := strings.CutSuffix(a.text, u)
			if !ok || utf8.RuneCountInString(country) < 2 || strings.HasSuffix(country, "・") || !isJapaneseWord(country) {
				continue
			}
			v := a
			v.text = country + "・" + u
			if !have[v.text] {
				have[v.text] = true
				out = append(out, v)
			}
			break
		}
	}
	return out
}

// isJapaneseWord reports a string of kana and kanji only.
func isJapaneseWord(s string) bool {
	for _, r := range s {
		if !unicode.In(r, unicode.Katakana, unicode.Hiragana, unicode.Han) && r != 'ー' {
			return false
		}
	}
	return s != ""
}

// worldWords are the names of currencies beyond the majors, in English and
// Japanese ("100 Swiss francs", "15 ringgit", "300バーツ", "5フラン"). A bare
// name shared by several countries goes to the commonest: francs → CHF,
// pesos/ペソ → MXN, kroner/クローネ → NOK, kronor/krona/kr → SEK,
// riyals/リヤル → SAR; a country adjective picks the others.
func worldWords() []affix {
	var out []affix
	w := func(code string, texts ...string) {
		for _, t := range texts {
			out = append(out, affix{text: t, code: code, word: true})
		}
	}
	// lower: case-sensitive words that are also English words or names
	// ("won the award", "Rand Paul", "Dong Energy").
	lower := func(code string, texts ...string) {
		for _, t := range texts {
			out = append(out, affix{text: t, code: code, word: true, exact: true})
		}
	}
	ja := func(code string, texts ...string) {
		for _, t := range texts {
			out = append(out, affix{text: t, code: code})
		}
	}
	jaKana := func(code string, texts ...string) {
		for _, t := range texts {
			out = append(out, affix{text: t, code: code, kana: true})
		}
	}
	w("CHF", "francs", "franc", "Swiss franc", "Swiss francs")
	w("XOF", "CFA francs", "CFA franc")
	w("INR", "rupee", "Indian rupees", "Indian rupee")
	w("PKR", "Pakistani rupees", "Pakistani rupee")
	w("LKR", "Sri Lankan rupees", "Sri Lankan rupee")
	w("NPR", "Nepalese rupees", "Nepali rupees")
	w("KRW", "South Korean won")
	lower("KRW", "won")
	w("AED", "dirhams", "dirham", "UAE dirhams", "UAE dirham", "Emirati dirhams")
	w("MAD", "Moroccan dirhams", "Moroccan dirham")
	w("SAR", "riyals", "riyal", "Saudi riyals", "Saudi riyal")
	w("QAR", "Qatari riyals", "Qatari riyal")
	w("IRR", "Iranian rials", "Iranian rial")
	w("OMR", "Omani rials", "Omani rial")
	w("KWD", "Kuwaiti dinars", "Kuwaiti dinar")
	w("BHD", "Bahraini dinars", "Bahraini dinar")
	w("JOD", "Jordanian dinars", "Jordanian dinar")
	w("IQD", "Iraqi dinars", "Iraqi dinar")
	w("DZD", "Algerian dinars", "Algerian dinar")
	w("TND", "Tunisian dinars", "Tunisian dinar")
	w("RSD", "Serbian dinars", "Serbian dinar")
	w("MYR", "ringgit", "ringgits", "Malaysian ringgit", "Malaysian ringgits", "Malaysia ringgit", "Malaysia ringgits")
	w("THB", "baht", "Thai baht")
	w("MXN", "pesos", "peso", "Mexican pesos", "Mexican peso")
	w("PHP", "Philippine pesos", "Philippine peso")
	w("ARS", "Argentine pesos", "Argentine peso", "Argentinian pesos")
	w("CLP", "Chilean pesos", "Chilean peso")
	w("COP", "Colombian pesos", "Colombian peso")
	w("RUB", "rubles", "ruble", "roubles", "rouble", "Russian rubles", "Russian roubles")
	w("TRY", "lira", "liras", "Turkish lira", "Turkish liras")
	w("PLN", "zlotys", "zloty", "zlotych", "Polish zloty", "Polish zlotys")
	w("SEK", "kronor", "krona", "Swedish kronor", "Swedish krona", "Swedish crowns", "Swedish crown")
	w("NOK", "kroner", "krone", "Norwegian kroner", "Norwegian krone", "Norwegian crowns", "Norwegian crown")
	w("DKK", "Danish kroner", "Danish krone", "Danish crowns", "Danish crown")
	w("ISK", "Icelandic kronur", "Icelandic krona", "Icelandic crowns")
	w("ZAR", "South African rand")
	lower("ZAR", "rand")
	w("IDR", "rupiah", "Indonesian rupiah")
	w("VND", "Vietnamese dong")
	lower("VND", "dong")
	w("BRL", "reais", "Brazilian reais", "Brazilian real")
	w("NGN", "naira", "Nigerian naira")
	w("ILS", "shekels", "shekel", "new shekels", "Israeli shekels")
	w("KES", "Kenyan shillings", "Kenyan shilling")
	w("UGX", "Ugandan shillings")
	w("TZS", "Tanzanian shillings")
	w("HUF", "forints", "forint", "Hungarian forints")
	w("CZK", "koruna", "korunas", "Czech koruna", "Czech korunas", "Czech crowns")
	w("UAH", "hryvnias", "hryvnia", "hryvnas")
	w("KZT", "tenge", "tenges", "Kazakhstani tenge", "Kazakhstani tenges", "Kazakh tenge")
	w("EGP", "Egyptian pounds", "Egyptian pound")
	w("BDT", "taka")
	w("PAB", "balboas", "balboa", "Panamanian balboas", "Panamanian balboa")
	w("CNY", "kuai")
	// The euro's predecessors, in older filings and histories.
	w("DEM", "Deutsche marks", "Deutsche mark", "deutsche marks", "Deutschmarks", "deutschmarks", "D-marks", "German marks")
	w("FRF", "French francs", "French franc")
	w("BEF", "Belgian francs", "Belgian franc")
	w("ITL", "Italian lire", "Italian lira", "lire")
	w("ESP", "pesetas", "peseta", "Spanish pesetas")
	w("NLG", "guilders", "guilder", "Dutch guilders", "Dutch guilder")
	w("FIM", "markkaa", "markka", "Finnish markkaa", "Finnish markka", "Finnish marks")
	w("ATS", "schillings", "Austrian schillings", "Austrian schilling")
	w("PTE", "escudos", "Portuguese escudos")
	w("GRD", "drachmas", "drachmae", "Greek drachmas")
	w("IEP", "Irish punts", "Irish pounds", "punts")
	ja("AED", "ディルハム", "UAEディルハム")
	ja("MYR", "リンギット", "リンギ")
	ja("THB", "バーツ", "タイバーツ")
	ja("TWD", "新台币", "台币", "新台幣", "台幣")
	ja("AUD", "澳元")
	ja("CAD", "加元")
	ja("KRW", "韩元", "韓国ウォン")
	ja("RUB", "卢布", "ロシアルーブル")
	ja("THB", "泰铢")
	ja("INR", "インドルピー")
	ja("BRL", "ブラジルレアル")
	ja("MXN", "メキシコペソ")
	ja("PHP", "フィリピンペソ")
	ja("ARS", "アルゼンチンペソ")
	ja("CLP", "チリペソ")
	ja("COP", "コロンビアペソ")
	ja("CHF", "スイス・フラン")
	ja("ZAR", "南アフリカランド", "南アランド")
	ja("IDR", "インドネシアルピア")
	ja("VND", "ベトナムドン")
	ja("TRY", "トルコリラ")
	ja("NGN", "ナイラ")
	ja("SAR", "サウジアラビアリヤル", "サウジリヤル", "サウジアラビア・リヤル", "リヤル")
	ja("QAR", "カタールリヤル", "カタール・リアル", "カタールリアル")
	ja("OMR", "オマーンリアル", "オマーン・リアル", "オマーンリヤル", "オマーン・リヤル")
	ja("KWD", "クウェートディナール", "クウェート・ディナール")
	ja("BHD", "バーレーンディナール", "バーレーン・ディナール")
	ja("EGP", "エジプトポンド")
	ja("KES", "ケニアシリング")
	ja("PKR", "パキスタンルピー")
	ja("LKR", "スリランカルピー")
	ja("KZT", "テンゲ", "カザフスタンテンゲ")
	ja("ISK", "アイスランドクローナ")
	ja("NZD", "ニュージーランドドル", "NZドル")
	ja("PLN", "ズウォティ", "ズロチ", "ポーランドズウォティ")
	ja("SEK", "スウェーデンクローナ", "クローナ")
	ja("NOK", "ノルウェークローネ", "クローネ")
	ja("DKK", "デンマーククローネ")
	ja("HUF", "フォリント")
	ja("CZK", "チェココルナ", "コルナ")
	ja("ILS", "シェケル", "新シェケル")
	ja("UAH", "フリヴニャ")
	ja("PAB", "バルボア", "パナマバルボア")
	ja("DEM", "ドイツマルク", "マルク")
	ja("FRF", "フランスフラン")
	ja("ITL", "イタリアリラ")
	ja("ESP", "ペセタ", "スペインペセタ")
	ja("NLG", "ギルダー", "オランダギルダー")
	ja("FIM", "マルッカ", "フィンランドマルッカ")
	jaKana("MXN", "ペソ")
	jaKana("CHF", "フラン")
	jaKana("ZAR", "ランド")
	jaKana("IDR", "ルピア")
	jaKana("VND", "ドン")
	jaKana("TRY", "リラ")
	return out
}

// codeAffixes are the ISO codes matched in any case ("USD 5", "usd 100",
// "100 eur", "rmb 300"): none of them is an English word. CAD, KRW and INR
// stay upper-case only (the tables list them with exact: true).
func codeAffixes() []affix {
	var out []affix
	for _, c := range [...][2]string{
		{"USD", "USD"}, {"JPY", "JPY"}, {"EUR", "EUR"}, {"GBP", "GBP"}, {"CNY", "CNY"},
		{"RMB", "CNY"}, {"HKD", "HKD"}, {"AUD", "AUD"}, {"CHF", "CHF"}, {"SGD", "SGD"},
		{"NZD", "NZD"}, {"TWD", "TWD"},
	} {
		out = append(out, affix{text: c[0], code: c[1], word: true, code3: true})
	}
	// Other ISO codes, upper-case only (several are English words: TRY,
	// MAD). PHP is also a programming language: see plausible.
	for _, c := range [...]string{"BRL", "RUB", "TRY", "MXN", "ZAR", "SEK", "NOK", "DKK", "PLN", "THB",
		"MYR", "IDR", "VND", "AED", "SAR", "QAR", "KWD", "ILS", "NGN", "EGP", "CZK", "HUF", "ARS", "CLP",
		"COP", "PKR", "BDT", "LKR", "KES", "UAH", "KZT", "ISK", "RON", "BGN", "MAD", "TND", "OMR", "BHD",
		"JOD", "IRR", "NPR", "PHP", "XOF", "XAF", "GHS", "PEN", "UYU", "MNT", "LBP", "TZS", "UGX", "ETB"} {
		out = append(out, affix{text: c, code: c, word: true, exact: true})
	}
	// The new Israeli shekel's abbreviation, written as a code is ("NIS
	// 2.8 billion", 「28億NIS」).
	return append(out, affix{text: "NIS", code: "ILS", word: true, exact: true})
}

// affixIndex buckets affixes by one byte (the last byte of their text, or
// the last byte of their first rune — so katakana names spread over many
// buckets instead of sharing the lead byte 0xE3; both cases for
// case-insensitive words), longest first in each bucket, so a lookup tries
// only the few that can match.
type affixIndex [256][]affix

// firstKey is the byte a first-rune index uses for s[k:]: the byte itself
// for ASCII, else the last byte of the rune, or 0 when s ends inside it.
func firstKey(s string, k int) byte {
	c := s[k]
	w := 1
	switch {
	case c < 0x80:
		return c
	case c >= 0xF0:
		w = 4
	case c >= 0xE0:
		w = 3
	case c >= 0xC0:
		w = 2
	}
	if k+w > len(s) {
		return 0
	}
	return s[k+w-1]
}

func newAffixIndex(table []affix, last bool) *affixIndex {
	var ix affixIndex
	for _, a := range sortAffixes(table) {
		c := firstKey(a.text, 0)
		if last {
			c = a.text[len(a.text)-1]
		}
		ix[c] = append(ix[c], a)
		if a.word && !a.exact {
			if l, u := lower(c), upper(c); l != u {
				other := l
				if c == l {
					other = u
				}
				ix[other] = append(ix[other], a)
			}
		}
	}
	return &ix
}

func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

func sortAffixes(a []affix) []affix {
	out := append([]affix(nil), a...)
	// Longest first so "US$" wins over "$" and "人民元" over "元".
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j].text) > len(out[j-1].text); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// isASCIIWordy reports whether an affix starts or ends with an ASCII letter
// and so needs a word boundary on that side.
func startsASCIILetter(s string) bool {
	return s != "" && (s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z')
}

func endsASCIILetter(s string) bool {
	return s != "" && (s[len(s)-1] >= 'a' && s[len(s)-1] <= 'z' || s[len(s)-1] >= 'A' && s[len(s)-1] <= 'Z')
}

// matchPrefixBefore finds a currency prefix ending at i (allowing one space
// between it and the number) that starts at or after lo. It returns the
// prefix and where it starts. A code inside a currency pair or a token
// ("EUR/USD 1.08", "BTC-USD 95,000", "--min-usd 100") is not a prefix.
func (p *Parser) matchPrefixBefore(s string, i, lo int) (a affix, start int, ok bool) {
	for _, k := range [2]int{i, i - 1} {
		if k < lo || k < 0 {
			continue
		}
		if k == i-1 && s[k] != ' ' {
			continue
		}
		if k == 0 {
			continue
		}
		for _, a := range p.preLast[s[k-1]] {
			st := k - len(a.text)
			if st < lo {
				continue
			}
			if !affixEq(s[st:k], a) {
				continue
			}
			if startsASCIILetter(a.text) && !wordStart(s, st) {
				continue
			}
			if startsASCIILetter(a.text) && st > 0 && (s[st-1] == '/' || s[st-1] == '-' || s[st-1] == '_') {
				// "EUR/USD 1.08", "BTC-USD 95,000", "--min-usd 100": no
				// code; a shorter sign may still be one ("N/A$5.6 million").
				continue
			}
			if a.text == "\\" && st > 0 && s[st-1] < utf8.RuneSelf && s[st-1] != ' ' && s[st-1] != '(' {
				continue // a path or an escape ("C:\\2024"), not the yen sign
			}
			if a.text == "\\" && k != i {
				continue
			}
			return a, st, true
		}
	}
	return affix{}, i, false
}

// matchPrefixAt finds a currency prefix starting at i (the second half of a
// range: "$8 million to $10 million"), returning the number start after it.
func (p *Parser) matchPrefixAt(s string, i int) (code string, next int, ok bool) {
	if i >= len(s) {
		return "", i, false
	}
	for _, a := range p.preFirst[firstKey(s, i)] {
		if i+len(a.text) > len(s) || !affixEq(s[i:i+len(a.text)], a) {
			continue
		}
		if startsASCIILetter(a.text) && !wordStart(s, i) {
			continue
		}
		n := i + len(a.text)
		if n < len(s) && s[n] == ' ' {
			n++
		}
		if n < len(s) && isDigit(s[n]) {
			return a.code, n, true
		}
	}
	return "", i, false
}

// matchSuffixAt finds a currency suffix at i (allowing one space before it).
// It returns the currency, the end of the suffix and the affix itself.
func (p *Parser) matchSuffixAt(s string, i int) (a affix, end int, ok bool) {
	for _, k := range [2]int{i, i + 1} {
		if k > len(s) {
			continue
		}
		if k == i+1 && (i >= len(s) || s[i] != ' ' && s[i] != '-') {
			continue
		}
		if k >= len(s) {
			continue
		}
		for _, a := range p.sufFirst[firstKey(s, k)] {
			e := k + len(a.text)
			if e > len(s) || !affixEq(s[k:e], a) {
				continue
			}
			if endsASCIILetter(a.text) && !wordEnd(s, e) {
				continue
			}
			if startsASCIILetter(a.text) && k == i && !a.exact && !a.word && !nonASCII(a.text) {
				continue // a Japanese name that opens on a code (UAEディルハム) may touch the number
			}
			if a.text == "元" && !yuanFollower(s, e) {
				continue
			}
			if k > i && s[i] == '-' && !a.word {
				continue // only "5-billion-dollar" style words take a hyphen
			}
			if symbolAffix(a.text) && digitAfter(s, e) {
				continue // "5 $10 bills": the symbol is the next amount's prefix
			}
			if a.glued && k != i {
				continue
			}
			if a.kana && kanaAfter(s, e) {
				continue // ランドセル, フランス, リラックス
			}
			if a.text == "銭" && e < len(s) && strings.ContainsRune("湯函", rune0(s[e:])) {
				continue // 銭湯
			}
			return a, e, true
		}
	}
	return affix{}, i, false
}

// symbolAffix reports currency symbols that may be written on either side
// of a number.
func symbolAffix(t string) bool {
	switch t {
	case "$", "¥", "€", "£", "₽", "₺", "₫", "₱", "฿", "₦", "₪", "₴", "₸", "₡", "₾", "₭", "₼", "₲":
		return true
	}
	return false
}

// kanaAfter reports a katakana letter (or the middle dot) at i: the
// currency name is the start of a longer word.
func kanaAfter(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r := rune0(s[i:])
	return r >= 0x30A0 && r <= 0x30FF
}

// digitAfter reports a digit at i, after an optional space.
func digitAfter(s string, i int) bool {
	if i < len(s) && s[i] == ' ' {
		i++
	}
	return i < len(s) && isDigit(s[i])
}

// yuanFollower rejects 元 that starts a word rather than naming the yuan:
// 元素, 一元化, 二元論, 元年…
func yuanFollower(s string, e int) bool {
	if e >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[e:])
	return !strings.ContainsRune("素化論的管性年来々祖気凶首帥旦号本", r)
}

func affixEq(s string, a affix) bool {
	if a.exact || !a.word {
		return s == a.text
	}
	return len(s) == len(a.text) && hasPrefixFold(s, a.text)
}

// nonASCII reports a string holding a byte beyond ASCII.
func nonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}
