package deal

import "testing"

// TestListItemName: a list item is a name when each word is capitalised;
// a word with a lower-case part after a hyphen describes the name after
// it.
func TestListItemName(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Harbor Labs", true},
		{"Hydro-Sherbrooke", true},
		{"NYSE-listed", false},
		{"Texas-based", false},
		{"the fund", false},
	}
	for _, tt := range tests {
		if got := listItemName(tt.in); got != tt.want {
			t.Errorf("listItemName(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestWrittenName: a mention's text as a name drops the legal form with
// the "&" it goes with.
func TestWrittenName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Mitsui & Co.'s", "Mitsui"},
		{"KKR & Co. Inc.", "KKR"},
		{"Saguaro Water & Power", "Saguaro Water & Power"},
		{"Riot Platforms, Inc.", "Riot Platforms"},
		{"三井物産", ""},
	}
	for _, tt := range tests {
		if got := writtenName(tt.in); got != tt.want {
			t.Errorf("writtenName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLongerNameAfterPreposition: a name read after a preposition ("from
// Golden HashGen") replaces the piece a word with an inner capital gave
// before ("HashGen").
func TestLongerNameAfterPreposition(t *testing.T) {
	x := newExtractor(t)
	res := x.Extract("", "Northwind Mining Inc. agreed to buy 5,000 machines from Golden HashGen, a company owned by a former executive, for $20 million.")
	if len(res.Deals) != 1 || string(res.Deals[0].Counterparty) != "Golden HashGen" {
		t.Errorf("deals %+v, want one with Golden HashGen", res.Deals)
	}
}
