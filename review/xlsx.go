package review

import (
	"cmp"
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
	"github.com/xuri/excelize/v2"
)

// Sheet names of the XLSX export.
const (
	SheetDeals     = "Deals"
	SheetCompanies = "Companies"
	SheetSources   = "Sources"
)

// StatusChoices are the values of the status drop-down in the XLSX export.
func StatusChoices() []string {
	return []string{pipeline.StatusPending, pipeline.StatusApproved, pipeline.StatusRejected}
}

// defaultHyperlinkCap is how many rows get a real hyperlink. excelize adds
// each one in time linear in those already there (so n links cost n²), and
// Excel allows 65,530 per sheet; past the cap a single short URL becomes a
// HYPERLINK() formula (still clickable) and several URLs stay plain text.
const defaultHyperlinkCap = 10000

// maxFormulaURL is the longest URL Excel's HYPERLINK() accepts.
const maxFormulaURL = 255

// xlsxOptions tunes the XLSX writer; the zero value is the default.
type xlsxOptions struct {
	hyperlinkCap int // rows with a real hyperlink; 0 means defaultHyperlinkCap, <0 none
}

// dealWidths are the Deals column widths, in characters.
func dealWidths() [numCols]float64 {
	return [numCols]float64{
		colID: 14, colDate: 11, colCompany: 20, colCounterparty: 20, colKind: 13,
		colAmount: 17, colCurrency: 9, colQualifier: 9, colAmountUSD: 17, colTermYears: 10,
		colCapacityMW: 11, colEvidence: 70, colTitle: 40, colURL: 45, colLang: 6, colSource: 14,
		colConfidence: 11, colStatus: 11, colNote: 30, colReviewer: 14, colReviewedAt: 24, colExported: 12,
	}
}

// styles are the cell styles the export uses.
type styles struct {
	header, date, amountInt, amountFrac, confidence, link, usd int
}

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	intFmt, fracFmt, dateFmt, confFmt := "#,##0", "#,##0.########", "yyyy-mm-dd", "0.00"
	defs := []struct {
		id    *int
		style excelize.Style
	}{
		{&st.header, excelize.Style{
			Font:      &excelize.Font{Bold: true, Color: "FFFFFF"},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E78"}},
			Alignment: &excelize.Alignment{Vertical: "center"},
			Border:    []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}},
		}},
		{&st.date, excelize.Style{CustomNumFmt: &dateFmt}},
		{&st.amountInt, excelize.Style{CustomNumFmt: &intFmt}},
		{&st.amountFrac, excelize.Style{CustomNumFmt: &fracFmt}},
		{&st.confidence, excelize.Style{CustomNumFmt: &confFmt}},
		{&st.usd, excelize.Style{CustomNumFmt: &intFmt}},
		{&st.link, excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return st, fmt.Errorf("style: %w", err)
		}
		*d.id = id
	}
	return st, nil
}

