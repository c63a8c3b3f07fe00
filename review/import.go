package review

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// RowError is one problem in a review file, at a row as a spreadsheet
// numbers it (the header is row 1) and, when it is about one cell, a column.
type RowError struct {
	Row    int    // 1-based spreadsheet row
	Column string // column name from the header; "" for the whole row
	Msg    string
}

// Error says where the problem is and what it is.
func (e *RowError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("row %d: %s", e.Row, e.Msg)
	}
	return fmt.Sprintf("row %d, column %q: %s", e.Row, e.Column, e.Msg)
}

// maxProblems is how many problems an import error lists.
const maxProblems = 20

// FileError is every problem found in a review file (up to maxProblems,
// plus a count of the rest). Nothing is imported when there is one.
type FileError struct {
	Problems []*RowError
	More     int // problems beyond those listed
}

// Error lists the problems, one per line.
func (e *FileError) Error() string {
	var b strings.Builder
	if len(e.Problems)+e.More == 1 {
		b.WriteString("1 problem, nothing imported:")
	} else {
		fmt.Fprintf(&b, "%d problems, nothing imported:", len(e.Problems)+e.More)
	}
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.Error())
	}
	if e.More > 0 {
		fmt.Fprintf(&b, "\n  … and %d more", e.More)
	}
	return b.String()
}

// Unwrap gives errors.As access to each *RowError.
func (e *FileError) Unwrap() []error {
	out := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p
	}
	return out
}

// NormalizeStatus maps a status as a reviewer may write it (approved,
// rejected or pending in any case or width, or 承認, 却下, 保留) to
// pipeline.StatusApproved, StatusRejected or StatusPending.
func NormalizeStatus(s string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(norm.NFKC.String(s))) {
	case pipeline.StatusApproved, "承認":
		return pipeline.StatusApproved, true
	case pipeline.StatusRejected, "却下":
		return pipeline.StatusRejected, true
	case pipeline.StatusPending, "保留":
		return pipeline.StatusPending, true
	}
	return "", false
}

// Import reads a review file, choosing the format by extension (.csv or
// .xlsx, any case). See ImportCSV and ImportXLSX.
func Import(path string) ([]pipeline.ReviewUpdate, error) {
	var read func(io.Reader) ([]pipeline.ReviewUpdate, error)
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".csv":
		read = ImportCSV
	case ".xlsx":
		read = ImportXLSX
	default:
		return nil, fmt.Errorf("review file %s: unknown type %q (want .csv or .xlsx)", path, ext)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("review file: %w", err)
	}
	defer f.Close()
	ups, err := read(f)
	if err != nil {
		return nil, fmt.Errorf("review file %s: %w", path, err)
	}
	return ups, nil
}

// ImportCSV reads a review file in CSV. The text may be UTF-8 (with or
// without BOM), UTF-16 with a BOM, or Shift_JIS as Japanese Excel saves
// "CSV (comma delimited)"; other bytes are an error naming the line. The
// delimiter is a comma, or a semicolon or tab when the header row has no
// comma.
//
// Columns are found by name in the header row (the first non-blank row): id
// and status are required; note, reviewer and reviewed_at are read when
// present (a file without a note or reviewer column leaves the deals' notes
// or reviewers as they are; an empty cell in a present column clears it);
// every other column is ignored. A cell kozan reads that begins with = + -
// or @ is refused unless it begins with the ' guard. See parseRows for the
// row rules.
func ImportCSV(r io.Reader) ([]pipeline.ReviewUpdate, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return nil, errors.New("this is an XLSX (zip) file, not CSV: name it .xlsx")
	}
	text, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = sniffComma(text)
	cr.FieldsPerRecord = -1
	var (
		rows     [][]string
		nextLine = 1
	)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &FileError{Problems: []*RowError{{Row: len(rows) + 1, Msg: "not valid CSV: " + csvReason(err)}}}
		}
		// csv.Reader skips empty lines; a spreadsheet counts them as rows.
		line, _ := cr.FieldPos(0)
		for ; nextLine < line; nextLine++ {
			rows = append(rows, nil)
		}
		rows = append(rows, rec)
		nextLine = line + 1
		for _, f := range rec {
			nextLine += strings.Count(f, "\n")
		}
	}
	return parseRows(rows, nil, false)
}

// csvReason is a csv.ParseError without its position (the row is named
// separately).
func csvReason(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("%v (line %d)", pe.Err, pe.Line)
	}
	return err.Error()
}

