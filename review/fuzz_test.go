package review

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzImportCSV: any bytes give updates or an error, never a panic; updates
// always carry a deal id, a known status and increasing rows.
func FuzzImportCSV(f *testing.F) {
	f.Add([]byte("id,status,note,reviewer,reviewed_at\n" + id1 + ",承認,ok,ken,2026-11-20T08:15:30Z\n"))
	f.Add([]byte(bom + "status;id\nrejected;" + id2 + "\n"))
	f.Add([]byte("id,status\n\"" + id1 + "\",\"appr\"\"oved\"\n"))
	f.Add([]byte("id,status\n" + id1 + ",pending\n" + id1 + ",pending\n"))
	f.Add([]byte("id\tstatus\n\xff\xfe\n"))
	f.Add([]byte("\xff\xfei\x00d\x00,\x00s\x00t\x00a\x00t\x00u\x00s\x00"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		ups, err := ImportCSV(bytes.NewReader(data))
		if err != nil {
			if ups != nil {
				t.Fatalf("updates %v with error %v", ups, err)
			}
			return
		}
		last := 0
		for _, u := range ups {
			if !isDealID(u.DealID) {
				t.Fatalf("update with id %q", u.DealID)
			}
			if s, ok := NormalizeStatus(u.Review.Status); !ok || s != u.Review.Status {
				t.Fatalf("update with status %q", u.Review.Status)
			}
			if u.Row <= last {
				t.Fatalf("row %d after row %d", u.Row, last)
			}
			last = u.Row
		}
	})
}

// FuzzParseSeen: no panic, and a time read from an exported value is that
// value.
func FuzzParseSeen(f *testing.F) {
	for _, s := range []string{"2026-11-20T08:15:30.123456789Z", "2026/1/2 3:04", "46346.5", "", "0", "-1", "1e308", "NaN", "2026-02-30"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, serial bool) {
		got, err := parseSeen(s, serial)
		if err != nil && got != nil {
			t.Fatalf("time %v with error %v", got, err)
		}
		if err == nil && got != nil && strings.HasSuffix(s, "Z") && strings.Contains(s, "T") {
			if back, err := parseSeen(formatSeen(*got), false); err != nil || !back.Equal(*got) {
				t.Fatalf("%q → %v → %v, %v", s, got, back, err)
			}
		}
	})
}
