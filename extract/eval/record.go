package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"gopkg.in/yaml.v3"
)

// Record is one excerpt of an answer key: where its text came from and the
// deals a reviewer would want exported from it. The JSON form is the one in
// shared/realnews/ANNOTATION.md; a record in the seed's form (one object with
// "doc", "amounts_not_deals" and a "companies" alias map) loads too.
type Record struct {
	ID       string     `json:"id"`
	URL      string     `json:"url,omitempty"`
	Lang     string     `json:"lang"`
	Query    string     `json:"query,omitempty"`
	SHA256   string     `json:"sha256,omitempty"`
	Split    string     `json:"split,omitempty"`
	Deals    []GoldDeal `json:"deals"`
	NotDeals []Figure   `json:"not_deals,omitempty"`
	Comment  string     `json:"comment,omitempty"`

	// Doc names the text file (seed form); by default it is ID + ".txt".
	Doc string `json:"doc,omitempty"`
	// About describes the key (seed form).
	About string `json:"about,omitempty"`
	// AmountsNotDeals is the seed form's name for NotDeals; Load merges it.
	AmountsNotDeals []Figure `json:"amounts_not_deals,omitempty"`
	// Companies maps a party's name to the spellings the text uses (seed
	// form); they count as aliases of every deal of the record.
	Companies map[string][]string `json:"companies,omitempty"`

	// Line is the line of the file the record starts on (not in JSON).
	Line int `json:"-"`
}

// GoldDeal is one deal of the answer key.
type GoldDeal struct {
	Company             string   `json:"company"`
	Counterparty        *string  `json:"counterparty"`
	Amount              *float64 `json:"amount"`
	Currency            *string  `json:"currency"`
	Approx              bool     `json:"approx"`
	Kind                string   `json:"kind"`
	Note                string   `json:"note,omitempty"`
	CompanyAliases      []string `json:"company_aliases,omitempty"`
	CounterpartyAliases []string `json:"counterparty_aliases,omitempty"`
	OtherValues         []Value  `json:"other_values,omitempty"`
	Evidence            string   `json:"evidence,omitempty"`
	TermYears           *float64 `json:"term_years,omitempty"`
}

// Value is another figure of the same deal: with extensions, converted,
// a component or a running total (its Role).
type Value struct {
	Amount   float64 `json:"amount"`
	Currency string  `json:"currency"`
	Role     string  `json:"role"`
}

// Figure is a money figure of the text that is no deal's value.
type Figure struct {
	Amount   float64 `json:"amount"`
	Currency string  `json:"currency"`
	What     string  `json:"what,omitempty"`
	Why      string  `json:"why,omitempty"` // seed form of What
}

// TextFile is the name of the record's text file in the texts directory.
func (r Record) TextFile() string {
	if r.Doc != "" {
		return r.Doc
	}
	return r.ID + ".txt"
}

// LoadAliases reads groups of spellings of one party: a YAML (or JSON) list
// of lists, the first name of each group its key.
func LoadAliases(path string) ([][]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read aliases: %w", err)
	}
	var groups [][]string
	if err := yaml.Unmarshal(b, &groups); err != nil {
		return nil, fmt.Errorf("aliases %s: %w", path, err)
	}
	return groups, nil
}

// LoadFile reads an answer key: JSON lines, or one JSON object.
func LoadFile(path string) ([]Record, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read answer key: %w", err)
	}
	recs, err := Load(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return recs, nil
}

// Load decodes a stream of JSON records (JSON lines, or a single object
// spread over several lines). Unknown fields are errors naming their line,
// so that a misspelt key is not silently ignored.
func Load(r io.Reader) ([]Record, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var out []Record
	ids := map[string]int{}
	for {
		start := skipSpace(b, int(dec.InputOffset()))
		var rec Record
		err := dec.Decode(&rec)
		if errors.Is(err, io.EOF) {
			break
		}
		line := lineAt(b, start)
		if err != nil {
			var se *json.SyntaxError
			if errors.As(err, &se) {
				line = lineAt(b, int(se.Offset))
			}
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		rec.Line = line
		rec.NotDeals = append(rec.NotDeals, rec.AmountsNotDeals...)
		rec.AmountsNotDeals = nil
		if rec.ID == "" && rec.Doc != "" {
			rec.ID = strings.TrimSuffix(rec.Doc, ".txt")
		}
		if rec.ID == "" {
			return nil, fmt.Errorf("line %d: record without id", line)
		}
		if prev, ok := ids[rec.ID]; ok {
			return nil, fmt.Errorf("line %d: id %q already used on line %d", line, rec.ID, prev)
		}
		ids[rec.ID] = line
		out = append(out, rec)
	}
	return out, nil
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t') {
		i++
	}
	return i
}

// lineAt is the 1-based line of byte offset i.
func lineAt(b []byte, i int) int {
	if i > len(b) {
		i = len(b)
	}
	return bytes.Count(b[:i], []byte{'\n'}) + 1
}
