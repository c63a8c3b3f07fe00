package org

import (
	"strings"
	"testing"
)

func TestFindJapaneseUnknown(t *testing.T) {
	g := builtin(t)
	tests := []struct {
		name, in, want string
	}{
		{"legal prefix katakana", "株式会社ソラテックは、提携を発表した。", "ソラテック?"},
		{"legal prefix mixed kanji", "当社は株式会社ヒカリ計算と契約した。", "ヒカリ計算?"},
		{"legal prefix with head office", "株式会社カゼデータ(本社:大阪市)は", "カゼデータ?"},
		{"legal prefix role glued", "株式会社アサヒノード代表取締役の山田氏", "アサヒノード?"},
		{"legal suffix kanji katakana", "北斗グリーン電力株式会社は10日、", "北斗グリーン電力?"},
		{"legal suffix after clause", "採掘を展開するハッシュゲート株式会社と", "ハッシュゲート?"},
		{"legal suffix hiragana lead", "地域の電力会社であるさくらぎパワー株式会社から", "さくらぎパワー?"},
		{"kabu bracket", "(株)ミドリ演算と", "ミドリ演算?"},
		{"legal suffix after a compound particle", "用地について南星電機株式会社とリース契約を結んだ。", "南星電機?"},
		{"legal suffix after として", "新たな株主としてミドリ演算株式会社が加わった。", "ミドリ演算?"},
		{"a post's capitals glued before a person are no name's prefix", "北風データのCEOパオロ・ミズチは、ミナト社との提携を発表した。", "ミナト?"},
		{"local governments signing", "同社は北風県、南星市と立地協定を結んだ。", "北風県?|南星市?"},
		{"a port authority as the other side", "同社は東雲郡港湾局との間でリース契約を締結した。", "東雲郡港湾局?"},
		{"a local government as the subject", "北風県がミズチと連携協定を締結した。", "北風県?"},
		{"a ministry with its abbreviation in brackets", "同社は同国エネルギー石油省(MOEP)と契約を締結した。", "エネルギー石油省?"},
		{"a government as the other side", "同社は北風国政府と協定を結んだ。", "北風国政府?"},
		{"two bracketed names joined by と in an agreement's sentence", "「ミズチ・マイニング」と「ハヤテ360」の合弁会社は発電所を建てる。", "ミズチ・マイニング?|ハヤテ360?"},
		{"two bracketed products compared are no names", "「クロード」と「ジェミニ」を比べた。", ""},
		{"a bare katakana subject of an agreement with a partner", "ミズチダイナミックは、東雲電力とともに合弁会社を設立した。", "ミズチダイナミック?"},
		{"a bare katakana subject of no agreement", "ミズチダイナミックは、新しい製品を発表した。", ""},
		{"banks no list knows, lending together", "北風データは、南星銀行、東雲信用金庫とシンジケートローンを組成した。", "南星銀行?|東雲信用金庫?"},
		{"an insurer selling land", "土地は東雲海上日動火災保険が北風データに売却した。", "東雲海上日動火災保険?"},
		{"a life insurer joining a loan", "シンジケートローンに南星生命が参加した。", "南星生命?"},
		{"a securities house arranging", "東雲投資証券は融資を主管した。", "東雲投資証券?"},
		{"a kind of bank is no bank's name", "中央銀行と地方銀行の動きが注目された。", ""},
		{"a katakana name bought with 買収 is a company's", "同社は、アンペア・コンピューティングを65億ドルで買収すると発表した。", "アンペア・コンピューティング?"},
		{"a portfolio bought is no company", "同社は、データセンター・ポートフォリオを10億ドルで買収した。", ""},
		{"a fund with its own name is a party", "同社は、ミズチ・パワー・ファンドと売却契約を締結した。", "ミズチ・パワー・ファンド?"},
		{"a katakana name glossed in Chinese characters is a party", "ミズチ・ロボティクス(水地机器人)は1億ドルを調達した。", "ミズチ・ロボティクス?"},
		{"a katakana word before an address aside is no party", "イーツ(港区)は増資した。", ""},
		{"a kind of fund is no party", "同社は、プライベート・エクイティ・ファンドと売却契約を締結した。", ""},
		{"a bare katakana name whose shares are bought", "同社はバルテラの発行済み全株式を取得した。", "バルテラ?"},
		{"a bare katakana name whose shares are sold in part", "同社はミズチの株式の8割を買い取る。", "ミズチ?"},
		{"a ministry named without an agreement is no party", "同社は北風省の統計を引用した。", ""},
		{"a city without its prefecture", "北風県南星市はミズチと立地協定を結んだ。", "南星市?"},
		{"a place subject without agreement", "南星市は人口が減っており、誘致に力を入れる。", ""},
		{"a place is no party", "同社は北風県に拠点を開設した。", ""},
		{"kabu bracket suffix", "ミドリ演算(株)と", "ミドリ演算?"},
		{"holdings kanji", "東雲ホールディングスが買収", "東雲ホールディングス?"},
		{"property vehicle", "北風はミナト特定目的会社との契約により施設を取得した。", "ミナト特定目的会社?"},
		{"legal prefix before holdings", "株式会社東雲電源ホールディングスは20日、", "東雲電源ホールディングス?"},
		{"group katakana", "アカツキグループと提携", "アカツキグループ?"},
		{"group generic kanji", "企業グループと金融グループ", ""},
		{"counter sha", "米ゼノリス社と契約", "ゼノリス?"},
		{"counter sha not kaisha", "同社と子会社と社長", ""},
		{"country prefix stripped", "英ブライトノード株式会社は", "ブライトノード?"},
		{"chubu stays whole", "中部電力と", "Chubu Electric Power"},
		{"bare with dot", "ルナ・コンピュートと5年間の契約", "ルナ・コンピュート?"},
		{"bare descriptor", "AIスタートアップのハヤテと提携", "ハヤテ?"},
		{"bare country prefix", "米ノースゲートから融資を受けた", "ノースゲート?"},
		{"bare english in brackets", "カゲロウ(Kagero Labs)と契約", "カゲロウ?"},
		{"a known name glossing a katakana spelling", "ホインストーンUS(Whinstone US)は提携を結んだ。", "Whinstone|Whinstone"},
		{"short capitals glued before a katakana name", "専門企業SCゼウス・データセンターと提携した。", "SCゼウス・データセンター?"},
		{"a name written short with 社 is the longer name it opens", "ミナト・キャピタル・パートナーズは投資を倍増させた。ミナト社は用地を取得した。", "ミナト・キャピタル・パートナーズ?|ミナト・キャピタル・パートナーズ?"},
		{"capitals glued before a corporate word of common katakana", "同社はKBアセット・マネジメントと提携した。", "KBアセット・マネジメント?"},
		{"capitals glued before a bare corporate word", "同社はIMMインベストメントと提携した。", "IMMインベストメント?"},
		{"capitals before a common katakana word that is no corporate word", "同社はAIデータセンターを建設した。", ""},
		{"a field's abbreviation before a corporate word is no name", "同社はAIグループと提携した。", ""},
		{"a digit glued after a katakana name", "発電事業者のサンライズ1から電力を購入する。", "サンライズ1?"},
		{"a generic katakana word after capitals is no name", "同社はAIデータセンターと契約した。", ""},
		{"bare after role noun", "相手先はAI企業のミズチで、契約額は", "ミズチ?"},
		{"bare glued kanji descriptor", "譲渡先は地元電力企業サクラ・パワーで、", "サクラ・パワー?"},
		{"bare apposition descriptor", "北欧の採掘企業、ヒョウガを買収", "ヒョウガ?"},
		{"described name with も", "一方、不動産開発企業ミナトランドも、南星データに用地を売却した。", "ミナトランド?"},
		{"no role noun copula", "計画はソラミチで行う", ""},
		{"bare single word no sign", "シーズンは終わり、ムードが変わった", ""},
		{"bare generic", "データセンターとコロケーション、ホスティングとインフラに", ""},
		{"bare generic compound", "ハッシュレートが上昇し、ビットコインマイニングは", ""},
		{"bare site", "リバーサイド・キャンパスについて、ミナミ・プラントに", ""},
		{"bare topic particle", "ソラ・ネットについて", ""},
		{"bare not inside latin compound", "AIクラウドと", ""},
		{"known with common words", "グリフォン・デジタル・マイニングとの合併", "Gryphon Digital Mining"},
		{"known holdings", "MARAホールディングスは", "MARA"},
		{"stop words", "同社と当社と子会社", ""},
		{"dated subject kanji", "東証上場の北辰電力は12日、契約を結んだ。", "北辰電力?"},
		{"dated subject mixed", "北辰マイニングは2月12日、発表した。", "北辰マイニング?"},
		{"dated subject same day", "ホクシンマイニングは同日、発表した。", "ホクシンマイニング?"},
		{"dated subject descriptor", "採掘企業ナギサ計算は今月3日、発表した。", "ナギサ計算?"},
		{"dated subject person", "田中社長は12日、記者会見した。", ""},
		{"dated subject office", "経済産業相は12日、述べた。", ""},
		{"undated topic is not a subject", "北辰電力は契約を結んだ。", ""},
		{"legal prefix before muke", "株式会社ナミハッシュ向けにホスティングを提供", "ナミハッシュ?"},
		{"bracketed after descriptor", "AIスタートアップ「ソラリスAI」と契約", "ソラリスAI?"},
		{"bracketed after descriptor no", "採掘企業の「ハヤブサ計算」から購入", "ハヤブサ計算?"},
		{"bare common words corporate end", "米電力会社テキサス・グリッド・パートナーズと契約", "テキサス・グリッド・パートナーズ?"},
		{"bare common words two parts", "パワー・パートナーズと", ""},
		{"country and no", "米国のミルバランと合弁会社を設立", "ミルバラン?"},
		{"country and no, common word", "米国のデータセンターと", ""},
		{"head office in brackets", "ミナトアノード(東京都港区、北辰太郎社長)が組む。", "ミナトアノード?"},
		{"head office after 本社", "ミナトパワー(本社:大阪市北区)は", "ミナトパワー?"},
		{"prefecture in brackets", "北辰電工(香川県高松市)と", "北辰電工?"},
		{"no place in brackets", "データセンター(予定)は", ""},
		{"securities code", "ミナトセクション<9899>(東証グロース)は3日、発表した。", "ミナトセクション?"},
		{"securities code with its market", "ミナトセクション<9899.T>は発表した。", "ミナトセクション?"},
		{"securities code in brackets", "北辰電力(9999)と協議", "北辰電力?"},
		{"year in brackets is no code", "合意(2025)と", ""},
		{"common words after a descriptor", "運営会社パワー・インフラストラクチャーを取得", "パワー・インフラストラクチャー?"},
		{"one word with a corporate end", "ポラリスデジタルからの借入金", "ポラリスデジタル?"},
		{"common words with a corporate end", "ビットコインデジタルからの", ""},
		{"bracketed product", "GPU「B300」を購入し、サービス「ソラ」と", ""},
		{"bracketed no party slot", "AIスタートアップ「ソラリスAI」の製品", ""},
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

func TestKanaGeneric(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"データセンター", true},
		{"ビットコイン・マイニング", true},
		{"コロケーションサービス", true},
		{"ハッシュワン", true}, // ハッシュ + ワン: a name needs more context than the run
		{"ソウル", true},    // a city where a plot was bought
		{"ビデオ・プラットフォーム", true},
		{"ネオクラウドプロバイダー", true}, // neocloud providers, a kind of company
		{"ネオクラウド", true},
		{"ルミナ", false},
		{"ブロックワークス", false},
		{"", true},
	}
	for _, tt := range tests {
		if got := kanaGeneric(tt.in); got != tt.want {
			t.Errorf("kanaGeneric(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestFindJapaneseNoFalseOrgs runs Find on market prose full of katakana
// loanwords, places and people: no organisation may come out of it.
// TestFindNoOverlaps: a name two finders read (an acronym the text
// defines, and the same letters before 社) is one mention; the deal rules
// read the text between mentions and panicked on two of one span.
func TestFindNoOverlaps(t *testing.T) {
	g := builtin(t)
	for _, s := range []string{
		"GoogleはNorthwind Power Systems(NPS)と契約した。NPS社の株式も取得した。",
		"Google signed with Northwind Power Systems (NPS). Googleは、NPS社と電力購入契約を結んだ。",
	} {
		ms := g.Find(s)
		for i := 1; i < len(ms); i++ {
			if ms[i-1].Span[1] > ms[i].Span[0] {
				t.Errorf("Find(%q): %q %v overlaps %q %v", s, ms[i-1].Text, ms[i-1].Span, ms[i].Text, ms[i].Span)
			}
		}
	}
}

func TestFindJapaneseNoFalseOrgs(t *testing.T) {
	g := builtin(t)
	prose := []string{
		"ビットコイン価格の下落を受け、マイナー各社はAIインフラへの転換を急いでいる。",
		"ハッシュプライスは過去最低水準となり、エネルギーコストの高いサイトは閉鎖に追い込まれた。",
		"アナリストのレポートによると、GPUクラウドへの需要は旺盛で、ハイパースケーラーはリース契約を積み増している。",
		"米国ではテキサス州やノースダコタ州に新たなキャンパスが建設され、ノルウェーやパラグアイにも拠点が広がる。",
		"同社のCEOはインタビューで「ストレージとネットワークの整備が課題だ」と述べた。",
		"ジェンスン・フアン氏は基調講演で新型チップを発表し、サプライチェーンの逼迫を指摘した。",
		"東京のスタートアップの多くはクラウドを使う。メガソーラーの電力をマイニングに回す事例もある。",
		"同社はポートフォリオを見直し、ホスティング事業を売却した。新会社は年内に設立する。",
		"シリーズBの資金調達にはベンチャーキャピタル数社が参加した。大手マイナー5社の合計は100億ドル。",
		"シーズンは終わり、ムードが変わった。コメントを控えた。",
		"ビットコインの株式市場での人気は高い。",
		"同社の生命保険料収入は増えた。損害保険や証券の市場も伸びた。",
		"同社は有価証券報告書を提出し、米国預託証券の発行を決めた。",
	}
	for _, s := range prose {
		if got := g.Find(s); len(got) > 0 {
			t.Errorf("Find(%q) = %q, want nothing", s, names(got))
		}
	}
}

func TestJARoleBefore(t *testing.T) {
	tests := []struct {
		name, in, at string
		want         bool
	}{
		{"role noun opens clause", "同社によると、相手先はAI企業のミズチで", "ミズチ", true},
		{"seller noun", "売却先は現地企業のカワセミで", "カワセミ", true},
		{"role before apposition comma", "売却先は北欧の企業、カワセミで", "カワセミ", true},
		{"no role noun", "同社はAI企業のミズチと", "ミズチ", false},
		{"role noun in an earlier clause", "相手先は非公表だが、ミズチは", "ミズチ", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pos := strings.Index(tt.in, tt.at)
			if got := JARoleBefore(tt.in, pos); got != tt.want {
				t.Errorf("JARoleBefore(%q at %q) = %v, want %v", tt.in, tt.at, got, tt.want)
			}
		})
	}
}

// TestKanaVariants: katakana spellings of one name that differ in a voiced
// mark or a small vowel find the same company.
func TestKanaVariants(t *testing.T) {
	g := builtin(t)
	for _, in := range []string{"ビットファームスが発表した。", "ビットファームズが発表した。"} {
		if got := names(g.Find(in)); got != "Bitfarms" {
			t.Errorf("Find(%q) = %q, want Bitfarms", in, got)
		}
	}
}
