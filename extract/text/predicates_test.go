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
