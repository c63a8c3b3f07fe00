package article

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// jst is Asia/Tokyo, or a fixed +09:00 zone when the machine has no tzdata
// (Japan has kept +09:00 without daylight saving since 1951, so both agree).
var jst = loadJST()

func loadJST() *time.Location {
	if loc, err := time.LoadLocation("Asia/Tokyo"); err == nil {
		return loc
	}
	return time.FixedZone("JST", 9*3600)
}

// minDate is the earliest publication date kozan accepts: nothing about
// bitcoin mining was published before 2009.
var minDate = time.Date(2009, 1, 1, 0, 0, 0, 0, time.UTC)

// ParseDate reads a date written in s: ISO 8601 / RFC 3339 (with or without a
// zone), 2026-02-20, 2026/2/20, 2026.02.20, 2026年2月20日, 令和8年2月20日,
// 平成31年4月1日, Feb 20, 2026, February 20, 2026, 20 February 2026, RFC 1123,
// and the relative forms 3時間前, 2日前, 3 hours ago, yesterday, 昨日 against now.
// A time of day that follows the date is kept. Without a stated zone the time
// is taken in Asia/Tokyo when lang is "ja", else in UTC. The result is in UTC.
// It reports false when s holds no date, or the date lies before 2009 or, when
// now is not zero, more than a day after now.
func ParseDate(s string, lang string, now time.Time) (time.Time, bool) {
	if len(s) > 512 {
		s = s[:512]
	}
	s = strings.TrimSpace(norm.NFKC.String(s))
	if s == "" {
		return time.Time{}, false
	}
	t, ok := parseDate(s, lang, now)
	if !ok {
		return time.Time{}, false
	}
	t = t.UTC().Truncate(time.Second)
	if t.Before(minDate) || (!now.IsZero() && t.After(now.Add(24*time.Hour))) {
		return time.Time{}, false
	}
	return t, true
}

func defaultZone(lang string) *time.Location {
	if lang == "ja" {
		return jst
	}
	return time.UTC
}

var isoLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	time.RFC1123Z,
	time.RFC1123,
	time.RFC850,
	time.RFC822Z,
	time.RFC822,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon Jan 2 15:04:05 -0700 2006",
}

var (
	reRelJa   = regexp.MustCompile(`(\d{1,4})\s*(秒|分|時間|日|週間|か月|ヶ月|ヵ月|カ月)前`)
	reRelEn   = regexp.MustCompile(`(?i)\b(\d{1,4}|an?|one)\s+(second|sec|minute|min|hour|hr|day|week|month)s?\s+ago\b`)
	reYest    = regexp.MustCompile(`(?i)\byesterday\b|昨日`)
	reToday   = regexp.MustCompile(`(?i)^(today|本日|今日)$`)
	reEra     = regexp.MustCompile(`(令和|平成)\s*(元|\d{1,2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	reJaDate  = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	reNum     = regexp.MustCompile(`\b(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})(?:[T\s]+|\s*\([^)]{1,6}\)\s*)?`)
	reNum8    = regexp.MustCompile(`\b(20\d{2})(\d{2})(\d{2})\b`)
	reMDY     = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	reDMY     = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b`)
	reWeekday = regexp.MustCompile(`^\s*\([^)]{1,6}\)`)
	reClock   = regexp.MustCompile(`(?i)^\s*(?:at\s+|,\s*|-\s*|\|\s*)?(\d{1,2})(?::|時)(\d{2})(?:(?::(\d{2}))|分)?(?:\.\d+)?\s*(am|pm|a\.m\.|p\.m\.)?\s*(Z|[+-]\d{2}:?\d{2}|JST|UTC|GMT|EST|EDT|PST|PDT|CST|CDT|ET|PT)?`)
)

var monthByPrefix = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var zoneOffsets = map[string]int{
	"Z": 0, "UTC": 0, "GMT": 0, "JST": 9, "EST": -5, "EDT": -4, "ET": -5,
	"CST": -6, "CDT": -5, "PST": -8, "PDT": -7, "PT": -8,
}

func parseDate(s, lang string, now time.Time) (time.Time, bool) {
	for _, layout := range isoLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	loc := defaultZone(lang)
	// The earliest match in s wins, so "2026年2月20日 (更新: 2026年2月21日)"
	// yields the first date.
	type cand struct {
		at   int
		t    time.Time
		rest string
	}
	best := cand{at: -1}
	consider := func(at int, y, m, d int, rest string) {
		if m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200 {
			return
		}
		if best.at >= 0 && at >= best.at {
			return
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, loc)
		if t.Day() != d { // 2026-02-31
			return
		}
		best = cand{at: at, t: t, rest: rest}
	}
	if m := reEra.FindStringSubmatchIndex(s); m != nil {
		era := s[m[2]:m[3]]
		n := 1
		if v := s[m[4]:m[5]]; v != "元" {
			n, _ = strconv.Atoi(v)
		}
		base := 2018 // 令和1 = 2019
		if era == "平成" {
			base = 1988 // 平成1 = 1989
		}
		consider(m[0], base+n, atoi(s[m[6]:m[7]]), atoi(s[m[8]:m[9]]), s[m[1]:])
	}
	if m := reJaDate.FindStringSubmatchIndex(s); m != nil {
		consider(m[0], atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]), s[m[1]:])
	}
	for _, m := range reNum.FindAllStringSubmatchIndex(s, 4) {
		if s[m[4]:m[5]] != s[m[8]:m[9]] { // 2026-02/20
			continue
		}
		consider(m[0], atoi(s[m[2]:m[3]]), atoi(s[m[6]:m[7]]), atoi(s[m[10]:m[11]]), s[m[1]:])
		break
	}
	if m := reMDY.FindStringSubmatchIndex(s); m != nil {
		consider(m[0], atoi(s[m[6]:m[7]]), int(monthByPrefix[strings.ToLower(s[m[2]:m[3]])]), atoi(s[m[4]:m[5]]), s[m[1]:])
	}
	if m := reDMY.FindStringSubmatchIndex(s); m != nil {
		consider(m[0], atoi(s[m[6]:m[7]]), int(monthByPrefix[strings.ToLower(s[m[4]:m[5]])]), atoi(s[m[2]:m[3]]), s[m[1]:])
	}
	if best.at < 0 {
		if m := reNum8.FindStringSubmatchIndex(s); m != nil && m[0] == 0 && m[1] == len(s) {
			consider(0, atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]), "")
		}
	}
	if best.at >= 0 {
		return withClock(best.t, best.rest), true
	}
	if now.IsZero() {
		return time.Time{}, false
	}
	return relative(s, now, loc)
}

