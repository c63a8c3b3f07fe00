package text

import "testing"

func TestHasAnyPrefix(t *testing.T) {
	tests := []struct {
		s    string
		ps   []string
		want bool
	}{
		{"東京都港区", []string{"北海道", "東京都"}, true},
		{"港区", []string{"北海道", "東京都"}, false},
		{"anything", nil, false},
		{"", []string{""}, true},
	}
	for _, tt := range tests {
		if got := HasAnyPrefix(tt.s, tt.ps...); got != tt.want {
			t.Errorf("HasAnyPrefix(%q, %q) = %v, want %v", tt.s, tt.ps, got, tt.want)
		}
	}
}

func TestCapitals(t *testing.T) {
	tests := []struct {
		s        string
		min, max int
		want     bool
	}{
		{"IREN", 2, 5, true},
		{"WULF", 3, 6, true},
		{"AB", 2, 5, true},
		{"A", 2, 5, false},
		{"ABCDEF", 2, 5, false},
		{"ABCDEF", 2, 6, true},
		{"Iren", 2, 5, false},
		{"AB1", 2, 5, false},
		{"ＡＢ", 2, 6, false},
	}
	for _, tt := range tests {
		if got := Capitals(tt.s, tt.min, tt.max); got != tt.want {
			t.Errorf("Capitals(%q, %d, %d) = %v, want %v", tt.s, tt.min, tt.max, got, tt.want)
		}
	}
}

func TestJoinWrapped(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Northwind has entered into a\ndefinitive agreement to sell its\nsite for total\nconsideration of $4.2 million.",
			"Northwind has entered into a definitive agreement to sell its site for total consideration of $4.2 million."},
		{"the 2025\nnotes, and\nthe rest", "the 2025 notes, and the rest"},
		{"Headline\nThe body starts here.", "Headline\nThe body starts here."}, // a capital opens a sentence
		{"It closed.\nnext line", "It closed.\nnext line"},                     // ends on a full stop
		{"- one item\n- two items", "- one item\n- two items"},                 // a list
		{"a paragraph\n\nanother one", "a paragraph\n\nanother one"},           // a blank line
		{"契約を締結した\nことを発表", "契約を締結した\nことを発表"},                                   // Japanese lines are left alone
		{"", ""},
		{"\na", "\na"},
	}
	for _, tt := range tests {
		got := JoinWrapped(tt.in)
		if got != tt.want {
			t.Errorf("JoinWrapped(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(got) != len(tt.in) {
			t.Errorf("JoinWrapped(%q) changed the length", tt.in)
		}
	}
}

func TestHasAnySuffix(t *testing.T) {
	for _, tc := range []struct {
		s    string
		ps   []string
		want bool
	}{
		{"百十四銀行", []string{"信用金庫", "銀行"}, true},
		{"銀行団", []string{"信用金庫", "銀行"}, false},
		{"anything", nil, false},
		{"", []string{""}, true},
	} {
		if got := HasAnySuffix(tc.s, tc.ps...); got != tc.want {
			t.Errorf("HasAnySuffix(%q, %q) = %v, want %v", tc.s, tc.ps, got, tc.want)
		}
	}
}

func TestContainsAny(t *testing.T) {
	for _, tc := range []struct {
		s    string
		subs []string
		want bool
	}{
		{"合弁会社を設立", []string{"提携", "合弁"}, true},
		{"the deal closed", []string{"lease", "loan"}, false},
		{"anything", nil, false},
		{"", []string{""}, true},
	} {
		if got := ContainsAny(tc.s, tc.subs...); got != tc.want {
			t.Errorf("ContainsAny(%q, %q) = %v, want %v", tc.s, tc.subs, got, tc.want)
		}
	}
}
