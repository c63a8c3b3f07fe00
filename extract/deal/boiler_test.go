package deal

import (
	"strings"
	"testing"
)

func TestBoilerStart(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"About Arvada Hash Corp. Arvada operates mining sites.", true},
		{"About $40 million of the proceeds will repay debt.", false},
		{"About half of the capacity is leased.", false},
		{"About Northwind Hashing and Bluepeak Compute", false}, // a news article's section on two companies
		{"About Northwind Hashing Inc. Northwind runs sites in Ohio and Texas.", true},
		{"Forward-Looking Statements: This release contains…", true},
		{"This press release contains forward-looking statements.", true},
		{"Media Contact: press@example.com", true},
		{"The company signed a lease with Oracle.", false},
		{"【会社概要】", true},
		{"本件に関するお問い合わせ先", true},
		{"同社は契約を締結した。", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := boilerStart(tt.in, strings.ToLower(tt.in)); got != tt.want {
				t.Errorf("boilerStart(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestBoilerplateEndsAtHeading(t *testing.T) {
	txt := "Zephyr signed a lease.\nAbout Zephyr\nZephyr runs sites.\n### Second Story\nKestrel raised $5 million."
	sents := splitSentences(txt)
	got := boilerplate(txt, strings.ToLower(txt), sents)
	var in []string
	for i, s := range sents {
		if got[i] {
			in = append(in, txt[s[0]:s[1]])
		}
	}
	want := "About Zephyr|Zephyr runs sites."
	if strings.Join(in, "|") != want {
		t.Errorf("boilerplate sentences = %q, want %q", strings.Join(in, "|"), want)
	}
}

func TestRunRate(t *testing.T) {
	tests := []struct {
		before, rest string
		want         bool
	}{
		{"is expected to add about ", " a year to revenue", true},
		{"Annual rent will start at about ", " and escalate", true},
		{"Its backlog of contracted revenue stands at ", ".", true},
		{"contracted revenue of ", " across its campuses", true},
		{"sees its market capitalization reaching ", " if it signs", true},
		{"signed a 15-year lease worth ", " with Oracle", false},
		{"implying a total contract value of ", ".", false},
		{"revenue of ", " across the 10-year term", false},
	}
	for _, tt := range tests {
		t.Run(tt.before, func(t *testing.T) {
			if got := runRate(tt.before, tt.rest); got != tt.want {
				t.Errorf("runRate(%q, %q) = %v, want %v", tt.before, tt.rest, got, tt.want)
			}
		})
	}
}