// sniffComma picks the delimiter from the first line: a comma unless that
// line has none and has semicolons or tabs (Excel's CSV in some locales,
// and its "Unicode text").
func sniffComma(text string) rune {
	first, _, _ := strings.Cut(text, "\n")
	switch {
	case strings.Contains(first, ","):
		return ','
	case strings.Contains(first, ";"):
		return ';'
	case strings.Contains(first, "\t"):
		return '\t'
	}
	return ','
}

// ImportXLSX reads a review file in XLSX: the "Deals" sheet, or the first
// sheet when there is none. Columns and rows follow the CSV rules; besides,
// a formula in the id, status, note, reviewer or reviewed_at column is an
// error (type the value instead), a text cell there beginning with = + - or
// @ is refused unless the spreadsheet marked it as text (quote prefix) or it
// begins with the ' guard, and reviewed_at may be a date cell.
func ImportXLSX(r io.Reader) ([]pipeline.ReviewUpdate, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, fmt.Errorf("not a readable xlsx file: %w", err)
	}
	defer f.Close()
	sheet := SheetDeals
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		list := f.GetSheetList()
		if len(list) == 0 {
			return nil, errors.New("the workbook has no sheets")
		}
		sheet = list[0]
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	return parseRows(rows, &xlsxCells{f: f, sheet: sheet, formulas: hasFormulas(f)}, true)
}

// xlsxCells answers parseRows' questions about the cells of an XLSX sheet.
type xlsxCells struct {
	f        *excelize.File
	sheet    string
	formulas bool // the sheet may hold formulas (else formula is not asked)
}

// formula reports whether a cell (1-based row, 0-based column) holds a formula.
func (x *xlsxCells) formula(row, col int) bool {
	if !x.formulas {
		return false
	}
	ref, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		return false
	}
	fx, err := x.f.GetCellFormula(x.sheet, ref)
	return err == nil && fx != ""
}

// quoted reports whether a cell is marked as text by the spreadsheet's
// quote prefix (what Excel and LibreOffice store when one types '=…).
func (x *xlsxCells) quoted(row, col int) bool {
	ref, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		return false
	}
	idx, err := x.f.GetCellStyle(x.sheet, ref)
	if err != nil || idx < 0 {
		return false
	}
	if _, err := x.f.GetStyle(idx); err != nil { // loads the style sheet
		return false
	}
	st := x.f.Styles
	if st == nil || st.CellXfs == nil || idx >= len(st.CellXfs.Xf) {
		return false
	}
	q := st.CellXfs.Xf[idx].QuotePrefix
	return q != nil && *q
}

// formulaElem matches a cell formula element in worksheet XML, with or
// without a namespace prefix.
var formulaElem = regexp.MustCompile(`<([A-Za-z_][\w.-]*:)?f[\s>/]`)

// hasFormulas reports whether any worksheet of f may hold a formula, from the
// raw parts; when none does, the per-cell check (which makes excelize parse
// the whole sheet a second time) is skipped.
func hasFormulas(f *excelize.File) bool {
	found := false
	f.Pkg.Range(func(k, v any) bool {
		name, _ := k.(string)
		data, ok := v.([]byte)
		if !strings.HasPrefix(name, "xl/worksheets/") || !strings.HasSuffix(name, ".xml") {
			return true
		}
		if !ok || formulaElem.Match(data) {
			found = true // parsed already (not raw bytes) or holds a formula
			return false
		}
		return true
	})
	return found
}

// Review file column names.
const (
	headID         = "id"
	headStatus     = "status"
	headNote       = "note"
	headReviewer   = "reviewer"
	headReviewedAt = "reviewed_at"
	headExported   = "exported"
)

// headerKey normalises a header cell: trimmed, lower case, NFKC, spaces and
// hyphens as underscores, BOM and guard removed.
func headerKey(s string) string {
	s = strings.TrimPrefix(s, bom)
	s = strings.ToLower(strings.TrimSpace(norm.NFKC.String(unguard(strings.TrimSpace(s)))))
	return strings.NewReplacer(" ", "_", "-", "_").Replace(s)
}

// statusChoicesText lists what a status may be, for messages.
const statusChoicesText = "approved, rejected, pending, 承認, 却下, 保留"

// cellInfo answers what the rows' strings do not say about a cell (row
// 1-based, column 0-based): whether it holds a formula, and whether the
// spreadsheet marked it as text with a quote prefix. CSV has neither.
type cellInfo interface {
	formula(row, col int) bool
	quoted(row, col int) bool
}

