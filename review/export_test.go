package review

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kozan-dev/kozan/pipeline"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

func TestColumns(t *testing.T) {
	want := "id date company counterparty kind amount currency qualifier amount_usd term_years capacity_mw " +
		"evidence title url lang source confidence status note reviewer reviewed_at exported"
	if got := strings.Join(Columns(), " "); got != want {
		t.Errorf("Columns() = %q, want %q", got, want)
	}
	c := Columns()
	c[0] = "changed"
	if Columns()[0] != "id" {
		t.Error("Columns() shares its backing array with callers")
	}
}

func TestGuard(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"=1+1", "'=1+1"},
		{"+cmd", "'+cmd"},
		{"-1+1", "'-1+1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"'quoted", "'quoted"},
		{"'=already", "''=already"},
		{"''@x", "'''@x"},
		{"'", "'"},
		{"a=b", "a=b"},
		{"テラ", "テラ"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := guard(tt.in); got != tt.want {
				t.Errorf("guard(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := unguard(guard(tt.in)); got != tt.in {
				t.Errorf("unguard(guard(%q)) = %q", tt.in, got)
			}
		})
	}
}

func FuzzGuard(f *testing.F) {
	for _, s := range []string{"", "=x", "'=x", "''", "'", "+", "abc", "\t\r", "'a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g := guard(s)
		if unguard(g) != s {
			t.Fatalf("unguard(guard(%q)) = %q", s, unguard(g))
		}
		if g != "" && strings.ContainsRune("=+-@\t\r", rune(g[0])) {
			t.Fatalf("guard(%q) = %q still starts a formula", s, g)
		}
	})
}

func exportString(t *testing.T, format string, recs []pipeline.DealRecord) []byte {
	t.Helper()
	var buf bytes.Buffer
	n, err := Export(context.Background(), &buf, format, eachOf(recs))
	if err != nil {
		t.Fatalf("Export(%s): %v", format, err)
	}
	if n != len(recs) {
		t.Fatalf("Export(%s) wrote %d rows, want %d", format, n, len(recs))
	}
	return buf.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; got:\n%s", name, got)
	}
}

func TestExportCSV(t *testing.T) {
	recs := fixtureDeals()
	out := exportString(t, "csv", recs)
	golden(t, "deals.csv.golden", out)

	if !bytes.HasPrefix(out, []byte{0xEF, 0xBB, 0xBF}) {
		t.Fatalf("CSV starts % X, want the UTF-8 BOM EF BB BF", out[:3])
	}
	rows, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	if got, want := len(rows), len(recs)+1; got != want {
		t.Fatalf("%d records, want %d", got, want)
	}
	if !reflect.DeepEqual(rows[0], Columns()) {
		t.Errorf("header = %q, want %q", rows[0], Columns())
	}
	for i, row := range rows[1:] {
		for j, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("row %d column %s = %q: starts a formula", i+2, Columns()[j], cell)
			}
		}
	}
	cellOf := func(row []string, col string) string { return row[indexOf(Columns(), col)] }

	tests := []struct {
		row       int
		col, want string
	}{
		{1, "id", recs[0].ID},
		{1, "date", "2026-11-17"},
		{1, "company", "Bitfarms"},
		{1, "amount", "3700000000"},
		{1, "currency", "USD"},
		{1, "qualifier", "about"},
		{1, "amount_usd", "3700000000"},
		{1, "term_years", "10"},
		{1, "capacity_mw", "220"},
		{1, "url", "https://news.example.jp/articles/101\nhttps://wire.example.com/bitfarms-nebula-lease"},
		{1, "status", "pending"},
		{1, "confidence", "0.92"},
		{2, "evidence", recs[1].Evidence},
		{2, "reviewed_at", "2026-11-20T08:15:30.123456789Z"},
		{2, "note", "confirmed in the 8-K"},
		{3, "company", `'=HYPERLINK("http://evil.example/","click")`},
		{3, "counterparty", "'+cmd|' /C calc'!A0"},
		{3, "evidence", "'-1+1 is what a spreadsheet would compute here"},
		{3, "note", "'@SUM(A1:A9)"},
		{3, "title", "'\tTabbed title"},
		{3, "reviewer", "'\rcr"},
		{3, "date", ""},
		{3, "amount", ""},
		{4, "amount", "168500000"},
		{4, "amount_usd", "1128950.5"},
		{4, "counterparty", ""},
		{4, "status", "pending"},
		{5, "amount", "0.5"},
		{5, "amount_usd", ""},
	}
	for _, tt := range tests {
		t.Run(tt.col, func(t *testing.T) {
			if got := cellOf(rows[tt.row], tt.col); got != tt.want {
				t.Errorf("row %d %s = %q, want %q", tt.row+1, tt.col, got, tt.want)
			}
		})
	}
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	panic("no column " + s)
}

func TestExportJSONL(t *testing.T) {
	recs := fixtureDeals()
	out := exportString(t, "jsonl", recs)
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(recs) {
		t.Fatalf("%d lines, want %d", len(lines), len(recs))
	}
	for i, line := range lines {
		var got pipeline.DealRecord
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		want := recs[i]
		want.Review.Status = statusOf(want.Review) // the export fills in pending
		if want.PublishedAt != nil {
			// JSON keeps the instant and offset, not the zone's name.
			if !got.PublishedAt.Equal(*want.PublishedAt) {
				t.Errorf("line %d published_at = %v, want %v", i+1, got.PublishedAt, want.PublishedAt)
			}
			got.PublishedAt = want.PublishedAt
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("line %d decodes to\n%+v\nwant\n%+v", i+1, got, want)
		}
		var raw map[string]any
		if err := json.Unmarshal([]byte(line), &raw); err != nil {
			t.Fatal(err)
		}
		for _, key := range []string{"id", "article_id", "url", "title", "source", "lang", "published_at", "extracted_at",
			"review", "company", "counterparty", "kind", "amount", "term_years", "capacity_mw", "evidence", "confidence"} {
			if _, ok := raw[key]; !ok {
				t.Errorf("line %d has no %q key", i+1, key)
			}
		}
	}
	if !strings.Contains(string(out), `"counterparty":null`) {
		t.Error("an empty counterparty is not written as null")
	}
}

func TestExportErrors(t *testing.T) {
	boom := errors.New("store gone")
	failing := func(fn func(pipeline.DealRecord) error) error { return boom }
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name   string
		ctx    context.Context
		format string
		each   Each
		want   error
		msg    string
	}{
		{"unknown format", context.Background(), "ods", eachOf(nil), nil, `unknown format "ods"`},
		{"nil source", context.Background(), "csv", nil, nil, "no deal source"},
		{"source fails csv", context.Background(), "csv", failing, boom, ""},
		{"source fails xlsx", context.Background(), "xlsx", failing, boom, ""},
		{"source fails jsonl", context.Background(), "jsonl", failing, boom, ""},
		{"canceled", canceled, "csv", eachOf(fixtureDeals()), context.Canceled, ""},
		{"canceled xlsx", canceled, "xlsx", eachOf(fixtureDeals()), context.Canceled, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Export(tt.ctx, &bytes.Buffer{}, tt.format, tt.each)
			if err == nil {
				t.Fatal("no error")
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %v is not %v", err, tt.want)
			}
			if tt.msg != "" && !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not say %q", err, tt.msg)
			}
		})
	}
}

func TestExportEmpty(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			n, err := Export(context.Background(), &buf, format, eachOf(nil))
			if err != nil || n != 0 {
				t.Fatalf("Export = %d, %v; want 0, nil", n, err)
			}
		})
	}
}
