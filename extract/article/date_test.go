package article

import (
	"testing"
	"time"
	"unicode/utf8"
)

func TestParseDate(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	utc := func(y, m, d, h, mi int) time.Time { return time.Date(y, time.Month(m), d, h, mi, 0, 0, time.UTC) }
	tests := []struct {
		in, lang string
		want     time.Time
		ok       bool
	}{
		{"2026-02-20T10:30:00+09:00", "en", utc(2026, 2, 20, 1, 30), true},
		{"2026-02-20T10:30:00Z", "ja", utc(2026, 2, 20, 10, 30), true},
		{"2026-02-20T10:30:00.123-05:00", "", utc(2026, 2, 20, 15, 30), true},
		{"2026-02-20T10:30:00+0900", "", utc(2026, 2, 20, 1, 30), true},
		{"2026-02-20T10:30:00", "ja", utc(2026, 2, 20, 1, 30), true},
		{"2026-02-20T10:30:00", "en", utc(2026, 2, 20, 10, 30), true},
		{"2026-02-20", "ja", utc(2026, 2, 19, 15, 0), true},
		{"2026-02-20", "en", utc(2026, 2, 20, 0, 0), true},
		{"2026/2/20", "en", utc(2026, 2, 20, 0, 0), true},
		{"2026/02/20 (金) 15:04", "ja", utc(2026, 2, 20, 6, 4), true},
		{"2026.02.20", "en", utc(2026, 2, 20, 0, 0), true},
		{"20260220", "en", utc(2026, 2, 20, 0, 0), true},
		{"2026年2月20日", "ja", utc(2026, 2, 19, 15, 0), true},
		{"２０２６年２月２０日　１５時３０分", "ja", utc(2026, 2, 20, 6, 30), true},
		{"2026年2月20日(金) 9:05", "ja", utc(2026, 2, 20, 0, 5), true},
		{"公開日：2026年2月20日 更新日：2026年2月25日", "ja", utc(2026, 2, 19, 15, 0), true},
		{"令和8年2月20日", "ja", utc(2026, 2, 19, 15, 0), true},
		{"令和元年5月1日", "ja", utc(2019, 4, 30, 15, 0), true},
		{"平成31年4月1日", "ja", utc(2019, 3, 31, 15, 0), true},
		{"平成20年4月1日", "ja", time.Time{}, false}, // 2008: before 2009
		{"Feb 20, 2026", "en", utc(2026, 2, 20, 0, 0), true},
		{"Feb. 20, 2026 08:30 AM EST", "en", utc(2026, 2, 20, 13, 30), true},
		{"February 20, 2026 at 3:15 pm", "en", utc(2026, 2, 20, 15, 15), true},
		{"Posted on February 9th, 2026", "en", utc(2026, 2, 9, 0, 0), true},
		{"20 February 2026", "en", utc(2026, 2, 20, 0, 0), true},
		{"Friday, 20 Feb 2026 14:00 GMT", "en", utc(2026, 2, 20, 14, 0), true},
		{"Fri, 20 Feb 2026 10:00:00 +0900", "en", utc(2026, 2, 20, 1, 0), true},
		{"Fri, 20 Feb 2026 10:00:00 GMT", "en", utc(2026, 2, 20, 10, 0), true},
		{"3時間前", "ja", utc(2026, 3, 1, 9, 0), true},
		{"2日前", "ja", utc(2026, 2, 27, 12, 0), true},
		{"30分前", "ja", utc(2026, 3, 1, 11, 30), true},
		{"3 hours ago", "en", utc(2026, 3, 1, 9, 0), true},
		{"an hour ago", "en", utc(2026, 3, 1, 11, 0), true},
		{"yesterday", "en", utc(2026, 2, 28, 0, 0), true},
		{"昨日", "ja", utc(2026, 2, 28, 15, 0).AddDate(0, 0, -1), true}, // 2/28 00:00 JST
		{"2026-03-05", "en", time.Time{}, false},                      // future
		{"2026-03-02T06:00:00Z", "en", utc(2026, 3, 2, 6, 0), true},   // within a day of now
		{"2008-12-31", "en", time.Time{}, false},
		{"2026-02-30", "en", time.Time{}, false},
		{"2026-13-01", "en", time.Time{}, false},
		{"no date here", "en", time.Time{}, false},
		{"", "en", time.Time{}, false},
		{"1,200 MW by 2027", "en", time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseDate(tt.in, tt.lang, now)
			if ok != tt.ok || !got.Equal(tt.want) {
				t.Errorf("ParseDate(%q, %q) = %v, %v; want %v, %v", tt.in, tt.lang, got, ok, tt.want, tt.ok)
			}
			if ok && got.Location() != time.UTC {
				t.Errorf("location = %v, want UTC", got.Location())
			}
		})
	}
}

