package review

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

// Column positions in every export, in order.
const (
	colID = iota
	colDate
	colCompany
	colCounterparty
	colKind
	colAmount
	colCurrency
	colQualifier
	colAmountUSD
	colTermYears
	colCapacityMW
	colEvidence
	colTitle
	colURL
	colLang
	colSource
	colConfidence
	colStatus
	colNote
	colReviewer
	colReviewedAt
	colExported
	numCols
)

// columnNames returns the header of the CSV and XLSX exports.
func columnNames() [numCols]string {
	return [numCols]string{
		"id", "date", "company", "counterparty", "kind", "amount", "currency", "qualifier",
		"amount_usd", "term_years", "capacity_mw", "evidence", "title", "url", "lang", "source",
		"confidence", "status", "note", "reviewer", "reviewed_at", "exported",
	}
}

// Columns returns the header of the CSV and XLSX exports, in order. The
// order is stable; Import finds columns by name, so it may change in a
// reviewer's file.
func Columns() []string {
	names := columnNames()
	return names[:]
}

// cellKind says how a cell is written.
type cellKind uint8

const (
	cellEmpty  cellKind = iota
	cellText            // s, guarded against formula injection
	cellNumber          // f
	cellDate            // t, a calendar date (UTC midnight)
	cellURLs            // urls; s holds them joined by a newline
)

// cell is one typed value of an exported row.
type cell struct {
	kind cellKind
	s    string
	f    float64
	t    time.Time
	urls []string
}

// row is one deal as typed cells, in Columns order.
type row [numCols]cell

func text(s string) cell {
	if s == "" {
		return cell{}
	}
	return cell{kind: cellText, s: s}
}

func number(f float64) cell { return cell{kind: cellNumber, f: f} }

func optNumber(f *float64) cell {
	if f == nil {
		return cell{}
	}
	return number(*f)
}

// makeRow lays one deal out as cells.
func makeRow(r *pipeline.DealRecord, out *row) {
	*out = row{}
	out[colID] = text(r.ID)
	if r.PublishedAt != nil {
		out[colDate] = cell{kind: cellDate, t: dateOf(*r.PublishedAt)}
	}
	out[colCompany] = text(r.Company)
	out[colCounterparty] = text(string(r.Counterparty))
	out[colKind] = text(string(r.Kind))
	if a := r.Amount; a != nil {
		out[colAmount] = number(a.Value)
		out[colCurrency] = text(a.Currency)
		out[colQualifier] = text(a.Qualifier)
		out[colAmountUSD] = optNumber(a.USD)
	}
	out[colTermYears] = optNumber(r.TermYears)
	out[colCapacityMW] = optNumber(r.CapacityMW)
	out[colEvidence] = text(r.Evidence)
	out[colTitle] = text(r.Title)
	if urls := dealURLs(r); len(urls) > 0 {
		out[colURL] = cell{kind: cellURLs, s: strings.Join(urls, "\n"), urls: urls}
	}
	out[colLang] = text(r.Lang)
	out[colSource] = text(r.Source)
	out[colConfidence] = number(r.Confidence)
	out[colStatus] = text(statusOf(r.Review))
	out[colNote] = text(r.Review.Note)
	out[colReviewer] = text(r.Review.Reviewer)
	if t := r.Review.ReviewedAt; t != nil {
		out[colReviewedAt] = text(formatSeen(*t))
	}
	out[colExported] = text(encodeExported(r.ID, pipeline.Review{Status: statusOf(r.Review), Note: r.Review.Note, Reviewer: r.Review.Reviewer}))
}

// exportedPrefix begins every exported cell (and keeps it from looking
// like a formula).
const exportedPrefix = "v1."

// exportedValue is what the exported column carries: the review as the
// export showed it, tied to its deal.
type exportedValue struct {
	ID       string `json:"id"`
	Status   string `json:"status"`
	Note     string `json:"note"`
	Reviewer string `json:"reviewer"`
}

// encodeExported writes the exported column: the deal's status, note and
// reviewer as exported, so that an import can tell what the reviewer
// changed from what they left as it was.
func encodeExported(id string, rv pipeline.Review) string {
	b, _ := json.Marshal(exportedValue{ID: id, Status: rv.Status, Note: rv.Note, Reviewer: rv.Reviewer})
	return exportedPrefix + base64.RawURLEncoding.EncodeToString(b)
}

// decodeExported reads an exported cell back.
func decodeExported(s string) (exportedValue, error) {
	var v exportedValue
	rest, ok := strings.CutPrefix(s, exportedPrefix)
	if !ok {
		return v, errors.New("not as exported")
	}
	b, err := base64.RawURLEncoding.DecodeString(rest)
	if err != nil {
		return v, errors.New("not as exported")
	}
	if err := json.Unmarshal(b, &v); err != nil || v.ID == "" {
		return v, errors.New("not as exported")
	}
	return v, nil
}

// dateOf is the calendar date of t in its own location, as UTC midnight.
func dateOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// formatSeen writes a review time so that Import reads back the same instant.
func formatSeen(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// statusOf is the status to show: pending when the store has none.
func statusOf(rv pipeline.Review) string {
	if rv.Status == "" {
		return pipeline.StatusPending
	}
	return rv.Status
}

// dealURLs lists every source URL of a deal, its own first, without repeats.
func dealURLs(r *pipeline.DealRecord) []string {
	if len(r.URLs) == 0 {
		if r.URL == "" {
			return nil
		}
		return []string{r.URL}
	}
	out := make([]string, 0, len(r.URLs)+1)
	if r.URL != "" {
		out = append(out, r.URL)
	}
	for _, u := range r.URLs {
		if u != "" && !contains(out, u) {
			out = append(out, u)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// formatNumber writes a number plainly: no exponent, no grouping, no
// trailing zeros.
func formatNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// guarded reports whether a spreadsheet could take s for a formula (it
// begins with = + - @, a tab or a carriage return), or whether s is
// already-guarded-looking text (a ' followed by such text), which must be
// guarded too so that unguard is an exact inverse.
func guarded(s string) bool {
	for s != "" {
		switch s[0] {
		case '=', '+', '-', '@', '\t', '\r':
			return true
		case '\'':
			s = s[1:]
		default:
			return false
		}
	}
	return false
}

// guard neutralises text a spreadsheet would run as a formula by prefixing
// a single quote.
func guard(s string) string {
	if guarded(s) {
		return "'" + s
	}
	return s
}

// unguard removes the quote guard added; unguard(guard(s)) == s for every s.
func unguard(s string) string {
	if len(s) > 1 && s[0] == '\'' && guarded(s[1:]) {
		return s[1:]
	}
	return s
}
