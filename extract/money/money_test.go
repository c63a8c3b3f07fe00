package money

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/kozan-dev/kozan/pipeline"
)

// w is one expected amount: matched text, value, currency, qualifier,
// approx and range maximum.
type w struct {
	text   string
	value  float64
	cur    string
	qual   string
	approx bool
	max    float64
}

const (
	ab = pipeline.QualAbout
	ov = pipeline.QualOver
	un = pipeline.QualUnder
	ut = pipeline.QualUpTo
)

var moneyCases = []struct {
	in   string
	want []w
}{
	// Japanese: Arabic numerals with big units.
	{"128億ドル", []w{{"128億ドル", 128e8, "USD", "", false, 0}}},
	{"1億6850万ドル", []w{{"1億6850万ドル", 168_500_000, "USD", "", false, 0}}},
	{"2億23万ドル", []w{{"2億23万ドル", 200_230_000, "USD", "", false, 0}}},
	{"1.75億ドル", []w{{"1.75億ドル", 175_000_000, "USD", "", false, 0}}},
	{"4.57億ドル", []w{{"4.57億ドル", 457_000_000, "USD", "", false, 0}}},
	{"37億ドル", []w{{"37億ドル", 37e8, "USD", "", false, 0}}},
	{"3,000万ドル", []w{{"3,000万ドル", 3e7, "USD", "", false, 0}}},
	{"1,000 万円", []w{{"1,000 万円", 1e7, "JPY", "", false, 0}}},
	{"5 億ドル", []w{{"5 億ドル", 5e8, "USD", "", false, 0}}},
	{"5億 ドル", []w{{"5億 ドル", 5e8, "USD", "", false, 0}}},
	{"200億円", []w{{"200億円", 2e10, "JPY", "", false, 0}}},
	{"1兆円", []w{{"1兆円", 1e12, "JPY", "", false, 0}}},
	{"1兆2000億円", []w{{"1兆2000億円", 1.2e12, "JPY", "", false, 0}}},
	{"2兆3456億7890万円", []w{{"2兆3456億7890万円", 2_345_678_900_000, "JPY", "", false, 0}}},
	{"10億米ドル", []w{{"10億米ドル", 1e9, "USD", "", false, 0}}},
	{"5000万ユーロ", []w{{"5000万ユーロ", 5e7, "EUR", "", false, 0}}},
	{"3億元", []w{{"3億元", 3e8, "CNY", "", false, 0}}},
	{"3億人民元", []w{{"3億人民元", 3e8, "CNY", "", false, 0}}},
	{"2億中国元", []w{{"2億中国元", 2e8, "CNY", "", false, 0}}},
	{"100万ポンド", []w{{"100万ポンド", 1e6, "GBP", "", false, 0}}},
	{"50万英ポンド", []w{{"50万英ポンド", 5e5, "GBP", "", false, 0}}},
	{"1億ドル", []w{{"1億ドル", 1e8, "USD", "", false, 0}}},
	{"100万円", []w{{"100万円", 1e6, "JPY", "", false, 0}}},
	{"3万円", []w{{"3万円", 3e4, "JPY", "", false, 0}}},
	{"5000円", []w{{"5000円", 5000, "JPY", "", false, 0}}},
	{"5,000円", []w{{"5,000円", 5000, "JPY", "", false, 0}}},
	{"1万5000円", []w{{"1万5000円", 15000, "JPY", "", false, 0}}},
	{"3千万円", []w{{"3千万円", 3e7, "JPY", "", false, 0}}},
	{"20億香港ドル", []w{{"20億香港ドル", 2e9, "HKD", "", false, 0}}},
	{"5億豪ドル", []w{{"5億豪ドル", 5e8, "AUD", "", false, 0}}},
	{"3億カナダドル", []w{{"3億カナダドル", 3e8, "CAD", "", false, 0}}},
	{"1000億ウォン", []w{{"1000億ウォン", 1e11, "KRW", "", false, 0}}},
	{"0.5億ドル", []w{{"0.5億ドル", 5e7, "USD", "", false, 0}}},
	{"23.9ドル", []w{{"23.9ドル", 23.9, "USD", "", false, 0}}},
	// Japanese: kanji numerals.
	{"五億ドル", []w{{"五億ドル", 5e8, "USD", "", false, 0}}},
	{"一億二千万円", []w{{"一億二千万円", 1.2e8, "JPY", "", false, 0}}},
	{"三千五百万円", []w{{"三千五百万円", 3.5e7, "JPY", "", false, 0}}},
	{"百万ドル", []w{{"百万ドル", 1e6, "USD", "", false, 0}}},
	{"十億円", []w{{"十億円", 1e9, "JPY", "", false, 0}}},
	{"一兆円", []w{{"一兆円", 1e12, "JPY", "", false, 0}}},
	{"二十五億ドル", []w{{"二十五億ドル", 25e8, "USD", "", false, 0}}},
	{"千円", []w{{"千円", 1000, "JPY", "", false, 0}}},
	{"九百九十九円", []w{{"九百九十九円", 999, "JPY", "", false, 0}}},
	{"一千億円", []w{{"一千億円", 1e11, "JPY", "", false, 0}}},
	// Japanese: vague numerals are sizes, not amounts (as "billions of dollars").
	{"数百億ドル", nil},
	{"数千万円", nil},
	{"十数億ドル", nil},
	{"数十億円", nil},
	{"数億ドル", nil},
	{"数百億ドル規模の注文", nil},
	{"数十億円を投じ、約5億円を回収した", []w{{"約5億円", 5e8, "JPY", ab, true, 0}}},
	// Japanese qualifiers.
	{"約9600万ドル", []w{{"約9600万ドル", 9.6e7, "USD", ab, true, 0}}},
	{"超70億ドル", []w{{"超70億ドル", 7e9, "USD", ov, false, 0}}},
	{"92億ドル超", []w{{"92億ドル超", 9.2e9, "USD", ov, false, 0}}},
	{"受注額は100億円超えとなった", []w{{"100億円超え", 1e10, "JPY", ov, false, 0}}},
	{"約1.5兆円", []w{{"約1.5兆円", 1.5e12, "JPY", ab, true, 0}}},
	{"最大87億ドル", []w{{"最大87億ドル", 8.7e9, "USD", ut, false, 0}}},
	{"最大で87億ドル", []w{{"最大で87億ドル", 8.7e9, "USD", ut, false, 0}}},
	{"87億ドル以上", []w{{"87億ドル以上", 8.7e9, "USD", ov, false, 0}}},
	{"1億ドル未満", []w{{"1億ドル未満", 1e8, "USD", un, false, 0}}},
	{"1億ドル以下", []w{{"1億ドル以下", 1e8, "USD", un, false, 0}}},
	{"1億ドル弱", []w{{"1億ドル弱", 1e8, "USD", un, false, 0}}},
	{"1億ドル強", []w{{"1億ドル強", 1e8, "USD", ov, false, 0}}},
	{"100億円余り", []w{{"100億円余り", 1e10, "JPY", ov, false, 0}}},
	{"100億円程度", []w{{"100億円程度", 1e10, "JPY", ab, true, 0}}},
	{"100億円前後", []w{{"100億円前後", 1e10, "JPY", ab, true, 0}}},
	{"およそ50億円", []w{{"およそ50億円", 5e9, "JPY", ab, true, 0}}},
	{"少なくとも10億ドル", []w{{"少なくとも10億ドル", 1e9, "USD", ov, false, 0}}},
	{"最低でも10億ドル", []w{{"最低でも10億ドル", 1e9, "USD", ov, false, 0}}},
	{"最大約87億ドル", []w{{"最大約87億ドル", 8.7e9, "USD", ut, true, 0}}},
	{"約4.57億ドル超", []w{{"約4.57億ドル超", 4.57e8, "USD", ov, true, 0}}},
	{"10億ドル近く", []w{{"10億ドル近く", 1e9, "USD", un, false, 0}}},
	// Japanese ranges.
	{"8~10億ドル", []w{{"8~10億ドル", 8e8, "USD", "", true, 1e9}}},
	{"80億~100億ドル", []w{{"80億~100億ドル", 8e9, "USD", "", true, 1e10}}},
	{"80億ドル~100億ドル", []w{{"80億ドル~100億ドル", 8e9, "USD", "", true, 1e10}}},
	{"1~1.5兆円", []w{{"1~1.5兆円", 1e12, "JPY", "", true, 1.5e12}}},
	{"5000万-1億円", []w{{"5000万-1億円", 5e7, "JPY", "", true, 1e8}}},
	// English.
	{"US$3.7 billion", []w{{"US$3.7 billion", 3.7e9, "USD", "", false, 0}}},
	{"$9.7 billion", []w{{"$9.7 billion", 9.7e9, "USD", "", false, 0}}},
	{"$850 million", []w{{"$850 million", 8.5e8, "USD", "", false, 0}}},
	{"$1.4bn", []w{{"$1.4bn", 1.4e9, "USD", "", false, 0}}},
	{"$1.4 bn", []w{{"$1.4 bn", 1.4e9, "USD", "", false, 0}}},
	{"$10.5M", []w{{"$10.5M", 1.05e7, "USD", "", false, 0}}},
	{"$500k", []w{{"$500k", 5e5, "USD", "", false, 0}}},
	{"$2B", []w{{"$2B", 2e9, "USD", "", false, 0}}},
	{"€120m", []w{{"€120m", 1.2e8, "EUR", "", false, 0}}},
	{"€1.2 billion", []w{{"€1.2 billion", 1.2e9, "EUR", "", false, 0}}},
	{"¥20 billion", []w{{"¥20 billion", 2e10, "JPY", "", false, 0}}},
	{"£50 million", []w{{"£50 million", 5e7, "GBP", "", false, 0}}},
	{"£50m", []w{{"£50m", 5e7, "GBP", "", false, 0}}},
	{"USD 5.5 billion", []w{{"USD 5.5 billion", 5.5e9, "USD", "", false, 0}}},
	{"USD5.5bn", []w{{"USD5.5bn", 5.5e9, "USD", "", false, 0}}},
	{"5.5 billion dollars", []w{{"5.5 billion dollars", 5.5e9, "USD", "", false, 0}}},
	{"5.5 billion US dollars", []w{{"5.5 billion US dollars", 5.5e9, "USD", "", false, 0}}},
	{"5.5 billion U.S. dollars", []w{{"5.5 billion U.S. dollars", 5.5e9, "USD", "", false, 0}}},
	{"EUR 300 million", []w{{"EUR 300 million", 3e8, "EUR", "", false, 0}}},
	{"300 million euros", []w{{"300 million euros", 3e8, "EUR", "", false, 0}}},
	{"300 million EUR", []w{{"300 million EUR", 3e8, "EUR", "", false, 0}}},
	{"GBP 40 million", []w{{"GBP 40 million", 4e7, "GBP", "", false, 0}}},
	{"40 million pounds", []w{{"40 million pounds", 4e7, "GBP", "", false, 0}}},
	{"40 million pounds sterling", []w{{"40 million pounds sterling", 4e7, "GBP", "", false, 0}}},
	{"$96,000,000", []w{{"$96,000,000", 9.6e7, "USD", "", false, 0}}},
	{"$1,200", []w{{"$1,200", 1200, "USD", "", false, 0}}},
	{"$1,234.56", []w{{"$1,234.56", 1234.56, "USD", "", false, 0}}},
	{"¥5,000", []w{{"¥5,000", 5000, "JPY", "", false, 0}}},
	{"RMB 2 billion", []w{{"RMB 2 billion", 2e9, "CNY", "", false, 0}}},
	{"RMB2bn", []w{{"RMB2bn", 2e9, "CNY", "", false, 0}}},
	{"CNY 800 million", []w{{"CNY 800 million", 8e8, "CNY", "", false, 0}}},
	{"2 billion yuan", []w{{"2 billion yuan", 2e9, "CNY", "", false, 0}}},
	{"HK$1.2 billion", []w{{"HK$1.2 billion", 1.2e9, "HKD", "", false, 0}}},
	{"C$5 million", []w{{"C$5 million", 5e6, "CAD", "", false, 0}}},
	{"Can$1.07 billion", []w{{"Can$1.07 billion", 1.07e9, "CAD", "", false, 0}}},
	{"raised $US100 million", []w{{"$US100 million", 1e8, "USD", "", false, 0}}},
	{"総工費は1億2000万オマーン・リアル", []w{{"1億2000万オマーン・リアル", 1.2e8, "OMR", "", false, 0}}},
	{"5000万クウェートディナールを投じる", []w{{"5000万クウェートディナール", 5e7, "KWD", "", false, 0}}},
	{"a $A500 million loan", []w{{"$A500 million", 5e8, "AUD", "", false, 0}}},
	{"the $NZ1.15 billion raise", []w{{"$NZ1.15 billion", 1.15e9, "NZD", "", false, 0}}},
	{"$Apple 5 shares", nil},
	{"CDN$40 million", []w{{"CDN$40 million", 4e7, "CAD", "", false, 0}}},
	{"Aus$2 billion", []w{{"Aus$2 billion", 2e9, "AUD", "", false, 0}}},
	{"A$5 million", []w{{"A$5 million", 5e6, "AUD", "", false, 0}}},
	{"2.5 billion yen", []w{{"2.5 billion yen", 2.5e9, "JPY", "", false, 0}}},
	{"1 trillion yen", []w{{"1 trillion yen", 1e12, "JPY", "", false, 0}}},
	{"JPY 10 billion", []w{{"JPY 10 billion", 1e10, "JPY", "", false, 0}}},
	{"$ 5 million", []w{{"$ 5 million", 5e6, "USD", "", false, 0}}},
	{"$1.2-billion deal", []w{{"$1.2-billion", 1.2e9, "USD", "", false, 0}}},
	{"$3 trillion", []w{{"$3 trillion", 3e12, "USD", "", false, 0}}},
	{"$250 thousand", []w{{"$250 thousand", 2.5e5, "USD", "", false, 0}}},
	{"$5", []w{{"$5", 5, "USD", "", false, 0}}},
	{"$0.5 million", []w{{"$0.5 million", 5e5, "USD", "", false, 0}}},
	{"100 €", []w{{"100 €", 100, "EUR", "", false, 0}}},
	{"US$10億", []w{{"US$10億", 1e9, "USD", "", false, 0}}},
	// English qualifiers.
	{"up to $8.7 billion", []w{{"up to $8.7 billion", 8.7e9, "USD", ut, false, 0}}},
	{"Up to $8.7 billion", []w{{"Up to $8.7 billion", 8.7e9, "USD", ut, false, 0}}},
	{"as much as $2 billion", []w{{"as much as $2 billion", 2e9, "USD", ut, false, 0}}},
	{"more than $1 billion", []w{{"more than $1 billion", 1e9, "USD", ov, false, 0}}},
	{"over $1bn", []w{{"over $1bn", 1e9, "USD", ov, false, 0}}},
	{"in excess of $500 million", []w{{"in excess of $500 million", 5e8, "USD", ov, false, 0}}},
	{"at least $5 million", []w{{"at least $5 million", 5e6, "USD", ov, false, 0}}},
	{"$1 billion or more", []w{{"$1 billion or more", 1e9, "USD", ov, false, 0}}},
	{"$1bn+", []w{{"$1bn+", 1e9, "USD", ov, false, 0}}},
	{"about $96 million", []w{{"about $96 million", 9.6e7, "USD", ab, true, 0}}},
	{"approximately $5 million", []w{{"approximately $5 million", 5e6, "USD", ab, true, 0}}},
	{"roughly $5 million", []w{{"roughly $5 million", 5e6, "USD", ab, true, 0}}},
	{"around €40m", []w{{"around €40m", 4e7, "EUR", ab, true, 0}}},
	{"~$5 million", []w{{"~$5 million", 5e6, "USD", ab, true, 0}}},
	{"nearly $5 million", []w{{"nearly $5 million", 5e6, "USD", un, false, 0}}},
	{"almost $5 million", []w{{"almost $5 million", 5e6, "USD", un, false, 0}}},
	{"less than $5 million", []w{{"less than $5 million", 5e6, "USD", un, false, 0}}},
	{"under £2m", []w{{"under £2m", 2e6, "GBP", un, false, 0}}},
	// English ranges.
	{"$8-10 million", []w{{"$8-10 million", 8e6, "USD", "", true, 1e7}}},
	{"$8–10 million", []w{{"$8–10 million", 8e6, "USD", "", true, 1e7}}},
	{"$8 million to $10 million", []w{{"$8 million to $10 million", 8e6, "USD", "", true, 1e7}}},
	{"$8 million-$10 million", []w{{"$8 million-$10 million", 8e6, "USD", "", true, 1e7}}},
	{"$1.5-2 billion", []w{{"$1.5-2 billion", 1.5e9, "USD", "", true, 2e9}}},
	{"$500,000-1 million", []w{{"$500,000-1 million", 5e5, "USD", "", true, 1e6}}},
	{"between $8m and $10m", []w{{"between $8m and $10m", 8e6, "USD", "", true, 1e7}}},
	{"8 to 10 billion yen", []w{{"8 to 10 billion yen", 8e9, "JPY", "", true, 1e10}}},
	// Bitcoin is its own currency.
	{"500 BTC", []w{{"500 BTC", 500, "BTC", "", false, 0}}},
	{"1900BTC", []w{{"1900BTC", 1900, "BTC", "", false, 0}}},
	{"500ビットコイン", []w{{"500ビットコイン", 500, "BTC", "", false, 0}}},
	{"1,000 bitcoin", []w{{"1,000 bitcoin", 1000, "BTC", "", false, 0}}},
	{"約1900BTC(約1.75億ドル)を売却", []w{{"約1900BTC", 1900, "BTC", ab, true, 0}, {"約1.75億ドル", 1.75e8, "USD", ab, true, 0}}},
	// English number words.
	{"five million dollars", []w{{"five million dollars", 5e6, "USD", "", false, 0}}},
	{"a billion dollars", []w{{"a billion dollars", 1e9, "USD", "", false, 0}}},
	{"half a billion euros", []w{{"half a billion euros", 5e8, "EUR", "", false, 0}}},
	{"twenty-five thousand pounds", []w{{"twenty-five thousand pounds", 25000, "GBP", "", false, 0}}},
	{"one hundred and fifty dollars", []w{{"one hundred and fifty dollars", 150, "USD", "", false, 0}}},
	{"nearly a billion dollars", []w{{"nearly a billion dollars", 1e9, "USD", un, false, 0}}},
	{"Two billion yen", []w{{"Two billion yen", 2e9, "JPY", "", false, 0}}},
	{"one pound of coffee", nil},
	{"a billion-dollar deal", nil},
	{"tickets rose $5 to 10 venues", []w{{"$5", 5, "USD", "", false, 0}}},
	{"$8 to 10 million", []w{{"$8 to 10 million", 8e6, "USD", "", true, 1e7}}},
	{"a one-time $5 million fee", []w{{"$5 million", 5e6, "USD", "", false, 0}}},
	{"a dollar store", nil},
	{"one hundred employees", nil},
	// Odd spacing and prices.
	{"5億 3000万ドル", []w{{"5億 3000万ドル", 5.3e8, "USD", "", false, 0}}},
	{"3 億 ドル", []w{{"3 億 ドル", 3e8, "USD", "", false, 0}}},
	{"約 100億円", []w{{"約 100億円", 1e10, "JPY", ab, true, 0}}},
	{"$5 mil", []w{{"$5 mil", 5e6, "USD", "", false, 0}}},
	{"€ 50", []w{{"€ 50", 50, "EUR", "", false, 0}}},
	{"The price is $19.99.", []w{{"$19.99", 19.99, "USD", "", false, 0}}},
	{"税込1万9800円", []w{{"1万9800円", 19800, "JPY", "", false, 0}}},
	{"価格は1,980円(税込)", []w{{"1,980円", 1980, "JPY", "", false, 0}}},
	{"12億3,400万円", []w{{"12億3,400万円", 1.234e9, "JPY", "", false, 0}}},
	{"3.5万円", []w{{"3.5万円", 35000, "JPY", "", false, 0}}},
	{"1.5 million yuan", []w{{"1.5 million yuan", 1.5e6, "CNY", "", false, 0}}},
	{"$5 million USD", []w{{"$5 million USD", 5e6, "USD", "", false, 0}}},
	{"Bitcoin hit $100,000 bitcoin price", []w{{"$100,000", 1e5, "USD", "", false, 0}}},
	{"1 BTC = $90,000", []w{{"1 BTC", 1, "BTC", "", false, 0}, {"$90,000", 9e4, "USD", "", false, 0}}},
	{"1,000~2,000円", []w{{"1,000~2,000円", 1000, "JPY", "", true, 2000}}},
	{"$10 to $20", []w{{"$10 to $20", 10, "USD", "", true, 20}}},
	{"3-5億円", []w{{"3-5億円", 3e8, "JPY", "", true, 5e8}}},
	{"5億人", nil},
	{"3兆個", nil},
	{"1000万台", nil},
	{"1億 2026年", nil},
	// Cents and hyphenated words.
	{"99 cents", []w{{"99 cents", 0.99, "USD", "", false, 0}}},
	{"50セント", []w{{"50セント", 0.5, "USD", "", false, 0}}},
	{"a 5-billion-dollar deal", []w{{"5-billion-dollar", 5e9, "USD", "", false, 0}}},
	{"5-year-old", nil},
	{"CAD 3D models", nil},
	{"USD 5G rollout", nil},
	{"a $10x return", nil},
	{"100 USDT", nil},
	// Not money.
	{"50 EH/s", nil},
	{"ハッシュレートは826EH/sから1ZH/sに", nil},
	{"一億総活躍社会", nil},
	{"億万長者になった", nil},
	{"前年比23%増", nil},
	{"1億株を発行", nil},
	{"10 million shares", nil},
	{"2026年に完了", nil},
	{"200 MW of capacity", nil},
	{"1.5GW", nil},
	{"計算能力は50万台", nil},
	{"関東一円に店舗", nil},
	{"三次元の元素", nil},
	{"令和元年", nil},
	{"一元化を進める", nil},
	{"weighs 500 pounds", nil},
	// Pounds are money unless the words around make them a weight
	// (changed decision: "500 pounds" alone used to be a weight).
	{"the fee is 500 pounds", []w{{"500 pounds", 500, "GBP", "", false, 0}}},
	{"10 pounds of copper", nil},
	{"lost 20 pounds", nil},
	{"lost 20 million pounds", []w{{"20 million pounds", 2e7, "GBP", "", false, 0}}},
	{"体重150ポンド", nil},
	{"10 pence", []w{{"10 pence", 0.1, "GBP", "", false, 0}}},
	// Codes in any case, currency pairs, other dollars.
	{"usd 100", []w{{"usd 100", 100, "USD", "", false, 0}}},
	{"300 rmb", []w{{"300 rmb", 300, "CNY", "", false, 0}}},
	{"a cad 5 model", nil},
	{"EUR/USD 1.0850", nil},
	{"euro 5", []w{{"euro 5", 5, "EUR", "", false, 0}}},
	{"Euro 2024 final", nil},
	{"Euro 6 engines", nil},
	{"BTC-USD 95,000", nil},
	{"--min-usd 100000000", nil},
	{"5 New Zealand dollars", []w{{"5 New Zealand dollars", 5, "NZD", "", false, 0}}},
	{"5 Taiwan dollars", []w{{"5 Taiwan dollars", 5, "TWD", "", false, 0}}},
	// European numbers, spaced groups, symbol suffixes.
	{"€2,50", []w{{"€2,50", 2.5, "EUR", "", false, 0}}},
	{"1.299,00 €", []w{{"1.299,00 €", 1299, "EUR", "", false, 0}}},
	{"€1.234.567", []w{{"€1.234.567", 1234567, "EUR", "", false, 0}}},
	{"€1.299", []w{{"€1.299", 1.299, "EUR", "", false, 0}}},
	{"€1,299", []w{{"€1,299", 1299, "EUR", "", false, 0}}},
	{"1,2,3円", nil},
	{"1 500 円", []w{{"1 500 円", 1500, "JPY", "", false, 0}}},
	{"page 1 500 people", nil},
	{"$2.5 m", []w{{"$2.5 m", 2.5e6, "USD", "", false, 0}}},
	{"45$", []w{{"45$", 45, "USD", "", false, 0}}},
	{"5 $10 bills", []w{{"$10", 10, "USD", "", false, 0}}},
	{"人民币300元", []w{{"人民币300元", 300, "CNY", "", false, 0}}},
	// Dollars (pounds) and cents make one amount.
	{"3ドル50セント", []w{{"3ドル50セント", 3.5, "USD", "", false, 0}}},
	{"ten dollars and fifty cents", []w{{"ten dollars and fifty cents", 10.5, "USD", "", false, 0}}},
	{"5 dollars 50 cents", []w{{"5 dollars 50 cents", 5.5, "USD", "", false, 0}}},
	{"£2 and 20 pence", []w{{"£2 and 20 pence", 2.2, "GBP", "", false, 0}}},
	{"$5 million and 50 cents", []w{{"$5 million", 5e6, "USD", "", false, 0}, {"50 cents", 0.5, "USD", "", false, 0}}},
	// Slang with a currency, and "a" before a number word.
	{"twenty bucks", []w{{"twenty bucks", 20, "USD", "", false, 0}}},
	{"100 quid", []w{{"100 quid", 100, "GBP", "", false, 0}}},
	{"the 2024 Bucks roster", nil},
	{"5 hundred dollars", []w{{"5 hundred dollars", 500, "USD", "", false, 0}}},
	{"3 hundred million yen", []w{{"3 hundred million yen", 3e8, "JPY", "", false, 0}}},
	{"2 hundred people", nil},
	{"10 grand", nil},
	{"a five dollar fee", []w{{"five dollar", 5, "USD", "", false, 0}}},
	{"1000 yuan renminbi", []w{{"1000 yuan renminbi", 1000, "CNY", "", false, 0}}},
	{"the H100 GPU", nil},
	{"Q4 revenue rose 12%", nil},
	{"数字", nil},
	{"百科事典", nil},
	{"No. 1 miner", nil},
	{"", nil},
	{"$", nil},
	{"ドル", nil},
	{"ドル円相場", nil},
	{"15.5 EH/s and 3,200 machines", nil},
	// Mixed sentences.
	{"TeraWulfとFluidstackが締結した128億ドルの契約や、IRENとマイクロソフトの5年間97億ドルの契約",
		[]w{{"128億ドル", 128e8, "USD", "", false, 0}, {"97億ドル", 97e8, "USD", "", false, 0}}},
	{"売上高は1億6850万ドルで、前年比23%増。うち、1690万ドルは新規",
		[]w{{"1億6850万ドル", 168_500_000, "USD", "", false, 0}, {"1690万ドル", 16_900_000, "USD", "", false, 0}}},
	{"総売上は7980万ドルで、前年同期の9490万ドルから減少",
		[]w{{"7980万ドル", 79_800_000, "USD", "", false, 0}, {"9490万ドル", 94_900_000, "USD", "", false, 0}}},
	{"1080枚を売却し、その資金(約9600万ドル)を使って",
		[]w{{"約9600万ドル", 9.6e7, "USD", ab, true, 0}}},
	{"同社は契約10億ドルを獲得", []w{{"10億ドル", 1e9, "USD", "", false, 0}}},
	{"総額約100億円の投資", []w{{"約100億円", 1e10, "JPY", ab, true, 0}}},
	{"1ドル=150円で換算", []w{{"1ドル", 1, "USD", "", false, 0}, {"150円", 150, "JPY", "", false, 0}}},
	{"1株あたり100円の配当", []w{{"100円", 100, "JPY", "", false, 0}}},
	{"株価は5%上昇し、時価総額は約600億ドルに達した", []w{{"約600億ドル", 6e10, "USD", ab, true, 0}}},
	{"Cipher signed a $5.5 billion lease with AWS and raised $1.4bn in notes.",
		[]w{{"$5.5 billion", 5.5e9, "USD", "", false, 0}, {"$1.4bn", 1.4e9, "USD", "", false, 0}}},
	{"Revenue rose 23% to $168.5 million, while hashrate reached 50 EH/s.",
		[]w{{"$168.5 million", 168.5e6, "USD", "", false, 0}}},
	{"Revenue rose from $8 million to $10 million.",
		[]w{{"$8 million", 8e6, "USD", "", false, 0}, {"$10 million", 1e7, "USD", "", false, 0}}},
	{"The 10-year, $3.7 billion contract covers 200 MW.", []w{{"$3.7 billion", 3.7e9, "USD", "", false, 0}}},
	{"It sold 500 BTC for about $50 million in 2025.",
		[]w{{"500 BTC", 500, "BTC", "", false, 0}, {"about $50 million", 5e7, "USD", ab, true, 0}}},
	{"a ¥20 billion (US$133 million) loan",
		[]w{{"¥20 billion", 2e10, "JPY", "", false, 0}, {"US$133 million", 1.33e8, "USD", "", false, 0}}},
	{"200億円(約1億3400万ドル)を調達",
		[]w{{"200億円", 2e10, "JPY", "", false, 0}, {"約1億3400万ドル", 1.34e8, "USD", ab, true, 0}}},
	{"The company issued 10 million shares at $12 each.", []w{{"$12", 12, "USD", "", false, 0}}},
	{"In 2024, it earned $2.3bn; in 2025, £1.1bn.",
		[]w{{"$2.3bn", 2.3e9, "USD", "", false, 0}, {"£1.1bn", 1.1e9, "GBP", "", false, 0}}},
	{"the 3.7%-yield notes worth €300m", []w{{"€300m", 3e8, "EUR", "", false, 0}}},
	{"Deals worth $2 billion and $3 billion were signed",
		[]w{{"$2 billion", 2e9, "USD", "", false, 0}, {"$3 billion", 3e9, "USD", "", false, 0}}},
	{"WULF:超128億ドルの契約を保持", []w{{"超128億ドル", 128e8, "USD", ov, false, 0}}},
	{"HUT:70億ドルの契約を保持", []w{{"70億ドル", 7e9, "USD", "", false, 0}}},
	{"ハッシュ価格はわずか約23.9ドル/PH/sとなった", []w{{"約23.9ドル", 23.9, "USD", ab, true, 0}}},
	{"負債は百万ドル規模に達している", []w{{"百万ドル", 1e6, "USD", "", false, 0}}},
	{"資産価値は5万ドル未満に落ち込み", []w{{"5万ドル未満", 5e4, "USD", un, false, 0}}},
	{"3億ドルの負債と2000万ユーロの融資", []w{{"3億ドル", 3e8, "USD", "", false, 0}, {"2000万ユーロ", 2e7, "EUR", "", false, 0}}},
	// A scale word after a code, as tables write units; a written "negative".
	{"Hosting income reached 96 USD million in the half.", []w{{"96 USD million", 96e6, "USD", "", false, 0}}},
	{"It paid 3 USD, then 2 EUR bn for the site.", []w{{"3 USD", 3, "USD", "", false, 0}, {"2 EUR bn", 2e9, "EUR", "", false, 0}}},
	{"Free cash flow was negative $7.5 million.", []w{{"negative $7.5 million", -7.5e6, "USD", "", false, 0}}},
	// An accounting negative: the figure in brackets right after the sign;
	// a bracketed whole stays a positive conversion.
	{"Operating cash flow was $(10.4) million, or $(10.4)M year to date.", []w{{"$(10.4) million", -10.4e6, "USD", "", false, 0}, {"$(10.4)M", -10.4e6, "USD", "", false, 0}}},
	{"A net loss of ¥(300) million and US$(1,234).", []w{{"¥(300) million", -3e8, "JPY", "", false, 0}, {"US$(1,234)", -1234, "USD", "", false, 0}}},
	{"It raised €575 million ($610 million).", []w{{"€575 million", 575e6, "EUR", "", false, 0}, {"$610 million", 610e6, "USD", "", false, 0}}},
	// A bare ¥ converted at a yuan's rate is yuan, and so is every bare ¥
	// of the text; at a yen's rate it stays yen.
	{"It values the chipmaker at ¥3.06bn ($466m) and pays ¥1bn in cash.", []w{{"¥3.06bn", 3.06e9, "CNY", "", false, 0}, {"$466m", 466e6, "USD", "", false, 0}, {"¥1bn", 1e9, "CNY", "", false, 0}}},
	{"SoftBank paid ¥300bn ($2bn) for the stake.", []w{{"¥300bn", 300e9, "JPY", "", false, 0}, {"$2bn", 2e9, "USD", "", false, 0}}},
	// "won" after a spelled-out number without a scale is the verb.
	{"No one won the bid, though one won a prize; it paid five billion won.", []w{{"five billion won", 5e9, "KRW", "", false, 0}}},
	// "X to Y" after a verb of change is two amounts; after a verb of range
	// (and "AからB" reaching a level) one range; a Japanese name opening on
	// a code may touch the number.
	{"Spot prices rose $1.20 to $84.35 a barrel.", []w{{"$1.20", 1.2, "USD", "", false, 0}, {"$84.35", 84.35, "USD", "", false, 0}}},
	{"Rents range from £80,000 to £120,000 a year.", []w{{"£80,000 to £120,000", 8e4, "GBP", "", true, 1.2e5}}},
	{"The pilot may cost from $2 to $4 million, but the budget was cut from $9 million to $7 million.", []w{{"$2 to $4 million", 2e6, "USD", "", true, 4e6}, {"$9 million", 9e6, "USD", "", false, 0}, {"$7 million", 7e6, "USD", "", false, 0}}},
	{"事業費は100億から200億円になる見通しだ。", []w{{"100億から200億円", 1e10, "JPY", "", true, 2e10}}},
	{"予算を100億円から200億円に増額した。", []w{{"100億円", 1e10, "JPY", "", false, 0}, {"200億円", 2e10, "JPY", "", false, 0}}},
	{"政府系ファンドは100億UAEディルハムを投じる。", []w{{"100億UAEディルハム", 1e10, "AED", "", false, 0}}},
	// The rand's R before a scaled or grouped figure; mixed separators.
	{"The bank backed the expansion with a R2bn facility and a R1,500 fee.", []w{{"R2bn", 2e9, "ZAR", "", false, 0}, {"R1,500", 1500, "ZAR", "", false, 0}}},
	{"Take the R2 road to the R500 site.", nil},
	{"The fund will invest $3,000 000 USD in cash.", []w{{"$3,000 000 USD", 3e6, "USD", "", false, 0}}},
	{"It paid $3,000 500 people.", []w{{"$3,000", 3000, "USD", "", false, 0}}},
	{"The tenant, a $3T+ market-cap company, signed; 3t of steel arrived.", []w{{"$3T+", 3e12, "USD", "over", false, 0}}},
}

