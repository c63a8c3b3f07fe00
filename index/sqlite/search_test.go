package sqlite

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSnippet(t *testing.T) {
	long := strings.Repeat("前置きの文章が続きます", 30) + "ここでCoreWeaveとの契約に触れる" + strings.Repeat("後ろの文章も長く続きます", 30) + "。"
	tests := []struct {
		name, text, title string
		terms             []string
		want              string
	}{
		{"first matching sentence", "Shares fell. Cipher signed a lease with AWS. AWS pays $5.5 billion.", "",
			[]string{"aws"}, "Cipher signed a lease with [AWS]."},
		{"decimal point is not a sentence end", "Revenue was 3.5 billion. Next.", "", []string{"billion"}, "Revenue was 3.5 [billion]."},
		{"word boundaries for latin terms", "Microsoft is in it. It is a big deal.", "", []string{"it"}, "Microsoft is in [it]."},
		{"japanese, touching terms joined", "株価は上昇した。同社は約37億ドルの契約を結んだ。", "",
			[]string{"37", "億", "ドル", "契約"}, "同社は約[37億ドル]の[契約]を結んだ。"},
		{"longest term first", "IRENはMicrosoftと契約。", "", []string{"Micro", "Microsoft"}, "IRENは[Microsoft]と契約。"},
		{"title when the text lacks the term", "本文には無い。", "マイクロソフトと契約", []string{"マイクロソフト"}, "[マイクロソフト]と契約"},
		{"start of text when nothing matches", "First sentence. Second.", "", []string{"zzz"}, "First sentence."},
		{"empty", "", "", []string{"x"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Snippet(tc.text, tc.title, tc.terms); got != tc.want {
				t.Errorf("Snippet = %q, want %q", got, tc.want)
			}
		})
	}
	t.Run("long sentence clipped around the match", func(t *testing.T) {
		got := Snippet(long, "", []string{"CoreWeave"})
		if !strings.Contains(got, "[CoreWeave]") || !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
			t.Errorf("Snippet = %q", got)
		}
		if n := utf8.RuneCountInString(got); n > maxSnippet+4 {
			t.Errorf("snippet has %d runes, want at most %d", n, maxSnippet+4)
		}
	})
}

func TestQueryTerms(t *testing.T) {
	got := strings.Join(queryTerms(`マイクロソフト と 、 "AI" ai AI 97 億 ( ) -`), "|")
	if want := `マイクロソフト|と|"AI"|ai|97|億`; got != want {
		t.Errorf("queryTerms = %q, want %q", got, want)
	}
}

func FuzzSnippet(f *testing.F) {
	f.Add("IRENはMicrosoftと約37億ドルの契約を結んだ。株価は上昇。", "タイトル", "37 億 ドル")
	f.Add("Cipher signed a $5.5 billion lease with AWS. Shares rose.", "", "aws lease")
	f.Add("a.b. c", "t", ". a")
	f.Fuzz(func(t *testing.T, text, title, query string) {
		if !utf8.ValidString(text) || !utf8.ValidString(title) {
			return
		}
		got := Snippet(text, title, queryTerms(query))
		if !utf8.ValidString(got) {
			t.Errorf("invalid UTF-8 snippet %q", got)
		}
		plain := strings.NewReplacer("[", "", "]", "", "…", "").Replace(got)
		src := strings.NewReplacer("[", "", "]", "", "…", "").Replace(text + "\n" + title)
		if !strings.Contains(src, strings.TrimSpace(plain)) {
			t.Errorf("snippet %q is not taken from the text or title", got)
		}
	})
}
