package sqlite

import (
	"strings"
	"testing"
)

func TestQueryTerms(t *testing.T) {
	got := strings.Join(queryTerms(`マイクロソフト と 、 "AI" ai AI 97 億 ( ) -`), "|")
	if want := `マイクロソフト|と|"AI"|ai|97|億`; got != want {
		t.Errorf("queryTerms = %q, want %q", got, want)
	}
}
