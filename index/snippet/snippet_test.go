package snippet

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMake(t *testing.T) {
	tests := []struct {
		name, text, title string
		terms             []string
		want              string
	}{
		{"best japanese sentence", "鉱山会社の決算は増収だった。北辰マイニングは蒼天クラウドと契約を結んだ。株価は上昇した。", "",
			[]string{"蒼天", "契約"}, "北辰マイニングは[蒼天]クラウドと[契約]を結んだ。"},
		{"most distinct terms beat the first match", "Shares of AWS rose. Cipher signed a lease with AWS. AWS AWS AWS.", "",
			[]string{"aws", "lease"}, "Cipher signed a [lease] with [AWS]."},
		{"ties go to the first sentence", "A lease here. A lease there.", "", []string{"lease"}, "A [lease] here."},
		{"overlapping bigrams merge", "同社はAI計算基盤を拡張する。蒼天クラウドが利用する。", "",
			[]string{"蒼天", "天ク", "クラ", "ラウ", "ウド"}, "[蒼天クラウド]が利用する。"},
		{"adjacent terms merge", "株価は上昇した。同社は約37億ドルの契約を結んだ。", "",
			[]string{"37", "億", "ドル", "契約"}, "同社は約[37億ドル]の[契約]を結んだ。"},
		{"english case-insensitive, whole words", "The firm said it would grow. Ridgeway signed an AI lease with Larchmont. Shares rose.", "",
			[]string{"ai", "lease"}, "Ridgeway signed an [AI] [lease] with Larchmont."},
		{"word boundaries for latin terms", "Microsoft is in it. It is a big deal.", "", []string{"it"}, "Microsoft is in [it]."},
		{"latin term inside japanese", "IRENはMicrosoftと契約。", "", []string{"Micro", "microsoft"}, "IRENは[Microsoft]と契約。"},
		{"accented letters are part of a word", "Le café ouvre. Fin.", "", []string{"caf"}, "Le café ouvre."},
		{"digits are whole numbers", "It paid 370 million. It paid 37 million.", "", []string{"37"}, "It paid [37] million."},
		{"decimal point is not a sentence end", "Shares fell. Revenue was 3.7 billion. Next.", "", []string{"billion"}, "Revenue was 3.7 [billion]."},
		{"two-digit decimals", "株価は下落。The deal is worth $1.75 billion in cash. Next.", "", []string{"cash"},
			"The deal is worth $1.75 billion in [cash]."},
		{"abbreviations do not end a sentence", "Core Scientific Inc. signed with CoreWeave Inc. on Monday. Shares rose.", "",
			[]string{"monday"}, "Core Scientific Inc. signed with CoreWeave Inc. on [Monday]."},
		{"dotted initials", "The U.S. miner signed a lease. Shares rose.", "", []string{"lease"}, "The U.S. miner signed a [lease]."},
		{"a domain ends a sentence", "See example.com. A lease followed.", "", []string{"lease"}, "A [lease] followed."},
		{"newlines split", "見出し\n本文に契約の話がある", "", []string{"契約"}, "本文に[契約]の話がある"},
		{"title when the text lacks the terms", "本文には無い。", "マイクロソフトと契約", []string{"マイクロソフト"}, "[マイクロソフト]と契約"},
		{"start of text when nothing matches", "First sentence. Second.", "Title", []string{"zzz"}, "First sentence."},
		{"no terms: first sentence", "First one. Second one.", "", nil, "First one."},
		{"empty text: the title", "", "Only a title", []string{"zzz"}, "Only a title"},
		{"empty", "", "", []string{"x"}, ""},
		{"empty and duplicate terms ignored", "A lease. Two.", "", []string{"", "LEASE", "lease"}, "A [lease]."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Make(tc.text, tc.title, tc.terms); got != tc.want {
				t.Errorf("Make = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestMakeClipsLongSentence(t *testing.T) {
	tests := []struct {
		name, text, term string
		prefix, suffix   bool
	}{
		{"match in the middle", strings.Repeat("前置き", 200) + "契約" + strings.Repeat("後書き", 200) + "。", "契約", true, true},
		{"match in a latin sentence",
			strings.Repeat("before the match ", 30) + "CoreWeave" + strings.Repeat(" after the match", 30) + ".", "coreweave", true, true},
		{"match near the start", "契約" + strings.Repeat("後書き", 200) + "。", "契約", false, true},
		{"match near the end", strings.Repeat("前置き", 200) + "契約を結んだ。", "契約", true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Make(tc.text, "", []string{tc.term})
			if !strings.Contains(strings.ToLower(got), "["+tc.term+"]") {
				t.Errorf("Make = %q: want the match in brackets", got)
			}
			if p := strings.HasPrefix(got, "…"); p != tc.prefix {
				t.Errorf("Make = %q: leading … is %v, want %v", got, p, tc.prefix)
			}
			if s := strings.HasSuffix(got, "…"); s != tc.suffix {
				t.Errorf("Make = %q: trailing … is %v, want %v", got, s, tc.suffix)
			}
			// The window is always the full budget: MaxRunes runes of text,
			// two brackets, and the ellipses.
			want := MaxRunes + 2
			if tc.prefix {
				want++
			}
			if tc.suffix {
				want++
			}
			if n := utf8.RuneCountInString(got); n != want {
				t.Errorf("snippet has %d runes, want %d", n, want)
			}
		})
	}
}

func TestTerms(t *testing.T) {
	tests := []struct {
		name, tokens, query string
		want                string
	}{
		{"dedupe, punctuation, particles, longest first", `マイクロソフト と 、 "AI" ai AI 97 億 ( ) - の`, "", "マイクロソフト|AI|97|億"},
		{"quotes and brackets trimmed", `「IREN」 (fluidstack*`, "", "fluidstack|IREN"},
		{"single latin letters and katakana kept", "a ア x", "", "a|ア|x"},
		{"tokens win over the raw query", "蒼天 クラウド 契約", "蒼天クラウド 契約", "クラウド|蒼天|契約"},
		{"raw query when the tokens hold no term", "の 、", "32億ドル", "32億ドル"},
		{"nothing", " 、 。 ", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.Join(Terms(tc.tokens, tc.query), "|"); got != tc.want {
				t.Errorf("Terms = %q, want %q", got, tc.want)
			}
		})
	}
}

func FuzzMake(f *testing.F) {
	f.Add("北辰マイニングは蒼天クラウドと契約を結んだ。株価は上昇した。", "", "契約 蒼天")
	f.Add("IRENはMicrosoftと約37億ドルの契約を結んだ。株価は上昇。", "タイトル", "37 億 ドル")
	f.Add("Cipher signed a $5.5 billion lease with AWS. Shares rose!", "", "aws lease")
	f.Add("Revenue was 1.75 billion. The U.S. miner, Inc. rose.", "t", "billion u.s")
	f.Add("", "", "")
	f.Add("a.b. c", "t", ". a")
	f.Add("\xff\xfe。契約", "", "\xff 契")
	f.Add(strings.Repeat("a ", 300), "", "a")
	f.Fuzz(func(t *testing.T, text, title, query string) {
		strip := strings.NewReplacer("[", "", "]", "", "…", "")
		src := strip.Replace(text + "\n" + title)
		for _, terms := range [][]string{strings.Fields(query), Terms(query, text)} {
			got := Make(text, title, terms)
			if utf8.ValidString(text) && utf8.ValidString(title) && !utf8.ValidString(got) {
				t.Fatalf("invalid UTF-8 from valid input: %q", got)
			}
			plain := strip.Replace(got)
			if !strings.Contains(src, plain) {
				t.Fatalf("snippet %q is not taken from the text %q or title %q", got, text, title)
			}
			if n := utf8.RuneCountInString(plain); n > MaxRunes {
				t.Fatalf("snippet %q has %d runes of text, want at most %d", got, n, MaxRunes)
			}
			if !strings.ContainsAny(text+title, "[]") && strings.Count(got, "[") != strings.Count(got, "]") {
				t.Fatalf("unbalanced brackets in %q", got)
			}
		}
	})
}

func BenchmarkMake(b *testing.B) {
	text := strings.Repeat("鉱山会社の決算は増収だった。", 40) + "北辰マイニングは蒼天クラウドと10年の契約を結んだ。" + strings.Repeat("Shares rose on the news. ", 40)
	terms := Terms("蒼天 クラウド と 契約", "")
	b.ReportAllocs()
	for b.Loop() {
		Make(text, "", terms)
	}
}
