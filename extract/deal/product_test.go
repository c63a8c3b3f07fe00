package deal

import "testing"

func TestModelAfter(t *testing.T) {
	tests := []struct {
		rest string
		want bool
	}{
		{" GB300 capacity", true},
		{" MI355X accelerators", true},
		{" S21 rigs", true},
		{" S19j Pro miners", true}, // lower-case letters after the digits: still a model
		{" M30s machines", true},
		{" Blackwell systems", true},
		{" and Microsoft", false},
		{" 8 said", false},
		{" Digital said", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.rest, func(t *testing.T) {
			if got := modelAfter(tt.rest); got != tt.want {
				t.Errorf("modelAfter(%q) = %v, want %v", tt.rest, got, tt.want)
			}
		})
	}
}

func TestDealPrepBefore(t *testing.T) {
	tests := []struct {
		before string
		want   bool
	}{
		{"bought 4,000 GPUs from ", true},
		{"signed a supply deal with the ", true},
		{"supply Microsoft with additional ", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.before, func(t *testing.T) {
			if got := dealPrepBefore(tt.before); got != tt.want {
				t.Errorf("dealPrepBefore(%q) = %v, want %v", tt.before, got, tt.want)
			}
		})
	}
}