// exportXLSX writes the Deals sheet row by row through a StreamWriter,
// gathering the Companies and Sources roll-ups on the way, then writes those
// and the whole file to w.
func exportXLSX(ctx context.Context, w io.Writer, each Each, opt xlsxOptions) (int, error) {
	linkCap := opt.hyperlinkCap
	if linkCap == 0 {
		linkCap = defaultHyperlinkCap
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName(f.GetSheetName(0), SheetDeals); err != nil {
		return 0, err
	}
	for _, name := range []string{SheetCompanies, SheetSources} {
		if _, err := f.NewSheet(name); err != nil {
			return 0, err
		}
	}
	st, err := newStyles(f)
	if err != nil {
		return 0, err
	}
	sw, err := f.NewStreamWriter(SheetDeals)
	if err != nil {
		return 0, err
	}
	widths := dealWidths()
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return 0, err
		}
	}
	// The exported column is for kozan, not the reviewer: hidden.
	if err := sw.SetColVisible(colExported+1, colExported+1, false); err != nil {
		return 0, err
	}
	if err := sw.SetPanes(frozenHeader()); err != nil {
		return 0, err
	}
	names := columnNames()
	if err := sw.SetRow("A1", headerCells(names[:], st.header)); err != nil {
		return 0, err
	}

	roll := newRollup()
	var (
		n     int
		cells row
		vals  = make([]any, numCols)
	)
	err = each(func(r pipeline.DealRecord) error {
		if err := checkCtx(ctx, n); err != nil {
			return err
		}
		makeRow(&r, &cells)
		rowNum := n + 2
		var link string
		for i := range cells {
			c := &cells[i]
			switch c.kind {
			case cellEmpty:
				vals[i] = nil
			case cellText:
				vals[i] = guard(c.s)
			case cellNumber:
				vals[i] = excelize.Cell{StyleID: numberStyle(st, i, c.f), Value: c.f}
			case cellDate:
				vals[i] = excelize.Cell{StyleID: st.date, Value: c.t}
			case cellURLs:
				vals[i] = excelize.Cell{StyleID: st.link, Value: guard(c.s)}
				switch {
				case !isWebURL(c.urls[0]):
				case n < linkCap:
					link = c.urls[0]
				case len(c.urls) == 1 && len(c.s) <= maxFormulaURL:
					vals[i] = excelize.Cell{StyleID: st.link, Value: c.s,
						Formula: `HYPERLINK("` + strings.ReplaceAll(c.s, `"`, `""`) + `")`}
				}
			}
		}
		ref, err := excelize.CoordinatesToCellName(1, rowNum)
		if err != nil {
			return err
		}
		if err := sw.SetRow(ref, vals); err != nil {
			return err
		}
		if link != "" {
			ref, _ := excelize.CoordinatesToCellName(colURL+1, rowNum)
			if err := f.SetCellHyperLink(SheetDeals, ref, link, "External"); err != nil {
				return fmt.Errorf("hyperlink %s: %w", ref, err)
			}
		}
		roll.add(&r)
		n++
		return nil
	})
	if err != nil {
		return n, err
	}
	lastCol, _ := excelize.ColumnNumberToName(numCols)
	if err := f.AutoFilter(SheetDeals, fmt.Sprintf("A1:%s%d", lastCol, n+1), nil); err != nil {
		return n, fmt.Errorf("autofilter: %w", err)
	}
	if err := addStatusDropDown(f); err != nil {
		return n, err
	}
	if err := sw.Flush(); err != nil {
		return n, err
	}
	if err := writeCompanies(f, st, roll); err != nil {
		return n, fmt.Errorf("companies sheet: %w", err)
	}
	if err := writeSources(f, st, roll); err != nil {
		return n, fmt.Errorf("sources sheet: %w", err)
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return n, err
	}
	return n, nil
}

// numberStyle picks the number format of a numeric Deals cell.
func numberStyle(st styles, col int, v float64) int {
	switch col {
	case colAmount, colAmountUSD:
		if v == math.Trunc(v) && math.Abs(v) < 1e15 {
			return st.amountInt
		}
		return st.amountFrac
	case colConfidence:
		return st.confidence
	}
	return 0
}

// frozenHeader freezes the first row.
func frozenHeader() *excelize.Panes {
	return &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}
}

func headerCells(names []string, style int) []any {
	out := make([]any, len(names))
	for i, s := range names {
		out[i] = excelize.Cell{StyleID: style, Value: s}
	}
	return out
}

// addStatusDropDown puts the pending/approved/rejected list on the whole
// status column below the header, so rows a reviewer adds get it too.
func addStatusDropDown(f *excelize.File) error {
	col, _ := excelize.ColumnNumberToName(colStatus + 1)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, excelize.TotalRows)
	if err := dv.SetDropList(StatusChoices()); err != nil {
		return fmt.Errorf("status drop-down: %w", err)
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "status", "Choose pending, approved or rejected from the list.")
	dv.SetInput("status", "pending, approved or rejected")
	if err := f.AddDataValidation(SheetDeals, dv); err != nil {
		return fmt.Errorf("status drop-down: %w", err)
	}
	return nil
}

// companyRoll is one company's line in the Companies sheet.
type companyRoll struct {
	deals, approved, rejected int
	usd                       float64
	counterparties            map[string]int
	latest                    time.Time
}

// sourceRoll is one source's line in the Sources sheet. Articles are
// counted by a 64-bit hash of their ID, so the set stays small.
type sourceRoll struct {
	deals    int
	articles map[uint64]struct{}
	langs    map[string]struct{}
}

// rollup gathers the Companies and Sources sheets while deals stream by:
// one entry per company and per source, never one per deal (bar a hash per
// article).
type rollup struct {
	companies map[string]*companyRoll
	sources   map[string]*sourceRoll
}

func newRollup() *rollup {
	return &rollup{companies: map[string]*companyRoll{}, sources: map[string]*sourceRoll{}}
}

// unknownName stands for an empty company or source name in the roll-ups.
const unknownName = "(unknown)"