func TestFindTable(t *testing.T) {
	p := New(Config{})
	if len(moneyCases) < 150 {
		t.Fatalf("only %d money cases, want at least 150", len(moneyCases))
	}
	for _, tc := range moneyCases {
		t.Run(tc.in, func(t *testing.T) {
			got := p.Find(tc.in)
			if len(got) != len(tc.want) {
				t.Fatalf("Find(%q) = %s, want %d amounts", tc.in, show(got), len(tc.want))
			}
			for k, g := range got {
				want := tc.want[k]
				if g.Text != want.text || !close(g.Value, want.value) || g.Currency != want.cur ||
					g.Qualifier != want.qual || g.Approx != want.approx || !close(g.Max, want.max) {
					t.Errorf("Find(%q)[%d] = %s\nwant {%s %v max=%v %s q=%q approx=%v}",
						tc.in, k, show(got[k:k+1]), want.text, want.value, want.max, want.cur, want.qual, want.approx)
				}
				if tc.in[g.Span[0]:g.Span[1]] != g.Text {
					t.Errorf("span %v does not cover %q", g.Span, g.Text)
				}
			}
		})
	}
}

func close(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

func show(as []pipeline.Amount) string {
	var b strings.Builder
	for _, a := range as {
		fmt.Fprintf(&b, "{%s %v max=%v %s q=%q approx=%v span=%v} ", a.Text, a.Value, a.Max, a.Currency, a.Qualifier, a.Approx, a.Span)
	}
	return b.String()
}