// parseRows validates every row and returns the updates, or a *FileError
// and no updates. rows[i] is spreadsheet row i+1. cells, when not nil,
// answers for formulas and quote prefixes. serial says that a number in
// reviewed_at is a spreadsheet date serial.
//
// Row rules: blank rows are skipped; id must be a deal id (64 hex digits)
// and appear once; status must be one NormalizeStatus accepts, and a row
// with an empty status is skipped as unreviewed unless it has a note or
// reviewer (then it is an error: the decision is missing); a cell kozan
// reads that begins with = + - or @ is refused (see formulaLike); the '
// guard the export adds is removed from every cell; reviewed_at, as
// exported, becomes ReviewUpdate.Seen.
func parseRows(rows [][]string, cells cellInfo, serial bool) ([]pipeline.ReviewUpdate, error) {
	fe := &FileError{}
	problem := func(row int, col, format string, args ...any) {
		if len(fe.Problems) >= maxProblems {
			fe.More++
			return
		}
		fe.Problems = append(fe.Problems, &RowError{Row: row, Column: col, Msg: fmt.Sprintf(format, args...)})
	}

	head := 0
	for head < len(rows) && blank(rows[head]) {
		head++
	}
	if head == len(rows) {
		return nil, errors.New("the file is empty: no header row (expected columns id and status)")
	}
	cols := map[string]int{}
	for i, name := range rows[head] {
		key := headerKey(name)
		if key == "" {
			continue
		}
		if _, dup := cols[key]; dup {
			switch key {
			case headID, headStatus, headNote, headReviewer, headReviewedAt, headExported:
				problem(head+1, key, "the header names this column twice")
			}
			continue
		}
		cols[key] = i
	}
	for _, need := range []string{headID, headStatus} {
		if _, ok := cols[need]; !ok {
			problem(head+1, "", "no %q column in the header row (it must name id and status)", need)
		}
	}
	if len(fe.Problems) > 0 {
		return nil, fe
	}
	colOf := func(key string) int {
		if i, ok := cols[key]; ok {
			return i
		}
		return -1
	}
	read := []struct {
		key string
		idx int
	}{
		{headID, colOf(headID)}, {headStatus, colOf(headStatus)}, {headNote, colOf(headNote)},
		{headReviewer, colOf(headReviewer)}, {headReviewedAt, colOf(headReviewedAt)},
		{headExported, colOf(headExported)},
	}

	seen := map[string]int{}
	updates := make([]pipeline.ReviewUpdate, 0, len(rows)-head-1)
	for i := head + 1; i < len(rows); i++ {
		rec, rowNum := rows[i], i+1
		if blank(rec) {
			continue
		}
		var vals [6]string
		bad := false
		for j, c := range read {
			if c.idx < 0 {
				continue
			}
			if cells != nil && cells.formula(rowNum, c.idx) {
				problem(rowNum, c.key, "holds a formula; type the value itself")
				bad = true
				continue
			}
			if c.idx >= len(rec) {
				continue
			}
			v := strings.TrimSpace(rec[c.idx])
			if sign, ok := formulaLike(v); ok && (cells == nil || !cells.quoted(rowNum, c.idx)) {
				problem(rowNum, c.key, "begins with %q, which a spreadsheet runs as a formula; "+
					"type the text without it, or begin the cell with ' to keep it as text", sign)
				bad = true
				continue
			}
			vals[j] = unguard(v)
		}
		if bad {
			continue
		}
		id, status, note, reviewer, at, exported := vals[0], vals[1], vals[2], vals[3], vals[4], vals[5]

		if status == "" && note == "" && reviewer == "" {
			continue // not reviewed
		}
		id = strings.ToLower(id)
		switch {
		case id == "":
			problem(rowNum, headID, "is empty; every reviewed row needs the deal id it was exported with")
		case !isDealID(id):
			problem(rowNum, headID, "%q is not a deal id (64 hex digits, as exported)", id)
		default:
			if first, dup := seen[id]; dup {
				problem(rowNum, headID, "deal %s… is also on row %d; keep one row per deal", pipeline.ShortID(id), first)
			} else {
				seen[id] = rowNum
			}
		}
		st, ok := NormalizeStatus(status)
		switch {
		case status == "":
			problem(rowNum, headStatus, "is empty but the row has a note or reviewer; choose approved, rejected or pending")
		case !ok:
			problem(rowNum, headStatus, "%q is not one of %s", status, statusChoicesText)
		}
		seenAt, err := parseSeen(at, serial)
		if err != nil {
			problem(rowNum, headReviewedAt, "%v", err)
		}
		var base *pipeline.Review
		if exported != "" {
			v, err := decodeExported(exported)
			switch {
			case err != nil:
				problem(rowNum, headExported, "was changed; copy it back from the export, or delete the whole column")
			case isDealID(id) && !strings.EqualFold(v.ID, id):
				problem(rowNum, headExported, "belongs to deal %s…, not to this row's; was a row pasted over another?", pipeline.ShortID(v.ID))
			default:
				// Compared with the row's cells, which are trimmed too.
				st, _ := NormalizeStatus(v.Status)
				base = &pipeline.Review{Status: st, Note: strings.TrimSpace(v.Note), Reviewer: strings.TrimSpace(v.Reviewer)}
			}
		}
		updates = append(updates, pipeline.ReviewUpdate{
			DealID: id,
			Review: pipeline.Review{Status: st, Note: note, Reviewer: reviewer},
			Seen:   seenAt,
			Row:    rowNum,
			// No such column: keep what the store holds.
			KeepNote:     colOf(headNote) < 0,
			KeepReviewer: colOf(headReviewer) < 0,
			Base:         base,
		})
	}
	if len(fe.Problems) > 0 {
		return nil, fe
	}
	return updates, nil
}

