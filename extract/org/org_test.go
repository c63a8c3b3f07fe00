package org

import (
	"gopkg.in/yaml.v3"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/extract/jtok"
)

func builtin(tb testing.TB) *Gazetteer {
	tb.Helper()
	g, err := Builtin()
	if err != nil {
		tb.Fatalf("Builtin: %v", err)
	}
	return g
}

func names(ms []Mention) string {
	var b []string
	for _, m := range ms {
		s := m.Name
		if !m.Known {
			s += "?"
		}
		b = append(b, s)
	}
	return strings.Join(b, "|")
}

func TestFind(t *testing.T) {
	g := builtin(t)
	tests := []struct {
		name, in, want string
	}{
		{"plain", "TeraWulf signed with Fluidstack.", "TeraWulf|Fluidstack"},
		{"squashed spaces", "CoreScientificとStarwoodCapitalGroupが", "Core Scientific|Starwood Capital Group"},
		{"IREN not IRENA", "IRENA said Irene met IREN", "IREN"},
		{"hut lowercase", "a hut 8 miles away", ""},
		{"Hut 8 possessive", "Hut 8's subsidiary", "Hut 8"},
		{"Hut8 joined", "Hut8の子会社", "Hut 8"},
		{"ticker exact case", "CIFR rose; cifr did not", "Cipher Digital"},
		{"ticker no inner match", "CIFRX fund", ""},
		{"japanese aliases", "ビット小鹿と比特小鹿と灿谷", "Bitdeer|Bitdeer|Cango"},
		{"katakana boundary", "メタバースとメタ", "Meta"},
		{"aws forms", "AWSとアマゾン・ウェブ・サービス", "Amazon Web Services|Amazon Web Services"},
		{"word caps", "American bitcoin miners", ""},
		{"longest first", "Cipher Mining and Cipher", "Cipher Digital|Cipher Digital"},
		{"google chinese", "谷歌に譲渡", "Google"},
		{"unknown english suffix", "a loan from Blue Harbor Capital Partners LLC today", "Blue Harbor Capital Partners?"},
		{"unknown legal form comma", "Acme Technologies, Inc. signed", "Acme Technologies?"},
		{"a known name the text's end cuts short", "CleanSpark signed a loan facility with Coinbas", "CleanSpark|Coinbase"},
		{"too little of a name at the text's end", "CleanSpark signed a loan facility with Coin", "CleanSpark"},
		{"a byline's clock glued to the name", "Jan. 06, 2022 8:33 AM ETNorthwind Hashing Co., Ltd. (NWH)", "Northwind Hashing?"},
		{"india's private limited", "a loan to Gramercy Techpark Private Ltd and Acme Pvt. Ltd. today", "Gramercy Techpark?|Acme?"},
		{"unknown japanese suffix", "米ノヴァリス社と契約", "ノヴァリス?"},
		{"unknown holdings", "ミライホールディングスが買収", "ミライホールディングス?"},
		{"no sentence starter", "The Company signed", ""},
		{"not across newline", "Cipher\nMining", "Cipher Digital"},
		{"longer name after a middle dot", "ソフトバンク・テクノロジーが丸紅に譲渡", "ソフトバンク・テクノロジー?|Marubeni"},
		{"same company after a middle dot", "ビットディア・テクノロジーズ・グループは", "Bitdeer"},
		{"a hiragana name glued to a company word is another company", "みずほリースの子会社と、みずほ銀行が出資", "Mizuho"},
		{"list with a middle dot", "ソフトバンク・KDDIの合弁", "SoftBank|KDDI"},
		{"japanese trading houses", "双日と伊藤忠商事、三井物産が出資", "Sojitz|Itochu|Mitsui & Co."},
		{"japanese bank longest alias", "三井住友信託銀行と三井住友銀行と三菱UFJ銀行", "Sumitomo Mitsui Trust|SMBC|MUFG"},
		{"japanese utilities", "中部電力と九州電力から受電", "Chubu Electric Power|Kyushu Electric Power"},
		{"katakana miners", "クルーソーとコアウィーブ、ビットファームズ", "Crusoe Energy|CoreWeave|Bitfarms"},
		{"japanese holdings suffix keeps known", "MARAホールディングスと提携", "MARA"},
		{"chinese aliases", "英伟达向阿里巴巴和腾讯供货", "Nvidia|Alibaba|Tencent"},
		{"a list's conjunction and 'and others' after legal-form names", "株式会社岩手銀行及び株式会社足利銀行他が融資", "岩手銀行?|足利銀行?"},
		{"a katakana word in a partner's slot names the partner", "北辰はアストマックスと共同で開発を進める。パワーと共同で動く。", "アストマックス?"},
		{"a company named by its web domain; a known one keeps its name", "北辰はBTC.comを買収し、Pool.ioと提携した。Anthropic.aiも。see https://www.pool.io/x", "BTC.com?|Pool.io?|Anthropic"},
		{"a short kanji name going on into another", "ヒューリックと関電工の2社は提携した。関電社長が語った。", "Kansai Electric Power"},
		{"dell technologies", "from Dell Technologies and Founders Fund", "Dell Technologies|Founders Fund"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := g.Find(tt.in)
			if names(got) != tt.want {
				t.Errorf("Find(%q) = %q, want %q", tt.in, names(got), tt.want)
			}
			for _, m := range got {
				if tt.in[m.Span[0]:m.Span[1]] != m.Text {
					t.Errorf("span %v text %q, want %q", m.Span, tt.in[m.Span[0]:m.Span[1]], m.Text)
				}
			}
		})
	}
}

