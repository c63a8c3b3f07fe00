package review

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func openXLSX(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open exported xlsx: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// ref is the cell of a named Deals column in a spreadsheet row.
func ref(col string, row int) string {
	name, err := excelize.CoordinatesToCellName(indexOf(Columns(), col)+1, row)
	if err != nil {
		panic(err)
	}
	return name
}

func TestExportXLSX(t *testing.T) {
	recs := fixtureDeals()
	f := openXLSX(t, exportString(t, "xlsx", recs))

	if got, want := f.GetSheetList(), []string{SheetDeals, SheetCompanies, SheetSources}; !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	t.Run("header", func(t *testing.T) {
		rows, err := f.GetRows(SheetDeals)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(recs)+1 {
			t.Fatalf("%d rows, want %d", len(rows), len(recs)+1)
		}
		if !reflect.DeepEqual(rows[0], Columns()) {
			t.Errorf("header = %q, want %q", rows[0], Columns())
		}
		for _, sheet := range f.GetSheetList() {
			panes, err := f.GetPanes(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
				t.Errorf("%s panes = %+v, want the first row frozen", sheet, panes)
			}
		}
		id, err := f.GetCellStyle(SheetDeals, "A1")
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.Font == nil || !st.Font.Bold || len(st.Fill.Color) == 0 {
			t.Errorf("header style = %+v, want bold on a fill", st)
		}
		width, err := f.GetColWidth(SheetDeals, "L")
		if err != nil || width < 40 {
			t.Errorf("evidence column width = %v (%v), want a wide column", width, err)
		}
	})
	t.Run("autofilter", func(t *testing.T) {
		var found bool
		for _, dn := range f.GetDefinedName() {
			if dn.Name == "_xlnm._FilterDatabase" && dn.Scope == SheetDeals {
				found = true
				if !strings.HasSuffix(dn.RefersTo, fmt.Sprintf("$A$1:$V$%d", len(recs)+1)) {
					t.Errorf("autofilter range = %s", dn.RefersTo)
				}
			}
		}
		if !found {
			t.Error("no autofilter on Deals")
		}
	})
	t.Run("numbers", func(t *testing.T) {
		tests := []struct {
			cell, raw, shown string
		}{
			{ref("amount", 2), "3700000000", "3,700,000,000"},
			{ref("amount_usd", 2), "3700000000", "3,700,000,000"},
			{ref("term_years", 2), "10", "10"},
			{ref("capacity_mw", 2), "220", "220"},
			{ref("confidence", 2), "0.92", "0.92"},
			{ref("amount_usd", 5), "1128950.5", "1,128,950.5"},
			{ref("amount", 6), "0.5", "0.5"},
		}
		for _, tt := range tests {
			t.Run(tt.cell, func(t *testing.T) {
				typ, err := f.GetCellType(SheetDeals, tt.cell)
				if err != nil {
					t.Fatal(err)
				}
				if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
					t.Errorf("type = %v, want a number", typ)
				}
				raw, _ := f.GetCellValue(SheetDeals, tt.cell, excelize.Options{RawCellValue: true})
				shown, _ := f.GetCellValue(SheetDeals, tt.cell)
				if raw != tt.raw || shown != tt.shown {
					t.Errorf("value = %q shown %q, want %q shown %q", raw, shown, tt.raw, tt.shown)
				}
			})
		}
	})
	t.Run("dates", func(t *testing.T) {
		for row, want := range map[int]string{2: "2026-11-17", 3: "2026-11-18", 5: "2026-11-19"} {
			cell := ref("date", row)
			raw, _ := f.GetCellValue(SheetDeals, cell, excelize.Options{RawCellValue: true})
			shown, _ := f.GetCellValue(SheetDeals, cell)
			if shown != want || strings.Contains(raw, "-") {
				t.Errorf("%s = %q shown %q, want a date serial shown %q", cell, raw, shown, want)
			}
			id, _ := f.GetCellStyle(SheetDeals, cell)
			st, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			if st.CustomNumFmt == nil || *st.CustomNumFmt != "yyyy-mm-dd" {
				t.Errorf("%s number format = %v, want yyyy-mm-dd", cell, st.CustomNumFmt)
			}
		}
		if v, _ := f.GetCellValue(SheetDeals, ref("date", 4)); v != "" {
			t.Errorf("a deal without published_at has date %q", v)
		}
	})
	t.Run("hyperlinks", func(t *testing.T) {
		for row, rec := range recs {
			ok, link, err := f.GetCellHyperLink(SheetDeals, ref("url", row+2))
			if err != nil || !ok || link != rec.URL {
				t.Errorf("row %d hyperlink = %v %q %v, want %q", row+2, ok, link, err, rec.URL)
			}
		}
		v, _ := f.GetCellValue(SheetDeals, ref("url", 2))
		if v != strings.Join(recs[0].URLs, "\n") {
			t.Errorf("merged deal url cell = %q, want every source URL", v)
		}
	})
	t.Run("status drop-down", func(t *testing.T) {
		dvs, err := f.GetDataValidations(SheetDeals)
		if err != nil {
			t.Fatal(err)
		}
		if len(dvs) != 1 {
			t.Fatalf("%d data validations, want 1", len(dvs))
		}
		dv := dvs[0]
		if dv.Type != "list" || dv.Sqref != "R2:R1048576" || !strings.Contains(dv.Formula1, "pending,approved,rejected") {
			t.Errorf("validation = type %q sqref %q formula %q", dv.Type, dv.Sqref, dv.Formula1)
		}
		if got := Columns()[17]; got != "status" {
			t.Errorf("column R is %q", got)
		}
	})
	t.Run("injection", func(t *testing.T) {
		for _, col := range []string{"company", "counterparty", "evidence", "title", "note", "reviewer"} {
			cell := ref(col, 4)
			fx, _ := f.GetCellFormula(SheetDeals, cell)
			v, _ := f.GetCellValue(SheetDeals, cell)
			typ, _ := f.GetCellType(SheetDeals, cell)
			if fx != "" || !strings.HasPrefix(v, "'") || typ != excelize.CellTypeInlineString {
				t.Errorf("%s %s: formula %q value %q type %v, want a guarded string", col, cell, fx, v, typ)
			}
		}
	})
	t.Run("companies", func(t *testing.T) {
		rows, err := f.GetRows(SheetCompanies)
		if err != nil {
			t.Fatal(err)
		}
		want := [][]string{
			companiesHeader(),
			{"Bitfarms", "2", "0", "0", "3,700,000,000", "Nebula Compute, Satoshi Traders", "2026-11-18"},
			{"Hut 8", "1", "1", "0", "1,250,000,000", "Northwind Cloud", "2026-11-18"},
			{"マイニング東海", "1", "0", "0", "1,128,951", "", "2026-11-19"},
			{`'=HYPERLINK("http://evil.example/","click")`, "1", "0", "1", "0", "'+cmd|' /C calc'!A0", "2026-11-20"},
		}
		if !reflect.DeepEqual(rows, want) {
			t.Errorf("Companies =\n%q\nwant\n%q", rows, want)
		}
	})
	t.Run("sources", func(t *testing.T) {
		rows, err := f.GetRows(SheetSources)
		if err != nil {
			t.Fatal(err)
		}
		want := [][]string{sourcesHeader(), {"example-en", "3", "3", "en"}, {"example-ja", "2", "2", "ja"}}
		if !reflect.DeepEqual(rows, want) {
			t.Errorf("Sources =\n%q\nwant\n%q", rows, want)
		}
	})
}

