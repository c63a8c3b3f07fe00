package es

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSnippet(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		terms []string
		want  string
	}{
		{"best japanese sentence", "鉱山会社の決算は増収だった。北辰マイニングは蒼天クラウドと契約を結んだ。株価は上昇した。",
			[]string{"蒼天", "契約"}, "北辰マイニングは[蒼天]クラウドと[契約]を結んだ。"},
		{"bigrams merge", "同社はAI計算基盤を拡張する。蒼天クラウドが利用する。",
			[]string{"蒼天", "天ク", "クラ", "ラウ", "ウド"}, "[蒼天クラウド]が利用する。"},
		{"english case-insensitive, whole words", "The firm said it would grow. Ridgeway signed an AI lease with Larchmont. Shares rose.",
			[]string{"ai", "lease"}, "Ridgeway signed an [AI] [lease] with Larchmont."},
		{"ties go to the first sentence", "A lease here. A lease there.", []string{"lease"}, "A [lease] here."},
		{"no terms: first sentence", "First one. Second one.", nil, "First one."},
		{"empty text", "", []string{"x"}, ""},
		{"newlines split", "見出し\n本文に契約の話がある", []string{"契約"}, "本文に[契約]の話がある"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Snippet(tc.text, tc.terms); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestSnippetClipsLongSentence(t *testing.T) {
	text := strings.Repeat("前置き", 200) + "契約" + strings.Repeat("後書き", 200) + "。"
	got := Snippet(text, []string{"契約"})
	if n := utf8.RuneCountInString(got); n > maxSnippetRunes+4 {
		t.Errorf("snippet has %d runes, want at most about %d", n, maxSnippetRunes)
	}
	if !strings.Contains(got, "[契約]") || !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("clipped snippet %q: want the match and ellipses", got)
	}
}

func TestHighlightTerms(t *testing.T) {
	frags := []string{
		"北辰 マイニング は " + preTag + "蒼天" + postTag + " クラウド と " + preTag + "契約" + postTag,
		preTag + "蒼天 クラウド" + postTag + " の " + preTag + "の" + postTag,
		"unclosed " + preTag + "tail",
	}
	got := HighlightTerms(frags)
	want := []string{"クラウド", "蒼天", "契約"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func FuzzSnippet(f *testing.F) {
	f.Add("北辰マイニングは蒼天クラウドと契約を結んだ。株価は上昇した。", "契約 蒼天")
	f.Add("Ridgeway signed an AI lease. Shares rose!", "ai lease")
	f.Add("", "")
	f.Add("a.b. c", ". c")
	f.Add("\xff\xfe。契約", "\xff 契")
	f.Fuzz(func(t *testing.T, text, terms string) {
		got := Snippet(text, strings.Fields(terms))
		if utf8.ValidString(text) && !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 from valid input: %q", got)
		}
		// Removing the brackets and ellipses gives back a piece of the text.
		plain := strings.NewReplacer("[", "", "]", "", "…", "").Replace(got)
		orig := strings.NewReplacer("[", "", "]", "", "…", "").Replace(text)
		if !strings.Contains(orig, plain) {
			t.Fatalf("snippet %q is not from the text %q", got, text)
		}
		if !strings.ContainsAny(text, "[]") && strings.Count(got, "[") != strings.Count(got, "]") {
			t.Fatalf("unbalanced brackets in %q", got)
		}
	})
}

func FuzzHighlightTerms(f *testing.F) {
	f.Add(preTag + "蒼天" + postTag + " x " + preTag + "契約 締結" + postTag)
	f.Add(preTag + postTag + preTag)
	f.Fuzz(func(t *testing.T, frag string) {
		for _, term := range HighlightTerms([]string{frag}) {
			if term == "" || strings.Contains(term, preTag) || strings.Contains(term, postTag) || strings.ContainsAny(term, " \t\n") {
				t.Fatalf("bad term %q from %q", term, frag)
			}
		}
	})
}

func BenchmarkSnippet(b *testing.B) {
	text := strings.Repeat("鉱山会社の決算は増収だった。", 40) + "北辰マイニングは蒼天クラウドと10年の契約を結んだ。" + strings.Repeat("Shares rose on the news. ", 40)
	terms := []string{"蒼天", "クラウド", "契約"}
	b.ReportAllocs()
	for b.Loop() {
		Snippet(text, terms)
	}
}