func TestCanonical(t *testing.T) {
	g := builtin(t)
	tests := []struct {
		in, want string
		known    bool
	}{
		{"CipherMining", "Cipher Digital", true},
		{"cipher digital", "Cipher Digital", true},
		{"BTDR", "Bitdeer", true},
		{"ビット小鹿", "Bitdeer", true},
		{"Marathon Digital", "MARA", true},
		{"Keel Infrastructure", "Bitfarms", true},
		{"Nobody Corp", "Nobody Corp", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, known := g.Canonical(tt.in)
			if got != tt.want || known != tt.known {
				t.Errorf("Canonical(%q) = %q,%v, want %q,%v", tt.in, got, known, tt.want, tt.known)
			}
		})
	}
}

func TestRequiredCompanies(t *testing.T) {
	g := builtin(t)
	for _, n := range []string{"IREN", "Iris Energy", "TeraWulf", "WULF", "Cipher Mining", "Cipher Digital", "CIFR",
		"Core Scientific", "CORZ", "CoreWeave", "Hut 8", "HUT", "American Bitcoin", "MARA", "Marathon Digital",
		"Riot Platforms", "RIOT", "CleanSpark", "CLSK", "Bitfarms", "BITF", "Bitdeer", "ビット小鹿", "比特小鹿", "BTDR",
		"Cango", "灿谷", "Canaan", "HIVE Digital", "Galaxy Digital", "Applied Digital", "APLD", "Soluna", "Bit Digital",
		"WhiteFiber", "Greenidge", "Stronghold", "Northern Data", "Crusoe", "Lancium", "Fluidstack", "Nebius", "Lambda",
		"Together AI", "Anthropic", "OpenAI", "xAI", "Microsoft", "マイクロソフト", "Amazon Web Services", "AWS",
		"アマゾン ウェブ サービス", "Amazon", "Google", "グーグル", "谷歌", "Alphabet", "Meta", "Oracle", "Nvidia",
		"エヌビディア", "AMD", "Intel", "Tether", "Blackstone", "Starwood Capital Group", "Macquarie", "Morgan Stanley",
		"JPMorgan", "Goldman Sachs", "SoftBank", "ソフトバンク", "Bitmain", "MicroBT", "Coinbase", "Strategy",
		"MicroStrategy", "Block", "Exxon", "ERCOT", "GMO Internet", "GMOインターネット", "SBI", "Sakura Internet",
		"さくらインターネット", "KDDI", "NTT", "双日", "三菱商事", "三井物産", "伊藤忠", "丸紅", "住友商事", "三菱UFJ銀行",
		"みずほ", "三井住友", "関西電力", "東京電力", "中部電力", "Sojitz", "Dell Technologies", "テラウルフ", "コア・サイエンティフィック",
		"コアウィーブ", "ライオット", "ビットディア", "ハット8", "クリーンスパーク", "ビットファームズ", "アプライド・デジタル",
		"ギャラクシー", "クルーソー", "テザー", "Founders Fund", "KKR", "Duke Energy", "Cathedra Bitcoin"} {
		if _, ok := g.Canonical(n); !ok {
			t.Errorf("%q missing from the built-in gazetteer", n)
		}
	}
}