func TestParseDateNoClock(t *testing.T) {
	// Without a clock, relative dates are unknown and the future is not checked.
	if _, ok := ParseDate("3時間前", "ja", time.Time{}); ok {
		t.Error("relative date parsed without a clock")
	}
	if got, ok := ParseDate("2030-01-01", "en", time.Time{}); !ok || got.Year() != 2030 {
		t.Errorf("got %v, %v", got, ok)
	}
}

func TestDateFromURL(t *testing.T) {
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		url  string
		want string
	}{
		{"https://a.example/2026/02/20/some-story/", "2026-02-20"},
		{"https://a.example/news/2026/2/5/x", "2026-02-05"},
		{"https://a.example/news/20260220/x.html", "2026-02-20"},
		{"https://a.example/news/home/20260212005310/en/", "2026-02-12"},
		{"https://a.example/article-20260220-1.html", "2026-02-20"},
		{"https://a.example/p/12345", ""},
		{"https://a.example/2026/02/", ""},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			got, ok := dateFromURL(tt.url, "en", now)
			s := ""
			if ok {
				s = got.Format("2006-01-02")
			}
			if s != tt.want {
				t.Errorf("dateFromURL(%q) = %q, want %q", tt.url, s, tt.want)
			}
		})
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-02-20T10:30:00+09:00", "令和元年5月1日", "Feb 20, 2026 3:15 pm ET", "3時間前",
		"2026/2/20 (金) 9:05", "20 February 2026", "yesterday", "２０２６年２月２０日", "99999-99-99", "2026.1.1 25:61"} {
		f.Add(s, "ja")
		f.Add(s, "en")
	}
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s, lang string) {
		got, ok := ParseDate(s, lang, now)
		if !ok {
			return
		}
		if got.Before(minDate) || got.After(now.Add(24*time.Hour)) {
			t.Errorf("ParseDate(%q) = %v, outside the accepted range", s, got)
		}
		if got.Location() != time.UTC {
			t.Errorf("location %v", got.Location())
		}
		if !utf8.ValidString(got.String()) {
			t.Error("invalid output")
		}
	})
}

func TestTextDate(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text, lang, want string
	}{
		{"byline first", "Miner signs lease\nBy Dana Whitfield · Feb 17, 2026\nThe company said on March 3, 2020 it was founded.", "en", "2026-02-17"},
		{"relative byline", "採掘大手がAIに転換\n3時間前\n本文です。", "ja", "2026-03-01"},
		{"relative in a sentence is ignored", "Headline\nThe company said yesterday that it had signed a lease with a cloud provider for ten years.", "en", ""},
		{"full date in a sentence as last resort", "Headline\nThe agreement, signed on February 9, 2026, runs for ten years and covers 200 MW of capacity in Texas.", "en", "2026-02-09"},
		{"future date skipped", "Headline\nMarch 30, 2026\nFeb 2, 2026", "en", "2026-02-02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := textDate(tt.text, tt.lang, now)
			s := ""
			if ok {
				s = got.In(jst).Format("2006-01-02")
				if tt.lang != "ja" {
					s = got.Format("2006-01-02")
				}
			}
			if s != tt.want {
				t.Errorf("textDate = %q, want %q", s, tt.want)
			}
		})
	}
}