func (ro *rollup) add(r *pipeline.DealRecord) {
	name := cmp.Or(r.Company, unknownName)
	c := ro.companies[name]
	if c == nil {
		c = &companyRoll{counterparties: map[string]int{}}
		ro.companies[name] = c
	}
	c.deals++
	switch r.Review.Status {
	case pipeline.StatusApproved:
		c.approved++
	case pipeline.StatusRejected:
		c.rejected++
	}
	if r.Review.Status != pipeline.StatusRejected && r.Amount != nil && r.Amount.USD != nil {
		c.usd += *r.Amount.USD
	}
	if r.Counterparty != "" {
		c.counterparties[string(r.Counterparty)]++
	}
	when := r.ExtractedAt
	if r.PublishedAt != nil {
		when = *r.PublishedAt
	}
	if d := dateOf(when); d.After(c.latest) {
		c.latest = d
	}

	src := cmp.Or(r.Source, unknownName)
	s := ro.sources[src]
	if s == nil {
		s = &sourceRoll{articles: map[uint64]struct{}{}, langs: map[string]struct{}{}}
		ro.sources[src] = s
	}
	s.deals++
	h := fnv.New64a()
	h.Write([]byte(cmp.Or(r.ArticleID, r.URL)))
	s.articles[h.Sum64()] = struct{}{}
	if r.Lang != "" {
		s.langs[r.Lang] = struct{}{}
	}
}

// companiesHeader is the header of the Companies sheet.
func companiesHeader() []string {
	return []string{"company", "deals", "approved", "rejected", "total_usd", "counterparties", "latest_deal"}
}

// writeCompanies writes one row per company, largest total USD first.
// Rejected deals are counted but left out of total_usd.
func writeCompanies(f *excelize.File, st styles, ro *rollup) error {
	names := make([]string, 0, len(ro.companies))
	for name := range ro.companies {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b string) int {
		ca, cb := ro.companies[a], ro.companies[b]
		return cmp.Or(cmp.Compare(cb.usd, ca.usd), cmp.Compare(cb.deals, ca.deals), strings.Compare(a, b))
	})
	rows := make([][]any, 0, len(names))
	for _, name := range names {
		c := ro.companies[name]
		var latest any
		if !c.latest.IsZero() {
			latest = excelize.Cell{StyleID: st.date, Value: c.latest}
		}
		rows = append(rows, []any{guard(name), c.deals, c.approved, c.rejected,
			excelize.Cell{StyleID: st.usd, Value: c.usd}, guard(rankedKeys(c.counterparties)), latest})
	}
	return writeTable(f, st, SheetCompanies, companiesHeader(), []float64{24, 8, 10, 10, 18, 60, 12}, rows)
}

// sourcesHeader is the header of the Sources sheet.
func sourcesHeader() []string { return []string{"source", "articles", "deals", "languages"} }

// writeSources writes one row per source, most deals first.
func writeSources(f *excelize.File, st styles, ro *rollup) error {
	names := make([]string, 0, len(ro.sources))
	for name := range ro.sources {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(ro.sources[b].deals, ro.sources[a].deals), strings.Compare(a, b))
	})
	rows := make([][]any, 0, len(names))
	for _, name := range names {
		s := ro.sources[name]
		langs := make([]string, 0, len(s.langs))
		for l := range s.langs {
			langs = append(langs, l)
		}
		slices.Sort(langs)
		rows = append(rows, []any{guard(name), len(s.articles), s.deals, guard(strings.Join(langs, ", "))})
	}
	return writeTable(f, st, SheetSources, sourcesHeader(), []float64{20, 10, 10, 12}, rows)
}

// writeTable streams a small sheet: styled, frozen header, widths, autofilter.
func writeTable(f *excelize.File, st styles, sheet string, header []string, widths []float64, rows [][]any) error {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(frozenHeader()); err != nil {
		return err
	}
	if err := sw.SetRow("A1", headerCells(header, st.header)); err != nil {
		return err
	}
	for i, r := range rows {
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(ref, r); err != nil {
			return err
		}
	}
	lastCol, _ := excelize.ColumnNumberToName(len(header))
	if err := f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", lastCol, len(rows)+1), nil); err != nil {
		return err
	}
	return sw.Flush()
}

// rankedKeys joins a count map's keys, most frequent first, then by name.
func rankedKeys(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(m[b], m[a]), strings.Compare(a, b)) })
	return strings.Join(keys, ", ")
}

// isWebURL reports whether u is an http or https URL, the only kind the
// export turns into a link.
func isWebURL(u string) bool {
	l := strings.ToLower(u)
	return strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://")
}