// TestExportXLSXHyperlinkCap checks rows past the cap: one short URL becomes
// a HYPERLINK formula, several stay text.
func TestExportXLSXHyperlinkCap(t *testing.T) {
	recs := fixtureDeals()
	var buf bytes.Buffer
	if _, err := exportXLSX(context.Background(), &buf, eachOf(recs), xlsxOptions{hyperlinkCap: 1}); err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, buf.Bytes())
	tests := []struct {
		row     int
		link    bool
		formula string
	}{
		{2, true, ""},
		{3, false, `HYPERLINK("https://wire.example.com/hut8-northwind")`},
	}
	for _, tt := range tests {
		cell := ref("url", tt.row)
		ok, _, _ := f.GetCellHyperLink(SheetDeals, cell)
		fx, _ := f.GetCellFormula(SheetDeals, cell)
		if ok != tt.link || fx != tt.formula {
			t.Errorf("%s: hyperlink %v formula %q, want %v %q", cell, ok, fx, tt.link, tt.formula)
		}
	}
	// A merged deal past the cap: plain text with every URL.
	merged := recs[0]
	var buf2 bytes.Buffer
	if _, err := exportXLSX(context.Background(), &buf2, eachOf(recs[:1]), xlsxOptions{hyperlinkCap: -1}); err != nil {
		t.Fatal(err)
	}
	f2 := openXLSX(t, buf2.Bytes())
	ok, _, _ := f2.GetCellHyperLink(SheetDeals, ref("url", 2))
	fx, _ := f2.GetCellFormula(SheetDeals, ref("url", 2))
	v, _ := f2.GetCellValue(SheetDeals, ref("url", 2))
	if ok || fx != "" || v != strings.Join(merged.URLs, "\n") {
		t.Errorf("merged past cap: link %v formula %q value %q", ok, fx, v)
	}
}
