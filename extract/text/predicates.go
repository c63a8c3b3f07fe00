package text

import "strings"

// HasAnyPrefix reports s starting with one of ps.
func HasAnyPrefix(s string, ps ...string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// Capitals reports s made of min to max ASCII capitals ("IREN", "CORZ"):
// the shape of a ticker or an acronym.
func Capitals(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
