package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kozan-dev/kozan/pipeline"
	"golang.org/x/text/width"
)

// cellWidth is the display width of s in a terminal (East Asian wide = 2).
func cellWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// truncate cuts s to at most w display columns, marking the cut with "…".
func truncate(s string, w int) string {
	if cellWidth(s) <= w {
		return s
	}
	out, n := strings.Builder{}, 0
	for _, r := range s {
		rw := cellWidth(string(r))
		if n+rw > w-1 {
			break
		}
		out.WriteRune(r)
		n += rw
	}
	return out.String() + "…"
}

// printTable writes rows as aligned columns; maxw caps each column's width (0: no cap).
func printTable(w io.Writer, header []string, rows [][]string, maxw []int) error {
	widths := make([]int, len(header))
	cells := append([][]string{header}, rows...)
	for _, row := range cells {
		for i := range row {
			if i < len(maxw) && maxw[i] > 0 {
				row[i] = truncate(row[i], maxw[i])
			}
			if cw := cellWidth(row[i]); cw > widths[i] {
				widths[i] = cw
			}
		}
	}
	for ri, row := range cells {
		var b strings.Builder
		for i, c := range row {
			b.WriteString(c)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-cellWidth(c)+2))
			}
		}
		if _, err := fmt.Fprintln(w, strings.TrimRight(b.String(), " ")); err != nil {
			return err
		}
		if ri == 0 {
			var sep []string
			for _, wd := range widths {
				sep = append(sep, strings.Repeat("-", wd))
			}
			fmt.Fprintln(w, strings.Join(sep, "  "))
		}
	}
	return nil
}

// formatAmount renders an amount for people: "$12.8B", "¥20.0B (≈$134M)", "about $96M".
func formatAmount(a *pipeline.Amount) string {
	if a == nil {
		return "-"
	}
	s := short(a.Currency, a.Value)
	if a.Max > 0 {
		s += "–" + short("", a.Max)
	}
	switch a.Qualifier {
	case pipeline.QualAbout:
		s = "~" + s
	case pipeline.QualOver:
		s = ">" + s
	case pipeline.QualUnder:
		s = "<" + s
	case pipeline.QualUpTo:
		s = "≤" + s
	}
	if a.Currency != "USD" && a.USD != nil {
		s += " (≈" + short("USD", *a.USD) + ")"
	}
	return s
}

func short(currency string, v float64) string {
	sym := map[string]string{"USD": "$", "JPY": "¥", "EUR": "€", "GBP": "£", "CNY": "CN¥"}[currency]
	unit := ""
	switch {
	case v >= 1e12:
		v, unit = v/1e12, "T"
	case v >= 1e9:
		v, unit = v/1e9, "B"
	case v >= 1e6:
		v, unit = v/1e6, "M"
	case v >= 1e3:
		v, unit = v/1e3, "K"
	}
	num := strconv.FormatFloat(v, 'f', -1, 64)
	if len(num) > 5 {
		num = strconv.FormatFloat(v, 'f', 2, 64)
		num = strings.TrimRight(strings.TrimRight(num, "0"), ".")
	}
	if sym == "" && currency != "" {
		return num + unit + " " + currency
	}
	return sym + num + unit
}
