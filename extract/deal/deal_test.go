package deal

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

func TestExtractRules(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		name, title, text string
		want              []string // "company|counterparty|amount text|kind"
	}{
		{"ja the name a relative clause of buying describes is the one bought", "", "北辰マイニング株式会社は、1億2500万ドルで買収した南星データ株式会社が容量拡張を担うと述べた。",
			[]string{"南星データ|北辰マイニング|1億2500万ドル|acquisition"}},
		{"ja a country's mark before a name kagome reads is no part of the name", "", "KDDIは米ケイロス・パワーと電力購入契約を結んだ。",
			[]string{"KDDI|ケイロス・パワー||other"}},
		{"ja a group led by a company's fund buys for the company; a consortium is no name", "", "北辰キャピタル株式会社傘下の投資会社が率いる連合体は15日、南星データ株式会社を買収すると発表した。",
			[]string{"南星データ|北辰キャピタル||acquisition"}},
		{"ja a figure that sizes a contract stands beside the revenue word before it", "", "北辰クラウド株式会社は今週、年間収入で300億ドル(約4兆3000億円)規模のクラウド契約を締結したと発表したが、顧客名は公表していない。",
			[]string{"北辰クラウド||300億ドル|hpc_contract"}},
		{"ja a contract whose customer is kept unnamed takes no other side from the deal told before", "", "北辰クラウド株式会社は南星AI株式会社にクラウドを提供する契約を結んでいる。\n北辰クラウド株式会社は今週、300億ドル規模のクラウド契約を締結したと発表したが、顧客名は公表していない。",
			[]string{"北辰クラウド|南星AI||hpc_contract", "北辰クラウド||300億ドル|hpc_contract"}},
		{"ja a Latin name ending on a digit sells power from its slot", "", "北辰データ株式会社は、太陽光発電事業者であるSolarNorth1から、80MW分の電力を購入する長期契約を締結したと発表した。",
			[]string{"北辰データ|SolarNorth1||other"}},
		{"ja 同社 is the article's company, not a name told once in passing", "", "ミナト・キャピタル・パートナーズは日本への投資を倍増させた。ミナト社は用地を取得した。ミナト社の担当者は語った。\n他の投資家には北辰ファンド株式会社が含まれる。\n同社は2022年に南星データ株式会社と提携した。",
			[]string{"ミナト・キャピタル・パートナーズ|||acquisition", "ミナト・キャピタル・パートナーズ|南星データ||partnership"}},
		{"ja a pair of lenders gives each its deal with the one whose project they fund", "", "南星銀行および東雲信託銀行は、北辰エナジー株式会社が英国で展開するプロジェクトへの資金支援を目的として、最大1億ポンドの追加融資枠を提供した。",
			[]string{"北辰エナジー|南星銀行|最大1億ポンド|financing", "北辰エナジー|東雲信託銀行|最大1億ポンド|financing"}},
		{"ja a katakana name of common words leading a consortium is the buyer", "", "北辰データ株式会社は11日、傘下の施設事業をグローバル・インフラ・キャピタル主導のコンソーシアムに25億ドルで売却することで合意した。",
			[]string{"北辰データ|グローバル・インフラ・キャピタル|25億ドル|asset_sale"}},
		{"ja a Latin name split by its katakana reading is one name", "", "南星ホールディングスは2日、Northwind(ノースウインド)Groupを約12億ドルで買収すると発表した。",
			[]string{"Northwind Group|南星ホールディングス|約12億ドル|acquisition"}},
		{"en a company's own subsidiary it buys through is no other side", "", "Pinewood Data agreed to buy the campus for $41.5 million through Larchmont Compute Inc., the company's wholly owned Canadian subsidiary.",
			[]string{"Pinewood Data||$41.5 million|acquisition"}},
		{"en an attempt to buy is no deal yet", "", "Harbor Digital and Northwind Capital are both trying to acquire the Danish operator Pinecrest Data.",
			nil},
		{"ja two banks leading one loan package lend nothing to each other", "", "北風銀行と南星銀行が主導する約500億円の融資パッケージが組成された。",
			nil},
		{"ja land a company is only in talks to buy is no deal yet", "", "Digital Edgeはインドで事業を広げている。同社は不動産会社のHarbor Propertiesとともに、鉄鋼メーカーのNorthsteelから40エーカーの土地区画を取得するために「事前協議中」であるという。",
			nil},
		{"ja a list of three opening a line is the other sides, not a subject and its partners", "", "KDDIは1月9日、原子力を軸にした電力戦略を発表しました。\nVistra、TerraPower、Okloとの三つの契約を通じ、新しい炉の開発も支えます。",
			nil},
		{"ja 「XによるYのN億ドルの買収」: X buys Y at that price", "", "3月に、北辰キャピタル株式会社による南星データ株式会社の82億ドルの買収が完了した。",
			[]string{"南星データ|北辰キャピタル|82億ドル|acquisition"}},
		{"en an attempted takeover is no deal", "", "Harbor Digital had previously attempted a takeover, only for Northwind Capital to buy Pinecrest Data instead.",
			nil},
		{"en a sale being weighed is no deal yet", "", "Owner Harbor Digital is weighing a minority stake sale in Pinecrest Data, people familiar said.",
			nil},
		{"ja pair", "", "IRENとマイクロソフトの5年間97億ドルの契約が話題だ。", []string{"IREN|Microsoft|97億ドル|hpc_contract"}},
		{"ja a data rule's deal takes its figure past a conversion set aside", "", "Digital Realtyは三菱商事から60億円(4000万ドル)で大阪のデータセンターの15%の権利を取得し、日本に進出した。",
			[]string{"Digital Realty|Mitsubishi Corporation|60億円|acquisition"}},
		{"ja a pair investing with a third makes no deal between the two", "",
			"既に出資している東和銀行に加え、南星銀行と青葉銀行、東洋銀行が合計で新会社に出資する。", nil},
		{"ja the speaker of a quoted sentence that tells of a deal is no side of it", "",
			"北辰通信株式会社はこの日、公開書簡を通じて、「今回の買収は南星電力株式会社を深刻に過小評価している」と述べた。", nil},
		{"ja an agreement named in quotation marks is still the pair's", "",
			"北辰通信株式会社は南星電力株式会社と「資本業務提携契約」を締結した。", []string{"北辰通信|南星電力||partnership"}},
		{"ja a pair that signs with a third makes the deal each with the third, none between the two", "",
			"北辰電力株式会社と南星銀行が東洋通信株式会社と締結した協定に基づき、データセンターの誘致を進める。",
			[]string{"北辰電力|東洋通信||hpc_contract", "南星銀行|東洋通信||hpc_contract"}},
		{"ja a Latin name in the partner's slot of a signed deal", "", "CoinmintはAlocaと10年間のリース契約を締結しました。",
			[]string{"Coinmint|Aloca||lease"}},
		{"ja an abbreviation in the partner's slot is no company", "", "当社は、FCJ、IRIとの3社で業務提携契約を締結した。", nil},
		{"ja revenue is not a deal", "", "TeraWulfの通年売上高は1億6850万ドルだった。", nil},
		{"ja a partner named before a clause that ends on a continuative verb", "",
			"実証事業の一環として、北辰石油株式会社は南星エナジー株式会社と、油田のガスを使用し、発電機に電力を供給する契約を締結した。",
			[]string{"北辰石油|南星エナジー||other"}},
		{"en a data-center operator selling to a fund stays the seller's side", "", "Global Switch sold its Australian business to Harbor Capital Partners for $1.4 billion.",
			[]string{"Global Switch|Harbor Capital Partners|$1.4 billion|asset_sale"}},
		{"ja the seller of what a later clause buys is no side of the sale before it", "",
			"北辰マイニング株式会社は500枚のビットコインを売却し、その資金(約4000万ドル)を使ってWestfieldの土地を購入し、データセンターを建設する。",
			[]string{"北辰マイニング||約4000万ドル|asset_sale"}},
		{"en a long description between the preposition and its name", "",
			"Harbor Labs, the startup that mines with wind power, raised $28 million, led by quantitative investment manager and digital assets market maker, Kestrel Capital.",
			[]string{"Harbor Labs|Kestrel Capital|$28 million|equity"}},
		{"en will partner with", "", "Harbor Labs will partner with Kestrel Power to build a data center in Iceland.",
			[]string{"Harbor Labs|Kestrel Power||partnership"}},
		{"ja a short name defined in brackets stands for the long one", "", "投資会社のハルモニア・キャピタル(以下、「HMC」)は8月25日、系統用蓄電所の開発で株式会社ミナトテック(以下、「MNT」)と提携すると発表した。両社は7月にも基本合意書を締結している。",
			[]string{"ハルモニア・キャピタル|ミナトテック||partnership"}},
		{"ja a pair opening the sentence, the second partner described before its name", "", "蓄電所の開発を手掛ける北辰ホールディングスと電機メーカーの南星電機は4月22日、業務提携契約を締結したと発表した。",
			[]string{"北辰ホールディングス|南星電機||partnership"}},
		{"ja a company word glued to a name kagome cut short; EPC is no name", "", "北辰エナジーは4月17日、熊本県の系統用蓄電所について、南星エンジニアリングとEPC契約を締結したと発表した。契約金額は約40億円で、2027年に完工する予定。",
			[]string{"北辰エナジー|南星エンジニアリング|約40億円|other"}},
		{"ja a name of common words described as an organisation once is one at every use", "", "小売電気事業者のソーラーパワーは先月、蓄電所の取得を発表した。\nソーラーパワーは、三菱UFJ銀行と4.8億円の融資契約を締結した。",
			[]string{"ソーラーパワー|MUFG|4.8億円|financing"}},
		{"ja a definition's comma ends no clause", "", "KDDIは今週、トロントの資産をNorthvale Properties REIT(以下、Northvale社)から買収したと発表した。",
			[]string{"KDDI|Northvale Properties REIT||acquisition"}},
		{"ja a Latin legal form's dot before the particle", "", "国際協力銀行は、Harbor Finance Americas Inc.との間で2億5000万ドルを限度とする融資契約を締結した。",
			[]string{"Japan Bank for International Cooperation|Harbor Finance Americas|2億5000万ドル|financing"}},
		{"ja a common noun defined in brackets is no organisation", "", "当社は、グリーンファイナンスフレームワーク(以下、フレームワーク)を策定した。フレームワークに基づき資金を調達する。", nil},
		{"ja aside about a name and the stake's price next", "", "ミナトテック・キャピタルは、関連会社ノースリンク(札幌市。売上高12億円、営業利益1億円)の全株式を丸紅に譲渡することを決議した。譲渡価額は4億2000万円。",
			[]string{"ミナトテック・キャピタル|Marubeni|4億2000万円|acquisition"}},
		{"en one agreement with two described partners, its value told of each", "", "Vorn Data signed a $1.2 billion agreement with cloud gaming company Kestrel Compute and property firm Bluepeak Holdings to build a campus.",
			[]string{"Vorn Data|Kestrel Compute|$1.2 billion|hpc_contract", "Vorn Data|Bluepeak Holdings|$1.2 billion|hpc_contract"}},
		{"ja a value told with a list left open is a sum, not each member's", "", "マイクロソフトは、ネビウスやコアウィーブなどと計330億ドルの契約を結んだ。",
			[]string{"Microsoft|CoreWeave||hpc_contract", "Microsoft|Nebius||hpc_contract"}},
		{"en a CamelCase name opens the sentence, the joint venture's owners in its aside", "", "VoltGrid, a 50:50 joint venture between Kestrel Energy and Bluepeak Power, has secured $200 million from Harbor Bank for its campus.",
			[]string{"VoltGrid|Harbor Bank|$200 million|financing", "Kestrel Energy|Bluepeak Power||partnership"}},
		{"en a description of two role nouns joined by and keeps its preposition's role", "", "In May, Northwind Capital sold a 12-acre site in Lisbon to data centre developer and operator Bluepeak Compute for €14 mln.",
			[]string{"Northwind Capital|Bluepeak Compute|€14 mln|asset_sale"}},
		{"en a pair's deal, a third company only owning a thing after it", "", "In 2022, Hut 8 and Bitfarms agreed to combine their hosting sites, tripling Galaxy Digital's capacity.",
			[]string{"Hut 8|Bitfarms||other"}},
		{"ja two buyers joined by と, the second with its country's prefix", "", "ヨンダーは2024年にデジタルブリッジと米KKRによって共同買収された。",
			[]string{"Yondr|KKR||acquisition", "Yondr|DigitalBridge||acquisition"}},
		{"ja a group including two members is its lead's", "", "ブラックストーンとエヌビディアを含む投資家グループが、ヨンダーを40億ドルで買収した。",
			[]string{"Yondr|Blackstone|40億ドル|acquisition"}},
		{"en a pair investing together makes no deal between the two", "", "In July, listed company Hut 8 and private equity firm Bluepeak Capital Partners led a $2.1 billion investment in the private firm.",
			nil},
		{"en a site bought, its seller named in another sentence, is one deal", "", "Hut 8 Buys Ohio Data Centre Site as Miners Race for Power\nThe miner said on Monday that Hut 8 acquired the 40-acre site from Bluepeak Holdings in May.",
			[]string{"Hut 8|Bluepeak Holdings||acquisition"}},
		{"en two plots of different sizes bought by one company are two purchases", "", "Hut 8 acquired an 85-acre campus in Ohio in March.\nIn a move to add capacity, Hut 8 Corp. later bought 120 acres in Texas for a second campus.",
			[]string{"Hut 8|||acquisition", "Hut 8|||acquisition"}},
		{"en one plot told twice with its size is one purchase", "", "Hut 8 acquired an 85-acre campus in Ohio in March.\nThe company bought the 85 acres to build a campus.",
			[]string{"Hut 8|||acquisition"}},
		{"ja a total told after a list of investors is their sum, no member's", "", "北辰ホールディングスは今年、東西銀行、北風信託銀行、南星銀行から合計で30億円の出資を受ける。",
			[]string{"北辰ホールディングス|南星銀行||equity", "北辰ホールディングス|東西銀行||equity", "北辰ホールディングス|北風信託銀行||equity"}},
		{"ja a loan's lenders each lend the whole loan, its total told or not", "", "北辰ホールディングスは今年、東西銀行、北風信託銀行、南星銀行から合計で30億円の融資を受ける。",
			[]string{"北辰ホールディングス|南星銀行|30億円|financing", "北辰ホールディングス|東西銀行|30億円|financing", "北辰ホールディングス|北風信託銀行|30億円|financing"}},
		{"ja a name before に加え is one more investor, not the investee", "", "既に出資している南星銀行に加え、東西銀行が北辰ホールディングスに30億円を出資する。",
			[]string{"北辰ホールディングス|東西銀行|30億円|equity"}},
		{"ja a list counted before its particle, its members written with 社 and their Latin spelling, each a partner", "", "メタは9日、電力大手のビストラ(Vistra)社、原子炉開発のテラ・パワー(TerraPower)社、オクロ社の3社と、電力購入契約を締結した。",
			[]string{"Meta|Oklo||other", "Meta|Vistra||other", "Meta|TerraPower||other"}},
		{"ja power procurement is no money raised", "", "関西電力は、ビストラ、オクロの2社と電力調達を含む契約を結んだ。",
			[]string{"Kansai Electric Power|Oklo||other", "Kansai Electric Power|Vistra||other"}},
		{"en a name's first word standing alone later is the name, not the last subject", "", "Constellation Energy runs reactors. Vorn Data Inc. leases one of them. Constellation also struck a $300 million lease with Kestrel Holdings.",
			[]string{"Constellation Energy|Kestrel Holdings|$300 million|lease"}},
		{"en a power deal in an AI story stays of kind other", "", "Hut 8 runs AI data centers for GPU cloud tenants. Hut 8 reached a $3.5 million agreement with its energy supplier Vorn Partners to repay a deposit.",
			[]string{"Hut 8|Vorn Partners|$3.5 million|other"}},
		{"en a stake sold to a buyer: the stake's company and the buyer are the sides", "", "Northwind Holdings agreed to sell a minority stake in Vorn Data Centres to Kestrel Infrastructure Partners.",
			[]string{"Vorn Data Centres|Kestrel Infrastructure Partners||equity"}},
		{"en an acronym opening a sentence is a name; the one it backs receives the money", "", "KCG Real Estate has backed Vorn Data Centres with £25m funding.",
			[]string{"Vorn Data Centres|KCG Real Estate|£25m|financing"}},
		{"ja an organisation opening the sentence with では is its subject", "", "KDDIでは、2021年に三井物産との間で合弁事業に関する契約を締結している。",
			[]string{"KDDI|Mitsui & Co.||partnership"}},
		{"ja a company sold to a buyer is the buyer's acquisition of it; 出資先 is no deal word", "", "KDDIは出資先のIIJをNTTに売却すると発表した。",
			[]string{"NTT|Internet Initiative Japan||acquisition"}},
		{"en a city and its state's postal code is a place, not the buyer", "", "Harbor Logistics has sold a data center in Philadelphia to Pine Dividend, an investment firm based in El Segundo, CA, for $16.3 million.",
			[]string{"Harbor Logistics|Pine Dividend|$16.3 million|asset_sale"}},
		{"en a name opening the sentence, described as a company in an aside, is the subject; a name inside the aside is none", "", "Zentora, a Nvidia cloud partner based in Berlin, has confirmed a financing deal with Macquarie Group worth up to €117m.",
			[]string{"Zentora|Macquarie Group|up to €117m|financing"}},
		{"ja a counted list's first member in Latin letters is a company", "", "ZENTORA、東北電力、日立製作所の3社は、11月12日、AIデータセンターの構築に向け、共同検討を開始したと発表した。",
			[]string{"ZENTORA|Tohoku Electric Power||partnership", "ZENTORA|Hitachi||partnership"}},
		{"ja 同社 in the dative is the company the article is about", "", "ハイレゾは香川県のデータセンター事業者だ。KDDIは2023年、同社に10億円を出資した。",
			[]string{"KDDI|Highreso|10億円|equity"}},
		{"ja an unknown investee in the dative right before the value it receives", "", "三菱商事はベクターデータに5億ドルを出資した。",
			[]string{"ベクターデータ|Mitsubishi Corporation|5億ドル|equity"}},
		{"en a partnership's owners in brackets after the subject are no partners of it", "", "In 2020, Northwind Sites LLP (a partnership between Kestrel Homes and Bluepeak Holdings) won approval for a campus.",
			nil},
		{"en a weak deal word whose only figure is a share price tells no deal", "", "Major mining firms Hut 8 (HUT) and Bitfarms (BITF) have seen their shares dip 9% and 7% respectively on the day to $8.12 and $2.40.",
			nil},
		{"ja three companies each written with 社, counted and signing together", "", "ブリカラ社、エブロック社、スタズビック社の3社は10月6日、覚書を締結した。",
			[]string{"ブリカラ|エブロック||partnership", "ブリカラ|スタズビック||partnership"}},
		{"ja a counted group whose members are found by their bracketed Latin spelling", "", "スウェーデンのノルドヴィク(Nordvik)社、Kestrel社、ハルボル(Harbol)社の3社は5日、データセンターの共同開発に関する覚書を締結した。",
			[]string{"Nordvik|Kestrel||partnership", "Nordvik|Harbol||partnership"}},
		{"ja a counted group whose last member's legal form stands before the count", "", "株式会社北風データ、南星電力株式会社、東西不動産株式会社の3社は、データセンターの事業化に向けて基本合意書を締結した。",
			[]string{"北風データ|南星電力||partnership", "北風データ|東西不動産||partnership"}},
		{"ja a group counted before と deals with the subject, not within itself", "", "北風データ株式会社は、南星電力株式会社、東西不動産株式会社、西海ガス株式会社の3社と、データセンターの共同開発で協力する。",
			[]string{"北風データ|南星電力||partnership", "北風データ|東西不動産||partnership", "北風データ|西海ガス||partnership"}},
		{"en a name after a role noun, no preposition before it, and a second deal after ', while'", "", "Cooling biz Northwind has agreed to acquire Bluepeak Thermal for $2.5 billion, while infrastructure firm Harbor Compute is set to absorb Kestrel Systems for about $1 billion.",
			[]string{"Bluepeak Thermal|Northwind|$2.5 billion|acquisition"}},
		{"en a deal denied just before its deal word is none", "", "Hut 8 had been in talks for capacity at the campus, but people familiar with the talks said the company didn't reach an agreement with Bluepeak Compute.",
			nil},
		{"en a joint venture's owner named by a company word of its own (Enterprises)", "", "HarborConneX, a 50:50 JV between Kestrel Enterprises and US-based Bluepeak Data, has secured $200 million from Harbor Bank.",
			[]string{"HarborConneX|Harbor Bank|$200 million|financing", "Kestrel Enterprises|Bluepeak Data||partnership"}},
		{"en the contract told again by one side", "", "Oracle has signed a deal worth up to $12bn with Lambda for GPU capacity. Lambda said the contract was worth $10.2bn over five years.",
			[]string{"Oracle|Lambda|up to $12bn|hpc_contract"}},
		{"en one raise told twice, once of 'the company'", "", "Hut 8 owns 80% of American Bitcoin. The company raised $220 million to buy machines. American Bitcoin plans to list in June. American Bitcoin raised $220 million in a private placement.",
			[]string{"American Bitcoin||$220 million|equity"}},
		{"en two companies raising the same sum", "", "Hut 8 raised $100 million in convertible notes. Bitfarms raised $100 million in convertible notes too.",
			[]string{"Hut 8||$100 million|financing", "Bitfarms||$100 million|financing"}},
		{"en a description of the company raises, its banks named next", "", "Northwind Hashing Inc. has closed a debt financing for its Ohio campus.\nThe Columbus-based data center developer and operator said it secured $900 million for the campus.\nHarbor Bank served as the administrative agent for the loan, which was led by TD Securities and Santander.",
			[]string{"Northwind Hashing|Harbor Bank|$900 million|financing", "Northwind Hashing|TD Securities|$900 million|financing", "Northwind Hashing|Santander|$900 million|financing"}},
		{"en a pronoun after the subject is the subject, not the article's miner", "", "Infrastructure firm Blockwave Corporation Inc. said it raised $125 million in convertible notes to expand its hosting business. Riot Platforms was not involved.",
			[]string{"Blockwave||$125 million|financing"}},
		{"en an investor's 'it invested … in the miner' is the article miner's deal", "", "Riot Platforms is expanding its Texas campus. Harbor Capital Partners said it invested $50 million in the miner to fund its expansion.",
			[]string{"Riot Platforms|Harbor Capital Partners|$50 million|equity"}},
		{"en a headline's rounded figure is the body's", "Hut 8 borrows ~$12M from Coinbase to buy miners", "Hut 8 is borrowing $11.8 million from Coinbase to buy new machines.",
			[]string{"Hut 8|Coinbase|$11.8 million|financing"}},
		{"en a bulleted sentence opens on a CamelCase name", "", "Equinix bought two sites in Texas.\n- NorthLink sold its data centers for $2.15 billion to an investment group in 2016.",
			[]string{"Equinix|||acquisition", "NorthLink||$2.15 billion|asset_sale"}},
		{"en a name, its description in commas, then the verb", "", "DataVault, a DigitalBridge portfolio data center company, announced a $2.0 billion equity raise led by AustralianSuper.",
			[]string{"DataVault|AustralianSuper|$2.0 billion|equity"}},
		{"en a which-clause tells its antecedent's deal", "", "CoreWeave will build the campus in Texas. The facility will be leased to Oracle, which has a deal to provide computing power to Microsoft and OpenAI.",
			[]string{"CoreWeave|Oracle||lease", "Oracle|Microsoft||hpc_contract", "Oracle|OpenAI||hpc_contract"}},
		{"en a bulleted common word is no name", "", "Northwind Hashing Inc. closed the quarter.\n- Repayment of the $10 million loan facility leaves the company debt-free.",
			[]string{"Northwind Hashing||$10 million|financing"}},
		{"en capitalised words opening on a deal verb name the buyer", "", "Summit 12 acquired BlueRidge Hosting from parent company Harbor Holdings Inc. in a $500 million all-cash transaction.",
			[]string{"BlueRidge Hosting|Summit 12|$500 million|acquisition"}},
		{"en a company bought from its owner is the deal's other side, not the owner", "", "Northwind Capital acquired Harbor Data Corp. from Orion Holdings Inc. for $50 million.",
			[]string{"Harbor Data|Northwind Capital|$50 million|acquisition"}},
		{"en the one bought named after a description of it ('one of its rivals, X')", "", "Northwind Data will acquire one of its oldest rivals, Harbor Compute (HC), in a $2 billion transaction.",
			[]string{"Harbor Compute|Northwind Data|$2 billion|acquisition"}},
		{"en a word of a known company's longer written name is no figure word ('Group Holdings' are no bitcoin holdings)", "", "Bitdeer Group Holdings Ltd. obtained a $490 million five-year syndicated loan.",
			[]string{"Bitdeer||$490 million|financing"}},
		{"en a round's sum raised from investors including a list: each is in the round, none for the whole sum", "", "Northwind Compute has raised over $100 million from investors including Harbor Capital, Pinecrest Ventures, and Bluepeak Partners.",
			[]string{"Northwind Compute|Harbor Capital||equity", "Northwind Compute|Pinecrest Ventures||equity", "Northwind Compute|Bluepeak Partners||equity"}},
		{"en backers named 'like' after 'from investors' are the round's, not examples", "", "Northwind Compute has raised over $100 million from investors like Harbor Capital, Pinecrest Ventures, and Bluepeak Partners.",
			[]string{"Northwind Compute|Harbor Capital||equity", "Northwind Compute|Pinecrest Ventures||equity", "Northwind Compute|Bluepeak Partners||equity"}},
		{"en a company bought outright is an acquisition without a value told", "", "Brookfield bought Harbor Data from Orion Capital in 2023.",
			[]string{"Brookfield|Harbor Data||acquisition"}},
		{"en the owner of assets bought is not the company bought", "", "Brookfield bought Orion Capital’s data centers in 2023.", nil},
		{"en 'These agreements' opening the next paragraph give the agreements just told their value", "", "Northwind Hashing Inc. has announced two 10-year colocation agreements with Pinecrest Compute for its campus.\nThese agreements, projected to generate approximately $3.7 billion in revenue over the initial term, have potential total revenues of up to $8.7 billion if extension options are exercised.",
			[]string{"Northwind Hashing|Pinecrest Compute|approximately $3.7 billion|colocation"}},
		{"en a site bought from its owner: the owner is the other side", "", "Pinecrest Data agreed to acquire Lakeshore Datacenter from Harbor Hosting Inc. for $50 million.",
			[]string{"Pinecrest Data|Harbor Hosting|$50 million|acquisition"}},
		{"en an asset named after 'the acquisition of' is bought from its seller", "", "Northwind Capital closed the acquisition of Cedar 2A from Spring Lane Capital for $50 million.",
			[]string{"Northwind Capital|Spring Lane Capital|$50 million|acquisition"}},
		{"en a word with a capital inside names a party mid-sentence", "", "On March 3 NorthLink signed a $40 million lease with Pinecrest Compute Inc.",
			[]string{"NorthLink|Pinecrest Compute|$40 million|lease"}},
		{"en ticker aside holds no deal", "", "Northwind paid with 400,000 shares of NWH (worth $3.3 million as of May 2).", nil},
		{"en a financing from a list of lenders is each lender's; the campus it funds costs more", "", "Northwind Hashing has secured $4B in capital from Harbor Bank, Pinecrest Capital, and Bluepeak Partners to fund a $6B AI data center campus in Ohio.",
			[]string{"Northwind Hashing|Harbor Bank|$4B|financing", "Northwind Hashing|Pinecrest Capital|$4B|financing", "Northwind Hashing|Bluepeak Partners|$4B|financing"}},
		{"en a list after 'from' is the deal's other side, no pair of its own (the topic's deal with each is not found yet)", "", "Northwind Hashing Inc. closed several deals this year.\n- $160 million strategic financing from a group of institutional investors, Harbor Capital Inc. and Pinecrest Partners LLC",
			nil},
		{"en a name cut at 'for' whose acronym spells the whole; India's Private Ltd", "", "The Northern Bank for Power and Development (NBPD) is extending a Rs 500 crore loan to Harbor Techpark Private Ltd.",
			[]string{"Harbor Techpark|Northern Bank for Power and Development|Rs 500 crore|financing"}},
		{"en a pair raising together each raised its own money", "", "Harbor Energy Inc. and Pinecrest Capital LLC raised over $800 million through convertible bond issuances.",
			[]string{"Harbor Energy|||financing", "Pinecrest Capital|||financing"}},
		{"en a pair's joint venture raises, not each of the pair", "", "Harbor Energy and Pinecrest Capital joint venture plans a $1.2 billion secured note offering.",
			[]string{"Harbor Energy|Pinecrest Capital||partnership"}},
		{"en an investor's stake 'giving the firm' a share is in the topic company", "", "Northwind Compute Inc. is building a campus in Norway. Harbor Industries ASA said it would invest $285 million in cash and land, giving the firm a 9.3% stake.",
			[]string{"Harbor Industries|Northwind Compute|$285 million|equity"}},
		{"en deals with a list are a sum", "", "Northwind Hashing signed $6 billion of contracts with Harbor Compute, Pinecrest Cloud and Bluepeak AI.", nil},
		{"en a facility a company builds alone costs, no deal", "", "Northwind Hashing Inc. has started building a $50 million facility in Ohio, where Harbor Power sells electricity.", nil},
		{"en partners developing a campus give the partnership its value", "", "Northwind Hashing Inc. and Harbor Power are partnering to develop a $1.2 billion data center campus.",
			[]string{"Northwind Hashing|Harbor Power|$1.2 billion|partnership"}},
		{"en a site-purchase phrase whose object is a company is that company's acquisition", "", "DigitalBridge is to acquire data centre developer Yondr.",
			[]string{"Yondr|DigitalBridge||acquisition"}},
		{"ja a described name working jointly with the subject", "", "ハット8は、AI開発企業アドバイズXと共同で9月26日にGPUの貸し出しを開始した。", []string{"Hut 8|アドバイズX||partnership"}},
		{"en 'merged with' is an acquisition; the founders listed in an aside are no party", "", "Northwind Hashing Inc., a mining operation started by John Smith, Jane Doe, and data-center operator Harbor Compute, is merging with Pinecrest Mining in a stock-for-stock transaction.",
			[]string{"Northwind Hashing|Pinecrest Mining||acquisition"}},
		{"ja a counted list of companies working together: the first with each other; unknown Latin members between known ones", "", "東北電力、インターネットイニシアティブ(IIJ)、QTnet、ノーチラス・テクノロジーズの4社は、分散型データセンターの実証を開始すると発表した。",
			[]string{"Tohoku Electric Power|Internet Initiative Japan||partnership", "Tohoku Electric Power|QTnet||partnership", "Tohoku Electric Power|ノーチラス・テクノロジーズ||partnership"}},
		{"ja the signatories of a memorandum listed after 締結したのは", "", "覚書を締結したのは、南星海運株式会社、株式会社東雲ファシリティーズ、株式会社三菱UFJ銀行です。",
			[]string{"南星海運|東雲ファシリティーズ||partnership", "南星海運|MUFG||partnership"}},
		{"ja a counted list of companies without joint work is no deal", "", "KDDI、ソフトバンク、楽天の3社は、いずれも減益だった。", nil},
		{"ja a parent taking its listed unit private: two companies the list knows, though one name begins with the other", "", "NTTは、子会社のNTTデータを2兆円で非公開化する。",
			[]string{"NTT DATA|NTT|2兆円|acquisition"}},
		{"en the headline's price goes to each company of the list bought in the body", "Northwind Hashing buys its two landlords for $30 million", "Northwind Hashing Inc. operates 134 MW in Norway.\nNorthwind Hashing Inc. said it agreed to acquire 100% of the shares of Harbor Housing AS and Pinecrest Data Center AS from their owners.",
			[]string{"Northwind Hashing|Harbor Housing|$30 million|acquisition", "Northwind Hashing|Pinecrest Data Center|$30 million|acquisition"}},
		{"en coordinators of a syndicated loan and banks involved in it lend; the parts it comprises are no deals", "", "Northwind Hashing Inc. has secured $900 million of financing for its Ohio campus.\nHarbor Bank was the joint coordinator for the syndicated financing, which comprises $600 million in term loans and a $300 million revolving facility.\nPinecrest Bank said it was also involved in the syndicated financing, along with Bluepeak Bank.",
			[]string{"Northwind Hashing|Harbor Bank|$900 million|financing", "Northwind Hashing|Pinecrest Bank|$900 million|financing", "Northwind Hashing|Bluepeak Bank|$900 million|financing"}},
		{"en 'It' after a sentence whose subject is another company goes on about the article's company named there", "", "Nscale raised $1.1 billion in September.\nNscale is a neocloud that rents out chips.\nOpenAI picked Nscale to develop its first site in Britain.\nIt also partnered with Microsoft to build a supercomputer in Essex.",
			[]string{"Nscale||$1.1 billion|equity", "Nscale|OpenAI||partnership", "Nscale|Microsoft||partnership"}},
		{"ja a Latin name with more capitalised words before the particle is a unit's own name", "", "NTT DC REITは、新規株式公開で7億7300万ドルを調達した。",
			[]string{"NTT DC REIT||7億7300万ドル|equity"}},
		{"ja a subsidiary named with が signs for itself, not with its parent", "", "JERAは9月24日、子会社のJERA CrossがGoogleと電力購入契約を締結したと発表した。",
			[]string{"JERA Cross|Google||other"}},
		{"ja a katakana name glossed in Chinese characters raises; its founder named before is no party", "", "中国の検索大手、百度(バイドゥ)が設立した北京のホライズン・ロボティクス(地平線机器人)は10月、1億ドルの資金調達に成功した。",
			[]string{"ホライズン・ロボティクス||1億ドル|financing"}},
		{"en a list opening the main clause raised a sum: each raised its own money, of no value told", "", "Although their Q3 numbers are pending, Hut 8, Bitfarms, and TeraWulf alone raised around $3 billion through convertible bonds last quarter.",
			[]string{"Hut 8|||financing", "Bitfarms|||financing", "TeraWulf|||financing"}},
		{"en a sentence opening on a name 'in partnership with' an institution whose name begins with a place", "", "Northwind Power, in partnership with the Texas Tech University System, has signed a letter of intent with Harbor Turbines Inc. to secure generation equipment.",
			[]string{"Northwind Power|Texas Tech University System||partnership", "Northwind Power|Harbor Turbines||partnership"}},
		{"en the loans a refinancing includes are parts of it", "", "Northwind Hashing Inc. closed a $675 million refinancing with Harbor Bank, arranging two loans, including a $425 million term loan and a $250 million revolving facility.",
			[]string{"Northwind Hashing|Harbor Bank|$675 million|financing"}},
		{"en global coordinators and mandated lead arrangers named after a loan lend in it", "", "Northwind Hashing Inc. has secured a S$2.25 billion green loan in Singapore.\nHarbor Bank, Pinecrest Bank, and Bluepeak Bank acted as global coordinators for the financing.\nSummit Bank and Ridge Bank were among the mandated lead arrangers.",
			[]string{"Northwind Hashing|Harbor Bank|S$2.25 billion|financing", "Northwind Hashing|Pinecrest Bank|S$2.25 billion|financing", "Northwind Hashing|Bluepeak Bank|S$2.25 billion|financing",
				"Northwind Hashing|Summit Bank|S$2.25 billion|financing", "Northwind Hashing|Ridge Bank|S$2.25 billion|financing"}},
		{"en loans 'totaling' a figure are worth it; the arrangers a label lists lend, not their owner in brackets", "", "Northwind Hashing Inc. announced the close of two senior secured term loans totaling $1.5 billion to fund two data centers.\nCoordinating lead arrangers: Harbor Infrastructure Capital, Pinecrest Partners (Bluepeak), Summit Bank.",
			[]string{"Northwind Hashing|Harbor Infrastructure Capital|$1.5 billion|financing", "Northwind Hashing|Pinecrest Partners|$1.5 billion|financing", "Northwind Hashing|Summit Bank|$1.5 billion|financing"}},
		{"en a utility's agreement with a data center in an AI story supplies power: kind other", "", "Harbor Energy said it has entered into a long-term agreement with Northwind Data Centers to supply natural gas to its AI data center campus.",
			[]string{"Harbor Energy|Northwind Data Centers||other"}},
		{"ja acquisition target is the company", "", "CoreWeaveはCore Scientificを約90億ドルで買収する。",
			[]string{"Core Scientific|CoreWeave|約90億ドル|acquisition"}},
		{"ja from lender", "", "Bitdeerはテザーから2億ドルの融資を受けた。", []string{"Bitdeer|Tether|2億ドル|financing"}},
		{"ja no amount partnership", "", "MARAはスターウッド・キャピタルと提携した。", []string{"MARA|Starwood Capital Group||partnership"}},
		{"ja a joint word makes a partnership of a pair subject", "", "KDDIとソフトバンクは、データセンターを共同で開発する。", []string{"KDDI|SoftBank||partnership"}},
		{"ja a joint word with one subject makes none", "", "KDDIは、大学と共同で研究を進める。", nil},
		{"en a joint word makes a partnership of a pair subject", "", "Hut 8 and Nvidia teamed up to build a 200 MW campus.", []string{"Hut 8|Nvidia||partnership"}},
		{"ja a weak buying word names the other side of the company's deal told with its figure", "",
			"トラクト社は今週、アリゾナ州の土地を1億3600万ドルで取得した。この用地はデータセンターに向く。今回、トラクト社は用地を投資会社のアリゾナ・ランド・コンサルティングから取得した。",
			[]string{"Tract|アリゾナ・ランド・コンサルティング|1億3600万ドル|acquisition"}},
		{"ja an acquisition told apart from its figure", "", "Argo BlockchainはDPN LLCを買収した。同社によると、土地は広い。買収は初期価格500万ドルで完了した。",
			[]string{"Argo Blockchain|DPN|500万ドル|acquisition"}},
		{"a line that is only a bullet makes no name and no panic", "", "Riot signed a lease.\n\n-  \n\nHut 8 said it would grow.", []string{"Riot|||lease"}},
		{"en a price's buying verb tells the kind, not a deal word after the comma", "",
			"Iron Mountain said it would buy the operations of Pinecrest Data Centers LLC for about $1.3 billion, giving it access to the colocation business.",
			[]string{"Pinecrest Data Centers|Iron Mountain|about $1.3 billion|acquisition"}},
		{"en a sentence-initial name before an auxiliary and a deal verb keeps its first word", "", "Legacy Investing has entered into a joint venture with Blackstone.",
			[]string{"Legacy Investing|Blackstone||partnership"}},
		{"en a demonym before a company word is no name", "", "Equinix, another US firm, agreed to acquire African company, MainOne in a $320 million deal.",
			[]string{"MainOne|Equinix|$320 million|acquisition"}},
		{"en a business named after its description", "", "Hut 8 has entered into a joint venture with investment business Invesco Real Estate.",
			[]string{"Hut 8|Invesco Real Estate||partnership"}},
		{"en an abbreviation before the agreement noun is its other side", "", "Sharon AI signed a five-year ESDS deal worth $40 million.",
			[]string{"Sharon AI|ESDS|$40 million|other"}},
		{"en an abbreviation opening the sentence is no other side", "", "GPU deal volumes rose as Hut 8 raised $40 million.",
			[]string{"Hut 8||$40 million|equity"}},
		{"en the other backers listed after a financing each took part in it", "",
			"Cologix raised $255 million in credit facilities led by TD Securities. Other investors were Scotiabank, ING and others.",
			[]string{"Cologix|TD Securities|$255 million|financing", "Cologix|Scotiabank||financing", "Cologix|ING||financing"}},
		{"en investors who also took part in the round told before each join it", "",
			"Halden Cloud Inc. has closed a $40 million seed round led by Index Ventures. Bain Capital Ventures and Sequoia Capital also participated.",
			[]string{"Halden Cloud|Index Ventures|$40 million|equity", "Halden Cloud|Bain Capital Ventures||equity", "Halden Cloud|Sequoia Capital||equity"}},
		{"en the lead of a round told before is its other side; the investors along with it join", "",
			"Nordfjord Compute Inc. raised $300 million in a Series B round.\nAker ASA led the financing round along with several investors, including Point72 and Nokia Oyj.",
			[]string{"Nordfjord Compute|Aker|$300 million|equity", "Nordfjord Compute|Point72||equity", "Nordfjord Compute|Nokia||equity"}},
		{"en an agreement between two sides keeps them when a third name follows", "",
			"Regulators approved a service area agreement between Ridge Lane Power Company and Pine Valley Electric Cooperative on who will serve a new campus planned for Stutsman County.",
			[]string{"Ridge Lane Power Company|Pine Valley Electric Cooperative||other"}},
		{"en an agreement to combine two companies is an acquisition", "",
			"Northwind Hashing Inc. and Pinecrest Data Inc. have entered into a definitive agreement to combine in an all-stock transaction.",
			[]string{"Northwind Hashing|Pinecrest Data||acquisition"}},
		{"en backers that also took part in the fundraising the sentence tells join it", "",
			"Harbor Sovereign Fund is investing $350 million in Nordfjord Compute Inc., while existing backers Kestrel Partners and Pine Capital LLC also participated in the fundraising, Nordfjord said.",
			[]string{"Nordfjord Compute|Harbor Sovereign Fund|$350 million|equity", "Nordfjord Compute|Kestrel Partners||equity", "Nordfjord Compute|Pine Capital||equity"}},
		{"en a weak deal word of a sale completed makes a deal without a figure", "",
			"Harbor Realty Inc. has completed the sale of a development site in Madrid to Pinecrest Data Inc.",
			[]string{"Harbor Realty|Pinecrest Data||asset_sale"}},
		{"en a sale only weighed makes none", "",
			"Harbor Realty Inc. is weighing the sale of a development site in Madrid to Pinecrest Data Inc.", nil},
		{"en a list of backers whose last member is written with the", "",
			"Pinecrest Data Inc. secured $40 million from Harbor Capital LLC and the Bluepeak Fund LP.",
			[]string{"Pinecrest Data|Harbor Capital|$40 million|financing", "Pinecrest Data|Bluepeak Fund|$40 million|financing"}},
		{"en a paragraph opening on the figure of the deal just told gives it its value", "",
			"Harbor Edge Inc. has agreed to acquire Pinegrove Hosting Inc. and its two data centres.\n\nThe €59m deal is expected to close in the first half of 2025.",
			[]string{"Pinegrove Hosting|Harbor Edge|€59m|acquisition"}},
		{"en the agent of a passive purchase is the buyer", "",
			"The land was purchased by Harbor Cloud Inc. for $49.1 million.",
			[]string{"Harbor Cloud||$49.1 million|acquisition"}},
		{"en the bank that led a financing is its lender, not the one raising it", "",
			"• $2.1B of 7.250% senior secured notes, Citigroup-led.\n• Harbor Data Centers priced its first bond deal on Monday.", []string{"Harbor Data Centers|||financing"}},
		{"en a bank leading a financing told after the borrower lends it", "",
			"Harbor Data Centers closes record financing\nHarbor Data Centers Inc. priced its first bond deal on Monday.\n• $2.1B of 7.250% senior secured notes, Citigroup-led.",
			[]string{"Harbor Data Centers|Citigroup|$2.1B|financing"}},
		{"en 'This latest raise was led by' names the lender of the raise told sentences before", "",
			"Harbor Data Centers has issued $250 million in green debentures to fund its campus.\nThe issuance is its fourth this year.\nThis latest raise was led by Kestrel Bank.",
			[]string{"Harbor Data Centers|Kestrel Bank|$250 million|financing"}},
		{"en a report's words naming the lead of the package told before give its lender", "",
			"Harbor Data Centers has closed a $2.25 billion debt package for its Ohio campus.\nThe campus will include three data centres.\nHarbor claims the debt package, led by Kestrel Bank, is among the first such financings to be rated.",
			[]string{"Harbor Data Centers|Kestrel Bank|$2.25 billion|financing"}},
		{"en the round's other backers listed after a known name written longer each took part", "",
			"Harbor Cloud Inc. raised $100 million in a funding round this week.\nThe round was led by Kestrel Capital, and attracted backing from major investors including Nvidia Corporation, Pine Capital LLC and Bluepeak Ventures.",
			[]string{"Harbor Cloud|Kestrel Capital|$100 million|equity", "Harbor Cloud|Nvidia||equity", "Harbor Cloud|Pine Capital||equity", "Harbor Cloud|Bluepeak Ventures||equity"}},
		{"en a known bank's name written longer still joins its list", "",
			"Harbor Grid AS has secured a EUR 410 million green loan for its data centres.\nThe loan was arranged by Kestrel Bank, Citibank Europe, and Nordwater Bank.",
			[]string{"Harbor Grid|Kestrel Bank|EUR 410 million|financing", "Harbor Grid|Citibank|EUR 410 million|financing", "Harbor Grid|Nordwater Bank|EUR 410 million|financing"}},
		{"en 'the latter' stands for the second of the two names before it", "",
			"Harbor Infrastructure Partners has grown with purchases of Pinecrest Data Inc. and Bluepeak Compute Inc. Harbor Infrastructure Partners acquired the latter for $5.5 billion.",
			[]string{"Bluepeak Compute|Harbor Infrastructure Partners|$5.5 billion|acquisition"}},
		{"en 'the former' before a noun is an adjective, no name", "",
			"The former CEO of Pinecrest Data Inc. joined Bluepeak Compute Inc. in May.", nil},
		{"en a backer told by its unit stays a member of the backers' list", "",
			"Pinecrest Data Inc. has secured $2 billion in funding commitments for its campus. The new funding round, backed by Kestrel Capital's Real Assets platform and Harbor Infrastructure Partners, brings its total to $3 billion.",
			[]string{"Pinecrest Data|Kestrel Capital|$2 billion|financing", "Pinecrest Data|Harbor Infrastructure Partners|$2 billion|financing"}},
		{"en a pair that each raised a figure raised it each", "",
			"Hut 8 and TeraWulf each raised $500 million in convertible notes.",
			[]string{"Hut 8||$500 million|financing", "TeraWulf||$500 million|financing"}},
		{"en a pair raising a figure together raised their sum, no figure each", "",
			"Hut 8 and TeraWulf raised $900 million in convertible notes this year.",
			[]string{"Hut 8|||financing", "TeraWulf|||financing"}},
		{"en a supporter named in an aside is no side of the deal", "",
			"Pinecrest Data Inc., with the support of Google, has signed colocation leases for 200 MW this year.", nil},
		{"en a fund's sponsor describes it and is no party of its deal", "",
			"A real estate investment fund sponsored by Equinix, Pinecrest Data Trust, is set to increase its stake in a data centre in Frankfurt.", nil},
		{"en a backer describing the deal is no party of it", "",
			"The Google-backed lease with Pinecrest Cloud Inc. is valued at $7 billion.", nil},
		{"en a pair told with agreements in the plural made them each on its own", "",
			"Northwind Hashing Inc. and Pinecrest Data Inc. also signed hosting agreements in May.", nil},
		{"en a pair's agreements with each other are theirs", "",
			"Northwind Hashing Inc. and Pinecrest Data Inc. signed hosting agreements with each other in May.",
			[]string{"Northwind Hashing|Pinecrest Data||hosting"}},
		{"en a backer that also joined a board joins no round", "",
			"Halden Cloud Inc. has closed a $40 million seed round led by Index Ventures. Sequoia Capital also joined the board of Pinecrest Data Inc.",
			[]string{"Halden Cloud|Index Ventures|$40 million|equity"}},
		{"en other investors without a money deal told make nothing", "", "Hut 8 leased its site to Fluidstack. Other investors were Scotiabank and ING.",
			[]string{"Hut 8|Fluidstack||lease"}},
		{"en a Title Case first line is a headline: its capitalised words are no names without evidence", "",
			"Cathedra Bitcoin Announces Operations and Corporate Updates and Repricing of Warrants\n\nCathedra Bitcoin Inc. said on Monday that it sold 100 machines.",
			nil},
		{"en a pair acting together on a third company is no deal between the two", "",
			"KKR and Blackstone will pay $90.50 for each CyrusOne share as per the deal announced on Monday.", nil},
		{"ja a Latin name after a descriptor, its reading in brackets, is a party", "", "SBIホールディングスは、マイニング企業NorthRiver(ノースリバー)との契約を終了した。",
			[]string{"SBI Holdings|NorthRiver||other"}},
		{"en the sentence naming a signed deal's other side gives it its figure too", "",
			"Northwind Corp. announced that it has entered into securities purchase agreements with a group of institutional investors for a private placement of common shares. The round, anchored by Kingsway Capital Partners, is expected to bring gross proceeds of approximately US$180 million.",
			[]string{"Northwind|Kingsway Capital Partners|approximately US$180 million|equity"}},
		{"en a joint word with one subject makes none", "", "Hut 8 will jointly develop the site with its landlord.", nil},
		{"ja topic", "", "Cipher Digitalは決算を発表した。また、同社はAWSと55億ドルのリース契約を締結した。",
			[]string{"Cipher Digital|Amazon Web Services|55億ドル|lease"}},
		{"en signed with", "", "TeraWulf signed a $3.7 billion lease with Fluidstack.", []string{"TeraWulf|Fluidstack|$3.7 billion|lease"}},
		{"en raised no counterparty", "", "Cipher Mining raised $1.1 billion in convertible notes.", []string{"Cipher Mining||$1.1 billion|financing"}},
		{"en sum is not a deal", "", "Miners have signed $65 billion of contracts in total.", nil},
		{"en cash is not a deal", "", "IREN had cash of $2.8 billion at the end of the quarter.", nil},
		{"en acquire for", "", "CleanSpark agreed to acquire Lancium for $155 million.", []string{"CleanSpark|Lancium|$155 million|acquisition"}},
		{"en invest in", "", "Tether will invest $775 million in Rumble.", []string{"Rumble|Tether|$775 million|equity"}},
		{"headline and body", "IREN wins $9.7 billion Microsoft deal", "The five-year contract gives Microsoft access to GB300 GPUs.",
			[]string{"IREN|Microsoft|$9.7 billion|hpc_contract"}},
		{"highlight without subject", "", "Northwind Hashing Inc. (NASDAQ: NWH) today reported its results.\n\n- Secured $1.2bn AI cloud contract with Bluepeak Compute Inc.",
			[]string{"Northwind Hashing|Bluepeak Compute|$1.2bn|hpc_contract"}},
		{"contract won is no financing", "", "Hut 8 secured a $900 million contract with Bluepeak Compute Inc. for AI cloud capacity.",
			[]string{"Hut 8|Bluepeak Compute|$900 million|hpc_contract"}},
		{"two companies raising is a sum", "", "Hut 8 and Bitfarms raised over $900 million through convertible notes last month.",
			[]string{"Hut 8|||financing", "Bitfarms|||financing"}},
		{"party named as the article writes it", "", "Cipher Mining signed a $3 billion lease with Fluidstack. Cipher Mining expects the site to open in 2026.",
			[]string{"Cipher Mining|Fluidstack|$3 billion|lease"}},
		{"the list's name when the article uses it", "", "Cipher Digital, formerly Cipher Mining, signed a $3 billion lease with Fluidstack.",
			[]string{"Cipher Digital|Fluidstack|$3 billion|lease"}},
		{"the name the article uses most", "", "Macquarie lent $40 million to Hut 8, Macquarie said.",
			[]string{"Hut 8|Macquarie|$40 million|financing"}},
		{"the list's name for a Japanese spelling", "", "サイファー・マイニングはフルイドスタックと30億ドルのリース契約を結んだ。",
			[]string{"Cipher Digital|Fluidstack|30億ドル|lease"}},
		{"a subsidiary deals for its parent", "", "Hut 8 said its subsidiary, Tessel Grid Corp., has signed a lease agreement with Bluepeak Compute Inc.",
			[]string{"Hut 8|Bluepeak Compute||lease"}},
		{"a named parent's subsidiary", "", "Bluepeak Compute Inc.'s subsidiary Tessel Grid Corp. signed a $40 million loan with Harbor Bank.",
			[]string{"Bluepeak Compute|Harbor Bank|$40 million|financing"}},
		{"model-like word before a corporate end", "", "Riot formed a partnership with T7 Data Centers for its Texas campus.",
			[]string{"Riot|T7 Data Centers||partnership"}},
		{"deals with a list", "", "This year Crusoe landed deals with Oracle, Microsoft and OpenAI for AI compute.",
			[]string{"Crusoe|Oracle||hpc_contract", "Crusoe|Microsoft||hpc_contract", "Crusoe|OpenAI||hpc_contract"}},
		{"a site sold to a known company is its acquisition", "", "ミナト・エレクトロニクスは大阪の旧工場用地をソフトバンクに売却する。",
			[]string{"SoftBank|ミナト・エレクトロニクス||acquisition"}},
		{"money from a funding round is equity", "", "Northwind Compute Inc. raised $600 million in a Series C funding round.",
			[]string{"Northwind Compute||$600 million|equity"}},
		{"a price after the vendor", "", "Hut 8 grew again. According to its filing of May 2, the company acquired 12 EH/s of new rigs from Bitmain, roughly 2% of the network hashrate, for $140 million.",
			[]string{"Hut 8|Bitmain|$140 million|purchase"}},
		{"a repeated name is a party", "", "Hut 8 is buying 900 machines from Quarrystone, its supplier said. Quarrystone also services the fleet.",
			[]string{"Hut 8|Quarrystone||purchase"}},
		{"a sale told with a generic value word", "", "Hut 8 Corp. said that on 3 May it closed the sale of its 10 MW site in Ohio for total consideration of $4.4 million.",
			[]string{"Hut 8||$4.4 million|asset_sale"}},
		{"a lender named in the next sentence", "", "Hut 8 Corp. raised $300 million through debt financing for its Ohio campus. The debt facility, arranged with Harbor Bank acting as the initial lender, has a 36-month term.",
			[]string{"Hut 8|Harbor Bank|$300 million|financing"}},
		{"a round's backer named in the next sentence", "", "Northwind Compute Inc. secured $500 million for its Texas campus. The new funding round, backed by Quarry Capital Partners, values it at $4 billion.",
			[]string{"Northwind Compute|Quarry Capital Partners|$500 million|financing"}},
		{"partners listed with および", "", "ミナト・クラウドは計算基盤を手がける。同社は米アンソロピックおよびオラクルと提携した。",
			[]string{"ミナト・クラウド|Oracle||partnership", "ミナト・クラウド|Anthropic||partnership"}},
		{"a venture named after its parent", "", "三井物産は2019年にエクイニクスと共同で「ミツイ・エクイニクス・ジャパン」を設立した。",
			[]string{"Mitsui & Co.|Equinix||partnership"}},
		{"a group's first-named member leads it", "", "In May, a consortium including Harbor Capital Partners, Quarry Bank and Pinegate Fund agreed to acquire Northwind Hashing Inc. for $800 million.",
			[]string{"Northwind Hashing|Harbor Capital Partners|$800 million|acquisition"}},
		{"a relative clause tells its own deal", "", "Hut 8 leased the site to Bluepeak Compute Inc., which raised $700 million in its initial public offering in June.",
			[]string{"Bluepeak Compute||$700 million|equity"}},
		{"three co-borrowers and their lender", "", "Hut 8, Quarry Capital Partners and Pinegate Fund landed a $2.1 billion construction loan led by Harbor Bank for the Ohio campus.",
			[]string{"Hut 8|Harbor Bank|$2.1 billion|financing"}},
		{"a lease's backer is no tenant", "", "Cipher Mining signed a $3 billion, 10-year lease backed by Google for its Texas site.",
			[]string{"Cipher Mining||$3 billion|lease", "Cipher Mining|Google||backstop"}},
		{"two banks that underwrite together are no deal", "", "JPMorgan and Goldman Sachs are expected to underwrite the project financing for the Ohio campus.",
			nil},
		{"a pair after the subject's verb", "", "Hut 8 joined Quarry Capital Partners and Pinegate Fund as part of a $4 billion joint venture to fund the Ohio campus.",
			[]string{"Hut 8|Quarry Capital Partners|$4 billion|partnership", "Hut 8|Pinegate Fund|$4 billion|partnership"}},
		{"a group named after its members", "", "ブラックストーンとエヌビディアを含む投資家グループが、Bluepeakデータセンターを120億ドルで買収した。",
			[]string{"Bluepeak|Blackstone|120億ドル|acquisition"}},
		{"a possessive owns the figure's deal", "Hut 8 expands in Ohio", "Hut 8 opened a site. Bluepeak Compute's $300 million loan from Harbor Bank closed in May.",
			[]string{"Bluepeak Compute|Harbor Bank|$300 million|financing"}},
		{"a possessive investor", "", "Hut 8 opened a site. Harbor Capital's $90 million investment in Bluepeak Compute Inc. closed in May.",
			[]string{"Bluepeak Compute|Harbor Capital|$90 million|equity"}},
		{"a name found twice over (Latin words and a legal form)", "", "ミナト・ホールディングスは、燃料の技術開発を進めているQuarrystone Capital株式会社(東京都港区)と提携した。",
			[]string{"ミナト・ホールディングス|Quarrystone Capital||partnership"}},
		{"a round's lead and participants in the next paragraph", "", "Northwind Compute Inc. has raised $120 million in equity funding for its Ohio campus.\nThe funding round, which was upsized twice, was led by Quarry Capital Partners with participation from Nvidia and Pinegate Fund.",
			[]string{"Northwind Compute|Quarry Capital Partners|$120 million|equity", "Northwind Compute|Nvidia||equity", "Northwind Compute|Pinegate Fund||equity"}},
		{"participants of a round in its own sentence", "", "Northwind Compute Inc. builds AI clouds in Ohio. Northwind Compute closed a $500 million Series B funding round, drawing participation from investors including Nvidia, Dell and Lenovo.",
			[]string{"Northwind Compute|Nvidia|$500 million|equity", "Northwind Compute|Dell||equity", "Northwind Compute|Lenovo||equity"}}, // the first named carries the round's figure, as a lead does
		{"shares issued are equity", "", "Hut 8 Corp. raised gross proceeds of $9.9 million through the issue of 38,064,000 ordinary shares to institutional investors.",
			[]string{"Hut 8||$9.9 million|equity"}},
		{"lease financing is financing", "", "Northwind Compute Inc. closed $210 million in credit and lease financing to expand its GPU fleet.",
			[]string{"Northwind Compute||$210 million|financing"}},
		{"a minority stake bought is equity", "", "Harbor Capital Partners has acquired a $90 million stake in Hut 8 Corp., the companies said.",
			[]string{"Hut 8|Harbor Capital Partners|$90 million|equity"}},
		{"a controlling stake bought is an acquisition", "", "Hut 8 Corp. completed the acquisition of a 64% controlling stake in Bluepeak Compute Inc., a French operator.",
			[]string{"Hut 8|Bluepeak Compute||acquisition"}},
		{"money raised at a listing is equity", "", "In 2019, Northwind Hashing Inc. became the first miner to list on the Oslo exchange, raising $45 million.",
			[]string{"Northwind Hashing||$45 million|equity"}},
		{"the one a deal grants use to, and revenue secured", "", "Hut 8 signed a ten-year agreement that grants Bluepeak Compute Inc. full use of its Ohio campus and secures $640 million in revenue.",
			[]string{"Hut 8|Bluepeak Compute|$640 million|other"}},
		{"an investor leading a round of the company the article is about", "", "Northwind Compute Inc. closed its latest round of financing for its Ohio campus. Quarrystone Capital, a private equity firm, has agreed to lead the financing round of $45 million.",
			[]string{"Northwind Compute|Quarrystone Capital|$45 million|equity"}},
		{"'the firm' is the firm just described", "", "Northwind Compute Inc. raised $300 million. The round was led by Quarry Global, a young $9 billion investment firm run by two founders. Quarry Global manages several funds. The firm has also partnered with Bluepeak Labs Inc. on AI agents.",
			[]string{"Northwind Compute|Quarry Global|$300 million|equity", "Quarry Global|Bluepeak Labs||partnership"}},
		{"a takeover strategy tells no deal", "", "Hut 8, holding about 12% of Bitdeer, called for a special shareholder meeting to nominate two independent directors to Bitdeer’s board as part of its takeover strategy.",
			nil},
		{"a pair's project does not become 同社", "", "ミナト・クラウドは計算基盤を手がける。アンソロピックとオラクルの共同プロジェクト「北斗」の拠点も運営する。さらに、同社は北風エナジー株式会社と提携した。",
			[]string{"ミナト・クラウド|北風エナジー||partnership"}},
		{"names listed after a counterparty are counterparties", "", "Northwind Compute Inc. builds AI clouds in Ohio. The company closed a $500 million Series B funding round, drawing participation from investors including Nvidia, Dell and Lenovo.",
			[]string{"Northwind Compute|Nvidia|$500 million|equity", "Northwind Compute|Dell||equity", "Northwind Compute|Lenovo||equity"}},
		{"a nationality and a trade's abbreviation describe the name after them", "", "Hut 8 has agreed to buy 7,000 mining units from Chinese ASIC manufacturing giant Bitmain.",
			[]string{"Hut 8|Bitmain||purchase"}},
		{"a rival named by possessive is no party", "", "Separately, Hut 8 agreed to buy Bitfarms’ rival Bluepeak Compute Inc. for $75 million.",
			[]string{"Hut 8|Bluepeak Compute|$75 million|acquisition"}},
		{"an acquisition still pursued is no deal", "", "ライオットは競合のビットファームズの買収を引き続き推進しており、株主総会の開催を求めた。",
			nil},
		{"the company whose full takeover is told is the one bought", "", "エクイニクスは国内データセンター大手の北風データ株式会社の完全子会社化を完了した。",
			[]string{"北風データ|Equinix||acquisition"}},
		{"a coordinated verb opens its own clause (the capacity sold is no deal); the GPUs ordered from their maker are", "", "Bit Digital builds data centers. It ordered GPUs from chipmaker Nvidia and sold capacity to other clouds.",
			[]string{"Bit Digital|Nvidia||purchase"}},
		{"a purchase's total cost told next, through a subsidiary", "", "北風ハッシュ株式会社は、子会社の南星US株式会社を介してビットメインから採掘機2万台を購入する。総費用は1億2000万ドルとなる。",
			[]string{"北風ハッシュ|Bitmain|1億2000万ドル|purchase"}},
		{"a lender named paragraphs after its loan", "", "Hut 8 Corp. has raised $400 million through debt financing for its Ohio campus.\nHut 8 also signed a 15-year lease with Bluepeak Compute Inc. for the campus.\nThe chief executive called it a key step.\nThe debt facility, arranged with Harbor Bank acting as the initial lender, has a 36-month term.",
			[]string{"Hut 8|Harbor Bank|$400 million|financing", "Hut 8|Bluepeak Compute||lease"}},
		{"co-leads of a round named in the next Japanese sentence", "", "ハット8は、株式による資金調達で5億ドルを確保したと発表した。企業評価額は40億ドルを超えた。今回の資金調達ラウンドはノースウィンド・キャピタルのほか、政府系ファンドのシノノメ・インベストメンツが主導した。",
			[]string{"Hut 8|ノースウィンド・キャピタル|5億ドル|equity", "Hut 8|シノノメ・インベストメンツ|5億ドル|equity"}},
		{"a lead named beside a figure of its own tells a new deal", "", "ハット8は社債で3億ドルを調達した。ミナト・クラウドはみずほ銀行が主導する協調融資で50億円を調達した。",
			[]string{"Hut 8||3億ドル|financing", "ミナト・クラウド|Mizuho|50億円|financing"}},
		{"local governments signing an agreement are parties", "", "テラウルフは12日に北風県、南星市と立地協定を結んだ。",
			[]string{"TeraWulf|南星市||partnership", "TeraWulf|北風県||partnership"}},
		{"a place named elsewhere is no party", "", "テラウルフは北風県に新拠点を開設し、南星市の工場跡地を取得した。",
			nil},
		{"two sides with a description between", "", "ビットコインマイナーであるテラウルフと、中東の政府系ファンドのノース・ウィンドとの間で3月にパートナーシップが結ばれた。",
			[]string{"TeraWulf|ノース・ウィンド||partnership"}},
		{"an at-the-market offering is financing", "", "ハット8は3億ドル(約450億円)のアット・ザ・マーケット・オファリングを実施した。",
			[]string{"Hut 8||3億ドル|financing"}},
		{"a subsidy is financing", "", "サクラ・クラウドは、GPU基盤の整備に向けて経済産業省から最大20億円の補助金を受ける。",
			[]string{"サクラ・クラウド|Ministry of Economy, Trade and Industry|最大20億円|financing"}},
		{"ja deal denied", "", "ハット8はメタとの提携をまだ発表していない。", nil},
		{"en 'the utility' opening a sentence is the company just told", "", "Pinecrest Power Inc. reported results on Monday.\nThe utility has secured power agreements with Bluepeak Compute Inc.",
			[]string{"Pinecrest Power|Bluepeak Compute||other"}},
		{"en a cash payment and shares the price includes are parts of it", "", "Northwind Hashing Inc. will buy Bluepeak Data LLC for $20 million, satisfied through $5 million in cash and the issuance of new Northwind shares worth $15 million.",
			[]string{"Bluepeak Data|Northwind Hashing|$20 million|acquisition"}},
		{"en three companies each raising a figure each raised it", "", "Hut 8, Riot Platforms and CleanSpark each raised $500 million through convertible notes this quarter.",
			[]string{"Hut 8||$500 million|financing", "Riot Platforms||$500 million|financing", "CleanSpark||$500 million|financing"}},
		{"ja each member of a group counted before いずれも made the deal told of one", "", "北風マイニング株式会社、南星データ株式会社、東西計算株式会社の3社はいずれも、転換社債の発行で5億ドルを調達した。",
			[]string{"東西計算||5億ドル|financing", "北風マイニング||5億ドル|financing", "南星データ||5億ドル|financing"}},
		{"ja a syndicated loan a lender forms with banks goes to the company it funded just before", "", "南星銀行は北風データ株式会社に出資すると発表した。南星銀行は、東西銀行、西海銀行とともにシンジケートローンも組んだ。",
			[]string{"北風データ|南星銀行||equity", "北風データ|西海銀行||financing", "北風データ|東西銀行||financing"}},
		{"ja a pair receiving a subsidy makes no deal between the two", "", "北風データ株式会社と株式会社南星クラウドは、国の補助金を受けて新センターを建てる。", nil},
		{"ja a pair whose second name has its legal form before it", "", "北風データ株式会社と株式会社ハット8は、新しい計算拠点の建設で基本合意書を結んだ。", []string{"Hut 8|北風データ||partnership"}},
		{"en the article's miner is given no figure of a sentence that neither names it nor points back to it", "", "Microsoft has taken another 100 MW at Hut 8's River Bend campus, Hut 8 said. The expansion is expected to add about $4.1 billion in investment by the software giant.", nil},
		{"ja a sum over counted companies is no one deal", "", "テラウルフは転換社債を発行した。調査会社によれば、上場している9の企業の社債発行総額は今年38億ドルとなった。", nil},
		{"ja a sale denied with 一切 and 行っていない", "", "クリーンスパークは月次報告を発表した。同社は11月に620BTCを採掘したが、ビットコインの売却は一切行っていない。", nil},
		{"ja deal guessed at", "", "ハット8はメタとの提携憶測で株価が上がった。", nil},
		{"ja deal not to be done", "", "ハット8は、約2,400万ドルの資金調達が完了できない可能性が高いと発表した。", nil},
		{"ja deal still talked over", "", "ソフトバンクが、ハット8の買収に向けて協議中であると報じられた。", nil},
		{"en deal denied", "", "Hut 8 has not signed a lease with Bluepeak Compute Inc., the company said.", nil},
		{"en deal only wished for", "", "Hut 8 hopes to contract with Bluepeak Compute Inc., a power plant owner, to lease space for its miners.", nil},
		{"ja the other company named in the clause is the borrower", "", "クリーンスパークはテラウルフの債務を引き受け、800万ドルの運転資金融資を実行する。",
			[]string{"CleanSpark|TeraWulf|800万ドル|financing"}},
		{"one deal in two currencies", "Pine Ventures lends $430 million to Northwind Compute", "Northwind Compute GmbH obtained a credit line of up to €400 million ($430 million) from Pine Ventures Inc.",
			[]string{"Northwind Compute|Pine Ventures|up to €400 million|financing"}},
		{"value under the terms of the deal just told", "", "Hut 8 has entered into a colocation agreement with Bluepeak Compute Inc. Under the terms of the agreement, the lease should bring in about $410 million over eight years.",
			[]string{"Hut 8|Bluepeak Compute|about $410 million|colocation"}},
		{"signed with the other side unnamed", "", "Hut 8 signed lease agreements for three sites in Ohio.",
			[]string{"Hut 8|||lease"}},
		{"signed in the headline, the partner in the body", "Hut 8 signs 200 MW lease in Texas", "Hut 8 signed a lease with Bluepeak Compute Inc. for its Texas campus.",
			[]string{"Hut 8|Bluepeak Compute||lease"}},
		{"a name no list knows described as a company", "", "Hut 8 agreed a lease for its Ohio hall with Zentra42, a unit of a Gulf AI group.",
			[]string{"Hut 8|Zentra42||lease"}},
		{"what the money is for is no deal", "", "Hut 8 closed a $40 million loan from Harbor Bank Inc. The new financing will be used to acquire GPUs from Zentra Systems Inc.",
			[]string{"Hut 8|Harbor Bank|$40 million|financing"}},
		{"ja what a deal is in exchange for", "", "保証を引き受ける対価として、グーグルはテラウルフの株式を取得できるワラントを得た。",
			[]string{"TeraWulf|Google||equity"}},
		{"a dash opens a clause", "", "• Credit Facility from Harbor Capital – Northwind Compute Inc. closed a credit facility of up to $100 million from Harbor Capital.",
			[]string{"Northwind Compute|Harbor Capital|up to $100 million|financing"}},
		{"the parent of the unit signed with, described by its place", "", "Hut 8 signed a hosting agreement with a subsidiary of Oslo-based North Fjord Group for 40 MW.",
			[]string{"Hut 8|North Fjord Group||hosting"}},
		{"a region in a Title Case headline is no party", "Zentra Secures $2.7 Billion to Expand AI Infrastructure Across EMEA",
			"Zentra intends to use the money to build out its footprint in key EMEA markets.", nil},
		{"the two companies are the pair told before", "", "Hut 8 bought a site in Texas from Bitfarms for $10 million in March. In July the two companies entered into a $5 million loan agreement.",
			[]string{"Hut 8|Bitfarms|$10 million|acquisition", "Hut 8|Bitfarms|$5 million|financing"}},
		{"ja 両社 are the pair told before", "", "ハット8はビットファームズからテキサス州の用地を1000万ドルで取得した。両社はまた、500万ドルの融資契約を締結した。",
			[]string{"Hut 8|Bitfarms|1000万ドル|acquisition", "Hut 8|Bitfarms|500万ドル|financing"}},
		{"the two companies tell a deal of another kind", "", "Hut 8 acquired a site in Texas from Bitfarms in March. In July the two companies signed a hosting agreement.",
			[]string{"Hut 8|Bitfarms||acquisition", "Hut 8|Bitfarms||hosting"}},
		{"ja 両社 tell a deal of another kind", "", "ハット8はビットファームズからテキサス州の用地を取得した。両社はまた、ホスティング契約を締結した。",
			[]string{"Hut 8|Bitfarms||acquisition", "Hut 8|Bitfarms||hosting"}},
		{"a maker named before its product is not the topic", "", "AI cloud provider Zentra Cloud is building a data center in Taiwan. The facility will house 7,000 Nvidia GB300 GPUs. The company is funding the expansion with $400 million provided by several banks. Nvidia said demand for Nvidia chips in Asia is strong.",
			[]string{"Zentra Cloud||$400 million|financing"}},
		{"one deal in two currencies, converted by the text", "", "Northwind Compute issues US$380mn in green bonds\n\nNorthwind Compute Inc. closed the issuance of a record 2bn reais (US$378mn) in green debentures to finance its expansion.",
			[]string{"Northwind Compute||2bn reais|financing"}},
		{"ja the value of the deal told, in a paragraph of its own", "", "ハット8はビットファームズとホスティング契約を結んだ。\n\n契約規模は最大5億ドルで、発表後にビットファームズ株が急伸した。",
			[]string{"Hut 8|Bitfarms|最大5億ドル|hosting"}},
		{"ja a price paid in cash and stock", "", "ハット8が、1億6400万ドルの現金と株式でビットファームズを買収することで合意した。",
			[]string{"Bitfarms|Hut 8|1億6400万ドル|acquisition"}},
		{"a data center sold to a company the list knows: the buyer acquires", "", "Harrowgate Development Group sold its Las Vegas data centre to DataBank last week.",
			[]string{"DataBank|Harrowgate Development Group||acquisition"}},
		{"ja money raised by issuing shares is equity", "", "ハット8は、株式発行により、コアウィーブから3億ドルの資金を調達した。",
			[]string{"Hut 8|CoreWeave|3億ドル|equity"}},
		{"a headline's nameless deal in dollars is the body's named one in ringgit", "",
			"Northwind gets $4.6 billion funding for Johor data centres\n\nNorthwind Compute Inc. has secured RM15 billion ($4.54 billion) of financing from Harbor Bank Bhd to support its data centres.",
			[]string{"Northwind Compute|Harbor Bank|RM15 billion|financing"}},
		{"raises listed once, each name with its figure", "", "Hut 8 recently raised $2 billion in notes, Bitfarms (BITF) with $594.4 million and TeraWulf (WULF) with $500 million.",
			[]string{"Hut 8||$2 billion|financing", "Bitfarms||$594.4 million|financing", "TeraWulf||$500 million|financing"}},
		{"a deal reached with a party not named", "", "Hut 8 reached a deal with a regional grid operator for 80MW of new power.",
			[]string{"Hut 8|||other"}},
		{"a settlement reached", "", "Hut 8 reached a settlement with Coinbase over unpaid fees.",
			[]string{"Hut 8|Coinbase||other"}},
		{"two loans to one borrower", "", "Hut 8 will provide TeraWulf a $7 million working capital loan and a $42 million bridge loan.",
			[]string{"Hut 8|TeraWulf|$7 million|financing", "Hut 8|TeraWulf|$42 million|financing"}},
		{"the deal just told is no new deal", "", "Hut 8 signed a $900 million lease with Bluepeak Compute Inc. The deal brings Bluepeak's clusters to Texas, Coinbase said.",
			[]string{"Hut 8|Bluepeak Compute|$900 million|lease"}},
		{"ja a list with a member described", "", "ミナト・データは、KDDI、米サーバー大手のスーパー・マイクロ・コンピューターと基本合意を締結した。",
			[]string{"ミナト・データ|Super Micro Computer||partnership", "ミナト・データ|KDDI||partnership"}},
		{"a long description between with and the name", "", "Microsoft signed an agreement worth up to $8bn with the artificial-intelligence cloud group Nebius for compute capacity.",
			[]string{"Microsoft|Nebius|up to $8bn|hpc_contract"}},
		{"with the company is the article's company", "", "Lambda rents GPU servers to cloud customers. Lambda grew fast. Later, Microsoft struck a $90 million deal with the company to lease 2,000 servers.",
			[]string{"Microsoft|Lambda|$90 million|lease"}},
		{"a total value far from its deal word", "", "In May, Microsoft agreed to lease 4,000 GPU servers built on Nvidia chips from Lambda for three years, with a total value of $600 million.",
			[]string{"Microsoft|Lambda|$600 million|hpc_contract"}},
		{"an investor's money goes to the article's company", "", "Hut 8 is building a campus in Ohio. As part of that, Macquarie Asset Management will invest up to $700 million in the second phase.",
			[]string{"Hut 8|Macquarie Asset Management|up to $700 million|equity"}},
		{"a list ends where a clause begins", "", "Hut 8 formed a partnership with Citigroup and Coinbase signed a lease with Riot.",
			[]string{"Hut 8|Citigroup||partnership", "Riot|Coinbase||lease"}},
		{"plans scrapped are no deal", "", "Google dropped its acquisition plans for Bitfarms last week, people said.", nil},
		{"an asset bought from its seller", "", "Riot closed the $30 million acquisition of Pinegrove 2B from Harbor Capital Partners in May.",
			[]string{"Riot|Harbor Capital Partners|$30 million|acquisition"}},
		{"en investing with nobody named is spending, no deal", "", "Northwind Hashing Inc. plans to invest $850 million in new data centers in Spain by 2030.", nil},
		{"en an investment received is a raise", "", "Northwind Hashing Inc. received a $50 million investment to expand its Ohio campus.",
			[]string{"Northwind Hashing||$50 million|equity"}},
		{"ja investing with nobody named is spending, no deal", "", "さくらインターネットは石狩に1000億円を投資する。", nil},
		{"ja an investment received is a raise", "", "さくらインターネットは50億円の投資を受けた。", []string{"Sakura Internet||50億円|equity"}},
		{"ja a bank no list knows signs a syndicated loan", "", "北風データ株式会社は、南星銀行とシンジケートローン契約を締結した。",
			[]string{"北風データ|南星銀行||financing"}},
		{"ja banks arranging a loan together are not each other's counterparty", "", "日本政策投資銀行は、南星銀行、東雲信用金庫とシンジケートローンを組成した。", nil},
		{"en debentures are a financing, their arranger its counterparty", "", "Northwind Data Centers has issued $250 million in green debentures, coordinated by Harbor Bank.",
			[]string{"Northwind Data Centers|Harbor Bank|$250 million|financing"}},
		{"en a bank tapped for a loan lends", "", "Northwind Hashing Inc. has tapped Harbor Bank for a $30 million loan to expand its campus.",
			[]string{"Northwind Hashing|Harbor Bank|$30 million|financing"}},
		{"en a bank tapped to advise is no party", "", "Northwind Hashing Inc. tapped Harbor Securities to advise on a $30 million loan.",
			[]string{"Northwind Hashing||$30 million|financing"}},
		{"en a camel-case name opens its sentence", "", "iXNorth has secured a $30 million loan to expand its campus.",
			[]string{"iXNorth||$30 million|financing"}},
		{"en a description after a time opener is the company just named", "", "Microsoft keeps buying compute for its AI services.\nOn Monday, the Redmond-based tech giant signed a $9.7 billion, five-year contract with IREN.",
			[]string{"IREN|Microsoft|$9.7 billion|hpc_contract"}},
		{"en a country is where a data center stands, not its seller", "", "Northwind Data Centers has signed an agreement to acquire a new data center in Colombia.",
			[]string{"Northwind Data Centers|||acquisition"}},
		{"en the subject after an opening adverbial of time", "", "In 2021, Harbor Edge paid $165 million to acquire a controlling interest in Pinegrove Hosting Inc.",
			[]string{"Harbor Edge|Pinegrove Hosting|$165 million|acquisition"}},
		{"en a corporate word ending a name is part of it", "", "Harbor Edge Inc. acquired Pinegrove Data for $5 million.",
			[]string{"Pinegrove Data|Harbor Edge|$5 million|acquisition"}},
		{"en a joint venture named with its owners is the owners' partnership, not its own", "", "Harbor Edge Inc. is a Pinecrest Power Inc. and Bluepeak Data Inc. joint venture company.",
			[]string{"Pinecrest Power|Bluepeak Data||partnership"}},
		{"en a power purchase with a hyphenated generator is a power deal in an AI story too", "", "Northwind Hashing Inc. is building an AI data center with GPU cloud capacity for HPC customers.\nNorthwind Hashing said it entered into six hydropower purchasing agreements with generator Hydro-Pinecrest.",
			[]string{"Northwind Hashing|Hydro-Pinecrest||other"}},
		{"en two buyers acquiring together each make the acquisition", "", "Harbor Capital Inc. and Pinecrest Partners LLC agreed to jointly acquire Bluepeak Data Inc. for $6.6 billion.",
			[]string{"Bluepeak Data|Harbor Capital|$6.6 billion|acquisition", "Bluepeak Data|Pinecrest Partners|$6.6 billion|acquisition"}},
		{"ja money raised by the paragraph's company is not the article miner's", "", "ビットファームズはマイニング企業だ。\nCoreWeaveは3月に上場した。5月にも30億ドルの社債を発行しており、資金を確保している。",
			[]string{"CoreWeave||30億ドル|financing"}},
		{"ja an agreement signed with 結んだ, its other side unnamed", "", "ビットファームズは、アルゼンチンの発電事業者と天然ガス発電電力の供給を受ける契約を結んだと発表した。",
			[]string{"Bitfarms|||other"}},
		{"ja a lease backed by a third company gives it a backstop deal", "", "ハット8は、グーグルの支援を受けて、アンソロピックと245MWのリース契約を締結した。",
			[]string{"Hut 8|Anthropic||lease", "Hut 8|Google||backstop"}},
		{"en a lender group named after the loan, its accordion no deal of its own", "", "Northwind Hashing Inc. secured a $200 million revolving credit facility with a $50 million accordion option.\nHarbor Bank is the agent, and the lender group includes Pinecrest Bank and Bluepeak Lending Ltd.",
			[]string{"Northwind Hashing|Harbor Bank|$200 million|financing", "Northwind Hashing|Pinecrest Bank|$200 million|financing", "Northwind Hashing|Bluepeak Lending|$200 million|financing"}},
		{"ja a siting agreement with a town", "", "ハイレゾは玄海町と進出協定を結んだ。", []string{"Highreso|玄海町||partnership"}},
		{"en a lease signed with an unnamed hyperscaler is a deal without counterparty", "", "Northwind Hashing Inc. signed a ten-year lease with an unnamed hyperscaler for its Ohio campus.",
			[]string{"Northwind Hashing|||lease"}},
		{"en a lease the project is contingent upon is no deal yet", "", "The Ohio campus of Northwind Hashing Inc. is contingent upon executing a lease with a hyperscaler.", nil},
		{"talks are no deal", "", "Northwind was in talks to raise $500 million from Pine Ventures Inc., the paper reported.", nil},
		{"ja a Reuters code names the company before it, never a party of its own", "", "[2日 ロイター] - 動画配信の「ミナトビデオ」MNV.Oは、ドイツの計算基盤企業「ホクセイ・データ」HKS.DEを約5億ドルで買収すると発表した。",
			[]string{"ホクセイ・データ|ミナトビデオ|約5億ドル|acquisition"}},
		{"ja a Reuters code glued to the name before it", "", "[3日 ロイター] - 米マイクロソフト MSFT.Oは、IRENIREN.Oと総額97億ドルの契約を締結した。",
			[]string{"Microsoft|IREN|97億ドル|other"}},
		{"en a deal's other side named without the figure joins the deal told with it, of that deal's kind", "", "Northwind Hashing Inc. backed out of a deal to purchase energy assets from Harbor Power Corp.\nNorthwind had planned to acquire hundreds of gas wells for CAD2 million.",
			[]string{"Northwind Hashing|Harbor Power|CAD2 million|acquisition"}},
		{"en a named company's unit keeps the preposition's role", "", "Northwind Hashing Inc. is borrowing $9 million from Harbor Capital Group's mining subsidiary Pinecrest.",
			[]string{"Northwind Hashing|Pinecrest|$9 million|financing"}},
		{"en the company's own unit is no other party", "", "Northwind Hashing Inc. is borrowing $9 million from the group's mining subsidiary Pinecrest.",
			[]string{"Northwind Hashing||$9 million|financing"}},
		{"en money received with no other side named is income, no deal", "", "Northwind Hashing Inc. received $8 million in power credits in July.", nil},
		{"en money received from a named side is a deal", "", "Northwind Hashing Inc. will receive $150 million from Harbor Capital for new preferred shares.",
			[]string{"Northwind Hashing|Harbor Capital|$150 million|equity"}},
		{"ja a payment with nobody named is no deal", "", "テラウルフは前金として20万ドルを支払った。", nil},
		{"ja banks lending together with a figure are no deal between them; they lend to the borrower of the loan told before", "", "国際協力銀行は南星データに融資する。本融資は、三菱UFJ銀行及び千葉銀行との協調融資により実施するもので、協調融資総額は5億米ドルです。",
			[]string{"南星データ|Japan Bank for International Cooperation||financing", "南星データ|Chiba Bank|5億米ドル|financing", "南星データ|MUFG|5億米ドル|financing"}},
		{"en two banks backing a loan for a named company each lend to it", "", "JP Morgan and Goldman Sachs have committed to back the construction loan for Hut 8's new campus in Ohio.",
			[]string{"Hut 8|JPMorgan||financing", "Hut 8|Goldman Sachs||financing"}},
		{"ja a list member no finder reads is a member", "", "北風データ株式会社は新しい基金を設立した。出資者には、東京センチュリー、日本郵政、みずほ銀行が名を連ねる。",
			[]string{"北風データ|Tokyo Century||equity", "北風データ|日本郵政||equity", "北風データ|Mizuho||equity"}},
		{"ja investors putting in a total together invest in the company told, each without the total", "", "北風データ株式会社は新工場を建てる。東洋銀行とみずほ銀行が合計で最大250億円を出資する。",
			[]string{"北風データ|東洋銀行||equity", "北風データ|Mizuho||equity"}},
		{"en a maker named only before its products leased is no party", "", "Northwind Compute Inc. closed its first AI cloud contract. The deal was for 504 Nvidia B200 GPUs deployed in Canada, leased over two years.",
			nil},
		{"en a maker whose machines are bought is the seller", "", "Northwind Hashing Inc. bought 5,000 Bitmain S21 machines for $20 million.",
			[]string{"Northwind Hashing|Bitmain|$20 million|purchase"}},
		{"ja a maker of the GPUs a company invests in is no party", "", "北風データ株式会社は3年間で130億円を投資し、米エヌビディア製GPUを導入する。",
			nil},
		{"ja a Latin name's katakana gloss in brackets before と leaves it the partner", "", "北風データ株式会社はHarbor Power Energy Systems(ハーバー・パワー・エナジー・システムズ)と20年間の電力購入契約を締結した。",
			[]string{"北風データ|Harbor Power Energy Systems||other"}},
		{"en a post before a person's name makes no party", "", "CEO Ben Gagnon and CFO Jeff Lucas discussed the company's merger with Stronghold Digital Mining.",
			nil},
		{"en hosting deals signed with no partner named are the signer's", "", "Hut 8 signs 10-year 200 MW hosting deals",
			[]string{"Hut 8|||hosting"}},
		{"ja an amount told as an estimate (とみられる) is no deal's", "", "東芝や京セラは投資額を明かしていないが、いずれも50億円を上回るものとみられる。",
			nil},
		{"ja two investors of the company told are no deal with each other", "", "北風データ株式会社は私募ファンドを組成した。そこに三菱地所と東京センチュリーが出資する仕組みだ。",
			[]string{"北風データ|Mitsubishi Estate||equity", "北風データ|Tokyo Century||equity"}},
		{"en holdings sold for a figure are a sale, not a balance", "", "Northwind Hashing Inc. sold 40% of its bitcoin holdings for $12 million in May.",
			[]string{"Northwind Hashing||$12 million|asset_sale"}},
		{"en holdings worth a figure are a balance", "", "Northwind Hashing Inc. sold 300 miners in May; its bitcoin holdings were worth $12 million.",
			nil},
		{"ja a company's line of business is no deal word", "", "KDDIと情報通信関連機器のリースを手掛ける東京センチュリーは、合弁会社を設立する。",
			[]string{"Tokyo Century|KDDI||partnership"}},
		{"en money raised to buy a maker's products is no deal with the maker", "", "Northwind Hashing Inc. raised $200 million in debt to buy Nvidia GPUs.",
			[]string{"Northwind Hashing||$200 million|financing"}},
		{"en a pronoun after 'and' opens a clause of its own", "", "Northwind Hashing Inc. raised $500 million in new funding and we spoke to a provider called Harrowgate about it.",
			[]string{"Northwind Hashing||$500 million|equity"}},
		{"ja a weak deal word whose figure is an investment plan makes no deal with a company of another clause", "",
			"北辰データ株式会社は今後5年間で80億ドルを投資する予定であり、米グーグルも10億ドル規模のデータセンター建設を計画している。", nil},
		{"ja a weak deal word whose figure is a capex figure makes no deal, counterparty or not", "",
			"東雲投資委員会(SIB)は5月、データセンターへの総額30億ドルの投資を承認しており、米マイクロソフトも昨年、データセンター開設計画を発表している。", nil},
		{"ja the company whose shares are bought is the one bought, not the seller named nearer", "",
			"北辰データ株式会社は、南星不動産株式会社から東雲クラウド株式会社の株式100%を約28億円で買収すると発表した。",
			[]string{"北辰データ|東雲クラウド|約28億円|acquisition"}},
		{"ja a fund named as it is formed is the subject's own vehicle, no other side", "",
			"北辰キャピタル株式会社は、投資ファンド「北辰データセンター・ファンド1」を組成、出資コミットメント総額10億ドルでファーストクローズを迎えたと発表した。",
			[]string{"北辰キャピタル||10億ドル|equity"}},
		{"ja 投資 with its figure a deal value stays a deal", "", "北辰データ株式会社は南星クラウド株式会社に30億円を投資した。",
			[]string{"南星クラウド|北辰データ|30億円|equity"}},
		{"en an abbreviation in the plural is a kind of thing, no party", "", "Northwind Hashing Inc. took a 33 per cent stake in the SPVs for $50 million.",
			[]string{"Northwind Hashing||$50 million|equity"}},
		{"dedupe", "", "TeraWulf signed a $3.7 billion lease with Fluidstack. Fluidstack will pay TeraWulf $3.7 billion over ten years.",
			[]string{"TeraWulf|Fluidstack|$3.7 billion|lease"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt := text.Normalize(tt.text)
			res := x.Extract(text.Normalize(tt.title), txt)
			checkResult(t, txt, res)
			var got []string
			for _, d := range res.Deals {
				a := ""
				if d.Amount != nil {
					a = d.Amount.Text
				}
				got = append(got, d.Company+"|"+string(d.Counterparty)+"|"+a+"|"+string(d.Kind))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("deals:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestDedupeJoinsBoughtTarget: an acquisition whose company is its target
// ("DPN | Argo", amount-less) takes the figure its buyer's deal was told
// with ("Argo | null | $5 million"); a sale by the buyer does not.
func TestDedupeJoinsBoughtTarget(t *testing.T) {
	usd := func(v float64) *pipeline.Amount { return &pipeline.Amount{Value: v, Currency: "USD"} }
	target := pipeline.Deal{Company: "DPN", Counterparty: "Argo", Kind: pipeline.KindAcquisition, EvidenceSpan: [2]int{0, 40}}
	for _, tc := range []struct {
		kind pipeline.Kind
		want int
	}{{pipeline.KindAcquisition, 1}, {pipeline.KindPurchase, 1}, {pipeline.KindAssetSale, 2}} {
		buyer := pipeline.Deal{Company: "Argo", Kind: tc.kind, Amount: usd(5e6), EvidenceSpan: [2]int{100, 140}}
		got := dedupe([]pipeline.Deal{target, buyer})
		if len(got) != tc.want {
			t.Fatalf("%s: %d deals, want %d: %+v", tc.kind, len(got), tc.want, got)
		}
		if tc.want == 1 && (got[0].Amount == nil || got[0].Company != "DPN" || got[0].Counterparty != "Argo") {
			t.Errorf("%s: got %+v, want DPN | Argo | $5 million", tc.kind, got[0])
		}
	}
}

// TestDedupeKeepsOtherFamilies: a deal of two companies told without its
// value joins their deal with a value, unless the two kinds are specific
// and of different families (a sale and a hosting agreement are two
// deals); a generic kind may be either.
func TestDedupeKeepsOtherFamilies(t *testing.T) {
	usd := &pipeline.Amount{Value: 65e6, Currency: "USD"}
	for _, tc := range []struct {
		valued, bare pipeline.Kind
		want         int
	}{
		{pipeline.KindAssetSale, pipeline.KindHosting, 2},
		{pipeline.KindAcquisition, pipeline.KindLease, 2},
		{pipeline.KindFinancing, pipeline.KindPurchase, 2},
		{pipeline.KindAssetSale, pipeline.KindAcquisition, 1},
		{pipeline.KindLease, pipeline.KindHosting, 1},
		{pipeline.KindAssetSale, pipeline.KindPartnership, 1},
		{pipeline.KindAcquisition, pipeline.KindOther, 1},
	} {
		valued := pipeline.Deal{Company: "Argo", Counterparty: "Galaxy", Kind: tc.valued, Amount: usd, Confidence: 0.8, EvidenceSpan: [2]int{0, 40}}
		bare := pipeline.Deal{Company: "Galaxy", Counterparty: "Argo", Kind: tc.bare, Confidence: 0.8, EvidenceSpan: [2]int{100, 140}}
		if got := dedupe([]pipeline.Deal{valued, bare}); len(got) != tc.want {
			t.Errorf("%s with a value, %s without: %d deals, want %d", tc.valued, tc.bare, len(got), tc.want)
		}
	}
}

// TestFirstWordNames: a name's first word standing alone later is a
// mention of the name, unless a capital follows it (another name), a
// capitalised word precedes it (inside a run), or it opens a sentence
// without a verb or a possessive after it.
func TestFirstWordNames(t *testing.T) {
	txt := "Advanced Blockchain runs miners. Advanced said it signed. Advanced cooling helps. Advanced's site grew. " +
		"It bought rigs from Advanced in May. Advanced Micro Devices sells chips. The New Advanced fund grew."
	ms := []mention{{Mention: org.Mention{Name: "Advanced Blockchain", Text: "Advanced Blockchain", Span: [2]int{0, 19}}}}
	var got []string
	for _, m := range firstWordNames(txt, ms)[1:] {
		got = append(got, txt[m.Span[0]:m.Span[1]]+"@"+strconv.Itoa(m.Span[0])+"="+m.Name)
	}
	want := []string{"Advanced@33=Advanced Blockchain", "Advanced@82=Advanced Blockchain", "Advanced@124=Advanced Blockchain"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	// Two names opening on one word, each named as often: the word alone
	// names neither.
	ms = append(ms, mention{Mention: org.Mention{Name: "Advanced Compute", Text: "Advanced Compute", Span: [2]int{200, 216}}})
	if got := firstWordNames(txt+" Advanced Compute grew.", ms); len(got) != 2 {
		t.Errorf("shared first word: %d mentions, want 2", len(got))
	}
	// The text's company, named more often than a vehicle named after it
	// later, keeps the word.
	txt = "Harbor Datacenters LLC plans two sites. Harbor Datacenters raised funds. A fund called Harbor Investors I LLC raised $3 million. Harbor said it signed a loan."
	ms = []mention{
		{Mention: org.Mention{Name: "Harbor Datacenters", Text: "Harbor Datacenters", Span: [2]int{0, 18}}},
		{Mention: org.Mention{Name: "Harbor Datacenters", Text: "Harbor Datacenters", Span: [2]int{40, 58}}},
		{Mention: org.Mention{Name: "Harbor Investors I", Text: "Harbor Investors I", Span: [2]int{87, 105}}},
	}
	got = nil
	for _, m := range firstWordNames(txt, ms) {
		if m.Text == "Harbor" {
			got = append(got, m.Name)
		}
	}
	if want := []string{"Harbor Datacenters"}; !slices.Equal(got, want) {
		t.Errorf("shared first word, one name more used: got %q, want %q", got, want)
	}
}

func TestSiteAreas(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"acquired an 85-acre campus", []string{"85acre"}},
		{"bought 26.3 acres and eight acres", []string{"26.3acre", "8acre"}},
		{"a 767,000-square-foot terrain", []string{"767000sqft"}},
		{"1,400 hectares of land", []string{"1400ha"}},
		{"約2万平方メートルの用地", nil}, // the figure before the unit is not a plain number
		{"3,000平方メートルの用地", []string{"3000sqm"}},
		{"a site in Ohio", nil},
	} {
		if got := siteAreas(tt.in); !slices.Equal(slices.Compact(got), tt.want) {
			t.Errorf("siteAreas(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMeasures(t *testing.T) {
	tests := []struct {
		in        string
		term, cap float64
	}{
		{"5年間97億ドルの契約、容量200メガワット", 5, 200},
		{"a 10-year lease for 1.2 GW", 10, 1200},
		{"a ten-year deal covering 150 MW (not 300 MWh)", 10, 150},
		{"15年のリース契約", 15, 0},
		{"2025年の契約", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			lower := asciiLower(tt.in)
			term, _ := findTerm(tt.in, lower, 0, len(tt.in), 0)
			c, _ := findCapacity(tt.in, 0, len(tt.in), 0)
			if term != tt.term || c != tt.cap {
				t.Errorf("term %g cap %g, want %g %g", term, c, tt.term, tt.cap)
			}
		})
	}
}

func TestConcurrentExtract(t *testing.T) {
	x := newExtractor(t)
	txt := text.Normalize("採掘企業TeraWulfはFluidstackと128億ドルの契約を締結した。IREN signed a $9.7 billion contract with Microsoft.")
	want := x.Extract("", txt)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got := x.Extract("", txt)
			if len(got.Deals) != len(want.Deals) {
				t.Errorf("concurrent Extract: %d deals, want %d", len(got.Deals), len(want.Deals))
			}
		}()
	}
	wg.Wait()
}

func FuzzExtract(f *testing.F) {
	x := newExtractor(f)
	for _, s := range []string{"", "IRENとマイクロソフトの5年間97億ドルの契約", "TeraWulf signed a $3.7 billion lease with Fluidstack.",
		"CIFR:55億ドルの契約を保持\nCipherはAWSと契約", "約1900BTC(約1.75億ドル)を売却", "\xff\xfe$1 billion deal with",
		"### HUT:70億ドル**の契約", "A and B agreed to acquire C for $", "同社は、、、と提携",
		"Hut 8 closed a $400 million loan. The loan was provided by Coinbase, DNB, Eksfin, and SEB, and others.",
		"アルゴは、北風(NW)の子会社から1億ドルを借り入れた。さらに同行から", "関西電力、KDDI、日本政策投資銀行の3社は協定を締結した。",
		"Cipher signed a $3 billion lease backed by Google", "(X)の子会社から)", "Xのパラグアイにある鉱山を買収",
		"Hut 8 signed a lease.\n- \nNext line.", "GoogleはNorthwind Power Systems(NPS)と契約した。同社は10億ドルを投じ、NPS社、Microsoft社と提携した。", // a line that is only a bullet once read past its sentence's end
		// The twenty-third session's forms: a reading in brackets inside a
		// name, による before a priced acquisition, a list opening a line.
		"南星ホールディングスは2日、Northwind(ノースウインド)Groupを約12億ドルで買収すると発表した。", "X(カ)Group", "（）Group",
		"3月に、北辰キャピタル株式会社による南星データ株式会社の82億ドルの買収が完了した。", "による", "の1億ドルの買収",
		"KDDIは電力戦略を発表した。\nVistra、TerraPower、Okloとの三つの契約を通じ、炉の開発も支える。", "、、と"} {
		f.Add("", s)
	}
	f.Add("Hut 8 lands $7 billion lease", "The miner said.")
	f.Fuzz(func(t *testing.T, title, s string) {
		txt := text.Normalize(s)
		res := x.Extract(text.Normalize(title), txt)
		checkResult(t, txt, res)
	})
}

// TestMajorityStake: a stake of more than half, in English or Japanese, is
// control taken.
func TestMajorityStake(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"acquired a 64% stake in the miner", true},
		{"took a 49% stake in the miner", false},
		{"同社の株式の88%を取得した", true},
		{"同社の株式の8割を買い取る", true},
		{"同社の株式の3割を取得した", false},
		{"51%の株式を取得した", true},
		{"ポートフォリオの過半数の株式を取得した", true},
		{"同社の株式の5%を取得した", false},
	} {
		if got := majorityStake(tt.s); got != tt.want {
			t.Errorf("majorityStake(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestOneSpanOneMention: an acronym the text defines and the same letters
// before 社 were two mentions of one span, and the list rule slicing the
// text between them panicked (a real page did this). Extract must not
// panic, and each name is read once.
func TestOneSpanOneMention(t *testing.T) {
	x := newExtractor(t)
	txt := text.Normalize("GoogleはNorthwind Power Systems(NPS)と契約した。同社は10億ドルを投じ、NPS社、Microsoft社、Amazon社と提携した。")
	res := x.Extract("", txt)
	checkResult(t, txt, res)
	seen := map[[2]int]bool{}
	for _, m := range res.Names {
		if seen[m.Span] {
			t.Errorf("%q read twice at %v", m.Text, m.Span)
		}
		seen[m.Span] = true
	}
}

// TestNameReadAhead: a name a later sentence shows to be an
// organisation's ("Denver-based Northgate 7") is a mention where it is
// written before without a sign (a headline glued to its body).
func TestNameReadAhead(t *testing.T) {
	x := newExtractor(t)
	txt := text.Normalize("Northgate 7 Buys Brightline From Quarry Power: Northgate 7 acquired Brightline from its parent Quarry Power in a $40 million deal.\nDenver-based Northgate 7 runs three campuses in Colorado.")
	res := x.Extract("", txt)
	checkResult(t, txt, res)
	first := strings.Index(txt, ": Northgate 7") + 2
	for _, m := range res.Names {
		if m.Span[0] == first && m.Name == "Northgate 7" {
			return
		}
	}
	t.Errorf("no mention of Northgate 7 at %d; names %v", first, res.Names)
}

// TestDefinedAgreementNoName: a filing's defined term for an agreement or
// an offering ("Pursuant to the Private Placement") names no organisation.
func TestDefinedAgreementNoName(t *testing.T) {
	x := newExtractor(t)
	txt := text.Normalize("Northwind Hashing Inc. sold shares to Harbor Capital in a private placement. Pursuant to the Private Placement, the Company issued 23,333,334 Common Shares.")
	res := x.Extract("", txt)
	checkResult(t, txt, res)
	for _, m := range res.Names {
		if m.Name == "Private Placement" {
			t.Errorf("%q read as a name at %v", m.Text, m.Span)
		}
	}
}

// TestRecoverResult: a panic of the rules becomes Result.Err, with no
// deals, instead of ending the caller's run.
func TestRecoverResult(t *testing.T) {
	res := func() (res Result) {
		defer recoverResult(&res)
		res.Deals = []pipeline.Deal{{Company: "half-made"}}
		panic("index out of range")
	}()
	if res.Err == nil || !strings.Contains(res.Err.Error(), "index out of range") {
		t.Fatalf("Err = %v, want the panic's message", res.Err)
	}
	if len(res.Deals) != 0 {
		t.Errorf("Deals = %v, want none after a failure", res.Deals)
	}
	ok := func() (res Result) {
		defer recoverResult(&res)
		return Result{Deals: []pipeline.Deal{{Company: "A"}}}
	}()
	if ok.Err != nil || len(ok.Deals) != 1 {
		t.Errorf("no panic: got %+v", ok)
	}
}

// TestInvestees: a katakana run before に/への and 出資/投資 is an investee's
// name unless it is made of common words (a project, a sector, a country).
func TestInvestees(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"北辰データはコールドレーンに3,000万ドルを出資した。", []string{"コールドレーン"}},
		{"北辰データはグリッドノヴァへの出資を決めた。", []string{"グリッドノヴァ"}},
		{"北辰データはデータセンタープロジェクトに30億円を出資した。", nil},
		{"北辰データはマレーシアに20億ドルを投資する。", nil},
		{"北辰データはエネルギーセクターに投資する。", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range investees(tt.in) {
			got = append(got, m.Name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("investees(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestBackground: a function run beside the caller gives its result when
// asked, and its panic is raised again in the caller, where
// recoverResult turns it into an error.
func TestBackground(t *testing.T) {
	for _, async := range []bool{false, true} {
		if got := background(async, func() int { return 7 })(); got != 7 {
			t.Errorf("background(%v) = %d, want 7", async, got)
		}
	}
	wait := background(true, func() int { panic("finder failed") })
	defer func() {
		if r := recover(); r != "finder failed" {
			t.Errorf("recovered %v, want the function's panic", r)
		}
	}()
	wait()
	t.Error("no panic")
}

// TestDataRuns: the deal rules run beside the reading give their deals in
// sentence order, whatever order they finish in, and a panic of theirs
// is raised again when the reading asks for them.
func TestDataRuns(t *testing.T) {
	r := startDataRuns(3, func(j dataRun) []pipeline.Deal {
		return []pipeline.Deal{{Company: string(rune('A' + j.i))}}
	})
	for i := range 3 {
		r.jobs <- dataRun{i: i}
	}
	var got []string
	for _, dl := range r.wait() {
		got = append(got, dl.Company)
	}
	if strings.Join(got, "") != "ABC" {
		t.Errorf("deals in order %q, want ABC", got)
	}
	r = startDataRuns(2, func(j dataRun) []pipeline.Deal { panic("rule failed") })
	r.jobs <- dataRun{i: 0}
	r.jobs <- dataRun{i: 1}
	defer func() {
		if p := recover(); p != "rule failed" {
			t.Errorf("recovered %v, want the rules' panic", p)
		}
	}()
	r.wait()
	t.Error("no panic")
}

// TestFollowUpSharedByList: a value told in the next sentence is the value
// of every member of a list of buyers told together, not of the first only.
func TestFollowUpSharedByList(t *testing.T) {
	x := newExtractor(t)
	txt := "シングテルとKKRはSTTを取得する。買収額は66億シンガポールドルに上る。"
	d := &doc{text: txt, lower: txt}
	ev := [2]int{0, strings.Index(txt, "買収額")}
	prev := []pipeline.Deal{
		{Company: "STT", Counterparty: "Singtel", Kind: pipeline.KindAcquisition, EvidenceSpan: ev, Rule: "noamount:acquisition@ja.trigger.acquisition"},
		{Company: "STT", Counterparty: "KKR", Kind: pipeline.KindAcquisition, EvidenceSpan: ev, Rule: "list:noamount:acquisition@ja.trigger.acquisition"},
	}
	at := strings.Index(txt, "66億")
	a := pipeline.Amount{Value: 6.6e9, Currency: "SGD", Text: "66億シンガポールドル", Span: [2]int{at, at + len("66億シンガポールドル")}}
	if !x.attachFollowUp(d, [2]int{ev[1], len(txt)}, a, pipeline.KindAcquisition, prev) {
		t.Fatal("the value was attached to no deal")
	}
	for _, p := range prev {
		if p.Amount == nil || p.Amount.Value != 6.6e9 {
			t.Errorf("%s | %s: amount %v, want 6.6e9", p.Company, p.Counterparty, p.Amount)
		}
	}
}

// TestRICs: Reuters instrument codes are read after a name, glued to it
// or not; abbreviations with dots are none.
func TestRICs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ランブルRUM.Oは", "RUM.O"},
		{"「ノーザン・データ」NB2.DEを", "NB2.DE"},
		{"ソフトバンクグループ<9984.T>は", "9984.T"},
		{"オラクル(ORCL.N)と", "ORCL.N"},
		{"コアウィーブCRWV.Oは", "CRWV.O"},
		{"IRENIREN.Oと", "IREN.O"},
		{"CoreWeaveCRWV.O said", "CRWV.O"},
		{"the U.S.A. and Acme Inc.A", ""},
		{"version 2.0 of", ""},
		{"ABC.DEF is no code", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range rics(tt.in) {
			got = append(got, tt.in[c[0]:c[1]])
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("rics(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestPersonNames: a person's name in a Japanese text, in katakana or in
// Latin letters, opens with a given name.
func TestPersonNames(t *testing.T) {
	for _, n := range []string{"パトリック・フルーリー", "ジェンスン・フアン"} {
		if !org.KatakanaPerson(n) {
			t.Errorf("KatakanaPerson(%q) = false", n)
		}
	}
	for _, n := range []string{"ビットファームズ", "コア・サイエンティフィック", "マイク"} {
		if org.KatakanaPerson(n) {
			t.Errorf("KatakanaPerson(%q) = true", n)
		}
	}
	if !latinPerson("Patrick Fleury") || latinPerson("Patrick Capital") || latinPerson("Harbor Fleury") || latinPerson("Sharon AI") {
		t.Error("latinPerson: want a given name and a surname only")
	}
}

// TestHypothetical: a deal word after a wish, a need, a condition or a
// denial is no deal made; the same word told plainly is.
func TestHypothetical(t *testing.T) {
	for _, tc := range []struct {
		s, word string
		want    bool
	}{
		{"the upfront money the miner needs to invest in the site", "invest", true},
		{"the miners need to invest more in cooling", "invest", true},
		{"the miner hopes to lease the site to a cloud", "lease", true},
		{"the deal is subject to signing a lease", "lease", true},
		{"the miner did not sign a lease", "lease", true},
		{"the miner will invest $5 million in the site", "invest", false},
		{"the miner signed a lease with a cloud", "lease", false},
		{"the fund, which needs no approval, will invest in the miner", "invest", false},
	} {
		at := strings.Index(tc.s, tc.word)
		if got := hypothetical(tc.s, 0, at); got != tc.want {
			t.Errorf("hypothetical(%q at %q) = %v, want %v", tc.s, tc.word, got, tc.want)
		}
	}
}

// TestMinerNamedInPassing: a sentence without a subject of its own in a
// story about other companies is no deal of a miner the story names in
// passing; when the story is about the miner, or the sentence points
// back ("its"), the deal is the miner's (minerPrior, docMinerLeads).
func TestMinerNamedInPassing(t *testing.T) {
	x := newExtractor(t)
	about := func(res Result, name string) bool {
		for _, d := range res.Deals {
			if d.Company == name || string(d.Counterparty) == name {
				return true
			}
		}
		return false
	}
	passing := text.Normalize("Zephyr Data Centers runs 50 campuses, among them a site in Texas once owned by Hut 8.\n\n" +
		"A newly formed investment consortium, the Quillon Infrastructure Partnership, will acquire Zephyr Data Centers in a $40 billion deal, the companies announced Wednesday.")
	if res := x.Extract("", passing); about(res, "Hut 8") {
		t.Errorf("named in passing: got %+v, want no deal of Hut 8", res.Deals)
	}
	its := text.Normalize("The new hall in Childress brings the capacity Nebius has contracted across IREN's Texas sites to 300 MW.\n" +
		"The company said the addition lifts the value of its Nebius hosting contracts to about $3.2 billion over five years.")
	if res := x.Extract("", its); !about(res, "IREN") {
		t.Errorf("pointed back to: got %+v, want IREN's deal", res.Deals)
	}
}

// TestCuesOutsideNames: the lexicon's words inside a sentence's names
// ("Pinecrest Hosting", read from capitalised words after an opening
// adverbial) are no deal or figure words; the document's cues are not
// changed.
func TestCuesOutsideNames(t *testing.T) {
	x := newExtractor(t)
	s := "In May, Pinecrest Hosting signed a $50 million agreement with Hut 8."
	d := x.analyze(s, nil)
	before := slices.Clone(d.cues)
	sc := x.newSent(d, d.sents[0], &state{})
	var got []string
	for _, c := range sc.cues {
		got = append(got, s[c.start:c.end])
	}
	if slices.Contains(got, "Hosting") || !slices.Contains(got, "agreement") {
		t.Errorf("sentence cues = %q, want \"agreement\" and not the name's \"Hosting\"", got)
	}
	if !slices.Equal(d.cues, before) {
		t.Errorf("document cues changed")
	}
	res := x.Extract("", s)
	if len(res.Deals) != 1 || res.Deals[0].Kind != pipeline.KindOther {
		t.Errorf("deals = %+v, want one of kind other (the name's Hosting tells no kind)", res.Deals)
	}
}
