package review

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/japanese"
	xunicode "golang.org/x/text/encoding/unicode"
)

func TestNormalizeStatus(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"approved", pipeline.StatusApproved, true},
		{" APPROVED ", pipeline.StatusApproved, true},
		{"Rejected", pipeline.StatusRejected, true},
		{"pending", pipeline.StatusPending, true},
		{"ａｐｐｒｏｖｅｄ", pipeline.StatusApproved, true},
		{"承認", pipeline.StatusApproved, true},
		{"却下", pipeline.StatusRejected, true},
		{"保留", pipeline.StatusPending, true},
		{" 承認\n", pipeline.StatusApproved, true},
		{"aproved", "", false},
		{"", "", false},
		{"ok", "", false},
		{"承認済", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := NormalizeStatus(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("NormalizeStatus(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestParseSeen(t *testing.T) {
	tests := []struct {
		in     string
		serial bool
		want   string // RFC3339Nano; "" for nil
		err    bool
	}{
		{"", false, "", false},
		{"2026-11-20T08:15:30.123456789Z", false, "2026-11-20T08:15:30.123456789Z", false},
		{"2026-11-20T17:15:30+09:00", false, "2026-11-20T08:15:30Z", false},
		{"2026-11-20T08:15:30", false, "2026-11-20T08:15:30Z", false},
		// Reformatted by a spreadsheet: the end of the interval it names.
		{"2026-11-20 08:15:30", false, "2026-11-20T08:15:30.999999999Z", false},
		{"2026/11/20 8:15", false, "2026-11-20T08:15:59.999999999Z", false},
		{"2026/11/20", false, "2026-11-20T23:59:59.999999999Z", false},
		{"46346.34409722222", true, "2026-11-20T08:15:30.999999999Z", false},
		{"46346.34409722222", false, "", true},
		{"yesterday", false, "", true},
		{"2026-13-01", false, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseSeen(tt.in, tt.serial)
			if (err != nil) != tt.err {
				t.Fatalf("parseSeen(%q) error = %v, want error %v", tt.in, err, tt.err)
			}
			var s string
			if got != nil {
				s = got.UTC().Format(time.RFC3339Nano)
			}
			if s != tt.want {
				t.Errorf("parseSeen(%q) = %q, want %q", tt.in, s, tt.want)
			}
		})
	}
}

// csvTable reads an exported CSV (BOM stripped) into records.
func csvTable(t *testing.T, data []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte(bom)))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func writeCSV(t *testing.T, rows [][]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	buf.WriteString(bom)
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// wantRoundTrip is what the reviewer's edits in the round-trip tests mean.
func wantRoundTrip(recs []pipeline.DealRecord) []pipeline.ReviewUpdate {
	return []pipeline.ReviewUpdate{
		{DealID: recs[0].ID, Review: pipeline.Review{Status: pipeline.StatusApproved, Note: "matches the press release", Reviewer: "ken"}, Row: 2},
		{DealID: recs[1].ID, Review: pipeline.Review{Status: pipeline.StatusRejected, Note: "confirmed in the 8-K", Reviewer: "mika"},
			Seen: at("2026-11-20T08:15:30.123456789Z"), Row: 3},
		{DealID: recs[2].ID, Review: pipeline.Review{Status: pipeline.StatusRejected, Note: "@SUM(A1:A9)", Reviewer: "\rcr"},
			Seen: at("2026-11-20T09:00:00Z"), Row: 4},
		// row 5 was blanked: unreviewed, skipped
		{DealID: recs[4].ID, Review: pipeline.Review{Status: pipeline.StatusPending}, Row: 6},
	}
}

func TestImportCSVRoundTrip(t *testing.T) {
	recs := fixtureDeals()
	rows := csvTable(t, exportString(t, "csv", recs))
	col := func(name string) int { return indexOf(Columns(), name) }
	rows[1][col("status")], rows[1][col("note")], rows[1][col("reviewer")] = "approved", "matches the press release", "ken"
	rows[2][col("status")] = "却下"
	rows[4][col("status")] = ""

	// A reviewer moves columns around and adds their own: names decide.
	order := []string{"status", "note", "my column", "reviewer", "id", "company", "reviewed_at"}
	edited := make([][]string, len(rows))
	for i, r := range rows {
		for _, name := range order {
			switch {
			case name == "my column" && i == 0:
				edited[i] = append(edited[i], "My Column")
			case name == "my column":
				edited[i] = append(edited[i], "=1+1")
			case i == 0:
				edited[i] = append(edited[i], strings.ToUpper(name))
			default:
				edited[i] = append(edited[i], r[col(name)])
			}
		}
	}
	got, err := ImportCSV(bytes.NewReader(writeCSV(t, edited)))
	if err != nil {
		t.Fatal(err)
	}
	if want := wantRoundTrip(recs); !reflect.DeepEqual(got, want) {
		t.Errorf("ImportCSV =\n%+v\nwant\n%+v", got, want)
	}
}

func TestImportXLSXRoundTrip(t *testing.T) {
	recs := fixtureDeals()
	f := openXLSX(t, exportString(t, "xlsx", recs))
	set := func(col string, row int, v string) {
		if err := f.SetCellStr(SheetDeals, ref(col, row), v); err != nil {
			t.Fatal(err)
		}
	}
	set("status", 2, "approved")
	set("note", 2, "matches the press release")
	set("reviewer", 2, "ken")
	set("status", 3, "却下")
	set("status", 5, "")
	// Columns may move: insert one before id.
	if err := f.InsertCols(SheetDeals, "A", 1); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr(SheetDeals, "A1", "flag"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := ImportXLSX(&buf)
	if err != nil {
		t.Fatal(err)
	}
	want := wantRoundTrip(recs)
	// The hidden exported column carries each row's review as exported.
	bases := map[string]*pipeline.Review{}
	for _, r := range recs {
		bases[r.ID] = &pipeline.Review{Status: statusOf(r.Review), Note: r.Review.Note, Reviewer: strings.TrimSpace(r.Review.Reviewer)}
	}
	for i := range want {
		want[i].Base = bases[want[i].DealID]
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ImportXLSX =\n%+v\nwant\n%+v", got, want)
	}
}

// TestImportXLSXDateCell: a reviewed_at turned into a date cell still reads.
func TestImportXLSXDateCell(t *testing.T) {
	recs := fixtureDeals()
	f := openXLSX(t, exportString(t, "xlsx", recs))
	when := time.Date(2026, 11, 20, 8, 15, 30, 0, time.UTC)
	if err := f.SetCellValue(SheetDeals, ref("reviewed_at", 3), when); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := ImportXLSX(&buf)
	if err != nil {
		t.Fatal(err)
	}
	seen := got[1].Seen
	if seen == nil || seen.Before(*recs[1].Review.ReviewedAt) || seen.Sub(when) >= time.Second {
		t.Errorf("Seen = %v, want within the second of %v and not before %v", seen, when, recs[1].Review.ReviewedAt)
	}
}

const (
	id1 = "1111111111111111111111111111111111111111111111111111111111111111"
	id2 = "2222222222222222222222222222222222222222222222222222222222222222"
	id3 = "3333333333333333333333333333333333333333333333333333333333333333"
)

func TestImportCSVVariants(t *testing.T) {
	sjis, err := japanese.ShiftJIS.NewEncoder().String("id,status,note\r\n" + id1 + ",承認,確認済み\r\n" + id2 + ",却下,重複\r\n")
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().String("id\tstatus\tnote\r\n" + id1 + "\t承認\t確認済み\r\n" + id2 + "\t却下\t重複\r\n")
	if err != nil {
		t.Fatal(err)
	}
	// These files have no reviewer column: the store keeps its reviewers.
	both := []pipeline.ReviewUpdate{
		{DealID: id1, Review: pipeline.Review{Status: pipeline.StatusApproved, Note: "確認済み"}, Row: 2, KeepReviewer: true},
		{DealID: id2, Review: pipeline.Review{Status: pipeline.StatusRejected, Note: "重複"}, Row: 3, KeepReviewer: true},
	}
	tests := []struct {
		name string
		in   string
		want []pipeline.ReviewUpdate
	}{
		{"shift_jis from excel", sjis, both},
		{"utf-16 unicode text", utf16, both},
		{"semicolons", "id;status;note\n" + id1 + ";承認;確認済み\n" + id2 + ";却下;重複\n", both},
		{"no bom, upper-case id", "ID,Status,Note\n" + strings.ToUpper(id1) + ",approved,確認済み\n" + id2 + ",REJECTED,重複\n", both},
		{"header only", bom + "id,status,note\n", []pipeline.ReviewUpdate{}},
		{"blank rows keep row numbers, no note column keeps notes", "id,status\n\n,\n" + id1 + ",pending\n",
			[]pipeline.ReviewUpdate{{DealID: id1, Review: pipeline.Review{Status: pipeline.StatusPending}, Row: 4, KeepNote: true, KeepReviewer: true}}},
		{"multi-line cell keeps row numbers", "id,status,note\n" + id1 + ",approved,\"two\nlines\"\n" + id2 + ",rejected,\n",
			[]pipeline.ReviewUpdate{
				{DealID: id1, Review: pipeline.Review{Status: pipeline.StatusApproved, Note: "two\nlines"}, Row: 2, KeepReviewer: true},
				{DealID: id2, Review: pipeline.Review{Status: pipeline.StatusRejected}, Row: 3, KeepReviewer: true}}},
		{"unreviewed rows skipped", "id,status,note\n" + id1 + ",,\n" + id2 + ",approved,\n",
			[]pipeline.ReviewUpdate{{DealID: id2, Review: pipeline.Review{Status: pipeline.StatusApproved}, Row: 3, KeepReviewer: true}}},
		{"all columns: empty cells clear", "id,status,note,reviewer\n" + id1 + ",approved,,\n",
			[]pipeline.ReviewUpdate{{DealID: id1, Review: pipeline.Review{Status: pipeline.StatusApproved}, Row: 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ImportCSV(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestImportCSVErrors(t *testing.T) {
	many := "id,status\n"
	for range 25 {
		many += "x,maybe\n"
	}
	tests := []struct {
		name, in string
		want     []string
	}{
		{"bad status", "id,status\n" + id1 + ",approved\n" + id2 + ",aproved\n",
			[]string{`row 3, column "status": "aproved" is not one of approved, rejected, pending, 承認, 却下, 保留`}},
		{"missing id column", "deal,status\n" + id1 + ",approved\n", []string{`row 1: no "id" column`}},
		{"missing status column", "id,note\n" + id1 + ",ok\n", []string{`row 1: no "status" column`}},
		{"duplicate id", "id,status\n" + id1 + ",approved\n" + id2 + ",approved\n" + id1 + ",rejected\n",
			[]string{`row 4, column "id": deal 111111111111… is also on row 2`}},
		{"not a deal id", "id,status\nabc,approved\n", []string{`row 2, column "id": "abc" is not a deal id`}},
		{"empty id", "id,status\n,approved\n", []string{`row 2, column "id": is empty`}},
		{"status missing with a note", "id,status,note\n" + id1 + ",,looks fine\n",
			[]string{`row 2, column "status": is empty but the row has a note`}},
		{"bad reviewed_at", "id,status,reviewed_at\n" + id1 + ",approved,last week\n",
			[]string{`row 2, column "reviewed_at": "last week" is not a time`}},
		{"status column twice", "id,status,Status\n" + id1 + ",approved,rejected\n", []string{`row 1, column "status": the header names this column twice`}},
		{"invalid utf-8", "id,status,note\n" + id1 + ",approved,ok\n" + id2 + ",rejected,caf\xe9\n",
			[]string{`line 3: the file is not UTF-8 text (byte 0xE9)`, "CSV UTF-8"}},
		{"empty file", "", []string{"the file is empty"}},
		{"blank file", "\n\n,,\n", []string{"the file is empty"}},
		{"broken quotes", "id,status\n" + id1 + ",\"approved\n", []string{"row 2: not valid CSV"}},
		{"xlsx named csv", "PK\x03\x04rest", []string{"XLSX"}},
		{"every problem at once", "id,status\n" + id1 + ",yes\n" + id1 + ",no\n",
			[]string{"3 problems, nothing imported", `row 2, column "status": "yes"`, `row 3, column "id": deal`, `row 3, column "status": "no"`}},
		{"too many problems", many, []string{"50 problems", "… and 30 more"}},
		{"formula in a note", "id,status,note\n" + id1 + `,approved,"=HYPERLINK(""http://evil.example"",""click"")"` + "\n",
			[]string{`row 2, column "note": begins with "=", which a spreadsheet runs as a formula`}},
		{"every formula sign, every column read", "id,status,note,reviewer,reviewed_at\n" +
			id1 + ",approved,+1 more,@ken,\n" + id2 + ",=approved, -3% , ken,-1\n",
			[]string{"5 problems", `row 2, column "note": begins with "+"`, `row 2, column "reviewer": begins with "@"`,
				`row 3, column "status": begins with "="`, `row 3, column "note": begins with "-"`, `row 3, column "reviewed_at": begins with "-"`}},
		{"exported column edited", "id,status,exported\n" + id1 + ",approved,v1.xyz\n",
			[]string{`row 2, column "exported": was changed`}},
		{"exported column of another deal", "id,status,exported\n" + id1 + ",approved," + encodeExported(id2, pipeline.Review{Status: "pending"}) + "\n",
			[]string{`row 2, column "exported": belongs to deal 222222222222…`}},
		{"a sign after a leading tab", "id,status,note\n" + id1 + ",approved,\t=1+1\n",
			[]string{`row 2, column "note": begins with "="`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ImportCSV(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("no error; updates %+v", got)
			}
			if got != nil {
				t.Errorf("updates %+v returned with the error", got)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestImportRowErrorAs(t *testing.T) {
	_, err := ImportCSV(strings.NewReader("id,status\n" + id1 + ",aproved\n"))
	var re *RowError
	if !errors.As(err, &re) {
		t.Fatalf("error %v has no *RowError", err)
	}
	if re.Row != 2 || re.Column != "status" {
		t.Errorf("RowError = %+v, want row 2 column status", re)
	}
}

// xlsxReview builds a review workbook: header row then rows, with cells
// named "=…" written as formulas.
func xlsxReview(t *testing.T, sheet string, rows [][]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			var err error
			if strings.HasPrefix(v, "=") {
				err = f.SetCellFormula(sheet, cell, v[1:])
			} else {
				err = f.SetCellStr(sheet, cell, v)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestImportXLSXErrors(t *testing.T) {
	tests := []struct {
		name  string
		sheet string
		rows  [][]string
		want  string
	}{
		{"formula in status", SheetDeals, [][]string{{"id", "status"}, {id1, "approved"}, {id2, `=IF(1,"approved","rejected")`}},
			`row 3, column "status": holds a formula`},
		{"formula in note", SheetDeals, [][]string{{"id", "status", "note"}, {id1, "approved", `=HYPERLINK("http://x.example")`}},
			`row 2, column "note": holds a formula`},
		{"formula in reviewer", SheetDeals, [][]string{{"id", "status", "reviewer"}, {id1, "approved", "=A1"}},
			`row 2, column "reviewer": holds a formula`},
		{"bad status on another sheet", "Review", [][]string{{"id", "status"}, {id1, "ok"}},
			`row 2, column "status": "ok" is not one of`},
		{"missing id column", SheetDeals, [][]string{{"status"}, {"approved"}}, `row 1: no "id" column`},
		{"duplicate id", SheetDeals, [][]string{{"id", "status"}, {id1, "approved"}, {id1, "approved"}},
			`row 3, column "id": deal 111111111111… is also on row 2`},
		{"empty", SheetDeals, nil, "the file is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ImportXLSX(bytes.NewReader(xlsxReview(t, tt.sheet, tt.rows)))
			if err == nil || got != nil {
				t.Fatalf("ImportXLSX = %+v, %v; want nil and an error", got, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
		})
	}
	if _, err := ImportXLSX(strings.NewReader("id,status\n")); err == nil || !strings.Contains(err.Error(), "not a readable xlsx") {
		t.Errorf("a CSV read as xlsx: %v", err)
	}
}

func TestImportPath(t *testing.T) {
	dir := t.TempDir()
	recs := fixtureDeals()
	csvPath := filepath.Join(dir, "week.CSV")
	xlsxPath := filepath.Join(dir, "week.xlsx")
	if err := os.WriteFile(csvPath, exportString(t, "csv", recs), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(xlsxPath, exportString(t, "xlsx", recs), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{csvPath, xlsxPath} {
		got, err := Import(path)
		if err != nil {
			t.Fatalf("Import(%s): %v", path, err)
		}
		if len(got) != len(recs) {
			t.Errorf("Import(%s) = %d updates, want %d", path, len(got), len(recs))
		}
		for i, u := range got {
			if u.DealID != recs[i].ID || u.Review.Status != statusOf(recs[i].Review) || u.Review.Note != recs[i].Review.Note ||
				u.Review.Reviewer != recs[i].Review.Reviewer {
				t.Errorf("%s update %d = %+v, want the exported review of %s", path, i, u, recs[i].ID)
			}
			if (u.Seen == nil) != (recs[i].Review.ReviewedAt == nil) || (u.Seen != nil && !u.Seen.Equal(*recs[i].Review.ReviewedAt)) {
				t.Errorf("%s update %d Seen = %v, want %v", path, i, u.Seen, recs[i].Review.ReviewedAt)
			}
		}
	}
	for path, want := range map[string]string{
		filepath.Join(dir, "week.ods"):    `unknown type ".ods"`,
		filepath.Join(dir, "missing.csv"): "no such file",
	} {
		if _, err := Import(path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Import(%s) error = %v, want %q", path, err, want)
		}
	}
}

// TestRoundTripStatuses: export → import gives back exactly what was
// exported, for every format Import reads.
func TestRoundTripUnedited(t *testing.T) {
	recs := fixtureDeals()
	for _, format := range []string{"csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if _, err := Export(context.Background(), &buf, format, eachOf(recs)); err != nil {
				t.Fatal(err)
			}
			read := ImportCSV
			if format == "xlsx" {
				read = ImportXLSX
			}
			got, err := read(&buf)
			if err != nil {
				t.Fatal(err)
			}
			for i, u := range got {
				r := recs[i]
				want := pipeline.Review{Status: statusOf(r.Review), Note: r.Review.Note, Reviewer: r.Review.Reviewer}
				if u.Review != want {
					t.Errorf("row %d review = %+v, want %+v", u.Row, u.Review, want)
				}
			}
		})
	}
}

func TestHasFormulas(t *testing.T) {
	recs := fixtureDeals()
	tests := []struct {
		name string
		data []byte
		want bool
	}{
		{"plain export", exportString(t, "xlsx", recs), false},
		{"formula cell", xlsxReview(t, SheetDeals, [][]string{{"id", "status"}, {id1, "=A1"}}), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got := hasFormulas(f); got != tt.want {
				t.Errorf("hasFormulas = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestImportFormulaText: a text cell beginning with = + - @ in a column
// kozan reads is refused in XLSX as in CSV, unless it is marked as text (the
// ' guard, or the spreadsheet's quote prefix); columns kozan ignores may hold
// anything.
func TestImportFormulaText(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", SheetDeals)
	rows := [][]string{
		{"id", "status", "note", "reviewer", "evidence"},
		{id1, "approved", "=HYPERLINK(\"http://evil.example\")", "ken", "=1+1"}, // a string, not a formula
		{id2, "rejected", "'=kept as text", "-", ""},
		{id3, "approved", "-5% is a typo", "ken", ""}, // quote prefix below
	}
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellStr(SheetDeals, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	style, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Italic: true}})
	if err != nil {
		t.Fatal(err)
	}
	f.Styles.CellXfs.Xf[style].QuotePrefix = ptr(true)
	if err := f.SetCellStyle(SheetDeals, "C4", "C4", style); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := ImportXLSX(&buf)
	if err == nil {
		t.Fatalf("imported %+v", got)
	}
	want := []string{"2 problems", `row 2, column "note": begins with "="`, `row 3, column "reviewer": begins with "-"`}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not say %q", err, w)
		}
	}

	// Fixed as the message says: the rows import, the guarded text without its guard.
	f.SetCellStr(SheetDeals, "C2", "'=HYPERLINK(\"http://evil.example\")")
	f.SetCellStr(SheetDeals, "D3", "")
	buf.Reset()
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	got, err = ImportXLSX(&buf)
	if err != nil {
		t.Fatal(err)
	}
	notes := []string{got[0].Review.Note, got[1].Review.Note, got[2].Review.Note}
	if !reflect.DeepEqual(notes, []string{"=HYPERLINK(\"http://evil.example\")", "=kept as text", "-5% is a typo"}) {
		t.Errorf("notes %q", notes)
	}
}