// formulaLike reports whether a trimmed cell begins with a sign that makes
// a spreadsheet read it as a formula (= + - @), and which. Such a cell in a
// column kozan reads is refused rather than stored: it would travel on into
// exports, Elasticsearch and Kibana. Text the reviewer means literally is
// written with a leading ' (in CSV) or marked as text by the spreadsheet
// (XLSX's quote prefix); the export writes it that way too.
func formulaLike(v string) (string, bool) {
	if v == "" {
		return "", false
	}
	switch v[0] {
	case '=', '+', '-', '@':
		return v[:1], true
	}
	return "", false
}

func blank(rec []string) bool {
	for _, s := range rec {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// isDealID reports whether s looks like pipeline.DealID's output.
func isDealID(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// seenLayout is a reviewed_at format and how precise it is: a time read at
// a coarser precision than the export wrote (a spreadsheet reformatted the
// cell) stands for the end of its interval, so the store does not take the
// deal's own review for a newer one.
type seenLayout struct {
	layout string
	utc    bool          // no zone in the layout: the export wrote UTC
	step   time.Duration // 0: exact
}

func seenLayouts() []seenLayout {
	return []seenLayout{
		{time.RFC3339Nano, false, 0},
		{"2006-01-02T15:04:05.999999999", true, 0},
		{"2006-1-2 15:04:05.999999999", true, time.Second},
		{"2006/1/2 15:04:05.999999999", true, time.Second},
		{"2006-1-2 15:04", true, time.Minute},
		{"2006/1/2 15:04", true, time.Minute},
		{"2006-1-2", true, 24 * time.Hour},
		{"2006/1/2", true, 24 * time.Hour},
	}
}

// parseSeen reads a reviewed_at cell. Empty is nil: the export showed no
// review. With serial, a plain number is a spreadsheet date serial.
func parseSeen(s string, serial bool) (*time.Time, error) {
	if s == "" {
		return nil, nil
	}
	for _, l := range seenLayouts() {
		var (
			t   time.Time
			err error
		)
		if l.utc {
			t, err = time.ParseInLocation(l.layout, s, time.UTC)
		} else {
			t, err = time.Parse(l.layout, s)
		}
		if err != nil {
			continue
		}
		if l.step > 0 && t.Nanosecond() == 0 {
			t = t.Add(l.step - time.Nanosecond)
		}
		return &t, nil
	}
	if serial {
		if v, err := strconv.ParseFloat(s, 64); err == nil && v > 0 && !math.IsInf(v, 0) {
			if t, err := excelize.ExcelDateToTime(v, false); err == nil {
				t = t.Round(time.Millisecond).Truncate(time.Second).Add(time.Second - time.Nanosecond)
				return &t, nil
			}
		}
	}
	return nil, fmt.Errorf("%q is not a time; leave reviewed_at as exported (e.g. 2026-11-16T09:30:00Z) or empty", s)
}