func TestLoadFile(t *testing.T) {
	g := builtin(t)
	p := filepath.Join(t.TempDir(), "extra.yaml")
	data := "- {name: Zephyr Compute, aliases: [ゼファー], tickers: [ZPHR], role: neocloud}\n- {name: IREN, aliases: [Childress Operator]}\n"
	if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := g.LoadFile(p); err != nil {
		t.Fatalf("LoadFile: %v", err)
	}
	if got, want := names(g.Find("ゼファーとZPHRとChildress OperatorとIREN")), "Zephyr Compute|Zephyr Compute|IREN|IREN"; got != want {
		t.Errorf("after LoadFile Find = %q, want %q", got, want)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("- {aliases: [x]}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := g.LoadFile(bad); err == nil {
		t.Error("LoadFile with an empty name: want error")
	}
	if err := g.LoadFile(filepath.Join(t.TempDir(), "missing.yaml")); err == nil {
		t.Error("LoadFile missing file: want error")
	}
}

func TestCapitalizedAt(t *testing.T) {
	tests := []struct {
		in   string
		pos  int
		want string
		ok   bool
	}{
		{"with Two Prime Capital, Inc. for", 5, "Two Prime Capital", true},
		{"with the Bank of Nowhere.", 5, "Bank of Nowhere", true},
		{"with Texas utilities", 5, "", false},
		{"with investors", 5, "", false},
		{"from Zephyr's lenders", 5, "Zephyr", true},
		{"with the City of Northvale for the site", 5, "City of Northvale", true},
		{"with of Northvale", 5, "", false},
		{"across EMEA and APAC", 7, "", false}, // regions a market report names
		{"across EMEA and APAC", 16, "", false},
		{"in LATAM next year", 3, "", false},
		{"with U.K.-based Bluepeak", 5, "", false}, // a country's abbreviation
		{"and the U.K., Bluepeak said", 12, "", false},
		{"to HODL our bitcoin", 3, "", false},                 // the holders' slang, not a company
		{"in line with LEED or an equivalent", 13, "", false}, // a building certification
		{"in the Pacific Northwest, the", 7, "", false},
		{"into an ATM agreement", 8, "", false},
		{"data centre in Las Vegas, which", 15, "", false}, // a city
		{"in San Antonio, the", 3, "", false},
		{"from CMBS lenders", 5, "", false},                            // a kind of security, not a company
		{"by Kestrel Investors in 2022", 3, "Kestrel Investors", true}, // a capitalised group noun after a proper word ends the name
		{"from the Oregon State Pension Board last year", 5, "Oregon State Pension Board", true},
		{"with Japanese Investors", 5, "", false},
		{"Then the Group entered into", 5, "", false}, // a word of a kind alone is no name
		{"with the Fund on", 5, "", false},
		{"from Hollin Companies and", 5, "Hollin Companies", true}, // a group named "Companies" keeps the word
		{"from the Companies and", 5, "", false},
		{"with Kentucky Utilities for", 5, "Kentucky Utilities", true}, // a utility named by its place and trade
		{"with Georgia Power & Light for", 5, "Georgia Power & Light", true},
		{"with Texas utilities", 5, "", false},
		{"with Texas Data Ventures", 5, "Data Ventures", true}, // a place before other corporate words still goes
		{"from the Bakken Shale Basin wells", 5, "", false},    // an oil field, not an organisation
		{"to Expand Into Bitcoin Mining", 3, "", false},        // a headline's preposition opens no name
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			m, ok := CapitalizedAt(tt.in, tt.pos)
			if ok != tt.ok || m.Name != tt.want {
				t.Errorf("CapitalizedAt = %q,%v, want %q,%v", m.Name, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestFindTokens(t *testing.T) {
	g := builtin(t)
	tok, err := jtok.New()
	if err != nil {
		t.Fatal(err)
	}
	s := "採掘企業ZenithHashはNorthwindと提携し、GPUとAIを導入した。"
	got := names(g.FindTokens(s, tok.Tokens(s)))
	if !strings.Contains(got, "ZenithHash?") || !strings.Contains(got, "Northwind?") || strings.Contains(got, "GPU") {
		t.Errorf("FindTokens = %q, want ZenithHash? and Northwind?, no GPU", got)
	}
}

func TestFromTokensStop(t *testing.T) {
	tok, err := jtok.New()
	if err != nil {
		t.Fatal(err)
	}
	s := "東証グロース上場の同社は、MOUとLOIを締結し、金融庁に届け出た。"
	if got := names(FromTokens(s, tok.Tokens(s))); got != "" {
		t.Errorf("FromTokens(%q) = %q, want nothing", s, got)
	}
}

// TestFromTokensKanjiLed: a kanji proper noun and the katakana glued after
// it are one name; a country, a site, an area or a market segment is not.
func TestFromTokensKanjiLed(t *testing.T) {
	tok, err := jtok.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, want string }{
		{"三菱ケミカルは北風社と提携した。", "三菱ケミカル?"},
		{"日立エナジーが変圧器を受注した。", "日立エナジー?"},
		{"みずほ銀行、大和エナジー・インフラも出資した。", "大和エナジー・インフラ?"},
		{"住友ファーマと組んだ。", "住友ファーマ?"},
		{"米国エヌビディアは発表した。", ""},
		{"東京リージョンを開設した。", ""},
		{"石狩データセンターを建てる。", ""},
		{"大阪オフィスに移った。", ""},
		{"東証プライムに上場した。", ""},
	} {
		var got []string
		for _, m := range FromTokens(tc.in, tok.Tokens(tc.in)) {
			if !isKanji([]rune(m.Name)[0]) {
				continue // other names are FromTokens's other rules'
			}
			got = append(got, m.Name+"?")
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("FromTokens(%q) = %q, want %q", tc.in, g, tc.want)
		}
	}
}

func FuzzFind(f *testing.F) {
	g := builtin(f)
	for _, s := range []string{"", "IREN", "CoreScientificと", "Acme Technologies, Inc.", "米X社", "\xffCIFR", "Hut 8's"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range g.Find(s) {
			if m.Span[0] < 0 || m.Span[1] > len(s) || m.Span[0] > m.Span[1] {
				t.Fatalf("span %v outside %d", m.Span, len(s))
			}
			if utf8.ValidString(s) && (!utf8.RuneStart(s[m.Span[0]]) || m.Span[1] < len(s) && !utf8.RuneStart(s[m.Span[1]])) {
				t.Fatalf("span %v not on rune boundaries", m.Span)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	g := builtin(b)
	s := strings.Repeat("採掘企業TeraWulfはFluidstackと128億ドルのHPC契約を締結した。Cipher Mining signed a lease with AWS. ", 100)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		g.Find(s)
	}
}

// TestBuiltinNoDuplicates: no two entries of companies.yaml share a name,
// an alias or a name of the other (an entry added twice splits its aliases
// and one of them never matches).
func TestBuiltinNoDuplicates(t *testing.T) {
	var entries []Entry
	if err := yaml.Unmarshal(builtinYAML, &entries); err != nil || len(entries) < 100 {
		t.Fatalf("companies.yaml: %d entries, %v", len(entries), err)
	}
	owner := map[string]string{}
	for _, e := range entries {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			k := strings.ToLower(n)
			if o, ok := owner[k]; ok && o != e.Name {
				t.Errorf("%q names both %q and %q", n, o, e.Name)
			} else if ok && n == e.Name {
				t.Errorf("entry %q is listed twice", e.Name)
			}
			owner[k] = e.Name
		}
	}
}

// TestFromTokensKatakanaPiece: a proper noun kagome cuts out of a longer
// katakana word (スティング of ホスティング) is no name.
func TestFromTokensKatakanaPiece(t *testing.T) {
	tok, err := jtok.New()
	if err != nil {
		t.Fatal(err)
	}
	s := "北辰がメイン州の施設に関連するホスティング料金と電力料金を支払っていなかった。"
	for _, m := range FromTokens(s, tok.Tokens(s)) {
		if m.Name == "スティング" {
			t.Errorf("FromTokens(%q) found %q", s, m.Name)
		}
	}
}