// withClock adds a time of day (and zone) written right after a date.
func withClock(t time.Time, rest string) time.Time {
	if m := reWeekday.FindStringIndex(rest); m != nil {
		rest = rest[m[1]:]
	}
	m := reClock.FindStringSubmatch(rest)
	if m == nil {
		return t
	}
	h, mi, sec := atoi(m[1]), atoi(m[2]), atoi(m[3])
	switch strings.ToLower(strings.ReplaceAll(m[4], ".", "")) {
	case "pm":
		if h < 12 {
			h += 12
		}
	case "am":
		if h == 12 {
			h = 0
		}
	}
	if h > 23 || mi > 59 || sec > 59 {
		return t
	}
	loc := t.Location()
	if z := m[5]; z != "" {
		if off, ok := zoneOffsets[strings.ToUpper(z)]; ok {
			loc = time.FixedZone(z, off*3600)
		} else if off, ok := numericOffset(z); ok {
			loc = time.FixedZone("", off)
		}
	}
	return time.Date(t.Year(), t.Month(), t.Day(), h, mi, sec, 0, loc)
}

func numericOffset(z string) (int, bool) {
	z = strings.ReplaceAll(z, ":", "")
	if len(z) != 5 || (z[0] != '+' && z[0] != '-') {
		return 0, false
	}
	h, m := atoi(z[1:3]), atoi(z[3:5])
	if h > 14 || m > 59 {
		return 0, false
	}
	off := h*3600 + m*60
	if z[0] == '-' {
		off = -off
	}
	return off, true
}

func relative(s string, now time.Time, loc *time.Location) (time.Time, bool) {
	if m := reRelJa.FindStringSubmatch(s); m != nil {
		return back(now, atoi(m[1]), m[2])
	}
	if m := reRelEn.FindStringSubmatch(s); m != nil {
		n := atoi(m[1])
		if n == 0 {
			n = 1 // "an hour ago", "one day ago"
		}
		return back(now, n, strings.ToLower(m[2]))
	}
	if reYest.MatchString(s) {
		y := now.In(loc).AddDate(0, 0, -1)
		return time.Date(y.Year(), y.Month(), y.Day(), 0, 0, 0, 0, loc), true
	}
	if reToday.MatchString(s) {
		y := now.In(loc)
		return time.Date(y.Year(), y.Month(), y.Day(), 0, 0, 0, 0, loc), true
	}
	return time.Time{}, false
}

func back(now time.Time, n int, unit string) (time.Time, bool) {
	switch unit {
	case "秒", "second", "sec":
		return now.Add(-time.Duration(n) * time.Second), true
	case "分", "minute", "min":
		return now.Add(-time.Duration(n) * time.Minute), true
	case "時間", "hour", "hr":
		return now.Add(-time.Duration(n) * time.Hour), true
	case "日", "day":
		return now.AddDate(0, 0, -n), true
	case "週間", "week":
		return now.AddDate(0, 0, -7*n), true
	case "か月", "ヶ月", "ヵ月", "カ月", "month":
		return now.AddDate(0, -n, 0), true
	}
	return time.Time{}, false
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsDigit(r) || r > '9' {
			return 0
		}
		n = n*10 + int(r-'0')
		if n > 1e6 {
			return 0
		}
	}
	return n
}

// reURLDate finds /2026/02/20/, /2026/02/ (day unknown: not used),
// /20260220/ and -20260220- style dates in a URL path.
var (
	reURLDate  = regexp.MustCompile(`/(20\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[-_])`)
	reURLDate8 = regexp.MustCompile(`[/_-](20\d{2})(\d{2})(\d{2})(?:\d{0,6})(?:/|$|[-_.])`)
)

// dateFromURL reads a publication date from a URL path.
func dateFromURL(u, lang string, now time.Time) (time.Time, bool) {
	if m := reURLDate.FindStringSubmatch(u); m != nil {
		return ParseDate(m[1]+"-"+pad2(m[2])+"-"+pad2(m[3]), lang, now)
	}
	if m := reURLDate8.FindStringSubmatch(u); m != nil {
		return ParseDate(m[1]+"-"+m[2]+"-"+m[3], lang, now)
	}
	return time.Time{}, false
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}
