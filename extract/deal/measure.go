package deal

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/pipeline"
)

// numberBefore reads a decimal number ending at byte i (digits, one dot),
// returning it and its start.
func numberBefore(s string, i int) (float64, int, bool) {
	j := i
	dot := false
	for j > 0 {
		c := s[j-1]
		if c >= '0' && c <= '9' || c == ',' && j-1 > 0 && s[j-2] >= '0' && s[j-2] <= '9' {
			j--
			continue
		}
		if c == '.' && !dot && j < i {
			dot = true
			j--
			continue
		}
		break
	}
	if j == i {
		return 0, 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s[j:i], ",", ""), 64)
	if err != nil {
		return 0, 0, false
	}
	return v, j, true
}

// enNumberWords for "ten-year" terms.
var enNumberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30,
}

// findTerm finds a contract term in years in s[lo:hi]: 5年間, 10年契約,
// 15年の, 10-year, 15 years, ten-year. The one nearest to pos wins.
func findTerm(s, lower string, lo, hi, pos int) (float64, bool) {
	best, bestD := 0.0, -1
	try := func(v float64, at int) {
		if v <= 0 || v > 99 {
			return
		}
		d := at - pos
		if d < 0 {
			d = -d
		}
		if bestD < 0 || d < bestD {
			best, bestD = v, d
		}
	}
	seg := s[lo:hi]
	for off := 0; ; {
		k := strings.Index(seg[off:], "年")
		if k < 0 {
			break
		}
		at := lo + off + k
		off += k + len("年")
		v, st, ok := numberBefore(s, at)
		if !ok || at-st > 2 {
			continue
		}
		after := s[at+len("年"):]
		if strings.HasPrefix(after, "間") || strings.HasPrefix(after, "契約") || strings.HasPrefix(after, "の契約") ||
			strings.HasPrefix(after, "のリース") || strings.HasPrefix(after, "リース") || strings.HasPrefix(after, "の長期") {
			try(v, at)
		}
	}
	lseg := lower[lo:hi]
	for off := 0; ; {
		k := strings.Index(lseg[off:], "year")
		if k < 0 {
			break
		}
		at := lo + off + k
		off += k + 4
		if at == 0 {
			continue
		}
		j := at
		if lower[j-1] == '-' || lower[j-1] == ' ' {
			j--
		} else {
			continue
		}
		if v, _, ok := numberBefore(lower, j); ok {
			try(v, at)
			continue
		}
		w := j
		for w > 0 && (lower[w-1] >= 'a' && lower[w-1] <= 'z' || lower[w-1] == '-') {
			w--
		}
		if v, ok := enNumberWords[strings.Trim(lower[w:j], "-")]; ok {
			try(v, at)
		}
	}
	return best, bestD >= 0
}

// findCapacity finds a power capacity in MW in s[lo:hi]: 200 MW, 1.2GW,
// 200メガワット, 1.5ギガワット (not MWh). The one nearest to pos wins.
func findCapacity(s string, lo, hi, pos int) (float64, bool) {
	units := []struct {
		u    string
		mult float64
	}{{"MW", 1}, {"GW", 1000}, {"メガワット", 1}, {"ギガワット", 1000}}
	best, bestD := 0.0, -1
	seg := s[lo:hi]
	for _, u := range units {
		for off := 0; ; {
			k := strings.Index(seg[off:], u.u)
			if k < 0 {
				break
			}
			at := lo + off + k
			off += k + len(u.u)
			e := at + len(u.u)
			if e < len(s) {
				r, _ := utf8.DecodeRuneInString(s[e:])
				if r == 'h' || r == 'H' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
					continue
				}
			}
			j := at
			if j > 0 && s[j-1] == ' ' {
				j--
			}
			v, _, ok := numberBefore(s, j)
			if !ok {
				continue
			}
			d := at - pos
			if d < 0 {
				d = -d
			}
			if bestD < 0 || d < bestD {
				best, bestD = v*u.mult, d
			}
		}
	}
	return best, bestD >= 0
}

// areaUnits are the units a plot of land or a building is sized in, each
// with the key its figures are compared under.
var areaUnits = []struct{ word, key string }{
	{"acres", "acre"}, {"acre", "acre"}, {"hectares", "ha"}, {"hectare", "ha"},
	{"square feet", "sqft"}, {"square-foot", "sqft"}, {"square foot", "sqft"}, {"sq ft", "sqft"}, {"sq. ft", "sqft"},
	{"square metres", "sqm"}, {"square meters", "sqm"}, {"square-metre", "sqm"}, {"square-meter", "sqm"},
	{"エーカー", "acre"}, {"ヘクタール", "ha"}, {"平方メートル", "sqm"}, {"㎡", "sqm"},
}

// siteAreas returns the areas s gives ("85-acre campus", "26.3 acres",
// "eight acres", "767,000-square-foot terrain", "約2万平方メートル" is
// not read: no plain number before the unit) as unit-keyed strings.
func siteAreas(s string) []string {
	lower := strings.ToLower(s)
	var out []string
	var seen []int // where a unit was read: "acres" is not read again as "acre"
	for _, u := range areaUnits {
		for off := 0; ; {
			k := strings.Index(lower[off:], u.word)
			if k < 0 {
				break
			}
			at := off + k
			off = at + len(u.word)
			if slices.Contains(seen, at) {
				continue
			}
			seen = append(seen, at)
			j := at
			if j > 0 && (lower[j-1] == ' ' || lower[j-1] == '-') {
				j--
			}
			if v, _, ok := numberBefore(lower, j); ok {
				out = append(out, strconv.FormatFloat(v, 'f', -1, 64)+u.key)
				continue
			}
			w := j
			for w > 0 && lower[w-1] >= 'a' && lower[w-1] <= 'z' || w > 0 && lower[w-1] == '-' {
				w--
			}
			if v, ok := enNumberWords[lower[w:j]]; ok {
				out = append(out, strconv.FormatFloat(v, 'f', -1, 64)+u.key)
			}
		}
	}
	return out
}

// distinctSites reports two purchases told in different sentences whose
// sentences each size a plot and share no size: "acquired an 85-acre
// campus in Culpeper" and "the purchase of a 95-acre campus in Atlanta"
// are two purchases, not one told twice. Deals of other kinds are not
// read (the sizes are only looked for where they can matter).
func distinctSites(a, b pipeline.Deal) bool {
	if a.EvidenceSpan == b.EvidenceSpan || kindFamily[a.Kind] != "buying" || kindFamily[b.Kind] != "buying" {
		return false
	}
	x, y := siteAreas(a.Evidence), siteAreas(b.Evidence)
	if len(x) == 0 || len(y) == 0 {
		return false
	}
	for _, s := range x {
		if slices.Contains(y, s) {
			return false
		}
	}
	return true
}
